"""Rule weekday_style (dating/data/inference_cues.json): an article that names its recent days
by their weekdays writes out the date only of a day further back, so a bare date it reports
does not pull its publication onto that day or the next as strongly as in an article without
weekdays (the week of its latest date is then often the wrong week)."""
from dataclasses import replace
from datetime import date

from kerryview.dating.cues import DAY, WEEKDAY, Cue, Scorer, weekday_style
from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import Document
from kerryview.pipeline import CachingTagger

MAY27 = date(2010, 5, 27).toordinal()  # a Thursday
JUNE10 = date(2010, 6, 10).toordinal()  # two weeks on


def _gap(cues: list[Cue]) -> float:
    """How much likelier the date's own day is than the same weekday two weeks on."""
    s = Scorer()
    return s.total(cues, MAY27) - s.total(cues, JUNE10)


def test_a_bare_date_pulls_less_in_an_article_that_names_its_days_by_weekdays():
    date_cue = Cue(0, DAY, "past", day=MAY27)
    thursday = Cue(1, WEEKDAY, "past", weekday=4)
    assert weekday_style([date_cue, thursday]) and not weekday_style([date_cue])
    assert _gap([date_cue, thursday]) < _gap([date_cue]) - 0.5


def test_a_date_written_with_its_weekday_keeps_its_pull():
    """'Thursday, May 27' names one day both ways: the weekday style allows it."""
    with_weekday = Cue(0, DAY, "past", day=MAY27, with_weekday=True)
    thursday = Cue(1, WEEKDAY, "past", weekday=4)
    assert _gap([with_weekday, thursday]) == _gap([Cue(0, DAY, "past", day=MAY27), thursday]) + \
        Scorer().reported(0, "past") - Scorer().reported(0, "past", styled=True)


def test_an_announced_weekday_is_no_weekday_style():
    assert not weekday_style([Cue(0, DAY, "past", day=MAY27), Cue(1, WEEKDAY, "future", weekday=5)])


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def test_the_week_of_the_latest_written_out_date_is_not_taken_for_sure(monkeypatch):
    """'Thursday' and 'Not until May 27 did ...': without the rule the article was dated
    Thursday 27 May for its date; the pile's articles most like it are of the week of 10 June,
    and nothing tells the two Thursdays apart: left undated, not given the wrong week (with
    date_by_reported_day on, so that rule reported_day_alone does not decide it first)."""
    from kerryview.dating.cues import rules
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    pile = [_doc("p0", "Published: June 10, 2010\nScientists struggled to measure the flow of oil "
                       "from the well, as the flow rate group met."),
            _doc("p1", "Published: June 11, 2010\nScientists gave new estimates of the flow of oil "
                       "from the well, the flow rate group said."),
            _doc("p2", "Published: June 9, 2010\nScientists of the flow rate group struggled to "
                       "measure the oil from the well."),
            _doc("p3", "Published: May 28, 2010\nBP began its top kill attempt to stop the oil on "
                       "May 26, 2010.")]
    article = _doc("x", "Scientists put new numbers in play Thursday as they struggled to measure "
                        "the flow of oil. Not until May 27, 2010 did the flow rate group raise its "
                        "estimate.")
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct is None, str(article.dct_source)
    assert "two days compete" in article.dct_source.detail


def test_the_cue_knows_a_date_written_with_its_weekday():
    from kerryview.dating.cues import classify
    from kerryview.dating.cues import REFERENCES
    from kerryview.text.tense import tense
    text = "BP said on Tuesday, June 8, 2010 that the cap worked. Officials met on June 1, 2010."
    tag = CachingTagger()
    under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
    tenses = [tense(text, t.start, t.end) for t in under[0]]
    days = {date.fromordinal(q.day): q.with_weekday for q in classify(under, tenses, text)
            if q.kind == DAY}
    assert days == {date(2010, 6, 8): True, date(2010, 6, 1): False}


def test_a_date_said_twice_is_one_cue_written_with_its_weekday_if_once_so():
    from kerryview.dating.cues import distinct
    bare, named = Cue(0, DAY, "past", day=MAY27), Cue(1, DAY, "past", day=MAY27, with_weekday=True)
    assert distinct([bare, named]) == [replace(bare, with_weekday=True)]
    assert distinct([named, bare]) == [named]
