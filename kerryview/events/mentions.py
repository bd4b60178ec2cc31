"""Stage 3: event mentions, one per dated time expression, with the words of the event.

A time expression anchors the event told by the clause around it: the passage is its sentence,
the event words are the verb (or event noun) nearest to it in that sentence, a duration between
the two belongs to the event ("met ... for nearly 12 hours ... on Monday"), and the clause's
modality and the date against the publication date tell whether it happened or is scheduled.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Callable, Sequence
from datetime import date, datetime, timedelta

from kerryview.cancellation import NEVER, Cancellation
from kerryview.events.clauses import (Clause, anchors_clause, describes_speaker, inverted_speaker, at_that_time, clause_rules, clause_spans,
                                      governs_clause, lead_sentences, main_subject, antecedent_subject,
                                      publication_event_words, reports, mention_dating, time_phrase_only,
                                      statement_words, stative_now, subject_elsewhere, tells_now, about_now, progressive_now,
                                      not_news, dates_report, quoted, asides_before_verb, after_aside, QUOTE_MARKS)
from kerryview.events.headline import Lead, is_event_noun, lead_passages, main_event_words, split_at_head
from kerryview.events.antecedents import agrees, antecedent, pronoun_kind, speaker_as_subject, subject_of, with_antecedent
from kerryview.events.liveblog import live_blog
from kerryview.events.not_events import LineFilter, why_not_event_sentence
from kerryview.events.labels import (CLAUSE_COMMA, cuts_report, recased, time_distance_anchor, opens_with_quantity, number_words, list_subject_start, caption_position_spans, fixed_adverbial, fronted_phrase, subject_before_apposition, period_opening, colon_opens_clause, DATE_LEAD_IN, dated_item, apposition_subject, cut_number, headless_apposition, keeps_date, headline_label,
                                     capitalized, determiner_that, MAX_CIRCUMSTANCE_WORDS, place_only, where_without_verb,
                                     with_opening_quote, with_opening_single_quote,
                                     is_conditional, is_fragment,
                                     only_reports, passive, reported_span, said_before_apposition, shorten, tidy,
                                     within_passage, without_aside, without_caption_positions, without_date,
                                     words_to_verb)
from kerryview.text.context import ContextBuilder
from kerryview.text.quotes import CHARS as QUOTE_CHARS, CLOSE as QUOTE_CLOSE, DOUBLED as QUOTE_DOUBLED, OPEN as QUOTE_OPEN
from kerryview.text.sentences import sentence_spans
from kerryview.text.phrasing import MONTHS
from kerryview.text.plural import looks_plural
from kerryview.text.similarity import stem
from kerryview.text.tense import past_expectation, tense
from kerryview.text.verbs import ends_subject, has_finite_verb, past_verb_pattern, is_verb as _is_verb  # the one verb test (labels, antecedents too)
from kerryview.text.wordlists import WORD, cues, event_lists, modals, reporting_verbs, stopwords, tense_cues
from kerryview.model import Document, EventMention, Granularity, Timex
from kerryview.calendar.intervals import Interval, duration_timedelta, value_interval
from kerryview.calendar.zones import utc_interval
from kerryview.timex.anchor import date_follows_time
from kerryview.timex.news import frame_scope_end

ANCHOR_SIGNALS = "anchor_signals.json"
LEAD_RULES = "lead_rules.json"
_TOKEN = WORD  # the one word reader (kerryview.text.wordlists)
# A preposition (or "late on") introducing the time expression, dropped from labels.
_LEAD_IN = DATE_LEAD_IN
_CLAUSE_BREAK = re.compile(CLAUSE_COMMA + r"|[;:\"“”()]|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b")  # not "where": "pick up | where they left off"
MAX_LABEL_WORDS_AFTER = 12
_NEXT_PIECE = re.compile(r"\s*\S+")  # the word (with its marks) right after a label's end
MORE_OBJECT_WORDS = 6  # a clause that ends this many words after the limit is read to its end
MAX_LABEL_CHARS = 110
MIN_SAID_WORDS = 3  # a label of what was said keeps at least this much of it after the speaker
NOUN_PENALTY = 25  # characters: prefer a verb a little further away over an event noun
RIGHT_PENALTY = 10  # English puts the verb before its time adverbial, unless the adverbial leads
NOUN_PHRASE_WORDS = 5  # modifiers kept before an event noun in a label
QUOTE_PENALTY = 80  # one inside a quotation, the other not: the quote's events are not the reporter's
CLAUSE_PENALTY = 30  # "in 2021 | that climate could not be separated": another clause's verb
# "..., | police said": a report in a clause of its own is no event words of another clause's
# time, whatever the distance (clause_rules.json reports_of_other_clauses)
ATTRIBUTION_PENALTY = 1000
_CLAUSE_OPEN = re.compile(r"[;:\"“”]|\bthat\b")  # where a clause's subject may start ("who": an apposition)
_COMPLEMENTIZER = re.compile(r"\b(?:that|which|who|whom|whose)\b")
ASIDE_PENALTY = 200  # outside a relative clause between commas that holds the time: the main clause's words
ADJUNCT_PENALTY = 60  # inside a sentence-opening participle clause: the main clause tells the event
_QUOTES = QUOTE_CHARS
_SCARE_QUOTE = re.compile(r"[\"“][^\"“”\s]+(?:\s[^\"“”\s]+){0,2}[\"”]")  # up to three quoted words
# (the marks of kerryview.text.quotes: straight, curly, and the doubled `` '' of wire copy)
_QUOTE_ANY = re.compile(rf"{QUOTE_OPEN}((?:(?!{QUOTE_DOUBLED})[^{QUOTE_CHARS}])+?){QUOTE_CLOSE}")  # a quotation that completes a label, any length
_QUOTE = re.compile(rf"{QUOTE_OPEN}((?:(?!{QUOTE_DOUBLED})[^{QUOTE_CHARS}]){{12,}}?){QUOTE_CLOSE}")
QUOTE_GIST_WORDS = 8


@cache
def _conjunctions() -> frozenset[str]:
    """The words a clause fragment or a label may start with and lose: the coordinating
    conjunctions and the clause-initial subordinators of data/event_cues.json."""
    return cues()["coordinating_conjunctions"] | cues()["clause_initial_conjunctions"]


def _quote_depth(piece: str, depth: int) -> int:
    """Inside (1) or outside (0) a quotation after reading `piece`, starting from `depth`."""
    for ch in piece:
        if ch == "“":
            depth = 1
        elif ch == "”":
            depth = 0
        elif ch == '"':
            depth = 1 - depth
    return depth


def _participial_adjunct_end(text: str, sent: tuple[int, int], timex: Timex) -> int | None:
    """End of a sentence-opening participle clause holding the time expression ("Speaking at a
    conference earlier this week, Xi reiterated ..."): the clause names the circumstance, and the
    main clause after its comma tells the event."""
    a, b = sent
    first = _TOKEN.match(text, a + len(text[a:b]) - len(text[a:b].lstrip(" “\"'")))
    if first is None or not first.group().endswith("ing") or not first.group()[:1].isupper():
        return None
    comma = text.find(",", timex.end, b)
    return comma if comma > 0 and "," not in text[a:timex.start] else None


def _own_clause(text: str, sent: tuple[int, int], timex: Timex) -> tuple[int, int] | None:
    """Where the clause a time expression stands in starts and ends (clauses.clause_spans); one
    with no verb beside the time (a time phrase alone, an opening phrase) joined to the clause
    it belongs to: the next one when it opens the sentence ("On Tuesday, | officials said"),
    else the one before ("said | on Wednesday, | that ...")."""
    spans = clause_spans(text, sent, (timex,))
    k = next((i for i, c in enumerate(spans) if c.start <= timex.start < c.end), None)
    if k is None:
        return None
    # no clause alone, with no verb beside the time: "In a statement on 1 May, | the WHO
    # said", "told | the Guardian today | that ...", "ready to leave | as soon as Tuesday, |
    # Castro said": the clause it belongs to, after it when it opens the sentence, else before
    # (or the other way when that side has none: "Bob Dudley, currently managing director, |
    # told ...")
    for step in ((1,) if k == 0 else (-1, 1)):
        j, lo, hi = k, spans[k].start, spans[k].end
        while not _verb_beside(text, sent, lo, hi, timex) and 0 <= j + step < len(spans) \
                and not _sentence_end(text, spans[min(j, j + step)]):
            j += step
            lo, hi = min(lo, spans[j].start), max(hi, spans[j].end)
        if _verb_beside(text, sent, lo, hi, timex):
            break
    return lo, hi


def _sentence_end(text: str, clause: Clause) -> bool:
    """Whether a clause ends a sentence the splitter ran on ('He told the panel: "... everything
    we do in the UK." | Meanwhile, on Wednesday, | the department said'): a time's clause is
    not joined across it."""
    return re.search(r"[.!?][\"”'’]*\s*$", text[clause.start:clause.end]) is not None


def _verb_beside(text: str, sent: tuple[int, int], lo: int, hi: int, timex: Timex) -> bool:
    """Whether text[lo:hi] holds a finite verb (the one verb test, finite: not "in remarks")
    outside the time expression ("1 May" holds no modal) and on the same side of a quotation's marks
    (clauses.quoted: 'stated that "every country has to reduce emissions" | in remarks to CNN
    on Sunday': the quotation is what was stated, not the time's clause)."""
    inside = quoted(text, sent, timex.start)
    return any(_is_verb(m.group(), text[max(lo, m.start() - 12):m.start()], finite=True)
               and quoted(text, sent, m.start()) == inside
               for m in _TOKEN.finditer(text, lo, hi) if not timex.start <= m.start() < timex.end)


def _passive_report(text: str, start: int, end: int) -> bool:
    """Whether the reporting verb at text[start:end] is passive, after a form of "be" or with
    its agent after it ("the regulations announced | by Mr Salazar on Tuesday"): the report is
    the event itself, no attribution of another clause's (labels.passive)."""
    return passive(text, start) or re.match(r"\s+by\b", text[end:end + 4]) is not None


def _reports_at(text: str, verb_end: int, timex: Timex, verb: str = "") -> bool:
    """Whether a reporting verb ending at `verb_end` takes the time expression right after it,
    a preposition at most between ("was declared | on 23 April", "said Tuesday"), or after the
    one told, a short noun phrase, when it is a verb of telling ("told the BBC on Monday | he
    would resign"; clause_rules.json listener_object_words): the time of the report, whatever
    clause the report's object opens."""
    between = _TOKEN.findall(text, verb_end, timex.start)
    if timex.start < verb_end or re.search(r"[,;:\"“”]", text[verb_end:timex.start]):
        return False
    if between and between[-1].lower() in cues()["phrase_breaks"]:
        between = between[:-1]  # the preposition of the time: "on Monday"
    if not between:
        return True
    return verb.lower() in event_lists(LEAD_RULES)["listener_verbs"] \
        and len(between) <= int(next(iter(clause_rules()["listener_object_words"]))) \
        and all(w.lower() not in cues()["phrase_breaks"] and not _is_verb(w, "") for w in between)


def _day_level(t: Timex) -> bool:
    """Whether a time expression's value names a day or a part of one."""
    iv = value_interval(t.value or "")
    return iv is not None and iv.granularity.day_or_finer


def _coordinated_cut(text: str, first: Timex, second: Timex) -> int | None:
    """Where the coordinated clause of `second` starts when it follows the clause of `first`
    ("planned a demonstration on Saturday | and were planning to drive ... on Monday"): a
    coordinating conjunction between the two times (clause_rules.json coordinated_times)
    with a verb after it before `second`; None when there is none."""
    conj = clause_rules()["coordinated_times"]
    for m in _TOKEN.finditer(text, first.end, second.start):
        if m.group().lower() in conj and any(
                _is_verb(v.group(), text[max(0, v.start() - 12):v.start()])
                for v in _TOKEN.finditer(text, m.end(), second.start)):
            return m.start()
    return None


def _coordinated_span(text: str, timex: Timex, sent: tuple[int, int],
                      around: Sequence[Timex]) -> tuple[int, int]:
    """The span of the clauses of a sentence joined by a coordinating conjunction that hold
    `timex` when the clause next to it holds a time expression of its own (`around`: the
    sentence's time expressions): each time's event words are in its own clause
    (clause_rules.json coordinated_times); the whole sentence when there is none."""
    lo, hi = sent
    dated = [t for t in around if t.type in ("DATE", "TIME") and sent[0] <= t.start < sent[1]]
    before = [t for t in dated if t.end <= timex.start]
    after = [t for t in dated if t.start >= timex.end]
    if before and (cut := _coordinated_cut(text, before[-1], timex)) is not None:
        lo = cut
    if after and (cut := _coordinated_cut(text, timex, after[0])) is not None:
        hi = cut
    return lo, hi


def _at_the_time_of(text: str, a: int, timex: Timex) -> bool:
    """Whether the noun phrase a time expression stands in is the object of a preposition that
    puts the clause's event at the noun's time ("During | Thursday's testimony, Hayward said":
    the saying is Thursday's; clause_rules.json simultaneous_prepositions), a determiner
    skipped."""
    rules = clause_rules()
    for w in reversed(_TOKEN.findall(text, max(a, timex.start - 30), timex.start)):
        low = w.lower()
        if low in rules["noun_modifier_before"]:
            continue
        return low in rules["simultaneous_prepositions"]
    return False


MAX_INFINITIVE_OBJECT_WORDS = 5  # "invited | Sinn Fein | to rejoin two weeks ago": the matrix verb's object


def _past_matrix_verb(text: str, a: int, to_at: int) -> tuple[int, int] | None:
    """The verb in the simple past that governs an infinitive ("invited Sinn Fein | to rejoin",
    "decided | to close"): the nearest past form (an irregular past or a word in -ed) among the
    MAX_INFINITIVE_OBJECT_WORDS words before "to", with no break (a comma, a conjunction, a
    complementizer) between; None when there is none, or when the infinitive is a noun's, after
    an ordinal, a superlative or "only" ("became the second climber | to fall":
    clause_rules.json infinitive_of_a_noun)."""
    from kerryview.timex.lexicon import table  # the tagger's ordinals, as clauses._after_modifier
    words = list(_TOKEN.finditer(text, a, to_at))[-(MAX_INFINITIVE_OBJECT_WORDS + 1):]
    rules = clause_rules()
    for m in reversed(words):
        if re.search(r"[,;:()\"“”]|\s[-–—]+\s", text[m.end():to_at]):
            return None
        w = m.group().lower()
        if w in _conjunctions() or _COMPLEMENTIZER.fullmatch(w) or w in rules["past_time_after_infinitive"]:
            return None
        if w in table("ordinal") or w in rules["infinitive_of_a_noun"] or (len(w) > 4 and w.endswith("est")):
            return None  # "became the second climber | to fall": the infinitive is the noun's
        if (w in cues()["irregular_past"] or (len(w) > 4 and w.endswith("ed"))) \
                and _is_verb(m.group(), text[max(a, m.start() - 12):m.start()]):
            return (m.start(), m.end()) if _simple_past_at(text, a, m.start()) else None
    return None


def _simple_past_at(text: str, a: int, at: int) -> bool:
    """Whether the past form at `at` is a verb in the simple past: no auxiliary before it (adverbs
    skipped: "have tried", "are expected", "has been confirmed", "were known" are a perfect or
    a passive), nor a preposition or a determiner ("moved from said place")."""
    rules = clause_rules()
    not_before = rules["present_auxiliaries"] | rules["past_perfect"] | rules["past_passive_auxiliaries"] \
        | rules["progressive_auxiliaries"] | rules["noun_modifier_before"] | event_lists(LEAD_RULES)["prepositions"]
    for m in reversed(list(_TOKEN.finditer(text, max(a, at - 40), at))):
        w = m.group().lower()
        if w in rules["adverbs_before_verb"] or w.endswith("ly"):
            continue
        return w not in not_before
    return True


def find_trigger(text: str, sent: tuple[int, int], timex: Timex,
                 around: Sequence[Timex] = (), past: bool = False) -> tuple[int, int] | None:
    """The event words for a time expression: the nearest verb, else the nearest event noun
    (headline.is_event_noun: "the war memorial" has none); a reporting verb of another clause
    than the time's only when nothing else is (clause_rules.json reports_of_other_clauses:
    "kidnapped at 10 p.m. Wednesday, | police said": 'kidnapped'). A time inside a noun phrase
    has the phrase's noun (noun_modifier_before); the words of a coordinated clause that
    another of `around`, the time expressions near it, dates are that time's (coordinated_times)."""
    best: tuple[float, int, int] | None = None
    a, b = sent
    # "could eclipse the 1989 Exxon Valdez | disaster", "said the 2004 | tsunami was worse":
    # a time inside a noun phrase dates its noun, not a clause told in the present or the
    # future, nor a report (clause_rules.json noun_modifier_before); a past happening may be
    # at its time ("Obama won the 2008 election": 'won')
    head = None if anchors_clause(text, timex, _day_level(timex)) else _noun_head(text, timex, b)
    during = head is not None and _at_the_time_of(text, a, timex)  # "During Thursday's testimony, | X said"
    if head is not None and not during and tense(text, timex.start, timex.end, reporting=False) != "past":
        return head
    leading = not text[a:timex.start].strip(" ,“\"'") or text[a:timex.start].rstrip().endswith(",")
    timex_quoted = _quote_depth(text[a:timex.start], 0)
    adjunct_end = _participial_adjunct_end(text, sent, timex)
    comp = _COMPLEMENTIZER.search(text, timex.end, b)  # "in 2021 | that climate could not be ..."
    clause_end = comp.end() if comp else b + 1
    coord = _coordinated_span(text, timex, sent, around)
    # "Castro, who arrived in Miami in 1961, | believes ...": a relative clause set off by
    # commas, from its first comma to its second; the words outside it are the main clause's,
    # of no time of the aside (clause_rules.json relative_aside_end)
    aside = next(((s, e) for s, e in asides_before_verb(text, a, b) if s < timex.start < e), None)
    depth, read = 0, a  # quotation state, kept as the tokens are walked (linear in the sentence)
    posed = caption_position_spans(text, a, b)  # "John Mack, | left, | and ...": no verb
    own = _own_clause(text, sent, timex)
    reports = clause_rules()["reports_of_other_clauses"]
    for m in _TOKEN.finditer(text, a, b):
        depth, read = _quote_depth(text[read:m.start()], depth), m.start()
        if m.start() < timex.end and timex.start < m.end():
            continue
        if any(p <= m.start() < q for p, q in posed):
            continue
        word = m.group()
        right = m.start() >= timex.end
        dist = float(m.start() - timex.end if right else timex.start - m.end())
        if right and not leading:
            dist += RIGHT_PENALTY
        if depth != timex_quoted:
            dist += QUOTE_PENALTY  # a quotation's events are not the reporter's, and vice versa
        if adjunct_end is not None and m.start() < adjunct_end:
            dist += ADJUNCT_PENALTY
        if right and m.start() >= clause_end:
            dist += CLAUSE_PENALTY
        if not coord[0] <= m.start() < coord[1]:
            dist += CLAUSE_PENALTY  # "on Saturday | and were planning to drive ... on Monday"
        if aside is not None and not aside[0] <= m.start() < aside[1]:
            dist += ASIDE_PENALTY
        if own is not None and not own[0] <= m.start() < own[1] and word.lower() in reports \
                and not _reports_at(text, m.end(), timex, word) and not _passive_report(text, m.start(), m.end()):
            dist += ATTRIBUTION_PENALTY  # "..., | police said": the attribution, not the event
        if _is_verb(word, text[max(a, m.start() - 12):m.start()], next_text=text[m.end():m.end() + 20]):
            score = float(dist)
        elif is_event_noun(text, m.start(), m.end()):
            score = dist + NOUN_PENALTY
        else:
            continue
        if best is None or score < best[0]:
            best = (score, m.start(), m.end())
    if head is not None and best is not None and text[best[1]:best[2]].lower() in reporting_verbs()["pure"] \
            and not (during and len(_TOKEN.findall(text, a, timex.start)) <= 2):
        # "Ms Byrs said the situation was worse than ... the 2004 | tsunami"; not a report after
        # a phrase that opens the sentence with its time ("During Thursday's testimony, | X said")
        return head
    deadline = re.search(r"\b(?:" + "|".join(sorted(clause_rules()["past_time_after_infinitive_deadlines"]))
                         + r")\s+(?:[^\s,;]+\s+){0,3}$", text[max(a, timex.start - 40):timex.start], re.I)
    if past and deadline is None and head is None and best is not None and best[1] < timex.start \
            and not re.search(r"[,;:()\"“”]|\s[-–—]+\s", text[best[2]:timex.start]):
        # "invited Sinn Fein to rejoin | two weeks ago": a past time in an infinitive's phrase
        # (no comma between) dates the past verb that governs it, unless it is a deadline ("by
        # Friday") or only a noun's (clause_rules.json past_time_after_infinitive)
        to = re.search(r"\bto\s+$", text[max(a, best[1] - 4):best[1]], re.I)
        matrix = _past_matrix_verb(text, a, best[1] - len(to.group())) if to else None
        if matrix is not None:
            return matrix
    return (best[1], best[2]) if best else None


@cache
def _cue_words(name: str) -> re.Pattern[str]:
    """Any word or phrase of a list of data/event_cues.json, whole: one pattern per list, not
    one per cue and call (_status is asked for every dated mention)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(cues()[name])) + r")\b")


def _status(text: str, sent: tuple[int, int], t: Timex, start: datetime | None,
            dct: date | None) -> str:
    """happened / scheduled / expected, from the grammar of the clause and the date against the
    publication date: "was delivered today" happened, "is due to arrive" is scheduled, "had
    hoped ... for 2012" was only expected."""
    words = text[sent[0]:sent[1]].lower()
    future = start is not None and dct is not None and start.date() > dct
    same_day = start is not None and dct is not None and start.date() == dct
    if past_expectation(text, t.start, t.end):
        return "expected"  # a hope or plan held in the past, for a date past or to come
    if same_day and tense(text, t.start, t.end, reporting=False) == "past":
        return "happened"  # "was delivered today"
    if not (future or same_day):
        return "happened"
    cue = _cue_words("scheduled_cues").search(words) is not None
    uncertain = _cue_words("uncertain_cues").search(words) is not None
    if future or (same_day and cue):
        return "scheduled" if cue or not uncertain else "expected"
    return "happened"


def _clause_verb(text: str, clause: Clause, at: int | None) -> bool:
    """Whether the event words at `at` are the verb of the clause opened by its subordinator:
    no verb nor word in -ing before them in it ("when an earthquake | razed villages on Sunday";
    not "while serving a 12-year sentence | imposed in 1997", whose time dates a participle
    of the noun phrase, not the clause)."""
    if at is None or not clause.start <= at < clause.end:
        return False
    words = list(_TOKEN.finditer(text, clause.start, at))[1:]  # after the subordinator
    return not any(m.group().lower().endswith("ing") or _is_verb(m.group(), text[max(0, m.start() - 12):m.start()])
                   for m in words)


def _noun_phrase_start(left: str) -> int:
    """Where the noun phrase ending at an event noun starts: back over its modifiers, up to a
    preposition, verb or conjunction ("ahead of | the next U.N. climate summit"), and no further
    than its determiner ("... Vikram Pandit leave | a meeting": the name is the verb's subject;
    lead_rules.json object_determiners)."""
    words = list(re.finditer(r"\S+", left))
    start = len(left)
    for m in reversed(words[-NOUN_PHRASE_WORDS:]):
        if m.group().lower().strip(",;:") in cues()["phrase_breaks"] or m.group()[-1] in ",;:":
            break
        start = m.start()
        if m.group().lower() in event_lists(LEAD_RULES)["object_determiners"]:
            break
    return start


def _inverted_report_label(text: str, sent: tuple[int, int], trigger: tuple[int, int],
                           timex: Timex) -> str:
    """The label of a report that follows the quotation it carries, its speaker after it
    (clauses.inverted_speaker): the quotation and the report up to the speaker, without a
    description of the speaker or a time after it ('``It is very scary,'' said Ms. Buckham, a
    sponsor, on Monday.' -> '“It is very scary,” said Ms. Buckham'), the quotation cut to fit;
    "" when the report is no such one."""
    a, b = sent
    who = inverted_speaker(text, trigger, b)
    quote = _QUOTE_ANY.search(text, a, trigger[0]) if who is not None else None
    if who is None or quote is None:
        return ""
    end = timex.start if who[0] < timex.start < who[1] else who[1]
    speaker = " ".join(text[who[0]:end].split())
    if speaker.split()[-1].lower() in cues()["phrase_breaks"]:  # "said Mayor Smith on"
        speaker = " ".join(speaker.split()[:-1])
    verb = text[trigger[0]:trigger[1]]
    opening, closing = ("“", "”") if text.startswith(("“", "``"), quote.start()) else ('"', '"')
    words = quote.group(1).split()
    room = MAX_LABEL_CHARS - len(f"{opening},{closing} {verb} {speaker}")
    said = " ".join(words).rstrip(",;:.")
    while len(said) > room and len(words) > 1:
        words = words[:-1]
        said = " ".join(words).rstrip(",;:.") + "…"
    return f"{opening}{said},{closing} {verb} {speaker}"


def _gist(quoted: str) -> str:
    words = quoted.split()
    gist = " ".join(words[:QUOTE_GIST_WORDS]).rstrip(",;:.")
    return f"“{gist}{'…' if len(words) > QUOTE_GIST_WORDS else ''}”"


def _verb_follows(text: str, at: int, end: int) -> bool:
    """Whether a finite verb follows right at `at` ("Friday night | may seem", "2009 | was a
    year"): a time expression before it is the clause's subject, which a label keeps."""
    m = _TOKEN.match(text, at + 1) if text[at:at + 1] == " " else None
    if m is None or m.end() > end:
        return False
    w = m.group()
    return w in event_lists(LEAD_RULES)["subject_verbs"] or w in cues()["irregular_past"]


_WORD_BEFORE = re.compile(r"(?:([A-Za-z]+) +)?([A-Za-z][A-Za-z'’-]*) +$")


def _verbs_meet(text: str, cut_from: int, timex: Timex, end: int) -> int | None:
    """Where the verb after a time expression ends, when dropping the expression (and its
    preposition, from `cut_from`) would put two verbs side by side: a past form right before it
    and a finite verb right after ("a report released | earlier this week | found", "officials
    said | Thursday | was"); else None. The date belongs to the clause there (a reduced
    relative's, or the subject of what was said): a label keeps it.
    A word in -s after a verb is as often its object ("announced on Monday | plans to"): only an
    auxiliary or the copula ("is", "has") counts there. A past form after its own auxiliary ends
    a verb phrase complete without the date ("doctors who have arrived | should", "elections due
    to be held | will be"): the date goes."""
    m = _WORD_BEFORE.search(text, max(0, cut_from - 40), cut_from)
    auxiliaries = clause_rules()["shared_subject_auxiliaries"]
    if m is None or not _is_verb(m.group(2), "x ") or (m.group(1) or "").lower() in auxiliaries \
            or not _verb_follows(text, timex.end, end):
        return None
    w = _TOKEN.match(text, timex.end + 1)
    return w.end() if not w.group().endswith("s") or w.group() in auxiliaries else None


def _noun_phrase_goes_on(text: str, timex: Timex, end: int) -> bool:
    """Whether "the" + a time expression runs on into the words of its clause ("from the morning
    | fires", "have spent the night | outside", "over the weekend | independent schools were"):
    dropped, it would leave "Smoke fires begins" or "spent outside"; a label keeps it."""
    if not timex.text.lower().startswith("the "):
        return False
    m = _TOKEN.match(text, timex.end + 1) if text[timex.end:timex.end + 1] == " " else None
    if m is None or m.end() > end or not m.group().isalpha() or not m.group().islower():
        return False
    lists = event_lists(LEAD_RULES)
    w = m.group()
    return w not in stopwords() and w not in lists["phrase_starts"] and w not in lists["never_last"]


_DATE_END = re.compile(r"(?:\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|\b[A-Z][a-z]+day)$")


def _modified_noun(text: str, timex: Timex, end: int) -> int | None:
    """Where the noun starts that a time expression modifies ("the 12 January | earthquake",
    "the 2008 | election"): the expression ends in a number, a month or a weekday (not "the
    weekend"), and the next word is a plain lower-case noun, neither a function word, a verb,
    a participle nor an adverb; None when the time expression is an adverbial ("in 2008 | the
    election", "over the weekend | independent schools")."""
    after = timex.end
    m = _TOKEN.match(text, after + 1) if text[after:after + 1] == " " else None
    if m is None or m.end() > end or not _DATE_END.search(timex.text) or not _noun_word(text, m):
        return None
    return m.start()


def _noun_word(text: str, m: re.Match[str]) -> bool:
    """Whether the word `m` may be a plain lower-case noun of a noun phrase: neither a function
    word, a preposition, a verb, a participle nor an adverb ("the 12 January | earthquake"; not
    "in 2008 | the election", "last week | announced", "the 1901 census | along with")."""
    w = m.group()
    lists = event_lists(LEAD_RULES)
    return w.isalpha() and w.islower() and w not in stopwords() and w not in lists["never_last"] \
        and w not in lists["phrase_starts"] and w not in lists["prepositions"] \
        and not w.endswith(("ing", "ly", "wards")) \
        and not _is_verb(w, text[max(0, m.start() - 12):m.start()])


MAX_MODIFIED_WORDS = 4  # "the 1998 | abortion clinic bombing", "the 1989 | Exxon Valdez disaster"


def _noun_head(text: str, timex: Timex, end: int) -> tuple[int, int] | None:
    """The head of the noun phrase a time expression modifies ("said last month's | discovery",
    "injured in the 1998 abortion clinic | bombing", "eclipse the 1989 Exxon Valdez |
    disaster"): its last plain noun (_noun_word) among the words right after it (the
    possessive 's skipped; names may stand between), at most MAX_MODIFIED_WORDS, up to a
    function word or a break; None when the phrase has no such noun ("the 2012 Games")."""
    at = timex.end + (2 if text.startswith(("'s", "’s"), timex.end) else 0)
    head = None
    for k, m in enumerate(_TOKEN.finditer(text, at, end)):
        if k >= MAX_MODIFIED_WORDS or text[at:m.start()] != " ":
            break  # a comma, a quotation mark: the phrase has ended
        if _noun_word(text, m):
            head = (m.start(), m.end())
        elif not m.group()[:1].isupper() or m.group().lower() in stopwords():
            break
        at = m.end()
    return head


def _without_timex(left: str, cut: int, a: int, timex: Timex) -> str:
    """left[cut:] without the time expression and its preposition: ", on Wednesday, acknowledged"
    has no subject."""
    lo, hi = timex.start - a, timex.end - a
    if not cut <= lo < len(left):
        return left[cut:]
    head = left[cut:lo]
    lead = _LEAD_IN.search(head)
    return (head[:lead.start()] if lead else head) + left[hi:]


def _object_end(text: str, at: int, b: int, limit: int) -> tuple[int, bool]:
    """Where a label's words after its event words (from `at`, in a sentence ending at `b`)
    end: at the next clause break, else after `limit` words; and whether the limit ended them.
    A "where" with no comma before it completes the words before ("pick up | where they left
    off", "the spot | where the rig exploded"): read on, but a limit inside its clause ends the
    words before it ("the control room in Houston | where BP ...")."""
    words = 0
    end = at
    prev = ""
    where_at = None

    def ended(e: int, limited: bool) -> tuple[int, bool]:  # never "... in Houston | where BP"
        if where_at is not None and (limited or where_without_verb(text[at:e])):
            return where_at, limited
        return e, limited

    for m in re.finditer(r"\S+", text[at:b]):
        piece = m.group()
        in_name = prev[:1].isupper() and piece[:1].isupper()  # never cut "Beijing | Hotel"
        scare = _SCARE_QUOTE.match(text, at + m.start())  # the “unwavering” commitment
        if _CLAUSE_BREAK.match(piece) and not scare:
            return ended(end, False)
        if words >= limit and not in_name:
            return ended(end, True)
        if piece.lower() == "where" and words:
            where_at = end
        prev = piece
        end = at + m.end()
        words += 1
        if _CLAUSE_BREAK.search(piece.strip(_QUOTES) if scare else piece):
            return ended(end, False)
    return ended(end, False)


MAX_DATED_SUBJECT_WORDS = 8  # "the BP-operated Deepwater Horizon rig": a dated clause's subject
MAX_DATED_GAP_WORDS = 8  # "exploded in the Gulf of Mexico | on 20 April": its verb to its date
_DATED_GAP_BREAK = re.compile(r"[,;:()\"“”]|\s[-–—]+\s")
_NP_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’-]|\.(?=\d))*")  # "11 workers", "BP's", "7.0-magnitude"


