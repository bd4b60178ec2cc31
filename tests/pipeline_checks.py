"""Checks shared by the pipeline's property tests."""
from __future__ import annotations


def assert_offsets_exact(docs, events) -> None:
    """Every event spans forward in time, and every passage and time expression it quotes is
    exactly the text at its offsets in its document."""
    by_id = {d.id: d.text for d in docs}
    for e in events:
        assert e.start <= e.end
        for m in e.mentions:
            text = by_id[m.document_id]
            assert text[m.start:m.end] == m.text
            assert text[m.timex.start:m.timex.end] == m.timex.text
