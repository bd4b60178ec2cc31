"""One event per story event: mentions from all articles that tell the same thing, merged.

Two groups of mentions merge when their dates are compatible (the same interval, or one inside
the other: "July 20" and "the early hours of July 20") and their passages are alike (average
TF-IDF cosine over all pairs, so a cluster does not drift through a chain of weak links). Only
mentions whose dates overlap are ever compared, which keeps this near-linear for large corpora.
When passages are nearly identical but the dates differ by a few days, they are still one event,
and the disagreement is recorded instead of being hidden. Last, a sentence that tells one
happening at two precisions ("earlier this week ... on July 18"; a clause dated by its
publication and "yesterday") gives two events with nearly the same label: they are joined
(join_same_words).
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from datetime import date, datetime, timedelta
from functools import cache, cached_property
from typing import Callable, Iterable, NamedTuple

from kerryview.cancellation import NEVER, Cancellation
from kerryview.events.blocking import _cells, candidate_pairs
from kerryview.events.clauses import (CLAUSE_WORD_MARK, clause_rules, is_clause_event, mention_dating,
                                      merge_weights, own_words, tells_as_headline)
from kerryview.events.labels import HAPPENING, label_rank, number_words, passive, report_speaker
from kerryview.events.joined import Joined
from kerryview.events.mentions import Found
from kerryview.calendar.zones import utc_interval
from kerryview.text.similarity import (WORD, Vectorizer, content_terms, cosine, is_name, name_terms, plain_terms,
                                       stem, unit, word_overlap)
from kerryview.text.wordlists import (cues, event_kinds, event_lists, irregular_bases, opposite_events,
                                      reporting_verbs, stopwords, two_precisions)
from kerryview.model import Event, EventMention, Granularity
from kerryview.calendar.intervals import Interval, duration_timedelta, iso

MERGE_THRESHOLD = 0.30  # average cosine for two groups with compatible dates
CONFLICT_THRESHOLD = 0.60  # so alike that differing dates are a disagreement between sources
CONFLICT_MAX_DAYS = 3
INFORMATIVE_LABEL_WORDS = 4
# A mention's label that says the same as an event's report ("Xinhua: Xi reiterated ...") holds
# this share of the weight of the report's content words (labels.label_rank, _label_item).
SAME_HAPPENING_SHARE = 0.6
LINK_FLOOR = 0.05  # cosine below which two passages are not linked (it would barely move an average)


@dataclass
class Item:
    """A mention with what merging needs."""

    mention: EventMention
    label: str
    interval: Interval
    vector: dict[str, float]
    doc_dct: str  # ISO date of the mention's document, for choosing the latest knowledge
    approximate: bool = False  # "nearly a year ago": compatible with the neighbouring unit
    utc: Interval | None = None  # a clock time that names its zone ("12:30 EST"), in UTC
    shares_time: bool = False  # its time expression dates other mentions too (shared_times)

    @property
    def date_key(self) -> tuple:
        """What decides which dates this mention's date is compatible with."""
        return (self.interval, self.utc, self.approximate)

    @cached_property
    def told_with(self) -> "EventWord | None":
        """What the mention's event word says of its happening (told_with); made when first
        asked for."""
        m = self.mention
        if _trigger(m).lower() in event_kinds().directive and directs(m.text, m.trigger_end - m.start):
            return EventWord(DIRECTIVE, True, None)  # "told BP to use": the telling, its own kind
        return told_with(_trigger(m), _word_after(m))

    @cached_property
    def object_terms(self) -> frozenset[str]:
        """The content words of the object of the mention's event word (object_terms)."""
        return object_terms(self.mention)

    @cached_property
    def plain_words(self) -> set[str]:
        """The terms of the mention's passage that are no names (similarity.plain_terms), less
        those of the speaker its label names ("UN chief Ban Ki-moon: ...": who spoke is not
        what was said); made when first asked for (said_apart asks for them at each pair)."""
        words = plain_terms(self.mention.text)
        speaker = report_speaker(self.label)
        return words - plain_terms(speaker) if speaker else words

    @cached_property
    def subject_words(self) -> tuple[str, ...]:
        """The name of the subject of the mention's event word (subject_words)."""
        return subject_words(self.mention)

    @cached_property
    def subject_names(self) -> frozenset[str]:
        """The terms of the name of the subject of the mention's event word (subject_names)."""
        return _name_terms_of(self.subject_words)

    @cached_property
    def names(self) -> set[str]:
        """The names the mention's passage tells (similarity.name_terms)."""
        return name_terms(self.mention.text)

    @cached_property
    def said_words(self) -> set[str]:
        """The terms of the mention's vector (a clause event's without its mark) that are
        plain_words: what said_apart compares of two mentions of one article."""
        return {t.removeprefix(CLAUSE_WORD_MARK) for t in self.vector} & self.plain_words


class EventWord(NamedTuple):
    """The kind of happening an event word tells, whether data/event_kinds.json lists it (else
    the kind is the word's own, its stem), and the number of its pair of opposites, if any."""

    kind: str
    listed: bool
    opposites: int | None


def told_with(word: str, after: str = "") -> EventWord | None:
    """The kind of happening an event word tells (data/event_kinds.json: "died", "death" and,
    with the word `after` it, "passed away" are "die"; a word of no kind is its own, by its
    stem), or None when the word says nothing of which happening: none, a reporting verb (the
    happening is what was said) or an event noun naming the occasion ("the talks", "the
    visit"), which another passage's verb may tell, or a word of event_kinds.json no_kind
    that tells more than one kind ("fired") or none of its own ("held talks") out of a
    phrase of a kind. An irregular past or participle is its verb's (wordlists.irregular_bases:
    "sank" and "sunk" tell one kind, "sink")."""
    word = word.lower()
    if not word or is_reporting(word) or word in cues()["event_nouns"]:
        return None
    pair = opposite_events().get(word)
    kinds = event_kinds().kinds
    kind = kinds.get(f"{word} {after.lower()}") if after else None
    kind = kind or kinds.get(word)
    if kind is None and word in event_kinds().unknown:
        return None  # "fired" (a worker or a gun), "held" (talks): no kind without more words
    base = irregular_bases().get(word, word)  # "sank", "sunk": "sink" (no stem joins them)
    kind = kind or kinds.get(base) or _kinds_by_stem().get(stem(base))  # "murdering": "murdered"'s
    return EventWord(kind or stem(base), kind is not None, None if pair is None else pair[0])


DIRECTIVE = "directive"  # the kind of "told BP to use", "ordered BP to pay" (event_kinds.json directive)


def directs(text: str, end: int) -> bool:
    """Whether the verb of telling ending at text[end] takes an object and a 'to' infinitive
    ("told | BP to use", "was asked | to leave"; event_kinds.json directive: at most
    words_between words between, no punctuation, no conjunction, relative or 'that': not
    "told reporters that it wanted to go"): a directive, whose happening is the telling."""
    breaks = clause_rules()["subordinators"] | clause_rules()["coordinators"]
    pos = end
    for _ in range(event_kinds().directive_between + 1):
        w = _NEXT_WORD.match(text, pos)  # (a space, then letters: punctuation ends the object)
        if w is None:
            return False
        if w[1].lower() == "to":
            return _NEXT_WORD.match(text, w.end()) is not None
        if w[1].lower() in breaks:
            return False
        pos = w.end()
    return False


@cache
def _kinds_by_stem() -> dict[str, str]:
    """The kind of each stem of data/event_kinds.json's words ("murder" of "murdered"), so an
    unlisted form of a listed word ("murdering", "indicts") tells its kind; a stem of two
    kinds, or of a word of no kind ("found" of "founded"), tells none."""
    by_stem: dict[str, set[str]] = {}
    for word, kind in event_kinds().kinds.items():
        if " " not in word:
            by_stem.setdefault(stem(word), set()).add(kind)
    unknown = {stem(w) for w in event_kinds().unknown}
    return {s: next(iter(k)) for s, k in by_stem.items() if len(k) == 1 and s not in unknown}


def told_apart(a: Item, b: Item) -> bool:
    """Whether two mentions tell their happenings with event words of two kinds (told_with):
    two steps of a story (an arrest and the charge, a fall and the death), not one told
    twice, unless their words are two sides of one pair of opposites ("suspended",
    "resumed": sources that disagree, which the merged event says: _opposite_words). A word
    of no kind ("fired", "held": data/event_kinds.json no_kind) is told apart from none."""
    x, y = a.told_with, b.told_with
    if x is None or y is None or x.kind == y.kind:
        return False
    return x.opposites is None or x.opposites != y.opposites


def told_as_one(a: Item, b: Item) -> bool:
    """Whether two mentions tell their happenings with words of one kind data/event_kinds.json
    lists ("died" and "passed", "struck" and "hit"): one happening, if on one day and about
    the same people and places (their other words)."""
    x, y = a.told_with, b.told_with
    return x is not None and y is not None and x.listed and x.kind == y.kind


def two_things(a: Item, b: Item) -> bool:
    """Whether two mentions tell with two words of one listed kind (told_as_one: "destroyed",
    "damaged") what was done to two things (objects_differ): as two words of two kinds, two
    happenings (data/event_kinds.json same_kind.objects_differ); one word told twice is left
    to its passages' words."""
    return told_as_one(a, b) and stem(_trigger(a.mention).lower()) != stem(_trigger(b.mention).lower()) \
        and objects_differ(a, b)


