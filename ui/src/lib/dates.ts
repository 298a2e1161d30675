// Date helpers. Journal dates are calendar days (`YYYY-MM-DD`, no zone);
// instants (`created_at`, `paused_until`) are RFC 3339 UTC and shown in local time.

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of `d` as `YYYY-MM-DD`. */
export function isoDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local month of `d` as `YYYY-MM`. */
export function isoMonth(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** Parses `YYYY-MM-DD` into its parts; null if malformed or not a real day. */
export function parseDay(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`). */
function daysBetween(a: string, b: string): number | null {
  const pa = parseDay(a);
  const pb = parseDay(b);
  if (!pa || !pb) return null;
  const ta = Date.UTC(pa.year, pa.month - 1, pa.day);
  const tb = Date.UTC(pb.year, pb.month - 1, pb.day);
  return Math.round((tb - ta) / 86_400_000);
}

/**
 * A journal day for people: "Today", "Yesterday", "Mon 23 Nov" within the
 * current year, "23 Nov 2025" otherwise. `today` is `YYYY-MM-DD`.
 */
export function formatDay(day: string, today: string = isoDay()): string {
  const p = parseDay(day);
  if (!p) return day;
  const diff = daysBetween(day, today);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  const t = parseDay(today);
  if (t && t.year === p.year) {
    const weekday = WEEKDAYS_SHORT[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
    return `${weekday} ${p.day} ${MONTHS_SHORT[p.month - 1]}`;
  }
  return `${p.day} ${MONTHS_SHORT[p.month - 1]} ${p.year}`;
}

/** A month key `YYYY-MM` as "Nov" (short) or "November 2026" (long). */
export function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const idx = Number(m[2]) - 1;
  if (idx < 0 || idx > 11) return month;
  return style === 'short' ? MONTHS_SHORT[idx] : `${MONTHS_LONG[idx]} ${m[1]}`;
}

/** The month key `n` months after `month` (negative goes back). */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/**
 * When reminders are paused until `until` (RFC 3339), a short local phrase:
 * "until 14:30" today, "until tomorrow 09:00", or "until Tue 24 Nov, 09:00".
 * Null when `until` is null, unreadable, or already past.
 */
export function formatPausedUntil(until: string | null, now: Date = new Date()): string | null {
  if (!until) return null;
  const t = new Date(until);
  if (Number.isNaN(t.getTime()) || t.getTime() <= now.getTime()) return null;
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  const diff = daysBetween(isoDay(now), isoDay(t)) ?? 0;
  if (diff === 0) return `until ${time}`;
  if (diff === 1) return `until tomorrow ${time}`;
  return `until ${WEEKDAYS_SHORT[t.getDay()]} ${t.getDate()} ${MONTHS_SHORT[t.getMonth()]}, ${time}`;
}

/** A file-name friendly stamp of the local day: `2026-11-24`. */
export function fileStamp(d: Date = new Date()): string {
  return isoDay(d);
}

/** The day `n` days after `day` (`YYYY-MM-DD`); null when `day` is malformed. */
export function shiftDay(day: string, n: number): string | null {
  const p = parseDay(day);
  if (!p) return null;
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
