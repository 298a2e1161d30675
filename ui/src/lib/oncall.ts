// Pure helpers of the On-call screen: the default period, the band bar,
// the heat map cells and the local→UTC times of a next shift.

import type { BandCounts } from './bindings';
import { formatClock, shiftDay, weekdayName } from './dates';

/** The last 28 days up to and including `today`, as first and last day shown. */
export function defaultPeriod(today: string): { first: string; last: string } {
  return { first: shiftDay(today, -27) ?? today, last: today };
}

/** The days the report asks for, `[from, to)`, from the inclusive days shown; null when not days. */
export function queryPeriod(first: string, last: string): { from: string; to: string } | null {
  const to = shiftDay(last.trim(), 1);
  if (!to || !shiftDay(first.trim(), 0)) return null;
  return { from: first.trim(), to };
}

export type Band = keyof BandCounts;

/** The bands in the order the bar draws them, with their letter and label. */
export const BANDS: ReadonlyArray<{ band: Band; letter: string; label: string }> = [
  { band: 'sleep', letter: 'S', label: 'During sleep' },
  { band: 'off_hours', letter: 'O', label: 'Off hours' },
  { band: 'business', letter: 'B', label: 'Working hours' },
];

/** Each band's share of the bar, in percent of `scale` (the busiest person's total). */
export function bandWidths(counts: BandCounts, scale: number): Record<Band, number> {
  const pct = (n: number) => (scale > 0 ? Math.round((n / scale) * 1000) / 10 : 0);
  return { sleep: pct(counts.sleep), off_hours: pct(counts.off_hours), business: pct(counts.business) };
}

export const bandTotal = (c: BandCounts) => c.sleep + c.off_hours + c.business;

/** Shading from which a cell's number is written in light text. */
export const STRONG_SHADE = 0.6;

/** Shading of a heat cell, 0 (none) to 1 (the busiest cell). */
export function heatShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round((0.2 + 0.8 * Math.min(count / max, 1)) * 100) / 100;
}

/** `Mon 03:00–04:00: 2 interruptions`, the text of one heat cell; `day` 0 is Monday, as the report's heat rows are. */
export function heatLabel(day: number, hour: number, count: number, locale?: string): string {
  const what = count === 1 ? '1 interruption' : `${count} interruptions`;
  const [from, to] = [formatClock(hour * 60, locale), formatClock((hour + 1) * 60, locale)];
  return `${weekdayName(day + 1, 'short', locale)} ${from}–${to}: ${what}`;
}

/**
 * A local time `YYYY-MM-DD HH:MM` (or with a `T`, in the computer's own zone)
 * as a UTC instant `YYYY-MM-DDTHH:MM:SSZ`; null when empty or not a time.
 */
export function localToUtc(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d || h > 23 || mi > 59) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A share 0..1 as a whole percent, or a dash when there is none. */
export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
