// Pure helpers of the buddy matching screen: locks, selection, and display.

import type { Lock, Proposal, ProposalRow } from './types';

/** The locks with `joiner` locked to `buddy` (replacing any lock of that joiner). */
export function withLock(locks: Lock[], joiner: string, buddy: string): Lock[] {
  return [...withoutLock(locks, joiner), [joiner, buddy]];
}

/** The locks without any lock of `joiner`. */
export function withoutLock(locks: Lock[], joiner: string): Lock[] {
  return locks.filter(([j]) => j !== joiner);
}

/** Rows that can be accepted now: a proposed buddy, not accepted before. */
export function acceptable(rows: ProposalRow[]): ProposalRow[] {
  return rows.filter((r) => r.buddy !== null && r.accepted_on === null);
}

/** The selection kept to joiners that can still be accepted. */
export function keepSelectable(selected: Set<string>, proposal: Proposal): Set<string> {
  const ok = new Set(acceptable(proposal.rows).map((r) => r.joiner.email));
  return new Set([...selected].filter((e) => ok.has(e)));
}

/** A score in [0, 1] as a whole percentage for the score bar (clamped). */
export function scorePercent(score: number | null): number {
  if (score === null || !Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** `0.8312` → `0.83`. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** Reasons worth a chip: the team line is shown next to the names already. */
export function reasonChips(reasons: string[]): string[] {
  return reasons.filter((r) => !r.startsWith('different teams:'));
}

/** The biggest monthly count across buddies, at least 1 (chart scale). */
export function maxMonthly(load: Array<{ months: Array<[string, number]> }>): number {
  let max = 1;
  for (const b of load) for (const [, n] of b.months) max = Math.max(max, n);
  return max;
}

/** A roster file name is accepted by its extension (the content is checked by the app). */
export function looksLikeCsv(name: string): boolean {
  return /\.csv$/i.test(name.trim());
}
