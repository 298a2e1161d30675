// Starts tauri-driver with the environment a scenario needs (temporary
// database, fixed clock), opens a WebDriver session on the real app, and
// stops everything it started, by its own pid.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { Keys, Session, poll } from './webdriver.mjs';

const root = resolve(import.meta.dirname, '../..');
export const APP = process.env.HUGOPS_APP || join(root, 'target/debug/hugops-desktop');
/** The command line, to prepare a database before the app starts. */
export const HUGOPS = join(root, 'target/debug/hugops');
/** The tray process, which the app starts beside itself. */
export const TRAY = join(root, 'target/debug/hugops-tray');
// Each scenario gets its own pair of ports (tauri-driver, WebKitWebDriver):
// a driver still shutting down from the previous scenario cannot answer for
// the next one.
let nextPort = 4444;

export function tempDb() {
  return join(mkdtempSync(join(tmpdir(), 'hugops-e2e-')), 'journal.db');
}

function driverPath() {
  const local = join(homedir(), '.cargo/bin/tauri-driver');
  return existsSync(local) ? local : 'tauri-driver';
}

/**
 * The environment of a scenario: `env` plus a runtime folder of its own, so
 * its tray process (and control socket) is not another scenario's, and a
 * config folder of its own for the login entry.
 */
export function scenarioEnv(env) {
  if (env.HUGOPS_RUNTIME_DIR) return env;
  return {
    // A login entry written by a test lands here, never in the user's ~/.config.
    XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'hugops-config-')),
    ...env,
    HUGOPS_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'hugops-run-')),
  };
}

/**
 * Runs `body(session)` against a fresh app process with `env` added, then
 * ends it and the tray process it started. `session.env` is the scenario's
 * environment.
 */
export async function withApp(env, body) {
  env = scenarioEnv(env);
  try {
    return await withWindow(env, body);
  } finally {
    await quitTrays(env.HUGOPS_RUNTIME_DIR);
  }
}

/** Like {@link withApp}, but leaves the tray process running. */
export async function withWindow(env, body) {
  const port = nextPort;
  nextPort += 2;
  const args = ['--port', String(port), '--native-port', String(port + 1)];
  // Its own process group: WebKitWebDriver and the app it starts belong to
  // it, so the scenario can end all of them (the app hides to the tray rather
  // than quit when its window closes).
  const driver = spawn(driverPath(), args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForPort(port, 20000);
    // tauri-driver listens before WebKitWebDriver does: retry the first request.
    const session = await poll(
      () => Session.start(`http://127.0.0.1:${port}`, APP),
      20000,
      'a WebDriver session',
    );
    session.env = env;
    try {
      await session.waitFor('[data-testid="journal"][data-ready="true"]', 30000);
      return await body(session);
    } finally {
      await session.end().catch(() => {});
    }
  } finally {
    await endGroup(driver.pid);
  }
}

