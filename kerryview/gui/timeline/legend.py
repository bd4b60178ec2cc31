"""The line under the timeline that explains its marks, drawn with the timeline's own shapes
(paint.py) and colours (gui/theme.py), so it always matches what it explains."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kerryview.gui import theme
from kerryview.gui.timeline.index import BAR, POINT, RANGE
from kerryview.gui.timeline.paint import badge_colours, draw_badge, draw_marker


class TimelineLegend(QWidget):
    """One line under the timeline explaining the marks."""

    ENTRIES = [
        (POINT, False, "happened"),
        (POINT, True, "scheduled / expected"),
        (BAR, False, "hours known"),
        (RANGE, False, "month, season, year"),
    ]
    BADGES = (("×4", "sources"), ("≠", "sources disagree"), ("×2", "reviewed"))
    # The key hint, longest first: the first that fits is drawn, whole (never cut off).
    HINTS = ("wheel zoom · drag pan · ←/→ events · Enter open · +n zooms in",
             "wheel zoom · drag pan · ←/→ events · Enter open",
             "wheel zoom · drag pan · ←/→ events",
             "wheel zoom · drag pan")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        f = theme.legend_font(self.font())
        self.setFont(f)
        self._fm = QFontMetricsF(f)
        self.setFixedHeight(int(self._fm.height() + 10))
        self.setToolTip("Wheel: zoom around the pointer · drag: pan · ←/→: previous/next event · "
                        "Enter: open · +/−: zoom · Shift+←/→: pan · click a +n mark to zoom in")
        self.setAccessibleName("Timeline legend")
        self.shown_hint = ""  # the key hint drawn at the last paint ("" when none fits)
        self.shown_entries: list[str] = []  # the meanings drawn at the last paint, in order

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(800, self.height())

    def _badge_entry(self, p: QPainter, x: float, cy: float, badge: str, text: str,
                     bg: QColor, fg: QColor) -> float:
        """A badge as the timeline draws it, then what it means; returns the next x."""
        bw = self._fm.horizontalAdvance(badge) + 10
        draw_badge(p, QRectF(x, cy - 8, bw, 16), badge, bg, fg)
        p.setPen(theme.BODY_FG)
        p.drawText(QRectF(x + bw + 6, 0, 200, self.height()), Qt.AlignmentFlag.AlignVCenter, text)
        return x + bw + self._fm.horizontalAdvance(text) + 26

    def _badge_width(self, badge: str, text: str) -> float:
        """How far a badge entry reaches from its x (its text's end)."""
        return self._fm.horizontalAdvance(badge) + 16 + self._fm.horizontalAdvance(text)

    def paintEvent(self, e) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), theme.LEGEND_BG)
        p.setPen(theme.LEGEND_RULE)
        p.drawLine(0, 0, self.width(), 0)
        x = 12.0
        cy = self.height() / 2
        end = self.width() - 12  # an entry is drawn whole or not at all (a narrow timeline,
        self.shown_entries = []  # docks on both sides: it read "≠ so" at the edge)
        for kind, sched, text in self.ENTRIES:
            tw = self._fm.horizontalAdvance(text)
            if x + 16 + tw > end:
                break
            draw_marker(p, kind, sched, QPointF(x + 6, cy), False)
            p.setPen(theme.BODY_FG)
            p.drawText(QRectF(x + 16, 0, tw + 4, self.height()), Qt.AlignmentFlag.AlignVCenter,
                       text)
            self.shown_entries.append(text)
            x += tw + 32
        else:
            for (badge, meaning), (bg, fg) in zip(self.BADGES, (badge_colours(False, False),
                                                                badge_colours(True, False),
                                                                badge_colours(False, True))):
                if x + self._badge_width(badge, meaning) > end:
                    break
                x = self._badge_entry(p, x, cy, badge, meaning, bg, fg)
                self.shown_entries.append(meaning)
        p.setPen(theme.HINT_FG)
        room = self.width() - 12 - x
        self.shown_hint = next((h for h in self.HINTS if self._fm.horizontalAdvance(h) <= room), "")
        if self.shown_hint:
            p.drawText(QRectF(0, 0, self.width() - 12, self.height()),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self.shown_hint)
        p.end()
