"""Merging again after a few articles are added or removed, touching only what they change,
with the result a merge of the whole corpus would give (with the same word weights).

Why that can be exact. Two groups of mentions merge only when their average similarity
reaches MERGE_THRESHOLD, so only through a pair whose cosine reaches it (an average is never
above its largest term): the clusters never cross the components of the graph of such strong
links, and each component is clustered on its own (kerryview.events.merge.agglomerate). The
links of a mention are the candidates its date buckets give it (kerryview.events.blocking),
and a bucket's answer changes only when one of the looked-up words gained or lost postings
there. So, stored with each mention (the `merge_items` table): where it is filed, its words,
its copy group, its component and its event. When mentions come or go:

1. the buckets they are filed in are dirty, for their words;
2. the components to cluster again are those of the removed mentions, of the copies the new
   ones join, and of every mention that reads a dirty bucket under one of its dirty words;
3. every new mention, and every stored one whose words read in a dirty bucket change (a
   word over the cap now, a budget spent otherwise), looks its buckets up again, in an index
   of those buckets loaded whole (so word caps and budgets are the full corpus's); a stored
   one that reads the same words there keeps what its lookup found when stored, and the new
   mentions it now finds there are added (scored as the lookup scores them: _new_cands); the
   other mentions of those components keep their stored lookups; a strong link to a mention
   outside brings its component in, until none does;
4. inside those components, only the region the change can reach is clustered again (the
   stored events of the new mentions, of the copies they join, of the stored mentions whose
   links among stored ones changed, and of removed mentions; grown while a link across could
   change a merge: _Region), in the corpus's order (ties break as in a full merge), and only
   its events are replaced.

The word weights (IDF) are the project's, fitted by its last full merge (merge_words):
fitting them again on every import would change every passage's vector. A full merge is done
again once the passages added or removed since reach REFIT_FRACTION of those it was fitted
on, so the weights never drift far from the corpus's own.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import math
from array import array
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Iterable

from kerryview.calendar.intervals import Interval
from kerryview.cancellation import NEVER, Cancellation
from kerryview.events.blocking import (NEAR_DAYS, DateTermIndex, Postings, _cells, _file, count,
                                      dot_products, key_terms, level, with_near)
from kerryview.events.merge import (LINK_FLOOR, SAME_WORDS_DATES, Item, MergeState, Sentence,
                                    Told, _Group, _finest, join_precisions, join_publication_dated,
                                    join_same_day, publication_side,
                                    _widened, agglomerate, can_witness, compared_near,
                                    event_id as passages_id, join_same_words, joinable, link,
                                    make_event, make_item, merge_score, passage, sentence_index,
                                    sentences, shared_times)
from kerryview.events.clauses import CLAUSE_WORD_MARK, is_clause_event
from kerryview.events.joined import Joined
from kerryview.events.mentions import Found
from kerryview.calendar.zones import utc_interval
from kerryview.model import Event, EventMention, Timex
from kerryview.store.merge_rows import pack_cands, unpack_cands
from kerryview.text.similarity import Vectorizer
from kerryview.text.wordlists import two_precisions

if TYPE_CHECKING:
    from kerryview.store import Store

REFIT_FRACTION = 0.05  # passages added or removed since the weights were fitted, at most
_MENTION = tuple(f.name for f in fields(EventMention) if f.name != "timex")
_TIMEX = tuple(f.name for f in fields(Timex))


# -- one mention as stored ----------------------------------------------------------------
def filing(it: Item) -> tuple[int, int | None, int | None, int | None, int, int]:
    """Where the date index files and looks up a mention (as DateTermIndex.add and
    .candidates do): (level, first and last cell at it or None, its day if known to the day,
    the first day of its date, the level of its date)."""
    extent = _widened(it)
    k = level(extent)
    day_level = compared_near(it)
    lo = hi = None
    if not (day_level and k == 0):
        cells = _cells(extent, k)
        lo, hi = cells[0], cells[-1]
    first = it.interval.start.toordinal()
    return k, lo, hi, first if day_level else None, first, level(it.interval)


def _iv(iv: Interval | None) -> list | None:
    return None if iv is None else [iv.start.isoformat(), iv.end.isoformat(), iv.granularity.value]


def copy_key(it: Item) -> str:
    """Equal for two mentions merge.copy_groups takes for copies (same date, same words)."""
    data = [_iv(it.interval), _iv(it.utc), it.mention.timex.value, sorted(it.vector.items())]
    return hashlib.sha1(json.dumps(data).encode()).hexdigest()


def encode(it: Item) -> str:
    m = it.mention
    return json.dumps([[getattr(m, n) for n in _MENTION], [getattr(m.timex, n) for n in _TIMEX],
                       it.label, _iv(it.interval), it.doc_dct, it.approximate,
                       list(it.vector.items()), it.shares_time],
                      ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> Item:
    m, t, label, iv, doc_dct, approximate, vector, *shares = json.loads(text)
    timex = Timex(*t)
    mention = EventMention(timex=timex, **dict(zip(_MENTION, m)))
    interval = Interval(datetime.fromisoformat(iv[0]), datetime.fromisoformat(iv[1]), iv[2])
    return Item(mention, label, interval, dict(vector), doc_dct, approximate,
                utc_interval(timex, interval), bool(shares and shares[0]))


def _row(row_id: int, node: "_Node", comp: int, event_id: str, cands: list[list] | None
         ) -> tuple:
    k, lo, hi, day, first, read_level = node.filing
    return (row_id, node.item.mention.document_id, node.order[0], node.order[1], k, lo, hi,
            day, first, read_level, int(node.rep), node.copy_key, comp, event_id,
            " ".join(key_terms(node.item.vector)), encode(node.item),
            cands if cands is None or isinstance(cands, bytes) else pack_cands(cands))


# -- the full merge's snapshot --------------------------------------------------------------
def save_full(store: Store, state: MergeState, orders: dict[str, int], passages: int,
              version: str) -> None:
    """Store what a full merge (merge(..., keep=state)) found, for the next incremental one."""
    ids, next_id = {}, 1
    for members in state.copies:
        for i in members:
            ids[i], next_id = next_id, next_id + 1

    def rows():  # made as they are written: a list of them all would double the peak
        for g, members in enumerate(state.copies):
            comp = state.components[g]
            js, links = state.lookups.get(g, ((), ()))
            cands = [[ids[state.copies[h][0]], None if cos != cos else cos]  # NaN: not made
                     for h, cos in zip(js, links)]
            for n, i in enumerate(members):
                it = state.items[i]
                node = _Node((orders[it.mention.document_id], state.positions[i]), None, it,
                             n == 0, copy_key(it))
                yield _row(ids[i], node, comp, state.event_of[id(it)],
                           cands if n == 0 else None)

    store.save_merge(rows(), state.vectorizer.idf if state.vectorizer else {}, passages,
                     version, next_id)


def with_project_weights(store: "Store") -> list[Event]:
    """The stored documents resolved from scratch by build_corpus, story by story over the
    stored stories, merged with the project's word weights (those its incremental merges
    use): what an incremental import must equal exactly. A fresh full import fits the
    weights (IDF) again on all its articles, and merging is sensitive to them near its
    thresholds: a few events differ from it. (tests/test_incremental_merge.py and
    benchmarks/incremental.py compare with it.)"""
    from kerryview.analysis import AnalysisCache, stage_version
    from kerryview.events.clauses import own_words
    from kerryview.pipeline import build_corpus

    docs = store.documents()
    cache = AnalysisCache(store.analyses(stage_version()))
    terms = {t for d in docs for f in cache.current(d.sha256).found
             for t in own_words(f.mention, f.context)}
    _, passages, _ = store.merge_info()
    vec = project_vectorizer(store.merge_words(terms), passages, terms)
    return build_corpus(docs, analyses=cache, given=store.stories(), vectorizer=vec)


def project_vectorizer(weights: dict[str, float], passages: int,
                       terms: Iterable[str]) -> Vectorizer:
    """The project's word weights for these words; a word its last full merge never saw
    weighs what a word of one passage weighed then (rare, so telling)."""
    unseen = math.log((1 + passages) / 2) + 1.0
    return Vectorizer({t: weights.get(t, unseen) for t in terms})


# -- the incremental merge -----------------------------------------------------------------
@dataclass
class _Node:
    order: tuple[int, int]  # (document's order of addition, position): the corpus's order
    row_id: int | None  # in merge_items; None for a new mention
    raw: Item | str  # the item, or as stored (decoded when first asked for: most mentions
    rep: bool        # of the components looked at are never clustered again)
    copy_key: str
    comp: int | None = None
    event_id: str | None = None
    filing: tuple = ()
    # what its lookup found when it was stored: [id, link or None (computed when needed)],
    # or as stored (unpacked when first asked for: most rows read are never looked at)
    stored_cands: list[list] | bytes | str | None = None

    def __post_init__(self) -> None:
        if not self.filing:
            self.filing = filing(self.item)

    @property
    def cands(self) -> list[list] | None:
        if isinstance(self.stored_cands, (bytes, str)):
            self.stored_cands = unpack_cands(self.stored_cands)
        return self.stored_cands

    @cands.setter
    def cands(self, value: list[list] | None) -> None:
        self.stored_cands = value

    @property
    def has_cands(self) -> bool:
        return self.stored_cands is not None

    def packed_cands(self) -> array | list[list] | None:
        """The stored candidates as doubles id, cosine, ... (NaN: not computed), without a
        list per candidate: most members' candidates are only read into _Links."""
        if isinstance(self.stored_cands, bytes):
            flat = array("d")
            flat.frombytes(self.stored_cands)
            return flat
        return self.cands

    @property
    def item(self) -> Item:
        if isinstance(self.raw, str):
            self.raw = decode(self.raw)
        return self.raw

    @property
    def decoded(self) -> bool:
        return not isinstance(self.raw, str)


