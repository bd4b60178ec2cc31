"""Opening a project in the app, split by phase: where the CPU time to the first painted
timeline goes (the quality bar: a project opens in well under a second).

    .venv/bin/python benchmarks/open_phases.py DB [-n 3] [--copy]

Runs the app N times on DB (each its own process, offscreen, in a private HOME/XDG folder,
`--quit-after-first-paint`) and prints, per phase, the median thread CPU time
(time.thread_time; steadier than wall time on a loaded machine), then the process's CPU time
at first paint and, for reference, an empty project's. The phases: Store(path) in the main
thread (integrity check, schema), then the LoadJob in the worker: documents(), events(),
TimelineIndex; then the window's reload (every view filled) in the main thread (since session
12 the events are shown and painted first, the documents read and the views filled after: the
phases add up to the process CPU once every view is filled, printed under the first paint's).

A project saved by an older kerryview is upgraded (or rescored) by its first open: with
--copy the file is copied to a temporary folder and opened once, untimed, first, so the
figures are those of every later open (the original is never written).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHASES = ["main: Store(path)", "worker: Store(path)", "events()", "TimelineIndex",
          "documents()", "main: reload (views)"]
# Run inside the timed process: wraps the phases with thread CPU timers, then starts the app.
# The child's start, shared with keydates_open.py: quit after the first paint (unless told to
# wait), and `timed(name, fn)`, which adds the calling thread's CPU in fn to out[name].
TIMED = r"""
import json, os, sys, time
os.environ["KERRYVIEW_QUIT_AFTER_FIRST_PAINT"] = "1"
out = {}
def timed(name, fn):
    def wrapper(*a, **k):
        c = time.thread_time()
        try:
            return fn(*a, **k)
        finally:
            out[name] = out.get(name, 0.0) + time.thread_time() - c
    return wrapper
"""
CHILD = TIMED + r"""
import kerryview.gui.project as project
import kerryview.gui.jobs as jobs
import kerryview.gui.mainwindow.window as window
from kerryview.gui.timeline.index import TimelineIndex
project._store = timed("main: Store(path)", project._store)
store_class = jobs.Store
jobs.Store = timed("worker: Store(path)", store_class)
store_class.documents = timed("documents()", store_class.documents)
store_class.events = timed("events()", store_class.events)
jobs.TimelineIndex = timed("TimelineIndex", TimelineIndex)
window.MainWindow.reload = timed("main: reload (views)", window.MainWindow.reload)
# the process CPU at the first paint, then (before quitting) once every view is filled
import kerryview.gui.mainwindow as mainwindow
first_paint_timer = mainwindow.first_paint_timer
def until_loaded(win, quit_now):
    def painted():
        out["cpu at first paint"] = time.process_time()
        if not win.loading:
            quit_now()
        else:
            win.corpusLoaded.connect(quit_now)
    first_paint_timer(win, painted)
mainwindow.first_paint_timer = until_loaded
from kerryview.cli import main
code = main(["--db", sys.argv[1], "--quit-after-first-paint"])
print("PHASES " + json.dumps(out), flush=True)
sys.exit(code)
"""
FIRST_PAINT = re.compile(r"first-paint: ([0-9.]+) s .*?showing (\d+) events.*?cpu ([0-9.]+) s")


def _env(folder: Path) -> dict:
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("KERRYVIEW_DB",)}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               PYTHONPATH=str(ROOT))
    return env


def run_once(db: Path, env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True,
                          text=True, env=env, timeout=600)
    m = FIRST_PAINT.search(proc.stdout)
    phases = re.search(r"^PHASES (.*)$", proc.stdout, re.M)
    if proc.returncode != 0 or m is None or phases is None:
        raise SystemExit(f"the app failed on {db}:\n{proc.stdout}\n{proc.stderr}")
    found = json.loads(phases.group(1))
    return {"events": int(m.group(2)), "cpu": found.pop("cpu at first paint"),
            "cpu loaded": float(m.group(3)), "wall": float(m.group(1)), **found}


def measure(db: Path, n: int, env: dict) -> dict:
    runs = [run_once(db, env) for _ in range(n)]
    return {k: statistics.median(r.get(k, 0.0) for r in runs) for k in runs[0]} | \
        {"events": runs[0]["events"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("-n", type=int, default=3)
    parser.add_argument("--copy", action="store_true",
                        help="open a copy (once untimed first), never the file itself")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kerryview-open-") as tmp:
        folder = Path(tmp)
        env = _env(folder)
        db = args.db
        if args.copy:
            db = folder / args.db.name
            shutil.copyfile(args.db, db)
            run_once(db, env)  # upgrades or rescores it once, as the first open would
        empty = folder / "empty.db"
        subprocess.run([sys.executable, "-c",
                        f"from kerryview.store import Store; Store({str(empty)!r}).close()"],
                       env=env, check=True)
        result = measure(db, args.n, env)
        floor = measure(empty, args.n, env)
    if args.json:
        print(json.dumps({"project": result, "empty": floor}, indent=2))
        return 0
    print(f"{args.db} ({result['events']:,} events), median of {args.n}, CPU seconds:")
    for phase in PHASES:
        print(f"  {phase:24s} {result.get(phase, 0.0):6.3f}")
    print(f"  {'process at first paint':24s} {result['cpu']:6.3f}")
    print(f"  {'process, every view':24s} {result['cpu loaded']:6.3f}  "
          f"(wall {result['wall']:.2f} s)")
    print(f"  {'empty project':24s} {floor['cpu']:6.3f}  -> "
          f"{result['cpu'] - floor['cpu']:.3f} s beyond it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
