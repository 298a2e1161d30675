#!/usr/bin/env python3
"""Desktop benchmark: the release app's time from launch to an interactive
journal, and its total memory (PSS summed over the app and every process it
started: WebKit's web and network processes), with an empty journal and with
100,000 entries.

"Interactive" is the moment the journal screen has loaded its first page and
reports ready (the UI calls the `app_ready` command, which prints
`hugops: interactive` on stderr when HUGOPS_STARTUP_TRACE is set). The time is
measured here, from spawning the process to reading that line.

For scale it then measures the floor: WebKitGTK's own MiniBrowser showing a
one-line page, with the same WebKit settings the app applies to itself
(`LIGHT_RENDERING` in src-tauri/window.rs). No WebKitGTK app can use less.

Run by bench/desktop inside Xvfb and a private D-Bus session.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "target/release/hugops-desktop")
SEED = os.path.join(ROOT, "target/release/journal-bench")
RUNS = int(os.environ.get("RUNS", "5"))
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"


def light_rendering_env():
    """The WebKit settings the app sets on itself, read from its source."""
    with open(os.path.join(ROOT, "src-tauri/window.rs")) as f:
        source = f.read()
    table = source.split("const LIGHT_RENDERING", 1)[1].split("];", 1)[0]
    return dict(re.findall(r'\("(\w+)", "([^"]*)"\)', table))


def descendants(pid):
    """pid and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def one_run(db):
    env = dict(os.environ, HUGOPS_DB=db, HUGOPS_STARTUP_TRACE="1")
    started = time.monotonic()
    proc = subprocess.Popen([APP], env=env, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            if "hugops: interactive" in line:
                ready = time.monotonic() - started
                break
        else:
            raise SystemExit(f"the app exited before it was interactive (code {proc.wait()})")
        time.sleep(3)  # let the web process settle before reading memory
        procs = descendants(proc.pid)
        pss = sum(pss_kib(p) for p in procs) / 1024
        return ready, pss, len(procs)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def measure(label, db):
    runs = [one_run(db) for _ in range(RUNS)]
    ready = statistics.median(r[0] for r in runs) * 1000
    pss = statistics.median(r[1] for r in runs)
    print(f"{label}: launch to interactive journal median {ready:.0f} ms "
          f"(min {min(r[0] for r in runs)*1000:.0f}, max {max(r[0] for r in runs)*1000:.0f}); "
          f"total PSS median {pss:.0f} MB over {runs[0][2]} processes; {RUNS} runs")


def floor_run(page):
    """Total PSS of MiniBrowser showing `page`, once it has settled."""
    env = dict(os.environ, **light_rendering_env())
    proc = subprocess.Popen([MINIBROWSER, "file://" + page], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)
        return sum(pss_kib(p) for p in descendants(proc.pid)) / 1024
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def measure_floor(tmp):
    if not os.path.exists(MINIBROWSER):
        print("floor: MiniBrowser not found, skipped")
        return
    page = os.path.join(tmp, "hello.html")
    with open(page, "w") as f:
        f.write("<!doctype html><title>floor</title><p>Hello</p>")
    pss = statistics.median(floor_run(page) for _ in range(RUNS))
    print(f"floor, WebKitGTK's MiniBrowser showing one line with the same settings: "
          f"total PSS median {pss:.0f} MB; {RUNS} runs")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.db")
        full = os.path.join(tmp, "full.db")
        subprocess.run([SEED, "100000", full], check=True, stdout=subprocess.DEVNULL)
        measure("empty journal", empty)
        measure("100,000 entries", full)
        measure_floor(tmp)


if __name__ == "__main__":
    sys.exit(main())
