"""The pipeline: read documents -> tag time expressions -> find event mentions -> resolve the
corpus (publication dates, merging, disagreements) -> store.

Plain Python, no Qt: the GUI runs it in a worker thread, the CLI and tests call it directly.
`progress(done, total, what)` reports steps; `cancelled()` is polled between steps and inside
every stage (kerryview.cancellation: Cancel answers within a second even inside one long
article) and raises Cancelled before the corpus is written, so a cancelled import leaves the
project as it was (only the per-article analyses it stored in batches stay beside it, so that
importing those files again does not tag them again). An article a stage fails on becomes a
Problem; the others are processed.
"""
from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kerryview import incremental
from kerryview.analysis import Analysis, AnalysisCache, corpus_version, stage_version
from kerryview.bundled import bundled_corpus_paths
from kerryview.cancellation import NEVER, Cancellation, Cancelled
from kerryview.events.mentions import Found, find_mentions
from kerryview.ingest import ReadError, expand_paths, read_document
from kerryview.model import Document, Event
from kerryview.dating.inference import declared_dct, infer_dcts
from kerryview.events.clauses import CLAUSE_EVENTS, merge_weights
from kerryview.events.merge import MergeState, merge
from kerryview.events.importance import score as score_importance
from kerryview.parallel import analyse_documents
from kerryview.store import Store
from kerryview.stories import Story, per_story
from kerryview.text.similarity import Vectorizer
from kerryview.timex.recognize import recognize
from kerryview.timex.anchor import resolve

Progress = Callable[[int, int, str], None]
# Told each stored batch of newly analysed articles, with how many of how many are done (the app
# shows their events while the rest are tagged: kerryview.gui.provisional).
Analysed = Callable[[list[tuple[Document, Analysis]], int, int], None]

__all__ = ["Cancelled", "Problem", "ImportResult", "build_corpus", "import_into_store",
           "remove_documents", "read_documents", "bundled_corpus_paths"]


@dataclass
class Problem:
    path: str
    message: str
    stage: str = "read"  # "read": the file could not be read; "process": a stage failed on it

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ImportResult:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids of documents new in this import
    # the files of the import whose content the project already held (two copies of one
    # article: two files); `unchanged`: nothing was new, so dating and merging were skipped
    # (the stored corpus is the result)
    already_in: int = 0
    unchanged: bool = False

    def nothing_new_text(self) -> str:
        """What an import that found nothing new says (CLI and window)."""
        n = self.already_in
        if n == 1:
            return "nothing new: 1 file, already in the project"
        return f"nothing new: {n:,} files, all already in the project"


class StoredResult(ImportResult):
    """The result of an incremental resolution (kerryview.incremental): the corpus is what
    the store holds, read when first asked for (it is all the documents and events)."""

    def __init__(self, store: Store, problems: list[Problem], added: list[str], *,
                 reclustered: int = 0, already_in: int = 0, unchanged: bool = False) -> None:
        self._store, self._documents, self._events = store, None, None
        self.problems, self.added = problems, added
        self.already_in, self.unchanged = already_in, unchanged
        self.reclustered = reclustered  # mentions merged again (what the import touched)

    @property
    def documents(self) -> list[Document]:
        if self._documents is None:
            self._documents = self._store.documents()
        return self._documents

    @documents.setter
    def documents(self, value: list[Document]) -> None:
        self._documents = value

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            self._events = self._store.events()
        return self._events

    @events.setter
    def events(self, value: list[Event]) -> None:
        self._events = value


def _unique_id(stem: str, taken: set[str]) -> str:
    ident, n = stem, 2
    while ident in taken:
        ident, n = f"{stem}~{n}", n + 1
    taken.add(ident)
    return ident