def _verb_group_word(w: str) -> bool:
    """An auxiliary, a modal or an adverb, which may stand between a subject (or a relative
    pronoun) and its verb ("when the rig had exploded", "which has already cost")."""
    low = w.lower()
    rules = clause_rules()
    return low in rules["shared_subject_auxiliaries"] or low in rules["adverbs_before_verb"] \
        or low in modals()["modals"] or low in modals()["negations"] or (low.endswith("ly") and len(low) > 3)


def _after_determiner(words: list[re.Match[str]], k: int) -> bool:
    prev = words[k - 1].group().lower() if k else ""
    return prev in event_lists(LEAD_RULES)["object_determiners"] or prev.endswith(("'s", "’s"))


def _is_subject_word(words: list[re.Match[str]], k: int, text: str) -> bool:
    """Whether the k-th word of a noun phrase is no verb: an -ed or -ing word after a determiner
    is an adjective or a noun ("the damaged riser", "the building"), a capitalized one a name."""
    w = words[k].group()
    if _after_determiner(words, k) or w[:1].isdigit():
        return True
    if w.islower() and w.endswith("ing") and w not in stopwords():
        return False  # "to resume | paying dividends which ...": a verb's object follows
    return not _is_verb(w, text[max(0, words[k].start() - 12):words[k].start()], finite=True)


def _pronoun(word: str) -> bool:
    """A pronoun ("he", "it", "its", "his"): in a subordinate clause it may stand for any noun
    of the main clause ("Dr Murray had travelled with Jackson after he collapsed"), and the
    antecedent finder takes the main clause's subject: such a clause keeps the main clause's
    label."""
    lists = event_lists(LEAD_RULES)
    return word.lower() in lists["pronoun_subjects"] | lists["possessive_pronouns"] \
        | lists["thing_pronouns"] | lists["plural_pronouns"]


def dated_clause(text: str, sent: tuple[int, int], trigger: tuple[int, int],
                 timex: Timex) -> tuple[str, int, int | None] | None:
    """Where the label of a time expression inside a subordinate clause starts, when that clause
    follows the main clause and its verb is the event words `trigger`: the time expression dates
    that clause's event, so its label is that clause's subject and verb, not the main clause
    ("..., which began when | BP's Deepwater Horizon rig exploded on 20 April" -> "BP's
    Deepwater Horizon rig exploded"; data/lead_rules.json dated_clause_openers). A relative
    pronoun that is its clause's subject takes its antecedent noun phrase ("The rig that |
    exploded on 20 April was leased by BP" -> "The rig exploded"; dated_relative_pronouns).
    Returns (the subject to put first, "" when the clause has its own; where the clause's words
    start; where they end at the latest, for a restrictive relative clause), or None: no such
    clause, no main clause with a verb before it, a subject that is no plain noun phrase (a
    preposition's object: "profit before | tax dropped"; "it", whose antecedent may be an
    object), or the time expression outside the clause (before it, or past a clause break)."""
    a, b = sent
    lists = event_lists(LEAD_RULES)
    openers = lists["dated_clause_openers"] | lists["dated_relative_pronouns"]
    gap = text[trigger[1]:timex.start]
    if not trigger[1] <= timex.start or _DATED_GAP_BREAK.search(gap) or len(gap.split()) > MAX_DATED_GAP_WORDS \
            or any(w.lower() in openers for w in _TOKEN.findall(gap)):
        return None  # the time expression lies past the clause of the event words
    words = list(_TOKEN.finditer(text, a, trigger[0]))
    k = len(words) - 1
    while k >= 0 and len(words) - k <= MAX_DATED_SUBJECT_WORDS + 2:
        w = words[k]
        if _DATED_GAP_BREAK.search(text, w.end(), words[k + 1].start() if k + 1 < len(words) else trigger[0]):
            return None  # a comma or a quotation between: another clause
        low = w.group().lower()
        if low in openers:
            break
        k -= 1
    else:
        return None
    if k <= 0:
        return None  # no opener, or the sentence opens with it (tidy() reads "When ..." labels)
    opener = words[k].group().lower()
    main = text[a:words[k].start()]
    clause = re.split(r"[,;:]", main)[-1]  # the main clause: from its last break, if it has words
    if opener in lists["dated_clause_openers"] and not has_finite_verb("x " + (clause if clause.strip() else main)):
        return None  # no main clause before ("Despite ..., Amlin's profit before tax dropped")
    inside = words[k + 1:]
    group = 0  # the verb group's auxiliaries and adverbs before the event words, and a verb
    # coordinated with them ("since the rig | exploded and | sank on 20 April")
    while group < len(inside):
        if _verb_group_word(inside[len(inside) - 1 - group].group()):
            group += 1
        elif group + 2 <= len(inside) and inside[len(inside) - 1 - group].group().lower() in lists["coordinators"] \
                and _is_verb(inside[len(inside) - 2 - group].group(), "x "):
            group += 2
        else:
            break
    subject = inside[:len(inside) - group]
    if opener in lists["dated_relative_pronouns"] and not subject:
        found = _relative_antecedent(text, a, words, k)
        if found is None:
            return None
        if text[words[k - 1].end():words[k].start()].strip():
            return found[0], found[1], None  # "the accident, which ...,": the comma ends it
        # "The rig that exploded on 20 April | was leased by BP": nothing marks where a
        # restrictive clause ends but the main clause's verb
        after = list(_TOKEN.finditer(text, timex.end, b))
        verb = next((m.start() for i, m in enumerate(after)  # (a finite verb after a noun, a name
                     if m.group().lower() in openers  # or a date, not "of segmented"; or another clause)
                     or (_is_verb(m.group(), "x ", finite=True)
                         and (i == 0 or after[i - 1].group().lower() not in stopwords()))), None)
        brk = _DATED_GAP_BREAK.search(text, timex.end, b)  # "... the big earthquake | - all the trauma"
        return found[0], found[1], min((x for x in (verb, brk and brk.start()) if x is not None), default=None)
    if opener not in lists["dated_clause_openers"] or not subject \
            or len(subject) > MAX_DATED_SUBJECT_WORDS or timex.start < words[k].end():
        return None
    first, last = subject[0].group(), subject[-1].group().lower()
    # "... will pick up on July 18 where | they | left off the previous day and negotiate ...": a
    # pronoun for the main clause's subject, which names nobody else before the opener; the dated
    # clause ends at its time expression when "and" or "but" follows it (a verb of the main clause)
    if len(subject) == 1 and (name := _main_clause_subject(text, a, words[k].start(), first)):
        verbs = inside[len(subject)].start() if group else trigger[0]
        joined = re.match(r"\s+(?:and|but|or)\s", text[timex.end:b])
        return name, verbs, timex.end if joined else None
    if first.lower() in cues()["phrase_breaks"] or _pronoun(first) or first.endswith("ing") \
            or first.lower() in lists["sequence_adverbs"] | lists["sentence_adverbs"] | lists["sentence_time_adverbs"] \
            or (last in stopwords() and not last.isdigit()) \
            or not all(_is_subject_word(subject, i, text) for i in range(len(subject))):
        return None  # "after | being thrown", "when | it is completed", "when | first released",
        # "after | a stopover in Shanghai and | was said": no plain subject
    return "", subject[0].start(), None


