// Pure geometry for the monthly given/received bar chart.

import type { MonthCount } from './types';
import { addMonths } from './dates';

/**
 * `count` consecutive months ending at `endMonth` (or at the last month in
 * the data, if that is later), with zeros for months that have no entries.
 */
export function fillMonths(byMonth: readonly MonthCount[], endMonth: string, count = 12): MonthCount[] {
  const known = new Map(byMonth.map((m) => [m.month, m]));
  let end = endMonth;
  for (const m of byMonth) if (m.month > end) end = m.month;
  const out: MonthCount[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const month = addMonths(end, -i);
    const hit = known.get(month);
    out.push({ month, given: hit?.given ?? 0, received: hit?.received ?? 0 });
  }
  return out;
}

export interface Scale {
  /** Top of the axis (≥ the data's maximum, ≥ 1). */
  max: number;
  /** Distance between gridlines, a whole 1, 2 or 5 × 10^k. */
  step: number;
  /** Gridline values from 0 to max inclusive. */
  ticks: number[];
}

/** A round integer axis for counts up to `dataMax`, about `targetTicks` steps tall. */
export function niceScale(dataMax: number, targetTicks = 4): Scale {
  const maxValue = Math.max(0, Number.isFinite(dataMax) ? dataMax : 0);
  const raw = Math.max(1, maxValue / Math.max(1, targetTicks));
  const pow = 10 ** Math.floor(Math.log10(raw));
  let step = pow;
  for (const f of [1, 2, 5, 10]) {
    if (f * pow >= raw) {
      step = f * pow;
      break;
    }
  }
  step = Math.max(1, Math.round(step));
  const max = Math.max(step, Math.ceil(maxValue / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, step, ticks };
}

/** Pixel height of a bar; a non-zero value is never thinner than `minVisible`. */
export function barHeight(value: number, scaleMax: number, plotHeight: number, minVisible = 2): number {
  if (value <= 0 || scaleMax <= 0 || plotHeight <= 0) return 0;
  return Math.min(plotHeight, Math.max(minVisible, (value / scaleMax) * plotHeight));
}

export interface BarLayout {
  month: string;
  given: number;
  received: number;
  /** Left edge of the month's group. */
  x: number;
  /** Width of the group (both bars and the gap between them). */
  groupWidth: number;
  barWidth: number;
  givenHeight: number;
  receivedHeight: number;
}

export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Places two bars per month inside the plot area of `box`. */
export function layoutBars(data: readonly MonthCount[], box: ChartBox, scale: Scale): BarLayout[] {
  const plotW = Math.max(0, box.width - box.left - box.right);
  const plotH = Math.max(0, box.height - box.top - box.bottom);
  const n = Math.max(1, data.length);
  const slot = plotW / n;
  const groupWidth = slot * 0.76;
  const barWidth = groupWidth / 2 - 1;
  return data.map((m, i) => ({
    month: m.month,
    given: m.given,
    received: m.received,
    x: box.left + i * slot + (slot - groupWidth) / 2,
    groupWidth,
    barWidth,
    givenHeight: barHeight(m.given, scale.max, plotH),
    receivedHeight: barHeight(m.received, scale.max, plotH),
  }));
}