def objects_differ(a: Item, b: Item) -> bool:
    """Whether the objects of two mentions' event words (the words right after each, up to a
    preposition, a conjunction or punctuation: "destroyed | the presidential palace | in") are
    told and differ: no word in common ("the presidential palace", "the UN headquarters"; "a
    bomb plot", "a bank robbery"), or figures and none in common ("300 homes", "40 homes"):
    one kind of happening to two things, two happenings (event_kinds.json same_kind)."""
    x, y = a.object_terms, b.object_terms
    if not x or not y:
        return False
    fx, fy = {t for t in x if t[:1].isdigit()}, {t for t in y if t[:1].isdigit()}
    return not x & y or bool(fx and fy and not fx & fy)


_OBJECT_WORD = re.compile(r"\s*([^\W_](?:[\w'’.-]*\w)?)")
_TOKEN = re.compile(r"[^\W_](?:[\w'’.-]*\w)?|[^\w\s]")  # a word, or a mark


def subject_words(m: EventMention) -> tuple[str, ...]:
    """The name right before a mention's event word, auxiliaries and adverbs between skipped
    (clause_rules.json shared_subject_auxiliaries, adverbs_before_verb), in its words' order,
    when it may be a person's: its subject ("Farrah Fawcett | died", "Jackson's | death",
    "Jermayne Timmons was | arrested"), at most event_kinds.json subjects_differ.max_words
    capitalised words, none a stop word. None (an empty tuple) when the word before is no
    name ("the pop star died"), when the name ends a description opened by a determiner or
    "of" ("The King of Pop died": an epithet, which may name anyone), when one of its words
    is an acronym or a number ("Navy SEALs", "Team Six": a group, not a person), or when it
    is a passage's lone first word ("Fawcett died", "Rebels attacked", "Dozens died": its
    capital is the sentence's, so it may be no name): data/event_kinds.json subjects_differ."""
    if m.trigger_start is None or not m.start <= m.trigger_start <= m.end:
        return ()
    rules, kinds = clause_rules(), event_kinds()
    skip = rules["shared_subject_auxiliaries"] | rules["adverbs_before_verb"]
    tokens = list(_TOKEN.finditer(m.text, 0, m.trigger_start - m.start))
    k = len(tokens) - 1
    while k >= 0 and tokens[k][0].lower() in skip:
        k -= 1
    names: list[str] = []
    while k >= 0 and len(names) < kinds.subject_words and is_name(tokens[k][0]) \
            and tokens[k][0][0].isalpha() and tokens[k][0].lower() not in stopwords():
        names.append(tokens[k][0])
        k -= 1
    if not names or (k < 0 and len(names) == 1):
        return ()
    if k >= 0 and (tokens[k][0].lower() in kinds.subject_description
                   or tokens[k][0].lower() in event_lists("lead_rules.json")["object_determiners"]):
        return ()
    if any(w[1:2].isupper() or w.lower() in number_words() for w in names):
        return ()
    return tuple(reversed(names))


def subject_names(m: EventMention) -> frozenset[str]:
    """The terms (similarity.name_terms) of the name subject_words reads as the subject of a
    mention's event word."""
    return _name_terms_of(subject_words(m))


def _name_terms_of(words: tuple[str, ...]) -> frozenset[str]:
    # ("x": a first word, which name_terms never weighs as a name)
    return frozenset(name_terms("x " + " ".join(words))) if words else frozenset()


def subjects_differ(a: "Item", b: "Item") -> bool:
    """Whether two mentions' event words, each of a kind of happening (told_with), have
    subjects that both may name a person (subject_words), neither named anywhere in the
    other's passage, whose last words (surnames) are not one name spelled two ways (their
    likeness below data/event_kinds.json subjects_differ.spelling: "Gaddafi", "Qaddafi"),
    both of active verbs or both of passives (a passive's subject is the one done to, not the
    doer: "Dr Murray was hired" and "Jackson hired the physician" may be one hiring), and, unless both are full names (two words or more each: "Farrah Fawcett", "Michael
    Jackson"), whose passages tell something else apart too: the objects differ
    (objects_differ) or their likeness without the two subjects is below subjects_differ.rest.
    Then two doers, two happenings (data/event_kinds.json subjects_differ)."""
    if a.told_with is None or b.told_with is None:
        return False  # (a report's subject is its speaker: said_apart compares what was said)
    x, y = a.subject_names, b.subject_names
    if not (x and y) or x & (y | b.names) or y & a.names:
        return False
    kinds = event_kinds()
    sa, sb = a.subject_words[-1].lower(), b.subject_words[-1].lower()
    if SequenceMatcher(None, sa, sb).ratio() >= kinds.subject_spelling:
        return False  # one name spelled two ways
    if _passive(a.mention) != _passive(b.mention):
        return False  # the one done to and the doer
    if len(a.subject_words) > 1 and len(b.subject_words) > 1:
        return True
    if objects_differ(a, b):
        return True
    both = x | y
    return cosine(unit(_without(a.vector, both)), unit(_without(b.vector, both))) < kinds.subject_rest


def _passive(m: EventMention) -> bool:
    """Whether a mention's event word is a participle after a form of "be" (labels.passive),
    not a progressive ("was dying")."""
    return m.trigger_start is not None and not _trigger(m).lower().endswith("ing") \
        and passive(m.text, m.trigger_start - m.start)


def _without(vector: dict[str, float], terms: frozenset[str]) -> dict[str, float]:
    """A passage's vector less these terms (as words of the passage or of its clause)."""
    return {t: w for t, w in vector.items() if t.removeprefix(CLAUSE_WORD_MARK) not in terms}


def object_terms(m: EventMention) -> frozenset[str]:
    """The content words (similarity.content_terms) of the object of a mention's event word:
    the words after it up to a preposition (lead_rules.json prepositions), a conjunction or
    relative (clause_rules.json subordinators, coordinators), any other mark or its time
    expression ("had been suspended | nearly a year ago": no object)."""
    if m.trigger_end is None:
        return frozenset()
    stops = event_lists("lead_rules.json")["prepositions"] | clause_rules()["subordinators"] \
        | clause_rules()["coordinators"]
    pos, words = m.trigger_end - m.start, []
    date = m.timex.start - m.start if m.timex.end > m.timex.start and m.timex.start >= m.trigger_end else None
    while (w := _OBJECT_WORD.match(m.text, pos)) is not None and w[1].lower() not in stops \
            and (date is None or w.start(1) < date):
        words.append(w[1])
        pos = w.end()
    return frozenset(content_terms(" ".join(words)))


def _widened(it: "Item") -> Interval:
    """An approximate date ("nearly a year ago" = 2022-07) reaches into its neighbours."""
    iv = it.interval
    if not it.approximate:
        return iv
    span = iv.end - iv.start
    start = iv.start - span if iv.start - datetime.min > span else datetime.min
    end = iv.end + span if datetime.max - iv.end > span else datetime.max
    return Interval(start, end, iv.granularity)  # never past the calendar's ends


def _compatible_items(a: "Item", b: "Item") -> bool:
    """Same date, or one inside the other ("2022" and "August 2022"; "July 20" and its early
    hours); an approximate date also matches its neighbouring unit. Two clock times that name
    their zones are compared as instants in UTC ("12:30 EST" in July is "16:30 UTC"); a day
    contains the times said on it, in whatever zone."""
    if a.utc is not None and b.utc is not None:
        return a.utc == b.utc or a.utc.contains(b.utc) or b.utc.contains(a.utc)
    x, y = a.interval, b.interval
    if x == y or x.contains(y) or y.contains(x):
        return True
    if a.approximate or b.approximate:
        wx, wy = _widened(a), _widened(b)
        return wx.contains(y) or wy.contains(x)
    return False


def _near_dates(a: Interval, b: Interval) -> bool:
    return (a.granularity.day_or_finer and b.granularity.day_or_finer
            and abs(a.start - b.start) <= timedelta(days=CONFLICT_MAX_DAYS))


def compared_near(it: "Item") -> bool:
    """Whether a mention is compared with those dated a few days off (two sources that
    disagree): known to the day, and not a clause event dated by publication, whose day is
    its article's (two articles published on two days do not disagree about it)."""
    return it.interval.granularity.day_or_finer and not is_clause_event(it.mention)


def build_items(found: list[Found], dcts: dict[str, str], cancel: Cancellation = NEVER,
                vectorizer: Vectorizer | None = None, positions: list[int] | None = None
                ) -> list[Item]:
    """The mentions that have a date, as Items, their words weighed by `vectorizer` (by
    default one fitted on these passages). `positions` receives each item's index in
    `found` (a mention without a date has no item)."""
    vec = vectorizer or merge_weights(found)
    items = []
    shared: dict[tuple[int, bool], dict[str, float]] = {}  # a bag several mentions share: one vector
    times = shared_times(f.mention for f in found)
    for k, f in enumerate(found):
        cancel.check()
        key = (id(f.context), is_clause_event(f.mention))
        item = make_item(f, vec, dcts.get(f.mention.document_id, ""), shared.get(key), times)
        if item is not None:
            shared.setdefault(key, item.vector)
            items.append(item)
            if positions is not None:
                positions.append(k)
    return items


def make_item(f: Found, vec: Vectorizer, doc_dct: str,
              vector: dict[str, float] | None = None,
              times: set[tuple[str, int]] = frozenset()) -> Item | None:
    """`times`: the time expressions that date several mentions (shared_times of all the
    mentions of this mention's article)."""
    m = f.mention
    iv = f.interval or mention_dating(m.timex)[0]
    if iv is None:
        return None
    if vector is None:
        vector = vec.vector(own_words(m, f.context))
    return Item(m, f.label, iv, vector, doc_dct,
                m.timex.mod == "APPROX", utc_interval(m.timex, iv),
                (m.document_id, m.timex.start) in times)