def read_documents(paths: Sequence[str | Path], existing: Sequence[Document] = (),
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   already: list[str] | None = None
                   ) -> tuple[list[Document], list[Problem]]:
    """New documents from files and folders, skipping files whose content is already in
    (`already` is given the hash of each file whose content `existing` holds, a file each)."""
    stored = {d.sha256 for d in existing}
    files, errors = expand_paths(paths)
    problems = [Problem(e.path, e.message) for e in errors]
    seen = {d.sha256 for d in existing}
    taken = {d.id for d in existing}
    docs: list[Document] = []
    for i, f in enumerate(files):
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(i, len(files), f"Reading files: {i:,} of {len(files):,}")
        try:
            doc = read_document(f)
        except ReadError as e:
            problems.append(Problem(e.path, e.message))
            continue
        if doc.sha256 in seen:
            if already is not None and doc.sha256 in stored:
                already.append(doc.sha256)
            continue
        seen.add(doc.sha256)
        doc.id = _unique_id(doc.id, taken)
        docs.append(doc)
    return docs, problems


class CachingTagger:
    """tag(text, dct) that recognizes each text once: dating a document tries many candidate
    publication dates, and only the (cheap) resolution phase depends on the date."""

    def __init__(self, on_new_text: Callable[[], None] | None = None,
                 cancel: Cancellation = NEVER, known: dict[str, Analysis] | None = None,
                 made: dict[str, list] | None = None) -> None:
        self._recognized: dict[str, list] = {}
        self._known = known or {}  # text -> its stored analysis (kerryview.analysis)
        # text -> its recognition made earlier in the pipeline (a stray's years, read when the
        # stories were found): taken from there (and dropped there), not made again
        self._made = made if made is not None else {}
        self._on_new_text = on_new_text  # progress and cancel, once per article recognized
        self._cancel = cancel  # and inside each article

    def __call__(self, text: str, dct):
        pending = self._recognized.get(text)
        if pending is None:
            stored = self._known.get(text)
            if stored is not None and stored.resolved and stored.dct == dct:
                return list(stored.timexes)  # resolved for this date when it was stored
            if stored is not None:
                pending = self._recognized[text] = stored.recognized()
            else:
                if self._on_new_text:
                    self._on_new_text()
                pending = self._made.pop(text, None)
                if pending is None:
                    pending = recognize(text, self._cancel)
                self._recognized[text] = pending
        return resolve(text, pending, dct, self._cancel)

    def pending_of(self, text: str) -> list | None:
        """The recognition of a text this tagger has seen or was given (to store it)."""
        pending = self._recognized.get(text)
        if pending is None and text in self._known:
            pending = self._recognized[text] = self._known[text].recognized()
        return pending


class _ArticleFailed(Exception):
    """A stage raised for the article with this text while the whole corpus was being dated."""

    def __init__(self, text: str, error: Exception) -> None:
        super().__init__(text)
        self.text, self.error = text, error


class _IsolatingTagger:
    """The tagger with its failures named by article: dating tags every article many times, and
    an error inside must say whose text it was, so that article alone is set aside."""

    def __init__(self, tag: CachingTagger) -> None:
        self._tag = tag

    def __call__(self, text: str, dct):
        try:
            return self._tag(text, dct)
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - any fault in one article is that article's
            raise _ArticleFailed(text, e) from e


def _failure(doc: Document, error: BaseException) -> Problem:
    lines = str(error).strip().splitlines()
    detail = lines[0][:200] if lines else ""
    reason = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return Problem(doc.path, f"could not be processed: {reason}; the other articles are imported",
                   "process")


def _set_aside(doc: Document, error: BaseException, failed: dict[str, Problem]) -> None:
    """Keep the article (its text is the user's data) with only the date it declares itself."""
    failed[doc.id] = _failure(doc, error)
    declared_dct(doc)


def _fails(stage: Callable[[list[Document]], object], documents: list[Document]
           ) -> Exception | None:
    try:
        stage(documents)
    except Cancelled:
        raise
    except Exception as e:  # noqa: BLE001
        return e
    return None


