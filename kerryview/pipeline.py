"""The pipeline: read documents -> tag time expressions -> find event mentions -> resolve the
corpus (publication dates, merging, disagreements) -> store.

Plain Python, no Qt: the GUI runs it in a worker thread, the CLI and tests call it directly.
`progress(done, total, what)` reports steps; `cancelled()` is polled between steps and raises
Cancelled before anything is written, so a cancelled import leaves the store as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from kerryview.bundled import bundled_corpus_paths
from kerryview.events.mentions import find_mentions
from kerryview.ingest import ReadError, expand_paths, read_document
from kerryview.model import Document, Event
from kerryview.dating.inference import infer_dcts
from kerryview.events.merge import merge
from kerryview.store import Store
from kerryview.timex.recognize import recognize
from kerryview.timex.anchor import resolve

Progress = Callable[[int, int, str], None]

__all__ = ["Cancelled", "Problem", "ImportResult", "build_corpus", "import_into_store",
           "read_documents", "bundled_corpus_paths"]


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


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

    def __init__(self, on_new_text: Callable[[], None] | None = None) -> None:
        self._recognized: dict[str, list] = {}
        self._on_new_text = on_new_text  # progress and cancel, once per article recognized

    def __call__(self, text: str, dct):
        pending = self._recognized.get(text)
        if pending is None:
            if self._on_new_text:
                self._on_new_text()
            pending = self._recognized[text] = recognize(text)
        return resolve(text, pending, dct)


def build_corpus(documents: list[Document], progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[Event]:
    """Resolve publication dates, find mentions and merge them into events (mutates dct)."""
    n = len(documents)
    total = 2 * n + 1  # recognize each article, find its events, merge
    done = 0

    def step(what: str) -> None:
        nonlocal done
        if cancelled and cancelled():
            raise Cancelled()
        if progress:
            progress(done, total, what)
        done += 1

    timexes = infer_dcts(documents, CachingTagger(lambda: step("Reading dates in the articles")))
    done = n
    found = []
    for d in documents:
        step(f"Finding events in {d.id}")
        found.extend(find_mentions(d, timexes[d.id]))
    if progress:
        progress(total - 1, total, "Merging events across articles")
    dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in documents}
    events = merge(found, dcts)
    if progress:
        progress(total, total, "Done")
    return events


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
                      cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Add files to the stored corpus and re-resolve it; one transaction, or nothing.
    With no paths, the stored documents are resolved again (after the user set a date).

    Another instance may import into the same project meanwhile. The resolution runs without
    any lock; the write then takes the write lock (Store.writing: BEGIN IMMEDIATE) and reads
    the stored documents again. If they changed since the resolution started (documents
    added, a date set), it resolves again on top of them: at most MAX_RESOLUTIONS times, the
    last one inside the lock, so it always ends. Stored documents are never deleted, only
    added to. The paths are recorded (Store.record_import) before the long work and the
    record is cleared with the save, together with the records of interrupted imports whose
    files these paths cover: importing Store.pending_import() finishes them."""
    record = store.record_import(paths) if paths else None
    try:
        result = _import(store, paths, record, progress, cancelled)
    except BaseException:
        if record is not None:
            try:
                store.forget_imports([record])  # cancelled or failed: nothing to finish later
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
        raise
    return result


def _import(store: Store, paths: Sequence[str | Path], record: str | None,
            progress: Progress | None, cancelled: Callable[[], bool] | None) -> ImportResult:
    existing = store.documents()
    new, problems = read_documents(paths, existing, progress, cancelled)
    finished = [record] if record else []
    for attempt in range(1, MAX_RESOLUTIONS + 1):
        start = _stored_state(existing)  # before build_corpus sets the inferred dates
        events = build_corpus(existing + new, progress, cancelled)
        if cancelled and cancelled():
            raise Cancelled()
        with store.writing():
            stored = store.documents()
            now = _stored_state(stored)
            if now != start and attempt == MAX_RESOLUTIONS:
                existing, new, start = stored, _on_top_of(stored, new), now
                events = build_corpus(existing + new, progress, cancelled)  # holding the lock
                if cancelled and cancelled():
                    raise Cancelled()
            if now == start:
                if paths:
                    finished += store.interrupted_imports_covered_by(paths)
                documents = existing + new
                if new or not paths or not existing or store.event_count() != len(events):
                    store.save_corpus(documents, events, finished_imports=finished)
                else:  # nothing new: the stored corpus stays as it is
                    store.forget_imports(finished)
                break
        existing, new = stored, _on_top_of(stored, new)  # another instance wrote: again
    store.apply_marks(events)
    return ImportResult(documents, events, problems, [d.id for d in new])
