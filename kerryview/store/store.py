"""The corpus database: one SQLite file that opens again instantly.

Every write that changes the corpus happens in one transaction, so a crash or an error part-way
through leaves the previous, consistent corpus in place. Writes take SQLite's write lock first
(BEGIN IMMEDIATE) and wait up to BUSY_TIMEOUT_S for another instance's write to end, so two
instances on one project take turns instead of failing. Documents are only ever added or
updated, never deleted by a write. Domain values go in and come out as the dataclasses of
kerryview.model; nothing outside this module sees SQL.
"""
from __future__ import annotations

import json
import socket
import sqlite3
import time
import uuid
from contextlib import contextmanager
from functools import cache
import os
import sys
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import sqlite_utils

from kerryview.dating.datelines import read_dateline
from kerryview.model import DateLine, DateSource, DateSourceKind, Document, Event, EventMention, Timex

# 3: documents keep the kind of their date's source (dct_source_kind) beside its sentence, and
#    their date line (dateline, dateline_start, dateline_end).
# 4: pending_import, the files of each import in progress (to offer finishing it after a crash).
SCHEMA_VERSION = 4
# Events and mentions are derived from the documents: a database written by another schema
# version keeps its documents and has these rebuilt (Store.needs_rebuild), except those of the
# versions listed here, whose derived tables are as this version writes them.
DERIVED_TABLES = ("mentions", "events")
SAME_DERIVED_TABLES = frozenset({"3", str(SCHEMA_VERSION)})
# How long a write waits for another instance's write to end before giving up ("database is
# locked"): an import's write of a large corpus takes a few seconds.
BUSY_TIMEOUT_S = 15.0
_CHECKED_FILES: set[str] = set()  # the files this process found undamaged (Store._check_integrity)
# Columns are named after the model's fields and read back by name, so a field added to the
# model gets its own column (the derived tables are rebuilt) instead of shifting the others.
TIMEX_FIELDS = tuple(f.name for f in fields(Timex))  # stored as timex_<field> in mentions
MENTION_FIELDS = tuple(f.name for f in fields(EventMention) if f.name != "timex")
# Event.mentions come from the mentions table, reviewed/dismissed from the user's marks.
EVENT_FIELDS = tuple(f.name for f in fields(Event)
                     if f.name not in ("mentions", "reviewed", "dismissed"))
# The columns of a stored document that a later save updates (id and order of addition stay).
_UPDATED_COLUMNS = ("path", "title", "text", "encoding", "sha256", "dct", "dct_source",
                    "dct_source_kind", "dateline", "dateline_start", "dateline_end")
# How documents saved before schema 3 said where their date came from.
_OLD_SOURCE_PREFIXES = (("stated in the article", DateSourceKind.STATED_IN_TEXT),
                        ("stated in the page", DateSourceKind.PAGE_METADATA),
                        ("set by", DateSourceKind.SET_BY_USER),
                        ("inferred", DateSourceKind.INFERRED))


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


def _column_type(field_type: str) -> type:
    """The SQLite column type of a model field, from its annotation ("int | None" -> int)."""
    return int if field_type.split("|")[0].strip() == "int" else str


def _kind_of_old_source(sentence: str | None) -> DateSourceKind:
    """The kind of a date source written as a sentence only (schema 2 and before)."""
    for prefix, kind in _OLD_SOURCE_PREFIXES:
        if (sentence or "").startswith(prefix):
            return kind
    return DateSourceKind.UNKNOWN


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


