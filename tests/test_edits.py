"""The user's edits of events (kerryview.edits), without Qt: each kind applied to derived
events, kept in the store, found again after the corpus is resolved again."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from kerryview.edits import (AddEvent, EditDate, MergeEvents, SetDate, SetLabel, SetNote,
                             SetStatus, SplitEvent, apply_edits, edit_from_json, edit_to_json,
                             event_ref, mention_ref)
from kerryview.events.merge import mentions_id
from kerryview.model import Event, EventMention, Granularity, Timex
from kerryview.pipeline import bundled_corpus_paths, import_into_store
from kerryview.store import Store


def _mention(doc: str, start: int, text: str, when: str, value: str) -> EventMention:
    t0 = start + text.index(when)
    return EventMention(doc, start, start + len(text), text,
                        Timex(t0, t0 + len(when), when, "DATE", value))


def event_id(mentions) -> str:
    """The id merging gives an event of these mentions, none on a time expression of another's."""
    return mentions_id((m, False) for m in mentions)


def _event(label: str, *mentions: EventMention, value="2023-07-18") -> Event:
    return Event(event_id(mentions), label, value, value, "2023-07-19", "day",
                 mentions=list(mentions))


MET = _mention("a", 0, "Kerry met Wang Yi on Tuesday.", "on Tuesday", "2023-07-18")
MET_B = _mention("b", 40, "On July 18 Kerry met Wang Yi.", "On July 18", "2023-07-18")
TALKS = _mention("a", 30, "Talks with Xie lasted 12 hours on Monday.", "on Monday", "2023-07-17")


def _labels(events):
    return sorted(e.label for e in events)


def test_a_label_edit_finds_its_event_by_passages_even_after_it_gained_a_source():
    ev = _event("Kerry met Wang Yi", MET)
    edit = SetLabel(event_ref(ev), "Kerry meets Wang Yi in Beijing", was=ev.label)
    [out] = apply_edits([ev], [edit])
    assert out.label == "Kerry meets Wang Yi in Beijing" and out.edited
    assert ev.label == "Kerry met Wang Yi"  # the derived event is not changed in place
    # re-resolved: the same passage now in an event with another source and another id
    grown = _event("Wang Yi met", MET, MET_B)
    assert grown.id != ev.id
    [out] = apply_edits([grown], [edit])
    assert out.label == "Kerry meets Wang Yi in Beijing"


def test_an_edit_whose_passages_are_gone_is_reported_and_changes_nothing():
    other = _event("Talks", TALKS)
    edit = SetLabel(frozenset({mention_ref(MET)}), "x")
    missed = []
    assert apply_edits([other], [edit], missed) == [other]
    assert missed == [edit]


@pytest.mark.parametrize("kind,first,last,value,start,end,granularity", [
    ("day", date(2023, 7, 19), None, "2023-07-19", "2023-07-19", "2023-07-20", Granularity.DAY),
    ("month", date(2023, 12, 1), None, "2023-12", "2023-12-01", "2024-01-01", Granularity.MONTH),
    ("year", date(2022, 1, 1), None, "2022", "2022-01-01", "2023-01-01", Granularity.YEAR),
    ("range", date(2023, 7, 16), date(2023, 7, 19), "2023-07-16", "2023-07-16", "2023-07-20",
     Granularity.DAY),
])
def test_a_date_edit_sets_the_date_at_its_granularity(kind, first, last, value, start, end,
                                                      granularity):
    ev = replace(_event("Talks", TALKS, value="2023-07-17"), duration="PT12H")
    [out] = apply_edits([ev], [SetDate(event_ref(ev), EditDate(kind, first, last))])
    assert (out.value, out.start, out.end, out.granularity) == (value, start, end, granularity)
    # a day keeps the talks' 12 hours; a range lasts its days; a month or year has no duration
    assert out.duration == {"day": "PT12H", "range": "P4D"}.get(kind)


def test_the_date_dialog_starts_from_the_event_date():
    ev = _event("Talks", TALKS, value="2023-07-17")
    assert EditDate.of_event(replace(ev, start="2023-07-17", end="2023-07-18")) == \
        EditDate("day", date(2023, 7, 17))
    month = replace(ev, start="2023-07-01", end="2023-08-01", granularity="month")
    assert EditDate.of_event(month) == EditDate("month", date(2023, 7, 1))
    summer = replace(ev, start="2023-06-01", end="2023-09-01", granularity="season")
    assert EditDate.of_event(summer) == EditDate("range", date(2023, 6, 1), date(2023, 8, 31))
    with pytest.raises(ValueError):
        EditDate("range", date(2023, 7, 2), date(2023, 7, 1))


def test_status_and_note():
    ev = _event("Kerry leaves", MET)
    out = apply_edits([ev], [SetStatus(event_ref(ev), "scheduled"),
                             SetNote(event_ref(ev), "Check with the embassy")])
    assert (out[0].status, out[0].note) == ("scheduled", "Check with the embassy")
    with pytest.raises(ValueError):
        SetStatus(event_ref(ev), "rumoured")


