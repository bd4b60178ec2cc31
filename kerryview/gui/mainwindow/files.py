"""The file dialogs: which articles to open, and where and in which format to export. They
start in the folder the user last used (settings.LAST_FOLDER) and remember it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from kerryview.export import FORMATS
from kerryview.gui import settings

ARTICLES_FILTER = "Articles (*.txt *.text *.md *.html *.htm);;All files (*)"
DEFAULT_FORMAT = "timelinejs-json"


def last_folder() -> str:
    return settings.LAST_FOLDER.get() or str(Path.home())


def ask_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Open articles", last_folder(), ARTICLES_FILTER)
    if files:
        settings.LAST_FOLDER.set(str(Path(files[0]).parent))
    return files


def ask_folder(parent: QWidget) -> str:
    folder = QFileDialog.getExistingDirectory(parent, "Open a folder of articles", last_folder())
    if folder:
        settings.LAST_FOLDER.set(folder)
    return folder


def ask_export_target(parent: QWidget, name: str = "timeline") -> tuple[str, str] | None:
    """(path, format name), or None if the user cancelled; the filter chosen is the format, else
    the file's suffix says it, and a name without a suffix gets the format's. The file is
    offered as `name` (the project's title, as File > Export as offers its pictures)."""
    filters = {f"{label} (*{suffix})": name for name, (label, suffix) in FORMATS.items()}
    last = settings.EXPORT_FILTER.get() or next(iter(filters))
    start = Path(last_folder()) / (name + FORMATS[filters.get(last, DEFAULT_FORMAT)][1])
    path, chosen = QFileDialog.getSaveFileName(parent, "Export timeline", str(start),
                                               ";;".join(filters), last if last in filters else "")
    if not path:
        return None
    fmt = filters.get(chosen) or next((n for n, (_, suffix) in FORMATS.items()
                                       if path.lower().endswith(suffix)), DEFAULT_FORMAT)
    if not Path(path).suffix:
        path += FORMATS[fmt][1]
    settings.EXPORT_FILTER.set(chosen)
    settings.LAST_FOLDER.set(str(Path(path).parent))
    return path, fmt
