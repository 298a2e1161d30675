// End to end through the real webview: the Schedule screen and the
// Threads screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, withApp, tempDb, dropFile, delivered, saveMeetingAt } from './harness.mjs';
import { Keys } from './webdriver.mjs';

const ROSTER = readFileSync(resolve(import.meta.dirname, '../cli/fixtures/sample-roster.csv'), 'utf8');
const SLACK_DAY = readFileSync(
  resolve(import.meta.dirname, '../cli/fixtures/threads/slack-export/release-planning/2026-03-02.json'),
  'utf8',
);
const CLOCK = { HUGOPS_NOW: '2026-11-25T10:00:00Z', HUGOPS_TZ: 'UTC' };
const HOSTILE = '<img src=x onerror=alert(1)>';

async function nav(s, page) {
  await (await s.find(`[data-testid="nav-${page}"]`)).click();
}

test('accepted pairs get check-ins with every attendee’s local time; a social shows the heat map', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await nav(s, 'buddies');
    await s.waitFor('[data-testid="buddies-body"][data-ready="true"]');
    await dropFile(s, '[data-testid="page-buddies"]', 'roster.csv', ROSTER);
    await s.waitFor('[data-testid="pair-table"]');
    await (await s.find('[data-testid="select-all"]')).click();
    await (await s.find('[data-testid="buddies-accept"]')).click();
    await s.waitFor('[data-testid="pair-accepted"]');

    await nav(s, 'schedule');
    await (await s.waitFor('[data-testid="tab-checkins"]')).click();
    const first = await s.waitFor('[data-testid="agenda-item"]');
    const starts = await s.until(async () => {
      const items = await s.findAll('[data-testid="agenda-item"]');
      const values = await Promise.all(items.map((i) => i.attribute('data-start')));
      return values.length > 1 ? values : null;
    }, 10000, 'check-ins');
    assert.deepEqual([...starts].sort(), starts, 'upcoming first');
    assert.ok(starts.every((t) => t >= '2026-11-25'), 'nothing in the past');
    const locals = await first.findAll('.locals li');
    assert.equal(locals.length, 2, 'both people’s local times');

    await (await s.find('[data-testid="tab-social"]')).click();
    await (await s.find('[data-testid="social-find"]')).click();
    const cells = await s.until(async () => {
      const all = await s.findAll('[data-testid="heat-cell"]');
      return all.length ? all : null;
    }, 10000, 'the heat map');
    assert.equal(cells.length, 5 * 48);
    const slots = await s.findAll('[data-testid="social-slot"]');
    assert.ok(slots.length >= 1);
  });
});

test('a dropped Slack day file is checked: verdict, reasons on messages, a suggestion', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await nav(s, 'threads');
    await dropFile(s, '[data-testid="page-threads"]', '2026-03-02.json', SLACK_DAY);
    const detail = await s.waitFor('[data-testid="thread-detail"]');
    assert.equal(await detail.attribute('data-ambiguous'), 'true');
    const suggestion = await (await s.find('[data-testid="thread-suggestion"] p')).text();
    assert.match(suggestion, /call/);
    const flagged = await s.findAll('[data-testid="thread-message"].flagged');
    assert.ok(flagged.length >= 1);
  });
});

test('the Threads screen explains itself, and its sample thread gets a call suggested', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await nav(s, 'threads');
    await (await s.waitFor('[data-testid="threads-sample"]')).click();
    const detail = await s.waitFor('[data-testid="thread-detail"]');
    assert.equal(await detail.attribute('data-ambiguous'), 'true');
    assert.match(await (await s.find('[data-testid="thread-suggestion"] p')).text(), /call/);
    assert.equal((await s.findAll('[data-testid="threads-empty"]')).length, 0);
  });
});

test('Schedule without a roster leads to Buddies to import one', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await nav(s, 'schedule');
    await (await s.waitFor('[data-testid="schedule-empty-roster"]')).click();
    await s.waitFor('[data-testid="page-buddies"]');
  });
});

test('pasted hostile text is shown literally and a bad file is an inline error', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await nav(s, 'threads');
    const box = await s.waitFor('[data-testid="thread-input"]');
    await box.type(`Ana: ${HOSTILE}`);
    await box.type(Keys.ENTER);
    await box.type('Bo: ok');
    await (await s.find('[data-testid="thread-check"]')).click();
    await s.waitFor('[data-testid="thread-detail"]');
    const texts = await Promise.all(
      (await s.findAll('[data-testid="thread-message"] .text')).map((e) => e.property('textContent')),
    );
    assert.equal(texts[0], HOSTILE);
    assert.equal((await s.findAll('[data-testid="thread-messages"] img')).length, 0);

    await dropFile(s, '[data-testid="page-threads"]', 'broken.json', '[{"ts": ');
    const banner = await s.waitFor('[data-testid="error-banner"][data-kind="thread"]');
    assert.match(await (await banner.find('[data-testid="error-message"]')).text(), /broken\.json/);
  });
});