def _main_clause_subject(text: str, a: int, opener: int, pronoun: str) -> str | None:
    """The subject of the main clause text[a:opener] that the subject pronoun of the clause
    after it stands for ("The U.S. and Chinese delegations | will pick up on July 18 | where they
    left off"): a plural subject for "they", a person's name for "he" or "she", and no other noun
    in the main clause ("BP hired the divers after they ...": the divers, or BP); None
    otherwise, as for "it" (an object as often as the subject)."""
    kind = pronoun_kind(pronoun) if pronoun.lower() in event_lists(LEAD_RULES)["pronoun_subjects"] else None
    main = subject_of(text, a, opener, _is_verb) if kind in ("person", "plural") else ""
    at = text.find(main, a, opener) if main else -1
    if at < 0:
        return None
    prev = ""
    for w in _TOKEN.finditer(text, at + len(main), opener):
        word, low = w.group(), w.group().lower()
        if not (low in stopwords() or _verb_group_word(word) or word[:1].isdigit() or word in MONTHS
                or _is_verb(word, text[max(a, w.start() - 12):w.start()])
                or (_verb_group_word(prev) and word.islower())):  # "will | pick"
            return None  # another noun the pronoun may stand for
        prev = word
    if kind == "plural":
        last = main.split()[-1]
        return main if last.islower() and (looks_plural(last) or " and " in main) else None
    return agrees(main, "person", text)


def _relative_antecedent(text: str, a: int, words: list[re.Match[str]], k: int) -> tuple[str, int] | None:
    """The subject of a relative clause whose pronoun (words[k], k > 0, of the sentence from `a`)
    is its subject: the noun phrase right before it ("the accident, | which began", "the rig |
    that exploded"), back to its determiner or a function word; and where the clause's verb
    group starts. None when no noun
    phrase stands there ("said that ...") or the clause may tell of another noun: the noun
    phrase follows a comma (an apposition: "Alleyn's School in Dulwich, south London, which"),
    unless that apposition is headless and stands for it (labels.headless_apposition: "a quake,
    Haiti's worst in two centuries, which struck": the quake),
    "and" ("the telethon and gig, which"), "by" or a preposition after a noun ("Shares in BP,
    which rose", "the rig operated by BP that exploded")."""
    pronoun = words[k]
    start = words[k + 1].start() if k + 1 < len(words) else pronoun.end()
    np_end = pronoun.start()  # where the noun phrase the pronoun stands for ends
    closed = text[a:np_end].rstrip()
    opened = text.rfind(",", a, a + len(closed) - 1) if closed.endswith(",") else -1
    if opened > a and headless_apposition(text[opened + 1:a + len(closed) - 1]):
        np_end = opened + 1  # "a quake, | Haiti's worst in two centuries, | which struck": the quake
    apposed = np_end != pronoun.start()
    if not apposed and text[words[k - 1].end():pronoun.start()].strip() not in ("", ","):
        return None
    determiners = event_lists(LEAD_RULES)["object_determiners"]
    adverbs = event_lists(LEAD_RULES)["sentence_adverbs"] | event_lists(LEAD_RULES)["sentence_time_adverbs"] \
        | event_lists(LEAD_RULES)["sequence_adverbs"]
    before = list(_NP_WORD.finditer(text, a, np_end))[-MAX_DATED_SUBJECT_WORDS - 3:]  # (its sentence's)
    np: list[re.Match[str]] = []
    # the noun before ", which" may be in -ing ("the preliminary hearing, which"): a noun when
    # the phrase opens with a determiner (checked below), not a verb whose object follows
    ing_head = bool(before) and before[-1].group().lower().endswith("ing") \
        and text[before[-1].end():np_end].strip() == ","
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        low = w.group().lower()
        if np and text[w.end():np[0].start()].strip():
            break  # a comma, a quotation mark, a bracket before the noun phrase
        if len(np) >= MAX_DATED_SUBJECT_WORDS or (low in stopwords() and low not in determiners
                                            and not low[:1].isdigit()) \
                or not (_is_subject_word(before, i, text) or ing_head and i == len(before) - 1) \
                or low in adverbs:  # "Obviously | people who had experienced ..."
            break
        np.insert(0, w)
        if low in determiners:
            break  # "write | the climate bill which": the noun phrase starts at its determiner
    if not np or np[-1].group().lower() in stopwords() or _pronoun(np[0].group()) \
            or ing_head and np[0].group().lower() not in determiners and not _is_subject_word(before, len(before) - 1, text) or (
            pronoun.group().lower() == "that" and not (np[0].group().lower() in determiners
                                                       or np[0].group()[:1].isupper())):
        return None  # "that" after no noun phrase of its own: a complementizer ("said that")
    i = len(before) - len(np) - 1
    if i >= 0 and text[before[i].end():np[0].start()].strip() and before[i].group().lower() not in adverbs:
        return None  # ", south London, which": an apposition, or an item of a list ("However, | people": no)
    prep = before[i].group().lower() if i >= 0 else ""
    verbs = clause_rules()["shared_subject_auxiliaries"] | event_lists(LEAD_RULES)["subject_verbs"] | modals()["modals"]
    # a preposition that opens the sentence opens an adverbial phrase, whose noun phrase is the
    # only noun the pronoun can stand for ("At | the hospital, which opened in 1995, doctors ...")
    opening = i == 0 and prep in event_lists(LEAD_RULES)["prepositions"] \
        and not text[a:before[0].start()].strip(" \"“'‘*•-–—\n")
    # (a headless apposition after the noun phrase stands for it, and the clause after the
    # apposition goes on telling of it: "the aftermath of | a quake, Haiti's worst ..., which")
    if prep in _conjunctions() or not apposed and (prep in stopwords() and prep not in verbs | adverbs and not _pronoun(prep) and (
            prep == "by" or i == 0 and not opening or i > 0 and not _is_verb(before[i - 1].group(), "x ", finite=True))):
        return None  # "Shares in | BP, which rose": shares or BP
    verb_before = prep.endswith("ing") or (i >= 0 and _is_verb(before[i].group(), "x ", finite=True))
    if verb_before and prep not in verbs and np[0].group().lower() not in determiners \
            and np[-1].group().islower() and any(w.group()[:1].isupper() for w in np[:-1]):
        return None  # "giving | Jackson drugs which led ...": two objects, the drugs led
    return text[np[0].start():np[-1].end()], start


def _closed_brackets(text: str) -> list[tuple[int, int]]:
    """The spans of the round brackets that open and close within `text` (an aside inside a
    clause); a bracket still open at its end holds the words after it, no aside of them."""
    spans, opened = [], []
    for m in re.finditer(r"[()]", text):
        if m.group() == "(":
            opened.append(m.start())
        elif opened:
            spans.append((opened.pop(), m.start()))
    return spans


def label_for(text: str, sent: tuple[int, int], trigger: tuple[int, int] | None,
              timex: Timex, sents: list[tuple[int, int]] | None = None, main_clause: bool = True) -> str:
    """A short clause naming the event: subject, event words and what follows, minus the date.
    With the text's sentences `sents`, a pronoun that reports ("He said on Monday that BP would
    pay") gives way to who it stands for, as a named speaker does ("Tony Hayward: BP would
    pay"). A label that is only a phrase opening the sentence ("After talks ended") is told by
    the main clause after it (`main_clause`; labels.fronted_phrase)."""
    a, b = sent
    if trigger is not None and (inverted := _inverted_report_label(text, sent, trigger, timex)):
        return inverted
    reported = None
    subject = ""
    if trigger is None:
        lo, hi = within_passage(text, a, b, (timex.start, timex.end)) if timex.end > timex.start else (a, b)
        clause = text[lo:hi]
    else:
        # Subject: back from the trigger to the previous clause break.
        left = text[a:trigger[0]]
        # the two marks of each quotation of a noun ('A "pandemic committee" will'), no break
        scare = {at for q in _SCARE_QUOTE.finditer(left) if q.group()[-2] not in ",.!?"
                 for at in (q.start(), q.end() - 1)}
        posed = caption_position_spans(text, a, trigger[0])  # "President Bush, left, makes": one clause
        breaks = [m.end() for m in re.finditer(CLAUSE_COMMA + r"|[;:\"“”]|\b(?:that|which|who)\b", left)
                  if not cut_number(left, m.end()) and not determiner_that(left, m.start())
                  and m.start() not in scare  # 'A "pandemic committee" will': a noun's quotation marks
                  and not timex.start < a + m.start() < timex.end  # "On September 30, | 1934": one date
                  and not any(p <= a + m.start() < q for p, q in posed)
                  and not any(o < m.start() < c for o, c in _closed_brackets(left))]
        # ("the oil (Deepwater disaster, | 3 June) would have": an aside closed before the event words)
        cut = breaks[-1] if breaks else 0
        if text[trigger[0]:trigger[1]].lower() in cues()["event_nouns"]:
            np_start = _noun_phrase_start(left)
            if re.search(r"\b[A-Z0-9]", left[np_start:]):  # a named one: "COP28 talks"
                cut = max(cut, np_start)
        # "The envoy, John Kerry, called ...": an empty subject means an apposition; step back.
        while breaks and not _without_timex(left, cut, a, timex).strip(" ,;:\"“”"):
            breaks.pop()
            cut = breaks[-1] if breaks else 0
        # "..., more than originally planned": a fragment; the clause it hangs on names the event
        while breaks and is_fragment(_without_timex(left, cut, a, timex) + text[trigger[0]:trigger[1]],
                                     _conjunctions()):
            breaks.pop()
            cut = breaks[-1] if breaks else 0
        if breaks and cut == breaks[-1]:  # "Paris Hilton, Ben Stiller, | Chris Martin and Lindsay Lohan joined"
            cut = list_subject_start(left, breaks, (timex.start - a, timex.end - a))
        if period_opening(text, a, a + cut, (timex.start, timex.end)):
            cut = 0  # "Since 2008, | the FAA has contracted to spend ...": a period up to now, kept
        start = a + cut
        subject = ""  # the subject beside an apposition ("The 59-year-old, ..., Essex, has been")
        verb_trigger = text[trigger[0]:trigger[1]].lower() not in cues()["event_nouns"]
        dated = dated_clause(text, sent, trigger, timex) if verb_trigger else None
        if dated:  # "..., which began when | BP's rig exploded on 20 April": the dated clause
            subject, start, _ = dated
        elif verb_trigger:
            clause_from = max([m.end() for m in _CLAUSE_OPEN.finditer(left, 0, cut)
                               if m.group() != ":" or colon_opens_clause(left, m.start())], default=0)
            found = apposition_subject(text, a + clause_from, start, trigger, _is_verb,
                                       (timex.start, timex.end))
            if found:
                subject, start = found
        # Object: forward from the trigger to the next clause break or the word limit; a clause
        # that ends a few words after the limit is read to its end when the label stays short
        # ("... a gruelling series of 50 | concerts in London", not "... series of 50").
        end, limited = _object_end(text, trigger[1], b, MAX_LABEL_WORDS_AFTER)
        if limited:  # shorten() then ends it where it reads complete
            longer = _object_end(text, trigger[1], b, MAX_LABEL_WORDS_AFTER + MORE_OBJECT_WORDS)[0]
            if not any(q in text[end:longer] for q in _QUOTES):  # a quotation completes it its own way
                end = longer
        # what a reporting verb introduces is read on past a break that cuts it in half ("Mr Obama
        # said the US would | "do whatever it takes"", "Williams said he discovered | that ...")
        # (unless the label only says someone spoke: what was said is then told after its speaker)
        while not limited and end < b and cuts_report(" ".join(f"{subject} {text[start:end]}".split())) \
                and not reported_span(text, sent, start, end, trigger, (timex.start, timex.end)) \
                and (piece := _NEXT_PIECE.match(text, end, b)) \
                and not (piece.group().strip()[:1] in _QUOTES and text[:end].split()[-1].lower()
                         in cues()["needs_complement"]):  # ("... is | “probably ...”": the quotation completes it below)
            end, limited = _object_end(text, piece.end(), b, MAX_LABEL_WORDS_AFTER)
        if dated and dated[2] is not None:
            end = min(end, dated[2])
        subject_at = start
        start, end = within_passage(text, start, end, trigger, a)  # a caption run into the lead
        if start != subject_at:
            subject = ""
        reported = reported_span(text, sent, start, end, trigger, (timex.start, timex.end))  # "BP said": what was said
        if reported and not reported[2] and sents is not None and reported[0] >= end:
            kind = pronoun_kind(" ".join(text[start:trigger[0]].split()))  # "He said ... that"
            name = antecedent(kind, text, sents, sent, _is_verb, start) if kind in ("person", "plural") else None
            if name:
                reported = (reported[0], reported[1], name)
        if reported and subject and reported[0] < start:  # "A senior aide, Henri Guaino, said": who spoke;
            reported = said_before_apposition(text, reported, subject)  # "..., Scotland's first minister, Alex Salmond, said": what, and who
        if reported and subject and reported[0] >= end:  # "Dennis C. Blair, ..., said that"
            reported = (reported[0], reported[1], reported[2] or subject)
        if reported and reported[0] != start:
            subject = ""  # the label is what was said ("Kerry told Wang Yi that": keeps who told)
        if reported:
            told_end, (start, end) = end, reported[:2]
        clause = text[start:end]
        offset = start
        # Drop the time expression and the preposition leading into it.
        if offset <= timex.start < end and timex.end > timex.start:  # (an empty one: nothing to drop)
            before = text[offset:timex.start]
            lead = _LEAD_IN.search(before)
            cut_from = offset + (lead.start() if lead else len(before))
            after = min(timex.end, end)
            if keeps_date(text, timex.start, timex.end):
                clause = text[offset:end]  # "dipped 4 percent between July and August": both ends
            elif (noun := _modified_noun(text, timex, end)) and (
                    timex.text.lower().startswith("the ") or before.rstrip().lower().endswith(" the")):
                # "died in the 12 January earthquake" -> "died in the earthquake", not "died earthquake"
                head = before.rstrip()
                head = head if head.lower().endswith(" the") else f"{head} the"
                clause = f"{head} {text[noun:end]}"
            elif not text[a:timex.start].strip(" \"“'") and _verb_follows(text, timex.end, end) \
                    and timex.text.split()[0].lower() not in clause_rules()["comparative_positions"] \
                    or _noun_phrase_goes_on(text, timex, end):
                clause = text[offset:end]  # "Friday night may seem like ...": the date is the subject
            elif (verb_end := _verbs_meet(text, cut_from, timex, end)) and len(shorten(
                    " ".join(f"{subject} {text[offset:end]}".split()), MAX_LABEL_CHARS,
                    to_verb := len(f"{subject} {text[offset:verb_end]}".split())).split()) >= to_verb:
                clause = text[offset:end]  # "a report released earlier this week found", not "released found";
                # a label that, with the date, would be shortened before that verb drops the date as before
            elif text.startswith(("'s", "’s"), after):  # "this week's talks" -> "the talks"
                after += 2
                cut_from = offset + len(before)
                lead_the = "the" if not before.rstrip().lower().endswith("the") else ""
                clause = text[offset:cut_from] + lead_the + text[after:end]
            else:
                head_noun = _TOKEN.match(text, after + 1) if text[after:after + 1] == " " else None
                if lead and head_noun and head_noun.end() <= end \
                        and head_noun.group() in event_lists(LEAD_RULES)["time_heads"]:
                    after = head_noun.end()  # "over the winter months": the noun goes with its date
                clause = without_date(text[offset:cut_from], text[after:end])
    if subject:
        clause = f"{subject} {clause.lstrip()}"
    label = without_caption_positions(" ".join(clause.split())).strip(" ,;:.\"“”'")
    last = label.rfind('"')
    # a quotation left open: the strip ate the closing mark of 'as a "dictator,"', or the
    # clause ends inside it; not a lone closing mark ('an old friend" and underlined ...': the
    # label starts inside a quotation), which a space follows
    if label.count('"') % 2 and not label[last + 1:last + 2].isspace():
        label += '"'
    if label.count("“") > label.count("”"):
        label += "”"
    keep = len(without_caption_positions(text[offset:trigger[1]]).split()) + len(subject.split()) \
        if trigger and not reported else 0
    said_alone: tuple[str, int] | None = None  # what was said, and its words to keep, without its speaker
    if trigger and reported and reported[2]:  # the speaker, then what was said
        named = with_antecedent(label, text, sents, sent, _is_verb) if sents is not None else label
        if named != label and (who := named[:len(named) - len(label.partition(" ")[2])].strip()) not in reported[2] \
                and not (reported[2] and who.startswith(reported[2] + " ")):  # ("The White House also": the speaker)
            label = named  # "Kerry: It planned ..." -> "Kerry: China planned ..." ("Suttles: He ...": him)
        if reported[0] < told_end:  # its subject from the words after the reporting verb
            label = without_aside(label)  # "Rady said relocation, which ..., was not viable"
        first, _, rest = label.partition(" ")
        if rest and first.lower().rstrip(",") in _conjunctions() and not fixed_adverbial(label) \
                and not is_fragment(rest):
            label = rest  # "Adm Allen: But the relief well will continue": no "But" after the speaker
        keep = len(reported[2].split()) + max(MIN_SAID_WORDS, words_to_verb(label) if reported[0] < told_end else 0)
        # (a subject taken back from the report's words reaches its verb: never "X: A severe flu pandemic")
        said_alone = (capitalized(label), keep - len(reported[2].split()))
        label = f"{reported[2]}: {capitalized(label)}"
        if (own := speaker_as_subject(said_alone[0], reported[2], text)) is not None:
            label, keep, said_alone = own, max(keep, len(reported[2].split()) + 1 + MIN_SAID_WORDS), None
            # "BP: It would halt ..." -> "BP would halt ...": the pronoun stands for the speaker
    elif trigger and reported and reported[0] < told_end:  # "Kerry told Wang Yi that ...": and what
        keep = len(text[reported[0]:told_end].split()) + MIN_SAID_WORDS
    label = shorten(label, MAX_LABEL_CHARS, keep)
    if label.endswith("…") and said_alone and not (alone := shorten(*said_alone[:1], MAX_LABEL_CHARS,
                                                                    said_alone[1])).endswith("…") \
            and not is_fragment(alone, _conjunctions()):  # (never "Saying the company had informed him ...")
        label = alone  # "The proposed Wall Street bailout could actually worsen the current financial
        # crisis", not "The director of the Congressional Budget Office: The proposed ... worsen the…"
    label = re.sub(r"\s+([,.;:])", r"\1", label)
    first, _, rest = label.partition(" ")
    if rest and first.lower().rstrip(",") in _conjunctions() \
            and not fixed_adverbial(label):
        label = rest  # "But, according to the Nigerian government, ..."
    completed = False
    words = label.split()
    k = len(words) - 1  # up to two small words after it: "the need for a | “sound ...”"
    while k > 0 and len(words) - 1 - k < 2 and words[k].lower() not in cues()["needs_complement"] \
            and re.fullmatch(r"[a-z]{1,4}", words[k]):
        k -= 1
    if trigger and words and (words[k].lower() in cues()["needs_complement"]
                              or words[-1].lower() in reporting_verbs()["all"]):
        # "Li described the talks as | “a complex rescue ...”", "Sullivan stated | that “every
        # country ...”": the quotation completes the label
        # up to two small words may come first: "Xi Jinping as | a “dictator”"
        lead = re.match(r"(\s*that\b)?((?:\s+[a-z]{1,4}){0,2})\s*", text[end:b])
        quote = _QUOTE_ANY.match(text, end + lead.end())
        if quote:
            label += (" that" if lead.group(1) else "") + lead.group(2) + " " + _gist(quote.group(1))
            completed = True
    if not completed and trigger and text[trigger[0]:trigger[1]].lower() in reporting_verbs()["all"] \
            and (len(label.split()) <= 3 or (not reported and only_reports(text, trigger, end))):
        quote = _QUOTE.search(text, a, b)  # "Kerry said", "A BP executive told reporters": what was said
        if quote and " ".join(quote.group(1).split()[:QUOTE_GIST_WORDS]) not in label:  # not twice:
            # '"We had the largest loss ...," said Mayor David Roberts' tells what was said already
            words, verb = label.split(), text[trigger[0]:trigger[1]]
            if verb in words and place_only(" ".join(words[words.index(verb) + 1:])) \
                    and len(words) - words.index(verb) - 1 > MAX_CIRCUMSTANCE_WORDS:
                label = " ".join(words[:words.index(verb) + 1])  # not "Kerry said in a meeting room in ...: “...”"
            label += ": " + _gist(quote.group(1))
    if trigger is not None:
        label = subject_before_apposition(label, text, sent)  # "A contractor, are putting": its subject
    label = tidy(label)
    said_from = len(f"{reported[2]}: ") if trigger and reported and reported[2] \
        and label.startswith(f"{reported[2]}: ") else 0  # the quotation is what was said
    label = label[:said_from] + with_opening_quote(label[said_from:])  # '"Top kill" failed'
    label = label[:said_from] + with_opening_single_quote(label[said_from:], text[a:b])  # "'Top kill' operations"
    if trigger is not None and label and (anchor := time_distance_anchor(text, sent, trigger, (timex.start, timex.end),
                                                                         label)):
        # "Five years after the war ended in 2003, the country held elections": the date is the
        # war's end, the label its event ("The war ended"); the main clause lies a span of time after it
        label = anchor
    elif main_clause and trigger is not None and label \
            and (main := fronted_phrase(text, sent, trigger, (timex.start, timex.end), label)):
        told = label_for(text, main[:2], main[2], timex, sents, main_clause=False)
        phrase = label[:1].lower() + label[1:]  # "After talks ended" -> "The union called a strike after talks ended"
        last = told.split()[-1].lower().strip("\"“”'’,.") if told.split() else ""
        if told and told != timex.text and last not in reporting_verbs()["all"] \
                and last not in event_lists(LEAD_RULES)["never_last"] | event_lists(LEAD_RULES)["subordinate_clause_words"] \
                | cues()["coordinating_conjunctions"]:
            # (not "A panel has concluded | despite reforms ...", "... our health care system so | as I discussed")
            reports = text[main[2][0]:main[2][1]].lower() in reporting_verbs()["all"]
            # (a report made at the phrase's occasion, labels.fronted_phrase: told alone, the
            # phrase would read as part of what was said)
            label = f"{told} {phrase}" if not told.endswith("…") and not reports \
                and len(told) + 1 + len(phrase) <= MAX_LABEL_CHARS else told
    return capitalized(label) if label else timex.text


