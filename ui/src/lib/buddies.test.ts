import { describe, expect, it } from 'vitest';
import {
  acceptable,
  formatScore,
  keepSelectable,
  looksLikeCsv,
  maxMonthly,
  reasonChips,
  scorePercent,
  withLock,
  withoutLock,
} from './buddies';
import type { PersonBrief, Proposal, ProposalRow } from './types';

const person = (email: string): PersonBrief => ({
  email,
  name: email,
  team: 'T',
  timezone: 'UTC',
  start_date: '2026-11-01',
});

function row(joiner: string, buddy: string | null, accepted_on: string | null = null): ProposalRow {
  return {
    joiner: person(joiner),
    buddy: buddy ? person(buddy) : null,
    score: buddy ? 0.5 : null,
    reasons: [],
    locked: false,
    unmatched_reason: buddy ? null : 'no one on another team',
    alternatives: [],
    intro: null,
    accepted_on,
  };
}

describe('locks', () => {
  it('one lock per joiner, replaced when locked again', () => {
    let locks = withLock([], 'a', 'x');
    locks = withLock(locks, 'b', 'y');
    locks = withLock(locks, 'a', 'z');
    expect(locks).toEqual([
      ['b', 'y'],
      ['a', 'z'],
    ]);
    expect(withoutLock(locks, 'b')).toEqual([['a', 'z']]);
  });
});

describe('selection', () => {
  it('only proposed, not yet accepted pairs can be accepted', () => {
    const rows = [row('a', 'x'), row('b', null), row('c', 'y', '2026-11-20')];
    expect(acceptable(rows).map((r) => r.joiner.email)).toEqual(['a']);
    const proposal = { rows } as Proposal;
    expect([...keepSelectable(new Set(['a', 'b', 'c', 'gone']), proposal)]).toEqual(['a']);
  });
});

describe('display', () => {
  it('scores', () => {
    expect(scorePercent(0.834)).toBe(83);
    expect(scorePercent(1.7)).toBe(100);
    expect(scorePercent(null)).toBe(0);
    expect(scorePercent(Number.NaN)).toBe(0);
    expect(formatScore(0.8312)).toBe('0.83');
    expect(formatScore(null)).toBe('—');
  });

  it('reasons skip the team line', () => {
    expect(reasonChips(['different teams: A / B', '4.5 h shared working time'])).toEqual([
      '4.5 h shared working time',
    ]);
  });

  it('chart scale and file names', () => {
    expect(maxMonthly([])).toBe(1);
    expect(maxMonthly([{ months: [['2026-10', 2], ['2026-11', 5]] }, { months: [['2026-11', 3]] }])).toBe(5);
    expect(looksLikeCsv('Roster.CSV ')).toBe(true);
    expect(looksLikeCsv('roster.xlsx')).toBe(false);
  });
});
