"""The find bar's results as a Qt list model: one row per matching event, in time order, showing
its label, its date as the timeline writes it and its number of sources."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.index import TimelineIndex

EventRowRole = Qt.ItemDataRole.UserRole + 10  # the event's row in the TimelineIndex


def sources_text(n: int) -> str:
    return f"{n} source" if n == 1 else f"{n} sources"


class FindResultsModel(QAbstractListModel):
    """Rows of a TimelineIndex (the events found, in the order given), each shown as "label"
    over "date · sources"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = TimelineIndex([])
        self._rows: list[int] = []
        self._result_of: dict[int, int] = {}

    def set_results(self, index: TimelineIndex, rows: list[int]) -> None:
        self.beginResetModel()
        self._index = index
        self._rows = list(rows)
        self._result_of = {r: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def event_rows(self) -> list[int]:
        return list(self._rows)

    def event_row(self, result: int) -> int:
        """The timeline row of result `result`, or -1."""
        return self._rows[result] if 0 <= result < len(self._rows) else -1

    def result_of(self, event_row: int) -> int:
        """The result showing timeline row `event_row`, or -1."""
        return self._result_of.get(event_row, -1)

    def when(self, event_row: int) -> str:
        idx = self._index
        return ta.format_span(idx.starts[event_row], idx.ends[event_row],
                              idx.events[event_row].granularity)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        ev = self._index.events[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{ev.label}\n{self.when(r)} · {sources_text(self._index.n_sources[r])}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            status = "" if (ev.status or "happened") == "happened" else f", {ev.status}"
            return (f"{ev.label}, {self.when(r)}, "
                    f"{sources_text(self._index.n_sources[r])}{status}")
        if role == EventRowRole:
            return r
        return None