@dataclass
class Found:
    """A mention as found, with what merging needs: a label and the passage's context words."""

    mention: EventMention
    label: str
    context: Counter[str]
    interval: Interval | None = None  # where it lies in time (a range for "the past month")


_RECENT = re.compile(r"^(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:past|last|previous|recent)\b",
                     re.I)


def _recent_period(t: Timex, dct: date | None) -> Interval | None:
    """"the past month" said on 2023-07-18 is the period up to that day: a vague range."""
    if dct is None or not _RECENT.match(t.text):
        return None
    span = duration_timedelta(t.value)
    if span is None or span <= timedelta(0) or span > timedelta(days=366 * 30):
        return None
    try:
        end = datetime.combine(dct, datetime.min.time()) + timedelta(days=1)
        start = datetime.combine((end - span).date(), datetime.min.time())  # whole days
    except OverflowError:  # said on 9999-12-31, or reaching back before year 1: no such period
        return None
    return Interval(start, end, Granularity.PERIOD)


@cache
def _period_start_signal() -> re.Pattern[str]:
    words = sorted(event_lists(ANCHOR_SIGNALS)["period_start"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alts})\s+$", re.I)


def _starts_a_period(text: str, t: Timex) -> bool:
    """Whether `t` follows a word that makes it the start of a period ("since 1968"), which
    dates no event of its clause (data/anchor_signals.json)."""
    return _period_start_signal().search(text, max(0, t.start - 24), t.start) is not None


MAX_BASELINE_WORDS = 10  # "from | $504.2 million, or $4.41 a share, | last year": the figure


@cache
def _comparison_signal() -> re.Pattern[str]:
    lists = event_lists(ANCHOR_SIGNALS)
    words = sorted(lists["comparison_baseline"] | lists["comparison_versus"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alts})(?=\s)", re.I)


# A figure right after "from": a number or an amount, perhaps after a word that rounds it
# ("from about $1 billion", "from 1,364"), not a noun phrase ("from the ocean floor at 1737GMT")
_FIGURE_AFTER_FROM = re.compile(r"\s*(?:(?:about|nearly|almost|roughly|around|some|just|over|under|"
                                r"more\s+than|less\s+than|only)\s+)?(?:[$£€¥]|C\$|US\$)?\s?\d", re.I)
# what ends the figure between a comparison word and its time: a clause break, a dash, a
# sentence's end; a range's hyphen ("from 1987-2005")
_BASELINE_BREAK = re.compile(r"[;:()\"“”]|\s[-–—]+\s|--|[.!?][\"”']?\s|[-–—]\s*$")
_BASELINE_GOES_ON = re.compile(r"\s*(?:,\s*when\b|(?:to|until|through)\b)", re.I)
_FIGURE = re.compile(r"(?<![A-Za-z\d])(?:[$£€¥]|C\$|US\$)?\d[\d,.]*(?:%|bn|m|k|p)?(?![A-Za-z\d])")
_RANGE_WORDS = frozenset({"to", "into", "through", "until", "till", "and"})  # "from X to Y": Y's time is the result's
_YEAR_FIRST = re.compile(r"\s*(?:1[5-9]|20)\d\d\b(?!\s*(?:%|percent))")
# the current period dates the change itself: "hiked its alert level to 5 from 3 this week"
_NOW_PERIOD = re.compile(r"(?:this|today|tonight|now)\b", re.I)
MAX_CHANGE_WORDS = 15  # "fell to $715m (#450m) | from", "have risen to 2,148 since ... in December | from"
_SENTENCE_END = re.compile(r"[.!?][\"”']?\s+(?=[A-Z\"“])")
_CHANGE_WORDS = frozenset({"up", "down"})  # "(that was down from $1.93 trillion ...)"


def _words_before(text: str, at: int) -> list[str]:
    """The last MAX_CHANGE_WORDS words of the sentence before `at` (a comparison word)."""
    before = text[max(0, at - 200):at]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return before.split()[-MAX_CHANGE_WORDS:]


def _is_figure(word: str) -> bool:
    """A number or an amount ("$715m", "1,626", "19%"); a year is none ("In 2009 officials")."""
    return _FIGURE.search(word) is not None and not _YEAR_FIRST.fullmatch(word.strip(",;"))


def _follows_a_figure(text: str, at: int) -> bool:
    """Whether the sentence before `at` (a "versus") holds a figure: "a net loss of $2.3
    million versus"."""
    return any(_is_figure(w) for w in _words_before(text, at))


def _follows_a_change(text: str, at: int) -> bool:
    """Whether the sentence before `at` (a comparison's "from") tells a change in figures:
    "up"/"down" ("1,626 cases, up from"), or a figure after a change verb ("declined 8% to
    $85.7 million, from"; data/anchor_signals.json change_verbs) or right after "to" ("cut its
    forecast to 2% from"); not a number in the subject's noun phrase, where "from" tells a
    place of origin ("Some 300 officials from 20 major countries yesterday endorsed")."""
    words = _words_before(text, at)
    verbs = event_lists(ANCHOR_SIGNALS)["change_verbs"]
    changing = False
    for i, w in enumerate(words):
        bare = w.lower().strip("(,;")
        if bare in _CHANGE_WORDS:
            return True
        if bare in verbs:
            changing = True
        elif changing and _is_figure(w):
            return True
        elif bare == "to" and _FIGURE_AFTER_FROM.match(" ".join(words[i + 1:])) \
                and not _YEAR_FIRST.match(" ".join(words[i + 1:])):
            return True  # "to 2,254 from", "to about $35 from"; not "to 2009 from"
    return False


def _compares_with(text: str, t: Timex) -> bool:
    """Whether `t` dates the figure a result is compared with ("declined 8% to $85.7 million,
    from $93.3 million a year earlier", "compared with a year ago", "grew 19% from a year
    ago"), which dates no event of its clause (data/anchor_signals.json comparison_baseline):
    the comparison word, then nothing or a figure (a number within MAX_BASELINE_WORDS words, no
    clause break; after "from" the number comes first: not "removed the cap from the ocean
    floor at 1737GMT on Saturday", and a change comes before it (_follows_a_change): not
    "Some 300 officials from 20 countries yesterday endorsed"), then the time; "from" with no
    figure only after a change in figures ("19% from"), not "leave ... from March 30".
    "versus" only with a figure on both sides and a time counted back (comparison_versus). Not the current period ("this week",
    "today"), which dates the change itself."""
    if _NOW_PERIOD.match(t.text):
        return False
    left = text[max(0, t.start - 120):t.start]
    hit = None
    for hit in _comparison_signal().finditer(left):
        pass
    if hit is None or _BASELINE_GOES_ON.match(text, t.end):
        return False  # "bought from Sept. 14 to Thursday": a period; "from Oct. 13, when ...": its event
    between = left[hit.end():]
    words = [w.lower().strip(",") for w in between.split()]  # numbers too: "from | 20% | last year"
    figure = _FIGURE.search(between) is not None  # "$93.3 million", "20%", "1,364"; not "H1N1"
    if len(words) > MAX_BASELINE_WORDS or _BASELINE_BREAK.search(between) \
            or any(w in _RANGE_WORDS for w in words) or (words and not figure):
        return False  # "the protests against the war in 2003": no figure; "from 35 percent
        # several years ago to 51 percent this year": the time of the result, not the baseline
    if hit.group().lower() in event_lists(ANCHOR_SIGNALS)["comparison_versus"]:
        # "a net loss of $2.3 million versus net income of $5.3 million a year earlier": a
        # figure on both sides, a time counted back; not "5 percent versus 2 percent for the
        # index on Monday" (one time), nor "filing in June versus August" (two choices)
        back = event_lists(ANCHOR_SIGNALS)["counted_back"]
        return figure and _follows_a_figure(text, t.start - len(left) + hit.start()) \
            and any(w in back for w in t.text.lower().split())
    if hit.group().lower() == "from":
        if words:  # "from 2013 through 2019": a year opens a period, it is no figure
            return _FIGURE_AFTER_FROM.match(between) is not None and _YEAR_FIRST.match(between) is None \
                and _follows_a_change(text, t.start - len(left) + hit.start())
        return any(w.endswith("%") or w.lower() == "percent" for w in left[:hit.start()].split()[-3:])
    return True


@cache
def _noun_term_signal() -> re.Pattern[str]:
    words = sorted(event_lists(ANCHOR_SIGNALS)["noun_term"], key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"([A-Za-z]+)(\s*,?\s+)(?:{alts})\s+$", re.I)


MAX_SECURITY_WORDS = 4  # "$100 million of | senior | notes due": the amount or "of" before the noun


def _noun_term(text: str, t: Timex) -> bool:
    """Whether `t` is the term of the security named right before it ("$100 million of senior
    notes due Nov. 1, 2009", "5.7% bonds due 1993": when they mature; data/anchor_signals.json
    noun_term and securities): it dates no event of its clause. Only a bond, note or the like
    with an amount or "of" at most MAX_SECURITY_WORDS words before it; not after any other noun
    ("results due Tuesday", "an IMF loan due on June 30", "the next issue, due on Friday":
    scheduled then)."""
    m = _noun_term_signal().search(text, max(0, t.start - 60), t.start)
    if m is None or m.group(1).lower() not in event_lists(ANCHOR_SIGNALS)["securities"]:
        return False
    before = text[max(0, m.start(1) - 80):m.start(1)].split()[-MAX_SECURITY_WORDS:]
    return any(w.lower() == "of" or _FIGURE.search(w) for w in before)


_GLOSS_OPEN = re.compile(r"\s*\(\s*")


def _its_day(text: str, time: Timex, end: int, date: Timex) -> bool:
    """Whether `date`, written right after the clock time `time` (or after what restated it,
    ending at `end`), is that time's day ("1930 CDT on 1 June")."""
    return (time.type == "TIME" and date.type == "DATE" and bool(time.value and date.value)
            and time.value.startswith(date.value) and date_follows_time(text, end, date.start))


def _restates(text: str, prev: tuple[Timex, Interval, int], t: Timex, interval: Interval) -> bool:
    """Whether `t` only restates the time just before it (`prev`: that time, its interval, and
    where what restated it so far ends): in parentheses, the same instant in another zone
    ("1930 CDT (0030 GMT)"); or the day of that time, written after it ("1930 CDT on 1 June"):
    not a second event."""
    before, before_iv, end = prev
    if _GLOSS_OPEN.fullmatch(text, end, t.start) is not None:
        a, b = utc_interval(before, before_iv), utc_interval(t, interval)
        if a is None and b is not None:
            return _zone_gloss(text, before, before_iv, t, b)
        return a is not None and a == b
    return _its_day(text, before, end, t)


_GLOSS_CLOSE = re.compile(r"\s*\)")
ZONE_SPREAD = timedelta(hours=26)  # the clocks of the world's zones lie within 26 hours (UTC-12 to UTC+14)


def _zone_gloss(text: str, before: Timex, before_iv: Interval, t: Timex, t_utc: Interval) -> bool:
    """Whether `t`, a clock time in a named zone alone in parentheses right after the clock
    time `before` of no known zone, is that time restated for readers elsewhere: the wires'
    and the BBC's way of writing the local time first ("struck at 1653 local time (2153 GMT)
    on Tuesday", "at 10 a.m. (0800 GMT)"). The local zone is not known, so the two cannot be
    compared to the minute; they are one time when the bracket holds nothing else and the two
    clocks lie within the spread of the world's zones ("left at 1930 (arriving 0030 GMT 3
    June)" is another instant: the bracket holds more than the time)."""
    if before.type != "TIME" or t.type != "TIME" or _GLOSS_CLOSE.match(text, t.end) is None:
        return False
    return abs(before_iv.start - t_utc.start) <= ZONE_SPREAD


def _refers_back(t: Timex, interval: Interval, told: list[Interval]) -> bool:
    """Whether `t` only refers back to a day its sentence already told: counted from the date
    mentioned before it ("will pick up on July 18 ... and negotiate through the day": "the
    day" is July 18) and coming to a time a mention of the sentence has. One passage, one
    time: one mention, whose status is the sentence's ("will pick up": scheduled), not a
    second one from the words nearest the anaphor."""
    return t.anchor_kind == "narrative" and interval in told


def _with_its_date(text: str, timexes: list[Timex], k: int) -> Timex:
    """timexes[k], reaching over the date written right after it when that date is the time's
    day ("at 1930 CDT on 1 June"): what a label leaves out."""
    t = timexes[k]
    nxt = timexes[k + 1] if k + 1 < len(timexes) else None
    if nxt is None or not _its_day(text, t, t.end, nxt):
        return t
    return replace(t, end=nxt.end, text=text[t.start:nxt.end])


