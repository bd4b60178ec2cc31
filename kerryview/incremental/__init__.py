"""An import that adds or removes a few articles, resolved by touching only what they change.

When can the corpus stages skip the stored articles? Dating: every article, stored and new,
declares its publication date (date line, page metadata, or set by the user), so no date is
inferred from the others and none can change; or else is wire copy, dated by its year-less
wire dateline alone ("WASHINGTON, May 24 (Reuters) -": its month and day stated, its year
inferred from its story's articles), and each story the import touches that holds wire copy
is dated again on its own, as the full resolution dates it (_date_wire_copy): the new wire
copy gets its year, and a stored article whose year would change asks for the full
resolution. Merging: the project keeps its last merge
(kerryview.incremental.merge) made by these stages (analysis.corpus_version: the per-article
ones, stories and merging), and the passages added or removed since its word weights were
fitted stay under REFIT_FRACTION of them. Stories: each new
article joins the stored story its words are closest to, and each story touched is merged
again on its own (kerryview.stories). Then the new articles' mentions come from their stored
analyses, the merge is redone only where they land, and the write changes only those rows:
the new documents, the changed events, the changed merge rows (and every event's importance
when the stored ones were scored by other weights: Store.rescore_if_stale), in one
transaction. Otherwise
(an undated article anywhere, no stored merge, a new article no stored story clearly takes,
the weights too old, any failure) the caller resolves the whole corpus, which clusters the
stories again and stores a fresh merge for the next time.
"""
from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Callable, Sequence

from kerryview.analysis import AnalysisCache, corpus_version, resolve_for
from kerryview.cancellation import Cancellation, Cancelled
from kerryview.dating.datelines import yearless_dateline
from kerryview.dating.inference import declared_dct
from kerryview.incremental import merge as merging
from kerryview.events.clauses import own_words
from kerryview.events.importance import score as score_importance
from kerryview.model import DECLARED_KINDS, Document

if TYPE_CHECKING:
    from kerryview.pipeline import ImportResult, Problem
    from kerryview.store import Store

Progress = Callable[[int, int, str], None]
DECLARED = frozenset(k.value for k in DECLARED_KINDS)  # as Store.document_date_kinds says


def wire_copy(d: Document) -> bool:
    """Whether an article that declares no date (declared_dct) is dated by its year-less wire
    dateline alone: its month and day stated, only its year inferred (dating.inference)."""
    return d.dateline is None and d.page_date is None and yearless_dateline(d.text) is not None


def _undeclared(store: Store, removed: set[str]) -> set[str]:
    """The stored articles (but those removed) whose date is not declared but inferred."""
    return {doc_id for doc_id, (dct, kind) in store.document_date_kinds().items()
            if doc_id not in removed and (dct is None or kind not in DECLARED)}


def applicable(store: Store, new: Sequence[Document], removed: set[str]) -> bool:
    """Whether the stored corpus and the new articles allow an incremental resolution."""
    info = store.merge_info()
    if info is None or info[0] != corpus_version():
        return False
    undeclared = sorted(_undeclared(store, removed))
    for k in range(0, len(undeclared), 64):  # (a pile of undated articles: its first texts)
        if not all(wire_copy(d) for d in store.documents_by_id(undeclared[k:k + 64])):
            return False
    for d in new:
        declared_dct(d)
        if d.dct is None and not wire_copy(d):
            return False
    return True


def _date_wire_copy(store: Store, new: list[Document], removed: set[str],
                    story_of: dict[str, str], cache: AnalysisCache,
                    progress: Progress | None, cancel: Cancellation) -> bool:
    """Date again, each on its own, the stories the import touches (those of the new and the
    removed articles) that hold wire copy (wire_copy: its year comes from its story's
    articles), over the story's articles in pile order from their stored analyses, as the
    full resolution dates each story (pipeline.build_corpus runs the corpus stages on each
    story apart, stories.per_story: the pile dating.inference reads a wire copy's year from,
    its others_years, is the story's, never another story's). The new wire copy gets its
    date; a stored article whose date's sentence changed (how sure) is stored with the new
    one. False (resolve the whole corpus) when a stored article's day would change (the
    events it tells move), a new one is left undated, or an article fails."""
    from kerryview.analysis import stage_version
    from kerryview.pipeline import CachingTagger, _date_documents

    undeclared = _undeclared(store, removed)
    members: dict[str, list[str]] = {}
    for s in store.stories(centroids=False):
        members[s.id] = [i for i in s.document_ids if i not in removed]
    orders = store.document_orders()
    for story in sorted(set(story_of.values())):
        fresh = [d for d in new if story_of[d.id] == story]
        kept = members.get(story, [])
        if not any(d.dct is None for d in fresh) and not undeclared.intersection(kept):
            continue
        cancel.check()
        if progress:
            progress(0, len(new) + 1, f"Dating the wire copy of {len(kept) + len(fresh):,} "
                     "articles")
        stored = sorted(store.documents_by_id(kept), key=lambda d: orders[d.id])
        analyses = store.analyses(stage_version(), only=[d.sha256 for d in stored])
        known = {d.text: analyses[d.sha256] for d in stored if d.sha256 in analyses}
        known.update({d.text: a for d in fresh if (a := cache.current(d.sha256)) is not None})
        before = {d.id: (d.dct, d.dct_source) for d in stored}
        failed: dict = {}
        _date_documents(stored + fresh, CachingTagger(cancel=cancel, known=known), cancel,
                        failed)
        if failed or any(d.dct is None for d in fresh):  # (an undated one: merged in full)
            return False
        changed = [d for d in stored if (d.dct, d.dct_source) != before[d.id]]
        if any(d.dct != before[d.id][0] for d in changed):
            return False
        for d in changed:
            store.set_document_date(d.id, d.dct, d.dct_source)
    return True


