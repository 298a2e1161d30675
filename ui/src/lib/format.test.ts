import { describe, expect, it } from 'vitest';
import { entryField, importSummary, plural, streakLabel } from './format';

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

describe('entryField', () => {
  it('keeps the fields of the entry form', () => {
    expect(entryField('person')).toBe('person');
    expect(entryField('occurred_on')).toBe('occurred_on');
    expect(entryField('tags')).toBe('tags');
  });
  it('drops other fields and none', () => {
    expect(entryField('format')).toBeNull();
    expect(entryField('')).toBeNull();
    expect(entryField(undefined)).toBeNull();
  });
});
