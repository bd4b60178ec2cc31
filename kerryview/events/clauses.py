"""Clauses of a sentence, and the events of those that no time expression dates.

Each clause tells its own event, dated by the time expression that governs *its* clause, not by
any in the sentence: in "X said Tuesday that Y happened last week", *said* is Tuesday's and
*happened* last week's. A clause with no time expression of its own, in a news text, is dated by
reference to the publication: what it tells in the past or present tense (or the present
perfect) is news of the day the article came out; what it announces (future), what had
happened before the report (past perfect), and what it negates or only supposes are not dated.
Reporting alone ("X said") is no event when what was said is news of the day; when nothing else
of its sentence is (what was said is dated by another time, announced, or had happened before:
"Kopp's car was discovered last month, the FBI said"), the statement is, made for the report
(statement_words). A stative verb in the simple present ("hopes", "expects", "estimates") tells
a state that holds when the report is written, whatever time expression its clause holds
(stative_now). Below the lead, a sentence with no time expression right after one dated on an
earlier day goes on with that story when its first clause tells a happening in the simple past:
its event is of that day, dated by the sentence before (clause_rules.json narrative_day,
events.mentions._narrative_day). Below the lead, a sentence with no time expression that opens
with a report in the reporter's words ("Doctors said the man was recovering"; after a linking
word, "But doctors said ..."; or at its end with a named speaker, "..., Dr Smith said") is of the
publication day by its report (clause_rules.json reports_below_lead, reports_after_link,
reports_closing_below_lead); one whose main clause is told in the present progressive ("The
company is negotiating with the Soviets", a few an article) is news of that day too
(progressive_now). Below the lead of a story whose lead is of the publication day, a sentence
with no time expression whose first clause tells a reaction in the simple past ("Clinton and
Reno praised the ruling", "Gov. Jeb Bush also asked ...") is of that day, a speech act gathered
for the day's story as a report is (clause_rules.json reactions_below_lead, reaction_words).

Splitting is by rule (kerryview/events/data/clause_rules.json): a clause opens at a
subordinator ("that", "which", "when"), at a conjunction after a comma ("..., but"), and at a
semicolon, colon or quotation mark.

A clause event needs a clause, and a label that reads as who did what: a finite verb of its
own (a noun phrase, an apposition or a prepositional phrase cut off by commas or quotation
marks, "between the two parties", is none); a relative clause or a participle is no event
alone, unless its subject is plainly the sentence's ("The spill, which has been described
..."); a coordinated verb phrase ("... and underlined the need") borrows its main clause's
subject ("Wang underlined the need") or is not labelled alone.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from kerryview.calendar.intervals import Interval, value_interval
from kerryview.calendar.timex3 import parse_value
from kerryview.events.headline import main_event_words
from kerryview.events.labels import has_object, only_reports, passive, run_on_breaks
from kerryview.model import EventMention, Granularity, Timex
from kerryview.text.similarity import Vectorizer
from kerryview.text.tense import participle, past_expectation, tense
from kerryview.text.verbs import ends_subject, finite_verbs, is_verb as _is_verb  # the one verb test
from kerryview.text.plural import looks_plural
from kerryview.text.quotes import CHARS as _QUOTE_CHARS, CLOSE, CLOSING, OPENING, QUOTE_MARKS
from kerryview.text.wordlists import WORD, cues, event_lists, modals, reporting_verbs, stopwords

CLAUSE_RULES = "clause_rules.json"
# Which clauses the pipeline (and the stored analyses) find events of, dated by publication
# (find_mentions' dct_clauses). NEWS, the default: those of the news sentences only, where news
# writing puts the news of the day and where a time expression would otherwise date a whole
# sentence: the headline and the first lead_sentences() sentences of the body (the inverted
# pyramid), a sentence a time expression dates a clause of ("Bush said Tuesday | that the
# blockade might be extended, | and the army has sealed the roads": 'sealed' is the
# publication's, not Tuesday's), and below them a sentence that tells a statement about now
# (about_now: "officials say", "has stalled", "now wants"), one event each. On TBAQ (dev) event
# dating is 41.8/69.1 recall/precision with none, 58.5/77.1 with NEWS and 70.1/76.1 with every
# sentence's (True) (session 13, before statements and statements about now: 48.2/72.5 and
# 63.4/73.8; benchmarks/README_stories.md). Since the speaker's words and background states
# are no clause events (not_news: TimeML's gold dates quotations and states by the DCT too),
# NEWS is 55.9/76.3 (quotations cost 1.1 recall points, states 1.5, first person 0.1).
# With a report that opens a sentence below the lead (clause_rules.json reports_below_lead,
# session 17): 57.3/78.0, for 2-3 % more mentions on real piles.
# With a report after a linking word or at the sentence's end and the present progressive
# below the lead (session 18): 59.1/78.5, for 2.9 % more events on the 10 dev folders.
# Real-dated 1,000 (back to back, load about 1):
# 21.7 s / 173 MB NEWS before, 25.8 s / 205 MB now (16,885 mentions against 11,255); at
# 10,000 synthetic articles NEWS now takes 269 s CPU and 1,572 MB (session 13: 262 s and
# 1,362 MB under load 3-7; all: 355 s and 2,327 MB, past issue #10's 2 GB; off: 211 s,
# 1,127 MB). Measured by benchmarks/scaling.py
# --clause-events off|news|all and benchmarks/clause_cost.py (benchmarks/README_stories.md);
# `benchmarks/stories.py --clause-events off|news|all` (--dct-clauses: all).
NEWS = "news"
CLAUSE_EVENTS: bool | str = NEWS
_WORD = WORD  # the one word reader (kerryview.text.wordlists)
_PUNCT_BREAK = re.compile(r"[;:\"“”()]|--|—|``|''")
_PHRASE_BREAK = re.compile(r"[,;:()\"“”]|--|—")  # ends an opening phrase before a subject
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")
_WORD_AFTER = re.compile(r"\s+[A-Za-z0-9]")  # the noun phrase goes on after the expression
MIN_CLAUSE_WORDS = 2  # "he said" is a clause; a lone word after a comma is not
LOOK_AHEAD_SUBJECT = 5  # words at most between a look-ahead subordinator and its verb group (looks_ahead)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def clause_rules() -> dict[str, frozenset[str]]:
    return event_lists(CLAUSE_RULES)


def lead_sentences() -> int:
    """How many sentences of an article's body, from its lead, are the top of its inverted
    pyramid (clause_rules.json lead_sentences): their clauses are news of the day (NEWS)."""
    return int(next(iter(clause_rules()["lead_sentences"])))


def clause_spans(text: str, sent: tuple[int, int], timexes: Sequence[Timex] = ()) -> list[Clause]:
    """The clauses of text[sent[0]:sent[1]], in order, covering it (rule-based, see the module).
    A reporting verb makes a clause of its own: "..., | the FBI said", "Clark said | it was
    easier" (a time expression right after it stays with it: "said Tuesday | ...")."""
    a, b = sent
    rules = clause_rules()
    tail = int(next(iter(rules["reporting_tail_words"])))
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    cuts = {a}
    for m in _PUNCT_BREAK.finditer(text, a, b):
        cuts.add(m.start())
    words = list(_WORD.finditer(text, a, b))
    prev_end = a
    for k, m in enumerate(words):
        w = m.group().lower()
        gap = text[prev_end:m.start()]
        comma = "," in gap or ";" in gap
        if w in rules["subordinators"] or (comma and w in rules["coordinators"]):
            cuts.add(m.start())
        elif w in reporting and w != "according":
            back = [j for j in range(max(0, k - tail), k + 1)
                    if re.search(r"[,\"”'`]", text[words[j - 1].end() if j else a:words[j].start()])]
            if back and back[-1] > 0:
                cuts.add(words[back[-1]].start())  # "..., | the FBI said"
                if (who := inverted_speaker(text, (m.start(), m.end()), b)) is not None \
                        and text.startswith(",", who[1]):
                    # '``...,'' said Maureen Connelly, | a media consultant ... in next week's
                    # election': the description of the speaker tells its own time, not the report's
                    cuts.add(_next_word(text, who[1] + 1, b))
            elif not has_object(text[m.end():b], w):  # "BP reported a loss": its object, one clause
                end = m.end()
                nxt = next((t for t in timexes if end <= t.start <= end + 4
                            and not text[end:t.start].strip(" ,")), None)
                cuts.add(_next_word(text, nxt.end if nxt else end, b))  # "Clark said | it was"
        prev_end = m.end()
    for start, end in asides_before_verb(text, a, b):
        if any(start < t.start < end for t in timexes):
            # "Juanita Castro, | who arrived in Miami in 1961, | believes ...": an aside that a
            # time expression dates ends at its second comma; the main clause goes on after it,
            # of no time of the aside (clause_rules.json relative_aside_end)
            cuts.add(_next_word(text, end, b))
    points = sorted(c for c in cuts if a <= c < b) + [b]
    out: list[Clause] = []
    for x, y in zip(points, points[1:]):
        if out and len(_WORD.findall(text, x, y)) < MIN_CLAUSE_WORDS:
            out[-1] = Clause(out[-1].start, y)  # too short to be a clause: part of the one before
        elif y > x:
            out.append(Clause(x, y))
    if len(out) > 1 and len(_WORD.findall(text, out[0].start, out[0].end)) < MIN_CLAUSE_WORDS:
        out[1] = Clause(out[0].start, out[1].end)
        out.pop(0)
    return out


