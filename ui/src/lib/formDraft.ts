// A form's unsaved input, kept in the database while the user types.
//
// The window's process ends some seconds after its window closes (and may be
// killed), so a half-written form must not live only in the webview: every
// change is stored as a draft after a short pause in typing and read back
// when the form opens again. A saved or cancelled form clears its draft.
// Pasted thread text never goes through here: it is never written anywhere.

import { draftsClear, draftsGet, draftsSave } from './backend';
import { debounce } from './debounce';

/** The draft key of the edit form of journal entry `id`. */
export const editDraftKey = (id: number) => `edit:${id}`;

/** The journal entry an `edit:<id>` draft key belongs to, or null. */
export function editDraftId(key: string): number | null {
  const m = /^edit:(\d+)$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** How long typing must pause before the input is stored, in ms. */
export const DRAFT_DELAY_MS = 300;

export interface FormDraft<T> {
  /** The stored input, or null when there is none (or it is unreadable). */
  load(): Promise<T | null>;
  /** Stores `value` once typing pauses; a blank form clears the draft instead. */
  update(value: T): void;
  /** Stores a pending update now. */
  flush(): void;
  /** Drops any pending update and the stored draft. */
  clear(): Promise<void>;
}

/**
 * The draft of form `key` (`quick-add`, `edit:42`, `settings`, `social`).
 * `isBlank` tells an untouched form, which needs no draft.
 */
export function formDraft<T>(key: string, isBlank: (value: T) => boolean = () => false): FormDraft<T> {
  const report = (what: string) => (err: unknown) => console.error(`HugOps: could not ${what} the ${key} draft`, err);
  // Writes run one after another, so a clear is never overtaken by an
  // earlier save still on its way.
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (write: () => Promise<unknown>, what: string) =>
    (queue = queue.then(write).catch(report(what)));
  const store = debounce((value: T) => void enqueue(() => draftsSave(key, JSON.stringify(value)), 'save'), DRAFT_DELAY_MS);
  const clear = async () => {
    store.cancel();
    await enqueue(() => draftsClear(key), 'clear');
  };
  return {
    async load() {
      try {
        const draft = await draftsGet(key);
        return draft ? (JSON.parse(draft.value) as T) : null;
      } catch (err) {
        report('read')(err);
        return null;
      }
    },
    update(value) {
      if (isBlank(value)) void clear();
      else store(value);
    },
    flush: () => store.flush(),
    clear,
  };
}
