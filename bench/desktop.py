#!/usr/bin/env python3
"""Desktop benchmark: memory and start-up times of the release app.

HugOps runs as two processes: the tray process (hugops-tray: tray item,
reminders, notifications; no WebKit) all day, and the window process
(hugops-desktop, with WebKit's web and network processes) only while the
window is open and for a grace period after it closes. This measures:

- launch_ms: cold launch of hugops-desktop (no tray running) to an
  interactive journal, median over RUNS;
- window_pss_mb: total PSS of every HugOps and WebKit process with the
  window open on the empty journal;
- floor_pss_mb: WebKitGTK's own MiniBrowser showing one line with the same
  WebKit settings (LIGHT_RENDERING in src-tauri/window.rs): no WebKitGTK app
  can use less;
- tray_idle_pss_mb: total PSS of every HugOps and WebKit process 60 s after
  the window closed and its process ended (the grace period over);
- reopen_ms: the tray menu opened (dbusmenu AboutToShow, as a tray host
  sends it), "Open HugOps" clicked MENU_DWELL seconds later (default 0.6,
  the time a person takes to reach the item), click to an interactive
  journal, median over RUNS. Opening the menu starts the window process
  hidden, so the click mostly only shows it;
- reopen_cold_ms: "Open" sent to the tray with no menu before it (a
  notification's button, a second launch) to an interactive journal,
  median over CYCLES;
- cycles_growth_mb: tray-only PSS after CYCLES open/close cycles minus
  before;
- launch_100k_ms: cold launch on a journal of 100,000 entries.

"Interactive" is the moment the journal screen has loaded its first page
(the UI calls `app_ready`, which prints `hugops: interactive` on stderr when
HUGOPS_STARTUP_TRACE is set; the tray's window processes share its stderr).
The window is closed through the control socket's `close`, which does what
the close button does. The grace period is set to 1 s with the CLI so that
the cycles take minutes, not hours.

`--json` prints one JSON object with every figure on the last line.
Run by bench/desktop inside Xvfb and a private D-Bus session.
"""
import glob
import json
import os
import re
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "target/release/hugops-desktop")
CLI = os.path.join(ROOT, "target/release/hugops")
SEED = os.path.join(ROOT, "target/release/journal-bench")
RUNS = int(os.environ.get("RUNS", "5"))
CYCLES = int(os.environ.get("CYCLES", "20"))
IDLE_WAIT = float(os.environ.get("IDLE_WAIT", "60"))
MENU_DWELL = float(os.environ.get("MENU_DWELL", "0.6"))
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"


def light_rendering_env():
    """The WebKit settings the app sets on itself, read from its source."""
    with open(os.path.join(ROOT, "src-tauri/window.rs")) as f:
        source = f.read()
    table = source.split("const LIGHT_RENDERING", 1)[1].split("];", 1)[0]
    return dict(re.findall(r'\("(\w+)", "([^"]*)"\)', table))


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def processes_of(db):
    """(pid, command) of every live process whose environment names `db`:
    both HugOps processes and the WebKit processes the window starts."""
    marker = f"HUGOPS_DB={db}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
            with open(f"/proc/{entry}/environ", "rb") as f:
                if marker not in f.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/comm") as f:
                found.append((int(entry), f.read().strip()))
        except (OSError, IndexError):
            pass
    return found


def total_pss_mb(db):
    procs = processes_of(db)
    return sum(pss_kib(p) for p, _ in procs) / 1024, [c for _, c in procs]


