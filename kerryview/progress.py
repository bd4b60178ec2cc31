"""What a long job's progress reports say to a person: the stage, its counts, and the time
left at the pace of that stage so far.

The pipeline reports `progress(done, total, what)` with `what` naming the stage and its counts
("Tagging articles: 2,157 of 9,997"); a stage with no count to report has total 0 ("Merging
events across 9,997 articles"). The stage is the text before its first colon. Only the shower of
the progress (the app's status bar) knows when the words are read, so the time is added there:
the time left from the pace since the stage began, or, for a stage without counts, how long it
has been running (so a step of minutes is seen to be alive). No Qt here.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

MIN_PACE_S = 2.0  # no estimate from the first moments of a stage: its pace is not known yet


def duration_words(seconds: float) -> str:
    """'40 s', '1 min 20 s', '12 min', '1.5 h': how long something has taken."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    if seconds < 600:
        m, s = divmod(round(seconds), 60)
        return f"{m} min {s} s" if s else f"{m} min"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def estimate_words(seconds: float) -> str:
    """'40 s', '7 min', '1.5 h': a wait to come, no finer than a pace can tell it (an estimate
    in seconds when minutes are left would jump at every report)."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    return f"{seconds / 3600:.1f} h"


def stage_of(what: str) -> str:
    """The stage a progress text is about: the words before its counts."""
    return what.split(":", 1)[0].strip()


@dataclass
class StageClock:
    """Progress texts with the time left: `text(done, total, what)` as reports come in, and
    `text()` again with no arguments to refresh the time of the last one (a timer's tick)."""

    clock: Callable[[], float] = time.monotonic
    _stage: str = ""
    _started: float = 0.0
    _first_done: int = 0
    _last: tuple[int, int, str] = field(default=(0, 0, ""))

    def reset(self) -> None:
        self._stage, self._last = "", (0, 0, "")

    def text(self, done: int | None = None, total: int | None = None,
             what: str | None = None) -> str:
        now = self.clock()
        if what is None:
            done, total, what = self._last
        else:
            self._last = (done, total, what)
            stage = stage_of(what)
            if stage != self._stage or (done is not None and done < self._first_done):
                self._stage, self._started, self._first_done = stage, now, done or 0
        if not what:
            return ""
        elapsed = now - self._started
        if elapsed < MIN_PACE_S or (total and done >= total):
            return what
        if total and total > 0:
            step = done - self._first_done
            if step >= 1:
                left = elapsed / step * (total - done)
                return f"{what}, about {estimate_words(left)} left"
        return f"{what} ({duration_words(elapsed)} so far)"
