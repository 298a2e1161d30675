import { describe, expect, it } from 'vitest';
import { cellTime, heat, outsideBurden, slotCells, utcRange } from './schedule';
import type { Heatmap } from './types';

const map: Heatmap = {
  days: ['2026-11-30', '2026-12-01'],
  cell_minutes: 30,
  counts: [new Array(48).fill(0), new Array(48).fill(1)],
  people: 2,
  zone: 'UTC',
};

describe('heat map', () => {
  it('shares and times', () => {
    expect(heat(1, 2)).toBe(0.5);
    expect(heat(3, 2)).toBe(1);
    expect(heat(1, 0)).toBe(0);
    expect(cellTime(0, 30, 'en-GB')).toBe('00:00');
    expect(cellTime(21, 30, 'en-GB')).toBe('10:30');
    expect(cellTime(27, 30, 'en-US')).toBe('01:30 PM');
  });

  it('marks the cells a slot covers with its rank', () => {
    const cells = slotCells(map, [
      { start: '2026-12-01T10:15:00Z', end: '2026-12-01T11:15:00Z', in_hours: 2, outside_hours: [] },
      { start: '2026-12-01T10:30:00Z', end: '2026-12-01T11:00:00Z', in_hours: 1, outside_hours: [] },
    ]);
    expect([...cells.entries()].sort()).toEqual([
      ['1:20', 1],
      ['1:21', 1],
      ['1:22', 1],
    ]);
  });
});

describe('utcRange', () => {
  it('formats a slot in UTC in the locale’s format', () => {
    const year = new Date().getUTCFullYear();
    const [start, end] = [`${year}-12-01T10:15:00Z`, `${year}-12-01T11:15:00Z`];
    expect(utcRange(start, end, 'en-GB')).toMatch(/^\w{3} 1 Dec, 10:15–11:15 UTC$/);
    expect(utcRange(start, end, 'en-US')).toMatch(/^\w{3}, Dec 1, 10:15\s–\s11:15\sAM UTC$/);
  });
});

describe('burden', () => {
  it('names people outside their hours, most often first', () => {
    const local = (email: string, name: string) => ({ email, name, zone: 'UTC', when: '', outside_hours: false });
    const item = { local_times: [local('a@x', 'Ana'), local('b@x', 'Bo'), local('c@x', 'Cy')] };
    const plan = {
      slots: [],
      series: [],
      agenda: [item, item] as never,
      outside_hours_count: { 'a@x': 1, 'b@x': 2, 'c@x': 0, 'z@x': 1 },
    };
    expect(outsideBurden(plan)).toEqual([
      { email: 'b@x', name: 'Bo', count: 2 },
      { email: 'a@x', name: 'Ana', count: 1 },
      { email: 'z@x', name: 'z@x', count: 1 },
    ]);
  });
});
