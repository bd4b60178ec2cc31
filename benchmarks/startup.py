"""Start-up time of kerryview: from process start to the first painted timeline.

    .venv/bin/python benchmarks/startup.py [-n 5] [--bundle PATH] [--no-bundle] [--json]

Measures, for each target that exists:
  * source  - the source/editable install: `python -m kerryview` with this interpreter
  * bundle  - the PyInstaller bundle (packaging/pyinstaller/dist/kerryview/kerryview; build it
              with packaging/build.sh), skipped with a note if it has not been built

How "first paint" is measured depends on what the app offers, tried in this order:
  * KERRYVIEW_QUIT_AFTER_FIRST_PAINT=1 (kerryview/gui/app.py): the app quits right after the
    timeline's first paint and prints `first-paint: <s> s (since process start; N events)`,
    counted from the kernel's start time of the process; that figure is used.
  * `--quit-after-first-paint` in `--help`: the same as a flag (wall time if nothing is printed).
  * otherwise `--self-test` (loads the bundled corpus, renders the timeline offscreen, exits):
    wall time of the whole run, labelled as such.
Each target runs in a private HOME/XDG folder (QT_QPA_PLATFORM=offscreen). The timed starts
open a database already holding the bundled corpus (made with `kerryview extract --db`, passed
as KERRYVIEW_DB): best and median of N. The very first start on a new database, where the app
imports the bundled corpus itself, is reported apart ("1st start"). The floor of PySide6 itself on this
machine (import + an empty window shown) is printed for comparison. `--self-test` also prints
its own timing for the bundle and the source install.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "resources" / "corpus" / "kerry-beijing-2023"
DEFAULT_BUNDLE = ROOT / "packaging" / "pyinstaller" / "dist" / "kerryview" / "kerryview"
FIRST_PAINT_ENV = "KERRYVIEW_QUIT_AFTER_FIRST_PAINT"
FIRST_PAINT_FLAG = "--quit-after-first-paint"
REPORTED = [  # lines the app may print with its own measurement, and their unit in seconds
    (re.compile(r"first[-_ ]paint[:=]\s*([0-9.]+)\s*s\b", re.I), 1.0),
    (re.compile(r"first[-_ ]paint(?:_ms)?[:=]\s*([0-9.]+)\s*ms\b", re.I), 1e-3),
]
EVENTS = re.compile(r"first[-_ ]paint.*?(\d+) events", re.I)
FLOOR_CODE = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(800, 500); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _env(folder: Path) -> dict:
    """A private HOME/XDG folder, so the user's own database is never read or written."""
    home = folder / "home"
    runtime = folder / "runtime"
    home.mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONSTARTUP", FIRST_PAINT_ENV, "KERRYVIEW_DB")}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), HOME=str(home),
               XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"))
    return env


def _reported(out: str) -> float | None:
    for pattern, scale in REPORTED:
        m = pattern.search(out)
        if m:
            return float(m.group(1)) * scale
    return None


def _method(cmd: list[str], env: dict, folder: Path) -> tuple[list[str], dict, str]:
    """The extra arguments and environment to time, and what they measure."""
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=folder, timeout=60,
                              env=dict(env, **{FIRST_PAINT_ENV: "1"}))
        if proc.returncode == 0 and _reported(proc.stdout + proc.stderr) is not None:
            return [], {FIRST_PAINT_ENV: "1"}, (
                f"process start -> first paint of the timeline ({FIRST_PAINT_ENV}=1)")
    except subprocess.TimeoutExpired:
        pass  # the app ignored the variable and kept its window open
    help_text = subprocess.run(cmd + ["--help"], capture_output=True, text=True, env=env,
                               cwd=folder, timeout=120).stdout
    if FIRST_PAINT_FLAG in help_text:
        return [FIRST_PAINT_FLAG], {}, f"start -> first paint ({FIRST_PAINT_FLAG})"
    if "--self-test" in help_text:
        return ["--self-test"], {}, ("whole `--self-test` run (corpus loaded, timeline rendered "
                                     "offscreen, exit): the app has no first-paint hook")
    raise RuntimeError(f"`{' '.join(cmd)}` has no first-paint hook and no --self-test")


def _time_once(cmd: list[str], env: dict, cwd: Path,
               allow_crash_after_paint: bool = False) -> tuple[float, str, int | None, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    wall = time.perf_counter() - start
    out = proc.stdout + "\n" + proc.stderr
    reported = _reported(out)
    if proc.returncode != 0 and not (allow_crash_after_paint and reported is not None):
        tail = "\n    ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}:\n    {tail}")
    m = EVENTS.search(out)
    events = int(m.group(1)) if m else None
    if reported is not None:
        return reported, "reported by the app", events, proc.returncode
    return wall, "wall time", events, proc.returncode


