// End to end: "Start HugOps when I log in", asked once on the first run and
// switched in Settings, writes and removes the XDG autostart entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP, cli, scenarioEnv, tempDb, until, withApp } from './harness.mjs';

const MONDAY = { HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC' };
const setting = (env, key) => JSON.parse(cli(env, 'settings', 'get', '--json'))[key];
const entryOf = (env) => join(env.XDG_CONFIG_HOME, 'autostart', 'hugops.desktop');

test('the first run asks once; Settings writes and removes the login entry', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), ...MONDAY });
  await withApp(env, async (s) => {
    await (await s.waitFor('[data-testid="login-ask-no"]')).click();
    await s.until(async () => (await s.findAll('[data-testid="login-ask"]')).length === 0, 5000, 'the question gone');
    assert.equal(setting(env, 'start_at_login_asked'), true);
    assert.ok(!existsSync(entryOf(env)), '"Not now" writes no entry');

    await (await s.find('[data-testid="nav-settings"]')).click();
    const toggle = await s.waitFor('[data-testid="settings-start-at-login"]');
    await toggle.click();
    await until(() => existsSync(entryOf(env)), 5000, 'the autostart entry');
    const text = readFileSync(entryOf(env), 'utf8');
    assert.match(text, /^\[Desktop Entry\]\n/);
    assert.match(text, /^Type=Application$/m);
    assert.match(text, /^Name=HugOps$/m);
    assert.ok(text.includes(`Exec="${APP}" --hidden\n`), `Exec starts this app hidden: ${text}`);
    assert.equal(setting(env, 'start_at_login'), true);

    await toggle.click();
    await until(() => !existsSync(entryOf(env)), 5000, 'the entry removed');
    assert.equal(setting(env, 'start_at_login'), false);
  });
  // Asked once: a later window does not ask again.
  await withApp(env, async (s) => {
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await s.findAll('[data-testid="login-ask"]')).length, 0);
  });
});
