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


def import_into_store(store: Store, paths: Sequence[str | Path],
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Add files to the stored corpus and re-resolve it; one transaction, or nothing.
    With no paths, the stored documents are resolved again (after the user set a date)."""
    existing = store.documents()
    new, problems = read_documents(paths, existing, progress, cancelled)
    documents = existing + new
    events = build_corpus(documents, progress, cancelled)
    if cancelled and cancelled():
        raise Cancelled()
    if new or not paths or not existing or store.event_count() != len(events):
        store.save_corpus(documents, events)
    store.apply_marks(events)
    return ImportResult(documents, events, problems, [d.id for d in new])
