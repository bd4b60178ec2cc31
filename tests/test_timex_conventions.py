"""TimeML conventions the tagger follows (general rules, each on made-up news sentences)."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from kerryview.timex import tag

DCT = date(1998, 3, 4)  # a Wednesday


def values(text: str, dct: date = DCT) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


@pytest.mark.parametrize("text, span, type_, value", [
    # attributive "current"/"recent" are vague references
    ("The current crisis began in Asia.", "current", "DATE", "PRESENT_REF"),
    ("Recent attacks worried investors.", "Recent", "DATE", "PAST_REF"),
    ("the then-current chairman resigned", "then-current", "DATE", "PAST_REF"),
    # fractions go to the next smaller unit
    ("But a minute and a half later, a pilot called.", "a minute and a half", "DURATION", "PT1M30S"),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("Ukraine was ruled from Moscow for centuries.", "centuries", "DURATION", "PXC"),
    ("Eight trading days after the crash, prices recovered.", "Eight trading days", "DURATION", "P8D"),
    # a bare month name follows the tense of its clause
    ("He will command a mission in December.", "December", "DATE", "1998-12"),
    ("The company changed its fiscal year in December.", "December", "DATE", "1997-12"),
    ("The dividend would be paid on a still unspecified date in January.", "January", "DATE", "1999-01"),
    # "last <month>" for the month just before the DCT's is a year back
    ("Two helicopters crashed last February.", "last February", "DATE", "1997-02"),
    # "the past year", "the last decade": the previous calendar unit
    ("Hate groups grew over the past year.", "the past year", "DATE", "1997"),
    ("Workers lost earning power in the last decade.", "the last decade", "DATE", "198"),
    # "the fiscal year ended ...": a period
    ("In the fiscal year ended Jan. 31, it earned $5 million.", "the fiscal year", "DURATION", "P1Y"),
    # sets and parts of day
    ("Flights leave on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("By mid-afternoon, the crowd had left.", "mid-afternoon", "TIME", "1998-03-04TAF"),
    ("It expects to close the deal in the second half.", "the second half", "DATE", "1998-H2"),
])
def test_convention(text, span, type_, value):
    assert values(text).get(span) == (type_, value)


def test_comparison_periods_are_one_timex_a_year_back():
    text = ("The company lost $4 million in the third quarter, compared with net income of $1.8 million "
            "for the corresponding period last year. U.K. sales for last year's quarter were $3 million.")
    got = values(text, date(1989, 11, 1))
    assert got["the corresponding period last year"] == ("DATE", "1988-Q3")
    assert got["last year's quarter"] == ("DATE", "1988-Q3")


def test_year_anaphor_skips_target_years():
    text = "It intends to reach 20% by 1992. The chairman forecast an earnings increase for the full year."
    assert values(text, date(1989, 10, 30))["the full year"] == ("DATE", "1989")


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.mark.parametrize("surface, value", [
    ("March 1998", "1998-03"), ("in 1998", "1998"), ("Monday", "1998-03-05"), ("March 5", "1998-03-05"),
    ("03/05/1998", "1998-03-05"), ("two weeks ago", "1998-W10"),
])
def test_dateparser_baseline_keeps_granularity(surface, value):
    from tempeval import dateparser_value
    assert dateparser_value(surface, datetime(1998, 3, 5))[1] == value
