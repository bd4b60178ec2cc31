"""Cancel that answers within a second, however long a stage runs on one article.

The pipeline's stages (dating, finding events, merging) poll a `Cancellation` inside their
loops, not only between articles: one run-on article of 50 KB can keep a single stage busy for
a minute. Plain Python, no Qt: the GUI passes its job's flag as `cancelled`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class Cancellation:
    """`check()` raises Cancelled once `cancelled()` says so; with no callback it never does."""

    cancelled: Callable[[], bool] | None = None

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()


NEVER = Cancellation()
