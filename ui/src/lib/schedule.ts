// Pure helpers of the Schedule screen: heat-map cells, slot marking, slot times.

import { formatClock, formatInstantRange } from './dates';
import type { Heatmap, Slot, SocialView } from './types';

/** A cell's share of the group in hours, 0 to 1 (0 for an empty group). */
export function heat(count: number, people: number): number {
  return people > 0 ? Math.min(1, Math.max(0, count / people)) : 0;
}

/** The time of day (UTC) at the start of cell `index`, in the locale's clock. */
export function cellTime(index: number, cellMinutes: number, locale?: string): string {
  return formatClock(index * cellMinutes, locale);
}

/**
 * For each heat-map cell, the rank (1-based) of the best slot that covers
 * it, or 0. Keys are `day:cell`.
 */
export function slotCells(map: Heatmap, slots: Slot[]): Map<string, number> {
  const out = new Map<string, number>();
  slots.forEach((slot, k) => {
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    map.days.forEach((day, d) => {
      const midnight = Date.parse(`${day}T00:00:00Z`);
      map.counts[d].forEach((_, c) => {
        const from = midnight + c * map.cell_minutes * 60_000;
        const to = from + map.cell_minutes * 60_000;
        const key = `${d}:${c}`;
        if (from < end && to > start && !out.has(key)) out.set(key, k + 1);
      });
    });
  });
  return out;
}

/** A slot in UTC, as the heat map beside it counts: "Tue 1 Dec, 10:15–11:15 UTC" in the locale's format. */
export function utcRange(start: string, end: string, locale?: string): string {
  return `${formatInstantRange(start, end, { locale, timeZone: 'UTC' })} UTC`;
}

/** People outside their hours at least once in a series, most often first, with names. */
export function outsideBurden(plan: SocialView): Array<{ email: string; name: string; count: number }> {
  const names = new Map<string, string>();
  for (const item of plan.agenda) for (const t of item.local_times) names.set(t.email, t.name);
  return Object.entries(plan.outside_hours_count)
    .filter(([, n]) => n > 0)
    .map(([email, count]) => ({ email, name: names.get(email) ?? email, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
