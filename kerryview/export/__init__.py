"""Exports: the stored corpus in formats other tools read (clients of the store, like the GUI)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kerryview.model import Document, Event

# name -> (what a person calls it, file suffix)
FORMATS = {
    "timelinejs-json": ("TimelineJS (JSON)", ".json"),
    "timelinejs-csv": ("TimelineJS spreadsheet template (CSV)", ".csv"),
    "json": ("kerryview JSON (events, sources, passages)", ".json"),
}


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


def export_text(fmt: str, documents: list[Document], events: Iterable[Event],
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> str:
    """The corpus as text in format `fmt` (a key of FORMATS)."""
    from kerryview.export.json_export import corpus_json
    from kerryview.export.timelinejs import timelinejs_csv, timelinejs_json

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    events = _watched(list(events), progress, cancelled)
    if fmt == "timelinejs-csv":
        return timelinejs_csv(documents, events)
    data = timelinejs_json(documents, events) if fmt == "timelinejs-json" else corpus_json(documents, events)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_file(path: str | Path, fmt: str, documents: list[Document], events: list[Event],
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> None:
    """Write the export beside `path` and move it into place, so that a failure or a cancel
    never leaves half a file (raises OSError or ExportCancelled)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        text = export_text(fmt, documents, events, progress, cancelled)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
