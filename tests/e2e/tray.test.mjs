// End to end: the tray process on its own, with no window process (and so
// no WebKit) in memory; and the window process's life around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  TRAY,
  cli,
  delivered,
  processesOf,
  quitTrays,
  saveMeetingAt,
  scenarioEnv,
  sleep,
  tempDb,
  trayRequest,
  trayStatus,
  until,
  withEndingWindow,
  withWindow,
} from './harness.mjs';

// Friday 16:00 UTC: an hour after the weekly nudge's default Friday 15:00.
const FRIDAY = { HUGOPS_NOW: '2026-11-27T16:00:00Z', HUGOPS_TZ: 'UTC' };

/** Starts the tray process alone, as the login autostart entry does. */
function startTray(env) {
  return spawn(TRAY, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

function displayed() {
  return Number(execFileSync('dunstctl', ['count', 'displayed'], { encoding: 'utf8' }).trim());
}

test('with no window process, a meeting reminder and the weekly nudge reach dunst, and Snooze works', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), ...FRIDAY });
  cli(env, 'settings', 'set', 'nudge.time', '15:00');
  const meeting = saveMeetingAt(env, '2026-11-27T16:05:00Z');
  execFileSync('dunstctl', ['close-all']);
  delivered();
  const tray = startTray(env);
  try {
    await until(() => displayed() >= 2, 20000, 'two notifications on screen');
    const running = processesOf(env.HUGOPS_DB).map((p) => p.comm);
    assert.deepEqual(running, ['hugops-tray'], 'only the tray process runs: no window, no WebKit');
    // Snooze, chosen from the notification's menu as a user would.
    execFileSync('dunstctl', ['context']);
    const later = { ...env, HUGOPS_NOW: '2026-11-27T16:11:00Z' };
    await until(
      () => JSON.parse(cli(later, 'reminders', 'due', '--json')).some((r) => r.title.includes(meeting.title)),
      10000,
      'the snoozed reminder due again ten minutes later',
    );
    const shown = delivered().filter((n) => n.appname === 'HugOps');
    assert.ok(shown.some((n) => n.summary.includes(meeting.title)), 'the meeting reminder');
    assert.ok(shown.some((n) => !n.summary.includes(meeting.title)), 'the weekly nudge');
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
    tray.kill();
  }
});

/** The id of the tray menu entry labelled `label`, read over D-Bus. */
function menuEntry(bus, label) {
  const layout = execFileSync(
    'gdbus',
    ['call', '--session', '--dest', bus, '--object-path', '/MenuBar',
      '--method', 'com.canonical.dbusmenu.GetLayout', '--', '0', '-1', '[]'],
    { encoding: 'utf8' },
  );
  const m = new RegExp(`\\((\\d+), \\{[^}]*'label': <'${label}'>`).exec(layout);
  assert.ok(m, `no "${label}" in the tray menu: ${layout}`);
  return m[1];
}

/** The bus name of the tray's item, once its menu is on the bus. */
async function trayItem(env) {
  const status = await until(() => trayStatus(env.HUGOPS_RUNTIME_DIR), 10000, 'the tray');
  const bus = `org.kde.StatusNotifierItem-${status.tray}-1`;
  await until(() => {
    try {
      return menuEntry(bus, 'Open HugOps');
    } catch {
      return null;
    }
  }, 10000, 'the tray item on the bus');
  return bus;
}

/** Clicks a tray menu entry, as the desktop's tray host does. */
function click(bus, label) {
  execFileSync('gdbus', [
    'call', '--session', '--dest', bus, '--object-path', '/MenuBar',
    '--method', 'com.canonical.dbusmenu.Event', '--', menuEntry(bus, label), 'clicked', '<0>', '0',
  ]);
}

