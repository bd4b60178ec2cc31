"""The SQLite store: round trips, stable order, and all-or-nothing writes."""
import sys
from datetime import date

import pytest

from kerryview.model import DateSource, DateSourceKind, Document, Event, EventMention, Timex
from kerryview.store import Store


def _corpus():
    doc = Document(id="d1", path="/x/d1.txt", text="Kerry met Xie on Monday.", title=None,
                   sha256="ab", dct=date(2023, 7, 18),
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    t = Timex(16, 23, "Monday", "DATE", "2023-07-17", anchor="2023-07-18", anchor_kind="dct")
    m = EventMention("d1", 0, 24, doc.text, t, 6, 9, "happened", "Monday -> 2023-07-17",
                     "PT12H", "APPROX")
    ev = Event("e1", "Kerry met Xie", "2023-07-17", "2023-07-17", "2023-07-18", "day",
               duration="PT12H", mentions=[m], conflicts=["d2 dates it 2023-07-18"])
    return [doc], [ev]


def test_round_trip(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    again = Store(tmp_path / "c.db")
    assert again.documents() == docs
    assert again.events() == events
    assert again.hashes() == {"ab": "d1"}


def test_a_page_date_moved_to_its_wire_dateline_round_trips_with_its_kind(tmp_path):
    """The kind of a page's date taken back to its wire dateline's day (dating.inference.
    declared_dct) is stored and read back, with its sentence."""
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    docs[0].dct_source = DateSource(DateSourceKind.FILED_PER_DATELINE,
                                    "filed on 17 July (its dateline “BEIJING, July 17 (Reuters) -”)"
                                    "; the page is dated 18 July (stated in the page's metadata)")
    store.save_corpus(docs, events)
    assert Store(tmp_path / "c.db").documents() == docs


def test_failed_write_leaves_previous_corpus(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    broken = Event("e2", "x", "2023", "2023-01-01", "2024-01-01", "year",
                   mentions=[object()])  # not a mention: fails half-way through the write
    with pytest.raises(Exception):
        store.save_corpus(docs, events + [broken])
    assert Store(tmp_path / "c.db").events() == events


def test_events_come_back_in_time_order(tmp_path):
    store = Store()
    evs = [Event(f"e{i}", f"L{i}", v, v, v, "day") for i, v in
           enumerate(["2023-07-18", "2022-08-01", "2023-07-17"])]
    store.save_corpus([], evs)
    assert [e.start for e in store.events()] == ["2022-08-01", "2023-07-17", "2023-07-18"]


def test_older_schema_keeps_documents_and_rebuilds_events(tmp_path):
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import import_into_store

    db = tmp_path / "old.db"
    store = Store(db)
    import_into_store(store, bundled_corpus_paths()[:2])
    n_events = store.event_count()
    store.db["meta"].upsert({"key": "schema_version", "value": "1"}, pk="key")
    store.db["schema_version"].drop()  # files before schema 5 had no version table
    store.close()
    reopened = Store(db)
    assert reopened.needs_rebuild and reopened.event_count() == 0
    assert len(reopened.documents()) == 2
    import_into_store(reopened, [])
    assert Store(db).event_count() == n_events and not Store(db).needs_rebuild


def test_user_marks_on_events_survive_rewrites_and_reopening(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, events = _corpus()
    store.save_corpus(docs, events)
    store.set_event_mark("e1", reviewed=True)
    store.set_event_mark("e1", dismissed=True)
    store.save_corpus(*_corpus())  # a re-resolution rewrites every derived row
    [ev] = Store(tmp_path / "c.db").events()
    assert (ev.reviewed, ev.dismissed) == (True, True)
    fresh = _corpus()[1]
    store.apply_marks(fresh)  # what an import does with the events it just derived
    assert fresh[0].reviewed and fresh[0].dismissed
    store.set_event_mark("e1", reviewed=False, dismissed=False)
    assert store.marks() == {}
    [ev] = store.events()
    assert (ev.reviewed, ev.dismissed) == (False, False)


def _distinct(cls, seed: int, **given):
    """An instance of a model dataclass with a different value in every field (ints for int
    fields, strings naming the field otherwise), so a value read into the wrong field shows."""
    from dataclasses import fields

    values = {}
    for n, f in enumerate(fields(cls)):
        if f.name in given:
            continue
        kind = f.type.split("|")[0].strip()
        if kind == "int":
            values[f.name] = seed * 100 + n
        elif kind == "str":
            values[f.name] = f"{cls.__name__}.{f.name}.{seed}"
        elif kind == "bool":
            values[f.name] = False  # marks are the user's: stored apart, see event_marks
        elif kind.startswith("list"):
            values[f.name] = [f"{cls.__name__}.{f.name}.{seed}"]
        elif kind == "Granularity":
            from kerryview.model import Granularity
            values[f.name] = list(Granularity)[seed % len(Granularity)]
        else:
            raise AssertionError(f"no distinct test value for {cls.__name__}.{f.name}: {f.type}")
    return cls(**values, **given)


def test_every_model_field_round_trips_into_its_own_column(tmp_path):
    """Rows are read by column name: a field added to Timex, EventMention or Event gets its
    own column and cannot shift the others (every field here holds a different value)."""
    doc = Document(id="Event.document_id", path="p", text="t")
    mentions = [_distinct(EventMention, k, document_id=doc.id, timex=_distinct(Timex, k + 10))
                for k in (1, 2)]
    # the note is the user's (event_edits); the summary is what the passages say (step 10)
    event = _distinct(Event, 3, mentions=mentions, note="", stored_summary=None)
    store = Store(tmp_path / "c.db")
    store.save_corpus([doc], [event])
    [again] = Store(tmp_path / "c.db").events()
    assert again == event
    [light] = Store(tmp_path / "c.db").events(passages=False)
    assert light.summary == event.summary and light.summary.n_passages == 2
    for m, m2 in zip(again.mentions, mentions):
        assert m.timex == m2.timex


def test_set_document_date_stores_the_kind(tmp_path):
    store = Store(tmp_path / "c.db")
    docs, _ = _corpus()
    store.save_corpus(docs, [])
    store.set_document_date("d1", date(2023, 7, 26))
    assert Store(tmp_path / "c.db").document("d1").dct_source == DateSource.set_by_user()
    store.set_document_date("d1", None)
    again = Store(tmp_path / "c.db").document("d1")
    assert again.dct is None and again.dct_source == DateSource.unknown()


def test_a_schema_2_database_gets_the_kinds_of_its_date_sources(tmp_path):
    """Schema 2 kept only the sentence: the upgrade derives each kind from it, reads each
    document's date line again, keeps the user's marks and has the events rebuilt."""
    import sqlite3

    from kerryview.model import DateLine

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('schema_version', '2');
        CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT, title TEXT, text TEXT,
            encoding TEXT, sha256 TEXT, dct TEXT, dct_source TEXT, added INTEGER);
        CREATE TABLE events (id TEXT PRIMARY KEY, label TEXT, value TEXT, start TEXT, "end" TEXT,
            granularity TEXT, status TEXT, duration TEXT, mod TEXT, conflicts TEXT,
            n_sources INTEGER);
        CREATE TABLE mentions (id INTEGER PRIMARY KEY, event_id TEXT REFERENCES events(id),
            document_id TEXT REFERENCES documents(id), start INTEGER, "end" INTEGER, text TEXT,
            trigger_start INTEGER, trigger_end INTEGER, status TEXT, resolution TEXT,
            duration TEXT, duration_mod TEXT, timex_start INTEGER, timex_end INTEGER,
            timex_text TEXT, timex_type TEXT, timex_value TEXT, timex_mod TEXT, timex_freq TEXT,
            timex_quant TEXT, timex_anchor TEXT, timex_anchor_kind TEXT);
        CREATE TABLE event_marks (event_id TEXT PRIMARY KEY, reviewed INTEGER, dismissed INTEGER);
        INSERT INTO event_marks VALUES ('e1', 1, 0);
        INSERT INTO events VALUES ('e1', 'Kerry met Xie', '2023-07-17', '2023-07-17',
            '2023-07-18', 'day', 'happened', NULL, NULL, '[]', 1);
    """)
    rows = [
        ("stated", "date 2023-07-18 Kerry met Xie on July 17.", "2023-07-18",
         "stated in the article (“2023-07-18”)"),
        ("page", "Kerry met Xie on Monday.", "2023-07-18",
         "stated in the page's metadata (article:published_time 2023-07-18T09:30)"),
        ("user", "Kerry met Xie on Tuesday.", "2023-07-26", "set by the user"),
        ("inferred", "Kerry met Xie on Monday.", "2023-07-18",
         "inferred from the dates in the article: the latest day it reports"),
        ("unknown", "Kerry met Xie.", None, "unknown"),
    ]
    conn.executemany("INSERT INTO documents VALUES (?, ?, NULL, ?, 'utf-8', ?, ?, ?, ?)",
                     [(i, i, text, i, dct, source, n) for n, (i, text, dct, source) in enumerate(rows)])
    conn.commit()
    conn.close()

    store = Store(db)
    assert store.needs_rebuild and store.event_count() == 0
    docs = store.documents()
    assert [(d.id, d.dct_source.kind) for d in docs] == [
        ("stated", DateSourceKind.STATED_IN_TEXT), ("page", DateSourceKind.PAGE_METADATA),
        ("user", DateSourceKind.SET_BY_USER), ("inferred", DateSourceKind.INFERRED),
        ("unknown", DateSourceKind.UNKNOWN)]
    assert [str(d.dct_source) for d in docs] == [r[3] for r in rows]  # the sentences unchanged
    assert docs[0].dateline == DateLine(date(2023, 7, 18), 5, 15)
    assert all(d.dateline is None for d in docs[1:])
    assert store.marks() == {"e1": (True, False)}
    assert not Store(db).needs_rebuild  # upgraded once


def test_tables_made_before_a_model_field_was_added_are_rebuilt(tmp_path):
    """A mentions table without a column for one of the model's fields (as one made before the
    field was added) is derived again instead of being read into the wrong fields."""
    import sqlite3

    store = Store(tmp_path / "c.db")
    store.save_corpus(*_corpus())
    store.close()
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute("ALTER TABLE mentions DROP COLUMN timex_anchor_kind")
    conn.commit()
    conn.close()
    reopened = Store(tmp_path / "c.db")
    assert reopened.needs_rebuild and reopened.events() == []
    assert reopened.documents() == _corpus()[0]
    reopened.save_corpus(*_corpus())
    assert Store(tmp_path / "c.db").events() == _corpus()[1]


def _project(db):
    """A project as a user leaves it: two articles, a date the user set, a reviewed event."""
    from kerryview.bundled import bundled_corpus_paths
    from kerryview.pipeline import import_into_store

    store = Store(db)
    import_into_store(store, bundled_corpus_paths()[:2])
    doc_id = store.documents()[1].id
    store.set_document_date(doc_id, date(2023, 7, 20))
    import_into_store(store, [])
    store.set_event_mark(store.events()[0].id, reviewed=True)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return doc_id


def _as_schema_3(db):
    """Schema 3 was schema 4 without the pending_import table (and 4 was 5 without the
    analyses and schema_version tables)."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE pending_import")
    conn.execute("DROP TABLE analyses")
    conn.execute("DROP TABLE schema_version")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()


def test_a_schema_3_database_keeps_everything_and_gets_the_pending_import_table(tmp_path):
    from kerryview.store.store import SCHEMA_VERSION

    db = tmp_path / "p.db"
    doc_id = _project(db)
    before = Store(db)
    docs, events, marks = before.documents(), before.events(), before.marks()
    before.close()
    _as_schema_3(db)

    store = Store(db)
    assert not store.needs_rebuild  # schema 4 added a table only: the events stay as they are
    assert store.documents() == docs and store.events() == events and store.marks() == marks
    assert store.document(doc_id).dct == date(2023, 7, 20)
    assert store.document(doc_id).dct_source == DateSource.set_by_user()
    assert "pending_import" in store.db.table_names() and store.pending_import() == []
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() \
        == (str(SCHEMA_VERSION),)


def test_opening_read_only_writes_nothing(tmp_path):
    """Read-only, a schema 3 file is read as it is (no table added, not a byte changed); an
    older one says it must be opened in the app once, and `export` says so too."""
    from kerryview import cli

    db = tmp_path / "p.db"
    _project(db)
    _as_schema_3(db)
    content = db.read_bytes()
    store = Store(db, read_only=True)
    assert not store.needs_rebuild and len(store.documents()) == 2 and store.events()
    assert store.pending_import() == []
    store.close()
    assert db.read_bytes() == content
    # SQLite may leave its WAL index beside a WAL file it read, but no log of any write
    assert all(f == db or f.name == "p.db-shm" or f.stat().st_size == 0 for f in tmp_path.iterdir())

    import sqlite3
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    content = db.read_bytes()
    store = Store(db, read_only=True)
    assert store.needs_rebuild
    store.close()
    assert cli.main(["export", "--db", str(db)]) == 2
    assert db.read_bytes() == content


def _random_bytes_over(db, start: int, length: int, seed: int) -> None:
    import random

    data = bytearray(db.read_bytes())
    data[start:start + length] = random.Random(seed).randbytes(length)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["header", "middle", "tail"])
