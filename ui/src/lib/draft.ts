// Turning what the entry form holds into what the backend takes.

import type { Direction, Entry, EntryPatch, NewEntry } from './types';
import { parseTags } from './tags';

/** The raw state of the entry form. */
export interface Draft {
  direction: Direction;
  person: string;
  message: string;
  /** As typed: comma/space separated. */
  tagsText: string;
  link: string;
  occurred_on: string;
}

export function emptyDraft(today: string): Draft {
  return { direction: 'given', person: '', message: '', tagsText: '', link: '', occurred_on: today };
}

/** True when nothing worth keeping was typed (direction and date alone are not). */
export function isBlankDraft(d: Draft): boolean {
  return [d.person, d.message, d.tagsText, d.link].every((v) => v.trim() === '');
}

export function draftFromEntry(e: Entry): Draft {
  return {
    direction: e.direction,
    person: e.person,
    message: e.message,
    tagsText: e.tags.join(', '),
    link: e.link ?? '',
    occurred_on: e.occurred_on,
  };
}

/**
 * A new entry from the form. The name and link are trimmed; the message is
 * sent exactly as typed. Empty link and date are left out (date: today).
 */
export function toNewEntry(d: Draft): NewEntry {
  const entry: NewEntry = {
    direction: d.direction,
    person: d.person.trim(),
    message: d.message,
    tags: parseTags(d.tagsText),
  };
  const link = d.link.trim();
  if (link) entry.link = link;
  const day = d.occurred_on.trim();
  if (day) entry.occurred_on = day;
  return entry;
}

/** Only what changed between `e` and the form; an emptied link becomes `null` (clear). */
export function toPatch(e: Entry, d: Draft): EntryPatch {
  const next = toNewEntry(d);
  const patch: EntryPatch = {};
  if (next.direction !== e.direction) patch.direction = next.direction;
  if (next.person !== e.person) patch.person = next.person;
  if (next.message !== e.message) patch.message = next.message;
  const tags = next.tags ?? [];
  if (tags.join('\u0000') !== e.tags.join('\u0000')) patch.tags = tags;
  const link = next.link ?? null;
  if (link !== (e.link ?? null)) patch.link = link;
  // An emptied date field means "keep it" (the backend has no "no date").
  if (next.occurred_on !== undefined && next.occurred_on !== e.occurred_on) patch.occurred_on = next.occurred_on;
  return patch;
}