def governs_clause(text: str, t: Timex) -> bool:
    """Whether a time expression dates the clause it stands in, rather than only the noun it
    modifies: "That 1978 resolution", "the Aug. 7 blasts", "next week's election" date their
    noun (kerryview.events.mentions dates that mention as before) but not the clause's verb."""
    before = _WORD_BEFORE.search(text, max(0, t.start - 20), t.start)
    if before and before.group(1).lower() in clause_rules()["noun_modifier_before"] \
            and _WORD_AFTER.match(text, t.end):
        return False
    return not text.startswith(("'s", "’s"), t.end)


def anchors_clause(text: str, t: Timex, day_level: bool) -> bool:
    """Whether a dated mention's time expression dates the clause of its event words: when it
    governs the clause (governs_clause); and when it only modifies a noun ("Friday's trading
    volume totaled ...", "responded coolly to yesterday's announcement", "In its Friday
    issue, the paper quoted ...") if it names a day and the clause tells its event in the
    past: the clause reports what happened on that day. Told in the present ("That 1978
    resolution calls for ...") the clause is news of the publication, not of that date."""
    if governs_clause(text, t):
        return True
    return day_level and tense(text, t.start, t.end, reporting=False) == "past"


def at_that_time(text: str, clause: Clause) -> bool:
    """Whether a clause opens with a subordinator that puts its event at the time of the clause
    before ("President Bush implied as much yesterday | when reporters asked ..."): dated by
    that clause's time expression, not by the publication); not one after a comma that reads as
    a contrast ("Smith has resigned as chairman, | while Jones left the board in 2008":
    clause_rules.json contrast_after_comma)."""
    first = _WORD.search(text, clause.start, clause.end)
    if first is None or first.group().lower() not in clause_rules()["simultaneous_subordinators"]:
        return False
    return not (first.group().lower() in clause_rules()["contrast_after_comma"]
                and text[:first.start()].rstrip().endswith(","))


def whole_period(t: Timex) -> bool:
    """Whether a time expression of a day, or of a part of one, dates its event by the whole
    of it, whatever its mod says: "Earlier Friday, lawyers filed ..." is on Friday, earlier
    than the story's main event, not in Friday's early hours (clause_rules.json
    comparative_positions); "Earlier Friday morning" is, by the same reading, Friday morning,
    not its first hours. A longer period keeps its part: "later this year" is still to come,
    "earlier this week" is past."""
    first = _WORD.match(t.text)
    if first is None or first.group().lower() not in clause_rules()["comparative_positions"]:
        return False
    v = parse_value(t.value or "")  # the one TIMEX3 value parser: 2010-06-11 and 2010-W23-5
    return v is not None and v.granularity in (Granularity.DAY, Granularity.PART_OF_DAY)


def mention_dating(t: Timex) -> tuple[Interval | None, str | None]:
    """The interval and the mod by which a mention of time `t` dates its event: the value's
    interval narrowed by the tagger's mod, except where the whole period is meant
    (whole_period: "Earlier Friday" is all Friday, with no mod). The one reading for the
    mentions, the merged event (its interval and `mod`, hence its "when" words) and an event
    an edit splits off; the time expression itself keeps the tagger's mod."""
    mod = None if whole_period(t) else t.mod
    return value_interval(t.value, mod), mod


def reports(text: str, clause: Clause) -> bool:
    """Whether a clause holds a reporting verb ("the minister said Tuesday"), in lower case (not
    a name: "for the United States")."""
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    return any(m.group() in reporting for m in _WORD.finditer(text, clause.start, clause.end))


def dates_report(text: str, clause: Clause, timexes: Sequence[Timex], after_report: bool,
                 is_verb: Callable[[str, str], bool]) -> bool:
    """Whether a time expression of `clause` dates a report or its source, so that no
    statement of its sentence is made for the report (statement_words): one after a reporting
    word of the clause ("said Tuesday", "reported a loss on Tuesday", "..., according to an
    affidavit made public in August"), or, right after a clause that reports
    (`after_report`), one in a clause with no finite verb of its own, the report's object or
    time ("Ed Miliband told | the Labor Party Conference yesterday | that he was ...")."""
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    inside = [t for t in timexes if clause.start <= t.start < clause.end]
    if not inside:
        return False
    said = next((m for m in _WORD.finditer(text, clause.start, clause.end)
                 if m.group().lower() in reporting and m.group()[:1].islower()), None)
    if said is not None:
        # (not a passive: "Sununu was told Wednesday by Bush's son that ...": the telling is the
        # event, and "..., the sources said" still attributes the sentence)
        return not passive(text, said.start()) and any(t.start >= said.end() for t in inside)
    return after_report and not has_finite_verb(text, clause, is_verb) and not describes_speaker(text, clause)


def describes_speaker(text: str, clause: Clause) -> bool:
    """Whether `clause` is the description after an inverted report's speaker ('``...,'' said
    Maureen Connelly, | a media consultant ... in next week's election'; inverted_speaker):
    a noun phrase about the speaker, neither the report's object nor its time. The verb looked
    for is one inverted_speaker reads (reporting_verbs()["pure"], the set lead_rules.json
    pure_reporting takes): a verb it would refuse could only end in None."""
    reporting = reporting_verbs()["pure"]
    said = [m for m in _WORD.finditer(text, max(0, clause.start - 120), clause.start)
            if m.group().lower() in reporting]
    if not said:
        return False
    who = inverted_speaker(text, said[-1].span(), clause.end)
    return who is not None and text.startswith(",", who[1]) and _next_word(text, who[1] + 1, clause.end) == clause.start


def time_phrase_only(text: str, clause: Clause, timexes: Sequence[Timex]) -> bool:
    """Whether a clause is nothing but a time expression and its preposition ("said | on
    Wednesday | that ..."): it belongs to the clause before it, whose event it dates."""
    rest = [m for m in _WORD.finditer(text, clause.start, clause.end)
            if not any(t.start <= m.start() < t.end for t in timexes)]
    return len(rest) < len(list(_WORD.finditer(text, clause.start, clause.end))) \
        and all(m.group().lower() in cues()["phrase_breaks"] for m in rest)


def _next_word(text: str, pos: int, end: int) -> int:
    m = _WORD.search(text, pos, end)
    return m.start() if m else end


def _after_possessive(text: str, at: int) -> bool:
    """Whether the word at `at` follows a possessive ("Xi's comments", "the company's plans"):
    a noun, not a verb; not after a contraction of 'is' or 'has' ("it's", "that's")."""
    m = re.search(r"([A-Za-z]+)['’]s\s+$", text[max(0, at - 40):at])
    return m is not None and m.group(1).lower() not in stopwords() \
        and m.group(1).lower() not in clause_rules()["subject_pronouns"]


