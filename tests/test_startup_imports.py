"""What each command imports: start-up time is mostly imports, so a command loads no heavy
library it does not use (issue #10: `kerryview timex` and `extract --help` start in about
0.2 s; the app's first paint within 2x an empty PySide6 window). Timings are for
benchmarks/startup.py; these tests check the cause, which does not depend on the machine's load.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = sorted((ROOT / "resources" / "corpus" / "kerry-beijing-2023").glob("*.txt"))[0]
HEAVY = ("PySide6", "shiboken6", "dateparser", "sqlite_utils", "click", "pluggy", "dateutil")
# Runs a module as `python -m MODULE ARGS` would, then says which heavy packages it loaded (at
# exit, from an atexit function: `kerryview timex` ends its process at once unless one is there).
PROBE = f"""
import atexit, json, runpy, sys
sys.argv = sys.argv[1:]
code = 0
def report():
    sys.stdout.flush()
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
    sys.stderr.write("\\nLOADED " + json.dumps([code, loaded]) + "\\n")
atexit.register(report)
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=False)
except SystemExit as e:
    code = e.code
"""


def loaded_by(*args: str, env: dict | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=ROOT)
    line = proc.stderr.rstrip().splitlines()[-1]
    assert line.startswith("LOADED "), proc.stderr
    code, loaded = json.loads(line[len("LOADED "):])
    assert code in (0, None), proc.stderr
    return loaded


@pytest.mark.parametrize("args", [
    ("kerryview", "timex", str(ARTICLE)),
    ("kerryview.timex", "--json", str(ARTICLE)),
    ("kerryview", "extract", "--help"),
    ("kerryview", "timex", "--help"),
    ("kerryview", "--version"),
], ids=["timex", "timex-module", "extract-help", "timex-help", "version"])
def test_headless_commands_load_no_gui_and_no_heavy_library(args):
    assert loaded_by(*args) == []


def test_timex_reads_no_date_line_and_no_page_metadata():
    """`kerryview timex FILE` prints the tagger's expressions of the text alone: it does not
    import the date-line reader (compiling its ~55 styles was a fifth of the command's CPU) nor
    the page-metadata reader."""
    probe = (f"import atexit, runpy, sys; sys.argv = ['kerryview', 'timex', {str(ARTICLE)!r}]\n"
             "atexit.register(lambda: (sys.stdout.flush(), sys.stderr.write("
             "'\\nMODULES ' + ' '.join(sorted(sys.modules)) + '\\n')))\n"
             "try:\n    runpy.run_module('kerryview', run_name='__main__', alter_sys=False)\n"
             "except SystemExit:\n    pass\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    modules = proc.stderr.rstrip().splitlines()[-1].split()
    assert modules[0] == "MODULES" and json.loads(proc.stdout), proc.stderr
    assert "kerryview.timex.recognize" in modules
    assert "kerryview.dating.datelines" not in modules
    assert "kerryview.ingest.metadata" not in modules


def test_extract_and_export_read_without_qt_or_sqlite_utils(tmp_path):
    """Extracting without --db never touches the store; reading a project (export) needs only
    sqlite3: sqlite_utils (with click, pluggy and dateutil) is for writing."""
    assert loaded_by("kerryview", "extract", str(ARTICLE)) == []
    db = tmp_path / "p.db"
    subprocess.run([sys.executable, "-m", "kerryview", "extract", "--db", str(db), str(ARTICLE)],
                   check=True, capture_output=True, timeout=300)
    assert loaded_by("kerryview", "export", "--db", str(db)) == []


def test_the_app_paints_its_first_timeline_without_sqlite_utils_or_dateparser(tmp_path):
    """The app on a project that already holds a corpus: only Qt among the heavy libraries is
    loaded by its first paint (it quits right after, KERRYVIEW_QUIT_AFTER_FIRST_PAINT)."""
    db = tmp_path / "p.db"
    subprocess.run([sys.executable, "-m", "kerryview", "extract", "--db", str(db), str(ARTICLE)],
                   check=True, capture_output=True, timeout=300)
    env = dict(os.environ, KERRYVIEW_QUIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen",
               KERRYVIEW_DB=str(db), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    assert loaded_by("kerryview", env=env) == ["PySide6", "shiboken6"]
