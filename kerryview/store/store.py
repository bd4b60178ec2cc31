"""The corpus database: one SQLite file that opens again instantly.

Every write that changes the corpus happens in one transaction, so a crash or an error part-way
through leaves the previous, consistent corpus in place. Writes take SQLite's write lock first
(BEGIN IMMEDIATE) and wait up to BUSY_TIMEOUT_S for another instance's write to end, so two
instances on one project take turns instead of failing. Documents are only ever added or
updated, never deleted by a write, except those the user removes (save_corpus(removed=...)). Domain values go in and come out as the dataclasses of
kerryview.model; nothing outside this module sees SQL.
"""
from __future__ import annotations

import json
import socket
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from operator import itemgetter
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from kerryview.analysis import Analysis, from_json as analysis_from_json, to_json as analysis_json
from kerryview.edits import Edit, apply_edits, edit_from_json, edit_to_json, edited_refs
from kerryview.gcpause import gc_paused
from kerryview.model import (DateLine, DateSource, DateSourceKind, Document, Event, EventMention,
                             PageDate, Timex)
from kerryview.store.merge_rows import MergeRows
from kerryview.store.migrations import latest_version, migrate, stored_version
from kerryview.store.schema import (EVENT_FIELDS, MENTION_FIELDS, SUMMARY_COLUMNS, TIMEX_FIELDS,
                                    StoredSummary, SummaryBatch, create_derived, derived_stale,
                                    article_text, fill_search_texts, summary_row)
from kerryview.store.sql import select_in

# The schema is kerryview.store.schema's migration steps; SCHEMA_VERSION is the latest.
SCHEMA_VERSION = latest_version()
# Store.mentions_of reads the whole mentions table for more events than this (1.2 s -> 0.5 s
# CPU for every passage of 10,000 articles), else looks them up by event.
SCAN_ALL_ABOVE = 2000
# How long a write waits for another instance's write to end before giving up ("database is
# locked"): an import's write of a large corpus takes a few seconds.
BUSY_TIMEOUT_S = 15.0
_CHECKED_FILES: set[tuple[str, str]] = set()  # (file, scope) found undamaged (_check_integrity)
# Tables only an import reads (per-article analyses, the last merge): checked when it starts.
CACHE_TABLES = frozenset({"analyses", "merge_items", "merge_words"})
# What only a search reads (kerryview.searchtext): checked at the first search.
SEARCH_TABLES = frozenset({"event_search"})
# A stored document's columns as Store._doc reads them, in this order.
_DOC_COLUMNS = ("id", "path", "text", "title", "outlet", "encoding", "sha256", "dct",
                "dct_source", "dct_source_kind", "dateline", "dateline_start", "dateline_end",
                "page_dct", "page_dct_source")
_SOURCE_KINDS = {k.value: k for k in DateSourceKind}  # (a dict, not 10,000 Enum calls)
# The columns of a stored document that a later save updates (id and order of addition stay).
_UPDATED_COLUMNS = ("path", "title", "outlet", "text", "encoding", "sha256", "dct", "dct_source",
                    "dct_source_kind", "dateline", "dateline_start", "dateline_end",
                    "page_dct", "page_dct_source")


@cache
def _row_reader(cls: type, names: tuple[str, ...], first: int = 0,
                **nested: Callable[[tuple], object]) -> Callable[[tuple], object]:
    """A function row -> cls(...) for the columns `names`, selected in that order from
    row[first:]; each `nested` field is built from the row by its own reader (a mention's
    timex). Written out once from the field names, so a field added to the model can never be
    read from another field's column; arguments go by position in the dataclass's own field
    order (by keyword after the first field left to its default), which keeps opening 100,000
    events as fast as hand-written positional reads."""
    expr = {n: f"r[{first + i}]" for i, n in enumerate(names)}
    expr.update({n: f"_read_{n}(r)" for n in nested})
    unknown = set(expr) - {f.name for f in fields(cls)}
    if unknown:
        raise ValueError(f"{cls.__name__} has no fields {sorted(unknown)}")
    args, by_keyword = [], False
    for f in fields(cls):
        if f.name not in expr:
            by_keyword = True
            continue
        args.append(f"{f.name}={expr[f.name]}" if by_keyword else expr[f.name])
    namespace = {"cls": cls, **{f"_read_{n}": fn for n, fn in nested.items()}}
    exec(f"def read(r):\n    return cls({', '.join(args)})", namespace)  # noqa: S102 - field names only
    return namespace["read"]


@cache
def _mention_reader() -> tuple[str, Callable[[tuple], EventMention]]:
    """The columns of a mentions row (its event id first) and the function that reads such a
    row into an EventMention with its Timex (every reader of passages uses these)."""
    cols = ", ".join(f'"{c}"' for c in ("event_id", *MENTION_FIELDS,
                                         *(f"timex_{f}" for f in TIMEX_FIELDS)))
    read_timex = _row_reader(Timex, TIMEX_FIELDS, first=len(MENTION_FIELDS) + 1)
    return cols, _row_reader(EventMention, MENTION_FIELDS, first=1, timex=read_timex)


def _plain(value: object) -> object:
    """A value as SQLite gives it back (a Granularity is its word, a bool an int)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def default_db_path() -> Path:
    """The platform's per-user data location, without importing Qt (the CLI uses it too)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kerryview" / "corpus.db"


