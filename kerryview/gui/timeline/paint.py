"""Drawing one frame of the timeline with QPainter: axis rows, lanes, events, badges, marks.

layout.py decided what goes where; this module only draws it, in the colours and fonts of
gui/theme.py. The shapes (draw_marker, draw_body, draw_badge) are shared with the legend, so
the legend shows exactly what the timeline draws. Painting is hot (a frame at every wheel
step, benchmarks/timeline_paint.py), so label widths and elided labels are measured once per
row and cached in LabelMetrics.
"""
from __future__ import annotations

import math
import time
from array import array
from functools import partial

from typing import Callable, Hashable, Iterator

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (QBrush, QPaintEngine, QColor, QImage, QLinearGradient, QPainter, QPainterPath,
                           QPen)

from kerryview.gui import theme
from kerryview.gui.theme import TimelineFonts
from kerryview.gui.timeline.index import BAR, POINT, RANGE, TimelineIndex
from kerryview.gui.timeline.layout import (AXIS_H, BOTTOM_H, CONTEXT_H, LABEL_MAX, LANE_H,
                                           LANE_TOP, MARK_PAD, TICK_H, Frame, Item, badge_text,
                                           is_wide, mark_left, mark_text, n_lanes, overlay_item,
                                           overview_notes, tag_text)
from kerryview.gui.timeline.view import TimelineView

OFF_VIEW_PX = 60.0  # how far past the view a span is drawn (its fade is at most 40 px)
LOD_AHEAD_LEVELS = 7  # the levels of detail measured ahead first (up to 64 * 2**6 = 4,096 events)
ELIDED_CACHE = 20000  # elided labels kept (per row, width in steps of 4 px, bold or not)
ATLAS_PX = 2048  # the sheet of pictures: 2048 x 2048 device pixels (16 MB)
BAR_CAP = 6  # pixels of each end of a bar drawn from its picture (corners, the start's edge)
BAR_MARGIN = 1  # around a bar's picture, for its pen
MARKER_PX = 24  # the square a marker's picture is drawn in (its glow when selected: 20 px)
KEY_PIN_W, KEY_PIN_H = 7.0, 5.0  # the triangle under a key day, hanging from the axis rule
# A label its lane cuts to fewer characters than this ("The i…": a range's label pinned to the
# view's left edge in what is left of the room packed for it) tells nothing and looks like a
# glitch: the event's mark is drawn without it (its tooltip and the passages panel name it). At
# the view's right edge a cut label stays (the user pans to read the rest) unless it is a stub.
MIN_ELIDED_CHARS = 12
# At the right edge a label is kept to this many characters at least ("Deepw…" tells the
# user there is more to pan to; "A …" and "Fis…" read as glitches).
MIN_EDGE_CHARS = 4


def _dpr(p: QPainter) -> float:
    device = p.device()
    return device.devicePixelRatioF() if device is not None else 1.0


_VECTOR_ENGINES = frozenset({QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf, QPaintEngine.Type.Picture})


def _vector(p: QPainter) -> bool:
    """Painting an SVG or PDF (exports): pictures from the sprite sheet would turn its text and
    lines into pixels, so everything is drawn in place."""
    engine = p.paintEngine()
    return engine is not None and engine.type() in _VECTOR_ENGINES


