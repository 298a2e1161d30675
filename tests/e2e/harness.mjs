// Starts tauri-driver with the environment a scenario needs (temporary
// database, fixed clock), opens a WebDriver session on the real app, and
// stops everything it started, by its own pid.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import { Session } from './webdriver.mjs';

const root = resolve(import.meta.dirname, '../..');
export const APP = process.env.HUGOPS_APP || join(root, 'target/debug/hugops-desktop');
const DRIVER_PORT = 4444;

export function tempDb() {
  return join(mkdtempSync(join(tmpdir(), 'hugops-e2e-')), 'journal.db');
}

function driverPath() {
  const local = join(homedir(), '.cargo/bin/tauri-driver');
  return existsSync(local) ? local : 'tauri-driver';
}

/** Runs `body(session)` against a fresh app process with `env` added. */
export async function withApp(env, body) {
  const driver = spawn(driverPath(), ['--port', String(DRIVER_PORT)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForPort(DRIVER_PORT, 20000);
    const session = await Session.start(`http://127.0.0.1:${DRIVER_PORT}`, APP);
    try {
      await session.waitFor('[data-testid="journal"][data-ready="true"]', 30000);
      return await body(session);
    } finally {
      await session.end().catch(() => {});
    }
  } finally {
    driver.kill('SIGTERM');
    await new Promise((r) => driver.once('exit', r));
  }
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
