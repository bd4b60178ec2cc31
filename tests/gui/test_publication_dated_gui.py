"""An event no passage dates (headline news, dated by its articles' publication days) is tagged
"day of publication" on the timeline; the passages panel's header says so too, and says when
those publication days are themselves inferred from the other articles (a pile of files
without date lines): the reader of the header sees how far the day is from the text."""
from __future__ import annotations

from datetime import date

from conftest import mention

from kerryview.gui.passages import PassagesPanel
from kerryview.gui.timeline.layout import BY_PUBLICATION_TAG
from kerryview.model import DateSource, DateSourceKind, Document, Event


def _doc(doc_id: str, kind: DateSourceKind, text: str) -> Document:
    return Document(id=doc_id, path=f"/news/{doc_id}.txt", title=None, text=text,
                    dct=date(2010, 9, 8), dct_source=DateSource(kind, "how"))


def _event(*docs: Document, dated_by: str = "publication") -> Event:
    ev = Event(id="e", label="BP blamed others", value="2010-09-08", start="2010-09-08",
               end="2010-09-09", granularity="day")
    ev.mentions = [mention(d, "BP blamed others.", "BP", "2010-09-08", dated_by=dated_by)
                   for d in docs]
    return ev


def _header(qtbot, docs, ev) -> str:
    panel = PassagesPanel()
    qtbot.addWidget(panel)
    panel.set_documents({d.id: d for d in docs})
    panel.set_event(ev)
    return panel.header.text()


def test_the_header_says_the_day_is_the_publication_day_and_whether_it_was_inferred(qtbot):
    stated = _doc("s", DateSourceKind.STATED_IN_TEXT, "BP blamed others.")
    guessed = [_doc(i, DateSourceKind.INFERRED, "BP blamed others.") for i in ("a", "b")]
    header = _header(qtbot, [stated], _event(stated))
    assert f"{BY_PUBLICATION_TAG}, no passage gives a date" in header  # it said only the day
    assert "inferred" not in header
    header = _header(qtbot, guessed, _event(*guessed))
    assert (f"{BY_PUBLICATION_TAG}, no passage gives a date; the publication dates are "
            "inferred from the other articles") in header
    header = _header(qtbot, guessed[:1], _event(guessed[0]))
    assert "its article’s publication date is inferred" in header
    # a passage that gives its own date: no such words
    header = _header(qtbot, [stated], _event(stated, dated_by="time expression"))
    assert BY_PUBLICATION_TAG not in header and "Wednesday 8 September 2010" in header
