"""An import that adds or removes a few articles, resolved by touching only what they change.

When can the corpus stages skip the stored articles? Dating: every article, stored and new,
declares its publication date (date line, page metadata, or set by the user), so no date is
inferred from the others and none can change. Merging: the project keeps its last merge
(kerryview.incremental.merge) made by these per-article stages, and the passages added or
removed since its word weights were fitted stay under REFIT_FRACTION of them. Then the new
articles' mentions come from their stored analyses, the merge is redone only where they land,
and the write changes only those rows: the new documents, the changed events, the changed
merge rows, in one transaction. Otherwise (an undated article anywhere, no stored merge (a
project of several stories keeps none: it is merged story by story, kerryview.stories), the
weights too old, any failure) the caller resolves the whole corpus, which stores a fresh
merge for the next time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from kerryview.analysis import AnalysisCache, resolve_for, stage_version
from kerryview.cancellation import Cancellation, Cancelled
from kerryview.dating.inference import declared_dct
from kerryview.incremental import merge as merging
from kerryview.events.importance import score as score_importance
from kerryview.model import DateSourceKind, Document

if TYPE_CHECKING:
    from kerryview.pipeline import ImportResult, Problem
    from kerryview.store import Store

Progress = Callable[[int, int, str], None]
DECLARED = frozenset({DateSourceKind.STATED_IN_TEXT.value, DateSourceKind.PAGE_METADATA.value,
                      DateSourceKind.SET_BY_USER.value})


def applicable(store: Store, new: Sequence[Document], removed: set[str]) -> bool:
    """Whether the stored corpus and the new articles allow an incremental resolution."""
    from kerryview.events.clauses import CLAUSE_EVENTS

    info = store.merge_info()
    if CLAUSE_EVENTS or info is None or info[0] != stage_version():
        return False  # clause events are merged apart (clauses.merge_apart): no stored merge
    kinds = store.document_date_kinds()
    if any(dct is None or kind not in DECLARED
           for doc_id, (dct, kind) in kinds.items() if doc_id not in removed):
        return False
    for d in new:
        declared_dct(d)
        if d.dct is None:
            return False
    return True


def resolve(store: Store, new: list[Document], removed: set[str], cache: AnalysisCache,
            finished: Sequence[str], problems: list[Problem], progress: Progress | None,
            cancel: Cancellation) -> ImportResult | None:
    """Add `new` and remove the documents `removed`, incrementally, in one transaction; None
    (nothing written) when it does not apply and the whole corpus must be resolved."""
    from kerryview.pipeline import StoredResult

    try:
        with store.writing():  # read and written under the write lock: no other import between
            if not applicable(store, new, removed):
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
            vec = merging.project_vectorizer(
                store.merge_words({t for _, f in found for t in f.context}), info[1],
                {t for _, f in found for t in f.context})
            dcts = {d.id: d.dct.isoformat() for d in new}
            change = merging.merge_incrementally(store, found, removed, vec, dcts, cancel)
            told = {m.document_id for e in change.events for m in e.mentions}
            by_id = {d.id: d for d in new}
            docs = [by_id[i] for i in told if i in by_id] + \
                store.documents_by_id(told - set(by_id))
            score_importance(change.events, docs)
            cancel.check()
            if removed:
                store._delete_documents(sorted(removed))
            store.add_documents(new)
            store.join_the_story([d.id for d in new])
            store.replace_some_events(change.gone_events, change.events)
            store.update_merge(change.deleted_rows, change.updated_rows, change.inserted_rows,
                               change.passages)
            store.save_analyses(cache.changed_analyses())
            store.forget_imports(list(finished))
    except Cancelled:
        raise
    except Exception:  # noqa: BLE001 - rolled back: the full resolution decides (and reports)
        return None
    return StoredResult(store, problems, [d.id for d in new], reclustered=change.reclustered)


def save_merge(store: Store, state: merging.MergeState) -> None:
    """Store a full resolution's merge (inside its transaction), for the next import."""
    merging.save_full(store, state, store.document_orders(), state.passages, stage_version())
