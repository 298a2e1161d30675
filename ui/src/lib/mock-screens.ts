// Browser preview of the Buddies, Schedule and Threads screens: a tiny fixed
// roster and a proposal that honours locks and acceptances; the planners and
// the thread analysis answer only in the app. Loaded only through ./mock.ts.

import type { CommandHandlers } from './transport';
import type { BuddyLoad, Lock, Pairing, PersonBrief, Proposal, ProposalRow, WatchSettings, Weights } from './types';

const P = (email: string, name: string, team: string, timezone: string, start_date: string): PersonBrief => ({
  email,
  name,
  team,
  timezone,
  start_date,
});

const JOINERS = [
  P('amara@example.org', 'Amara Okafor', 'Payments', 'Africa/Lagos', '2026-11-02'),
  P('kenji@example.org', 'Kenji Watanabe', 'SRE', 'Asia/Tokyo', '2026-11-16'),
  P('lucia@example.org', 'Lucía Romero', 'Design', 'America/Sao_Paulo', '2026-12-01'),
];
const BUDDIES = [
  P('priya@example.org', 'Priya Patel', 'SRE', 'Europe/London', '2021-03-01'),
  P('goran@example.org', 'Goran Ivanov', 'Platform', 'Europe/Berlin', '2019-06-10'),
  P('mei@example.org', 'Mei Lin', 'Payments', 'Asia/Singapore', '2022-01-17'),
];
const SCORES: Record<string, number[]> = {
  'amara@example.org': [0.82, 0.74, 0],
  'kenji@example.org': [0, 0.61, 0.77],
  'lucia@example.org': [0.58, 0.66, 0.41],
};

const pairings: Pairing[] = [];
/** `?empty` is a first run: no roster until one is imported on Buddies. */
let rosterLoaded = !new URLSearchParams(typeof location === 'undefined' ? '' : location.search).has('empty');
let watch: WatchSettings = { folder_enabled: false, folder: null, clipboard_enabled: false };
let weights: Weights = { shared_hours: 0.4, shared_interests: 0.3, low_load: 0.2, tenure: 0.1 };

function propose(locks: Lock[]): Proposal {
  if (!rosterLoaded) {
    return { today: '2026-11-25', people: 0, rows: [], matched: 0, total_score: 0, ignored_locks: [] };
  }
  const taken = new Set<string>();
  const rows: ProposalRow[] = JOINERS.map((j) => {
    const done = pairings.find((p) => p.joiner === j.email);
    const lock = locks.find(([l]) => l === j.email);
    const options = BUDDIES.map((b, k) => ({ buddy: b, score: SCORES[j.email][k] }))
      .filter((o) => o.score > 0)
      .sort((a, b) => b.score - a.score);
    const pick = done
      ? options.find((o) => o.buddy.email === done.buddy)
      : (options.find((o) => o.buddy.email === lock?.[1]) ?? options.find((o) => !taken.has(o.buddy.email)));
    if (pick) taken.add(pick.buddy.email);
    return {
      joiner: j,
      buddy: pick?.buddy ?? null,
      score: pick?.score ?? null,
      reasons: pick ? [`different teams: ${j.team} / ${pick.buddy.team}`, '3.5 h shared working time'] : [],
      locked: !!lock && !done,
      unmatched_reason: pick ? null : 'every possible buddy is at capacity',
      alternatives: done ? [] : options.filter((o) => o !== pick),
      intro: pick ? `Hi ${j.name} and ${pick.buddy.name}!\n\nHow about a first 30-minute chat this week?\n` : null,
      accepted_on: done?.paired_on ?? null,
    };
  });
  return {
    today: '2026-11-25',
    people: JOINERS.length + BUDDIES.length,
    rows,
    matched: rows.filter((r) => r.buddy).length,
    total_score: rows.reduce((t, r) => t + (r.score ?? 0), 0),
    ignored_locks: [],
  };
}

function load(): BuddyLoad[] {
  return BUDDIES.filter((b) => pairings.some((p) => p.buddy === b.email)).map((b) => {
    const n = pairings.filter((p) => p.buddy === b.email).length;
    return { buddy: b.email, name: b.name, capacity: 1, total: n, months: [['2026-11', n]] };
  });
}

function imported() {
  const first = !rosterLoaded;
  rosterLoaded = true;
  const n = JOINERS.length + BUDDIES.length;
  return first ? { added: n, updated: 0 } : { added: 0, updated: n };
}

export const screenHandlers: Partial<CommandHandlers> = {
  buddiesImportRoster: () => imported(),
  buddiesImportRosterText: () => imported(),
  buddiesPropose: (_today, locks) => propose(locks as Lock[]),
  buddiesAccept: (_today, locks, joiners) => {
    const rows = propose(locks as Lock[]).rows;
    let n = 0;
    for (const email of joiners as string[]) {
      const r = rows.find((x) => x.joiner.email === email);
      if (!r?.buddy || r.accepted_on) continue;
      pairings.push({
        joiner: email,
        buddy: r.buddy.email,
        paired_on: '2026-11-25',
        score: r.score,
        reasons: r.reasons,
        source: 'accepted',
      });
      n++;
    }
    return n;
  },
  buddiesPairings: () => pairings,
  buddiesExport: () => pairings.length,
  buddiesLoad: load,
  buddiesWeightsGet: () => weights,
  buddiesWeightsSet: (w) => (weights = w as Weights),
  // The Schedule screen in the preview: no stored meetings, no planner.
  scheduleTeams: () => (rosterLoaded ? [...new Set([...JOINERS, ...BUDDIES].map((p) => p.team))].sort() : []),
  scheduleCheckins: () => [],
  scheduleSocial: () => {
    throw { code: 'invalid_input', message: 'Socials are planned by the desktop app, not in this preview.' };
  },
  scheduleAgenda: () => [],
  remindersMissed: () => [],
  scheduleHeatmap: () => ({ days: [], cell_minutes: 30, counts: [], people: 0, zone: 'UTC' }),
  threadsWatchGet: () => watch,
  threadsWatchSet: (settings) => (watch = settings as WatchSettings),
  threadsReviewText: () => {
    throw { code: 'invalid_input', message: 'Threads are analysed by the desktop app, not in this preview.' };
  },
  threadsReviewPath: () => {
    throw { code: 'invalid_input', message: 'Threads are analysed by the desktop app, not in this preview.' };
  },
};
