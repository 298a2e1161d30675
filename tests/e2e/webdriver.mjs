// A small W3C WebDriver client over fetch: just what the HugOps end-to-end
// tests need to drive the real app through tauri-driver.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application) {
    const body = {
      capabilities: {
        alwaysMatch: { browserName: 'wry', 'tauri:options': { application } },
      },
    };
    const value = await call(base, 'POST', '/session', body);
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Ends the session; the app may not quit on request (it hides to the
   * tray), so this waits only briefly and the harness ends the processes. */
  async end() {
    await call(this.base, 'DELETE', `/session/${this.id}`, undefined, 5000);
  }

  /** Finds one element by CSS selector; throws if absent. */
  async find(css) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, el[ELEMENT]);
  }

  async findAll(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return els.map((e) => new Element(this, e[ELEMENT]));
  }

  /** Polls until `css` matches an element, then returns it. */
  async waitFor(css, timeoutMs = 15000) {
    return poll(() => this.find(css), timeoutMs, `element ${css}`);
  }

  /** Polls until `check()` returns a truthy value, then returns it. */
  async until(check, timeoutMs, what) {
    return poll(async () => {
      const v = await check();
      if (!v) throw new Error(`not yet: ${what}`);
      return v;
    }, timeoutMs, what);
  }

  async execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  type(text) {
    return this.cmd('POST', '/value', { text });
  }
  text() {
    return this.cmd('GET', '/text');
  }
  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }
  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
  async find(css) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this.session, el[ELEMENT]);
  }
  async findAll(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return els.map((e) => new Element(this.session, e[ELEMENT]));
  }
}

/** WebDriver key codes. */
export const Keys = { CONTROL: '\uE009', ENTER: '\uE007', ESCAPE: '\uE00C', NULL: '\uE000' };

async function call(base, method, path, body, timeoutMs = 60000) {
  const res = await fetch(base + path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    // A stuck driver fails the test instead of hanging the run.
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((e) => {
    throw new Error(`${method} ${path}: ${e.message}`);
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${res.status} ${v.error || ''} ${v.message || ''}`);
  }
  return json.value;
}

/** Retries `attempt` until it resolves or `timeoutMs` passes. */
export async function poll(attempt, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      return await attempt();
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${last?.message}`);
}
