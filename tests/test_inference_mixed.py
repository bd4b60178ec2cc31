"""A mixed pile (an analyst's folder of several stories): an article's own time stamp in full
is not discarded for the other articles' years (kerryview/dating/inference.py, own_stamp in
kerryview/dating/data/inference_cues.json)."""
from datetime import date
from pathlib import Path

from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import Document
from kerryview.pipeline import CachingTagger, read_documents

DEMO = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
# the head of a Guardian page of 2009 (Timeline17 H1N1_guardian), its stamp run into the text
FLU = ("cents All but two of latest batch caught virus in Britain Monday 4 May 2009 10.22 BST "
       "Hotel staff and guests wave from inside the Hong Kong Metropark hotel, which is under "
       "swine flu quarantine.\nNine new cases of swine flu were confirmed in the UK today, "
       "leading to the closure of another London school.\nThe update brings the overall tally "
       "of confirmed cases in the UK to 27. Schools closed after the Easter holiday on 30 April.")


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def _demo_with(text: str) -> list[Document]:
    """The demo's five 2023 articles and one 2009 article dated as one pile (as a stray article
    the stories of kerryview/stories.py attach to the nearest story is)."""
    docs = read_documents([DEMO])
    docs = list(docs[0] if isinstance(docs, tuple) else docs) + [_doc("81", text)]
    infer_dcts(docs, CachingTagger())
    return docs


def test_a_2009_article_beside_the_2023_demo_keeps_its_own_stamp():
    docs = _demo_with(FLU)
    by_id = {d.id: d for d in docs}
    assert by_id["81"].dct == date(2009, 5, 4), str(by_id["81"].dct_source)
    assert len(docs) == 6 and all(d.dct is not None and d.dct.year == 2023
                                  for d in docs if d.id != "81")


def test_a_stamp_whose_weekday_is_not_its_date_s_does_not_vouch_for_its_year():
    """4 May 2009 was a Monday: "Tuesday 4 May 2009" is no stamp in full, and outside the
    pile's years it is no stamp."""
    docs = _demo_with(FLU.replace("Monday 4 May", "Tuesday 4 May"))
    assert {d.id: d for d in docs}["81"].dct != date(2009, 5, 4)


def test_the_demo_alone_and_beside_the_2009_article_is_dated_alike():
    """The 2009 article does not move the demo's dates (the demo's named events hang on them)."""
    alone = read_documents([DEMO])
    alone = list(alone[0] if isinstance(alone, tuple) else alone)
    infer_dcts(alone, CachingTagger())
    mixed = {d.id: d.dct for d in _demo_with(FLU)}
    assert {d.id: d.dct for d in alone} == {i: v for i, v in mixed.items() if i != "81"}


def test_a_far_date_with_its_weekday_but_no_clock_is_still_no_publication_day():
    """1 Jan 2099 was a Thursday; without a clock time it is no stamp in full."""
    pile = [_doc("a", "Published: May 2, 2009\nFlu cases rose on May 1, 2009 in Mexico."),
            _doc("b", "Published: June 12, 2009\nThe WHO declared a pandemic on June 11, 2009.")]
    article = _doc("x", "Listen to the programme on the radio. Available until Thursday 1 Jan "
                        "2099. Doctors explain how the flu spreads.")
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct is None, str(article.dct_source)