def _culprits(documents: list[Document], stage: Callable[[list[Document]], object]
              ) -> list[tuple[Document, Exception]]:
    """The documents to set aside when `stage` failed on them all together and the error did
    not say whose it was: those it fails on alone; else (a failure only two articles together
    cause) each article that makes the ones before it fail, added one at a time."""
    out = [(d, e) for d in documents if (e := _fails(stage, [d])) is not None]
    if out:
        return out
    kept: list[Document] = []
    for d in documents:
        e = _fails(stage, kept + [d])
        if e is None:
            kept.append(d)
        else:
            out.append((d, e))
    return out


def _date_documents(documents: list[Document], tag: CachingTagger, cancel: Cancellation,
                    failed: dict[str, Problem]) -> dict[str, list]:
    """infer_dcts over the articles that do not fail; one that does is set aside and the rest
    dated again without it (its dates must not decide the others')."""
    tagger = _IsolatingTagger(tag)
    while True:
        ok = [d for d in documents if d.id not in failed]
        try:
            return infer_dcts(ok, tagger, cancel)
        except Cancelled:
            raise
        except _ArticleFailed as e:
            culprits = [(d, e.error) for d in ok if d.text == e.text]
            if not culprits:
                raise e.error from None  # not one of these articles' texts: nothing to set aside
        except Exception:  # noqa: BLE001 - not in the tagger: find whose it is
            culprits = _culprits(ok, lambda one: infer_dcts(one, tagger, cancel))
            if not culprits:
                raise  # it failed on all together but on no part of them: not reproducible
        for d, error in culprits:
            _set_aside(d, error, failed)


def _merge_events(found: list[Found], documents: list[Document], cancel: Cancellation,
                  failed: dict[str, Problem], keep: MergeState | None = None,
                  vectorizer: Vectorizer | None = None) -> list[Event]:
    """merge() over the mentions; when it fails, the articles it fails on alone are set aside.
    `keep` receives what the merge found (kerryview.incremental.merge stores it); `vectorizer`
    weighs the words (by default fitted on these mentions)."""
    while True:
        dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in documents}
        kept = [f for f in found if f.mention.document_id not in failed]
        try:
            return merge(kept, dcts, cancel, keep=keep, vectorizer=vectorizer)
        except Cancelled:
            raise
        except Exception:  # noqa: BLE001
            ok = [d for d in documents if d.id not in failed]
            culprits = _culprits(ok, lambda some: merge(
                [f for f in kept if f.mention.document_id in {d.id for d in some}], dcts, cancel))
            if not culprits:
                raise
            for d, error in culprits:
                _set_aside(d, error, failed)


@dataclass
class _Found:
    """One story's articles after dating and finding events, before merging."""

    documents: list[Document]
    found: list[Found]
    failed: dict[str, Problem]