def _witness(a: Item, b: Item) -> bool:
    """A link between these two that could witness a merge (merge.can_witness)."""
    return can_witness(a, b, link(a, b))


def _node(row: tuple) -> _Node:
    (row_id, _doc, doc_order, seq, k, lo, hi, day, first, read_level, rep, key, comp,
     event_id, _keys, item, cands) = row
    return _Node((doc_order, seq), row_id, item, bool(rep), key, comp, event_id,
                 (k, lo, hi, day, first, read_level), cands)


@dataclass
class Change:
    """What an incremental merge changes: events to delete and to insert, merge_items rows."""

    events: list[Event] = field(default_factory=list)
    gone_events: set[str] = field(default_factory=set)
    deleted_rows: list[int] = field(default_factory=list)
    updated_rows: list[tuple[str, int, int, int]] = field(default_factory=list)
    inserted_rows: list[tuple] = field(default_factory=list)
    passages: int = 0  # added and removed
    reclustered: int = 0  # mentions clustered again (for the benchmark)
    members: int = 0  # mentions of the components looked at (the region is part of them)


class _Merger:
    def __init__(self, store: Store, removed: set[str], cancel: Cancellation) -> None:
        self.store, self.cancel = store, cancel
        self.removed_docs = removed
        self.removed_rows: set[int] = set()
        self.nodes: dict[int, _Node] = {}  # index id (row id, or negative for new) -> node
        self.new: list[int] = []
        self.promoted: dict[int, _Node] = {}  # copies that stand for their group now
        self.index = DateTermIndex()
        self.loaded_buckets: set[tuple[int, int]] = set()
        self.loaded_days: set[int] = set()
        self.members: set[int] = set()
        self.comps: set[int] = set()
        self.changed: set[int] = set()  # stored mentions whose lookups may find others now
        # those of them whose lookups may find other stored mentions (not only new ones): their
        # links among stored mentions may differ, so their events are clustered again
        self.relinked: set[int] = set()
        # the others that find new mentions: (in a day's bucket, the words they read there
        # in order, the new mentions sharing one): their links among stored mentions stand
        self.finds_new: dict[int, list[tuple[bool, list[str], list[_Node]]]] = {}

    # loading ----------------------------------------------------------------------------
    def _get(self, row: tuple) -> _Node | None:
        if row[0] in self.removed_rows or row[1] in self.removed_docs:
            return None
        node = self.nodes.get(row[0])
        if node is None:
            node = self.nodes[row[0]] = _node(row)
        return node

    def _extra(self, k: int | None, cell: int | None, day: int | None) -> list[int]:
        """New and promoted representatives filed in this bucket (or under this day)."""
        out = []
        for i in [*self.new, *self.promoted]:
            node = self.nodes[i]
            if not node.rep:
                continue
            nk, lo, hi, nday, _, _ = node.filing
            if day is not None and nday == day or \
                    k is not None and nk == k and lo is not None and lo <= cell <= hi:
                out.append(i)
        return out

    def _load_bucket(self, k: int, cell: int) -> None:
        if (k, cell) in self.loaded_buckets:
            return
        self.loaded_buckets.add((k, cell))
        ids = [n for row in self.store.merge_bucket(k, cell) if (n := self._get(row)) is not None
               and n.rep and n.row_id not in self.promoted]
        ids = [n.row_id for n in ids] + self._extra(k, cell, None)
        if ids:
            bucket = self.index.buckets.setdefault((k, cell), {})
            for i in sorted(ids, key=lambda i: self.nodes[i].order):
                _file(bucket, i, self.nodes[i].item.vector)

    def _load_day(self, day: int) -> None:
        if day in self.loaded_days:
            return
        self.loaded_days.add(day)
        ids = [n.row_id for row in self.store.merge_day(day) if (n := self._get(row)) is not None
               and n.rep and n.row_id not in self.promoted] + self._extra(None, None, day)
        if ids:
            bucket = self.index.days.setdefault(day, {})
            for i in sorted(ids, key=lambda i: self.nodes[i].order):
                _file(bucket, i, self.nodes[i].item.vector)

    def _lookup(self, i: int) -> dict[int, float]:
        node = self.nodes[i]
        _, _, _, day, first, k0 = node.filing
        for k in self.index.levels:
            if k >= k0:
                self._load_bucket(k, first >> k)
        if day is not None:
            for d in range(first - NEAR_DAYS, first + NEAR_DAYS + 1):
                self._load_day(d)
        it = node.item
        return self.index.candidates(key_terms(it.vector), it.interval, day is not None)

    def _add_components(self, comps: Iterable[int]) -> None:
        fresh = set(comps) - self.comps
        if not fresh:
            return
        self.comps |= fresh
        for row in self.store.merge_rows_of_components(fresh):
            node = self._get(row)
            if node is not None:
                self.members.add(node.row_id)

    def _dirty_readers(self, changes: list[tuple[_Node, int]]) -> set[int]:
        """The components of the mentions whose lookup of a bucket that `changes` (nodes
        filed, +1, or unfiled, -1) touch may answer otherwise than before, apart from finding
        the new mentions weakly (links that join no components): those whose words read
        there change (a word now over the cap, a budget spent sooner), and those that find a
        new mention strongly."""
        delta: dict[tuple, tuple[Counter, Counter, list[_Node]]] = {}
        for node, sign in changes:
            k, lo, hi, day, _, _ = node.filing
            keys = [("b", k, c) for c in range(lo, hi + 1)] if lo is not None else []
            keys += [("d", day)] if day is not None else []
            for key in keys:
                added, removed, nodes = delta.setdefault(key, (Counter(), Counter(), []))
                (added if sign > 0 else removed).update(node.item.vector.keys())
                if sign > 0:
                    nodes.append(node)
        seeds: set[int] = set()
        check: dict[int, list[_Node]] = {}  # reader -> new mentions it now finds
        for key, (added, removed, nodes) in delta.items():
            self.cancel.check()
            if key[0] == "b":
                _, k, c = key
                self._load_bucket(k, c)
                postings = self.index.buckets.get((k, c), {})
                readers = self.store.merge_readers(c << k, ((c + 1) << k) - 1, k)
            else:
                day = key[1]
                self._load_day(day)
                postings = self.index.days.get(day, {})
                readers = self.store.merge_readers(day - NEAR_DAYS, day + NEAR_DAYS, None)
            for row_id, comp, keys in readers:
                if row_id in self.removed_rows or row_id in self.relinked:
                    continue
                words = keys.split()
                if not any(w in added or w in removed for w in words):
                    continue
                after = {w: count(postings[w]) if w in postings else 0 for w in words}
                now = self._read(words, after)
                if not removed and self._reads_all(after, added):
                    before = now  # (only words of new mentions alone can differ: no matter)
                else:
                    before = self._read(words, {w: n - added[w] + removed[w]
                                                for w, n in after.items()})
                # a word read in one state only changes what the reader finds among the
                # mentions that stay (a word of new mentions alone only adds those)
                if any(after[w] > added[w] for w in now.keys() ^ before.keys()):
                    seeds.add(comp)
                    self.changed.add(row_id)
                    self.relinked.add(row_id)
                elif not now.keys().isdisjoint(added):  # new mentions besides what it found
                    found = [n for n in nodes if not now.keys().isdisjoint(n.item.vector)]
                    check.setdefault(row_id, []).extend(found)
                    self.finds_new.setdefault(row_id, []).append(
                        (key[0] == "d", list(now), found))
        for row in self.store.merge_rows_by_ids(check):
            reader = self._get(row)
            if reader is None or reader.comp in seeds:
                continue  # (its component is looked at already: no link to compute)
            if any(_witness(reader.item, n.item) for n in {id(n): n for n in
                                                           check[reader.row_id]}.values()):
                seeds.add(reader.comp)
        return seeds

    def _read(self, words: list[str], lengths: dict[str, int]) -> dict[str, None]:
        """The words whose postings DateTermIndex._collect reads, given their lengths, in
        the order it reads them."""
        lists = sorted(((n, w) for w in words if 0 < (n := lengths[w]) <= self.index.cap),
                       key=lambda x: x[0])
        budget, out = self.index.budget, {}
        for n, w in lists:
            budget -= n
            if budget < 0:
                break
            out[w] = None
        return out

    def _reads_all(self, after: dict[str, int], added: Counter) -> bool:
        """Whether, mentions only added, a reader reads every word it has under the cap both
        before and after (no word crossed the cap, the budget suffices): then the words it
        reads differ only by those of new mentions alone."""
        cap, total = self.index.cap, 0
        for w, n in after.items():
            if n <= cap:
                total += n
            elif n - added[w] <= cap and n - added[w] > 0:
                return False  # over the cap now, read before
        return total <= self.index.budget

    def _new_cands(self, reader: _Node) -> list[list]:
        """What a stored mention's lookup finds now besides what it found when stored: the
        new (and promoted) mentions it reads in the buckets they entered, scored as
        DateTermIndex.candidates scores them (the same words in the same order: the same
        sums), those reaching LINK_FLOOR. A new mention is filed at one level and under one
        day, so the reader meets it in one bucket and maybe one day."""
        terms = key_terms(reader.item.vector)
        at_level: dict[int, float] = {}
        near: dict[int, float] = {}
        for is_day, words, nodes in self.finds_new.get(reader.row_id, ()):
            found = {n.row_id: n for n in nodes}  # (in their order: the candidates' order)
            filed: dict[str, Postings] = {}  # their postings of the words the reader read
            for j, n in found.items():
                _file(filed, j, {w: v for w in words if (v := n.item.vector.get(w)) is not None})
            scores = dot_products([(terms[w], filed[w]) for w in words if w in filed])
            (near if is_day else at_level).update((j, scores.get(j, 0.0)) for j in found)
        return [[j, None] for j, score in with_near(at_level, near).items()
                if j != reader.row_id and score >= LINK_FLOOR]

    def _components(self, links: "_Links", touched: set[int], olds: list[int | None]
                    ) -> list[int]:
        """The component of each copy group: the stored ones joined by the strong links of
        the groups whose links may have changed (`touched`). A component that lost the
        mentions holding it together stays whole: coarser than the graph's own, it still
        never splits a cluster (only more is merged again next time)."""
        groups: Joined[tuple] = Joined()
        label = [("c", c) if c is not None else ("g", g) for g, c in enumerate(olds)]
        for g in sorted(touched):
            for h in links.partners(g):
                if links.strong(g, h):
                    groups.join(label[g], label[h])
        fresh = self.store.merge_next_component()
        named: dict[tuple, int] = {}
        out = []
        for g in range(len(olds)):
            r = groups.find(label[g])
            if r not in named:
                named[r], fresh = (r[1], fresh) if r[0] == "c" else (fresh, fresh + 1)
            out.append(named[r])
        return out

    def _join(self, change: Change, made: list[list[Item]], removed: list[_Node],
              vec: Vectorizer) -> None:
        """The events of the changed clusters (`made`; those gone: change.gone_events, the
        clusters' ids as merge_items keeps them), with the clusters that tell one happening
        in one sentence joined as a full merge joins them (merge.join_same_words): the
        clusters linked to a changed one by joinable pairs, before the change and after it,
        are joined again (each such set is joined on its own), then those of one day with
        clause events of a publication day (merge.join_publication_dated: a day's clusters
        are joined on their own, so all those of the changed clusters' days are read), then
        those of coarser dates with the finer cluster of one happening (merge.join_precisions:
        the clusters within 3 x two_precisions.max_days of the changed ones are read,
        _precision_days), and the events that differ replace those stored."""
        _JoinState(self, change.gone_events, made, removed, vec).apply(change)

    # the steps --------------------------------------------------------------------------
    def run(self, new_found: list[tuple[tuple[int, int], Found]], vec: Vectorizer,
            dcts: dict[str, str]) -> Change:
        store, change = self.store, Change()
        # the removed mentions: their components, and copies that now stand for their group
        removed = [n for row in store.merge_rows_of_documents(self.removed_docs)
                   if (n := _node(row))]
        self.removed_rows = {n.row_id for n in removed}
        change.deleted_rows = sorted(self.removed_rows)
        change.gone_events = {n.event_id for n in removed}
        seeds = {n.comp for n in removed}
        dirty: list[_Node] = [n for n in removed if n.rep]
        for row in store.merge_rows_with_copy_keys({n.copy_key for n in dirty}):
            node = self._get(row)
            if node is not None:
                self.nodes[node.row_id] = node
        survivors: dict[str, list[_Node]] = {}
        for node in self.nodes.values():
            survivors.setdefault(node.copy_key, []).append(node)
        for n in dirty:
            left = sorted(survivors.get(n.copy_key, ()), key=lambda x: x.order)
            if left and not any(x.rep for x in left):
                left[0].rep = True
                self.promoted[left[0].row_id] = left[0]
        # the new mentions: a copy of a stored group joins it
        new_nodes: list[_Node] = []
        times = shared_times(f.mention for _, f in new_found)  # (all of each new article's)
        for order, f in new_found:
            self.cancel.check()
            it = make_item(f, vec, dcts.get(f.mention.document_id, ""), times=times)
            if it is not None:
                new_nodes.append(_Node(order, None, it, True, copy_key(it)))
        change.passages = len(new_found) + len(removed)
        groups: dict[str, _Node] = {}
        for row in store.merge_rows_with_copy_keys({n.copy_key for n in new_nodes}):
            node = self._get(row)
            if node is not None and node.copy_key not in groups:
                groups[node.copy_key] = node
                seeds.add(node.comp)
        for n, node in enumerate(new_nodes, 1):
            self.nodes[-n] = node
            node.row_id = -n
            self.new.append(-n)
            if node.copy_key in groups:
                node.rep = False
            else:
                groups[node.copy_key] = node
                dirty.append(node)
        # the mentions that read a dirty bucket and may see something else there now
        changes = [(n, -1) for n in dirty if n.row_id in self.removed_rows] + \
            [(n, 1) for n in dirty if n.row_id not in self.removed_rows] + \
            [(n, 1) for n in self.promoted.values()]
        self.index.levels = store.merge_levels() | {
            n.filing[0] for n, sign in changes if sign > 0 and n.filing[1] is not None}
        seeds |= self._dirty_readers(changes)
        seeds.discard(None)
        self._add_components(seeds)
        self.members |= set(self.new) | set(self.promoted)
        # look up again every member whose lookup may answer otherwise now (the others found
        # what they found when stored); a strong link outside brings its component in (only
        # a lookup that changed can find one: two stored mentions linked strongly share a
        # component)
        self.changed |= set(self.new) | set(self.promoted)
        looked: dict[int, list[list]] = {}
        while True:
            todo = sorted((i for i in self.members if i not in looked and self.nodes[i].rep),
                          key=lambda i: self.nodes[i].order)
            if not todo:
                break
            outside: set[int] = set()
            for i in todo:
                self.cancel.check()
                node = self.nodes[i]
                if i not in self.changed and node.has_cands:
                    looked[i] = node.packed_cands()
                    if i in self.finds_new:  # stored again, with the new ones
                        looked[i] = _with(looked[i], self._new_cands(node))
                        node.cands = None
                    continue
                looked[i] = [[j, None] for j, s in self._lookup(i).items()
                             if j != i and s >= LINK_FLOOR]
                for j, _ in looked[i]:
                    if j not in self.members and _witness(node.item, self.nodes[j].item):
                        outside.add(self.nodes[j].comp)
                node.cands = None  # to be stored anew
            self._add_components(outside)
        # cluster again, in the corpus's order, the part of the members the change can reach
        # (_region); the other mentions keep their events
        order = sorted(self.members, key=lambda i: self.nodes[i].order)
        items = _Items([self.nodes[i] for i in order])
        copies: list[list[int]] = []  # merge.copy_groups's, by the key that names them
        by_key: dict[str, list[int]] = {}
        for k, i in enumerate(order):
            group = by_key.get(self.nodes[i].copy_key)
            if group is None:
                group = by_key[self.nodes[i].copy_key] = []
                copies.append(group)
            group.append(k)
        links = _Links(items, copies, [order[g[0]] for g in copies], looked)
        touched = {g for g, members in enumerate(copies)
                   if any((i := order[k]) < 0 or i in self.relinked or i in self.promoted
                          for k in members)}
        olds = [self.nodes[order[members[0]]].event_id for members in copies]
        lost = {n.event_id for n in removed}
        region = touched | {g for g, e in enumerate(olds) if e in lost}
        clusters = _Region(links, olds, self.cancel).cluster(region)
        change.reclustered = sum(len(c) for c in clusters)
        change.members = len(items)
        # a cluster of the same stored mentions as before is the same event (an event is a
        # function of its mentions, their dates and documents): kept, not made again
        node_of = {id(n.item): n for i in order if (n := self.nodes[i]).decoded}
        told: Counter = Counter(node_of[id(it)].event_id for c in clusters for it in c
                                if node_of[id(it)].row_id >= 0)
        told.update(n.event_id for n in removed)  # an event that lost a mention is made again
        event_of: dict[int, str] = {}
        made: list[list[Item]] = []
        for group in clusters:
            self.cancel.check()
            before = {node_of[id(it)].event_id for it in group}
            (same,) = before if len(before) == 1 else (None,)
            if same is not None and told[same] == len(group):
                told[same] = -1  # kept
                event_id = same
            else:
                made.append(group)
                event_id = passages_id(group)
            for it in group:
                event_of[id(it)] = event_id
        change.gone_events |= {e for e, n in told.items() if n != -1}
        change.gone_events.discard(None)
        self._join(change, made, removed, vec)
        comp_of = self._components(links, touched, [self.nodes[order[m[0]]].comp for m in copies])
        next_id = store.merge_next_id()
        ids = {i: i for i in order if i >= 0}
        ids.update((i, next_id + n) for n, i in enumerate(self.new))
        for g, members in enumerate(copies):
            comp = comp_of[g]
            cands = None
            if members and not self.nodes[order[members[0]]].has_cands:
                cands = _renumbered(looked.get(order[members[0]], []), ids)
            for n, k in enumerate(members):
                node = self.nodes[order[k]]
                event_id = event_of.get(id(node.item), node.event_id) if node.decoded \
                    else node.event_id
                mine = cands if n == 0 else None
                if node.row_id >= 0:
                    if mine is None and event_id == node.event_id and comp == node.comp and \
                            node.rep == (n == 0) and node.row_id not in self.promoted:
                        continue  # the row as stored
                    change.updated_rows.append(
                        (event_id, comp, int(n == 0),
                         mine, node.row_id))
                else:
                    node.rep = n == 0
                    change.inserted_rows.append(_row(ids[node.row_id], node, comp, event_id,
                                                     mine if n == 0 else None))
        # a stored mention outside that finds new ones weakly: its links to them are kept for
        # the next merge that looks at it (as its lookup would find them), nothing else changes
        for i in sorted(self.finds_new.keys() - self.members):
            node = self.nodes.get(i)
            if node is None or not node.has_cands:
                continue
            extra = self._new_cands(node)
            if extra:
                change.updated_rows.append(
                    (node.event_id, node.comp, 1,
                     _renumbered(_with(node.packed_cands(), extra), ids), i))
        change.gone_events.discard(None)
        return change


