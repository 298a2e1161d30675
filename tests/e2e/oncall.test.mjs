// End to end through the real webview: the On-call screen, from files on
// disk to each person's nights and the heat map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withApp, tempDb } from './harness.mjs';

/** Priya in Berlin sleeps 23:00-07:00; Tom in Kathmandu (+05:45) and Ana in São Paulo have the default 22:00-08:00. */
const ROSTER = `name,email,team,timezone,start_date,working_hours,sleep_hours
Priya Raman,priya@x.org,sre,Europe/Berlin,2024-01-01,09:00-17:00,23:00-07:00
Tom Li,tom@x.org,sre,Asia/Kathmandu,2024-01-01,09:00-17:00,
Ana Souza,ana@x.org,sre,America/Sao_Paulo,2024-01-01,09:00-17:00,22:00-06:00
`;

// Imports keep a year either side of the app's today.
const CLOCK = { HUGOPS_NOW: '2026-03-20T10:00:00Z', HUGOPS_TZ: 'UTC' };

/** A week each, Priya first. */
const SHIFTS = `email,start,end
priya@x.org,2026-03-02T08:00:00Z,2026-03-09T08:00:00Z
tom@x.org,2026-03-09T08:00:00Z,2026-03-16T08:00:00Z
`;

/** Priya is paged on two nights (03:12 and 02:00 in Berlin), Tom once at 01:45 in Kathmandu. */
const INCIDENTS = `id,title,service,urgency,created_at,url
1,DB slow,checkout,high,2026-03-03T02:12:00Z,https://pd.example/1
2,DB slow again,checkout,high,2026-03-03T02:16:00Z,
3,Disk,search,high,2026-03-04T01:00:00Z,
4,Disk,search,low,2026-03-04T01:30:00Z,
5,CPU,api,high,2026-03-10T20:00:00Z,
`;

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'hugops-oncall-'));
  const write = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { roster: write('roster.csv', ROSTER), shifts: write('shifts.csv', SHIFTS), incidents: write('incidents.csv', INCIDENTS) };
}

async function typeInto(s, testid, text) {
  const el = await s.find(`[data-testid="${testid}"]`);
  await el.clear();
  if (text) await el.type(text);
}

async function showReport(s, paths) {
  for (const [field, path] of Object.entries(paths)) await typeInto(s, `oncall-${field}-path`, path);
  await typeInto(s, 'oncall-from', '2026-03-01');
  await typeInto(s, 'oncall-to', '2026-03-16');
  await (await s.find('[data-testid="oncall-show"]')).click();
  await s.waitFor('[data-testid="oncall-body"][data-ready="true"]');
}

test('the report shows each person’s sleep interruptions, their warnings and the heat map; a thank-you opens prefilled', async () => {
  const paths = files();
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await (await s.find('[data-testid="nav-oncall"]')).click();
    await s.waitFor('[data-testid="oncall-empty"]');

    await showReport(s, paths);
    const priya = await s.waitFor('[data-testid="ledger-row"][data-email="priya@x.org"]');
    assert.equal(await (await priya.find('[data-testid="band-sleep"]')).attribute('data-count'), '2');
    const warnings = await priya.findAll('[data-testid="ledger-warning"]');
    const kinds = await Promise.all(warnings.map((w) => w.attribute('data-kind')));
    assert.ok(kinds.includes('nights'), `warnings of Priya: ${kinds}`);
    assert.ok((await warnings[0].text()).length > 0, 'a warning says something');
    const tom = await s.find('[data-testid="ledger-row"][data-email="tom@x.org"]');
    assert.equal(await (await tom.find('[data-testid="band-sleep"]')).attribute('data-count'), '1', '01:45 in Kathmandu');

    await s.waitFor('[data-testid="oncall-heat"]');
    const cells = await s.findAll('[data-testid="oncall-heat-cell"]');
    assert.equal(cells.length, 7 * 24);
    const busy = await s.findAll('[data-testid="oncall-heat-cell"]:not([data-count="0"])');
    assert.ok(busy.length > 0, 'some hours were interrupted');
    // Hours in the locale's clock: "03:00–04:00", or "03:00 AM–04:00 AM" in en-US.
    assert.match(
      await busy[0].attribute('aria-label'),
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:00( [AP]M)?–\d\d:00( [AP]M)?: \d+ interruption/,
    );

    await (await s.waitFor('[data-testid="oncall-thank"]')).click();
    const person = await s.waitFor('[data-testid="qa-person"]');
    assert.match(await person.property('value'), /Priya Raman|Tom Li/);
    assert.deepEqual(await (await s.find('[data-testid="qa-tags"]')).property('value'), 'on-call');
  });
});

test('files imported into the ledger are used when the report names only the rotation; a missing rotation is asked for inline', async () => {
  const paths = files();
  await withApp({ HUGOPS_DB: tempDb(), ...CLOCK }, async (s) => {
    await (await s.find('[data-testid="nav-oncall"]')).click();
    await (await s.waitFor('[data-testid="oncall-show"]')).click();
    const error = await s.waitFor('[data-testid="oncall-roster-error"]');
    assert.match(await error.text(), /rotation/);

    for (const [field, path] of Object.entries(paths)) await typeInto(s, `oncall-${field}-path`, path);
    await (await s.find('[data-testid="oncall-import"]')).click();
    const counts = await s.waitFor('[data-testid="oncall-imported"]');
    assert.match(await counts.text(), /2 new shifts/);
    assert.match(await counts.text(), /5 new incidents/);

    await showReport(s, { roster: paths.roster, shifts: '', incidents: '' });
    const priya = await s.waitFor('[data-testid="ledger-row"][data-email="priya@x.org"]');
    assert.equal(await (await priya.find('[data-testid="band-sleep"]')).attribute('data-count'), '2');
  });
});
