"""The Key dates dock of the main window (View > Key dates): the list (kerryview.gui.keydates)
beside the timeline, wired to it.

Wiring:
  panel.dayChosen(row)        -> the timeline shows that day (as Go to date does) and selects its
                                 most important event (currentEventChanged: passages, status)
  panel.keyDaysChanged(rows)  -> timeline.setKeyDays: the days' pins on the axis
The window gives it the project's store (set_store, with each project's job runner), the events
shown and their articles (set_corpus, at each reload) and says when marks changed in place
(marks_changed): one place each.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

from kerryview.gui import settings
from kerryview.gui.keydates import KeyDateRow, KeyDatesPanel
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.model import Document, Event
from kerryview.store import Store


class KeyDatesDock(QDockWidget):
    """The dock holding the Key dates list; shown while View > Key dates is on (remembered)
    and the timeline has events."""

    def __init__(self, window: QMainWindow, action: QAction, timeline: TimelineWidget,
                 style: str = "") -> None:
        super().__init__("Key dates", window)
        self.setObjectName("keyDatesDock")
        self.setAccessibleName("Key dates")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.panel = KeyDatesPanel()
        self.panel.view.setStyleSheet(style)
        self.setWidget(self.panel)
        self.timeline = timeline
        self.action = action
        self._has_events = False
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        window.resizeDocks([self], [240], Qt.Orientation.Horizontal)
        self.hide()
        action.setChecked(settings.KEY_DATES_PANEL.get())
        self.panel.dayChosen.connect(self.go_to)
        self.panel.keyDaysChanged.connect(self._mark_days)

    def set_corpus(self, events: Sequence[Event], documents: Sequence[Document]) -> None:
        """The events the timeline shows (a story's, or every one) and their articles."""
        self._has_events = bool(events)
        self.panel.set_corpus(events, documents)
        self._sync()

    def marks_changed(self) -> None:
        self.panel.marks_changed()

    def set_store(self, store: Store) -> None:
        """The project's store (its rows are worked out on a connection of their own)."""
        self.panel.set_store(store)

    def show_panel(self, on: bool) -> None:
        """View > Key dates: show or hide the list and the axis pins (remembered)."""
        settings.KEY_DATES_PANEL.set(bool(on))
        self.action.setChecked(bool(on))
        self._sync()
        if on and self.isVisible():  # the list, or its "how many" box while it has no rows
            (self.panel.view if self.panel.view.isVisible() else self.panel.count).setFocus(
                Qt.FocusReason.OtherFocusReason)

    def _sync(self) -> None:
        self.setVisible(self._has_events and settings.KEY_DATES_PANEL.get())

    def go_to(self, row: KeyDateRow) -> None:
        """Centre the timeline on the day, zoomed so it fills the middle of the view, and
        select its most important event."""
        self.timeline.showSpan(*row.span())
        found = self.timeline.index().row_of.get(row.event_id, -1)
        if found >= 0:
            self.timeline.setCurrentEvent(found, ensure_visible=False)

    def _mark_days(self, rows: list[KeyDateRow]) -> None:
        self.timeline.setKeyDays(r.span() for r in rows)
