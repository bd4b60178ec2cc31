"""What a screen reader finds: Qt's accessibility tree of the window, walked as assistive
technology walks it."""
from __future__ import annotations

from PySide6.QtGui import QAccessible

from kerryview.gui.mainwindow import MainWindow

from conftest import shown_window

Role, Text = QAccessible.Role, QAccessible.Text


def _walk(iface, depth=0):
    for i in range(iface.childCount()):
        c = iface.child(i)
        if c is not None and c.isValid():
            yield c
            if depth < 12:
                yield from _walk(c, depth + 1)


def test_timeline_lists_the_events_on_screen_and_says_which_is_selected(qtbot, bundled_store):
    w = shown_window(qtbot, bundled_store)
    w.timeline.fitAll()
    tl = QAccessible.queryAccessibleInterface(w.timeline)
    assert tl.role() == Role.List and tl.text(Text.Name) == "Timeline"
    assert tl.childCount() == len(w.timeline.visibleRows()) > 0
    items = [tl.child(i) for i in range(tl.childCount())]
    assert all(c.role() == Role.ListItem and c.parent() is tl for c in items)
    idx = w.index()
    wang = max((r for r, e in enumerate(idx.events) if e.value == "2023-07-18"),
               key=lambda r: len(idx.events[r].document_ids))
    w.timeline.setFocus()
    w.select_event(wang)
    said = tl.text(Text.Value)
    assert said.startswith(idx.events[wang].label)
    assert "18 July 2023" in said and said.endswith("4 sources")
    assert "Selected: " + said in tl.text(Text.Description)
    focus = tl.focusChild()
    assert focus.text(Text.Name) == said and focus.state().selected
    assert tl.indexOfChild(focus) >= 0
    assert focus.rect().width() > 0  # where it is drawn, for magnifiers


def test_selection_change_is_announced(qtbot, bundled_store, monkeypatch):
    from kerryview.gui.timeline import accessible
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    sent = []
    monkeypatch.setattr(accessible.QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(accessible.QAccessible, "updateAccessibility",
                        staticmethod(lambda ev: sent.append((ev.type(), getattr(ev, "value", lambda: None)()))))
    w.timeline.setFocus()
    w.select_event(2)
    assert sent and sent[0][0] == QAccessible.Event.ValueChanged
    assert sent[0][1] == accessible.describe(w.timeline, 2)


def test_every_panel_has_a_name(qtbot, bundled_store):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    root = QAccessible.queryAccessibleInterface(w)
    named = {(c.role(), c.text(Text.Name)) for c in _walk(root)}
    for want in ((Role.MenuBar, "Menu bar"), (Role.List, "Timeline"), (Role.Tree, "Articles"),
                 (Role.List, "Passages"), (Role.StatusBar, "Status bar")):
        assert want in named, want
    names = {c.text(Text.Name) for c in _walk(root)}
    assert {"Article reader", "Problems", "Timeline legend"} <= names
    for widget in (w.documents, w.passages.view, w.problems, w.find.results):
        assert "QAbstractItemView:focus" in widget.styleSheet()  # a visible focus ring


def test_a_screen_reader_hears_that_a_zoomed_out_timeline_lists_only_the_most_important(qtbot):
    from kerryview.gui.timeline.index import TimelineIndex
    from kerryview.gui.timeline.widget import TimelineWidget
    from timeline_samples import synthetic
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1200, 320)
    w.show()
    w.setIndex(TimelineIndex(synthetic(20000)))
    tl = QAccessible.queryAccessibleInterface(w)
    assert w.mode() == "overview"
    said = tl.text(Text.Description)
    n = tl.childCount()
    assert said.startswith(f"20,000 events. The {n} most important of "), said
    w.setView(*w.view()[:1], w.view()[0] + 5 * 86400)  # five days: every event listed
    assert w.mode() == "detail" and "most important" not in tl.text(Text.Description)
