"""Start-up time of kerryview: the headless commands, and the app to its first painted timeline.

    .venv/bin/python benchmarks/startup.py [-n 7] [--bundle PATH] [--no-bundle] [--no-app]
        [--json] [--keep-bytecode-setting] [--code TREE]
        [--per-file FOLDER ... [--files 256] [--data /work/shared/data]]

Every figure is a whole process, started N times after one untimed start (which warms the page
cache): the median and the best, as wall time and as the process's CPU time (user + system,
from getrusage of the child; steadier than wall time on a loaded machine).

The code timed is that of TREE (default: the checkout holding this script), put first on
PYTHONPATH of every process, so that a worktree times its own code, not the editable install's.

Headless (issue #10 item 6: about 0.2 s a process):
  python -c pass            the interpreter alone, the floor of any command
  kerryview-cli timex FILE  tag one article of the bundled corpus (the console script)
  timex, no regex cache     the same, compiling the tagger's grammar (kerryview/timex/
                            regexcache.py keeps it compiled between processes; here an empty
                            cache folder and PYTHONDONTWRITEBYTECODE=1, so it is never kept)
  python -m kerryview.timex --json FILE
  kerryview-cli extract --help
Per file (--per-file, issue #13): `kerryview-cli timex FILE` once per file, one process after
the other, for the first N articles (--files, default 256) of the Timeline17 folders named
(taken in turn, FOLDER/articles under --data's timeline17/, or a folder of .txt files), against
one process that runs the same command for all N files (kerryview.cli.main, the same output,
checked); with the regex cache and without it. The start-up share is the part of the per-file
total that the one process does not spend (divided by N - 1: a start-up a process).
The app (target: its first painted timeline within 2x an empty PySide6 window, same run):
  floor   - python -c '<QApplication + an empty 1280x800 QMainWindow, quit after its first paint>'
  source  - `python -m kerryview` on a database already holding the bundled corpus (made with
            `kerryview extract --db`, passed as KERRYVIEW_DB), KERRYVIEW_QUIT_AFTER_FIRST_PAINT=1
  bundle  - the PyInstaller bundle (packaging/pyinstaller/dist/kerryview/kerryview; build it with
            packaging/build.sh), skipped with a note if it has not been built
The floor and the app each print when they first painted, counted from the kernel's start time
of the process (/proc), and their CPU time then; the whole process (with its exit) is timed
too. The ratio app / floor is printed for each figure. The very first start of the app on a new
database, where it imports the bundled corpus itself, is reported apart ("1st start").
Each process runs in a private HOME/XDG folder (QT_QPA_PLATFORM=offscreen).

Bytecode: an installed kerryview has its bytecode compiled (pip writes .pyc files), but a
development shell may set PYTHONDONTWRITEBYTECODE=1, and then every start compiles kerryview's
sources again (about 60 ms). The timed processes run without it, with PYTHONPYCACHEPREFIX in a
temporary folder (the worktree gets no __pycache__); --keep-bytecode-setting times them as the
environment says.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
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
CPU = re.compile(r"\bcpu\s+([0-9.]+)\s*s\b")
FLOOR_CODE = """
import os, time
def since_start():
    with open("/proc/self/stat") as f:
        start = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        return float(f.read().split()[0]) - start / os.sysconf("SC_CLK_TCK")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"first-paint: {since_start():.3f} s (cpu {time.process_time():.3f} s)", flush=True)
            QTimer.singleShot(0, app.quit)
