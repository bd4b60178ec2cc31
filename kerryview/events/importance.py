"""How newsworthy an event is, as one whole number (higher = more newsworthy): what an editor
looks at when choosing the key dates of a story.

- **Sources**: every article that reports the event (SOURCE points each). A happening many
  papers tell is news; one that a single article mentions in passing is background.
- **Main news**: every article that reports it in its headline or lead (MAIN_NEWS points each),
  the place where a paper puts what it finds most important.
- **Coverage at the time**: every article published on the event's day or within
  RECENT_DAYS after it (RECENT points each): news is reported when it happens; a date that is
  only recalled months later (the anniversary, the background paragraph) gets none.
- **Something happened**: an event whose words are not only reporting ("X said")
  (NOT_REPORTING points once).

Only dated sources count for coverage at the time; the sum is computed after merging, over
the event's mentions, and stored with the event.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterable

from kerryview.model import Document, Event
from kerryview.text.wordlists import event_lists

SOURCE = 10
MAIN_NEWS = 6
RECENT = 3
NOT_REPORTING = 2
RECENT_DAYS = 2


def importance(event: Event, dcts: dict[str, date | None], texts: dict[str, str]) -> int:
    docs = event.document_ids
    main = {m.document_id for m in event.mentions if m.position in ("headline", "lead")}
    day = _day(event.start)
    recent = 0
    if day is not None and event.granularity.day_or_finer:
        recent = sum(1 for d in docs if (p := dcts.get(d)) is not None
                     and timedelta(0) <= p - day <= timedelta(days=RECENT_DAYS))
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    words = {texts.get(m.document_id, "")[m.trigger_start:m.trigger_end].lower()
             for m in event.mentions if m.trigger_start is not None}
    something = bool(words - reporting)
    return SOURCE * len(docs) + MAIN_NEWS * len(main) + RECENT * recent + NOT_REPORTING * something


def score(events: Iterable[Event], documents: Iterable[Document]) -> None:
    """Set each event's importance (after merging: sources are counted across articles)."""
    docs = list(documents)
    dcts = {d.id: d.dct for d in docs}
    texts = {d.id: d.text for d in docs}
    for e in events:
        e.importance = importance(e, dcts, texts)


def _day(iso: str) -> date | None:
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None
