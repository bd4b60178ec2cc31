"""The command line as a script sees it: JSON on stdout, problems on stderr, exit codes."""
import json
import subprocess
import sys

from kerryview import __version__


def _run(*args):
    return subprocess.run([sys.executable, "-m", "kerryview", *args], capture_output=True,
                          text=True, timeout=120)


def test_timex_command(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kerry met Xie on Monday for nearly 12 hours.", encoding="utf-8")
    proc = _run("timex", "--dct", "2023-07-18", "--json", str(f))
    assert proc.returncode == 0, proc.stderr
    got = {(t["text"], t["value"]) for t in json.loads(proc.stdout)}
    assert got == {("Monday", "2023-07-17"), ("nearly 12 hours", "PT12H")}


def test_timex_command_on_a_bad_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    proc = _run("timex", "--json", str(f))
    assert proc.returncode == 2 and "empty.txt: is empty" in proc.stderr


def test_version():
    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"kerryview {__version__}"
