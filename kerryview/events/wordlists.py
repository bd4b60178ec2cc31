"""Loads the word lists under data/ once. The lists are data a linguist can edit, not code."""
from __future__ import annotations

import json
from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = (files("kerryview.events") / "data" / name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(_lines("abbreviations.txt"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_lines("stopwords.txt"))


@cache
def cues() -> dict[str, frozenset[str]]:
    raw = json.loads((files("kerryview.events") / "data" / "event_cues.json")
                     .read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
