// Words for the journal's snapshots, as Settings lists them.
import type { Backup } from './types';

const REASONS: Record<Backup['reason'], string> = {
  daily: 'Daily',
  'pre-migration': 'Before an upgrade',
  'pre-import': 'Before an import',
  manual: 'Taken by you',
  'before-restore': 'Before a restore',
};

/** Why a snapshot was taken, in words: "Before an import". */
export function backupReasonLabel(reason: Backup['reason']): string {
  return REASONS[reason];
}

/** What a snapshot holds: "12 entries, 96 KB". */
export function backupSummary(b: Pick<Backup, 'entries' | 'bytes'>, locale?: string): string {
  const entries = `${b.entries.toLocaleString(locale)} ${b.entries === 1 ? 'entry' : 'entries'}`;
  return `${entries}, ${formatBytes(b.bytes, locale)}`;
}

/** A file size in the largest unit that keeps it at least 1: "96 KB", "1.4 MB". */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}
