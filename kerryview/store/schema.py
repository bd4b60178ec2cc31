"""The migration steps of the project database (see kerryview.store.migrations), oldest first.

Events and mentions are derived from the documents: their columns follow the model's fields
(derived_columns), and a step that changes what they mean returns True so they are dropped and
derived again by the next import. Everything else (documents, the user's marks, records of
imports in progress, per-article analyses) is kept by every step.
"""
from __future__ import annotations

import json
import re
from dataclasses import fields
from typing import TYPE_CHECKING

from kerryview.model import DateSourceKind, Event, EventMention, EventSummary, Timex
from kerryview.store.migrations import Executes, columns, migration, table_names

if TYPE_CHECKING:  # loaded on the first write, not to read a project
    import sqlite_utils

DERIVED_TABLES = ("mentions", "events")
# Columns are named after the model's fields and read back by name, so a field added to the
# model gets its own column (the derived tables are rebuilt) instead of shifting the others.
TIMEX_FIELDS = tuple(f.name for f in fields(Timex))  # stored as timex_<field> in mentions
MENTION_FIELDS = tuple(f.name for f in fields(EventMention) if f.name != "timex")
# Event.mentions come from the mentions table, reviewed/dismissed from the user's marks,
# note/edited from the user's edits (event_edits).
EVENT_FIELDS = tuple(f.name for f in fields(Event)
                     if f.name not in ("mentions", "reviewed", "dismissed", "note", "edited",
                                       "stored_summary"))
# Per event, what the views need of its passages without reading them (model.EventSummary,
# schema step 10); n_sources (its article count) is older. A file without them (step 9, read
# only) is not stale: its events are read with their passages.
SUMMARY_COLUMNS: dict[str, type] = {"n_passages": int, "by_publication": int,
                                    "clause_only": int, "document_ids": str}
# How documents saved before schema 3 said where their date came from.
_OLD_SOURCE_PREFIXES = (("stated in the article", DateSourceKind.STATED_IN_TEXT),
                        ("stated in the page", DateSourceKind.PAGE_METADATA),
                        ("set by", DateSourceKind.SET_BY_USER),
                        ("inferred", DateSourceKind.INFERRED))


def _column_type(field_type: str) -> type:
    """The SQLite column type of a model field, from its annotation ("int | None" -> int)."""
    return int if field_type.split("|")[0].strip() == "int" else str


def derived_columns() -> dict[str, dict[str, type]]:
    event_types = {f.name: _column_type(f.type) for f in fields(Event)}
    mention_types = {f.name: _column_type(f.type) for f in fields(EventMention)}
    timex_types = {f.name: _column_type(f.type) for f in fields(Timex)}
    return {
        "events": {**{f: event_types[f] for f in EVENT_FIELDS}, "n_sources": int,
                   **SUMMARY_COLUMNS},
        "mentions": {"id": int, "event_id": str,
                     **{f: mention_types[f] for f in MENTION_FIELDS},
                     **{f"timex_{f}": timex_types[f] for f in TIMEX_FIELDS}}}


def derived_stale(db: Executes) -> bool:
    """Derived tables made before a model field was added (or removed)."""
    tables = table_names(db)
    return any(name in tables and columns(db, name) - set(SUMMARY_COLUMNS) !=
               set(cols) - set(SUMMARY_COLUMNS) for name, cols in derived_columns().items())


def summary_row(summary) -> dict:
    """The SUMMARY_COLUMNS of an event (and n_sources) from its model.EventSummary."""
    return {"n_sources": summary.n_articles, "n_passages": summary.n_passages,
            "by_publication": int(summary.by_publication),
            "clause_only": int(summary.clause_only),
            # {document id: its passages}, in first-told order (a JSON object keeps it)
            "document_ids": json.dumps(dict(zip(summary.document_ids, summary.per_document)))}