def find_mentions(doc: Document, timexes: list[Timex], cancel: Cancellation = NEVER,
                  dct_clauses: bool | str = False) -> list[Found]:
    """Event mentions of one document, each with a short label and its context words
    (`cancel` checked for each time expression: one article can hold thousands).

    dct_clauses: also the events of clauses that no time expression governs, dated by the
    publication when their grammar makes them news of that day (kerryview.events.clauses;
    merged apart from the rest: clauses.own_words): True in every sentence, clauses.NEWS
    ("news") in the news sentences only (the headline, the lead sentences, and sentences a
    time expression dates a clause of). The pipeline passes clauses.CLAUSE_EVENTS (NEWS by
    default); off here, so a caller sees the time-expression mentions alone."""
    text = doc.text
    blog = live_blog(text, doc.dct, timexes)  # "2055: ..." of a live blog: 20:55, not the year 2055
    sents = blog.sentences(text, split_at_head(text, sentence_spans(text)))  # each entry a sentence,
    # without its clock time; a headline run into the first sentence a sentence of its own
    starts = [s for s, _ in sents]
    contexts = ContextBuilder(text, sents, timexes)
    durations = [t for t in timexes if t.type == "DURATION"]
    out: list[Found] = []
    line = doc.dateline  # read with the file: the article's own date line is not an event
    lines = LineFilter(text, timexes)  # date lines, bylines, captions, copyright: never events
    leads = lead_passages(doc, sents, lines)
    prev: tuple[Timex, Interval, int] | None = None  # the last time, its interval, its end
    tx_starts = [u.start for u in timexes]
    told: dict[tuple[int, int], list[Interval]] = {}  # the times each passage has a mention of
    for k, t in enumerate(timexes):
        cancel.check()
        t = blog.retime(t)
        if t is None:
            continue  # a live blog's entry time, on no known day
        if t.type in ("DATE", "TIME"):
            interval, _mod = mention_dating(t)
        elif t.type == "DURATION":
            interval = _recent_period(t, doc.dct)
        else:
            continue
        if interval is None:
            continue
        if line and line.start <= t.start and t.end <= line.end + 1:
            continue  # the article's own date line is not an event
        if lines.reason(t.start) is not None or lines.in_prefix(t.start, t.end):
            continue
        if _starts_a_period(text, t):
            continue  # "since 1968": the clause's event is not on that date
        if _compares_with(text, t):
            continue  # "from $93.3 million a year earlier": the figure's time, not the event's
        if prev is not None and _restates(text, prev, t, interval):
            # "at 1930 CDT on 1 June (0030 GMT 2 June)": one time, said four times; what
            # follows is compared with the time, from the end of what restated it
            if (close := _GLOSS_CLOSE.match(text, t.end)) is not None:
                # the bracket closed: what follows it is said of the time outside it
                # ("1653 local time (2153 GMT) on Tuesday": Tuesday is 1653's day)
                prev = (prev[0], prev[1], close.end())
            else:
                prev = (t, interval, t.end) if t.type == "TIME" else (prev[0], prev[1], t.end)
            continue
        prev = (t, interval, t.end)
        at = blog.entry_words(t.start)  # an entry's clock time dates the entry's words
        i = bisect_right(starts, at) - 1
        sent = sents[i] if i >= 0 and sents[i][1] >= max(at, t.end) else (t.start, t.end)
        if line and sent[0] <= line.end < t.start:  # the passage starts after the date line
            rest = text[line.end:sent[1]]
            sent = (line.end + len(rest) - len(rest.lstrip()), sent[1])
        sent = blog.passage(sent[0], sent[1], t.start)  # one entry of a live blog
        body = lines.body_start(t.start)  # "... DUBAI, April 30 (Reuters) - The UAE said ..."
        if sent[0] < body <= t.start:
            rest = text[body:sent[1]]
            sent = (body + len(rest) - len(rest.lstrip()), sent[1])
        if why_not_event_sentence(text[sent[0]:sent[1]]) is not None:
            continue  # a question, a photo caption: no event, whatever dates it holds
        if _refers_back(t, interval, told.get(sent, [])):
            continue
        if _noun_term(text, t):
            continue  # "bonds due 1993": when the bonds mature, no event
        trigger = find_trigger(text, sent, t, timexes[max(0, k - 3):k + 4],
                               doc.dct is not None and interval.end <= datetime(doc.dct.year, doc.dct.month, doc.dct.day))
        duration = _duration_for(durations, sent, trigger, t)
        clause = text[sent[0]:sent[1]]
        status = _status(text, sent, t, interval.start, doc.dct)
        mention = EventMention(
            document_id=doc.id, start=sent[0], end=sent[1], text=clause, timex=t,
            trigger_start=trigger[0] if trigger else None,
            trigger_end=trigger[1] if trigger else None, status=status,
            resolution=explain(t, doc),
            duration=duration.value if duration else None,
            duration_mod=duration.mod if duration else None,
            position=_position(leads, sent))
        label = label_for(text, sent, trigger, _with_its_date(text, timexes, k), sents)
        label = with_antecedent(label, text, sents, sent, _is_verb, _describe)  # "He" -> who
        label = _item_label(text, sent, t, trigger,
                            timexes[bisect_left(tx_starts, sent[0]):bisect_left(tx_starts, sent[1])]) or label  # "..., from Antony Blinken in June to Janet Yellen in early July": each item
        label = recased(_without_heading(label, text, sent, timexes, tx_starts), text)  # no label in capitals
        if is_conditional(label):
            continue  # "If you take the price of gas in 1920 ...": what might be, no event
        out.append(Found(mention, label,
                         contexts.terms(t.start),
                         interval))
        told.setdefault(sent, []).append(interval)
    out.extend(_main_news(doc, leads, out, contexts, sents))
    if dct_clauses:
        news = None if dct_clauses is True else _news_end(leads, sents, lines, lead_sentences())
        out.extend(_clauses_of_the_day(doc, sents, out, timexes, lines, contexts, news,
                                       [(ld.start, ld.end) for ld in leads if ld.position == "headline"]))
    return _told_elsewhere(out, doc, max((ld.end for ld in leads if ld.position == "headline"), default=0))


def _told_elsewhere(found: list[Found], doc: Document, head_end: int = 0) -> list[Found]:
    """A publication-dated event (_main_news, _clauses_of_the_day: no time expression of its
    own) whose happening the article tells elsewhere, the first time in a clause a time
    expression dates as a happening of one day shortly before the publication, is of that day.
    The headline (clause_rules.json headline_told_below): "Hollywood's mermaid Esther Williams
    dies | ... Williams died early Thursday in her sleep" (published Friday): Thursday. A lead
    sentence or a clause of the day below (news_told_elsewhere): "An Indian warship captured 26
    Somali pirates. | ... The Navy captured the pirates on Thursday, a spokesman said": Thursday.
    One happening is told with event words of one kind (_telling_kind: "died", "dies", "death";
    "arrested", "arrest"; else one stem; below the headline only a kind event_kinds.json lists:
    "is better known", "has started drilling" tell a state or a phase) about a
    participant both tellings name (_shares_content_word); the first such telling only (a later
    one may be another happening of the same kind: "Seacom restored ... | ... have restored ...
    today | ... was restored at 10:57 on 11 October"); not a reporting verb (a report is of its
    own day), not a telling inside a clause of another happening ("two days after a bomber
    killed": told_below_other_clauses), not a verb right after an auxiliary of the present
    below (clause_rules.json present_auxiliaries: "A man has denied arson following a fire
    early on Sunday": the time is the fire's)."""
    if doc.dct is None:
        return found
    rules = clause_rules()
    head_days = int(next(iter(rules["headline_told_below"])))
    news_days = int(next(iter(rules["news_told_elsewhere"])))
    text = doc.text
    todo = [i for i, f in enumerate(found) if f.mention.dated_by == "publication"
            and f.mention.trigger_start is not None
            and (head_days if f.mention.position == "headline" else news_days) > 0]
    if not todo:
        return found
    by_trigger = {f.mention.trigger_start: f for f in found
                  if f.mention.trigger_start is not None and f.mention.position != "headline"}
    head_end = max([head_end] + [f.mention.end for f in found if f.mention.position == "headline"])
    stop = stopwords()
    words = [(w.start(), _telling_kind(text, w.start(), w.end())) for w in WORD.finditer(text, head_end)
             if w.group().lower() not in stop]
    out = list(found)
    for i in todo:
        m = found[i].mention
        kind = _telling_kind(text, m.trigger_start, m.trigger_end)
        headline = m.position == "headline"
        if kind is None or not (headline or kind in _listed_kinds()):
            continue  # a reporting verb, an occasion's noun ("the talks"): of its own day; below
            # the headline, only a kind event_kinds.json lists ("is better known", "has started
            # drilling": a state, a phase, no happening told again)
        first = next((at for at, k in words if k == kind and not m.start <= at < m.end
                      and not _in_other_clause(text, by_trigger.get(at), at)), None)
        below = by_trigger.get(first)
        mine = text[m.start:m.end] if headline else found[i].label
        day = None if below is None else _day_told(below, text, doc.dct, head_days if headline else news_days)
        if day is None or not _shares_content_word(mine, below.mention.text, lambda w: _word_kind(w) == kind):
            continue
        t = Timex(m.timex.start, m.timex.end, "", "DATE", day,
                  anchor=" ".join(below.mention.timex.text.split()), anchor_kind="told below")
        mention = replace(m, timex=t, dated_by="told below")
        mention.resolution = resolution_for(mention, doc)
        out[i] = Found(mention, found[i].label, found[i].context, value_interval(day))
    return out


def _telling_kind(text: str, a: int, b: int) -> str | None:
    """The kind of happening the event word text[a:b] tells (merge.told_with: the kinds of
    data/event_kinds.json, "died", "death": "die"; with the word after it, "passed away";
    else the word's stem), or None for a reporting verb or an occasion's noun, which say
    nothing of which happening."""
    after = re.match(r"\s+([A-Za-z]+)", text[b:b + 30])
    return _word_kind(text[a:b], after.group(1) if after else "")


@cache
def _listed_kinds() -> frozenset[str]:
    """The kinds of happening events/data/event_kinds.json lists ("die", "arrest")."""
    from kerryview.text.wordlists import event_kinds
    return frozenset(event_kinds().kinds.values())


@lru_cache(maxsize=1 << 16)
def _word_kind(word: str, after: str = "") -> str | None:
    """The kind of happening a word tells (_telling_kind), or None."""
    from kerryview.events.merge import told_with  # merge reads this module's Found
    told = told_with(word, after)
    return None if told is None else told.kind


def _in_other_clause(text: str, below: Found | None, at: int) -> bool:
    """Whether the word at `at` is inside a clause of another happening in its sentence ("two
    days after | a bomber killed ..."; clause_rules.json told_below_other_clauses)."""
    if below is None:
        return False
    openers = clause_rules()["told_below_other_clauses"]
    start = max(below.mention.start, *(text.rfind(c, below.mention.start, at) + 1 for c in ",;"))
    return any(w.group().lower() in openers for w in WORD.finditer(text, start, at))


def _shares_content_word(headline: str, passage: str, told: Callable[[str], bool]) -> bool:
    """Whether a passage shares a content word (not a stopword, not a reporting verb, not an
    event word that `told` marks as the happening's own) with the headline (or label) it may
    tell again, by regular forms ("Williams dies" | "Williams died")."""
    reports = reporting_verbs()["pure"]

    def forms(s: str) -> set[str]:
        return {f for w in WORD.finditer(s) if w.group().lower() not in stopwords()
                and w.group().lower() not in reports and not told(w.group())
                for f in _verb_forms(w.group().lower())}
    return bool(forms(headline) & forms(passage))


def _verb_forms(word: str) -> set[str]:
    """The word and the bases its regular endings may hide, to tell a headline's present
    from the past told below ("dies", "died": "die"; "foils", "foiled": "foil"; "carries",
    "carried": "carry"); bases of three letters or more."""
    out = {word, stem(word)}
    for end, base in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", "")):
        if word.endswith(end):
            out.add(word[:-len(end)] + base)
    return {w for w in out if len(w) >= 3}


def _day_told(f: Found, text: str, dct: date, days: int) -> str | None:
    """The day (ISO) of the happening a time-expression mention tells, when it is one day (or
    a part of it) at most `days` days before the publication day `dct`; or the value of its
    time (a weekend: "2013-W37-WE") when that is a span of days wholly before the publication
    day, from at most `days` days before it (clause_rules.json news_told_elsewhere: told as
    before the publication, whose day it is not). None otherwise, and when its verb comes
    right after an auxiliary of the present ("has denied", "is charged", "has been charged":
    told as of now, the time another word's)."""
    m = f.mention
    if m.dated_by != "time expression" or m.status != "happened" or f.interval is None:
        return None
    day = f.interval.start.date()
    midnight = datetime.combine(dct, datetime.min.time())
    if f.interval.granularity.day_or_finer \
            and f.interval.end <= datetime.combine(day + timedelta(days=1), datetime.min.time()) \
            and timedelta(0) < dct - day <= timedelta(days=days):
        told = day.isoformat()
    elif not f.interval.granularity.day_or_finer and f.interval.end <= midnight \
            and midnight - f.interval.start <= timedelta(days=days) and value_interval(m.timex.value) == f.interval:
        told = m.timex.value  # "the second climber to die in the park at the weekend"
    else:
        return None
    openers = clause_rules()["told_below_other_clauses"]
    if m.trigger_end <= m.timex.start and any(w.group().lower() in openers for w in WORD.finditer(text, m.trigger_end, m.timex.start)):
        return None  # "was charged with arson following the fire ... at the weekend": the fire's time
    before = [w.group().lower() for w in WORD.finditer(text, max(m.start, m.trigger_start - 30), m.trigger_start)]
    if before[-2:-1] and before[-1] == "been":  # "has been charged": the present perfect's passive
        before.pop()
    return None if before and before[-1] in clause_rules()["present_auxiliaries"] else told


def _news_end(leads: list[Lead], sents: list[tuple[int, int]], lines: LineFilter, n: int) -> int:
    """Where the top of an article's inverted pyramid ends: after its headline (if any) and
    the first `n` sentences of its body from the lead (date lines and bylines not counted)."""
    head = max((ld.end for ld in leads if ld.position == "headline"), default=0)
    body = min((ld.start for ld in leads if ld.position == "lead"), default=head)
    k = 0
    for a, b in sents:
        if b <= body or lines.reason(a) is not None:
            continue
        k += 1
        if k >= n:
            return b
    return sents[-1][1] if sents else 0


def _item_label(text: str, sent: tuple[int, int], t: Timex, trigger: tuple[int, int] | None,
                timexes: list[Timex]) -> str | None:
    """The label of a time expression that ends an item of a list of dated items
    (labels.dated_item): the clause's subject, without its own time expressions, then the item
    ("The visits of US officials to China in recent months aim ..., from Secretary of State
    Antony Blinken in June to ..." -> "The visits of US officials to China: Secretary of State
    Antony Blinken"); None when the time expression ends no such item or the clause has no
    subject."""
    item = dated_item(text, sent, (t.start, t.end), [(u.start, u.end) for u in timexes])
    if item is None:
        return None
    subject = subject_of(text, sent[0], item[2], _is_verb)
    if not subject and trigger is not None and trigger[1] <= item[2]:
        subject = _words_before_verb(text[sent[0]:trigger[0]])  # "The visits ... | aim to | improve"
    at = text.find(subject, sent[0], item[2]) if subject else -1
    if at < 0 or is_fragment(subject) or any(c in subject for c in ",;:\"“”"):
        return None
    words, read = [], at
    for u in timexes:  # "The visits ... in recent months": the subject's own date goes
        if at <= u.start and u.end <= at + len(subject):
            head = text[read:u.start]
            lead = _LEAD_IN.search(head)
            words.append(head[:lead.start()] if lead else head)
            read = u.end
    words.append(text[read:at + len(subject)])
    name = " ".join("".join(words).split()).strip(" ,;:")
    return f"{name[:1].upper()}{name[1:]}: {' '.join(text[item[0]:item[1]].split())}" if name else None


def _words_before_verb(head: str) -> str:
    """The words before a clause's verb group, given the words before its main verb: without
    an auxiliary ("will", "has") or a verb that takes "to" ("aim to", "plan to") at their end."""
    words = head.split()
    if len(words) >= 2 and words[-1] == "to" and words[-2].islower():
        words = words[:-2]  # "aim to", "plans to"
    while words and words[-1].lower() in event_lists(LEAD_RULES)["subject_verbs"]:
        words.pop()  # "will", "has"
    return " ".join(words) if len(words) >= 2 and words[-1][:1].isalnum() else ""


def _without_heading(label: str, text: str, sent: tuple[int, int], timexes: list[Timex],
                     tx_starts: list[int]) -> str:
    """`label` without the date that heads its passage when that date is another time
    expression's ("2000 Dr Murray opens a practice ..., expanding ... in 2006", "3 November 2011
    The case goes to the jury"): a chronology's entry heading, which dates another event."""
    head = len(text[sent[0]:sent[1]]) - len(text[sent[0]:sent[1]].lstrip(" \t\n\"“"))
    k = bisect_left(tx_starts, sent[0] + head)
    if k < len(timexes) and timexes[k].start == sent[0] + head:
        u = timexes[k].text
    else:  # a year or a clock time the tagger left ("2000 Dr Murray opens", "1815 Mr Obama says")
        u = m.group() if (m := re.match(r"\d{4}(?= )", text[sent[0] + head:sent[1]])) else ""
    rest = label[len(u):]
    if not u or not label.startswith(u) or not re.match(r"\s+[A-Z][a-z]", rest) or len(rest.split()) < 3:
        return label
    lists = event_lists(LEAD_RULES)
    first = rest.split()[0]
    if u.isdigit() and first not in lists["run_on_openers"] and first.lower() not in lists["person_titles"]:
        return label  # "2000 Americans died": a bare number heads an entry only before "The", "Dr"
    return rest.lstrip()


def _describe(text: str, span: tuple[int, int]) -> str:
    """The label of the event a sentence tells (its main event words, no date): what "This"
    in the next sentence stands for ("... the riser was cut. This was completed at 1930 CDT")."""
    if main_event_words(text, span, False, _is_verb) is None:
        return ""
    said = _ASIDE.sub(" ", text[span[0]:span[1]])  # "the riser - the pipe which ... - was cut"
    label = tidy(headline_label(_sequence_adverb().sub("", said)))  # never "... led by Tony Hayward who"
    return label[:1].upper() + label[1:]


# What a sentence told as a label leaves out: an aside between dashes or in parentheses, and an
# adverb that only orders it ("First, the riser was cut": data/lead_rules.json sequence_adverbs).
_ASIDE = re.compile(r"\s[-–—]\s[^-–—\n]{1,100}?\s[-–—]\s|\s*\([^()\n]{0,100}\)")


@cache
def _sequence_adverb() -> re.Pattern[str]:
    """A sequence adverb (data/lead_rules.json sequence_adverbs), capitalized, and its comma
    at the start of a sentence."""
    words = sorted(event_lists(LEAD_RULES)["sequence_adverbs"], key=lambda w: (-len(w), w))
    return re.compile(r"^\s*(?:" + "|".join(re.escape(w.capitalize()) for w in words) + r")\s*,\s*")


