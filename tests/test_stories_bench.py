"""The scoring and rendering functions of benchmarks/stories.py (the issue #9 benchmark): small
inputs, no data from ../shared, well under a second."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import stories  # noqa: E402

EXAMPLE_DAY = date(2010, 5, 24)  # every example in stories_styles.tsv is this Monday


def test_date_f1_on_a_toy_timeline():
    gold = [date(2010, 4, 20), date(2010, 5, 24), date(2010, 7, 15), date(2010, 9, 19)]
    predicted = [date(2010, 4, 20), date(2010, 7, 15), date(2010, 6, 1), date(2010, 6, 2)]
    assert stories.date_f1(predicted, gold) == (0.5, 0.5, 0.5)
    assert stories.date_f1(predicted[:1], gold) == pytest.approx((1.0, 0.25, 0.4))
    assert stories.date_f1([], gold) == (0.0, 0.0, 0.0)


def test_top_days_ranks_by_count_then_earlier_day():
    counts = {date(2010, 5, 2): (3, 1), date(2010, 5, 1): (3, 1), date(2010, 5, 3): (5, 0),
              date(2010, 5, 4): (3, 9)}
    assert stories.top_days(counts, 3) == [date(2010, 5, 3), date(2010, 5, 4), date(2010, 5, 1)]


def test_cut_off_f1_averages_the_top_k_2_to_2k_days():
    gold = [date(2010, 4, d) for d in (1, 2, 3, 4)]  # k = 4: cut-offs 2, 3, 4, 6, 8
    ranked = {date(2010, 4, 1): (9,), date(2010, 5, 1): (8,), date(2010, 4, 2): (7,),
              date(2010, 5, 2): (6,), date(2010, 4, 3): (5,), date(2010, 5, 3): (4,)}
    expected = [stories.date_f1(stories.top_days(ranked, n), gold)[2] for n in (2, 3, 4, 6, 8)]
    assert expected == pytest.approx([1 / 3, 4 / 7, 0.5, 0.6, 0.6])
    assert stories.cut_off_f1(ranked, gold) == pytest.approx(sum(expected) / 5)


def test_there_are_at_least_twelve_styles_with_distinct_names():
    styles = stories.load_styles()
    assert len(styles) >= 12
    assert len({s.name for s in styles}) == len(styles)
    assert {s.placement for s in styles} <= {"top", "after_headline"}


@pytest.mark.parametrize("style", stories.load_styles(), ids=lambda s: s.name)
def test_each_style_renders_its_example_for_the_example_day(style):
    assert stories.render(style, EXAMPLE_DAY) == style.example


@pytest.mark.parametrize("style", stories.load_styles(), ids=lambda s: s.name)
def test_each_style_puts_another_day_in_its_own_words(style):
    """4 January 2009, a Sunday: the day, month and (where the style writes one) year of that
    day are in the line, and nothing of the example day."""
    text = stories.render(style, date(2009, 1, 4))
    assert "May" not in text and "24" not in text
    assert any(m in text for m in ("January", "Jan", "01/", "1/", "-01-"))
    assert "2010" not in text
    if "{year}" in style.template:
        assert "2009" in text
    if "{wkd}" in style.template or "{weekday}" in style.template:
        assert "Sun" in text


def test_the_update_is_the_day_after():
    style = next(s for s in stories.load_styles() if s.name == "huffpost_first_posted")
    assert stories.render(style, date(2010, 12, 31)).startswith(
        "First Posted: 12/31/10 10:07 AM ET   Updated: 01/01/11")


def test_place_puts_the_block_where_the_style_says_and_returns_its_span():
    styles = {s.name: s for s in stories.load_styles()}
    article = "Oil reaches Louisiana coast\nThe slick came ashore.\nMore later."
    text, a, b = stories.place(styles["rss_pubdate"], article, EXAMPLE_DAY)
    assert text.startswith("Mon, 24 May 2010 14:07:00 GMT\nOil reaches") and text[a:b] == styles["rss_pubdate"].example
    text, a, b = stories.place(styles["uk_day_month_year"], article, EXAMPLE_DAY)
    assert text == "Oil reaches Louisiana coast\n24 May 2010\nThe slick came ashore.\nMore later."
    assert text[a:b] == "24 May 2010"
    text, a, b = stories.place(styles["reuters_wire_dateline"], article, EXAMPLE_DAY)
    assert text.splitlines()[1] == "WASHINGTON, May 24 (Reuters) - The slick came ashore."


def test_read_timeline_takes_the_date_lines_only(tmp_path):
    lines = ["2010-09-19", "The well is sealed, on 2010-09-17 says Allen.", "-" * 32, "2010-04-20",
             "Explosion.", "-" * 32]
    path = tmp_path / "timeline.txt"
    path.write_text("\n".join(lines), "utf-8")
    assert stories.read_timeline(path) == [date(2010, 4, 20), date(2010, 9, 19)]


def test_judge_contains_and_same_day():
    day = date(2010, 5, 24)
    d = lambda a, b, fine: stories.Dated(datetime.fromisoformat(a), datetime.fromisoformat(b), fine)  # noqa: E731
    assert stories.judge(d("2010-05-24", "2010-05-25", True), day) == (True, True)
    assert stories.judge(d("2010-05-24T14:00", "2010-05-24T15:00", True), day) == (False, True)
    assert stories.judge(d("2010-05-01", "2010-06-01", False), day) == (True, False)
    assert stories.judge(d("2010-05-25", "2010-05-26", True), day) == (False, False)
    assert stories.judge(None, day) == (False, False)


def test_judge_contains_the_gold_time_not_always_its_whole_day():
    """A gold event linked to "Thursday evening" (1998-02-12TEV) or "Earlier Sunday" (mod START)
    lies inside that part of the day: a system date of that evening contains it, though it does
    not contain the whole day (before, it was judged wrong)."""
    day = date(1998, 2, 12)
    evening = stories._gold_span("1998-02-12TEV", None, day)
    d = lambda a, b: stories.Dated(datetime.fromisoformat(a), datetime.fromisoformat(b), True)  # noqa: E731
    assert stories.judge(d("1998-02-12T17:00", "1998-02-12T21:00"), day, evening) == (True, True)
    assert stories.judge(d("1998-02-12T17:00", "1998-02-12T21:00"), day) == (False, True)
    assert stories.judge(d("1998-02-12T21:00", "1998-02-13T00:00"), day, evening) == (False, True)
    assert stories.judge(d("1998-02-12", "1998-02-13"), day, evening) == (True, True)
    early = stories._gold_span("1998-02-12", "START", day)
    assert early[0] == datetime(1998, 2, 12) and early[1] < datetime(1998, 2, 12, 12)
    assert stories._gold_span("1998-02-12", None, day) == (datetime(1998, 2, 12), datetime(1998, 2, 13))


def test_read_tbaq_dates_events_by_their_links(tmp_path):
    tml = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Pak &amp; Lee <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3> and <EVENT eid="e2" class="OCCURRENCE">talked</EVENT> in <TIMEX3 tid="t2" type="DATE" value="1997">1997</TIMEX3>; they <EVENT eid="e3" class="REPORTING">said</EVENT> so and <EVENT eid="e4" class="OCCURRENCE">left</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="PAST"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei3"/>
<TLINK lid="l4" relType="BEFORE" eventInstanceID="ei4" relatedToTime="t0"/>
</TimeML>"""
    path = tmp_path / "X.tml"
    path.write_text(tml, "utf-8")
    doc = stories.read_tbaq(path)
    assert doc.text.startswith("Pak & Lee met Monday")
    got = [(doc.text[e.start:e.end], e.day, e.via_dct) for e in doc.events]
    # "talked" is linked to a year (not a day); "left" only BEFORE the DCT: neither is dated
    assert got == [("met", date(1998, 1, 5), False), ("said", date(1998, 1, 8), True)]
    assert [e.within for e in doc.events] == [(datetime(1998, 1, 5), datetime(1998, 1, 6)),
                                              (datetime(1998, 1, 8), datetime(1998, 1, 9))]


