"""Whatever the articles say, the pipeline does not raise and every offset stays exact."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kerryview.dating.datelines import read_dateline
from kerryview.model import Document
from kerryview.pipeline import build_corpus
from pipeline_checks import assert_offsets_exact

FRAGMENTS = ["Kerry met Xie on Monday.", "on July 17", "last August", "the previous day",
             "date 2023-07-18 ", "in the early hours of July 20", "nearly 12 hours", "2021",
             "Nov. 29", "\n\n", "“", "”", ".", ",", " ", "Tuesday", "will meet", "said", "😀",
             "e\u0301", "\u00a0", "\r\n", "Feb. 30", "9999", "0000-00-00", "next year"]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=25
                 ).map("".join)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=4))
def test_any_articles_resolve_without_error(bodies):
    docs = [Document(id=f"d{i}", path=f"d{i}", text=t, dateline=read_dateline(t))
            for i, t in enumerate(bodies)]  # as the reader makes them: the date line read once
    events = build_corpus(docs)
    assert_offsets_exact(docs, events)
