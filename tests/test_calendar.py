"""The calendar: one parser of TIMEX3 values, the intervals they denote, the tagger's arithmetic."""
import json
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from kerryview.calendar.intervals import END_OF_CALENDAR, Interval, duration_timedelta, value_interval
from kerryview.calendar import values
from kerryview.calendar.seconds import iso_to_seconds
from kerryview.calendar.timex3 import DateValue, parse_duration, parse_value, years_before_christ
from kerryview.model import Event, Granularity


@pytest.mark.parametrize("value, start, end, gran", [
    ("2023-07-17", "2023-07-17", "2023-07-18", "day"),
    ("2022-08", "2022-08-01", "2022-09-01", "month"),
    ("2023", "2023-01-01", "2024-01-01", "year"),
    ("199", "1990-01-01", "2000-01-01", "decade"),
    ("2023-W29", "2023-07-17", "2023-07-24", "week"),
    ("2023-Q3", "2023-07-01", "2023-10-01", "quarter"),
    ("2023-SU", "2023-06-01", "2023-09-01", "season"),
    ("2023-WI", "2022-12-01", "2023-03-01", "season"),  # the winter whose January is in 2023
    ("2023-W28-WE", "2023-07-15", "2023-07-17", "weekend"),
    ("2023-07-19T17:00", "2023-07-19T17:00", "2023-07-19T17:01", "minute"),
    ("2023-07-20TMO", "2023-07-20T00:00", "2023-07-20T12:00", "part-of-day"),
])
def test_intervals_keep_granularity(value, start, end, gran):
    iv = value_interval(value)
    assert (iv.start, iv.end, iv.granularity) == (
        datetime.fromisoformat(start), datetime.fromisoformat(end), gran)


@pytest.mark.parametrize("value", ["XXXX-07-17", "PRESENT_REF", "PT12H", "2023-02-30", "", "0000"])
def test_values_without_a_place_in_time(value):
    assert value_interval(value) is None


def test_mod_narrows():
    iv = value_interval("2023-07", "START")
    assert iv.start == datetime(2023, 7, 1) and iv.end < datetime(2023, 7, 12)


def test_durations():
    assert duration_timedelta("PT12H") == timedelta(hours=12)
    assert duration_timedelta("P3D") == timedelta(days=3)
    assert duration_timedelta("P") is None and duration_timedelta("XYZ") is None


def test_durations_for_people():
    from kerryview.calendar.intervals import describe_duration
    assert describe_duration("PT12H", "APPROX") == "about 12 hours"
    assert describe_duration("P3D") == "3 days"
    assert describe_duration("PT1H30M") == "1 hour 30 minutes"
    assert describe_duration("PXY") == "PXY"  # vague: shown as written


# December 9999's winter is 10000-WI, which four-digit TIMEX3 years cannot write.
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 11, 30)),
       st.sampled_from(["D", "W", "M", "S", "Q", "H", "Y", "DE", "CE"]))
def test_the_tagger_and_the_timeline_agree_on_what_a_value_covers(d, gran):
    """A date written at any granularity by the tagger lies inside the interval the timeline
    draws for that value (this caught winters drawn a year late, weekends not drawn at all, and
    the century 99 lost because it ends in year 10000)."""
    iv = value_interval(values.fmt(d, gran))
    assert iv is not None and iv.start <= datetime(d.year, d.month, d.day) < iv.end
    if d.isoweekday() >= 6:
        we = value_interval(values.fmt(d, "WE"))
        assert we is not None and we.start <= datetime(d.year, d.month, d.day) < we.end


