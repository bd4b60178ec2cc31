"""The bundled Kerry corpus through the real pipeline, as a user would meet it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from kerryview.gui.mainwindow import MainWindow


def test_wang_yi_meeting_lists_its_four_passages_and_opens_them(qtbot, bundled_store):
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    index = w.index()
    # the window opens without the passages (Store.events(passages=False)): they are read
    # when an event is selected
    assert not any(ev.mentions for ev in index.events)
    told = {ev.id: ev.mentions for ev in bundled_store.events()}
    rows = [r for r, ev in enumerate(index.events)
            if ev.start.startswith("2023-07-18") and any("Wang" in m.text for m in told[ev.id])]
    assert rows, "an event on 2023-07-18 whose passages mention Wang (Yi)"
    row = max(rows, key=lambda r: len(index.events[r].document_ids))
    # the user clicks the event on the timeline, zoomed to the week of the visit
    from kerryview.gui.timeline.axis import iso_to_seconds as s
    tl = w.timeline
    tl.setView(s("2023-07-14"), s("2023-07-23"))
    pos = tl.markerPos(row)
    assert pos is not None, "the meeting is drawn in the week view"
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert tl.currentRow() == row
    model = w.passages.model
    docs = sorted(model.mention(i).document_id[:4] for i in range(model.rowCount()))
    assert docs == ["000_", "001_", "002_", "004_"]
    # clicking a passage shows its article with the passage highlighted
    view = w.passages.view
    rect = view.visualRect(model.index(1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    m = model.mention(1)
    assert w.reader.document().id == m.document_id
    assert w.reader.highlighted_text() == m.text
    # the reader's text at the mention's offsets is the passage (offsets agree with the article)
    assert w.reader.document().text[m.start:m.end] == m.text


def test_bundled_timeline_renders_the_key_days(qtbot, bundled_store):
    from kerryview.gui.timeline.axis import iso_to_seconds as s
    w = MainWindow(bundled_store)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    tl = w.timeline
    tl.setView(s("2023-07-16T12:00"), s("2023-07-21"))
    shown = {tl.index().events[r].start[:10] for r in tl.visibleRows()}
    assert {"2023-07-17", "2023-07-18", "2023-07-20"} <= shown
    # Monday's "nearly 12 hours" gave no clock times: the talks stay on Monday (never drawn
    # 00:00-12:00), their duration said in words
    talks = [r for r in tl.visibleRows() if tl.index().events[r].duration == "PT12H"]
    assert talks
    r = talks[0]
    assert (tl.index().starts[r], tl.index().ends[r]) == (s("2023-07-17"), s("2023-07-18"))
    assert "Monday 17 July 2023 <i>(lasting about 12 hours)</i>" in tl._tooltip(r)


def test_self_test_passes(capsys):
    from kerryview.gui import selftest
    assert selftest.run() == 0
    out = capsys.readouterr().out
    assert "PASS" in out
