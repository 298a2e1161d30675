// In-memory stand-in for the Rust side, for looking at the screens in a plain
// browser (`npm run dev`). backend.ts loads this file only when
// `window.__TAURI_INTERNALS__` is absent, so the app inside Tauri never runs it.
//
// Query-string switches (browser only): `?empty` starts as a first run (an
// empty journal, and no roster until one is imported on Buddies),
// `?slow` delays every call by 400 ms, `?fail-import` makes imports fail.

import type { CommandHandlers, Transport } from './transport';
import type {
  ApiError,
  Backup,
  Direction,
  Entry,
  EntryPatch,
  ExportFormat,
  Filter,
  ImportReport,
  MonthCount,
  NameCount,
  NewEntry,
  Settings,
  Stats,
} from './types';
import { addMonths, isoDay, isoMonth, parseDay, systemZone } from './dates';
import { screenHandlers } from './mock-screens';
import { oncallHandlers } from './mock-oncall';

const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);

function fail(code: ApiError['code'], message: string): never {
  throw { code, message } satisfies ApiError;
}

/** A bad form value, as the backend reports it: `field: message`, with the field. */
function invalid(field: string, message: string): never {
  throw { code: 'invalid_input', message: `${field}: ${message}`, field } satisfies ApiError;
}

function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return isoDay(d);
}

const SEED: Array<[Direction, string, string, string[], string | null, number]> = [
  ['given', 'Zoë Okafor', 'Thank you for pairing with me on the flaky deploy.\nYou stayed calm and kept us laughing.', ['ownership', 'pairing'], 'https://example.org/deploys/412', 1],
  ['received', 'Mateus Lima', 'Your write-up of the incident made it easy for the new folks to follow.', ['writing', 'incident'], null, 3],
  ['given', 'Aiko Tanaka', 'Took the on-call swap so I could be at my kid’s recital. Means a lot.', ['kindness', 'on-call'], null, 6],
  ['given', 'Priya Raman', 'Great review comments — direct and kind.', ['review', 'mentoring'], null, 12],
  ['received', 'Zoë Okafor', 'Thanks for the onboarding checklist!', ['onboarding'], null, 20],
  ['given', 'Sam O\u2019Neil', '<img src=x onerror=alert(1)> shows up as text, as it should.', ['security'], null, 33],
  ['given', 'Mateus Lima', 'Kept the release notes tidy for three sprints running.', ['ownership', 'writing'], null, 41],
  ['received', 'Aiko Tanaka', 'You noticed I was swamped and offered help before I asked.', ['kindness'], null, 55],
  ['given', 'Zoë Okafor', 'Unblocked the payments migration on a Friday evening.', ['ownership'], null, 70],
  ['given', 'Lena Fischer', 'Patient walkthrough of the tracing setup.', ['mentoring'], null, 95],
  ['received', 'Priya Raman', 'Appreciated your calm during the outage call.', ['incident'], null, 120],
  ['given', 'Aiko Tanaka', 'Translated the runbook for the Tokyo team.', ['writing', 'kindness'], null, 150],
];

let nextId = 1;
/** Form drafts by key, as JSON text (lost on reload, like the rest of the preview). */
const drafts = new Map<string, string>();
const backups: Backup[] = [
  { path: '/home/you/.local/share/hugops/backups/hugops-20261202T090000Z-daily.db', created_at: '2026-12-02T09:00:00Z', reason: 'daily', bytes: 98_304, entries: 12 },
];
let entries: Entry[] = [];
const trash = new Map<number, Entry>();
let settings: Settings = {
  nudge: { enabled: true, weekday: 'fri', time: '15:00', set_up: false },
  paused_until: null,
  timezone: null,
  schedule: {
    cadence: ['day 1', 'week 1', 'week 2', 'week 4', 'week 8', 'week 12'],
    checkin_minutes: 30,
    reminder_minutes: 10,
  },
  quiet_hours: { enabled: false, start: '22:00', end: '07:00' },
  start_at_login: false,
  start_at_login_asked: false,
  window: { grace_seconds: 30, theme: 'system' },
};

function seed() {
  if (params.has('empty')) return;
  for (const [direction, person, message, tags, link, ago] of SEED.slice().reverse()) {
    const occurred_on = daysAgo(ago);
    entries.push({
      id: nextId++,
      direction,
      person,
      message,
      tags,
      link,
      occurred_on,
      created_at: `${occurred_on}T09:00:00Z`,
    });
  }
}
seed();

const URL_RE = /^https?:\/\/\S+$/i;

