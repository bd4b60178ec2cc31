"""The article reader: one document, its passages marked, the chosen one highlighted.

Highlights are ExtraSelections (nothing is written into the document). Offsets from the pipeline
are Python str offsets and go through textmap.OffsetMap to become QTextDocument positions.
Clicking inside a marked passage emits passageClicked(mention) so its event gets selected.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from kerryview.gui.models import document_title, mention_key
from kerryview.gui.textmap import OffsetMap
from kerryview.model import Document, EventMention
from kerryview.sources import name_sources_in
from kerryview.text.phrasing import day_words

PASSAGE_BG = QColor("#fff3bf")
OTHER_BG = QColor("#f1f5f9")
TIMEX_BG = QColor("#fcd34d")
TRIGGER_FG = QColor("#1d4ed8")


class _Browser(QTextBrowser):
    clickedAt = Signal(int)  # QTextDocument position of a plain click (no text selected)

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802
        super().mouseReleaseEvent(e)
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clickedAt.emit(self.cursorForPosition(e.position().toPoint()).position())


class ReaderWidget(QWidget):
    """Signals: passageClicked(EventMention) when a marked passage is clicked."""

    passageClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # doc id -> source name (set by the window)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setContentsMargins(8, 6, 8, 4)
        self.browser = _Browser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName("Article")
        f = QFont(self.browser.font())
        f.setPointSizeF(max(11.0, f.pointSizeF() + 1))
        self.browser.setFont(f)
        self.browser.document().setDocumentMargin(14)
        self.browser.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.browser.clickedAt.connect(self._clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.header)
        lay.addWidget(self.browser, 1)
        self._doc: Document | None = None
        self._map: OffsetMap | None = None
        self._mentions: list[EventMention] = []
        self._current: EventMention | None = None
        self.show_document(None)

    # -- public ------------------------------------------------------------------------------
    def document(self) -> Document | None:
        return self._doc

    def show_document(self, doc: Document | None, mentions: list[EventMention] | None = None) -> None:
        """Show `doc`; `mentions` are all passages of it that belong to events (marked lightly)."""
        if doc is not None and self._doc is not None and doc.id == self._doc.id:
            self._doc = doc
            self._set_header(doc)  # a renamed source or a corrected date shows at once
            self._mentions = list(mentions or [])
            self._apply()
            return
        self._doc = doc
        self._current = None
        self._mentions = list(mentions or [])
        if doc is None:
            self.header.setText("<b>Article</b>")
            self.browser.setPlainText("")
            self.browser.setPlaceholderText("Click a passage to read it in its article.")
            self._map = None
            return
        self._map = OffsetMap(doc.text)
        self._set_header(doc)
        self.browser.setPlainText(doc.text)
        self._apply()

    def _set_header(self, doc: Document) -> None:
        """Outlet and headline, date and where it came from (other articles named by source);
        the file's path only in the tooltip."""
        if doc.dct is not None:
            how = name_sources_in(str(doc.dct_source or "unknown"), self.names)
            said = f"published {escape(day_words(doc.dct))} <i>({escape(how)})</i>"
        else:  # not "published date unknown (unknown)": what it is, and where to give it
            why = getattr(doc.dct_source, "why_undated", "")
            said = (f"publication date not found{f' ({escape(why)})' if why else ''}: "
                    "double-click its Published cell in the articles list to give it")
        self.header.setText(f"<b>{escape(document_title(doc))}</b><br>"
                            f"<span style='color:#64748b'>{said}</span>")
        self.header.setToolTip(doc.path)

    def highlight(self, mention: EventMention) -> None:
        """Highlight `mention` (its document must be shown) and scroll it into view."""
        self._current = mention
        self._apply()
        if self._map is None:
            return
        cur = QTextCursor(self.browser.document())
        cur.setPosition(self._map.to_qt(mention.end))
        self.browser.setTextCursor(cur)
        self.browser.ensureCursorVisible()
        cur.setPosition(self._map.to_qt(mention.start))
        self.browser.setTextCursor(cur)
        # put the passage about a third of the way down
        rect = self.browser.cursorRect(cur)
        sb = self.browser.verticalScrollBar()
        sb.setValue(sb.value() + rect.top() - self.browser.viewport().height() // 3)

    def highlighted_text(self) -> str:
        """The text of the highlighted passage as the reader shows it."""
        for sel in self.browser.extraSelections():
            if sel.format.property(QTextFormat.Property.UserProperty) == "passage":
                return sel.cursor.selectedText().replace("\u2029", "\n")
        return ""

    def current_mention(self) -> EventMention | None:
        return self._current

    def selected_span(self) -> tuple[int, int] | None:
        """The text the user selected in the article, as document offsets (Event > Add event
        takes it as the new event's passage), or None."""
        cur = self.browser.textCursor()
        if self._map is None or not cur.hasSelection():
            return None
        a, b = self._map.from_qt(cur.selectionStart()), self._map.from_qt(cur.selectionEnd())
        return (a, b) if b > a else None

    # -- internals ---------------------------------------------------------------------------
    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.browser.document())
        cur.setPosition(self._map.to_qt(start))
        cur.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    def _apply(self) -> None:
        if self._map is None:
            self.browser.setExtraSelections([])
            return
        sels = []
        other = QTextCharFormat()
        other.setBackground(OTHER_BG)
        other.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        other.setUnderlineColor(QColor("#94a3b8"))
        other.setToolTip("A passage of an event: click to select the event")
        cur = self._current
        cur_key = mention_key(cur) if cur is not None else None
        for m in self._mentions:
            if mention_key(m) == cur_key:
                continue
            sels.append(self._selection(m.start, m.end, other))
        if cur is not None:
            passage = QTextCharFormat()
            passage.setBackground(PASSAGE_BG)
            passage.setProperty(QTextFormat.Property.UserProperty, "passage")
            sels.append(self._selection(cur.start, cur.end, passage))
            if cur.timex is not None and cur.timex.end > cur.timex.start:
                tf = QTextCharFormat()
                tf.setBackground(TIMEX_BG)
                tf.setProperty(QTextFormat.Property.UserProperty, "timex")
                sels.append(self._selection(cur.timex.start, cur.timex.end, tf))
            if cur.trigger_start is not None and cur.trigger_end is not None:
                gf = QTextCharFormat()
                gf.setForeground(TRIGGER_FG)
                gf.setFontWeight(QFont.Weight.Bold)
                gf.setFontUnderline(True)
                gf.setProperty(QTextFormat.Property.UserProperty, "trigger")
                sels.append(self._selection(cur.trigger_start, cur.trigger_end, gf))
        self.browser.setExtraSelections(sels)

    def _clicked(self, qt_pos: int) -> None:
        if self._map is None:
            return
        off = self._map.from_qt(qt_pos)
        best = None
        for m in self._mentions:
            if m.start <= off < m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        if best is not None:
            self.passageClicked.emit(best)