# -- the one parser ------------------------------------------------------------------------------
@pytest.mark.parametrize("value, parts", [
    ("2023", DateValue(Granularity.YEAR, 2023)),
    ("2023-07", DateValue(Granularity.MONTH, 2023, 7)),
    ("2023-07-17", DateValue(Granularity.DAY, 2023, 7, 17)),
    ("2023-W29", DateValue(Granularity.WEEK, 2023, week=29)),
    ("2023-W29-3", DateValue(Granularity.DAY, 2023, week=29, weekday=3)),
    ("2023-W28-WE", DateValue(Granularity.WEEKEND, 2023, week=28)),
    ("2023-Q3", DateValue(Granularity.QUARTER, 2023, quarter=3)),
    ("2023-H1", DateValue(Granularity.HALF_YEAR, 2023, half=1)),
    ("2023-WI", DateValue(Granularity.SEASON, 2023, season="WI")),
    ("199", DateValue(Granularity.DECADE, 1990)),
    ("19", DateValue(Granularity.CENTURY, 1900)),
    ("2023-07-20TMO", DateValue(Granularity.PART_OF_DAY, 2023, 7, 20, part_of_day="MO")),
    ("2023-07-19T17", DateValue(Granularity.HOUR, 2023, 7, 19, hour=17)),
    ("2023-07-19T17:05", DateValue(Granularity.MINUTE, 2023, 7, 19, hour=17, minute=5)),
    ("2023-07-19T17:05:30.5", DateValue(Granularity.MINUTE, 2023, 7, 19, hour=17, minute=5, second=30.5)),
    ("-0500-01-01", DateValue(Granularity.DAY, -500, 1, 1)),
    ("2023-02-30", DateValue(Granularity.DAY, 2023, 2, 30)),  # syntax only: the calendar says no
])
def test_one_parser_takes_every_value_form_apart(value, parts):
    assert parse_value(value) == parts


@pytest.mark.parametrize("value", ["", "PRESENT_REF", "XXXX-07-17", "2023-XX", "PT12H", "P3D", "2023-07TMO",
                                   "2023-07-17T9:30", "2023-Q5", "2023-H3", "2023-07-17 ", "20230", "1"])
def test_what_is_not_a_date_value(value):
    assert parse_value(value) is None


@pytest.mark.parametrize("value, amounts", [
    ("PT12H", {"H": 12}), ("P3D", {"D": 3}), ("P1Y6M", {"Y": 1, "M": 6}), ("P2W", {"W": 2}),
    ("PT1H30M", {"H": 1, "MIN": 30}), ("P1DT0.5S", {"D": 1, "S": 0.5}),
    ("P", None), ("PT", None), ("PXY", None), ("2023", None), (None, None),
])
def test_durations_are_parsed_once(value, amounts):
    assert parse_duration(value) == amounts


def test_every_granularity_a_value_can_have_comes_out_of_the_parser():
    samples = ["19", "199", "2023", "2023-H1", "2023-Q1", "2023-SP", "2023-05", "2023-W20",
               "2023-W20-WE", "2023-05-20", "2023-05-20TEV", "2023-05-20T18", "2023-05-20T18:30"]
    found = {parse_value(v).granularity for v in samples}
    assert found == set(Granularity) - {Granularity.PERIOD}  # a period is counted, not written


@pytest.mark.parametrize("value, first, code", [
    ("2023", date(2023, 1, 1), "Y"), ("2023-07", date(2023, 7, 1), "M"),
    ("2023-07-17", date(2023, 7, 17), "D"), ("2023-07-17T09:30", date(2023, 7, 17), "D"),
    ("2023-07-20TNI", date(2023, 7, 20), "D"), ("2023-W29", date(2023, 7, 17), "W"),
    ("2023-W29-3", date(2023, 7, 19), "D"), ("2023-W28-WE", date(2023, 7, 10), "WE"),
    ("2023-Q3", date(2023, 7, 1), "Q"), ("2023-H2", date(2023, 7, 1), "H"),
    ("2023-SP", date(2023, 4, 1), "S"), ("2023-WI", date(2023, 1, 1), "S"),
    ("199", date(1990, 1, 1), "DE"), ("19", date(1900, 1, 1), "CE"), ("000", date(1, 1, 1), "DE"),
])
def test_the_taggers_reading_of_a_value(value, first, code):
    assert values.parse(value) == (first, code)


