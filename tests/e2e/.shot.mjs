// Scratch: screenshots of the buddies screen (not a test; not committed).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { withApp, tempDb } from './harness.mjs';
const ROSTER = readFileSync(new URL('../cli/fixtures/sample-roster.csv', import.meta.url), 'utf8');
const shot = (n) => execFileSync('import', ['-window', 'root', `/tmp/shots/${n}.png`]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await withApp({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-25T10:00:00Z', HUGOPS_TZ: 'UTC' }, async (s) => {
  await (await s.find('[data-testid="nav-buddies"]')).click();
  await sleep(800); shot('empty');
  await s.execute(`const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], 'bad.csv'));
    document.querySelector('[data-testid="page-buddies"]').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));`, [ROSTER.replace('2025-06-02', '2025-06-31')]);
  await sleep(800); shot('error');
  await s.execute(`const dt = new DataTransfer(); dt.items.add(new File([arguments[0]], 'roster.csv'));
    document.querySelector('[data-testid="page-buddies"]').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));`, [ROSTER]);
  await sleep(1500); shot('pairs');
  const sel = await s.findAll('[data-testid="pair-select"]');
  await sel[0].click(); await sel[1].click();
  await (await s.find('[data-testid="buddies-accept"]')).click();
  await sleep(1200); shot('accepted');
  await (await s.find('[data-testid="tab-load"]')).click();
  await sleep(600); shot('load');
  await (await s.find('[data-testid="nav-settings"]')).click();
  await sleep(800); shot('settings');
});