class _JoinState:
    """The stored clusters (merge_items.event_id: a cluster's id) near a change, before it
    and after it, for _Merger._join: read by the sentences they are told in (a document's
    sentences named by all its passages, merge.sentence_index, as a full merge names them:
    a stored document's rows, a new one's mentions)."""

    def __init__(self, merger: _Merger, gone: set[str], made: list[list[Item]],
                 removed: list[_Node], vec: Vectorizer) -> None:
        self.merger, self.gone, self.vec = merger, gone, vec
        self.days: set[int] = set()  # the days whose stored clusters are read (_on_days)
        self.cells: set[tuple[int, int]] = set()  # the buckets read so (_in_window)
        self.made = {("new", k): g for k, g in enumerate(made)}
        self.rows: dict[str, list[tuple[int, str, int, Item]]] = {}  # doc -> (row, cluster, comp, item)
        self.members: dict[str, list[Item]] = {}  # stored cluster -> its items
        self.comps: set[int] = set()  # the components whose rows are read
        self.rows_of: dict[str, list[tuple]] = {}  # their clusters' rows, not decoded yet
        self.comp_of: dict[str, int] = {}  # stored cluster -> its component
        for n in [*removed, *merger.nodes.values()]:
            if n.row_id is not None and n.row_id >= 0 and n.event_id is not None:
                self.comp_of.setdefault(n.event_id, n.comp)
        self.told: dict = {}
        self.new_of: dict[str, list[tuple[object, Item]]] = {}  # doc -> (new cluster, item)
        for key, g in self.made.items():
            for it in g:
                self.new_of.setdefault(it.mention.document_id, []).append((key, it))
        # (doc, after) -> its sentences: (its passages' sentences, each sentence's clusters
        # and dates)
        self.index: dict[tuple[str, bool], tuple[dict, dict[Sentence, tuple[set, set]]]] = {}

    def _doc(self, doc: str) -> list[tuple[int, str, int, Item]]:
        got = self.rows.get(doc)
        if got is None:
            self._read({doc})
            got = self.rows[doc]
        return got

    def _read(self, docs: set[str]) -> None:
        """The stored rows of these documents, in one read (an event told in many articles
        has a sentence in each)."""
        docs = {d for d in docs if d not in self.rows}
        if not docs:
            return
        for doc in docs:
            self.rows[doc] = []
        for row in self.merger.store.merge_rows_of_documents(sorted(docs)):
            node = _node(row)
            self.rows[row[1]].append((node.row_id, node.event_id, node.comp, node.item))
            self.comp_of.setdefault(node.event_id, node.comp)

    def _told_in(self, doc: str, after: bool) -> list[tuple[object, Item]]:
        """The clusters of a document's mentions, each with a mention, before the change or
        after it (a new cluster's key for a mention of the change's clusters)."""
        out: list[tuple[object, Item]] = []
        if not (after and doc in self.merger.removed_docs):
            removed = self.merger.removed_rows
            out += [(cluster, it) for row_id, cluster, _, it in self._doc(doc)
                    if not (after and (row_id in removed or cluster in self.gone))]
        if after:
            out += self.new_of.get(doc, ())
        return out

    def _sentences(self, doc: str, after: bool) -> tuple[dict, dict[Sentence, tuple[set, set]]]:
        key = (doc, after)
        got = self.index.get(key)
        if got is None:
            told = self._told_in(doc, after)
            where = sentence_index(it.mention for _, it in told)
            there: dict[Sentence, tuple[set, set]] = {}
            for cluster, it in told:
                clusters, values = there.setdefault(where[passage(it.mention)], (set(), set()))
                clusters.add(cluster)
                values.add(it.mention.timex.value)
            got = self.index[key] = (where, there)
        return got

    def sentence_of(self, m: EventMention, after: bool) -> Sentence:
        return self._sentences(m.document_id, after)[0][passage(m)]

    def group(self, key) -> list[Item]:
        """A cluster's items: a new one's, or a stored one's in agglomerate's order."""
        if isinstance(key, tuple):
            return self.made[key]
        got = self.members.get(key)
        if got is None:
            comp = self.comp_of[key]
            if comp not in self.comps:  # (a component's rows read once for all its clusters,
                self.comps.add(comp)    # each decoded when its cluster is asked for)
                for r in self.merger.store.merge_rows_of_components([comp]):
                    self.rows_of.setdefault(r[13], []).append(r)
            rows = sorted(self.rows_of.pop(key, ()), key=lambda r: (r[2], r[3]))
            got = self.members[key] = sorted((_node(r).item for r in rows),
                                             key=lambda it: (it.mention.document_id,
                                                             it.mention.start))
        return got

    def _told(self, key) -> Told:
        t = self.told.get(key)
        if t is None:
            t = self.told[key] = Told.of(self.group(key))
        return t

    def at(self, sentence: Sentence, after: bool) -> set:
        """The clusters with a mention in this sentence, before the change or after it."""
        return self._sentences(sentence[0], after)[1][sentence][0]

    def dates(self, sentence: Sentence, after: bool) -> int:
        """How many dates the mentions of a sentence give (as join_same_words counts), before the
        change or after it."""
        return len(self._sentences(sentence[0], after)[1][sentence][1])

    def linked(self, seeds: set, after: bool) -> set:
        """The clusters linked to these by joinable pairs told in one sentence."""
        done, todo = set(seeds), list(seeds)
        where = lambda m: self.sentence_of(m, after)  # noqa: E731
        while todo:
            self.merger.cancel.check()
            key = todo.pop()
            group = self.group(key)
            self._read({it.mention.document_id for it in group})
            for s in sentences(group, where):
                if self.dates(s, after) > SAME_WORDS_DATES:
                    continue
                for other in self.at(s, after) - done:
                    if joinable(self._told(key), self._told(other)) is not None:
                        done.add(other)
                        todo.append(other)
        return done

    def _near_days(self, after: set, before: set) -> set[int]:
        """The days whose stored clusters the change may join otherwise (as ordinals):
        join_publication_dated joins a day's clusters among themselves and with the clause
        events of the day after told in the manner of a headline (its day before). A changed
        cluster dated on day E (merge.publication_side) changes the choice of the clause
        events of E and E+1, whose choices lie among E-1 .. E+1, whose clusters take the
        clause events of the days up to E+2, which choose among E-2 .. E+2; a changed clause
        cluster of day D, the choices of those of D-1 .. D+1, among D-2 .. D+1. A clause
        cluster joins one of the day before only when that one has no match of its own the
        day before it and it none the day after (publication_day.clause_day_before): a
        change on day D (or E) decides whether those of D-1 join those of D-2, which reads
        whether D-2's match D-3's, and whether those of D+2 join those of D+1, which reads
        whether D+3's match D+2's: the days D-3 .. D+3. Farther days are joined as before
        the change; a cluster on neither side joins none. The changed clusters are read as join_same_words joins them, before the change
        and after it."""
        out: set[int] = set()
        for keys, when in ((after, True), (before, False)):
            groups = join_same_words([self.group(k) for k in sorted(keys, key=str)],
                                     self.merger.cancel, lambda s, w=when: self.dates(s, w),
                                     lambda m, w=when: self.sentence_of(m, w))
            for g in groups:
                side = publication_side(g)
                if side is not None:
                    d = side[1].start.toordinal()
                    out.update(range(max(1, d - 3), min(date.max.toordinal() + 1, d + 4)))  # (days of the calendar)
        return out

    def _on_days(self, days: set[int]) -> set:
        """The stored clusters told on these days (merge._day_of; ordinals) not read yet."""
        out: set = set()
        for day in sorted(days - self.days):
            self.days.add(day)
            self._take([*self.merger.store.merge_bucket(0, day), *self.merger.store.merge_day(day)], out)
        return out

    def _take(self, rows: Iterable, out: set) -> None:
        """The stored clusters of these merge rows into `out` (each noted with its component),
        but those of rows or documents removed by this change and the rows of no cluster."""
        removed, docs = self.merger.removed_rows, self.merger.removed_docs
        for row in rows:
            if row[0] in removed or row[1] in docs or row[13] is None:
                continue
            self.comp_of.setdefault(row[13], row[12])
            out.add(row[13])

    def _precision_days(self, after: set, before: set) -> set[int]:
        """The days whose stored clusters merge.join_precisions may read for the change (as
        ordinals). A cluster's choice reads the clusters of the days of its span (at most
        two_precisions.max_days = M long). A changed cluster dated within days S .. E changes
        the choice of the coarse clusters whose span meets it (within S-M .. E+M), whose
        choices, before and after, lie there too; the events of those days gain or lose a
        coarse cluster, so all the clusters joining them are read (their spans within
        S-2M .. E+2M), and with them every cluster their choice reads: the days S-3M ..
        E+3M. Farther clusters' joins read there are joined as before the change."""
        reach = 3 * two_precisions().max_days
        limit = timedelta(days=two_precisions().max_days)
        out: set[int] = set()
        lo_day, hi_day = 1, date.max.toordinal()
        for k in after | before:
            for it in self.group(k):
                iv = it.interval
                if iv.end - iv.start > limit:
                    continue
                first = iv.start.toordinal()
                last = (iv.end - timedelta(microseconds=1)).toordinal() if iv.end > iv.start else first
                out.update(range(max(lo_day, first - reach), min(hi_day, last + reach) + 1))
        return out

    def _finest_days(self, after: set, before: set) -> set[int]:
        """The day (an ordinal) of each of these clusters' finest date that is a day or a
        time of it: merge.join_same_day compares the clusters of that day (same_day_key),
        and a cluster joined with others has the finest date of one of them."""
        out: set[int] = set()
        for k in after | before:
            finest = _finest(self.group(k)).interval
            if finest.granularity.day_or_finer:
                out.add(finest.start.toordinal())
        return out

    def _in_window(self, days: set[int]) -> set:
        """The stored clusters filed on these days, or in a bucket of a date of at most
        two_precisions.max_days that meets them (merge.join_precisions reads those), not
        read yet."""
        out = self._on_days(days)
        if not days:
            return out
        top = math.ceil(math.log2(3 * two_precisions().max_days))  # (an approximate date reaches
        # its neighbouring units: blocking.level of its widened extent)
        for k in range(1, top + 1):
            for cell in sorted({d >> k for d in days}):
                if (k, cell) in self.cells:
                    continue
                self.cells.add((k, cell))
                self._take(self.merger.store.merge_bucket(k, cell), out)
        return out

    def _weights(self, groups: list[list[Item]]) -> Vectorizer:
        """The word weights of these clusters' clause events, marked and not (as the
        merge's: merge.unmarked_vector), the project's (the new mentions': `vec`)."""
        terms = {t for g in groups for it in g if is_clause_event(it.mention) for t in it.vector}
        plain = {t[len(CLAUSE_WORD_MARK):] for t in terms}
        idf = self.merger.store.merge_words((terms | plain) - self.vec.idf.keys())
        _, passages, _ = self.merger.store.merge_info()
        unseen = project_vectorizer({}, passages, ["x"]).idf["x"]
        idf.update((t, unseen) for t in terms if t not in idf)
        idf.update(self.vec.idf)
        return Vectorizer(idf)

    def _closed(self, after: set, before: set) -> tuple[set, set]:
        """These clusters and those linked to them (linked), after the change and before it,
        until no more are."""
        while True:
            a = self.linked(after | {k for k in before if k not in self.gone}, True)
            b = self.linked(before | {k for k in a if not isinstance(k, tuple)}, False)
            if a == after and b == before:
                return after, before
            after, before = a, b

    def apply(self, change: Change) -> None:
        # the changed clusters and those joined with them in a sentence, before the change
        # and after it
        after, before = self._closed(set(self.made), set(self.gone))
        # the stored clusters of the days near theirs (_near_days), and those joined with them
        # in a sentence: a group of one day is read whole with its day, and one of several
        # days is joined to none (merge._day_of), so their days need not be read
        more = self._on_days(self._near_days(after, before))
        after, before = self._closed(after | {k for k in more if k not in self.gone},
                                     before | more)
        # the stored clusters near theirs in time that a cluster of coarser dates may join, or
        # be joined by (merge.join_precisions: _precision_days), and those joined with them in
        # a sentence
        more = self._in_window(self._precision_days(after, before))
        after, before = self._closed(after | {k for k in more if k not in self.gone},
                                     before | more)
        # the stored clusters of the finest days of all these (merge.join_same_day joins a
        # day's clusters of one kind), and those joined with them as above, until no more
        while more := self._on_days(self._finest_days(after, before)) - before - after:
            more |= self._on_days(self._near_days(after | more, before | more))
            more |= self._in_window(self._precision_days(after | more, before | more))
            after, before = self._closed(after | {k for k in more if k not in self.gone},
                                         before | more)
        old_groups = [self.group(k) for k in sorted(before)]
        new_groups = [self.group(k) for k in sorted(after, key=str)]
        vec = self._weights(old_groups + new_groups)
        memo: dict = {}  # (what each cluster tells, for both joins: most clusters are in both)
        cancel = self.merger.cancel
        old = {passages_id(g) for g in join_same_day(join_precisions(join_publication_dated(
            join_same_words(old_groups, cancel, lambda s: self.dates(s, False),
                            lambda m: self.sentence_of(m, False)), vec, memo=memo), cancel), cancel)}
        new = {passages_id(g): g for g in join_same_day(join_precisions(join_publication_dated(
            join_same_words(new_groups, cancel, lambda s: self.dates(s, True),
                            lambda m: self.sentence_of(m, True)), vec, memo=memo), cancel), cancel)}
        change.gone_events = old - new.keys()
        change.events = [make_event(g) for i, g in new.items() if i not in old]


