"""How sure an inferred publication date is (decision.sureness), and the articles whose only tie
to a day is a day they report (rule reported_day_alone): left undated, saying why."""
from datetime import date

from kerryview.cancellation import NEVER  # noqa: F401  (the pipeline's own import order)
from kerryview.dating.cues import rules
from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.export.json_export import corpus_json
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import CachingTagger

PILE = ["Published: October 3, 2008\nThe House passed the bailout on October 3, 2008, and the "
        "president signed it.",
        "Published: October 10, 2008\nStocks ended their worst week since 1933 on October 10, "
        "2008."]
REPORTED = ("Markets fell sharply on Sept. 30, 2008, a day after the House rejected the "
            "bailout. Economists still argue about what the vote meant.")
STAMPED = ("Oil spill: Obama acts on fallout White House lists actions Wednesday 5 May 2010 "
           "21.48 BST The Obama administration took defensive action today over early "
           "assurances.")


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def _dated(text: str, pile: list[str] = ()) -> Document:
    article = _doc("x", text)
    article.dateline = None  # a stamp the date-line reader reads too: inference alone dates it
    infer_dcts([_doc(f"p{i}", t) for i, t in enumerate(pile)] + [article], CachingTagger())
    return article


def test_a_day_the_article_only_reports_does_not_date_it(monkeypatch):
    """"Markets fell on Sept. 30, 2008": published that day or weeks later (a feature, a
    retrospective), nothing in it says which: undated, and the table says why; with
    decision.date_by_reported_day it is dated as before, and said to be of low certainty."""
    article = _dated(REPORTED, PILE)
    assert article.dct is None, str(article.dct_source)
    assert article.dct_source.why_undated.startswith(
        "the only day it ties itself to is one it reports (it reports “Sept. 30, 2008”"), \
        article.dct_source.why_undated
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    article = _dated(REPORTED, PILE)
    assert article.dct == date(2008, 9, 30), str(article.dct_source)
    assert article.dct_source.sureness == "low", str(article.dct_source)


def test_a_reported_day_dates_the_article_in_a_pile_of_a_few_days_news():
    """The same article in a pile whose dated articles were all published on 29 September or
    1 October (decision.reported_day_pile_share): the day it reports is that news, not
    history (rests on "span"): dated, of low certainty."""
    pile = ["Published: September 29, 2008\nThe House rejected the bailout on September 29, "
            "2008.", "Published: October 1, 2008\nThe Senate passed the bailout on October 1, "
            "2008."]
    article = _dated(REPORTED, pile)
    assert article.dct == date(2008, 9, 30), str(article.dct_source)
    assert article.dct_source.sureness == "low", str(article.dct_source)


def test_how_sure_follows_what_the_day_rests_on_as_the_data_says(monkeypatch):
    """A day the page's time stamp names is 'high' (decision.sureness: page, half the evidence
    or more); the label is read from the data, not fixed in the code."""
    article = _dated(STAMPED)
    assert article.dct == date(2010, 5, 5) and article.dct_source.sureness == "high", \
        str(article.dct_source)
    table = dict(rules()["decision"]["sureness"])
    table["page"] = [[0.0, "medium"]]
    monkeypatch.setitem(rules()["decision"], "sureness", table)
    assert _dated(STAMPED).dct_source.sureness == "medium"


def test_every_kind_of_ground_has_a_label_for_any_share():
    """Each thing a day may rest on has labels down to a share of 0 (an inferred day always
    gets one), and only the labels the table explains."""
    table = rules()["decision"]["sureness"]
    assert len(table["why"]) > 40
    for ground in ("page", "passage", "span", "weekday", "reported", "pile"):
        labels = table[ground]
        assert labels[-1][0] == 0.0, ground
        assert [least for least, _ in labels] == sorted((x for x, _ in labels), reverse=True)
        assert {name for _, name in labels} <= {"high", "medium", "low"}, ground


def test_how_sure_is_read_back_from_the_sentence_and_exported():
    """DateSource.sureness reads what dating said; extract --json gives it as dct_sureness
    (None for a date not inferred)."""
    inferred = DateSource(DateSourceKind.INFERRED, "date taken from the article's own dates: "
                          "it reports “May 7, 2010” (the same day) (how sure: low, 39 % of "
                          "the evidence on this day)")
    guessed = DateSource(DateSourceKind.INFERRED, "date taken from the days the other articles "
                         "cover (how sure: a guess, 12 % of the evidence on this day)")
    stated = DateSource(DateSourceKind.STATED_IN_TEXT, "stated in the article (“how sure: high,”)")
    assert (inferred.sureness, guessed.sureness, stated.sureness) == ("low", "a guess", None)
    assert DateSource.unknown().sureness is None
    docs = [Document(id="a", path="a", text="x", dct=date(2010, 5, 7), dct_source=inferred),
            Document(id="b", path="b", text="x", dct=date(2010, 5, 7), dct_source=stated)]
    out = corpus_json(docs, [])
    assert [d["dct_sureness"] for d in out["documents"]] == ["low", None]