def _after_modifier(text: str, at: int) -> bool:
    """Whether the word at `at` follows a determiner (noun_modifier_before: "the reported
    case") or an ordinal (the tagger's lexicon: "This first reported case of resistance
    developed ..."): an adjective before a noun, not a finite verb."""
    from kerryview.timex.lexicon import table
    m = re.search(r"([A-Za-z0-9]+)\s+$", text[max(0, at - 30):at])
    return m is not None and (m.group(1).lower() in clause_rules()["noun_modifier_before"]
                              or m.group(1).lower() in table("ordinal"))


def present_verb(text: str, clause: Clause) -> tuple[int, int] | None:
    """A verb the cue words do not know: the simple present ("the administration considers",
    "they want", "officials maintain") or a progressive ("is negotiating"). After a subject
    pronoun any lower-case word that is not a stop word; after a form of 'be' a word in -ing;
    after another word that is not a stop word (an adverb between them skipped) a word in -s,
    or, after a plural noun, a lower-case word not in -s. After a noun, only where that noun
    ends a subject (opens_clause: "the Communist Party's head of foreign | relations", "the
    world's two largest | economies" are noun phrases) or the verb is a known finite one
    (lead_rules.json subject_verbs: "a quarter of the oil from the well | remains"); and a
    word in -s only when words follow it in its clause (has_complement: "there are \"real |
    differences\""), unless it is a known finite verb or follows a name ("Martinez reports.")."""
    rules = clause_rules()
    not_verbs = event_lists("lead_rules.json")["headline_not_verbs"]
    finite = event_lists("lead_rules.json")["subject_verbs"]  # "remains": a verb, object or not
    prev = ""  # the word before, adverbs skipped
    before: list[re.Match[str]] = []  # the words before, adverbs skipped
    for m in _WORD.finditer(text, clause.start, clause.end):
        word, w = m.group(), m.group().lower()
        p = prev.lower()
        if word[:1].islower() and w not in not_verbs and len(w) > 2 and not _after_possessive(text, m.start()):
            if p in rules["progressive_auxiliaries"] and w.endswith("ing") and len(w) > 5 \
                    and w not in rules["not_progressive"] and w not in cues()["not_events"] \
                    and not (w in rules["ing_adjectives"] and not _object_after(text, m.end(), clause.end)):
                return m.start(), m.end()  # "is negotiating"; not "is nothing", "is fascinating."
            if w not in stopwords():
                if p in rules["subject_pronouns"] and not (w.endswith("ly") or w in rules["adverbs_before_verb"]):
                    return m.start(), m.end()  # "He apparently | hopes": the adverb is skipped
                if prev and p not in stopwords() and prev[:1].isalpha() and not w.endswith("ly") \
                        and w not in rules["adverbs_before_verb"] \
                        and (w in finite or opens_clause(text, clause, before)) \
                        and not _ends_subject_noun(text, m.end(), clause.end):  # "Rescue teams had"
                    if looks_plural(w) and (prev[:1].isupper() or w in finite
                                            or has_complement(text, clause, m.end())):
                        return m.start(), m.end()
                    if looks_plural(p) and not w.endswith(("s", "ing", "ed")) and _WORD.match(text, m.end() + 1):
                        return m.start(), m.end()
        if not (w.endswith("ly") or w in rules["adverbs_before_verb"]) or not prev:
            prev = word
            before.append(m)
    return None


def has_finite_verb(text: str, clause: Clause, is_verb: Callable[[str, str], bool]) -> bool:
    """Whether a clause has a finite verb of its own (the event-word test `is_verb`, or a
    finite verb of lead_rules.json subject_verbs: "is", "have", "said"): a clause needs one
    ("There have been no arrests" is a clause; "(the meeting", "between the two parties", an
    apposition "the Communist Party's head of foreign relations" are not)."""
    finite = event_lists("lead_rules.json")["subject_verbs"]
    return any(m.group().lower() in finite or is_verb(m.group(), text[max(0, m.start() - 12):m.start()])
               for m in _WORD.finditer(text, clause.start, clause.end))


def opens_clause(text: str, clause: Clause, before: Sequence[re.Match[str]]) -> bool:
    """Whether the words `before` a verb of the simple present (the clause's words before it,
    adverbs left out) end with a noun phrase that can be its subject: a subject opens its
    clause. Back from the verb over the noun phrase (words not stop words, determiners:
    clause_rules.json noun_modifier_before) to the clause's start, a comma, or a word that
    opens a clause (subordinators, coordinators); a noun phrase after a preposition or a verb
    ("head of foreign relations", "between the two parties", "to keep global temperatures",
    "are the world's two largest economies") is its object, not a subject."""
    rules = clause_rules()
    determiners = rules["noun_modifier_before"]
    end = None  # where the word after the one looked at starts
    for m in reversed(before):
        if end is not None and re.search(r"[,;:(\"“”]", text[m.end():end]):
            return True  # a comma or a quotation mark before the noun phrase
        w = m.group().lower()
        if w in rules["subordinators"] or w in rules["coordinators"]:
            return True
        if w in stopwords() and w not in determiners and not m.group()[:1].isupper():
            return False  # a preposition, an auxiliary: the noun phrase is an object ("US": a name)
        end = m.start()
    return True  # the noun phrase opens the clause


def has_complement(text: str, clause: Clause, at: int) -> bool:
    """Whether words follow the word ending at `at` in its clause, with no punctuation first:
    a verb of the simple present in news tells a stance or a state with its object or
    complement ("China claims sovereignty", "considers the sanctions essential"); a word in -s
    that ends its clause or runs into a comma ends a noun phrase ("\"real differences\"")."""
    return re.match(r"[ \t\n]+[A-Za-z0-9]", text[at:clause.end]) is not None


def _not_dated(word: str) -> bool:
    """Whether a word before a clause's event words makes it say nothing about when the event
    happens (clause_rules.json not_dated_words: a modal, a negation, "if"), a negated auxiliary
    with either apostrophe included ("doesn't", "doesn’t"). The one test of the clause events."""
    w = word.lower().replace("’", "'")
    return w in clause_rules()["not_dated_words"] or w.endswith("n't")


def publication_event_words(text: str, clause: Clause, is_verb: Callable[[str, str], bool],
                            sentence_end: int | None = None) -> tuple[int, int] | None:
    """The event words of a clause that no time expression dates, when its grammar dates it by
    the publication (past, present or present perfect news); None when the clause only
    reports, announces, had happened before, is negated or supposed, or tells a habit. A
    reporting verb with nothing reported up to `sentence_end` (default: the clause's end) only
    reports ("She commented."; labels.only_reports), its object is the event ("She
    acknowledged | the error.": the clause after a reporting verb holds it)."""
    span = (clause.start, clause.end)
    if (inner := _relative_inside_commas(text, clause)) is not None:
        # "Hayward, whose comments have angered residents, has apologised": the main clause's
        # verb is after the relative clause, whose own verb tells of the noun before it
        masked = " " * clause.start + text[clause.start:inner[0]] + " " * (inner[1] - inner[0]) \
            + text[inner[1]:clause.end]
        found = publication_event_words(masked, clause, is_verb, sentence_end)
        if found is not None:
            return found
    trigger = main_event_words(text, span, False, is_verb)
    if trigger is None or not is_verb(text[trigger[0]:trigger[1]], text[max(0, trigger[0] - 12):trigger[0]]) \
            or _after_modifier(text, trigger[0]):  # "from the self-declared zone": an adjective
        # "That resolution calls": the verb first; an event noun only in a clause with a finite
        # verb ("There have been no arrests"): a noun phrase alone ("(the meeting") is no clause
        trigger = present_verb(text, clause) or _first_stative(text, clause) \
            or (trigger if has_finite_verb(text, clause, is_verb) else None)
    if trigger is None or only_reports(text, trigger, max(clause.end, sentence_end or 0)):
        return None  # "She commented.": a report with nothing reported is no event (issue #9)
    said = text[trigger[0]:trigger[1]].lower()
    if said in reporting_verbs()["opinion"]:
        return None  # "Ms Baker thinks | the banks need to ...": the event is what is thought
    nxt = _WORD.search(text, clause.end, sentence_end or clause.end)
    if said in reporting_verbs()["present"] and said.endswith("s") and not text[trigger[1]:clause.end].strip() \
            and nxt is not None and nxt.group().lower() not in event_lists("lead_rules.json")["prepositions"]:
        return None  # "Smith admits | he lied": as after "says", the reported clause right after
        # it is the event (or the report is, by statement_words, when it is of no day), not both;
        # not "BP admits | to using Photoshop" (no clause: what it admits is its own event)
    rules = clause_rules()
    before = [w.lower() for w in _WORD.findall(text, clause.start, trigger[0])]
    if any(_not_dated(w) for w in before + [said]):
        return None  # "he doesn't think": a negated or supposed clause, its auxiliary no event
    if any(w in rules["past_perfect"] for w in before[-3:]):
        return None
    if any(w in rules["habitual_adverbs"] for w in before[-2:]):
        return None  # "routinely sends": a habit
    if looks_ahead(text, clause, trigger):
        return None  # "Once the tests have been completed, BP will ...": still to come
    if past_expectation(text, trigger[0], trigger[1]):
        return None
    if text[trigger[0]:trigger[1]].lower() in rules["stative_verbs"] and not has_complement(text, clause, trigger[1]):
        return None  # "as you know, ...": a state with nothing it is about says nothing
    if _stative(text, clause, trigger) or _present_auxiliary(text, clause, trigger):
        # "hopes to win": the complement looks ahead, the hoping is now; "has stalled ...,
        # | that would permit": the verb's own auxiliary tells its tense, not a cue nearby
        return trigger
    if tense(text, trigger[0], trigger[1], reporting=False) == "future":
        return None
    return trigger


