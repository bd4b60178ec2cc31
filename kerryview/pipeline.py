"""The pipeline: read documents -> tag time expressions -> find event mentions -> resolve the
corpus (publication dates, merging, disagreements) -> store.

Plain Python, no Qt: the GUI runs it in a worker thread, the CLI and tests call it directly.
`progress(done, total, what)` reports steps; `cancelled()` is polled between steps and inside
every stage (kerryview.cancellation: Cancel answers within a second even inside one long
article) and raises Cancelled before anything is written, so a cancelled import leaves the
store as it was. An article a stage fails on becomes a Problem; the others are processed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kerryview.bundled import bundled_corpus_paths
from kerryview.cancellation import NEVER, Cancellation, Cancelled
from kerryview.events.mentions import Found, find_mentions
from kerryview.ingest import ReadError, expand_paths, read_document
from kerryview.model import Document, Event
from kerryview.dating.inference import declared_dct, infer_dcts
from kerryview.events.merge import merge
from kerryview.store import Store
from kerryview.timex.recognize import recognize
from kerryview.timex.anchor import resolve

Progress = Callable[[int, int, str], None]

__all__ = ["Cancelled", "Problem", "ImportResult", "build_corpus", "import_into_store",
           "read_documents", "bundled_corpus_paths"]


@dataclass
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ImportResult:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids of documents new in this import


def _unique_id(stem: str, taken: set[str]) -> str:
    ident, n = stem, 2
    while ident in taken:
        ident, n = f"{stem}~{n}", n + 1
    taken.add(ident)
    return ident


def read_documents(paths: Sequence[str | Path], existing: Sequence[Document] = (),
                   progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None
                   ) -> tuple[list[Document], list[Problem]]:
    """New documents from files and folders, skipping files whose content is already in."""
    files, errors = expand_paths(paths)
    problems = [Problem(e.path, e.message) for e in errors]
    seen = {d.sha256 for d in existing}
    taken = {d.id for d in existing}
    docs: list[Document] = []
    for i, f in enumerate(files):
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(i, len(files), f"Reading {f.name}")
        try:
            doc = read_document(f)
        except ReadError as e:
            problems.append(Problem(e.path, e.message))
            continue
        if doc.sha256 in seen:
            continue
        seen.add(doc.sha256)
        doc.id = _unique_id(doc.id, taken)
        docs.append(doc)
    return docs, problems


class CachingTagger:
    """tag(text, dct) that recognizes each text once: dating a document tries many candidate
    publication dates, and only the (cheap) resolution phase depends on the date."""

    def __init__(self, on_new_text: Callable[[], None] | None = None,
                 cancel: Cancellation = NEVER) -> None:
        self._recognized: dict[str, list] = {}
        self._on_new_text = on_new_text  # progress and cancel, once per article recognized
        self._cancel = cancel  # and inside each article

    def __call__(self, text: str, dct):
        pending = self._recognized.get(text)
        if pending is None:
            if self._on_new_text:
                self._on_new_text()
            pending = self._recognized[text] = recognize(text, self._cancel)
        return resolve(text, pending, dct, self._cancel)


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
    return Problem(doc.path, f"could not be processed: {reason}; the other articles are imported")


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
        except Exception as e:  # noqa: BLE001 - not in the tagger: find whose it is
            culprits = _culprits(ok, lambda one: infer_dcts(one, tagger, cancel))
            if not culprits:
                raise  # it failed on all together but on no part of them: not reproducible
        for d, error in culprits:
            _set_aside(d, error, failed)


def _merge_events(found: list[Found], documents: list[Document], cancel: Cancellation,
                  failed: dict[str, Problem]) -> list[Event]:
    """merge() over the mentions; when it fails, the articles it fails on alone are set aside."""
    while True:
        dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in documents}
        kept = [f for f in found if f.mention.document_id not in failed]
        try:
            return merge(kept, dcts, cancel)
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


def build_corpus(documents: list[Document], progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 problems: list[Problem] | None = None) -> list[Event]:
    """Resolve publication dates, find mentions and merge them into events (mutates dct).

    One article's failure never costs the others: an article a stage raises for is appended to
    `problems` ("could not be processed: ...") and contributes no events, but it stays in
    `documents`, with its text and the date it declares, so it is stored like the others."""
    n = len(documents)
    total = 2 * n + 1  # recognize each article, find its events, merge
    done = 0
    cancel = Cancellation(cancelled)

    def step(what: str) -> None:
        nonlocal done
        cancel.check()
        if progress:
            progress(done, total, what)
        done += 1

    failed: dict[str, Problem] = {}
    tagger = CachingTagger(lambda: step("Reading dates in the articles"), cancel)
    timexes = _date_documents(documents, tagger, cancel, failed)
    done = n
    found: list[Found] = []
    for d in documents:
        step(f"Finding events in {d.id}")
        if d.id in failed:
            continue
        try:
            found.extend(find_mentions(d, timexes[d.id], cancel))
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001
            _set_aside(d, e, failed)
    if progress:
        progress(total - 1, total, "Merging events across articles")
    events = _merge_events(found, documents, cancel, failed)
    if problems is not None:
        problems.extend(failed[d.id] for d in documents if d.id in failed)
    if progress:
        progress(total, total, "Done")
    return events


def import_into_store(store: Store, paths: Sequence[str | Path],
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Add files to the stored corpus and re-resolve it; one transaction, or nothing.
    With no paths, the stored documents are resolved again (after the user set a date)."""
    existing = store.documents()
    new, problems = read_documents(paths, existing, progress, cancelled)
    documents = existing + new
    events = build_corpus(documents, progress, cancelled, problems)
    if cancelled and cancelled():
        raise Cancelled()
    if new or not paths or not existing or store.event_count() != len(events):
        store.save_corpus(documents, events)
    store.apply_marks(events)
    return ImportResult(documents, events, problems, [d.id for d in new])