function validated(e: NewEntry): Entry {
  if (e.direction !== 'given' && e.direction !== 'received') {
    invalid('direction', `expected \`given\` or \`received\`, got \`${String(e.direction)}\``);
  }
  if (!e.person || !e.person.trim()) invalid('person', 'must not be empty');
  if (!e.message || !e.message.trim()) invalid('message', 'must not be empty');
  if (e.message.length > 10_000) invalid('message', 'longer than 10000 characters');
  if (e.link && !URL_RE.test(e.link)) invalid('link', 'must be an http:// or https:// address');
  const day = e.occurred_on ?? isoDay();
  if (!parseDay(day)) invalid('occurred_on', `expected a date as YYYY-MM-DD, got \`${day}\``);
  const tags = e.tags ?? [];
  for (const t of tags) {
    if (/[\s,]/.test(t) || !t) invalid('tags', 'a tag may not be empty or contain spaces or commas');
  }
  return {
    id: 0,
    direction: e.direction,
    person: e.person.trim(),
    ...(e.email ? { email: e.email } : {}),
    message: e.message,
    tags,
    link: e.link ?? null,
    occurred_on: day,
    created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

function sorted(list: Entry[]): Entry[] {
  return list
    .slice()
    .sort((a, b) => (a.occurred_on === b.occurred_on ? b.id - a.id : a.occurred_on < b.occurred_on ? 1 : -1));
}

function applyFilter(list: Entry[], f: Filter): Entry[] {
  const lc = (s: string) => s.toLocaleLowerCase();
  const out = sorted(list).filter(
    (e) =>
      (!f.direction || e.direction === f.direction) &&
      (!f.person || lc(e.person) === lc(f.person)) &&
      (!f.tag || e.tags.some((t) => lc(t) === lc(f.tag!))) &&
      (!f.from || e.occurred_on >= f.from) &&
      (!f.to || e.occurred_on <= f.to),
  );
  const offset = f.offset ?? 0;
  return out.slice(offset, f.limit == null ? undefined : offset + f.limit);
}

function counts(names: string[]): NameCount[] {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 5);
}

function weekIndex(day: string): number {
  const p = parseDay(day)!;
  const t = Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
  return Math.floor((t + 3) / 7); // weeks starting Monday
}

function stats(): Stats {
  const byMonth = new Map<string, MonthCount>();
  for (const e of entries) {
    const month = e.occurred_on.slice(0, 7);
    const m = byMonth.get(month) ?? { month, given: 0, received: 0 };
    m[e.direction] += 1;
    byMonth.set(month, m);
  }
  const givenWeeks = new Set(entries.filter((e) => e.direction === 'given').map((e) => weekIndex(e.occurred_on)));
  const thisWeek = weekIndex(isoDay());
  let current = 0;
  let w = givenWeeks.has(thisWeek) ? thisWeek : thisWeek - 1;
  while (givenWeeks.has(w)) {
    current++;
    w--;
  }
  let longest = 0;
  for (const wk of givenWeeks) {
    if (givenWeeks.has(wk - 1)) continue;
    let len = 0;
    while (givenWeeks.has(wk + len)) len++;
    longest = Math.max(longest, len);
  }
  return {
    given: entries.filter((e) => e.direction === 'given').length,
    received: entries.filter((e) => e.direction === 'received').length,
    by_month: [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
    top_thanked: counts(entries.filter((e) => e.direction === 'given').map((e) => e.person)),
    top_thankers: counts(entries.filter((e) => e.direction === 'received').map((e) => e.person)),
    tags: counts(entries.flatMap((e) => e.tags)),
    streak: { current_weeks: current, longest_weeks: longest },
  };
}

function find(id: number): Entry {
  const e = entries.find((x) => x.id === id);
  if (!e) fail('not_found', `entry ${id} not found`);
  return e;
}

const handlers: Partial<CommandHandlers> = {
  kudosAdd: (entry) => {
    const e = { ...validated(entry as NewEntry), id: nextId++ };
    entries.push(e);
    return e;
  },
  kudosEdit: (id, patch) => {
    const old = find(id as number);
    const p = patch as EntryPatch;
    const merged: NewEntry = {
      direction: p.direction ?? old.direction,
      person: p.person ?? old.person,
      message: p.message ?? old.message,
      tags: p.tags ?? old.tags,
      link: p.link === null ? undefined : (p.link ?? old.link ?? undefined),
      occurred_on: p.occurred_on ?? old.occurred_on,
    };
    const e = { ...validated(merged), id: old.id, created_at: old.created_at };
    entries = entries.map((x) => (x.id === old.id ? e : x));
    return e;
  },
  kudosDelete: (id) => {
    const e = find(id as number);
    entries = entries.filter((x) => x.id !== e.id);
    trash.set(e.id, e);
    return e;
  },
  kudosUndoDelete: (id) => {
    const e = trash.get(id as number);
    if (!e) fail('not_found', `deleted entry ${String(id)} not found`);
    trash.delete(e.id);
    entries.push(e);
    return e;
  },
  kudosList: (filter) => applyFilter(entries, (filter ?? {}) as Filter),
  kudosSearch: (query, filter) => {
    const words = String(query).toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const hits = entries.filter((e) => {
      const hay = `${e.person} ${e.message} ${e.tags.join(' ')}`.toLocaleLowerCase();
      return words.every((w) => hay.includes(w));
    });
    return applyFilter(hits, (filter ?? {}) as Filter);
  },
  kudosStats: () => stats(),
  kudosExport: (format, path) => {
    if (!['md', 'csv', 'json'].includes(format as ExportFormat)) invalid('format', 'expected md, csv or json');
    if (!path) invalid('path', 'must not be empty');
    return entries.length;
  },
  kudosImport: (path): ImportReport => {
    if (params.has('fail-import')) {
      fail('bad_file', `${String(path)}: line 4: field \`direction\`: expected \`given\` or \`received\`, got \`gave\``);
    }
    const month = isoMonth();
    const added: Array<[Direction, string, string]> = [
      ['received', 'Imported Person', 'Thanks for hosting the retro.'],
      ['given', 'Another Teammate', 'Great demo!'],
    ];
    for (const [direction, person, message] of added) {
      entries.push({
        id: nextId++,
        direction,
        person,
        message,
        tags: ['imported'],
        link: null,
        occurred_on: `${addMonths(month, -1)}-15`,
        created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      });
    }
    return { imported: added.length, skipped_duplicates: 3 };
  },
  settingsGet: () => settings,
  settingsSet: (s) => {
    const next = s as Settings;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(next.nudge.time)) invalid('nudge.time', 'expected HH:MM');
    settings = structuredClone(next);
    return settings;
  },
  remindersPause: (minutes) => {
    const until = new Date(Date.now() + Number(minutes) * 60_000);
    until.setSeconds(0, 0);
    settings = { ...settings, paused_until: until.toISOString().replace(/\.\d+Z$/, 'Z') };
    return settings;
  },
  remindersResume: () => {
    settings = { ...settings, paused_until: null };
    return settings;
  },
  appReady: () => undefined,
  windowKeepAlive: () => null,
  draftsGet: (key) => {
    const value = drafts.get(String(key));
    return value === undefined ? null : { key, value, updated_at: new Date().toISOString() };
  },
  draftsSave: (key, value) => {
    drafts.set(String(key), String(value));
    return null;
  },
  draftsClear: (key) => drafts.delete(String(key)),
  draftsKeys: (prefix) => [...drafts.keys()].filter((k) => k.startsWith(String(prefix))).sort(),
  windowClose: () => null,
  backupList: () => [...backups],
  backupNow: () => {
    const b = { path: `/home/you/.local/share/hugops/backups/hugops-${backups.length}-manual.db`, created_at: new Date().toISOString(), reason: 'manual' as const, bytes: 98_304, entries: 12 };
    backups.unshift(b);
    return b;
  },
  backupRestore: () => backups[0],
  appInfo: () => ({
    version: '0.1.0 (browser preview)',
    db_path: '/home/you/.local/share/hugops/hugops.db',
    zone: settings.timezone ?? systemZone(),
  }),
};

const delay = params.has('slow') ? 400 : 15;
const wait = () => new Promise((r) => setTimeout(r, delay));

/** The mock transport: same surface as the Tauri one. */
export function mockTransport(): Transport {
  const listeners = new Map<string, Set<() => void>>();
  // Lets a developer simulate the tray: `window.__hugopsMockEmit('hugops://quick-add')`.
  (window as unknown as Record<string, unknown>).__hugopsMockEmit = (name: string) =>
    listeners.get(name)?.forEach((h) => h());
  console.info('HugOps: not running inside Tauri, using the in-memory browser preview backend.');
  return {
    async call(cmd, ...args) {
      await wait();
      const h = (handlers[cmd] ?? screenHandlers[cmd] ?? oncallHandlers[cmd]) as ((...a: typeof args) => unknown) | undefined;
      if (!h) fail('internal', `command ${cmd} not found`);
      // Copy in and out, as crossing the IPC boundary would.
      return structuredClone(h(...structuredClone(args))) as never;
    },
    async listen(name, handler) {
      const set = listeners.get(name) ?? new Set();
      set.add(handler);
      listeners.set(name, set);
      return () => set.delete(handler);
    },
    async saveDialog(defaultName) {
      await wait();
      return `/home/you/Documents/${defaultName}`;
    },
    async openDialog(filters) {
      await wait();
      const name = filters[0]?.name ?? '';
      const oncall = ['Rotation', 'Shifts', 'Incidents'].find((n) => name.startsWith(n));
      return oncall ? `/home/you/Downloads/${oncall.toLowerCase()}.csv` : '/home/you/Downloads/kudos-export.json';
    },
    async openFolderDialog() {
      await wait();
      return '/home/you/Downloads/slack-export';
    },
    async copyText(text) {
      await navigator.clipboard?.writeText(text);
    },
  };
}
