"""The documents table says how sure an inferred publication date is (decision.sureness): in
the Published cell, to a screen reader and in its tip; a stated date says nothing of it."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from kerryview.gui.mainwindow.documents import PUBLISHED_TIP, Column, DocumentsModel
from kerryview.model import DateSource, DateSourceKind, Document


def test_an_inferred_date_says_how_sure_it_is(qtbot):
    inferred = Document(id="b", path="b", text="x", dct=date(2023, 7, 18), dct_source=DateSource(
        DateSourceKind.INFERRED, "date taken from the article's own dates: its dateline “July 17” "
        "(filed the day before) (how sure: medium, 44 % of the evidence on this day)"))
    stated = Document(id="a", path="a", text="x", dct=date(2023, 7, 18),
                      dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated in the article"))
    m = DocumentsModel()
    m.set_documents([stated, inferred], {})
    cell = m.index(m.row_of("b"), Column.PUBLISHED)
    assert m.data(cell, Qt.ItemDataRole.DisplayRole) == "2023-07-18 (medium)"
    assert m.data(cell, Qt.ItemDataRole.AccessibleTextRole) == "2023-07-18, inferred, how sure: medium"
    assert m.data(cell, Qt.ItemDataRole.ToolTipRole).startswith(
        "Inferred, not written in the article (how sure: medium): date taken from")
    plain = m.index(m.row_of("a"), Column.PUBLISHED)
    assert m.data(plain, Qt.ItemDataRole.DisplayRole) == "2023-07-18"
    assert "high" in PUBLISHED_TIP and "low" in PUBLISHED_TIP
