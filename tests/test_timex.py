"""Spot checks of kerryview.timex.tag on the bundled Kerry corpus and on hand-made sentences."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kerryview.timex import tag

CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
DCT = date(2023, 7, 18)


def doc(prefix: str) -> str:
    return next(CORPUS.glob(prefix + "_*.txt")).read_text("utf-8")


def find(timexes, text: str, nth: int = 0):
    hits = [t for t in timexes if " ".join(t.text.split()) == text]
    assert len(hits) > nth, f"{text!r} not in {[t.text for t in timexes]}"
    return hits[nth]


def test_weekday_past_tense():
    tx = tag(doc("000"), DCT)
    assert find(tx, "Monday").value == "2023-07-17"
    tue = find(tx, "Tuesday")
    assert tue.value == "2023-07-18" and tue.anchor == "2023-07-18" and tue.anchor_kind == "dct"
    assert doc("000")[tue.start - 3:tue.start] == "on "


def test_relative_month_and_year():
    tx = tag(doc("002"), DCT)
    assert find(tx, "last August").value == "2022-08"
    assert find(tx, "last month").value == "2023-06"


def test_duration_approx():
    t = find(tag(doc("000"), DCT), "nearly 12 hours")
    assert (t.type, t.value, t.mod) == ("DURATION", "PT12H", "APPROX")


def test_times_of_day_and_narrative_anchor():
    tx = tag(doc("001"), DCT)
    early = find(tx, "the early hours of July 20")
    assert early.value == "2023-07-20TMO" and early.type == "TIME"
    prev = find(tx, "the previous day")
    assert prev.value == "2023-07-17" and prev.anchor_kind == "narrative" and prev.anchor == "2023-07-18"
    assert find(tx, "three-day").value == "P3D"
    assert find(tx, "2021").value == "2021"


def test_doc_003():
    tx = tag(doc("003"), date(2023, 7, 19))
    late = find(tx, "late on July 19")
    assert late.value.startswith("2023-07-19") and (late.mod == "END" or late.value.endswith("TNI"))
    assert find(tx, "Nov. 29").value == "2023-11-29"
    ago = find(tx, "nearly a year ago")
    assert ago.value == "2022-07" and ago.mod == "APPROX"


def test_sunday_004():
    assert find(tag(doc("004"), DCT), "Sunday").value == "2023-07-16"


def test_no_dct_underspecified():
    tx = tag(doc("001"), None)
    assert find(tx, "July 17").value == "XXXX-07-17"
    assert find(tag(doc("000"), None), "Tuesday").value == "XXXX-WXX-2"


@pytest.mark.parametrize("sentence,value", [
    ("Talks resumed on 17 July 2023 in Beijing.", "2023-07-17"),
    ("The report was published 2023-07-18.", "2023-07-18"),
    ("The deadline was 7/18/2023.", "2023-07-18"),
    ("Prices rose in mid-July.", "2023-07"),
    ("Crime fell in the 1990s.", "199"),
    ("He said they will meet on Friday.", "2023-07-21"),
    ("They met on Friday.", "2023-07-14"),
    ("Sales fell yesterday.", "2023-07-17"),
    ("Profits fell in the third quarter.", "2023-Q3"),
    ("The plant will open next spring.", "2024-SP"),
    ("Officials met a year ago.", "2022-07"),
    ("He spoke at 5 p.m. Tuesday.", "2023-07-18T17:00"),
    ("The team plays every year.", "P1Y"),
    ("It is now clear.", "PRESENT_REF"),
    ("Inflation fell sharply last year.", "2022"),
    ("He plans to visit later this year.", "2023"),
    ("She left earlier this week.", "2023-W29"),
    ("Output grew over the past three years.", "P3Y"),
])
def test_sentences(sentence, value):
    assert value in [t.value for t in tag(sentence, DCT)], [t.to_json() for t in tag(sentence, DCT)]


@pytest.mark.parametrize("sentence", [
    "This is VOA Today.",
    "He told USA Today the plan was dead.",
    "May Smith said she may come.",
    "Thousands march through the city.",
    "The vote goes to a second round.",
    "The Sunday Times reported it.",
    "Some 2000 soldiers were deployed.",
    "Ministers Janos Martonyi and Jan Kavan met.",
    "The party daily Granma said so.",
    "He spoke on ABC's This Week with David Brinkley.",
])
def test_negatives(sentence):
    bad = {"May", "march", "a second", "Sunday", "2000", "Jan", "daily", "This Week", "Today"}
    assert not [t.text for t in tag(sentence, DCT) if t.text in bad]


@pytest.mark.parametrize("sentence", [
    "He wrote a 2000 word essay.",
    "They bought a 2000 acre ranch.",
    "She won the 1500 metre race.",
    "The index fell below the 1000 mark.",
    "He lived in the 1900 block of Elm Street.",
])
def test_a_round_number_before_a_unit_or_measure_is_no_year(sentence):
    # rules/context.json round_year_measure (context._round_year_of_a_noun)
    assert not [t.text for t in tag(sentence, DCT) if t.text in {"2000", "1500", "1000", "1900"}]
    assert [t.value for t in tag("his 2000 presidential campaign", DCT)] == ["2000"]


APPROXIMATE_YEARS = json.loads((Path(__file__).resolve().parent.parent / "kerryview" / "timex" / "rules" / "context.json")
                               .read_text("utf-8"))["approximate_year_before"]["_examples"]


@pytest.mark.parametrize("example", APPROXIMATE_YEARS, ids=[e["text"][:40] for e in APPROXIMATE_YEARS])
def test_a_year_after_a_word_of_approximation(example):
    # rules/context.json approximate_year_before (context._approximate_year): a year where the
    # approximate word opens the sentence or follows a temporal preposition and no counted word
    # follows; an amount elsewhere
    dates = [(t.text, t.value) for t in tag(example["text"], None) if t.type == "DATE"]
    if example["year"] is None:
        assert not [d for d in dates if any(c.isdigit() for c in d[0])], dates
    else:
        assert (example["year"], example["year"]) in dates, dates


def test_cli_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kerry met Wang on Monday.", "utf-8")
    out = subprocess.run([sys.executable, "-m", "kerryview.timex", "--dct", "2023-07-18", "--json", str(f)],
                         capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [{"start": 18, "end": 24, "text": "Monday", "type": "DATE", "value": "2023-07-17"}]


def test_narrative_chain():
    tx = tag("On July 10 they met. Two days later they left. That day was hot.", DCT)
    assert [(t.text, t.value, t.anchor_kind) for t in tx] == [
        ("July 10", "2023-07-10", "dct"), ("Two days later", "2023-07-12", "narrative"),
        ("That day", "2023-07-12", "narrative")]
    assert tx[1].anchor == "2023-07-10"


@pytest.mark.parametrize("sentence,value", [
    ("The summit will be held on Friday.", "2023-07-21"),
    ("The meeting was held Friday.", "2023-07-14"),
    ("She visited last Sunday night.", "2023-07-16TNI"),
    ("Growth slowed between 2009-2010.", "2009"),
    ("Growth slowed between 2009-2010.", "2010"),
    ("The show airs each season.", "P3M"),
    ("The magazine appears weekly.", "P1W"),
    ("Sales fell over the past several months.", "PXM"),
    ("Talks ended on Tuesday, Oct. 25.", "2022-10-25"),
    ("He arrived in the early 2000s.", "200"),
    ("The file was stamped 1999-01-22 13:06:18.", "1999-01-22T13:06:18"),
    ("Results for the current fiscal year were good.", "2023"),
    # a deadline is ahead unless the clause is in the past (DCT is Tuesday 2023-07-18)
    ("They have until 9 a.m. Thursday to sign.", "2023-07-20T09:00"),
    ("The group could leave as soon as Friday.", "2023-07-21"),
    ("Ten members had filed reports by Monday.", "2023-07-17"),
    ("The revolving loans run through January.", "2024-01"),
    # an abbreviation does not end the clause whose verb decides the year
    ("In December, a week after the Roe vs. Wade anniversary, a clinic in Birmingham, Ala., closed.", "2022-12"),
    ("Islam will one day be the second largest religion.", "FUTURE_REF"),
    ("He was arrested at the march in each of the last three years.", "P1Y"),
    # seasons: 2023-WI is December 2022 to February 2023 (DCT is July 2023)
    ("It snowed heavily last winter.", "2023-WI"),
    ("They will meet this winter.", "2024-WI"),
    ("They are not going to be left alone this summer.", "2023-SU"),
])
def test_more_sentences(sentence, value):
    assert value in [t.value for t in tag(sentence, DCT)], [t.to_json() for t in tag(sentence, DCT)]


def test_sets_have_quant_or_freq():
    (t,) = tag("They meet twice a year.", DCT)
    assert (t.type, t.value, t.freq) == ("SET", "P1Y", "2X")
    (t,) = tag("They meet every Monday.", DCT)
    assert (t.type, t.value, t.quant) == ("SET", "XXXX-WXX-1", "EVERY")


def test_empty_and_no_time():
    assert tag("", DCT) == []
    assert tag("Kerry met Wang in Beijing.", None) == []


@pytest.mark.parametrize("sentence,value", [
    ("They will meet again on Thanksgiving Day.", "2023-11-23"),
    ("Sales rose before Christmas.", "2022-12-25"),
    ("He resigned on Good Friday, 2020.", "2020-04-10"),
    ("Voters will go to the polls on Election Day.", "2023-11-07"),
])
def test_holidays(sentence, value):
    assert value in [t.value for t in tag(sentence, DCT)], [t.to_json() for t in tag(sentence, DCT)]


def test_coordinated_day_numbers():
    """"April 24 and 25": the bare day is a second date of the same month; a year after it counts for both."""
    tx = tag("The summit on April 24 and 25 follows talks on March 3-5, and a vote on May 2 or 3, 2024. "
             "On July 4 and 500 people came.", DCT)
    got = [(t.text, t.value) for t in tx]
    assert ("25", "2023-04-25") in got and ("5", "2023-03-05") in got
    assert ("May 2", "2024-05-02") in got and ("3, 2024", "2024-05-03") in got
    assert not any(t.text == "500" for t in tx)


def test_year_end_is_the_current_or_last_year():
    """"since year-end" is the end of last year; an index base year ("the close of 1969") is not the story's year."""
    tx = tag("Each index is based on the close of 1969 equaling 100. The change is since year-end.", date(1989, 10, 30))
    assert find(tx, "year-end").value == "1988" and find(tx, "year-end").mod == "END"
    tx = tag("It expects to complete the sale by year-end.", date(1989, 11, 2))
    assert find(tx, "year-end").value == "1989"


def test_season_years_in_december():
    """December belongs to next year's winter, so "last summer" said then is this year's."""
    dec = date(2023, 12, 10)
    assert [t.value for t in tag("Prices rose last summer and fell last winter.", dec)] == ["2023-SU", "2023-WI"]


def test_time_anaphor_after_a_preposition():
    """"by this time" names the time just narrated; with no date before it, the writer's
    present ("this") or a past ("that"); "at the same time" is a connective, not tagged."""
    story = tag("The battle of Valmy was fought on 20 September 1792. However, by this time, France "
                "stood in turmoil.", None)
    assert [(t.text, t.value) for t in story] == [("20 September 1792", "1792-09-20"), ("this time", "1792-09-20")]
    assert [(t.text, t.value) for t in tag("During that time, the firm lost money.", DCT)] == [("that time", "PAST_REF")]
    assert [(t.text, t.value) for t in tag("Until this time, nobody knew.", DCT)] == [("this time", "PRESENT_REF")]
    assert tag("At the same time, costs rose. This time she is the boss.", DCT) == []