def test_growth_exponent_of_a_square_law():
    rows = [{"n": n, "seconds": 0.01 * n ** 2} for n in (25, 50, 100, 200)]
    assert stories.growth_exponent(rows) == pytest.approx(2.0)


def test_the_gold_part_of_day_is_the_benchmark_s_own_reading_not_kerryview_s(monkeypatch):
    """The gold's part of the day and mod come from the benchmark's fixed table: changing the
    hours kerryview draws an evening over does not change the gold interval (it was read through
    kerryview's own calendar.intervals.value_interval)."""
    from kerryview.calendar import intervals
    day = date(1998, 2, 12)
    monkeypatch.setitem(intervals.PART_OF_DAY_HOURS, "EV", (15, 16))
    monkeypatch.setitem(intervals.MOD_FRACTIONS, "START", (0.0, 0.01))
    assert stories._gold_span("1998-02-12TEV", None, day) == (datetime(1998, 2, 12, 18), datetime(1998, 2, 12, 21))
    assert stories._gold_span("1998-02-12", "START", day) == (datetime(1998, 2, 12), datetime(1998, 2, 12, 8))
    assert stories._gold_span("1998-02-12TMO", "END", day) == (datetime(1998, 2, 12, 10), datetime(1998, 2, 12, 11))
    assert stories._gold_span("1998-02-12T22:30", None, day) == (datetime(1998, 2, 12, 22, 30),
                                                                 datetime(1998, 2, 12, 22, 31))
    assert stories._gold_span("1998-02-13TEV", None, day) == (datetime(1998, 2, 12), datetime(1998, 2, 13))


