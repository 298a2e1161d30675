// End to end through the real webview: axe-core checks every screen, in the
// light and the dark theme, with data on it and with its dialogs open, and
// the test fails on any serious or critical violation (contrast, names,
// roles, labels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, dropFile, tempDb, withApp } from './harness.mjs';
import { Keys } from './webdriver.mjs';
import { CLOCK, files, showReport } from './oncall-fixture.mjs';

const AXE = readFileSync(resolve(import.meta.dirname, '../../ui/node_modules/axe-core/axe.min.js'), 'utf8');
const ROSTER = readFileSync(resolve(import.meta.dirname, '../cli/fixtures/sample-roster.csv'), 'utf8');
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the document as it is now and returns its serious and
 * critical violations as one line each: rule, impact, the elements and why.
 */
async function audit(s) {
  // Animations end first: axe reads colours mid-fade as they are drawn.
  await s.execute(`if (!window.axe) { ${AXE} }
    window.__axe = null;
    const all = document.getAnimations ? document.getAnimations() : [];
    Promise.all(all.map((a) => a.finished.catch(() => {})))
      .then(() => axe.run(document, { resultTypes: ['violations'] }))
      .then((r) => { window.__axe = { violations: r.violations }; },
            (e) => { window.__axe = { error: String(e) }; });`);
  const result = await s.until(() => s.execute('return window.__axe;'), 60000, 'axe-core to finish');
  assert.equal(result.error, undefined, `axe-core ran: ${result.error}`);
  return result.violations
    .filter((v) => FAILING.has(v.impact))
    .map((v) => {
      const where = v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
      return `${v.id} (${v.impact}): ${v.help}\n    ${where.join('\n    ')}`;
    });
}

async function nav(s, page) {
  await (await s.find(`[data-testid="nav-${page}"]`)).click();
  await s.waitFor(`[data-testid="page-${page}"]`);
}

/** Every screen in its states worth checking, in the order a user meets them. */
const SCREENS = [
  ['the welcome', async (s) => s.waitFor('[data-testid="welcome"]')],
  [
    'the journal with entries',
    async (s) => {
      await (await s.find('[data-testid="welcome-sample"]')).click();
      await s.waitFor('[data-testid="sample-strip"]');
    },
  ],
  [
    'the quick-add dialog',
    async (s) => {
      await (await s.find('[data-testid="open-quick-add"]')).click();
      await s.waitFor('[data-testid="quick-add"]');
    },
  ],
  [
    'buddies with proposed pairs',
    async (s) => {
      await (await s.find('[data-testid="qa-person"]')).type(Keys.ESCAPE);
      await s.until(async () => (await s.findAll('[data-testid="quick-add"]')).length === 0, 10000, 'the dialog closed');
      await nav(s, 'buddies');
      await s.waitFor('[data-testid="buddies-body"][data-ready="true"]');
      await dropFile(s, '[data-testid="page-buddies"]', 'roster.csv', ROSTER);
      await s.waitFor('[data-testid="pair-table"]');
      await (await s.find('[data-testid="select-all"]')).click();
    },
  ],
  [
    'check-ins for accepted pairs',
    async (s) => {
      await (await s.find('[data-testid="buddies-accept"]')).click();
      await s.waitFor('[data-testid="pair-accepted"]');
      await nav(s, 'schedule');
      await (await s.waitFor('[data-testid="tab-checkins"]')).click();
      await s.waitFor('[data-testid="agenda-item"]');
    },
  ],
  [
    'a social’s heat map and best times',
    async (s) => {
      await (await s.find('[data-testid="tab-social"]')).click();
      await (await s.find('[data-testid="social-find"]')).click();
      await s.waitFor('[data-testid="heat-cell"]');
    },
  ],
  [
    'a checked thread',
    async (s) => {
      await nav(s, 'threads');
      await (await s.waitFor('[data-testid="threads-sample"]')).click();
      await s.waitFor('[data-testid="thread-detail"]');
    },
  ],
  [
    'the on-call ledger and heat map',
    async (s) => {
      await nav(s, 'oncall');
      await showReport(s, files());
      await s.waitFor('[data-testid="oncall-heat"]');
    },
  ],
  ['settings', async (s) => nav(s, 'settings')],
];

for (const theme of ['light', 'dark']) {
  test(`every screen passes axe-core in the ${theme} theme`, async () => {
    const env = { HUGOPS_DB: tempDb(), ...CLOCK };
    cli(env, 'settings', 'set', 'window.theme', theme);
    await withApp(env, async (s) => {
      const dark = await s.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`);
      assert.equal(dark, theme === 'dark', `the window shows the ${theme} theme`);
      const found = [];
      for (const [screen, reach] of SCREENS) {
        await reach(s);
        for (const v of await audit(s)) found.push(`${screen}: ${v}`);
      }
      assert.deepEqual(found, [], `serious or critical violations in the ${theme} theme:\n${found.join('\n')}`);
    });
  });
}
