"""The candidate pairs of merging (kerryview.events.blocking): every pair whose dates are
compatible or near and whose passages are alike is found without trying all pairs; a word
shared by more mentions than the cap on their day is a stop word there."""
from __future__ import annotations

import random
from datetime import datetime

from kerryview.calendar.intervals import Interval, value_interval
from kerryview.events.blocking import candidate_pairs
from kerryview.events.merge import LINK_FLOOR, Item, _compatible_items, _near_dates, _widened
from kerryview.model import EventMention, Timex
from kerryview.text.similarity import cosine

VALUES = ["2010", "2010-04", "2010-05", "2010-W17", "2010-Q2", "2010-04-20", "2010-04-21",
          "2010-04-23", "2010-04-25", "2010-05-02", "2010-04-20T14:00", "2010-04-20TEV", "201",
          "2010-SU", "2009-12", "2011"]
WORDS = ["oil", "rig", "explosion", "bp", "gulf", "spill", "hayward", "obama", "cap", "well",
         "leak", "louisiana", "coast", "guard", "cleanup", "fund"]


def _items(n: int, seed: int) -> list[Item]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        value = rng.choice(VALUES)
        approx = rng.random() < 0.15
        words = rng.sample(WORDS, rng.randint(2, 6))
        norm = sum(1 for _ in words) ** 0.5
        t = Timex(0, 4, "x", "DATE", value, "APPROX" if approx else None)
        m = EventMention(f"d{i % 7}", 0, 4, "x", t)
        out.append(Item(m, "x", value_interval(value), {w: 1 / norm for w in words}, "",
                        approx))
    return out


def _found(items: list[Item], cap: int) -> set[tuple[int, int]]:
    pairs = candidate_pairs(len(items), lambda i: items[i].vector, lambda i: items[i].interval,
                            lambda i: _widened(items[i]),
                            lambda i: items[i].interval.granularity.day_or_finer, cap=cap,
                            floor=LINK_FLOOR)
    return {(min(i, j), max(i, j)) for i, j in pairs}


def test_every_alike_pair_with_compatible_or_near_dates_is_a_candidate():
    for seed in range(5):
        items = _items(120, seed)
        found = _found(items, cap=10_000)
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                a, b = items[i], items[j]
                if ((_compatible_items(a, b) or _near_dates(a.interval, b.interval))
                        and cosine(a.vector, b.vector) >= LINK_FLOOR):
                    assert (i, j) in found, (seed, a.mention.timex.value, b.mention.timex.value,
                                             a.approximate, b.approximate)


def test_a_word_on_every_passage_of_a_busy_day_is_a_stop_word():
    day = Interval(datetime(2010, 4, 20), datetime(2010, 4, 21), "day")
    items = [Item(EventMention(f"d{i}", 0, 4, "x", Timex(0, 4, "x", "DATE", "2010-04-20")),
                  "x", day, {"oil": 0.8, f"name{i // 2}": 0.6}, "") for i in range(100)]
    found = _found(items, cap=24)
    assert found == {(i, i + 1) for i in range(0, 100, 2)}  # only the pairs sharing a name


def test_postings_keep_their_order_and_a_single_posting_is_small():
    """Most words of a bucket are filed once: the index (the largest thing a 10,000-article
    merge holds) keeps one posting in a few dozen bytes, several in one flat array, and gives
    them back in the order filed."""
    import tracemalloc

    from kerryview.events.blocking import _file, count, postings

    bucket: dict = {}
    for i, terms in enumerate([{"oil": 0.5, "rig": 0.25}, {"oil": 0.125}, {"oil": 1.0}]):
        _file(bucket, i - 1, terms)
    assert count(bucket["rig"]) == 1 and list(postings(bucket["rig"])) == [(-1, 0.25)]
    assert count(bucket["oil"]) == 3
    assert list(postings(bucket["oil"])) == [(-1, 0.5), (0, 0.125), (1, 1.0)]
    words = [f"w{n}" for n in range(20_000)]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    big: dict = {}
    for n, w in enumerate(words):
        _file(big, n, {w: 0.1})
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert used / len(words) < 120  # two arrays in a tuple took about 300 bytes a word
