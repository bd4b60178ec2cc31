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


def test_timex_module_is_the_same_command_and_reads_standard_input(tmp_path):
    """`python -m kerryview.timex` is `kerryview timex` (one home: kerryview/cli.py), and "-"
    reads the text from the standard input."""
    f = tmp_path / "a.txt"
    f.write_text("Kerry met Xie on Monday for nearly 12 hours.", encoding="utf-8")
    module = subprocess.run([sys.executable, "-m", "kerryview.timex", "--dct", "2023-07-18",
                             "--json", str(f)], capture_output=True, text=True, timeout=120)
    command = _run("timex", "--dct", "2023-07-18", str(f))
    assert module.returncode == command.returncode == 0, module.stderr
    assert module.stdout == command.stdout
    piped = subprocess.run([sys.executable, "-m", "kerryview", "timex", "--dct", "2023-07-18", "-"],
                           input=f.read_text(encoding="utf-8"), capture_output=True, text=True,
                           timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == command.stdout


def test_timex_reads_the_standard_input_as_it_reads_a_file(tmp_path):
    """Bytes piped in are decoded as a file's are (kerryview.ingest.decode: a cp1252 text is
    not read in the locale's encoding), and an empty input is refused as an empty file is."""
    f = tmp_path / "cafe.txt"
    f.write_bytes("Le café a ouvert lundi, le 3 mai 2010, à Genève.".encode("cp1252"))
    from_file = _run("timex", "--dct", "2010-05-05", str(f))
    piped = subprocess.run([sys.executable, "-m", "kerryview", "timex", "--dct", "2010-05-05", "-"],
                           input=f.read_bytes(), capture_output=True, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode("utf-8") == from_file.stdout
    empty = subprocess.run([sys.executable, "-m", "kerryview", "timex", "-"], input=b"",
                           capture_output=True, timeout=120)
    assert empty.returncode == 2 and b"is empty" in empty.stderr


def test_timex_command_on_a_bad_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    proc = _run("timex", "--json", str(f))
    assert proc.returncode == 2 and "empty.txt: is empty" in proc.stderr


def test_timex_ends_its_process_with_its_whole_output(tmp_path, capsys):
    """The program ends at once after `timex` (no interpreter teardown: cli._exit_now), with
    all it printed, here more than a pipe holds; main() given its arguments returns instead."""
    from pathlib import Path

    from kerryview.cli import main

    corpus = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
    f = tmp_path / "long.txt"
    f.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")) * 12),
                 encoding="utf-8")
    proc = _run("timex", "--pretty", "--dct", "2023-07-18", str(f))
    assert proc.returncode == 0, proc.stderr
    assert main(["timex", "--pretty", "--dct", "2023-07-18", str(f)]) == 0
    printed = capsys.readouterr().out
    assert len(proc.stdout) > 65536 and proc.stdout == printed and json.loads(printed)


def test_main_without_arguments_returns_to_its_caller(tmp_path):
    """main() reads sys.argv when given nothing, and returns its status even then: only the
    program's entry point (kerryview.cli:run, python -m kerryview) ends the process at once."""
    f = tmp_path / "a.txt"
    f.write_text("Kerry met Xie on Monday.", encoding="utf-8")
    code = (f"import sys; sys.argv = ['kerryview', 'timex', '--dct', '2023-07-18', {str(f)!r}]\n"
            "from kerryview.cli import main\nstatus = main()\nprint('RETURNED', status)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("RETURNED 0") and '"2023-07-17"' in proc.stdout


def test_timex_of_several_files_one_line_each(tmp_path):
    """`kerryview timex A B C`: one JSON line per file, in order, its expressions as `timex A`
    prints them; a file that cannot be read gets an error line, the others are still tagged,
    and the exit status says a file failed."""
    a, b, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    a.write_text("Kerry met Xie on Monday for nearly 12 hours.", encoding="utf-8")
    b.write_text("The talks resume in March 2024.", encoding="utf-8")
    empty.write_text("")
    proc = _run("timex", "--dct", "2023-07-18", str(a), str(empty), str(b))
    assert proc.returncode == 2 and "empty.txt: is empty" in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(a), str(empty), str(b)]
    assert "is empty" in lines[1]["error"] and "timexes" not in lines[1]
    for line, path in ((lines[0], a), (lines[2], b)):
        alone = _run("timex", "--dct", "2023-07-18", str(path))
        assert alone.returncode == 0 and line["timexes"] == json.loads(alone.stdout) != []
    proc = _run("timex", "--dct", "2023-07-18", str(a), str(b))
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2


def test_version():
    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"kerryview {__version__}"


def test_export_command_reads_the_store(tmp_path):
    db = tmp_path / "c.db"
    f = tmp_path / "a.txt"
    f.write_text("date 2023-07-18\nKerry met Xie Zhenhua on Monday in Beijing.", encoding="utf-8")
    assert _run("extract", "--db", str(db), str(f)).returncode == 0
    proc = _run("export", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    [slide] = json.loads(proc.stdout)["events"]
    assert slide["start_date"] == {"year": "2023", "month": "7", "day": "17"}
    out = tmp_path / "t.csv"
    assert _run("export", "--db", str(db), "--format", "timelinejs-csv", "-o", str(out)).returncode == 0
    assert out.read_text("utf-8").startswith("Year,Month,Day,Time,")
    missing = _run("export", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no corpus database" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def test_finishing_an_interrupted_import_counts_its_paths_in_words(capsys, tmp_path):
    """"(1 file or folder)", not "(1 file(s) or folder(s))" (seen after a kill -9 of an import)."""
    from kerryview.cli import _say_if_an_import_was_interrupted

    class _Store:
        def __init__(self, pending):
            self.pending = pending

        def pending_import(self):
            return self.pending

    one, two = str(tmp_path / "a"), str(tmp_path / "b")
    _say_if_an_import_was_interrupted(_Store([one]), tmp_path / "p.kvproj", [one])
    _say_if_an_import_was_interrupted(_Store([one, two]), tmp_path / "p.kvproj", [one, two])
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("that was interrupted (1 file or folder)")
    assert err[1].endswith("that was interrupted (2 files or folders)")


def test_timex_help_says_what_pretty_prints():
    """`timex --help`: with --pretty each file's JSON takes several lines, which the help of
    FILE says (it said 'one JSON line each' whatever the option)."""
    proc = _run("timex", "--help")
    text = " ".join(proc.stdout.split())
    assert proc.returncode == 0 and "indent the JSON" in text and "unless --pretty" in text