def build_corpus(documents: list[Document], progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 problems: list[Problem] | None = None,
                 analyses: AnalysisCache | None = None,
                 merge_states: list[MergeState] | None = None,
                 stories: list[Story] | None = None,
                 given: Sequence[Story] | None = None,
                 vectorizer: Vectorizer | None = None) -> list[Event]:
    """The corpus stages run on each story of the pile on its own (kerryview.stories: the
    stories found, or `given` ones kept as they are, are appended to `stories`): each story's
    articles are dated and their events found and merged apart from the others, so no event
    spans two stories. The words of every story are weighed by one `vectorizer`, by default
    fitted on the whole pile's passages: a story is merged as in the whole pile, only never
    with another (and an incremental merge keeps one set of word weights, the project's).
    `merge_states` receives each story's merge, for the next import to merge incrementally."""
    cancel = Cancellation(cancelled)
    made: dict[str, list] = {}  # recognitions the stories needed, for the tagger to take
    parts: list[_Found] = per_story(documents, lambda part, report: [_find_events(
        part, report, cancel, analyses, made)], progress, stories, cancel.check, given,
        _recognition(analyses, made, cancel))
    if vectorizer is None:  # (clause events' words weighed apart: events.clauses.merge_weights)
        vectorizer = merge_weights([f for p in parts for f in p.found
                                    if f.mention.document_id not in p.failed])
    events: list[Event] = []
    total = sum(2 * len(p.documents) + 1 for p in parts)
    for k, p in enumerate(parts, 1):
        if progress:
            progress(total - 1, total, f"Merging events across {len(p.documents):,} articles"
                     + (f" (story {k} of {len(parts)})" if len(parts) > 1 else ""))
        keep = MergeState() if merge_states is not None else None
        story_events = _merge_events(p.found, p.documents, cancel, p.failed, keep, vectorizer)
        score_importance(story_events, p.documents)
        events += story_events
        if keep is not None:
            merge_states.append(keep)
        if problems is not None:
            problems.extend(p.failed[d.id] for d in p.documents if d.id in p.failed)
    if len(parts) > 1:
        events.sort(key=lambda e: (e.start, e.end, e.label, e.id))
    if progress:
        progress(total, total, "Done")
    return events


def _recognition(analyses: AnalysisCache | None, made: dict[str, list],
                 cancel: Cancellation) -> Callable[[Document], list | None]:
    """An article's recognition (the tagger's output on its text), for clustering to read a
    stray's years from: its stored one (kerryview.analysis), else made now and kept in `made`
    for the pipeline's tagger to take (CachingTagger), so an import tags each article once.
    A text the tagger fails on writes no years here ([]); the pipeline's tagging sets it aside."""
    def recognized(doc: Document) -> list | None:
        a = analyses.current(doc.sha256) if analyses is not None else None
        if a is not None:
            return a.recognized()
        if doc.text not in made:
            try:
                made[doc.text] = recognize(doc.text, cancel)
            except Cancelled:
                raise
            except Exception:  # noqa: BLE001 - reported when the pipeline tags the article
                return []
        return made[doc.text]
    return recognized


def _find_events(documents: list[Document], progress: Progress | None,
                 cancel: Cancellation, analyses: AnalysisCache | None,
                 made: dict[str, list] | None = None) -> _Found:
    """Resolve publication dates and find mentions (mutates dct): a story's steps but the merge.

    One article's failure never costs the others: an article a stage raises for is appended to
    `problems` ("could not be processed: ...") and contributes no events, but it stays in
    `documents`, with its text and the date it declares, so it is stored like the others.

    With `analyses` (the stored per-article results, kerryview.analysis), an article analysed
    before is not tagged again: dating starts from its stored recognition, and its stored
    mentions are used while its publication date is the one they were found for. The
    analyses made or redone here are added to it (`changed`) for the caller to store.
    `made`: recognitions made before (by clustering), taken rather than made again."""
    n = len(documents)
    total = 2 * n + 1  # recognize each article, find its events, merge
    done = 0

    def step(what: str) -> None:
        nonlocal done
        cancel.check()
        if progress:
            progress(done, total, what)
        done += 1

    failed: dict[str, Problem] = {}
    stored: dict[str, Analysis] = {}
    if analyses is not None:
        stored = {d.id: a for d in documents if (a := analyses.current(d.sha256)) is not None}
    tagger = CachingTagger(lambda: step("Reading dates in the articles"), cancel,
                           known={d.text: stored[d.id] for d in documents if d.id in stored},
                           made=made)
    if progress:
        progress(0, total, "Dating the articles")
    timexes = _date_documents(documents, tagger, cancel, failed)
    done = n
    found: list[Found] = []
    for i, d in enumerate(documents):
        step(f"Finding events: {i:,} of {n:,} articles")
        if d.id in failed:
            continue
        try:
            before = stored.get(d.id)
            if before is not None and before.resolved and before.dct == d.dct:
                found.extend(before.found_for(d))
                continue
            mentions = find_mentions(d, timexes[d.id], cancel, CLAUSE_EVENTS)  # (positional: tests wrap it)
            found.extend(mentions)
            pending = tagger.pending_of(d.text)
            if analyses is not None and pending is not None and d.sha256:
                analyses.put(Analysis(d.sha256, stage_version(), pending, d.dct,
                                      list(timexes[d.id]), mentions, resolved=True))
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001
            _set_aside(d, e, failed)
    return _Found(documents, found, failed)