class Store:
    """A corpus kept in SQLite. `path=None` keeps it in memory (tests, one-shot CLI runs).

    `read_only=True` opens an existing file without writing anything, not even a schema
    upgrade (`kerryview export`, a project in a read-only folder): a file of an older schema
    then says so through `needs_rebuild` and must be opened in the app once. Opening checks the
    file (PRAGMA quick_check), so a damaged or foreign file raises sqlite3.DatabaseError here
    rather than part-way through a later read."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        if path is None:
            if read_only:
                raise ValueError("an in-memory store cannot be opened read-only")
            self.db = sqlite_utils.Database(memory=True)
        else:
            path = Path(path)
            if read_only and not path.is_file():
                raise sqlite3.OperationalError(f"unable to open database file {path}")
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(_connect(path, read_only))
        self.path = path
        self.read_only = read_only
        try:
            if path is not None:
                self._check_integrity()
                if not read_only:
                    self.db.execute("PRAGMA journal_mode=WAL")
            self._open_schema()
        except BaseException:
            self.db.close()
            raise

    def _check_integrity(self) -> None:
        """Raise sqlite3.DatabaseError for a file that is not SQLite or whose pages are damaged.
        quick_check reads every page once, without the index cross-checks of integrity_check
        (0.1 s for 100,000 events); once per file and process, as the GUI opens a connection
        for every job."""
        key = os.path.abspath(self.path)
        if key in _CHECKED_FILES:
            return
        rows = [r[0] for r in self.db.execute("PRAGMA quick_check(3)").fetchall()]
        if rows != ["ok"]:
            problems = [line for row in rows for line in row.splitlines()
                        if line.strip() and not line.startswith("***")]  # "*** in database main"
            raise sqlite3.DatabaseError("damaged: " + "; ".join(problems[:3]))
        _CHECKED_FILES.add(key)

    # -- schema ---------------------------------------------------------------------------
    @staticmethod
    def _derived_columns() -> dict[str, dict[str, type]]:
        event_types = {f.name: _column_type(f.type) for f in fields(Event)}
        mention_types = {f.name: _column_type(f.type) for f in fields(EventMention)}
        timex_types = {f.name: _column_type(f.type) for f in fields(Timex)}
        return {
            "events": {**{f: event_types[f] for f in EVENT_FIELDS}, "n_sources": int},
            "mentions": {"id": int, "event_id": str,
                         **{f: mention_types[f] for f in MENTION_FIELDS},
                         **{f"timex_{f}": timex_types[f] for f in TIMEX_FIELDS}}}

    def _stored_version(self) -> str | None:
        if not self.db["meta"].exists():
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return row[0] if row else None

    def _derived_stale(self) -> bool:
        """Derived tables of another schema version, or made before a model field was added."""
        version = self._stored_version()
        return version is not None and version not in SAME_DERIVED_TABLES or any(
            self.db[name].exists() and set(self.db[name].columns_dict) != set(columns)
            for name, columns in self._derived_columns().items())

    def _schema_current(self) -> bool:
        tables = set(self.db.table_names())
        return self._stored_version() == str(SCHEMA_VERSION) and not self._derived_stale() and \
            {"meta", "documents", "events", "mentions", "event_marks",
             "pending_import"} <= tables

    def _open_schema(self) -> None:
        """Nothing is written when the schema is current (two instances open a project at
        once); otherwise the upgrade happens under the write lock, checked again inside it."""
        self.needs_rebuild = False
        if self._schema_current():
            return
        if self.read_only:
            self._check_readable()
            return
        with self.writing():
            if not self._schema_current():
                self._create_schema()

    def _check_readable(self) -> None:
        """Read-only, an older file cannot be upgraded: raise if it is not a kerryview project,
        and set needs_rebuild if its documents or events must first be brought up to date."""
        tables = set(self.db.table_names())
        if not {"meta", "documents", "events", "mentions"} <= tables:
            raise sqlite3.DatabaseError("it has no kerryview tables")
        self.needs_rebuild = self._derived_stale() or "event_marks" not in tables or \
            "dct_source_kind" not in self.db["documents"].columns_dict

    def _create_schema(self) -> None:
        db = self.db
        derived = self._derived_columns()
        db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
        if self._derived_stale():
            for name in DERIVED_TABLES:
                if db[name].exists():
                    db[name].drop()
            self.needs_rebuild = True
        old_documents = db["documents"].exists() and \
            "dct_source_kind" not in db["documents"].columns_dict
        db["documents"].create(
            {"id": str, "path": str, "title": str, "text": str, "encoding": str,
             "sha256": str, "dct": str, "dct_source": str, "dct_source_kind": str,
             "dateline": str, "dateline_start": int, "dateline_end": int, "added": int},
            pk="id", if_not_exists=True)
        if old_documents:
            self._upgrade_documents()
        db["events"].create(derived["events"], pk="id", if_not_exists=True)
        db["mentions"].create(
            derived["mentions"], pk="id", foreign_keys=[("event_id", "events", "id"),
                                                        ("document_id", "documents", "id")],
            if_not_exists=True)
        db["mentions"].create_index(["event_id"], if_not_exists=True)
        db["mentions"].create_index(["document_id"], if_not_exists=True)
        db["events"].create_index(["start"], if_not_exists=True)
        # The user's marks on events, keyed by event id (a hash of its passages), so they
        # survive every re-resolution that groups the same passages; user data, never derived.
        db["event_marks"].create({"event_id": str, "reviewed": int, "dismissed": int},
                                 pk="event_id", if_not_exists=True)
        # Each import in progress: the files it was given, and which process runs it. Written
        # before the long work and deleted with the save, so a row left over means the import
        # was killed (its process is gone) and can be offered again.
        db["pending_import"].create({"id": str, "paths": str, "pid": int, "host": str,
                                     "started": float}, pk="id", if_not_exists=True)
        db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")

    def _upgrade_documents(self) -> None:
        """Documents of schema 2 and before: the kind of their date's source from its sentence,
        and their date line read again from their text (it is read with the file now)."""
        db = self.db
        for name, kind in (("dct_source_kind", str), ("dateline", str), ("dateline_start", int),
                           ("dateline_end", int)):
            db["documents"].add_column(name, kind)
        rows = db.execute("SELECT id, text, dct_source FROM documents").fetchall()
        for doc_id, text, sentence in rows:
            line = read_dateline(text)
            db.execute("UPDATE documents SET dct_source_kind = ?, dateline = ?, "
                       "dateline_start = ?, dateline_end = ? WHERE id = ?",
                       [_kind_of_old_source(sentence).value,
                        line.value.isoformat() if line else None,
                        line.start if line else None, line.end if line else None, doc_id])

    # -- writing --------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Store]:
        """One write transaction that holds SQLite's write lock from its first statement
        (BEGIN IMMEDIATE), so what is read inside it is what the write builds on; another
        instance's write waits for it (up to BUSY_TIMEOUT_S). Commits on success, rolls back on
        any exception. Nested uses join the outer transaction."""
        conn = self.db.conn
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
                    finished_imports: Sequence[str] = ()) -> None:
        """Store a resolved corpus in one transaction: documents not yet stored are inserted
        (after the others), stored ones are updated in place (their resolved publication
        dates), and the derived events and mentions are replaced. No document is ever deleted:
        one missing from `documents` (another instance stored it meanwhile) stays.
        `finished_imports` (ids from record_import) are cleared in the same transaction."""
        docs = list(documents)
        evs = list(events)
        db = self.db
        with self.writing():  # commits on success, rolls back on any exception
            stored = {r[0] for r in db.execute("SELECT id FROM documents")}
            order = db.execute("SELECT coalesce(max(added) + 1, 0) FROM documents").fetchone()[0]
            new = [d for d in docs if d.id not in stored]
            db["documents"].insert_all(
                (self._doc_row(d, order + i) for i, d in enumerate(new)), pk="id")
            db.conn.executemany(
                "UPDATE documents SET " + ", ".join(f"{c} = ?" for c in _UPDATED_COLUMNS)
                + " WHERE id = ?",
                ([*(row[c] for c in _UPDATED_COLUMNS), row["id"]] for row in
                 (self._doc_row(d, 0) for d in docs if d.id in stored)))
            db.execute("DELETE FROM mentions")
            db.execute("DELETE FROM events")
            db["events"].insert_all((self._event_row(e) for e in evs), pk="id")
            db["mentions"].insert_all(
                (self._mention_row(e.id, m) for e in evs for m in e.mentions))
            self.forget_imports(finished_imports)

    # -- imports in progress --------------------------------------------------------------
    def record_import(self, paths: Sequence[str | Path]) -> str:
        """Note an import of `paths` before its long work starts (its own short transaction),
        so that if the process is killed the next start can offer to finish it. Returns the
        id to pass to save_corpus(finished_imports=...) or forget_imports."""
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
                self.db.conn.executemany("DELETE FROM pending_import WHERE id = ?",
                                         [[i] for i in import_ids])

    def _interrupted(self) -> list[tuple[str, list[str]]]:
        """(id, paths) of recorded imports whose process is gone, oldest first. An import
        recorded on another machine (a project on a shared drive) counts as interrupted: it
        cannot be checked, and finishing it again only skips the files already in."""
        if "pending_import" not in self.db.table_names():
            return []
        here = socket.gethostname()
        rows = self.db.execute(
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
        return {"id": d.id, "path": d.path, "title": d.title, "text": d.text,
                "encoding": d.encoding, "sha256": d.sha256,
                "dct": d.dct.isoformat() if d.dct else None,
                "dct_source": d.dct_source.detail, "dct_source_kind": d.dct_source.kind.value,
                "dateline": line.value.isoformat() if line else None,
                "dateline_start": line.start if line else None,
                "dateline_end": line.end if line else None,
                "added": order}

    @staticmethod
    def _event_row(e: Event) -> dict:
        row = {f: getattr(e, f) for f in EVENT_FIELDS}
        row["conflicts"] = json.dumps(e.conflicts)
        row["n_sources"] = len(e.document_ids)
        return row

    @staticmethod
    def _mention_row(event_id: str, m: EventMention) -> dict:
        row = {"event_id": event_id}
        row.update({f: getattr(m, f) for f in MENTION_FIELDS})
        row.update({f"timex_{f}": getattr(m.timex, f) for f in TIMEX_FIELDS})
        return row

    def set_document_date(self, doc_id: str, value: date | None) -> None:
        """A publication date the user set (kept by every later resolution), or None to let
        kerryview infer it again. Events are re-derived by the caller (pipeline)."""
        source = DateSource.set_by_user() if value else DateSource.unknown()
        with self.writing():
            self.db.execute("UPDATE documents SET dct = ?, dct_source = ?, dct_source_kind = ? "
                            "WHERE id = ?", [value.isoformat() if value else None,
                                             source.detail, source.kind.value, doc_id])

    def set_event_mark(self, event_id: str, *, reviewed: bool | None = None,
                       dismissed: bool | None = None) -> None:
        """Mark an event reviewed and/or dismissed (None leaves that mark as it is)."""
        with self.writing():  # the mark read is the one the write builds on
            row = self.db.conn.execute(
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
                self.db.conn.execute("SELECT event_id, reviewed, dismissed FROM event_marks")}

    def apply_marks(self, events: Iterable[Event]) -> None:
        """Copy the stored marks onto freshly derived events (an import builds them unmarked)."""
        marks = self.marks()
        if marks:
            for e in events:
                e.reviewed, e.dismissed = marks.get(e.id, (False, False))

    # -- reading --------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        return [self._doc(r) for r in self.db.query("SELECT * FROM documents ORDER BY added")]

    def document(self, doc_id: str) -> Document | None:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
        return self._doc(rows[0]) if rows else None

    def hashes(self) -> dict[str, str]:
        """sha256 -> document id, to skip files already in the corpus."""
        return {r["sha256"]: r["id"] for r in self.db.query("SELECT id, sha256 FROM documents")}

    def events(self) -> list[Event]:
        """All events in time order (stable for same-date events), each with its mentions.
        Each SELECT names its columns from the model's field names and the row is zipped back
        onto those names as keyword arguments: no column is read by a position written by hand,
        and plain cursors keep opening a large corpus fast."""
        conn = self.db.conn
        events: dict[str, Event] = {}
        cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
        read_event = _row_reader(Event, EVENT_FIELDS)
        for r in conn.execute(f'SELECT {cols} FROM events ORDER BY start, "end", label, id'):
            ev = read_event(r)
            ev.conflicts = json.loads(ev.conflicts) if ev.conflicts and ev.conflicts != "[]" else []
            events[ev.id] = ev
        k = len(MENTION_FIELDS)
        cols = ", ".join(f'"{c}"' for c in ("event_id", *MENTION_FIELDS,
                                             *(f"timex_{f}" for f in TIMEX_FIELDS)))
        read_timex = _row_reader(Timex, TIMEX_FIELDS, first=k + 1)
        read_mention = _row_reader(EventMention, MENTION_FIELDS, first=1, timex=read_timex)
        for r in conn.execute(f"SELECT {cols} FROM mentions ORDER BY id"):
            ev = events.get(r[0])
            if ev is not None:
                ev.mentions.append(read_mention(r))
        out = list(events.values())
        self.apply_marks(out)
        return out

    def event_count(self) -> int:
        return self.db["events"].count

    @staticmethod
    def _doc(r: dict) -> Document:
        return Document(id=r["id"], path=r["path"], text=r["text"], title=r["title"],
                        encoding=r["encoding"], sha256=r["sha256"],
                        dct=date.fromisoformat(r["dct"]) if r["dct"] else None,
                        dct_source=DateSource(DateSourceKind(r["dct_source_kind"]), r["dct_source"]),
                        dateline=DateLine(date.fromisoformat(r["dateline"]), r["dateline_start"],
                                          r["dateline_end"]) if r["dateline"] else None)

    def close(self) -> None:
        self.db.close()
