"""Editing events with undo, as the user sees it: the label on the timeline and in the passages
panel after an edit, after Undo, after Redo and after reopening the project."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from kerryview.gui.edits.dialogs import EventDialog, SplitDialog
from kerryview.gui.mainwindow import MainWindow
from kerryview.gui.mainwindow.actions import Action


def row_with_label(window, label: str) -> int:
    labels = window.index().labels
    return labels.index(label) if label in labels else -1


def shown_labels(window) -> set[str]:
    """The labels of the events drawn on the timeline now."""
    window.timeline.fitAll()
    idx = window.index()
    return {idx.labels[it.row] for it in window.timeline.frame().items}


def answer(qtbot, fill) -> list:
    """Run `fill(dialog)` on the next modal dialog once it is shown (Event > … opens it with
    exec()); returns a list that holds the dialog afterwards."""
    seen = []

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():  # a failed check must not leave exec() waiting for ever
                dialog.reject()
    QTimer.singleShot(0, act)
    return seen


def accept_with_label(text: str):
    def fill(d: EventDialog):
        d.label_edit.setFocus()
        d.label_edit.selectAll()
        d.label_edit.insert(text)
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return fill


def test_renaming_an_event_shows_at_once_undoes_redoes_and_survives_reopening(qtbot, window,
                                                                               store):
    window.select_event(window.index().row_of["e-wang"])
    answer(qtbot, accept_with_label("Kerry and Wang Yi meet in Beijing"))
    assert window.action(Action.EDIT_EVENT).isEnabled()
    window.action(Action.EDIT_EVENT).trigger()
    assert "Kerry and Wang Yi meet in Beijing" in shown_labels(window)
    assert "Kerry met Wang Yi" not in shown_labels(window)
    assert "Kerry and Wang Yi meet in Beijing" in window.passages.header.text()
    assert "edited by you" in window.passages.header.text()
    assert window.timeline.currentEvent().label == "Kerry and Wang Yi meet in Beijing"
    assert window.action(Action.UNDO).text().startswith("&Undo Rename “Kerry met Wang Yi”")

    qtbot.waitUntil(window.isActiveWindow)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Kerry met Wang Yi" in shown_labels(window)
    assert "Kerry and Wang Yi meet in Beijing" not in shown_labels(window)
    assert "Kerry met Wang Yi" in window.passages.header.text()  # still selected
    assert store.edits() == []
    qtbot.keyClick(window.timeline, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Kerry and Wang Yi meet in Beijing" in shown_labels(window)

    again = MainWindow(store)  # the project reopened
    qtbot.addWidget(again)
    assert "Kerry and Wang Yi meet in Beijing" in shown_labels(again)
    assert again.action(Action.UNDO).isEnabled()  # the history came back from the project
    again.action(Action.UNDO).trigger()
    assert "Kerry met Wang Yi" in shown_labels(again)
    assert MainWindow(store).index().labels.count("Kerry met Wang Yi") == 1


def test_a_date_edit_to_a_month_draws_a_month_range(qtbot, window):
    window.select_event(window.index().row_of["e-leave"])

    def fill(d: EventDialog):
        d.kind.setCurrentIndex(d.kind.findData("month"))
        d.first.setDate(QDate(2023, 8, 1))
        d.status.setCurrentIndex(d.status.findData("expected"))
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.edit_current_event()
    ev = window.timeline.currentEvent()
    assert (ev.label, ev.value, ev.start, ev.end, ev.granularity, ev.status) == (
        "Kerry leaves Beijing", "2023-08", "2023-08-01", "2023-09-01", "month", "expected")
    header = window.passages.header.text()
    assert "August 2023" in header and "expected" in header
    window.action(Action.UNDO).trigger()  # one step for both changes
    ev = window.timeline.currentEvent()
    assert (ev.start, ev.status) == ("2023-07-20", "scheduled")


def test_a_note_shows_in_the_passages_panel(qtbot, window, store):
    window.select_event(window.index().row_of["e-talks"])

    def fill(d: EventDialog):
        assert d.focusWidget() is d.note  # Event > Note puts the cursor in the note
        d.note.setPlainText("Ask the embassy for the exact hours")
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.action(Action.NOTE).trigger()
    assert "Note:</b> Ask the embassy for the exact hours" in window.passages.header.text()
    again = MainWindow(store)
    qtbot.addWidget(again)
    again.select_event(again.index().row_of["e-talks"])
    assert "Ask the embassy for the exact hours" in again.passages.header.text()


def test_merging_events_selected_with_ctrl_click(qtbot, window):
    tl = window.timeline
    tl.fitAll()
    talks, leave = window.index().row_of["e-talks"], window.index().row_of["e-leave"]
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.eventRect(talks).center().toPoint())
    assert not window.action(Action.MERGE).isEnabled()
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     tl.eventRect(leave).center().toPoint())
    assert tl.selectedRows() == sorted([talks, leave])
    assert window.action(Action.MERGE).isEnabled()
    tl.setCurrentEvent(talks)  # the event whose label the merged one keeps
    window.action(Action.MERGE).trigger()
    assert len(window.index()) == 3
    merged = tl.currentEvent()
    assert merged.label == "Talks with Xie Zhenhua" and len(merged.mentions) == 2
    assert "2 passages" in window.passages.header.text()
    assert "Kerry leaves Beijing" not in shown_labels(window)
    window.action(Action.UNDO).trigger()
    assert {"Talks with Xie Zhenhua", "Kerry leaves Beijing"} <= shown_labels(window)
    assert len(window.index()) == 4


def test_splitting_an_event_by_its_passages(qtbot, window):
    window.select_event(window.index().row_of["e-wang"])

    def fill(d: SplitDialog):
        assert not d.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        d.set_chosen([1])  # the second source's passage
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.action(Action.SPLIT).trigger()
    assert len(window.index()) == 5
    off = window.timeline.currentEvent()  # the new event is selected
    assert [m.document_id for m in off.mentions] == ["b"]
    assert off.label != "Kerry met Wang Yi" and "Kerry told Wang Yi" in off.label
    assert "Kerry met Wang Yi" in shown_labels(window)
    window.action(Action.UNDO).trigger()
    assert len(window.index()) == 4 and window.timeline.currentEvent().label == "Kerry met Wang Yi"


def test_adding_an_event_from_text_selected_in_the_article(qtbot, window, corpus):
    docs, events = corpus
    wang = events[0].mentions[0]
    window.select_event(window.index().row_of["e-wang"])
    window.open_mention(wang)
    start = docs[0].text.index("Then he left.")
    cur = QTextCursor(window.reader.browser.document())
    cur.setPosition(start)
    cur.setPosition(start + len("Then he left."), QTextCursor.MoveMode.KeepAnchor)
    window.reader.browser.setTextCursor(cur)
    intro = []
    fill = accept_with_label("Kerry leaves the meeting")
    answer(qtbot, lambda d: (intro.append(d.findChild(QWidget, "passage").text()), fill(d)))
    window.action(Action.ADD_EVENT).trigger()
    assert intro == ["From Envoy in Beijing: “Then he left.”"]
    ev = window.timeline.currentEvent()
    assert ev.label == "Kerry leaves the meeting" and ev.start == "2023-07-18"
    assert ev.mentions[0].text == "Then he left." and ev.document_ids == ["a"]
    assert "Kerry leaves the meeting" in shown_labels(window)
    window.action(Action.UNDO).trigger()
    assert "Kerry leaves the meeting" not in shown_labels(window)


def test_marking_several_events_is_one_undo_step(qtbot, window, store):
    tl = window.timeline
    tl.setCurrentEvent(window.index().row_of["e-wang"])
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    tl.setCurrentEvent(window.index().row_of["e-2021"])
    qtbot.keyClick(tl, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert len(tl.selectedRows()) == 2
    window.action(Action.REVIEWED).trigger()
    assert store.marks() == {"e-wang": (True, False), "e-2021": (True, False)}
    idx = window.index()
    assert idx.reviewed[idx.row_of["e-wang"]] and idx.reviewed[idx.row_of["e-2021"]]
    assert window.action(Action.UNDO).text() == "&Undo Mark reviewed: 2 events"
    window.action(Action.UNDO).trigger()
    assert store.marks() == {}
    assert not any(window.index().reviewed)


def test_the_undo_history_lists_the_steps_and_goes_back_to_one(qtbot, window):
    for new in ("First name", "Second name"):
        window.select_event(window.index().row_of.get("e-wang", window.timeline.currentRow()))
        answer(qtbot, accept_with_label(new))
        window.action(Action.EDIT_EVENT).trigger()
    window.action(Action.UNDO_HISTORY).trigger()
    assert window.undo_dock.isVisible() and window.undo_view.accessibleName() == "Undo history"
    model = window.undo_view.model()
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == ["The project as kerryview read it", "Rename “Kerry met Wang Yi” to “First name”",
                     "Rename “First name” to “Second name”"]
    window.undo_view.setCurrentIndex(model.index(1, 0))  # back to after the first step
    assert "First name" in shown_labels(window) and "Second name" not in shown_labels(window)


def test_the_dialog_is_named_for_assistive_technology_and_usable_by_keyboard(qtbot, window):
    window.select_event(window.index().row_of["e-wang"])
    seen = []

    def fill(d: EventDialog):
        for w in (d.label_edit, d.kind, d.first, d.last, d.status, d.note):
            seen.append(w.accessibleName())
        assert d.focusWidget() is d.label_edit  # the label first, selected
        d.activateWindow()
        qtbot.waitUntil(d.isActiveWindow)
        qtbot.keyClicks(d.label_edit, "Talks in Beijing")  # replaces the selected label
        qtbot.keyClick(d.label_edit, Qt.Key.Key_Return)  # Enter accepts
    answer(qtbot, fill)
    window.action(Action.EDIT_EVENT).trigger()
    assert seen == ["Label", "Date known to", "Date", "Last day", "Status", "Note"]
    assert window.timeline.currentEvent().label == "Talks in Beijing"


def test_a_read_only_project_refuses_edits(qtbot, window, store, tmp_path):
    from pathlib import Path
    window.set_read_only(Path("/shared/p.db"), "Read-only")
    window.select_event(window.index().row_of["e-wang"])
    assert not window.action(Action.EDIT_EVENT).isEnabled()
    assert not window.edit_current_event()
    assert window.statusBar().currentMessage().startswith("Not edited:")
    assert store.edits() == []


def test_an_edit_survives_an_import_and_still_undoes(qtbot, bundled_store, tmp_path):
    """The bundled corpus through the real pipeline: a renamed event keeps its name when an
    article is added (the corpus is resolved again), and Undo afterwards brings back the name
    kerryview found, without losing the added article's events."""
    article = tmp_path / "later.txt"
    article.write_text("Kerry returns\n2023-07-25\nJohn Kerry returned to Washington on "
                       "Monday after the talks in Beijing.\n", "utf-8")
    window = MainWindow(bundled_store)
    qtbot.addWidget(window)
    idx = window.index()
    wang = max((r for r, e in enumerate(idx.events) if e.start.startswith("2023-07-18")),
               key=lambda r: len(idx.events[r].document_ids))
    found = idx.events[wang].label
    window.select_event(wang)
    answer(qtbot, accept_with_label("Kerry meets Wang Yi"))
    window.action(Action.EDIT_EVENT).trigger()
    assert "Kerry meets Wang Yi" in shown_labels(window)
    with qtbot.waitSignal(window.jobs.finished, timeout=60000):
        assert window.import_paths([article])
    assert "Kerry meets Wang Yi" in shown_labels(window) and found not in shown_labels(window)
    added = [e.label for e in window.index().events if "later" in e.document_ids]
    assert added
    window.action(Action.UNDO).trigger()
    assert found in shown_labels(window) and "Kerry meets Wang Yi" not in shown_labels(window)
    assert [e.label for e in window.index().events if "later" in e.document_ids] == added
    assert window.timeline.currentEvent().label == found
    window.jobs.wait()


