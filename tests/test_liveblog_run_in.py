"""A live blog copied flat: its stamps run into the middle of a line, after the last words of
the entry before ("... and 250,000 injured 2032 Gen Douglas Fraser, the commander of US
SOUTHCOM, says ..."). kerryview.timex.liveblog, the one home of a live blog's stamps, reads
them as the blog's clock (rule run_in_stamp of timex/rules/live_blog.tsv), for the tagger and
for the events alike."""
import re
from datetime import date

import pytest

from kerryview.events.liveblog import live_blog
from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.timex import tag
from kerryview.timex.liveblog import MIN_STAMPS, live_blog_days, rules

DCT = date(2010, 1, 15)
GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")

# a BBC live page of the Haiti earthquake copied flat: some stamps open lines, some run in
FLAT = ("Haiti earthquake live\n"
        "2300 The BBC is discontinuing this live update page for the night.\n"
        "2259 The airport is now busier than ever, our correspondent says 2149 Mrs Clinton says they "
        "will remain at the airport.\n"
        "2050 Officials say that 50,000 people had been killed and 250,000 injured 2032 Gen Douglas "
        "Fraser, the commander of US SOUTHCOM, says the port is badly damaged.\n"
        "1900 Rescuers dig with their bare hands, looking for food and water 1828 The US Agency for "
        "International Development sends search teams.\n"
        "Recovery teams follow the lessons learned from the 2004 Asian tsunami.\n"
        "Mr Ban plans to visit Haiti \"very soon\" 1612 President Preval asked Mr Obama to pass on "
        "his thanks.\n")


def _tags(text, dct=DCT):
    return {text[t.start:t.end]: (t.type, t.value) for t in tag(text, dct)}


def test_the_rules_match_their_examples():
    for name in ("line_stamp", "run_in_stamp"):
        pattern, example = rules()[name]
        m = re.search(pattern, example)
        assert m and m["hhmm"] in example
    pattern, example = rules()["run_in_stamp"]
    stamp = re.search(pattern, example)["hhmm"]
    # the same number at a line's start, after a digit, before a small letter or a time zone: none
    for other in (example[example.index(stamp):], example.replace(f" {stamp} ", f" 1, {stamp} "),
                  example.replace(f" {stamp} Haiti", f" {stamp} people"), example.replace(f"{stamp} ", f"{stamp} GMT ")):
        assert not re.search(pattern, other), other


def test_run_in_stamps_of_a_live_blog_are_its_clock_times():
    found = _tags(FLAT)
    assert found["2032"] == ("TIME", "2010-01-15T20:32")  # was the year 2032
    assert found["2149"] == ("TIME", "2010-01-15T21:49")  # was no expression
    assert found["1828"] == ("TIME", "2010-01-15T18:28")
    assert found["1612"] == ("TIME", "2010-01-15T16:12")
    assert found["2050"] == ("TIME", "2010-01-15T20:50")  # a stamp at a line's start, as before
    assert found["2004"] == ("DATE", "2004")  # "the 2004 Asian tsunami": a year after "the"


def test_a_run_in_stamp_splits_the_entries_and_dates_no_year():
    doc = Document(id="d", path="d.txt", text=FLAT, dct=DCT, dct_source=GIVEN)
    found = find_mentions(doc, tag(FLAT, DCT))
    assert not any(f.mention.timex.value.startswith(("2032", "2050", "1828", "1612")) for f in found)
    labels = [f.label for f in found]
    assert not any("injured Gen" in lb or "injured 2032" in lb for lb in labels), labels
    blog = live_blog(FLAT, DCT, tag(FLAT, DCT))
    entry = FLAT.index("2032 Gen")
    assert blog.times[entry] == "2010-01-15T20:32"
    assert FLAT[blog.entry_words(entry):].startswith("Gen Douglas Fraser")


def test_run_in_stamps_past_midnight_are_of_the_next_day():
    text = ("Election night live\nWe end here for tonight 0020 Still counting in Sunderland 0005 The "
            "first result is announced 2346 Polls have closed everywhere 2200 The exit poll is published 2130 "
            "Queues form at the polling stations.\n")
    found = _tags(text, date(2010, 5, 6))
    assert found["0020"] == ("TIME", "2010-05-07T00:20")
    assert found["0005"] == ("TIME", "2010-05-07T00:05")
    assert found["2346"] == ("TIME", "2010-05-06T23:46")


@pytest.mark.parametrize("text", [
    # years in running text, newest first, every one a possible year
    "He joined the firm in Paris 2006 Chief executive. He left Rome 2004 Finance director. A job "
    "followed 2001 Treasurer. Then London 1998 Analyst.\n",
    # too few run-in stamps
    "Officials say 50,000 people were killed 2032 Gen Fraser says. The rest waits 2149 Mrs Clinton "
    "says. And more 1828 The US sends teams.\n",
    # running forwards: a chronology
    "The war began 1914 Italy joins the fight 1915 The Somme is fought 1916 America enters 2130 Peace.\n",
])
def test_no_blog_without_several_run_in_stamps_newest_first_and_one_no_year(text):
    assert live_blog_days(text) == {}
    assert len(re.findall(rules()["run_in_stamp"][0], text)) >= MIN_STAMPS - 1


def test_a_page_with_line_stamps_only_reads_as_before():
    lines = FLAT.replace(" 2149 ", "\n2149 ").replace(" 2032 ", "\n2032 ").replace(" 1828 ", "\n1828 ") \
        .replace(" 1612 ", "\n1612 ")
    assert len(live_blog_days(lines)) == len(live_blog_days(FLAT)) == 8
