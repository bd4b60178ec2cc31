"""Two instances on one project, and imports that are killed (issue #11, item 2): no import
deletes another's articles, and an interrupted import is offered again."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kerryview import pipeline
from kerryview.bundled import bundled_corpus_paths
from kerryview.pipeline import Cancelled, build_corpus, import_into_store
from kerryview.store import Store

ARTICLES = bundled_corpus_paths()


def _extract(db: Path, *paths) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kerryview", "extract", "--db", str(db),
                             *map(str, paths)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def _labels(events):
    return sorted((e.id, e.label, e.start, e.end) for e in events)


def _assert_events_are_those_of_the_stored_documents(db: Path):
    stored = Store(db)
    docs = stored.documents()
    assert _labels(stored.events()) == _labels(build_corpus(docs))
    stored.close()


def test_two_processes_importing_at_once_keep_every_article(tmp_path):
    """"Open with" on two files starts two instances on one project: each import used to
    rewrite the whole corpus from what it read at its start, so the later one deleted the
    other's article."""
    a, b = ARTICLES[:2]
    for trial in range(3):
        db = tmp_path / f"p{trial}.db"
        Store(db).close()
        procs = [_extract(db, a), _extract(db, b)]
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        docs = Store(db).documents()
        assert sorted(d.path for d in docs) == sorted(str(Path(p).resolve()) for p in (a, b)), \
            f"trial {trial}"
        _assert_events_are_those_of_the_stored_documents(db)


def _interfering(db: Path, paths, *, when: str = "Merging events"):
    """A progress callback that imports `paths` (one per call) through a second connection to
    `db` whenever the import under test reports `when`: another instance, deterministically."""
    todo = list(paths)
    seen = []

    def progress(done, total, what):
        if what.startswith(when):
            seen.append(what)
            if todo:
                other = Store(db)
                other.db.execute("PRAGMA busy_timeout = 0")  # it must not wait for our lock
                try:
                    import_into_store(other, [todo[0]])
                    todo.pop(0)
                except sqlite3.OperationalError as e:
                    assert "locked" in str(e)
                finally:
                    other.close()
    return progress, todo, seen


def test_an_import_resolves_again_on_top_of_what_another_instance_stored(tmp_path):
    db = tmp_path / "p.db"
    store = Store(db)
    progress, todo, seen = _interfering(db, [ARTICLES[1]])
    result = import_into_store(store, [ARTICLES[0]], progress)
    assert todo == [] and len(seen) == 2  # resolved once more, with the other's article
    paths = sorted(d.path for d in Store(db).documents())
    assert paths == sorted(str(Path(p).resolve()) for p in ARTICLES[:2])
    assert sorted(d.path for d in result.documents) == paths
    _assert_events_are_those_of_the_stored_documents(db)


def test_resolving_again_ends_the_last_time_holding_the_write_lock(tmp_path):
    """Another instance that stores an article during every resolution cannot keep an import
    from ending: the last resolution runs inside the write transaction, where it must wait."""
    db = tmp_path / "p.db"
    store = Store(db)
    first, *others = _copies(tmp_path, pipeline.MAX_RESOLUTIONS + 3)
    progress, todo, seen = _interfering(db, others)
    import_into_store(store, [first], progress)
    # one resolution per attempt, and the last attempt resolves once more inside the lock,
    # where the other instance found the project locked
    assert len(seen) == pipeline.MAX_RESOLUTIONS + 1
    added = others[:pipeline.MAX_RESOLUTIONS]
    assert todo == others[pipeline.MAX_RESOLUTIONS:]
    assert sorted(d.path for d in Store(db).documents()) == sorted(str(f) for f in [first, *added])
    _assert_events_are_those_of_the_stored_documents(db)