class Scenario:
    """One database, one runtime folder, one tray: the app as a user runs it."""

    def __init__(self, tmp, name, db=None):
        self.db = db or os.path.join(tmp, f"{name}.db")
        self.run_dir = os.path.join(tmp, f"{name}-run")
        # The tray item is put on the bus even without a tray host, so
        # that its menu can be opened as a host would.
        self.env = dict(os.environ, HUGOPS_DB=self.db, HUGOPS_RUNTIME_DIR=self.run_dir,
                        HUGOPS_STARTUP_TRACE="1", HUGOPS_ASSUME_TRAY="1")
        self.proc = None
        self.sel = selectors.DefaultSelector()

    def request(self, line):
        sockets = glob.glob(os.path.join(self.run_dir, "tray-*.sock"))
        if not sockets:
            return None
        try:
            with socket.socket(socket.AF_UNIX) as s:
                s.settimeout(2)
                s.connect(sockets[0])
                s.sendall((line + "\n").encode())
                return s.recv(200).decode().strip() if line == "status" else ""
        except OSError:
            return None

    def status(self):
        m = re.match(r"tray (\d+) window (\d+|-)$", self.request("status") or "")
        return m and (int(m.group(1)), None if m.group(2) == "-" else int(m.group(2)))

    def wait_interactive(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for key, _ in self.sel.select(timeout=0.5):
                line = key.fileobj.readline()
                if not line:
                    raise SystemExit("the app's stderr closed before it was interactive")
                if "hugops: interactive" in line:
                    return
        raise SystemExit("the window did not become interactive in time")

    def launch(self):
        """Cold launch: returns seconds to interactive."""
        started = time.monotonic()
        self.proc = subprocess.Popen([APP], env=self.env, stderr=subprocess.PIPE, text=True)
        self.sel.register(self.proc.stderr, selectors.EVENT_READ)
        self.wait_interactive()
        return time.monotonic() - started

    def set_grace(self, seconds):
        subprocess.run([CLI, "--db", self.db, "settings", "set", "window.grace_seconds",
                        str(seconds)], check=True, stdout=subprocess.DEVNULL, env=self.env)

    def close_window(self, timeout=120):
        """Closes the window and waits until its process has ended."""
        self.request("close")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            st = self.status()
            if st and st[1] is None and all(c == "hugops-tray" for _, c in processes_of(self.db)):
                return
            time.sleep(0.1)
        raise SystemExit("the window process did not end after its window closed")

    def reopen(self):
        started = time.monotonic()
        self.request("open")
        self.wait_interactive()
        return time.monotonic() - started

    def reopen_from_menu(self):
        """Opens the tray menu, waits MENU_DWELL, clicks Open: seconds from the click."""
        tray = self.status()[0]
        subprocess.run(["gdbus", "call", "--session", "--dest",
                        f"org.kde.StatusNotifierItem-{tray}-1", "--object-path", "/MenuBar",
                        "--method", "com.canonical.dbusmenu.AboutToShow", "0"],
                       check=True, stdout=subprocess.DEVNULL)
        time.sleep(MENU_DWELL)
        return self.reopen()

    def end(self):
        self.request("quit")
        deadline = time.monotonic() + 10
        while processes_of(self.db) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid, _ in processes_of(self.db):
            os.kill(pid, 9)
        if self.proc:
            self.proc.wait(timeout=10)


def cold_launches(tmp, name, db=None):
    times = []
    for i in range(RUNS):
        s = Scenario(tmp, f"{name}{i}", db)
        try:
            times.append(s.launch())
        finally:
            s.end()
    return times


def floor_run(page):
    env = dict(os.environ, **light_rendering_env())
    proc = subprocess.Popen([MINIBROWSER, "file://" + page], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)
        out, todo = [], [proc.pid]
        children = {}
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/stat") as f:
                    children.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return sum(pss_kib(p) for p in out) / 1024
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def ms(xs):
    return round(statistics.median(xs) * 1000)


def main():
    as_json = "--json" in sys.argv[1:]
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        launches = cold_launches(tmp, "cold")
        figures["launch_ms"] = ms(launches)
        figures["launch_runs_ms"] = [round(t * 1000) for t in launches]
        print(f"cold launch to interactive journal: median {figures['launch_ms']} ms "
              f"(runs: {figures['launch_runs_ms']})")

        s = Scenario(tmp, "day")
        s.launch()
        s.set_grace(1)
        time.sleep(3)  # let the web process settle before reading memory
        figures["window_pss_mb"], procs = total_pss_mb(s.db)
        print(f"window open, empty journal: total PSS {figures['window_pss_mb']:.1f} MB over {procs}")
        s.close_window()
        time.sleep(IDLE_WAIT)
        figures["tray_idle_pss_mb"], procs = total_pss_mb(s.db)
        print(f"{IDLE_WAIT:.0f} s after the window process ended: total PSS "
              f"{figures['tray_idle_pss_mb']:.1f} MB over {procs}")
        reopens = []
        for _ in range(CYCLES):
            reopens.append(s.reopen())
            s.close_window()
        time.sleep(5)
        after, _ = total_pss_mb(s.db)
        figures["cycles_growth_mb"] = after - figures["tray_idle_pss_mb"]
        figures["reopen_cold_ms"] = ms(reopens)
        print(f"reopen from the tray without its menu to interactive journal: median "
              f"{figures['reopen_cold_ms']} ms over {CYCLES} cycles; tray-only PSS after them "
              f"{after:.1f} MB ({figures['cycles_growth_mb']:+.1f} MB)")
        s.set_grace(5)  # a hidden window nobody opened ends after it
        menu_reopens = []
        for _ in range(RUNS):
            menu_reopens.append(s.reopen_from_menu())
            s.close_window()
        figures["reopen_ms"] = ms(menu_reopens)
        figures["reopen_runs_ms"] = [round(t * 1000) for t in menu_reopens]
        print(f"reopen through the tray menu, click to interactive journal: median "
              f"{figures['reopen_ms']} ms (runs: {figures['reopen_runs_ms']}; menu open "
              f"{MENU_DWELL:.1f} s before the click)")
        s.end()

        full = os.path.join(tmp, "full.db")
        subprocess.run([SEED, "100000", full], check=True, stdout=subprocess.DEVNULL)
        figures["launch_100k_ms"] = ms(cold_launches(tmp, "full", full))
        print(f"cold launch on 100,000 entries: median {figures['launch_100k_ms']} ms")

        if os.path.exists(MINIBROWSER):
            page = os.path.join(tmp, "hello.html")
            with open(page, "w") as f:
                f.write("<!doctype html><title>floor</title><p>Hello</p>")
            figures["floor_pss_mb"] = statistics.median(floor_run(page) for _ in range(3))
            print(f"floor, MiniBrowser showing one line with the same settings: total PSS "
                  f"{figures['floor_pss_mb']:.1f} MB")
    for k, v in figures.items():
        if isinstance(v, float):
            figures[k] = round(v, 1)
    if as_json:
        print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
