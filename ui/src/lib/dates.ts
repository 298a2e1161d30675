// Dates and times for people, in one place, through `Intl.DateTimeFormat`.
//
// Two kinds of value reach the window:
// - calendar days, `YYYY-MM-DD` with no zone (journal dates, filters, start
//   dates): shown as that very day, whatever the zone, by formatting a
//   UTC-midnight Date in `timeZone: 'UTC'`;
// - instants, RFC 3339 (`created_at`, meeting starts, `paused_until`): shown
//   in an IANA zone, the system's unless one is given.
// Rules for both: weekday, day and month, short; the year only when the day
// is not in the current year; times as the locale prefers (24h or 12h).
// Every `locale` argument is a BCP 47 tag; left out, the system's is used.

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day's fields; `month` is 1 to 12. */
export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** How dates are written; each field falls back to the system's. */
export interface DateOptions {
  /** BCP 47 locale tag. */
  locale?: string;
  /** Today as `YYYY-MM-DD`: the year is left out for days in its year. */
  today?: string;
}

/** How instants are written: the date rules plus the zone they are shown in. */
export interface InstantOptions extends DateOptions {
  /** IANA zone name, e.g. `Europe/Berlin`. */
  timeZone?: string;
}

/** The local calendar day of `d` as `YYYY-MM-DD`. */
export function isoDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local month of `d` as `YYYY-MM`. */
export function isoMonth(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/** `YYYY-MM-DD` of the given fields; `day` may overflow into the next months. */
export function dayKey(year: number, month: number, day: number): string {
  const t = new Date(Date.UTC(year, month - 1, day));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Parses `YYYY-MM-DD` into its parts; null if malformed or not a real day. */
export function parseDay(s: string): DayParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return dayKey(year, month, day) === s ? { year, month, day } : null;
}

/** The day `n` days after `day` (`YYYY-MM-DD`); null when `day` is malformed. */
export function shiftDay(day: string, n: number): string | null {
  const p = parseDay(day);
  return p ? dayKey(p.year, p.month, p.day + n) : null;
}

/** The month key `n` months after `month` (negative goes back). */
export function addMonths(month: string, n: number): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** A file-name friendly stamp of the local day: `2026-11-24`. */
export function fileStamp(d: Date = new Date()): string {
  return isoDay(d);
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); null when either is malformed. */
function daysBetween(a: string, b: string): number | null {
  const pa = parseDay(a);
  const pb = parseDay(b);
  if (!pa || !pb) return null;
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of `locale` (the system's when undefined) with `options`, made once. */
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, options]);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The UTC-midnight Date of a calendar day, to format with `timeZone: 'UTC'`. */
function utcMidnight(p: DayParts): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/**
 * The calendar day (`YYYY-MM-DD`) `t` falls on in `timeZone` (the system's
 * when left out), read from the fields of a Latin-digit locale.
 */
export function dayIn(t: Date, timeZone?: string): string {
  const parts = formatter('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(t);
  const field = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${field.year}-${field.month}-${field.day}`;
}

/** The zone the system runs in (IANA), e.g. `Europe/Berlin`. */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall-clock fields of `t` in `timeZone`, read from a Latin-digit locale. */
function wallFields(t: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(t);
  const field = Object.fromEntries(parts.map((p) => [p.type, Number(p.value)]));
  return { year: field.year, month: field.month, day: field.day, hour: field.hour, minute: field.minute, second: field.second };
}

/** How many minutes `timeZone` is ahead of UTC at `t`: 330 in Asia/Kolkata, -240 in New York in summer. */
export function zoneOffset(t: Date, timeZone: string): number {
  const f = wallFields(t, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((wall - Math.floor(t.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` names, given as the
 * milliseconds that time would be in UTC. A time skipped by a change to
 * summer time gives the first instant after the gap.
 */
function zonedInstant(wall: number, timeZone: string): Date {
  const before = zoneOffset(new Date(wall), timeZone);
  const t = wall - before * 60_000;
  const after = zoneOffset(new Date(t), timeZone);
  if (after === before) return new Date(t);
  const t2 = wall - after * 60_000;
  return new Date(zoneOffset(new Date(t2), timeZone) === after ? t2 : Math.max(t, t2));
}

/** The instant `day` (`YYYY-MM-DD`) begins in `timeZone`; null when `day` is malformed. */
export function startOfDay(day: string, timeZone: string): Date | null {
  const p = parseDay(day);
  return p ? zonedInstant(Date.UTC(p.year, p.month - 1, p.day), timeZone) : null;
}

/** An instant as a `datetime-local` input value in `timeZone`: `2026-12-01T20:30`; unreadable input gives ''. */
export function localInputValue(at: string, timeZone: string): string {
  const t = instant(at);
  if (!t) return '';
  const f = wallFields(t, timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** A `datetime-local` input value read as a time in `timeZone`, as RFC 3339 UTC; null when malformed. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !parseDay(value.slice(0, 10))) return null;
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute);
  return zonedInstant(wall, timeZone).toISOString().replace('.000Z', 'Z');
}

/** Weekday, day and month, short; the year too when `day` is not in `today`'s year. */
function dateFields(day: string, today: string): Intl.DateTimeFormatOptions {
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) };
}

