"""Dates, durations and sources in a reporter's words (kerryview.text.phrasing)."""
from datetime import date

from kerryview.model import Event, EventMention, Timex
from kerryview.text.phrasing import (date_words, duration_words, event_day, event_zone,
                                     time_of_day_words, value_words, when_phrase,
                                     zone_in)


def _ev(value, start, end, gran, mod=None, duration=None, timex_text="Monday"):
    m = EventMention("a", 0, 10, "x", Timex(0, len(timex_text), timex_text, "DATE", value))
    return Event("e", "talks", value, start, end, gran, mod=mod, duration=duration, mentions=[m])


def test_durations_are_words_never_iso():
    assert duration_words("PT12H", "APPROX") == "about 12 hours"
    assert duration_words("P1D") == "1 day"
    assert duration_words("PT1H30M") == "1 hour and 30 minutes"
    assert duration_words("PXY") == "" and duration_words(None) == ""
    assert value_words("PT12H") == "12 hours"


def test_dates_in_words():
    assert value_words("2023-07-17") == "Monday 17 July 2023"
    assert value_words("2023-07-20TMO", "START") == "the early hours of Thursday 20 July 2023"
    assert value_words("2023-07-19", "END") == "late on Wednesday 19 July 2023"
    assert value_words("2023-07", "START") == "early July 2023"
    assert value_words("2023-07", "MID") == "mid-July 2023"
    assert value_words("2023-SU") == "summer 2023"
    assert value_words("2023-Q3") == "the third quarter of 2023"
    assert value_words("2023-W29") == "the week of Monday 17 July 2023"
    assert value_words("199") == "the 1990s"
    assert value_words("PRESENT_REF") == "now"
    assert value_words("XXXX-07-17") == "17 July (year unknown)"
    assert value_words("2023-07-18T12:30", zone="EST") == "12:30 EST on Tuesday 18 July 2023"
    assert value_words("2010-05-28T24:00") == "midnight at the end of Friday 28 May 2010"


def test_an_event_is_phrased_from_its_value_not_from_drawn_hours():
    ev = _ev("2023-07-20TMO", "2023-07-20", "2023-07-20T04:00", "part-of-day", mod="START")
    assert when_phrase(ev) == "in the early hours of Thursday 20 July 2023"
    assert date_words(ev) == "The early hours of Thursday 20 July 2023"
    assert time_of_day_words(ev) == "the early hours"
    talks = _ev("2023-07-17", "2023-07-17", "2023-07-18", "day", duration="PT12H")
    assert when_phrase(talks) == "on Monday 17 July 2023" and time_of_day_words(talks) == ""
    assert event_day(talks) == date(2023, 7, 17)
    month = _ev("2023-07", "2023-07-01", "2023-08-01", "month")
    assert event_day(month) is None and date_words(month) == "July 2023"
    period = _ev("P1M", "2023-06-18", "2023-07-19", "period")
    assert date_words(period) == "The month up to Tuesday 18 July 2023"


def test_time_zones_are_read_from_the_time_expression():
    assert zone_in("12:30 p.m. EST on Tuesday") == "EST"
    assert zone_in("10 a.m. gmt") == "GMT"
    assert zone_in("the best time") is None  # "best" is no zone: only capitals, or GMT/UTC
    ev = _ev("2023-07-18T12:30", "2023-07-18T12:30", "2023-07-18T12:31", "minute",
             timex_text="12:30 p.m. EST on Tuesday")
    assert event_zone(ev) == "EST"
    assert time_of_day_words(ev, "EST") == "12:30 EST"


def test_every_time_zone_has_an_example_that_names_it():
    from importlib.resources import files

    from kerryview.text.wordlists import time_zones

    text = (files("kerryview.events") / "data" / "time_zones.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) == len(time_zones()) >= 20
    for name, _clock, standard, summer, _rule, example in rows:
        if len(name) >= 3:  # "10:00Z" is no word to find
            assert zone_in(example) == name, example
        assert -12 <= float(standard) <= float(summer) <= 14


def test_years_before_christ_in_words():
    assert value_words("BC0218") == "218 BC"
    assert value_words("BC0480-SP") == "spring 480 BC"
    assert value_words("BC0480-09") == "September 480 BC"
    assert value_words("BC0480-08-11") == "11 August 480 BC"
    assert value_words("BC0490", "START") == "early 490 BC"
    assert value_words("-0500-01-01") == "1 January 501 BC"  # ISO 8601 counts a year 0
    # a time or part of a day before Christ is kept as for a day of our era (no weekday is known)
    assert value_words("BC0480-08-11T10:00") == "10:00 on 11 August 480 BC"
    assert value_words("BC0480-08-11TMO") == "the morning of 11 August 480 BC"
    assert value_words("BC0480-08-11TMO", "START") == "the early hours of 11 August 480 BC"
    assert value_words("BC0480-08-11T24:00") == "midnight at the end of 11 August 480 BC"