def _clauses_of_the_day(doc: Document, sents: list[tuple[int, int]], found: list[Found],
                        timexes: list[Timex], lines: LineFilter,
                        contexts: ContextBuilder, news_end: int | None = None,
                        headlines: list[tuple[int, int]] = ()) -> list[Found]:
    """The events of clauses that no time expression governs, dated by publication: each
    clause of each sentence (kerryview.events.clauses) without a dated time expression or the
    event words of a dated mention, whose grammar makes it news of the publication day.
    `news_end`: only the news sentences (clauses.NEWS): those before it (the headline and the
    lead sentences) and, after it, those a time expression dates a clause of; None: all."""
    if doc.dct is None:
        return []
    text = doc.text
    line = doc.dateline
    anchored = sorted([t.start for t in timexes if t.type in ("DATE", "TIME", "DURATION")
                       and governs_clause(text, t)]
                      + [f.mention.trigger_start for f in found if f.mention.trigger_start is not None
                         and anchors_clause(text, f.mention.timex, f.interval is not None
                                            and f.interval.granularity.day_or_finer)])
    # a time whose event words are a noun ("interest in Kopp as a suspect in three sniper
    # attacks between 1994 and 1997") dates that noun's event, not its clause's verb: the
    # clause is read as one no time dates (clause_rules.json noun_events_dated)
    by_noun = set()
    for f in found:
        m = f.mention
        if m.dated_by == "time expression" and m.trigger_start is not None and not _is_verb(
                text[m.trigger_start:m.trigger_end], text[max(0, m.trigger_start - 12):m.trigger_start]) \
                and _noun_only(text, m.start, m.trigger_start):
            by_noun |= {m.timex.start, m.trigger_start}
    clause_anchored = [x for x in anchored if x not in by_noun]
    today = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    breaks = cues()["phrase_breaks"]

    def frames(t: Timex, a: int) -> bool:
        """Whether `t` opens the sentence at `a` as its frame ("In 2005, ...": only prepositions
        before it, a comma after it) and dates it by a time that is not the publication day: a
        fronted time phrase dates the clauses of its scope (kerryview.timex.news.frame_scope_end:
        the coordinated ones too, up to a main clause whose time carries its own anchor)."""
        if t.type not in ("DATE", "TIME") or not text[t.end:t.end + 2].lstrip().startswith(","):
            return False
        if line and a < line.end <= t.start:
            a = line.end  # "LONDON (Reuters) - In 2005, ...": the sentence opens after the date line
        if any(w.lower() not in breaks for w in re.findall(r"[A-Za-z]+", text[a:t.start])):
            return False
        return another_day(t)

    def another_day(t: Timex) -> bool:
        """Whether `t` names a time that is not the publication day."""
        iv = value_interval(t.value)
        # (a difference, not today + a day: a DCT of 9999-12-31 has no next day)
        return iv is not None and (iv.end <= today or iv.start - today >= timedelta(days=1))

    def framed_until(frame: Timex, b: int, times: list[Timex]) -> int:
        """Where the clauses that `frame` (or a time of another day opening a new scope after
        it, "...; on Monday, the company settled, and the union called off its strike") keeps
        from the publication day end."""
        times = [t for t in times if t.type in ("DATE", "TIME") and t is not frame]
        spans = [(t.start, t.end) for t in times]
        end = frame.end
        while (cut := frame_scope_end(text, end, b, spans)) < b:
            new = next(t for t in times if t.start >= cut)  # the time of the new scope
            if not another_day(new):
                return cut  # "...; today, the company is paying the fine, and the union ...": news
            end = new.end
        return b

    keys = {f.mention.timex.start for f in found}
    tx = sorted(timexes, key=lambda t: t.start)
    tx_starts = [t.start for t in tx]
    leads = {f.mention.start for f in found if f.mention.dated_by == "publication"}
    day = doc.dct.isoformat()
    resolution = ""
    passages: dict[int, str] = {}
    out = []

    def _past_aside(aside: Clause | None) -> bool:
        """Whether the relative aside `aside` (after_aside) tells a past: its time expressions
        date mentions, all of them before the publication day ("who landed on Tuesday"; not
        "who will visit on Friday"), and no auxiliary of the present or the past perfect
        (clause_rules.json present_auxiliaries, past_perfect) carries its story up to another
        time ("which has lost almost 50% of its value since 20 April", "who had been missing
        since Monday")."""
        if aside is None:
            return False
        rules = clause_rules()
        if any(m.group().lower() in rules["present_auxiliaries"] or m.group().lower() in rules["past_perfect"]
               for m in WORD.finditer(text, aside.start, aside.end)):
            return False
        told = [f for f in found if f.mention.dated_by == "time expression"
                and aside.start <= f.mention.timex.start < aside.end]
        return bool(told) and all(f.interval is not None and f.interval.end <= today for f in told)

    def clause_event(cl: Clause, trigger: tuple[int, int], a: int, b: int,
                     before: Found | None = None, beside: Found | None = None) -> Found | None:
        """The event of clause `cl` of sentence text[a:b] with event words `trigger`, dated by
        the publication (by the day of `before`, the sentence before's dated mention, when
        given: narrative_day; by the time expression of `beside`, the dated mention of a
        clause beside it that happens at its time: simultaneous_subordinators); None when it
        has no label that reads as who did what."""
        nonlocal resolution
        if not_news(text, (a, b), cl, trigger, any(h0 <= a < h1 for h0, h1 in headlines)) is not None:
            return None  # the speaker's words, or a background state (clauses.not_news)
        kind = subject_elsewhere(text, cl, trigger, (a, b))
        aside_subject = ""
        if kind == "after aside":  # "Juanita Castro, who arrived in 1961, | believes": Castro
            aside = after_aside(text, (a, b), cl)
            if before is None and beside is None and _past_aside(aside):
                # "The troops, who landed on Tuesday, | quickly secured the airport": a past
                # told after a past aside (clause_rules.json relative_aside_end) is no state of
                # the publication day ("was carrying": background); a happening goes on on the
                # aside's day when it names one day (_narrative_day), is news of the day in the
                # lead and of no known day below it ("Mr Preval, who was elected in 2006, |
                # initiated reforms"); a report or a present is still the day's
                verb = _past_after_aside(text, cl)
                if verb == "state":
                    return None
                if verb == "happening":
                    told = [f for f in found if f.mention.dated_by == "time expression"
                            and f.mention.trigger_start is not None and aside.start <= f.mention.trigger_start < aside.end]
                    before = _narrative_day(text, ([f.mention.start for f in told], told), [(a, b)], doc.dct)
                    if before is None and news_end is not None and a >= news_end:
                        return None  # below the lead: a narrative in the past, of some day before
            aside_subject = antecedent_subject(text, (a, b), aside, _is_verb)
            if not aside_subject:
                kind = subject_elsewhere(text, cl, trigger)  # no antecedent found: as any clause
        if kind in ("relative", "none"):
            return None  # background to a noun, or a participle: no one did it in this clause
        # "RIYADH, June 3 (Reuters) - Saudi Arabia has confirmed ...": a clause after a wire
        # dateline is told from the end of the dateline (a headline's clause before it keeps
        # its own words: "* UN agency criticises Egypt order ... ROME, April 29 (Reuters) -")
        body = lines.body_start(a)
        span = (body, b) if a < body <= trigger[0] else (a, b)
        label = label_for(text, span, trigger, beside.mention.timex if beside is not None
                          else Timex(trigger[0], trigger[0], "", "DATE", day))
        if kind == "shared":  # "... and underlined the need": Wang underlined the need
            label = _with_subject(label, text, (a, b), trigger, sents, main_subject(text, (a, b), cl, _is_verb))
        elif kind == "relative subject":  # "The spill, which has been described": the spill
            label = _with_subject(label, text, (a, b), trigger, sents,
                                  antecedent_subject(text, (a, b), cl, _is_verb))
        elif kind == "after aside":
            first, words = WORD.search(text, cl.start, cl.end), label.split()
            if first is not None and words and words[0].lower() != first.group().lower():
                # read back into the aside ("Last week is handing ..."): from the clause's start
                words = label_for(text, (cl.start, b), trigger, Timex(trigger[0], trigger[0], "", "DATE", day)).split()
            if first is not None and words and words[0].lower() == first.group().lower():
                # the label reads from the clause's first word ("also visited ...",
                # "involves pumping ..."): the subject before it
                label = f"{aside_subject} {first.group()} {' '.join(words[1:])}"
            else:
                label = _with_subject(label, text, (a, b), trigger, sents, aside_subject)
        if not label or is_fragment(label, _conjunctions()) or _opens_with_preposition(label):
            return None  # "In a meeting at the Great Hall": not who did what; no event alone
        label = with_antecedent(label, text, sents, (a, b), _is_verb, _describe)  # "He" -> who
        if pronoun_kind(label.split()[0]) is not None and len(label.split()) <= MIN_PRONOUN_LABEL_WORDS:
            return None  # "He said", "He emphasized it": neither who nor what is told
        if not readable(label):
            return None  # "Kerry emphasized the need", "Kerry said in China, could redefine ..."
        keys.add(trigger[0])
        passage = passages.setdefault(a, text[a:b])  # one string for the sentence's clauses
        if beside is not None:  # "Ten people were killed | when an earthquake razed villages Sunday"
            mention = EventMention(
                document_id=doc.id, start=a, end=b, text=passage, timex=beside.mention.timex,
                trigger_start=trigger[0], trigger_end=trigger[1], status=beside.mention.status)
            mention.resolution = resolution_for(mention, doc)
            return Found(mention, label, contexts.sentence_terms(a), beside.interval)
        if before is not None:  # the day of the sentence before (narrative_day)
            said = before.interval.start.date().isoformat()
            # the anchor: the time expression of the sentence before, in words (resolution_for)
            t = Timex(trigger[0], trigger[0], "", "DATE", said, anchor=" ".join(before.mention.timex.text.split()),
                      anchor_kind="sentence before")
            status = _status(text, (a, b), t, before.interval.start, doc.dct)
            if status != "happened":
                return None  # "was supposed to meet": only a plan of that day, which it does not date
            mention = EventMention(
                document_id=doc.id, start=a, end=b, text=passage, timex=t,
                trigger_start=trigger[0], trigger_end=trigger[1], status=status,
                dated_by="sentence before")
            mention.resolution = resolution_for(mention, doc)
            return Found(mention, label, contexts.sentence_terms(a), value_interval(said))
        # an empty span at the event words: each clause's mention has its own place
        t = Timex(trigger[0], trigger[0], "", "DATE", day, anchor=day, anchor_kind="publication")
        mention = EventMention(
            document_id=doc.id, start=a, end=b, text=passage, timex=t,
            trigger_start=trigger[0], trigger_end=trigger[1], status="happened",
            dated_by="publication")
        resolution = resolution or resolution_for(mention, doc)  # the same for all
        mention.resolution = resolution
        # The clause events of one sentence share its words: copies to the merge
        # (merge.copy_groups), compared with other articles once, as one event. A report
        # ('"The levee will hold," said Mayor Smith', "Police said ...") is compared by what
        # was said: its speaker and its verb left out ("Witnesses report | people crying
        # out ...": what comes after the verb of its clause is what was said), and after an
        # inverted report the speaker and a description of the speaker ('said Mayor Smith, |
        # who heads the council'), or two things one speaker said would be one event.
        if text[trigger[0]:trigger[1]] in event_lists(LEAD_RULES)["pure_reporting"]:
            spans = clause_spans(text, (a, b), ())
            k = next((i for i, c in enumerate(spans) if c.start <= trigger[0] < c.end), None)
            if k is not None:
                cl = spans[k]
                if WORD.search(text, cl.start, trigger[0]) is None:  # "said Mayor Smith"
                    speaker = [(c.start, c.end) for c in spans[k:k + 2]
                               if c is cl or describes_speaker(text, c)]
                else:  # "Mayor Smith said", "Witnesses report"
                    speaker = [(cl.start, trigger[1])]
                return Found(mention, label, contexts.said_terms(a, speaker), value_interval(day))
        return Found(mention, label, contexts.sentence_terms(a), value_interval(day))

    quoted_reports = 0  # the reports below the lead taken with the quotation they carry

    def report_event(a: int, b: int) -> Found | None:
        """The report of the sentence text[a:b] below the lead, with no time expression
        ("Police said the roads are open."): the reporter's attribution, made for the article
        (clause_rules.json reports_below_lead); what was said is of no known day. Of the
        reports that carry a quotation, the article's first few (quoted_reports_below_lead)."""
        nonlocal quoted_reports
        spans = clause_spans(text, (a, b), ())
        # the report opens the sentence or ends it; after a quotation, a description of its
        # speaker may follow it ('``...,'' said Mayor Smith, | who heads the council')
        quoting = QUOTE_MARKS.match(text, a) is not None
        if quoting and quoted_reports >= _quoted_reports_cap():
            return None
        for cl in spans if quoting else spans[:1] + spans[-1:] if len(spans) > 1 else spans:
            said = statement_words(text, cl, (a, b))
            if said is not None and said[0] not in keys and said[0] >= lines.body_start(a) \
                    and _opens_with_its_report(text, a, said, b) \
                    and not _tells_past_happening(text, spans, said, b) \
                    and (found_one := clause_event(cl, said, a, b)) is not None:
                quoted_reports += quoting
                return found_one
        return None
        return None

    # the time-expression mentions by where their passage starts (_narrative_day)
    dated = sorted(((f.mention.start, i) for i, f in enumerate(found) if f.mention.dated_by == "time expression"
                    and f.mention.trigger_start is not None), key=lambda x: x[0])
    dated = ([s for s, _ in dated], [found[i] for _, i in dated])
    progressive = 0  # the sentences below the lead taken for their present progressive
    # the lead tells news of the publication day: a mention of the lead on that day
    # (clause_rules.json reactions_below_lead)
    story_today = news_end is not None and _reactions_below_lead() and any(
        f.mention.position == "lead" and f.interval is not None and today <= f.interval.start
        and f.interval.end - today <= timedelta(days=1) for f in found)  # (a DCT of 9999-12-31 has no next day)
    for k, (a, b) in enumerate(sents):
        now_only = False  # below the lead: only its first clause told in the present
        report_only = False  # below the lead, no time expression: only its report (reports_below_lead)
        before = None  # below the lead: the sentence before's dated mention it goes on from
        told_on = None  # its first clause and event words, which go on with that story
        reaction = None  # below the lead of a story of the day: its first clause's reaction
        if news_end is not None and a >= news_end:
            j = bisect_left(anchored, a)
            if j == len(anchored) or anchored[j] >= b:
                now = about_now(text, a, b)
                # "The company is negotiating with the Soviets": going on, a few of an article's
                going_on = not now and progressive < _progressive_cap() and progressive_now(text, a, b)
                progressive += going_on
                if not now and not going_on:
                    # not "Hong Kong was hit hard by the 2003 SARS outbreak": a time of its own
                    before = None if bisect_left(tx_starts, a) < bisect_left(tx_starts, b) \
                        or _narrative_break(text, a, b) else \
                        _narrative_day(text, dated, _unbroken(text, sents[max(0, k - _narrative_back()):k]),
                                       doc.dct, _told_on_publication_day(), told_on=True)
                    told_on = None if before is None or quoted(text, sents[k - 1], sents[k - 1][1]) \
                        else _happening_told_on(text, a, b, keys)  # (not the speaker's words going on)
                    if told_on is None:
                        before = None  # no happening told on: a reaction or a report may still be of the day
                    if before is None and story_today and bisect_left(tx_starts, a) == bisect_left(tx_starts, b) \
                            and not _narrative_break(text, a, b):
                        reaction = _reaction(text, a, b)  # "Clinton praised the ruling": of the day
                    if before is None and reaction is None:
                        if not _reports_below_lead() or bisect_left(tx_starts, a) < bisect_left(tx_starts, b) \
                                or not _may_report(text, a, b):
                            continue  # below the lead, and no time expression dates a clause of it
                        report_only = True  # "Police said a car was hit": the report, of the day
                else:
                    now_only = True  # "Officials say ...", "Russia has stalled ratification"
        if lines.reason(a) is not None or (line and a < line.end and line.start < b) \
                or why_not_event_sentence(text[a:b]) is not None:
            continue
        if reaction is not None:
            cl, trigger = reaction
            if trigger[0] not in keys and (found_one := clause_event(cl, trigger, a, b)) is not None:
                out.append(found_one)
            elif _reports_below_lead() and _may_report(text, a, b) \
                    and (found_one := report_event(a, b)) is not None:
                out.append(found_one)
            continue
        if report_only:
            if (found_one := report_event(a, b)) is not None:
                out.append(found_one)
            continue
        if before is not None:
            # "Williams was pulled over early Sunday. | He gave a blood sample.": the story
            # goes on, on that day (clause_rules.json narrative_day)
            cl, trigger = told_on
            if (found_one := clause_event(cl, trigger, a, b, before)) is not None:
                out.append(found_one)
            continue
        dated_report = False  # the clause before reports and a time expression dates it
        dated_before = False  # a time expression (or a dated mention) dates the clause before
        in_sentence = tx[bisect_left(tx_starts, a):bisect_left(tx_starts, b)]
        reported = False  # the clause before holds a reporting verb
        # "In 2005, ...": a time phrase that is not the publication day frames the sentence,
        # up to the end of its scope
        frame = next((t for t in in_sentence if frames(t, a)), None)
        framed = a if frame is None else framed_until(frame, b, in_sentence)
        told = False  # a clause of the sentence is an event of the day
        report_dated = False  # a time expression dates a report or its source (clauses.dates_report)
        statement: tuple[tuple[int, int], Clause] | None = None  # its first report, if none is
        spans = clause_spans(text, (a, b), in_sentence)

        def is_anchored(cl: Clause) -> bool:
            i = bisect_right(clause_anchored, cl.end - 1)
            return bool(i) and clause_anchored[i - 1] >= cl.start

        for n, cl in enumerate(spans):
            reported_before, reported = reported, reports(text, cl)
            if is_anchored(cl):
                # "said | on Wednesday | that ...": the time phrase dates the report before it
                dated_report = reported or (reported_before and time_phrase_only(text, cl, in_sentence))
                dated_before = True
                report_dated = report_dated or dates_report(text, cl, in_sentence, reported_before, _is_verb)
                if cl.start >= framed and (state := stative_now(text, cl, in_sentence)) is not None \
                        and state[0] not in keys and not any(
                            state[1] <= f.mention.trigger_start < cl.end for f in found
                            if f.mention.trigger_start is not None and f.mention.dated_by != "publication") \
                        and (found_one := clause_event(cl, state, a, b)) is not None:
                    # not "Obama wants to visit the Gulf on Friday": the time expression dates
                    # the event it is about ('visit'), and the state is the attitude toward it
                    told = True  # "She estimates her properties, worth $130m in October, ...": now
                    out.append(found_one)
                continue  # a time expression (or a dated mention's event words) is in it
            if cl.start < framed:
                if statement is None and (said := statement_words(text, cl, (a, b))) is not None \
                        and only_reports(text, said, b):
                    statement = said, cl  # "Last week, Freeh asked ..., | federal officials have
                    # said": the attribution is the reporter's, outside the frame
                continue  # "In 2005, an explosion killed 15 workers, | and the company was fined":
                # of the frame's time, or of no known day; not of the publication day
            if dated_report:
                dated_report = dated_before = False
                continue  # "said Tuesday | that the rebels attacked": before Tuesday, not the publication
            if dated_before and at_that_time(text, cl):
                dated_before = False
                continue  # "implied as much yesterday | when reporters asked": yesterday too
            dated_before = False
            trigger = publication_event_words(text, cl, _is_verb, b)
            if trigger is None:
                if statement is None and (said := statement_words(text, cl, (a, b))) is not None \
                        and not (now_only and not tells_now(text, cl, said)):
                    statement = said, cl
                continue
            # the clauses beside it that put their event at its time, dated by another day
            subordinate = [s for d in (1, -1) if 0 <= n + d < len(spans)
                           and at_that_time(text, s := spans[n + d]) and is_anchored(s)
                           and any(another_day(t) for t in in_sentence if s.start <= t.start < s.end)]
            if subordinate and text[trigger[0]:trigger[1]].lower() not in clause_rules()["stative_verbs"]:
                # "Ten people were killed | when an earthquake razed villages Sunday",
                # "When he became chief executive in 2007, | he told journalists ...": that time's
                # (not a state: "Cameron needs to be firm | when he talks to him this weekend")
                beside = next((f for s in subordinate for f in found if f.mention.dated_by == "time expression"
                               and s.start <= f.mention.timex.start < s.end and another_day(f.mention.timex)
                               and _clause_verb(text, s, f.mention.trigger_start)), None)
                if beside is not None and trigger[0] not in keys and not any(
                        f.mention.trigger_start == trigger[0] for f in found) \
                        and (found_one := clause_event(cl, trigger, a, b, beside=beside)) is not None:
                    out.append(found_one)
                    told = True
                continue
            if trigger[0] in keys or trigger[0] in by_noun or (a in leads and any(
                    f.mention.start == a and f.mention.trigger_start == trigger[0] for f in found)):
                told = True
                continue  # the headline or lead event already
            if now_only and not tells_now(text, cl, trigger):
                continue  # below the lead, a narrative in the past: of some day before
            found_one = clause_event(cl, trigger, a, b)
            if found_one is not None:
                told = True
                out.append(found_one)
                if now_only:
                    break  # one event of the day for a sentence below the lead
        if not told and statement is not None and not report_dated and statement[0][0] not in keys \
                and statement[0][0] >= lines.body_start(a) \
                and not _said_is_dated(text, found, spans, statement[0], b):
            # "Kopp's car was discovered last month, the FBI said": nothing else of the
            # sentence is news of the day, the statement is (clauses.statement_words);
            # not a headline's "UAE says ..." run into a wire dateline: its body tells the report
            found_one = clause_event(statement[1], statement[0], a, b)
            if found_one is not None:
                out.append(found_one)
                told = True
        if now_only and not told and _reports_below_lead() and _report_when_not_now() \
                and not in_sentence and _may_report(text, a, b) \
                and (found_one := report_event(a, b)) is not None:
            # "Juanita Castro said she has not visited the relatives": a look at its words took
            # it for a statement about now ('has'), but none of its clauses tells one; its
            # report is the reporter's attribution all the same (reports_below_lead)
            out.append(found_one)
    return out