def test_a_corrupted_project_is_reported_when_opened(tmp_path, where):
    """Random bytes over a copy of a good project: `export` and `extract --db` say in one line
    that it is not a kerryview database (exit 2), never a traceback part-way through."""
    import subprocess
    import sys

    from kerryview.bundled import bundled_corpus_paths

    db = tmp_path / "p.db"
    _project(db)
    size = db.stat().st_size
    start = {"header": 0, "middle": size // 3, "tail": size - 8192}[where]
    _random_bytes_over(db, start, min(8192, size - start), seed=len(where))
    for args in (["export", "--db", str(db)],
                 ["extract", "--db", str(db), str(bundled_corpus_paths()[2])]):
        proc = subprocess.run([sys.executable, "-m", "kerryview", *args], capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.startswith(f"kerryview: {db} is not a kerryview database ("), \
            proc.stderr
        assert len(proc.stderr.splitlines()) == 1 and proc.stdout == ""


NOBODY = 65534


def _nobody_python(env) -> str | None:
    """An interpreter user 65534 can run kerryview with (the venv's may live under /root)."""
    import shutil
    import subprocess
    import sys

    candidates = [sys.executable, f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}",
                  shutil.which(f"python{sys.version_info[0]}.{sys.version_info[1]}")]
    for python in filter(None, candidates):
        try:
            ok = subprocess.run([python, "-c", "import kerryview.cli, kerryview.export"],
                                env=env, preexec_fn=_drop_privileges, capture_output=True,
                                timeout=60).returncode == 0
        except OSError:
            ok = False
        if ok:
            return python
    return None


def _drop_privileges():
    import os

    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


@pytest.fixture
def nobody_dir():
    """A fresh folder under /tmp that user 65534 can reach, and how to run kerryview as that
    user (as root) or as oneself (otherwise); removed afterwards."""
    import os
    import shutil
    import site
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    import kerryview

    folder = Path(tempfile.mkdtemp(prefix="kerryview-ro-", dir="/tmp"))
    folder.chmod(0o755)
    as_root = os.geteuid() == 0
    env = {**os.environ, "HOME": str(folder)}
    python = sys.executable
    if as_root:
        roots = [str(Path(kerryview.__file__).parent.parent), *site.getsitepackages()]
        env["PYTHONPATH"] = os.pathsep.join(roots)
        python = _nobody_python(env)
        if python is None:
            shutil.rmtree(folder)
            pytest.skip("running as root, and no Python interpreter that user 65534 can run "
                        "kerryview with (the venv's lives in a folder only root can read)")

    def run(*args):
        return subprocess.run([python, "-m", "kerryview", *args], env=env, capture_output=True,
                              text=True, timeout=120,
                              preexec_fn=_drop_privileges if as_root else None)
    yield folder, run, as_root
    for p in [folder, *folder.rglob("*")]:
        p.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("read_only", ["folder", "file"])
def test_export_of_a_read_only_project(nobody_dir, read_only):
    """`export` only reads: a project in a read-only folder, or a read-only database file,
    exports as any other (it used to try to set up the schema and failed)."""
    import os
    import shutil
    import subprocess
    import sys

    folder, run_as_nobody, as_root = nobody_dir
    project = folder / "project"
    project.mkdir()
    db = project / "p.db"
    _project(db)
    copy = folder / "copy.db"
    shutil.copy(db, copy)
    expected = subprocess.run([sys.executable, "-m", "kerryview", "export", "--db", str(copy)],
                              capture_output=True, text=True, timeout=120)
    assert expected.returncode == 0 and expected.stdout.startswith("{")
    content = db.read_bytes()
    db.chmod(0o444)
    if read_only == "folder":
        project.chmod(0o555)  # and, as root, owned by root: not writable by 65534
    elif as_root:
        os.chown(project, NOBODY, NOBODY)  # a folder 65534 may write, a file it may not
    proc = run_as_nobody("export", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected.stdout
    assert db.read_bytes() == content
    if read_only == "folder":
        assert sorted(p.name for p in project.iterdir()) == ["p.db"]

    proc = run_as_nobody("extract", "--db", str(db), str(folder / "missing.txt"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"kerryview: {db} cannot be written (it or its folder is read-only)" in proc.stderr
    assert db.read_bytes() == content


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_an_import_says_so_and_keeps_the_project(tmp_path):
    """The import's write fails for want of room (files of the process may not grow past the
    project's size): one line saying so, exit 2, and the project as it was."""
    import resource
    import signal
    import subprocess

    from kerryview.bundled import bundled_corpus_paths

    db = tmp_path / "p.db"
    _project(db)
    before = Store(db).documents()
    limit = db.stat().st_size

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    proc = subprocess.run([sys.executable, "-m", "kerryview", "extract", "--db", str(db),
                           *map(str, bundled_corpus_paths()[2:])], capture_output=True,
                          text=True, timeout=120, preexec_fn=small_disk)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (f"kerryview: cannot write {db}: the disk is full or failing (disk I/O "
                           "error); the project is as it was before this import\n")
    assert Store(db).documents() == before


def test_a_resolution_is_recorded_while_it_runs_and_a_killed_one_is_pending(tmp_path, monkeypatch):
    """import_into_store with no paths (the corpus resolved again after a date was set) is
    recorded like an import: if the process dies meanwhile, the next start can finish it."""
    import os
    import subprocess

    import kerryview.pipeline as pipeline
    from kerryview.pipeline import import_into_store

    store = Store(tmp_path / "p.db")
    (tmp_path / "a.txt").write_text("date 2023-07-18\nKerry met Xie Zhenhua on Monday.\n")
    import_into_store(store, [tmp_path / "a.txt"])
    seen = []

    def build_corpus(*args, **kwargs):  # look at the record while the resolution runs
        seen.append(store.db.execute("SELECT paths, pid FROM pending_import").fetchall())
        raise KeyboardInterrupt  # the process goes down here (its record is not cleared below)

    monkeypatch.setattr(pipeline, "build_corpus", build_corpus)
    monkeypatch.setattr(store, "forget_imports", lambda ids: None)  # as if killed: no cleanup
    try:
        import_into_store(store, [])
    except KeyboardInterrupt:
        pass
    assert seen == [[("[]", os.getpid())]]
    assert not store.resolution_interrupted()  # this process is alive: not interrupted
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with store.writing():  # now its process is gone
        store.db.execute("UPDATE pending_import SET pid = ?", [dead.pid])
    assert store.resolution_interrupted() and store.pending_import() == []
    monkeypatch.undo()
    import_into_store(store, [])  # resolving again finishes it
    assert not store.resolution_interrupted()