class Sprites:
    """Small pictures drawn once and copied in later frames: an event's label with its badges,
    a "+n" mark, a tick label, a bar's ends. Drawing text costs 10-20 us a call and a rounded
    pill 5 us; copying a picture about 3 us, so a frame that shows what the last one showed (a
    drag, a zoom inside a level) is mostly copies.

    The pictures share one sheet (an atlas, filled row by row), drawn on by one painter kept
    open until the frame ends (end_frame): a picture of its own would cost a QPainter set up
    and torn down each, 4x the cost of drawing the thing, which a jump showing 200 new labels
    would pay at once. When the sheet is full it is emptied and filled again. Positions are
    rounded to whole device pixels when copied."""

    def __init__(self, size: int = ATLAS_PX) -> None:
        self.size = size
        self._sheet: QImage | None = None
        self._painter: QPainter | None = None
        self._dpr = 1.0
        self._cells: dict[Hashable, QRect] = {}
        self._copies: dict[Hashable, tuple[QRectF, float, float]] = {}  # (source, w, h) of each
        self._x = self._y = self._row_h = 0  # where the next picture goes, in device pixels
        self._restarted = False  # the sheet was emptied during this frame
        # (painter, device pixel ratio, vector?) of this frame's painter, asked once a frame (a
        # call into Qt each costs more than copying a small picture)
        self._target: tuple[QPainter, float, bool] | None = None

    def clear(self) -> None:
        self.end_frame()
        self._cells.clear()
        self._copies.clear()
        self._x = self._y = self._row_h = 0
        if self._sheet is not None:
            self._sheet.fill(Qt.GlobalColor.transparent)

    def __len__(self) -> int:
        return len(self._cells)

    def __del__(self) -> None:  # a QImage dropped while a painter is open on it crashes Qt
        self.end_frame()

    @property
    def bytes(self) -> int:
        return 0 if self._sheet is None else self.size * self.size * 4

    def end_frame(self) -> None:
        """Close the sheet's painter (pictures made this frame are kept)."""
        self._target = None
        self._restarted = False
        if self._painter is not None:
            self._painter.end()
            self._painter = None

    def draw(self, p: QPainter, x: float, y: float, key: Hashable, w: float, h: float,
             paint: Callable[[QPainter], None]) -> None:
        """Copy the picture `key` (w x h, drawn by `paint` at the origin the first time) to
        (x, y)."""
        t = self._target
        if t is None or t[0] is not p:
            t = self._target = (p, _dpr(p), _vector(p))
        dpr = t[1]
        # a picture on the sheet already (most of them, most frames): a look-up and a copy
        copy = self._copies.get(key) if dpr == self._dpr and not t[2] else None
        if copy is not None:
            src, cw, ch = copy
            p.drawImage(QRectF(round(x * dpr) / dpr, round(y * dpr) / dpr, cw, ch), self._sheet,
                        src)
            return
        vector = t[2]
        at = QPointF(round(x * dpr) / dpr, round(y * dpr) / dpr)
        cell = None if vector else self._cell(key, w, h, paint, dpr)
        if cell is None:  # larger than the sheet, more than it holds, or an SVG/PDF page whose
            # text must stay text: drawn in place
            p.save()
            p.translate(at)
            paint(p)
            p.restore()
            return
        p.drawImage(QRectF(at.x(), at.y(), cell.width() / dpr, cell.height() / dpr),
                    self._sheet, QRectF(cell))

    def _cell(self, key: Hashable, w: float, h: float, paint: Callable[[QPainter], None],
              dpr: float) -> QRect | None:
        if dpr != self._dpr:
            self.clear()
            self._dpr = dpr
        cell = self._cells.get(key)
        if cell is not None:
            return cell
        pw, ph = max(1, math.ceil(w * dpr)), max(1, math.ceil(h * dpr))
        if pw > self.size or ph > self.size:
            return None
        if self._x + pw > self.size:  # next row
            self._x, self._y, self._row_h = 0, self._y + self._row_h, 0
        if self._y + ph > self.size:  # the sheet is full: start again, once a frame
            if self._restarted:  # this frame shows more than a sheet holds: draw the rest
                return None
            self.clear()
            self._restarted = True
        if self._sheet is None:
            self._sheet = QImage(self.size, self.size, QImage.Format.Format_ARGB32_Premultiplied)
            self._sheet.fill(Qt.GlobalColor.transparent)
        if self._painter is None:
            self._painter = QPainter(self._sheet)
            self._painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        cell = QRect(self._x, self._y, pw, ph)
        q = self._painter
        q.save()
        q.setClipRect(cell)
        q.translate(cell.x(), cell.y())
        q.scale(dpr, dpr)
        paint(q)
        q.restore()
        self._x += pw + 1
        self._row_h = max(self._row_h, ph + 1)
        self._cells[key] = cell
        self._copies[key] = (QRectF(cell), cell.width() / dpr, cell.height() / dpr)
        return cell

    def draw_bar(self, p: QPainter, r: QRectF, width: float, key: Hashable,
                 paint: Callable[[QPainter, QRectF], None]) -> bool:
        """Draw a horizontal bar whose middle is the same in every column (a span's body) as
        its two ends and its middle column stretched, from a picture of the bar BAR_CAP * 2 + 1
        wide drawn once by `paint(q, rect)`; only the part on screen (`width`) is stretched.
        False (nothing drawn) when the bar is too short to be cut so."""
        left, right = round(r.left()), round(r.right())
        if right - left < 2 * BAR_CAP + 1 or _vector(p):
            return False
        h = r.height()
        cap, m = BAR_CAP, BAR_MARGIN
        dpr = _dpr(p)
        cell = self._cell((key, h), 2 * (cap + m) + 1, h + 2 * m,
                          lambda q: paint(q, QRectF(m, m, 2 * cap + 1, h)), dpr)
        if cell is None:
            return False
        sx, sy = cell.x(), cell.y()
        top = r.top() - m
        th = h + 2 * m
        sh = th * dpr
        # the sheet's coordinates are device pixels
        p.drawImage(QRectF(left - m, top, cap + m, th), self._sheet,
                    QRectF(sx, sy, (cap + m) * dpr, sh))
        a, b = max(left + cap, -2), min(right - cap, width + 2)
        if b > a:
            p.drawImage(QRectF(a, top, b - a, th), self._sheet,
                        QRectF(sx + (cap + m) * dpr, sy, 1, sh))
        p.drawImage(QRectF(right - cap, top, cap + m, th), self._sheet,
                    QRectF(sx + (cap + m + 1) * dpr, sy, (cap + m) * dpr, sh))
        return True


