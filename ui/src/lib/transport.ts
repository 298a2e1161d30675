// What carries the UI's calls to a backend: the Tauri IPC in the app, the
// in-memory mock in a plain browser. Both backend.ts and mock.ts build on
// this file, which imports neither.

/** What a backend implementation (real or mock) must provide. */
export interface Transport {
  invoke<T>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  listen(event: string, handler: () => void): Promise<() => void>;
  saveDialog(defaultName: string, filter: DialogFilter): Promise<string | null>;
  openDialog(filters: DialogFilter[]): Promise<string | null>;
  openFolderDialog(): Promise<string | null>;
  copyText(text: string): Promise<void>;
}

/** A file type a native file dialog offers. */
export interface DialogFilter {
  name: string;
  extensions: string[];
}
