"""Exports: the stored corpus in formats other tools read (clients of the store, like the GUI).

Every format here is text and Qt-free (the pictures of the timeline, PNG / SVG / PDF, are drawn
by the GUI's own painter: kerryview/gui/mainwindow/export.py). Files are written through a
temporary file beside the target, flushed to disk and renamed over it: a full disk, a crash or
a cancel leaves the previous export as it was.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kerryview.model import Document, Event

# name -> (what a person calls it, file suffix)
FORMATS = {
    "timelinejs-json": ("TimelineJS (JSON)", ".json"),
    "timelinejs-csv": ("TimelineJS spreadsheet template (CSV)", ".csv"),
    "json": ("kerryview JSON (events, sources, passages)", ".json"),
    "ics": ("Calendar of scheduled and expected events (iCalendar)", ".ics"),
    "md": ("Chronology with sources (Markdown)", ".md"),
    "txt": ("Chronology with sources (plain text)", ".txt"),
}
# Folder names that say nothing about a story (a project is named from its articles' folder).
_GENERIC_FOLDERS = {"articles", "article", "docs", "documents", "data", "input", "inputs",
                    "corpus", "texts", "text", "files", "news", "downloads", "tmp", "temp"}


class ExportCancelled(Exception):
    """The user cancelled an export; no file was written."""


Progress = Callable[[int, int, str], None]


def _watched(events: list[Event], progress: Progress | None,
             cancelled: Callable[[], bool] | None, every: int = 1000) -> Iterator[Event]:
    """The events, reporting progress and honouring a cancel flag every `every` events."""
    n = len(events)
    for i, e in enumerate(events):
        if i % every == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(i, n, f"Exporting… {i:,} of {n:,} events")
        yield e


def project_title(documents: list[Document], project: str | Path | None = None) -> str:
    """The title an export carries: the project file's name when it says something
    ("kerry-beijing-2023.kvproj" -> "Kerry Beijing 2023"; a plain database file such as
    corpus.db names no story), else the folder its articles came
    from, skipping generic names ("bpoil_reuters/articles" -> "Bpoil Reuters"), else the
    articles' date span ("News of July 2023")."""
    def words(name: str) -> str:
        text = " ".join(re.split(r"[-_.\s]+", name)).strip()
        return text[:1].upper() + text[1:] if text.islower() or text.isupper() else text

    def telling(name: str) -> bool:
        return bool(name) and name.lower() not in _GENERIC_FOLDERS | {"kerryview"} and not re.fullmatch(
            r"[\d\-_.]+", name)

    if project is not None and Path(project).suffix == ".kvproj" and telling(Path(project).stem):
        return " ".join(w[:1].upper() + w[1:] for w in words(Path(project).stem).split())
    paths = [d.path for d in documents if d.path]
    if paths:
        try:
            common = Path(os.path.commonpath([os.path.dirname(p) or "." for p in paths]))
        except ValueError:  # different drives
            common = None
        for part in reversed(common.parts[1:] if common and common.is_absolute()
                             else common.parts if common else ()):
            if telling(part):
                return " ".join(w[:1].upper() + w[1:] for w in words(part).split())
    days = sorted(d.dct for d in documents if d.dct)
    if days:
        from kerryview.text.phrasing import MONTHS
        a, b = days[0], days[-1]
        if (a.year, a.month) == (b.year, b.month):
            return f"News of {MONTHS[a.month - 1]} {a.year}"
        return f"News of {MONTHS[a.month - 1]} {a.year} to {MONTHS[b.month - 1]} {b.year}"
    return "Timeline"


def export_text(fmt: str, documents: list[Document], events: Iterable[Event],
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                title: str | None = None) -> str:
    """The corpus as text in format `fmt` (a key of FORMATS); `title` names the timeline,
    the calendar or the chronology (default: project_title of the documents)."""
    from kerryview.export.chronology import markdown, plain_text
    from kerryview.export.ics import ics_text
    from kerryview.export.json_export import corpus_json
    from kerryview.export.timelinejs import timelinejs_csv, timelinejs_json

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    title = title or project_title(documents)
    events = _watched(list(events), progress, cancelled)
    if fmt == "timelinejs-csv":
        return timelinejs_csv(documents, events)
    if fmt == "ics":
        return ics_text(documents, events, title)
    if fmt == "md":
        return markdown(documents, events, title)
    if fmt == "txt":
        return plain_text(documents, events, title)
    data = (timelinejs_json(documents, events, title) if fmt == "timelinejs-json"
            else corpus_json(documents, events))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Have `write(tmp)` write the file at a temporary path beside `path`, flush it to disk,
    then rename it over `path`: on any failure (a full disk, a cancel) the temporary file is
    removed and a previous file at `path` is left untouched."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        write(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def export_file(path: str | Path, fmt: str, documents: list[Document], events: list[Event],
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                title: str | None = None) -> None:
    """Write the export beside `path` and move it into place, so that a failure or a cancel
    never leaves half a file nor loses the previous one (raises OSError or ExportCancelled)."""
    text = export_text(fmt, documents, events, progress, cancelled, title)
    # newline="": the calendar's CRLF line ends are written as they are
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))
