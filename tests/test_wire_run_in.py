"""Copied Reuters pages put headline, place, date, time and the wire dateline on the first
sentence's line ("HOUSTON, June 2 | Wed Jun 2, 2010 2:39pm EDT HOUSTON (Reuters) - BP ...").
That date line gives the publication date and is never an event; the sentence after
"(Reuters) -" is read, and its label starts at that sentence, never at a cut clock time."""
from datetime import date

import pytest

from kerryview.dating.datelines import read_dateline
from kerryview.events.labels import cut_number
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import build_corpus

GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")

RUN_IN = [
    ("HONG KONG | Mon Apr 27, 2009 12:43 am EDT HONG KONG (Reuters) - A Chinese virologist "
     "warned on Monday of a possible swine flu pandemic.\n", date(2009, 4, 27)),
    ("BP says oil spill costs $350 million so far, shares hit LONDON | Mon May 10, 2010 7:51 am "
     "EDT LONDON (Reuters) - Oil major BP Plc said on Monday the spill had cost it $350 million.\n",
     date(2010, 5, 10)),
    ("HOUSTON, June 2 | Wed Jun 2, 2010 2:39pm EDT HOUSTON (Reuters) - BP began cutting a pipe "
     "on Wednesday.\n", date(2010, 6, 2)),
    ("Oil spill latest NEW ORLEANS | Thu Jun 3, 2010 2:36 pm EDT NEW ORLEANS\\/WASHINGTON "
     "(Reuters) - BP said on Thursday it had cut the pipe.\n", date(2010, 6, 3)),
    ("GRAND ISLE, La. | Fri Jun 4, 2010 1:30 pm EDT GRAND ISLE, La. (Reuters) - Oil from BP's "
     "well washed ashore on Friday.\n", date(2010, 6, 4)),
    ("Sat Apr 25, 2009 12:51 am BST (Reuters) - Health officials said on Friday they were "
     "watching an outbreak in Mexico.\n", date(2009, 4, 25)),
]


def _events(text, day):
    doc = Document(id="d", path="d.txt", text=text + "Shares fell in London.\n", dct=day,
                   dct_source=GIVEN, dateline=read_dateline(text))
    return build_corpus([doc])


@pytest.mark.parametrize("text,day", RUN_IN, ids=lambda x: str(x)[:20])
def test_a_run_in_wire_date_line_is_the_publication_date(text, day):
    line = read_dateline(text)
    assert line is not None and line.value == day
    assert text[line.start:line.end].endswith("(Reuters) -")


@pytest.mark.parametrize("text,day", RUN_IN, ids=lambda x: str(x)[:20])
def test_a_run_in_wire_date_line_is_no_event_and_its_sentence_is(text, day):
    events = _events(text, day)
    labels = [e.label for e in events]
    assert labels, text
    for label in labels:
        assert " | " not in label and "(Reuters)" not in label, labels
        assert not label[:1].isdigit(), labels
    sentence = text.split("(Reuters) - ", 1)[1]
    first_words = " ".join(sentence.split()[:2])
    # its passage is read (labelled by it, or by the headline of the same news when the page
    # has one: "BP says oil spill costs $350 million so far, shares hit")
    assert any(text.startswith(first_words, m.start) for e in events for m in e.mentions), labels
    assert any(label.startswith(first_words) or text.startswith(label) for label in labels), labels


def test_a_wire_dateline_after_headline_and_byline_starts_the_passage():
    text = ("UAE says no ban on pork (Updates with comments) By Jane Doe DUBAI, April 30 "
            "(Reuters) - The United Arab Emirates said on Thursday it had not banned pork.\n"
            "Shops cleared their shelves.\n")
    doc = Document(id="d", path="d.txt", text=text, dct=date(2009, 4, 30), dct_source=GIVEN,
                   dateline=read_dateline(text))
    labels = [e.label for e in build_corpus([doc])]
    assert any(lb.startswith("The United Arab Emirates") for lb in labels), labels
    assert not any("(Reuters)" in lb or "DUBAI" in lb for lb in labels), labels


def test_a_clock_time_is_not_a_clause_break():
    text = "At 2:36 pm the well was capped"
    assert cut_number(text, text.index("36"))
    assert not cut_number(text, text.index("the"))


def test_a_dateline_after_a_page_stamp_is_part_of_the_prefix_that_holds_no_events():
    from kerryview.events.not_events import not_event_prefix
    line = ("Mon May 11, 2009 2:06 pm EDT LONDON May 11 (Reuters) - Thai scientists said on "
            "Monday the strain caused symptoms.")
    # the stamp alone (28 characters) left "LONDON May 11 (Reuters) -" to be read as news
    assert line[not_event_prefix(line):].lstrip().startswith("Thai scientists")
