// End to end: a half-written form survives its window process ending, after
// the grace period or by `kill -9`, and comes back when the window reopens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cli,
  processesOf,
  quitTrays,
  scenarioEnv,
  sleep,
  tempDb,
  trayRequest,
  trayStatus,
  until,
  withEndingWindow,
  withWindow,
} from './harness.mjs';

const MONDAY = { HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC' };
/** Longer than the forms' pause before a draft is stored. */
const TYPING_PAUSE_MS = 1000;

/** The draft rows in the scenario's database, read as another program would. */
function storedDrafts(db) {
  const out = execFileSync(
    'python3',
    ['-c', 'import json,sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(json.dumps(dict(c.execute("SELECT key, value FROM drafts"))))', db],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

const onlyTray = (db) => processesOf(db).every((p) => p.comm === 'hugops-tray');

test('a kudos typed but not saved is back after the window closed and its process ended', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), ...MONDAY });
  cli(env, 'settings', 'set', 'window.grace_seconds', '1');
  try {
    await withEndingWindow(env, async (s) => {
      await (await s.find('[data-testid="open-quick-add"]')).click();
      const form = await s.waitFor('[data-testid="quick-add"]');
      await (await form.find('[data-testid="qa-person"]')).type('Priya Raman');
      await (await form.find('[data-testid="qa-message"]')).type('Stayed late to fix the');
      await sleep(TYPING_PAUSE_MS);
      await trayRequest(env.HUGOPS_RUNTIME_DIR, 'close');
      await until(() => onlyTray(env.HUGOPS_DB), 20000, 'no window, web or network process left');
    });
    assert.equal((await trayStatus(env.HUGOPS_RUNTIME_DIR)).window, null);
    const kept = JSON.parse(storedDrafts(env.HUGOPS_DB)['quick-add']);
    assert.equal(kept.person, 'Priya Raman');

    await withWindow(env, async (s) => {
      const form = await s.waitFor('[data-testid="quick-add"]');
      assert.equal(await (await form.find('[data-testid="qa-person"]')).property('value'), 'Priya Raman');
      const message = await form.find('[data-testid="qa-message"]');
      assert.equal(await message.property('value'), 'Stayed late to fix the');
      // Saving clears the draft.
      await message.type(' release.\uE009\uE007\uE000');
      await s.until(async () => (await s.findAll('[data-testid="entry"]')).length === 1, 10000, 'the saved entry');
      await until(() => !('quick-add' in storedDrafts(env.HUGOPS_DB)), 5000, 'the draft cleared');
    });
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
  }
});

test('an edit in progress is back after kill -9 of the window process; cancelling clears it', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), ...MONDAY });
  cli(env, 'kudos', 'add', '--given', '--person', 'Bo Chen', '--message', 'Reviewed the runbook.');
  try {
    await withEndingWindow(env, async (s) => {
      await (await s.waitFor('[data-testid="entry-edit"]')).click();
      const form = await s.waitFor('[data-testid="edit-form"]');
      await (await form.find('[data-testid="edit-message"]')).type(' Twice, at night');
      await sleep(TYPING_PAUSE_MS);
      const window = processesOf(env.HUGOPS_DB).find((p) => p.comm === 'hugops-desktop');
      process.kill(window.pid, 'SIGKILL');
      await until(() => onlyTray(env.HUGOPS_DB), 20000, 'the killed window process and its WebKit processes gone');
    });
    await withWindow(env, async (s) => {
      const form = await s.waitFor('[data-testid="edit-form"]');
      const message = await form.find('[data-testid="edit-message"]');
      assert.equal(await message.property('value'), 'Reviewed the runbook. Twice, at night');
      await message.type('\uE00C');
      await until(() => Object.keys(storedDrafts(env.HUGOPS_DB)).length === 0, 5000, 'the draft cleared');
      const [entry] = JSON.parse(cli(env, 'kudos', 'list', '--json'));
      assert.equal(entry.message, 'Reviewed the runbook.', 'a cancelled edit changes nothing');
    });
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
  }
});

test('a chat import being filled in and a matching weight being typed are back after kill -9', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), ...MONDAY });
  const killWindow = async () => {
    await sleep(TYPING_PAUSE_MS);
    const window = processesOf(env.HUGOPS_DB).find((p) => p.comm === 'hugops-desktop');
    process.kill(window.pid, 'SIGKILL');
    await until(() => onlyTray(env.HUGOPS_DB), 20000, 'the killed window process gone');
  };
  try {
    await withEndingWindow(env, async (s) => {
      await (await s.waitFor('[data-testid="import-chat"]')).click();
      await (await s.waitFor('[data-testid="chat-me"]')).type('Kiri');
      await killWindow();
    });
    await withEndingWindow(env, async (s) => {
      const me = await s.waitFor('[data-testid="chat-me"]');
      assert.equal(await me.property('value'), 'Kiri', 'the dialog is open again, name kept');
      await (await s.find('[data-testid="chat-cancel"]')).click();
      await until(() => !('chat-import' in storedDrafts(env.HUGOPS_DB)), 5000, 'cancel cleared the draft');

      await (await s.find('[data-testid="nav-settings"]')).click();
      const tenure = await s.waitFor('[data-testid="weight-tenure"]');
      // 0.1 becomes 0.12, not yet saved (that happens when the field is left).
      await tenure.type('2');
      await killWindow();
      assert.equal(JSON.parse(storedDrafts(env.HUGOPS_DB).weights).tenure, 0.12, 'kept while typing');
    });
    await withWindow(env, async (s) => {
      assert.equal((await s.findAll('[data-testid="chat-import"]')).length, 0, 'a cancelled import stays closed');
      await (await s.find('[data-testid="nav-settings"]')).click();
      const tenure = await s.waitFor('[data-testid="weight-tenure"]');
      await s.until(async () => (await tenure.property('value')) === '0.12', 5000, 'the typed weight');
    });
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
  }
});
