import { describe, expect, it } from 'vitest';
import { draftFromEntry, emptyDraft, toNewEntry, toPatch } from './draft';
import type { Entry } from './types';

const entry: Entry = {
  id: 7,
  direction: 'given',
  person: 'Zoë Okafor',
  message: 'Thanks!\nReally.',
  tags: ['ownership'],
  link: 'https://example.org/x',
  occurred_on: '2026-11-24',
  created_at: '2026-11-24T10:00:00Z',
};

describe('toNewEntry', () => {
  it('parses tags, trims the name, keeps the message as typed, drops empty optionals', () => {
    const d = { ...emptyDraft(''), person: '  Aiko ', message: '  hi\n', tagsText: 'a, b a' };
    expect(toNewEntry(d)).toEqual({ direction: 'given', person: 'Aiko', message: '  hi\n', tags: ['a', 'b'] });
  });
  it('keeps link and date when given', () => {
    const d = { ...emptyDraft('2026-11-24'), person: 'A', message: 'm', link: ' https://x.org ' };
    expect(toNewEntry(d)).toMatchObject({ link: 'https://x.org', occurred_on: '2026-11-24' });
  });
});

describe('toPatch', () => {
  it('is empty when nothing changed', () => {
    expect(toPatch(entry, draftFromEntry(entry))).toEqual({});
  });
  it('carries only the changed fields', () => {
    const d = { ...draftFromEntry(entry), message: 'New', tagsText: 'ownership pairing', direction: 'received' as const };
    expect(toPatch(entry, d)).toEqual({ message: 'New', tags: ['ownership', 'pairing'], direction: 'received' });
  });
  it('clears the link with null', () => {
    expect(toPatch(entry, { ...draftFromEntry(entry), link: '' })).toEqual({ link: null });
  });
});