def _noun_only(text: str, a: int, noun: int) -> bool:
    """Whether the event noun at `noun` (of a sentence starting at `a`) is the object of a
    preposition that makes it a complement of another noun or of an adjective (clause_rules.json
    noun_events_dated: "interest in Kopp as a suspect in | three sniper attacks between 1994
    and 1997", "returning from | a trip to Mexico on Sunday"), read back over its noun phrase:
    the time it holds is the noun's, not the clause verb's. Not after a temporal preposition
    ("raised those worries during | an appearance Sunday night"), a verb ("to air | the press
    conference last night"), nor as the clause's subject ("Last Friday's announcement was
    ...")."""
    prepositions = clause_rules()["noun_events_dated"]
    for w in reversed(_TOKEN.findall(text, a, noun)[-NOUN_PHRASE_WORDS:]):
        low = w.lower()
        if low in prepositions:
            return True
        if low in clause_rules()["noun_modifier_before"] or re.fullmatch(r"\d[\d,.]*", low):
            continue  # "a", "three": the noun phrase goes on
        if low in stopwords() or _is_verb(w, "x "):
            return False  # "during", "to air", "was": the verb is at the noun's time
    return False


def _narrative_break(text: str, a: int, b: int) -> bool:
    """Whether the sentence text[a:b] starts another story than the one told before it (up to
    `prev_end`): an opening that turns to another topic ("Meanwhile,", "In other news":
    clause_rules.json narrative_breaks). Not a paragraph break: wire copy makes a paragraph of
    each sentence or two ("In composite trading Friday, BellSouth shares fell 87.5 cents. ||
    LIN shares soared $4.625": one day's trading, TBAQ dev)."""
    opening = " ".join(w.lower() for w in WORD.findall(text, a, min(b, a + 40))[:4])
    return any(opening == w or opening.startswith(w + " ") for w in clause_rules()["narrative_breaks"])


