"""A year-less wire dateline ("WASHINGTON, May 24 (Reuters) -") states the month and the day
exactly: inference gives it only its year, from the article's own dates or from its pile
(kerryview/dating/data/inference_cues.json: wire_dateline_year, wire_dateline_pile_year)."""
from datetime import date

import pytest

from kerryview.dating.datelines import read_dateline, yearless_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import DateSourceKind, Document
from kerryview.pipeline import CachingTagger


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def _date(docs: list[Document]) -> None:
    infer_dcts(docs, CachingTagger())


def test_the_year_follows_a_full_date_the_article_reports_as_past():
    """The spill began on April 20, 2010: a report dated Jan 4 that tells it as past is of
    January 2011, not of the January before the spill (nor of the spill's day)."""
    a = _doc("x", "BP counts the cost\nLONDON, Jan 4 (Reuters) - BP said the oil spill, which "
                  "began when its rig exploded on April 20, 2010, had cost it $40 billion so far.")
    _date([a])
    assert a.dct == date(2011, 1, 4), str(a.dct_source)
    how = str(a.dct_source)
    assert how.startswith("day taken from its wire dateline “LONDON, Jan 4 (Reuters) -”")
    assert "the year 2011 from its own words: it gives “April 20, 2010” as past" in how


def test_an_article_that_names_no_year_takes_the_year_of_its_piles_days():
    """Nothing in the article names a year; its pile's dated articles run to 30 December 2009:
    a dateline of January 3 is the story running on into 2010."""
    pile = [_doc(f"p{i}", f"Published: December {d}, 2009\nThe World Health Organization said on "
                          f"December {d}, 2009 that swine flu was spreading.") for i, d in
            enumerate((10, 21, 30))]
    a = _doc("x", "GENEVA, Jan 3 (Reuters) - The World Health Organization said the swine flu "
                  "pandemic was waning in the northern hemisphere, but warned against complacency.")
    _date(pile + [a])
    assert a.dct == date(2010, 1, 3), str(a.dct_source)
    assert a.dct_source.kind is DateSourceKind.INFERRED
    how = str(a.dct_source)
    assert "the year 2010 from the other articles (it names no year itself)" in how
    assert "how sure:" in how


def test_the_day_is_never_moved_off_the_dateline():
    """A passage telling the same event as a dated article's ("yesterday" = its June 15)
    would put the report on June 16; the dateline says June 30, and June 30 it stays, also
    after a headline and standfirst run together over 400 characters (a page copied flat)."""
    pile = [_doc("p", "Published: June 16, 2009\nDenmark reported the first case of Tamiflu "
                      "resistance in a swine flu patient on June 15, 2009, health officials said.")]
    head = "Tamiflu resistance found in Denmark " + "Health officials are watching closely " * 11
    a = _doc("x", head + "\nCOPENHAGEN, June 30 (Reuters) - Denmark reported the first case of "
                  "Tamiflu resistance in a swine flu patient yesterday, health officials said.")
    _date(pile + [a])
    assert a.dct == date(2009, 6, 30), str(a.dct_source)


def test_a_weekday_given_with_a_day_tells_the_year():
    """"Tuesday, June 8" is a Tuesday in 2010, not in 2009 or 2011: of the pile's years, the
    one that puts the day on its weekday."""
    pile = [_doc(f"p{y}", f"Published: June 20, {y}\nThe company reported its results on June 18, "
                          f"{y}.") for y in (2009, 2010, 2011)]
    a = _doc("x", "NEW ORLEANS, June 9 (Reuters) - BP said the cap collected 15,000 barrels on "
                  "Tuesday, June 8, and more on Wednesday.")
    _date(pile + [a])
    assert a.dct == date(2010, 6, 9), str(a.dct_source)
    assert "it gives “Tuesday, June 8” on a Tuesday that year" in str(a.dct_source)


def test_no_year_anywhere_leaves_the_article_undated_and_says_so():
    a = _doc("x", "GENEVA, June 12 (Reuters) - The World Health Organization said the virus was "
                  "spreading, its chief said.")
    _date([a])
    assert a.dct is None
    assert a.dct_source.kind is DateSourceKind.UNKNOWN
    assert str(a.dct_source) == ("not found: its wire dateline “GENEVA, June 12 (Reuters) -” gives "
                                 "the day, 12 June, but not the year, and neither the article nor "
                                 "the other articles name one")


def test_years_nothing_tells_apart_leave_the_article_undated():
    """The pile holds as many dates of 2008 as of 2009, none near March 3 of either: the
    article, which names no year, is not given one of them at random."""
    pile = [_doc(f"p{y}", f"Published: September {d}, {y}\nThe bank said on September {d}, {y} "
                          f"that losses grew.") for y in (2008, 2009) for d in (10, 20)]
    a = _doc("x", "WASHINGTON, March 3 (Reuters) - The bank said losses grew.")
    _date(pile + [a])
    assert a.dct is None, str(a.dct_source)
    assert "nothing in the article or the other articles tells 2008 and 2009 apart" in str(a.dct_source)


