"""Opening the project database when the app starts, with a sentence for each way it can fail.

At start-up there is no window yet to show a problem in, so a file that cannot be a project, or a
place where no project can be made, is a `ProjectError`: the app shows its sentence and exits
with status 2. A good project the user may read but not write is still opened, read-only: seeing
the timeline is what they came for, and the window refuses imports and corrections.

Access is checked with os.access before SQLite is asked: SQLite opens an unwritable file without
complaint and fails only at the first write, with a message that names no file.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from kerryview.store import Store

CHOOSE_ANOTHER = "Choose another project file with --db."


class ProjectError(Exception):
    """Why the project cannot be opened: a sentence naming the file and what to do."""


class _ReadOnly(Exception):
    """SQLite found the project unwritable although os.access said it could be written."""


@dataclass
class OpenProject:
    """The store the window works on. A read-only project is shown from a private copy, since
    opening a Store writes (WAL mode, schema); `path` is always the file the user named."""

    store: Store
    path: Path
    read_only: bool = False
    _copy: TemporaryDirectory | None = field(default=None, repr=False)

    @property
    def notice(self) -> str:
        """What the status bar says about a read-only project."""
        if not self.read_only:
            return ""
        return (f"Read-only: you may not change {self.path} or its folder, so the timeline is "
                "shown as saved and imports and corrections are off. To change it, copy it "
                "somewhere you can write and open the copy with --db.")

    def close(self) -> None:
        self.store.close()
        if self._copy is not None:
            self._copy.cleanup()


def open_project(path: Path) -> OpenProject:
    """The project at `path`, created if it does not exist; ProjectError if it cannot be."""
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a kerryview project file. Give the project "
                           f"file with --db (for example --db {path / 'corpus.db'}).")
    if path.exists() and not path.is_file():  # a FIFO or a device: SQLite would hang or write
        raise ProjectError(f"{path} is not a kerryview project file (it is not a regular file). "
                           f"{CHOOSE_ANOTHER}")
    if path.exists():
        if not os.access(path, os.R_OK):
            raise ProjectError(f"You may not read the project {path} (permission denied). "
                               "Ask for read access to it, or choose another project file with "
                               "--db.")
        if _writable(path):
            try:
                return OpenProject(_store(path), path)
            except _ReadOnly:
                pass
        return _open_read_only(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ProjectError(f"Cannot create the folder {folder} for the project {path}: "
                           f"{_reason(e)}. Choose another place with --db.") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProjectError(f"Cannot create the project {path}: you may not write in "
                           f"its folder {folder}. Choose another place with --db.")
    try:
        return OpenProject(_store(path), path)
    except _ReadOnly:
        raise ProjectError(f"Cannot create the project {path}: its folder {folder} "
                           "is read-only. Choose another place with --db.") from None


def _writable(path: Path) -> bool:
    """SQLite writes the file and, beside it, its -wal and -shm files."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _store(path: Path, opened_as: Path | None = None) -> Store:
    """Store(path), its failures in words (`opened_as`: the file the user named)."""
    named = opened_as or path
    try:
        return Store(path, defer_cache_check=True)  # an import checks the caches
    except sqlite3.DatabaseError as e:
        if "readonly" in str(e) or "read-only" in str(e):
            raise _ReadOnly() from None
        raise ProjectError(f"{named} is not a kerryview project, or it is damaged (SQLite says: "
                           f"{e}). {CHOOSE_ANOTHER}") from None
    except OSError as e:
        raise ProjectError(f"Cannot open the project {named}: {_reason(e)}. "
                           f"{CHOOSE_ANOTHER}") from None


def _open_read_only(path: Path) -> OpenProject:
    """A readable project the user may not write: opened from a copy in a private folder (with
    its -wal file, which holds the latest saved changes). Not Store(path, read_only=True): with
    a read-only file in a writable folder, SQLite's read-only WAL mode still creates -wal and
    -shm files beside the project, and the user's folder should not change."""
    copy_dir = TemporaryDirectory(prefix="kerryview-read-only-")
    copy = Path(copy_dir.name) / path.name
    try:
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        return OpenProject(_store(copy, opened_as=path), path, read_only=True, _copy=copy_dir)
    except OSError as e:
        copy_dir.cleanup()
        raise ProjectError(f"Cannot read the project {path}: {_reason(e)}. "
                           f"{CHOOSE_ANOTHER}") from None
    except BaseException:
        copy_dir.cleanup()
        raise


def _reason(e: OSError) -> str:
    """"permission denied", "read-only file system"… (the file is named by the sentence)."""
    return e.strerror.lower() if e.strerror else str(e)


# -- projects as files ------------------------------------------------------------------------
PROJECT_SUFFIX = ".kvproj"
PROJECT_SUFFIXES = (PROJECT_SUFFIX, ".db")  # .db: projects made before the suffix existed
DEMO_FILE = "demo" + PROJECT_SUFFIX
DEMO_TITLE = "Demo: Kerry in Beijing, July 2023"


def demo_path() -> Path:
    """The demo's own project, beside the default project in the app-data folder, so the demo
    is never mixed into a project of the user's."""
    from kerryview.store.store import default_db_path
    return default_db_path().with_name(DEMO_FILE)


def is_demo(path: Path | None) -> bool:
    return path is not None and Path(path).resolve() == demo_path().resolve()


def project_name(path: Path | None) -> str:
    """What the window title and the recent list call a project: its file name without the
    suffix ("Gulf spill" for Gulf spill.kvproj), or the demo's title."""
    if path is None:
        return "No project"
    if is_demo(path):
        return DEMO_TITLE
    p = Path(path)
    return p.stem if p.suffix.lower() in PROJECT_SUFFIXES else p.name


def with_project_suffix(path: str | Path) -> Path:
    """A new project's file: the name the user typed, given .kvproj unless it has a suffix of
    a project already."""
    p = Path(path)
    return p if p.suffix.lower() in PROJECT_SUFFIXES else p.with_name(p.name + PROJECT_SUFFIX)


def looks_like_project(path: str | Path) -> bool:
    """`kerryview PATH.kvproj` opens a project rather than importing PATH as an article."""
    return Path(path).suffix.lower() in PROJECT_SUFFIXES


def remove_articles(store: Store, doc_ids: list[str], progress=None, cancelled=None):
    """Remove articles from the project and resolve the others again, in one transaction
    (kerryview.pipeline.remove_documents: from their stored analyses, nothing tagged again):
    events they alone told disappear, shared events lose their passages, and dates inferred
    from them are inferred again. The user's marks, edits and corrections of the remaining
    articles are kept. Returns an ImportResult (documents, events, problems, added=[])."""
    from kerryview.pipeline import remove_documents
    return remove_documents(store, doc_ids, progress, cancelled)
