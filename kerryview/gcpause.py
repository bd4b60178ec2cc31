"""Reading a big project: Python's cyclic garbage collector paused while it builds objects.

Opening 10,000 articles makes about 300,000 objects (events, their passages, time expressions)
that form no reference cycles; each collection the allocations trigger walks every object made
so far, which was 0.4 s of the 1.0 s that Store.events() took. When the read ends, what it
made goes straight to the oldest generation (gc.freeze then gc.unfreeze: a list splice) rather
than being walked by the young collection the next allocation would trigger (0.1 s of opening
10,000 articles, once for the worker's read and once for the window's). Nothing is left
uncollected: the oldest generation is walked by every full collection, cycles and all.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator


_lock = threading.Lock()
_depth = 0  # blocks inside gc_paused now, in every thread
_was_on = False  # whether the collector was on when the first of them began


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for the block. Nested or in two threads at once, it comes
    back on (if it was on before the first) only when the last of them ends."""
    global _depth, _was_on
    with _lock:
        if _depth == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_on:
                gc.freeze()  # every tracked object to the permanent generation...
                gc.unfreeze()  # ...and from there to the oldest one, none of them walked
                gc.enable()


def keep_out_of_full_collections() -> None:
    """What is alive now (a loaded timeline's 100,000 events and their tables) goes to the
    permanent generation, which no collection walks: a full collection, triggered when the
    oldest generation grows by a quarter, walked all of it, 0.3 s in the middle of a drag at
    100,000 events (benchmarks/timeline_paint.py). Objects there are still freed by their
    reference counts when the timeline lets go of them; only reference cycles alive at this
    moment would stay, and the timeline's data makes none."""
    gc.freeze()
