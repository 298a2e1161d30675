// Browser preview of the On-call screen: a fixed rotation of four people in
// four zones, with a few nights broken. Loaded only through ./mock.ts.

import type { CommandHandlers } from './transport';
import type { ApiError, OncallQuery, PersonReport, ScreenReport } from './types';

function invalid(field: string, message: string): never {
  throw { code: 'invalid_input', message, field } satisfies ApiError;
}

const person = (
  email: string,
  name: string,
  hours: number,
  pages: number,
  [sleep, off_hours, business]: [number, number, number],
  nights: number,
  busy: number,
  streak: number,
  share: number | null,
): PersonReport => ({
  email,
  name,
  oncall_hours: hours,
  pages,
  interruptions: { sleep, off_hours, business },
  nights_interrupted: nights,
  busy_windows: busy,
  longest_streak_days: streak,
  night_share: share,
});

/** 7 weekdays × 24 local hours, with the interruptions of the people above. */
function heat(): ScreenReport['heat'] {
  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const hits: Array<[number, number, number]> = [
    [0, 2, 2], [0, 3, 1], [1, 1, 1], [1, 23, 1], [2, 4, 2], [3, 10, 1], [3, 14, 2],
    [4, 19, 1], [4, 21, 1], [5, 3, 3], [5, 11, 1], [6, 6, 1], [6, 20, 1], [2, 15, 1],
  ];
  for (const [d, h, n] of hits) counts[d][h] += n;
  return { counts: counts as ScreenReport['heat']['counts'], max: 3 };
}

function report(q: OncallQuery): ScreenReport {
  if (!q.roster) invalid('roster', 'Choose the rotation file first.');
  if (q.to <= q.from) invalid('to', `\`${q.to}\` is not after the first day \`${q.from}\``);
  const wantsNext = !!(q.next_start && q.next_end);
  return {
    from: q.from,
    to: q.to,
    people: [
      person('kenji@example.org', 'Kenji Watanabe', 168, 4, [1, 2, 1], 1, 0, 1, 0.14),
      person('lucia@example.org', 'Lucía Romero', 120, 3, [0, 1, 2], 0, 0, 0, 0),
      person('priya@example.org', 'Priya Raman', 168, 9, [5, 2, 1], 4, 1, 3, 0.71),
      person('tom@example.org', 'Tom Li', 96, 2, [1, 0, 1], 1, 0, 1, 0.14),
    ],
    fairness: { gini: 0.31 },
    warnings: [
      { email: 'priya@example.org', kind: 'nights', message: '4 nights interrupted within 7 days.' },
      { email: 'priya@example.org', kind: 'night_share', message: '5 of the 7 sleep interruptions: more than twice a fair share.' },
      { email: 'priya@example.org', kind: 'busy_window', message: '1 stretch of 12 hours with more than 2 interruptions.' },
      { email: 'kenji@example.org', kind: 'oncall_time', message: 'On call for 25% of the period.' },
    ],
    unattributed: [],
    next_shift: wantsNext
      ? { email: 'lucia@example.org', name: 'Lucía Romero', reason: 'No night interrupted in the period and the fewest pages; it is daytime in São Paulo.' }
      : undefined,
    skipped: [],
    heat: heat(),
    thanks: [
      {
        person: 'Priya Raman',
        email: 'priya@example.org',
        message: 'Thank you for getting up at 03:12 for "Checkout DB slow" and getting it back on its feet.',
        tags: ['on-call'],
        link: 'https://pd.example/incidents/1',
      },
      {
        person: 'Kenji Watanabe',
        email: 'kenji@example.org',
        message: 'Thank you for taking the 02:40 page on "Search disk full".',
        tags: ['on-call'],
        link: null,
      },
    ],
  };
}

export const oncallHandlers: Partial<CommandHandlers> = {
  oncallReport: (query) => report(query as OncallQuery),
  oncallImport: (shifts, incidents) => {
    if (!shifts && !incidents) invalid('shifts', 'Choose a shifts or an incidents file to import.');
    return {
      shifts_added: shifts ? 12 : 0,
      shifts_known: shifts ? 2 : 0,
      incidents_added: incidents ? 19 : 0,
      incidents_updated: incidents ? 1 : 0,
    };
  },
};
