import { describe, expect, it, vi } from 'vitest';
import { DRAFT_DELAY_MS, editDraftId, editDraftKey, formDraft } from './formDraft';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A stand-in database whose saves take longer than its clears, so a save sent
// first would land last if the calls were not kept in order.
const rows = new Map<string, string>();
vi.mock('./backend', () => ({
  draftsGet: async (key: string) => {
    const value = rows.get(key);
    return value === undefined ? null : { key, value, updated_at: '2026-12-03T00:00:00Z' };
  },
  draftsSave: async (key: string, value: string) => {
    await sleep(40);
    rows.set(key, value);
  },
  draftsClear: async (key: string) => rows.delete(key),
}));
const draftsGet = async (key: string) => rows.get(key) ?? null;

describe('formDraft', () => {
  it('stores the last value once typing pauses and reads it back', async () => {
    const kept = formDraft<{ text: string }>('test-pause');
    kept.update({ text: 'H' });
    kept.update({ text: 'Hello' });
    expect(await draftsGet('test-pause')).toBeNull();
    await sleep(DRAFT_DELAY_MS + 100);
    expect(await kept.load()).toEqual({ text: 'Hello' });
  });

  it('a blank form clears the stored draft', async () => {
    const kept = formDraft<{ text: string }>('test-blank', (v) => v.text === '');
    kept.update({ text: 'draft' });
    kept.flush();
    await sleep(50);
    expect(await kept.load()).toEqual({ text: 'draft' });
    kept.update({ text: '' });
    await sleep(50);
    expect(await kept.load()).toBeNull();
  });

  it('a clear right after a save wins, whatever order the calls finish in', async () => {
    const kept = formDraft<{ text: string }>('test-order');
    kept.update({ text: 'typed' });
    kept.flush();
    await kept.clear();
    await sleep(50);
    expect(await kept.load()).toBeNull();
  });

  it('a clear drops an update still waiting for the pause', async () => {
    const kept = formDraft<{ text: string }>('test-pending');
    kept.update({ text: 'typed' });
    await kept.clear();
    await sleep(DRAFT_DELAY_MS + 100);
    expect(await kept.load()).toBeNull();
  });

  it('edit draft keys name their entry', () => {
    expect(editDraftKey(42)).toBe('edit:42');
    expect(editDraftId('edit:42')).toBe(42);
    expect(editDraftId('edit:x')).toBeNull();
    expect(editDraftId('quick-add')).toBeNull();
  });
});