def _stative(text: str, clause: Clause, at: tuple[int, int]) -> bool:
    """Whether the word at `at` is a stative verb in the simple present (clause_rules.json
    stative_verbs) with its complement, not a noun ("Our hope now is", "the need for",
    "Insurance claims from the spill rose", "a huge need for", "for short-term needs"). A verb
    after a coordinating conjunction ("and hopes to") or a subject pronoun ("they hope for a
    deal"); else after the noun phrase of its subject (text.verbs.ends_subject: no
    determiner, possessive, number or preposition right before, lead_rules.json phrase_starts:
    "..., amid fears"; opens_clause: none before the noun phrase either, "for short-term
    needs", "help survivors know"), agreeing with it
    (the bare form after a plural: "Officials fear", not "a huge need"), and not followed by
    a preposition that takes a noun's complement (noun_prepositions: "need for", "fear of",
    "claims from") nor by a finite verb, whose subject it then ends ("The US and UN
    estimates need"). And followed by what it is about ("You know," says nothing:
    has_complement)."""
    rules = clause_rules()
    word = text[at[0]:at[1]]
    w = word.lower()
    if w not in rules["stative_verbs"] or not word[:1].islower():
        return False
    before = [m for m in _WORD.finditer(text, clause.start, at[0])
              if not (m.group().lower().endswith("ly") or m.group().lower() in rules["adverbs_before_verb"])]
    if not before:
        return False
    last = before[-1].group().lower()
    if last in rules["coordinators"]:
        return has_complement(text, clause, at[1])  # "... and hopes to win": a coordinated verb phrase
    if _ends_subject_noun(text, at[1], clause.end):
        return False  # "The US and UN estimates need ...": the subject's noun
    after = _WORD.match(text, _next_word(text, at[1], clause.end))
    nxt = after.group().lower() if after and not text[at[1]:after.start()].strip() else ""
    if last not in rules["subject_pronouns"]:
        if nxt in rules["noun_prepositions"]:
            return False  # "a huge need for shelter", "Insurance claims from the spill"
        if last in event_lists("lead_rules.json")["phrase_starts"]:
            return False  # "..., amid fears their bodies spread disease": a preposition's noun
        if not ends_subject(text[clause.start:before[-1].end()]) or not opens_clause(text, clause, before):
            return False  # "the need", "BP's claims", "amid fears", "help survivors know"
        if not w.endswith("s") and not looks_plural(last):
            return False  # the bare form agrees with a plural: "Officials fear", not "a huge need"
    return has_complement(text, clause, at[1])


def _first_stative(text: str, clause: Clause) -> tuple[int, int] | None:
    """The first stative verb in the simple present of a clause (_stative): "and | hopes to
    win seats", where no other verb is its event."""
    return next(((m.start(), m.end()) for m in _WORD.finditer(text, clause.start, clause.end)
                 if _stative(text, clause, (m.start(), m.end()))), None)


def stative_now(text: str, clause: Clause, timexes: Sequence[Timex]) -> tuple[int, int] | None:
    """The stative verb in the simple present of a clause a time expression dates: the state
    holds when the report is written, the time expression dates what it is about ("She
    estimates her properties, worth $130 million in October, ..."; clause_rules.json
    stative_verbs). None when there is none, or it is negated, supposed or an infinitive ("to
    hope")."""
    inside = [(t.start, t.end) for t in timexes if clause.start <= t.start < clause.end]
    before: list[str] = []
    for m in _WORD.finditer(text, clause.start, clause.end):
        if any(x <= m.start() < y for x, y in inside):
            continue
        w = m.group().lower()
        if _stative(text, clause, (m.start(), m.end())):
            if before and before[-1] == "to" or any(
                    _not_dated(b) or b in ("did", "does", "do") for b in before):
                return None
            return m.start(), m.end()
        before.append(w)
    return None