@pytest.mark.parametrize("value", ["0000", "-0500", "2023-02-30", "2023-13", "2023-07-00", "2023-W54",
                                   "2023-W29-0", "PT12H", "XXXX"])
def test_the_tagger_reads_no_date_where_the_calendar_has_none(value):
    assert values.parse(value) is None


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 11, 30)),
       st.sampled_from(sorted(values.CODES)))
def test_a_value_the_tagger_writes_reads_back_to_itself(d, code):
    written = values.fmt(d, code)
    first, read_code = values.parse(written)
    assert read_code == code and values.fmt(first, code) == written


def test_the_taggers_codes_are_granularities_with_their_ranks():
    assert set(values.CODES.values()) <= set(Granularity)
    assert values.RANK == {"D": 1, "W": 2, "WE": 2, "M": 3, "S": 4, "Q": 4, "H": 5, "Y": 6, "DE": 7, "CE": 8}
    assert values.code_of(Granularity.MINUTE) == "D" and values.code_of(Granularity.HALF_YEAR) == "H"


# -- intervals at the ends of the calendar -----------------------------------------------------
@pytest.mark.parametrize("value, start", [
    ("99", datetime(9900, 1, 1)), ("999", datetime(9990, 1, 1)), ("9999", datetime(9999, 1, 1)),
    ("9999-12", datetime(9999, 12, 1)), ("9999-Q4", datetime(9999, 10, 1)), ("9999-H2", datetime(9999, 7, 1)),
    ("9999-12-31", datetime(9999, 12, 31)), ("9999-W52", datetime(9999, 12, 27)),
    ("9999-12-31TNI", datetime(9999, 12, 31, 21)),
])
def test_the_last_years_end_with_the_calendar(value, start):
    iv = value_interval(value)
    assert iv is not None and (iv.start, iv.end) == (start, END_OF_CALENDAR)


@pytest.mark.parametrize("value", ["0000", "-0500", "2023-13", "2023-07-00", "2023-W29-8", "9999-W52-WE"])
def test_values_outside_the_calendar(value):
    assert value_interval(value) is None  # 9999-W52-WE: that Saturday is 10000-01-01


def test_the_first_decade_and_century_start_in_year_one():
    assert value_interval("000").start == value_interval("00").start == datetime(1, 1, 1)


# -- granularity --------------------------------------------------------------------------------
def test_granularity_is_stored_as_the_word_it_always_was(tmp_path):
    ev = Event(id="e", label="x", value="2023-H1", start="2023-01-01", end="2023-07-01",
               granularity="half-year")
    assert ev.granularity is Granularity.HALF_YEAR
    assert json.dumps({"granularity": ev.granularity}) == '{"granularity": "half-year"}'
    db = sqlite3.connect(tmp_path / "g.db")
    db.execute("CREATE TABLE t (g TEXT)")
    db.execute("INSERT INTO t VALUES (?)", (ev.granularity,))
    assert db.execute("SELECT g, typeof(g) FROM t").fetchone() == ("half-year", "text")
    assert {str(g) for g in Granularity} == {
        "century", "decade", "year", "period", "half-year", "quarter", "season", "month", "week",
        "weekend", "day", "part-of-day", "hour", "minute"}


def test_an_unknown_granularity_is_refused():
    with pytest.raises(ValueError):
        Event(id="e", label="x", value="2023", start="2023-01-01", end="2024-01-01", granularity="half")


def test_granularities_go_from_coarse_to_fine():
    ranks = [g.rank for g in Granularity]
    assert ranks == sorted(ranks)
    assert Granularity.QUARTER.rank == Granularity.SEASON.rank > Granularity.HALF_YEAR.rank
    assert Granularity.PERIOD.rank == Granularity.YEAR.rank
    assert [g for g in Granularity if g.day_or_finer] == [
        Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE]
    assert all(g.is_vague_range != g.day_or_finer for g in Granularity)


