"""Run-on text costs time in proportion to its length (issue #11, item 8).

Text with no sentence ends was one 50 KB "sentence": each of its time expressions searched,
weighed and labelled the whole of it, so extract took 12 / 63 / 244 s on 25 / 50 / 100 KB.
A sentence is now at most MAX_SENTENCE_CHARS, cut at a clause break, and the work per time
expression is bounded.
"""
from __future__ import annotations

import time

from kerryview.model import Document
from kerryview.pipeline import build_corpus
from kerryview.text.sentences import MAX_SENTENCE_CHARS, sentence_spans
from kerryview.timex import tag
from run_on import run_on_text


def test_a_run_on_text_is_cut_at_clause_breaks():
    text = run_on_text(20_000)
    spans = sentence_spans(text)
    assert all(0 < b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[b - 1] == "," for a, b in spans[:-1])  # cut after a comma, never in a word
    assert len(spans) >= 20_000 // MAX_SENTENCE_CHARS


def test_a_sentence_without_any_break_is_cut_at_the_limit():
    assert sentence_spans("x" * 4500) == [(0, 2000), (2000, 4000), (4000, 4500)]


def test_passages_of_a_run_on_article_are_sentence_sized():
    doc = Document(id="run-on", path="run-on.txt", text=run_on_text(50_000))
    events = build_corpus([doc])
    assert events
    assert max(len(m.text) for e in events for m in e.mentions) <= MAX_SENTENCE_CHARS


def _cpu_seconds(n_chars: int) -> float:
    doc = Document(id="run-on", path="run-on.txt", text=run_on_text(n_chars))
    start = time.process_time()
    build_corpus([doc])
    return time.process_time() - start


def test_four_times_the_text_costs_about_four_times_the_time():
    tag("Compiled once per process, on Monday.")  # the grammar's regex is built once
    small, large = _cpu_seconds(25_000), _cpu_seconds(100_000)
    assert large / small < 8, f"25 KB {small:.2f} s, 100 KB {large:.2f} s: not linear"  # was 30x