# How many times an import resolves the corpus again because another instance stored documents
# while it was resolving; the last time it resolves while holding the write lock.
MAX_RESOLUTIONS = 4


def _stored_state(documents: Sequence[Document]) -> set[tuple]:
    """What the resolution of a corpus starts from: which documents, with which content and
    which publication dates (a date the user set in another instance counts)."""
    return {(d.id, d.sha256, d.dct, d.dct_source) for d in documents}


def _on_top_of(stored: list[Document], new: list[Document]) -> list[Document]:
    """The new documents still to add to `stored`: those whose content another instance stored
    meanwhile are dropped, and ids it took are renamed (as read_documents names them)."""
    hashes = {d.sha256 for d in stored}
    taken = {d.id for d in stored}
    out = []
    for d in new:
        if d.sha256 in hashes:
            continue
        hashes.add(d.sha256)
        if d.id in taken:
            d.id = _unique_id(Path(d.path).stem, taken)
        taken.add(d.id)
        out.append(d)
    return out


def import_into_store(store: Store, paths: Sequence[str | Path],
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None, *,
                      workers: int | None = None, scheduler=None,
                      analysed: Analysed | None = None) -> ImportResult:
    """Add files to the stored corpus and re-resolve it. With no paths, the stored documents
    are resolved again (after the user set a date).

    Incremental: only articles without a stored analysis (new ones, or all after the tagger
    changed) go through the per-article stages (kerryview.analysis), on `workers` processes or
    a Dask `scheduler` (kerryview.parallel), and their analyses are stored in batches of
    BATCH_ARTICLES, each its own transaction: a killed or cancelled import keeps that work and
    the project opens as it was; `analysed` is told each stored batch. The corpus stages
    (dating, merging) then run from the stored analyses, and the resolved corpus is saved in
    one transaction, or nothing.

    Another instance may import into the same project meanwhile. The resolution runs without
    any lock; the write then takes the write lock (Store.writing: BEGIN IMMEDIATE) and reads
    the stored documents again. If they changed since the resolution started (documents
    added, a date set), it resolves again on top of them: at most MAX_RESOLUTIONS times, the
    last one inside the lock, so it always ends. Stored documents are never deleted, only
    added to. The paths are recorded (Store.record_import) before the long work and the
    record is cleared with the save, together with the records of interrupted imports whose
    files these paths cover: importing Store.pending_import() finishes them. A resolution
    with no paths is recorded too (with none): killed, it is offered to finish like an import
    (Store.resolution_interrupted), and any later resolution of the corpus finishes it."""
    store.check_caches()  # opening checked what a project is shown from, not the caches
    record = store.record_import(paths)
    try:
        result = _import(store, paths, record, progress, cancelled, workers, scheduler,
                         analysed)
    except BaseException:
        if record is not None:
            try:
                store.forget_imports([record])  # cancelled or failed: nothing to finish later
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
        raise
    return result


