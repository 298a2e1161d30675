// End to end: the CLI writes while the tray process and the window process
// both have the database open and write to it too. Nothing is lost and no
// "database is locked" reaches anyone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HUGOPS, cli, processesOf, quickAdd, scenarioEnv, tempDb, withApp } from './harness.mjs';

const run = promisify(execFile);
const CLI_ENTRIES = 40;
const WINDOW_ENTRIES = 4;

test('the CLI, the tray and the window write at once: every entry is kept, none is told the database is locked', async () => {
  // Friday after 15:00: the tray writes the weekly nudge's log while the others write.
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-27T16:00:00Z', HUGOPS_TZ: 'UTC' });
  await withApp(env, async (s) => {
    const running = processesOf(env.HUGOPS_DB).map((p) => p.comm);
    assert.ok(running.includes('hugops-tray') && running.includes('hugops-desktop'), `both processes run: ${running}`);
    // Four CLI writers at a time, while the window saves entries (and drafts as it types).
    const writes = Array.from({ length: CLI_ENTRIES }, (_, i) => async () => {
      const args = ['--db', env.HUGOPS_DB, 'kudos', 'add', '--given', '--person', `CLI ${i}`, '--message', `Entry ${i}`];
      return run(HUGOPS, args, { env: { ...process.env, ...env } });
    });
    const lanes = Array.from({ length: 4 }, async () => {
      const results = [];
      while (writes.length) results.push(await writes.shift()());
      return results;
    });
    for (let i = 0; i < WINDOW_ENTRIES; i++) {
      await quickAdd(s, { person: `Window ${i}`, message: `Saved in the window while the CLI writes (${i}).` });
      await s.until(async () => (await s.findAll('[data-testid="quick-add"]')).length === 0, 10000, 'quick add saved');
    }
    const results = (await Promise.all(lanes)).flat();
    assert.equal(results.length, CLI_ENTRIES);
    for (const r of results) assert.doesNotMatch(r.stderr, /locked|busy/i);
    const errors = await s.findAll('[data-testid="qa-error"], [data-testid="error-banner"]');
    assert.equal(errors.length, 0, 'the window showed no error');
  });
  const people = JSON.parse(cli(env, 'kudos', 'list', '--json')).map((e) => e.person);
  assert.equal(people.length, CLI_ENTRIES + WINDOW_ENTRIES);
  for (let i = 0; i < CLI_ENTRIES; i++) assert.ok(people.includes(`CLI ${i}`), `CLI ${i} kept`);
  for (let i = 0; i < WINDOW_ENTRIES; i++) assert.ok(people.includes(`Window ${i}`), `Window ${i} kept`);
});