def test_an_interval_made_with_a_word_has_a_granularity():
    iv = Interval(datetime(2023, 6, 1), datetime(2023, 7, 1), "period")
    assert iv.granularity is Granularity.PERIOD and iv == Interval(iv.start, iv.end, Granularity.PERIOD)


# -- seconds on the timeline --------------------------------------------------------------------
@pytest.mark.parametrize("text, when", [
    ("1970-01-01", 0.0), ("1970-01-02", 86400.0), ("1970-01-01T09:30", 9.5 * 3600),
    ("1970-01-01T09:30:15", 9.5 * 3600 + 15), ("1970-02", 31 * 86400.0), ("1971", 365 * 86400.0),
    ("1970-01-01T24:00", 86400.0), ("1970-W02", 4 * 86400.0), ("1970-01-02TAF", 86400.0 + 12 * 3600),
])
def test_event_dates_as_seconds(text, when):
    assert iso_to_seconds(text) == when


def test_seconds_keep_dates_before_year_one_in_order():
    assert iso_to_seconds("-0500-01-01") < iso_to_seconds("0000-06-01") < iso_to_seconds("0001-01-01")


@pytest.mark.parametrize("text", [None, "", "garbage", "2023-02-30", "2023-07-00", "-0500-13-01", "PRESENT_REF",
                                  "XXXX-07"])
def test_no_seconds_for_what_is_not_a_date(text):
    assert iso_to_seconds(text) is None


# -- the tagger reads the values it wrote with the same parser ---------------------------------
def test_a_century_mentioned_is_what_a_century_later_counts_from():
    """values.parse did not know centuries (intervals did): "a century later" was counted from
    the publication date, 21 instead of 19."""
    from kerryview.timex import tag
    out = tag("Late in the 19th century; a century later it was built.", date(2023, 7, 18))
    assert [(t.value, t.anchor) for t in out] == [("18", None), ("19", "18")]


def test_the_first_decade_does_not_crash_the_tagger():
    """"two decades ago" said in year 1 is before the calendar: no value, never a crash (it
    was once a crash, then the decade 000 by clamping; a date outside 1-9999 has no value)."""
    from kerryview.timex import tag
    assert [t.value for t in tag("Two decades ago it began.", date(1, 1, 1))] == ["XXX"]
    assert [t.value for t in tag("A decade ago it began.", date(15, 1, 1))] == ["000"]


def test_of_two_dates_that_agree_an_event_takes_the_finer():
    """A quarter inside a half-year is finer: with the same support it is the event's date
    (the two were ranked equal, and the earlier article's date won)."""
    from kerryview.events.merge import Item, make_event
    from kerryview.model import EventMention, Timex

    def item(doc: str, value: str, dct: str) -> Item:
        text = f"Talks stalled in {value}."
        t = Timex(17, 17 + len(value), value, "DATE", value)
        return Item(EventMention(doc, 0, len(text), text, t), text, value_interval(value), {"talks": 1.0}, dct)

    for order in ([item("a", "2023-H1", "2023-07-02"), item("b", "2023-Q1", "2023-07-01")],
                  [item("a", "2023-Q1", "2023-07-01"), item("b", "2023-H1", "2023-07-02")]):
        ev = make_event(order)
        assert (ev.value, ev.granularity) == ("2023-Q1", Granularity.QUARTER)


def test_the_day_of_an_iso_date_or_timestamp_is_read_as_written():
    from kerryview.calendar.timex3 import iso_day
    assert iso_day("2023-07-18") == date(2023, 7, 18)
    assert iso_day("2023-07-18T23:30:00-05:00") == date(2023, 7, 18)
    assert iso_day("2023-07-18 10:00") == date(2023, 7, 18)
    assert iso_day("2023-02-30") is None
    assert iso_day("2023-07-181") is None
    assert iso_day("July 18, 2023") is None


# --- years before Christ: one writer (timex.normalize_calendar.bc_year), one reader (parse_value) ---

