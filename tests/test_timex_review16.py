"""Wrong tags seen on real news piles (issue #13, session 16): each test failed on main before
the rule it names (rules/rules.tsv, context.py, news.py)."""
from __future__ import annotations

from datetime import date

import pytest

from kerryview.timex import tag
from kerryview.timex.liveblog import MIN_STAMPS, live_blog_stamps

DCT = date(2010, 6, 15)


def tags(text: str, dct: date | None = DCT) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


@pytest.mark.parametrize("sentence, timex, value", [
    ("The deal will close in the last month of the year.", "the last month of the year", "2010-12"),
    ("Sales fell in the first month of 2009.", "the first month of 2009", "2009-01"),
    ("The cuts start in the third month of next year.", "the third month of next year", "2011-03"),
])
def test_a_month_of_a_year_counted_by_its_ordinal_is_that_month(sentence, timex, value):
    # rule month_ordinal_of_year: no P1M duration of "the last month" (rule year_rel_unit)
    assert tags(sentence).get(timex) == ("DATE", value)


def test_the_last_month_of_a_war_stays_a_duration():
    assert tags("In the last month of the war the army collapsed.").get("the last month") == ("DURATION", "P1M")


@pytest.mark.parametrize("sentence, timex, value", [
    ("The meeting began at 2:00 on Thursday afternoon.", "2:00 on Thursday afternoon", "2010-06-10T14:00"),
    ("Shots were fired at 10:15 last night.", "10:15 last night", "2010-06-14T22:15"),
    ("At 10 o'clock Last night, it was raining.", "10 o'clock Last night", "2010-06-14T22:00"),
    ("When I got home at nine o'clock last night I heard the news.", "nine o'clock last night", "2010-06-14T21:00"),
])
def test_a_clock_time_takes_the_day_named_after_it(sentence, timex, value):
    # rules time_at and time_clock_date: the day of "on Thursday", "last night", not the DCT's
    assert tags(sentence).get(timex) == ("TIME", value)


@pytest.mark.parametrize("sentence, years", [
    ("He scored 2001, 2002 points in his career.", set()),
    ("They won 1998 or 2003 votes, the count said.", set()),
    ("He was shot at in 1994, 1995 and 1997.", {"1994", "1995", "1997"}),
    ("Voters remember the 1994, 1995 and 1997 elections.", {"1994", "1995", "1997"}),
])
def test_a_list_of_numbers_before_a_counted_noun_has_no_year(sentence, years):
    # context.counted_number_list
    assert {v for (_, v) in tags(sentence).values()} == years


BLOG = ("Live coverage of the president's address. (All times GMT.)\n"
        "2200: Our live coverage ends now.\n"
        "2159: Conservative think tank The Heritage Foundation tweets its view.\n"
        "2057: BP says the cap is holding.\n"
        "1858 Around a dozen television networks will team up for a telethon.\n"
        "1801 The first reports arrive from the Gulf.\n")


def test_the_stamps_of_a_live_blog_are_times_of_its_day():
    found = tags(BLOG)
    assert found["2057"] == ("TIME", "2010-06-15T20:57")
    assert found["1858"] == ("TIME", "2010-06-15T18:58")
    assert found["2200"] == ("TIME", "2010-06-15T22:00")
    assert all(type_ != "DATE" or not value.isdigit() for type_, value in found.values())


def test_midnight_over_the_last_posts_is_the_days_end():
    assert tags("0000 The BBC is ending this page.\n" + BLOG.split("\n", 1)[1])["0000"] == ("TIME", "2010-06-15T24:00")


@pytest.mark.parametrize("text", [
    # a chronology goes forward: years
    "1914: War begins in Europe.\n1915: Italy joins.\n1916: The Somme is fought.\n1917: America enters.\n",
    # a CV going back, every number a possible year
    "2006: Chief executive.\n2004: Finance director.\n2001: Treasurer.\n1998: Analyst.\n",
    # too few stamps
    "2200: Our live coverage ends now.\n2159: The think tank tweets.\n1858 The first reports arrive.\n",
])
def test_no_live_blog_without_many_stamps_newest_first_and_one_no_year(text):
    assert live_blog_stamps(text) == frozenset()


def test_a_year_heading_of_a_news_background_stays_a_year():
    # the live-blog rule comes before the year rules; where it finds no blog the year is read
    assert tags("1918: The Spanish flu pandemic remains the most devastating outbreak of modern times.\n"
                ).get("1918") == ("DATE", "1918")


def test_live_blog_needs_min_stamps():
    lines = BLOG.split("\n")[1:1 + MIN_STAMPS]
    assert len(live_blog_stamps("\n".join(lines))) == MIN_STAMPS
    assert live_blog_stamps("\n".join(lines[:-1])) == frozenset()


def test_the_posts_of_a_live_blog_after_midnight_are_of_the_next_day():
    # news.live_blog_days: the page is dated the day the blog started (election night, 6 May)
    text = ("Live.\n0020: We end here.\n0005: Still counting.\n0000 Midnight.\n2346: Polls.\n"
            "2200: Exit poll.\n2130 Queues.\n")
    found = tags(text, date(2010, 5, 6))
    assert found["0020"] == ("TIME", "2010-05-07T00:20")
    assert found["0005"] == ("TIME", "2010-05-07T00:05")
    assert found["0000"] == ("TIME", "2010-05-06T24:00")
    assert found["2346"] == ("TIME", "2010-05-06T23:46")
    assert found["2130"] == ("TIME", "2010-05-06T21:30")


def test_midnight_as_a_blogs_first_post_is_its_days_start():
    text = "Live.\n0120: Counting.\n0045: Still counting.\n0030: Polls.\n0000 The page opens.\n"
    assert tags(text, date(2010, 5, 7))["0000"] == ("TIME", "2010-05-07T00:00")
