"""Review findings on session 15's tagger changes: each test failed on the merged s15-integ code."""
from __future__ import annotations

from datetime import date

import pytest

from kerryview.timex import tag

DCT = date(2010, 7, 16)
# a history paragraph longer than a post (texts of 280 characters or fewer are read as posts)
HISTORY = ("In 1862 the war went on, and the armies of the Union and the Confederacy fought across Virginia, "
           "Maryland and Tennessee for months on end, with losses on both sides that no one had foreseen, and "
           "with a toll of sickness in the camps that was worse than the toll of the battles themselves. ")
WAR = ("In 1914 the war began. In 1915 Italy joined. In 1916 the Somme was fought. In 1917 America entered "
       "the war. In 1918 the war ended. ")


def tags(text: str, dct: date | None = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


@pytest.mark.parametrize("sentence, season, value", [
    ("By Spring Lee had moved north.", "Spring", "1862-SP"),
    ("In the Winter Napoleon retreated.", "the Winter", "1862-WI"),
    ("In late Summer Grant attacked Vicksburg.", "late Summer", "1862-SU"),
    ("Throughout the Winter McClellan drilled his army.", "the Winter", "1862-WI"),
])
def test_a_capitalized_season_after_a_preposition_of_time_is_the_season(sentence, season, value):
    assert tags(HISTORY + sentence, None).get(season) == value


@pytest.mark.parametrize("sentence", ["The Tsar lived in the Winter Palace.", "The Winter King fled."])
def test_a_capitalized_season_in_a_name_stays_untagged(sentence):
    assert not any("Winter" in k for k in tags(HISTORY + sentence, None))


@pytest.mark.parametrize("sentence, unit", [
    ("The law takes effect in the first week of next year.", "the first week"),
    ("Prices rose in the first week of the year, officials said.", "the first week"),
])
def test_the_first_unit_of_a_calendar_unit_is_no_duration(sentence, unit):
    assert not any(t.type == "DURATION" for t in tag(sentence, DCT))


def test_the_first_weeks_of_the_war_stay_a_duration():
    assert tags(WAR + "In the first week of the war, the Germans crossed Belgium.", None)[
        "the first week of the war"] == "P1W"


@pytest.mark.parametrize("sentence, extent", [
    ("After four years of bloody fighting the armies were exhausted.", "four years of bloody fighting"),
    ("It took two years of hard bargaining to end it.", "two years of hard bargaining"),
    ("After three years of costly stalemate the army broke.", "three years of costly stalemate"),
])
def test_a_gerund_belongs_to_the_of_phrase(sentence, extent):
    assert extent in tags(WAR + sentence, None)


@pytest.mark.parametrize("text, extent, value", [
    ("The bomb went off at nine o'clock at night, police said on Monday.", "nine o'clock at night", "2010-07-16T21:00"),
    ("The bar closes at 11 o'clock tonight.", "11 o'clock tonight", "2010-07-16T23:00"),
    ("The meeting began at two o'clock on Thursday afternoon.", "two o'clock on Thursday afternoon", "2010-07-15T14:00"),
    ("The bomb went off at five o'clock in the afternoon, police said.", "five o'clock in the afternoon", "2010-07-16T17:00"),
    ("The bomb went off at 9:30 in the evening, police said.", "9:30 in the evening", "2010-07-16T21:30"),
    ("He was woken at two o'clock at night by a blast.", "two o'clock at night", "2010-07-16T02:00"),
])
def test_a_part_of_the_day_sets_the_half_of_the_day_of_a_clock_time(text, extent, value):
    found = tags(text)
    assert found.get(extent) == value
    assert not any(k in found for k in ("night", "tonight", "the afternoon", "the evening"))


@pytest.mark.parametrize("text", ["He appeared on the six o'clock news on Tuesday.",
                                  "She presented the Six O'clock News Hour for years.",
                                  "He watched the Six or Ten o'clock news.",
                                  "The children went to the One O'Clock Club."])
def test_o_clock_in_a_programme_or_club_name_is_no_time(text):
    assert not any(t.type == "TIME" for t in tag(text, DCT))


@pytest.mark.parametrize("text", ["In 1941 the war came east. The fleet was reduced to 1500 hours of fuel.",
                                  "Flights were cut to 1200 hours a year, the airline said.",
                                  "The airline increased pilot flying to 1000 hours, the union said on Monday."])
def test_a_count_of_hours_after_to_is_no_clock(text):
    assert not any(t.type == "TIME" for t in tag(text, DCT))


def test_from_one_military_clock_to_another():
    found = tags("In 1941 the war came east. The battalion trained from 0800 hours to 1600 hours each day.", None)
    assert found["0800 hours"].endswith("T08:00") and found["1600 hours"].endswith("T16:00")


@pytest.mark.parametrize("text", ["Tourists took photos of the sunset from the park, police said on Monday.",
                                  "She said the sunset was beautiful.",
                                  "They watched the sunrise on Tuesday.",
                                  "He was sentenced to death by nightfall's end."])
def test_sunset_is_a_part_of_the_day_only_after_a_preposition_of_time(text):
    assert not any(t.type == "TIME" for t in tag(text, DCT))


def test_at_sunset_is_the_evening():
    assert tags("The festival ends at sunset, organizers said.")["sunset"] == "2010-07-16TEV"


@pytest.mark.parametrize("text, first, value", [
    ("Sales fell from August thru September 2008, the firm said on Monday.", "August", "2008-08"),
    ("In 1914 the war began. The offensive ran in August or September 1918.", "August", "1918-08"),
])
def test_one_list_of_range_joiners_gives_the_year_to_the_first_date(text, first, value):
    assert tags(text).get(first) == value
