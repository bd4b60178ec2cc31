"""Which files a list of files and folders names, and why any named cannot be read.

A file named on the command line (or chosen in the file dialog) is read as given, a symbolic
link included: that is the user's explicit choice. Files found by walking a folder must stay
inside it, so a link that leads out of the folder (`notes.txt -> /etc/passwd`) is skipped with a
problem line; links to folders are not followed (no loops, no file found twice). A folder that
cannot be listed is a problem line too, never a silent gap in the import.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from kerryview.ingest.errors import ReadError, not_regular_message, os_error_message

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Files as given, and the supported files inside folders (sorted, not hidden)."""
    files: list[Path] = []
    errors: list[ReadError] = []
    for raw in paths:
        p = Path(raw)
        try:
            mode = os.stat(p).st_mode
        except OSError as exc:
            errors.append(ReadError(p, os_error_message(p, exc)))
            continue
        if stat.S_ISDIR(mode):
            found: list[Path] = []
            known = len(errors)
            _walk(p, found, errors)
            files.extend(sorted(found))
            if not found and len(errors) == known:  # the wrong folder, not "nothing happened"
                errors.append(ReadError(p, "is a folder with no articles in it (.txt or .html "
                                           "files, in it or its subfolders)"))
        else:
            files.append(p)  # the reader refuses what is not a regular file, with its reason
    return files, errors


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _walk(top: Path, files: list[Path], errors: list[ReadError]) -> None:
    """Supported files under top (not hidden, not through links to folders)."""
    root = os.path.realpath(top)
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            errors.append(ReadError(folder, os_error_message(folder, exc)))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                if not is_link and entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                mode = os.stat(path).st_mode  # follows a link; ELOOP for a loop
            except OSError as exc:
                errors.append(ReadError(path, os_error_message(path, exc)))
                continue
            if is_link and not _inside(target := os.path.realpath(path), root):
                errors.append(ReadError(path, (
                    f"is a symbolic link to {target}, outside the folder {top}; it was skipped "
                    "(files found in a folder are read only from inside it: give the file "
                    "itself to read it)")))
            elif stat.S_ISDIR(mode):
                continue  # a link to a folder inside: its files are found where they are
            elif (message := not_regular_message(mode)) is not None:
                errors.append(ReadError(path, message))
            else:
                files.append(path)
