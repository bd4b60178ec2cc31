"""How newsworthy an event is, as one whole number (higher = more newsworthy): what an editor
looks at when choosing the key dates of a story. The signals are the ones the timeline-
summarisation literature found to pick the days journalists pick (Tran et al. 2013; Martschat &
Markert 2018; Gholipour Ghalandari & Ifrim 2020, whose strongest single signal is how many
texts refer to a date). Every article that reports the event adds its weight:

- SOURCE points: a happening many papers tell is news; one that a single article mentions in
  passing is background (the date-mention count of the literature, counted once an article).
- LATER points more when the article was published more than RECENT_DAYS after the event's day:
  a day that papers still recall weeks later mattered (an editor's "since the explosion of
  April 20"); a day mentioned only in the news around it was passing news.
- ANNOUNCED points less when the article was published before the event's day: it could only
  announce it ("a hearing set for June 17"); plans change, and calendars are full of routine
  dates, so an announcement is weaker evidence than a report of what happened.
- MAIN_NEWS points more when the article tells it in its headline or lead, where a paper puts
  what it finds most important; NOT_REPORTING more when the event's words tell something that
  happened rather than only that someone spoke ("X said"). Both order the events of one day
  more than they move days.

An article that tells the event only in a clause dated by its publication (no time expression
in the clause, and not its headline or lead: kerryview.events.clauses) adds CLAUSE_OF_THE_DAY
points only: every article has many such clauses on its own publication day, and counting them
like dated events would rank days by how many articles came out on them.

An event's importance depends only on the articles that report it (their publication days and
its own mentions), so an incremental import scores the events it changes as a full resolution
would, and a stored project can be scored again from its events and its articles' days alone.
VERSION names the weights: a project whose events were scored by other weights is scored again
once, all of it, when it is next opened or imported into (Store.rescore_if_stale), so that old
and new values never sit side by side.

The key dates of a pile (day_importance) weigh each day by its articles, each article once
with its strongest event of that day (many events one article dates to a day do not outweigh
many articles), plus COVERAGE points for every article of the pile published on that day or
the day after (the literature's publication count: papers write most when something happens),
and RECALLED points for every month after it in which an article of the pile comes back to it
(a date referred to from many publication dates, as in the literature's date-reference graphs,
counted once a month: a day papers keep returning to over the story's course is remembered,
where LATER, counted per article, cannot tell one burst of retrospectives from persistence).
A day more than BACKGROUND_DAYS before the pile's first article is background its articles
recall (an earlier law, 11 September 2001), not a day of the story they cover: it counts
1/BACKGROUND_SHARE, so it stays below the story's days but ordered among its kind. The news
that starts a pile's coverage (an explosion, a death) comes at most days before its first
article. A day from then to ONSET_DAYS after the start of the coverage (story_start: the first
article that another follows within ONSET_DAYS, so that one archive piece published months
before the rest does not move it) is the story's first month and adds ONSET: journalists'
timelines tell how a story began day by day (the explosion, the first cases, the first
response: "20 April: the rig explodes; 22 April: it sinks; 29 April: the slick reaches the
coast"), while the pile's later weeks bring as many articles on hearings, statements and
commentary that a timeline keeps fewer of. (Pile-wide rules: they weigh days,
never an event, whose importance must not depend on articles that do not report it.)
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Iterable

from kerryview.model import Document, Event, EventMention
from kerryview.text.wordlists import event_lists

# Raised whenever a weight or signal below changes what an event scores (1: before 2026-12-04,
# recorded by no project; 3: "warned", "announced" and the other reporting verbs of
# text/data/reporting_verbs.json are pure reporting, no NOT_REPORTING bonus).
VERSION = 3
SOURCE = 10
LATER = 5
ANNOUNCED = 5
MAIN_NEWS = 2
NOT_REPORTING = 2
RECENT_DAYS = 2
CLAUSE_OF_THE_DAY = 1
COVERAGE = 3
RECALLED = SOURCE
RECALL_PERIOD_DAYS = 30
BACKGROUND_DAYS = 7
BACKGROUND_SHARE = 4
ONSET = 2 * SOURCE
ONSET_DAYS = 30


def source_weights(event: Event, dcts: dict[str, date | None]) -> dict[str, int]:
    """Each reporting article's weight for this event (document id -> points)."""
    main = {m.document_id for m in event.mentions if m.position in ("headline", "lead")}
    dated = {m.document_id for m in event.mentions if m.dated_by != "publication" or m.position}
    day = event_day(event)
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    words = {w for m in event.mentions if (w := _event_words(m))}
    happened = NOT_REPORTING if words - reporting else 0
    out = {}
    for d in event.document_ids:
        if d not in dated:
            out[d] = CLAUSE_OF_THE_DAY  # only a clause dated by its publication
            continue
        out[d] = SOURCE + happened + MAIN_NEWS * (d in main) + _timing(day, dcts.get(d))
    return out