def _unbroken(text: str, before: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences `before` a sentence back to the nearest break of the story
    (_narrative_break) among them."""
    for k in range(len(before) - 1, 0, -1):
        if _narrative_break(text, *before[k]):
            return before[k:]
    return before


def _narrative_day(text: str, dated: tuple[list[int], list[Found]], before: list[tuple[int, int]], dct: date,
                   same_day: bool = False, told_on: bool = False) -> Found | None:
    """The mention that dates the story of the nearest of the sentences `before` (the few
    right before a sentence, clause_rules.json narrative_day) with a time-expression mention
    (`dated`: those with event words, by where their passage starts, and the starts), when it
    puts it on one day before the publication day: a mention that happened, told in the simple
    past (_past_happening: not "Four vessels had docked by Thursday evening", nor a report), its
    time expression no limit ("by Thursday"), on a day or finer, every such mention of that
    sentence on that same day; with `same_day`, on the publication day itself too
    (clause_rules.json narrative_publication_day: "Two bombs exploded Friday. | At least 74
    were killed", in a paper of that Friday); with `told_on` (a sentence told on from it), not
    from a sentence that tells a statement about now (clauses.about_now: "Authorities say ...",
    "... is regarded as ...") nor one whose time stands in a phrase that shifts it, one of the
    two words before it in narrative_shifts ("before 3 June", "after the Sept. 11 attacks");
    None otherwise."""
    starts, mentions = dated
    for a, b in reversed(before):
        mine = mentions[bisect_left(starts, a):bisect_left(starts, b)]
        if not mine:
            continue
        if any(f.interval is None or not f.interval.granularity.day_or_finer
               or f.mention.status != "happened" for f in mine):
            return None
        if told_on and (about_now(text, a, b) or any(
                (w := _WORD_BEFORE.search(text, max(a, f.mention.timex.start - 30), f.mention.timex.start)) is not None
                and {(w.group(1) or "").lower(), w.group(2).lower()} & clause_rules()["narrative_shifts"] for f in mine)):
            return None  # "The estimate was for the flow before 3 June when a pipe was cut", "Authorities
            # say the workers became ill Wednesday", "The rig, which ... sank on 20 April, is regarded":
            # a limit or a statement about now, no reference time a narrative goes on from
        for f in mine:
            trigger = (f.mention.trigger_start, f.mention.trigger_end)
            cl = next((c for c in clause_spans(text, (a, b), ()) if c.start <= trigger[0] < c.end), None)
            if not _past_happening(text, trigger, a if cl is None else cl.start) \
                    or _deadline_before().search(text, max(a, f.mention.timex.start - 20), f.mention.timex.start):
                return None  # "Four vessels had docked by Thursday evening": no day the story goes on from
        day = mine[0].interval.start.date()
        top = datetime.combine(day, datetime.max.time())  # (not day + 1: a day of 9999-12-31 has none)
        if any(f.interval.start.date() != day or f.interval.end - timedelta(microseconds=1) > top for f in mine):
            return None  # two days, or a time across midnight
        return mine[0] if day < dct or (same_day and day == dct) else None
    return None


def _happening_told_on(text: str, a: int, b: int, keys: set[int]) -> tuple[Clause, tuple[int, int]] | None:
    """The first clause of the sentence text[a:b] and its event words when they tell a
    happening in the simple past that a story told on may date (narrative_day, _narrative_past):
    not one already dated (`keys`), not negated by a negative quantifier in its subject or right
    after its verb (negative_quantifiers), not a speech act gathered for the story, as a report is: a
    reaction (reaction_words, which reactions_below_lead dates: "Wang praised Kerry" after a
    sentence on the day before) or an attribution phrase at the verb (news_attribution:
    "Officials declined to comment"); not with a pronoun for its subject (_pronoun_subject:
    "He confessed", whose antecedent a sentence below the lead may not name); None otherwise."""
    cl = next(iter(clause_spans(text, (a, b), ())), None)
    trigger = publication_event_words(text, cl, _is_verb, b) if cl is not None else None
    if trigger is None or trigger[0] in keys or not _narrative_past(text, trigger, cl.start, b) \
            or quoted(text, (a, b), trigger[0]):
        return None  # ('"They took the stretcher in," Unger said': the speaker's words; its report may be the day's)
    if _reaction_words().fullmatch(text, *trigger) or _attribution().match(text, trigger[0]):
        return None  # "Wang praised Kerry", "Officials declined to comment": the reporter's sourcing
    negative = clause_rules()["negative_quantifiers"]
    subject = WORD.search(text, cl.start, trigger[0])
    after = WORD.match(text, trigger[1] + 1) if text[trigger[1]:trigger[1] + 1] == " " else None
    if any(m is not None and m.group().lower() in negative for m in (subject, after)):
        return None  # "No estimates were given", "He left no note": what did not happen
    if _pronoun_subject(text, cl.start, trigger):
        return None  # "Police arrested a mechanic on Sunday. | He confessed": who, a sentence below
        # the lead may not name (as reports_below_lead, reactions_below_lead)
    return cl, trigger


@cache
def _attribution() -> re.Pattern[str]:
    """An attribution phrase that opens at a clause's verb ("declined to comment"): the one list
    of timex/rules/news.json news_attribution."""
    from kerryview.timex.lexicon import alternation, table
    return re.compile(alternation(t for t in table("news_attribution") if " " in t) + r"\b", re.I)


def _told_on_publication_day() -> bool:
    """Whether a story told on from a sentence whose time expression names the publication day
    itself is dated by it too (clause_rules.json narrative_publication_day "number": 1 on)."""
    return bool(int(_clause_rules_raw()["narrative_publication_day"]["number"]))


def _quotes_speaker(text: str, a: int, b: int) -> bool:
    """Whether the sentence text[a:b] holds a quotation mark: its report carries the speaker's
    own words (clause_rules.json reports_below_lead: comment, not news of the day)."""
    return QUOTE_MARKS.search(text, a, b) is not None


def _may_report(text: str, a: int, b: int) -> bool:
    """A look at the words of the sentence text[a:b] before its clauses are read (most
    sentences below the lead fail it: they cost nothing more): no quotation mark
    (_quotes_speaker), and a finite reporting word in lower case (as statement_words reads
    one) that the sentence opens with (_opens_with_its_report; clause_rules.json
    reports_below_lead)."""
    reporting = event_lists(LEAD_RULES)["pure_reporting"]
    other = reporting_verbs()["other_forms"] | reporting_verbs()["opinion"]
    said = [(m.start(), m.end()) for m in WORD.finditer(text, a, b) if m.group() in reporting and m.group() not in other]
    if _quotes_speaker(text, a, b):
        return any(_report_after_quotation(text, a, s, b) for s in said)
    return any(_opens_with_its_report(text, a, s, b) for s in said)


def _opens_with_its_report(text: str, a: int, said: tuple[int, int], b: int) -> bool:
    """Whether the sentence from `a` opens with the subject of its report `said` ("Doctors
    said ...", "Canada said ..."): no opening phrase, conjunction or comma before the reporting
    verb ("At the time, doctors told ...", "If ..., he said"), nor a pronoun for its subject,
    whose antecedent a sentence below the lead may not name (clause_rules.json
    subject_pronouns); but a linking word that opens it, a coordinating conjunction or a
    linking adverb ("But an INS spokeswoman said ...", "However, Freeh said ...";
    clause_rules.json reports_after_link), is passed over. Or it ends with its report, a
    named speaker and the reporting verb after a comma ("..., Oneida said":
    _closes_with_its_report)."""
    if _closes_with_its_report(text, a, said, b) or _report_after_quotation(text, a, said, b):
        return True
    first = WORD.match(text, a) or WORD.search(text, a, said[0])
    if first is not None and _reports_after_link() and first.group().lower() in _report_links():
        a = first.end()
        a += len(text[a:said[0]]) - len(text[a:said[0]].lstrip(" ,"))  # "However, Freeh said"
    words = [w.lower() for w in WORD.findall(text, a, said[0])]
    if not words or "," in text[a:said[0]] or re.search(r"[;:()]|--|—", text[a:said[0]]):
        return False
    rules = clause_rules()
    return words[0] not in cues()["phrase_breaks"] and words[0] not in _conjunctions() \
        and not (len(words) == 1 and words[0] in rules["subject_pronouns"])


def _closes_with_its_report(text: str, a: int, said: tuple[int, int], b: int) -> bool:
    """Whether the report `said` ends the sentence text[a:b], after a comma, with a noun phrase
    for its subject ("The move rewards shareholders, Oneida said.", "..., Johnson said at a
    press conference": labels.only_reports), what was said before it (clause_rules.json
    reports_closing_below_lead), its label naming the speaker ("Oneida: The move rewards
    shareholders"; labels.reported_span). Not a pronoun for its subject nor a noun that refers
    back to a name ("..., he said", "..., the company said": the label would tell what was said
    without who said it); not a verb joined to the sentence's subject or a clause of comparison
    ("..., and reported symptoms", "..., as Hay explained": a conjunction or a preposition
    before the subject); not a report of a report ("He said ..., the State Department said")."""
    if not _reports_closing() or not only_reports(text, said, b):
        return False
    head = text[a:said[0]]
    cut = head.rfind(",")
    if cut < 0 or not WORD.search(head, 0, cut):
        return False
    words = [w.lower() for w in WORD.findall(head, cut + 1)]
    if len(words) > int(next(iter(clause_rules()["reporting_tail_words"]))):
        return False
    if not words or words[0] in _conjunctions() or words[0] in cues()["phrase_breaks"]:
        return False  # "..., and reported symptoms", "..., as Hay explained"
    start = a + cut + 1 + len(head[cut + 1:]) - len(head[cut + 1:].lstrip())
    reporting = event_lists(LEAD_RULES)["pure_reporting"] - reporting_verbs()["other_forms"]
    if any(w in reporting for w in WORD.findall(text, a, start)):
        return False  # "He said holding warming ... would require ..., the State Department said": a
        # report told in a report, whose label would open with the one inside
    reported = reported_span(text, (a, b), start, len(text[:b].rstrip(" .\n")), said)
    return reported is not None and bool(reported[2])  # a speaker the label names ("Oneida:"),
    # not a pronoun nor a noun that refers back ("he said", "the company said": labels.reported_span)


def _report_after_quotation(text: str, a: int, said: tuple[int, int], b: int) -> bool:
    """Whether the sentence text[a:b] is a direct quotation and then its report, the speaker
    named ('``It is very frustrating,'' said Ms. Buckham.', '``I feel for this child,'' Juanita
    Castro said.'; clause_rules.json quoted_reports_below_lead): it opens with a quotation mark,
    its last quotation mark closes the quotation right before the report (a comma and the
    speaker between at most), and the speaker, before or right after the reporting verb, is
    named: not a pronoun nor a noun that refers back ('he said', 'the company said')."""
    if not _quoted_reports() or not QUOTE_MARKS.match(text[a:b].lstrip()):
        return False
    last = None
    for last in QUOTE_MARKS.finditer(text, a, b):
        pass
    if last is None or last.end() > said[0]:
        return False
    between = text[last.end():said[0]]
    if re.search(r"[^\w\s,.'-]", between):
        return False
    before = [w.lower() for w in WORD.findall(between)]
    if len(before) > int(next(iter(clause_rules()["reporting_tail_words"]))):
        return False
    if before:  # '``...,'' Juanita Castro said'
        speaker = before
        if text[said[1]:b].strip(" ,.\n") and not only_reports(text, said, b):
            return False
    else:  # '``...,'' said Ms. Buckham, a sponsor of the ceremony' (not 'said the official')
        return inverted_speaker(text, said, b) is not None
    lists = event_lists(LEAD_RULES)
    if not speaker or (len(speaker) == 1 and speaker[0] in lists["pronoun_subjects"]) \
            or speaker[0] in lists["referring_speakers"]:
        return False
    return True


def _report_links() -> frozenset[str]:
    """The linking words a report below the lead may open with (clause_rules.json
    reports_after_link): the coordinating conjunctions and the linking adverbs."""
    return cues()["coordinating_conjunctions"] | event_lists(LEAD_RULES)["sentence_adverbs"]


def _progressive_cap() -> int:
    """How many sentences below the lead of one article its present progressive makes news of
    the day at most (clause_rules.json progressive_per_article; 0: progressive_now is off)."""
    return int(_clause_rules_raw()["progressive_per_article"]["number"])


def _report_when_not_now() -> bool:
    """Whether a report below the lead is taken from a sentence that looked like a statement
    about now but tells none (clause_rules.json reports_below_lead "when_not_now": 1 on)."""
    return bool(int(_clause_rules_raw()["reports_below_lead"]["when_not_now"]))


def _reports_after_link() -> bool:
    """Whether a report below the lead may open with a linking word (clause_rules.json
    reports_after_link "number": 1 on, 0 off)."""
    return bool(int(_clause_rules_raw()["reports_after_link"]["number"]))


def _quoted_reports() -> bool:
    """Whether a report below the lead may carry a direct quotation (clause_rules.json
    quoted_reports_below_lead "number": 1 on, 0 off)."""
    return bool(int(_clause_rules_raw()["quoted_reports_below_lead"]["number"]))


def _quoted_reports_cap() -> int:
    """How many reports that carry a quotation one article's sentences below the lead make
    events of the day at most (clause_rules.json quoted_reports_below_lead "per_article")."""
    return int(_clause_rules_raw()["quoted_reports_below_lead"]["per_article"])


def _reports_closing() -> bool:
    """Whether a report below the lead may end its sentence (clause_rules.json
    reports_closing_below_lead "number": 1 on, 0 off)."""
    return bool(int(_clause_rules_raw()["reports_closing_below_lead"]["number"]))


def _said_is_dated(text: str, found: list[Found], spans: list[Clause], said: tuple[int, int], end: int) -> bool:
    """Whether the report at `said` closes its sentence (ending at `end`) as the attribution
    after what was said (labels.only_reports), and the sentence's first clause, what was said,
    is on the timeline already, dated by its own time expression ("The first tremor hit at
    1653 local time on Tuesday, the US Geological Survey said"): reporting alone is no event,
    what was said is (issue #9), and a second event of the publication day labelled with
    Tuesday's happening would show it twice, once on a day it did not happen. Not a report
    that opens its sentence ("The US government says the spill is the biggest ever, ... before
    the well was capped on 15 July"), nor one whose first clause no time dates ("Canadian
    diplomats are racing to help a citizen who sent a text message on Tuesday, the minister
    said"): what was said may be news of the day beside a dated detail; nor one of a plan
    ("The group would be ready to leave as soon as Tuesday, Castro said"): the plan is not
    yet a happening, and saying it is the day's news."""
    if not spans or not int(_clause_rules_raw()["reports_of_dated_content"]["number"]) \
            or not only_reports(text, said, end):
        return False
    first = spans[0]
    if any(first.end <= c.start and c.end <= said[0] and (j := _coordinator(text, c.start, c.end, first_only=True))
           and _joined_clause(text[j:c.end]) for c in spans):
        return False  # a clause joined to what was said may be the day's news
    for f in found:
        m = f.mention
        if m.dated_by == "time expression" and m.status == "happened" and m.trigger_start is not None \
                and first.start <= m.trigger_start < min(first.end, said[0]):
            lo, hi = max(m.trigger_end, m.timex.end), min(first.end, said[0])
            joined = _coordinator(text, lo, hi)
            # "Talks collapsed last week and no new date has been set, the minister said": a
            # second clause joined to the dated one may be the day's news
            return not joined or not _joined_clause(text[joined:hi])
    return False


def _coordinator(text: str, lo: int, hi: int, first_only: bool = False) -> int:
    """Where the words after the first coordinating conjunction of text[lo:hi] start
    (data/event_cues.json coordinating_conjunctions: "and", "but"); with `first_only`, only
    when the span's first word is one; 0 when there is none."""
    for w in WORD.finditer(text, lo, hi):
        if w.group().lower() in cues()["coordinating_conjunctions"]:
            return w.end()
        if first_only:
            return 0
    return 0


def _joined_clause(words: str) -> bool:
    """Whether `words`, after a coordinating conjunction, are a clause of their own: a subject
    (a first word that is no verb) and a finite verb ("and no new date has been set"); not a
    second verb of the same subject ("struck Haiti on Tuesday and was felt as far as Cuba"),
    which tells the same happening."""
    first = WORD.search(words)
    return first is not None and not _is_verb(first.group(), "x ", finite=True) \
        and has_finite_verb(words[first.start():])


def _tells_past_happening(text: str, spans: list[Clause], said: tuple[int, int], end: int) -> bool:
    """Whether a clause of a sentence besides its report `said` tells its event in the simple
    past ("Police said a car was hit"): what was said happened on some earlier day. Not the
    words of a direct quotation, the speaker's own ('``We pulled someone out,'' said Besson':
    clause_rules.json quoted_reports_below_lead), which tell no narrative of the reporter's."""
    for cl in spans:
        if cl.start <= said[0] < cl.end:
            continue
        trig = publication_event_words(text, cl, _is_verb, end)
        if trig is not None and _past_form().fullmatch(text[trig[0]:trig[1]]) \
                and not quoted(text, (spans[0].start, end), trig[0]):
            return True
    return False


def _reports_below_lead() -> bool:
    """Whether a report below the lead, in a sentence with no time expression, is an event of
    the publication day (clause_rules.json reports_below_lead "number": 1 on, 0 off)."""
    return bool(int(_clause_rules_raw()["reports_below_lead"]["number"]))


def _narrative_back() -> int:
    """How many sentences back the time of a story told on may stand (clause_rules.json
    narrative_day "number"; 0: the rule is off)."""
    return int(_clause_rules_raw()["narrative_day"]["number"])


@cache
def _clause_rules_raw() -> dict:
    import json
    from importlib.resources import files
    return json.loads((files("kerryview.events") / "data" / "clause_rules.json").read_text(encoding="utf-8"))


@cache
def _past_form() -> re.Pattern[str]:
    return re.compile(past_verb_pattern(), re.I)


@cache
def _deadline_before() -> re.Pattern[str]:
    """A preposition of a limit right before a time expression ("had docked | by | Thursday"):
    the one list of timex/rules/narrative.json past_perfect_limit_preposition."""
    from kerryview.timex.lexicon import alternation, table
    return re.compile(r"\b" + alternation(table("past_perfect_limit_preposition")) + r"\s+(?:the\s+)?$", re.I)


def _past_state(text: str, trigger: tuple[int, int]) -> bool:
    """Whether a past form tells a state or background, not a happening (clause_rules.json
    past_states): the past of a stative verb (stative_verbs, background_states: "owned",
    "expected") or a word or two of past_states ("knew", "grew up")."""
    rules = clause_rules()
    word = text[trigger[0]:trigger[1]].lower()
    nxt = WORD.match(text, trigger[1] + 1) if text[trigger[1]:trigger[1] + 1] == " " else None
    if word in rules["past_states"] or (nxt and f"{word} {nxt.group().lower()}" in rules["past_states"]):
        return True
    states = rules["stative_verbs"] | rules["background_states"]
    if word.endswith("ed"):  # "owned", "hoped", "preferred"
        stems = {word[:-2], word[:-1]} | ({word[:-3]} if word[-3:-2] == word[-4:-3] else set())
        return bool(stems & states)
    return False


def _past_after_aside(text: str, cl: Clause) -> str | None:
    """How the clause `cl` right after a relative aside (after_aside) tells its event by its
    finite verb, its first word after adverbs_before_verb or words in -ly (asides_before_verb):
    "state" for the past progressive ("was"/"were" before a form in -ing: "was carrying 300
    passengers", what went on at the aside's time); "happening" for a happening in the simple
    past (_past_happening: "secured", "were killed"; not a report, "said", nor a stative verb);
    None for any other verb (a present, a perfect, a future, a report, a state)."""
    rules = clause_rules()
    words = [m for m in WORD.finditer(text, cl.start, cl.end)
             if not (m.group().lower() in rules["adverbs_before_verb"] or m.group().lower().endswith("ly"))]
    if not words:
        return None
    verb = (words[0].start(), words[0].end())
    if words[0].group().lower() in rules["past_passive_auxiliaries"]:
        nxt = words[1].group().lower() if len(words) > 1 else ""
        if nxt.endswith("ing"):
            return "state"  # "was carrying 300 passengers"
        if not _past_form().fullmatch(nxt):
            return None  # "was the worst"
        verb = (words[1].start(), words[1].end())  # "were killed"
    return "happening" if _past_happening(text, verb, cl.start) else None


def _past_happening(text: str, trigger: tuple[int, int], start: int) -> bool:
    """Whether a clause's event words (its clause from `start`) tell a happening in the simple
    past: a past form, not a report (reporting_verbs.json: a report is the reporter's, of the
    publication day), not a state (_past_state), not a plan ("was expected to meet",
    tense_cues.json plan_words), not after an auxiliary of the present or the past perfect
    ("is designed", "had docked") nor a word of doubt ("allegedly fled", event_cues.json
    uncertain_cues)."""
    word = text[trigger[0]:trigger[1]].lower()
    if not _past_form().fullmatch(word) or any(word in forms for forms in reporting_verbs().values()):
        return False
    if _past_state(text, trigger):
        return False  # "Transocean owned the rig", "Both men grew up in Texas": background
    if word in tense_cues()["plan_words"] and re.match(r"\s+(?:to|for)\b", text[trigger[1]:], re.I):
        return False  # "He was expected to meet officials": a plan, not a happening
    rules = clause_rules()
    before = [m.group().lower() for m in WORD.finditer(text, start, trigger[0])]
    doubt = cues()["uncertain_cues"]
    return not any(w in rules["present_auxiliaries"] or w in rules["past_perfect"] or w in doubt
                   for w in before)  # "The toll is rising, with ten feared dead", "had fled"


def _reduced_relative(text: str, trigger: tuple[int, int], end: int) -> bool:
    """Whether a past form right after a noun is a participle that modifies it: a finite
    auxiliary follows it in its sentence (up to `end`, a clause word of its own or a dash
    aside skipped) before any conjunction ("Money donated to the fund | is being spent")."""
    rules = clause_rules()
    rest = re.sub(r"\s[-–—]\s.*?\s[-–—]\s", lambda m: " " * len(m.group()), text[trigger[1]:end])
    aux = rules["present_auxiliaries"] | rules["past_passive_auxiliaries"] | rules["past_perfect"]
    for m in WORD.finditer(rest):
        w = m.group().lower()
        if w in rules["subordinators"] or w in rules["coordinators"]:
            return False
        if w in aux or w in modals()["modals"]:
            return True
    return False


def _reactions_below_lead() -> bool:
    """Whether a reaction below the lead of a story of the publication day is an event of that
    day (clause_rules.json reactions_below_lead "number": 1 on, 0 off)."""
    return bool(int(_clause_rules_raw()["reactions_below_lead"]["number"]))


@cache
def _reaction_words() -> re.Pattern[str]:
    words = clause_rules()["reaction_words"]
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


def _reaction(text: str, a: int, b: int) -> tuple[Clause, tuple[int, int]] | None:
    """The first clause of the sentence text[a:b] and its event words when they tell a
    reaction in the simple past (clause_rules.json reactions_below_lead: "Clinton praised the
    ruling", "Gov. Jeb Bush also asked ..."), right after its subject (_after_its_subject), the
    first verb of its clause, with words of its own after it (its object), not after an
    auxiliary, a modal or a word of doubt, its subject no pronoun; None otherwise. A look for a
    reaction word first: most sentences have none and cost nothing more."""
    if _reaction_words().search(text, a, b) is None:
        return None
    spans = clause_spans(text, (a, b), ())
    if len(spans) > 1 and (said := statement_words(text, spans[-1], (a, b))) is not None \
            and only_reports(text, said, b):
        return None  # "Li urged rich countries ..., the official Xinhua news agency reported": what
        # a source reported, a report's sentence (reports_closing_below_lead)
    cl = next(iter(spans), None)
    word = _reaction_words().search(text, cl.start, cl.end) if cl is not None else None
    if word is None:
        return None
    trigger = word.span()
    rules = clause_rules()
    no = rules["present_auxiliaries"] | rules["past_perfect"] | cues()["uncertain_cues"] | modals()["modals"]
    before = list(WORD.finditer(text, cl.start, trigger[0]))
    if any(m.group().lower() in no for m in before):
        return None  # "has praised": a statement about now (statements_about_now); "had", "would", "allegedly"
    if any(_is_verb(m.group(), prev := text[max(cl.start, m.start() - 12):m.start()])
           or _is_verb(m.group(), prev, finite=True) or (m.group().islower() and m.group().endswith("ing"))
           for m in before):
        return None  # "The community provided ... what the review called ...", "Haiti still faces
        # problems, with the money promised ...", "Boldly inhabiting what the company called":
        # another verb's clause, not the reaction's
    if not any(m.group().lower() not in rules["subordinators"] for m in WORD.finditer(text, trigger[1], cl.end)):
        return None  # "BP denied | that ...", "Svanberg pledged that | \"we will ...\"": the label
        # would end at the verb, what was denied or pledged in another clause
    if _pronoun_subject(text, cl.start, trigger):
        return None  # "He promised the country ...": who, a sentence below the lead may not name
    return (cl, trigger) if _after_its_subject(text, trigger, cl.start, b) else None


def _pronoun_subject(text: str, start: int, trigger: tuple[int, int]) -> bool:
    """Whether the subject of the verb at `trigger` (its clause from `start`) is a lone pronoun
    (clause_rules.json subject_pronouns: "He promised ...", "But it appealed ...", "She was
    flown ..."), adverbs, a linking word that opens it (reports_after_link) and a passive
    auxiliary passed over: whom a sentence below the lead may not name, its antecedent open to
    be resolved to the wrong person ("Police arrested a mechanic on Sunday. | He confessed",
    labelled "The state governor confessed" after a lead that named the governor)."""
    rules = clause_rules()
    subject = [w for m in WORD.finditer(text, start, trigger[0]) if (w := m.group().lower())
               not in rules["adverbs_before_verb"] and not w.endswith("ly") and w not in rules["past_passive_auxiliaries"]]
    while subject and subject[0] in _report_links():
        subject.pop(0)  # "But it appealed ...", "However, the mayor praised ..."
    return len(subject) == 1 and subject[0] in rules["subject_pronouns"]


def _narrative_past(text: str, trigger: tuple[int, int], start: int, end: int) -> bool:
    """Whether a clause's event words (its clause from `start`, its sentence up to `end`) are
    a verb in the simple past, active or passive, that tells a happening (clause_rules.json
    narrative_day, _past_happening): a past form right after its subject ("The men fled") or
    after "was"/"were" ("were killed"), not a participle after a determiner ("An estimated
    4.9m barrels") or modifying a noun ("Money donated to the fund is being spent"; "It
    comprises ... metres poised": a subject pronoun before it has its verb), and no
    word before it in its clause that moves the story to another time ("He was later
    spotted", "After the explosion, BP sent": narrative_shifts)."""
    return _past_happening(text, trigger, start) and _after_its_subject(text, trigger, start, end)


def _after_its_subject(text: str, trigger: tuple[int, int], start: int, end: int) -> bool:
    """Whether the past form at `trigger` (its clause from `start`, its sentence up to `end`)
    is the verb of the subject right before it ("The men fled", "were killed"), not a participle
    (_narrative_past), and no word before it moves the story to another time (narrative_shifts)."""
    rules = clause_rules()
    before = list(WORD.finditer(text, start, trigger[0]))
    if any(m.group().lower() in rules["narrative_shifts"] for m in before):
        return False
    while before and (before[-1].group().lower() in rules["adverbs_before_verb"]
                      or before[-1].group().lower().endswith("ly")):
        before.pop()  # "Directors also met"
    if not before or re.search(r"[^\w\s'’-]", text[before[-1].end():trigger[0]]):
        return False  # "..., presumed dead": no subject right before it
    pronoun = [k for k, m in enumerate(before) if m.group().lower() in rules["subject_pronouns"]]
    if pronoun and any(m.group().lower() not in rules["past_passive_auxiliaries"] for m in before[pronoun[-1] + 1:]):
        return False  # "It comprises ... metres poised to come ashore": the pronoun's verb came before
    w = before[-1].group().lower().replace("’", "'")
    if w in rules["past_passive_auxiliaries"]:
        return True  # "were killed"
    if w in rules["progressive_auxiliaries"] or w in rules["present_auxiliaries"] \
            or w.endswith(("'ve", "'s", "'re", "'d", "'m")) or w in ("be", "being", "been", "had"):
        return False  # "is designed", "We've identified"
    return ends_subject(text[max(start, before[-1].start() - 40):before[-1].end()] + " ") \
        and not _reduced_relative(text, trigger, end)


MIN_PRONOUN_LABEL_WORDS = 3  # a clause event's label led by a pronoun no name replaced needs more


def readable(label: str) -> bool:
    """Whether a clause event's label reads whole: not cut before the complement its last
    word needs (data/event_cues.json needs_complement: "Kerry emphasized the need"), and no
    comma runs into a modal that has lost its subject ("This, he said in China, could
    redefine ...": the report stands inside what it reports; clause_rules.json
    not_dated_words)."""
    words = label.split()
    if not words or words[-1].lower().strip(",;:") in cues()["needs_complement"]:
        return False
    return not any(m.group(1).lower() in clause_rules()["not_dated_words"]
                   for m in re.finditer(r",\s+([A-Za-z']+)", label))


def _opens_with_preposition(label: str) -> bool:
    """Whether a label opens with a preposition (data/event_cues.json phrase_breaks, less the
    words that open a clause, "As the buildup continues", or are verbs): a prepositional phrase ("In a meeting at the Great
    Hall"), not who did what; so is a label that opens with any of lead_rules.json prepositions
    and has no finite verb ("Despite problems in the north of the port")."""
    first = label.split()[0].lower() if label.split() else ""
    rules = clause_rules()
    if first in event_lists(LEAD_RULES)["prepositions"] and not has_finite_verb(label) \
            and not opens_with_quantity(label):
        return True  # "Despite problems in the north of the port": the phrase alone, no clause
    return first in cues()["phrase_breaks"] and first not in rules["subordinators"] \
        and first not in _conjunctions() and first not in event_lists(LEAD_RULES)["subject_verbs"] \
        and not opens_with_quantity(label)


def _with_subject(label: str, text: str, sent: tuple[int, int], trigger: tuple[int, int],
                  sents: list[tuple[int, int]], subject: str) -> str:
    """The label of a clause whose subject stands elsewhere (clauses.subject_elsewhere), with
    that `subject` (clauses.main_subject, clauses.antecedent_subject): "Underlined the need"
    -> "Wang underlined the need"; "He" -> who he is, as for any label. "" when no subject
    was found cleanly: the clause is not labelled alone, not even by the label label_for
    reads back in another clause. With a subject, a label that label_for took back into the
    clause before (it reads from a subject already) is kept."""
    words = label.split()
    while words and words[0].lower().strip(",") in _conjunctions() | clause_rules()["relative_pronouns"]:
        words.pop(0)
    if not words or not subject:
        return ""  # not "Talks could provide ..." for "..., which have been mired in disputes"
    verb = text[trigger[0]:trigger[1]].lower()
    group = clause_rules()["shared_subject_auxiliaries"]
    if words[0].lower() != verb and words[0].lower() not in group:
        # read back into another clause ('An old friend" and has also called for'): from the
        # verb group on, else the label of a subject already
        at = next((i for i, w in enumerate(words) if w.lower() == verb or w.lower() in group), None)
        if at is None or not any(w.lower().strip(",") in _conjunctions() for w in words[:at]):
            return label
        words = words[at:]
    said = f"{subject} {words[0].lower()} {' '.join(words[1:])}".strip()
    return with_antecedent(said[:1].upper() + said[1:], text, sents, sent, _is_verb, _describe)


def _position(leads: list[Lead], sent: tuple[int, int]) -> str:
    return next((ld.position for ld in leads if ld.start <= sent[0] < ld.end
                 or sent[0] <= ld.start < sent[1]), "")


def _main_news(doc: Document, leads: list[Lead], found: list[Found],
               contexts: ContextBuilder, sents: list[tuple[int, int]] = ()) -> list[Found]:
    """The headline and lead events that no time expression dates, dated by publication."""
    if doc.dct is None:
        return []
    text = doc.text
    out = []
    for ld in leads:
        if any(f.mention.position == ld.position for f in found):
            continue  # a time expression in it dates it already
        span = (ld.start, ld.end)
        if why_not_event_sentence(text[ld.start:ld.end]) is not None:
            continue  # "Will BP pay?": a headline that asks reports nothing
        trigger = main_event_words(text, span, ld.position == "headline", _is_verb)
        if trigger is None:
            continue
        day = doc.dct.isoformat()
        t = Timex(ld.start, ld.start, "", "DATE", day, anchor=day, anchor_kind="publication")
        if ld.position == "headline":
            label = recased(headline_label(text[ld.start:ld.end]), text)  # a headline in capitals too
        else:
            label = with_antecedent(label_for(text, span, trigger, t), text, list(sents), span, _is_verb)
        if is_conditional(label):
            continue  # "If the cap holds ...": no news of the day
        mention = EventMention(
            document_id=doc.id, start=ld.start, end=ld.end, text=text[ld.start:ld.end], timex=t,
            trigger_start=trigger[0], trigger_end=trigger[1], status="happened",
            dated_by="publication", position=ld.position)
        mention.resolution = resolution_for(mention, doc)
        out.append(Found(mention, label, contexts.terms(trigger[0]), value_interval(day)))
    return out


def _duration_for(durations: list[Timex], sent: tuple[int, int],
                  trigger: tuple[int, int] | None, t: Timex) -> Timex | None:
    """A duration between the event words and the date belongs to that event."""
    if trigger is None:
        return None
    lo, hi = min(trigger[0], t.start), max(trigger[1], t.end)
    for d in durations:
        if sent[0] <= d.start and d.end <= sent[1] and lo <= d.start and d.end <= hi:
            return d
    return None


def resolution_for(m: EventMention, doc: Document) -> str:
    """How a mention's date was found, in words: by its time expression (explain), or by its
    article's publication (a headline, a lead or a clause with no time expression)."""
    if m.dated_by == "sentence before":  # clause_rules.json narrative_day
        from kerryview.text.phrasing import value_words
        return (f"dated by the sentence before: “{m.timex.anchor}” → {value_words(m.timex.value)}; this "
                f"sentence goes on with its story in the simple past, with no time expression of its own")
    if m.dated_by == "told below":  # clause_rules.json headline_told_below
        from kerryview.text.phrasing import value_words
        return (f"dated by the article's words below its headline: “{m.timex.anchor}” → "
                f"{value_words(m.timex.value)}, where the headline's event is first told again")
    if m.dated_by != "publication":
        return explain(m.timex, doc)
    what = f"the {m.position}" if m.position else "news"
    own = "of its own" if m.position else "in its clause"
    return (f"dated by publication: {what} of an article published {m.timex.value} "
            f"({doc.dct_source}), with no time expression {own}")


def explain(t: Timex, doc: Document) -> str:
    """How a date was resolved, in words a user can check (text/phrasing.py: "Monday 17 July
    2023", "about 12 hours", never the TIMEX3 code)."""
    from kerryview.text.phrasing import day_words, value_words

    text = " ".join(t.text.split())
    said = value_words(t.value, t.mod)
    if t.type == "DURATION" and doc.dct:
        return (f"“{text}” → {said}, the period up to the publication date, "
                f"{day_words(doc.dct)} ({doc.dct_source})")
    if t.anchor_kind == "dct" and t.anchor:
        return (f"“{text}” → {said}, counted from the publication date, "
                f"{value_words(t.anchor)} ({doc.dct_source})")
    if t.anchor_kind == "narrative" and t.anchor:
        return f"“{text}” → {said}, counted from the date mentioned before it ({value_words(t.anchor)})"
    if t.anchor_kind == "corpus" and t.anchor:
        return f"“{text}” → {said}, {t.anchor}"
    return f"“{text}” → {said}, as written"
