"""Exports: the stored corpus in formats other tools read (clients of the store, like the GUI)."""
from __future__ import annotations

import json

from kerryview.model import Document, Event

# name -> (what a person calls it, file suffix)
FORMATS = {
    "timelinejs-json": ("TimelineJS (JSON)", ".json"),
    "timelinejs-csv": ("TimelineJS spreadsheet template (CSV)", ".csv"),
    "json": ("kerryview JSON (events, sources, passages)", ".json"),
}


def export_text(fmt: str, documents: list[Document], events: list[Event]) -> str:
    """The corpus as text in format `fmt` (a key of FORMATS)."""
    from kerryview.export.json_export import corpus_json
    from kerryview.export.timelinejs import timelinejs_csv, timelinejs_json

    if fmt == "timelinejs-csv":
        return timelinejs_csv(documents, events)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    data = timelinejs_json(documents, events) if fmt == "timelinejs-json" else corpus_json(documents, events)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
