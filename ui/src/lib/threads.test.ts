import { describe, expect, it } from 'vitest';
import { formatWeight, gaugeArc, signalLabel, threadTitle } from './threads';
import type { ThreadReview } from './types';

describe('threads display', () => {
  it('labels and weights', () => {
    expect(signalLabel('unanswered_question')).toBe('unanswered question');
    expect(formatWeight(0.2)).toBe('+0.20');
    expect(formatWeight(-0.15)).toBe('−0.15');
  });

  it('gauge arcs end on the half circle', () => {
    expect(gaugeArc(0)).toBe('M 10 50 A 40 40 0 0 1 10.00 50.00');
    expect(gaugeArc(0.5)).toBe('M 10 50 A 40 40 0 0 1 50.00 10.00');
    expect(gaugeArc(1)).toBe('M 10 50 A 40 40 0 0 1 90.00 50.00');
    expect(gaugeArc(7)).toBe(gaugeArc(1));
    expect(gaugeArc(Number.NaN)).toBe(gaugeArc(0));
  });

  it('titles skip the fake date of undated transcripts', () => {
    const t = (channel: string | null, first_ts: string | null) => ({ channel, first_ts }) as ThreadReview;
    expect(threadTitle(t('release', '2026-03-02T09:00:00Z'))).toBe('#release · 2026-03-02 09:00');
    expect(threadTitle(t(null, '1970-01-01T09:02:00Z'))).toBe('Conversation');
  });
});
