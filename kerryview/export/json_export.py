"""The corpus as one JSON object (the `kerryview extract --json` interface)."""
from __future__ import annotations

from typing import Iterable

from kerryview.model import Document, Event


def corpus_json(documents: list[Document], events: Iterable[Event]) -> dict:
    """Documents, events and the pile's key dates (days by importance, highest first)."""
    from kerryview.events.importance import key_dates

    events = list(events)
    return {
        "documents": [
            {"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet,
             "dct": d.dct.isoformat() if d.dct else None, "dct_source": str(d.dct_source),
             # how sure an inferred date is ("high", "medium", "low", "a guess"); None when
             # the date was not inferred (stated, the page's, the user's) or not found
             "dct_sureness": d.dct_source.sureness}
            for d in documents],
        "events": [
            {"id": e.id, "label": e.label, "value": e.value, "start": e.start, "end": e.end,
             "granularity": e.granularity, "duration": e.duration, "mod": e.mod,
             "status": e.status, "importance": e.importance, "conflicts": e.conflicts,
             "reviewed": e.reviewed, "dismissed": e.dismissed,
             "mentions": [
                 {"document": m.document_id, "start": m.start, "end": m.end, "text": m.text,
                  "trigger": ([m.trigger_start, m.trigger_end]
                              if m.trigger_start is not None else None),
                  "status": m.status, "resolution": m.resolution, "dated_by": m.dated_by,
                  "position": m.position,
                  "duration": m.duration,
                  "timex": {"start": m.timex.start, "end": m.timex.end, "text": m.timex.text,
                            "type": m.timex.type, "value": m.timex.value,
                            **({"mod": m.timex.mod} if m.timex.mod else {})}}
                 for m in e.mentions]}
            for e in events],
        "key_dates": [{"day": day.isoformat(), "importance": weight}
                      for day, weight in key_dates(events, documents)],
    }
