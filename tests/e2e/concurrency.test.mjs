// End to end: for a minute, the CLI, the tray process and the window process
// all write the same database at once. Every write lands, no "database is
// locked" reaches anyone, and the file is intact afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { HUGOPS, cli, processesOf, quickAdd, scenarioEnv, sleep, tempDb, withApp } from './harness.mjs';

const run = promisify(execFile);
const SECONDS = Number(process.env.HUGOPS_CONCURRENCY_SECONDS || 60);
const CLI_LANES = 3;
const TENSE = readFileSync(resolve(import.meta.dirname, 'fixtures/tense-thread.txt'), 'utf8');

/** Runs `write(i)` for i = 0, 1, … until `deadline`; returns how many ran. */
async function writeUntil(deadline, write) {
  let i = 0;
  while (Date.now() < deadline) await write(i++);
  return i;
}

/** What SQLite says of the file: `PRAGMA integrity_check` and the rows of `table`. */
function inspect(db, table) {
  const script = `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0])
print(c.execute("SELECT count(*) FROM ${table}").fetchone()[0])`;
  const [integrity, rows] = execFileSync('python3', ['-c', script, db], { encoding: 'utf8' }).trim().split('\n');
  return { integrity, rows: Number(rows) };
}

test(`the CLI, the tray and the window write at once for ${SECONDS} s: every write is kept, none is told the database is locked`, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'hugops-watch-'));
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-27T16:00:00Z', HUGOPS_TZ: 'UTC' });
  const cliErrors = [];
  const written = { cli: [], window: 0, threads: 0 };
  await withApp(env, async (s) => {
    const running = processesOf(env.HUGOPS_DB).map((p) => p.comm);
    assert.ok(running.includes('hugops-tray') && running.includes('hugops-desktop'), `both processes run: ${running}`);
    // The tray writes a nudge for each new tense thread in the watched folder.
    await s.execute(
      `return window.__TAURI_INTERNALS__.invoke('threads_watch_set',
         { settings: { folder_enabled: true, folder: arguments[0], clipboard_enabled: false } })`,
      [folder],
    );
    const deadline = Date.now() + SECONDS * 1000;
    const lanes = Array.from({ length: CLI_LANES }, (_, lane) =>
      writeUntil(deadline, async (i) => {
        const person = `CLI ${lane}.${i}`;
        const args = ['--db', env.HUGOPS_DB, 'kudos', 'add', '--given', '--person', person, '--message', `Entry ${i}`];
        const { stderr } = await run(HUGOPS, args, { env: { ...process.env, ...env } });
        if (stderr.trim()) cliErrors.push(stderr.trim());
        written.cli.push(person);
      }),
    );
    const threads = writeUntil(deadline, async (i) => {
      // A new first message makes a new thread, so a nudge of its own.
      const text = TENSE.replace('Can we talk about the release?', `Can we talk about release ${i}?`);
      writeFileSync(join(folder, `release-${i}.txt`), text);
      await sleep(2000);
    });
    written.window = await writeUntil(deadline, async (i) => {
      await quickAdd(s, { person: `Window ${i}`, message: `Saved in the window while the others write (${i}).` });
      await s.until(async () => (await s.findAll('[data-testid="quick-add"]')).length === 0, 10000, 'quick add saved');
    });
    await Promise.all(lanes);
    written.threads = await threads;
    // The tray reads a file once it has been quiet for a moment.
    await s.until(() => inspect(env.HUGOPS_DB, 'thread_nudges').rows >= written.threads, 20000, 'every nudge queued');
    const errors = await s.findAll('[data-testid="qa-error"], [data-testid="error-banner"]');
    assert.equal(errors.length, 0, 'the window showed no error');
  });
  assert.deepEqual(cliErrors, [], 'the CLI said nothing on stderr');
  assert.ok(written.cli.length > 30 && written.window > 5 && written.threads > 10, `enough writes: ${JSON.stringify({ ...written, cli: written.cli.length })}`);
  const people = JSON.parse(cli(env, 'kudos', 'list', '--json')).map((e) => e.person);
  assert.equal(people.length, written.cli.length + written.window, 'every entry is kept');
  for (const p of written.cli) assert.ok(people.includes(p), `${p} kept`);
  for (let i = 0; i < written.window; i++) assert.ok(people.includes(`Window ${i}`), `Window ${i} kept: ${people.filter((p) => !p.startsWith("CLI"))}`);
  const after = inspect(env.HUGOPS_DB, 'thread_nudges');
  assert.equal(after.rows, written.threads, 'one nudge per thread');
  assert.equal(after.integrity, 'ok');
});
