"""Small SQL helpers of the store: the one place where a list of ids becomes `IN (?, ?, ...)`
queries, in chunks (old SQLite builds allow 999 parameters per statement)."""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence, TypeVar

Row = TypeVar("Row")

CHUNK = 500  # values per IN (...) list


def chunks(values: Sequence, n: int | None = None) -> Iterator[Sequence]:
    """`values` in slices of at most n (CHUNK)."""
    n = n or CHUNK
    for i in range(0, len(values), n):
        yield values[i:i + n]


def marks(n: int) -> str:
    """"?, ?, ?" for n parameters."""
    return ", ".join("?" * n)


def select_in(run: Callable[[str, list], Iterable[Row]], sql: str, values: Iterable,
              after: Sequence = ()) -> Iterator[Row]:
    """The rows of `sql` for every value, run by `run(sql, parameters)` (a connection's
    execute, or Store._query for dicts): its `{in}` becomes the placeholders of one chunk of
    the distinct `values` (sorted), `after` are the parameters that follow them. Rows come
    chunk by chunk (an ORDER BY orders each chunk's rows)."""
    for chunk in chunks(sorted(set(values))):
        yield from run(sql.format(**{"in": marks(len(chunk))}), [*chunk, *after])