def resolve(store: Store, new: list[Document], removed: set[str], cache: AnalysisCache,
            finished: Sequence[str], problems: list[Problem], progress: Progress | None,
            cancel: Cancellation) -> ImportResult | None:
    """Add `new` and remove the documents `removed`, incrementally, in one transaction; None
    (nothing written) when it does not apply and the whole corpus must be resolved.

    Each new article joins the stored story its words are closest to (kerryview.stories.assign;
    when no story is clearly its own, None: the full resolution clusters the pile again), and
    each story touched is merged again on its own, seeing only its own mentions, as the full
    resolution merges it. The result is the full resolution's over the stored stories with
    the new articles in theirs; the stories themselves are found again by the next full
    resolution (at the latest when the word weights are fitted again: REFIT_FRACTION)."""
    from kerryview.pipeline import StoredResult
    from kerryview.stories import assign, story_spans

    try:
        with store.writing():  # read and written under the write lock: no other import between
            if not applicable(store, new, removed):
                return None
            stories = store.stories()
            if not stories:
                return None  # a project from before stories: clustered once, in full
            story_of = store.stories_of_documents(removed)
            if len(story_of) < len(removed):
                return None
            assigned = assign([d.text for d in new], stories, [d.dct for d in new],
                              story_spans(stories, store.document_date_kinds()))
            if assigned is None:
                return None
            story_of.update(zip((d.id for d in new), assigned))
            if not _date_wire_copy(store, new, removed, story_of, cache, progress, cancel):
                return None
            info = store.merge_info()
            orders = store.document_orders()
            start = max(orders.values(), default=-1) + 1
            found = []
            for n, d in enumerate(new):
                cancel.check()
                if progress:
                    progress(n, len(new), f"Finding events in {d.id}")
                a = cache.current(d.sha256)
                if a is None:
                    return None
                if not (a.resolved and a.dct == d.dct):
                    resolve_for(a, d, cancel)
                    cache.put(a)
                found += [((start + n, k), f) for k, f in enumerate(a.found_for(d))]
            removed_passages = len(store.merge_rows_of_documents(removed)) if removed else 0
            if info[2] + len(found) + removed_passages > merging.REFIT_FRACTION * max(info[1], 1):
                return None
            if progress:
                progress(len(new), len(new) + 1, "Merging events across articles")
            terms = {t for _, f in found for t in own_words(f.mention, f.context)}
            vec = merging.project_vectorizer(store.merge_words(terms), info[1], terms)
            dcts = {d.id: d.dct.isoformat() for d in new}
            by_id = {d.id: d for d in new}
            # the new articles' stories first: another story's merge must not see their rows
            store.join_stories({d.id: story_of[d.id] for d in new})
            reclustered = 0
            for story in sorted(set(story_of.values())):
                cancel.check()
                change = merging.merge_incrementally(
                    store.merge_of_story(story),
                    [(o, f) for o, f in found if story_of[f.mention.document_id] == story],
                    {d for d in removed if story_of[d] == story}, vec, dcts, cancel)
                told = {m.document_id for e in change.events for m in e.mentions}
                docs = [by_id[i] for i in told if i in by_id] + \
                    store.documents_by_id(told - set(by_id))
                score_importance(change.events, docs)
                store.replace_some_events(change.gone_events, change.events,
                                          {d.id: d.text for d in docs})
                store.update_merge(change.deleted_rows, change.updated_rows,
                                   change.inserted_rows, change.passages)
                reclustered += change.reclustered
            cancel.check()
            if removed:
                store._delete_documents(sorted(removed))
                store.drop_empty_stories()
            store.add_documents(new)
            # the events not changed here keep their stored scores: by these weights too
            store.rescore_if_stale()
            store.renumber_stories(story_of.values())
            store.save_analyses(cache.changed_analyses())
            store.forget_imports(list(finished))
    except Cancelled:
        raise
    except Exception:  # noqa: BLE001 - rolled back: the full resolution decides (and reports)
        return None
    return StoredResult(store, problems, [d.id for d in new], reclustered=reclustered)


def save_merge(store: Store, states: Sequence[merging.MergeState]) -> None:
    """Store a full resolution's merge (inside its transaction), for the next import: the
    merges of its stories as one snapshot (their items, copy groups and components numbered
    one after the other; components never span two stories)."""
    state = merging.MergeState()
    for part in states:
        items, groups = len(state.items), len(state.copies)
        state.vectorizer = state.vectorizer or part.vectorizer
        state.items += part.items
        state.positions += part.positions
        state.copies += [[i + items for i in g] for g in part.copies]
        state.components += [c + groups for c in part.components]
        for g, (js, links) in part.lookups.items():
            state.lookups[g + groups] = (array(js.typecode, (j + groups for j in js)), links)
        state.event_of.update(part.event_of)
        state.passages += part.passages
    merging.save_full(store, state, store.document_orders(), state.passages, corpus_version())
