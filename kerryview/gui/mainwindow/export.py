"""File > Export: one entry per kind of file, each asking only where to save it.

The text formats (TimelineJS, calendar, chronology, JSON: kerryview.export, Qt-free) are
written in the background job with progress and Cancel (jobs.ExportJob); the pictures are
drawn by the timeline's own painter (gui/timeline/picture.py) on the spot: the current view as
PNG or SVG, the whole timeline as PDF. Every file goes through a temporary file and a rename.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressDialog

from kerryview.export import FORMATS, ExportCancelled, project_title
from kerryview.gui import settings
from kerryview.gui.mainwindow.files import last_folder
from kerryview.text.phrasing import count_words

if TYPE_CHECKING:
    from kerryview.gui.mainwindow.window import MainWindow


@dataclass(frozen=True)
class Choice:
    fmt: str  # a key of kerryview.export.FORMATS, or a picture: png, svg, pdf
    text: str  # the menu entry
    suffix: str
    filter: str


PICTURES = {
    "png": Choice("png", "Picture of this view (&PNG)…", ".png", "PNG picture (*.png)"),
    "svg": Choice("svg", "Drawing of this view (&SVG)…", ".svg", "SVG drawing (*.svg)"),
    "pdf": Choice("pdf", "Whole timeline (P&DF)…", ".pdf", "PDF document (*.pdf)"),
}
_MENU_TEXT = {"ics": "&Calendar of scheduled events (ICS)…", "md": "Chronology (&Markdown)…",
              "txt": "Chronology (plain &text)…", "timelinejs-json": "Timeline&JS (JSON)…",
              "timelinejs-csv": "TimelineJS spreadsheet (C&SV)…",
              "json": "kerryview &JSON…"}
TEXTS = {k: Choice(k, _MENU_TEXT.get(k, label + "…"), suffix, f"{label} (*{suffix})")
         for k, (label, suffix) in FORMATS.items()}
# The menu, in order; None is a separator.
MENU: list[str | None] = ["png", "svg", "pdf", None, "ics", "md", "txt", None,
                          "timelinejs-json", "timelinejs-csv", "json"]


def choice(fmt: str) -> Choice:
    return PICTURES.get(fmt) or TEXTS[fmt]


def build_export_menu(window: MainWindow) -> tuple[QMenu, dict[str, QAction]]:
    """The "Export as" submenu and its actions by format."""
    menu = QMenu("Export &as", window)
    menu.setAccessibleName("Export as")
    actions: dict[str, QAction] = {}
    for fmt in MENU:
        if fmt is None:
            menu.addSeparator()
            continue
        act = menu.addAction(choice(fmt).text)
        act.triggered.connect(lambda _=False, f=fmt: export_dialog(window, f))
        actions[fmt] = act
    return menu, actions


def default_name(window: MainWindow) -> str:
    return window_title(window).lower().replace(" ", "-") or "timeline"


def window_title(window: MainWindow) -> str:
    """The project's title (kerryview.export.project_title): the exports' title."""
    return project_title(list(window.docs.values()), window.store.path)


def export_dialog(window: MainWindow, fmt: str) -> None:
    """Ask where to save `fmt`, then export."""
    c = choice(fmt)
    start = Path(last_folder()) / (default_name(window) + c.suffix)
    path, _ = QFileDialog.getSaveFileName(window, "Export", str(start), c.filter)
    window.activateWindow()
    if not path:
        return
    if not Path(path).suffix:
        path += c.suffix
    settings.LAST_FOLDER.set(str(Path(path).parent))
    export(window, path, fmt)


def export(window: MainWindow, path: str | Path, fmt: str) -> bool:
    """Export to `path` in `fmt`: a picture at once, a text format in the background
    (window.exportDone(ok) says when it is written)."""
    if fmt not in PICTURES:
        return window.export_to(path, fmt)
    from kerryview.gui.timeline import picture

    title = window_title(window)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        if fmt == "png":
            size = picture.save_png(window.timeline, path)
            what = f"a picture of this view ({size.width()}×{size.height()} pixels)"
        elif fmt == "svg":
            picture.save_svg(window.timeline, path, title)
            what = "a drawing of this view (SVG)"
        else:
            n = _pdf_with_progress(window, path, title)
            what = f"the whole timeline on {count_words(n, 'page')} (PDF)"
    except ExportCancelled:
        QGuiApplication.restoreOverrideCursor()
        window.status.showMessage("Export cancelled: no file was written", 8000)
        window.exportDone.emit(False)
        return False
    except OSError as e:
        QGuiApplication.restoreOverrideCursor()
        window.status.showMessage(f"Could not export: {e.strerror or e}", 15000)
        window.exportDone.emit(False)
        return False
    QGuiApplication.restoreOverrideCursor()
    window.status.showMessage(f"Exported {what} to {path}", 10000)
    window.exportDone.emit(True)
    return True


def _pdf_with_progress(window: MainWindow, path: str | Path, title: str) -> int:
    """The PDF drawn on the spot (the timeline's painter lives in this thread), with a dialog
    that shows each page and can cancel: a big pile takes seconds (10,000 events: 200 pages)."""
    from kerryview.gui.timeline import picture

    dialog = QProgressDialog("Laying out the pages…", "Cancel", 0, 0, window)
    dialog.setWindowTitle("Exporting the whole timeline")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAccessibleName("Export progress")

    def progress(done: int, total: int, text: str) -> None:
        dialog.setLabelText(text)
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    try:
        return picture.save_pdf(window.timeline, path, title, progress, dialog.wasCanceled)
    finally:
        dialog.reset()
        dialog.deleteLater()
