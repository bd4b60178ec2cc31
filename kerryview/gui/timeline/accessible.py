"""The timeline as assistive technology sees it: a list whose children are the events on screen.

The timeline paints its events itself, so without this a screen reader finds one nameless
widget. Here (installed once per process with `install`):
  - the timeline is a List named "Timeline"; its value and description say which event is
    selected: label, date and number of sources ("Kerry meets Wang Yi, Tuesday 18 July 2023,
    4 sources");
  - each event drawn on screen is a ListItem child with that same sentence as its name, its
    place as its rectangle, and Selected/Focused states for the selected one;
  - `announce(widget)` tells assistive technology when the selection changes (a Focus event on
    the child while the timeline has the focus, and value/name-changed events).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import (QAccessible, QAccessibleEvent, QAccessibleInterface,
                           QAccessibleValueChangeEvent)
from PySide6.QtWidgets import QAccessibleWidget

from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.layout import overview_notes
from kerryview.text.phrasing import count_words

if TYPE_CHECKING:
    from kerryview.gui.timeline.widget import TimelineWidget

Role = QAccessible.Role
Text = QAccessible.Text
MAX_CHILDREN = 500  # a screen reader lists what is on screen; zoomed out, the first 500


def describe(widget: TimelineWidget, row: int) -> str:
    """"Kerry meets Wang Yi, Tuesday 18 July 2023, 4 sources, scheduled, sources disagree"."""
    idx = widget.index()
    if not 0 <= row < len(idx):
        return ""
    ev = idx.events[row]
    when = ta.format_span(idx.starts[row], idx.ends[row], ev.granularity)
    n = len(ev.document_ids)
    parts = [ev.label, when, count_words(n, "source")]
    if ev.status != "happened":
        parts.append(ev.status)
    if ev.conflicts:
        parts.append("sources disagree")
    if idx.reviewed[row]:
        parts.append("reviewed")
    if idx.dismissed[row]:
        parts.append("marked as not an event")
    return ", ".join(parts)


class EventItem(QAccessibleInterface):
    """One event on screen, a child of the timeline's interface."""

    def __init__(self, parent: TimelineAccessible, row: int) -> None:
        super().__init__()
        self._parent = parent
        self.row = row

    def _widget(self) -> TimelineWidget:
        return self._parent.widget()

    def isValid(self) -> bool:  # noqa: N802
        w = self._parent.widget()
        return w is not None and 0 <= self.row < len(w.index())

    def object(self) -> QObject | None:
        return None

    def window(self):
        return self._parent.window()

    def role(self) -> QAccessible.Role:
        return Role.ListItem

    def text(self, t: QAccessible.Text) -> str:
        if t in (Text.Name, Text.Value):
            return describe(self._widget(), self.row)
        if t == Text.Description:
            return "Enter opens its first passage; R marks it reviewed; Delete, not an event"
        return ""

    def setText(self, t, text) -> None:  # noqa: N802
        pass

    def state(self) -> QAccessible.State:
        s = QAccessible.State()
        s.selectable = True
        s.focusable = True
        w = self._widget()
        if self.row == w.currentRow():
            s.selected = True
            s.focused = w.hasFocus()
        return s

    def rect(self) -> QRect:
        w = self._widget()
        r = w.eventRect(self.row)
        if r is None:
            return QRect()
        top_left = w.mapToGlobal(r.topLeft().toPoint())
        return QRect(top_left, r.size().toSize())

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int):
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child) -> int:  # noqa: N802
        return -1

    def childAt(self, x: int, y: int):  # noqa: N802
        return None


class TimelineAccessible(QAccessibleWidget):
    """The timeline widget's interface: a List of the events on screen."""

    def __init__(self, widget: TimelineWidget) -> None:
        super().__init__(widget, Role.List, "Timeline")
        self._items: dict[int, EventItem] = {}  # kept alive while Qt holds them

    def _rows(self) -> list[int]:
        w = self.widget()
        if w is None or not len(w.index()):
            return []
        return w.visibleRows()[:MAX_CHILDREN]

    def _item(self, row: int) -> EventItem:
        item = self._items.get(row)
        if item is None:
            item = self._items[row] = EventItem(self, row)
            QAccessible.registerAccessibleInterface(item)
        return item

    def text(self, t: QAccessible.Text) -> str:
        w = self.widget()
        if t == Text.Name:
            return w.accessibleName() or "Timeline"
        if t == Text.Value:
            return describe(w, w.currentRow()) or "no event selected"
        if t == Text.Description:
            n = len(w.index())
            sel = describe(w, w.currentRow())
            head = count_words(n, "event") if n else " ".join(w.emptyText())
            fr = w.frame()
            if n and fr.mode == "overview":  # only the most important are listed: say so
                notes = overview_notes(len(self._rows()), fr.in_view)
                if notes:
                    head += f". {notes[0]}"
            return (f"{head}. Selected: {sel}." if sel else f"{head}.") + (
                " Left and Right select the previous or next event, Up and Down the nearest "
                "event in the lane above or below, Enter opens its passage, plus and minus zoom.")
        return super().text(t)

    def childCount(self) -> int:  # noqa: N802
        return len(self._rows())

    def child(self, index: int):
        rows = self._rows()
        return self._item(rows[index]) if 0 <= index < len(rows) else None

    def indexOfChild(self, child) -> int:  # noqa: N802
        row = getattr(child, "row", None)
        rows = self._rows()
        return rows.index(row) if row in rows else -1

    def focusChild(self):  # noqa: N802
        w = self.widget()
        row = w.currentRow()
        return self._item(row) if row in self._rows() else None

    def childAt(self, x: int, y: int):  # noqa: N802
        w = self.widget()
        from PySide6.QtCore import QPoint, QPointF
        local = w.mapFromGlobal(QPoint(x, y))
        hit = w.hitTest(QPointF(local))
        if not hit or hit[0] != "event":
            return None
        return self._item(hit[1]) if hit[1] in self._rows() else None


def _factory(key: str, obj: QObject):
    from kerryview.gui.timeline.widget import TimelineWidget
    if isinstance(obj, TimelineWidget):
        return TimelineAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Make Qt build TimelineAccessible for every timeline (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce(widget: TimelineWidget) -> None:
    """Tell assistive technology the selection changed: the new event is read out."""
    if not QAccessible.isActive():
        return
    row = widget.currentRow()
    value = QAccessibleValueChangeEvent(widget, describe(widget, row))
    QAccessible.updateAccessibility(value)
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or row < 0:
        return
    idx = iface.indexOfChild(iface.focusChild()) if iface.focusChild() is not None else -1
    if idx >= 0:
        for kind in (QAccessible.Event.Selection, *((QAccessible.Event.Focus,)
                                                    if widget.hasFocus() else ())):
            ev = QAccessibleEvent(widget, kind)
            ev.setChild(idx)
            QAccessible.updateAccessibility(ev)