def _record(found: dict[int, tuple[array, array]], i: int, j: int, cos: float) -> None:
    js, links = found.get(i) or found.setdefault(i, (array("l"), array("d")))
    js.append(j)
    links.append(cos)


def _pair_links(items: list[Item], weights: list[int], cancel: Cancellation = NEVER,
                found: dict[int, tuple[array, array]] | None = None
                ) -> dict[int, dict[int, float]]:
    """Similarity of each pair of mentions worth comparing: dates compatible or near, and a
    word in common that is not too common on those days (kerryview.events.blocking finds
    them through an index, never by trying all pairs). `weights[i]` counts the identical
    copies item i stands for; the similarity is cosine x both weights. Pairs with nothing in
    common are left out: they add nothing to an average. Returned as neighbour maps; `found`
    receives the candidates each mention's lookup gave, in order, with the link (weights 1)
    computed for it (NaN: the pair was linked already), as two flat arrays (a tuple per
    candidate took a tenth of the peak memory of a large merge)."""
    nbr: dict[int, dict[int, float]] = {i: {} for i in range(len(items))}
    pairs = candidate_pairs(
        len(items), lambda i: items[i].vector, lambda i: items[i].interval,
        lambda i: _widened(items[i]), lambda i: compared_near(items[i]),
        floor=LINK_FLOOR, check=cancel.check)
    for n, (i, j) in enumerate(pairs):
        if n & 1023 == 0:
            cancel.check()
        if j in nbr[i]:
            if found is not None:
                _record(found, i, j, math.nan)
            continue
        cos = link(items[i], items[j])
        if found is not None:
            _record(found, i, j, cos)
        s = cos * (weights[i] * weights[j])
        if s > 0:
            nbr[i][j] = nbr[j][i] = s
    return nbr


def link(a: Item, b: Item, wa: int = 1, wb: int = 1) -> float:
    """The similarity of two candidate mentions standing for wa and wb copies: cosine x both
    weights when their dates are compatible or near, else 0 (`a` is the one that looked the
    pair up: the order of the cosine's sum). Mentions told with event words of two kinds
    (told_apart) count that x data/event_kinds.json different_words.factor; of one listed
    kind (told_as_one) on compatible dates, x same_kind.factor, at most the weights (a
    cosine of 1): never to make two dates a few days apart one event; two words of one kind
    done to two things (two_things), or by two doers (subjects_differ), count as two kinds
    (two_happenings)."""
    compatible = _compatible_items(a, b)
    if compatible or (_near_dates(a.interval, b.interval)
                      and compared_near(a) and compared_near(b)):
        s = cosine(a.vector, b.vector) * (wa * wb)
        if not s or said_apart(a, b):
            return 0.0
        if two_happenings(a, b):
            return s * event_kinds().different
        if compatible and told_as_one(a, b):
            return min(s * event_kinds().same, float(wa * wb))
        return s
    return 0.0


def two_happenings(a: Item, b: Item) -> bool:
    """Whether two mentions' event words tell two happenings whatever their other words: of
    two kinds (told_apart), of one kind done to two things (two_things) or by two doers
    (subjects_differ)."""
    return told_apart(a, b) or two_things(a, b) or subjects_differ(a, b)


def said_apart(a: Item, b: Item) -> bool:
    """Whether two events of one article (two sentences, whatever their event words; a report
    compared by what was said, its speaker and verb left out, mentions.said_terms) share only
    names: a place or a listener named in both ('"...," Robertson told BBC Caribbean' and
    '"...," Hammer told BBC Caribbean'; '... its teams in Port-au-Prince ...') says where
    or to whom, not what: two statements (data/event_kinds.json one_article_reports). Two
    reporting verbs are never a word in common ("told" and "told" of two reports dated by a
    time expression, whose words hold them); two other event words are ("passed through")."""
    ma, mb = a.mention, b.mention
    if ma.document_id != mb.document_id or ma.start == mb.start:
        return False
    verbs = {stem(w) for w in (_trigger(ma).lower(), _trigger(mb).lower()) if is_reporting(w)}
    return not (a.said_words & b.said_words) - verbs


@dataclass
class _Group:
    """What a group of mentions must know to be merged with another, without looking at its
    pairs again: its distinct dates (two groups are compatible when all their dates are),
    its documents (an article does not disagree with itself), per sentence, the date
    values told in it (two different dates in one sentence are never one event), and its
    passages by the name of their subject (two doers are never one event, however a passage
    without a name links them: two_doers)."""

    members: list[int]
    dates: dict[tuple, Item]
    docs: set[str]
    sentences: dict[tuple[str, int], set[str]]
    named: dict[frozenset[str], list[Item]] = field(default_factory=dict)  # subject -> passages

    @classmethod
    def of(cls, indices: list[int], items: list[Item]) -> "_Group":
        g = cls(list(indices), {}, set(), {}, {})
        for i in indices:
            g._add(items[i])
        return g

    def _add(self, it: Item) -> None:
        m = it.mention
        self.dates.setdefault(it.date_key, it)
        self.docs.add(m.document_id)
        self.sentences.setdefault((m.document_id, m.start), set()).add(m.timex.value)
        if it.subject_names and it.told_with is not None:
            self.named.setdefault(it.subject_names, []).append(it)

    def two_doers(self, other: "_Group") -> bool:
        """Whether a passage of each group names its subject and the two are two doers
        (subjects_differ): then no passage of either, named or not, makes them one event."""
        for x, xs in self.named.items():
            for y, ys in other.named.items():
                if not x & y and any(subjects_differ(a, b) for a in xs for b in ys):
                    return True
        return False

    def compatible(self, other: "_Group") -> bool:
        if len(self.dates) == 1 and self.dates.keys() == other.dates.keys():
            return True  # one date, the same (most groups)
        return all(_compatible_items(a, b) for a in self.dates.values()
                   for b in other.dates.values())

    def same_sentence(self, other: "_Group") -> bool:
        small, large = sorted((self.sentences, other.sentences), key=len)
        for key, values in small.items():
            there = large.get(key)
            if there is not None and len(values | there) > 1:
                return True
        return False

    def absorb(self, other: "_Group") -> None:
        self.members.extend(other.members)
        for key, it in other.dates.items():
            self.dates.setdefault(key, it)
        self.docs |= other.docs
        for key, values in other.sentences.items():
            self.sentences.setdefault(key, set()).update(values)
        for key, its in other.named.items():
            self.named.setdefault(key, []).extend(its)


def copy_groups(items: list[Item]) -> list[list[int]]:
    """Identical passages with the same date (syndicated copies, repeated paragraphs), as
    lists of indices in order, the first of each its representative: they are one event
    before anything is compared, so the pairwise work grows with distinct passages."""
    # Keyed by a hash of the passage's vector (a copy of every vector as a key took more memory
    # than the links); an equal hash is a copy only if the vectors are equal too.
    by_hash: dict[tuple, list[list[int]]] = {}
    copies: list[list[int]] = []
    for i, it in enumerate(items):
        key = (it.interval, it.utc, it.mention.timex.value, hash(frozenset(it.vector.items())))
        same = by_hash.setdefault(key, [])
        for group in same:
            if items[group[0]].vector == it.vector:
                group.append(i)
                break
        else:
            same.append([i])
            copies.append(same[-1])
    return copies


def cluster(items: list[Item], cancel: Cancellation = NEVER,
            keep: "MergeState | None" = None) -> list[list[Item]]:
    """Average-linkage agglomerative clustering over date-near mentions.

    Pairs never compared have dates too far apart or no word in common: they count zero
    similarity, and dates too far apart make a merge a disagreement. Two different dates in
    one sentence are never one event, and an article does not disagree with itself. Uses a
    heap with lazy invalidation: O(L log L) for L links. `keep` receives the copy groups and
    the links (kerryview.incremental.merge stores them).
    """
    copies = copy_groups(items)
    rep_items = [items[group[0]] for group in copies]
    lookups: dict[int, tuple[array, array]] | None = {} if keep is not None else None
    nbr = _pair_links(rep_items, [len(group) for group in copies], cancel, lookups)
    if keep is not None:
        keep.copies, keep.lookups = copies, lookups
        keep.components = strong_components(rep_items, [len(g) for g in copies], nbr)
    return agglomerate(items, copies, nbr, cancel)


# A link at least this strong can take part in a merge (a hair under the thresholds: a cosine
# recovered from a weighted link may differ from it in its last bit).
_HAIR = 1 - 1e-9


def can_witness(a: Item, b: Item, cos: float) -> bool:
    """Whether two passages could be the most alike pair of two groups that merge (the
    average of a merge is never above its largest term): a cosine reaching MERGE_THRESHOLD
    with compatible dates, or CONFLICT_THRESHOLD between two articles; never two different
    dates of one sentence."""
    if cos < MERGE_THRESHOLD * _HAIR:
        return False
    ma, mb = a.mention, b.mention
    if ma.document_id == mb.document_id and ma.start == mb.start and \
            ma.timex.value != mb.timex.value:
        return False
    if _compatible_items(a, b):
        return True
    return cos >= CONFLICT_THRESHOLD * _HAIR and ma.document_id != mb.document_id


def strong_components(items: list[Item], weights: list[int],
                      nbr: dict[int, dict[int, float]]) -> list[int]:
    """For each item, the smallest index of its component of the graph of links that could
    witness a merge (can_witness): no cluster spans two components (see agglomerate)."""
    groups: Joined[int] = Joined()
    for g, hs in nbr.items():
        for h, s in hs.items():
            if g < h and can_witness(items[g], items[h], s / (weights[g] * weights[h])):
                groups.join(g, h)
    return [groups.find(x) for x in range(len(items))]


