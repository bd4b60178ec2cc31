"""Publication dates (kerryview.dating.inference) on small texts written here."""
from datetime import date

from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import CachingTagger, build_corpus
from kerryview.store import Store

MEETING = "Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on {}."


def _doc(doc_id: str, text: str, **kw) -> Document:
    """A document as the reader makes it from a text file (its date line read)."""
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text), **kw)


def _date(docs: list[Document]) -> dict[str, list]:
    return infer_dcts(docs, CachingTagger())


def test_a_stated_date_is_kept():
    d = _doc("a", "date 2023-07-18\n" + MEETING.format("July 17"))
    _date([d])
    assert d.dct == date(2023, 7, 18)
    assert d.dct_source == DateSource(DateSourceKind.STATED_IN_TEXT,
                                      "stated in the article (“2023-07-18”)")


def test_a_user_set_date_is_kept_across_re_resolution(tmp_path):
    store = Store(tmp_path / "c.db")
    store.save_corpus([_doc("a", MEETING.format("Tuesday"))], [])
    store.set_document_date("a", date(2023, 7, 26))
    for _ in range(2):  # every later resolution starts again from the stored documents
        [d] = store.documents()
        assert d.dct_source.kind is DateSourceKind.SET_BY_USER
        timexes = _date([d])
        assert d.dct == date(2023, 7, 26) and str(d.dct_source) == "set by the user"
        assert [t.value for t in timexes["a"] if t.type == "DATE"] == ["2023-07-25"]  # the Tuesday before it
        store.save_corpus([d], [])


def test_only_the_kind_decides_what_is_kept():
    """The sentence is for people: an inferred date whose sentence happens to read like a
    user's is inferred again, and a user's date is kept whatever its sentence says."""
    lookalike = _doc("a", "Nothing dated here.", dct=date(2023, 7, 18),
                     dct_source=DateSource(DateSourceKind.INFERRED, "set by the user"))
    user = _doc("b", "Nothing dated here either.", dct=date(2023, 7, 18),
                dct_source=DateSource(DateSourceKind.SET_BY_USER, "chosen in the reader"))
    _date([lookalike, user])
    assert lookalike.dct is None and lookalike.dct_source == DateSource.unknown()
    assert user.dct == date(2023, 7, 18) and str(user.dct_source) == "chosen in the reader"


def test_an_undated_article_is_dated_by_agreement_with_a_dated_one():
    dated = _doc("a", "date 2023-07-18\n" + MEETING.format("July 17"))
    undated = _doc("b", MEETING.format("Monday"))
    timexes = _date([dated, undated])
    assert undated.dct_source.kind is DateSourceKind.INFERRED
    # in a reporter's words: the day, and the other article by its name (kerryview/sources)
    assert str(undated.dct_source).startswith(
        "date taken from the other articles: “Monday” here is Monday 17 July 2023, the day "
        "article a gives for the same event")  # as the documents table names it
    assert undated.dct == date(2023, 7, 17)  # the earliest best day: news follows its events
    assert [t.value for t in timexes["b"] if t.type == "DATE"] == ["2023-07-17"]


def test_an_article_without_evidence_stays_unknown():
    dated = _doc("a", "date 2023-07-18\n" + MEETING.format("July 17"))
    lost = _doc("b", "Pandas ate bamboo at the zoo on Tuesday.")
    _date([dated, lost])
    assert lost.dct is None and lost.dct_source == DateSource.unknown()


def test_with_guesses_on_an_article_without_evidence_gets_a_day_said_to_be_a_guess(guesses):
    """decision.guess on (off by default): a weekday alone, or an article like a dated one,
    places an article the evidence does not date, and the date says it is a guess; an article
    with nothing that ties it to the pile (no time expression, no article like it) stays
    undated even so."""
    dated = _doc("a", "date 2023-07-18\n" + MEETING.format("July 17"))
    weekday = _doc("b", "Pandas ate bamboo at the zoo on Tuesday.")
    _date([dated, weekday])
    assert weekday.dct == date(2023, 7, 18)
    assert weekday.dct_source.kind is DateSourceKind.INFERRED
    assert "how sure: a guess" in str(weekday.dct_source), str(weekday.dct_source)
    lost = _doc("c", "Pandas ate bamboo at the zoo.")
    _date([dated, lost])
    assert lost.dct is None and lost.dct_source == DateSource.unknown()
    user = _doc("d", "Nothing dated here.", dct=date(2023, 7, 18),
                dct_source=DateSource.set_by_user())
    undated = _doc("e", MEETING.format("Monday"))
    _date([user, undated])
    assert user.dct == date(2023, 7, 18) and str(user.dct_source) == "set by the user"
    assert undated.dct == date(2023, 7, 17) and "how sure: a guess" in str(undated.dct_source)


def test_a_kept_date_on_an_article_without_dates_does_not_stop_dating():
    """A user's (or page's) date on an article with no time expression made dating look the
    article up among the undated ones (KeyError) as soon as another article needed a date."""
    user = _doc("a", "Nothing dated here.", dct=date(2023, 7, 18),
                dct_source=DateSource.set_by_user())
    undated = _doc("b", MEETING.format("Monday"))
    _date([user, undated])
    assert user.dct == date(2023, 7, 18) and undated.dct is None


