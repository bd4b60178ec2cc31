"""Word lists of the tagger, loaded once from data/lexicon.json.

Kept as data so that a linguist can extend the vocabulary without touching the matcher;
this module only turns the lists into regex alternations and lookup tables.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable



@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The parsed lexicon (cached: read once per process)."""
    raw = resources.files("kerryview.timex").joinpath("data/lexicon.json").read_text("utf-8")
    return json.loads(raw)


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """A word -> value table of the lexicon, keys lower-cased with single spaces."""
    entry = lexicon()[name]
    if isinstance(entry, list):
        return {w.lower(): True for w in entry}
    return {k.lower(): v for k, v in entry.items()}


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of `words`, longest first so that the leftmost-first
    regex semantics picks "the near future" over "the near" and "Sept." over "Sept"."""
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        pat = r"\s+".join(re.escape(piece) for piece in w.split())
        pat = pat.replace(r"\-", "[-\\s]?") if "-" in w else pat
        if w[-1].isalnum():
            pat += r"(?!\w)"
        parts.append(pat)
    return "(?:" + "|".join(parts) + ")"


def lookup(name: str, surface: str | None) -> Any:
    """Value of a matched word in table `name`, or None."""
    if surface is None:
        return None
    return table(name).get(" ".join(surface.lower().split()))