def test_merge_makes_one_event_with_every_passage_and_the_first_ones_label():
    a, b, c = _event("Kerry met Wang Yi", MET), _event("Meeting", MET_B), _event("Talks", TALKS)
    edit = MergeEvents((event_ref(a), event_ref(b)), was=(a.label, b.label))
    out = apply_edits([a, b, c], [edit])
    assert _labels(out) == ["Kerry met Wang Yi", "Talks"]
    merged = next(e for e in out if e.label == "Kerry met Wang Yi")
    assert {mention_ref(m) for m in merged.mentions} == {mention_ref(MET), mention_ref(MET_B)}
    assert merged.document_ids == ["a", "b"]
    # the id merging would give these passages, so marks on it work as on a found event
    assert merged.id == event_id([MET, MET_B])


def test_split_moves_passages_to_an_event_of_their_own_dated_by_them():
    both = _event("Kerry met Wang Yi", MET, TALKS)
    out = apply_edits([both], [SplitEvent(event_ref(both), frozenset({mention_ref(TALKS)}))])
    assert len(out) == 2
    talks = next(e for e in out if e.mentions == [TALKS])
    rest = next(e for e in out if e.mentions == [MET])
    assert talks.value == "2023-07-17" and talks.start == "2023-07-17"  # its own passage's date
    assert "Talks with Xie" in talks.label
    assert rest.label == "Kerry met Wang Yi" and rest.value == "2023-07-18"
    # splitting off every passage, or none, changes nothing
    missed = []
    assert apply_edits([both], [SplitEvent(event_ref(both), event_ref(both))], missed) == [both]
    assert len(missed) == 1


def test_an_added_event_and_its_later_edits():
    add = AddEvent("a", 100, 140, "Kerry will fly home on Thursday morning.", "Kerry flies home",
                   EditDate("day", date(2023, 7, 20)), "scheduled")
    [ev] = apply_edits([], [add])
    assert (ev.label, ev.start, ev.status, ev.edited) == ("Kerry flies home", "2023-07-20",
                                                         "scheduled", True)
    assert ev.mentions[0].text.startswith("Kerry will fly") and ev.document_ids == ["a"]
    [again] = apply_edits([], [add, SetLabel(event_ref(ev), "Kerry leaves Beijing")])
    assert again.label == "Kerry leaves Beijing"


@pytest.mark.parametrize("edit", [
    SetLabel(frozenset({("a", 1, 5), ("b", 7, 9)}), "New “label”", was="old"),
    SetDate(frozenset({("a", 1, 5)}), EditDate("range", date(2023, 7, 1), date(2023, 7, 3))),
    SetStatus(frozenset({("a", 1, 5)}), "expected"),
    SetNote(frozenset({("a", 1, 5)}), "line 1\nline 2"),
    AddEvent("a", 3, 9, "text", "label", EditDate("year", date(2020, 1, 1))),
    MergeEvents((frozenset({("a", 1, 5)}), frozenset({("b", 2, 3)})), was=("x", "y")),
    SplitEvent(frozenset({("a", 1, 5), ("b", 2, 3)}), frozenset({("b", 2, 3)})),
])
def test_every_kind_of_edit_reads_back_as_written(edit):
    import json
    assert edit_from_json(json.loads(json.dumps(edit_to_json(edit)))) == edit
    assert edit.describe()


# -- in the store, across re-resolution ------------------------------------------------------
def _wang_yi(events):
    """Tuesday's meeting with Wang Yi: the 18 July event most sources report."""
    return max((e for e in events if e.start.startswith("2023-07-18")),
               key=lambda e: len(e.document_ids))


def test_edits_are_kept_and_applied_after_every_re_resolution(tmp_path):
    store = Store(tmp_path / "p.db")
    import_into_store(store, bundled_corpus_paths())
    ev = _wang_yi(store.events())
    label_id = store.add_edit(SetLabel(event_ref(ev), "Kerry and Wang Yi meet", was=ev.label))
    store.add_edit(SetNote(event_ref(ev), "Photo in the Xinhua piece"))
    store.set_event_mark(ev.id, reviewed=True)
    reopened = Store(tmp_path / "p.db")
    mine = next(e for e in reopened.events() if e.label == "Kerry and Wang Yi meet")
    assert mine.note == "Photo in the Xinhua piece" and mine.reviewed
    # resolving the corpus again (what setting a publication date does) keeps them
    result = import_into_store(reopened, [])
    assert any(e.label == "Kerry and Wang Yi meet" for e in result.events)
    assert any(e.label == "Kerry and Wang Yi meet" for e in reopened.events())
    # undoing removes the edit: the derived label is back, the note stays
    reopened.remove_edit(label_id)
    back = _wang_yi(reopened.events())
    assert back.label == ev.label and back.note == "Photo in the Xinhua piece"
    assert [type(e).__name__ for _, e in reopened.edits()] == ["SetNote"]


