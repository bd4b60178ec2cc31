"""What a journalist sees of a pile of copied news pages (the kind Timeline17 holds: wire
stories whose first line runs a page stamp and a year-less dateline into the lead, newspaper
pages with their print-edition note and page furniture at the end): the timeline's labels read
as news, never as a dateline or a page's small print."""
from __future__ import annotations

from datetime import date

from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import build_corpus
from kerryview.store import Store

from conftest import shown_window

GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")


def _window(qtbot, tmp_path, docs):
    store = Store(tmp_path / "pile.kvproj")
    store.save_corpus(docs, build_corpus(docs))
    w = shown_window(qtbot, store)
    w.timeline.fitAll()
    return store, w


def _labels_on_timeline(w) -> list[str]:
    events = w.timeline.index().events
    return [events[r].label for r in w.timeline.visibleRows()]


WIRE = [
    # a year-less wire dateline (the date comes from elsewhere: here, given)
    ("RIYADH, June 3 (Reuters) - Saudi Arabia has confirmed its first case of the H1N1 flu "
     "virus in a Filipina nurse, the kingdom's health minister said on Wednesday.\n"
     "The woman arrived on Friday on board a flight from the Philippines.\n", date(2009, 6, 3)),
    # a page's time stamp, then the dateline, run into the lead
    ("Mon May 11, 2009 2:06 pm EDT LONDON May 11 (Reuters) - Thai scientists who infected "
     "piglets with the new H1N1 virus said on Monday the strain caused flu-like symptoms in the "
     "animals.\nThe team will publish its results next month.\n", date(2009, 5, 11)),
]


def test_no_event_on_the_timeline_is_labelled_by_a_wire_dateline(qtbot, tmp_path):
    docs = [Document(id=f"w{i}", path=f"/pile/w{i}.txt", text=text, dct=day, dct_source=GIVEN)
            for i, (text, day) in enumerate(WIRE)]
    store, w = _window(qtbot, tmp_path, docs)
    try:
        labels = _labels_on_timeline(w)
        assert labels
        for label in labels:  # was "June 3 (Reuters) - Saudi Arabia has confirmed ..."
            assert "(Reuters)" not in label and not label.startswith(("June 3", "2009")), labels
        assert any(label.startswith("Saudi Arabia has confirmed") for label in labels), labels
    finally:
        w.jobs.cancel()
        w.jobs.wait()
        store.close()


GUARDIAN_PAGE = (
    "Barack Obama 'heartbroken' as BP top kill fails to plug Gulf oil spill\n"
    "BP said on Saturday that its top kill attempt had failed to stop the leak.\n"
    "The company will now try to cap the well with a containment dome.\n"
    "A version appeared on p1 of the Main section section of the Guardian on 09.48 BST on "
    "Sunday 30 May 2010 The latest news and comment from our team of reporters, writers and "
    "editors in the US Auto update every minute On | Off MatthewWells: Friend turns on TV and "
    "sees Ocado van driver reversing away from flames on Friday\n")


def test_a_newspapers_print_edition_note_and_the_page_after_it_are_no_events(qtbot, tmp_path):
    """The note that the article appeared in print ends it: neither the note (dated by its
    own time stamp) nor the Twitter feed copied after it is an event on the timeline."""
    doc = Document(id="g", path="/pile/g.txt", text=GUARDIAN_PAGE, dct=date(2010, 5, 30),
                   dct_source=GIVEN)
    store, w = _window(qtbot, tmp_path, [doc])
    try:
        labels = [e.label for e in w.timeline.index().events]
        assert any("top kill" in label for label in labels), labels
        for label in labels:  # was "A version appeared on p1 of the Main section section ..."
            assert "appeared on p1" not in label and "Ocado" not in label, labels
    finally:
        w.jobs.cancel()
        w.jobs.wait()
        store.close()
