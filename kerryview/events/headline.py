"""An article's main news: its headline and its lead sentence, which are events even when no time
expression stands in them. News is dated by its publication: what the headline and the lead
report happened on the publication day (a lead that says "yesterday" has a time expression, and
is dated by it like any other passage).

The headline is the first line of the text (after date lines, bylines and other lines that are
never events: kerryview.events.not_events) when it reads like one: short, and not ending like a
sentence. The lead is the first sentence of the body. Reporting alone ("X said") is no event:
the event words are looked for in what was said. A headline or lead that announces ("BP to cap
the well", "Obama will visit") has no date from its publication and is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kerryview.events.labels import has_object, last_passage_start
from kerryview.events.not_events import LineFilter
from kerryview.ingest.metadata import head_run_into_body, headline_span, is_title_case
from kerryview.model import Document
from kerryview.text.plural import looks_plural
from kerryview.text.verbs import is_verb, opens_with_name
from kerryview.text.wordlists import WORD, cues, event_lists, stopwords

LEAD_RULES = "lead_rules.json"
HEAD_LINES = 8  # lines looked at for the headline and the lead (as date lines are)
MAX_HEADLINE_WORDS = 20
MAX_LEAD_TRIES = 3  # sentences skipped at most before the lead (a byline glued to a caption)
_TOKEN = WORD  # the one word reader (kerryview.text.wordlists)
_GLUED_BYLINE = re.compile(r"\s*\(?\s*by\s+(?-i:[A-Z])", re.IGNORECASE)
_PERFECT = ("had", "has", "have")
_SENTENCE_END = re.compile(r"[.!?;:,]['\"’”)]*\s*$")


@dataclass(frozen=True)
class Lead:
    """A passage that tells an article's main news: position "headline" or "lead"."""

    start: int
    end: int
    position: str


def lead_rules() -> dict[str, frozenset[str]]:
    return event_lists(LEAD_RULES)


def _content_lines(doc: Document, lines: LineFilter) -> list[tuple[int, int]]:
    """The first HEAD_LINES non-blank lines that may be news: not a date line, byline, caption."""
    text, out, pos = doc.text, [], 0
    line = doc.dateline
    while pos <= len(text) and len(out) < HEAD_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        body = text[pos:end]
        if body.strip():
            a = pos + len(body) - len(body.lstrip())
            b = pos + len(body.rstrip())
            covered = line is not None and line.start <= a and b <= line.end + 1
            if not covered and lines.reason(a) is None:
                out.append((a, b))
        pos = end + 1
    return out


def is_headline(text: str, span: tuple[int, int], has_next: bool) -> bool:
    """A short line that does not end like a sentence, with more text after it."""
    line = text[span[0]:span[1]]
    return has_next and len(line.split()) <= MAX_HEADLINE_WORDS and not _SENTENCE_END.search(line)


def split_at_head(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with a headline run into the body's first sentence (a page copied flat
    that lost the line break: ingest.metadata.head_run_into_body) as a sentence of its own, so
    that neither the headline event nor the lead reads "Haiti devastated by massive quake
    Thousands of people are feared dead"."""
    head = head_run_into_body(text)
    if head is None:
        return sents
    end = head[1]
    for k, (a, b) in enumerate(sents):
        if a < end < b:
            rest = end + len(text[end:b]) - len(text[end:b].lstrip(" \t,;:|-–—"))
            return [*sents[:k], (a, end), *([(rest, b)] if rest < b else []), *sents[k + 1:]]
        if a >= end:
            break
    return sents


def lead_passages(doc: Document, sents: list[tuple[int, int]], lines: LineFilter) -> list[Lead]:
    """The headline (if the text has one) and the lead sentence of an article."""
    text = doc.text
    content = _content_lines(doc, lines)
    out: list[Lead] = []
    if not content:
        return out
    head = headline_span(text)  # "Headline Standfirst Wednesday 5 May 2010 21.48 BST The ..."
    if head is not None and head[0] == content[0][0]:
        out.append(Lead(head[0], head[1], "headline"))  # the lead follows on the same line
    elif is_headline(text, content[0], len(content) > 1):
        out.append(Lead(content[0][0], content[0][1], "headline"))
        content = content[1:]
    allowed = set(content)
    tries = 0
    for a, b in sents:
        if tries >= MAX_LEAD_TRIES:
            break
        line = next(((x, y) for x, y in allowed if x <= a < y), None)
        if out and out[-1].position == "headline" and b <= out[-1].end:
            continue  # the headline, a sentence of its own on the lead's line (split_at_head)
        if line is None:
            if out and a < out[-1].end:
                continue  # the headline itself
            if any(a < x for x, _ in allowed):
                continue  # a skipped line (a date line, a byline) before the body
            break
        tries += 1
        if _GLUED_BYLINE.match(text, a):
            if lines.body_start(a) <= a:
                continue  # "By Finlo Rohrer BBC News, Washington There has been ...": no lead
            rest = text[lines.body_start(a):b]  # "By Jane Doe TOLEDO, Ohio -- Determined ..."
            a = b - len(rest.lstrip())
        if doc.dateline is not None and a <= doc.dateline.end < b:
            rest = text[doc.dateline.end:b]  # "date 2023-07-18 The US envoy ...": after it
            a = doc.dateline.end + len(rest) - len(rest.lstrip(" \t,;:|-–—"))
        b = min(b, line[1])
        out.append(Lead(last_passage_start(text, a, b), b, "lead"))  # after a run-in caption
        break
    return out


