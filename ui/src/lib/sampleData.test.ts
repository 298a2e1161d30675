import { describe, expect, it } from 'vitest';
import { addSampleData, isSample, removeSampleData, SAMPLE_TAG, sampleEntries, type SampleBackend } from './sampleData';
import { shiftDay } from './dates';
import type { Filter, NewEntry } from './types';

const TODAY = '2026-12-03';

/** An in-memory journal that filters by tag as the backend does (case-insensitive, exact). */
function fakeJournal(initial: Array<{ id: number; tags: string[] }> = []) {
  const rows = initial.map((r) => ({ ...r }));
  let nextId = 100;
  const calls = { add: 0, remove: [] as number[] };
  const api: SampleBackend = {
    list: async (f: Filter) =>
      rows.filter((r) => !f.tag || r.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())),
    add: async (e: NewEntry) => {
      calls.add++;
      rows.push({ id: nextId++, tags: e.tags ?? [] });
    },
    remove: async (id: number) => {
      calls.remove.push(id);
      rows.splice(
        rows.findIndex((r) => r.id === id),
        1,
      );
    },
  };
  return { api, rows, calls };
}

describe('sampleEntries', () => {
  const entries = sampleEntries(TODAY);

  it('has about eight entries, given and received, from several people', () => {
    expect(entries.length).toBe(8);
    expect(entries.some((e) => e.direction === 'given')).toBe(true);
    expect(entries.some((e) => e.direction === 'received')).toBe(true);
    expect(new Set(entries.map((e) => e.person)).size).toBeGreaterThanOrEqual(6);
  });

  it('tags every entry `sample`, beside a few real tags', () => {
    for (const e of entries) {
      expect(e.tags).toContain(SAMPLE_TAG);
      expect(e.tags!.length).toBeGreaterThan(1);
      for (const t of e.tags!) expect(t).toMatch(/^[^\s,]+$/);
    }
  });

  it('dates the entries over the last two months, relative to today', () => {
    const twoMonthsAgo = shiftDay(TODAY, -62)!;
    for (const e of entries) {
      expect(e.occurred_on! <= TODAY).toBe(true);
      expect(e.occurred_on! >= twoMonthsAgo).toBe(true);
    }
    expect(new Set(entries.map((e) => e.occurred_on)).size).toBe(entries.length);
    expect(sampleEntries('2027-03-01')[0].occurred_on).toBe('2027-02-27');
  });

  it('crosses month and year ends', () => {
    const days = sampleEntries('2027-01-05').map((e) => e.occurred_on!);
    expect(days).toContain('2027-01-03');
    expect(days.some((d) => d.startsWith('2026-11'))).toBe(true);
  });

  it('has a message and person on every entry', () => {
    for (const e of entries) {
      expect(e.person!.trim()).not.toBe('');
      expect(e.message!.trim()).not.toBe('');
    }
  });
});

describe('isSample', () => {
  it('is true only for entries tagged sample, in any case', () => {
    expect(isSample({ tags: ['review', 'sample'] })).toBe(true);
    expect(isSample({ tags: ['Sample'] })).toBe(true);
    expect(isSample({ tags: ['samples', '#sample', 'review'] })).toBe(false);
    expect(isSample({ tags: [] })).toBe(false);
  });
});

describe('addSampleData', () => {
  it('adds every sample to an empty journal', async () => {
    const j = fakeJournal();
    expect(await addSampleData(j.api, TODAY)).toBe(8);
    expect(j.rows.filter(isSample).length).toBe(8);
  });

  it('adds nothing when samples already exist', async () => {
    const j = fakeJournal([{ id: 1, tags: ['sample'] }]);
    expect(await addSampleData(j.api, TODAY)).toBe(0);
    expect(j.calls.add).toBe(0);
  });

  it('never adds twice', async () => {
    const j = fakeJournal();
    await addSampleData(j.api, TODAY);
    await addSampleData(j.api, TODAY);
    expect(j.rows.length).toBe(8);
  });
});

describe('removeSampleData', () => {
  it('deletes exactly the sample entries and says how many', async () => {
    const j = fakeJournal([
      { id: 1, tags: ['review'] },
      { id: 2, tags: ['sample', 'review'] },
      { id: 3, tags: [] },
      { id: 4, tags: ['SAMPLE'] },
    ]);
    expect(await removeSampleData(j.api)).toBe(2);
    expect(j.calls.remove).toEqual([2, 4]);
    expect(j.rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('keeps an entry a loose filter would return but is not tagged sample', async () => {
    const j = fakeJournal([{ id: 1, tags: ['review'] }]);
    const loose: SampleBackend = { ...j.api, list: async () => j.rows };
    expect(await removeSampleData(loose)).toBe(0);
    expect(j.rows.length).toBe(1);
  });

  it('removes what it added, leaving the user’s own entries', async () => {
    const j = fakeJournal([{ id: 1, tags: ['mine'] }]);
    await addSampleData(j.api, TODAY);
    expect(await removeSampleData(j.api)).toBe(8);
    expect(j.rows).toEqual([{ id: 1, tags: ['mine'] }]);
  });
});
