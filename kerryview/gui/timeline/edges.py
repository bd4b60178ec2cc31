"""Buttons at the timeline's edges counting the events out of view on each side ("◀ 2
earlier", "3 later ▶"): after "fit all" frames the dense part of the story (framing.py), the
outliers stay one click away. A click selects the nearest event out of view on that side,
which brings it into view.

Child widgets of the timeline, moved on resize and relabelled on view changes: two bisects per
change, nothing added to the timeline's paint.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QToolButton

from kerryview.gui import theme
from kerryview.gui.timeline.framing import outside
from kerryview.gui.timeline.layout import CONTEXT_H, TICK_H
from kerryview.gui.timeline.widget import TimelineWidget

# drawn like the "+n" buttons (theme.py): a pill, highlighted under the pointer
_STYLE = (f"QToolButton {{ background: {theme.BG.name()}; border: 1px solid "
          f"{theme.MARK_BUTTON_EDGE.name()}; border-radius: 8px; padding: 0px 6px;"
          f" color: {theme.CLUSTER_FG.name()}; }}"
          f" QToolButton:hover {{ background: {theme.MARK_BUTTON_HOVER.name()};"
          f" border-color: {theme.MARK_BUTTON_HOVER_EDGE.name()}; }}"
          f" QToolButton:focus {{ border: 2px solid {theme.MARK_BUTTON_HOVER_EDGE.name()}; }}")


class EdgeIndicators(QObject):
    """The two edge buttons of `timeline`."""

    def __init__(self, timeline: TimelineWidget) -> None:
        super().__init__(timeline)
        self.timeline = timeline
        self.left = self._button("Show the nearest earlier event out of view")
        self.right = self._button("Show the nearest later event out of view")
        self.left.clicked.connect(lambda: self.reveal(-1))
        self.right.clicked.connect(lambda: self.reveal(1))
        self._key: tuple | None = None  # the index _by_end is of
        self._by_end: list[int] = []  # its rows in the order of their ends (reveal)
        timeline.viewChanged.connect(self.refresh)
        timeline.installEventFilter(self)
        self.refresh()

    def _button(self, tip: str) -> QToolButton:
        b = QToolButton(self.timeline)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setStyleSheet(_STYLE)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        b.hide()
        return b

    def eventFilter(self, obj, e) -> bool:  # noqa: N802 (Qt)
        if obj is self.timeline and e.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.refresh()
        return False

    def _sorted_ends(self) -> array:
        return self.timeline.index().sorted_ends()

    def _rows_by_end(self) -> list[int]:
        """The rows in the order of their ends (the sorted_ends'), for the index shown."""
        index = self.timeline.index()
        key = (id(index), len(index))
        if key != self._key:
            self._key = key
            self._by_end = sorted(range(len(index)), key=index.ends.__getitem__)
        return self._by_end

    def counts(self) -> tuple[int, int]:
        """(events out of view on the left, on the right)."""
        index = self.timeline.index()
        if not len(index):
            return 0, 0
        t0, t1 = self.timeline.view()
        return outside(index.starts, self._sorted_ends(), t0, t1)

    def refresh(self) -> None:
        left, right = self.counts()
        tl = self.timeline
        mid = CONTEXT_H + TICK_H / 2  # in the tick row's corners, off the events' labels
        for button, n, text in ((self.left, left, f"◀ {n_earlier(left)}"),
                                (self.right, right, f"{n_later(right)} ▶")):
            button.setVisible(n > 0)
            if n and button.text() != text:
                button.setText(text)
                button.adjustSize()
                button.resize(button.width(), min(button.height(), TICK_H - 2))
        self.left.move(4, int(mid - self.left.height() / 2))
        self.right.move(tl.width() - self.right.width() - 4, int(mid - self.right.height() / 2))
        gap = 3  # between a button and the nearest tick label
        tl.setAxisCovered(self.left.geometry().right() + 1 + gap if left else 0,
                          tl.width() - self.right.x() + gap if right else 0)

    def reveal(self, side: int) -> int:
        """Select the nearest event out of view on `side` (-1 left, 1 right); its row or -1."""
        index = self.timeline.index()
        if not len(index):
            return -1
        t0, t1 = self.timeline.view()
        if side < 0:
            i = bisect_left(self._sorted_ends(), t0)
            row = self._rows_by_end()[i - 1] if i > 0 else -1
        else:
            i = bisect_right(index.starts, t1)
            row = i if i < len(index) else -1
        if row >= 0:
            self.timeline.setCurrentEvent(row)
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        return row


def n_earlier(n: int) -> str:
    return f"{n:,} earlier"


def n_later(n: int) -> str:
    return f"{n:,} later"
