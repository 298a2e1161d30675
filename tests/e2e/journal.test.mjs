// End to end through the real webview: the kudos journal and its nudge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { withApp, tempDb, delivered, cli, HUGOPS, quickAdd } from './harness.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';
// A Monday, so the default Friday nudge is not due during the journal tests.
const QUIET_MONDAY = { HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC' };

/** Types `query` into the search box and returns the texts of the cards shown. */
async function search(session, query) {
  const box = await session.find('[data-testid="search"]');
  await box.clear();
  await box.type(query);
  return session.until(async () => {
    const cards = await session.findAll('[data-testid="entry"]');
    const texts = await Promise.all(cards.map(textOf));
    return texts.length && texts.every(Boolean) ? texts : null;
  }, 10000, `results for ${query}`);
}

/** The text an element holds, whether or not it is fading in. */
function textOf(element) {
  return element.property('textContent');
}

async function messages(session) {
  const els = await session.findAll('[data-testid="entry-message"]');
  return Promise.all(els.map(textOf));
}

test('a kudos added in the window is found by search, also after a restart', async () => {
  const env = { HUGOPS_DB: tempDb(), ...QUIET_MONDAY };
  await withApp(env, async (s) => {
    await quickAdd(s, {
      person: 'Zoë Okafor',
      message: 'Untangled the flaky deploy at 2 am and wrote it up.',
      tags: 'ownership',
    });
    await s.until(async () => (await messages(s)).length === 1, 10000, 'the new entry');
    const found = await search(s, 'zoe');
    assert.equal(found.length, 1);
    assert.match(found[0], /Zoë Okafor/);
  });
  await withApp(env, async (s) => {
    const found = await search(s, 'flaky');
    assert.equal(found.length, 1);
    assert.match(found[0], /Untangled the flaky deploy/);
  });
});

test('sample data comes in one click and goes in one, leaving the user’s own kudos', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...QUIET_MONDAY }, async (s) => {
    await s.waitFor('[data-testid="welcome"]');
    await (await s.find('[data-testid="welcome-sample"]')).click();
    await s.waitFor('[data-testid="sample-strip"]');
    await s.until(async () => (await messages(s)).length === 8, 10000, 'the sample entries');
    const tags = await Promise.all((await s.findAll('[data-testid="entry-tags"]')).map(textOf));
    assert.ok(tags.every((t) => t.includes('sample')), 'every sample is tagged sample');

    await quickAdd(s, { person: 'Ana Silva', message: 'Thanks for the careful review.' });
    await s.until(async () => (await messages(s)).length === 9, 10000, 'the user’s own entry');

    await (await s.find('[data-testid="sample-remove"]')).click();
    await s.until(async () => {
      const toasts = await Promise.all((await s.findAll('[data-testid="toast-message"]')).map(textOf));
      return toasts.some((t) => /Removed 8 sample entries/.test(t));
    }, 10000, 'the removal toast');
    await s.until(async () => (await messages(s)).length === 1, 10000, 'only the user’s entry');
    assert.deepEqual(await messages(s), ['Thanks for the careful review.']);
    assert.equal((await s.findAll('[data-testid="sample-strip"]')).length, 0);
  });
});

test('a long journal shows a first page and loads the next as the list is scrolled', async () => {
  const db = tempDb();
  const file = join(dirname(db), 'entries.json');
  const entries = Array.from({ length: 100 }, (_, i) => ({
    direction: 'given',
    person: `Person ${i}`,
    message: `Thanks number ${i}`,
    tags: [],
    link: null,
    occurred_on: '2026-11-01',
  }));
  writeFileSync(file, JSON.stringify(entries));
  execFileSync(HUGOPS, ['--db', db, 'kudos', 'import', file]);
  await withApp({ HUGOPS_DB: db, ...QUIET_MONDAY }, async (s) => {
    const count = async () => Number(await (await s.find('[data-testid="entry-list"]')).attribute('data-count'));
    await s.until(async () => (await count()) === 40, 10000, 'the first page of 40');
    // No click: bringing the end of the list into view is enough.
    await s.execute("document.querySelector('[data-testid=\"load-more\"]').scrollIntoView()");
    await s.until(async () => (await count()) === 80, 10000, 'the second page');
    await s.execute("document.querySelector('[data-testid=\"load-more\"]').scrollIntoView()");
    await s.until(async () => (await count()) === 100, 10000, 'the rest');
    assert.equal((await s.findAll('[data-testid="load-more"]')).length, 0);
  });
});