def test_a_project_made_before_edits_gets_the_table_on_opening(tmp_path):
    path = tmp_path / "old.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE event_edits")
    conn.execute("DELETE FROM schema_version WHERE version >= 6")  # as schema 5 left it
    conn.commit()
    conn.close()
    assert Store(path, read_only=True).edits() == []  # read-only: nothing written, no edits
    store = Store(path)
    assert "event_edits" in store.db.table_names() and not store.needs_rebuild
    store.add_edit(SetNote(frozenset({("a", 1, 2)}), "n"))
    assert len(Store(path).edits()) == 1


def test_a_row_from_a_newer_version_is_skipped(tmp_path):
    store = Store(tmp_path / "p.db")
    store.db.execute("INSERT INTO event_edits (edit, made) VALUES (?, 0)",
                     ['{"kind": "recolour", "target": []}'])
    store.add_edit(SetNote(frozenset({("a", 1, 2)}), "n"))
    assert [type(e).__name__ for _, e in store.edits()] == ["SetNote"]


def test_exports_carry_the_edits(tmp_path):
    """`kerryview export` reads the project's events, and they have the user's edits on them:
    the corrected label and date are what gets published."""
    from kerryview.cli import main
    import json
    store = Store(tmp_path / "p.db")
    import_into_store(store, bundled_corpus_paths())
    ev = _wang_yi(store.events())
    store.add_edits([SetLabel(event_ref(ev), "Kerry meets Wang Yi", was=ev.label),
                     SetDate(event_ref(ev), EditDate("range", date(2023, 7, 18), date(2023, 7, 19)))])
    store.close()
    out = tmp_path / "t.json"
    assert main(["export", "--db", str(tmp_path / "p.db"), "-o", str(out)]) == 0
    slide = next(s for s in json.loads(out.read_text("utf-8"))["events"]
                 if s["text"]["headline"] == "Kerry meets Wang Yi")
    assert slide["start_date"]["day"] == "18" and slide["end_date"]["day"] == "19"


# -- properties ------------------------------------------------------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402


def _events_of(groups: list[list[int]]) -> list[Event]:
    """Events whose passages are numbered time expressions in two documents (unique offsets)."""
    out = []
    for g, numbers in enumerate(groups):
        mentions = [_mention("ab"[n % 2], n * 100, f"Passage {n} on July {10 + g % 18}.",
                             f"July {10 + g % 18}", f"2023-07-{10 + g % 18:02d}")
                    for n in numbers]
        out.append(_event(f"Event {g}", *mentions, value=f"2023-07-{10 + g % 18:02d}"))
    return out


@st.composite
def corpora_and_edits(draw):
    n = draw(st.integers(1, 12))
    numbers = list(range(n))
    cuts = sorted(draw(st.sets(st.integers(1, max(1, n - 1)), max_size=n - 1))) if n > 1 else []
    groups = [numbers[a:b] for a, b in zip([0, *cuts], [*cuts, n]) if numbers[a:b]]
    events = _events_of(groups)
    keys = [mention_ref(m) for e in events for m in e.mentions]
    ref = st.frozensets(st.sampled_from(keys), min_size=1, max_size=3)
    day = st.dates(date(2023, 1, 1), date(2023, 12, 31))
    edit = st.one_of(
        st.builds(SetLabel, ref, st.sampled_from(["A", "B", "C"])),
        st.builds(SetStatus, ref, st.sampled_from(["happened", "scheduled", "expected"])),
        st.builds(SetNote, ref, st.sampled_from(["", "note"])),
        st.builds(SetDate, ref, st.builds(EditDate, st.sampled_from(["day", "month", "year"]),
                                          day)),
        st.builds(lambda a, b: MergeEvents((a, b)), ref, ref),
        st.builds(SplitEvent, ref, ref),
        st.builds(lambda k, d: AddEvent("c", k * 10, k * 10 + 5, "added", "Added",
                                        EditDate("day", d)), st.integers(0, 3), day))
    return events, draw(st.lists(edit, max_size=8))


@settings(max_examples=300)  # each example applies up to 8 edits three times: 300 cover it
@given(corpora_and_edits(), st.data())
def test_edits_applied_in_two_goes_give_what_they_give_at_once(case, data):
    """What the window does (applying each new step to the events shown) is what reopening
    the project does (applying every stored edit to the derived events); and no edit loses or
    copies a passage."""
    events, edits = case
    k = data.draw(st.integers(0, len(edits)))
    at_once = apply_edits(events, edits)
    assert apply_edits(apply_edits(events, edits[:k]), edits[k:]) == at_once
    found = sorted(mention_ref(m) for e in at_once for m in e.mentions if m.document_id != "c")
    assert found == sorted(mention_ref(m) for e in events for m in e.mentions)
    assert all(e.mentions for e in at_once)
    assert sum(1 for e in at_once for m in e.mentions if m.document_id == "c") == \
        sum(1 for e in edits if isinstance(e, AddEvent))
