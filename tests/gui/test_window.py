"""What a user sees in the main window: select, read, navigate, import, cancel."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QImage, qGray

from kerryview.gui import settings
from kerryview.gui.mainwindow import MainWindow, about_html
from kerryview.gui.mainwindow.actions import Action


def row_of(window, event_id):
    return window.index().row_of[event_id]


def click_passage(qtbot, window, i):
    view = window.passages.view
    rect = view.visualRect(window.passages.model.index(i))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_selecting_an_event_lists_its_passages(window, corpus):
    window.select_event(row_of(window, "e-wang"))
    assert window.passages.passage_texts() == [m.text for m in corpus[1][0].mentions]
    assert "Kerry met Wang Yi" in window.passages.header.text()
    assert window.passages.conflicts.isVisible()  # the sources disagree
    assert "a says Tuesday" in window.passages.conflicts.text()  # plain-word ids stay as written


def test_clicking_a_passage_opens_the_article_highlighted(qtbot, window, corpus):
    window.select_event(row_of(window, "e-wang"))
    for i, m in enumerate(corpus[1][0].mentions):
        click_passage(qtbot, window, i)
        assert window.reader.document().id == m.document_id
        # doc b starts with emoji (beyond U+FFFF) and has CRLF: the highlight must not shift
        assert window.reader.highlighted_text() == m.text
        assert window.reader.current_mention() == m
        sels = {s.format.property(0x100000): s.cursor.selectedText()
                for s in window.reader.browser.extraSelections()}
        assert sels["timex"] == m.timex.text
        assert sels["trigger"] == m.text[m.trigger_start - m.start:m.trigger_end - m.start]


def test_reader_highlight_after_crlf_and_emoji(qtbot, window, corpus):
    ev_2021 = corpus[1][3]
    window.select_event(row_of(window, "e-2021"))
    click_passage(qtbot, window, 0)
    assert window.reader.highlighted_text() == ev_2021.mentions[0].text == "In 2021 Kerry visited."


def test_clicking_a_marked_passage_in_the_reader_selects_its_event(qtbot, window, corpus):
    window.select_event(row_of(window, "e-wang"))
    click_passage(qtbot, window, 0)  # opens doc a, where "Talks lasted…" is another event's passage
    talks = corpus[1][1].mentions[0]
    browser = window.reader.browser
    from PySide6.QtGui import QTextCursor
    cur = QTextCursor(browser.document())
    cur.setPosition(talks.start + 3)
    pos = browser.cursorRect(cur).center()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.timeline.currentEvent().id == "e-talks"
    assert window.passages.passage_texts() == [talks.text]
    assert window.reader.highlighted_text() == talks.text


def test_arrow_keys_move_the_selection_in_time_order(qtbot, window):
    tl = window.timeline
    tl.setFocus()
    order = [ev.id for ev in tl.index().events]
    assert order == ["e-2021", "e-talks", "e-wang", "e-leave"]
    qtbot.keyClick(tl, Qt.Key.Key_Home)
    seen = [tl.currentEvent().id]
    for _ in range(5):
        qtbot.keyClick(tl, Qt.Key.Key_Right)
        seen.append(tl.currentEvent().id)
    assert seen == order + ["e-leave", "e-leave"]
    qtbot.keyClick(tl, Qt.Key.Key_Left)
    assert tl.currentEvent().id == "e-wang"
    assert window.passages.passage_texts()[0].startswith("Kerry met Wang Yi")
    # Enter opens the first passage in the reader
    qtbot.keyClick(tl, Qt.Key.Key_Return)
    assert window.reader.highlighted_text() == "Kerry met Wang Yi on Tuesday in Beijing."


def test_selection_scrolls_into_view(qtbot, window):
    tl = window.timeline
    from kerryview.gui.timeline.axis import iso_to_seconds
    tl.setView(iso_to_seconds("2023-07-17"), iso_to_seconds("2023-07-17T06:00"))
    tl.setCurrentEvent(row_of(window, "e-2021"))
    t0, t1 = tl.view()
    assert t0 < iso_to_seconds("2021-06-01") < t1 or t0 <= iso_to_seconds("2021-01-01") <= t1
    assert row_of(window, "e-2021") in tl.visibleRows()


def test_clicking_an_event_on_the_timeline_selects_it(qtbot, window):
    tl = window.timeline
    tl.fitAll()
    row = row_of(window, "e-leave")
    pos = tl.markerPos(row)
    assert pos is not None
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert tl.currentRow() == row
    assert window.passages.passage_texts() == ["He will leave on July 20."]


def test_fit_all_shows_all_events(window):
    tl = window.timeline
    from kerryview.gui.timeline.axis import iso_to_seconds
    tl.setView(iso_to_seconds("2030-01-01"), iso_to_seconds("2030-02-01"))
    assert tl.visibleRows() == []
    window.action(Action.FIT_ALL).trigger()
    assert sorted(tl.visibleRows()) == list(range(4))
    assert tl.mode() == "detail"


def test_labels_never_overlap(window):
    tl = window.timeline
    tl.fitAll()
    items = tl.frame().items
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.lane == b.lane:
                assert not a.hit.intersects(b.hit), (a, b)


def test_axis_ticks_change_unit_as_you_zoom(window):
    tl = window.timeline
    from kerryview.gui.timeline.axis import iso_to_seconds as s
    tl.setView(s("1990-01-01"), s("2030-01-01"))
    assert tl.tickUnit() == "year"
    assert "2000" in tl.tickLabels()
    units = []
    for _ in range(60):
        tl.zoomAt(1.5, tl.width() / 2)
        units.append(tl.tickUnit())
    dedup = [u for i, u in enumerate(units) if i == 0 or units[i - 1] != u]
    assert dedup[:4] == ["year", "month", "day", "hour"]
    # zoomed into hours: the context row still names the day, month and year
    tl.setView(s("2023-07-17T06:00"), s("2023-07-17T20:00"))
    assert tl.tickUnit() == "hour"
    assert "10:00" in tl.tickLabels()
    assert tl.contextLabels() == ["Monday 17 July 2023"]
    tl.setView(s("2023-07-10"), s("2023-07-25"))
    assert tl.tickUnit() == "day" and tl.contextLabels() == ["July 2023"]


def test_wheel_zooms_around_the_cursor(qtbot, window):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    tl = window.timeline
    tl.fitAll()
    x = 300.0
    t_before = tl.view()[0] + x / tl.scale()
    scale = tl.scale()
    ev = QWheelEvent(QPointF(x, 100), tl.mapToGlobal(QPointF(x, 100)), QPoint(0, 0), QPoint(0, 120),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                     Qt.ScrollPhase.NoScrollPhase, False)
    tl.wheelEvent(ev)
    assert tl.scale() > scale
    assert tl.view()[0] + x / tl.scale() == pytest.approx(t_before, abs=1.0)


def test_drag_pans(qtbot, window):
    tl = window.timeline
    tl.fitAll()
    t0 = tl.view()[0]
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(600, 280))
    qtbot.mouseMove(tl, QPoint(500, 280))
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(500, 280))
    assert tl.view()[0] == pytest.approx(t0 + 100 / tl.scale(), rel=1e-6)


def test_document_list_shows_dates_and_their_source(window):
    assert [row[2:] for row in window.documents.rows()] == [["2023-07-18", "unknown"],
                                                            ["2023-07-18", "inferred: from a"]]


def test_about_names_version_and_licenses():
    import kerryview
    html = about_html()
    assert kerryview.__version__ in html
    for name in ("PySide6", "LGPLv3", "dateparser", "BSD", "sqlite-utils", "Apache-2.0",
                 "charset-normalizer", "MIT"):
        assert name in html


def test_settings_are_saved_in_the_temporary_location(qtbot, window, temp_settings):
    window.close()
    files = list(Path(temp_settings).rglob("*.ini"))
    assert files, "window geometry should be saved"
    assert not settings.GEOMETRY.get().isEmpty()


def test_a_new_window_comes_back_with_the_panel_sizes_left(qtbot, window, store):
    window.bottom_split.setSizes([300, 980])
    left = window.bottom_split.sizes()
    window.close()
    again = MainWindow(store)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    back = again.bottom_split.sizes()  # the same split, whatever size the platform gave it
    assert back[0] / sum(back) == pytest.approx(left[0] / sum(left), abs=0.01)


def test_empty_store_shows_an_empty_state(qtbot, tmp_path):
    from kerryview.store import Store
    s = Store(tmp_path / "empty.db")
    w = MainWindow(s)
    qtbot.addWidget(w)
    w.show()
    assert w.timeline.mode() == "empty"
    img = w.timeline.grab()
    assert not img.isNull()
    s.close()


# -- importing in the worker ------------------------------------------------------------------
GOOD = ("date 2023-07-18 Kerry met Wang Yi in Beijing on Tuesday. "
        "Kerry met Xie Zhenhua for nearly 12 hours on Monday.\n")


def test_import_with_bad_files_reports_problems_without_blocking(qtbot, window, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    from kerryview.pipeline import import_into_store

    def slow_import(store, paths, progress=None, cancelled=None):
        time.sleep(0.3)  # long work in the worker thread: the window must keep running
        return import_into_store(store, paths, progress, cancelled)

    window.import_fn = slow_import
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    with qtbot.waitSignal(window.jobs.finished, timeout=60000) as blocker:
        assert window.import_paths([tmp_path / "good.txt", tmp_path / "empty.txt",
                                    tmp_path / "binary.txt", tmp_path / "missing.txt"])
        assert window.jobs.is_busy()
        assert window.status.progress.isVisible() and window.status.cancel_button.isVisible()
    timer.stop()
    assert len(ticks) >= 10, "the event loop kept running during the import"
    problems = {Path(p.path).name for p in blocker.args[1].result.problems}
    assert {"empty.txt", "binary.txt", "missing.txt"} <= problems
    assert window.status.problems_button.isVisible()
    assert "3 problems" in window.status.problems_button.text() or "4 problems" in window.status.problems_button.text()
    assert window.problems.topLevelItemCount() == len(blocker.args[1].result.problems)
    assert "could not be read" in window.statusBar().currentMessage()
    assert "good" in " ".join(window.docs)  # the good file was still loaded
    assert not window.status.progress.isVisible()


def test_cancel_leaves_the_store_unchanged(qtbot, window, tmp_path):
    from kerryview.pipeline import import_into_store
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    before = ([d.id for d in window.store.documents()], [e.id for e in window.store.events()])

    def slow_import(store, paths, progress=None, cancelled=None):
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return import_into_store(store, paths, progress, cancelled)

    window.import_fn = slow_import
    with qtbot.waitSignal(window.jobs.cancelled, timeout=20000):
        window.import_paths([tmp_path / "good.txt"])
        window.status.cancel_button.click()
    assert ([d.id for d in window.store.documents()], [e.id for e in window.store.events()]) == before
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert not window.jobs.is_busy()


def test_drop_files_starts_an_import(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.jobs.finished, timeout=60000):
        window.dropEvent(ev)
    assert any(d.startswith("good") for d in window.docs)


def test_app_run_imports_the_bundled_corpus_and_quits_after_first_paint(tmp_path):
    """`kerryview` on an empty database: the window paints at once (the import runs in the
    worker) and KERRYVIEW_QUIT_AFTER_FIRST_PAINT closes it cleanly mid-import."""
    import os
    import subprocess
    import sys
    env = dict(os.environ, KERRYVIEW_QUIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), HOME=str(tmp_path))
    code = "import sys; from kerryview.gui.app import run; sys.exit(run([], sys.argv[1]))"
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "new.db")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "first-paint:" in proc.stdout and " s " in proc.stdout


def test_a_big_stored_corpus_is_loaded_in_the_worker(qtbot, store, monkeypatch, tmp_path):
    import kerryview.gui.mainwindow.window as mw
    monkeypatch.setattr(mw, "ASYNC_LOAD_EVENTS", 1)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    assert w.loading and w.timeline.mode() == "empty"  # the window is up before the events
    seen = []
    w.corpusLoaded.connect(lambda: seen.append({e.id for e in w.timeline.index().events}))
    from kerryview.gui.jobs import ImportJob
    with qtbot.waitSignal(w.jobs.finished, timeout=60000,
                          check_params_cb=lambda job, _result: isinstance(job, ImportJob)):
        assert w.import_paths([tmp_path / "good.txt"])  # queued until the corpus is loaded
    assert not w.loading
    assert seen == [{"e-wang", "e-talks", "e-leave", "e-2021"}]
    assert any(d.startswith("good") for d in w.docs)


def test_export_writes_the_timeline_and_reports_failures(window, tmp_path, monkeypatch, qtbot):
    import json

    from PySide6.QtWidgets import QFileDialog
    out = tmp_path / "timeline.json"
    with qtbot.waitSignal(window.exportDone) as done:
        assert window.export_to(out, "timelinejs-json")
    assert done.args == [True]
    headlines = {e["text"]["headline"] for e in json.loads(out.read_text("utf-8"))["events"]}
    assert headlines == {"Kerry met Wang Yi", "Talks with Xie Zhenhua", "Kerry leaves Beijing",
                         "Kerry visited China"}
    assert "Exported 4 events" in window.statusBar().currentMessage()
    # the dialog's filter decides the format
    csv_out = tmp_path / "sheet.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **k: (str(csv_out), "TimelineJS spreadsheet template (CSV) (*.csv)")))
    with qtbot.waitSignal(window.exportDone):
        window.action(Action.EXPORT).trigger()
    assert csv_out.read_text("utf-8").startswith("Year,Month,Day")
    # an unwritable place: a message, no crash, no partial file
    bad = tmp_path / "no-such-folder" / "x.json"
    with qtbot.waitSignal(window.exportDone) as done:
        window.export_to(bad, "json")
    assert done.args == [False]
    assert "Could not export" in window.statusBar().currentMessage()
    assert not bad.exists() and not bad.with_name("x.json.part").exists()
    # cancelled (the flag is checked before the first event; here it is set from the start,
    # so the test does not race the worker): no file either
    class AlreadyCancelled:
        def is_set(self):
            return True

        def set(self):
            pass

    monkeypatch.setattr("kerryview.gui.jobs.threading.Event", AlreadyCancelled)
    cancelled = tmp_path / "c.json"
    with qtbot.waitSignal(window.exportDone) as done:
        window.export_to(cancelled, "json")
    assert done.args == [False] and not cancelled.exists()
    assert "Export cancelled" in window.statusBar().currentMessage()


def test_marking_an_event_reviewed_or_not_an_event_persists(window, store, tmp_path, qtbot):
    import json

    from kerryview.gui.mainwindow import MainWindow
    assert not window.action(Action.REVIEWED).isEnabled()  # nothing selected yet
    window.select_event(row_of(window, "e-wang"))
    assert window.action(Action.REVIEWED).isEnabled() and not window.action(Action.REVIEWED).isChecked()
    layout = {(it.row, it.lane, it.x0) for it in window.timeline.frame().items}
    window.action(Action.REVIEWED).trigger()
    assert {(it.row, it.lane, it.x0) for it in window.timeline.frame().items} == layout  # nothing moves
    row = row_of(window, "e-wang")
    assert window.index().reviewed[row]
    assert "Reviewed" in window.timeline._tooltip(row)
    assert window.action(Action.REVIEWED).isChecked()
    window.select_event(row_of(window, "e-2021"))
    window.action(Action.DISMISSED).trigger()
    assert store.marks() == {"e-wang": (True, False), "e-2021": (False, True)}
    out = tmp_path / "t.json"
    with qtbot.waitSignal(window.exportDone):
        assert window.export_to(out, "timelinejs-json")
    headlines = {e["text"]["headline"] for e in json.loads(out.read_text("utf-8"))["events"]}
    assert "Kerry visited China" not in headlines and "Kerry met Wang Yi" in headlines
    # a new window on the same store shows the marks again
    again = MainWindow(store)
    qtbot.addWidget(again)
    idx = again.index()
    assert idx.reviewed[idx.row_of["e-wang"]] and idx.dismissed[idx.row_of["e-2021"]]
    again.select_event(idx.row_of["e-2021"])
    assert again.action(Action.DISMISSED).isChecked()
    again.action(Action.DISMISSED).trigger()  # undo
    assert store.marks() == {"e-wang": (True, False)}


def test_right_click_selects_the_event_under_the_pointer(qtbot, window):
    window.timeline.fitAll()
    fr = window.timeline.frame()
    it = next(i for i in fr.items if window.index().events[i.row].id == "e-leave")
    qtbot.mousePress(window.timeline, Qt.MouseButton.RightButton, pos=it.hit.center().toPoint())
    assert window.timeline.currentEvent().id == "e-leave"
    assert window.action(Action.DISMISSED).isEnabled()


def test_a_mention_equal_to_a_shown_one_selects_the_same_passage_and_event(qtbot, window, store):
    """Mentions are matched by what they are (document, span, time expression), not by object:
    a mention read again from the store (as the screenshot script does, or after a reload)
    selects its passage in the list, and a click on it in the reader selects its event."""
    copy = next(m for e in store.events() if e.id == "e-wang" for m in e.mentions
                if m.document_id == "b")
    assert all(copy is not m for m in window.index().events[row_of(window, "e-wang")].mentions)
    window.select_event(row_of(window, "e-wang"))
    window.open_mention(copy)
    view = window.passages.view
    assert view.currentIndex().isValid()
    assert window.passages.model.mention(view.currentIndex().row()) == copy
    window.select_event(row_of(window, "e-leave"))
    window.reader.passageClicked.emit(copy)
    assert window.timeline.currentEvent().id == "e-wang"


def _render(widget) -> QImage:
    img = QImage(widget.size(), QImage.Format.Format_RGB32)
    widget.render(img)
    return img


def _ink(img: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    """How much darker than white the pixels of [x0, x1) x [y0, y1) are, summed."""
    return sum(765 - sum(img.pixelColor(x, y).getRgb()[:3])
               for x in range(x0, x1) for y in range(y0, y1))


def _longest_dark_run(img: QImage, x0: int, x1: int, y: int) -> int:
    best = run = 0
    for x in range(x0, x1):
        run = run + 1 if qGray(img.pixel(x, y)) < 230 else 0
        best = max(best, run)
    return best


def test_a_dismissed_event_is_drawn_faded_and_struck_through(window):
    """What the user sees after "Not an event": the event's mark fades and a line runs through
    its label (glyphs alone never make a dark horizontal run that long); undoing it restores
    the drawing exactly."""
    tl = window.timeline
    tl.fitAll()
    row = row_of(window, "e-wang")
    window.select_event(row)
    c, hit = tl.markerPos(row), tl.eventRect(row)
    cx, cy = int(c.x()), int(c.y())
    rows = range(int(hit.top()), int(hit.bottom()) + 1)
    label = (cx + 12, int(hit.right()))  # the label starts right of the mark

    before = _render(tl)
    window.action(Action.DISMISSED).trigger()
    after = _render(tl)

    mark_before = _ink(before, cx - 10, cy - 10, cx + 11, cy + 11)
    mark_after = _ink(after, cx - 10, cy - 10, cx + 11, cy + 11)
    assert mark_after < 0.6 * mark_before, (mark_before, mark_after)
    assert max(_longest_dark_run(before, *label, y) for y in rows) < 40
    assert max(_longest_dark_run(after, *label, y) for y in rows) >= 60
    window.action(Action.DISMISSED).trigger()  # an event again
    assert _render(tl) == before


def test_an_in_memory_corpus_runs_its_jobs_at_once(qtbot, tmp_path, corpus):
    """An in-memory store has no file for the worker's own connection: exports and imports run
    on the main thread, with the same results and signals."""
    from kerryview.store import Store
    mem = Store()
    mem.save_corpus(*corpus)
    w = MainWindow(mem)
    qtbot.addWidget(w)
    out = tmp_path / "t.json"
    with qtbot.waitSignal(w.exportDone) as done:
        assert w.export_to(out, "json")
    assert done.args == [True] and out.exists() and not w.jobs.is_busy()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with qtbot.waitSignal(w.jobs.finished):
        assert w.import_paths([tmp_path / "good.txt"])
    assert any(d.startswith("good") for d in w.docs)
    assert "Added 1 article;" in w.statusBar().currentMessage()
    mem.close()


def test_a_failed_import_is_reported_with_its_reason(qtbot, window, tmp_path):
    def broken_import(store, paths, progress=None, cancelled=None):
        raise ValueError("the tagger tripped")

    window.import_fn = broken_import
    with qtbot.waitSignal(window.jobs.failed, timeout=20000):
        assert window.import_paths([tmp_path])
    assert window.statusBar().currentMessage() == "Import failed: ValueError: the tagger tripped"
    assert window.problems.topLevelItem(0).text(0) == "(import)"
    assert "Traceback" in window.problems.topLevelItem(0).text(1)
    assert not window.jobs.is_busy() and len(window.index()) == 4  # the corpus still shown


def test_export_timeline_offers_the_project_s_title_as_the_file_name(window, monkeypatch):
    """Ctrl+E offered "kerryview-timeline.json" while File > Export as offered the pictures
    under the project's title: both now offer the title."""
    from PySide6.QtWidgets import QFileDialog

    from kerryview.gui.mainwindow.export import default_name
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _parent, _caption, start, *a, **k: asked.append(start) or ("", "")))
    window.action(Action.EXPORT).trigger()
    assert default_name(window) not in ("", "timeline")
    assert [Path(p).stem for p in asked] == [default_name(window)]


def test_importing_articles_already_in_says_nothing_new(qtbot, bundled_store):
    """The bundled articles imported again: nothing is dated or merged again, and the status
    bar says why nothing changed."""
    from kerryview.pipeline import bundled_corpus_paths
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: len(w.index()) > 0 and bool(w.docs), timeout=10000)
    shown = len(w.index())
    with qtbot.waitSignal(w.jobs.finished, timeout=60000):
        assert w.import_paths(bundled_corpus_paths())
    assert w.statusBar().currentMessage() == (
        f"Nothing new: 5 files, all already in the project; {shown} events")
    assert len(w.index()) == shown
    w.jobs.wait()


def test_the_articles_list_headers_are_whole_at_the_default_size(qtbot, window):
    """At 1280x800 every header of the articles list is read whole (the last one was cut to
    "How the date was")."""
    from kerryview.gui.mainwindow.documents import HEADERS
    qtbot.wait(50)
    header = window.documents.header()
    fm = header.fontMetrics()
    assert window.documents.viewport().width() > 0
    for column, text in HEADERS.items():
        # the text and the header's padding (a sort arrow is never shown: the list is unsorted)
        assert header.sectionSize(column) >= fm.horizontalAdvance(text) + 12, text
