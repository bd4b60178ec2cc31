"""Date lines as newspapers, wires and news sites print them (kerryview/dating/data/
dateline_styles.tsv): each style's example is read to its date, its span covers the whole date
line, and no time expression in it becomes an event."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kerryview.dating.datelines import is_date_line, read_dateline, styles
from kerryview.events.mentions import find_mentions
from kerryview.ingest.reader import read_document
from kerryview.timex import tag

BODY = "BP said on Tuesday it would try again, after the well failed on May 20, 2010."
HEADLINE = "BP tries again to plug the leaking well"
STYLES = styles()


def _placements(example: str) -> dict[str, str]:
    """The example at the top, under the headline, and under a headline and a byline."""
    return {"top": f"{example}\n{HEADLINE}\n{BODY}",
            "after headline": f"{HEADLINE}\n{example}\n{BODY}",
            "after byline": f"{HEADLINE}\nBy Jane Doe, Staff Writer\n\n{example}\n{BODY}"}


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_every_style_example_is_read_to_its_date_and_span(style):
    placements = _placements(style.example)
    if style.part == "top":
        placements = {"top": placements["top"]}
    for where, text in placements.items():
        line = read_dateline(text)
        assert line is not None, f"{style.name} {where}: not read"
        assert line.value == date.fromisoformat(style.date), f"{style.name} {where}"
        assert text[line.start:line.end] == style.span, f"{style.name} {where}"
        # the span runs to the end of the date line: nothing after it on its line but text
        # that runs on from a wire dateline
        rest = text[line.end:].split("\n", 1)[0]
        assert not rest.strip() or style.fit == "lead", f"{style.name} {where}: {rest!r} left"


def _tokenised(text: str) -> str:
    """`text` as research corpora tokenise it (ECB+, TimeBank): a space either side of a comma,
    a semicolon, a slash and a colon between digits ("May 24 , 2010 10 : 07", "05 / 24 / 2010")."""
    return re.sub(r" *([,;/]|(?<=\d):(?=\d)) *", r" \1 ", text).replace("  ", " ")


TOKENISED = [s for s in STYLES if _tokenised(s.example) != s.example]


@pytest.mark.parametrize("style", TOKENISED, ids=[s.name for s in TOKENISED])
def test_a_tokenised_date_line_is_read_as_the_date_line(style):
    """"May 03 , 2013" is the date line "May 03, 2013": read to the same date, its span the
    tokenised stamp (datelines._TOKENISED_SPACE)."""
    for where, text in _placements(_tokenised(style.example)).items():
        if style.part == "top" and where != "top":
            continue
        line = read_dateline(text)
        assert line is not None, f"{style.name} {where}: not read"
        assert line.value == date.fromisoformat(style.date), f"{style.name} {where}"
        assert text[line.start:line.end] == _tokenised(style.span).strip(), f"{style.name} {where}"


def test_a_tokenised_date_line_under_an_ecb_headline_is_its_date():
    text = ("http : / / articles . latimes . com / 2013 / may / 03 / local / lohan - rehab\n"
            "Lindsay Lohan checks into Betty Ford Center\nMay 03 , 2013\n"
            "After skipping out on entering a Newport Beach rehabilitation facility , Lindsay "
            "Lohan has checked into the Betty Ford Center .")
    line = read_dateline(text)
    assert line.value == date(2013, 5, 3) and text[line.start:line.end] == "May 03 , 2013"
    assert read_dateline("He said : 5 / 24 is the deadline .\nBody .") is None


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_no_time_in_a_date_line_becomes_an_event(style, tmp_path):
    text = f"{HEADLINE}\n{style.example} {BODY}" if style.fit == "lead" else \
        f"{HEADLINE}\n{style.example}\n{BODY}"
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    doc = read_document(f)
    doc.dct = doc.dateline.value
    block = text.index(style.span), text.index(style.span) + len(style.span)
    found = find_mentions(doc, tag(doc.text, doc.dct))
    inside = [f.mention.timex.text for f in found if block[0] <= f.mention.timex.start < block[1]]
    assert inside == []
    assert any(f.mention.timex.text == "May 20, 2010" for f in found)  # the body still counts


def test_the_first_publication_wins_over_an_update():
    text = "Headline\nUpdated: May 26, 2010 14:07 GMT\nPublished: May 24, 2010\nBody."
    line = read_dateline(text)
    assert line.value == date(2010, 5, 24)
    assert text[line.start:line.end] == "May 26, 2010 14:07 GMT\nPublished: May 24, 2010"


def test_a_yearless_wire_dateline_alone_is_not_a_stated_date():
    assert read_dateline("BP tries again\nWASHINGTON, May 24 (Reuters) - BP said on Monday.") is None


def test_a_yearless_wire_dateline_takes_the_year_of_the_page_date():
    text = "Jan 2, 2011 10:07am EST\nHeadline\nLONDON, Dec 31 (Reuters) - Shares fell."
    line = read_dateline(text)
    assert line.value == date(2010, 12, 31)  # on or before the page's date: the year before


@pytest.mark.parametrize("text", [
    "Kerry met Wang on July 18, 2023.",
    "May 24, 2010 was the day BP admitted the leak was larger.\nBody.",
    "On May 24, 2010 BP said it would try again.",
    "WASHINGTON - The White House said on May 24, 2010 that it would act.",
    "The 5/24 deadline passed.\nBody.",
    "Timeline\nMay 24, 2010 - BP tries a top kill\nMay 27 - Obama visits",
    "Headline\n" + "\n".join(f"Paragraph {i} of the body." for i in range(10)) + "\n24 May 2010",
])
def test_a_sentence_that_mentions_a_date_is_not_a_date_line(text):
    assert read_dateline(text) is None


def test_a_numeric_date_with_the_day_first_is_read_as_such():
    assert read_dateline("Posted: 24/05/2010 14:07\nBody").value == date(2010, 5, 24)
    assert read_dateline("Headline\n13/13/2010\nBody") is None  # no such day


def test_a_date_line_is_never_taken_for_a_title():
    assert is_date_line("24 May 2010") and is_date_line("Published: May 24, 2010")
    assert not is_date_line("BP tries again to plug the well")


def test_the_styles_file_is_in_the_package():
    import kerryview.dating
    assert (Path(kerryview.dating.__file__).parent / "data" / "dateline_styles.tsv").is_file()
    assert len(STYLES) >= 25 and len({s.name for s in STYLES}) == len(STYLES)


from hypothesis import given, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["May", "24", "2010", ",", " ", "\n", "Published:", "(Reuters)", "-",
                           "WASHINGTON", "10:07", "am", "EDT", "/", "Mon", "T", "Z", "|", "x"])


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_any_text_gives_no_date_line_or_one_inside_the_text(text):
    line = read_dateline(text)
    if line is not None:
        assert 0 <= line.start < line.end <= len(text)
        assert text[line.start:line.end].strip() == text[line.start:line.end]


def test_date_lines_around_a_byline_are_one_block():
    text = "Headline\nPublished: May 24, 2010\nBy Jane Doe\nUpdated: May 25, 2010 14:07 GMT\nBody."
    line = read_dateline(text)
    assert line.value == date(2010, 5, 24)
    assert text[line.start:line.end] == "May 24, 2010\nBy Jane Doe\nUpdated: May 25, 2010 14:07 GMT"


def test_a_date_line_running_into_text_is_not_widened_over_that_text():
    text = "Published: May 24, 2010 BP said on Monday.\nBy Jane Doe\nUpdated: May 25, 2010\nBody."
    line = read_dateline(text)
    assert text[line.start:line.end] == "May 24, 2010"  # not "BP said on Monday ..."


def test_of_two_date_lines_of_one_day_the_span_is_the_one_on_a_line_of_its_own():
    text = ("Thursday, May 27, 2010; 4:21 PM Scientists have found oil.\nHeadline\nMay 27, 2010\n"
            "Body.")
    line = read_dateline(text)
    assert line.value == date(2010, 5, 27) and text[line.start:line.end] == "May 27, 2010"


def test_a_date_line_at_the_top_is_not_shown_as_the_title(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Mon May 24, 2010 10:07am EDT\nBP tries again\nBP said on Tuesday it would.",
                 encoding="utf-8")
    assert read_document(f).title != "Mon May 24, 2010 10:07am EDT"


@pytest.mark.parametrize("text, day", [
    ("29 September 2011 Last updated at 17:57 GMT Help Michael Jackson's doctor Conrad Murray "
     "listened as the jury heard the recording.", date(2011, 9, 29)),
    ("US sues BP over Gulf of Mexico oil disaster 16 December 2010 Last updated at 06:54 GMT "
     "Help The United States is to sue BP and eight other companies.", date(2010, 12, 16)),
    ("Headline\n8 November 2011 Updated 06:28 The jury began its deliberations.", date(2011, 11, 8)),
])
def test_a_date_then_the_time_of_its_last_update_is_the_page_date_line(text, day):
    # BBC News pages of 2010-2011 print the day, then "Last updated at" its clock time: the
    # clock stands too far from the date for the cues' head_stamp, the date-line reader reads it
    line = read_dateline(text)
    assert line is not None and line.value == day
    assert text[line.start:].startswith(day.strftime("%-d %B %Y"))


def test_a_date_then_an_update_time_in_a_sentence_is_no_date_line():
    assert read_dateline("Headline\nThe report of 24 May 2010 was updated on Tuesday.\nBody") is None
