"""The stored last merge (tables merge_items and merge_words, schema step 7; each row's lookup
packed as doubles since step 9: pack_cands), read and written for kerryview.incremental.merge:
the rows of the mentions an incremental merge must look at (by document, component, copy key,
date bucket) and the writes of what it changed, each inside the caller's transaction. Part of
Store (a mixin), so that no SQL leaves the store."""
from __future__ import annotations

import json
import math
from array import array
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from kerryview.store.sql import marks, select_in

if TYPE_CHECKING:
    from kerryview.model import Document, Event

# A merge_items row as the queries below return it, in this column order.
MERGE_COLUMNS = ("id", "doc_id", "doc_order", "seq", "level", "cell_lo", "cell_hi", "day",
                 "first", "read_level", "rep", "copy_key", "comp", "event_id", "keys", "item",
                 "cands")
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in MERGE_COLUMNS) + " FROM merge_items"
_META_KEYS = ("merge_version", "merge_passages", "merge_changed", "merge_next_id")


def _of_story(sql: str, args: Sequence, story: str | None, *, from_documents: bool = False
              ) -> tuple[str, list]:
    """A merge_items query (its WHERE clause last) and its parameters, kept to the rows of one
    story's documents when `story` is given (kerryview.stories: a story is merged on its own):
    the one place the story filter is written. Each row the query's own index finds (by date,
    bucket or copy key: a few) is tested for the story; with `from_documents` the rows are
    found from the story's documents instead (merge_levels, which no index narrows). Measured
    on 10,000 articles: testing the rows of a day is 0.3 ms where SQLite, left to choose,
    started from the story's documents (95 ms); levels from the documents of a small story
    0.04 ms against 116 ms testing every row."""
    if story is None:
        return sql, list(args)
    if from_documents:
        return (sql + " AND doc_id IN (SELECT document_id FROM story_documents WHERE "
                "story_id = ?)", [*args, story])
    return (sql + " AND EXISTS (SELECT 1 FROM story_documents sd WHERE sd.document_id = "
            "merge_items.doc_id AND sd.story_id = ?)", [*args, story])


def pack_cands(cands: Iterable[Sequence]) -> bytes:
    """A lookup's candidates ([id, cosine or None]) as merge_items.cands keeps them (schema
    step 9): doubles id, cosine, id, cosine... (NaN: a cosine not computed yet; ids are far
    below 2**53, exact as doubles). The JSON kept before took most of an incremental merge's
    time to read back: a stored mention has about 45 candidates, and every mention of the
    components an import touches is read."""
    flat = array("d")
    for j, cos in cands:
        flat.append(j)
        flat.append(math.nan if cos is None else cos)
    return flat.tobytes()


def unpack_cands(stored: bytes | str) -> list[list]:
    """pack_cands's list back ([id, cosine or None]); JSON text as schema 7 and 8 kept it."""
    if isinstance(stored, str):
        return json.loads(stored)
    flat = array("d")
    flat.frombytes(stored)
    it = iter(flat)
    return [[int(j), None if cos != cos else cos] for j, cos in zip(it, it)]