test('a tense thread landing in the watched folder brings one notification a day', async () => {
  const NUDGE = 'This thread looks ambiguous — switch to a call?';
  const folder = mkdtempSync(join(tmpdir(), 'hugops-watch-'));
  const transcript = readFileSync(resolve(import.meta.dirname, 'fixtures/tense-thread.txt'), 'utf8');
  const nudges = () => delivered().filter((n) => n.appname === 'HugOps' && n.summary === NUDGE);
  const before = nudges().length;
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    // What the Settings screen sends once a folder is chosen.
    await s.execute(
      `return window.__TAURI_INTERNALS__.invoke('threads_watch_set',
         { settings: { folder_enabled: true, folder: arguments[0], clipboard_enabled: true } })`,
      [folder],
    );
    writeFileSync(join(folder, 'release.txt'), transcript);
    await s.until(async () => (nudges().length > before ? true : null), 20000, 'the thread nudge');
    // The same thread again, one more message: not a second time today.
    writeFileSync(join(folder, 'release.txt'), `${transcript}[10:40] Ana: ?\n`);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(nudges().length, before + 1);
  });
});

test('a saved meeting’s reminder reaches the notification server, and the agenda lists it', async () => {
  const db = tempDb();
  // Five minutes from "now": its reminder (10 minutes before) is due.
  const first = saveMeetingAt({ HUGOPS_DB: db, ...CLOCK }, '2026-11-25T10:05:00Z');

  const mine = () => delivered().filter((n) => n.appname === 'HugOps' && n.summary.includes(first.title));
  await withApp({ HUGOPS_DB: db, ...CLOCK }, async (s) => {
    const shown = await s.until(async () => mine()[0] ?? null, 20000, 'the meeting reminder');
    assert.match(shown.summary, /in 5 min/);
    assert.match(shown.body, /Ana Silva/);
    await nav(s, 'schedule');
    const saved = await s.until(async () => {
      const items = await s.findAll('[data-testid="saved-meeting"]');
      return items.length ? items : null;
    }, 10000, 'the saved agenda');
    assert.equal(await saved[0].attribute('data-uid'), first.uid);
    await (await saved[0].find('[data-testid="meeting-done"]')).click();
    await s.waitFor(`[data-testid="saved-meeting"][data-uid="${first.uid}"][data-status="done"]`);
  });
});

test('Settings chooses the theme: dark at once, and still dark after a restart', async () => {
  const db = tempDb();
  const dark = (s) => s.execute('return matchMedia("(prefers-color-scheme: dark)").matches');
  await withApp({ HUGOPS_DB: db, ...CLOCK, GTK_THEME: 'Adwaita' }, async (s) => {
    assert.equal(await dark(s), false, 'the desktop is light');
    await nav(s, 'settings');
    await (await s.waitFor('[data-testid="settings-theme-dark"]')).click();
    await s.until(async () => (await dark(s)) || null, 10000, 'the window turned dark');
  });
  await withApp({ HUGOPS_DB: db, ...CLOCK, GTK_THEME: 'Adwaita' }, async (s) => {
    assert.equal(await dark(s), true, 'the choice is kept');
    await nav(s, 'settings');
    await (await s.waitFor('[data-testid="settings-theme-system"]')).click();
    await s.until(async () => !(await dark(s)) || null, 10000, 'back to the desktop’s light');
  });
});

test('a saved meeting moves to a day and time typed in the user’s own zone', async () => {
  const env = { HUGOPS_DB: tempDb(), ...CLOCK };
  const first = saveMeetingAt(env, '2026-11-26T09:00:00Z');
  cli(env, 'settings', 'set', 'timezone', 'Asia/Tokyo');
  await withApp(env, async (s) => {
    await nav(s, 'schedule');
    await (await s.waitFor('[data-testid="meeting-move"]')).click();
    const day = await s.waitFor('[data-testid="meeting-move-day"]');
    const time = await s.find('[data-testid="meeting-move-time"]');
    assert.equal(await time.property('value'), '18:00', '09:00 UTC shown in Tokyo');
    await day.clear();
    await day.type('2026-11-27');
    await time.clear();
    await time.type('18:30');
    await (await s.find('.move button[type="submit"]')).click();
    await s.until(async () => {
      const [m] = JSON.parse(cli(env, 'schedule', 'agenda', '--json')).meetings;
      return m.uid === first.uid && m.start === '2026-11-27T09:30:00Z' ? m : null;
    }, 10000, 'the meeting moved to 18:30 in Tokyo');
  });
});