def merge_score(a: _Group, b: _Group, total: float) -> float | None:
    """The average link of two groups whose links sum to `total`, or None when they may not
    merge (too unlike, two dates of one sentence, incompatible dates in one article, or a
    disagreement not alike enough)."""
    avg = total / (len(a.members) * len(b.members))
    if avg < MERGE_THRESHOLD:  # too unlike whatever the dates (most links): no more to ask
        return None
    compatible = a.compatible(b)
    if a.same_sentence(b) or (not compatible and a.docs & b.docs) or a.two_doers(b):
        return None
    return avg if avg >= (MERGE_THRESHOLD if compatible else CONFLICT_THRESHOLD) else None


def agglomerate(items: list[Item], copies: list[list[int]], nbr: dict[int, dict[int, float]],
                cancel: Cancellation = NEVER,
                history: list[tuple[float, int, int]] | None = None) -> list[list[Item]]:
    """The clustering of cluster() given the copy groups and the links between them (group
    index -> group index -> similarity, consumed). Groups merge only through a pair of
    passages whose cosine reaches MERGE_THRESHOLD (an average is never above its largest
    term), so the clusters of passages never so linked are independent of each other.
    `history` receives each merge as (score, g, h): group h merged into group g
    (kerryview.incremental.merge bounds what a change can reach with it)."""
    groups: dict[int, _Group] = {k: _Group.of(group, items) for k, group in enumerate(copies)}
    version = {i: 0 for i in groups}

    def score(g: int, h: int, total: float) -> float | None:
        return merge_score(groups[g], groups[h], total)

    heap: list[tuple[float, int, int, int, int]] = []

    def push(g: int, h: int) -> None:
        s = score(g, h, nbr[g][h])
        if s is not None:
            a, b = min(g, h), max(g, h)
            heapq.heappush(heap, (-s, a, b, version[a], version[b]))

    for g in nbr:
        cancel.check()
        for h in nbr[g]:
            if g < h:
                push(g, h)
    while heap:
        cancel.check()
        neg, g, h, vg, vh = heapq.heappop(heap)
        if g not in groups or h not in groups or version[g] != vg or version[h] != vh:
            continue
        # Merge h into g.
        if history is not None:
            history.append((-neg, g, h))
        groups[g].absorb(groups.pop(h))
        hn = nbr.pop(h)
        gn = nbr[g]
        gn.pop(h, None)
        hn.pop(g, None)
        for x in set(gn) | set(hn):
            a, b = gn.get(x), hn.get(x)
            total = a + b if a is not None and b is not None else (a if a is not None else b)
            gn[x] = nbr[x][g] = total
            nbr[x].pop(h, None)
        version[g] += 1
        del version[h]
        for x in gn:
            push(g, x)
    return [[items[i] for i in sorted(g.members, key=lambda k: (items[k].mention.document_id,
                                                                 items[k].mention.start))]
            for g in groups.values()]


def make_event(group: list[Item]) -> Event:
    """An Event from merged mentions: the date most sources support, at its finest granularity
    (a year and a month inside it agree; only incompatible dates are disagreements), among
    the mentions that date the happening (happening_dates: not the day it was reported)."""
    # Support is counted per distinct date, not per pair of mentions: a big group (a wire
    # story in a thousand papers) has few distinct dates.
    dating = told_the_day_after(happening_dates(group))
    dates: dict[tuple, tuple[Item, set[str]]] = {}
    for it in dating:
        dates.setdefault(it.date_key, (it, set()))[1].add(it.mention.document_id)
    support = {key: len(set().union(*(docs for o, docs in dates.values()
                                      if _compatible_items(it, o))))
               for key, (it, _) in dates.items()}
    # (a time expression's date before a publication's: join_same_words puts a clause dated
    # by publication with the time expression of its sentence a day off)
    chosen = max(dating, key=lambda it: (support[it.date_key],
                                        it.interval.granularity.rank,
                                        not it.approximate, not is_clause_event(it.mention),
                                        it.doc_dct))
    iv = chosen.interval
    durations = Counter(it.mention.duration for it in group if it.mention.duration)
    duration = durations.most_common(1)[0][0] if durations else None
    latest = max(group, key=lambda it: (it.doc_dct, it.mention.document_id))
    named_by = _label_item(group)
    conflicts = _conflicts(dating, chosen, durations, group)
    ident = event_id(group)
    start, end = iv.start, iv.end
    dur = duration_timedelta(duration) if duration else None
    if dur and dur >= timedelta(days=1) and iv.granularity.day_or_finer and dur < datetime.max - start:
        end = max(end, start + dur)  # "a three-day visit" starting that day (none past 9999)
    return Event(id=ident, label=named_by.label, value=chosen.mention.timex.value,
                 start=iso(start), end=iso(end), granularity=iv.granularity,
                 status=latest.mention.status, duration=duration,
                 mod=mention_dating(chosen.mention.timex)[1], mentions=[it.mention for it in group],
                 conflicts=conflicts)


def event_id(group: list[Item]) -> str:
    """The id of the event of these mentions (the same passages, the same id)."""
    return mentions_id((it.mention, it.shares_time) for it in group)


def shared_times(mentions: Iterable[EventMention]) -> set[tuple[str, int]]:
    """(document, start) of each time expression that dates more than one mention ("Almost
    100 people died when two schools collapsed ... in November 2008": "died" and "collapsed",
    which merging may keep as two events)."""
    seen: set[tuple[str, int]] = set()
    shared: set[tuple[str, int]] = set()
    for m in mentions:
        key = (m.document_id, m.timex.start)
        (shared if key in seen else seen).add(key)
    return shared


def mentions_id(mentions: Iterable[tuple[EventMention, bool]], prefix: str = "") -> str:
    """The id of an event of these mentions, each with whether its time expression dates
    other mentions too (shared_times): a hash of each one's document and time expression,
    and of its passage and event words when the time expression is shared, so two events
    told with one time expression have two ids while every other event keeps the id it had
    before session 19. The one formula for merging (event_id) and for the user's merges and
    splits (edits.apply), so an event has one id however it was made. `prefix` keeps an
    event the user added apart from a found one."""
    keys = []
    for m, shares in mentions:
        key = f"{m.document_id}:{m.timex.start}"
        keys.append(f"{key}@{m.start}:{m.trigger_start}" if shares else key)
    return hashlib.sha1((prefix + "|".join(sorted(keys))).encode()).hexdigest()[:12]


def _medoid(group: list[Item], among: list[Item] | None = None) -> Item:
    """The mention whose label the event takes: the most typical passage's (of `among`, when
    given, typical of the whole group), preferring one that says more than "Kerry said"."""
    total = _vector_sum(group) if len(group) > SMALL_GROUP else None
    # Ties (two passages are equally typical of each other) go to the first article by id, then
    # to the passage told first in it (its headline or lead): never to the order the mentions
    # come in, which differs between a full and an incremental import.
    return min(among or group, key=lambda it: (len(it.label.split()) < INFORMATIVE_LABEL_WORDS,
                                      -round(_typicality(it, group, total), 9),
                                      it.mention.document_id, it.mention.start))


def _label_item(group: list[Item]) -> Item:
    """The mention whose label names the event: the most typical (_medoid), unless its label
    tells the happening less well (labels.label_rank: a report of it, "Xinhua: Chinese
    President Xi Jinping reiterated ...", a fragment, a label that only says someone spoke)
    than another mention's that says the same ("Chinese President Xi Jinping reiterated the
    country's commitment ...": SAME_HAPPENING_SHARE of the words of what the report says);
    then the most typical of those."""
    chosen = _medoid(group)
    rank = label_rank(chosen.label)
    if rank == HAPPENING:
        return chosen
    speaker = report_speaker(chosen.label)
    said = content_terms(chosen.label[len(speaker) + 1:] if speaker else chosen.label)
    weight = sum(said.values())
    better = [it for it in group if label_rank(it.label) < rank
              and word_overlap(said, content_terms(it.label))[0] >= SAME_HAPPENING_SHARE * weight > 0]
    return _medoid(group, better) if better else chosen


# -- one happening told in one sentence at two precisions# -- one happening told in one sentence at two precisions -----------------------------------
SAME_WORDS = 0.6  # weighted Jaccard of two events' labels' content words (measured: README_stories)
SAME_WORDS_SHARED = 4.0  # and the weight of the words they share (a name counts 2)
SAME_WORDS_DAYS = 1  # a clause dated by its publication and a date this many days off
SAME_WORDS_DATES = 4  # a sentence whose mentions give more dates is a list: each its own item


Passage = tuple[str, int, int]  # a mention's passage: (document, start, end)
Sentence = tuple[str, int]  # a sentence: (document, start of its first passage)


def passage(m: EventMention) -> Passage:
    return (m.document_id, m.start, m.end)


