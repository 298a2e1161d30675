// The month grid of the date picker: whole weeks covering one month.

import { dayKey, parseDay } from './dates';

/** One cell of the grid. */
export interface GridDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Day of the month, 1 to 31. */
  date: number;
  /** False for the leading and trailing days of the neighbouring months. */
  inMonth: boolean;
}

/** The ISO weekday (1 Monday … 7 Sunday) of a `YYYY-MM-DD` day. */
function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** How many days month `month` (1 to 12) of `year` has. */
function monthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekdays in the order the grid's columns show them, starting on `firstDay`. */
export function weekdayColumns(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, i) => ((firstDay - 1 + i) % 7) + 1);
}

/**
 * The weeks of `month` (`YYYY-MM`), 7 days each, the first starting on ISO
 * weekday `firstDay`: the month's days plus as many days of the months
 * before and after as fill the first and last week. Empty when `month` is malformed.
 */
export function monthGrid(month: string, firstDay = 1): GridDay[][] {
  const first = parseDay(`${month}-01`);
  if (!first) return [];
  const lead = (isoWeekday(`${month}-01`) - firstDay + 7) % 7;
  const weeks = Math.ceil((lead + monthLength(first.year, first.month)) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const day = dayKey(first.year, first.month, 1 - lead + w * 7 + d);
      return { day, date: Number(day.slice(8)), inMonth: day.startsWith(month) };
    }),
  );
}

/**
 * The day `n` months after `day`, kept within the target month's length
 * (31 Jan + 1 month is 28 or 29 Feb); null when `day` is malformed.
 */
export function shiftMonth(day: string, n: number): string | null {
  const p = parseDay(day);
  if (!p) return null;
  const target = new Date(Date.UTC(p.year, p.month - 1 + n, 1));
  const [year, month] = [target.getUTCFullYear(), target.getUTCMonth() + 1];
  return dayKey(year, month, Math.min(p.day, monthLength(year, month)));
}