w = Window(); w.resize(1280, 800); w.show()
app.exec()
"""


BYTECODE = {"dir": None}  # PYTHONPYCACHEPREFIX of the timed processes (None: as the environment says)
CODE = {"tree": ROOT}  # the kerryview checkout whose code is timed (first on PYTHONPATH)
HELD_OUT_FOLDERS = {"bpoil_reuters"}  # never tagged here
ONE_PROCESS = "import sys\nfrom kerryview.cli import main\nfor f in sys.argv[1:]:\n    main(['timex', f])\n"


def _env(folder: Path) -> dict:
    """A private HOME/XDG folder, so the user's own database is never read or written."""
    home = folder / "home"
    runtime = folder / "runtime"
    home.mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONSTARTUP", FIRST_PAINT_ENV, "KERRYVIEW_DB",
                        "KERRYVIEW_CACHE_DIR")}
    env["PYTHONPATH"] = str(CODE["tree"])
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), HOME=str(home),
               XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"))
    if BYTECODE["dir"] is not None:  # as installed: bytecode compiled once, then read
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = BYTECODE["dir"]
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
               allow_crash_after_paint: bool = False) -> dict:
    """One whole process: wall and CPU time, and what it reported of its first paint."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out = proc.stdout + "\n" + proc.stderr
    reported = _reported(out)
    if proc.returncode != 0 and not (allow_crash_after_paint and reported is not None):
        tail = "\n    ".join(proc.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"`{' '.join(cmd)}` exited {proc.returncode}:\n    {tail}")
    m = EVENTS.search(out)
    c = CPU.search(out) if reported is not None else None
    return {"wall": wall, "cpu": cpu, "paint": reported,
            "paint_cpu": float(c.group(1)) if c else None,
            "events": int(m.group(1)) if m else None, "rc": proc.returncode}


def _stats(runs: list[dict]) -> dict:
    """Median and best of each figure over the runs."""
    out: dict = {"runs": len(runs)}
    for key in ("wall", "cpu", "paint", "paint_cpu"):
        values = [r[key] for r in runs if r[key] is not None]
        if values:
            out[key] = {"median": round(statistics.median(values), 4),
                        "best": round(min(values), 4)}
    return out


def _repeat(cmd: list[str], env: dict, cwd: Path, n: int) -> dict:
    _time_once(cmd, env, cwd)  # warms the page cache; not counted
    runs = [_time_once(cmd, env, cwd) for _ in range(n)]
    result = _stats(runs)
    result["events"] = runs[-1]["events"]
    return result


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
        first = _time_once(cmd + args, dict(_env(cold), **extra_env), cold,
                           allow_crash_after_paint=True)
        result.update(first_start_s=round(first["paint"] or first["wall"], 4),
                      first_start_events=first["events"], first_start_exit=first["rc"])
    result.update(_repeat(cmd + args, env, warm, n))
    return result


def floor(n: int, tmp: Path) -> dict:
    folder = tmp / "floor"
    result = {"target": "floor", "command": "python -c '<QApplication + empty QMainWindow>'",
              "measures": "PySide6 import + an empty 1280x800 window's first paint (this "
                          "machine's floor)"}
    result.update(_repeat([sys.executable, "-c", FLOOR_CODE], _env(folder), folder, n))
    return result


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("kerryview-cli")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kerryview"]


def _uncached(env: dict, folder: Path) -> dict:
    """`env` where the tagger's compiled grammar is never kept (an empty cache folder)."""
    return dict(env, KERRYVIEW_CACHE_DIR=str(folder / "empty-cache"), PYTHONDONTWRITEBYTECODE="1")


def headless(n: int, tmp: Path) -> list[dict]:
    """The commands without a window: each should start in about 0.2 s."""
    folder = tmp / "headless"
    env = _env(folder)
    article = sorted(CORPUS.glob("*.txt"))[0]
    cli = _cli()
    targets = [("python", [sys.executable, "-c", "pass"], env),
               ("timex", cli + ["timex", str(article)], env),
               ("timex, no cache", cli + ["timex", str(article)], _uncached(env, folder)),
               ("timex module", [sys.executable, "-m", "kerryview.timex", "--json", str(article)], env),
               ("extract --help", cli + ["extract", "--help"], env)]
    out = []
    for name, cmd, target_env in targets:
        result = {"target": name, "command": " ".join(cmd)}
        result.update(_repeat(cmd, target_env, folder, n))
        out.append(result)
    return out