test('hostile text is shown literally, never as HTML', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...QUIET_MONDAY }, async (s) => {
    await quickAdd(s, { person: HOSTILE, message: HOSTILE });
    const shown = await s.until(async () => {
      const m = await messages(s);
      return m.length === 1 && m[0] ? m : null;
    }, 10000, 'the hostile entry');
    assert.equal(shown[0], HOSTILE);
    const person = await textOf(await s.find('[data-testid="entry-person"]'));
    assert.equal(person, HOSTILE);
    const images = await s.findAll('[data-testid="entry-list"] img');
    assert.equal(images.length, 0);
  });
});

test('an empty message is refused inline and nothing is stored', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...QUIET_MONDAY }, async (s) => {
    await quickAdd(s, { person: 'Sam', message: '   ' });
    const error = await s.until(async () => {
      const text = await textOf(await s.find('[data-testid="qa-error"]'));
      return text || null;
    }, 10000, 'the inline error');
    assert.match(error, /message/i);
    assert.equal((await messages(s)).length, 0);
  });
});

test('a new user is not nudged at first launch; a nudge they set up reaches the notification server', async () => {
  // Friday 16:00 UTC, an hour after the default Friday 15:00 nudge, nothing given.
  const env = { HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-27T16:00:00Z', HUGOPS_TZ: 'UTC' };
  const ours = () => delivered().filter((n) => n.appname === 'HugOps');
  const before = ours().length;
  await withApp(env, async () => {
    await new Promise((r) => setTimeout(r, 4000));
    assert.equal(ours().length, before, 'nothing in the first week of a brand-new database');
  });
  cli(env, 'settings', 'set', 'nudge.enabled', 'on');
  await withApp(env, async (s) => {
    const nudge = await s.until(async () => (ours().length > before ? ours()[0] : null), 20000, 'a HugOps notification in dunst');
    assert.ok(nudge.summary.length > 0);
  });
});

test('thanks to the user in a chat export are logged as received kudos from the window, once', async () => {
  const discord = resolve(import.meta.dirname, '../cli/fixtures/threads/discord-export.json');
  await withApp({ HUGOPS_DB: tempDb(), ...QUIET_MONDAY }, async (s) => {
    const open = async () => {
      await (await s.waitFor('[data-testid="import-chat"]')).click();
      return s.waitFor('[data-testid="chat-import"]');
    };
    let dialog = await open();
    await (await dialog.find('[data-testid="chat-me"]')).type('Kiri');
    await (await dialog.find('[data-testid="chat-path"]')).type('/no/such/export.json');
    await (await dialog.find('[data-testid="chat-import-run"]')).click();
    const problem = await s.waitFor('[data-testid="chat-path-error"]');
    assert.ok((await problem.text()).length > 0, 'the path is said to be wrong');

    const path = await dialog.find('[data-testid="chat-path"]');
    await path.clear();
    await path.type(discord);
    await (await dialog.find('[data-testid="chat-import-run"]')).click();
    await s.until(async () => (await s.findAll('[data-testid="chat-import"]')).length === 0, 10000, 'the dialog closed');
    const toast = async (re) =>
      s.until(async () => {
        const texts = await Promise.all((await s.findAll('[data-testid="toast-message"]')).map(textOf));
        return texts.find((t) => re.test(t)) ?? null;
      }, 10000, `a toast ${re}`);
    assert.match(await toast(/Found 1 thank-you/), /1 logged, 0 already in the journal/);
    const entries = JSON.parse(cli(s.env, 'kudos', 'list', '--json'));
    assert.deepEqual(entries.map((e) => [e.person, e.direction]), [['Lars', 'received']]);

    // Importing the same export again logs nothing new.
    dialog = await open();
    await (await dialog.find('[data-testid="chat-me"]')).type('Kiri');
    await (await dialog.find('[data-testid="chat-path"]')).type(discord);
    await (await dialog.find('[data-testid="chat-import-run"]')).click();
    await toast(/0 logged, 1 already in the journal/);
    assert.equal(JSON.parse(cli(s.env, 'kudos', 'list', '--json')).length, 1);
  });
});
