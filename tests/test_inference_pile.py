"""Publication dates of undated articles from their own words and their pile
(kerryview/dating/inference.py, kerryview/dating/cues.py)."""
from dataclasses import replace
from datetime import date

from kerryview.dating.cues import (DAY, MONTH_DAY, REFERENCES, RELATIVE, WEEKDAY, Scorer, classify,
                                   rules)
from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import Document
from kerryview.pipeline import CachingTagger
from kerryview.text.tense import tense


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def _cues(text: str):
    tag = CachingTagger()
    under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
    return classify(under, [tense(text, t.start, t.end) for t in under[0]], text)


def test_each_time_expression_is_read_as_the_cue_it_is():
    cues = _cues("The rig exploded on April 20, 2010. Yesterday BP said that on Tuesday it "
                 "had collected oil, and that on June 3 the cap was fitted. The day after, "
                 "crews left.")
    kinds = [(q.kind, q.offset if q.kind == RELATIVE else q.weekday if q.kind == WEEKDAY
              else (q.month, q.mday) if q.kind == MONTH_DAY else date.fromordinal(q.day))
             for q in cues]
    assert kinds == [(DAY, date(2010, 4, 20)), (RELATIVE, -1), (WEEKDAY, 2), (MONTH_DAY, (6, 3))]
    # "The day after" is counted from another date of the article: no cue of its own


def test_a_weekday_after_a_reported_date_fixes_the_day(monkeypatch):
    """The latest full date alone said 8 June; "on Wednesday" in the past moves it on."""
    # a day the article reports: dated only with date_by_reported_day (rule reported_day_alone),
    # which this test of how the days are scored sets
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    d = _doc("a", "BP collected 15,000 barrels of oil on June 8, 2010. On Wednesday the company "
                  "said the containment cap was working.")
    infer_dcts([d], CachingTagger())
    assert d.dct == date(2010, 6, 9)
    assert "“Wednesday” is that day" in str(d.dct_source)


def test_a_time_stamp_at_the_head_wins_over_later_updates():
    d = _doc("a", "Oil spill: Obama limits fallout White House lists its actions Wednesday 5 May "
                  "2010 21.48 BST The Obama administration took defensive action today.\n"
                  "This article was amended on 6 May 2010.")
    infer_dcts([d], CachingTagger())
    assert d.dct == date(2010, 5, 5)


def test_a_month_and_day_takes_the_pile_s_year_not_the_history_it_recalls(monkeypatch):
    # a day the article reports: dated only with date_by_reported_day (rule reported_day_alone),
    # which this test of how the days are scored sets
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    pile = [_doc(f"p{i}", f"Published: June {10 + i}, 2010\nBP paid claims on June {9 + i}, "
                          f"2010 to fishermen in Louisiana.") for i in range(3)]
    d = _doc("x", "Kenneth Feinberg ran the fund set up after the 11 September 2001 attacks. "
                  "He met BP executives on 16 June and agreed the rules.")
    infer_dcts(pile + [d], CachingTagger())
    assert d.dct == date(2010, 6, 16)


def test_a_day_many_articles_report_is_the_story_s_background():
    scorer = Scorer()
    assert scorer.reported(0, "past", background=0.5) < scorer.reported(0, "past") - 1.0
    assert scorer.reported(0, "past", background=0.5) > scorer.reported(40, "past")


def test_how_sure_is_said_with_every_inferred_date():
    d = _doc("a", "BP said on Tuesday, June 8, 2010 that it had collected 15,000 barrels.")
    infer_dcts([d], CachingTagger())
    assert d.dct == date(2010, 6, 8)
    assert str(d.dct_source).endswith("of the evidence on this day)")
    assert "how sure: " in str(d.dct_source)


def test_a_day_far_outside_the_piles_years_is_no_publication_day():
    """"Available until 1 Jan 2099" under a radio programme of a 2009 pile names no day the
    article could have been published: with nothing else to go on it stays undated."""
    def doc(i, t):
        return Document(id=i, path=i, text=t, dateline=read_dateline(t))
    pile = [doc("a", "Published: May 2, 2009\nFlu cases rose on May 1, 2009 in Mexico."),
            doc("b", "Published: June 12, 2009\nThe WHO declared a pandemic on June 11, 2009.")]
    article = doc("x", "Listen to the programme on the radio. Available until 1 Jan 2099. "
                       "Doctors explain how the flu spreads.")
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct is None, str(article.dct_source)


_QUAKE_PILE = ["Published: January 13, 2010\nA powerful earthquake struck Haiti on January 12, "
               "2010, toppling the presidential palace.",
               "Published: January 14, 2010\nRescuers searched the rubble in Port-au-Prince "
               "after the January 12, 2010 earthquake.",
               "Published: January 25, 2010\nAid agencies said schools stayed closed since the "
               "earthquake of January 12, 2010. Donors met in Montreal on January 25, 2010."]


def test_a_weekday_naming_the_story_s_event_dates_the_week_after_it():
    """'Tuesday's earthquake' names the pile's 12 January (a Tuesday): the article's Sunday is
    the 17th, not a Sunday of the pile's later weeks."""
    pile = [_doc(f"p{i}", t) for i, t in enumerate(_QUAKE_PILE)]
    d = _doc("x", "Haiti was devastated by Tuesday's earthquake. Tennis stars played for the "
                  "victims on Sunday.")
    infer_dcts(pile + [d], CachingTagger())
    assert d.dct == date(2010, 1, 17)


