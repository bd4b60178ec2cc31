"""Word lists of the tagger, loaded once from the JSON files of rules/ (lexicon.json, context.json).

Kept as data so that a linguist can extend the vocabulary without touching the matcher;
this module only turns the lists into regex alternations and lookup tables. Every list is a
JSON object with a "_comment" saying what it is for, and either its words under "words" (a
set) or word -> value pairs (a table); a list read by a test of its own may give an
"_example" (tests/test_timex_rules.py).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Iterable

from kerryview.text.wordlists import package_dir

RULES = "rules"  # the data folder of the tagger, inside kerryview/timex/


def data_file(name: str) -> str:
    """Text of one file of the rules/ folder."""
    return (package_dir("kerryview.timex") / RULES / name).read_text("utf-8")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Every list of every rules/*.json file by name (cached: read once per process).
    A name defined in two files is an error: each list has one home."""
    merged: dict[str, Any] = {}
    folder = package_dir("kerryview.timex") / RULES
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        for name, entry in json.loads(path.read_text("utf-8")).items():
            if name.startswith("_"):
                continue
            if name in merged:
                raise ValueError(f"word list {name!r} is defined twice (second time in {path.name})")
            merged[name] = entry
    return merged


def pairs(entry: Any) -> dict[str, Any]:
    """A list's word -> value pairs (True for a set), "_comment" (and "_example") dropped. A
    table may take the pairs of another table of the lexicon up to a value ("_values_from":
    {"table": "day_ordinal", "up_to": 12}: the spelled ordinals of the months), and add its own."""
    if isinstance(entry, list):
        return {w: True for w in entry}
    if "_values_from" in entry:
        source = entry["_values_from"]
        taken = {k: v for k, v in pairs(lexicon()[source["table"]]).items() if v <= source["up_to"]}
        return taken | {k: v for k, v in entry.items() if not k.startswith("_")}
    if "words_from" in entry:  # a view of a list of kerryview/text/data ("modals.json modals")
        from kerryview.text.wordlists import list_words
        return {w: True for w in list_words(entry)}
    if "words" in entry and all(k == "words" or k.startswith("_") for k in entry):
        return {w: True for w in entry["words"]}
    return {k: v for k, v in entry.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """A word -> value table of the lexicon, keys lower-cased with single spaces."""
    return {k.lower(): v for k, v in pairs(lexicon()[name]).items()}


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of `words`, longest first so that the leftmost-first
    regex semantics picks "the near future" over "the near" and "Sept." over "Sept"."""
    parts: list[str] = []
    run: list[str] = []  # consecutive words that end in a letter or digit: one (?!\w) after them
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        pat = r"\s+".join(re.escape(piece) for piece in w.split())
        pat = pat.replace(r"\-", "[-\\s]?") if "-" in w else pat
        if len(w) > 1 and w[-1] == "." and w[-2].isalpha():
            # an abbreviation's full stop may follow a space before a number, as text tokenised
            # for research corpora (ECB+) writes it: "Jan . 6" (grammar._OPTIONAL_COMMA's case)
            pat = pat[:-2] + r"(?:\.|\s\.(?=\s+\d))"
        if w[-1].isalnum():
            run.append(pat)
            continue
        parts.extend(_ending(run))
        run = []
        parts.append(pat)
    parts.extend(_ending(run))
    return "(?:" + "|".join(parts) + ")"


def _ending(run: list[str]) -> list[str]:
    r"""Words that must not run on into a longer word: "(?:march|may)(?!\w)" tries each word
    and then the test, in the same order as "march(?!\w)|may(?!\w)", with a shorter regex
    to compile at start-up."""
    if len(run) < 2:
        return [p + r"(?!\w)" for p in run]
    return ["(?:" + "|".join(run) + r")(?!\w)"]


@lru_cache(maxsize=None)
def _joined(name: str) -> dict[str, Any]:
    """Table `name` keyed without hyphens and spaces: `alternation` lets a hyphen be a space or
    nothing ("d-day" matches "D day" and "Dday"), so a lookup must find those too."""
    return {re.sub(r"[-\s]", "", k): v for k, v in table(name).items()}


def lookup(name: str, surface: str | None) -> Any:
    """Value of a matched word in table `name`, or None."""
    if surface is None:
        return None
    key = " ".join(surface.lower().split())
    found = table(name).get(key)
    if found is None:
        found = _joined(name).get(re.sub(r"[-\s]", "", key))
    return found
