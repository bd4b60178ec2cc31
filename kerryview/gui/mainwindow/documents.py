"""The documents list: every article with its publication date and how that date was found,
and where the user corrects the date (double-click, or the context menu)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QInputDialog, QTreeWidget,
                               QTreeWidgetItem)

from kerryview.gui.models import document_title
from kerryview.model import Document

IdRole = Qt.ItemDataRole.UserRole


class DocumentsList(QTreeWidget):
    """Signals: documentClicked(doc_id); dateChosen(doc_id, date or None) when the user sets a
    publication date (None: infer it again); invalidDate(text) when what they typed is not one."""

    documentClicked = Signal(str)
    dateChosen = Signal(str, object)
    invalidDate = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("documentsList")
        self.setHeaderLabels(["Article", "Published", "How the date was found"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        hdr = self.header()
        hdr.setStretchLastSection(True)
        hdr.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 230)
        self.setColumnWidth(1, 90)
        self._docs: dict[str, Document] = {}
        self.itemClicked.connect(self._clicked)
        self.itemDoubleClicked.connect(self._edit_date)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addActions([
            QAction("Set publication date…", self,
                    triggered=lambda: self._edit_date(self.currentItem())),
            QAction("Infer publication date again", self,
                    triggered=lambda: self._infer_again(self.currentItem())),
        ])

    def set_documents(self, docs: list[Document], passages: dict[str, int]) -> None:
        """Show `docs`; `passages[doc id]` is how many of its passages are on the timeline."""
        self._docs = {d.id: d for d in docs}
        self.clear()
        for d in docs:
            when = d.dct.isoformat() if d.dct else "unknown"
            how = str(d.dct_source or "unknown")
            it = QTreeWidgetItem([document_title(d), when, how])
            it.setData(0, IdRole, d.id)
            it.setToolTip(0, f"{d.path}\n{passages.get(d.id, 0)} passage(s) on the timeline")
            it.setToolTip(2, how)
            self.addTopLevelItem(it)

    def item_of(self, doc_id: str) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            it = self.topLevelItem(i)
            if it.data(0, IdRole) == doc_id:
                return it
        return None

    def select(self, doc_id: str) -> None:
        it = self.item_of(doc_id)
        if it is not None:
            self.setCurrentItem(it)

    def _document(self, item: QTreeWidgetItem | None) -> Document | None:
        return self._docs.get(item.data(0, IdRole)) if item is not None else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        doc = self._document(item)
        if doc is not None:
            self.documentClicked.emit(doc.id)

    def _edit_date(self, item: QTreeWidgetItem | None, *_args) -> None:
        doc = self._document(item)
        if doc is None:
            return
        current = doc.dct.isoformat() if doc.dct else ""
        text, ok = QInputDialog.getText(
            self, "Publication date", f"Publication date of {document_title(doc)} (YYYY-MM-DD):",
            text=current)
        if not ok or text.strip() == current:
            return
        try:
            value = date.fromisoformat(text.strip())
        except ValueError:
            self.invalidDate.emit(text.strip())
            return
        self.dateChosen.emit(doc.id, value)

    def _infer_again(self, item: QTreeWidgetItem | None) -> None:
        doc = self._document(item)
        if doc is not None:
            self.dateChosen.emit(doc.id, None)