def test_adding_an_event_from_the_selected_passage_and_reopening(qtbot, window, store):
    """With no text selected in the article, Add event takes the passage selected in the
    passages panel; the added event is kept in the project."""
    window.select_event(window.index().row_of["e-leave"])
    view = window.passages.view
    view.setCurrentIndex(window.passages.model.index(0))
    answer(qtbot, accept_with_label("Kerry's flight home"))
    window.action(Action.ADD_EVENT).trigger()
    ev = window.timeline.currentEvent()
    assert ev.label == "Kerry's flight home" and ev.mentions[0].text == "He will leave on July 20."
    assert ev.start == "2023-07-20"  # the date of the event the passage came from
    again = MainWindow(store)
    qtbot.addWidget(again)
    assert "Kerry's flight home" in shown_labels(again) and "Kerry leaves Beijing" in shown_labels(again)


def test_the_split_dialog_ticks_passages_with_the_keyboard(qtbot, window, corpus):
    docs, events = corpus
    d = SplitDialog("Kerry met Wang Yi", events[0].mentions, {x.id: x for x in docs})
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.list.accessibleName() == "Passages to split off"
    assert d.list.item(0).text().startswith("Envoy in Beijing: Kerry met Wang Yi")
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    d.list.setFocus()
    qtbot.keyClick(d.list, Qt.Key.Key_Down)
    qtbot.keyClick(d.list, Qt.Key.Key_Space)
    assert d.chosen() == [events[0].mentions[1]] and ok.isEnabled()
    qtbot.keyClick(d.list, Qt.Key.Key_Up)
    qtbot.keyClick(d.list, Qt.Key.Key_Space)  # every passage ticked: nothing would be left
    assert len(d.chosen()) == 2 and not ok.isEnabled()


