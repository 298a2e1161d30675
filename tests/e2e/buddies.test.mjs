// End to end through the real webview: the buddy matching screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withApp, tempDb, dropFile } from './harness.mjs';

const ROSTER = readFileSync(resolve(import.meta.dirname, '../cli/fixtures/sample-roster.csv'), 'utf8');
// The reference date of the sample roster's tests (tests/cli/match_cmd.rs).
const CLOCK = { HUGOPS_NOW: '2026-11-25T10:00:00Z', HUGOPS_TZ: 'UTC' };

/** Drops a roster on the Buddies page. */
const dropRoster = (session, name, text) => dropFile(session, '[data-testid="page-buddies"]', name, text);

async function openBuddies(s) {
  await (await s.find('[data-testid="nav-buddies"]')).click();
  await s.waitFor('[data-testid="buddies-body"][data-ready="true"]');
}

/** `{joiner: {buddy, locked, accepted}}` of every row shown. */
async function rows(s) {
  const els = await s.findAll('[data-testid="pair-row"]');
  const out = {};
  for (const el of els) {
    const [joiner, buddy, locked, accepted] = await Promise.all(
      ['data-joiner', 'data-buddy', 'data-locked', 'data-accepted'].map((a) => el.attribute(a)),
    );
    out[joiner] = { buddy, locked: locked === 'true', accepted: accepted === 'true' };
  }
  return out;
}

test('a broken roster is refused inline and nothing is imported', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await openBuddies(s);
    await s.waitFor('[data-testid="roster-drop-zone"]');
    const broken = ROSTER.replace('Africa/Lagos', 'Mars/Olympus_Mons');
    await dropRoster(s, 'broken-roster.csv', broken);
    const banner = await s.waitFor('[data-testid="error-banner"][data-kind="roster"]');
    const message = await (await banner.find('[data-testid="error-message"]')).text();
    assert.match(message, /broken-roster\.csv/);
    assert.match(message, /line 2/);
    assert.match(message, /timezone/);
    // Still empty: the drop zone is shown, no table.
    await s.waitFor('[data-testid="roster-drop-zone"]');
    assert.equal((await s.findAll('[data-testid="pair-row"]')).length, 0);
  });
});

test('import by drop, lock, choose another buddy, accept: accepted pairs stay after a restart', async () => {
  const env = { HUGOPS_DB: tempDb(), ...CLOCK };
  let chosen;
  await withApp(env, async (s) => {
    await openBuddies(s);
    await dropRoster(s, 'roster.csv', ROSTER);
    await s.waitFor('[data-testid="pair-table"]');
    const first = await s.until(async () => {
      const r = await rows(s);
      return Object.keys(r).length ? r : null;
    }, 10000, 'proposed pairs');
    const matched = Object.entries(first).filter(([, r]) => r.buddy);
    assert.ok(matched.length >= 2, 'the sample roster matches at least two joiners');

    // Choose another buddy for the first matched joiner: it becomes a locked pair.
    const [joiner] = matched[0];
    const row = await s.find(`[data-testid="pair-row"][data-joiner="${joiner}"]`);
    const options = await row.findAll('[data-testid="pair-alternatives"] option');
    assert.ok(options.length >= 2, 'alternatives are offered');
    chosen = await options[1].attribute('value');
    await options[1].click();
    await s.until(async () => {
      const r = (await rows(s))[joiner];
      return r.buddy === chosen && r.locked ? r : null;
    }, 10000, 'the chosen buddy, locked');

    // Accept that pair.
    await (await s.find(`[data-testid="pair-row"][data-joiner="${joiner}"] [data-testid="pair-select"]`)).click();
    await (await s.find('[data-testid="buddies-accept"]')).click();
    await s.until(async () => ((await rows(s))[joiner].accepted ? true : null), 10000, 'the accepted pair');
    // The others are still proposals, with the chosen buddy never offered twice
    // beyond their capacity (the sample gives most buddies one place).
    const after = await rows(s);
    assert.equal(after[joiner].buddy, chosen);
    assert.ok(Object.values(after).filter((r) => r.accepted).length === 1);

    // One month of accepted pairs: nothing to compare yet, so no load chart
    // (it appears from the second month), but the export has something to write.
    assert.equal((await s.findAll('[data-testid="tab-load"]')).length, 0);
    assert.equal(await (await s.find('[data-testid="buddies-export"]')).property('disabled'), false);
  });
  await withApp(env, async (s) => {
    await openBuddies(s);
    const r = await s.until(async () => {
      const all = await rows(s);
      return Object.values(all).some((x) => x.accepted) ? all : null;
    }, 10000, 'the accepted pair after a restart');
    const accepted = Object.values(r).filter((x) => x.accepted);
    assert.equal(accepted.length, 1);
    assert.equal(accepted[0].buddy, chosen);
  });
});

test('a dropped history of past pairs is stored, and those pairs are never proposed again', async () => {
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await openBuddies(s);
    await dropRoster(s, 'roster.csv', ROSTER);
    await s.waitFor('[data-testid="pair-table"]');
    const before = await rows(s);
    const [joiner, { buddy }] = Object.entries(before).find(([, r]) => r.buddy);
    // They were paired in an earlier stint, before HugOps.
    await dropRoster(s, 'past-pairs.csv', `joiner_email,buddy_email,date\n${joiner},${buddy},2024-02-01\n`);
    await s.until(async () => {
      const toasts = await Promise.all((await s.findAll('[data-testid="toast-message"]')).map((t) => t.text()));
      return toasts.some((t) => /1 past pair imported/.test(t));
    }, 10000, 'the history toast');
    const after = await s.until(async () => {
      const now = await rows(s);
      return now[joiner] && now[joiner].buddy !== buddy ? now : null;
    }, 10000, 'a new proposal without the past pair');
    assert.equal(after[joiner].accepted, false, 'the past pair is not shown as this joining’s buddy');
    assert.equal(Object.keys(after).length, Object.keys(before).length, 'the roster is unchanged');

    // A broken history is refused inline and stores nothing.
    await dropRoster(s, 'bad-history.csv', 'joiner_email,buddy_email,date\nx@y.org,,2024-02-01\n');
    const banner = await s.waitFor('[data-testid="error-banner"][data-kind="roster"]');
    assert.match(await banner.text(), /Past pairs not imported/);
    assert.match(await (await banner.find('[data-testid="error-message"]')).text(), /line 2/i);
  });
});
