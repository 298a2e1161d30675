// The one door to the Rust side. Every Tauri command, event and native
// dialog the UI uses goes through a typed function in this file; components
// never call `invoke` or `listen` themselves.
//
// Inside Tauri (`window.__TAURI_INTERNALS__` present) the calls go through the
// command functions generated from Rust (./bindings.ts). In a plain browser (`npm run dev`) an
// in-memory mock (./mock.ts) answers instead so the screens can be looked at;
// it is loaded lazily and never in the app.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { open as openFileDialog, save as saveFileDialog } from '@tauri-apps/plugin-dialog';
import type {
  WatchSettings,
  ApiError,
  GroupArg,
  SocialArg,
  Lock,
  Weights,
  EntryPatch,
  ExportFormat,
  Filter,
  NewEntry,
  OncallQuery,
  Settings,
} from './types';
import { commands } from './bindings';
import type { CommandArgs, CommandName, CommandResult, DialogFilter, Transport } from './transport';

export type { ApiError } from './types';

/** Event emitted by the shell when the tray's "Log kudos…" is chosen. */
export const QUICK_ADD_EVENT = 'hugops://quick-add';

/** True when running inside the Tauri WebView (IPC available). */
export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

let transport: Promise<Transport> | null = null;

function getTransport(): Promise<Transport> {
  if (!transport) {
    transport = inTauri()
      ? Promise.resolve(tauriTransport)
      : import('./mock').then((m) => m.mockTransport());
  }
  return transport;
}

const tauriTransport: Transport = {
  call: (cmd, ...args) => (commands[cmd] as (...a: typeof args) => Promise<CommandResult<typeof cmd>>)(...args),
  listen: (name, handler) => listen(name, () => handler()),
  saveDialog: async (defaultName, filter) => {
    const path = await saveFileDialog({ defaultPath: defaultName, filters: [filter] });
    return path ?? null;
  },
  openDialog: async (filters) => {
    const picked = await openFileDialog({ multiple: false, directory: false, filters });
    return typeof picked === 'string' ? picked : null;
  },
  openFolderDialog: async () => {
    const picked = await openFileDialog({ multiple: false, directory: true });
    return typeof picked === 'string' ? picked : null;
  },
  copyText: async (text) => {
    try {
      // The clipboard-manager plugin's command, called directly: its npm
      // package trails the Rust crate's version, so it is not a dependency.
      // Needs the `clipboard-manager:allow-write-text` permission.
      await invoke('plugin:clipboard-manager|write_text', { text });
    } catch (err) {
      // Plugin permission not granted: fall back to the WebView's own API.
      if (!navigator.clipboard) throw err;
      await navigator.clipboard.writeText(text);
    }
  },
};

/** Turns whatever a rejected call produced into an {@link ApiError}. */
export function toApiError(err: unknown): ApiError {
  if (err && typeof err === 'object') {
    const o = err as Record<string, unknown>;
    if (typeof o.message === 'string') {
      const code = typeof o.code === 'string' ? o.code : 'internal';
      return typeof o.field === 'string' ? { code, message: o.message, field: o.field } : { code, message: o.message };
    }
  }
  if (typeof err === 'string' && err.length > 0) return { code: 'internal', message: err };
  return { code: 'internal', message: 'Something went wrong talking to HugOps.' };
}

export function isApiError(err: unknown): err is ApiError {
  return (
    !!err &&
    typeof err === 'object' &&
    typeof (err as ApiError).code === 'string' &&
    typeof (err as ApiError).message === 'string'
  );
}

/** Runs a generated command through the transport; rejects with an {@link ApiError}. */
async function call<C extends CommandName>(cmd: C, ...args: CommandArgs<C>): Promise<CommandResult<C>> {
  const t = await getTransport();
  try {
    return await t.call(cmd, ...args);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Drops keys whose value is undefined or an empty string (Filter fields). */
function compactFilter(filter: Filter): Filter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v !== undefined && v !== null && v !== '') out[k] = v;
  }
  return out as Filter;
}

// ---- kudos journal -------------------------------------------------------

export const kudosAdd = (entry: NewEntry) => call('kudosAdd', entry);

export const kudosEdit = (id: number, patch: EntryPatch) => call('kudosEdit', id, patch);

/** Moves an entry to the trash; returns it (for undo). */
export const kudosDelete = (id: number) => call('kudosDelete', id);

export const kudosUndoDelete = (id: number) => call('kudosUndoDelete', id);

/** Entries matching `filter`, newest first. */
export const kudosList = (filter: Filter = {}) =>
  call('kudosList', compactFilter(filter));

/** Full-text search, narrowed by `filter`. */
export const kudosSearch = (query: string, filter: Filter = {}) =>
  call('kudosSearch', query, compactFilter(filter));

