// Times of day as the settings keep them: `HH:MM`, 24-hour, no date or zone.
// The time field reads what people type ("930", "9:30", "9.30 pm") and
// writes it back in that one form.

const DAY = 24 * 60;

/** Minutes after midnight of a typed time, or null when it is not one. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return hour * 60 + minute;
}

/** `570` → `09:30` (wrapping around midnight). */
export function timeOfDayText(minutes: number): string {
  const m = ((Math.round(minutes) % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A typed time written as `HH:MM`, or null when it is not a time. */
export function normalizeTimeOfDay(text: string): string | null {
  const m = parseTimeOfDay(text);
  return m === null ? null : timeOfDayText(m);
}

/** The time `by` minutes later (earlier when negative), around the clock; from midnight when `text` is not a time. */
export function shiftTimeOfDay(text: string, by: number): string {
  return timeOfDayText((parseTimeOfDay(text) ?? 0) + by);
}