def _event_words(m: EventMention) -> str:
    """A mention's event words ("exploded"), lower-cased, from its own passage (the document's
    text from m.start to m.end), so scoring needs no article text."""
    if m.trigger_start is None or m.trigger_end is None:
        return ""
    return m.text[m.trigger_start - m.start:m.trigger_end - m.start].lower()


def _timing(day: date | None, published: date | None) -> int:
    """LATER for an article that recalls the day after the news around it, -ANNOUNCED for one
    written before the day; nothing when either date is unknown or coarser than a day."""
    if day is None or published is None:
        return 0
    lag = (published - day).days
    if lag > RECENT_DAYS:
        return LATER
    return -ANNOUNCED if lag < 0 else 0


def importance(event: Event, dcts: dict[str, date | None]) -> int:
    return sum(source_weights(event, dcts).values())


def day_importance(events: Iterable[Event], documents: Iterable[Document]) -> dict[date, int]:
    """Days weighed by their day-level events: each article counts once a day, with its
    strongest event of that day, and the day's coverage (articles published on it or the day
    after) adds COVERAGE each, every later month the pile recalls it in RECALLED; background
    days long before the first article count a fraction, the story's first month adds ONSET
    (the key dates of a pile, highest first). Only days with an event are weighed."""
    docs = list(documents)
    dcts = {d.id: d.dct for d in docs}
    published = Counter(d.dct for d in docs if d.dct is not None)
    best: dict[date, dict[str, int]] = {}
    for e in events:
        if e.dismissed or (day := event_day(e)) is None:
            continue
        per_doc = best.setdefault(day, {})
        for d, w in source_weights(e, dcts).items():
            per_doc[d] = max(per_doc.get(d, 0), w)
    first = min(published, default=None)
    start = story_start(published)  # not moved by an archive article months before the rest
    out = {}
    for day, ws in best.items():
        after = day + timedelta(days=1) if day < date.max else None  # 9999-12-31 has no next day
        weight = sum(ws.values()) + COVERAGE * (published[day] + published[after]) \
            + RECALLED * _months_recalled(day, ws, dcts)
        if first is not None:
            since = (day - first).days
            if since < -BACKGROUND_DAYS:
                weight //= BACKGROUND_SHARE
            elif start is not None and -BACKGROUND_DAYS <= (day - start).days <= ONSET_DAYS:
                weight += ONSET
        out[day] = weight
    return out


def story_start(published: Counter[date]) -> date | None:
    """The first publication day of the pile's coverage (publication day -> articles): the first
    article that another follows within ONSET_DAYS. An archive piece or a stray months before the
    rest (no article after it for a month) is not where the story began, and must not move the
    story's first month; a pile without two such articles starts at its first article."""
    days = sorted(published)
    for a, b in zip(days, days[1:] + [None]):
        if published[a] > 1 or (b is not None and (b - a).days <= ONSET_DAYS):
            return a
    return days[0] if days else None


def key_dates(events: Iterable[Event], documents: Iterable[Document]) -> list[tuple[date, int]]:
    """The pile's days with their day_importance, highest first (ties: more articles telling
    the day, then the earlier day): the key dates `extract --json` lists."""
    events = [e for e in events if not e.dismissed]
    weights = day_importance(events, documents)
    tellers: dict[date, set[str]] = {}
    for e in events:
        if (day := event_day(e)) in weights:
            tellers.setdefault(day, set()).update(e.document_ids)
    return sorted(weights.items(), key=lambda kv: (-kv[1], -len(tellers[kv[0]]), kv[0]))


def _months_recalled(day: date, weights: dict[str, int], dcts: dict[str, date | None]) -> int:
    """In how many periods of RECALL_PERIOD_DAYS after `day` an article published more than
    RECENT_DAYS after it tells an event of it (not only in a clause of its own day)."""
    periods = set()
    for d, w in weights.items():
        published = dcts.get(d)
        if w > CLAUSE_OF_THE_DAY and published is not None and \
                (lag := (published - day).days) > RECENT_DAYS:
            periods.add(lag // RECALL_PERIOD_DAYS)
    return len(periods)


def score(events: Iterable[Event], documents: Iterable[Document]) -> None:
    """Set each event's importance (after merging: sources are counted across articles)."""
    score_with_days(events, {d.id: d.dct for d in documents})


def score_with_days(events: Iterable[Event], dcts: dict[str, date | None]) -> None:
    """score() from the articles' publication days alone (document id -> day): a stored
    project is scored again without reading its texts."""
    for e in events:
        e.importance = importance(e, dcts)


def event_day(e: Event) -> date | None:
    """The day an event is dated to, for an event known to the day or finer (None otherwise):
    the day whose importance it counts in (the GUI's key dates list names it under that day)."""
    return _day(e.start) if e.granularity.day_or_finer else None


def _day(iso: str) -> date | None:
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None