export const kudosStats = () => call('kudosStats');

/** Writes every entry to `path`; returns how many were written. */
export const kudosExport = (format: ExportFormat, path: string) =>
  call('kudosExport', format, path);

export const kudosImport = (path: string) => call('kudosImport', path);

/** Logs the thanks to `me` in a chat export or transcript (file or folder) as received kudos. */
export const kudosImportChat = (path: string, me: string) => call('kudosImportChat', path, me);

// ---- settings and reminders ---------------------------------------------

export const settingsGet = () => call('settingsGet');

export const settingsSet = (settings: Settings) => call('settingsSet', settings);

export const remindersPause = (minutes: number) => call('remindersPause', minutes);

export const remindersResume = () => call('remindersResume');

export const appInfo = () => call('appInfo');
/** The database's snapshots, newest first. */
export const backupList = () => call('backupList');
/** Takes a snapshot now (reason `manual`). */
export const backupNow = () => call('backupNow');
/** Puts the snapshot at `path` back, after snapshotting the current state. */
export const backupRestore = (path: string) => call('backupRestore', path);

/** The stored draft of form `key`, or null. */
export const draftsGet = (key: string) => call('draftsGet', key);
/** Stores `value` (JSON text) as the draft of form `key`. */
export const draftsSave = (key: string, value: string) => call('draftsSave', key, value);
/** Removes the draft of form `key`. */
export const draftsClear = (key: string) => call('draftsClear', key);
/** The keys of the drafts starting with `prefix`. */
export const draftsKeys = (prefix: string) => call('draftsKeys', prefix);

/** Tells the shell the journal is on screen (used to time start-up). */
export const appReady = () => call('appReady');
/** Keeps the window process while pasted thread text is on screen. */
export const windowKeepAlive = (on: boolean) => call('windowKeepAlive', on);
/** Closes the window as its close button does. */
export const windowClose = () => call('windowClose');

// ---- buddy matching ---------------------------------------------------------

/** Imports a roster CSV picked in a dialog (all or nothing; updates people by email). */
export const buddiesImportRoster = (path: string) => call('buddiesImportRoster', path);

/** Imports a roster dropped on the window: its file name and text. */
export const buddiesImportRosterText = (name: string, text: string) =>
  call('buddiesImportRosterText', name, text);

/** Imports pairings made before HugOps (a CSV picked in a dialog): never proposed again. */
export const buddiesImportHistory = (path: string) => call('buddiesImportHistory', path);

/** Imports a history CSV dropped on the window: its file name and text. */
export const buddiesImportHistoryText = (name: string, text: string) =>
  call('buddiesImportHistoryText', name, text);

/** Matches the stored roster on `today` (null: the app's today), keeping `locks`. */
export const buddiesPropose = (today: string | null, locks: Lock[]) =>
  call('buddiesPropose', today, locks);

/** Stores the proposed pairs of `joiners`; resolves to how many were new. */
export const buddiesAccept = (today: string | null, locks: Lock[], joiners: string[]) =>
  call('buddiesAccept', today, locks, joiners);

export const buddiesPairings = () => call('buddiesPairings');

/** Writes every accepted pairing to `path` as CSV; resolves to the row count. */
export const buddiesExport = (path: string) => call('buddiesExport', path);

export const buddiesLoad = () => call('buddiesLoad');

export const buddiesWeightsGet = () => call('buddiesWeightsGet');

export const buddiesWeightsSet = (weights: Weights) => call('buddiesWeightsSet', weights);

/** Native "Open" dialog for a roster CSV. Resolves to null when cancelled. */
export const pickRosterPath = () => pickOpenPath([{ name: 'Roster (CSV)', extensions: ['csv'] }]);

/** Native "Open" dialog for a history of past pairings (CSV). Resolves to null when cancelled. */
export const pickHistoryPath = () => pickOpenPath([{ name: 'Past pairings (CSV)', extensions: ['csv'] }]);

/** Native "Save as" dialog for the accepted pairs. Resolves to null when cancelled. */
export const pickPairsExportPath = () => pickSavePath('buddy-pairs.csv', { name: 'CSV', extensions: ['csv'] });

// ---- schedule ---------------------------------------------------------------

export const scheduleTeams = () => call('scheduleTeams');

/** Check-ins of every accepted pair from `today` (null: the app's today). */
export const scheduleCheckins = (today: string | null) => call('scheduleCheckins', today);

export const scheduleSocial = (social: SocialArg) => call('scheduleSocial', social);

export const scheduleHeatmap = (group: GroupArg, day: string) => call('scheduleHeatmap', group, day);

export const scheduleExportCheckins = (today: string | null, path: string) =>
  call('scheduleExportCheckins', today, path);

export const scheduleExportSocial = (social: SocialArg, path: string) =>
  call('scheduleExportSocial', social, path);

