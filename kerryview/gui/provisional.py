"""The timeline while a long import is still tagging: the project's events, plus the events of the
articles tagged so far that declare their own publication date (a date line, page metadata).

An import of thousands of articles tags them for minutes before the corpus is dated and merged
as a whole. Each stored batch (kerryview.pipeline: `analysed`) already holds, for a dated
article, its event mentions resolved against that date; merging the mentions of the articles
tagged since the last preview gives events a reader can browse at once. They are provisional:
merged only among themselves (the same event told in two previews is two events until the import
ends), and articles without a declared date wait for dating across the corpus. The import's own
result replaces them; Cancel puts back the project as it was.

Previews cost the import little: merging is superlinear in the articles merged together, so
they are merged in groups of at most GROUP_ARTICLES (a preview that waited must not merge
thousands at once), only while all previews so far took under SHARE of the import's time, and
shown at most every MIN_INTERVAL_S (the window lays out every event again for each). Once all
are tagged, the rest is merged and shown at once: the corpus stages that follow take minutes.
Runs in the import's worker thread; no Qt.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Sequence

from kerryview.cancellation import NEVER, Cancellation, Cancelled
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.layout import prepare_overview
from kerryview.model import Document, Event

if TYPE_CHECKING:
    from kerryview.analysis import Analysis

MIN_INTERVAL_S = 10.0
SHARE = 0.1  # of the import's time, at most, spent on previews while it tags
GROUP_ARTICLES = 200  # merged together, at most (merging 200 takes about 0.5 s of CPU)


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
                 clock: Callable[[], float] = time.monotonic,
                 progress: Callable[[int, int, str], None] | None = None) -> None:
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
        self._progress = progress  # told while the last articles' events are merged
        self._started = clock()
        self._spent = 0.0  # time taken by previews so far
        self._next_at = self._started  # the first batch is shown at once

    def _within_budget(self) -> bool:
        return self._spent <= SHARE * (self._clock() - self._started)

    def add(self, batch: list[tuple[Document, Analysis]], done: int, total: int) -> None:
        if self.failure is not None or not (batch or self._pending):
            return
        self._pending.extend(batch)
        last = done >= total
        if not last and (self._clock() < self._next_at or not self._within_budget()):
            return
        try:
            merged = False
            while self._pending and (last or not merged or self._within_budget()):
                began = self._clock()
                if last and self._progress:
                    left = len(self._pending)
                    self._progress(total - left, total, f"Showing the events of the tagged "
                                   f"articles: {total - left:,} of {total:,}")
                group = self._pending[:GROUP_ARTICLES]
                del self._pending[:GROUP_ARTICLES]
                self._merge(group)
                merged = True
                self._spent += self._clock() - began
                if last and self._pending and self._clock() >= self._next_at:
                    self._show(done, total)  # the last ones' events, as they are merged
            self._show(done, total)
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - a preview is a convenience: the import goes on
            self.failure = f"{type(e).__name__}: {e}"

    def _show(self, done: int, total: int) -> None:
        began = self._clock()
        self._index = TimelineIndex(self._events, reuse=self._index)
        prepare_overview(self._index)  # here (a worker), not in the preview's first overview
        self._spent += self._clock() - began
        self._publish(Preview(list(self._documents), self._index, done, total,
                              self._provisional))
        self._next_at = self._clock() + MIN_INTERVAL_S

    def _merge(self, group: list[tuple[Document, Analysis]]) -> None:
        from kerryview.dating.inference import declared_dct
        from kerryview.events.importance import score
        from kerryview.events.merge import merge

        documents, found = [], []
        for doc, analysis in group:
            if doc.id in self._shown_ids:
                continue  # a project's article tagged again (a new tagger): its events are shown
            self._shown_ids.add(doc.id)
            shown = replace(doc)  # the import's own document gets its date from dating
            declared_dct(shown)
            documents.append(shown)
            if analysis.resolved and shown.dct is not None and analysis.dct == shown.dct:
                found.extend(analysis.found_for(shown))
        dcts = {d.id: d.dct.isoformat() if d.dct else "" for d in documents}
        events = merge(found, dcts, self._cancel)
        score(events, documents)
        self._documents += documents
        self._events += events
        self._provisional += len(events)
