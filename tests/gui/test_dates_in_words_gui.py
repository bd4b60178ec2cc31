"""The passage cards and the reader's header say an article's publication day as the rest of
the window does ("Tuesday 18 July 2023", text/phrasing.day_words), never "2023-07-18"."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from kerryview.gui.models import HtmlRole


def _card_text(window, i: int) -> str:
    doc = QTextDocument()
    doc.setHtml(window.passages.model.index(i).data(HtmlRole))
    return doc.toPlainText()


def test_cards_and_reader_say_the_publication_day_in_words(qtbot, window):
    window.select_event(window.index().row_of["e-wang"])
    card = _card_text(window, 0)
    assert "published Tuesday 18 July 2023" in card and "2023-07-18" not in card.split("\n")[1]
    view = window.passages.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(window.passages.model.index(0)).center())
    header = QTextDocument()
    header.setHtml(window.reader.header.text())
    assert "published Tuesday 18 July 2023" in header.toPlainText()
    assert "2023-07-18" not in header.toPlainText()


def test_the_reader_says_plainly_when_an_article_has_no_publication_date(qtbot, window):
    """An undated article's header said "published date unknown (unknown)": it says the date
    was not found and where to give it, once."""
    from kerryview.model import DateSource
    doc = window.docs["a"]
    doc.dct, doc.dct_source = None, DateSource.unknown()
    window.reader.show_document(doc, [])
    header = QTextDocument()
    header.setHtml(window.reader.header.text())
    said = header.toPlainText()
    assert "publication date not found" in said and "double-click its Published cell" in said
    assert "unknown" not in said