test('the tray menu opens the window on demand, and Quit ends every process', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC', HUGOPS_ASSUME_TRAY: '1' });
  const tray = startTray(env);
  try {
    const bus = await trayItem(env);
    assert.equal((await trayStatus(env.HUGOPS_RUNTIME_DIR)).window, null);
    click(bus, 'Open HugOps');
    const open = await until(async () => (await trayStatus(env.HUGOPS_RUNTIME_DIR))?.window, 30000, 'a window process');
    await until(() => processesOf(env.HUGOPS_DB).some((p) => p.comm.startsWith('WebKitWebProces')), 20000, 'its web process');
    // Open again: the same window is shown, no second process.
    click(bus, 'Open HugOps');
    await sleep(1000);
    assert.equal((await trayStatus(env.HUGOPS_RUNTIME_DIR)).window, open);
    assert.equal(processesOf(env.HUGOPS_DB).filter((p) => p.comm === 'hugops-desktop').length, 1);
    click(bus, 'Quit');
    await until(() => processesOf(env.HUGOPS_DB).length === 0, 15000, 'every HugOps and WebKit process gone');
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
    tray.kill();
  }
});

/** Tells the tray its menu is about to show, as a tray host does when it is clicked. */
function openMenu(bus) {
  execFileSync('gdbus', [
    'call', '--session', '--dest', bus, '--object-path', '/MenuBar',
    '--method', 'com.canonical.dbusmenu.AboutToShow', '0',
  ]);
}

/** Whether an X window titled HugOps is mapped (on screen). */
function windowOnScreen() {
  const tree = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' });
  const ids = [...tree.matchAll(/^\s+(0x[0-9a-f]+) "HugOps"/gm)].map((m) => m[1]);
  return ids.some((id) => execFileSync('xwininfo', ['-id', id], { encoding: 'utf8' }).includes('IsViewable'));
}

test('opening the tray menu readies the window hidden; Open shows it, and unopened it ends after the grace period', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC', HUGOPS_ASSUME_TRAY: '1' });
  cli(env, 'settings', 'set', 'window.grace_seconds', '2');
  const tray = startTray(env);
  try {
    const bus = await trayItem(env);
    openMenu(bus);
    const hidden = await until(async () => (await trayStatus(env.HUGOPS_RUNTIME_DIR))?.window, 30000, 'a window process');
    await until(() => processesOf(env.HUGOPS_DB).some((p) => p.comm.startsWith('WebKitWebProces')), 20000, 'its web process');
    assert.equal(windowOnScreen(), false, 'readied, not shown');
    click(bus, 'Open HugOps');
    await until(() => windowOnScreen(), 10000, 'the window on screen');
    assert.equal((await trayStatus(env.HUGOPS_RUNTIME_DIR)).window, hidden, 'the readied process, no second one');

    await trayRequest(env.HUGOPS_RUNTIME_DIR, 'close');
    await until(() => processesOf(env.HUGOPS_DB).every((p) => p.comm === 'hugops-tray'), 20000, 'the closed window ended');
    // The menu opened and closed without a choice: the readied window goes.
    openMenu(bus);
    await until(async () => (await trayStatus(env.HUGOPS_RUNTIME_DIR))?.window, 30000, 'a readied window process');
    await until(() => processesOf(env.HUGOPS_DB).every((p) => p.comm === 'hugops-tray'), 20000, 'the unopened window ended');
    assert.equal(windowOnScreen(), false);
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
    tray.kill();
  }
});

test('a closed window’s process ends after the grace period, and a new launch brings the window back', async () => {
  const env = scenarioEnv({ HUGOPS_DB: tempDb(), HUGOPS_NOW: '2026-11-23T10:00:00Z', HUGOPS_TZ: 'UTC' });
  cli(env, 'settings', 'set', 'window.grace_seconds', '1');
  try {
    await withEndingWindow(env, async () => {
      await until(async () => (await trayStatus(env.HUGOPS_RUNTIME_DIR))?.window, 20000, 'the window registered');
      // What the close button and Ctrl+W do.
      await trayRequest(env.HUGOPS_RUNTIME_DIR, 'close');
      await until(
        () => processesOf(env.HUGOPS_DB).every((p) => p.comm === 'hugops-tray'),
        20000,
        'no window, web or network process left',
      );
      assert.equal((await trayStatus(env.HUGOPS_RUNTIME_DIR)).window, null);
    });
    await withWindow(env, async (s) => {
      await s.waitFor('[data-testid="journal"][data-ready="true"]');
      const status = await trayStatus(env.HUGOPS_RUNTIME_DIR);
      assert.ok(status.window, 'the new window registered with the same tray');
    });
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
  }
});
