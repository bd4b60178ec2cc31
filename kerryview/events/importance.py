"""How newsworthy an event is, as one whole number (higher = more newsworthy): what an editor
looks at when choosing the key dates of a story. Every article that reports the event adds
its weight:

- SOURCE points: a happening many papers tell is news; one that a single article mentions in
  passing is background.
- NOT_REPORTING points more when the event's words tell something that happened rather than
  only that someone spoke ("X said"): a paper reporting a statement is weaker evidence that the
  day mattered than one reporting a deed.
- MAIN_NEWS points more when the article tells it in its headline or lead, where a paper puts
  what it finds most important.
- RECENT points more when the article was published on the event's day or within RECENT_DAYS
  after it: news is reported when it happens; a date only recalled months later (the
  anniversary, the background paragraph) gets none.

An article that tells the event only in a clause dated by its publication (no time expression
in the clause, and not its headline or lead: kerryview.events.clauses) adds CLAUSE_OF_THE_DAY
points only: every article has many such clauses on its own publication day, and counting them
like dated events would rank days by how many articles came out on them.

The key dates of a pile (day_importance) weigh each day by its articles, each article once
with its strongest event of that day: many events one article dates to a day do not outweigh
many articles.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterable

from kerryview.model import Document, Event
from kerryview.text.wordlists import event_lists

SOURCE = 10
NOT_REPORTING = 5
MAIN_NEWS = 3
RECENT = 3
RECENT_DAYS = 2
CLAUSE_OF_THE_DAY = 1


def source_weights(event: Event, dcts: dict[str, date | None], texts: dict[str, str]
                   ) -> dict[str, int]:
    """Each reporting article's weight for this event (document id -> points)."""
    main = {m.document_id for m in event.mentions if m.position in ("headline", "lead")}
    dated = {m.document_id for m in event.mentions if m.dated_by != "publication" or m.position}
    day = _day(event.start) if event.granularity.day_or_finer else None
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    words = {texts.get(m.document_id, "")[m.trigger_start:m.trigger_end].lower()
             for m in event.mentions if m.trigger_start is not None}
    happened = NOT_REPORTING if words - reporting else 0
    out = {}
    for d in event.document_ids:
        if d not in dated:
            out[d] = CLAUSE_OF_THE_DAY  # only a clause dated by its publication
            continue
        p = dcts.get(d)
        recent = day is not None and p is not None and timedelta(0) <= p - day <= timedelta(days=RECENT_DAYS)
        out[d] = SOURCE + happened + MAIN_NEWS * (d in main) + RECENT * recent
    return out


def importance(event: Event, dcts: dict[str, date | None], texts: dict[str, str]) -> int:
    return sum(source_weights(event, dcts, texts).values())


def day_importance(events: Iterable[Event], documents: Iterable[Document]) -> dict[date, int]:
    """Days weighed by their day-level events: each article counts once a day, with its
    strongest event of that day (the key dates of a pile, highest first)."""
    docs = list(documents)
    dcts = {d.id: d.dct for d in docs}
    texts = {d.id: d.text for d in docs}
    best: dict[date, dict[str, int]] = {}
    for e in events:
        if e.dismissed or not e.granularity.day_or_finer or (day := _day(e.start)) is None:
            continue
        per_doc = best.setdefault(day, {})
        for d, w in source_weights(e, dcts, texts).items():
            per_doc[d] = max(per_doc.get(d, 0), w)
    return {day: sum(ws.values()) for day, ws in best.items()}


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