@pytest.mark.parametrize("value, parts, bc", [
    ("BC0218", DateValue(Granularity.YEAR, -217), 218),
    ("BC0480-SP", DateValue(Granularity.SEASON, -479, season="SP"), 480),
    ("BC0480-09", DateValue(Granularity.MONTH, -479, 9), 480),
    ("BC0480-08-11", DateValue(Granularity.DAY, -479, 8, 11), 480),
    ("BC0001", DateValue(Granularity.YEAR, 0), 1),
    ("-0217", DateValue(Granularity.YEAR, -217), 218),  # ISO 8601's form of the same year
    ("0001", DateValue(Granularity.YEAR, 1), None),
    ("00", DateValue(Granularity.CENTURY, 0), None),  # the first century AD, not 1 BC
])
def test_a_year_before_christ_is_read_by_the_one_parser(value, parts, bc):
    assert parse_value(value) == parts
    assert years_before_christ(parts) == bc


@pytest.mark.parametrize("value, parts", [
    ("BC049", DateValue(Granularity.DECADE, -498)),  # the 490s BC: 499 .. 490 BC, as the tagger writes it
    ("BC004", DateValue(Granularity.DECADE, -48)),  # the 40s BC
    ("BC04", DateValue(Granularity.CENTURY, -498)),  # the 5th century BC, its digits as 04's: 499 .. 400 BC
    ("BC00", DateValue(Granularity.CENTURY, -98)),  # the 1st century BC
])
def test_a_decade_or_century_before_christ_is_read_by_the_one_parser(value, parts):
    from kerryview.text.phrasing import value_words
    assert parse_value(value) == parts
    assert years_before_christ(parts) is None  # no one year
    assert values.parse(value) is None  # no Python date, as BC0218
    assert value_interval(value) is None
    assert iso_to_seconds(value) < iso_to_seconds("0001")
    assert value_words(value).endswith("s BC")


def test_three_digits_before_christ_are_a_decade_not_a_year():
    assert parse_value("BC218").granularity is Granularity.DECADE  # the 2180s BC, not 218 BC (BC0218)


def test_the_words_of_a_decade_before_christ():
    from kerryview.text.phrasing import value_words
    assert value_words("BC049") == "the 490s BC"
    assert value_words("BC04") == "the 400s BC"


@pytest.mark.parametrize("value", ["BC0000", "BC02180", "BC0218-13-01x", "BC4", "BC00490"])
def test_what_is_not_a_year_before_christ(value):
    assert parse_value(value) is None


def test_the_calendar_has_no_day_before_christ_but_the_timeline_keeps_them_in_order():
    assert values.parse("BC0218") is None  # Python's dates start in year 1: the tagger counts BC itself
    assert value_interval("BC0218") is None
    assert iso_to_seconds("BC0219") < iso_to_seconds("BC0218") < iso_to_seconds("BC0001") < iso_to_seconds("0001")
    assert iso_to_seconds("BC0218") == iso_to_seconds("-0217")


def test_what_the_tagger_writes_before_christ_reads_back():
    from kerryview.timex.normalize_calendar import bc_year
    for n in (1, 218, 480, 9999):
        assert years_before_christ(parse_value(bc_year(n))) == n
    assert bc_year("218 B.C.") == bc_year(218) == "BC0218"
    assert bc_year(0) == bc_year("0 BC") == "XXXX"  # there is no year 0 BC


def test_only_the_writer_and_the_parser_spell_out_the_bc_form():
    """A module that wrote or read "BC0218" itself would be a second home for the form."""
    import re
    from pathlib import Path
    import kerryview
    root = Path(kerryview.__file__).parent
    homes = {root / "timex" / "normalize_calendar.py", root / "calendar" / "timex3.py"}
    spelled = re.compile(r"""["']BC(?:[{%(\\]|["'])""")
    others = [str(p.relative_to(root)) for p in root.rglob("*.py") if p not in homes and spelled.search(p.read_text())]
    assert others == []
