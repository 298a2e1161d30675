// Starts tauri-driver with the environment a scenario needs (temporary
// database, fixed clock), opens a WebDriver session on the real app, and
// stops everything it started, by its own pid.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { Session, poll } from './webdriver.mjs';

const root = resolve(import.meta.dirname, '../..');
export const APP = process.env.HUGOPS_APP || join(root, 'target/debug/hugops-desktop');
/** The command line, to prepare a database before the app starts. */
export const HUGOPS = join(root, 'target/debug/hugops');
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

/** Runs `body(session)` against a fresh app process with `env` added. */
export async function withApp(env, body) {
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
