import { describe, expect, it } from 'vitest';
import { barHeight, fillMonths, layoutBars, niceScale } from './chart';

describe('niceScale', () => {
  it('never goes below 1 and steps by whole numbers', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
  });
  it('rounds up to 1/2/5 steps', () => {
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(18).step).toBe(5);
    expect(niceScale(18).max).toBe(20);
    expect(niceScale(230).step).toBe(100);
    expect(niceScale(230).max).toBe(300);
  });
  it('always covers the data', () => {
    for (let v = 0; v < 500; v += 7) {
      const s = niceScale(v);
      expect(s.max).toBeGreaterThanOrEqual(v);
      expect(s.ticks[s.ticks.length - 1]).toBe(s.max);
    }
  });
  it('survives nonsense', () => {
    expect(niceScale(Number.NaN).max).toBe(1);
    expect(niceScale(-5).max).toBe(1);
  });
});

describe('barHeight', () => {
  it('scales linearly and clamps', () => {
    expect(barHeight(5, 10, 100)).toBe(50);
    expect(barHeight(10, 10, 100)).toBe(100);
    expect(barHeight(20, 10, 100)).toBe(100);
    expect(barHeight(0, 10, 100)).toBe(0);
  });
  it('keeps tiny non-zero values visible', () => {
    expect(barHeight(1, 1000, 100)).toBe(2);
  });
});

describe('fillMonths', () => {
  it('fills gaps with zeros, ending at the given month', () => {
    const out = fillMonths([{ month: '2026-10', given: 2, received: 1 }], '2026-11', 3);
    expect(out).toEqual([
      { month: '2026-09', given: 0, received: 0 },
      { month: '2026-10', given: 2, received: 1 },
      { month: '2026-11', given: 0, received: 0 },
    ]);
  });
  it('extends to data later than the end month', () => {
    const out = fillMonths([{ month: '2027-01', given: 1, received: 0 }], '2026-11', 2);
    expect(out.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
  });
});

describe('layoutBars', () => {
  it('keeps every bar inside the plot area', () => {
    const data = fillMonths([{ month: '2026-11', given: 9, received: 4 }], '2026-11', 12);
    const box = { width: 300, height: 160, top: 8, right: 8, bottom: 24, left: 24 };
    const scale = niceScale(9);
    const bars = layoutBars(data, box, scale);
    expect(bars).toHaveLength(12);
    for (const b of bars) {
      expect(b.x).toBeGreaterThanOrEqual(box.left);
      expect(b.x + b.groupWidth).toBeLessThanOrEqual(box.width - box.right + 1e-9);
      expect(b.givenHeight).toBeLessThanOrEqual(160 - 8 - 24);
    }
    const last = bars[bars.length - 1];
    expect(last.givenHeight).toBeCloseTo((9 / 10) * 128);
  });
});
