import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth, weekdayColumns } from './calendarGrid';

describe('monthGrid', () => {
  it('covers the month in whole weeks starting on Monday', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthGrid('2026-12', 1);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0][0]).toEqual({ day: '2026-11-30', date: 30, inMonth: false });
    expect(weeks[0][1]).toEqual({ day: '2026-12-01', date: 1, inMonth: true });
    expect(weeks[4][3]).toEqual({ day: '2026-12-31', date: 31, inMonth: true });
    expect(weeks[4][6]).toEqual({ day: '2027-01-03', date: 3, inMonth: false });
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });
  it('starts on Sunday when asked', () => {
    const weeks = monthGrid('2026-12', 7);
    expect(weeks[0][0].day).toBe('2026-11-29');
    expect(weeks[0][2].day).toBe('2026-12-01');
  });
  it('has no leading days when the month starts on the first weekday', () => {
    // February 2027 starts on a Monday and has exactly four weeks.
    const weeks = monthGrid('2027-02', 1);
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every((d) => d.inMonth)).toBe(true);
  });
  it('is empty for a malformed month', () => {
    expect(monthGrid('2026-13')).toEqual([]);
  });
});

describe('weekdayColumns', () => {
  it('orders ISO weekdays from the first day', () => {
    expect(weekdayColumns(1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdayColumns(7)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekdayColumns(6)).toEqual([6, 7, 1, 2, 3, 4, 5]);
  });
});

describe('shiftMonth', () => {
  it('keeps the day within the target month', () => {
    expect(shiftMonth('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonth('2028-03-31', -1)).toBe('2028-02-29');
    expect(shiftMonth('2026-12-15', 1)).toBe('2027-01-15');
    expect(shiftMonth('nope', 1)).toBeNull();
  });
});