/** Saves the check-ins of every accepted pair to the agenda (they get reminders). */
export const scheduleSaveCheckins = (today: string | null) => call('scheduleSaveCheckins', today);

export const scheduleSaveSocial = (social: SocialArg) => call('scheduleSaveSocial', social);

export const scheduleAgenda = () => call('scheduleAgenda');

export const scheduleDone = (uid: string) => call('scheduleDone', uid);

/** Moves a meeting to `start` (RFC 3339), keeping its length. */
export const scheduleMove = (uid: string, start: string) => call('scheduleMove', uid, start);

export const remindersMissed = () => call('remindersMissed');

export const remindersDismiss = (kind: string, due: string) => call('remindersDismiss', kind, due);

/** Native "Save as" dialog for a calendar file. Resolves to null when cancelled. */
export const pickIcsPath = (defaultName: string) =>
  pickSavePath(defaultName, { name: 'Calendar (.ics)', extensions: ['ics'] });

// ---- threads ------------------------------------------------------------------

/** Analyses pasted or dropped text (any supported format); nothing is stored. */
export const threadsReviewText = (name: string, text: string) =>
  call('threadsReviewText', name, text, null);

/** Analyses a transcript, an export file or a Slack export folder. */
export const threadsReviewPath = (path: string) => call('threadsReviewPath', path, null);

export const threadsWatchGet = () => call('threadsWatchGet');

export const threadsWatchSet = (settings: WatchSettings) =>
  call('threadsWatchSet', settings);

/** Native "Open" dialog for a transcript or chat export file. */
export const pickThreadFile = () =>
  pickOpenPath([{ name: 'Chat export or transcript', extensions: ['json', 'txt', 'log', 'md'] }]);

/** Native folder picker for a Slack export. Resolves to null when cancelled. */
export async function pickThreadFolder(): Promise<string | null> {
  const t = await getTransport();
  try {
    return await t.openFolderDialog();
  } catch (err) {
    throw toApiError(err);
  }
}

// ---- on-call -------------------------------------------------------------------

/** The on-call report for a period; a shifts or incidents file left out is read from the ledger. */
export const oncallReport = (query: OncallQuery) => call('oncallReport', query);

/** Stores shifts and incidents in the ledger (the roster tells each person's zone). */
export const oncallImport = (shifts: string | null, incidents: string | null, roster: string | null) =>
  call('oncallImport', shifts, incidents, roster);

/** Native "Open" dialog for the rotation (roster CSV with sleep hours). */
export const pickOncallRosterPath = () => pickOpenPath([{ name: 'Rotation (CSV)', extensions: ['csv'] }]);

/** Native "Open" dialog for a shifts CSV. */
export const pickShiftsPath = () => pickOpenPath([{ name: 'Shifts (CSV)', extensions: ['csv'] }]);

/** Native "Open" dialog for incidents: CSV, or JSON from PagerDuty or Opsgenie. */
export const pickIncidentsPath = () =>
  pickOpenPath([{ name: 'Incidents (CSV, JSON)', extensions: ['csv', 'json'] }]);

// ---- events ---------------------------------------------------------------

/** Calls `handler` whenever the tray asks for quick add. Resolves to an unsubscribe function. */
export async function onQuickAdd(handler: () => void): Promise<() => void> {
  const t = await getTransport();
  return t.listen(QUICK_ADD_EVENT, handler);
}

// ---- native dialogs and clipboard ------------------------------------------

const EXPORT_FILTERS: Record<ExportFormat, DialogFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

/** A native "Save as" dialog. Resolves to null when cancelled. */
async function pickSavePath(defaultName: string, filter: DialogFilter): Promise<string | null> {
  const t = await getTransport();
  try {
    return await t.saveDialog(defaultName, filter);
  } catch (err) {
    throw toApiError(err);
  }
}

/** A native "Open" dialog for one file. Resolves to null when cancelled. */
async function pickOpenPath(filters: DialogFilter[]): Promise<string | null> {
  const t = await getTransport();
  try {
    return await t.openDialog(filters);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Native "Save as" dialog for an export. Resolves to null when cancelled. */
export const pickExportPath = (format: ExportFormat, defaultName: string) =>
  pickSavePath(defaultName, EXPORT_FILTERS[format]);

/** Native "Open" dialog for an import (JSON or CSV). Resolves to null when cancelled. */
export const pickImportPath = () =>
  pickOpenPath([{ name: 'HugOps export (JSON, CSV)', extensions: ['json', 'csv'] }]);

/** Copies text to the clipboard. */
export async function copyText(text: string): Promise<void> {
  const t = await getTransport();
  try {
    await t.copyText(text);
  } catch (err) {
    throw toApiError(err);
  }
}