def _with(stored: array | list[list], extra: list[list]) -> array | list[list]:
    """A stored lookup (packed, or a list) with more candidates after it."""
    if isinstance(stored, array):
        more = array("d")
        for j, cos in extra:
            more.append(j)
            more.append(math.nan if cos is None else cos)
        return stored + more
    return stored + extra


def _renumbered(cands: array | list[list], ids: dict[int, int]) -> bytes:
    """A lookup packed to be stored, the new mentions (negative ids) by their row ids."""
    if isinstance(cands, array):
        out = array("d", cands)
        for k in range(0, len(out), 2):
            if out[k] < 0:
                out[k] = ids[int(out[k])]
        return out.tobytes()
    return pack_cands([[ids.get(j, j), cos] for j, cos in cands])


class _Items:
    """The members' items by their place in the corpus's order, decoded when asked for."""

    def __init__(self, nodes: list[_Node]) -> None:
        self.nodes = nodes

    def __getitem__(self, k: int) -> Item:
        return self.nodes[k].item

    def __len__(self) -> int:
        return len(self.nodes)


class _Links:
    """The links between the copy groups of the members, as a full merge makes them
    (merge._pair_links: the lookup of the pair's first group in the corpus's order gives
    the cosine), each computed when first asked for (a stored lookup keeps most cosines;
    one stored as not made is computed now)."""

    def __init__(self, items: list[Item], copies: list[list[int]], reps: list[int],
                 looked: dict[int, list[list] | array]) -> None:
        self.items, self.copies = items, copies
        self.weights = [len(g) for g in copies]
        position = {i: g for g, i in enumerate(reps)}  # (a float id finds its int too)
        # looker -> other -> [id, cosine or None] as looked up now (written back with the
        # row), or the stored cosine (NaN: not computed yet)
        self.found: list[dict[int, list | float]] = [{} for _ in copies]
        self.found_by: list[list[int]] = [[] for _ in copies]  # other -> lookers
        for g, i in enumerate(reps):
            cands = looked.get(i)
            if not cands:
                continue
            mine, by = self.found[g], self.found_by
            if isinstance(cands, array):  # as stored: doubles id, cosine, ...
                pairs = zip(map(position.get, cands[0::2]), cands[1::2])
            else:
                pairs = ((position.get(pair[0]), pair) for pair in cands)
            for h, value in pairs:
                if h is not None and h != g and h not in mine:
                    mine[h] = value
                    by[h].append(g)

    def partners(self, g: int) -> set[int]:
        return set(self.found[g]) | set(self.found_by[g])

    def value(self, g: int, h: int) -> float:
        """The similarity of two groups: cosine x both weights (merge._pair_links)."""
        a, b = (g, h) if g < h else (h, g)
        found = self.found[a]
        cos = found.get(b)
        if cos is None:
            a, b = b, a
            found = self.found[a]
            cos = found[b]
        if type(cos) is list:  # looked up now: stored for next time with the row
            if cos[1] is None:
                cos[1] = link(self.items[self.copies[a][0]], self.items[self.copies[b][0]])
            cos = cos[1]
        elif cos != cos:
            cos = found[b] = link(self.items[self.copies[a][0]], self.items[self.copies[b][0]])
        return cos * (self.weights[a] * self.weights[b])

    def strong(self, g: int, h: int) -> bool:
        """Whether the link could witness a merge (merge.can_witness)."""
        v = self.value(g, h)
        return v > 0 and can_witness(self.items[self.copies[g][0]], self.items[self.copies[h][0]],
                                     v / (self.weights[g] * self.weights[h]))

    def nbr(self, groups: list[int]) -> dict[int, dict[int, float]]:
        """The links among these groups, numbered by their place in the list."""
        local = {g: k for k, g in enumerate(groups)}
        out: dict[int, dict[int, float]] = {k: {} for k in range(len(groups))}
        for k, g in enumerate(groups):
            for h in self.partners(g):
                m = local.get(h)
                if m is not None and m > k and (v := self.value(g, h)) > 0:
                    out[k][m] = out[m][k] = v
        return out

    def agglomerate(self, groups: list[int], cancel: Cancellation,
                    history: list[tuple[float, int, int]]) -> tuple[list[list[int]], list[list[Item]]]:
        """merge.agglomerate over these groups alone (`history` gets its merges, with the
        groups' own numbers): the clusters as lists of groups, and as it gives them."""
        groups = sorted(groups)
        items, copies = [], []
        for g in groups:
            copies.append(list(range(len(items), len(items) + len(self.copies[g]))))
            items += [self.items[i] for i in self.copies[g]]
        group_of = {id(items[c[0]]): g for g, c in zip(groups, copies)}
        firsts = {id(items[i]) for c in copies for i in c[:1]}
        local: list[tuple[float, int, int]] = []
        clusters = agglomerate(items, copies, self.nbr(groups), cancel, local)
        history += [(s, groups[g], groups[h]) for s, g, h in local]
        return [sorted(group_of[id(it)] for it in cluster if id(it) in firsts)
                for cluster in clusters], clusters

    def cosine(self, g: int, h: int) -> float:
        return self.value(g, h) / (self.weights[g] * self.weights[h])


