"""The Stories list: the stories of the project (kerryview.stories), each with its name and how
many articles and events it holds; choosing some shows only their events on the timeline (and in
the find bar, which searches what the timeline shows). "All stories", the first row, is the
default and shows everything.

Model/view: StoriesModel holds the rows; StoriesPanel is the list with its title and emits
storiesChosen(frozenset of story ids, or None for all of them).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from PySide6.QtCore import (QAbstractListModel, QItemSelection, QItemSelectionModel, QModelIndex,
                            QObject, Qt, Signal)
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from kerryview.model import Event, EventSummary
from kerryview.text.phrasing import count_words

if TYPE_CHECKING:  # the clustering code stays out of the app's start-up (Store.stories imports it)
    from kerryview.stories import Story

StoryIdRole = Qt.ItemDataRole.UserRole + 20  # the story's id ("" on the "All stories" row)
ALL_STORIES = "All stories"


@dataclass(frozen=True)
class StoryRow:
    story_id: str  # "" for all stories
    name: str
    articles: int
    events: int

    def counts(self) -> str:
        return f"{count_words(self.articles, 'article')} · {count_words(self.events, 'event')}"


@dataclass
class Counts:
    """What the window shows of a corpus's passages without reading them, counted in one pass
    over the events' summaries (count_corpus): each article's passages on the timeline (the
    documents table) and each story's events (the Stories list; None: in no story)."""

    passages: dict[str, int]
    story_events: dict[str | None, int]
    events: int  # every event, dated or not


def count_corpus(stories: Sequence[Story], summaries: Iterable[EventSummary],
                 undated: Sequence[Event] = ()) -> Counts:
    """The Counts of the events whose summaries are `summaries` (the dated ones:
    TimelineIndex.summaries, worked out once per index) and of the `undated` ones: an
    article's passages are those of the dated events (the timeline's); an event counts once
    in every story one of its articles is in (an edit may merge across)."""
    from kerryview.stories import story_of_documents
    story_of = story_of_documents(stories)
    per_doc: dict[str, int] = {}
    per_story: dict[str | None, int] = {}
    doc_get, story_get = per_doc.get, per_story.get
    n = 0
    for summary in summaries:
        n += 1
        docs = summary.document_ids
        for d, k in zip(docs, summary.per_document):
            per_doc[d] = doc_get(d, 0) + k
        for sid in {story_of.get(d) for d in docs}:
            per_story[sid] = story_get(sid, 0) + 1
    for ev in undated:
        for sid in {story_of.get(d) for d in ev.document_ids}:
            per_story[sid] = story_get(sid, 0) + 1
    return Counts(per_doc, per_story, n + len(undated))


def count_change(counts: Counts, stories: Sequence[Story], removed: Iterable[Event],
                 added: Iterable[Event], dated: Callable[[Event], bool]) -> Counts:
    """The Counts of a corpus whose `removed` events were taken out and `added` ones put in
    (an edit), from its `counts`, as count_corpus would count it again: the passages of the
    dated events (`dated`: those the timeline places) in each article, the events of each
    story. `counts` is left as it was (the undo shows it again)."""
    from kerryview.stories import story_of_documents
    story_of = story_of_documents(stories)
    per_doc, per_story = dict(counts.passages), dict(counts.story_events)
    n = counts.events

    def count(events: Iterable[Event], sign: int) -> int:
        k = 0
        for ev in events:
            k += 1
            summary = ev.summary
            if dated(ev):
                for d, m in zip(summary.document_ids, summary.per_document):
                    per_doc[d] = per_doc.get(d, 0) + sign * m
                    if not per_doc[d]:
                        del per_doc[d]
            for sid in {story_of.get(d) for d in summary.document_ids}:
                per_story[sid] = per_story.get(sid, 0) + sign
                if not per_story[sid]:
                    del per_story[sid]
        return k

    n -= count(removed, -1)
    n += count(added, 1)
    return Counts(per_doc, per_story, n)


