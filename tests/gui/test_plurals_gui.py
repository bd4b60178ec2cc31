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


def test_no_module_makes_a_plural_by_hand():
    """Every "n things" goes through count_words (one home): no `'s' if n != 1` beside it."""
    import re
    from pathlib import Path

    import kerryview

    by_hand = re.compile(r"""\{\s*['"]s['"]\s+if\b""")
    found = [f"{p.relative_to(Path(kerryview.__file__).parent)}:{i}"
             for p in sorted(Path(kerryview.__file__).parent.rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if by_hand.search(line)]
    assert found == []


def test_the_passage_card_and_the_interrupted_import_bar_count_in_words(window):
    from kerryview.gui.mainwindow.interrupted import InterruptedImportBar
    window.select_event(window.index().row_of["e-talks"])
    assert "1 source, 1 passage" in window.passages.header.text()
    bar = InterruptedImportBar()
    bar.offer(["/news/a.txt"])
    assert "(1 file or folder, e.g. /news/a.txt)" in bar.message.text()
    bar.offer([f"/news/{i}.txt" for i in range(1200)])
    assert "(1,200 files or folders, e.g. /news/0.txt)" in bar.message.text()
