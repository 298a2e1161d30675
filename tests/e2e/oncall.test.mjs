// End to end through the real webview: the On-call screen, from files on
// disk to each person's nights and the heat map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, tempDb } from './harness.mjs';
import { CLOCK, files, showReport, typeInto } from './oncall-fixture.mjs';

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
