"""Events for timeline tests, shared by the Qt-free layout tests and the widget tests."""
from __future__ import annotations

import random
from datetime import date

from kerryview.model import Event

YEAR_DAYS = 365.2425


def ev(i, start, end, gran="day", **kw) -> Event:
    return Event(id=f"e{i}", label=f"event {i}", value=start, start=start, end=end,
                 granularity=gran, **kw)


def synthetic(n: int, seed: int = 3) -> list[Event]:
    """`n` one-day events scattered over 1980-2019, the same for a given seed."""
    rnd = random.Random(seed)
    first = date(1980, 1, 1).toordinal()
    out = []
    for i in range(n):
        d = date.fromordinal(first + int(rnd.random() * 40 * YEAR_DAYS))
        out.append(ev(i, d.isoformat(), date.fromordinal(d.toordinal() + 1).isoformat()))
    return out