def test_a_date_set_in_another_instance_meanwhile_is_kept(tmp_path):
    """The write re-reads the stored documents: a publication date the user set in another
    instance while this import resolved is not overwritten by the inferred one."""
    from datetime import date

    db = tmp_path / "p.db"
    store = Store(db)
    import_into_store(store, ARTICLES[:2])
    first = store.documents()[0].id

    def progress(done, total, what):
        if what.startswith("Merging events") and not calls:
            calls.append(what)
            other = Store(db)
            other.set_document_date(first, date(2020, 1, 2))
            other.close()
    calls: list[str] = []
    import_into_store(store, [ARTICLES[2]], progress)
    assert Store(db).document(first).dct == date(2020, 1, 2)
    _assert_events_are_those_of_the_stored_documents(db)


def _copies(tmp_path: Path, n: int) -> list[Path]:
    """n different articles (the bundled ones, each copy with a line of its own)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    out = []
    for i in range(n):
        src = Path(ARTICLES[i % len(ARTICLES)])
        f = folder / f"{i:03d}_{src.name}"
        f.write_text(src.read_text(encoding="utf-8") + f"\n(copy {i})\n", encoding="utf-8")
        out.append(f)
    return out


def _pending_rows(db: Path, table_only: bool = False) -> int:
    """Imports recorded as in progress (read directly, whatever process made them); with
    table_only, whether the project has a table for them at all."""
    conn = sqlite3.connect(db, timeout=0)
    try:
        rows = conn.execute("SELECT count(*) FROM pending_import").fetchone()[0]
        return 1 if table_only else rows
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_a_killed_import_keeps_the_project_and_is_offered_again(tmp_path):
    db = tmp_path / "p.db"
    import_into_store(Store(db), ARTICLES[:1])
    before = [d.id for d in Store(db).documents()]
    files = _copies(tmp_path, 40)
    for attempt in range(5):
        proc = _extract(db, *files)
        deadline = time.monotonic() + 60
        while _pending_rows(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        running = proc.poll() is None
        if running:
            assert Store(db).pending_import() == []  # running: not offered as interrupted
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        if running:
            break
    else:
        assert _pending_rows(db, table_only=True), "the imports were never recorded"
        pytest.skip("the import always finished before it could be killed")
    store = Store(db)
    assert [d.id for d in store.documents()] == before  # the earlier project, intact
    assert store.pending_import() == [str(f) for f in files]
    store.close()

    other = subprocess.run([sys.executable, "-m", "kerryview", "extract", "--db", str(db),
                            str(ARTICLES[1])], capture_output=True, text=True, timeout=120)
    assert other.returncode == 0
    assert f"an earlier import into {db} was interrupted before it finished" in other.stderr
    assert Store(db).pending_import() == [str(f) for f in files]  # nothing finished silently

    again = subprocess.run([sys.executable, "-m", "kerryview", "extract", "--db", str(db),
                            *map(str, files)], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "finishing an import" in again.stderr
    store = Store(db)
    assert store.pending_import() == [] and _pending_rows(db) == 0
    assert len(store.documents()) == len(before) + 1 + len(files)


def test_a_cancelled_or_failed_import_is_not_offered_again(tmp_path, monkeypatch):
    db = tmp_path / "p.db"
    store = Store(db)
    with pytest.raises(Cancelled):
        import_into_store(store, ARTICLES[:1], cancelled=lambda: True)

    def broken(*a, **k):
        raise RuntimeError("a bug")
    monkeypatch.setattr(pipeline, "build_corpus", broken)
    with pytest.raises(RuntimeError):
        import_into_store(store, ARTICLES[:1])
    assert _pending_rows(db) == 0 and store.pending_import() == []


def test_discarding_forgets_only_interrupted_imports(tmp_path):
    db = tmp_path / "p.db"
    store = Store(db)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    store.record_import([ARTICLES[0]])  # this process: running
    interrupted = store.record_import([ARTICLES[1], ARTICLES[2]])
    store.db.execute("UPDATE pending_import SET pid = ? WHERE id = ?", [dead.pid, interrupted])
    store.db.conn.commit()
    assert store.pending_import() == [os.path.abspath(p) for p in ARTICLES[1:3]]
    store.discard_pending_import()
    assert store.pending_import() == [] and _pending_rows(db) == 1
