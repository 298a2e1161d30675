import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayIn,
  firstDayOfWeek,
  formatDate,
  formatDay,
  formatInstant,
  formatInstantRange,
  formatMonth,
  formatPausedUntil,
  formatClock,
  formatTime,
  formatTimeRange,
  fromLocalInput,
  localInputValue,
  isoDay,
  isoMonth,
  parseDay,
  shiftDay,
  startOfDay,
  weekdayName,
  zoneOffset,
} from './dates';

const today = '2026-11-24';
const gb = { locale: 'en-GB', today };
const us = { locale: 'en-US', today };
const de = { locale: 'de-DE', today };

describe('isoDay / isoMonth', () => {
  it('uses local calendar fields, zero padded', () => {
    const d = new Date(2026, 0, 5, 23, 59);
    expect(isoDay(d)).toBe('2026-01-05');
    expect(isoMonth(d)).toBe('2026-01');
  });
});

describe('parseDay', () => {
  it('accepts real days only', () => {
    expect(parseDay('2026-11-24')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-1-3')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
  });
});

describe('formatDate', () => {
  it('shows weekday, day and month in the locale’s order', () => {
    expect(formatDate('2026-12-09', gb)).toBe('Wed 9 Dec');
    expect(formatDate('2026-12-09', us)).toBe('Wed, Dec 9');
    expect(formatDate('2026-12-09', de)).toBe('Mi., 9. Dez.');
  });
  it('adds the year only outside the current year', () => {
    expect(formatDate('2025-12-31', gb)).toBe('Wed, 31 Dec 2025');
    expect(formatDate('2025-12-31', us)).toBe('Wed, Dec 31, 2025');
    expect(formatDate('2025-12-31', de)).toBe('Mi., 31. Dez. 2025');
  });
  it('never shifts the day, whatever the zone', () => {
    expect(formatDate('2026-01-01', gb)).toBe('Thu 1 Jan');
  });
  it('returns malformed input unchanged', () => {
    expect(formatDate('2026-13-01', gb)).toBe('2026-13-01');
  });
});

describe('formatDay', () => {
  it('says today and yesterday', () => {
    expect(formatDay('2026-11-24', gb)).toBe('Today');
    expect(formatDay('2026-11-23', gb)).toBe('Yesterday');
  });
  it('crosses the year boundary for yesterday', () => {
    expect(formatDay('2025-12-31', { locale: 'en-GB', today: '2026-01-01' })).toBe('Yesterday');
  });
  it('writes other days as formatDate does', () => {
    expect(formatDay('2026-11-02', gb)).toBe('Mon 2 Nov');
    expect(formatDay('2025-11-24', us)).toBe('Mon, Nov 24, 2025');
  });
  it('returns malformed input unchanged', () => {
    expect(formatDay('not a day', gb)).toBe('not a day');
  });
});

describe('instants', () => {
  const start = '2026-12-09T10:00:00Z';
  const end = '2026-12-09T10:30:00Z';
  it('formats times with the locale’s clock', () => {
    expect(formatTime(start, { locale: 'en-GB', timeZone: 'UTC' })).toBe('10:00');
    expect(formatTime(start, { locale: 'en-US', timeZone: 'UTC' })).toBe('10:00 AM');
    expect(formatTime(start, { locale: 'de-DE', timeZone: 'Asia/Tokyo' })).toBe('19:00');
  });
  it('formats time ranges', () => {
    expect(formatTimeRange(start, end, { locale: 'en-GB', timeZone: 'UTC' })).toBe('10:00–10:30');
    expect(formatTimeRange(start, end, { locale: 'en-US', timeZone: 'UTC' })).toMatch(/^10:00\s–\s10:30\sAM$/);
  });
  it('dates an instant in the given zone', () => {
    expect(formatInstant(start, { ...gb, timeZone: 'UTC' })).toBe('Wed 9 Dec, 10:00');
    expect(formatInstant('2026-12-09T20:00:00Z', { ...gb, timeZone: 'Asia/Tokyo' })).toBe('Thu 10 Dec, 05:00');
    expect(formatInstant(start, { ...us, timeZone: 'UTC' })).toBe('Wed, Dec 9, 10:00 AM');
    expect(formatInstant('2025-12-09T10:00:00Z', { ...gb, timeZone: 'UTC' })).toBe('Tue, 9 Dec 2025, 10:00');
  });
  it('formats a meeting as one date and a time range', () => {
    expect(formatInstantRange(start, end, { ...gb, timeZone: 'UTC' })).toBe('Wed 9 Dec, 10:00–10:30');
    expect(formatInstantRange(start, end, { ...de, timeZone: 'UTC' })).toBe('Mi., 9. Dez., 10:00–10:30 Uhr');
  });
  it('formats wall-clock times of day', () => {
    expect(formatClock(90, 'en-GB')).toBe('01:30');
    expect(formatClock(13 * 60, 'en-US')).toBe('01:00 PM');
    expect(formatClock(24 * 60, 'de-DE')).toBe('00:00');
  });
  it('returns unreadable input unchanged', () => {
    expect(formatTime('soon', gb)).toBe('soon');
    expect(formatInstant('soon', gb)).toBe('soon');
  });
  it('finds the calendar day of an instant in a zone', () => {
    expect(dayIn(new Date('2026-12-09T20:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-10');
    expect(dayIn(new Date('2026-12-09T20:00:00Z'), 'America/New_York')).toBe('2026-12-09');
  });
});

describe('months and weekdays', () => {
  it('formats month keys', () => {
    expect(formatMonth('2026-11', 'short', 'en-GB')).toBe('Nov');
    expect(formatMonth('2026-11', 'medium', 'en-US')).toBe('Nov 2026');
    expect(formatMonth('2026-11', 'long', 'en-GB')).toBe('November 2026');
    expect(formatMonth('2026-03', 'long', 'de-DE')).toBe('März 2026');
    expect(formatMonth('bad')).toBe('bad');
  });
  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
  });
  it('names ISO weekdays', () => {
    expect(weekdayName(1, 'short', 'en-GB')).toBe('Mon');
    expect(weekdayName(7, 'long', 'de-DE')).toBe('Sonntag');
  });
  it('starts the week as the locale does', () => {
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(7);
  });
});

describe('formatPausedUntil', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const opts = { locale: 'en-GB', timeZone: 'UTC' };
  it('is null when not paused or already past', () => {
    expect(formatPausedUntil(null, now, opts)).toBeNull();
    expect(formatPausedUntil('2026-11-24T09:00:00Z', now, opts)).toBeNull();
    expect(formatPausedUntil('garbage', now, opts)).toBeNull();
  });
  it('shows a time today, tomorrow, or a date', () => {
    expect(formatPausedUntil('2026-11-24T11:05:00Z', now, opts)).toBe('until 11:05');
    expect(formatPausedUntil('2026-11-25T09:00:00Z', now, opts)).toBe('until tomorrow 09:00');
    expect(formatPausedUntil('2026-11-27T09:00:00Z', now, opts)).toBe('until Fri 27 Nov, 09:00');
    expect(formatPausedUntil('2026-11-25T09:00:00Z', now, { locale: 'en-US', timeZone: 'UTC' })).toBe(
      'until tomorrow 09:00 AM',
    );
  });
  it('counts days in the given zone', () => {
    expect(formatPausedUntil('2026-11-24T16:00:00Z', now, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe(
      'until tomorrow 01:00',
    );
  });
});

describe('shiftDay', () => {
  it('moves across month and year ends, and leap days', () => {
    expect(shiftDay('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftDay('2027-01-01', -1)).toBe('2026-12-31');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('nope', 1)).toBeNull();
  });
});

describe('zones', () => {
  it('tells a zone’s offset, summer time included', () => {
    expect(zoneOffset(new Date('2026-12-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffset(new Date('2026-03-07T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffset(new Date('2026-03-09T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffset(new Date('2026-12-01T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('finds the instant a day begins in a zone', () => {
    expect(startOfDay('2026-12-01', 'Asia/Kolkata')?.toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(startOfDay('2026-03-08', 'America/New_York')?.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York')?.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-12-01', 'UTC')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfDay('2026-02-30', 'UTC')).toBeNull();
  });

  it('starts a day whose midnight is skipped at the end of the gap', () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    expect(startOfDay('2026-09-06', 'America/Santiago')?.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('writes and reads datetime-local values in a zone', () => {
    expect(localInputValue('2026-12-01T15:00:00Z', 'Asia/Kolkata')).toBe('2026-12-01T20:30');
    expect(localInputValue('2026-12-01T03:00:00Z', 'America/New_York')).toBe('2026-11-30T22:00');
    expect(localInputValue('nope', 'UTC')).toBe('');
    expect(fromLocalInput('2026-12-01T20:30', 'Asia/Kolkata')).toBe('2026-12-01T15:00:00Z');
    expect(fromLocalInput('2026-03-09T09:00', 'America/New_York')).toBe('2026-03-09T13:00:00Z');
    expect(fromLocalInput('2026-03-06T09:00', 'America/New_York')).toBe('2026-03-06T14:00:00Z');
    expect(fromLocalInput('2026-12-01', 'UTC')).toBeNull();
    expect(fromLocalInput('2026-12-01T25:00', 'UTC')).toBeNull();
  });
});
