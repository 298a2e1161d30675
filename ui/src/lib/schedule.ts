// Pure helpers of the Schedule screen: heat-map cells, slot marking, slot
// times and who is outside their hours, all in the user's zone.

import { dayIn, formatInstantRange, formatTime, formatTimeRange, startOfDay } from './dates';
import type { Heatmap, Slot, SocialView } from './types';

/** A cell's share of the group in hours, 0 to 1 (0 for an empty group). */
export function heat(count: number, people: number): number {
  return people > 0 ? Math.min(1, Math.max(0, count / people)) : 0;
}

/** The instant (ms) cell `index` of `day` begins: `index × cellMinutes` after that day's midnight in `zone`. */
export function cellStart(day: string, index: number, cellMinutes: number, zone: string): number | null {
  const midnight = startOfDay(day, zone);
  return midnight ? midnight.getTime() + index * cellMinutes * 60_000 : null;
}

/**
 * The time of day in `zone` at which cell `index` of `day` begins, in the
 * locale's clock: on a day the clocks change it is the clock's time, not
 * the minutes since midnight.
 */
export function cellTime(day: string, index: number, cellMinutes: number, zone: string, locale?: string): string {
  const at = cellStart(day, index, cellMinutes, zone);
  return at === null ? '' : formatTime(new Date(at).toISOString(), { locale, timeZone: zone });
}

/** The heat-map cells (`day:cell` keys) `slot` overlaps. */
export function coveredCells(map: Heatmap, slot: Pick<Slot, 'start' | 'end'>): string[] {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  const out: string[] = [];
  map.days.forEach((day, d) => {
    map.counts[d].forEach((_, c) => {
      const from = cellStart(day, c, map.cell_minutes, map.zone);
      if (from === null) return;
      const to = from + map.cell_minutes * 60_000;
      if (from < end && to > start) out.push(`${d}:${c}`);
    });
  });
  return out;
}

/**
 * For each heat-map cell, the rank (1-based) of the best slot that covers
 * it, or 0. Keys are `day:cell`.
 */
export function slotCells(map: Heatmap, slots: Slot[]): Map<string, number> {
  const out = new Map<string, number>();
  slots.forEach((slot, k) => {
    for (const key of coveredCells(map, slot)) if (!out.has(key)) out.set(key, k + 1);
  });
  return out;
}

/** A slot or meeting in `zone`: "Tue 1 Dec, 15:45–16:45" in the locale's format. */
export function formatSlot(start: string, end: string, zone: string, locale?: string): string {
  return formatInstantRange(start, end, { locale, timeZone: zone });
}

/**
 * Someone's local time of a meeting: the times alone when their day is the
 * user's day, else with their date ("Wed 2 Dec, 02:30–03:30").
 */
export function localWhen(start: string, end: string, zone: string, userZone: string, locale?: string): string {
  const t = new Date(start);
  if (!Number.isNaN(t.getTime()) && dayIn(t, zone) === dayIn(t, userZone)) {
    return formatTimeRange(start, end, { locale, timeZone: zone });
  }
  return formatInstantRange(start, end, { locale, timeZone: zone });
}

/** A member of the group as the plan knows them. */
export interface Member {
  name: string;
  zone: string;
}

/** The group of a plan by email, from the meetings' local times. */
export function members(plan: Pick<SocialView, 'agenda'>): Map<string, Member> {
  const out = new Map<string, Member>();
  for (const item of plan.agenda) for (const t of item.local_times) out.set(t.email, { name: t.name, zone: t.zone });
  return out;
}

/** How a slot suits the group: how many are in their hours, and who is not, at what local time. */
export interface SlotFit {
  inHours: number;
  total: number;
  outside: Array<{ email: string; name: string; time: string | null }>;
}

export function slotFit(slot: Slot, group: Map<string, Member>, locale?: string): SlotFit {
  const outside = slot.outside_hours.map((email) => {
    const m = group.get(email);
    return { email, name: m?.name ?? email, time: m ? formatTime(slot.start, { locale, timeZone: m.zone }) : null };
  });
  return { inHours: slot.in_hours, total: slot.in_hours + outside.length, outside };
}

/** How many outside people a slot's line names before "and N more". */
export const OUTSIDE_NAMED = 3;

/** A slot's fit in a line: "5 of 6 in hours · outside: Priya (21:30)". */
export function slotFitLine(fit: SlotFit, named = OUTSIDE_NAMED): string {
  const head = `${fit.inHours} of ${fit.total} in hours`;
  if (fit.outside.length === 0) return head;
  const names = fit.outside.slice(0, named).map((p) => (p.time ? `${p.name} (${p.time})` : p.name));
  const more = fit.outside.length - named;
  return `${head} · outside: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Meetings with more attendees than this get a summary instead of every name. */
export const LIST_IN_FULL = 8;

/** Attendees split by whether the meeting is inside their working hours, order kept. */
export function splitByHours<T extends { outside_hours: boolean }>(people: T[]): { inHours: T[]; outside: T[] } {
  return { inHours: people.filter((p) => !p.outside_hours), outside: people.filter((p) => p.outside_hours) };
}

/** The summary of a big meeting's attendees: "41 in hours, 7 outside", or "All 48 in hours". */
export function hoursSummary(inHours: number, outside: number): string {
  if (outside === 0) return `All ${inHours} in hours`;
  if (inHours === 0) return `All ${outside} outside their hours`;
  return `${inHours} in hours, ${outside} outside`;
}

/** The start a social is planned with: the chosen one when it is still among the slots, else null (the best). */
export function keptStart(chosen: string | null, slots: Slot[]): string | null {
  if (!chosen || slots.length === 0) return null;
  const t = Date.parse(chosen);
  const hit = slots.find((s) => Date.parse(s.start) === t);
  return hit && hit !== slots[0] ? hit.start : null;
}

/** People outside their hours at least once in a series, most often first, with names. */
export function outsideBurden(plan: SocialView): Array<{ email: string; name: string; count: number }> {
  const group = members(plan);
  return Object.entries(plan.outside_hours_count)
    .filter(([, n]) => n > 0)
    .map(([email, count]) => ({ email, name: group.get(email)?.name ?? email, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
