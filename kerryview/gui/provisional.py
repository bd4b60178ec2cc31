"""The timeline while a long import is still tagging: the project's events, plus the events of the
articles tagged so far that declare their own publication date (a date line, page metadata).

An import of thousands of articles tags them for minutes before the corpus is dated and merged
as a whole. Each stored batch (kerryview.pipeline: `analysed`) already holds, for a dated
article, its event mentions resolved against that date; merging the mentions of the articles
tagged since the last preview gives events a reader can browse at once. They are provisional:
merged only among themselves (the same event told in two previews is two events until the import
ends), and articles without a declared date wait for dating across the corpus. The import's own
result replaces them; Cancel puts back the project as it was.

Previews cost the import little: one is made at most every MIN_INTERVAL_S, and never more often
than keeps its own time under SHARE of the import's. Runs in the import's worker thread; no Qt.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Sequence

from kerryview.cancellation import NEVER, Cancellation, Cancelled
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.model import Document, Event

if TYPE_CHECKING:
    from kerryview.analysis import Analysis

MIN_INTERVAL_S = 2.0
SHARE = 0.1  # of the import's time, at most, spent on previews


@dataclass
class Preview:
    """What the window shows meanwhile: every document so far (the project's and the new ones)
    and the events in a TimelineIndex; `tagged` of `total` new articles are done."""

    documents: list[Document]
    index: TimelineIndex
    tagged: int
    total: int
    provisional_events: int  # how many of the events are the new articles' provisional ones


class ProvisionalTimeline:
    """`add(batch, done, total)` is the pipeline's `analysed` hook; `publish(preview)` is called
    with each new Preview (from the same thread). `shown`: the project's events as the window
    shows them (their parsed dates are reused, not parsed again for every preview)."""

    def __init__(self, documents: Sequence[Document], shown: TimelineIndex,
                 publish: Callable[[Preview], None], cancel: Cancellation = NEVER,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._documents = list(documents)
        self._shown_ids = {d.id for d in self._documents}
        self._events: list[Event] = list(shown.events) + list(shown.undated)
        self._provisional = 0
        self._index = shown
        self.failure: str | None = None  # why previews stopped, if one failed
        self._pending: list[tuple[Document, Analysis]] = []
        self._publish = publish
        self._cancel = cancel
        self._clock = clock
        self._next_at = clock()  # the first batch is shown at once: the timeline is empty

    def add(self, batch: list[tuple[Document, Analysis]], done: int, total: int) -> None:
        if self.failure is not None or not (batch or self._pending):
            return
        self._pending.extend(batch)
        if done < total and self._clock() < self._next_at:
            return
        started = self._clock()
        try:
            self._merge_pending()
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - a preview is a convenience: the import goes on
            self.failure = f"{type(e).__name__}: {e}"
            return
        self._publish(Preview(list(self._documents), self._index, done, total,
                              self._provisional))
        cost = self._clock() - started
        self._next_at = self._clock() + max(MIN_INTERVAL_S, cost / SHARE)

    def _merge_pending(self) -> None:
        from kerryview.dating.inference import declared_dct
        from kerryview.events.importance import score
        from kerryview.events.merge import merge

        documents, found = [], []
        for doc, analysis in self._pending:
            if doc.id in self._shown_ids:
                continue  # a project's article tagged again (a new tagger): its events are shown
            self._shown_ids.add(doc.id)
            shown = replace(doc)  # the import's own document gets its date from dating
            declared_dct(shown)
            documents.append(shown)
            if analysis.resolved and shown.dct is not None and analysis.dct == shown.dct:
                found.extend(analysis.found_for(shown))
        self._pending = []
        dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in documents}
        events = merge(found, dcts, self._cancel)
        score(events, documents)
        self._documents += documents
        self._events += events
        self._provisional += len(events)
        self._index = TimelineIndex(self._events, reuse=self._index)