class SummaryBatch:
    """The StoredSummary of one read, their article lists (JSON) decoded all at once when the
    first is asked for: one json.loads over 40,000 of them, not 40,000 calls (whoever asks
    for one, the documents table and the story counts, asks for all)."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[StoredSummary] = []

    def decode(self) -> None:
        items, self.items = self.items, []
        texts = [s._documents for s in items]
        try:
            decoded = json.loads("[" + ",".join(t or "{}" for t in texts) + "]")
        except ValueError:  # a damaged one: each alone, that one empty
            decoded = [_json_or_empty(t) for t in texts]
        for s, per_doc in zip(items, decoded):
            s.document_ids = tuple(per_doc)
            s.per_document = tuple(per_doc.values())
            s._documents = s._batch = None


def _json_or_empty(text: str | None) -> dict:
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class StoredSummary:
    """An event's model.EventSummary as its SUMMARY_COLUMNS keep it (summary_row writes them):
    the counts at once, its articles (document_ids, per_document) decoded from their JSON
    when first asked for, with those of the whole read (SummaryBatch). The timeline asks for
    none of them to draw 40,000 events (that JSON was a quarter of reading them); the
    documents table and the story counts, filled after it, do. Equal to the EventSummary it
    stands for."""

    __slots__ = ("n_articles", "n_passages", "by_publication", "clause_only", "document_ids",
                 "per_document", "_documents", "_batch")

    def __init__(self, n_articles: int | None, n_passages: int | None,
                 by_publication: int | None, clause_only: int | None, documents: str | None,
                 batch: SummaryBatch | None = None) -> None:
        self.n_articles = n_articles or 0
        self.n_passages = n_passages or 0
        self.by_publication = bool(by_publication)
        self.clause_only = bool(clause_only)
        self._documents = documents
        self._batch = batch if batch is not None else SummaryBatch()
        self._batch.items.append(self)

    def __getattr__(self, name: str):
        """document_ids and per_document before they are decoded (then they are slots)."""
        if name in ("document_ids", "per_document") and self._batch is not None:
            self._batch.decode()
            return getattr(self, name)
        raise AttributeError(name)

    def decoded(self) -> EventSummary:
        return EventSummary(self.document_ids, self.n_passages, self.by_publication,
                            self.clause_only, self.per_document)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredSummary):
            other = other.decoded()
        return self.decoded() == other if isinstance(other, EventSummary) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.decoded())

    def __repr__(self) -> str:
        return f"Stored{self.decoded()!r}"


def create_derived(db: sqlite_utils.Database, *, drop: bool = False) -> None:
    """The events and mentions tables as the model has them now (dropped first if asked)."""
    if drop:
        for name in DERIVED_TABLES:
            if db[name].exists():
                db[name].drop()
        if db["event_search"].exists():  # made from them (kerryview.searchtext)
            db.execute("DELETE FROM event_search")
    derived = derived_columns()
    db["events"].create(derived["events"], pk="id", if_not_exists=True)
    db["mentions"].create(
        derived["mentions"], pk="id", foreign_keys=[("event_id", "events", "id"),
                                                    ("document_id", "documents", "id")],
        if_not_exists=True)
    db["mentions"].create_index(["event_id"], if_not_exists=True)
    db["mentions"].create_index(["document_id"], if_not_exists=True)
    db["events"].create_index(["start"], if_not_exists=True)


def _kind_of_old_source(sentence: str | None) -> DateSourceKind:
    """The kind of a date source written as a sentence only (schema 2 and before)."""
    for prefix, kind in _OLD_SOURCE_PREFIXES:
        if (sentence or "").startswith(prefix):
            return kind
    return DateSourceKind.UNKNOWN


def _upgrade_documents(db: sqlite_utils.Database) -> None:
    """Documents of schema 2 and before: the kind of their date's source from its sentence,
    and their date line read again from their text (it is read with the file now)."""
    from kerryview.dating.datelines import read_dateline

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


@migration(3, "documents keep their date's source kind and date line; events, mentions, marks")
def _documents_events_marks(db: sqlite_utils.Database) -> bool:
    old = db["documents"].exists() and "dct_source_kind" not in db["documents"].columns_dict
    db["documents"].create(
        {"id": str, "path": str, "title": str, "text": str, "encoding": str,
         "sha256": str, "dct": str, "dct_source": str, "dct_source_kind": str,
         "dateline": str, "dateline_start": int, "dateline_end": int, "added": int},
        pk="id", if_not_exists=True)
    if old:
        _upgrade_documents(db)
    stale = old or db["events"].exists()  # any events before schema 3 were derived otherwise
    create_derived(db, drop=stale)
    # The user's marks on events, keyed by event id (a hash of its passages), so they
    # survive every re-resolution that groups the same passages; user data, never derived.
    db["event_marks"].create({"event_id": str, "reviewed": int, "dismissed": int},
                             pk="event_id", if_not_exists=True)
    return stale


@migration(4, "pending_import: the files of each import in progress")
def _pending_import(db: sqlite_utils.Database) -> bool:
    # Written before the long work and deleted with the save, so a row left over means the
    # import was killed (its process is gone) and can be offered again.
    db["pending_import"].create({"id": str, "paths": str, "pid": int, "host": str,
                                 "started": float}, pk="id", if_not_exists=True)
    return False


@migration(5, "analyses: each article's per-article results, keyed by content hash")
def _analyses(db: sqlite_utils.Database) -> bool:
    # A cache, never user data: recognized time expressions (date-free) and, for the date in
    # `dct`, the resolved ones and the event mentions (kerryview.analysis), made by the
    # per-article stages of `version`. Kept for content no document holds (a cancelled import)
    # so that importing it again does not tag it again.
    db["analyses"].create({"sha256": str, "version": str, "pending": str, "dct": str,
                           "resolved": str}, pk="sha256", if_not_exists=True)
    return False


@migration(6, "documents name their outlet; event_edits: the user's edits of events, with undo")
def _outlets_and_edits(db: sqlite_utils.Database) -> bool:
    if "outlet" not in db["documents"].columns_dict:  # the outlet an article comes from
        db["documents"].add_column("outlet", str)
    # The user's edits of events (kerryview.edits), in the order made: user data, never
    # derived, applied on top of every resolution. `edit` is the edit as JSON; the edits of
    # one undo step share `step` (the id of its first edit).
    db["event_edits"].create({"id": int, "step": int, "edit": str, "made": float}, pk="id",
                             if_not_exists=True)
    return False


@migration(7, "merge_items, merge_words: the last merge, for an incremental one to start from")
def _merge_snapshot(db: sqlite_utils.Database) -> bool:
    # A cache, never user data (kerryview.incremental.merge): every dated mention as merging
    # saw it (its words weighed, where the date index files it, the mentions its lookup found,
    # its copy group, its strong component and its event), and the word weights of that merge. Valid only while
    # meta.merge_version names the per-article stages that made it; any full resolution
    # rewrites it, and a project without one (older files) is resolved in full once.
    db["merge_items"].create({"id": int, "doc_id": str, "doc_order": int, "seq": int,
                              "level": int, "cell_lo": int, "cell_hi": int, "day": int,
                              "first": int, "read_level": int, "rep": int, "copy_key": str,
                              "comp": int, "event_id": str, "keys": str, "item": str,
                              "cands": str},
                             pk="id", if_not_exists=True)
    for cols in (["doc_id"], ["comp"], ["copy_key"], ["level", "cell_lo"], ["day"], ["first"]):
        db["merge_items"].create_index(cols, if_not_exists=True)
    db["merge_words"].create({"term": str, "idf": float}, pk="term", if_not_exists=True)
    return False


@migration(8, "stories: the stories of the pile and the story of each document")
def _stories(db: sqlite_utils.Database) -> bool:
    # Derived from the documents by every resolution (kerryview.stories), like the events, but
    # kept by a schema change: a project opened before this step simply has no stories until
    # its next import. `position` orders them largest first; `centroid` (JSON [[term,
    # weight], ...]) is what an article added incrementally is compared with.
    db["stories"].create({"id": str, "name": str, "terms": str, "position": int,
                          "centroid": str}, pk="id", if_not_exists=True)
    db["story_documents"].create({"document_id": str, "story_id": str}, pk="document_id",
                                 if_not_exists=True)
    db["story_documents"].create_index(["story_id"], if_not_exists=True)
    return False


@migration(9, "merge_items.cands packed as doubles (id, cosine, ...) instead of JSON text")
def _packed_candidates(db: sqlite_utils.Database) -> bool:
    # Read back for every mention of the components an import touches, the JSON took most of
    # the time of adding 10 articles to 10,000 (kerryview.store.merge_rows.pack_cands).
    from kerryview.store.merge_rows import pack_cands, unpack_cands
    if "merge_items" not in table_names(db):
        return False
    from kerryview.store.sql import chunks, select_in
    conn = db.conn
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM merge_items WHERE typeof(cands) = 'text' ORDER BY id")]
    for chunk in chunks(ids):  # a chunk read, then written (not one read of every row)
        rows = list(select_in(conn.execute, "SELECT id, cands FROM merge_items WHERE id IN ({in})",
                              chunk))
        conn.executemany("UPDATE merge_items SET cands = ? WHERE id = ?",
                         [(pack_cands(unpack_cands(c)), i) for i, c in rows])
    return False


@migration(10, "events keep a summary of their passages (n_passages, by_publication, "
               "clause_only, document_ids): a project opens without reading every passage")
def _event_summaries(db: sqlite_utils.Database) -> bool:
    # Filled from the passages in one pass over mentions, in their stored order (the articles
    # in first-told order with their passage counts, as EventSummary.of gives them); written by
    # every later save.
    if "events" not in table_names(db):
        return False
    have = columns(db, "events")
    for name, kind in SUMMARY_COLUMNS.items():
        if name not in have:
            db.conn.execute(f'ALTER TABLE events ADD COLUMN "{name}" '
                            f'{"INTEGER" if kind is int else "TEXT"}')
    if "mentions" not in table_names(db) or derived_stale(db):  # rebuilt, and so filled
        return False
    passages: dict[str, list[EventMention]] = {}
    for event_id, doc, dated_by, position in db.conn.execute(
            "SELECT event_id, document_id, dated_by, position FROM mentions ORDER BY id"):
        passages.setdefault(event_id, []).append(
            EventMention(document_id=doc, start=0, end=0, text="", timex=_NO_TIMEX,
                         dated_by=dated_by, position=position or ""))
    rows = []
    for (event_id,) in db.conn.execute("SELECT id FROM events").fetchall():
        r = summary_row(EventSummary.of(passages.get(event_id, [])))
        rows.append((r["n_sources"], r["n_passages"], r["by_publication"], r["clause_only"],
                     r["document_ids"], event_id))
    db.conn.executemany("UPDATE events SET n_sources = ?, n_passages = ?, by_publication = ?, "
                        "clause_only = ?, document_ids = ? WHERE id = ?", rows)
    return False


_NO_TIMEX = Timex(start=0, end=0, text="", type="DATE", value="")


@migration(11, "event_search: each event's searchable passages (kerryview.searchtext), so the "
               "first search of a project reads no passage")
def _event_search(db: sqlite_utils.Database) -> bool:
    # Derived from the passages and their articles, written with every events row (Store);
    # made again from them when kerryview.searchtext.version() changes (Store open).
    db["event_search"].create({"event_id": str, "text": str}, pk="event_id",
                              if_not_exists=True)
    if {"events", "mentions", "documents"} <= table_names(db) and not derived_stale(db):
        fill_search_texts(db.conn)
    return False


def fill_search_texts(conn) -> None:
    """Make every stored event's search text again from its stored passages (in stored order)
    and their articles, and record kerryview.searchtext.version(); in the caller's
    transaction."""
    from kerryview.searchtext import texts_of
    passages: dict[str, list[EventMention]] = {}
    for event_id, doc, text in conn.execute(
            "SELECT event_id, document_id, text FROM mentions ORDER BY id"):
        passages.setdefault(event_id, []).append(
            EventMention(document_id=doc, start=0, end=0, text=text or "", timex=_NO_TIMEX))
    rows = texts_of(passages, lambda doc: article_text(conn, doc))
    conn.execute("DELETE FROM event_search")
    conn.executemany("INSERT INTO event_search (event_id, text) VALUES (?, ?)", rows.items())
    record_search_version(conn)


def record_search_version(conn) -> None:
    from kerryview.searchtext import version
    conn.execute("CREATE TABLE IF NOT EXISTS meta ([key] TEXT PRIMARY KEY, [value] TEXT)")
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_version', ?)",
                 [version()])


def article_text(conn, doc_id: str) -> str | None:
    """An article's stored text (None when the project has no such article)."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else None