def test_opening_another_project_takes_its_own_undo_history(qtbot, window, store, tmp_path):
    """Undo acts on the project on screen: after File > Open project, the edit made in the
    project before is neither offered for undo nor undone into the new one."""
    window.select_event(window.index().row_of["e-wang"])
    answer(qtbot, accept_with_label("Kerry and Wang Yi meet in Beijing"))
    window.action(Action.EDIT_EVENT).trigger()
    assert window.action(Action.UNDO).isEnabled() and len(store.edits()) == 1
    assert window.open_project_file(tmp_path / "other.kvproj")
    qtbot.waitUntil(lambda: not window.jobs.is_busy(), timeout=30000)
    assert window.edits.store is window.store is not store
    assert not window.edits.stack.canUndo() and not window.action(Action.UNDO).isEnabled()
    assert window.store.edits() == [] and len(store.edits()) == 1  # each project keeps its own


LONG_LABEL = ("A man, who has not been named, was taken to hospital with flu-like symptoms after "
              "returning from a holiday in Mexico")


def test_a_long_label_opens_showing_its_start_all_selected(qtbot, window, store):
    """F2 on an event with a label longer than the field: the field shows its first words (the
    cursor at the start), all of it selected so that typing replaces it."""
    window.select_event(window.index().row_of["e-wang"])
    answer(qtbot, accept_with_label(LONG_LABEL))
    window.action(Action.EDIT_EVENT).trigger()
    assert window.timeline.currentEvent().label == LONG_LABEL
    seen = {}

    def fill(d: EventDialog):
        qtbot.waitExposed(d)
        edit = d.label_edit
        seen.update(pos=edit.cursorPosition(), selected=edit.selectedText(),
                    left=edit.cursorRect().left(),
                    wider=edit.fontMetrics().horizontalAdvance(LONG_LABEL) > edit.width())
    answer(qtbot, fill)
    window.action(Action.EDIT_EVENT).trigger()
    assert seen["wider"]  # the label does not fit: where the field is scrolled matters
    assert seen["pos"] == 0 and seen["selected"] == LONG_LABEL
    assert seen["left"] < 12  # the cursor, and so the text's start, at the field's left edge


