"""The whole pipeline on articles made of the tagger's own words: every word and phrase of the
rule data (holiday names such as "D day", units, weekdays, months), the examples of rules.tsv,
and numbers at the calendar's edges, with and without a date line near year 1 or 9999.

The tagger's own fuzz never wrote "D day" and crashed on real news; articles built from the
rule data reach every normalizer and resolver operation with words it was written for.
Property: build_corpus never raises and reports no problem, every offset is exact, and the same
articles give the same events.
"""
from __future__ import annotations

import json
from importlib import resources

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kerryview.dating.datelines import read_dateline
from kerryview.model import Document
from kerryview.pipeline import Problem, build_corpus
from kerryview.text.wordlists import list_words
from pipeline_checks import assert_offsets_exact


def _rule_words() -> list[str]:
    """Every entry of every list of lexicon.json and context.json (keys of tables, words of sets)."""
    folder = resources.files("kerryview.timex").joinpath("rules")
    words: set[str] = set()
    for name in ("lexicon.json", "context.json"):
        for key, entry in json.loads(folder.joinpath(name).read_text("utf-8")).items():
            if key.startswith("_"):
                continue
            if isinstance(entry, dict) and "words_from" in entry:  # a view of text/data/modals.json
                items = list_words(entry)
            else:
                items = entry.get("words", entry) if isinstance(entry, dict) else entry
            words.update(w for w in items if not w.startswith("_"))
    # hyphenated entries are matched with a space or nothing too ("D-Day", "D day", "Dday")
    words |= {w.replace("-", " ") for w in words} | {w.replace("-", "") for w in words}
    return sorted(words)


def _rule_examples() -> list[str]:
    """The example phrase of every rule in rules.tsv, brackets removed."""
    text = resources.files("kerryview.timex").joinpath("rules", "rules.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or not cols[3].strip():
            continue
        out.append(cols[3].replace("[", "").replace("]", ""))
    return out


WORDS = _rule_words()
EXAMPLES = _rule_examples()
EDGE_NUMBERS = ["1", "0", "00", "0001", "9999", "10000", "13", "31", "32", "99", "'99", "1st",
                "53rd", "9999-12-31", "0001-01-01", "0000-00-00", "9999-13-01", "12/31/9999",
                "1/1/0001", "Dec. 31, 9999", "Jan. 1, 1", "January 1, 0001", "week 53"]
GLUE = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " the ", " of ", " next ", " last ", " on ",
        " in ", " ago", " later", " earlier", " before ", " after ", " this ", " will ", " said "]
DATE_LINES = ["", "", "Date: 9999-12-31\n\n", "date 0001-01-01\n\n", "Date: 9999-12-25\n\n",
              "date 0001-01-07\n\n", "Date: 2023-07-18\n\n", "date 9999-01-01\n\n"]

CASES = [str, str, str.capitalize, str.title, str.upper]  # names need capitals: "D day"
fragment = st.builds(lambda case, w: case(w), st.sampled_from(CASES),
                     st.one_of(st.sampled_from(WORDS), st.sampled_from(EXAMPLES),
                               st.sampled_from(EDGE_NUMBERS)))
body = st.lists(st.tuples(fragment, st.sampled_from(GLUE)), min_size=1, max_size=12).map(
    lambda parts: "".join(f"{w}{g}" for w, g in parts))
article = st.tuples(st.sampled_from(DATE_LINES), body).map("".join)


def _documents(texts: list[str]) -> list[Document]:
    return [Document(id=f"d{i}", path=f"d{i}.txt", text=t, dateline=read_dateline(t))
            for i, t in enumerate(texts)]


def _digest(events) -> list[tuple]:
    return [(e.id, e.label, e.value, e.start, e.end, e.status,
             tuple((m.document_id, m.start, m.end, m.timex.value) for m in e.mentions))
            for e in events]


# What this property found (each an OverflowError that cost the whole import), kept as examples:
FOUND = [
    ["Date: 9999-12-31\n\nthe past three years "],  # the period up to 9999-12-31 (mentions)
    ["1st 9:30 p.m. Monday ", "Date: 9999-12-25\n\n1st the following Friday "],  # candidates
    ["date 9999-01-01\n\n9:30 p.m. Monday the past three years said "],  # event end + 3 years
    ["1st wed. next ", "date 0001-01-01\n\n1st 1st 1st Jan. 1, 1 "],  # the day before 0001-01-01
    ["1st ", "July 20, 2023, at 10:30 a.m. 9999 decade said "],  # a 99,990-year duration
    ["Date: 9999-12-31\n\n1st. Dec. 31, 9999 the "],  # a sentence framed by a date: the day after 9999-12-31
    ["Date: 9999-12-31\n\n2300 Our live coverage ends now.\\n2259: BP says the cap is holding.\\n2130 Around "
     "a dozen ships are on site.\\n2057: The president speaks.\\n1858 The first reports arrive. "],  # the
    # publication-day join (merge.join_publication_dated): the day after a clause event's 9999-12-31
    ["date 0001-01-01\n\nthe company expects a loss in the fourth quarter "],  # the day-before join
    # (session 18): the day before a headline-like clause event of 0001-01-01
    ["Third Punic War (149 B.C to 146 B.C) Good Friday shot at in 1994, 1995 and 1997"],  # a
    # holiday in a story before Christ (session 19): its year from _year_for was None (a TypeError)
]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article, min_size=1, max_size=3))
@example(FOUND[0])
@example(FOUND[1])
@example(FOUND[2])
@example(FOUND[3])
@example(FOUND[4])
@example(FOUND[5])
@example(FOUND[6])
@example(FOUND[7])
@example(FOUND[8])
def test_articles_of_rule_words_go_through_the_pipeline(texts):
    docs = _documents(texts)
    problems: list[Problem] = []
    events = build_corpus(docs, problems=problems)
    assert problems == []  # no article failed: the stages themselves must not raise
    assert_offsets_exact(docs, events)
    again = build_corpus(_documents(texts))
    assert _digest(again) == _digest(events)