class MergeRows:
    """Store methods over the stored merge (see the module docstring)."""

    conn: object  # sqlite3.Connection (Store)

    # -- the snapshot as a whole ----------------------------------------------------------
    def merge_info(self) -> tuple[str, int, int] | None:
        """(corpus version (analysis.corpus_version), passages it was weighed on, passages added or removed since), or
        None when the project keeps no usable merge (older file, or a resolution cleared it)."""
        if "merge_items" not in self._table_names():
            return None
        meta = dict(self.conn.execute(
            f"SELECT key, value FROM meta WHERE key IN ({marks(len(_META_KEYS))})",
            _META_KEYS).fetchall())
        if set(meta) != set(_META_KEYS):
            return None
        return meta["merge_version"], int(meta["merge_passages"]), int(meta["merge_changed"])

    def merge_next_id(self) -> int:
        """The id the next merge row gets (ids are never used twice: a row's candidates
        name others by id)."""
        return int(self.conn.execute(
            "SELECT value FROM meta WHERE key = 'merge_next_id'").fetchone()[0])

    def _set_merge_meta(self, version: str, passages: int, changed: int, next_id: int) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                              zip(_META_KEYS, (version, str(passages), str(changed),
                                               str(next_id))))

    def clear_merge(self) -> None:
        """Forget the stored merge (the next import resolves in full and stores a new one)."""
        with self.writing():
            self.conn.executemany("DELETE FROM meta WHERE key = ?", [[k] for k in _META_KEYS])
            if "merge_items" in self._table_names():
                self.conn.execute("DELETE FROM merge_items")
                self.conn.execute("DELETE FROM merge_words")

    def save_merge(self, rows: Iterable[tuple], idf: dict[str, float], passages: int,
                   version: str, next_id: int) -> None:
        """Replace the stored merge by a full one (rows in MERGE_COLUMNS order, their ids
        below next_id)."""
        with self.writing():
            self.conn.execute("DELETE FROM merge_items")
            self.conn.execute("DELETE FROM merge_words")
            self._insert_merge_rows(rows)
            self.conn.executemany("INSERT INTO merge_words (term, idf) VALUES (?, ?)",
                                  idf.items())
            self._set_merge_meta(version, passages, 0, next_id)

    def _insert_merge_rows(self, rows: Iterable[tuple]) -> None:
        self.conn.executemany(
            f"INSERT INTO merge_items ({', '.join(repr(c) for c in MERGE_COLUMNS)}) VALUES "
            f"({marks(len(MERGE_COLUMNS))})", rows)

    def merge_words(self, terms: Iterable[str]) -> dict[str, float]:
        """The stored weights of these words (a word the merge never saw has none)."""
        return dict(select_in(self.conn.execute,
                              "SELECT term, idf FROM merge_words WHERE term IN ({in})", terms))

    # -- reads ----------------------------------------------------------------------------
    def _merge_rows_in(self, column: str, values: Iterable, story: str | None = None
                       ) -> list[tuple]:
        sql, after = _of_story(f'{_SELECT} WHERE "{column}" IN ({{in}})', (), story)
        return list(select_in(self.conn.execute, sql, values, after))

    def merge_rows_of_documents(self, doc_ids: Iterable[str]) -> list[tuple]:
        return self._merge_rows_in("doc_id", doc_ids)

    def merge_rows_by_ids(self, ids: Iterable[int]) -> list[tuple]:
        return self._merge_rows_in("id", ids)

    def merge_rows_of_components(self, comps: Iterable[int]) -> list[tuple]:
        return self._merge_rows_in("comp", comps)

    def merge_rows_with_copy_keys(self, keys: Iterable[str], story: str | None = None
                                  ) -> list[tuple]:
        return self._merge_rows_in("copy_key", keys, story)

    def merge_readers(self, first_lo: int, first_hi: int, max_level: int | None,
                      story: str | None = None) -> list[tuple[int, int, str]]:
        """(id, comp, keys) of the representatives whose date starts on these days and, given
        max_level, whose own level is at most it (they read the buckets above it)."""
        sql = "SELECT id, comp, keys FROM merge_items WHERE rep = 1 AND first BETWEEN ? AND ?"
        if max_level is None:
            sql, args = sql + " AND day IS NOT NULL", [first_lo, first_hi]
        else:
            sql, args = sql + " AND read_level <= ?", [first_lo, first_hi, max_level]
        return self.conn.execute(*_of_story(sql, args, story)).fetchall()

    def merge_bucket(self, level: int, cell: int, story: str | None = None) -> list[tuple]:
        """The representatives filed in one date bucket (a date spans at most two)."""
        sql = f"{_SELECT} WHERE rep = 1 AND level = ? AND cell_lo BETWEEN ? AND ? AND cell_hi >= ?"
        return self.conn.execute(*_of_story(sql, [level, cell - 1, cell, cell], story)).fetchall()

    def merge_day(self, day: int, story: str | None = None) -> list[tuple]:
        """The representatives known to the day filed under this day."""
        return self.conn.execute(*_of_story(f"{_SELECT} WHERE rep = 1 AND day = ?", [day],
                                            story)).fetchall()

    def merge_levels(self, story: str | None = None) -> set[int]:
        return {r[0] for r in self.conn.execute(*_of_story(
            "SELECT DISTINCT level FROM merge_items WHERE rep = 1 AND cell_lo IS NOT NULL", (),
            story, from_documents=True))}

    def merge_of_story(self, story: str) -> "StoryMerge":
        """The stored merge as one story's merge sees it (kerryview.incremental merges each
        story on its own, as a full resolution does): the reads that find mentions by date
        or copy key return only that story's; the rest is the store's."""
        return StoryMerge(self, story)

    def merge_next_component(self) -> int:
        return self.conn.execute("SELECT coalesce(max(comp), -1) + 1 FROM merge_items").fetchone()[0]

    # -- writes (inside the caller's transaction) -----------------------------------------
    def update_merge(self, deleted: Sequence[int],
                     updated: Iterable[tuple[str, int, int, str | None, int]],
                     inserted: Sequence[tuple], changed_passages: int) -> None:
        """Rows of removed mentions deleted, (event_id, comp, rep, cands or None to keep
        them, id) updated, new rows inserted (with ids from merge_next_id); `changed_passages`
        more passages weighed otherwise than at the last fit."""
        conn = self.conn
        conn.executemany("DELETE FROM merge_items WHERE id = ?", [[i] for i in deleted])
        conn.executemany("UPDATE merge_items SET event_id = ?, comp = ?, rep = ?, "
                         "cands = coalesce(?, cands) WHERE id = ?", updated)
        self._insert_merge_rows(inserted)
        version, passages, changed = self.merge_info()
        next_id = max([self.merge_next_id() - 1, *(r[0] for r in inserted)]) + 1
        self._set_merge_meta(version, passages, changed + changed_passages, next_id)

    def replace_some_events(self, gone: Iterable[str], events: Sequence[Event],
                            texts: Mapping[str, str] | None = None) -> None:
        """Delete these events (with their mentions) and insert `events` (new ids, or ids
        among `gone`): the rest of the derived tables stay as they are. `texts`: the text of
        articles they tell that are not stored yet (for their search texts)."""
        conn = self.conn
        gone = sorted(set(gone) | {e.id for e in events})
        ids = [[i] for i in gone]
        conn.executemany("DELETE FROM mentions WHERE event_id = ?", ids)
        conn.executemany("DELETE FROM events WHERE id = ?", ids)
        self.db["events"].insert_all((self._event_row(e) for e in events), pk="id")
        self.db["mentions"].insert_all(
            (self._mention_row(e.id, m) for e in events for m in e.mentions))
        self._save_search_texts(gone, events, texts)

    def add_documents(self, documents: Sequence[Document]) -> None:
        """Insert new documents after the others (in the caller's transaction)."""
        order = self.conn.execute("SELECT coalesce(max(added) + 1, 0) FROM documents").fetchone()[0]
        self.db["documents"].insert_all(
            (self._doc_row(d, order + i) for i, d in enumerate(documents)), pk="id")

    def document_orders(self) -> dict[str, int]:
        """id -> order of addition, of every stored document (without reading texts)."""
        return dict(self.conn.execute("SELECT id, added FROM documents"))

    def document_date_kinds(self) -> dict[str, tuple[str | None, str]]:
        """id -> (dct, kind of its source), without reading texts."""
        return {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT id, dct, dct_source_kind FROM documents")}

    def documents_by_id(self, doc_ids: Iterable[str]) -> list[Document]:
        return [self._doc(r) for r in select_in(
            self.conn.execute, f"SELECT {self._doc_select()} FROM documents WHERE id IN ({{in}})",
            doc_ids)]



class StoryMerge:
    """The stored merge of one story (MergeRows.merge_of_story): the lookups by date bucket,
    day and copy key see only its documents' mentions, everything else is the store's (ids
    and components are numbered over the whole project)."""

    def __init__(self, store: MergeRows, story: str) -> None:
        self._store, self._story = store, story

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def merge_rows_with_copy_keys(self, keys: Iterable[str]) -> list[tuple]:
        return self._store.merge_rows_with_copy_keys(keys, self._story)

    def merge_readers(self, first_lo: int, first_hi: int, max_level: int | None
                      ) -> list[tuple[int, int, str]]:
        return self._store.merge_readers(first_lo, first_hi, max_level, self._story)

    def merge_bucket(self, level: int, cell: int) -> list[tuple]:
        return self._store.merge_bucket(level, cell, self._story)

    def merge_day(self, day: int) -> list[tuple]:
        return self._store.merge_day(day, self._story)

    def merge_levels(self) -> set[int]:
        return self._store.merge_levels(self._story)
