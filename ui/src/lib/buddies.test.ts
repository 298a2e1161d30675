import { describe, expect, it } from 'vitest';
import {
  acceptable,
  formatScore,
  introductionRows,
  isHistoryCsv,
  introductionsText,
  keepSelectable,
  loadMonths,
  looksLikeCsv,
  maxMonthly,
  reasonChips,
  reasonSummary,
  scorePercent,
  showsLoadChart,
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

function row(
  joiner: string,
  buddy: string | null,
  accepted_on: string | null = null,
  intro: string | null = buddy ? `Hi ${joiner} and ${buddy}!\n` : null,
): ProposalRow {
  return {
    joiner: person(joiner),
    buddy: buddy ? person(buddy) : null,
    score: buddy ? 0.5 : null,
    reasons: [],
    locked: false,
    unmatched_reason: buddy ? null : 'no one on another team',
    alternatives: [],
    intro,
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

describe('reasons', () => {
  it('the top two are shown, the rest wait behind "+N"', () => {
    const r = reasonSummary([
      'different teams: A / B',
      '4.5 h shared working time',
      'shared interests: jazz',
      'first time as a buddy',
      '2.0 years of tenure',
    ]);
    expect(r.shown).toEqual(['4.5 h shared working time', 'shared interests: jazz']);
    expect(r.rest).toEqual(['first time as a buddy', '2.0 years of tenure']);
    expect(reasonSummary(['different teams: A / B', 'no shared working time'])).toEqual({
      shown: ['no shared working time'],
      rest: [],
    });
  });
});

describe('introductions', () => {
  const rows = [row('a', 'x'), row('b', null), row('c', 'y', '2026-11-20'), row('d', 'z'), row('e', 'w', null, null)];

  it('copies the selected pairs, in table order, skipping any without an introduction', () => {
    const picked = introductionRows(rows, new Set(['d', 'a', 'b', 'e']));
    expect(picked.from).toBe('selected');
    expect(picked.rows.map((r) => r.joiner.email)).toEqual(['a', 'd']);
  });

  it('with nothing selected, copies the accepted pairs', () => {
    const picked = introductionRows(rows, new Set());
    expect(picked.from).toBe('accepted');
    expect(picked.rows.map((r) => r.joiner.email)).toEqual(['c']);
    expect(introductionRows([row('a', 'x')], new Set()).rows).toEqual([]);
  });

  it('joins them into one text, each trimmed, a rule between', () => {
    expect(introductionsText([row('a', 'x'), row('b', null), row('d', 'z')])).toBe('Hi a and x!\n\n---\n\nHi d and z!');
    expect(introductionsText([])).toBe('');
  });
});

describe('load chart', () => {
  it('waits for a second month of accepted pairs', () => {
    const one = [{ months: [['2026-11', 2]] as Array<[string, number]> }, { months: [['2026-11', 1]] as Array<[string, number]> }];
    expect(loadMonths(one)).toEqual(['2026-11']);
    expect(showsLoadChart(one)).toBe(false);
    expect(showsLoadChart([])).toBe(false);
    const two = [{ months: [['2026-12', 1]] as Array<[string, number]> }, { months: [['2026-10', 1], ['2026-12', 2]] as Array<[string, number]> }];
    expect(loadMonths(two)).toEqual(['2026-10', '2026-12']);
    expect(showsLoadChart(two)).toBe(true);
  });
});

describe('isHistoryCsv', () => {
  it('knows a history of past pairings by its header, whatever the order, case, quotes or BOM', () => {
    expect(isHistoryCsv('joiner_email,buddy_email,date\na@x,b@y,2026-01-01\n')).toBe(true);
    expect(isHistoryCsv('\uFEFF"date", "Buddy_Email","JOINER_EMAIL"\r\n')).toBe(true);
  });
  it('takes anything else for a roster', () => {
    expect(isHistoryCsv('name,email,team,timezone,start_date\n')).toBe(false);
    expect(isHistoryCsv('joiner_email,date\nbuddy_email,x\n')).toBe(false);
    expect(isHistoryCsv('')).toBe(false);
  });
});