def article_files(folders: list[str], data: Path, count: int) -> list[Path]:
    """The first `count` articles of `folders` (not the empty ones, which `kerryview timex`
    refuses), one folder after the other in turn."""
    lists = []
    for name in folders:
        folder = Path(name) if Path(name).is_dir() else data / "timeline17" / name
        if folder.name in HELD_OUT_FOLDERS or folder.parent.name in HELD_OUT_FOLDERS:
            raise SystemExit(f"{folder}: a held-out folder, never tagged here")
        folder = folder / "articles" if (folder / "articles").is_dir() else folder
        files = [f for f in sorted(folder.glob("*.txt")) if f.read_bytes().strip()]  # (some are empty)
        if not files:
            raise SystemExit(f"{folder}: no .txt files")
        lists.append(files)
    picked: list[Path] = []
    for row in range(max(map(len, lists))):
        picked.extend(files[row] for files in lists if row < len(files))
    return picked[:count]


def _run(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float, str]:
    """CPU and wall time of one process, and its output (an error if it fails)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=3600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"`{' '.join(cmd[:3])} ...` exited {proc.returncode}: {proc.stderr[-300:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall, proc.stdout


def per_file(files: list[Path], tmp: Path) -> list[dict]:
    """`kerryview timex FILE` once per file against one process for all files, with the regex
    cache as installed (written by the first, untimed process) and without it."""
    folder = tmp / "per-file"
    env = _env(folder)
    cli = _cli()
    out = []
    for name, target_env in (("regex cache", env), ("no regex cache", _uncached(env, folder))):
        _run(cli + ["timex", str(files[0])], target_env, folder)  # page cache, bytecode, regex cache
        cpu = wall = 0.0
        outputs = []
        for f in files:
            c, w, text = _run(cli + ["timex", str(f)], target_env, folder)
            cpu, wall = cpu + c, wall + w
            outputs.append(text)
        one_cpu, one_wall, one_text = _run([sys.executable, "-c", ONE_PROCESS, *map(str, files)],
                                           target_env, folder)
        if one_text != "".join(outputs):
            raise RuntimeError("one process's output differs from the processes' one per file")
        out.append({"target": name, "files": len(files), "words": sum(len(t.split()) for t in map(_read, files)),
                    "per_file": {"cpu": round(cpu, 3), "wall": round(wall, 3)},
                    "one_process": {"cpu": round(one_cpu, 3), "wall": round(one_wall, 3)},
                    "start_up_share": {"cpu": round(1 - one_cpu / cpu, 4), "wall": round(1 - one_wall / wall, 4)},
                    "start_up_per_process_ms": {"cpu": round((cpu - one_cpu) / (len(files) - 1) * 1000, 1),
                                                "wall": round((wall - one_wall) / (len(files) - 1) * 1000, 1)}})
    return out


def _read(path: Path) -> str:
    return path.read_text("utf-8", errors="replace")


def _ms(figure: dict | None, key: str = "median") -> str:
    return f"{figure[key] * 1000:6.0f}" if figure else "     -"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=7, help="timed runs per target (default 7)")
    ap.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the bundle's launcher")
    ap.add_argument("--no-bundle", action="store_true", help="only the source install")
    ap.add_argument("--no-floor", action="store_true", help="skip the PySide6 floor")
    ap.add_argument("--no-headless", action="store_true", help="skip the headless commands")
    ap.add_argument("--keep-bytecode-setting", action="store_true",
                    help="time with PYTHONDONTWRITEBYTECODE as the environment has it")
    ap.add_argument("--no-app", action="store_true", help="skip the app (and its floor)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="the kerryview checkout whose code is timed (default: this one)")
    ap.add_argument("--per-file", nargs="+", metavar="FOLDER", default=[],
                    help="also time `kerryview timex` once per file of these Timeline17 folders "
                         "(e.g. haiti_bbc H1N1_guardian) against one process for them all")
    ap.add_argument("--files", type=int, default=256, help="files for --per-file (default 256)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                    help="the data folder holding timeline17/ (default: ../shared/data)")
    args = ap.parse_args()
    CODE["tree"] = args.code.resolve()
    files = article_files(args.per_file, args.data, args.files) if args.per_file else []

    results, commands, notes, files_results = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="kv-startup-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.keep_bytecode_setting:
            BYTECODE["dir"] = str(tmp / "pycache")
        if not args.no_headless:
            commands = headless(args.n, tmp)
        if files:
            files_results = per_file(files, tmp)
        if not args.no_floor and not args.no_app:
            results.append(floor(args.n, tmp))
        targets = [] if args.no_app else [("source", [sys.executable, "-m", "kerryview"])]
        if not args.no_bundle and not args.no_app:
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
        print(json.dumps({"code": str(CODE["tree"]), "headless": commands, "per_file": files_results,
                          "results": results, "notes": notes}, indent=2))
        return 1 if failed else 0
    bytecode = ("as the environment says" if args.keep_bytecode_setting
                else "compiled once and read, as installed")
    print(f"kerryview start-up, median (best) of {args.n} whole processes, "
          f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, bytecode {bytecode}, "
          f"code {CODE['tree']}")
    if commands:
        print(f"\n{'command':16} {'wall ms':>14} {'cpu ms':>14}")
        for r in commands:
            print(f"{r['target']:16} {_ms(r['wall'])} ({_ms(r['wall'], 'best').strip():>5}) "
                  f"{_ms(r['cpu'])} ({_ms(r['cpu'], 'best').strip():>5})   {r['command']}")
    for r in files_results:
        print(f"\n{r['files']} files ({r['words']:,} words), `timex FILE` one process each vs one "
              f"process, {r['target']}:")
        for key, label in (("cpu", "CPU"), ("wall", "wall")):
            print(f"  {label:4} {r['per_file'][key]:8.2f} s vs {r['one_process'][key]:6.2f} s: start-up "
                  f"{r['start_up_share'][key]:.1%} of the per-file total, "
                  f"{r['start_up_per_process_ms'][key]:.0f} ms a process")
    if results:
        base = results[0] if results[0]["target"] == "floor" else None
        print(f"\n{'target':8} {'first paint ms':>15} {'cpu then ms':>12} {'process ms':>11} "
              f"{'process cpu':>12} {'1st start':>10}")
        for r in results:
            first = f"{r['first_start_s'] * 1000:8.0f}ms" if "first_start_s" in r else " " * 10
            print(f"{r['target']:8} {_ms(r.get('paint')):>15} {_ms(r.get('paint_cpu')):>12} "
                  f"{_ms(r['wall']):>11} {_ms(r['cpu']):>12} {first}  {r['measures']}")
            if base is not None and r is not base:
                ratios = []
                for key, label in (("paint", "first paint"), ("paint_cpu", "cpu at first paint"),
                                   ("wall", "whole process"), ("cpu", "process cpu")):
                    if r.get(key) and base.get(key):
                        ratios.append(f"{label} {r[key]['median'] / base[key]['median']:.2f}x")
                print(f"{'':8} vs floor: {', '.join(ratios)} (target: first paint within 2x)")
            if r.get("events") is not None and r["target"] != "floor":
                print(f"{'':8} events on the timeline at first paint: {r['events']} (database "
                      f"filled beforehand); 1st start, new database, importing the bundled "
                      f"corpus: {r.get('first_start_events')} events")
            if r.get("first_start_exit"):
                print(f"{'':8} NOTE: the 1st start exited with status {r['first_start_exit']} "
                      "after its first paint (quitting while the corpus import runs)")
    for note in notes:
        print(note)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
