"""The schema's migration steps: each one tested from a database made by the version before it
(built by running the steps up to that version), and a new step is one small function."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
import sqlite_utils

from kerryview.bundled import bundled_corpus_paths
from kerryview.model import DateSource
from kerryview.pipeline import import_into_store
from kerryview.store import Store
from kerryview.store import migrations
from kerryview.store.migrations import MIGRATIONS, latest_version, migration, stored_version
from kerryview.store.store import SCHEMA_VERSION


def _made_by(path, version: int) -> None:
    """A database as kerryview of schema `version` left it: its steps applied, and a corpus
    with a user date and a mark written through the tables that version had."""
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS:
        if step.version <= version:
            step.apply(db)
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
    if version >= 5:  # the version table came with schema 5
        db["schema_version"].create({"version": int, "description": str, "applied": float},
                                    pk="version", if_not_exists=True)
        for step in MIGRATIONS:
            if step.version <= version:
                db["schema_version"].insert({"version": step.version, "description": "",
                                             "applied": 0.0}, pk="version", replace=True)
    db.conn.commit()  # a step's own UPDATE (step 10) left a transaction open: kept, as the
    db.close()  # store's write transaction keeps it


def _fill(path) -> tuple:
    """Import two articles into a current database, set a date, mark an event; return what a
    migration must keep: documents, events, marks."""
    store = Store(path)
    import_into_store(store, bundled_corpus_paths()[:2])
    doc = store.documents()[1]
    store.set_document_date(doc.id, date(2023, 7, 20))
    import_into_store(store, [])
    store.set_event_mark(store.events()[0].id, reviewed=True)
    kept = (store.documents(), store.events(), store.marks())
    store.close()
    return kept


def _copy_rows(source, target, tables) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    for table in tables:
        cols = [r[1] for r in dst.execute(f"PRAGMA table_info({table})")]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
        dst.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                        f"({', '.join('?' * len(cols))})", rows)
    dst.commit()
    src.close()
    dst.close()


@pytest.mark.parametrize("previous", [s.version - 1 for s in MIGRATIONS if s.version > 3])
def test_each_step_from_the_version_before_keeps_the_project(tmp_path, previous):
    kept = _fill(tmp_path / "now.db")
    old = tmp_path / "old.db"
    _made_by(old, previous)
    _copy_rows(tmp_path / "now.db", old, ["documents", "events", "mentions", "event_marks"])
    assert stored_version(sqlite_utils.Database(old)) == previous

    # what the old file could hold: a document field it had no column for is empty after
    # the upgrade (outlets came with schema 6)
    old_columns = {r[1] for r in sqlite3.connect(old).execute("PRAGMA table_info(documents)")}
    kept = ([d if "outlet" in old_columns else replace(d, outlet=None) for d in kept[0]],
            *kept[1:])
    store = Store(old)
    assert stored_version(store.db) == SCHEMA_VERSION == latest_version()
    assert not store.needs_rebuild  # these steps add tables: the events stay
    assert (store.documents(), store.events(), store.marks()) == kept
    assert store.document(kept[0][1].id).dct_source == DateSource.set_by_user()
    applied = [r[0] for r in store.db.execute("SELECT version FROM schema_version ORDER BY 1")]
    assert applied[-(SCHEMA_VERSION - previous):] == list(range(previous + 1, SCHEMA_VERSION + 1))
    import_into_store(store, [])  # and the project works: it resolves again, to the same
    # events (their explanations may name sources otherwise when the old file had no outlets)
    assert [(e.id, e.value, e.label, e.status) for e in store.events()] == \
        [(e.id, e.value, e.label, e.status) for e in kept[1]]


def test_an_empty_file_gets_every_step_once(tmp_path):
    store = Store(tmp_path / "new.db")
    rows = store.db.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == [s.version for s in MIGRATIONS]
    store.close()
    assert not Store(tmp_path / "new.db").needs_rebuild


def test_a_file_from_a_newer_kerryview_is_refused_not_damaged(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', 0)",
                 [latest_version() + 1])
    conn.commit()
    conn.close()
    content = path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="newer kerryview"):
        Store(path)
    assert path.read_bytes() == content


def test_adding_a_table_and_a_column_is_one_small_step(tmp_path, monkeypatch):
    """What the next schema change looks like: one registered function; a project of the
    version before gets it on opening, and keeps everything else."""
    kept = _fill(tmp_path / "p.db")
    monkeypatch.setattr(migrations, "MIGRATIONS", list(MIGRATIONS))

    @migration(latest_version() + 1, "a table and a column")
    def _next(db):
        db["bookmarks"].create({"id": int, "what": str}, pk="id")
        db["documents"].add_column("language", str)
        return False

    store = Store(tmp_path / "p.db")
    assert stored_version(store.db) == latest_version()
    assert "bookmarks" in store.db.table_names() and \
        "language" in store.db["documents"].columns_dict
    assert (store.documents(), store.events(), store.marks()) == kept
    with pytest.raises(ValueError, match="expected"):
        migration(latest_version() + 5, "a gap")(_next)


# the publication-date kinds kerryview stored up to schema 11
_KINDS_OF_SCHEMA_11 = {"stated_in_text", "page_metadata", "set_by_user", "inferred", "unknown"}


def test_a_date_kind_added_since_is_named_by_a_step_so_older_kerryview_refuses_the_file():
    # an older kerryview reading a kind it does not know could only fail; a schema step makes
    # it refuse the project as "written by a newer kerryview" instead
    from kerryview.model import DateSourceKind
    steps = " ".join(s.description for s in MIGRATIONS if s.version > 11)
    added = {k.value for k in DateSourceKind} - _KINDS_OF_SCHEMA_11
    assert added  # filed_per_dateline came after schema 11
    assert all(kind in steps for kind in added), added


def test_a_date_kind_this_kerryview_does_not_know_reads_as_unknown(tmp_path):
    from kerryview.model import DateSourceKind
    path = tmp_path / "p.db"
    store = Store(path)
    import_into_store(store, bundled_corpus_paths()[:1])
    doc = store.documents()[0]
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE documents SET dct_source_kind = 'from_the_future' WHERE id = ?",
                 [doc.id])
    conn.commit()
    conn.close()
    store = Store(path)
    got = store.document(doc.id)
    assert got.dct_source.kind is DateSourceKind.UNKNOWN
    assert got.dct == doc.dct
    assert [d.id for d in store.documents()] == [doc.id]
    store.close()


def test_a_project_before_page_dates_keeps_its_pages_dates_to_infer_again(tmp_path):
    """Schema 13 keeps the date a page's metadata declares apart from the article's date: a
    project made before it takes it from its articles dated by their page (the page's
    sentence, also at the end of a date taken back to its wire dateline's day)."""
    from kerryview.model import DateSourceKind, PageDate
    old = tmp_path / "old.db"
    _made_by(old, 12)
    db = sqlite_utils.Database(old)
    page = "stated in the page's metadata (article:published_time 2013-03-14T08:00:00Z)"
    rows = [("page", "2013-03-14", page, "page_metadata"),
            ("wire", "2013-03-12", "filed on 12 March (its dateline “WASHINGTON, March 12 "
             f"(Xinhua) --”); the page is dated 14 March ({page})", "filed_per_dateline"),
            ("user", "2013-03-25", "set by the user", "set_by_user")]
    for k, (doc_id, dct, sentence, kind) in enumerate(rows):
        db["documents"].insert({"id": doc_id, "path": doc_id, "title": None, "text": "Talks.",
                                "encoding": "utf-8", "sha256": doc_id, "dct": dct,
                                "dct_source": sentence, "dct_source_kind": kind, "added": k})
    db.conn.commit()
    db.close()
    store = Store(old)
    docs = {d.id: d for d in store.documents()}
    assert docs["page"].page_date == docs["wire"].page_date == PageDate(date(2013, 3, 14), page)
    assert docs["wire"].dct == date(2013, 3, 12)
    assert docs["wire"].dct_source.kind is DateSourceKind.FILED_PER_DATELINE
    assert docs["user"].page_date is None
