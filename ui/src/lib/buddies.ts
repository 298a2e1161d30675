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

/**
 * Whether a CSV's header names a history of past pairings (`joiner_email`
 * and `buddy_email` columns) rather than a roster.
 */
export function isHistoryCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  return columns.includes('joiner_email') && columns.includes('buddy_email');
}

/** How many reasons a row shows before "+N" reveals the rest. */
export const TOP_REASONS = 2;

/** A row's reasons split into the ones shown at once and the rest. */
export function reasonSummary(reasons: string[], top = TOP_REASONS): { shown: string[]; rest: string[] } {
  const all = reasonChips(reasons);
  return { shown: all.slice(0, top), rest: all.slice(top) };
}

/**
 * The pairs "Copy introductions" copies: the selected ones when any are
 * selected, else the accepted ones (accepting clears the selection, so this
 * is what was just accepted). Only pairs with an introduction count.
 */
export function introductionRows(
  rows: ProposalRow[],
  selected: Set<string>,
): { rows: ProposalRow[]; from: 'selected' | 'accepted' } {
  const withIntro = rows.filter((r) => r.intro);
  const chosen = withIntro.filter((r) => r.accepted_on === null && selected.has(r.joiner.email));
  if (chosen.length > 0) return { rows: chosen, from: 'selected' };
  return { rows: withIntro.filter((r) => r.accepted_on !== null), from: 'accepted' };
}

/** Introductions as one text to paste: each trimmed, separated by a rule. */
export function introductionsText(rows: ProposalRow[]): string {
  return rows
    .map((r) => r.intro?.trim() ?? '')
    .filter(Boolean)
    .join('\n\n---\n\n');
}

/** Every month with an accepted pair (`YYYY-MM`), oldest first. */
export function loadMonths(load: Array<{ months: Array<[string, number]> }>): string[] {
  return [...new Set(load.flatMap((b) => b.months.map(([m]) => m)))].sort();
}

/** The load chart says something only once pairs span two months or more. */
export function showsLoadChart(load: Array<{ months: Array<[string, number]> }>): boolean {
  return loadMonths(load).length >= 2;
}
