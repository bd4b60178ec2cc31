"""Pictures of the timeline drawn by its own painter (paint.py), so an export looks exactly like
the screen: PNG and SVG of the current view, PDF of the whole timeline over as many pages as it
takes to read every event.

PDF pages: the events in time order, each page taking as many of the next ones as its frame
shows in lanes (not an overview of the most important, at most a tenth in "+n" marks), up to MAX_PAGES (the last one then takes
the rest, drawn as the timeline draws a crowd); each page is framed like "fit all" and headed
by the title, its dates and its number. Files are written through a temporary file and renamed into place
(kerryview.export.write_atomically): a failed export never destroys the previous one.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from kerryview.export import ExportCancelled, Progress, write_atomically
from kerryview.gui import theme
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.layout import LABEL_MAX, Frame, LaneLayouts, compute_frame
from kerryview.gui.timeline.index import TimelineIndex
from kerryview.gui.timeline.paint import FramePainter, LabelMetrics
from kerryview.gui.timeline.view import TimelineView, fit_range
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.text.phrasing import count_words, date_words

PNG_SCALE = 2  # pixels per screen pixel: sharp when printed or shown on a high-DPI screen
MAX_PAGES = 200
PDF_DPI = 96  # the page in screen pixels, so the timeline's fonts and geometry are as on screen
HEADER_H = 34


def _paint_view(tl: TimelineWidget, p: QPainter) -> None:
    """The timeline's current frame, as on screen but without the focus ring."""
    tl._painter.paint(p, tl.frame(), index=tl._index, view=tl._view, current=tl._current,
                      width=tl.width(), height=tl.height(), focus=False,
                      empty_text=tl.emptyText(), matched=tl._matched,
                      match_starts=tl._match_starts)


