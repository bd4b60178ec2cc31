"""Counts in the window are said in words: "1 passage", "3 passages", never "passage(s)"
(text/phrasing.count_words is the one home)."""
from dataclasses import dataclass

from PySide6.QtCore import Qt

from kerryview.gui.mainwindow.status import import_message


@dataclass
class _Problem:
    stage: str


def test_the_import_message_says_one_file_and_two_articles():
    msg = import_message(2, 1, [_Problem("read"), _Problem("process")])
    assert msg == ("Added 2 articles; 1 event; 1 file could not be read; 1 article could not "
                   "be processed (read, but kept without events)")


def test_the_status_bar_says_one_passage_and_the_counts_in_words(window):
    window.select_event(window.index().row_of["e-talks"])  # one passage
    assert window.statusBar().currentMessage() == "Talks with Xie Zhenhua — 1 passage"
    window.select_event(window.index().row_of["e-wang"])
    assert window.statusBar().currentMessage() == "Kerry met Wang Yi — 2 passages"
    window.status.set_counts(1, 1, 0)
    assert window.status.count_label.text() == "1 event · 1 article"


def test_the_documents_tooltip_counts_passages_in_words(window):
    m = window.documents.model_
    tips = [m.data(m.index(r, 1), Qt.ItemDataRole.ToolTipRole) for r in range(m.rowCount())]
    assert any("\n3 passages on the timeline\n" in t for t in tips), tips
    assert not any("(s)" in t for t in tips)
