import { describe, expect, it } from 'vitest';
import { SAMPLE_THREAD } from './sampleThread';

describe('the sample thread', () => {
  const lines = SAMPLE_THREAD.split('\n');

  it('is a transcript the paste box takes: one `[HH:MM] Name: text` message a line', () => {
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/^\[([01]\d|2[0-3]):[0-5]\d\] [^:\n]{1,40}: \S/);
  });

  it('is in time order', () => {
    const times = lines.map((l) => l.slice(1, 6));
    expect([...times].sort()).toEqual(times);
  });

  it('holds two release dates, a terse "fine." and a question left unanswered', () => {
    expect(SAMPLE_THREAD).toMatch(/Thursday/);
    expect(SAMPLE_THREAD).toMatch(/Friday/);
    expect(lines.some((l) => /: fine\.$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/\?$/);
  });
});
