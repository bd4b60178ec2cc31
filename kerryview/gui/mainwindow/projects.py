"""Projects in the window: File > New project / Open project / Open recent, Help > Open demo,
and removing articles from the open project.

A project is one SQLite file (.kvproj; .db files of earlier versions open too). The recent list
and the last project open live in the settings registry (settings.RECENT_PROJECTS,
settings.LAST_PROJECT); opening a file is kerryview.gui.project.open_project, which says in a
sentence why a file cannot be a project.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtWidgets import QFileDialog, QWidget

from kerryview.gui import settings
from kerryview.gui.jobs import Corpus, Imported, IsCancelled, Job, Progress
from kerryview.gui.mainwindow.files import last_folder
from kerryview.gui.project import PROJECT_SUFFIX, remove_articles, with_project_suffix
from kerryview.store import Store

MAX_RECENT = 8
PROJECT_FILTER = f"kerryview projects (*{PROJECT_SUFFIX} *.db);;All files (*)"


def recent_projects() -> list[Path]:
    """The recent project files that still exist, most recent first."""
    out = []
    for line in settings.RECENT_PROJECTS.get().splitlines():
        p = Path(line.strip())
        if line.strip() and p.is_file() and p not in out:
            out.append(p)
    return out[:MAX_RECENT]


def remember_project(path: Path) -> None:
    """`path` was opened: first in the recent list, and the project the next start opens."""
    path = Path(path).resolve()
    rest = [p for p in recent_projects() if p.resolve() != path]
    settings.RECENT_PROJECTS.set("\n".join(str(p) for p in [path, *rest][:MAX_RECENT]))
    settings.LAST_PROJECT.set(str(path))


def ask_new_project(parent: QWidget) -> Path | None:
    """Where the new project's file goes (.kvproj added if no project suffix was typed)."""
    start = str(Path(last_folder()) / f"Untitled{PROJECT_SUFFIX}")
    # an existing file is never replaced (it may be a project full of work): the window says so
    path, _ = QFileDialog.getSaveFileName(parent, "New project", start, PROJECT_FILTER,
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    settings.LAST_FOLDER.set(str(Path(path).parent))
    return with_project_suffix(path)


def ask_open_project(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", last_folder(), PROJECT_FILTER)
    if not path:
        return None
    settings.LAST_FOLDER.set(str(Path(path).parent))
    return Path(path)


@dataclass
class RemoveJob(Job[Imported]):
    """Remove articles and resolve the rest again (kerryview.gui.project.remove_articles)."""

    doc_ids: list[str]
    busy_text: ClassVar[str] = "Removing…"
    what: ClassVar[str] = "removal"

    def run(self, store: Store, progress: Progress, cancelled: IsCancelled) -> Imported:
        result = remove_articles(store, self.doc_ids, progress=progress, cancelled=cancelled)
        return Imported(result, Corpus.of(result.documents, result.events))