def sentence_index(mentions: Iterable[EventMention]) -> dict[Passage, Sentence]:
    """The sentence each mention's passage is told in: passages of one document that
    overlap are parts of one sentence (a time expression's passage starts after a wire
    dateline, "WASHINGTON, March 12 (Xinhua) -- ", a clause's of the same sentence with it;
    passages never cross a sentence's end), named by the document and where the first
    starts."""
    spans: dict[str, set[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.document_id, set()).add((m.start, m.end))
    out: dict[Passage, Sentence] = {}
    for doc, these in spans.items():
        first, reach = -1, -1
        for a, b in sorted(these):
            if a >= reach:  # (touching is not overlapping)
                first = a
            reach = max(reach, b)
            out[(doc, a, b)] = (doc, first)
    return out


def sentences(group: list[Item], where: Callable[[EventMention], Sentence]) -> set[Sentence]:
    """The sentences an event is told in."""
    return {where(it.mention) for it in group}


def same_time(a: Item, b: Item) -> bool:
    """Whether two mentions of one sentence may date one happening: compatible dates
    (one inside the other: "this week" and "July 18"), or a clause dated only by its
    article's publication and a date at most SAME_WORDS_DAYS off ("Hayward yesterday
    visited ..." told as a clause of the day it was published)."""
    if _compatible_items(a, b):
        return True
    x, y = a.interval, b.interval
    return (is_clause_event(a.mention) != is_clause_event(b.mention)
            and x.granularity.day_or_finer and y.granularity.day_or_finer
            and abs(x.start.toordinal() - y.start.toordinal()) <= SAME_WORDS_DAYS)


def is_reporting(word: str) -> bool:
    """Whether an event word names a telling ("said", "reported", "according"): the
    reporting verbs (wordlists.reporting_verbs), whose event is what was told."""
    verbs = reporting_verbs()
    return word.lower() in verbs["pure"] or word.lower() in verbs["attribution"]


def label_holds(word: str, label: str) -> bool:
    """Whether a label holds a word (stemmed, stopwords too: "Kerry said more work was
    needed" holds "said")."""
    words = {stem(w.lower()) for w in WORD.findall(label)}
    return stem(word.lower()) in words


def dates_a_report(it: Item) -> bool:
    """Whether a mention's date is a report's, not the date of what it reports: its trigger
    a reporting verb that tells what its label says ("Kerry met Xie Zhenhua in Beijing this
    week, state media reported on Wednesday": "State media: Kerry met ..."), or, its
    trigger no reporting verb, dated only by its article's publication (the statement of
    the day: a clause, a headline, a lead without a time expression). A reporting verb its
    label holds is the happening told, however the mention is dated ("Speaking earlier this
    week, Xi reiterated ...": "Xi ... reiterated"; "Kerry said more work was needed this
    year", said on the day of publication: "Kerry said more work was needed")."""
    m = it.mention
    word = _trigger(m)
    if is_reporting(word):
        return not label_holds(word, it.label)
    return m.dated_by == "publication"


def happening_dates(group: list[Item]) -> list[Item]:
    """The mentions whose dates date an event. In a sentence giving two dates (join_same_words
    joined its events: no cluster holds two dates of one sentence, merge_score) whose
    mentions date both a report and, by a time expression, the happening it reports ("Kerry
    met Xie Zhenhua in Beijing this week, state media reported on Wednesday"), those of the
    report are set aside: the day of a report is not the day of what it reports, even when
    it is finer. A duration of such a sentence ("for the past two months", dated as the
    period before publication) says how long, not when: it is set aside too. The event's
    other sentences (other articles telling it) keep all their mentions, whatever dates
    them: each is a source's date of the happening. If nothing would be left, all of
    them."""
    if len({it.mention.timex.value for it in group}) < 2:
        return group
    where = sentence_index(it.mention for it in group)
    told: dict[Sentence, set[str]] = {}
    for it in group:
        told.setdefault(where[passage(it.mention)], set()).add(it.mention.timex.value)
    if all(len(dates) < 2 for dates in told.values()):
        return group
    happening = [it for it in group if len(told[where[passage(it.mention)]]) < 2
                 or not (dates_a_report(it)
                         or it.mention.timex.type == "DURATION")]  # (how long, not when)
    return happening if happening and len(happening) < len(group) else group


def told_the_day_after(dating: list[Item]) -> list[Item]:
    """The mentions that date an event but the clause events told in the manner of a
    headline ("Lindsay Lohan checks into rehab", dated by its article's publication) on the
    day after another of the event's dates (a day or a time of it): news of the day before
    (join_publication_dated joins them so: publication_day.day_before and
    clause_day_before), which date the report, not the happening, nor disagree with it."""
    days = {it.interval.start.toordinal() for it in dating
            if it.interval.granularity.day_or_finer and it.interval.end - it.interval.start
            <= timedelta(days=1)}
    if len(days) < 2:
        return dating
    later = [it for it in dating if is_clause_event(it.mention)
             and it.interval.start.toordinal() - 1 in days and _told_as_headline([it])]
    if not later or len(later) == len(dating):
        return dating
    aside = set(map(id, later))
    return [it for it in dating if id(it) not in aside]


@dataclass(frozen=True)
class Said:
    """What an event's label says: its content words, and its word (the label's trigger,
    stemmed as content_terms stems it; none for a reporting verb or a trigger the label
    does not hold)."""

    terms: Counter[str]
    word: str

    @classmethod
    def of(cls, label: str, trigger: str) -> "Said":
        terms = content_terms(label)
        word = "" if is_reporting(trigger) else next(iter(content_terms(trigger.lower())), "")
        return cls(terms, word if word in terms else "")


def told_alike(a: Said, b: Said) -> float | None:
    """How alike two events' labels are when they tell one happening in nearly the same
    words: the names, the object (SAME_WORDS of their content words' weight and at least
    SAME_WORDS_SHARED of it shared) and the verb (each event's word, its label's trigger,
    is in the other's label: "Shares in BP rose" is not "Shares in BP, which rose this
    morning, have risen again"; a verb that reports, "said", "told", names the telling and
    is not asked for), else None."""
    shared, jaccard = word_overlap(a.terms, b.terms)
    if jaccard < SAME_WORDS or shared < SAME_WORDS_SHARED:
        return None
    if (a.word and a.word not in b.terms) or (b.word and b.word not in a.terms):
        return None
    return jaccard


@dataclass
class Told:
    """What join_same_words asks of an event: its distinct dates, and its id and what its
    label says (made when first asked for: most pairs of a sentence's events fail on their
    dates)."""

    dates: list[Item]
    group: list[Item] = field(repr=False)
    _said: Said | None = field(default=None, repr=False)
    _ident: str | None = field(default=None, repr=False)

    @classmethod
    def of(cls, group: list[Item]) -> "Told":
        return cls(list({it.date_key: it for it in group}.values()), group)

    @property
    def ident(self) -> str:
        if self._ident is None:
            self._ident = event_id(self.group)
        return self._ident

    @property
    def said(self) -> Said:
        if self._said is None:
            medoid = _medoid(self.group)
            self._said = Said.of(medoid.label, _trigger(medoid.mention))
        return self._said


def joinable(a: Told, b: Told) -> float | None:
    """How alike two events of one sentence are when they tell one happening (every date
    of one with every date of the other same_time, and told_alike), else None."""
    if not all(same_time(x, y) for x in a.dates for y in b.dates):
        return None
    return told_alike(a.said, b.said)


def join_same_words(clusters: list[list[Item]], cancel: Cancellation = NEVER,
                    told_in: Callable[[Sentence], int] | None = None,
                    sentence_of: Callable[[EventMention], Sentence] | None = None
                    ) -> list[list[Item]]:
    """The clusters with those that tell one happening twice joined: two events told in one
    sentence (each has a mention of it) whose labels say nearly the same words (told_alike)
    and whose dates may be one (same_time, every date of one with every date of the other).
    A sentence with two dates gives a mention for each ("Speaking earlier this week, Xi
    reiterated ..., Xinhua said on July 18"; "more work was needed this year", said on the
    day of publication); when both tell the same words they are one event, its sources
    listed, at the finer date (make_event) unless one side dates the report and the other
    the happening it reports: then at the happening's (happening_dates), the report's day
    no disagreement (it is no source's date of the happening; a day inside the happening's
    agrees with it anyway). A sentence is the passages of a document that overlap
    (sentence_index: a clause's passage may start at a wire dateline, a time expression's
    after it). The sentence is what makes this safe: two events merely told alike in two articles are
    merged, or not, by their passages (cluster), never here; and two events of one sentence
    told in other words ("X was founded in 1990 and closed on Tuesday") or on dates one
    cannot hold are two. Pairs join best first (then by their events' ids), a join kept
    only when all the dates of both sides may be one: the result depends on the clusters
    alone, not on their order, and each set of clusters linked by joinable pairs is joined
    on its own (kerryview.incremental.merge joins a change's that way). A sentence whose
    mentions give more than SAME_WORDS_DATES dates (a chronology: "1985: President, Indian
    Economic Association; January 15, 1985 -- July 31, 1987: Deputy Chairman, ...") joins
    nothing: its labels are fragments of a list. `told_in` counts them and `sentence_of`
    names a mention's sentence (by default over these clusters, which must then be all of
    the story's: sentence_index)."""
    if sentence_of is None:
        index = sentence_index(it.mention for c in clusters for it in c)

        def sentence_of(m: EventMention) -> Sentence:
            return index[passage(m)]

    where: dict[Sentence, list[int]] = {}
    told: dict[Sentence, set[str]] = {}  # the dates each sentence gives
    for k, c in enumerate(clusters):
        for it in c:
            m = it.mention
            key = sentence_of(m)
            ks = where.get(key)
            if ks is None:
                where[key] = [k]
                told[key] = {m.timex.value}
            else:
                if ks[-1] != k:
                    ks.append(k)
                told[key].add(m.timex.value)
    if told_in is None:
        def told_in(key: tuple[str, int]) -> int:
            return len(told[key])

    pairs: set[tuple[int, int]] = {(a, b) for key, ks in where.items()
                                   if len(ks) > 1 and told_in(key) <= SAME_WORDS_DATES
                                   for n, a in enumerate(ks) for b in ks[n + 1:] if a != b}
    if not pairs:
        return clusters
    about: dict[int, Told] = {}
    scored = []
    for a, b in pairs:
        cancel.check()
        ta = about.get(a) or about.setdefault(a, Told.of(clusters[a]))
        tb = about.get(b) or about.setdefault(b, Told.of(clusters[b]))
        s = joinable(ta, tb)
        if s is not None:
            scored.append((-s, *sorted((ta.ident, tb.ident)), a, b))
    scored.sort()
    groups: Joined[int] = Joined()
    held = {k: list(t.dates) for k, t in about.items()}
    for _, _, _, a, b in scored:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or not all(same_time(x, y) for x in held[ra] for y in held[rb]):
            continue
        groups.join(ra, rb)
        held[min(ra, rb)] += held.pop(max(ra, rb))
    out: dict[int, list[Item]] = {}
    for k, c in enumerate(clusters):
        out.setdefault(groups.find(k), []).extend(c)
    return [_in_text_order(c) if len(c) > 1 else c for c in out.values()]


SMALL_GROUP = 64


def _typicality(it: Item, group: list[Item], total: dict[str, float] | None) -> float:
    """The sum of the passage's cosines with the group's. For a big group (a wire story
    reprinted a thousand times) that is its cosine with `total`, the sum of their vectors: the
    same sum in linear time. A small group adds pairwise (two passages tie, up to rounding:
    make_event breaks the tie by their places, not by their order in the group)."""
    if total is None:
        return sum(cosine(it.vector, o.vector) for o in group)
    return cosine(it.vector, total)


def _vector_sum(group: list[Item]) -> dict[str, float]:
    total: dict[str, float] = {}
    for o in group:
        for t, w in o.vector.items():
            total[t] = total.get(t, 0.0) + w
    return total


def _conflicts(dating: list[Item], chosen: Item, durations: Counter,
               group: list[Item]) -> list[str]:
    """Where the sources disagree, dates (of the mentions that date the event: `dating`,
    happening_dates) and durations in words (text/phrasing.py)."""
    from kerryview.text.phrasing import count_words, duration_words, value_words

    out = []
    for it in dating:
        if not _compatible_items(it, chosen):
            t = it.mention.timex
            c = chosen.mention.timex
            said = f"“{' '.join(t.text.split())}”" if t.text else "by its publication"
            out.append(f"{it.mention.document_id} dates it "
                       f"{value_words(t.value, mention_dating(t)[1])} ({said}), "
                       f"not {value_words(c.value, mention_dating(c)[1])}")
    out.extend(_opposite_words(group))
    if len(durations) > 1:
        out.append("sources give different durations: " + ", ".join(
            f"{duration_words(d) or d} ({count_words(c, 'source')})"
            for d, c in durations.most_common()))
    return out


def _trigger(m: EventMention) -> str:
    if m.trigger_start is None or m.trigger_end is None:
        return ""
    return m.text[m.trigger_start - m.start:m.trigger_end - m.start]


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _word_after(m: EventMention) -> str:
    """The word right after a mention's event word ("passed | away"), or ""."""
    if m.trigger_end is None:
        return ""
    w = _NEXT_WORD.match(m.text, m.trigger_end - m.start)
    return w[1] if w else ""


def _opposite_words(group: list[Item]) -> list[str]:
    """"003 says 'suspended', 004 says 'resumed'": sources that tell one event with opposite words."""
    pairs = opposite_events()
    out = []
    seen: set[frozenset[str]] = set()
    told, first = [], set()  # only words of a pair can disagree; each document's first word
    for it in group:          # of each side (an article repeating "resumed" 16,000 times made
        w = _trigger(it.mention)  # this loop quadratic in its passages: 52 s of CPU)
        side = pairs.get(w.lower())
        if side is not None and (it.mention.document_id, side) not in first:
            first.add((it.mention.document_id, side))
            told.append((it, w, side))
    for i, (a, wa, pa) in enumerate(told):
        for b, wb, pb in told[i + 1:]:
            if b.mention.document_id == a.mention.document_id:
                continue
            if pb[0] == pa[0] and pb[1] != pa[1]:
                key = frozenset((a.mention.document_id, b.mention.document_id))
                if key not in seen:  # "a says X, b says Y" once, never again reversed
                    seen.add(key)
                    out.append(f"{a.mention.document_id} says “{wa}”, {b.mention.document_id} says “{wb}”")
    return out


@dataclass
class MergeState:
    """What a merge leaves for an incremental one to start from (kerryview.incremental.merge):
    the items (positions: their indices in `found`), the copy groups, their strong components,
    the event of each item and the word weights used."""

    vectorizer: Vectorizer | None = None
    items: list[Item] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    copies: list[list[int]] = field(default_factory=list)
    components: list[int] = field(default_factory=list)  # per copy group (strong_components)
    # group -> the groups its lookup found, with their links (_pair_links)
    lookups: dict[int, tuple[array, array]] = field(default_factory=dict)
    event_of: dict[int, str] = field(default_factory=dict)  # id(item) -> its cluster's event_id
    passages: int = 0  # the passages the weights were fitted on


def merge(found: list[Found], dcts: dict[str, str], cancel: Cancellation = NEVER, *,
          vectorizer: Vectorizer | None = None, keep: MergeState | None = None) -> list[Event]:
    """Events of all articles' mentions (`cancel` checked throughout: merging a large corpus
    takes long enough that Cancel must answer inside it). The words are weighed by
    `vectorizer`, by default one fitted on these passages."""
    vec = vectorizer or merge_weights(found)
    positions: list[int] = []
    items = build_items(found, dcts, cancel, vec, positions)
    if keep is not None:
        keep.vectorizer, keep.items, keep.positions = vec, items, positions
        keep.event_of = {}
        keep.passages = len(found)
    clusters = cluster(items, cancel, keep)
    if keep is not None:  # the merge's own clusters, which an incremental merge starts from
        for g in clusters:
            ident = event_id(g)
            for it in g:
                keep.event_of[id(it)] = ident
    events = []
    for g in join_same_day(join_precisions(join_publication_dated(join_same_words(clusters, cancel),
                                                                  vec, cancel), cancel), cancel):
        cancel.check()
        events.append(make_event(g))
    events.sort(key=lambda e: (e.start, e.end, e.label, e.id))
    return events


# -- a happening told as news of the day in one article and dated by a time in another -------
# (the rule, its threshold and its example: data/event_kinds.json publication_day)


def unmarked_vector(it: Item, vec: Vectorizer) -> dict[str, float]:
    """A clause event's words as a mention dated by a time expression has them (own_words
    keeps them apart, marked): the same words weighed by the dated passages' weights."""
    out = {}
    for t, w in it.vector.items():
        plain = t[1:] if t.startswith(CLAUSE_WORD_MARK) else t
        mark = vec.idf.get(t, 1.0)
        out[plain] = out.get(plain, 0.0) + w / mark * vec.idf.get(plain, mark)
    return unit(out)


def _kinds(group: list[Item]) -> set[str]:
    """The kind of happening a cluster tells: its most typical mention's event word's
    (_medoid, told_with; none for a reporting verb or an event noun)."""
    w = _medoid(group).told_with
    return set() if w is None else {w.kind}


def _event_words(group: list[Item]) -> set[str]:
    """The event words of a cluster's mentions as its vectors hold them (stemmed): what
    tells the kind of happening, not who and where."""
    return {stem(w.lower()) for it in group if (w := _trigger(it.mention))}


def _day_before(day: Interval) -> Interval | None:
    """The day before `day`; None before 0001-01-01 (a fuzzed page, never news)."""
    if day.start.date() == date.min:
        return None
    return Interval(day.start - timedelta(days=1), day.start, Granularity.DAY)


def _day_of(group: list[Item]) -> Interval | None:
    """The day a cluster's dates all lie in, when they do (a day, or times and parts of it)."""
    first = group[0].interval
    midnight = datetime.combine(first.start.date(), datetime.min.time())
    if midnight.date() == date.max:
        return None  # 9999-12-31: no day after it to end this one (a fuzzed page, never news)
    day = Interval(midnight, midnight + timedelta(days=1), Granularity.DAY)  # the day, whatever
    # the precision of its first date: "at 4 a.m. Friday" and "on Friday" have one day
    for it in group:
        iv = it.interval
        if not (iv.granularity.day_or_finer and day.start <= iv.start and iv.end <= day.end):
            return None
    return day


def _told_as_headline(group: list[Item]) -> bool:
    """Whether a clause event of a cluster tells its happening in the manner of a headline
    (clauses.tells_as_headline: "Lindsay Lohan checks into rehab", "has checked into"):
    news a morning paper reports the day after it happened."""
    for it in group:
        m = it.mention
        if m.trigger_start is not None and m.start <= m.trigger_start < m.trigger_end <= m.end \
                and tells_as_headline(m.text, (m.trigger_start - m.start, m.trigger_end - m.start)):
            return True
    return False


def publication_side(group: list[Item], kinds: bool = True) -> tuple[str, Interval] | None:
    """Which side of join_publication_dated a cluster is on, with its day: "clause" (clause
    events only, of one day), "dated" (no clause event, a mention dated by a time
    expression, of one day), or None: it joins no other there. A cluster of no kind of
    happening (_kinds) joins none either (kinds=False: not asked)."""
    clause = [is_clause_event(it.mention) for it in group]
    if not all(clause) and (any(clause) or not any(it.mention.dated_by == "time expression"
                                                   for it in group)):
        return None
    day = _day_of(group)
    if day is None or kinds and not _kinds(group):
        return None
    return ("clause" if all(clause) else "dated"), day


def join_publication_dated(clusters: list[list[Item]], vec: Vectorizer,
                           cancel: Cancellation = NEVER, memo: dict | None = None
                           ) -> list[list[Item]]:
    """The clusters with each one of clause events dated only by their articles' publication
    ("Lindsay Lohan checks into rehab", the day it was published) joined to the cluster of
    mentions dated by a time expression that tells the same happening ("the actress checked
    into the Betty Ford Center early Friday", in another article): their day the clause
    events' day (or a time on it), a kind of happening in common (told_with: "died" and
    "passed away"; a reporting verb tells none) and their other words alike (the same people,
    places and figures: the average over their pairs of the dot product of the clause
    events' words, weighed as the dated passages' are, with the dated mentions', the event
    words left out, reaching event_kinds.json publication_day.threshold). A
    clause cluster joins the one it is most alike (ties: the event's id). The joined event
    keeps the time expression's date (make_event prefers it at equal support) and never
    holds two clusters dated by time expressions: clause events only add sources to it.
    Never within one article alone (a clause cluster of one article, a dated cluster of it
    only: it tells two happenings, publication_day.one_article). A clause cluster one of
    whose events is told in the manner of a headline (the present perfect or the simple
    present of a happening: "Lindsay Lohan checks into rehab", _told_as_headline) may join
    a cluster of the day before as well (publication_day.day_before: a morning paper's news
    of the day before); of both days, the most alike.
    Candidates come from the date index (events.blocking: the dated clusters filed under
    their day and their words), so this grows with the clusters, never with their pairs.
    `memo` keeps what each cluster tells (its kinds, words, headline manner), by its items,
    for another call with the same items and `vec` (kerryview.incremental.merge joins the
    clusters before a change and after it, most of them the same)."""
    from kerryview.events.blocking import DateTermIndex, key_terms

    threshold = event_kinds().publication
    memo = {} if memo is None else memo  # (each cluster's made when first asked for)
    here: dict[str, dict[int, object]] = {}  # (and by its place in `clusters`)

    def of(what: str, k: int, make: Callable[[list[Item]], object]):
        mine = here.get(what)
        if mine is None:
            mine = here[what] = {}
        got = mine.get(k, mine)
        if got is mine:
            key = (what, tuple(map(id, clusters[k])))
            got = memo.get(key, memo)
            if got is memo:
                got = memo[key] = make(clusters[k])
            mine[k] = got
        return got

    def kinds_of(k: int) -> set[str]:
        return of("kinds", k, _kinds)

    def unmarked(c: list[Item]) -> dict[str, float]:
        total: dict[str, float] = {}
        for it in c:
            for t, w in unmarked_vector(it, vec).items():
                total[t] = total.get(t, 0.0) + w
        return total

    def side_of(k: int) -> tuple[str, Interval] | None:
        return of("side", k, lambda c: publication_side(c, kinds=False))

    clause_side: list[tuple[int, Interval]] = []
    for k in range(len(clusters)):
        side = side_of(k)
        if side is not None and side[0] == "clause" and kinds_of(k):  # (of no kind: joins none)
            clause_side.append((k, side[1]))
    # their days and the days before (whether a cluster may join the day before is asked
    # only when that day has a dated cluster: _told_as_headline reads its clauses)
    days = {d.start for _, day in clause_side for d in (day, _day_before(day)) if d is not None}
    # the dated clusters of those days, filed under their day alone (a bucket of level 0: a
    # day's join reads that day's clusters only, kerryview.incremental.merge reads them so)
    index = DateTermIndex()
    dated: dict[int, tuple[Interval, dict[str, float]]] = {}
    for k in range(len(clusters)) if days else ():
        cancel.check()
        side = side_of(k)
        if side is None or side[0] != "dated" or side[1].start not in days:
            continue
        day = side[1]
        total = of("sum", k, _vector_sum)
        dated[k] = (day, total)
        index.add(k, unit(total), day, False, day.start)

    def words_of(k: int) -> set[str]:
        return of("words", k, _event_words)

    def alike(k: int, j: int, jtotal: dict[str, float]) -> float | None:
        """How alike clause cluster k is to cluster j (whose words sum to `jtotal`): the
        average dot product of their words but the event words, when it reaches the
        threshold, they tell a kind of happening in common and not one article alone tells
        both; else None."""
        c, other = clusters[k], clusters[j]
        if kinds_of(k).isdisjoint(kinds_of(j)):
            return None
        docs = {it.mention.document_id for it in c}
        if len(docs) == 1 and all(it.mention.document_id in docs for it in other):
            return None
        words = words_of(k) | words_of(j)
        s = sum(w * jtotal.get(t, 0.0) for t, w in of("unmarked", k, unmarked).items()
                if t not in words) / (len(c) * len(other))
        return s if s >= threshold else None

    into: dict[int, int] = {}
    dated_days = {day.start for day, _ in dated.values()}
    for k, day in clause_side:
        cancel.check()
        before: Interval | None = _day_before(day)
        if before is None or before.start not in dated_days or not of("headline", k, _told_as_headline):
            before = None
        if day.start not in dated_days and before is None:
            continue
        terms = key_terms(unit(of("unmarked", k, unmarked)))
        best: tuple[float, str, int] | None = None
        found = index.candidates(terms, day, False)
        if before is not None:
            found.update(index.candidates(terms, before, False))
        for j in found:
            jday, jtotal = dated[j]
            s = alike(k, j, jtotal) if jday == day or jday == before else None
            if s is not None:
                key = (-s, event_id(clusters[j]), j)
                if best is None or key < best:
                    best = key
        if best is not None:
            into[k] = best[2]
    # publication_day.clause_day_before: a clause cluster told in the manner of a headline,
    # with the most alike clause cluster of the day before (found through an index of those
    # of each day that has a clause cluster the day after, under their day alone); kept when
    # neither joined a dated cluster, the day before's has no match of its own the day
    # before it, and none of the day after matches the later one: a happening told two days
    # running is one, told three or more days running each day's stays its own (no chain of
    # days, and no pairing of a run of days that would hang on where the run starts: each
    # join reads four days, the same whichever article came first)
    days_of = {k: day.start for k, day in clause_side}
    after = set(days_of.values())
    earlier = DateTermIndex()
    targets: set[int] = set()
    for k, day in clause_side:
        if day.end in after:  # (a clause cluster's day is a whole day: its end the next's start)
            cancel.check()
            targets.add(k)
            earlier.add(k, unit(of("unmarked", k, unmarked)), day, False, day.start)
    onto: dict[int, int] = {}
    for k, day in clause_side if targets else ():
        before = _day_before(day)
        if before is None or not of("headline", k, _told_as_headline):
            continue
        cancel.check()
        best = None
        for j in earlier.candidates(key_terms(unit(of("unmarked", k, unmarked))), before, False):
            s = alike(k, j, of("unmarked", j, unmarked)) if j in targets else None
            if s is not None and days_of[j] == before.start:
                key = (-s, event_id(clusters[j]), j)
                if best is None or key < best:
                    best = key
        if best is not None:
            onto[k] = best[2]
    to_dated, matched = set(into), set(onto.values())
    for k, j in onto.items():
        if k not in to_dated and j not in to_dated and j not in onto and k not in matched:
            into[k] = j
    if not into:
        return clusters
    joined: dict[int, list[Item]] = {}
    for k, j in into.items():
        joined.setdefault(j, list(clusters[j])).extend(clusters[k])
    out = []
    for k, c in enumerate(clusters):
        if k in into:
            continue
        c = joined.get(k, c)
        out.append(_in_text_order(c) if k in joined else c)
    return out


# -- one happening told at two precisions in two clusters ------------------------------------
# (the rule, its thresholds, its example and counter-example: data/two_precisions.json)


def _length(it: Item) -> timedelta:
    return it.interval.end - it.interval.start


def _finest(group: list[Item]) -> Item:
    """A cluster's finest date (the shortest; ties: the earliest, then its document and
    place): the one make_event dates it by, bar disagreements."""
    return min(group, key=lambda it: (_length(it), it.interval.start, it.mention.document_id,
                                      it.mention.start))


def coarse_span(group: list[Item], finest: Item | None = None) -> Interval | None:
    """A cluster's finest date when the cluster may join a finer one as the coarser telling
    of its happening (join_precisions): at most two_precisions.max_days long, and no clause
    event (dated by its article's publication: join_publication_dated reads those); else
    None. `finest`: the cluster's _finest, when the caller has it."""
    finest = _finest(group) if finest is None else finest
    if _length(finest) > timedelta(days=two_precisions().max_days) \
            or any(is_clause_event(it.mention) for it in group):
        return None
    return finest.interval


def _distinct_dates(group: list[Item]) -> list[Item]:
    return list({it.date_key: it for it in group}.values())


def told_at_two_precisions(coarse: list[Item], fine: list[Item]) -> float | None:
    """How alike a cluster of coarser dates is to a finer one's when both may tell one
    happening (the finest date of `coarse` longer than the finest of `fine`, every date of
    one compatible with every date of the other, no sentence giving a date to each): the
    average, over the coarse mentions, of each one's best link with the fine ones of other
    articles (link: their words, the kinds of their event words; two passages of one
    article share its vocabulary, and one that tells a day and, elsewhere, its month
    mostly tells two things: "describes the scene in the wake of the earthquake" is not
    the quake); else None."""
    if _length(_finest(coarse)) <= _length(_finest(fine)):
        return None
    return _alike_at_two(coarse, fine, _distinct_dates(coarse), _distinct_dates(fine))


def _alike_at_two(coarse: list[Item], fine: list[Item], coarse_dates: list[Item],
                  fine_dates: list[Item]) -> float | None:
    """told_at_two_precisions once the coarse cluster's finest date is known to be the
    longer, with each cluster's _distinct_dates (join_precisions makes them once per cluster,
    not once per pair)."""
    if not all(_compatible_items(a, b) for a in coarse_dates for b in fine_dates):
        return None
    where = {(it.mention.document_id, it.mention.start): it.mention.timex.value for it in fine}
    for it in coarse:
        value = where.get((it.mention.document_id, it.mention.start))
        if value is not None and value != it.mention.timex.value:
            return None  # two dates of one sentence (join_same_words reads those)
    return sum(max((link(a, b) for b in fine if b.mention.document_id != a.mention.document_id),
                   default=0.0) for a in coarse) / len(coarse)


def join_precisions(clusters: list[list[Item]], cancel: Cancellation = NEVER) -> list[list[Item]]:
    """The clusters with each cluster of coarser dates joined to the finer cluster that tells
    the same happening ("Michael Jackson died in June 2009" / "... died on 25 June"; "on
    Tuesday" / "on Tuesday at 18:00 UTC"): a cluster with a coarse_span joins, of the
    clusters whose finest date is a day or a time of it inside that span, the one it is most
    alike (told_at_two_precisions, at least data/two_precisions.json threshold; ties: the
    event's id), unless a cluster of another day (its dates not compatible with the
    best's) is nearly as alike (at least two_precisions.ambiguous x the best's): a month
    alike to two of its days says neither, and stays apart. Each cluster's choice reads
    only the clusters of the days of its span (kerryview.incremental.merge reads those), and
    a cluster chosen may itself join a finer one (a day, then a time of it)."""
    rule = two_precisions()
    least = rule.ambiguous * rule.threshold  # (a likeness below it neither joins nor rivals)
    finest = [_finest(c) for c in clusters]
    lengths = [_length(f) for f in finest]
    by_day: dict[int, list[int]] = {}
    for k, f in enumerate(finest):
        if f.interval.granularity.day_or_finer:
            by_day.setdefault(f.interval.start.toordinal(), []).append(k)
    if not by_day:
        return clusters
    sums: dict[int, dict[str, float]] = {}  # the sum of a cluster's vectors, when first asked for
    distinct: dict[int, list[Item]] = {}  # a cluster's _distinct_dates, when first asked for
    factor = max(1.0, event_kinds().same)  # (link: at most the cosine x this)

    def vector_sum(k: int) -> dict[str, float]:
        got = sums.get(k)
        if got is None:
            got = sums[k] = _vector_sum(clusters[k])
        return got

    def dates(k: int) -> list[Item]:
        got = distinct.get(k)
        if got is None:
            got = distinct[k] = _distinct_dates(clusters[k])
        return got

    def may_reach(k: int, j: int) -> bool:
        """Whether cluster j may be `least` alike to cluster k: a passage's cosine with j's
        best is at most its dot product with the sum of j's (unit) vectors, so the average
        of k's at most the dot product of the two sums over k's size."""
        a, b = vector_sum(k), vector_sum(j)
        if len(a) > len(b):
            a, b = b, a
        dot = sum(w * b.get(t, 0.0) for t, w in a.items())
        return factor * dot >= least * len(clusters[k]) * _HAIR

    into: dict[int, int] = {}
    for k, c in enumerate(clusters):
        cancel.check()
        span = coarse_span(c, finest[k])
        if span is None:
            continue
        length = lengths[k]
        scored: list[tuple[float, str, int]] = []
        for d in _cells(span, 0):  # the days of its span
            for j in by_day.get(d, ()):
                if j == k or lengths[j] >= length or not may_reach(k, j):  # (no word in common: 0)
                    continue
                s = _alike_at_two(c, clusters[j], dates(k), dates(j))  # (told_at_two_precisions:
                # its finest date is the longer)
                if s is not None and s >= least:
                    scored.append((-s, event_id(clusters[j]), j))
        if not scored:
            continue
        scored.sort()
        best_s, _, best = scored[0]
        if -best_s < rule.threshold:
            continue
        if any(-s >= rule.ambiguous * -best_s
               and not all(_compatible_items(a, b) for a in dates(best) for b in dates(j))
               for s, _, j in scored[1:]):
            continue  # alike to two days as much: neither
        into[k] = best
    if not into:
        return clusters
    groups: Joined[int] = Joined()
    for k, j in into.items():
        groups.join(k, j)
    out: dict[int, list[Item]] = {}
    for k, c in enumerate(clusters):
        out.setdefault(groups.find(k), []).extend(c)
    return [_in_text_order(c) if len(c) > len(clusters[k]) else c for k, c in out.items()]


def _in_text_order(cluster: list[Item]) -> list[Item]:
    """A joined cluster's items as its articles tell them (document, then place, then the
    place of the date): the order a cluster built at once has, whatever the join's order."""
    return sorted(cluster, key=lambda it: (it.mention.document_id, it.mention.start,
                                           it.mention.timex.start))


# -- many clusters of one happening on its day -----------------------------------------------
# (the rule, its threshold, its example and counter-example: data/event_kinds.json same_day)


def same_day_key(group: list[Item]) -> tuple[int, str] | None:
    """The day and kind by which join_same_day compares a cluster: the day of its finest date
    when that is a day or a time of it, and the kind of happening its most typical mention's
    event word tells when data/event_kinds.json lists it (not a word of no kind, a reporting
    verb, an event noun or a directive); else None: it joins no other there."""
    finest = _finest(group).interval
    if not finest.granularity.day_or_finer:
        return None
    word = _medoid(group).told_with
    if word is None or not word.listed or word.kind == DIRECTIVE:
        return None
    return finest.start.toordinal(), word.kind


def join_same_day(clusters: list[list[Item]], cancel: Cancellation = NEVER) -> list[list[Item]]:
    """The clusters of one day and one kind of happening (same_day_key) joined when the sums
    of their vectors are alike (their cosine at least data/event_kinds.json same_day
    threshold): the words most of their passages share weigh most, where agglomerate asks
    the average pair to be alike, which many sources of one happening told amid other news
    never are. Most alike pairs first (ties: the events' ids); each join asked again of the
    sums joined so far, with every date of one compatible with every date of the other, no
    sentence giving each a date (as agglomerate asks), and never of one article alone.
    Each join reads only the clusters of its day (kerryview.incremental.merge reads those);
    candidates are the clusters of a day and kind sharing one of their key_terms."""
    from kerryview.events.blocking import key_terms

    threshold = event_kinds().same_day
    by_key: dict[tuple[int, str], list[int]] = {}
    for k, c in enumerate(clusters):
        cancel.check()
        key = same_day_key(c)
        if key is not None:
            by_key.setdefault(key, []).append(k)
    sums: dict[int, dict[str, float]] = {}
    ids: dict[int, str] = {}
    pairs: list[tuple[float, str, str, int, int]] = []
    for ks in by_key.values():
        if len(ks) < 2:
            continue
        for k in ks:
            sums[k], ids[k] = _vector_sum(clusters[k]), event_id(clusters[k])
        index: dict[str, list[int]] = {}
        units = {k: unit(sums[k]) for k in ks}  # (once per cluster, not per pair)
        for k in sorted(ks, key=ids.__getitem__):  # (the same pairs in any order of clusters)
            cancel.check()
            mine = units[k]
            seen: set[int] = set()
            for t in key_terms(mine):
                for j in index.get(t, ()):
                    if j not in seen:
                        seen.add(j)
                        s = cosine(mine, units[j])
                        if s >= threshold * _HAIR:
                            a, b = sorted((k, j), key=ids.__getitem__)
                            pairs.append((-s, ids[a], ids[b], a, b))
                index.setdefault(t, []).append(k)
    if not pairs:
        return clusters
    pairs.sort()
    groups: Joined[int] = Joined()
    joined: dict[int, tuple[list[Item], dict[str, float], _Group]] = {}

    def of(k: int) -> tuple[list[Item], dict[str, float], _Group]:
        got = joined.get(k)
        if got is None:
            c = clusters[k]
            got = joined[k] = (list(c), dict(sums[k]), _Group.of(list(range(len(c))), c))
        return got

    for _, _, _, a, b in pairs:
        cancel.check()
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        (ia, sa, ga), (ib, sb, gb) = of(ra), of(rb)
        if len(ga.docs | gb.docs) == 1 or not ga.compatible(gb) or ga.same_sentence(gb) \
                or cosine(unit(sa), unit(sb)) < threshold * _HAIR \
                or two_happenings(_medoid(ia), _medoid(ib)) or ga.two_doers(gb):
            continue
        root = groups.join(ra, rb)
        keep, gone = (ra, rb) if root == ra else (rb, ra)
        (ik, sk, gk), (ig, sg, gg) = joined[keep], joined.pop(gone)
        ik.extend(ig)
        for t, w in sg.items():
            sk[t] = sk.get(t, 0.0) + w
        gk.absorb(gg)
    out: list[list[Item]] = []
    for k, c in enumerate(clusters):
        if groups.find(k) != k:
            continue  # joined into the cluster of the smallest index (Joined)
        got = joined.get(k)
        out.append(_in_text_order(got[0]) if got is not None and len(got[0]) > len(c) else c)
    return out