def statement_words(text: str, clause: Clause, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The reporting verb of a clause that tells a statement made for the report, when what it
    reports is no news of the publication day itself (the caller asks that): a statement with
    no time expression of its own is made when the report is written, as any clause is, so
    "The company said the interruption will be brief" and "Kopp's car was discovered last
    month, the FBI said" are statements of the publication day. Only a finite reporting verb
    of the one list (text/data reporting verbs) makes one: not its other forms ("according
    to" names a source, which may be a filing of another day; "..., saying" hangs on another
    verb). None when the clause holds no reporting verb, the report is passive ("was declared
    dead": the event itself) or takes an infinitive ("continued to take": no report), negated, supposed, had happened before, is a habit or is announced ("will say"), or the
    sentence reports nothing beside it ("He further remarked.": labels.only_reports)."""
    rules = clause_rules()
    reporting = event_lists("lead_rules.json")["pure_reporting"]
    words = list(_WORD.finditer(text, clause.start, clause.end))
    verb = next((m for m in words if m.group().lower() in reporting and m.group()[:1].islower()
                 and m.group().lower() not in reporting_verbs()["other_forms"] | reporting_verbs()["opinion"]
                 and not _after_possessive(text, m.start()) and not _after_modifier(text, m.start())), None)
    # (lower case: not "the United States"; finite: not "according to", not "..., saying"; no
    # verb of opinion: "Analysts believe the bank will cut rates on Thursday" tells 'cut' alone;
    # not a noun after a possessive: "Xi's comments"; nor an adjective after a determiner or an
    # ordinal: "the first reported case")
    if verb is None or passive(text, verb.start()) or re.match(r"\s+to\b", text[verb.end():verb.end() + 4]):
        return None  # "Gray was declared dead on arrival": a passive tells the event, not a
        # report; "the Q4000 system continued to take some oil": a verb of its infinitive
    if len(_WORD.findall(text, sent[0], clause.start)) < MIN_CLAUSE_WORDS \
            and only_reports(text, (verb.start(), verb.end()), sent[1]):
        return None  # nothing reported before it ("..., the FBI said") nor after it
    before = [m.group().lower() for m in words if m.end() <= verb.start()]
    if any(_not_dated(w) for w in before) \
            or any(w in rules["past_perfect"] for w in before[-3:]) \
            or any(w in rules["habitual_adverbs"] for w in before[-2:]) \
            or any(w in event_lists("lead_rules.json")["future_markers"] for w in before[-2:]):
        return None  # "will say", "is expected to announce": the verb's own tense, not what was said
    return verb.start(), verb.end()


def about_now(text: str, a: int, b: int) -> bool:
    """Whether the sentence text[a:b] may tell a statement about the time of the report (a
    look at its words before its clauses are read: clause_rules.json statements_about_now): a
    reporting verb in the present ("officials say"), an auxiliary of the present perfect
    ("has stalled") or a stative verb in the present ("now wants"), each finite: after its
    subject (opens_clause, _stative), not after "to" or a verb whose object it follows ("had
    to help survivors know where to go", "to have"). Below the news sentences, such a
    sentence is news of the publication too; its clause told in the present (tells_now) is
    its event of the day."""
    rules = clause_rules()
    sent = Clause(a, b)
    before: list[re.Match[str]] = []  # the words before, adverbs left out
    for m in _WORD.finditer(text, a, b):
        w = m.group()  # lower case: not "United States"
        if w in rules["stative_verbs"] and _stative(text, sent, (m.start(), m.end())):
            return True
        if w in rules["statements_about_now"] and not (
                before and (before[-1].group().lower() == "to" or before[-1].group().lower() in modals()["modals"])
                and not re.search(r"[,;:\"“”'`]", text[before[-1].end():m.start()])):
            return True  # not "to have", "would say": no finite verb ("... will,\" says one official" is)
        if not (w.lower().endswith("ly") or w.lower() in rules["adverbs_before_verb"]):
            before.append(m)
    return False


def progressive_now(text: str, a: int, b: int) -> bool:
    """Whether the main clause of the sentence text[a:b] is told in the present progressive
    (clause_rules.json progressive_now: "The company is negotiating with the Soviets"), going
    on as the report is written: a statement about now, as about_now's are. Its verb is the
    first clause's present_verb (clause_spans: not a reported clause, "AP reports that officials
    are intercepting workers"), after a present auxiliary (_present_auxiliary) of the list; not
    inside a quotation (the speaker's '"We are only following the best science," he told
    reporters'), nor in a relative clause (relative_pronouns before it: "Scientists who are
    studying the virus said", "Smith, who is running for governor, is expected to win"), nor
    after an existential "there" (existential_subjects: "There is growing concern"), nor on
    a word in -ing that is no verb (present_verb: not_progressive, ing_adjectives: "This is
    nothing new", "The story is fascinating")."""
    rules = clause_rules()
    if not any(m.group() in rules["progressive_now"] for m in _WORD.finditer(text, a, b)):
        return False  # no auxiliary of the list: no need to read the clauses
    spans = clause_spans(text, (a, b))
    if not spans:
        return False
    clause = spans[0]
    trigger = present_verb(text, clause)
    if trigger is None or not _present_auxiliary(text, clause, trigger) or quoted(text, (a, b), trigger[0]):
        return False
    before = _before_verb(text, clause.start, trigger[0])
    word = text[trigger[0]:trigger[1]]
    if not word.lower().endswith("ing") or before[-1] not in rules["progressive_now"] \
            or len(before) > 1 and before[-2] in rules["existential_subjects"] \
            or any(w in rules["relative_pronouns"] for w in before):
        return False
    base = word.lower()[:-3]
    reporting = event_lists("lead_rules.json")["pure_reporting"] | reporting_verbs()["other_forms"]
    return not any(f in reporting for f in (base + "s", base + "es", base + "ed", base + "d", word.lower()))


def _object_after(text: str, end: int, stop: int) -> bool:
    """Whether a word follows text[:end] in its clause, with no punctuation between, that is no
    preposition or conjunction (event_cues.json phrase_breaks): an object ("is encouraging |
    people"), not "is encouraging." nor "is encouraging | for investors"."""
    after = _WORD.match(text, _next_word(text, end, stop))
    if after is None or after.start() >= stop or text[end:after.start()].strip():
        return False
    w = after.group().lower()
    return w not in cues()["phrase_breaks"] and w not in cues()["coordinating_conjunctions"]


def _before_verb(text: str, start: int, verb_start: int) -> list[str]:
    """The words of text[start:verb_start], lower-case, adverbs skipped (any word in -ly,
    clause_rules.json adverbs_before_verb): what stands before a verb, its auxiliaries last."""
    adverbs = clause_rules()["adverbs_before_verb"]
    return [w.lower() for w in _WORD.findall(text, start, verb_start)
            if not (w.lower().endswith("ly") or w.lower() in adverbs)]


def _ends_subject_noun(text: str, end: int, stop: int) -> bool:
    """Whether the word ending at `end` is followed, with no punctuation between, by a finite
    verb or a modal (lead_rules.json subject_verbs, modals.json modals; a stative verb): it
    ends that verb's subject, a noun, not a verb itself ("Rescue teams had to", "Aid groups
    say", "The US and UN estimates need")."""
    after = _WORD.match(text, _next_word(text, end, stop))
    if after is None or text[end:after.start()].strip():
        return False
    nxt = after.group().lower()
    return nxt in finite_verbs() or nxt in modals()["modals"] or nxt in clause_rules()["stative_verbs"]


def _present_auxiliary(text: str, clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether an auxiliary of the present perfect or the present progressive or passive
    stands right before a clause's verb, adverbs skipped ("has stalled", "is negotiating",
    "are expected", "has been ceding"; clause_rules.json present_auxiliaries)."""
    rules = clause_rules()
    before = _before_verb(text, clause.start, trigger[0])
    if before and before[-1] in rules["present_auxiliaries"]:
        return True
    return len(before) > 1 and before[-1] == "been" and before[-2] in rules["present_auxiliaries"]


def tells_now(text: str, clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether a clause tells its event in the present tense or the present perfect (a
    statement about the time of the report: "officials say", "Russia has stalled
    ratification", "the company is negotiating", "Blassie's mother now wants"), not in the
    simple past, which tells a narrative of some earlier day (clause_rules.json
    present_auxiliaries)."""
    rules = clause_rules()
    verb = text[trigger[0]:trigger[1]].lower()
    if _present_auxiliary(text, clause, trigger):
        return True
    if verb in reporting_verbs()["present"] | reporting_verbs()["present_also_nouns"] \
            or _stative(text, clause, trigger):
        return True
    if verb in rules["stative_verbs"]:
        return False  # "as you know,": a state that says nothing (_stative)
    return present_verb(text, clause) == trigger


def looks_ahead(text: str, clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether a clause's verb, told in the present perfect or the present ("have been
    completed", "passes"), stands after a subordinator of time or condition that looks ahead
    (clause_rules.json look_ahead_subordinators: "Once the tests have been completed, BP will
    resume", "until the relief well has intercepted the leak"): a happening still to come, a
    condition on what will be done, no news. The subordinator stands before the verb's
    subject (a word between them that is no auxiliary), no punctuation between it and the
    verb; a verb in the simple past ("once the tests were completed") is news."""
    if not (_present_auxiliary(text, clause, trigger) or present_verb(text, clause) == trigger):
        return False
    if text[trigger[0]:trigger[1]].lower().endswith("ed") and not _present_auxiliary(text, clause, trigger):
        return False  # a past, not a present ("once BP capped")
    words = [m for m in _WORD.finditer(text, clause.start, trigger[0])]
    low = [m.group().lower() for m in words]
    auxiliaries = clause_rules()["present_auxiliaries"] | {"been"}
    for phrase in clause_rules()["look_ahead_subordinators"]:
        parts = phrase.split()
        for k in range(len(low) - len(parts), -1, -1):
            if low[k:k + len(parts)] != parts:
                continue
            end = words[k + len(parts) - 1].end()
            between = [w for w in low[k + len(parts):] if w not in auxiliaries
                       and not (w.endswith("ly") or w in clause_rules()["adverbs_before_verb"])]
            if 0 < len(between) <= LOOK_AHEAD_SUBJECT and not re.search(r"[,;:()\"“”]", text[end:trigger[0]]) \
                    and not any(w in clause_rules()["coordinators"] or w in clause_rules()["subordinators"]
                                for w in between):
                return True  # (not "before the earthquake | and they have been treating": a
                # preposition, its clause ended by a conjunction)
            break  # (the nearest occurrence decides)
    return False


def tells_as_headline(text: str, trigger: tuple[int, int]) -> bool:
    """Whether a clause event's verb tells its happening in the manner of a headline, the
    present perfect or the simple present of a happening ("Lindsay Lohan has checked into
    rehab", "Lindsay Lohan checks into Betty Ford Center"), not a progressive ("is
    negotiating"), a state ("hopes"), a stretch of time, a habit or what did not happen
    (_over_time: "have fallen 20% since the explosion", "has been closed for three weeks",
    "checks into rehab every year", "has never resigned") nor the simple past: news that a
    morning paper reports the day after it happened (clause_rules.json
    news_of_the_day_before). `text` is the
    clause event's sentence, `trigger` its verb's span in it."""
    rules = clause_rules()
    verb = text[trigger[0]:trigger[1]].lower()
    before = _before_verb(text, 0, trigger[0])
    if before and before[-1] == "been":
        before = before[:-1]
    clause = next((c for c in clause_spans(text, (0, len(text))) if c.start <= trigger[0] < c.end),
                  Clause(0, len(text)))
    if _over_time(text, clause, trigger) or looks_ahead(text, clause, trigger):
        return False  # (looks_ahead: "Once the tests have been completed, BP will ...")
    if before and before[-1] in rules["news_of_the_day_before"]:
        return True  # "has checked", "has been charged"
    if verb in rules["stative_verbs"] or before and before[-1] in rules["progressive_auxiliaries"]:
        return False
    return present_verb(text, clause) == trigger and not _stative(text, clause, trigger)


def _over_time(text: str, clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether a clause tells its verb over a stretch of time up to the report, as a habit or
    as not happening, rather than as one happening: a continuative phrase after the verb or
    opening the sentence ("have fallen 20% since the explosion", "so far this year", "Since the
    explosion, shares have fallen"; clause_rules.json continuative_perfect), a duration
    ("for three weeks": stretch_prepositions and a time unit, timex/rules/lexicon.json unit,
    not after an ordinal nor one itself: "for the first quarter", "for the second time"), a
    frequency (the tagger's set words, lexicon.json set_quant before a unit, "every year",
    and set_adverb, "annually"; clause_rules.json habitual_adverbs, "usually") or a negation
    (modals.json negations: "has never resigned")."""
    from kerryview.timex.lexicon import lookup
    rules = clause_rules()
    after = " ".join(w.lower() for w in _WORD.findall(text, trigger[1], clause.end))
    words = [w.lower() for w in _WORD.findall(text, clause.start, clause.end)]
    first = _WORD.search(text)
    if first is not None and first.group().lower() in rules["continuative_perfect"] \
            or any(f" {p} " in f" {after} " for p in rules["continuative_perfect"]):
        return True
    for k, w in enumerate(words):
        if w in rules["habitual_adverbs"] or lookup("set_adverb", w) is not None \
                or lookup("set_quant", w) is not None and lookup("number", w) is None \
                and k + 1 < len(words) and lookup("unit", words[k + 1]) is not None:
            return True  # "every year", "annually" (not "a quarter of its value": 'a' is a number)
        if w in rules["stretch_prepositions"] and any(
                lookup("unit", words[j]) is not None and lookup("ordinal", words[j - 1]) is None
                and lookup("ordinal", words[j]) is None  # not "for the second time"
                for j in range(k + 1, min(k + 5, len(words)))):
            return True
    near = [w.lower() for w in _WORD.findall(text, clause.start, trigger[0])][-3:]
    return any(w in modals()["negations"] or w.endswith("n't") for w in near)


# QUOTE_MARKS (imported from kerryview.text.quotes): the one reading of a quotation mark


def _opens_quote(text: str, m: re.Match[str], sent_start: int) -> bool:
    """Whether a quotation mark opens a quotation: a curly or `` mark by its shape, a
    straight one by what stands before it (the sentence's start, a space, a bracket, a colon:
    'writes:" The public ...'; a comma with a letter after it: ',"the'); between two letters
    ('so-called"escrow"') by its place among the sentence's straight marks (the odd ones open)."""
    mark = m.group()
    if mark in OPENING:
        return True
    if mark in CLOSING:
        return False
    at = m.start()
    if at == sent_start or text[at - 1].isspace() or text[at - 1] in "([—–-":
        return True
    after = text[m.end():m.end() + 1]
    if text[at - 1] == ":" and (after.isspace() or after.isalpha()) \
            or text[at - 1] == "," and after.isalpha():
        return True
    if text[at - 1].isalnum() and after.isalnum():  # unsure
        return text.count('"', sent_start, at) % 2 == 0
    return False


def quoted(text: str, sent: tuple[int, int], at: int) -> bool:
    """Whether `at` stands inside a direct quotation of the sentence text[sent[0]:sent[1]]
    (clause_rules.json speakers_words): an opening mark before it that no closing mark closes,
    or a closing mark first after it (the quotation began in a sentence before: '... But we
    also know from experience."')."""
    depth = 0
    for m in QUOTE_MARKS.finditer(text, sent[0], at):
        depth = 1 if _opens_quote(text, m, sent[0]) else 0
    if depth:
        return True
    after = QUOTE_MARKS.search(text, at, sent[1])
    return after is not None and not _opens_quote(text, after, sent[0])


def _participle_or_verb(word: str, left: str) -> bool:
    """Whether `word` after a form of 'have' or 'be' makes a verb group with it (a past
    participle, clause_rules.json participles, a word in -ing), not possession or a copula."""
    w = word.lower()
    return participle(w) or w in clause_rules()["participles"] or (w.endswith("ing") and len(w) > 4) \
        or w == "to" or _is_verb(word, left)  # "has to leave": an obligation, no possession


def _speaker_subject(text: str, clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether the subject of a clause's verb is in the first or second person (clause_rules.json
    speakers_words): a pronoun or possessive in the noun phrase right before the verb, its
    auxiliaries and adverbs skipped ("we also know", "Our team has sealed"), not one after a
    preposition or in an opening phrase ("After talks with our partners in the region, BP
    agreed"); a lower-case word, or one that opens the clause, or "I" alone ("Phase I trials",
    "Charles I", "I.B.M." are no pronoun)."""
    rules = clause_rules()
    speakers = rules["speakers_words"]
    if text[trigger[0]:trigger[1]].lower() in speakers:
        return True
    start = max([clause.start] + [m.end() for m in _PHRASE_BREAK.finditer(text, clause.start, trigger[0])])
    words = list(_WORD.finditer(text, start, trigger[0]))
    skip = rules["adverbs_before_verb"] | rules["shared_subject_auxiliaries"] | modals()["modals"]
    while words and (words[-1].group().lower().endswith("ly") or words[-1].group().lower() in skip
                     or words[-1].group().lower() in modals()["negations"]):
        words.pop()  # "We have also sealed", "you can't"
    phrase: list[re.Match[str]] = []  # the subject noun phrase, read back from its head
    for m in reversed(words):
        w = m.group().lower()
        if w in stopwords() and w not in rules["noun_modifier_before"] and w not in speakers:
            break  # a preposition ("with our partners"), a conjunction
        phrase.append(m)
    for m in phrase:
        w = m.group()
        if w == "I":
            prev = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
            if not text.startswith(".", m.end()) and not (
                    prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in stopwords()):
                return True
        elif w in speakers or (w.lower() in speakers and m is phrase[-1]
                               and not text[start:m.start()].strip(" \t\n\"“'`‘([")):
            return True  # "our", or "We" / "Our" opening the clause
    return False


def not_news(text: str, sent: tuple[int, int], clause: Clause, trigger: tuple[int, int],
             headline: bool = False) -> str | None:
    """Why the clause event at `trigger` is no news of the day in the reporter's words, or
    None: "quoted" (inside a direct quotation: the speaker's words), "speaker" (a first- or
    second-person subject: the speaker's words without quotation marks), "state" (possession,
    a copula, a relation or a habit in the present: background; not in a `headline`).
    clause_rules.json speakers_words, background_states."""
    rules = clause_rules()
    if quoted(text, sent, trigger[0]):
        return "quoted"
    if _speaker_subject(text, clause, trigger):
        return "speaker"
    if headline:
        return None
    if _caption(text, sent, clause, trigger):
        return "caption"
    states = rules["background_states"]
    skip = rules["adverbs_before_verb"]
    before = [m for m in _WORD.finditer(text, clause.start, trigger[0])
              if not (m.group().lower().endswith("ly") or m.group().lower() in skip)]
    verb_word = _WORD.match(text, trigger[0], trigger[1])
    # the have/be of the clause's verb: the verb itself or right before it, adverbs skipped
    # (not a relative clause's: "Hayward, who is chief executive, apologised")
    aux = verb_word if verb_word and verb_word.group() in rules["present_auxiliaries"] else \
        before[-1] if before and before[-1].group() in rules["present_auxiliaries"] else None
    if aux is not None and not (aux is not verb_word and _participle_or_verb(
            verb_word.group(), text[max(0, trigger[0] - 12):trigger[0]])):
        # the next two words, adverbs skipped: one adverb the list lacks may stand before the
        # participle ("has once again signed", "has meanwhile confirmed")
        nxt = [n for n in _WORD.finditer(text, aux.end(), clause.end)
               if not (n.group().lower().endswith("ly") or n.group().lower() in skip)][:2]
        if nxt and not any(_participle_or_verb(n.group(), text[max(0, n.start() - 12):n.start()])
                           for n in nxt):
            return "state"  # "has relatively friendly relations", "is a common challenge"
    verb = text[trigger[0]:trigger[1]]
    v = verb.lower()
    if _present_auxiliary(text, clause, trigger):
        return None  # "has called for", "is pushing": news
    if v in states:
        return "state"  # "China claims Taiwan as ...": a relation
    reporting = reporting_verbs()["all"]
    if v in reporting or v in rules["stative_verbs"]:
        return None
    nxt = _WORD.match(text, trigger[1] + 1, clause.end)
    if present_verb(text, clause) == trigger and v.endswith("s") and not v.endswith(("ss", "us", "is")) \
            and text[trigger[1]:trigger[1] + 1] == " " and nxt \
            and nxt.group().lower() in rules["noun_modifier_before"] and nxt.group().lower() != "that":
        # ("writes that the city's people are angry": a report's "that" opens what it says)
        # a verb in -s with its object (a determiner after it: "views the visit as an
        # affront"), not a plural noun ("NASA watchers say")
        return "state"  # a habit or a general truth
    return None


def _caption(text: str, sent: tuple[int, int], clause: Clause, trigger: tuple[int, int]) -> bool:
    """Whether the clause event at `trigger` is told by a video or photo caption: its
    sentence opens with a person's name (its last two words capitalized: "The BBC's Laura
    Trevelyan", "BBC meteorologist Daniel Corbett"; not a work "by" one) and a verb of presenting in the simple
    present (clause_rules.json caption_verbs: "explains why ...", "reports from Louisiana"; a
    verb of telling (caption_narration_verbs) not after a phrase that opens the sentence,
    lead_rules.json occasion_openers and fronted_phrase_openers: "In the recording, Dr Murray
    describes how he gave ..." narrates what a recording tells, "In this video, the BBC's Mark
    Doyle reports from Port-au-Prince" is a caption; a byline's "By ..." is no such phrase),
    not followed by "that" nor, for "describes", by "as" (a report of what was said or
    thought: "Barton describes the fund as a slush fund"); and the trigger is in the caption,
    before the passage a flattened page runs it into ("... is meant to operate | A new cap
    ...": a capitalized stop word right after a lower-case word, or labels.run_on_breaks)."""
    verbs = clause_rules()["caption_verbs"]
    for m in _WORD.finditer(text, sent[0], min(sent[1], sent[0] + CAPTION_SUBJECT_CHARS)):
        if re.search(r"[.;:!?\"“”(]", text[sent[0]:m.start()]):
            return False
        nxt = _WORD.match(text, m.end() + 1, sent[1]) if text[m.end():m.end() + 1] == " " else None
        verb = m.group().lower()
        if nxt is None or nxt.group().lower() == "that" \
                or (verb not in verbs and f"{verb} {nxt.group().lower()}" not in verbs):
            continue
        subject = text[sent[0]:m.start()].split()
        name = [w.strip(",") for w in subject[-2:]]
        if len(name) < 2 or not all(w[:1].isupper() for w in name) or "by" in subject:
            return False  # (not a work by a person: "An article by The Post's Dan Eggen explains why")
        lead = event_lists("lead_rules.json")
        if subject[0].lower().strip("\"“‘'") in lead["occasion_openers"] | lead["fronted_phrase_openers"] \
                and verb in clause_rules()["caption_narration_verbs"]:
            return False  # "In the recording, Dr Murray describes how ...": narration; "In this video, Ann
            # Lee reports from Dover" is still a caption (caption_narration_verbs)
            # (not a byline's "By": "By David Shukman ..., BBC News David Shukman looks at ...")
        breaks = [p for p in run_on_breaks(text, sent[0], sent[1]) if p > m.end()]
        breaks += [b.start() + 1 for b in _CAPTION_BREAK.finditer(text, m.end(), sent[1])
                   if b.group(1).lower() in stopwords()]
        end = min(breaks) if breaks else sent[1]
        if verb == "describes" and re.search(r"\bas\b", text[m.end():end]):
            return False
        return sent[0] <= trigger[0] < end
    return False


CAPTION_SUBJECT_CHARS = 80  # a caption's subject: a name and its title ("BBC meteorologist Daniel Corbett")
_CAPTION_BREAK = re.compile(r"(?<=[a-z]) ([A-Z][a-z]*)\b")  # "operate | A new cap": the lead starts


def relative_asides(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Where relative clauses stand between two commas in text[a:b], after their noun
    ("Hayward|, whose comments have angered residents,| has apologised"; clause_rules.json
    relative_aside_end), words following each: from the comma before the pronoun to the one
    after the clause."""
    words = clause_rules()["relative_aside_end"]
    return [(a + m.start(), a + m.end())
            for m in re.finditer(r",\s*([A-Za-z]+)\b[^,;:]*,", text[a:b])
            if m.start() and m.group(1).lower() in words and _WORD.search(text, a + m.end(), b)]


def asides_before_verb(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The relative asides of text[a:b] (relative_asides) that the main clause's finite verb
    follows, after its adverbs at most (adverbs_before_verb, any word in -ly): "Shell, which
    announced a purchase last week, | said ...", "Hayward, who was dubbed ... last week, | is
    handing ..."; not one a comma inside ended too early ("Brown, who will join a committee
    chaired by the health secretary, | Alan Johnson, called ...") nor one a subordinate clause
    follows ("..., which was also hurt by the fire in 2005, | when 15 workers died")."""
    adverbs = clause_rules()["adverbs_before_verb"]
    out = []
    for start, end in relative_asides(text, a, b):
        for m in _WORD.finditer(text, end, b):
            w = m.group()
            if w.lower() in adverbs or w.lower().endswith("ly"):
                continue
            if _is_verb(w, text[max(a, start - 12):start] + " ", finite=True):  # after its subject
                out.append((start, end))
            break
    return out


def _relative_inside_commas(text: str, clause: Clause) -> tuple[int, int] | None:
    """The first relative clause between two commas inside a clause (relative_asides); None
    when there is none."""
    return next(iter(relative_asides(text, clause.start, clause.end)), None)


def after_aside(text: str, sent: tuple[int, int] | None, clause: Clause) -> Clause | None:
    """The relative clause set off by commas right before `clause` of sentence `sent`
    (asides_before_verb), from its pronoun to its second comma, when `clause` goes on after it:
    "Juanita Castro, | who arrived in Miami in 1961, | believes ..."; None otherwise."""
    if sent is None:
        return None
    for start, end in asides_before_verb(text, sent[0], sent[1]):
        if _next_word(text, end, sent[1]) == clause.start:
            return Clause(_next_word(text, start, end), end)
    return None


def subject_elsewhere(text: str, clause: Clause, trigger: tuple[int, int],
                      sent: tuple[int, int] | None = None) -> str:
    """Where the subject of a clause's verb (`trigger`) stands: "" in the clause, before its
    verb; "relative" when the clause opens with a relative pronoun (clause_rules.json
    relative_pronouns: "..., an island over | which China claims sovereignty"): its subject or
    object is a noun of the clause before ("relative subject" when the pronoun is its subject:
    "the spill, | which has been described"); "shared" when a coordinating conjunction opens it
    and only auxiliaries and adverbs (shared_subject_auxiliaries, adverbs_before_verb) come
    before its verb: a coordinated verb phrase, whose subject is the main clause's ("Wang
    described Kerry as an old friend | and underlined the need"); "none" when its verb comes
    first with no conjunction, or the clause opens with a participle in -ing (", referring to
    pledges made in Paris": 'made' is no finite verb either); "after aside" when it goes on
    right after a relative clause set off by commas in `sent` (after_aside): its subject is
    that clause's antecedent ("Juanita Castro, who arrived in Miami in 1961, | believes")."""
    rules = clause_rules()
    words = [m.group().lower() for m in _WORD.finditer(text, clause.start, trigger[0])]

    def verb_group(ws: list[str]) -> bool:
        return all(w in rules["coordinators"] or w in rules["subordinators"] or w.endswith("ly")
                   or w in rules["shared_subject_auxiliaries"] or w in rules["adverbs_before_verb"]
                   for w in ws)

    if words and words[0] in rules["relative_pronouns"]:
        # "The spill, | which has been described as ...": the pronoun is the subject
        return "relative subject" if words[0] in ("which", "who") and verb_group(words[1:]) else "relative"
    if not words and inverted_speaker(text, trigger, clause.end) is not None:
        return ""  # '``It is very scary,'' | said Ms. Buckham': the subject follows the verb
    if after_aside(text, sent, clause) is not None:
        return "after aside"
    if verb_group(words):
        return "shared" if words and words[0] in rules["coordinators"] else "none"
    first = _WORD.search(text, clause.start, clause.end)
    if first and re.fullmatch(r"[a-z]{3,}ing", first.group()) and first.group() not in stopwords():
        return "none"  # '", referring to pledges made in Paris': a participle clause, no finite verb
    return ""


_QUOTATION_CLOSED = re.compile(CLOSE + r"\s*,?\s*$")  # a quotation closes right before
# (inside one sentence a full stop ends an abbreviation: "Ms. Buckham")
_SPEAKER_AFTER = re.compile(rf"\s+([^,;:(){_QUOTE_CHARS}!?]+?)\.?\s*(?=[,;:(){_QUOTE_CHARS}!?]|$)")


def inverted_speaker(text: str, trigger: tuple[int, int], end: int) -> tuple[int, int] | None:
    """The span of the speaker after a reporting verb (`trigger`) that follows the quotation it
    carries, up to `end` ('``It is very scary,'' said Ms. Buckham, a sponsor': 'Ms. Buckham';
    '"...," says the bank's president, Robert Zoellick': 'Robert Zoellick', the name its
    apposition gives): the subject of the inversion news copy uses after a quotation. None when
    no quotation closes right before the verb, or no name follows it ('said the official',
    'said he'). One reader: clauses.subject_elsewhere and the report's label (mentions).
    The verb is any of reporting_verbs()["pure"], not only "all" (the present and past forms):
    news copy inverts after a quotation with a resumed report ('``...,'' continued Ms. Lee, a
    sponsor': with "all" the label was 'Continued Ms. Lee, a sponsor of the plan') and with
    the present forms that are also nouns ('"...," writes Ann Lee'); the rest of "pure"
    ("according to X", "saying") has no name right after it, so it finds none."""
    if text[trigger[0]:trigger[1]].lower() not in reporting_verbs()["pure"] \
            or not _QUOTATION_CLOSED.search(text, max(0, trigger[0] - 6), trigger[0]):
        return None
    at = trigger[1]
    for _ in range(2):  # the speaker, or the name in apposition after a description of it
        m = _SPEAKER_AFTER.match(text, at, end)
        if m is None:
            return None
        words = m.group(1).split()
        # the speaker ends before the circumstances of the report ("said Freeh | at a press
        # conference"), not at 'of' ("Russell Vaughan of International Dog Rescue")
        cut = next((w for w in _WORD.finditer(text, m.start(1), m.end(1)) if w.start() > m.start(1)
                    and w.group() in cues()["phrase_breaks"] and w.group() not in ("of", "and")), None)
        stop = cut.start() if cut is not None else m.start(1) + len(m.group(1))
        stop = m.start(1) + len(text[m.start(1):stop].rstrip(" ."))
        if words and words[0][:1].isupper() and words[0].lower() not in stopwords() \
                and words[0].lower() not in clause_rules()["subject_pronouns"]:
            return m.start(1), stop
        if not any(w[:1].isupper() for w in words[1:]) and text[m.end():m.end() + 1] == ",":
            at = m.end() + 1  # "the bank's president, | Robert Zoellick"
            continue
        if any(w[:1].isupper() for w in words[1:]) and words[0].lower() not in stopwords():
            return m.start(1), stop  # "rescue worker JP Malaganne"
        return None
    return None


def antecedent_subject(text: str, sent: tuple[int, int], clause: Clause,
                       is_verb: Callable[[str, str], bool]) -> str:
    """The subject a relative clause whose pronoun is its subject ("relative subject") borrows:
    the sentence's subject when the clause follows it right after its comma ("The spill, |
    which has been described as ...", "Victor Miranda, | who lives in ..."); "" otherwise (the
    antecedent is another noun: a wrong subject is worse than none)."""
    from kerryview.events.antecedents import subject_of  # (antecedents imports the labels)

    subject = subject_of(text, sent[0], clause.start, is_verb)
    at = text.find(subject, sent[0], clause.start) if subject else -1
    if at < 0 or not re.fullmatch(r"\s*,\s*", text[at + len(subject):clause.start]) \
            or subject.split()[0].lower().endswith(("ing", "ed")):
        return ""
    return subject


def main_subject(text: str, sent: tuple[int, int], clause: Clause,
                 is_verb: Callable[[str, str], bool]) -> str:
    """The subject a clause with a shared subject (subject_elsewhere) borrows: the subject of
    the sentence's main clause (antecedents.subject_of), when the sentence opens with that
    clause and nothing before this clause could have a subject of its own: no subordinate
    clause (subordinators), no report ("Kerry said Wang met Xie and urged ...": who urged is
    not sure), no participle opening the sentence; "" otherwise: a wrong subject is worse
    than none."""
    from kerryview.events.antecedents import subject_of  # (antecedents imports the labels)

    before = Clause(sent[0], clause.start)
    rules = clause_rules()
    if any(m.group().lower() in rules["subordinators"] or m.group().lower() in rules["relative_pronouns"]
           for m in _WORD.finditer(text, before.start, before.end)) or reports(text, before):
        return ""
    subject = subject_of(text, sent[0], clause.start, is_verb)
    first = subject.split()[0].lower() if subject else ""
    if not first or first.endswith(("ing", "ed")) or any(c in subject for c in ",;:\"“”()"):
        return ""
    return subject


def is_clause_event(m: EventMention) -> bool:
    """A mention of a clause dated by its article's publication (not its headline or lead)."""
    return m.dated_by == "publication" and not m.position


# A clause event's words are filed under this mark in the merge (own_words): a vocabulary of
# their own. A character no word holds (similarity.content_terms keeps letters, digits, ' and -).
CLAUSE_WORD_MARK = "\u00a7"


def own_words(m: EventMention, bag: Counter[str]) -> Counter[str]:
    """The words the merge compares a mention by: a clause event's in a vocabulary of their
    own. An article tells many clauses on its publication day; alike to that day's dated
    mentions, they would pull them together (merging averages similarity over a group) and
    change them. Apart, a clause event is never similar to a dated mention (cosine 0), so it
    only joins other clause events, and the date index (events/blocking.py) never pairs the
    two nor lets clause events make a dated mention's words too common on its day. So one
    merge, full or incremental (kerryview.incremental.merge), handles both."""
    if not is_clause_event(m):
        return bag
    return Counter({_marked(t): w for t, w in bag.items()})


def _marked(term: str) -> str:
    # one string per word however many vectors hold it (a new one per vector was a fifth of
    # the peak memory of merging a pile with clause events)
    return sys.intern(CLAUSE_WORD_MARK + term)


def merge_weights(found: Sequence) -> Vectorizer:
    """The merge's word weights (IDF): each vocabulary's fitted on its own passages, so the
    dated mentions weigh their words as if no clause event were there (and are merged as
    they would be without them)."""
    dated = Vectorizer.fit([f.context for f in found if not is_clause_event(f.mention)])
    clause = Vectorizer.fit([f.context for f in found if is_clause_event(f.mention)])
    return Vectorizer({**dated.idf, **{_marked(t): w for t, w in clause.idf.items()}})