def _is_reporting(word: str) -> bool:
    return word.lower() in lead_rules()["pure_reporting"]


_COMPOUND_HEAD = re.compile(r"[ \t\xa0]([a-z][a-z-]*)(?![\w'’])")  # the lower-case word right after


def _determined(before: str) -> bool:
    """Whether `before` ends in a determiner (clause_rules.json noun_modifier_before: "the", "a",
    "its") or a possessive ("China's"): the word after it opens a noun phrase."""
    m = re.search(r"([\w'’]+)\W*$", before)
    if m is None:
        return False
    w = m.group(1).lower()
    return w.endswith(("'s", "’s")) or w in event_lists("clause_rules.json")["noun_modifier_before"]


def is_event_noun(text: str, start: int, end: int) -> bool:
    """Whether the word text[start:end] is an event noun that is an event word: one of the
    event cues' event_nouns, unless it is the modifier of a noun-noun compound. The last noun of
    a compound is its head: a singular event noun followed directly by a lower-case common noun
    that is not itself an event noun only modifies it ("a meeting room", "a war memorial",
    "the crash site"); "peace talks", "a summit meeting" keep theirs. A common noun here is any
    lower-case word that is no stop word, preposition, verb, word in -ly, -ing or -s, nor one of
    event_cues.json not_compound_heads ("election night", "report back"). An event noun in -ing
    is a noun only after a determiner or a possessive ("a meeting room"); else it may be a verb
    with its object ("have been hearing evidence")."""
    word = text[start:end]
    c = cues()
    if word.lower() not in c["event_nouns"]:
        return False
    m = _COMPOUND_HEAD.match(text, end)
    if m is None or looks_plural(word):
        return True  # "talks continue": a modifier is singular
    if word.lower().endswith("ing") and not _determined(text[max(0, start - 20):start]):
        return True  # "have been hearing evidence", "after meeting officials": a verb and its object
    head = m.group(1)
    if head in c["event_nouns"] or head in stopwords() or head in c["not_compound_heads"] \
            or head in event_lists(LEAD_RULES)["prepositions"] or len(head) < 3 \
            or head.endswith(("ly", "ing")) or looks_plural(head) \
            or is_verb(head, text[max(0, m.start(1) - 12):m.start(1)], finite=True):
        return True
    return False


def main_event_words(text: str, span: tuple[int, int], headline: bool,
                     is_verb) -> tuple[int, int] | None:
    """The event words of a headline or lead: its first verb that does not merely report
    (what was said is the event) or reports with its object ("acknowledged | the error",
    "conceded | the race": lead_rules.json object_reporting_verbs), else its first event noun
    (is_event_noun: not the modifier of a compound, "a meeting room"); None when it announces."""
    a, b = span
    rules = lead_rules()
    noun: tuple[int, int] | None = None
    prev_word = ""
    title = headline and is_title_case(text[a:b])  # "Obama Blueprint Deepens ...": verbs capitalised too
    name_words = 2 if headline and opens_with_name(text[a:b]) else 0  # "Will Smith Signs Deal"
    for m in _TOKEN.finditer(text, a, b):
        word = m.group()
        w = word.lower()
        if name_words:  # a given name that is also a modal, and the surname: no verb, no marker
            name_words -= 1
            prev_word = word
            continue
        prev = text[max(a, m.start() - 12):m.start()]
        if prev_word.lower() in _PERFECT and (
                w.endswith("ly") or w in event_lists("clause_rules.json")["adverbs_before_verb"]):
            continue  # "has already sent", "has long claimed": the participle after the adverb
        verb = is_verb(w if title else word, prev) or (prev_word.lower() in _PERFECT and word[:1].islower()
                                                      and w not in stopwords())  # "had cut", "has spread"
        if not verb and headline and prev_word[:1].isupper() and (word[:1].islower() or title) \
                and looks_plural(w) \
                and w not in rules["headline_not_verbs"] and w not in stopwords():
            verb = True  # "Airbus delivers ...", "Kerry meets ...": a headline's present tense
        if verb and w in rules["premise_openers"] and re.match(r"\s+that\b", text[m.end():b], re.IGNORECASE):
            verb = False  # "Given that BP is ...": a conjunction of premise, no event (premise_openers)
        if verb and (not _is_reporting(word) or has_object(text[m.end():b], w)):
            if prev_word.lower() in rules["future_markers"]:
                return None  # "BP to cap the well", "Obama will visit": not yet news
            return m.start(), m.end()
        if noun is None and is_event_noun(text, m.start(), m.end()):
            noun = (m.start(), m.end())
        prev_word = word
    return noun