def _process_alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (an import recorded by it is still going)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl+C there
        import ctypes
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and \
                code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return False
    return True


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection that waits BUSY_TIMEOUT_S for another instance's write lock. Read-only, the
    file is opened with mode=ro, so nothing (not even the WAL index) is created beside it; a WAL
    database in a folder the user cannot write has no index to share, and is then read as
    immutable (no other process can be writing it there)."""
    if not read_only:
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        conn.close()
        if "readonly" not in str(e) and "unable to open" not in str(e):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


class Store(MergeRows):
    """A corpus kept in SQLite. `path=None` keeps it in memory (tests, one-shot CLI runs).

    `read_only=True` opens an existing file without writing anything, not even a schema
    upgrade (`kerryview export`, a project in a read-only folder): a file of an older schema
    then says so through `needs_rebuild` and must be opened in the app once. Opening checks the
    file (PRAGMA quick_check), so a damaged or foreign file raises sqlite3.DatabaseError here
    rather than part-way through a later read. `defer_cache_check` (the app, which must show a
    project fast) leaves the import caches to check_caches(), which every import calls."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 defer_cache_check: bool = False) -> None:
        if path is None:
            if read_only:
                raise ValueError("an in-memory store cannot be opened read-only")
            self.conn = sqlite3.connect(":memory:")
        else:
            path = Path(path)
            if read_only and not path.is_file():
                raise sqlite3.OperationalError(f"unable to open database file {path}")
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = _connect(path, read_only)
        self._db = None
        self.path = path
        self.read_only = read_only
        try:
            if path is not None:
                self._check_integrity("shown" if defer_cache_check else "all")
                if not read_only:
                    self.conn.execute("PRAGMA journal_mode=WAL")
            self._open_schema()
            if not read_only and not self.needs_rebuild:
                self.rescore_if_stale()
                self.refresh_search_texts_if_stale()
        except BaseException:
            self.conn.close()
            raise

    @property
    def db(self):
        """The connection as a sqlite_utils.Database, for writes that create tables and insert
        rows. Made when first needed: opening a project and reading it use `conn` alone, so the
        app shows a project without importing sqlite_utils (and click, pluggy, dateutil with it,
        a quarter of the start-up). Its plugins are not run on kerryview's connection."""
        if self._db is None:
            import sqlite_utils
            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    def _table_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}

    def _check_integrity(self, scope: str = "all") -> None:
        """Raise sqlite3.DatabaseError for a file that is not SQLite or whose pages are damaged.
        quick_check reads every page it checks once, without the index cross-checks of
        integrity_check; once per file, scope and process, as the GUI opens a connection for
        every job. `scope`: "all" (the whole file, as before), "shown" (each table but the
        import caches and the search texts: what a project is shown from), "caches"
        (CACHE_TABLES alone: three quarters of a 10,000-article file, 0.25 s of the whole
        check) or "search" (SEARCH_TABLES, at the first search)."""
        path = os.path.abspath(self.path)
        if (path, scope) in _CHECKED_FILES or (path, "all") in _CHECKED_FILES:
            return
        if scope == "all":
            statements = ["PRAGMA quick_check(3)"]
        else:
            names = sorted(self._table_names())  # a file that is not SQLite fails here
            later = {"caches": CACHE_TABLES, "search": SEARCH_TABLES}
            wanted = later.get(scope)
            statements = ['PRAGMA quick_check("{}")'.format(n.replace('"', '""'))
                          for n in names if (n in wanted if wanted is not None else
                                             not any(n in t for t in later.values()))]
        rows = [r[0] for sql in statements for r in self.conn.execute(sql).fetchall()
                if r[0] != "ok"]
        if rows:
            problems = [line for row in rows for line in row.splitlines()
                        if line.strip() and not line.startswith("***")]  # "*** in database main"
            raise sqlite3.DatabaseError("damaged: " + "; ".join(problems[:3]))
        _CHECKED_FILES.add((path, scope))

    def check_caches(self) -> None:
        """Raise sqlite3.DatabaseError if the import caches (CACHE_TABLES) are damaged: an
        import calls it before it reads them (the app's open leaves them out)."""
        if self.path is not None:
            self._check_integrity("caches")

    # -- schema ---------------------------------------------------------------------------
    def _schema_current(self) -> bool:
        """The version table says every step is applied (a new step needs nothing else here)
        and the derived tables match the model; read with sqlite3 alone (no sqlite_utils)."""
        return "schema_version" in self._table_names() and \
            stored_version(self.conn) == latest_version() and not derived_stale(self.conn)

    def _open_schema(self) -> None:
        """Nothing is written when the schema is current (two instances open a project at
        once); otherwise the missing migration steps run under the write lock, checked again
        inside it. `needs_rebuild` says the events must be derived again (an import does)."""
        self.needs_rebuild = False
        if self._schema_current():
            return
        if self.read_only:
            self._check_readable()
            return
        with self.writing():
            if not self._schema_current():
                try:
                    stale = migrate(self.db)
                except ValueError as e:
                    raise sqlite3.DatabaseError(str(e)) from None
                if stale or derived_stale(self.db):
                    create_derived(self.db, drop=True)
                    self.needs_rebuild = True

    def _check_readable(self) -> None:
        """Read-only, an older file cannot be upgraded: raise if it is not a kerryview project,
        and set needs_rebuild if its documents or events must first be brought up to date."""
        tables = self._table_names()
        if not {"meta", "documents", "events", "mentions"} <= tables:
            raise sqlite3.DatabaseError("it has no kerryview tables")
        self.needs_rebuild = stored_version(self.conn) < 3 or derived_stale(self.conn) or \
            "event_marks" not in tables or "dct_source_kind" not in self._columns("documents")

    # -- writing --------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Store]:
        """One write transaction that holds SQLite's write lock from its first statement
        (BEGIN IMMEDIATE), so what is read inside it is what the write builds on; another
        instance's write waits for it (up to BUSY_TIMEOUT_S). Commits on success, rolls back on
        any exception. Nested uses join the outer transaction."""
        conn = self.conn
        if conn.in_transaction:
            yield self
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            conn.commit()
        except BaseException:  # including a COMMIT that failed (a full disk)
            conn.rollback()
            raise

    def save_corpus(self, documents: Iterable[Document], events: Iterable[Event], *,
                    finished_imports: Sequence[str] = (), analyses: Iterable[Analysis] = (),
                    removed: Iterable[str] = ()) -> None:
        """Store a resolved corpus in one transaction: documents not yet stored are inserted
        (after the others), stored ones are updated in place (their resolved publication
        dates), and the derived events and mentions are replaced. No document is deleted but
        those in `removed` (ids the user chose to remove, with their analyses): one missing
        from `documents` (another instance stored it meanwhile) stays. `analyses` made or
        redone by this resolution are stored, and `finished_imports` (ids from record_import)
        cleared, in the same transaction."""
        docs = list(documents)
        evs = list(events)
        gone = list(removed)
        db = self.db
        with self.writing():  # commits on success, rolls back on any exception
            if gone:
                self._delete_documents(gone)
            # Only what changed is written: an import that adds ten articles to ten thousand
            # rewrites neither their texts nor the events it did not change.
            compared = [c for c in _UPDATED_COLUMNS if c != "text"]  # a text has its sha256
            stored = {r[0]: r[1:] for r in db.conn.execute(
                f"SELECT id, {', '.join(compared)} FROM documents")}
            order = db.execute("SELECT coalesce(max(added) + 1, 0) FROM documents").fetchone()[0]
            new = [d for d in docs if d.id not in stored]
            db["documents"].insert_all(
                (self._doc_row(d, order + i) for i, d in enumerate(new)), pk="id")
            changed = [row for row in (self._doc_row(d, 0) for d in docs if d.id in stored)
                       if tuple(row[c] for c in compared) != stored[row["id"]]]
            db.conn.executemany(
                "UPDATE documents SET " + ", ".join(f"{c} = ?" for c in _UPDATED_COLUMNS)
                + " WHERE id = ?",
                ([*(row[c] for c in _UPDATED_COLUMNS), row["id"]] for row in changed))
            self._replace_events(evs)
            self.save_analyses(analyses)
            self.forget_imports(finished_imports)

    def _replace_events(self, events: list[Event]) -> None:
        """Make the derived tables hold exactly `events` (inside the caller's transaction),
        deleting and inserting only the events whose row or mentions differ from the stored."""
        conn = self.db.conn
        event_cols = list(self._derived_event_columns())
        mention_cols = [c for c in self.db["mentions"].columns_dict if c != "id"]
        quoted = ", ".join(f'"{c}"' for c in event_cols)
        stored_events = {r[0]: r for r in conn.execute(f"SELECT {quoted} FROM events")}
        stored_mentions: dict[str, list[tuple]] = {}
        quoted = ", ".join(f'"{c}"' for c in mention_cols)
        for r in conn.execute(f"SELECT {quoted} FROM mentions ORDER BY id"):
            stored_mentions.setdefault(r[0], []).append(r)
        fresh: list[tuple[Event, dict]] = []  # with the row compared, then inserted
        for e in events:
            if not e.passages_read:  # its passages would be deleted
                raise ValueError(f"event {e.id} was read without its passages")
            row = self._event_row(e)  # its summary worked out once, here
            mentions = [tuple(_plain(m[c]) for c in mention_cols)
                        for m in (self._mention_row(e.id, m) for m in e.mentions)]
            if stored_events.pop(e.id, None) == tuple(_plain(row[c]) for c in event_cols) and \
                    stored_mentions.pop(e.id, []) == mentions:
                continue
            stored_mentions.pop(e.id, None)
            fresh.append((e, row))
        gone = [[i] for i in stored_events] + [[e.id] for e, _ in fresh]
        conn.executemany("DELETE FROM mentions WHERE event_id = ?", gone)
        conn.executemany("DELETE FROM events WHERE id = ?", gone)
        conn.executemany("DELETE FROM mentions WHERE event_id = ?", [[i] for i in stored_mentions])
        self.db["events"].insert_all((row for _, row in fresh), pk="id")
        self.db["mentions"].insert_all(
            (self._mention_row(e.id, m) for e, _ in fresh for m in e.mentions))
        self._save_search_texts([i for i, in gone], [e for e, _ in fresh])

    def _derived_event_columns(self) -> list[str]:
        cols = list(self.db["events"].columns_dict)
        cols.remove("id")
        return ["id", *cols]

    def _delete_documents(self, doc_ids: Sequence[str]) -> None:
        """Documents the user removed, their mentions and their per-article analyses (inside
        the caller's transaction)."""
        conn = self.db.conn
        ids = [[i] for i in doc_ids]
        conn.executemany("DELETE FROM analyses WHERE sha256 IN "
                         "(SELECT sha256 FROM documents WHERE id = ?)", ids)
        conn.executemany("DELETE FROM mentions WHERE document_id = ?", ids)
        if "story_documents" in self._table_names():
            conn.executemany("DELETE FROM story_documents WHERE document_id = ?", ids)
        conn.executemany("DELETE FROM documents WHERE id = ?", ids)

    # -- per-article analyses -------------------------------------------------------------
    def save_analyses(self, analyses: Iterable[Analysis]) -> None:
        """Store per-article results (one transaction of their own, or the caller's): an
        import stores them in batches as the articles are tagged, so a killed import keeps
        the work done and the next import does not tag those articles again."""
        rows = [analysis_json(a) for a in analyses]
        if rows:
            with self.writing():
                self.db.conn.executemany(
                    "INSERT OR REPLACE INTO analyses (sha256, version, pending, dct, resolved) "
                    "VALUES (:sha256, :version, :pending, :dct, :resolved)", rows)

    def analyses(self, version: str, only: Iterable[str] | None = None) -> dict[str, Analysis]:
        """sha256 -> the stored Analysis made by the per-article stages of `version` (others
        are stale: a new tagger tags again), for the hashes in `only` if given."""
        if "analyses" not in self.db.table_names():
            return {}
        sql = "SELECT sha256, version, pending, dct, resolved FROM analyses WHERE version = ?"
        conn = self.db.conn
        if only is None:
            rows = conn.execute(sql, [version]).fetchall()
        else:
            rows = [r for sha in set(only)
                    for r in conn.execute(sql + " AND sha256 = ?", [version, sha]).fetchall()]
        return {r[0]: analysis_from_json(*r) for r in rows}

    def analysed(self, version: str) -> set[str]:
        """The hashes whose analysis by `version` is stored (without reading them)."""
        if "analyses" not in self.db.table_names():
            return set()
        return {r[0] for r in self.db.conn.execute(
            "SELECT sha256 FROM analyses WHERE version = ?", [version])}

    # -- imports in progress --------------------------------------------------------------
    def record_import(self, paths: Sequence[str | Path]) -> str:
        """Note an import of `paths` before its long work starts (its own short transaction),
        so that if the process is killed the next start can offer to finish it. Returns the
        id to pass to save_corpus(finished_imports=...) or forget_imports."""
        import uuid  # only here: opening a project need not load it

        import_id = uuid.uuid4().hex
        with self.writing():
            self.db["pending_import"].insert(
                {"id": import_id, "paths": json.dumps([os.path.abspath(p) for p in paths]),
                 "pid": os.getpid(), "host": socket.gethostname(), "started": time.time()},
                pk="id")
        return import_id

    def forget_imports(self, import_ids: Sequence[str]) -> None:
        """These imports ended (saved nothing new, were cancelled or failed): not to be offered
        again."""
        if import_ids:
            with self.writing():
                self.conn.executemany("DELETE FROM pending_import WHERE id = ?",
                                         [[i] for i in import_ids])

    def _interrupted(self) -> list[tuple[str, list[str]]]:
        """(id, paths) of recorded imports whose process is gone, oldest first. An import
        recorded on another machine (a project on a shared drive) counts as interrupted: it
        cannot be checked, and finishing it again only skips the files already in."""
        if "pending_import" not in self._table_names():
            return []
        here = socket.gethostname()
        rows = self.conn.execute(
            "SELECT id, paths, pid, host FROM pending_import ORDER BY started").fetchall()
        return [(i, json.loads(paths)) for i, paths, pid, host in rows
                if host != here or not _process_alive(pid)]

    def pending_import(self) -> list[str]:
        """The files and folders of imports that were interrupted (killed before they saved),
        each once, in the order they were given: importing them again finishes them
        (import_into_store clears the records it covers). Imports running now in another
        instance are not listed."""
        out: list[str] = []
        for _, paths in self._interrupted():
            out.extend(p for p in paths if p not in out)
        return out

    def resolution_interrupted(self) -> bool:
        """Whether the corpus was being resolved again (after the user set a date) when the
        process was killed: its events may not follow that date until it is resolved again."""
        return any(not paths for _, paths in self._interrupted())

    def interrupted_imports_covered_by(self, paths: Sequence[str | Path]) -> list[str]:
        """Ids of interrupted imports all of whose files are among `paths` (an import of them
        finishes those)."""
        given = {os.path.abspath(p) for p in paths}
        return [i for i, recorded in self._interrupted() if set(recorded) <= given]

    def discard_pending_import(self) -> None:
        """Forget the interrupted imports (the user chose not to finish them)."""
        with self.writing():
            self.forget_imports([import_id for import_id, _ in self._interrupted()])

    @staticmethod
    def _doc_row(d: Document, order: int) -> dict:
        line = d.dateline
        return {"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet, "text": d.text,
                "encoding": d.encoding, "sha256": d.sha256,
                "dct": d.dct.isoformat() if d.dct else None,
                "dct_source": d.dct_source.detail, "dct_source_kind": d.dct_source.kind.value,
                "dateline": line.value.isoformat() if line else None,
                "dateline_start": line.start if line else None,
                "dateline_end": line.end if line else None,
                "page_dct": d.page_date.value.isoformat() if d.page_date else None,
                "page_dct_source": d.page_date.detail if d.page_date else None,
                "added": order}

    @staticmethod
    def _event_row(e: Event) -> dict:
        row = {f: getattr(e, f) for f in EVENT_FIELDS}
        row["conflicts"] = json.dumps(e.conflicts)
        row.update(summary_row(e.summary))
        return row

    @staticmethod
    def _mention_row(event_id: str, m: EventMention) -> dict:
        row = {"event_id": event_id}
        row.update({f: getattr(m, f) for f in MENTION_FIELDS})
        row.update({f"timex_{f}": getattr(m.timex, f) for f in TIMEX_FIELDS})
        return row

    def set_document_date(self, doc_id: str, value: date | None,
                          source: DateSource | None = None) -> None:
        """A publication date the user set (kept by every later resolution), or None to let
        kerryview infer it again (a page's date is found again: Document.page_date); with
        `source`, a date given back with where it came from (an undo restoring a page's date). Events are re-derived by the caller (pipeline)."""
        if source is None:
            source = DateSource.set_by_user() if value else DateSource.unknown()
        with self.writing():
            self.db.execute("UPDATE documents SET dct = ?, dct_source = ?, dct_source_kind = ? "
                            "WHERE id = ?", [value.isoformat() if value else None,
                                             source.detail, source.kind.value, doc_id])

    def set_document_source(self, doc_id: str, *, title: str | None,
                            outlet: str | None) -> None:
        """The headline and outlet the user gave an article (None or "": none). Kept by every
        later resolution, which reads documents back from here."""
        with self.writing():
            self.db.execute("UPDATE documents SET title = ?, outlet = ? WHERE id = ?",
                            [title or None, outlet or None, doc_id])

    def set_event_mark(self, event_id: str, *, reviewed: bool | None = None,
                       dismissed: bool | None = None) -> None:
        """Mark an event reviewed and/or dismissed (None leaves that mark as it is)."""
        with self.writing():  # the mark read is the one the write builds on
            row = self.conn.execute(
                "SELECT reviewed, dismissed FROM event_marks WHERE event_id = ?",
                [event_id]).fetchone()
            old = (bool(row[0]), bool(row[1])) if row else (False, False)
            row = {"event_id": event_id,
                   "reviewed": int(old[0] if reviewed is None else reviewed),
                   "dismissed": int(old[1] if dismissed is None else dismissed)}
            if row["reviewed"] or row["dismissed"]:
                self.db["event_marks"].upsert(row, pk="event_id")
            else:
                self.db.execute("DELETE FROM event_marks WHERE event_id = ?", [event_id])

    def marks(self) -> dict[str, tuple[bool, bool]]:
        """event id -> (reviewed, dismissed), for the events the user marked."""
        return {r[0]: (bool(r[1]), bool(r[2])) for r in
                self.conn.execute("SELECT event_id, reviewed, dismissed FROM event_marks")}

    def apply_marks(self, events: Iterable[Event]) -> None:
        """Copy the stored marks onto freshly derived events (an import builds them unmarked)."""
        marks = self.marks()
        if marks:
            for e in events:
                e.reviewed, e.dismissed = marks.get(e.id, (False, False))

    # -- the user's edits of events (kerryview.edits) -----------------------------------------
    def add_edit(self, edit: Edit) -> int:
        """Keep an edit after the others; returns its id (to remove it when it is undone)."""
        return self.add_edits([edit])[0]

    def add_edits(self, edits: Sequence[Edit]) -> list[int]:
        """Keep edits that are one undo step, in one transaction; returns their ids."""
        ids: list[int] = []
        if not edits:
            return ids
        with self.writing():
            for edit in edits:
                row = self.conn.execute(
                    "INSERT INTO event_edits (step, edit, made) VALUES (?, ?, ?)",
                    [ids[0] if ids else None, json.dumps(edit_to_json(edit), ensure_ascii=False),
                     time.time()])
                ids.append(int(row.lastrowid))
            self.db.execute("UPDATE event_edits SET step = ? WHERE id = ?", [ids[0], ids[0]])
        return ids

    def remove_edit(self, edit_id: int) -> None:
        self.remove_edits([edit_id])

    def remove_edits(self, edit_ids: Sequence[int]) -> None:
        with self.writing():
            self.conn.executemany("DELETE FROM event_edits WHERE id = ?",
                                     [[i] for i in edit_ids])

    def edit_steps(self) -> list[list[tuple[int, Edit]]]:
        """The edits grouped into the undo steps they were made in, oldest first."""
        if "event_edits" not in self._table_names():
            return []
        steps: dict[int, list[tuple[int, Edit]]] = {}
        readable = dict(self.edits())
        for edit_id, step in self.conn.execute(
                "SELECT id, coalesce(step, id) FROM event_edits ORDER BY id"):
            if edit_id in readable:
                steps.setdefault(step, []).append((edit_id, readable[edit_id]))
        return list(steps.values())

    def edits(self) -> list[tuple[int, Edit]]:
        """(id, edit) in the order made. A row this version cannot read is skipped (a newer
        kerryview wrote it), so the others still apply."""
        if "event_edits" not in self._table_names():  # read-only, not yet upgraded
            return []
        out = []
        for edit_id, text in self.conn.execute("SELECT id, edit FROM event_edits ORDER BY id"):
            try:
                out.append((edit_id, edit_from_json(json.loads(text))))
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def apply_user_edits(self, events: Sequence[Event]) -> list[Event]:
        """Freshly derived events with the user's edits on top (then the marks, which follow
        the edited events' ids)."""
        out = apply_edits(events, [e for _, e in self.edits()])
        self.apply_marks(out)
        return out

    # -- reading --------------------------------------------------------------------------
    def _query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        """Rows as dicts keyed by column name."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row))

    def documents(self) -> list[Document]:
        """In the order they were added; sorted here, not by ORDER BY (no index on `added`):
        SQLite would copy every text into a temporary b-tree, 0.11 s of reading 10,000."""
        with gc_paused():
            rows = self.conn.execute(f"SELECT {self._doc_select()}, added FROM documents"
                                     ).fetchall()
            rows.sort(key=itemgetter(len(_DOC_COLUMNS)))
            return [self._doc(r) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute(f"SELECT {self._doc_select()} FROM documents WHERE id = ?",
                                [doc_id]).fetchone()
        return self._doc(row) if row else None

    def hashes(self) -> dict[str, str]:
        """sha256 -> document id, to skip files already in the corpus."""
        return {r["sha256"]: r["id"] for r in self._query("SELECT id, sha256 FROM documents")}

    def events(self, *, passages: bool = True) -> list[Event]:
        """All events in time order (stable for same-date events), each with its mentions, and
        the user's edits and marks on top (the garbage collector paused: kerryview.gcpause).
        `passages=False` (the app's open: fetching every passage was half of it) leaves out
        the mentions of every event no edit names: each carries its stored summary instead
        (Event.summary, Event.document_ids) and mentions_of() reads them when needed. A file
        without summaries (an older schema read-only) is read with every passage."""
        with gc_paused():
            if passages or not self._has_summaries():
                return self.apply_user_edits(self._stored_events())
            events = self._stored_events(passages=False)
            edits = [e for _, e in self.edits()]
            # an edit finds, moves or merges passages: the events it names get theirs
            self.read_passages(events, edited_refs(edits))
            out = apply_edits(events, edits)
            self.apply_marks(out)
            return out

    def _has_summaries(self) -> bool:
        return set(SUMMARY_COLUMNS) <= self._columns("events")

    def read_passages(self, events: Sequence[Event], refs: set[tuple] | None = None) -> int:
        """Give the events read without passages (events(passages=False)) their stored ones, in
        place: every such event, or (with `refs`) those with a passage at one of the refs
        (kerryview.edits.mention_ref). Returns how many events were given their passages."""
        if refs is not None and not refs:  # no edit names a passage (opening a project)
            return 0
        unread = {e.id: e for e in events if not e.passages_read}
        if refs is not None and unread:
            named = self.events_with_passages(refs)
            unread = {i: e for i, e in unread.items() if i in named}
        if not unread:
            return 0
        with gc_paused():  # thousands of objects, no cycles (kerryview.gcpause)
            for event_id, ms in self.mentions_of(list(unread)).items():
                unread[event_id].mentions[:] = ms
        return len(unread)

    # -- what the find bar searches (kerryview.searchtext) ----------------------------------
    def _save_search_texts(self, gone: Iterable[str], events: Sequence[Event],
                           texts: Mapping[str, str] | None = None) -> None:
        """The search texts of events saved (their rows just written), those of `gone` events
        deleted; in the caller's transaction. `texts`: articles not stored yet (an
        incremental import adds its documents last), the others are read from the store."""
        from kerryview.searchtext import texts_of

        if "event_search" not in self._table_names():
            return
        conn = self.conn
        conn.executemany("DELETE FROM event_search WHERE event_id = ?",
                         [[i] for i in {*gone, *(e.id for e in events)}])
        known = texts or {}

        def text_of(doc_id: str) -> str | None:
            found = known.get(doc_id)
            return article_text(conn, doc_id) if found is None else found
        rows = texts_of({e.id: e.mentions for e in events}, text_of)
        conn.executemany("INSERT INTO event_search (event_id, text) VALUES (?, ?)", rows.items())

    def _search_texts_current(self) -> bool:
        return "event_search" in self._table_names() and self._search_version_current()

    def _search_version_current(self) -> bool:
        """Whether the stored search texts were made by this kerryview.searchtext.version."""
        from kerryview.searchtext import version

        row = self.conn.execute("SELECT value FROM meta WHERE key = 'search_version'").fetchone()
        return row is not None and row[0] == version()

    def refresh_search_texts_if_stale(self) -> bool:
        """When the stored search texts were made otherwise (kerryview.searchtext.version
        changed), make them all again from the stored passages (opening a project does, in a
        transaction of its own). Returns whether it did."""
        if "event_search" not in self._table_names() or self._search_version_current():
            return False
        with self.writing():
            if self._search_version_current():
                return False
            fill_search_texts(self.conn)
        return True

    def search_texts(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event id -> its searchable passages as stored (kerryview.searchtext.passages_text),
        for events read without passages; {} when the project keeps none made by this
        kerryview (an older file read-only: the passages are read instead)."""
        if not self._search_texts_current():
            return {}
        if self.path is not None:
            try:
                self._check_integrity("search")
            except sqlite3.DatabaseError:  # damaged: the passages are searched instead
                return {}
        ids = list(dict.fromkeys(event_ids))
        if len(ids) > SCAN_ALL_ABOVE:  # most of them: one pass over the table
            wanted = set(ids)
            with gc_paused():
                return {i: t for i, t in self.conn.execute(
                    "SELECT event_id, text FROM event_search") if i in wanted}
        return dict(select_in(self.conn.execute,
                              "SELECT event_id, text FROM event_search WHERE event_id IN ({in})",
                              ids))

    def event_ids_in_document(self, doc_id: str) -> set[str]:
        """Ids of the stored events with a passage in the document."""
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE document_id = ?", [doc_id])}

    def events_with_passages(self, refs: set[tuple]) -> set[str]:
        """Ids of the stored events with a passage at one of `refs` (kerryview.edits.mention_ref:
        document id, time expression start and end)."""
        found: set[str] = set()
        sql = ("SELECT event_id FROM mentions WHERE document_id = ? AND timex_start = ? "
               "AND timex_end = ?")
        for ref in refs:
            found.update(r[0] for r in self.conn.execute(sql, list(ref)))
        return found

    def mentions_of(self, event_ids: Sequence[str]) -> dict[str, list[EventMention]]:
        """The stored passages of these events (in stored order), for events read without
        them: event id -> its mentions (an event with none is left out)."""
        cols, read_mention = _mention_reader()
        out: dict[str, list[EventMention]] = {}
        ids = list(dict.fromkeys(event_ids))
        if len(ids) > SCAN_ALL_ABOVE:  # many (the first search): one pass over the table in
            wanted = set(ids)  # rowid order, faster than 500-id lookups sorted one by one
            get = out.get
            for r in self.conn.execute(f"SELECT {cols} FROM mentions ORDER BY id"):
                found = get(r[0])
                if found is None:
                    if r[0] not in wanted:
                        continue
                    found = out[r[0]] = []
                found.append(read_mention(r))
            return out
        for r in select_in(self.conn.execute,
                           f"SELECT {cols} FROM mentions WHERE event_id IN ({{in}}) ORDER BY id",
                           ids):
            out.setdefault(r[0], []).append(read_mention(r))
        return out

    def _stored_events(self, passages: bool = True) -> list[Event]:
        """The derived events as stored (no edits), in time order, each with its mentions or
        (`passages=False`) with the stored summary of them (Event.stored_summary). Each SELECT
        names its columns from the model's field names and the row is read back onto those
        names (_row_reader): no column is read by a position written by hand, and plain
        cursors keep opening a large corpus fast. A read-only project scored by other
        importance weights is scored here (as opening it for writing would store)."""
        n = len(EVENT_FIELDS)
        summary = () if passages else ("n_sources", *SUMMARY_COLUMNS)  # StoredSummary's order
        cols = ", ".join(f'"{c}"' for c in (*EVENT_FIELDS, *summary))
        read_event = _row_reader(Event, EVENT_FIELDS)
        events: dict[str, Event] = {}
        batch = SummaryBatch()  # their article lists, decoded together when first asked for
        for r in self.conn.execute(f'SELECT {cols} FROM events ORDER BY start, "end", label, id'):
            ev = read_event(r)
            ev.conflicts = json.loads(ev.conflicts) if ev.conflicts and ev.conflicts != "[]" else []
            if not passages:
                ev.stored_summary = StoredSummary(*r[n:n + 5], batch)
            events[ev.id] = ev
        if passages:
            cols, read_mention = _mention_reader()
            for r in self.conn.execute(f"SELECT {cols} FROM mentions ORDER BY id"):
                ev = events.get(r[0])
                if ev is not None:
                    ev.mentions.append(read_mention(r))
        out = list(events.values())
        if self.read_only:  # not upgraded: scored here, as the upgrade would store them
            self._rescored(out)
        return out

    # -- importance (kerryview.events.importance) -------------------------------------------
    def _scores_current(self) -> bool:
        """meta says the stored events were scored by this kerryview's importance weights."""
        from kerryview.events.importance import VERSION

        if "meta" not in self._table_names():
            return False
        row = self.conn.execute(
            "SELECT value FROM meta WHERE key = 'importance_version'").fetchone()
        return row is not None and row[0] == str(VERSION)

    def _rescored(self, events: list[Event]) -> bool:
        """Score the stored `events` again when they were scored by other importance weights
        (the one place that decides it): from their passages (read for the scoring and let go
        again for those read without them) and their articles' stored days. Returns whether
        it scored."""
        if self._scores_current():
            return False
        from kerryview.events.importance import score_with_days

        unread = [e for e in events if not e.passages_read]
        self.read_passages(unread)
        score_with_days(events, {i: date.fromisoformat(d) if d else None
                                 for i, (d, _) in self.document_date_kinds().items()})
        for e in unread:
            e.mentions.clear()
        return True

    def rescore_if_stale(self) -> bool:
        """When the stored events were scored by other importance weights (a project saved by
        an earlier kerryview, whose meta names none or another VERSION), score all of them
        again from what the store holds (mentions and publication days, no article text) and
        record the weights, in the caller's write transaction or one of its own: an
        incremental import, which scores only the events it changes, never mixes two scales.
        Returns whether it scored. Opening a project and every import call it."""
        if self._scores_current():  # the usual case, without taking the write lock
            return False
        with self.writing():
            events = self._stored_events() if "importance" in self._columns("events") else []
            before = {e.id: e.importance for e in events}
            if not self._rescored(events):  # another instance did, meanwhile
                return False
            self.conn.executemany("UPDATE events SET importance = ? WHERE id = ?",
                                  [(e.importance, e.id) for e in events
                                   if e.importance != before[e.id]])
            self.mark_scored()
        return True

    def mark_scored(self) -> None:
        """Record that the stored events were scored by this kerryview's weights (in the
        caller's transaction: the resolution that saved them)."""
        from kerryview.events.importance import VERSION

        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('importance_version', ?)",
                          [str(VERSION)])

    def event_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def _doc_select(self) -> str:
        """The SELECT list of _DOC_COLUMNS (NULL for a column an older file, read-only, has
        not got yet: the outlet came with schema step 6)."""
        have = self._columns("documents")
        return ", ".join(f'"{c}"' if c in have else f'NULL AS "{c}"' for c in _DOC_COLUMNS)

    @staticmethod
    def _doc(r: Sequence) -> Document:
        """A Document from a row of _DOC_COLUMNS (in that order; what follows is ignored)."""
        (doc_id, path, text, title, outlet, encoding, sha256, dct, source, kind, line,
         line_start, line_end, page, page_source) = r[:len(_DOC_COLUMNS)]
        return Document(id=doc_id, path=path, text=text, title=title, outlet=outlet,
                        encoding=encoding, sha256=sha256,
                        dct=date.fromisoformat(dct) if dct else None,
                        # a kind this kerryview does not know (a newer one wrote it) is unknown
                        dct_source=DateSource(_SOURCE_KINDS.get(kind, DateSourceKind.UNKNOWN),
                                              source),
                        dateline=DateLine(date.fromisoformat(line), line_start, line_end)
                        if line else None,
                        page_date=PageDate(date.fromisoformat(page), page_source or "")
                        if page else None)

    # -- stories (kerryview.stories) ---------------------------------------------------------
    def save_stories(self, stories: Sequence) -> None:
        """Replace the stored stories by these (kerryview.stories.Story, largest first), in the
        caller's transaction when there is one: the resolution that found them saves them
        with its events."""
        rows = {s.id: (s.name, json.dumps(list(s.terms)), k, _centroid_json(s.centroid))
                for k, s in enumerate(stories)}
        members = {d: s.id for s in stories for d in s.document_ids}
        with self.writing():  # only what changed: adding an article rewrites one row or two
            conn = self.db.conn
            stored = {r[0]: tuple(r[1:]) for r in conn.execute(
                "SELECT id, name, terms, position, centroid FROM stories")}
            were = dict(conn.execute("SELECT document_id, story_id FROM story_documents"))
            conn.executemany("DELETE FROM stories WHERE id = ?",
                             [[i] for i in stored if i not in rows])
            conn.executemany("INSERT OR REPLACE INTO stories (id, name, terms, position, "
                             "centroid) VALUES (?, ?, ?, ?, ?)",
                             [(i, *row) for i, row in rows.items() if stored.get(i) != row])
            conn.executemany("DELETE FROM story_documents WHERE document_id = ?",
                             [[d] for d in were if d not in members])
            conn.executemany("INSERT OR REPLACE INTO story_documents (document_id, story_id) "
                             "VALUES (?, ?)",
                             [(d, i) for d, i in members.items() if were.get(d) != i])

    def join_stories(self, story_of: dict[str, str]) -> None:
        """Documents added incrementally join the stories they were assigned to
        (kerryview.stories.assign), in the caller's transaction."""
        self.db.conn.executemany("INSERT OR REPLACE INTO story_documents (document_id, story_id) "
                                 "VALUES (?, ?)", sorted(story_of.items()))

    def stories_of_documents(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """document id -> its stored story's id (documents in no story are left out)."""
        if "story_documents" not in self._table_names():
            return {}
        return dict(select_in(self.conn.execute, "SELECT document_id, story_id FROM "
                              "story_documents WHERE document_id IN ({in})", doc_ids))

    def renumber_stories(self, story_ids: Iterable[str]) -> None:
        """These stories take the id their articles give them now (kerryview.stories.story_id
        of the smallest content hash: an article added or removed may change it), as the
        next clustering would name them; in the caller's transaction."""
        from kerryview.stories import story_id

        conn = self.db.conn
        for old in sorted(set(story_ids)):
            (first,) = conn.execute(
                "SELECT min(CASE WHEN coalesce(d.sha256, '') = '' THEN d.id ELSE d.sha256 END) "
                "FROM story_documents sd JOIN documents d ON d.id = sd.document_id "
                "WHERE sd.story_id = ?", [old]).fetchone()
            new = story_id(first) if first is not None else old
            if new != old and not conn.execute("SELECT 1 FROM stories WHERE id = ?",
                                               [new]).fetchone():
                conn.execute("UPDATE stories SET id = ? WHERE id = ?", [new, old])
                conn.execute("UPDATE story_documents SET story_id = ? WHERE story_id = ?",
                             [new, old])

    def drop_empty_stories(self) -> None:
        """Stories whose last document was removed go (in the caller's transaction)."""
        self.db.conn.execute("DELETE FROM stories WHERE id NOT IN "
                             "(SELECT DISTINCT story_id FROM story_documents)")

    def story_count(self) -> int:
        """How many stories stories() lists (those holding a stored document), without
        reading them."""
        if "story_documents" not in self._table_names():
            return 0
        return self.conn.execute(
            "SELECT count(*) FROM stories s WHERE EXISTS (SELECT 1 FROM story_documents sd "
            "JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = s.id)").fetchone()[0]

    def stories(self, *, centroids: bool = True) -> list:
        """The stored stories (kerryview.stories.Story), largest first; [] before the first
        resolution that found them (or a read-only project of an older schema). Without
        `centroids` (what only an import compares articles with: the window lists stories by
        name) they are left empty, not decoded: 0.1 s of opening 10,000 articles."""
        from kerryview.stories import Story

        if "story_documents" not in self._table_names():
            return []
        members: dict[str, list[str]] = {}
        for doc_id, story_id in self.conn.execute(
                "SELECT sd.document_id, sd.story_id FROM story_documents sd "
                "JOIN documents d ON d.id = sd.document_id ORDER BY d.added"):
            members.setdefault(story_id, []).append(doc_id)
        return [Story(i, name, tuple(json.loads(terms or "[]")), tuple(members.get(i, ())),
                      tuple((t, w) for t, w in json.loads(centroid or "[]")) if centroids else ())
                for i, name, terms, centroid in self.conn.execute(
                    "SELECT id, name, terms, " + ("centroid" if centroids else "NULL") +
                    " FROM stories ORDER BY position")
                if members.get(i)]

    def close(self) -> None:
        self.conn.close()


def _centroid_json(centroid) -> str:
    return json.dumps([[t, round(w, 6)] for t, w in centroid], separators=(",", ":"))
