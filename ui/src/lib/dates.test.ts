import { describe, expect, it } from 'vitest';
import { addMonths, formatDay, formatMonth, formatPausedUntil, isoDay, isoMonth, parseDay, shiftDay } from './dates';

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

describe('formatDay', () => {
  const today = '2026-11-24';
  it('says today and yesterday', () => {
    expect(formatDay('2026-11-24', today)).toBe('Today');
    expect(formatDay('2026-11-23', today)).toBe('Yesterday');
  });
  it('shows weekday within the year, year otherwise', () => {
    expect(formatDay('2026-11-02', today)).toBe('Mon 2 Nov');
    expect(formatDay('2025-12-31', today)).toBe('31 Dec 2025');
  });
  it('crosses the year boundary for yesterday', () => {
    expect(formatDay('2025-12-31', '2026-01-01')).toBe('Yesterday');
  });
  it('returns malformed input unchanged', () => {
    expect(formatDay('not a day', today)).toBe('not a day');
  });
});

describe('months', () => {
  it('formats month keys', () => {
    expect(formatMonth('2026-11')).toBe('Nov');
    expect(formatMonth('2026-11', 'long')).toBe('November 2026');
    expect(formatMonth('bad')).toBe('bad');
  });
  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
  });
});

describe('formatPausedUntil', () => {
  const now = new Date(2026, 10, 24, 10, 0);
  it('is null when not paused or already past', () => {
    expect(formatPausedUntil(null, now)).toBeNull();
    expect(formatPausedUntil(new Date(2026, 10, 24, 9, 0).toISOString(), now)).toBeNull();
    expect(formatPausedUntil('garbage', now)).toBeNull();
  });
  it('shows a local time today, tomorrow, or a date', () => {
    expect(formatPausedUntil(new Date(2026, 10, 24, 11, 5).toISOString(), now)).toBe('until 11:05');
    expect(formatPausedUntil(new Date(2026, 10, 25, 9, 0).toISOString(), now)).toBe('until tomorrow 09:00');
    expect(formatPausedUntil(new Date(2026, 10, 27, 9, 0).toISOString(), now)).toBe('until Fri 27 Nov, 09:00');
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