/** Ends process group `pgid` and waits until it is gone (SIGKILL after 5 s). */
async function endGroup(pgid) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (s) => {
    try {
      process.kill(-pgid, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  for (let waited = 0; alive() && waited < 5000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  signal('SIGKILL');
  while (alive()) await new Promise((r) => setTimeout(r, 100));
}

/** The notifications dunst has received, newest first, as {summary, body, appname}. */
export function delivered() {
  execFileSync('dunstctl', ['close-all']);
  const history = JSON.parse(execFileSync('dunstctl', ['history'], { encoding: 'utf8' }));
  return history.data.flat().map((n) => ({
    appname: n.appname?.data,
    summary: n.summary?.data,
    body: n.body?.data,
  }));
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePort, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolvePort();
      });
      socket.once('error', () => {
        if (Date.now() > deadline) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

/** Drops a file on the page element `selector`, as if dragged from a file manager. */
export function dropFile(session, selector, name, text) {
  return session.execute(
    `const [selector, name, text] = arguments;
     const dt = new DataTransfer();
     dt.items.add(new File([text], name));
     document.querySelector(selector)
       .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));`,
    [selector, name, text],
  );
}

/** Sends one control request (`open`, `quit`, `status`…) to the tray
 * listening in `runtimeDir`; resolves to its answer line ('' if none). */
export function trayRequest(runtimeDir, request) {
  const sockets = readdirSync(runtimeDir).filter((f) => /^tray-.*\.sock$/.test(f));
  if (!sockets.length) return Promise.reject(new Error(`no tray in ${runtimeDir}`));
  return new Promise((done, fail) => {
    const socket = net.connect(join(runtimeDir, sockets[0]));
    let answer = '';
    socket.on('connect', () => {
      socket.write(`${request}\n`);
      if (request !== 'status') socket.end();
    });
    socket.on('data', (d) => {
      answer += d;
      if (answer.includes('\n')) socket.end();
    });
    socket.on('close', () => done(answer.trim()));
    socket.on('error', fail);
  });
}

/** The tray's status in `runtimeDir`: {tray, window} pids (window null), or null. */
export async function trayStatus(runtimeDir) {
  try {
    const m = /^tray (\d+) window (\d+|-)$/.exec(await trayRequest(runtimeDir, 'status'));
    return m && { tray: Number(m[1]), window: m[2] === '-' ? null : Number(m[2]) };
  } catch {
    return null;
  }
}

/** Quits every tray in `runtimeDir` (and so its window) and waits until it is gone. */
export async function quitTrays(runtimeDir) {
  const status = await trayStatus(runtimeDir);
  if (!status) return;
  await trayRequest(runtimeDir, 'quit').catch(() => {});
  const gone = (pid) => !existsSync(`/proc/${pid}`) || /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  for (let waited = 0; waited < 5000; waited += 100) {
    if (gone(status.tray)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(status.tray, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * The pids of live processes whose environment has `HUGOPS_DB=db` and whose
 * command is one of HugOps' or WebKit's (the web and network processes
 * inherit the app's environment).
 */
export function processesOf(db) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!environ.includes(`HUGOPS_DB=${db}`)) continue;
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      // Not the test's own drivers (tauri-driver, WebKitWebDriver), which share the environment.
      if (/^hugops-|^WebKit(WebProces|NetworkPr)/.test(comm)) found.push({ pid: Number(entry), comm });
    } catch {
      /* gone meanwhile, or not ours to read */
    }
  }
  return found;
}

/** Runs the command line on the scenario's database with its environment. */
export function cli(env, ...args) {
  return execFileSync(HUGOPS, ['--db', env.HUGOPS_DB, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/**
 * Saves a buddy check-in between Ana (a joiner) and Bo, moves the first
 * meeting to `at` and returns it (uid, title).
 */
export function saveMeetingAt(env, at) {
  const dir = mkdtempSync(join(tmpdir(), 'hugops-meeting-'));
  const roster = join(dir, 'roster.csv');
  const pairs = join(dir, 'pairs.json');
  writeFileSync(
    roster,
    'name,email,team,timezone,start_date\n' +
      'Ana Silva,ana@x.org,Payments,Europe/Berlin,2026-11-23\n' +
      'Bo Chen,bo@y.org,SRE,Europe/Berlin,2020-01-01\n',
  );
  writeFileSync(pairs, JSON.stringify({ pairs: [{ joiner: 'ana@x.org', buddy: 'bo@y.org' }] }));
  cli(env, 'schedule', 'checkins', '--roster', roster, '--pairs', pairs, '--save');
  const [first] = JSON.parse(cli(env, 'schedule', 'agenda', '--json')).meetings;
  cli(env, 'schedule', 'move', first.uid, '--to', at);
  return first;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 200 ms until it returns something truthy, which it returns. */
export async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/**
 * Runs `body` in a window process that ends while it runs (closed past its
 * grace period, or killed): the WebDriver session ends with it, which is
 * expected; any other failure is not.
 */
export async function withEndingWindow(env, body) {
  await withWindow(env, body).catch((e) => {
    if (!/session|connect|fetch/i.test(String(e))) throw e;
  });
}

/** Opens quick add, fills it in and saves with Ctrl+Enter. */
export async function quickAdd(session, { person, message, tags = '' }) {
  await (await session.find('[data-testid="open-quick-add"]')).click();
  const form = await session.waitFor('[data-testid="quick-add"]');
  await (await form.find('[data-testid="qa-person"]')).type(person);
  if (tags) await (await form.find('[data-testid="qa-tags"]')).type(tags);
  const text = await form.find('[data-testid="qa-message"]');
  await text.type(message);
  await text.type(Keys.CONTROL + Keys.ENTER + Keys.NULL);
}