def test_the_year_less_dateline_is_read_on_any_head_line_and_only_without_a_full_date():
    long_head = "Headline and standfirst run together " * 15  # over 400 characters
    text = long_head + "\nWASHINGTON, May 24 (Reuters) - BP said."
    line = yearless_dateline(text)
    assert (line.month, line.day) == (5, 24)
    assert text[line.line_start:line.end] == "WASHINGTON, May 24 (Reuters) -"
    assert text[line.start:line.end] == "May 24 (Reuters) -"
    assert yearless_dateline("Mon May 24, 2010 10:07am EDT\nWASHINGTON, May 24 (Reuters) - x") is None
    assert yearless_dateline("BP said on May 24 that the cap held.") is None


def _fed(year: int) -> list[Document]:
    return [_doc("p", f"Published: March 5, {year}\nFed minutes\nThe Federal Reserve said on "
                      f"March 4, {year} that rates would stay low.")]


_FEB_29 = ("Fed holds rates\n\nWASHINGTON, Feb 29 (Reuters) - The Federal Reserve chairman told "
           "Congress that the recovery remained fragile and rates would stay low.")


def test_a_29_february_dateline_takes_a_leap_year_of_its_pile():
    """The tagger reads "Feb 29" under a reference year without one as no date: the dateline's
    own month and day are the clue, and only a year with the day is one it may be."""
    a = _doc("x", _FEB_29)
    _date(_fed(2012) + [a])
    assert a.dct == date(2012, 2, 29), str(a.dct_source)
    assert "the year 2012 from the other articles" in str(a.dct_source)


def test_a_29_february_dateline_in_a_pile_of_no_leap_year_says_so():
    """A pile of March 2013: 2012 has a 29 February but nothing of the pile is there; the
    article stays undated and says why (not that nothing names a year)."""
    a = _doc("x", _FEB_29)
    _date(_fed(2013) + [a])
    assert a.dct is None
    how = str(a.dct_source)
    assert "the year the article and the other articles point to (2013) has no 29 February" in how
    assert "name one" not in how


def test_a_december_dateline_in_a_january_pile_is_of_the_story_s_run_up():
    """'LONDON, Dec 30' with articles of January 5 and 8, 2010: the December just before them,
    not the December eleven months after."""
    pile = [_doc(f"p{d}", f"Published: January {d}, 2010\nFlu waning\nThe WHO said on January "
                          f"{d - 1}, 2010 that swine flu was waning in Europe.") for d in (5, 8)]
    a = _doc("x", "Flu cases fall in Europe\n\nLONDON, Dec 30 (Reuters) - The World Health "
                  "Organization said swine flu cases were falling across Europe.")
    _date(pile + [a])
    assert a.dct == date(2009, 12, 30), str(a.dct_source)
    assert "just before their days, in the story's run-up (the first after it: Tuesday 5 " \
           "January 2010)" in str(a.dct_source)



@pytest.mark.parametrize("january,december", [((10, 11, 12), (27, 28, 29)),
                                              ((4, 5, 6), (18, 19, 20))])
def test_a_december_dateline_the_pile_runs_on_into_is_not_of_its_run_up(january, december):
    """'GENEVA, Dec 30' with articles of January and of December 2010: the December the story
    runs on into (a few days after three of its articles, or ten), not the run-up to the
    January, even a few days before it: the run-up counts only when no year's days reach
    the day, and less the further it is from the first of them."""
    pile = [_doc(f"p{m}{d}", f"Published: {m} {d}, 2010\nFlu vaccine update\nHealth officials "
                             "said vaccination continued.")
            for m, days in (("January", january), ("December", december)) for d in days]
    a = _doc("x", "Flu vaccine latest\n\nGENEVA, Dec 30 (Reuters) - Health officials said swine "
                  "flu vaccination continued across Europe.")
    _date(pile + [a])
    assert a.dct == date(2010, 12, 30), str(a.dct_source)
    assert "among their days" in str(a.dct_source)


def test_the_run_up_weighs_less_the_further_it_is_from_the_pile_s_first_day():
    from kerryview.dating.cues import rules
    from kerryview.dating.inference import _PileDays
    rule = rules()["pile_span"]
    first = date(2010, 1, 5).toordinal()
    pile = _PileDays(rule, [], [first])
    weights = [pile.run_up(first - k, 14)[1] for k in (1, 5, 14, 15)]
    assert weights[0] > weights[1] > weights[2] > weights[3] == 0.0


def test_the_piles_years_leave_out_the_article_s_own_history():
    """The carmaker founded in 1987: that year is the article's history, not one the other
    articles are dated in; and the sentence names the clue that decided."""
    pile = [_doc(f"p{d}", f"Published: January {d}, 2011\nCarmaker\nThe carmaker said on "
                          f"January {d - 1}, 2011 that profits would fall.") for d in (6, 10)]
    a = _doc("x", "Carmaker shares fall\n\nLONDON, Jan 4 (Reuters) - Shares of the carmaker, which "
                  "was founded on March 3, 1987, fell sharply after it warned on profits.")
    _date(pile + [a])
    assert a.dct == date(2011, 1, 4), str(a.dct_source)
    how = str(a.dct_source)
    assert "1987" not in how and "the one with most of their dates" not in how
    assert "the first after it: Thursday 6 January 2011" in how


