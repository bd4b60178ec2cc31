"""What the command line says when something is wrong: one line on stderr and a non-zero exit,
never a traceback; and nothing the user had is lost (issue #11)."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kerryview.ingest.html_text import html_article

ARTICLE = "Kerry met Wang Yi on Tuesday in Beijing, Xinhua said.\n"


def _run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "kerryview", *args], capture_output=True,
                          text=True, timeout=120, **kw)


def _no_traceback(proc):
    assert "Traceback" not in proc.stderr, proc.stderr


def test_timex_with_an_impossible_date_says_so(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    proc = _run("timex", "--dct", "2023-13-45", str(f))
    assert proc.returncode == 2
    assert "'2023-13-45' is not a date written YYYY-MM-DD" in proc.stderr
    _no_traceback(proc)


def test_export_of_a_file_that_is_not_a_database(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not SQLite")
    proc = _run("export", "--db", str(db))
    assert proc.returncode == 2 and "is not a kerryview database" in proc.stderr
    _no_traceback(proc)
    assert db.read_text() == "these are my notes, not SQLite"


def test_export_of_a_missing_database_creates_nothing(tmp_path):
    proc = _run("export", "--db", str(tmp_path / "missing.db"))
    assert proc.returncode == 2 and "no corpus database" in proc.stderr
    assert not (tmp_path / "missing.db").exists()


def test_extract_into_a_database_whose_folder_cannot_be_made(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = _run("extract", "--db", str(blocker / "sub" / "p.db"), str(f))
    assert proc.returncode == 2 and "cannot open the database" in proc.stderr
    _no_traceback(proc)


def test_extract_into_an_existing_project_adds_to_it(tmp_path):
    """`extract --db` used to replace the stored corpus with the files given."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("Kerry left Beijing on Wednesday after four days of talks.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert _run("extract", "--db", str(db), str(a)).returncode == 0
    proc = _run("extract", "--db", str(db), str(b))
    assert proc.returncode == 0, proc.stderr
    docs = {d["id"] for d in json.loads(proc.stdout)["documents"]}
    assert docs == {"a", "b"}
    stored = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents")}
    assert stored == {"a", "b"}


def test_extract_into_head_is_not_an_error(tmp_path):
    """`kerryview extract ... | head`: the reader leaves early; no BrokenPipeError traceback."""
    folder = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
    proc = subprocess.run(f"'{sys.executable}' -m kerryview extract --pretty '{folder}' | head -c 20",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert len(proc.stdout) == 20
    _no_traceback(proc)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_extract_onto_a_full_device_says_so(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "kerryview", "extract", str(f)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 2 and "cannot write the output" in proc.stderr
    _no_traceback(proc)


def test_export_onto_a_full_disk_keeps_the_previous_export(tmp_path, monkeypatch):
    """The export is written beside the target and moved into place: a write that fails
    leaves the earlier export as it was and no partial file."""
    from kerryview import cli
    from kerryview.store import Store

    db = tmp_path / "p.db"
    Store(db).close()
    out = tmp_path / "timeline.json"
    out.write_text("the previous export")
    real_write = Path.write_text

    def full_disk(self, *a, **k):
        if self.name.endswith(".part"):
            real_write(self, "half a fi", encoding="utf-8")
            raise OSError(28, "No space left on device", str(self))
        return real_write(self, *a, **k)

    monkeypatch.setattr(Path, "write_text", full_disk)
    assert cli.main(["export", "--db", str(db), "-o", str(out)]) == 2
    assert out.read_text() == "the previous export"
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_html_entities_are_decoded_once():
    page = html_article("<html><body><p>Write &amp;lt;script&amp;gt; to show a tag; "
                        "&eacute;t&eacute;.</p></body></html>")
    assert page.text == "Write &lt;script&gt; to show a tag; été."


def test_a_doctype_with_an_internal_subset_is_not_text_or_title():
    page = html_article('<!DOCTYPE html [<!ENTITY kv "kerryview">]>\n'
                        "<html><body><p>Kerry met Wang Yi.</p></body></html>")
    assert page.text == "Kerry met Wang Yi."


def test_a_project_in_a_folder_that_cannot_be_entered_is_said_so(tmp_path):
    from unprivileged import permission_checks_apply, without_root_override

    why = permission_checks_apply()
    if why:
        pytest.skip(why)
    locked = tmp_path / "locked"
    locked.mkdir()
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        for args in (["export", "--db", str(locked / "p.db")],
                     ["extract", "--db", str(locked / "p.db"), str(f)]):
            proc = _run(*args, preexec_fn=without_root_override)
            assert proc.returncode == 2
            assert "cannot open the database" in proc.stderr
            assert "permission denied" in proc.stderr.lower()
            assert "not a kerryview database" not in proc.stderr
            _no_traceback(proc)
    finally:
        locked.chmod(0o755)
