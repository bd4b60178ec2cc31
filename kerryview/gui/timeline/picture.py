"""Pictures of the timeline drawn by its own painter (paint.py), so an export looks exactly like
the screen: PNG and SVG of the current view, PDF of the whole timeline over as many pages as it
takes to read every event.

PDF pages: the events in time order are split at their widest gaps until each page's frame
shows every event in a lane (no "+n" marks, no cluster columns), or a page is down to one
event, or MAX_PAGES is reached; each page is framed like "fit all" and headed by the title,
its dates and its number. Files are written through a temporary file and renamed into place
(kerryview.export.write_atomically): a failed export never destroys the previous one.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from kerryview.export import write_atomically
from kerryview.gui import theme
from kerryview.gui.timeline import axis as ta
from kerryview.gui.timeline.layout import LABEL_MAX, Frame, LaneLayouts, compute_frame
from kerryview.gui.timeline.paint import FramePainter
from kerryview.gui.timeline.view import TimelineView, fit_range
from kerryview.gui.timeline.widget import TimelineWidget
from kerryview.text.phrasing import day_words

PNG_SCALE = 2  # pixels per screen pixel: sharp when printed or shown on a high-DPI screen
MAX_PAGES = 60
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
def _page_frame(tl: TimelineWidget, lo: int, hi: int, width: int, height: int) -> tuple[Frame, TimelineView]:
    """The frame of a page showing rows lo..hi-1, framed like "fit all"."""
    idx = tl.index()
    a, b = idx.starts[lo], max(idx.starts[hi - 1], idx.starts[lo])
    if hi - lo == 1 or b - a < ta.DAY:
        b = max(b, min(idx.ends[lo:hi]))
    view = TimelineView()
    view.set_range(*fit_range(a, b, width, LABEL_MAX), width)
    fr = compute_frame(view, width, height, idx, -1, LaneLayouts(), tl._labels.label_px,
                       tl._fonts.fm_small.horizontalAdvance, tl._fonts.fm_context.horizontalAdvance,
                       QRectF)
    return fr, view


def _readable(fr: Frame) -> bool:
    return fr.mode == "detail" and not fr.overflow


def page_ranges(tl: TimelineWidget, width: int, height: int,
                max_pages: int = MAX_PAGES) -> list[tuple[int, int]]:
    """Rows [lo, hi) of each page, in time order: split at the widest gap between events until
    every page is readable (or a page has one event, or there are max_pages)."""
    idx = tl.index()
    n = len(idx)
    if not n:
        return []
    pages = [(0, n)]
    readable: dict[tuple[int, int], bool] = {}  # each page is framed once

    def ok(lo: int, hi: int) -> bool:
        if (lo, hi) not in readable:
            readable[lo, hi] = hi - lo <= 1 or _readable(_page_frame(tl, lo, hi, width, height)[0])
        return readable[lo, hi]

    while len(pages) < max_pages:
        for i, (lo, hi) in enumerate(pages):
            if not ok(lo, hi):
                break
        else:
            break
        starts = idx.starts
        gaps = [(starts[k] - starts[k - 1], k) for k in range(lo + 1, hi)]
        gap, k = max(gaps)
        if gap <= 0:  # every event on one instant: halve
            k = (lo + hi) // 2
        pages[i:i + 1] = [(lo, k), (k, hi)]
    return pages


def save_pdf(tl: TimelineWidget, path: str | Path, title: str) -> int:
    """The whole timeline on A4 landscape pages; returns the number of pages."""
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
        pages = page_ranges(tl, width, height) or [(0, 0)]
        count = len(pages)
        p = QPainter(writer)
        if not p.isActive():
            raise OSError(f"could not write the PDF to {tmp.parent}")
        try:
            for i, (lo, hi) in enumerate(pages):
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
        first = ta.to_datetime(idx.starts[lo])
        last = ta.to_datetime(idx.starts[hi - 1])
        span = day_words(first) if first.date() == last.date() else (
            f"{day_words(first)} – {day_words(last)}")
        what = f"{span} · {hi - lo:,} event{'s' if hi - lo != 1 else ''} · page {number} of {count}"
    else:
        what = "No events"
    p.setPen(theme.HINT_FG)
    p.drawText(QRectF(0, 0, width, HEADER_H - 8),
               Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, what)
    p.save()
    p.translate(0, HEADER_H)
    p.setClipRect(QRectF(0, 0, width, height))
    if hi > lo:
        fr, view = _page_frame(tl, lo, hi, width, height)
        painter = FramePainter(tl._fonts, tl._labels)
        painter.paint(p, fr, index=idx, view=view, current=-1, width=width, height=height,
                      focus=False, empty_text=tl.emptyText())
    p.restore()