# A bound compared with a merge's score counts this much more (a sum of the same terms in
# another order may differ in its last bits): the comparisons below stay strict.
_MARGIN = 1 + 1e-9


def _challenged(history: list[tuple[float, int, int]], weights: list[int],
                across: dict[int, dict[int, float]], strong: dict[int, set[int]]) -> set[int]:
    """The clusters (by their first group) that could have beaten a merge of `history`, the
    merges of both sides in order of score (g took h in). Replayed, each cluster knows the
    sum of its links to each cluster across (`across`, both ways: similarity as
    merge._pair_links makes it) and which of them it links to strongly enough to witness a
    merge (`strong`, both ways): only through such a link may two clusters merge
    (reducibility, split down to one pair). A merge at score s stands while neither side
    scores s or more with a cluster across as they are at that moment; else the cluster
    across, or the side itself, is returned (the event to cluster again)."""
    sums = {g: dict(c) for g, c in across.items()}
    witnessed = {g: set(c) for g, c in strong.items()}
    size: dict[int, int] = {}
    out: set[int] = set()
    for score, g, h in history:
        for x in (g, h):
            n = size.get(x, weights[x])
            for c in witnessed.get(x, ()):
                if sums[x][c] / (n * size.get(c, weights[c])) * _MARGIN >= score:
                    out.update((x, c))
        a, b = sums.pop(g, {}), sums.pop(h, {})
        if len(a) < len(b):
            a, b = b, a
        for c, total in b.items():
            a[c] = a.get(c, 0.0) + total
        for c in a:  # the other side names the merged cluster g now
            theirs = sums[c]
            theirs[g] = theirs.pop(g, 0.0) + theirs.pop(h, 0.0)
        if a:
            sums[g] = a
        ws = witnessed.pop(g, set()) | witnessed.pop(h, set())
        for c in ws:
            witnessed[c].discard(h)
            witnessed[c].add(g)
        if ws:
            witnessed[g] = ws
        size[g] = size.pop(g, weights[g]) + size.pop(h, weights[h])
    return out


