"""The corpus database: one SQLite file that opens again instantly.

Every write that changes the corpus happens in one transaction, so a crash or an error part-way
through leaves the previous, consistent corpus in place. Domain values go in and come out as the
dataclasses of kerryview.model; nothing outside this module sees SQL.
"""
from __future__ import annotations

import json
from functools import cache
import os
import sys
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from kerryview.dating.datelines import read_dateline
from kerryview.model import DateLine, DateSource, DateSourceKind, Document, Event, EventMention, Timex

# 3: documents keep the kind of their date's source (dct_source_kind) beside its sentence, and
#    their date line (dateline, dateline_start, dateline_end).
SCHEMA_VERSION = 3
# Events and mentions are derived from the documents: a database written by another schema
# version keeps its documents and has these rebuilt (Store.needs_rebuild).
DERIVED_TABLES = ("mentions", "events")
# Columns are named after the model's fields and read back by name, so a field added to the
# model gets its own column (the derived tables are rebuilt) instead of shifting the others.
TIMEX_FIELDS = tuple(f.name for f in fields(Timex))  # stored as timex_<field> in mentions
MENTION_FIELDS = tuple(f.name for f in fields(EventMention) if f.name != "timex")
# Event.mentions come from the mentions table, reviewed/dismissed from the user's marks.
EVENT_FIELDS = tuple(f.name for f in fields(Event)
                     if f.name not in ("mentions", "reviewed", "dismissed"))
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


class Store:
    """A corpus kept in SQLite. `path=None` keeps it in memory (tests, one-shot CLI runs)."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self.db = sqlite_utils.Database(memory=True)
        else:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite_utils.Database(path)
            self.db.execute("PRAGMA journal_mode=WAL")
        self.path = path
        self._create_schema()

    # -- schema ---------------------------------------------------------------------------
    def _create_schema(self) -> None:
        db = self.db
        self.needs_rebuild = False
        event_types = {f.name: _column_type(f.type) for f in fields(Event)}
        mention_types = {f.name: _column_type(f.type) for f in fields(EventMention)}
        timex_types = {f.name: _column_type(f.type) for f in fields(Timex)}
        derived = {
            "events": {**{f: event_types[f] for f in EVENT_FIELDS}, "n_sources": int},
            "mentions": {"id": int, "event_id": str,
                         **{f: mention_types[f] for f in MENTION_FIELDS},
                         **{f"timex_{f}": timex_types[f] for f in TIMEX_FIELDS}}}
        with db.atomic():
            db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            # Another schema version, or a model field added since the tables were made.
            stale = row and row[0] != str(SCHEMA_VERSION) or any(
                db[name].exists() and set(db[name].columns_dict) != set(columns)
                for name, columns in derived.items())
            if stale:
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
    def save_corpus(self, documents: Iterable[Document], events: Iterable[Event]) -> None:
        """Replace the whole corpus (documents, events, mentions) in one transaction."""
        docs = list(documents)
        evs = list(events)
        db = self.db
        with db.atomic():  # commits on success, rolls back on any exception
            db.execute("DELETE FROM mentions")
            db.execute("DELETE FROM events")
            db.execute("DELETE FROM documents")
            db["documents"].insert_all(
                (self._doc_row(d, i) for i, d in enumerate(docs)), pk="id")
            db["events"].insert_all((self._event_row(e) for e in evs), pk="id")
            db["mentions"].insert_all(
                (self._mention_row(e.id, m) for e in evs for m in e.mentions))

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
        with self.db.atomic():
            self.db.execute("UPDATE documents SET dct = ?, dct_source = ?, dct_source_kind = ? "
                            "WHERE id = ?", [value.isoformat() if value else None,
                                             source.detail, source.kind.value, doc_id])

    def set_event_mark(self, event_id: str, *, reviewed: bool | None = None,
                       dismissed: bool | None = None) -> None:
        """Mark an event reviewed and/or dismissed (None leaves that mark as it is)."""
        row = self.db.conn.execute("SELECT reviewed, dismissed FROM event_marks WHERE event_id = ?",
                                   [event_id]).fetchone()
        old = (bool(row[0]), bool(row[1])) if row else (False, False)
        row = {"event_id": event_id,
               "reviewed": int(old[0] if reviewed is None else reviewed),
               "dismissed": int(old[1] if dismissed is None else dismissed)}
        with self.db.atomic():
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