def test_one_reader_of_the_wire_dateline_also_after_a_byline_run_into_it():
    """The inference cues' wire dateline is the date-line reader's (cues.dateline_spans asks
    yearless_dateline), on any head line, also after a byline or a head run into it; quoted
    from its place, without them."""
    from kerryview.dating.cues import dateline_spans
    text = "By Sue Zeidler LOS ANGELES, April 28 (Reuters) - Studios said ticket sales rose."
    line = yearless_dateline(text)
    assert (line.month, line.day) == (4, 28)
    assert text[line.line_start:line.end] == "LOS ANGELES, April 28 (Reuters) -"
    assert dateline_spans(text) == [("wire", line.start, line.end)]
    far = "Headline\n" + "A long standfirst of many words" * 15 + ".\nGENEVA, June 12 (Reuters) - x"
    line = yearless_dateline(far)
    assert line is not None and line.start > 400  # past the first 400 characters, on a head line
    assert dateline_spans(far) == [("wire", line.start, line.end)]
    assert yearless_dateline("By Jane Doe\nKANSAS CITY, Mo., Oct. 20 -- The bank") is None
    # a wire page copied flat: summary bullets and an editor's note run into the dateline
    flat = ("\\* Two cases of H1N1 flu confirmed in Turkey \\* Virus detected in travellers "
            "(Updates with details on second case) ISTANBUL, May 16 (Reuters) - Turkey on "
            "Saturday confirmed its first two cases of H1N1 influenza.")
    line = yearless_dateline(flat)
    assert flat[line.line_start:line.end] == "ISTANBUL, May 16 (Reuters) -"
    assert dateline_spans(flat) == [("wire", line.start, line.end)]


def test_a_dateline_at_the_start_of_a_line_beats_one_run_into_an_earlier_line():
    """A dateline run into a head line (a "Related:" teaser's) is read only when no head line
    starts with one: the story's own dateline starts its line."""
    from kerryview.dating.datelines import wire_day
    text = ("BP tries again\nRelated: Oil prices ease as BP tries fix. LONDON, May 23 (Reuters) - "
            "Oil prices eased.\nHOUSTON, May 24 (Reuters) - BP said it would try again.\n")
    line = yearless_dateline(text)
    assert text[line.line_start:line.end] == "HOUSTON, May 24 (Reuters) -"
    assert wire_day(line, date(2010, 5, 24)) == date(2010, 5, 24)


def test_a_run_in_dateline_after_a_full_date_on_its_line_is_not_read_as_year_less():
    text = ("BP tries again | Mon May 24, 2010 10:07am EDT | Email | Print WASHINGTON, May 24 "
            "(Reuters) - BP said it would try again.\n")
    assert yearless_dateline(text) is None
    # the same line without the full date: the run-in dateline is read
    line = yearless_dateline(text.replace("Mon May 24, 2010 10:07am EDT | ", ""))
    assert (line.month, line.day) == (5, 24)


@pytest.mark.parametrize("text", [
    # an all-caps headline: no "{City}," before the date
    "OIL FALLS AS BP SAYS MAY 24 (Reuters) - DEADLINE NEARS\nBP said it would try again.\n",
    # prose quoting a dateline: no sentence starts after the dash
    "BP tries again\nThe spill grew, as first reported by WASHINGTON, May 24 (Reuters) - that "
    "the well leaked.\n",
])
def test_words_that_look_like_a_run_in_dateline_are_none(text):
    assert yearless_dateline(text) is None


def test_the_head_of_an_article_is_read_once_for_its_wire_dateline(monkeypatch):
    """Its page's date taken back to its wire dateline's day (declared_dct, datelines.wire_day)
    and its year inferred (cues.classify's dateline spans, the inference's fixed month and
    day): each reads the wire dateline of the article's head once, and passes it on."""
    import kerryview.dating.datelines as datelines
    from kerryview.dating.inference import declared_dct
    from kerryview.model import DateSource
    reads: list[str] = []
    real = datelines._head_lines

    def counting(text):
        reads.append(text)
        return real(text)

    monkeypatch.setattr(datelines, "_head_lines", counting)
    text = "Climate talks\nBEIJING, March 12 (Xinhua) -- Officials held talks on climate."
    page = Document(id="p", path="p", text=text, dct=date(2013, 3, 13),
                    dct_source=DateSource(DateSourceKind.PAGE_METADATA, "from the page"))
    declared_dct(page)
    assert page.dct == date(2013, 3, 12) and page.dct_source.kind is DateSourceKind.FILED_PER_DATELINE
    assert reads == [text]
    reads.clear()
    wire = Document(id="w", path="w", text=text)  # its year inferred: its head read once
    pile = [_doc("d", "Published: March 10, 2013\nOfficials said on March 9, 2013 that talks "
                      "on climate would go on.")]
    pile[0].dateline = read_dateline(pile[0].text)
    reads.clear()
    _date(pile + [wire])
    assert wire.dct == date(2013, 3, 12), str(wire.dct_source)
    assert reads.count(text) == 1
