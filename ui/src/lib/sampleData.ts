// Sample kudos for a first look at the journal, and the rule that finds them
// again: every sample entry carries the tag `sample`, so "Remove it" deletes
// exactly those and nothing the user wrote.

import { isoDay, shiftDay } from './dates';
import type { Entry, Filter, NewEntry } from './types';

/** The tag every sample entry carries. */
export const SAMPLE_TAG = 'sample';

/** The filter that lists the sample entries. */
export const SAMPLE_FILTER: Filter = { tag: SAMPLE_TAG };

/** What each sample says, and how many days before today it happened. */
const SAMPLES: ReadonlyArray<{
  direction: NewEntry['direction'];
  person: string;
  message: string;
  tags: string[];
  daysAgo: number;
}> = [
  {
    direction: 'given',
    person: 'Amara Okafor',
    message: 'Thanks for pairing on the flaky checkout test. You found the race in ten minutes and explained it so I can spot the next one.',
    tags: ['pairing', 'debugging'],
    daysAgo: 2,
  },
  {
    direction: 'received',
    person: 'Kenji Watanabe',
    message: 'Your onboarding notes saved my first week. The “who to ask about what” list is gold.',
    tags: ['onboarding', 'writing'],
    daysAgo: 5,
  },
  {
    direction: 'given',
    person: 'Lucía Romero',
    message: 'You moved the design review to fit my morning in Berlin, even though it meant an early start in São Paulo. Thank you.',
    tags: ['kindness'],
    daysAgo: 9,
  },
  {
    direction: 'received',
    person: 'Priya Patel',
    message: 'Calm, clear updates during Tuesday’s outage. It kept everyone focused on the fix instead of the noise.',
    tags: ['incident', 'on-call'],
    daysAgo: 16,
  },
  {
    direction: 'given',
    person: 'Goran Ivanov',
    message: 'Took my on-call shift over the long weekend so I could visit family. I owe you one.',
    tags: ['on-call', 'kindness'],
    daysAgo: 24,
  },
  {
    direction: 'given',
    person: 'Mei Lin',
    message: 'Your review of the payments migration caught the rounding bug before it reached anyone. Direct and kind, as always.',
    tags: ['review'],
    daysAgo: 33,
  },
  {
    direction: 'received',
    person: 'Amara Okafor',
    message: 'Thanks for the walkthrough of the tracing setup. I ran my first investigation alone the next day.',
    tags: ['mentoring'],
    daysAgo: 45,
  },
  {
    direction: 'given',
    person: 'Sam O’Neil',
    message: 'The retro you hosted was the first one where the quiet people spoke up. Great facilitation.',
    tags: ['facilitation'],
    daysAgo: 58,
  },
];

/** The sample entries, dated relative to `today` (`YYYY-MM-DD`), oldest last. */
export function sampleEntries(today: string = isoDay()): NewEntry[] {
  return SAMPLES.map((s) => ({
    direction: s.direction,
    person: s.person,
    message: s.message,
    tags: [...s.tags, SAMPLE_TAG],
    occurred_on: shiftDay(today, -s.daysAgo) ?? today,
  }));
}

/** True for an entry added as sample data (tags match case-insensitively, as the filter does). */
export function isSample(entry: Pick<Entry, 'tags'>): boolean {
  return entry.tags.some((t) => t.toLocaleLowerCase() === SAMPLE_TAG);
}

/** The backend calls the sample data needs (backend.ts's, or fakes in tests). */
export interface SampleBackend {
  list: (filter: Filter) => Promise<Array<Pick<Entry, 'id' | 'tags'>>>;
  add: (entry: NewEntry) => Promise<unknown>;
  remove: (id: number) => Promise<unknown>;
}

/**
 * Adds the sample entries unless some are already there; resolves to how
 * many were added (0 when samples existed).
 */
export async function addSampleData(api: Pick<SampleBackend, 'list' | 'add'>, today: string = isoDay()): Promise<number> {
  const existing = await api.list(SAMPLE_FILTER);
  if (existing.some(isSample)) return 0;
  let added = 0;
  for (const entry of sampleEntries(today)) {
    await api.add(entry);
    added++;
  }
  return added;
}

/** Deletes every sample entry and nothing else; resolves to how many were deleted. */
export async function removeSampleData(api: Pick<SampleBackend, 'list' | 'remove'>): Promise<number> {
  const samples = (await api.list(SAMPLE_FILTER)).filter(isSample);
  let removed = 0;
  for (const e of samples) {
    await api.remove(e.id);
    removed++;
  }
  return removed;
}
