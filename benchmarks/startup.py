"""Start-up time of kerryview: from process start to the first painted timeline.

    .venv/bin/python benchmarks/startup.py [-n 5] [--bundle PATH] [--no-bundle] [--json]

Measures, for each target that exists:
  * source  - the source/editable install: `python -m kerryview` with this interpreter
  * bundle  - the PyInstaller bundle (packaging/pyinstaller/dist/kerryview/kerryview; build it
              with packaging/build.sh), skipped with a note if it has not been built

How "first paint" is measured depends on what the app offers (checked in `kerryview --help`):
  * `--quit-after-first-paint`: the app quits right after its main window's first paint; the
    time is process start -> exit (so it includes shutdown, a few ms). If the app prints a line
    `first-paint: <seconds since process start>` (or `first_paint_ms=<ms>`), that is used instead.
  * otherwise `--self-test` (loads the bundled corpus, renders the timeline offscreen, exits):
    wall time of the whole run, labelled as such.
Each target runs N times (whole processes, QT_QPA_PLATFORM=offscreen, a private HOME/XDG); best
and median are printed. The floor of PySide6 itself on this machine (import + an empty window)
is printed for comparison.
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
DEFAULT_BUNDLE = ROOT / "packaging" / "pyinstaller" / "dist" / "kerryview" / "kerryview"
FIRST_PAINT_FLAG = "--quit-after-first-paint"
REPORTED = [  # lines the app may print with its own measurement
    (re.compile(r"first[-_ ]paint[:=]\s*([0-9.]+)\s*s\b", re.I), 1.0),
    (re.compile(r"first[-_ ]paint(?:_ms)?[:=]\s*([0-9.]+)\s*ms\b", re.I), 1e-3),
    (re.compile(r"first_paint_ms[:=]\s*([0-9.]+)", re.I), 1e-3),
]
FLOOR_CODE = """
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.resize(800, 500); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _env(tmp: Path) -> dict:
    home = tmp / "home"
    runtime = tmp / "runtime"
    home.mkdir(exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), HOME=str(home),
               XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"))
    return env


def _method(cmd: list[str], env: dict, cwd: Path) -> tuple[list[str], str]:
    """The arguments to time and a description of what they measure."""
    help_text = subprocess.run(cmd + ["--help"], capture_output=True, text=True, env=env,
                               cwd=cwd, timeout=120).stdout
    if FIRST_PAINT_FLAG in help_text:
        return [FIRST_PAINT_FLAG], f"start -> first paint of the main window ({FIRST_PAINT_FLAG})"
    if "--self-test" in help_text:
        return ["--self-test"], ("whole `--self-test` run (corpus loaded, timeline rendered "
                                 "offscreen, exit): the app has no first-paint flag yet")
    raise RuntimeError(f"`{' '.join(cmd)} --help` offers neither {FIRST_PAINT_FLAG} nor --self-test")


def _time_once(cmd: list[str], env: dict, cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n    ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}:\n    {tail}")
    for pattern, scale in REPORTED:
        m = pattern.search(proc.stdout + "\n" + proc.stderr)
        if m:
            return float(m.group(1)) * scale, "reported by the app"
    return wall, "wall time"


def measure(name: str, cmd: list[str], n: int, tmp: Path) -> dict:
    env = _env(tmp)
    args, what = _method(cmd, env, tmp)
    _time_once(cmd + args, env, tmp)  # warm the page cache; not counted
    runs, how = [], ""
    for _ in range(n):
        secs, how = _time_once(cmd + args, env, tmp)
        runs.append(secs)
    return {"target": name, "command": " ".join(cmd + args), "measures": what, "how": how,
            "runs_s": [round(r, 4) for r in runs], "best_s": round(min(runs), 4),
            "median_s": round(statistics.median(runs), 4)}


def floor(n: int, tmp: Path) -> dict:
    env = _env(tmp)
    runs = []
    for i in range(n + 1):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR_CODE], check=True, env=env, cwd=tmp,
                       capture_output=True, timeout=120)
        if i:  # the first run warms the cache
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
    print(f"kerryview start-up, {args.n} runs each, QT_QPA_PLATFORM="
          f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, {os.cpu_count()} cores")
    print(f"{'target':8} {'best':>8} {'median':>8}  measures")
    for r in results:
        print(f"{r['target']:8} {r['best_s'] * 1000:6.0f}ms {r['median_s'] * 1000:6.0f}ms  "
              f"{r['measures']} [{r['how']}]")
    for note in notes:
        print(note)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