class LabelMetrics:
    """How wide each event's label is in the timeline's fonts (for lane packing) and its text
    elided to a width, cached per row of the current index."""

    def __init__(self, fonts: TimelineFonts) -> None:
        self.fonts = fonts
        self.index = TimelineIndex([])
        self.widths = array("f")  # label + badges, per row; -1 until measured
        self._extras = array("d")  # badge + tag, per row; -1 until measured
        self.elided: dict[tuple, str] = {}
        self._full_w: dict[tuple[int, bool], float] = {}  # (row, bold): the whole label's width
        self._small_w: dict[str, float] = {}  # badge, tag and tick texts: few distinct strings
        self.sprites = Sprites()
        self._ahead: Iterator[int] | None = None  # rows left to measure ahead of need
        self.ahead_from = -1  # the row measure_ahead_from started from

    def reset(self, index: TimelineIndex) -> None:
        self.index = index
        self.widths = array("f", [-1.0]) * len(index)
        self._extras = array("d", [-1.0]) * len(index)
        self.elided.clear()
        self._full_w.clear()
        self.sprites.clear()  # label pictures are kept per row
        self._ahead = None

    def measure_ahead_from(self, row: int) -> None:
        """Measure every label ahead of need (measure_some): the most important events first,
        then the rows nearest `row`: a layout then never waits for thousands of font
        measurements (the first visit to a zoom level, a jump)."""
        n = len(self.index)
        self.ahead_from = row

        def nearest_first() -> Iterator[int]:
            # first the events an overview may show anywhere (the coarse levels of detail:
            # their labels are packed at every zoom-out and every jump), then by distance;
            # the levels only when an overview or a worker worked them out: an index made on
            # the GUI thread (an edit) pays for them only when zoomed out (lod_levels)
            if self.index.lod_built():
                for _starts, rows in self.index.lod_levels()[:LOD_AHEAD_LEVELS]:
                    yield from rows
            lo, hi = row - 1, max(row, 0)
            while lo >= 0 or hi < n:
                if hi < n:
                    yield hi
                    hi += 1
                if lo >= 0:
                    yield lo
                    lo -= 1
        self._ahead = nearest_first()

    def measuring_ahead(self) -> bool:
        return self._ahead is not None

    def measure_some(self, seconds: float) -> bool:
        """Measure labels ahead for about `seconds`; False once every label is measured."""
        if self._ahead is None:
            return False
        end = time.perf_counter() + seconds
        label_px, widths = self.label_px, self.widths
        for i, r in enumerate(self._ahead, 1):
            if widths[r] < 0:
                label_px(r)
            if i % 32 == 0 and time.perf_counter() > end:
                return True
        self._ahead = None
        return False

    def small_w(self, text: str) -> float:
        """Width of a badge or tag text in the small font (few distinct texts: cached)."""
        w = self._small_w.get(text)
        if w is None:
            w = self._small_w[text] = self.fonts.fm_small.horizontalAdvance(text)
        return w

    def extras_w(self, row: int) -> float:
        """The sources badge and the status tag after a label (measured once per row: the
        painter asks for every event at every frame)."""
        w = self._extras[row]
        if w < 0:
            w = self.small_w(badge_text(self.index, row)) + 12
            tag = tag_text(self.index, row)
            if tag:
                w += self.small_w(tag) + 14
            self._extras[row] = w
        return w

    def label_min(self, row: int) -> float:
        """label_px when measured, else at most it without measuring the label: the badge and
        the tag alone (pack_lanes leaves out unmeasured what has no room even for that)."""
        w = self.widths[row]
        return w if w >= 0 else self.extras_w(row)

    def label_px(self, row: int) -> float:
        w = self.widths[row]
        if w < 0:
            w = min(self.fonts.fm_bold.horizontalAdvance(self.index.labels[row]), LABEL_MAX)
            w += self.extras_w(row)
            self.widths[row] = w
        return w

    def elide(self, row: int, width: float, bold: bool) -> str:
        return self.elide_w(row, width, bold)[0]

    def elide_w(self, row: int, width: float, bold: bool) -> tuple[str, float]:
        """The label of `row` elided to `width` (in steps of 4 px), and its width."""
        full = self._full_w.get((row, bold))
        if full is None:  # a label that fits is most labels: one measurement, any width
            fm = self.fonts.fm_bold if bold else self.fonts.fm
            full = self._full_w[(row, bold)] = fm.horizontalAdvance(self.index.labels[row])
        if full <= width:
            return self.index.labels[row], full
        key = (row, int(width) >> 2, bold)
        got = self.elided.get(key)
        if got is None:
            if len(self.elided) > ELIDED_CACHE:
                self.elided.clear()
            fm = self.fonts.fm_bold if bold else self.fonts.fm
            label = self.index.labels[row]
            text = at_a_word(label, fm.elidedText(label, Qt.TextElideMode.ElideRight,
                                                  max(0.0, (int(width) >> 2) * 4.0)))
            got = self.elided[key] = (text, fm.horizontalAdvance(text))
        return got


