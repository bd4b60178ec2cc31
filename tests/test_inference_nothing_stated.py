"""A pile in which no article states its date (issue #9 item 2): the days its articles report
are all there is to go by, so a reported day of the pile's few days of news may date an
article (inference._Dating.pile_near), said to be of low certainty; beside a dated article the
rule reported_day_alone asks for one of the pile's dated days near it."""
from datetime import date

from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import Document
from kerryview.pipeline import CachingTagger

PILE = ("US climate envoy John Kerry met Chinese officials in Beijing on July 17, 2023, for talks "
        "on climate. The two sides met for twelve hours.",
        "Kerry and his counterpart Xie Zhenhua held talks in Beijing on July 17, 2023. The envoys "
        "discussed methane and coal.",
        "The talks between Kerry and Xie in Beijing ended on July 17, 2023, after twelve hours. "
        "Both sides called them frank.")


def _docs(texts):
    docs = [Document(id=f"a{i}", path=f"a{i}", text=t) for i, t in enumerate(texts)]
    for d in docs:
        d.dateline = read_dateline(d.text)
    return docs


def test_a_pile_with_nothing_stated_is_dated_by_the_days_its_articles_report():
    docs = _docs(PILE)
    infer_dcts(docs, CachingTagger())
    assert [d.dct for d in docs] == [date(2023, 7, 17)] * 3, [str(d.dct_source) for d in docs]
    assert all(d.dct_source.sureness == "low" for d in docs)


def test_beside_a_dated_article_of_another_time_a_reported_day_alone_still_dates_none():
    docs = _docs(("Published: March 3, 2024\nA review of climate diplomacy, months on.",) + PILE)
    infer_dcts(docs, CachingTagger())
    assert [d.dct for d in docs[1:]] == [None] * 3, [str(d.dct_source) for d in docs]


def test_one_article_recalling_a_day_is_no_pile_of_that_days_news():
    """"Ten years ago, on January 12, 2010, ...": alone, the article's own reported day is all
    of its pile's days; that is no pile of a few days' news (reported_day_pile_least)."""
    [doc] = _docs(("Ten years ago, on January 12, 2010, an earthquake struck Haiti. The country "
                   "remembers its dead.",))
    infer_dcts([doc], CachingTagger())
    assert doc.dct is None, str(doc.dct_source)
