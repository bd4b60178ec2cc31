"""After a project's first paint: how much of the window's (UI) thread the Key dates list
costs, and when its rows are shown.

    .venv/bin/python benchmarks/keydates_open.py DB [-n 3]

Runs the app N times on DB (each its own process, offscreen, a private HOME with the Key dates
list shown, as by default), waits after the first paint until every view is filled and the
Key dates list has its rows, and prints the medians: the process CPU at first paint, the main
thread's CPU from the first paint to the views filled and from then to the rows shown (all of
the window's work meanwhile: the timeline measures its labels ahead while idle), the part of it
in the Key dates list's own methods (set_corpus, refresh, taking the rows), the longest CPU
the main thread spent between two turns of its event loop (polled every 5 ms: the longest
stall), and the process CPU when the rows are shown. Open a copy: a first open may upgrade it.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from open_phases import TIMED, _env  # noqa: E402 - the same child start, private HOME, platform

CHILD = TIMED + r"""
from PySide6.QtCore import QTimer
import kerryview.gui.mainwindow as mainwindow
first_paint_timer = mainwindow.first_paint_timer
from kerryview.gui.keydates import KeyDatesPanel
for method in ("set_corpus", "refresh", "_done"):  # _done: the rows from the worker
    if hasattr(KeyDatesPanel, method):
        setattr(KeyDatesPanel, method, timed("main: in the Key dates list", getattr(KeyDatesPanel, method)))
def until_key_dates(win, quit_now):
    last = []
    def rows_shown():
        now = time.thread_time()
        block = now - last[0]
        last[0] = now
        out["main: longest block"] = max(out.get("main: longest block", 0.0), block)
        if win.key_dates.panel.rows():
            out["main: views filled -> rows"] = now - out.pop("_main")
            out["process at rows"] = time.process_time()
            out["wall: views filled -> rows"] = time.monotonic() - out.pop("_wall")
            quit_now()
        else:
            QTimer.singleShot(5, rows_shown)
    def loaded():
        out["main: paint -> views filled"] = time.thread_time() - out["_paint"]
        out["_main"], out["_wall"] = time.thread_time(), time.monotonic()
        last.append(time.thread_time())
        out["main: in the Key dates list"] = 0.0  # from here (the views' reload set_corpus)
        rows_shown()
    def painted():
        out["process at first paint"] = time.process_time()
        out["_paint"] = time.thread_time()
        if win.loading:
            win.corpusLoaded.connect(loaded)
        else:
            loaded()
    first_paint_timer(win, painted)
mainwindow.first_paint_timer = until_key_dates
from kerryview.cli import main
code = main(["--db", sys.argv[1], "--quit-after-first-paint"])
out.pop("_paint", None)
print("KEYDATES " + json.dumps(out), flush=True)
sys.exit(code)
"""


def run_once(db: Path, env: dict) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True,
                          text=True, env=env, timeout=900)
    found = re.search(r"^KEYDATES (.*)$", proc.stdout, re.M)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"the app failed on {db}:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("-n", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kerryview-keydates-") as tmp:
        env = _env(Path(tmp))
        runs = [run_once(args.db, env) for _ in range(args.n)]
    print(f"{args.db}, median of {args.n}, CPU seconds (wall where said):")
    for key in runs[0]:
        print(f"  {key:30s} {statistics.median(r[key] for r in runs):6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
