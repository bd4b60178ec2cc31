"""Where "fit all" looks: the dense part of the story, not its outliers. Without Qt.

A pile of articles about July 2023 mentions 1967 and 2018 too; framing every event makes the
story's weeks a few pixels wide. So "fit all" frames the shortest stretch of time holding most
of the events (DENSE_SHARE of them), and the events left outside are counted at the edges of
the timeline (edges.py), one click away. With few events every one is framed.

The stretch is found among the events dated to the day or better when there are enough of them:
"last year", "2021" and "this summer" are background to a story told in days, and would
otherwise pull the frame out to years (the bundled corpus: five days of talks, framed as 2021
to 2024).
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Sequence

DENSE_SHARE = 0.9  # of the events, framed by "fit all"
DENSE_MIN_EVENTS = 10  # fewer events than this: frame them all


def dense_span(starts: Sequence[float], share: float = DENSE_SHARE,
               min_events: int = DENSE_MIN_EVENTS) -> tuple[float, float]:
    """(a, b): the shortest window [starts[i], starts[i + k - 1]] holding k = ceil(share * n)
    of the sorted `starts` (the earliest such window on a tie). O(n)."""
    n = len(starts)
    if n == 0:
        return 0.0, 0.0
    if n < min_events:
        return starts[0], starts[-1]
    k = max(1, math.ceil(share * n))
    best = min(range(n - k + 1), key=lambda i: (starts[i + k - 1] - starts[i], i))
    return starts[best], starts[best + k - 1]


def framed_starts(index) -> Sequence[float]:
    """The starts "fit all" frames: those of the events known to the day or better (points and
    bars of a TimelineIndex) when there are DENSE_MIN_EVENTS of them, else every start."""
    from kerryview.gui.timeline.index import RANGE

    kinds = index.kinds
    precise = [t for t, k in zip(index.starts, kinds) if k != RANGE]
    return precise if len(precise) >= DENSE_MIN_EVENTS else index.starts


def outside(starts: Sequence[float], sorted_ends: Sequence[float], t0: float,
            t1: float) -> tuple[int, int]:
    """(events ending before t0, events starting after t1): what the view leaves out on each
    side (`sorted_ends` is the events' ends, sorted)."""
    return bisect_left(sorted_ends, t0), len(starts) - bisect_right(starts, t1)
