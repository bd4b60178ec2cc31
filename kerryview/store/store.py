"""The corpus database: one SQLite file that opens again instantly.

Every write that changes the corpus happens in one transaction, so a crash or an error part-way
through leaves the previous, consistent corpus in place. Domain values go in and come out as the
dataclasses of kerryview.model; nothing outside this module sees SQL.
"""
from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Iterable

import sqlite_utils

from kerryview.model import Document, Event, EventMention, Timex

SCHEMA_VERSION = 2
# Events and mentions are derived from the documents: a database written by another schema
# version keeps its documents and has these rebuilt (Store.needs_rebuild).
DERIVED_TABLES = ("mentions", "events")
TIMEX_FIELDS = ("start", "end", "text", "type", "value", "mod", "freq", "quant", "anchor",
                "anchor_kind")


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
        with db.atomic():
            db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row and row[0] != str(SCHEMA_VERSION):
                for name in DERIVED_TABLES:
                    if db[name].exists():
                        db[name].drop()
                self.needs_rebuild = True
            db["documents"].create(
                {"id": str, "path": str, "title": str, "text": str, "encoding": str,
                 "sha256": str, "dct": str, "dct_source": str, "added": int},
                pk="id", if_not_exists=True)
            db["events"].create(
                {"id": str, "label": str, "value": str, "start": str, "end": str,
                 "granularity": str, "status": str, "duration": str, "mod": str,
                 "conflicts": str, "n_sources": int},
                pk="id", if_not_exists=True)
            columns = {"id": int, "event_id": str, "document_id": str, "start": int, "end": int,
                       "text": str, "trigger_start": int, "trigger_end": int, "status": str,
                       "resolution": str, "duration": str, "duration_mod": str}
            columns.update({f"timex_{f}": (int if f in ("start", "end") else str)
                            for f in TIMEX_FIELDS})
            db["mentions"].create(
                columns, pk="id", foreign_keys=[("event_id", "events", "id"),
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
        return {"id": d.id, "path": d.path, "title": d.title, "text": d.text,
                "encoding": d.encoding, "sha256": d.sha256,
                "dct": d.dct.isoformat() if d.dct else None, "dct_source": d.dct_source,
                "added": order}

    @staticmethod
    def _event_row(e: Event) -> dict:
        return {"id": e.id, "label": e.label, "value": e.value, "start": e.start, "end": e.end,
                "granularity": e.granularity, "status": e.status, "duration": e.duration,
                "mod": e.mod, "conflicts": json.dumps(e.conflicts),
                "n_sources": len(e.document_ids)}

    @staticmethod
    def _mention_row(event_id: str, m: EventMention) -> dict:
        row = {"event_id": event_id, "document_id": m.document_id, "start": m.start,
               "end": m.end, "text": m.text, "trigger_start": m.trigger_start,
               "trigger_end": m.trigger_end, "status": m.status, "resolution": m.resolution,
               "duration": m.duration, "duration_mod": m.duration_mod}
        row.update({f"timex_{f}": getattr(m.timex, f) for f in TIMEX_FIELDS})
        return row

    def set_document_date(self, doc_id: str, value: date | None) -> None:
        """A publication date the user set (kept by every later resolution), or None to let
        kerryview infer it again. Events are re-derived by the caller (pipeline)."""
        source = "set by the user" if value else "unknown"
        with self.db.atomic():
            self.db.execute("UPDATE documents SET dct = ?, dct_source = ? WHERE id = ?",
                            [value.isoformat() if value else None, source, doc_id])

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

    _MENTION_COLUMNS = ("event_id", "document_id", "start", "end", "text", "trigger_start",
                        "trigger_end", "status", "resolution", "duration", "duration_mod",
                        *(f"timex_{f}" for f in TIMEX_FIELDS))

    def events(self) -> list[Event]:
        """All events in time order (stable for same-date events), each with its mentions.
        Plain cursors and positional columns: this is what opening a large corpus waits on."""
        conn = self.db.conn
        events: dict[str, Event] = {}
        for (eid, label, value, start, end, gran, status, duration, mod, conflicts) in conn.execute(
                'SELECT id, label, value, start, "end", granularity, status, duration, mod, '
                'conflicts FROM events ORDER BY start, "end", label, id'):
            events[eid] = Event(eid, label, value, start, end, gran, status, duration, mod, [],
                                json.loads(conflicts) if conflicts and conflicts != "[]" else [])
        cols = ", ".join(f'"{c}"' for c in self._MENTION_COLUMNS)
        for r in conn.execute(f"SELECT {cols} FROM mentions ORDER BY id"):
            ev = events.get(r[0])
            if ev is not None:
                ev.mentions.append(EventMention(r[1], r[2], r[3], r[4], Timex(*r[11:21]),
                                                r[5], r[6], r[7], r[8], r[9], r[10]))
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
                        dct_source=r["dct_source"])

    def close(self) -> None:
        self.db.close()