def view_image(tl: TimelineWidget, scale: int = PNG_SCALE) -> QImage:
    img = QImage(tl.width() * scale, tl.height() * scale, QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(scale)
    img.fill(theme.BG)
    p = QPainter(img)
    try:
        _paint_view(tl, p)
    finally:
        p.end()
    return img


def save_png(tl: TimelineWidget, path: str | Path, scale: int = PNG_SCALE) -> QSize:
    """The current view as a PNG (`scale` x its size on screen); returns the image's size."""
    img = view_image(tl, scale)

    def write(tmp: Path) -> None:
        if not img.save(str(tmp), "PNG"):
            raise OSError(f"could not write the picture to {tmp.parent}")
    write_atomically(path, write)
    return img.size()


def save_svg(tl: TimelineWidget, path: str | Path, title: str) -> None:
    """The current view as an SVG drawing (text stays text)."""
    def write(tmp: Path) -> None:
        gen = QSvgGenerator()
        gen.setFileName(str(tmp))
        gen.setResolution(tl.logicalDpiX())  # fonts in points sized as on screen (default: 72)
        gen.setSize(QSize(tl.width(), tl.height()))
        gen.setViewBox(QRect(0, 0, tl.width(), tl.height()))
        gen.setTitle(title)
        gen.setDescription(f"{title}: timeline drawn by kerryview")
        p = QPainter(gen)
        try:
            _paint_view(tl, p)
        finally:
            p.end()
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise OSError(f"could not write the drawing to {tmp.parent}")
    write_atomically(path, write)


# -- PDF ------------------------------------------------------------------------------------------
@dataclass
class Page:
    """One PDF page: its own index of rows lo..hi-1 (so events of other pages never crowd it
    into an overview), their label widths, and the frame that shows them."""

    index: TimelineIndex
    labels: LabelMetrics
    view: TimelineView
    frame: Frame


def _page(tl: TimelineWidget, lo: int, hi: int, width: int, height: int) -> Page:
    """A page showing rows lo..hi-1, framed like "fit all"."""
    sub = TimelineIndex(tl.index().events[lo:hi])
    labels = LabelMetrics(tl._fonts)
    labels.reset(sub)
    a, b = sub.starts[0], sub.starts[-1]
    if len(sub) == 1 or b - a < ta.DAY:
        b = max(b, min(sub.ends))
    view = TimelineView()
    view.set_range(*fit_range(a, b, width, LABEL_MAX), width)
    fr = compute_frame(view, width, height, sub, -1, LaneLayouts(), labels.label_px,
                       tl._fonts.fm_small.horizontalAdvance, tl._fonts.fm_context.horizontalAdvance,
                       QRectF)
    return Page(sub, labels, view, fr)


def _readable(fr: Frame, n_events: int) -> bool:
    """Every event drawn in a lane, but for a few counted in "+n" marks (a tenth at most):
    long ranges (a year, a season) crossing a crowded page would otherwise cut it down to a
    handful of events and a big pile into hundreds of pages."""
    hidden = sum(n for _a, _b, n, _r in fr.overflow)
    return fr.mode == "detail" and hidden <= n_events // 10


def page_ranges(tl: TimelineWidget, width: int, height: int, max_pages: int = MAX_PAGES,
                report: Callable[[str], None] | None = None) -> list[tuple[int, int]]:
    """Rows [lo, hi) of each page, in time order: each page takes as many of the next events
    as it can show readably (every event in a lane), found by doubling then halving; a page
    holds at least one event, and the last page takes what is left after max_pages - 1."""
    n = len(tl.index())
    pages: list[tuple[int, int]] = []
    lo = 0

    def ok(hi: int) -> bool:
        return hi - lo <= 1 or _readable(_page(tl, lo, hi, width, height).frame, hi - lo)

    while lo < n:
        if report is not None:
            report(f"Laying out page {len(pages) + 1} (from event {lo + 1:,} of {n:,})…")
        if len(pages) == max_pages - 1:
            pages.append((lo, n))
            break
        good, step = lo + 1, 1
        while good < n and ok(min(n, lo + 2 * step)):
            good, step = min(n, lo + 2 * step), step * 2
        bad = min(n, lo + 2 * step) + 1 if good < n else n + 1
        while bad - good > 1:  # good is readable, bad is not (or past the end)
            mid = (good + bad) // 2
            if ok(mid):
                good = mid
            else:
                bad = mid
        pages.append((lo, good))
        lo = good
    return pages


def save_pdf(tl: TimelineWidget, path: str | Path, title: str,
             progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """The whole timeline on A4 landscape pages; returns the number of pages. `progress(done,
    total, text)` is told of every page laid out and drawn, and `cancelled()` asked then
    (ExportCancelled: nothing is written, a previous file stays)."""
    def step(text: str, done: int = 0, total: int = 0) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        if progress is not None:
            progress(done, total, text)

    def write(tmp: Path) -> None:
        nonlocal count
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setTitle(title)
        writer.setCreator("kerryview")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Landscape,
                                         QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
        rect = writer.pageLayout().paintRectPixels(PDF_DPI)
        width, height = rect.width(), rect.height() - HEADER_H
        pages = page_ranges(tl, width, height, report=step) or [(0, 0)]
        count = len(pages)
        p = QPainter(writer)
        if not p.isActive():
            raise OSError(f"could not write the PDF to {tmp.parent}")
        try:
            for i, (lo, hi) in enumerate(pages):
                step(f"Drawing page {i + 1} of {count}…", i, count)
                if i:
                    writer.newPage()
                _paint_page(tl, p, lo, hi, width, height, title, i + 1, count)
        finally:
            p.end()
    count = 0
    write_atomically(path, write)
    return count


def _paint_page(tl: TimelineWidget, p: QPainter, lo: int, hi: int, width: int, height: int,
                title: str, number: int, count: int) -> None:
    idx = tl.index()
    p.fillRect(QRectF(0, 0, width, height + HEADER_H), theme.BG)
    p.setPen(theme.BODY_FG)
    p.setFont(tl._fonts.bold)
    p.drawText(QRectF(0, 0, width, HEADER_H - 8),
               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    p.setFont(tl._fonts.label)
    if hi > lo:
        first, last = date_words(idx.events[lo]), date_words(idx.events[hi - 1])
        span = first if first == last else f"{first} – {last}"
        what = f"{span} · {count_words(hi - lo, 'event')} · page {number} of {count}"
    else:
        what = "No events"
    p.setPen(theme.HINT_FG)
    p.drawText(QRectF(0, 0, width, HEADER_H - 8),
               Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, what)
    p.save()
    p.translate(0, HEADER_H)
    p.setClipRect(QRectF(0, 0, width, height))
    if hi > lo:
        page = _page(tl, lo, hi, width, height)
        painter = FramePainter(tl._fonts, page.labels)
        painter.paint(p, page.frame, index=page.index, view=page.view, current=-1, width=width,
                      height=height, focus=False, empty_text=tl.emptyText())
    p.restore()
