"""apply_edits: the user's edits, in the order they were made, on top of derived events.

Each edit finds its event by passages: the event holding most of the edit's time expressions
(document + offsets), the smallest such event on a tie. An event that gained a source since
the edit keeps the edit; one whose passages all went away (an article removed) leaves the edit
unapplied, reported through `missed`, and the edit applies again if they come back.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from kerryview.calendar.intervals import iso
from kerryview.events.clauses import mention_dating
from kerryview.events.merge import mentions_id, shared_times
from kerryview.edits.kinds import (AddEvent, Edit, EventRef, MergeEvents, SetDate, SetLabel,
                                   SetNote, SetStatus, SplitEvent, mention_ref)
from kerryview.model import Event, EventMention, Timex


class _Events:
    """The events being edited, and which event each time expression belongs to."""

    def __init__(self, events: Iterable[Event], wanted: set[tuple]) -> None:
        """Only the time expressions in `wanted` (those the edits name) are looked up, so
        100,000 events cost one pass of tuple lookups, not a map of every passage."""
        self._shared: set[tuple[str, int]] | None = None
        self.live: dict[int, Event] = {}
        self.owner: dict[tuple, int] = {}
        self.order: list[int] = []
        owner = self.owner
        for k, ev in enumerate(events):
            self.live[k] = ev
            for m in ev.mentions:
                key = (m.document_id, m.timex.start, m.timex.end)  # kinds.mention_ref
                if key in wanted:
                    owner[key] = k
        self.order = list(self.live)
        self._next = len(self.order)
        self._found = [self.live[k] for k in self.order]

    def event_id(self, mentions: Iterable[EventMention], prefix: str = "") -> str:
        """The id merging gives an event of these passages (events.merge.mentions_id, with the
        time expressions that date several of the found events' mentions), so marks on an
        event keep working once it is merged or split by hand."""
        if self._shared is None:  # (only for an edit that merges, splits or adds)
            self._shared = shared_times(m for ev in self._found for m in ev.mentions)
        shared = self._shared
        return mentions_id(((m, (m.document_id, m.timex.start) in shared) for m in mentions),
                           prefix)

    def add(self, ev: Event) -> int:
        k = self._next
        self._next += 1
        self.live[k] = ev
        self.order.append(k)
        for m in ev.mentions:
            self.owner[mention_ref(m)] = k
        return k

    def remove(self, k: int) -> None:
        ev = self.live.pop(k)
        for m in ev.mentions:
            if self.owner.get(mention_ref(m)) == k:
                del self.owner[mention_ref(m)]

    def replace(self, k: int, ev: Event) -> None:
        self.live[k] = ev

    def find(self, ref: EventRef) -> int | None:
        """The event holding most of `ref`; on a tie the smallest, then the one whose first
        passage comes first: decided by the events themselves, never by their order, so
        applying edits in two goes gives what applying them at once gives."""
        counts = Counter(self.owner[r] for r in ref if r in self.owner)
        if not counts:
            return None
        return min(counts, key=lambda k: (-counts[k], len(self.live[k].mentions),
                                          min(mention_ref(m) for m in self.live[k].mentions)))

    def result(self) -> list[Event]:
        return [self.live[k] for k in self.order if k in self.live]


def _passage_label(m: EventMention) -> str:
    """A label from one passage, as the pipeline labels a mention (events.mentions.label_for)."""
    from kerryview.events.mentions import label_for
    off = m.start
    trigger = (m.trigger_start - off, m.trigger_end - off) \
        if m.trigger_start is not None and m.trigger_end is not None else None
    timex = replace(m.timex, start=m.timex.start - off, end=m.timex.end - off)
    try:
        return label_for(m.text, (0, len(m.text)), trigger, timex) or m.text
    except Exception:  # noqa: BLE001 - a label is a convenience; the passage will do
        return " ".join(m.text.split())[:80]


def _dated_by(ev: Event, mentions: list[EventMention]) -> None:
    """Give `ev` the date most of `mentions` say, when they say one the calendar can place."""
    values = Counter(m.timex.value for m in mentions if mention_dating(m.timex)[0])
    if not values:
        return
    value = values.most_common(1)[0][0]
    m = next(m for m in mentions if m.timex.value == value and mention_dating(m.timex)[0])
    iv, ev.mod = mention_dating(m.timex)  # "Earlier Friday": all Friday, as when it was found
    ev.value, ev.start, ev.end, ev.granularity = value, iso(iv.start), iso(iv.end), iv.granularity
    durations = Counter(m.duration for m in mentions if m.duration)
    ev.duration = durations.most_common(1)[0][0] if durations else None


def _sorted_mentions(mentions: Iterable[EventMention]) -> list[EventMention]:
    return sorted(mentions, key=lambda m: (m.document_id, m.start, m.timex.start))


def _apply_one(evs: _Events, e: Edit) -> bool:
    if isinstance(e, AddEvent):
        timex = Timex(start=e.start, end=e.start, text="", type="DATE", value=e.date.value())
        m = EventMention(document_id=e.document_id, start=e.start, end=e.end, text=e.text,
                         timex=timex, status=e.status, resolution="added by you")
        ev = Event(id=evs.event_id([m], "added:"), label=e.label, value="", start="", end="",
                   granularity=e.date.granularity(), status=e.status, mentions=[m], edited=True)
        e.date.apply_to(ev)
        evs.add(ev)
        return True
    if isinstance(e, MergeEvents):
        keys: list[int] = []
        for ref in e.targets:
            k = evs.find(ref)
            if k is not None and k not in keys:
                keys.append(k)
        if len(keys) < 2:
            return False
        first = evs.live[keys[0]]
        parts = [evs.live[k] for k in keys]
        mentions = _sorted_mentions(m for p in parts for m in p.mentions)
        conflicts = list(dict.fromkeys(c for p in parts for c in p.conflicts))
        notes = [p.note for p in parts if p.note]
        merged = replace(first, id=evs.event_id(mentions), mentions=mentions, conflicts=conflicts,
                         note="\n\n".join(notes), edited=True)
        for k in keys[1:]:
            evs.remove(k)
        evs.remove(keys[0])
        evs.add(merged)
        return True
    if isinstance(e, SplitEvent):
        k = evs.find(e.target)
        if k is None:
            return False
        ev = evs.live[k]
        part = [m for m in ev.mentions if mention_ref(m) in e.part]
        rest = [m for m in ev.mentions if mention_ref(m) not in e.part]
        if not part or not rest:
            return False
        kept = replace(ev, id=evs.event_id(rest), mentions=rest, edited=True)
        off = replace(ev, id=evs.event_id(part), mentions=part, label=_passage_label(part[0]),
                      conflicts=[], note="", edited=True)
        _dated_by(off, part)
        off.status = part[-1].status
        evs.remove(k)
        evs.add(kept)
        evs.add(off)
        return True
    k = evs.find(e.target)
    if k is None:
        return False
    ev = replace(evs.live[k], edited=True)
    if isinstance(e, SetLabel):
        ev.label = e.label
    elif isinstance(e, SetDate):
        e.date.apply_to(ev)
    elif isinstance(e, SetStatus):
        ev.status = e.status
    elif isinstance(e, SetNote):
        ev.note = e.note
    else:
        raise TypeError(f"not an edit: {e!r}")
    evs.replace(k, ev)
    return True


def edited_refs(edits: Iterable[Edit]) -> set[tuple]:
    """The passages (mention refs) the edits find their events by."""
    wanted: set[tuple] = set()
    for e in edits:
        for ref in getattr(e, "targets", ()) or (getattr(e, "target", frozenset()),):
            wanted |= ref
    return wanted


def apply_edits(events: Sequence[Event], edits: Iterable[Edit],
                missed: list[Edit] | None = None) -> list[Event]:
    """The events with the edits applied in order, sorted as the pipeline sorts them. The input
    events are not changed (edited ones are copies). Edits that found no event go to `missed`."""
    edits = list(edits)
    if not edits:
        return list(events)
    evs = _Events(events, edited_refs(edits))
    for e in edits:
        if not _apply_one(evs, e) and missed is not None:
            missed.append(e)
    out = evs.result()
    out.sort(key=lambda ev: (ev.start, ev.end, ev.label, ev.id))
    return out
