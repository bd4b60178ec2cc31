"""Every remembered setting of the app, declared once: key, type, default and what it is for.

The rest of the GUI reads and writes settings only through these options (`LAST_FOLDER.get()`,
`GEOMETRY.set(...)`), never through QSettings keys of its own, so a key is spelled in one place
and a value read back always has the declared type (an INI file hands back strings).
Where the file lives can be redirected (`use_folder`) so that tests, the self-test and the
screenshot script never touch the user's settings.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, int, bool, QByteArray)

ORGANIZATION = APPLICATION = "kerryview"


def _qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def use_folder(folder: str | Path) -> None:
    """Keep settings in `folder` from now on (per process), not in the user's config folder."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def sync() -> None:
    """Write pending changes to disk now (QSettings otherwise writes them later)."""
    _qsettings().sync()


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T
    doc: str

    def get(self) -> T:
        """The stored value as `type`; the default when missing or not readable as `type`."""
        raw = _qsettings().value(self.key)
        if raw is None:
            return self.default
        if isinstance(raw, self.type) and not (self.type is int and isinstance(raw, bool)):
            return raw
        if self.type is bool and isinstance(raw, str) and raw.lower() in ("true", "false"):
            return raw.lower() == "true"  # type: ignore[return-value]
        if self.type is int:
            try:
                return int(raw)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return self.default
        if self.type is str and isinstance(raw, (int, float)):
            return str(raw)  # type: ignore[return-value]
        return self.default

    def set(self, value: T) -> None:
        if not isinstance(value, self.type):
            raise TypeError(f"setting {self.key} is a {self.type.__name__}, not {type(value).__name__}")
        _qsettings().setValue(self.key, value)


GEOMETRY = Option("geometry", QByteArray, QByteArray(), "The main window's size and place.")
MAIN_SPLIT = Option("mainSplit", QByteArray, QByteArray(),
                    "Heights of the timeline, the panels below it and the problems list.")
BOTTOM_SPLIT = Option("bottomSplit", QByteArray, QByteArray(),
                      "Widths of the passages panel and the documents/article column.")
RIGHT_SPLIT = Option("rightSplit", QByteArray, QByteArray(),
                     "Heights of the documents list and the article reader.")
LAST_FOLDER = Option("lastFolder", str, "",
                     "The folder the last file dialog was in ('' means the home folder).")
EXPORT_FILTER = Option("exportFilter", str, "",
                       "The format last chosen in the export dialog, as its file filter text.")

LAST_PROJECT = Option("lastProject", str, "",
                      "The project file open when the app was last closed; '' before the first "
                      "project, when the first-run screen is shown.")
RECENT_PROJECTS = Option("recentProjects", str, "",
                         "File > Open recent: project files, most recent first, one per line.")
IMPORT_WORKERS = Option("importWorkers", int, 1,
                        "Processes an import tags articles in (kerryview.parallel; Dask's if "
                        "installed): 1 tags them in the app's worker thread; 2 or more pay off "
                        "for hundreds of articles on a machine with as many idle cores.")

STORIES_PANEL = Option("storiesPanel", bool, True,
                       "View > Stories: whether the Stories list is shown beside the timeline "
                       "when the project holds more than one story.")

KEY_DATES_PANEL = Option("keyDatesPanel", bool, True,
                         "View > Key dates: whether the Key dates list is shown (and the "
                         "timeline marks those days on its axis).")
KEY_DATES_SHOWN = Option("keyDatesShown", int, 10,
                         "How many key dates the Key dates list shows and the timeline marks "
                         "(1 to 50).")

OPTIONS: tuple[Option, ...] = (GEOMETRY, MAIN_SPLIT, BOTTOM_SPLIT, RIGHT_SPLIT, LAST_FOLDER,
                               EXPORT_FILTER, LAST_PROJECT, RECENT_PROJECTS, IMPORT_WORKERS,
                               STORIES_PANEL, KEY_DATES_PANEL, KEY_DATES_SHOWN)