def test_the_status_bar_says_what_was_undone_and_redone(qtbot, window, store):
    """After Ctrl+Z the status bar no longer says the undone step's own message ("…: marked as
    not an event") as if it still held: it says what was undone, then what was redone."""
    tl = window.timeline
    tl.setCurrentEvent(window.index().row_of["e-wang"])
    window.action(Action.DISMISSED).trigger()
    status = window.statusBar()
    assert status.currentMessage() == "“Kerry met Wang Yi”: marked as not an event (left out of " \
                                      "exports)"
    tl.setFocus()
    qtbot.keyClick(tl, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.marks() == {}
    assert status.currentMessage() == "Undone: Mark not an event: “Kerry met Wang Yi”"
    qtbot.keyClick(tl, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    assert store.marks() == {"e-wang": (False, True)}
    assert status.currentMessage() == "Redone: Mark not an event: “Kerry met Wang Yi”"


def test_the_status_bar_says_where_a_corrected_date_came_from_and_goes_back_to(qtbot, window):
    """A date correction says the date it replaced; its undo says where the event is back,
    since "Undone: Date “Kerry met Wang Yi”: 19 July 2023" alone reads as if it were there."""
    window.select_event(window.index().row_of["e-wang"])

    def fill(d: EventDialog):
        d.first.setDate(QDate(2023, 7, 19))
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.edit_current_event()
    status = window.statusBar()
    assert status.currentMessage() == ("Date “Kerry met Wang Yi”: 19 July 2023 (was Tuesday "
                                       "18 July 2023) · Ctrl+Z undoes it")
    window.action(Action.UNDO).trigger()
    assert window.timeline.currentEvent().start == "2023-07-18"
    assert status.currentMessage() == ("Undone: Date “Kerry met Wang Yi”: 19 July 2023 — back "
                                       "on Tuesday 18 July 2023")
    window.action(Action.REDO).trigger()  # and its redo where it goes again
    assert status.currentMessage() == ("Redone: Date “Kerry met Wang Yi”: 19 July 2023 — now on "
                                       "Wednesday 19 July 2023")
    # a step that moves nothing says no date: a rename
    answer(qtbot, accept_with_label("Kerry and Wang Yi met"))
    window.edit_current_event()
    assert status.currentMessage().endswith("“Kerry and Wang Yi met” · Ctrl+Z undoes it")
    window.action(Action.UNDO).trigger()
    assert "back on" not in status.currentMessage()


def test_a_step_of_several_changes_says_where_it_moves_the_event_in_undo_and_redo(qtbot, window):
    """Renamed and moved at once, the step's name says where it goes ("2 changes" alone did
    not): the Undo and Redo items and the history read it, and the redo's message says the
    day the event is on again, as the undo's says the day it is back on."""
    window.select_event(window.index().row_of["e-wang"])

    def fill(d: EventDialog):
        d.label_edit.setText("Kerry and Wang Yi met")
        d.first.setDate(QDate(2023, 7, 19))
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.edit_current_event()
    name = "Edit “Kerry and Wang Yi met” (2 changes, to 19 July 2023)"
    assert window.action(Action.UNDO).text() == f"&Undo {name}"
    window.action(Action.UNDO).trigger()
    status = window.statusBar()
    assert status.currentMessage() == f"Undone: {name} — back on Tuesday 18 July 2023"
    assert window.action(Action.REDO).text() == f"&Redo {name}"
    window.action(Action.REDO).trigger()
    assert status.currentMessage() == f"Redone: {name} — now on Wednesday 19 July 2023"
    ev = window.timeline.currentEvent()
    assert (ev.label, ev.start) == ("Kerry and Wang Yi met", "2023-07-19")


def test_an_undo_says_back_on_only_for_the_date_its_step_changed(qtbot, window):
    """The date an undo names is the undone step's own event's, not the selection's: a rename
    undone while another event is selected moved no date (it said "— back on Tuesday 18 July
    2023", the renamed event's date, beside a rename); a date correction undone while another
    event is selected says where the corrected event is back."""
    tl, status = window.timeline, window.statusBar()
    window.select_event(window.index().row_of["e-wang"])
    answer(qtbot, accept_with_label("Kerry and Wang Yi met"))
    window.edit_current_event()
    window.select_event(window.index().row_of["e-talks"])  # Monday 17 July
    window.action(Action.UNDO).trigger()
    assert status.currentMessage() == ("Undone: Rename “Kerry met Wang Yi” to “Kerry and Wang Yi "
                                       "met”")
    assert tl.currentEvent().label == "Kerry met Wang Yi"  # the undone step's event, selected

    def fill(d: EventDialog):
        d.first.setDate(QDate(2023, 7, 19))
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer(qtbot, fill)
    window.edit_current_event()
    window.select_event(window.index().row_of["e-leave"])  # Thursday 20 July
    window.action(Action.UNDO).trigger()
    assert status.currentMessage() == ("Undone: Date “Kerry met Wang Yi”: 19 July 2023 — back "
                                       "on Tuesday 18 July 2023")
    # the same date step undone again after a redo, with its own event selected
    window.action(Action.REDO).trigger()
    window.select_event(window.index().row_of["e-wang"])
    window.action(Action.UNDO).trigger()
    assert status.currentMessage().endswith("— back on Tuesday 18 July 2023")