def story_rows(stories: Sequence[Story], events: Sequence[Event] | Counts) -> list[StoryRow]:
    """"All stories", then each story (largest first) with its article and event counts (an
    event counts in every story one of its articles is in), from `events` or their Counts."""
    counts = events if isinstance(events, Counts) else \
        count_corpus(stories, [], undated=events)
    rows = [StoryRow("", ALL_STORIES, sum(len(s) for s in stories), counts.events)]
    rows += [StoryRow(s.id, s.name, len(s), counts.story_events.get(s.id, 0)) for s in stories]
    return rows


def events_in(events: Sequence[Event], stories: Sequence[Story],
              chosen: frozenset[str] | None) -> list[Event]:
    """The events with an article in one of the `chosen` stories (all of them for None)."""
    if chosen is None:
        return list(events)
    docs = {d for s in stories if s.id in chosen for d in s.document_ids}
    return [ev for ev in events if not docs.isdisjoint(ev.document_ids)]


class StoriesModel(QAbstractListModel):
    """One row per story, "All stories" first; each shows its name over its counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StoryRow] = []

    def set_rows(self, rows: list[StoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[StoryRow]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name}\n{row.counts()}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            what = "every story" if not row.story_id else f"story {row.name}"
            return f"{what}: {row.counts()}"
        if role == StoryIdRole:
            return row.story_id
        return None


class StoriesPanel(QWidget):
    """The Stories list. Choosing "All stories" (or nothing) shows every event; choosing one or
    more stories (Ctrl+click) shows theirs. Signal: storiesChosen(frozenset[str] | None)."""

    storiesChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Stories")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)  # under the dock's title "Stories"
        self.model = StoriesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Stories in the project")
        self.view.setAccessibleDescription(
            "Choose stories to show only their events on the timeline; All stories shows every "
            "event. Ctrl+click chooses several.")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(3)  # a story's two lines apart from the next story's
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.view, 1)
        self._chosen: frozenset[str] | None = None
        self._syncing = False
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def chosen(self) -> frozenset[str] | None:
        return self._chosen

    def set_stories(self, stories: Sequence[Story], events: Sequence[Event] | Counts) -> None:
        """Show these stories with their counts over all `events` (or their Counts); the
        stories chosen before stay chosen if they are still there (else all are shown again,
        and said so)."""
        rows = story_rows(stories, events)
        self.model.set_rows(rows)
        known = {r.story_id for r in rows[1:]}
        kept = self._chosen & known if self._chosen is not None else None
        self._select(kept or None)
        if kept != self._chosen:
            self._chosen = kept or None
            self.storiesChosen.emit(self._chosen)

    def clear_rows(self) -> None:
        """No rows while the project's stories are read (the stories chosen stay chosen)."""
        self.model.set_rows([])

    def choose(self, story_ids: frozenset[str] | set[str] | None) -> None:
        """Show only these stories' events (None or empty: all of them)."""
        ids = frozenset(story_ids) if story_ids else None
        self._select(ids)
        if ids != self._chosen:
            self._chosen = ids
            self.storiesChosen.emit(ids)

    def _select(self, ids: frozenset[str] | None) -> None:
        """Select the rows of `ids` (the "All stories" row for None) without emitting."""
        self._syncing = True
        try:
            sel = QItemSelection()
            for r, row in enumerate(self.model.rows()):
                if (ids is None and not row.story_id) or (ids and row.story_id in ids):
                    i = self.model.index(r)
                    sel.select(i, i)
            self.view.selectionModel().select(
                sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if not sel.isEmpty():
                self.view.selectionModel().setCurrentIndex(
                    sel.indexes()[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._syncing = False

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        ids = {self.model.rows()[r].story_id for r in rows}
        all_just_chosen = any(not self.model.rows()[i.row()].story_id for i in selected.indexes())
        if all_just_chosen or not ids - {""}:
            self.choose(None)  # "All stories" (or nothing) chosen: every event
        else:
            self.choose(frozenset(ids - {""}))