def test_an_event_begun_by_a_time_is_judged_on_the_whole_day(tmp_path):
    """BEGUN_BY: the event begins at the time and goes on after it, so it does not lie inside
    "Thursday evening"; it is judged on that day, where IS_INCLUDED keeps the evening."""
    tml = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">19980213</TIMEX3></DCT>
<TEXT>The strike <EVENT eid="e1" class="OCCURRENCE">began</EVENT> <TIMEX3 tid="t1" type="TIME" value="1998-02-12TEV">Thursday evening</TIMEX3> and <EVENT eid="e2" class="OCCURRENCE">spread</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="BEGUN_BY" eventInstanceID="ei2" relatedToTime="t1"/>
</TimeML>"""
    path = tmp_path / "X.tml"
    path.write_text(tml, "utf-8")
    doc = stories.read_tbaq(path)
    assert [(e.text, e.within) for e in doc.events] == [
        ("began", (datetime(1998, 2, 12, 18), datetime(1998, 2, 12, 21))),
        ("spread", (datetime(1998, 2, 12), datetime(1998, 2, 13)))]


def _esl_doc(tokens: list[tuple[int, str]], markables: str, links: str) -> str:
    toks = "\n".join(f'  <token t_id="{i}" sentence="{s}" number="{i}">{w}</token>'
                     for i, (s, w) in enumerate(tokens, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<Document doc_name="3_1ecbplus.xml">\n{toks}\n'
            f"<Markables>{markables}</Markables>\n<Relations>{links}</Relations>\n</Document>")


def test_read_esl_dates_events_by_contains_and_simultaneous_links(tmp_path):
    words = ("0 http : / / x . com|1 Convict escapes|2 Posted 2 / 3 / 2009 11 : 11 PM"
             "|3 He was arrested early Sunday at 3 p . m . and charged ; he fled in May 2008 .")
    tokens = [(int(part.split()[0]), w) for part in words.split("|") for w in part.split()[1:]]
    ids = {w: i for i, (_, w) in reversed(list(enumerate(tokens, 1)))}

    def anchor(*ws):
        return "".join(f'<token_anchor t_id="{ids[w]}"/>' for w in ws)
    marks = (f'<ACTION_OCCURRENCE m_id="1">{anchor("escapes")}</ACTION_OCCURRENCE>'
             f'<ACTION_OCCURRENCE m_id="2">{anchor("arrested")}</ACTION_OCCURRENCE>'
             f'<ACTION_OCCURRENCE m_id="3">{anchor("charged")}</ACTION_OCCURRENCE>'
             f'<ACTION_OCCURRENCE m_id="4">{anchor("fled")}</ACTION_OCCURRENCE>'
             # the page's time in UTC: 2009-02-04T04:11Z is 2 / 3 / 2009 11 : 11 PM
             f'<TIME_OF_THE_DAY m_id="5" DCT="TRUE" value="2009-02-04T04:11Z">{anchor("Posted")}'
             f'</TIME_OF_THE_DAY><TIME_DATE m_id="6" DCT="FALSE" value="2009-02-01">{anchor("early", "Sunday")}'
             f'</TIME_DATE><TIME_OF_THE_DAY m_id="7" DCT="FALSE" value="2009-02-01T23:00Z">{anchor("3")}'
             f'</TIME_OF_THE_DAY><TIME_DATE m_id="8" DCT="FALSE" value="2008-05">{anchor("May", "2008")}</TIME_DATE>')
    marks = marks.replace(anchor("Posted"), anchor("2", "/", "3"))
    link = '<TLINK r_id="{}" relType="{}"><source m_id="{}"/><target m_id="{}"/></TLINK>'
    links = "".join(link.format(*x) for x in [
        (1, "CONTAINS", 5, 1),  # the DCT contains the headline's event
        (2, "CONTAINS", 6, 2),  # Sunday contains the arrest
        (3, "SIMULTANEOUS", 7, 3),  # a clock time in UTC: its local day is not known
        (4, "CONTAINS", 8, 4),  # a month: no day
        (5, "OVERLAP", 6, 3)])  # overlap dates no event
    path = tmp_path / "3_1ecbplus.xml.xml"
    path.write_text(_esl_doc(tokens, marks, links), "utf-8")
    doc = stories.read_esl(path)
    assert doc.dct == date(2009, 2, 3)  # the day the page prints, not the UTC value's
    assert doc.text.splitlines()[1] == "Posted 2/3/2009 11:11 PM"  # the address left out
    assert "arrested early Sunday at 3 p.m. and charged; he fled in May 2008." in doc.text
    got = [(e.text, e.day, e.via_dct) for e in doc.events]
    assert got == [("escapes", date(2009, 2, 3), True), ("arrested", date(2009, 2, 1), False)]


def test_esl_dct_day_is_the_printed_day_or_none():
    words = "2 / 3 / 2009 11 : 11 PM".split()
    assert stories._esl_dct_day("2009-02-04T04:11Z", words) == date(2009, 2, 3)
    assert stories._esl_dct_day("2009-02-03T04:11Z", words) == date(2009, 2, 3)
    assert stories._esl_dct_day("2011-11-11T20:49", "Sat Nov 12 2011 , 01 : 19 hrs".split()) == date(2011, 11, 12)
    assert stories._esl_dct_day("2013-06-14T00:38Z", "June 6th , 2013 7 : 38pm EDT".split()) is None
    assert stories._esl_dct_day("2011-11-11", ["Friday"]) == date(2011, 11, 11)  # no clock time
    # a year written in full is the year: not 2011 read off the day of "MARCH 11 , 2013"
    assert stories._esl_dct_day("2011-03-12T03:34Z", "MONDAY , MARCH 11 , 2013 , 10 : 34 PM".split()) is None
    assert stories._esl_dct_day("2013-03-12T03:34Z", "MONDAY , MARCH 11 , 2013 , 10 : 34 PM".split()) \
        == date(2013, 3, 11)
    assert stories._esl_dct_day("2009-12-01T00:40Z", "11 / 30 / 09 07 : 40 PM ET".split()) == date(2009, 11, 30)
    # with no clock time too: "April 10 , 2007" valued 2010-04-10 is the annotator's slip
    assert stories._esl_dct_day("2010-04-10", "April 10 , 2007".split()) is None
    assert stories._esl_dct_day("2007-04-10", "April 10 , 2007".split()) == date(2007, 4, 10)


def test_esl_files_never_lists_the_held_out_topics(tmp_path, monkeypatch):
    for topic in ("3", "35", "36", "41"):
        (tmp_path / topic).mkdir()
        (tmp_path / topic / f"{topic}_1ecbplus.xml.xml").write_text("<Document/>")
    monkeypatch.setattr(stories, "ESL", tmp_path)
    assert [p.parent.name for p in stories.esl_files()] == ["3", "35"]


def test_esl_detokenize_joins_a_typographic_apostrophe_and_a_web_address():
    text, starts = stories.esl_detokenize([["Lohan", "’", "s", "lawyer", "said", "she", "don", "’", "t", "know",
                                            ",", "TMZ", ".", "com", "reported", "."]])
    assert text == "Lohan’s lawyer said she don’t know, TMZ.com reported.\n"
    assert text[starts[0][2]] == "s" and text[starts[0][13]:starts[0][13] + 3] == "com"
    # a closing quotation mark before a word is no apostrophe: the word keeps its space
    assert stories.esl_detokenize([["‘", "Go", "’", "said", "he"]])[0] == "‘Go’ said he\n"


def test_the_bp_together_child_is_asked_for_what_its_json_branch_measures(monkeypatch, capsys):
    """The parent runs each measurement in a child process (`stories.py WHAT --json`); the BP pile
    once went out as `--bp`, a flag the child's --json branch never read, so it exited. Here the
    child is this process's main() with the parent's arguments, the measurements stubbed."""
    import json
    import kerryview.events.clauses as clauses
    import kerryview.pipeline as pipeline
    monkeypatch.setattr(clauses, "CLAUSE_EVENTS", clauses.CLAUSE_EVENTS)  # main() sets them
    monkeypatch.setattr(pipeline, "CLAUSE_EVENTS", pipeline.CLAUSE_EVENTS)
    monkeypatch.setattr(stories, "measure_folder", lambda name, args: {"folder": name})
    monkeypatch.setattr(stories, "measure_bp_together", lambda: {"folder": "bpoil (5 folders)"})
    monkeypatch.setattr(stories, "print_tables", lambda *a, **k: None)
    measured = []

    def child(args, what):
        monkeypatch.setattr(sys, "argv", ["stories.py", *what, "--json"])
        stories.main()
        measured.append(json.loads(capsys.readouterr().out)["folder"])
        return {"folder": measured[-1]}

    monkeypatch.setattr(stories, "child", child)
    monkeypatch.setattr(sys, "argv", ["stories.py", "--bp-together", "--skip-tbaq",
                                      "--folders", "MJ_bbc"])
    stories.main()
    assert measured == ["MJ_bbc", "bpoil (5 folders)"]