def at_a_word(label: str, elided: str) -> str:
    """`elided` (Qt's cut of `label`, ending in "…") cut back to the end of its last whole word
    when Qt cut inside one ("… came amid dis…" -> "… came amid…"), as an editor shortens a
    line; a cut that would keep fewer than MIN_ELIDED_CHARS characters stays as it is, but for
    a cut inside a number ("BP captured 2,2…", "rises to 150,…" -> "BP captured…", "rises
    to…"), which would misquote it: a label starting with the number cut is left as "…" (the
    painter then draws its event's mark alone)."""
    if elided == label or not elided.endswith("…"):
        return elided
    kept = elided[:-1]
    if kept.endswith(" ") and len(kept.rstrip(" ,;:–—-")) >= MIN_ELIDED_CHARS:
        return kept.rstrip(" ,;:–—-") + "…"  # "Birds have been found …": cut after a space
    digits = kept.rstrip(",.")  # "150,…" and "1.…" are cut numbers too
    after = label[len(digits):len(digits) + 2]
    if digits[-1:].isdigit() and (after[:1].isdigit()
                                  or after[:1] in ",." and after[1:].isdigit()):
        # inside a number ("captured 2,2…" of 2,200 reads as 2.2 of something): never cut
        head = digits.rsplit(" ", 1)[0].rstrip(" ,;:–—-") if " " in digits else ""
        return head + "…"
    after = label[len(kept):len(kept) + 2]
    if not kept or not after[:1].isalnum() or not kept[-1].isalnum():
        return elided  # Qt cut between words (or kept nothing)
    head = kept.rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return head + "…" if " " in kept and len(head) >= MIN_ELIDED_CHARS else elided


