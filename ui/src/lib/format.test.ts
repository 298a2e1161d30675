import { describe, expect, it } from 'vitest';
import { errorField, importSummary, plural, streakLabel } from './format';

describe('wording', () => {
  it('pluralises', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
  });
  it('describes streaks', () => {
    expect(streakLabel(3)).toBe('3-week giving streak');
    expect(streakLabel(0)).toBe('No giving streak yet');
  });
  it('summarises imports', () => {
    expect(importSummary(4, 2)).toBe('Imported 4, skipped 2 duplicates');
    expect(importSummary(1, 1)).toBe('Imported 1, skipped 1 duplicate');
  });
});

describe('errorField', () => {
  it('finds the field a message starts with', () => {
    expect(errorField('person: must not be empty')).toBe('person');
    expect(errorField('message: longer than 10000 characters')).toBe('message');
    expect(errorField('tags[2]: must not contain spaces')).toBe('tags');
    expect(errorField('occurred_on: expected YYYY-MM-DD')).toBe('occurred_on');
    expect(errorField('link must start with https://')).toBe('link');
  });
  it('ignores other messages', () => {
    expect(errorField('database error: disk full')).toBeNull();
    expect(errorField('personal reasons')).toBeNull();
    expect(errorField('')).toBeNull();
  });
});
