import { describe, expect, it } from 'vitest';
import { formatTags, parseTags } from './tags';

describe('parseTags', () => {
  it('splits on commas and whitespace', () => {
    expect(parseTags('ownership, mentoring  on-call,review')).toEqual(['ownership', 'mentoring', 'on-call', 'review']);
  });
  it('drops empty pieces', () => {
    expect(parseTags(' , ,,  ')).toEqual([]);
    expect(parseTags('')).toEqual([]);
  });
  it('keeps the first spelling of a repeated tag', () => {
    expect(parseTags('Kindness kindness KINDNESS help')).toEqual(['Kindness', 'help']);
  });
  it('keeps # and unicode as part of the tag', () => {
    expect(parseTags('#hugops hugops équipe')).toEqual(['#hugops', 'hugops', 'équipe']);
  });
  it('handles newlines and tabs', () => {
    expect(parseTags('a\tb\nc')).toEqual(['a', 'b', 'c']);
  });
  it('round-trips through formatTags', () => {
    const tags = ['ownership', '#hugops', 'café'];
    expect(parseTags(formatTags(tags))).toEqual(tags);
  });
});