class FramePainter:
    """Paints a Frame of one widget; `paint` is called from the widget's paintEvent."""

    def __init__(self, fonts: TimelineFonts, labels: LabelMetrics) -> None:
        self.fonts = fonts
        self.labels = labels
        self.index = labels.index
        self.view = TimelineView()
        self.current = -1
        self.chosen: set[int] = set()
        self.width = 0
        self.height = 0
        self.matched: bytearray | None = None
        self.match_starts = array("d")
        self.hover_mark = -1  # the "+n" mark under the pointer (drawn as a pressed-in button)
        # pixels of the tick row covered at its left and right ends (the "◀ n earlier" and
        # "n later ▶" buttons, edges.py): no tick label there, half of one peeking out
        self.axis_covered = (0.0, 0.0)
        self.drawn: list[tuple[int, str]] = []  # (row, label text) drawn in the last frame
        self.note = ""  # the overview's note drawn in the last frame
        self.note_rect = QRectF()  # and where

    def paint(self, p: QPainter, fr: Frame, *, index: TimelineIndex, view: TimelineView,
              current: int, width: int, height: int, focus: bool,
              empty_text: tuple[str, str], matched: bytearray | None = None,
              match_starts: array | None = None, chosen: set[int] | None = None,
              key_days: list[tuple[float, float]] | None = None,
              rows: tuple[float, float] | None = None) -> None:
        """`matched` (a flag per row) while a search is active: matches are highlighted, the
        other events dimmed; `match_starts` are the matches' starts, sorted;
        `key_days` the key dates' days (start, end), marked on the day axis.

        `rows` (top, bottom): only these pixel rows need painting (the paint event's region;
        None: all). The lanes and the "+n" marks are drawn only when they meet them: the tick
        row is painted again, on its own, under the edge buttons (edges.py, child widgets
        that are not opaque) each time their counts change, which was every frame of a drag;
        what lies outside the rows would be clipped anyway. What the last paint drew
        (drawnLabels, the overview's note) is kept from the paint that drew it."""
        self.index, self.view, self.current = index, view, current
        self.chosen = chosen or set()  # a selection of several events, drawn as selected
        self.width, self.height = width, height
        self.matched = matched
        self.match_starts = match_starts if match_starts is not None else array("d")
        top, bottom = (0.0, float(height)) if rows is None else rows
        lanes = fr.mode != "empty" and bottom > LANE_TOP and top < height
        note = fr.mode == "overview" and top < CONTEXT_H
        if lanes:
            self.drawn = []
        if note or fr.mode != "overview":
            self.note, self.note_rect = "", QRectF()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        try:
            p.fillRect(QRect(0, 0, width, height), theme.BG)
            self._paint_lanes_bg(p)
            self._paint_axis(p, fr)
            if key_days:
                self._paint_key_days(p, key_days)
            if fr.mode == "empty":
                self._paint_empty(p, empty_text)
            elif lanes:
                self._paint_items(p, fr)
            if note:
                self._paint_overview_note(p, fr)
            if fr.overflow and bottom > height - BOTTOM_H:
                self._paint_overflow(p, fr)
            it = overlay_item(fr, index, current, view, width, QRectF) if lanes else None
            if it is not None:
                self._paint_item(p, it, overlay=True)
            if focus:
                p.setPen(QPen(theme.FOCUS_RING, 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(0, 0, width, height).adjusted(1, 1, -1, -1))
        finally:
            self.labels.sprites.end_frame()  # pictures made in this frame stay

    def _paint_lanes_bg(self, p: QPainter) -> None:
        w = self.width
        for lane in range(n_lanes(self.height)):
            if lane % 2:
                p.fillRect(QRectF(0, LANE_TOP + lane * LANE_H, w, LANE_H), theme.LANE_ALT)

    def _paint_axis(self, p: QPainter, fr: Frame) -> None:
        w, h = self.width, self.height
        sprites = self.labels.sprites
        # context row: alternating bands, label pinned to the left edge while its period lasts
        for band in fr.bands:
            xa, xb, lx, tw = band.xa, band.xb, band.lx, band.tw
            p.fillRect(QRectF(max(xa, -1), 0, min(xb, w + 1) - max(xa, -1), CONTEXT_H),
                       theme.CONTEXT_BG[band.i % 2])
            # a period starting too near the right edge for its name goes unnamed: cut there,
            # "October 2010" read "October 20" (a day); its ticks name its days
            if lx + tw > 0 and lx + tw <= w:
                sprites.draw(p, lx, 0, ("context", band.label), tw + 2, CONTEXT_H,
                             partial(self._draw_axis_label, self.fonts.context, theme.CONTEXT_FG,
                                     band.label, tw, CONTEXT_H))
            if 0 <= xa <= w:
                p.setPen(QPen(theme.GRID_MAJOR, 1))
                p.drawLine(QPointF(xa, 0), QPointF(xa, h))
        # tick row
        p.fillRect(QRectF(0, CONTEXT_H, w, TICK_H), theme.TICK_ROW_BG)
        p.setPen(QPen(theme.AXIS_RULE, 1))
        p.drawLine(QPointF(0, AXIS_H - 0.5), QPointF(w, AXIS_H - 0.5))
        grid_pen = QPen(theme.GRID, 1)
        left, right = self.axis_covered
        right = w - right
        for x, grid, lab, lx, tw in fr.tick_marks:
            if grid:
                p.setPen(grid_pen)
                p.drawLine(QPointF(x, CONTEXT_H + TICK_H - 6), QPointF(x, h))
            if lx + tw < 0 or (left and lx < left) or lx + tw > right:
                continue
            sprites.draw(p, lx, CONTEXT_H, ("tick", lab), tw + 2, TICK_H,
                         partial(self._draw_axis_label, self.fonts.small, theme.TICK_FG, lab, tw,
                                 TICK_H))

    def _paint_key_days(self, p: QPainter, days: list[tuple[float, float]]) -> None:
        """A small pin hanging from the axis rule under each key day, in the gap above the
        first lane (the "◀ n earlier" buttons cover the tick row's ends, not this), and a line
        on the rule along the day when it is wide enough; a few shapes a frame (at most 50)."""
        w, view = self.width, self.view
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.KEY_DAY)
        for a, b in days:
            x0, x1 = view.x(a), view.x(b)
            if x1 < -KEY_PIN_W or x0 > w + KEY_PIN_W:
                continue
            if x1 - x0 >= 2 * KEY_PIN_W:
                p.drawRect(QRectF(x0, AXIS_H - 2, x1 - x0, 2))
            draw_key_pin(p, (x0 + x1) / 2, AXIS_H + KEY_PIN_H)
        p.setBrush(Qt.BrushStyle.NoBrush)

    @staticmethod
    def _draw_axis_label(font, colour: QColor, text: str, tw: float, h: float,
                         q: QPainter) -> None:
        q.setFont(font)
        q.setPen(colour)
        q.drawText(QRectF(0, 0, tw + 2, h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)

    def _paint_empty(self, p: QPainter, empty_text: tuple[str, str]) -> None:
        title, detail = empty_text
        r = QRectF(0, LANE_TOP, self.width, self.height - LANE_TOP)
        p.setFont(self.fonts.empty_title)
        p.setPen(theme.BODY_FG)
        p.drawText(r.adjusted(0, 0, 0, -r.height() / 2 + 4),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, title)
        p.setFont(self.fonts.label)
        p.setPen(theme.HINT_FG)
        p.drawText(r.adjusted(0, r.height() / 2 + 8, 0, 0),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, detail)

    def _paint_overview_note(self, p: QPainter, fr: Frame) -> None:
        """In an overview, the context row says at its right end that only the most important
        events are labelled ("The 24 most important of 3,025 events here · zoom in for
        more"), so nobody reads the lanes as the whole story: in the longest words that fit
        between the context periods' names, as far right as they fit."""
        w = self.width
        labelled = {r for r, _text in self.drawn}
        # labelled and in view (Frame.in_view: starting in it or going on from before it)
        shown = sum(1 for it in fr.items
                    if it.row in labelled and it.x0 <= w and (it.x0 >= 0 or it.x1 > 0))
        # the gaps between the context labels, rightmost first: (left, right)
        gaps, left = [], 0.0
        for b in sorted(fr.bands, key=lambda b: b.lx):
            gaps.append((left, b.lx - 12))
            left = max(left, b.lx + b.tw + 12)
        gaps.append((left, w - 10))
        gaps.reverse()
        for text in overview_notes(shown, fr.in_view):
            tw = self.labels.small_w(text)
            x = next((b - tw for a, b in gaps if b - a >= tw), None)
            if x is None:
                continue
            self.note, self.note_rect = text, QRectF(x, 0, tw, CONTEXT_H)
            self.labels.sprites.draw(p, x, 0, ("note", text), tw + 2, CONTEXT_H,
                                     partial(self._draw_axis_label, self.fonts.small,
                                             theme.HINT_FG, text, tw, CONTEXT_H))
            return

    def _paint_overflow(self, p: QPainter, fr: Frame) -> None:
        """The "+n" marks, drawn as buttons: a raised pill with a shadow, highlighted under the
        pointer (a click zooms into what it holds); each look drawn once on the sprite sheet."""
        hits = fr.overflow_matched
        sprites = self.labels.sprites
        for i, (a, b, n, rect) in enumerate(fr.overflow):
            text = mark_text(n)
            tw = self.labels.small_w(text) + MARK_PAD
            x = mark_left(rect.center().x(), tw, self.width)
            h = rect.height() - 4
            look = ("matched" if i < len(hits) and hits[i]  # holds matches of the search
                    else "hover" if i == self.hover_mark else "plain")

            def draw_mark(q: QPainter, text=text, tw=tw, h=h, look=look) -> None:
                q.setFont(self.fonts.small)
                r = QRectF(1, 1, tw, h)
                q.setPen(Qt.PenStyle.NoPen)
                q.setBrush(theme.MARK_BUTTON_SHADOW)
                q.drawRoundedRect(r.translated(0, 1.5), 6, 6)
                if look == "matched":
                    q.setPen(QPen(theme.MATCH, 2))
                    q.setBrush(theme.MATCH_BG)
                elif look == "hover":
                    q.setPen(QPen(theme.MARK_BUTTON_HOVER_EDGE, 1.5))
                    q.setBrush(theme.MARK_BUTTON_HOVER)
                else:
                    q.setPen(QPen(theme.MARK_BUTTON_EDGE, 1))
                    q.setBrush(theme.BG)
                q.drawRoundedRect(r, 6, 6)
                q.setPen(theme.CLUSTER_FG)
                q.drawText(r, Qt.AlignmentFlag.AlignCenter, text)

            sprites.draw(p, x - 1, rect.y(), ("more", text, tw, h, look), tw + 2, h + 4,
                         draw_mark)

    def _paint_items(self, p: QPainter, fr: Frame) -> None:
        kinds = self.index.kinds
        matched = self.matched
        if matched is None:
            front: list[Item] = []
            back = fr.items
        else:
            # while finding: the other events, a veil over them (one fill dims them all, far
            # cheaper than painting each at an opacity), then the matches and the selection
            front = [it for it in fr.items if matched[it.row] or it.row == self.current]
            back = [it for it in fr.items if not matched[it.row] and it.row != self.current]
        for layer in (back, front):
            # vague ranges first so that points and bars stay on top
            for it in layer:
                if kinds[it.row] == RANGE:
                    self._paint_item(p, it)
            for it in layer:
                if kinds[it.row] != RANGE:
                    self._paint_item(p, it)
            if layer is back and matched is not None:
                p.fillRect(QRectF(0, LANE_TOP, self.width, self.height - LANE_TOP),
                           theme.DIM_VEIL)

    def _paint_item(self, p: QPainter, it: Item, overlay: bool = False) -> None:
        idx = self.index
        fonts = self.fonts
        r = it.row
        kind = idx.kinds[r]
        sched = bool(idx.scheduled[r])
        selected = r == self.current or r in self.chosen
        top = LANE_TOP + it.lane * LANE_H
        x0, x1 = it.x0, it.x1
        wide = is_wide(kind, x0, x1)
        colour = mark_colour(kind, sched)
        extras = self.labels.extras_w(r)
        dismissed = idx.dismissed[r]
        matched = self.matched
        if matched is not None and matched[r]:
            self._paint_match_backing(p, it, kind, top)
        if dismissed:
            p.setOpacity(0.35)
        text_h = LANE_H
        # a span is drawn only as far as it can be seen (+ OFF_VIEW_PX, where its ends and
        # fades stay out of sight): a year's dashed outline at day zoom is millions of pixels,
        # which a PDF page wrote out dash by dash (megabytes a page)
        bx0, bx1 = max(x0, -OFF_VIEW_PX), min(x1, self.width + OFF_VIEW_PX)
        if wide and kind != RANGE:
            # a span: a slim bar along the bottom of the lane, the label above it
            body = QRectF(bx0, top + LANE_H - 9, bx1 - bx0, 6)
            if sched or selected or not self.labels.sprites.draw_bar(
                    p, body, self.width, ("bar", kind),
                    lambda q, r: draw_body(q, kind, False, r, False)):
                draw_body(p, kind, sched, body, selected)
            label_x = max(x0, 0.0) + 6
            text_h = LANE_H - 8
        elif wide:
            draw_body(p, kind, sched, QRectF(bx0, top + 3, bx1 - bx0, LANE_H - 6), selected)
            label_x = max(x0, 0.0) + 8
        else:
            cx = (x0 + x1) / 2
            if dismissed:  # (drawn at an opacity: a picture would be copied whole)
                draw_marker(p, kind, sched, QPointF(cx, top + LANE_H / 2), selected)
            else:  # a picture of each look, copied (drawing a circle costs twice as much)
                self.labels.sprites.draw(
                    p, cx - MARKER_PX / 2, top + LANE_H / 2 - MARKER_PX / 2,
                    ("marker", kind, sched, selected), MARKER_PX, MARKER_PX,
                    partial(_draw_marker_at_centre, kind, sched, selected))
            label_x = cx + 9
        if dismissed:
            p.setOpacity(1.0)
        label_x = max(label_x, 4.0)  # a label whose event starts off-screen stays readable
        # elided at the widget's right edge too: never clipped text
        avail = min(it.right, self.width - 6) - label_x - extras
        if avail < 24:
            return
        text, tw = self.labels.elide_w(r, avail, selected)
        if text != idx.labels[r]:
            kept = len(text.rstrip("…").rstrip())
            if kept < MIN_ELIDED_CHARS and it.right <= self.width - 6:
                return  # squeezed by its neighbour, not by the edge the user can pan past
            if kept < MIN_EDGE_CHARS:
                return  # "A …", "Fis…" at the right edge: a stub, not the start of a label
        self.drawn.append((r, text))
        if overlay:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(theme.LABEL_BACKING)
            p.drawRoundedRect(QRectF(label_x - 3, top + 3, tw + extras + 6, text_h - 4), 4, 4)
        # the label, its sources badge and status tag: one picture, drawn once (Sprites)
        text_fg = (theme.DISMISSED if dismissed else theme.TEXT if kind != RANGE or sched
                   else theme.VAGUE_TEXT)
        reviewed, conflicted = bool(idx.reviewed[r]), bool(idx.conflicted[r])
        key = ("label", r, text, selected, bool(dismissed), reviewed, text_h, text_fg.rgba())

        def draw_label(q: QPainter) -> None:
            q.setFont(fonts.bold if selected else fonts.label)
            q.setPen(text_fg)
            q.drawText(QRectF(0, 0, tw + 2, text_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            if dismissed:
                y = text_h / 2 + 1
                q.drawLine(QPointF(0, y), QPointF(tw, y))
            q.setFont(fonts.small)
            bx = tw + 6
            badge = badge_text(idx, r)
            bw = self.labels.small_w(badge) + 8
            cy = text_h / 2
            bg, fg = badge_colours(conflicted, reviewed)
            draw_badge(q, QRectF(bx, cy - 8, bw, 16), badge, bg, fg)
            tag = tag_text(idx, r)
            if tag:
                tgw = self.labels.small_w(tag) + 10
                tr = QRectF(bx + bw + 4, cy - 8, tgw, 16)
                if sched:  # scheduled / expected: dashed, in the colour of what is to come
                    q.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                    q.setBrush(theme.SCHEDULED_FILL)
                    q.drawRoundedRect(tr, 8, 8)
                    q.setPen(theme.SCHEDULED)
                else:  # dated by publication: a quiet outline, the day is the article's
                    q.setPen(QPen(theme.CLUSTER, 1, Qt.PenStyle.DotLine))
                    q.setBrush(theme.BG)
                    q.drawRoundedRect(tr, 8, 8)
                    q.setPen(theme.CLUSTER_FG)
                q.drawText(tr, Qt.AlignmentFlag.AlignCenter, tag)

        self.labels.sprites.draw(p, label_x, top, key, tw + extras + 4, text_h, draw_label)

    def _paint_match_backing(self, p: QPainter, it: Item, kind: int, top: float) -> None:
        """Behind a match: a pill over its mark and label, and a ring on its mark."""
        x0, x1 = it.x0, it.x1
        left = max(min(x0, (x0 + x1) / 2 - 10), -4.0)
        right = min(it.right, self.width - 2.0)
        if right - left < 16:
            right = left + 16
        p.setPen(QPen(theme.MATCH, 1.5))
        p.setBrush(theme.MATCH_BG)
        p.drawRoundedRect(QRectF(left, top + 1.5, right - left, LANE_H - 3), 7, 7)
        if not is_wide(kind, x0, x1):
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(theme.MATCH, 2))
            p.drawEllipse(QPointF((x0 + x1) / 2, top + LANE_H / 2), 8.5, 8.5)


# -- shapes, shared with the legend -------------------------------------------------------------
def mark_colour(kind: int, scheduled: bool) -> QColor:
    return theme.SCHEDULED if scheduled else (theme.VAGUE if kind == RANGE else theme.HAPPENED)


def badge_colours(conflicted: bool, reviewed: bool) -> tuple[QColor, QColor]:
    """(background, text) of the sources badge: disagreement shows over review."""
    if conflicted:
        return theme.CONFLICT_BG, theme.CONFLICT_FG
    if reviewed:
        return theme.REVIEWED_BG, theme.REVIEWED_FG
    return theme.BADGE_BG, theme.BADGE_FG


def draw_badge(p: QPainter, r: QRectF, text: str, bg: QColor, fg: QColor) -> None:
    """A pill with `text` centred in it (the sources badge)."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(r, 8, 8)
    p.setPen(fg)
    p.drawText(r, Qt.AlignmentFlag.AlignCenter, text)


def draw_key_pin(p: QPainter, c: float, bottom: float) -> None:
    """The key-date pin: a small triangle pointing down at column `c`, its tip at `bottom`
    (the painter's brush is theme.KEY_DAY, no pen)."""
    top = bottom - KEY_PIN_H
    p.drawPolygon([QPointF(c - KEY_PIN_W / 2, top), QPointF(c + KEY_PIN_W / 2, top),
                   QPointF(c, bottom)])


def _draw_marker_at_centre(kind: int, scheduled: bool, selected: bool, q: QPainter) -> None:
    """draw_marker in a picture MARKER_PX square (Sprites)."""
    draw_marker(q, kind, scheduled, QPointF(MARKER_PX / 2, MARKER_PX / 2), selected)


def draw_marker(p: QPainter, kind: int, scheduled: bool, c: QPointF, selected: bool) -> None:
    """The mark of an event too short to draw as a span, centred on `c`."""
    colour = mark_colour(kind, scheduled)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.SELECT_GLOW)
        p.drawEllipse(c, 10, 10)
    pen = QPen(theme.SELECT if selected else colour, 2 if selected else 1.6)
    if scheduled:
        pen.setStyle(Qt.PenStyle.DashLine if kind != POINT else Qt.PenStyle.SolidLine)
    p.setPen(pen)
    if kind == RANGE:
        p.setBrush(theme.with_alpha(colour, theme.RANGE_MARK_FILL_ALPHA))
        p.setPen(QPen(theme.with_alpha(colour, theme.RANGE_MARK_EDGE_ALPHA), 1,
                      Qt.PenStyle.DashLine if scheduled else Qt.PenStyle.SolidLine))
        p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 8, 12, 16), 3, 3)
    elif kind == BAR:
        p.setBrush(theme.SCHEDULED_FILL if scheduled else colour)
        p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 4, 12, 8), 2, 2)
    else:
        p.setBrush(theme.HOLLOW if scheduled else colour)
        if scheduled:  # hollow diamond
            path = QPainterPath()
            path.moveTo(c.x(), c.y() - 6)
            path.lineTo(c.x() + 6, c.y())
            path.lineTo(c.x(), c.y() + 6)
            path.lineTo(c.x() - 6, c.y())
            path.closeSubpath()
            p.drawPath(path)
        else:
            p.drawEllipse(c, 5, 5)


