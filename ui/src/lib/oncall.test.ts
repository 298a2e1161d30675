import { describe, expect, it } from 'vitest';
import { bandTotal, bandWidths, defaultPeriod, heatLabel, queryPeriod, heatShade, localToUtc, percent } from './oncall';

describe('defaultPeriod', () => {
  it('covers the last 28 days including today', () => {
    expect(defaultPeriod('2026-03-28')).toEqual({ first: '2026-03-01', last: '2026-03-28' });
  });
  it('crosses a year end', () => {
    expect(defaultPeriod('2026-01-10')).toEqual({ first: '2025-12-14', last: '2026-01-10' });
  });
  it('asks for the day after the last day shown', () => {
    expect(queryPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(queryPeriod('2026-03-01', 'soon')).toBeNull();
    expect(queryPeriod('', '2026-03-31')).toBeNull();
  });
});

describe('bandWidths', () => {
  it('scales each band to the busiest person', () => {
    expect(bandWidths({ sleep: 2, off_hours: 1, business: 1 }, 8)).toEqual({ sleep: 25, off_hours: 12.5, business: 12.5 });
  });
  it('is empty when nobody was interrupted', () => {
    expect(bandWidths({ sleep: 0, off_hours: 0, business: 0 }, 0)).toEqual({ sleep: 0, off_hours: 0, business: 0 });
  });
  it('totals the bands', () => {
    expect(bandTotal({ sleep: 2, off_hours: 3, business: 4 })).toBe(9);
  });
});

describe('heat cells', () => {
  it('shades nothing for an empty cell and fully for the busiest', () => {
    expect(heatShade(0, 5)).toBe(0);
    expect(heatShade(5, 5)).toBe(1);
    expect(heatShade(1, 0)).toBe(0);
    expect(heatShade(1, 5)).toBeCloseTo(0.36);
  });
  it('says the weekday, hour and count in words', () => {
    expect(heatLabel(0, 3, 2, 'en-GB')).toBe('Mon 03:00–04:00: 2 interruptions');
    expect(heatLabel(6, 23, 1, 'en-GB')).toBe('Sun 23:00–00:00: 1 interruption');
    expect(heatLabel(2, 9, 0, 'en-GB')).toBe('Wed 09:00–10:00: 0 interruptions');
  });
});

describe('localToUtc', () => {
  it('reads a local time in this computer’s zone', () => {
    const expected = new Date(2026, 2, 3, 2, 30).toISOString().replace('.000Z', 'Z');
    expect(localToUtc('2026-03-03T02:30')).toBe(expected);
    expect(localToUtc(' 2026-03-03 2:30 ')).toBe(expected);
  });
  it('refuses empty and impossible times', () => {
    expect(localToUtc('')).toBeNull();
    expect(localToUtc('2026-02-30T10:00')).toBeNull();
    expect(localToUtc('yesterday')).toBeNull();
    expect(localToUtc('2026-03-03 24:00')).toBeNull();
  });
});

describe('percent', () => {
  it('rounds a share, or shows a dash', () => {
    expect(percent(0.666)).toBe('67%');
    expect(percent(null)).toBe('–');
  });
});
