"""Reading a big project: Python's cyclic garbage collector paused while it builds objects.

Opening 10,000 articles makes about 300,000 objects (events, their passages, time expressions)
that form no reference cycles; each collection the allocations trigger walks every object made
so far, which was 0.4 s of the 1.0 s that Store.events() took. Nothing is left uncollected:
the collector runs again as soon as the read ends.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for the block (nested or in two threads: the outermost one
    that found it on turns it back on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
