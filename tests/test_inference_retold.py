"""A date written out in the body of an article is a day the story recalls, a bound from below
(rule retold_day, kerryview/dating/inference.py _Dating.retold_window)."""
from datetime import date

from kerryview.dating.cues import rules
from kerryview.dating.datelines import read_dateline
from kerryview.cancellation import NEVER
from kerryview.dating.inference import _Dating, declared_dct, infer_dcts
from kerryview.model import Document
from kerryview.pipeline import CachingTagger

# a pile whose articles run on for weeks after the day the article recalls
PILE = ["Published: July 22, 2010\nTropical storm Bonnie forced ships to leave the site of the "
        "leak on July 22, 2010.",
        "Published: August 4, 2010\nThe static kill pumped mud into the well on August 4, 2010, "
        "officials said.",
        "Published: August 19, 2010\nScientists reported on August 19, 2010 a plume of oil deep "
        "under the surface."]
BODY = ("Shrimpers along the bayou have tied up their boats and sit on the docks, mending nets "
        "they may not use this year. Many have taken work with the clean-up crews, laying boom "
        "and skimming oil for the company whose well ruined their season, and most say the "
        "money is good but the work is not theirs. Their wives keep the books and count the "
        "weeks. ")


def _date(text: str) -> Document:
    pile = [Document(id=f"p{i}", path=f"p{i}", text=t, dateline=read_dateline(t))
            for i, t in enumerate(PILE)]
    article = Document(id="x", path="x", text=text, dateline=None)
    infer_dcts(pile + [article], CachingTagger())
    return article


def test_a_date_recalled_in_the_body_bounds_the_day_and_no_more(monkeypatch):
    """'since 15 July 2010' alone: the day itself holds little of the evidence once the weeks
    after it are candidates (left undated, saying why); without the rule it was dated 15 July
    as 'low', on 37 % of the evidence."""
    # the rule under test, beside reported_day_alone (which would leave it undated for its
    # own reason): with date_by_reported_day, as before that rule
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    text = ("Fishermen in Louisiana wait to hear whether the waters will reopen\n" + BODY
            + "No new oil has entered the Gulf since 15 July 2010, when BP put a temporary cap "
              "on the well.")
    article = _date(text)
    assert article.dct is None
    assert "spread over many days" in article.dct_source.detail
    monkeypatch.setitem(rules()["retold_day"], "on", False)
    assert _date(text).dct == date(2010, 7, 15)


def _window(text: str) -> list[date]:
    """The days the article's recalled dates add to its candidates."""
    tag = CachingTagger()
    docs = [Document(id=f"p{i}", path=f"p{i}", text=t, dateline=read_dateline(t))
            for i, t in enumerate(PILE)] + [Document(id="x", path="x", text=text)]
    for d in docs:
        declared_dct(d)
    dating = _Dating(docs, [docs[-1]], {d.id: tag(d.text, d.dct) for d in docs[:-1]}, tag, NEVER)
    a = dating.articles["x"]
    return sorted(date.fromordinal(c) for c in dating.retold_window(a, dating.years_of(a)))


def test_the_weeks_after_a_recalled_date_are_candidates_but_not_after_the_pages_own():
    """'since 15 July 2010' in the body opens the two months after it; '29 July 2010 Last
    updated at 22:17 GMT' opening the page is the page's own day: no window, but a date a
    preposition puts in a sentence there is recalled."""
    days = _window("Fishermen in Louisiana wait to hear whether the waters will reopen\n" + BODY
                   + "No new oil has entered the Gulf since 15 July "
                   "2010, when BP put a temporary cap on the well.")
    window = rules()["retold_day"]["window_days"]
    assert days[0] == date(2010, 7, 15) and (days[-1] - days[0]).days == window
    assert _window("29 July 2010 Last updated at 22:17 GMT Help Fishermen wait\n" + BODY) == []
    head = _window("Who would have thought when the rig exploded on the 20th April 2010 that "
                   "fishermen would still wait?\n" + BODY)  # a sentence reports it: recalled
    assert head[0] == date(2010, 4, 20) and (head[-1] - head[0]).days == window


def test_a_page_stamp_without_its_year_or_after_published_on_is_no_recalled_date():
    """At the head, "Thursday 29 July Last updated at 22:17 GMT" (no year) and "Published on
    29 July 2010" (a preposition after a word of publishing: retold_day page_words) are the
    page's own day, not a day the article recalls: they open no window of later days."""
    assert _window("Thursday 29 July Last updated at 22:17 GMT Help Fishermen wait\n" + BODY) == []
    assert _window("Oil firms face new rules\nPublished on 29 July 2010\n" + BODY) == []
