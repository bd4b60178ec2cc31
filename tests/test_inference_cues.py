"""The rules of kerryview/dating/data/inference_cues.json: every rule has a why and an example,
and every example dates as it says (an undated article, alone or with the stated articles of
its pile)."""
from datetime import date

import pytest

from kerryview.dating.cues import rules
from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import DateSourceKind, Document
from kerryview.pipeline import CachingTagger

RULES = {name: rule for name, rule in rules().items() if not name.startswith("_")}


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def test_every_rule_says_why_and_shows_an_example():
    assert len(RULES) >= 10
    for name, rule in RULES.items():
        assert len(rule["why"]) > 40, name
        assert rule["example"]["text"].strip(), name
        assert "expect" in rule["example"], name


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_example_dates_as_it_says(name):
    example = RULES[name]["example"]
    pile = [_doc(f"p{i}", text) for i, text in enumerate(example.get("pile", []))]
    assert all(d.dateline is not None for d in pile), "the pile's articles state their dates"
    article = _doc("x", example["text"])
    expect = example["expect"]
    if article.dateline is not None:  # a stamp the date-line reader reads itself (a head run
        assert article.dateline.value == date.fromisoformat(expect)  # into it): both agree,
        article.dateline = None  # and inference alone still dates it
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct == (date.fromisoformat(expect) if expect else None), str(article.dct_source)
    if expect:
        assert article.dct_source.kind is DateSourceKind.INFERRED
        assert "how sure:" in str(article.dct_source)


DATELINE_STYLES = rules()["head_dateline"]["styles"]


@pytest.mark.parametrize("name", sorted(DATELINE_STYLES))
def test_each_year_less_dateline_style_dates_its_example(name):
    """A wire dateline is the day of publication, a newspaper's the day before it: the tense
    of the report's first sentence ("will be") does not make the dateline an announcement."""
    example = DATELINE_STYLES[name]["example"]
    article = _doc("x", example["text"])
    assert article.dateline is None  # no year: not a stated date
    infer_dcts([article], CachingTagger())
    assert article.dct == date.fromisoformat(example["expect"]), str(article.dct_source)


def test_a_dateline_is_found_only_where_a_report_opens():
    from kerryview.dating.cues import dateline_spans
    assert [s for s, _, _ in dateline_spans("By Sue Zeidler LOS ANGELES, April 28 (Reuters) - x")] == ["wire"]
    assert [s for s, _, _ in dateline_spans("KANSAS CITY, Mo., Oct. 20 -- The bank")] == ["paper"]
    assert dateline_spans("He said, May 3 - no") == []
    assert dateline_spans("x" * 500 + " LONDON, March 30 -- late") == []


def test_a_time_stamp_has_no_tense():
    """The sentence a copied page's stamp runs into ("... 21.31 BST Exam boards may award
    grades") does not make the stamp an announcement: the article is dated by it."""
    text = ("Exam plan for flu Boards may grade on coursework Tuesday 5 May 2009 21.31 BST "
            "Exam boards will award grades on coursework if pupils cannot sit the exams.")
    article = _doc("x", text)
    assert article.dateline is not None and article.dateline.value == date(2009, 5, 5)
    article.dateline = None  # the date-line reader reads the stamp; inference alone must too
    infer_dcts([article], CachingTagger())
    assert article.dct == date(2009, 5, 5), str(article.dct_source)


def test_a_day_that_holds_little_of_the_evidence_is_left_undated_unless_asked(monkeypatch):
    """A pile over three years spreads the evidence over many candidate days: the best day
    (the first Friday on or after the bank's closing) holds little of it. By default
    (decision.least_share 0.15) the article stays undated: on the development piles such
    days were the exact day about one time in seven, and a wrong day misleads more than
    none. With a lower least_share it is dated, and said to be of low certainty."""
    pile = [_doc("a", "Published: September 15, 2008\nLehman Brothers filed for bankruptcy on "
                      "September 15, 2008 after talks failed."),
            _doc("b", "Published: March 10, 2009\nStocks rose on March 10, 2009 as banks "
                      "reported profits."),
            _doc("c", "Published: June 2, 2010\nRegulators met on June 1, 2010 to discuss the "
                      "reform bill.")]
    article = _doc("x", "Regulators closed the bank on May 27, 2009, and its deposits moved to a "
                        "rival. Its troubles began in 2008, and rivals met its chief on Friday.")
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct is None, str(article.dct_source)
    monkeypatch.setitem(rules()["decision"], "least_share", 0.05)
    for d in pile + [article]:
        d.dct = None
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct == date(2009, 5, 29), str(article.dct_source)
    assert "how sure: low" in str(article.dct_source)


def test_a_dateline_is_named_as_such_in_how_the_date_was_found():
    example = DATELINE_STYLES["paper"]["example"]
    article = _doc("x", example["text"])
    infer_dcts([article], CachingTagger())
    assert "its dateline “March 30” (filed the day before)" in str(article.dct_source)
