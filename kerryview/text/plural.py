"""The one test of whether a word reads as plural.

English spells a plural noun ("officials") and a verb of the third person singular ("considers")
with the same -s, so one test serves the antecedent finder (is "The officials" several?), the
clause finder and the headline reader (is "considers", "delivers" a verb in -s?) and the tense
detector (is "talks" in "Climate talks to resume" a subject in -s?). The words in -s that are
no -s form ("virus", "crisis", "gas", "always") are data: kerryview/text/data/plural.json.
"""
from __future__ import annotations

from kerryview.text.wordlists import plural_lists

# A word in -s of three letters or fewer is a function word ("has", "its", "was", "yes"), a
# singular ("gas", "bus") or an abbreviation of wire copy ("pvs", "hrs"), rarely a plural ("ads").
MIN_LETTERS = 4


def looks_plural(word: str) -> bool:
    """Whether `word` (any case) is a plural noun or a verb in -s: "officials", "ideas",
    "considers"; not "virus", "crisis", "boss", "BP's", "gas", "always", "its"."""
    w = word.lower()
    if len(w) < MIN_LETTERS or not w.endswith("s"):
        return False
    lists = plural_lists()
    return not w.endswith(tuple(lists["singular_endings"])) and w not in lists["singular_words"]