class _Region:
    """The copy groups to cluster again, and their clusters, such that clustering all the
    members gives those clusters there and the stored ones everywhere else.

    Why that holds. Merging is average linkage (merge.agglomerate: the best pair of groups
    first). Average linkage is reducible: the score of A+B with C is never above the larger
    of A's and B's (a weighted mean of the two), and A+B may merge with C only if A or B
    may (merge_score: every condition that forbids both forbids A+B). So if A and B are each
    other's best partner at some moment, no later merge gives either a better one: such a
    pair merges whatever is merged elsewhere first, and the result does not depend on the
    order of such merges (Murtagh's reciprocal nearest neighbours; ties below). Take the
    region R (whole stored events and the new groups) and the rest O (stored events: their
    links did not change, and each one's history is that of the event clustered alone).
    Cluster R alone. Each merge of R, and each of O, at score s is still between mutual
    best partners among all the groups when no cluster across can score s with either side:
    a cluster's score with a cluster across is a weighted mean of its scores with the copy
    groups there, so below s when each of those is (_challenged). And the result is final
    when no cluster of R may merge with an event of O (merge_score, on the pairs linked
    strongly enough to witness a merge). A failed check brings the event across into R,
    which is clustered again. Ties: R alone and each event alone break them as the full
    merge does (the corpus's order); across the boundary the bounds are strict (_MARGIN),
    so no tie there decides anything."""

    def __init__(self, links: _Links, olds: list[str | None], cancel: Cancellation) -> None:
        self.links, self.olds, self.cancel = links, olds, cancel
        self.events: dict[str, list[int]] = {}
        for g, e in enumerate(olds):
            if e is not None:
                self.events.setdefault(e, []).append(g)
        self.histories: dict[str, list[tuple[float, int, int]] | None] = {}

    def _history(self, event: str) -> list[tuple[float, int, int]] | None:
        """A stored event's merges, clustered alone (None when that is not the event)."""
        if event not in self.histories:
            history: list[tuple[float, int, int]] = []
            clusters, _ = self.links.agglomerate(self.events[event], self.cancel, history)
            self.histories[event] = history if len(clusters) == 1 else None
        return self.histories[event]

    def cluster(self, seeds: set[int]) -> list[list[Item]]:
        """The clusters of the region grown from these groups, as lists of items."""
        links, olds = self.links, self.olds
        region = set(seeds)
        region |= {g for e in {olds[g] for g in seeds} - {None} for g in self.events[e]}
        while True:
            history: list[tuple[float, int, int]] = []
            clusters, made = links.agglomerate(sorted(region), self.cancel, history)
            grow: set[str] = set()
            across: dict[int, dict[int, float]] = {}  # group -> group across -> similarity
            strong: dict[int, set[int]] = {}
            for g in region:
                self.cancel.check()
                for h in links.partners(g):
                    if h in region or (v := links.value(g, h)) <= 0:
                        continue
                    across.setdefault(g, {})[h] = across.setdefault(h, {})[g] = v
                    if links.strong(g, h):
                        strong.setdefault(g, set()).add(h)
                        strong.setdefault(h, set()).add(g)
            events = {olds[h] for h in strong if h not in region}  # (no strong link: no merge)
            streams = [history]
            for event in events:
                history_o = self._history(event)
                if history_o is None:
                    grow.add(event)
                else:
                    streams.append(history_o)
            # by score, each side's merges in their own order (each is by score, bar last bits)
            replay = list(heapq.merge(*streams, key=lambda m: -m[0]))
            grow |= {olds[x] for x in _challenged(replay, links.weights, across, strong)
                     if x not in region}
            for cluster in clusters:  # the end: no cluster of R may merge with one of O
                totals: dict[str, float] = {}
                witnessed: set[str] = set()
                for g in cluster:
                    for h, v in across.get(g, {}).items():
                        totals[olds[h]] = totals.get(olds[h], 0.0) + v
                    witnessed |= {olds[h] for h in strong.get(g, ())}
                for event in witnessed - grow:
                    a = [i for g in cluster for i in links.copies[g]]
                    b = [i for g in self.events[event] for i in links.copies[g]]
                    if merge_score(_Group.of(a, links.items), _Group.of(b, links.items),
                                   totals[event] * _MARGIN) is not None:
                        grow.add(event)
            if not grow:
                return made
            for event in grow:
                region |= set(self.events[event])


def merge_incrementally(store: Store, new_found: list[tuple[tuple[int, int], Found]],
                        removed: set[str], vec: Vectorizer, dcts: dict[str, str],
                        cancel: Cancellation = NEVER) -> Change:
    """The events that change when the mentions `new_found` ((document's order, position),
    Found) are added and the documents `removed` go, against the stored merge; `vec` weighs
    the new mentions' words (project_vectorizer), `dcts` gives their documents' dates."""
    return _Merger(store, removed, cancel).run(new_found, vec, dcts)
