"""The passages panel: what the sources say about the selected event.

A header (label, date, granularity, status, sources), the sources' disagreements if any, then a
QListView over PassagesModel drawn by a rich-text delegate. Clicking a passage emits
passageActivated(mention) so the reader opens the article at that passage.
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (QLabel, QListView, QStyledItemDelegate, QStyleOptionViewItem,
                               QVBoxLayout, QWidget, QStyle, QAbstractItemView, QFrame)

from kerryview.gui import theme
from kerryview.gui.models import HtmlRole, MentionRole, PassagesModel
from kerryview.model import DateSourceKind, Event, EventMention
from kerryview.sources import distinct_names, name_sources_in
from kerryview.text.phrasing import count_words, date_words, event_duration_words, event_zone

PAD_X, PAD_Y = 10, 7


class PassageDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._docs: dict[tuple[int, int], QTextDocument] = {}

    def clear(self) -> None:
        self._docs.clear()

    def _doc(self, index: QModelIndex, width: int) -> QTextDocument:
        key = (index.row(), width)
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) > 400:
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(self._view.font())
            doc.setDocumentMargin(0)
            doc.setHtml(index.data(HtmlRole) or "")
            doc.setTextWidth(max(80, width - 2 * PAD_X - 4))
            self._docs[key] = doc
        return doc

    def _width(self, option) -> int:
        return max(120, self._view.viewport().width())

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        w = self._width(option)
        doc = self._doc(index, w)
        return QSize(w, int(doc.size().height()) + 2 * PAD_Y + 1)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        r = option.rect
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hover = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        bg = QColor("#e0ecff") if selected else (QColor("#f5f8fd") if hover else QColor("#ffffff"))
        painter.fillRect(r, bg)
        if selected:
            painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), QColor("#1d4ed8"))
        painter.setPen(QColor("#e2e8f0"))
        painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
        doc = self._doc(index, self._width(option))
        painter.translate(r.left() + PAD_X + 2, r.top() + PAD_Y)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor("#111827"))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class PassagesPanel(QWidget):
    """Signals: passageActivated(EventMention) when the user clicks or presses Enter on one."""

    passageActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PassagesModel(self)
        self._names: dict[str, str] = {}  # doc id -> its source's name, in the disagreements
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(8, 6, 8, 4)
        self.header.setObjectName("passagesHeader")
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setTextFormat(Qt.TextFormat.RichText)
        self.conflicts.setStyleSheet(
            "QLabel { background: #fef2f2; color: #7f1d1d; border: 1px solid #fecaca;"
            " border-radius: 4px; padding: 5px 8px; margin: 0 6px 4px 6px; }")
        self.conflicts.hide()
        self.view = QListView()
        self.view.setObjectName("passagesList")
        self.view.setModel(self.model)
        self.delegate = PassageDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setAccessibleName("Passages")
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.placeholder = QLabel("Select an event on the timeline to read what each source says.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #64748b; padding: 20px;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.conflicts)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.placeholder, 1)
        self.set_event(None)

    def resizeEvent(self, e) -> None:  # noqa: N802
        self.delegate.clear()
        super().resizeEvent(e)

    def set_documents(self, docs, names: Mapping[str, str] | None = None) -> None:
        """The project's articles; `names` their distinct_names (computed here if not given:
        the window computes them once per reload for every view)."""
        self._names = distinct_names(docs) if names is None else names
        self.model.set_documents(docs, self._names)
        self.delegate.clear()

    def set_event(self, ev: Event | None) -> None:
        self.delegate.clear()
        self.model.set_event(ev)
        self.view.setVisible(ev is not None)
        self.placeholder.setVisible(ev is None)
        if ev is None:
            self.header.setText("<b>Passages</b>")
            self.conflicts.hide()
            return
        when = date_words(ev, event_zone(ev))  # a reporter's words (text/phrasing.py)
        extra = []
        if (lasting := event_duration_words(ev)):
            extra.append(f"lasting {escape(lasting)}")
        status = ("" if ev.status == "happened"
                  else f" · <span style='color:#b45309'><b>{escape(ev.status)}</b></span>")
        if ev.summary.by_publication:  # as the timeline tags it: the day is the articles'
            status += f" · {self._publication_words(ev)}"
        n_docs = len(ev.document_ids)
        edited = " · <i style='color:#6d28d9'>edited by you</i>" if ev.edited else ""
        note = ("<div style='background:#fefce8; color:#713f12; margin-top:4px; padding:3px'>"
                f"<b>Note:</b> {escape(ev.note).replace(chr(10), '<br>')}</div>"
                if ev.note else "")
        self.header.setText(
            f"<div style='font-size:large'><b>{escape(ev.label)}</b></div>"
            f"<div style='color:#334155'>{escape(when)}"
            + (f" <span style='color:#64748b'>({', '.join(extra)})</span>" if extra else "")
            + f"{status} · {count_words(n_docs, 'source')}, "
            f"{count_words(len(ev.mentions), 'passage')}{edited}</div>"
            f"{note}")
        if ev.conflicts:
            items = "".join(f"<li>{escape(name_sources_in(c, self._names))}</li>"
                            for c in ev.conflicts)
            self.conflicts.setText(f"<b>Sources disagree</b><ul style='margin:2px 0 0 -20px'>"
                                   f"{items}</ul>")
            self.conflicts.show()
        else:
            self.conflicts.hide()

    def _publication_words(self, ev: Event) -> str:
        """What the header says of an event dated only by its articles' publication days (no
        passage gives a date: the timeline's BY_PUBLICATION_TAG), and whether those days are
        themselves inferred from the other articles (no date line in any of them)."""
        from kerryview.gui.timeline.layout import BY_PUBLICATION_TAG
        docs = [d for i in ev.document_ids if (d := self.model.document(i)) is not None]
        inferred = bool(docs) and all(d.dct_source.kind is DateSourceKind.INFERRED for d in docs)
        whose = "its article’s publication date is" if len(docs) == 1 else \
            "the publication dates are"
        said = (f"{BY_PUBLICATION_TAG}, no passage gives a date"
                + (f"; {whose} inferred from the other articles" if inferred else ""))
        return f"<span style='color:{theme.CLUSTER_FG.name()}'><i>{escape(said)}</i></span>"

    def select_mention(self, mention: EventMention) -> None:
        """Select the passage of `mention` (an equal copy will do, see models.mention_key)."""
        row = self.model.row_of(mention)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def passage_texts(self) -> list[str]:
        return [self.model.mention(r).text for r in range(self.model.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        m = index.data(MentionRole)
        if m is not None:
            self.passageActivated.emit(m)