const TIME_FIELDS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A parsed instant; null when `s` is not one. */
function instant(s: string): Date | null {
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? null : t;
}

/** A calendar day for people: "Wed 9 Dec", "Tue, 9 Dec 2025" outside today's year; malformed input unchanged. */
export function formatDate(day: string, { locale, today = isoDay() }: DateOptions = {}): string {
  const p = parseDay(day);
  if (!p) return day;
  return formatter(locale, { ...dateFields(day, today), timeZone: 'UTC' }).format(utcMidnight(p));
}

/** A journal day: "Today", "Yesterday", else as {@link formatDate}. */
export function formatDay(day: string, options: DateOptions = {}): string {
  const diff = daysBetween(day, options.today ?? isoDay());
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
  return formatDate(day, options);
}

/** The time of an instant in the zone: "14:30" or "02:30 PM" as the locale prefers; unreadable input unchanged. */
export function formatTime(at: string, { locale, timeZone }: InstantOptions = {}): string {
  const t = instant(at);
  return t ? formatter(locale, { ...TIME_FIELDS, timeZone }).format(t) : at;
}

/** From one time to another in the zone: "10:00–10:30" (the locale's dash and spacing). */
export function formatTimeRange(start: string, end: string, { locale, timeZone }: InstantOptions = {}): string {
  const s = instant(start);
  const e = instant(end);
  if (!s || !e) return `${start}–${end}`;
  return formatter(locale, { ...TIME_FIELDS, timeZone }).formatRange(s, e);
}

/** The formatter of an instant's date and time in its zone: the year only outside today's year there. */
function instantFormat(t: Date, { locale, timeZone, today }: InstantOptions): Intl.DateTimeFormat {
  const fields = dateFields(dayIn(t, timeZone), today ?? dayIn(new Date(), timeZone));
  return formatter(locale, { ...fields, ...TIME_FIELDS, timeZone });
}

/** An instant with its date in the zone: "Wed 9 Dec, 10:00". Unreadable input comes back unchanged. */
export function formatInstant(at: string, options: InstantOptions = {}): string {
  const t = instant(at);
  return t ? instantFormat(t, options).format(t) : at;
}

/** A meeting or slot in the zone: "Wed 9 Dec, 10:00–10:30" (both dates when it crosses midnight). */
export function formatInstantRange(start: string, end: string, options: InstantOptions = {}): string {
  const s = instant(start);
  const e = instant(end);
  if (!s || !e) return `${start}–${end}`;
  return instantFormat(s, options).formatRange(s, e);
}

/**
 * When reminders are paused until `until` (RFC 3339), a short phrase in the
 * zone: "until 14:30" today, "until tomorrow 09:00", or "until Tue 24 Nov, 09:00".
 * Null when `until` is null, unreadable, or already past.
 */
export function formatPausedUntil(
  until: string | null,
  now: Date = new Date(),
  options: InstantOptions = {},
): string | null {
  if (!until) return null;
  const t = instant(until);
  if (!t || t.getTime() <= now.getTime()) return null;
  const today = dayIn(now, options.timeZone);
  const diff = daysBetween(today, dayIn(t, options.timeZone));
  if (diff === 0) return `until ${formatTime(until, options)}`;
  if (diff === 1) return `until tomorrow ${formatTime(until, options)}`;
  return `until ${formatInstant(until, { today, ...options })}`;
}

/** A time of day, `minutes` after midnight, with no date or zone: "03:00" or "03:00 AM"; 24:00 is midnight. */
export function formatClock(minutes: number, locale?: string): string {
  const at = new Date((minutes % 1440) * 60_000);
  return formatter(locale, { ...TIME_FIELDS, timeZone: 'UTC' }).format(at);
}

const MONTH_FIELDS: Record<'short' | 'medium' | 'long', Intl.DateTimeFormatOptions> = {
  short: { month: 'short' },
  medium: { month: 'short', year: 'numeric' },
  long: { month: 'long', year: 'numeric' },
};

/** A month key `YYYY-MM` as "Nov" (short), "Nov 2026" (medium) or "November 2026" (long); malformed input unchanged. */
export function formatMonth(month: string, style: keyof typeof MONTH_FIELDS = 'short', locale?: string): string {
  const p = parseDay(`${month}-01`);
  if (!p) return month;
  const fields = MONTH_FIELDS[style];
  return formatter(locale, { ...fields, timeZone: 'UTC' }).format(utcMidnight(p));
}

/** The name of ISO weekday `weekday` (1 Monday … 7 Sunday): "Mon", or "Monday" when long. */
export function weekdayName(weekday: number, style: 'short' | 'long' = 'short', locale?: string): string {
  const day = utcMidnight({ year: 2024, month: 1, day: weekday }); // 2024-01-01 was a Monday
  return formatter(locale, { weekday: style, timeZone: 'UTC' }).format(day);
}

/** The locale's week information, under either name engines give it. */
type WeekInfoLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

/** The ISO weekday (1 Monday … 7 Sunday) weeks start on in the locale; Monday when the engine cannot tell. */
export function firstDayOfWeek(locale?: string): number {
  const tag = locale ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    const loc = new Intl.Locale(tag) as WeekInfoLocale;
    return (loc.getWeekInfo?.() ?? loc.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}