def draw_body(p: QPainter, kind: int, scheduled: bool, r: QRectF, selected: bool) -> None:
    """An event wide enough to draw as its span `r`."""
    colour = mark_colour(kind, scheduled)
    if selected:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(theme.SELECT_GLOW)
        p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 6, 6)
    if kind == RANGE:
        # vague date: a soft translucent range fading at both ends
        g = QLinearGradient(r.left(), 0, r.right(), 0)
        base = theme.with_alpha(colour, theme.RANGE_BODY_FILL_ALPHA)
        edge = theme.with_alpha(colour, theme.RANGE_BODY_FADE_ALPHA)
        g.setColorAt(0.0, edge)
        g.setColorAt(min(0.15, 40 / max(r.width(), 1)), base)
        g.setColorAt(max(0.85, 1 - 40 / max(r.width(), 1)), base)
        g.setColorAt(1.0, edge)
        p.setBrush(QBrush(g))
        pen = QPen(theme.with_alpha(colour, theme.RANGE_BODY_EDGE_ALPHA), 1,
                   Qt.PenStyle.DashLine if scheduled else Qt.PenStyle.DotLine)
        if selected:
            pen = QPen(theme.SELECT, 2)
        p.setPen(pen)
        p.drawRoundedRect(r, 4, 4)
        return
    pen = QPen(theme.SELECT if selected else colour, 2 if selected else 1.4)
    if scheduled:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(theme.SCHEDULED_FILL if scheduled else theme.HAPPENED_FILL)
    p.drawRoundedRect(r, 4, 4)
    # a solid left edge marks where it starts
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(QRectF(r.left(), r.top(), min(4.0, r.width()), r.height()), 2, 2)