def test_the_date_line_is_not_an_event():
    d = _doc("a", "date 2023-07-18\n" + MEETING.format("July 17"))
    [event] = build_corpus([d])
    assert event.value == "2023-07-17"
    [m] = event.mentions
    assert m.text == MEETING.format("July 17")  # the passage starts after the date line


def test_waves_do_not_tag_a_document_again_for_a_date_already_tried(monkeypatch):
    """Dating goes in waves and scores every remaining document in each; re-tagging each one
    under every candidate in every wave made dating quadratic in the number of articles.
    A document is tagged once per candidate date, and once more under the date it gets.
    The chain needs b, dated by its weekday and a's passage (64 % of the evidence), to teach
    c: it may when weakly dated articles teach at wave_sure, as strongly dated ones do (by
    default they must be surer, decision.wave_sure_weak, and c stays undated)."""
    from collections import Counter
    from kerryview.dating.cues import rules

    monkeypatch.setitem(rules()["decision"], "wave_sure_weak", rules()["decision"]["wave_sure"])
    # e's day is one it reports: dated only with date_by_reported_day (rule reported_day_alone)
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)

    calls: Counter = Counter()
    tagger = CachingTagger()

    def counting(text, dct):
        calls[text, dct] += 1
        return tagger(text, dct)

    docs = [  # dated in a chain: b by a, c by b (a wave later); e by its own date, last
        _doc("a", "date 2023-07-18\n\n" + MEETING.format("July 17")),
        _doc("b", MEETING.format("Monday") + " Yellen toured the Shanghai container port "
                                             "terminal on Tuesday."),
        _doc("c", "Yellen toured the Shanghai container port terminal on Tuesday, officials said."),
        _doc("e", "The climate talks began on July 10, 2023."),
    ]
    infer_dcts(docs, counting)
    assert [d.dct for d in docs] == [date(2023, 7, 18), date(2023, 7, 18), date(2023, 7, 18),
                                     date(2023, 7, 10)]
    assert max(calls.values()) <= 2, calls.most_common(3)


def test_how_far_a_page_date_gives_way_is_the_rule_s_lag(monkeypatch):
    """The lag is data (inference_cues.json wire_dateline_page.lag_days): a page two days
    after its dateline gives way under the rule's 2 days, not under 1."""
    from kerryview.dating.cues import rules
    text = "WASHINGTON, March 12 (Xinhua) --\n\nThe three foreign ministers signed documents."

    def page() -> Document:
        return _doc("a", text, dct=date(1999, 3, 14),
                    dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the page"))
    assert rules()["wire_dateline_page"]["lag_days"] == 2
    d = page()
    _date([d])
    assert d.dct == date(1999, 3, 12)
    monkeypatch.setitem(rules()["wire_dateline_page"], "lag_days", 1)
    d = page()
    _date([d])
    assert d.dct == date(1999, 3, 14) and d.dct_source.kind is DateSourceKind.PAGE_METADATA



def test_a_page_date_a_year_after_its_wire_dateline_says_both_years():
    text = "WASHINGTON, Dec. 31 (Xinhua) --\n\nThe ministers signed the accord."
    d = _doc("a", text, dct=date(2011, 1, 1), dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the page"))
    _date([d])
    assert d.dct == date(2010, 12, 31) and d.dct_source.kind is DateSourceKind.FILED_PER_DATELINE
    assert str(d.dct_source).startswith("filed on 31 December 2010 (its dateline")
    assert "the page is dated 1 January 2011 (the page)" in str(d.dct_source)

def test_a_page_date_gives_way_to_the_day_of_its_wire_dateline():
    # the story was filed on March 12, its page (archive) is dated March 13: "today" is March 12
    text = "WASHINGTON, March 12 (Xinhua) --\n\nThe three foreign ministers signed documents of accession."
    d = _doc("a", text, dct=date(1999, 3, 13), dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the page"))
    _date([d])
    assert d.dct == date(1999, 3, 12) and d.dct_source.kind is DateSourceKind.FILED_PER_DATELINE
    # said so, with both days: the page does not state March 12
    assert str(d.dct_source) == ("filed on 12 March (its dateline “WASHINGTON, March 12 "
                                 "(Xinhua) --”); the page is dated 13 March (the page)")
    _date([d])  # a later resolution keeps it, and says the same
    assert d.dct == date(1999, 3, 12) and "the page is dated 13 March" in str(d.dct_source)
    [signed] = [e for e in build_corpus([d]) if "signed" in e.label]
    assert signed.start.startswith("1999-03-12")  # news of the day the story was filed
    # a dateline days before the page's date is another story's; the user's date is kept
    far = _doc("b", text, dct=date(1999, 3, 20), dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the page"))
    user = _doc("c", text, dct=date(1999, 3, 13), dct_source=DateSource(DateSourceKind.SET_BY_USER, "chosen"))
    _date([far, user])
    assert far.dct == date(1999, 3, 20) and user.dct == date(1999, 3, 13)
