import type { IconName } from '../components/Icon.svelte';

export type Page = 'journal' | 'buddies' | 'schedule' | 'threads' | 'oncall' | 'settings';

export const PAGES: ReadonlyArray<{ id: Page; label: string; icon: IconName }> = [
  { id: 'journal', label: 'Journal', icon: 'journal' },
  { id: 'buddies', label: 'Buddies', icon: 'buddies' },
  { id: 'schedule', label: 'Schedule', icon: 'schedule' },
  { id: 'threads', label: 'Threads', icon: 'threads' },
  { id: 'oncall', label: 'On-call', icon: 'pager' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
];