def remove_documents(store: Store, doc_ids: Sequence[str], progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Remove articles from the project (the user's choice) and re-resolve the others from
    their stored analyses, without tagging them again; one transaction, or nothing (Cancel
    leaves every article in). Marks and dates the user set on the others are kept."""
    store.check_caches()
    cancel = Cancellation(cancelled)
    gone = set(doc_ids)
    done = incremental.resolve(store, [], gone, AnalysisCache(), (), [], progress, cancel)
    if done is not None:
        return done
    existing = [d for d in store.documents() if d.id not in gone]
    cache = _analyse(store, existing, progress, cancel, None, None)
    return _resolve_and_save(store, existing, [], gone, (), None, [], cache, progress,
                             cancelled)


# Analyses stored per transaction while an import tags articles: a few seconds of tagging, so
# a kill loses little and the write lock is held only briefly.
BATCH_ARTICLES = 100


def _analyse(store: Store, documents: list[Document], progress: Progress | None,
             cancel: Cancellation, workers: int | None, scheduler,
             analysed: Analysed | None = None, *, only: bool = False) -> AnalysisCache:
    """The stored analyses of `documents` (`only`: of them alone, else of all stored ones),
    after running the per-article stages on those that have none (by this version of the
    stages) and storing them in batches."""
    version = stage_version()
    cache = AnalysisCache(store.analyses(
        version, only=[d.sha256 for d in documents] if only else None))
    todo = [d for d in documents if d.sha256 and cache.current(d.sha256) is None]
    if not todo:
        return cache
    batch: list[tuple[Document, Analysis]] = []

    def flush(done: int) -> None:
        if not batch:
            return
        store.save_analyses([a for _, a in batch])
        for _, a in batch:
            cache.put(a, stored=True)
        if analysed:
            analysed(list(batch), done, len(todo))
        batch.clear()

    if progress:
        progress(0, len(todo), f"Tagging articles: 0 of {len(todo):,}")
    # closing(): on Cancel or an error the workers are stopped now, not when collected
    with closing(analyse_documents(todo, workers=workers, scheduler=scheduler,
                                   cancel=cancel)) as results:
        for i, (doc, result) in enumerate(results, 1):
            if isinstance(result, Analysis) and result.version == version:
                batch.append((doc, result))  # a Failed one: tagged again, reported, by build_corpus
            if len(batch) >= BATCH_ARTICLES:
                cancel.check()
                flush(i)
            if progress:
                progress(i, len(todo), f"Tagging articles: {i:,} of {len(todo):,}")
    cancel.check()
    flush(len(todo))
    return cache


def _import(store: Store, paths: Sequence[str | Path], record: str | None,
            progress: Progress | None, cancelled: Callable[[], bool] | None,
            workers: int | None, scheduler, analysed: Analysed | None) -> ImportResult:
    cancel = Cancellation(cancelled)
    current = bool(paths) and _resolution_current(store)
    applicable = bool(paths) and incremental.applicable(store, [], set())
    if current or applicable:
        # read the stored articles' hashes and ids only: an import of articles all already in
        # changes nothing; a few added to a project that keeps its merge are tagged and merged
        # alone (kerryview.incremental)
        stored = [Document(id=i, path="", text="", sha256=s) for s, i in store.hashes().items()]
        already: list[str] = []
        new, problems = read_documents(paths, stored, progress, cancelled, already)
        if not new and current:
            return _nothing_new(store, paths, record, problems, len(already))
        if not new:
            existing = store.documents()
        else:
            cache = _analyse(store, new, progress, cancel, workers, scheduler, analysed,
                             only=True)
            finished = [record] if record else []
            finished += store.interrupted_imports_covered_by(paths)
            done = incremental.resolve(store, new, set(), cache, finished, problems, progress,
                                       cancel) if applicable else None
            if done is not None:
                return done
            existing = store.documents()
            new = _on_top_of(existing, new)
            _load_missing(store, cache, existing + new)
            return _resolve_and_save(store, existing, new, set(), paths, record, problems,
                                     cache, progress, cancelled)
    else:
        existing = store.documents()
        new, problems = read_documents(paths, existing, progress, cancelled)
    cache = _analyse(store, existing + new, progress, cancel, workers, scheduler, analysed)
    return _resolve_and_save(store, existing, new, set(), paths, record, problems, cache,
                             progress, cancelled)


def _resolution_current(store: Store) -> bool:
    """Whether the stored corpus is what dating and merging give now for the stored articles:
    resolved (and its merge kept) by this version of every stage (corpus_version: stories and
    merging too), every article's analysis by this version of the per-article stages, and no
    resolution interrupted since. Then an import that adds nothing need not resolve again."""
    info = store.merge_info()
    if info is None or info[0] != corpus_version() or store.resolution_interrupted():
        return False
    return set(store.hashes()) <= store.analysed(stage_version())


def _nothing_new(store: Store, paths: Sequence[str | Path], record: str | None,
                 problems: list[Problem], already_in: int) -> ImportResult:
    """Every article of `paths` is already in a current project: no dating, no merging; the
    import's record and those of interrupted imports it covers are cleared."""
    finished = ([record] if record else []) + store.interrupted_imports_covered_by(paths)
    store.forget_imports(finished)
    store.rescore_if_stale()
    return StoredResult(store, problems, [], already_in=already_in, unchanged=True)


def _resolve_and_save(store: Store, existing: list[Document], new: list[Document],
                      removed: set[str], paths: Sequence[str | Path], record: str | None,
                      problems: list[Problem], cache: AnalysisCache,
                      progress: Progress | None, cancelled: Callable[[], bool] | None
                      ) -> ImportResult:
    """The corpus stages over existing + new (without `removed`) and the save, retried on top
    of what another instance stored meanwhile (see import_into_store)."""
    finished = [record] if record else []

    def kept(documents: list[Document]) -> list[Document]:
        return [d for d in documents if d.id not in removed]

    for attempt in range(1, MAX_RESOLUTIONS + 1):
        start = _stored_state(existing)  # before build_corpus sets the inferred dates
        stage_problems: list[Problem] = []  # each attempt's own, so none is reported twice
        states: list[MergeState] = []
        stories: list[Story] = []
        events = build_corpus(existing + new, progress, cancelled, stage_problems, cache,
                              states, stories)
        if cancelled and cancelled():
            raise Cancelled()
        with store.writing():
            stored = kept(store.documents())
            now = _stored_state(stored)
            if now != start and attempt == MAX_RESOLUTIONS:
                _load_missing(store, cache, stored)
                existing, new, start = stored, _on_top_of(stored, new), now
                stage_problems, stories, states = [], [], []
                events = build_corpus(existing + new, progress, cancelled,
                                      stage_problems, cache, states, stories)  # holding the lock
                if cancelled and cancelled():
                    raise Cancelled()
            if now == start:
                finished += store.interrupted_imports_covered_by(paths)
                documents = existing + new
                merged = store.merge_info()
                if new or removed or not paths or not existing or \
                        store.event_count() != len(events) or \
                        merged is None or merged[0] != corpus_version():  # by other stages
                    if progress:
                        progress(0, 0, f"Saving {len(documents):,} articles and "
                                 f"{len(events):,} events")
                    store.save_corpus(documents, events, finished_imports=finished,
                                      analyses=cache.changed_analyses(), removed=removed)
                    store.mark_scored()  # build_corpus scored every event: one scale
                    incremental.save_merge(store, states)
                    store.save_stories(stories)
                else:  # nothing new: the stored corpus stays as it is
                    store.save_analyses(cache.changed_analyses())
                    store.forget_imports(finished)
                    store.rescore_if_stale()
                break
        existing, new = stored, _on_top_of(stored, new)  # another instance wrote: again
        _load_missing(store, cache, existing)
    problems += stage_problems
    events = store.apply_user_edits(events)
    return ImportResult(documents, events, problems, [d.id for d in new])


def _load_missing(store: Store, cache: AnalysisCache, documents: list[Document]) -> None:
    """Analyses another instance stored for documents it added meanwhile."""
    missing = [d.sha256 for d in documents if cache.current(d.sha256) is None]
    if missing:
        for a in store.analyses(stage_version(), only=missing).values():
            cache.put(a, stored=True)
