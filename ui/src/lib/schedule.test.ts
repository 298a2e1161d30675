import { describe, expect, it } from 'vitest';
import {
  cellStart,
  cellTime,
  coveredCells,
  formatSlot,
  heat,
  hoursSummary,
  keptStart,
  localWhen,
  members,
  outsideBurden,
  slotCells,
  slotFit,
  slotFitLine,
  splitByHours,
} from './schedule';
import type { Heatmap, Slot } from './types';

const cells = (n: number) => new Array(48).fill(n);
const map: Heatmap = {
  days: ['2026-11-30', '2026-12-01'],
  cell_minutes: 30,
  counts: [cells(0), cells(1)],
  people: 2,
  zone: 'UTC',
};
const slot = (start: string, end: string, in_hours = 2, outside_hours: string[] = []): Slot => ({
  start,
  end,
  in_hours,
  outside_hours,
});

describe('heat map', () => {
  it('shares', () => {
    expect(heat(1, 2)).toBe(0.5);
    expect(heat(3, 2)).toBe(1);
    expect(heat(1, 0)).toBe(0);
  });

  it('places cells after the local midnight of the map’s zone', () => {
    expect(new Date(cellStart('2026-12-01', 0, 30, 'Asia/Kolkata')!).toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(new Date(cellStart('2026-12-01', 21, 30, 'UTC')!).toISOString()).toBe('2026-12-01T10:30:00.000Z');
    expect(cellStart('nope', 0, 30, 'UTC')).toBeNull();
  });

  it('tells a cell’s time of day in the zone, in the locale’s clock', () => {
    expect(cellTime('2026-12-01', 0, 30, 'Asia/Kolkata', 'en-GB')).toBe('00:00');
    expect(cellTime('2026-12-01', 21, 30, 'Asia/Kolkata', 'en-GB')).toBe('10:30');
    expect(cellTime('2026-12-01', 27, 30, 'America/New_York', 'en-US')).toBe('01:30 PM');
    // The night New York moves to summer time, 03:00 after midnight is 04:00 on the clock.
    expect(cellTime('2026-03-08', 6, 30, 'America/New_York', 'en-GB')).toBe('04:00');
    expect(cellTime('2026-03-09', 6, 30, 'America/New_York', 'en-GB')).toBe('03:00');
  });

  it('marks the cells a slot covers with its rank', () => {
    const marked = slotCells(map, [
      slot('2026-12-01T10:15:00Z', '2026-12-01T11:15:00Z'),
      slot('2026-12-01T10:30:00Z', '2026-12-01T11:00:00Z'),
    ]);
    expect([...marked.entries()].sort()).toEqual([
      ['1:20', 1],
      ['1:21', 1],
      ['1:22', 1],
    ]);
  });

  it('finds a slot’s cells in the map’s zone, not UTC', () => {
    const kolkata: Heatmap = { ...map, zone: 'Asia/Kolkata' };
    // 10:00Z is 15:30 in Kolkata: cells 31 and 32 of that local day.
    expect(coveredCells(kolkata, slot('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'))).toEqual(['1:31', '1:32']);
    // 20:00Z on 30 Nov is already 01:30 on 1 Dec in Kolkata.
    expect(coveredCells(kolkata, slot('2026-11-30T20:00:00Z', '2026-11-30T20:30:00Z'))).toEqual(['1:3']);
    const ny: Heatmap = { ...map, days: ['2026-03-06', '2026-03-09'], zone: 'America/New_York' };
    // 14:00Z is 09:00 before the change and 10:00 after it.
    expect(coveredCells(ny, slot('2026-03-06T14:00:00Z', '2026-03-06T14:30:00Z'))).toEqual(['0:18']);
    expect(coveredCells(ny, slot('2026-03-09T14:00:00Z', '2026-03-09T14:30:00Z'))).toEqual(['1:20']);
  });
});

describe('formatSlot', () => {
  const year = new Date().getUTCFullYear();
  it('formats a slot in the given zone', () => {
    const [start, end] = [`${year}-12-01T10:15:00Z`, `${year}-12-01T11:15:00Z`];
    expect(formatSlot(start, end, 'UTC', 'en-GB')).toMatch(/^\w{3} 1 Dec, 10:15–11:15$/);
    expect(formatSlot(start, end, 'Asia/Kolkata', 'en-GB')).toMatch(/^\w{3} 1 Dec, 15:45–16:45$/);
    expect(formatSlot(`${year}-12-01T15:15:00Z`, `${year}-12-01T16:15:00Z`, 'America/New_York', 'en-US')).toMatch(
      /^\w{3}, Dec 1, 10:15\s–\s11:15\sAM$/,
    );
  });

  it('follows New York across its change to summer time', () => {
    const before = formatSlot(`${year}-03-06T14:00:00Z`, `${year}-03-06T15:00:00Z`, 'America/New_York', 'en-GB');
    const after = formatSlot(`${year}-03-13T14:00:00Z`, `${year}-03-13T15:00:00Z`, 'America/New_York', 'en-GB');
    expect(before).toMatch(/^\w{3} 6 Mar, 09:00–10:00$/);
    expect(after).toMatch(/^\w{3} 13 Mar, 10:00–11:00$/);
  });

  it('gives both dates of a slot across the zone’s midnight', () => {
    expect(formatSlot(`${year}-12-01T18:00:00Z`, `${year}-12-01T19:00:00Z`, 'Asia/Kolkata', 'en-GB')).toMatch(
      /^\w{3} 1 Dec, 23:30\s–\s\w{3} 2 Dec, 00:30$/,
    );
  });
});

describe('localWhen', () => {
  it('leaves the date out when it is the user’s day', () => {
    expect(localWhen('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z', 'Asia/Kolkata', 'Europe/Berlin', 'en-GB')).toBe(
      '15:30–16:30',
    );
    expect(
      localWhen('2026-12-01T20:00:00Z', '2026-12-01T21:00:00Z', 'Asia/Kolkata', 'Europe/Berlin', 'en-GB'),
    ).toMatch(/^Wed 2 Dec, 01:30–02:30$/);
  });
});

describe('slots and the group', () => {
  const local = (email: string, name: string, zone: string) => ({ email, name, zone, when: '', outside_hours: false });
  const group = members({
    agenda: [
      {
        local_times: [local('a@x', 'Ana', 'Europe/Berlin'), local('p@x', 'Priya', 'Asia/Kolkata')],
      },
    ] as never,
  });

  it('says who is outside their hours, at their local time', () => {
    const fit = slotFit(slot('2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z', 5, ['p@x', 'z@x']), group, 'en-GB');
    expect(fit).toEqual({
      inHours: 5,
      total: 7,
      outside: [
        { email: 'p@x', name: 'Priya', time: '21:30' },
        { email: 'z@x', name: 'z@x', time: null },
      ],
    });
    expect(slotFitLine(fit)).toBe('5 of 7 in hours · outside: Priya (21:30), z@x');
  });

  it('names a few and counts the rest', () => {
    const outside = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ email: name, name, time: '09:00' }));
    expect(slotFitLine({ inHours: 43, total: 48, outside })).toBe(
      '43 of 48 in hours · outside: A (09:00), B (09:00), C (09:00) and 2 more',
    );
    expect(slotFitLine({ inHours: 6, total: 6, outside: [] })).toBe('6 of 6 in hours');
  });

  it('keeps a chosen start only while it is one of the slots, and not the best', () => {
    const slots = [slot('2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'), slot('2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z')];
    expect(keptStart('2026-12-02T10:00:00Z', slots)).toBe('2026-12-02T10:00:00Z');
    expect(keptStart('2026-12-02T11:00:00+01:00', slots)).toBe('2026-12-02T10:00:00Z');
    expect(keptStart('2026-12-01T10:00:00Z', slots)).toBeNull();
    expect(keptStart('2026-12-03T10:00:00Z', slots)).toBeNull();
    expect(keptStart(null, slots)).toBeNull();
    expect(keptStart('2026-12-02T10:00:00Z', [])).toBeNull();
  });
});

describe('big groups', () => {
  it('splits attendees by hours, keeping their order', () => {
    const people = [
      { name: 'A', outside_hours: false },
      { name: 'B', outside_hours: true },
      { name: 'C', outside_hours: false },
      { name: 'D', outside_hours: true },
    ];
    const { inHours, outside } = splitByHours(people);
    expect(inHours.map((p) => p.name)).toEqual(['A', 'C']);
    expect(outside.map((p) => p.name)).toEqual(['B', 'D']);
  });

  it('summarises in a phrase', () => {
    expect(hoursSummary(41, 7)).toBe('41 in hours, 7 outside');
    expect(hoursSummary(48, 0)).toBe('All 48 in hours');
    expect(hoursSummary(0, 9)).toBe('All 9 outside their hours');
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