@migration(12, "documents.dct_source_kind may be 'filed_per_dateline' (a page's date taken back "
               "to its year-less wire dateline's day): a kerryview before it refuses the project "
               "instead of failing on the kind")
def _filed_per_dateline(db: sqlite_utils.Database) -> bool:
    return False  # no table changes: the step marks that the stored kinds grew


# The page's own sentence at the end of a date taken back to its wire dateline's day ("filed on
# 12 March (its dateline ...); the page is dated 13 March (stated in the page's metadata
# (article:published_time 2013-03-13T08:00:00Z))", dating.inference.declared_dct).
_PAGE_SENTENCE = re.compile(r"\((stated in the page's metadata \(\S+ (.+)\))\)$")


@migration(13, "documents keep the date their page's metadata declares (page_dct, "
               "page_dct_source), so inferring an article's date again finds it again")
def _page_dates(db: sqlite_utils.Database) -> bool:
    from kerryview.dating.datelines import parse_date_text

    for name in ("page_dct", "page_dct_source"):
        if name not in db["documents"].columns_dict:
            db["documents"].add_column(name, str)
    db.execute("UPDATE documents SET page_dct = dct, page_dct_source = dct_source "
               "WHERE dct_source_kind = 'page_metadata' AND dct IS NOT NULL")
    for doc_id, sentence in db.execute("SELECT id, dct_source FROM documents "
                                       "WHERE dct_source_kind = 'filed_per_dateline'").fetchall():
        m = _PAGE_SENTENCE.search(sentence or "")
        day = parse_date_text(m[2]) if m else None
        if day is not None:
            db.execute("UPDATE documents SET page_dct = ?, page_dct_source = ? WHERE id = ?",
                       [day.isoformat(), m[1], doc_id])
    return False
