// What carries the UI's calls to a backend: the Tauri IPC in the app, the
// in-memory mock in a plain browser. Both backend.ts and mock.ts build on
// this file, which imports neither.

import type { commands } from './bindings';

/** The generated command functions (./bindings.ts), by name: `kudosAdd`. */
export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandArgs<C extends CommandName> = Parameters<Commands[C]>;
export type CommandResult<C extends CommandName> = Awaited<ReturnType<Commands[C]>>;

/** A stand-in for one command: the generated arguments in, its result out. */
export type CommandHandlers = { [C in CommandName]: (...args: CommandArgs<C>) => CommandResult<C> };

/** What a backend implementation (real or mock) must provide. */
export interface Transport {
  call<C extends CommandName>(cmd: C, ...args: CommandArgs<C>): Promise<CommandResult<C>>;
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