def test_a_weekday_naming_another_event_is_not_the_story_s_event():
    """'Tuesday's concert' shares the weekday of the earthquake but not its words."""
    pile = [_doc(f"p{i}", t) for i, t in enumerate(_QUAKE_PILE)]
    d = _doc("x", "Tuesday's concert was a success. Tennis stars played for charity on Sunday.")
    infer_dcts(pile + [d], CachingTagger())
    assert d.dct != date(2010, 1, 17)
    from kerryview.dating.cues import Scorer, WEEKDAY
    cues = [q for q in _cues(d.text) if q.kind == WEEKDAY and q.named]
    assert cues and cues[0].named == ("concert",)
    s = Scorer()
    s.anchor({date(2010, 1, 12).toordinal(): frozenset({"earthquak", "haiti"})})
    assert not s.anchored(cues[0])
    assert s.anchored(replace(cues[0], named=("earthquak",)))


def test_a_duration_after_the_story_s_event_names_a_day_of_the_story():
    """'Ten days after the earthquake' in a pile whose earthquake is 12 January is the 22nd;
    'more than a week' is after the 19th, 'nearly two weeks' before the 26th; a duration after
    something else (a concert) names nothing."""
    from kerryview.dating.cues import ELAPSED, Scorer
    cues = {q.offset: q for q in _cues(
        "Ten days after the earthquake, a girl was found. More than a week after the quake, "
        "aid came. Nearly two weeks after the disaster struck, schools reopened. Two days "
        "after the concert, donations rose. Three days after the Concert for Haiti, more came.")
        if q.kind == ELAPSED}
    assert (cues[10].lo, cues[10].hi, cues[10].named) == (0, 0, ("earthquake",))
    assert (cues[7].lo, cues[7].hi) == (0, 2) and (cues[14].lo, cues[14].hi) == (-2, 0)
    assert cues[2].named == ("concert",) and 3 not in cues  # only names: no event words
    s = Scorer()
    quake = date(2010, 1, 12).toordinal()
    s.anchor({quake: frozenset({"earthquake", "quake", "disaster", "haiti"})})
    assert s.anchored(cues[10]) == {quake + 10}
    assert s.cue(cues[10], quake + 10) > s.cue(cues[10], quake + 14) > s.cue(cues[10], quake + 9)
    assert s.cue(cues[7], quake + 9) == s.cue(cues[7], quake + 7) > s.cue(cues[7], quake + 6)
    assert not s.anchored(cues[2]) and s.cue(cues[2], quake + 2) == 0.0


def test_how_the_date_was_found_names_the_story_s_event(monkeypatch):
    # a day the article reports: dated only with date_by_reported_day (rule reported_day_alone),
    # which this test of how the days are scored sets
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    pile = [_doc(f"p{i}", t) for i, t in enumerate(_QUAKE_PILE)]
    d = _doc("x", "Ten days after the earthquake, rescuers pulled a girl alive from the rubble.")
    infer_dcts(pile + [d], CachingTagger())
    assert d.dct == date(2010, 1, 22)
    assert "“Ten days after the earthquake” is Friday 22 January 2010" in str(d.dct_source)


def test_a_photo_caption_s_date_is_the_day_before_or_of_publication_never_after():
    """'July 17, 2010: The containment stack is shown ...' opening the text is a caption: the
    article is of that day or later, most likely the next. A date with a colon inside a
    sentence is no caption."""
    cap = [q for q in _cues("July 17, 2010: The containment stack is shown at the well.\n"
                            "BP said on Sunday the cap held.") if q.kind == DAY]
    assert cap and cap[0].caption and cap[0].tense is None
    assert not any(q.caption for q in _cues("Officials said on July 17, 2010: the cap holds."))
    assert not any(q.caption for q in _cues("BP said the cap held.\nA note. " * 30
                                            + "\nJuly 17, 2010: The stack is shown."))
    s, d = Scorer(), date(2010, 7, 17).toordinal()
    assert s.cue(cap[0], d + 1) > s.cue(cap[0], d) > s.cue(cap[0], d + 2) > s.cue(cap[0], d + 30) \
        > s.cue(cap[0], d - 1)


def test_an_article_s_passages_are_never_looked_up_against_the_article_itself():
    """An undated article repeating one fully dated sentence (a 400 KB file of 8,000 such
    sentences took 124 s of CPU, 4 s after) is evidence for the other articles, not for itself:
    the index skips the query's own document instead of reading and dropping its postings."""
    from kerryview.dating.inference import _UndatedIndex

    same = {"talks": 0.8, "beijing": 0.6}
    index = _UndatedIndex({("a", 0): same, ("a", 1): same, ("b", 0): same}, 0.5)
    assert sorted(index.matches(same)) == [("a", 0, 1.0), ("a", 1, 1.0), ("b", 0, 1.0)]
    assert index.matches(same, skip="a") == [("b", 0, 1.0)]
    d = _doc("a", "Talks resumed on Monday, July 17, 2023, in Beijing. " * 50)
    infer_dcts([d], CachingTagger())
    assert d.dct == date(2023, 7, 17)