def _prefilled_db(cmd: list[str], folder: Path) -> Path:
    """A corpus database with the bundled corpus already in it (via `kerryview extract --db`),
    so that the timed starts load it instead of importing."""
    db = folder / "corpus.db"
    proc = subprocess.run(cmd + ["extract", "--db", str(db), str(CORPUS)], capture_output=True,
                          text=True, env=_env(folder), cwd=folder, timeout=600)
    if proc.returncode != 0 or not db.exists():
        tail = "\n    ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"`{' '.join(cmd)} extract --db` exited {proc.returncode}:\n    {tail}")
    return db


def measure(name: str, cmd: list[str], n: int, tmp: Path) -> dict:
    warm = tmp / name / "warm"
    env = _env(warm)
    env["KERRYVIEW_DB"] = str(_prefilled_db(cmd, warm))
    args, extra_env, what = _method(cmd, env, warm)
    env.update(extra_env)
    result = {"target": name, "command": " ".join(cmd + args),
              "env": " ".join(f"{k}={v}" for k, v in extra_env.items()), "measures": what}
    if extra_env:
        # The very first start: new database, the app imports the bundled corpus itself.
        cold = tmp / name / "cold"
        first, _, first_events, rc = _time_once(cmd + args, dict(_env(cold), **extra_env), cold,
                                                allow_crash_after_paint=True)
        result.update(first_start_s=round(first, 4), first_start_events=first_events,
                      first_start_exit=rc)
    _time_once(cmd + args, env, warm)  # warm the page cache; not counted
    runs, how, events = [], "", None
    for _ in range(n):
        secs, how, events, _ = _time_once(cmd + args, env, warm)
        runs.append(secs)
    result.update(how=how, events=events, runs_s=[round(r, 4) for r in runs],
                  best_s=round(min(runs), 4), median_s=round(statistics.median(runs), 4))
    return result


def floor(n: int, tmp: Path) -> dict:
    folder = tmp / "floor"
    env = _env(folder)
    runs = []
    for i in range(n + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR_CODE], check=True, env=env, cwd=folder,
                       capture_output=True, timeout=120)
        if i:  # the first run warms the page cache
            runs.append(time.perf_counter() - start)
    return {"target": "floor", "command": "python -c '<QApplication + empty QMainWindow shown>'",
            "measures": "PySide6 import + an empty window shown + quit (this machine's floor)",
            "how": "wall time", "runs_s": [round(r, 4) for r in runs],
            "best_s": round(min(runs), 4), "median_s": round(statistics.median(runs), 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=5, help="timed runs per target (default 5)")
    ap.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the bundle's launcher")
    ap.add_argument("--no-bundle", action="store_true", help="only the source install")
    ap.add_argument("--no-floor", action="store_true", help="skip the PySide6 floor")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()

    results, notes = [], []
    with tempfile.TemporaryDirectory(prefix="kv-startup-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.no_floor:
            results.append(floor(args.n, tmp))
        targets = [("source", [sys.executable, "-m", "kerryview"])]
        if not args.no_bundle:
            if args.bundle.is_file():
                targets.append(("bundle", [str(args.bundle)]))
            else:
                notes.append(f"bundle: not built ({args.bundle}); run packaging/build.sh")
        for name, cmd in targets:
            try:
                results.append(measure(name, cmd, args.n, tmp))
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                notes.append(f"{name}: FAILED: {e}")

    failed = any("FAILED" in note for note in notes)
    if args.json:
        print(json.dumps({"results": results, "notes": notes}, indent=2))
        return 1 if failed else 0
    print(f"kerryview start-up, best/median of {args.n} starts, QT_QPA_PLATFORM="
          f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, {os.cpu_count()} cores")
    print(f"{'target':8} {'best':>8} {'median':>8} {'1st start':>10}  measures")
    for r in results:
        first = f"{r['first_start_s'] * 1000:8.0f}ms" if "first_start_s" in r else " " * 10
        print(f"{r['target']:8} {r['best_s'] * 1000:6.0f}ms {r['median_s'] * 1000:6.0f}ms "
              f"{first}  {r['measures']} [{r['how']}]")
        if r.get("events") is not None:
            print(f"{'':8} events on the timeline at first paint: {r['events']} (database "
                  f"filled beforehand); 1st start, new database, importing the bundled corpus: "
                  f"{r.get('first_start_events')} events")
        if r.get("first_start_exit"):
            print(f"{'':8} NOTE: the 1st start exited with status {r['first_start_exit']} after "
                  f"its first paint (quitting while the corpus import runs)")
    for note in notes:
        print(note)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
