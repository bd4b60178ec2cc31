"""Which dates of a history set the story's time, and which only name a thing of another time.

A narrative's undated "on 17 August" takes the year of the story's last date (anchor.py). Not
every date a history writes is the story's time, though: "the Civil Constitution of the Clergy",
"the Constitution of 1793", "the rules of 1614", "the August 1792 uprising", "the 1911
Encyclopaedia" name a law, an edition or an event by its date, in the middle of a story told
about another year. Such a date is right in itself, but the story does not move to it: the next
"on 17 August" still belongs to the year being narrated. Two forms are recognised, from the
words around the date:

- a date used as a noun modifier after a determiner: "the 1614 rules", "the August 1792 uprising";
- a year after "of" that follows a word which is not a time word: "the Constitution of 1793",
  "the Estates-General of 1614" (but "the spring of 1794", "the end of 1776" are the story's, and
  so is a happening in lower case: "the campaign of 1862", list event_of_year);
- a year alone in brackets after a name: "the Civil Constitution of the Clergy (1790)" (not a
  section heading run into its text: "Eastern Front (1914) In August ..."), or a span of years
  there: a life or a reign, "Ho Chi Minh (1890–1969)", or a war named in passing, "the Korean
  War (1950–1953)" (at a heading, "Western Front (1914–1918)", it is the story's);
- a year compared with: "arranged as in 1614", "higher than in 1913".

Quoted speech (`in_quotation`) speaks from the story's day: "We go tomorrow," said on 5 June.
In news, a date counted from another inside someone's speech (quoted, or reported with "says":
`speech_end`; the verbs: kerryview/text/data/reporting_verbs.json "present") is the speaker's account: it is the reference only until that speech ends, so a later
bare "7.51 pm" stays on the writer's day (anchor.Resolver.resolve).

And a date in a clause in the past perfect ("the Estates-General had last met in 1614", "Romania
had been allied with them since 1882") lies before the story's time by the tense alone
(Reichenbach's reference time stays where the story is): `past_perfect_before`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kerryview.text.verbs import is_verb
from kerryview.text.wordlists import cues, irregular_verbs, reporting_verbs, stopwords

from .lexicon import alternation, table

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.-]*)\s+$")
_OF_BEFORE = re.compile(r"([A-Za-z][\w'-]*)\s+of\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w.-]*)")
_YEAR = re.compile(r"\d{3,4}")
_NAME_BRACKET = re.compile(r"(?-i:[A-Z])[\w'-]*\s*\($")
_HEADING_AFTER = re.compile(r"[ \t]*\n|[ \t]+(?-i:[A-Z])")  # "Eastern Front (1914) In August": a section heading
_COMPARED = re.compile(r"\b(?:as|than)\s+(?:in|of|at)\s+$", re.I)
# "Ho Chi Minh (1890–1969)", "the Korean War (1950-53)": a span of years in brackets after a name
# (or of dates: "Ho Chi Minh (19 May 1890 – 2 September 1969)", "(May 1890 – September 1969)")
_SPAN_TO = re.compile(r"\s*[-–—]\s*(?:[\w.,]+\s+){0,3}\d{2,4}\s*\)")  # after the span's first date, to its bracket
_NAME_BRACKET_YEAR = re.compile(r"(?-i:[A-Z])[\w'-]*\s*\(\s*(?:[\w.,]+\s+){0,3}\d{3,4}\s*[-–—]\s*$")  # before its second


@lru_cache(maxsize=1)
def _likened() -> re.Pattern[str]:
    """A date a comparison holds up beside the story's ("Like Napoleon in 1812,", "unlike
    1915", "compared with 1913"): the words of rules/narrative.json comparison_preposition, then
    the date or up to four words and a preposition before it."""
    words = alternation(table("comparison_preposition"))
    return re.compile(rf"\b{words}\s+(?:(?:[\w'.-]+\s+){{0,4}}?(?:in|of|at|during)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """Words that make "<word> of 1794" a time of the story (lexicon time words and the list)."""
    from .recognize import triggers  # the recognizer's time words (lazy: recognize imports anchor's users)
    return frozenset(triggers()) | frozenset(table("name_of_year_ok"))


HEADING_WORDS = 10  # a line of at most this many words without a sentence's end is a heading
HEADING_CHARS = 200  # nor longer than this on either side of the date (the search for its line ends there)
_LINE_END = re.compile(r"[.!?:;,]\W*$")


def in_heading(text: str, start: int, end: int) -> bool:
    """text[start:end] stands in a line of its own that is a section heading: a few words with no
    sentence's end ("Estates-General of 1789", "Western Front (1914–1918)")."""
    lo = text.rfind("\n", max(0, start - HEADING_CHARS), start) + 1
    hi = text.find("\n", end, end + HEADING_CHARS)
    if lo == 0 or hi < 0:
        return False
    line = text[lo:hi]
    return len(line.split()) <= HEADING_WORDS and _LINE_END.search(line) is None


def names_a_thing(text: str, start: int, end: int) -> bool:
    """The date text[start:end], which writes its year, names a thing (a law, an edition, an
    event) instead of setting the time of the story around it. Never in a section heading:
    "Estates-General of 1789" over a section is the time that section narrates."""
    if _YEAR.search(text, start, end) is None or in_heading(text, start, end):
        return False
    before = text[max(0, start - 40):start]
    m = _WORD_BEFORE.search(before)
    if m is not None and m.group(1).lower() in table("attributive_year_det"):
        nxt = _WORD_AFTER.match(text, end)
        if nxt is not None and nxt.group(1).lower().rstrip(".") not in table("attributive_year_follow_block"):
            return True
    if _NAME_BRACKET.search(before) and text.startswith(")", end) and not _HEADING_AFTER.match(text, end + 1) \
            or _COMPARED.search(before) or _likened().search(before):
        return True
    if _NAME_BRACKET.search(before) and (span := _SPAN_TO.match(text, end)) is not None:
        return not _HEADING_AFTER.match(text, span.end())  # the first year of "Ho Chi Minh (1890–1969)"
    if _NAME_BRACKET_YEAR.search(before) and text.startswith(")", end):
        return not _HEADING_AFTER.match(text, end + 1)  # its last year
    m = _OF_BEFORE.search(before)
    if m is None or m.group(1).lower() in _time_words():
        return False
    # "the campaign of 1862": a happening at that time, the story's (but "the Revolution of 1848")
    return not (m.group(1).islower() and m.group(1) in table("event_of_year"))


_OF = re.compile(r"\s+of\s+(?=[A-Za-z])")
_PHRASE_WORD = re.compile(r"\s*([A-Za-z][\w'-]*)")
_NAME_GOES_ON = re.compile(r"\s+(?:the\s+)?(?-i:[A-Z])")
OF_PHRASE_WORDS = 5  # words of a duration's "of" phrase at most, its determiner included


def of_phrase_end(text: str, end: int, joiner: re.Pattern[str] = _OF) -> int | None:
    """Where the "of" phrase that a duration ending at `end` governs ends, as the annotators of
    histories mark the duration's extent ("[two months of siege]", "[more than 20 years of war]",
    "[the first three years of the American Revolutionary War]", "[The last days of this battle]
    signified"; news marks the duration alone): "of", a determiner (narrative.json
    attributive_year_det), then words up to a punctuation mark, a function word (text/data
    stopwords.txt; an "of" between capitalized words of a name goes on: "the Battle of (the)
    Somme") or a verb (text.verbs.is_verb; after the first word also one in -ing). None when no
    word follows "of" ("of 1915"). `joiner`: the words that open the phrase, "of" unless another
    is given ("the years [following] the war")."""
    m = joiner.match(text, end, end + 16)
    if m is None:
        return None
    pos, taken, last = m.end(), 0, None
    stop = stopwords()
    while taken < OF_PHRASE_WORDS:
        w = _PHRASE_WORD.match(text, pos, pos + 40)
        if w is None:
            break
        word, low = w.group(1), w.group(1).lower()
        if taken == 0 and last is None and low in table("attributive_year_det"):
            pos, taken = w.end(), taken + 1
            continue
        if low == "of" and last is not None and last[:1].isupper():
            after = _NAME_GOES_ON.match(text, w.end(), w.end() + 40)
            if after is not None:
                pos, taken = after.end() - 1, taken + 1  # "the Battle of (the) Somme": the name goes on
                continue
        if low in stop or len(word) < 2 or (last is not None and (_participle_with_object(text, w.end(), last) or is_verb(
                word, text[max(0, w.start(1) - 12):w.start(1)], finite=True))):
            break  # (a single letter is an initial: "27 years of T.B."; "...War improving its finances")
        pos, taken, last = w.end(), taken + 1, word
    return pos if last is not None else None


def _participle_with_object(text: str, end: int, last: str) -> bool:
    """The word in -ing that ends at `end` opens a participle clause with its object, so it is no
    noun of an "of" phrase: a possessive or object pronoun follows ("the years following the war
    improving its finances", narrative.json participle_object), or a determiner follows a name
    ("...the First Punic War improving the fleet"). Else it is a gerund, a noun of the phrase
    ("[four years of bloody fighting] the South surrendered", "[two years of hard bargaining]")."""
    if not text[end - 3:end].lower() == "ing":
        return False
    nxt = _PHRASE_WORD.match(text, end, end + 40)
    if nxt is None:
        return False
    low = nxt.group(1).lower()
    return low in table("participle_object") or (last[:1].isupper() and low in table("attributive_year_det"))


_SENTENCE_START = re.compile(r"[.;!?:\n\"(][^.;!?:\n\"(]*$")
# ", drawn up in 1905,", "Born in 1860,": an aside that a past participle opens after a comma or
# at the head of its sentence, then the date (the comma or the sentence's start, its words)
_PARTICIPLE_ASIDE = re.compile(r"(,|(?:^|[.!?;:]|\n))\s*((?:[\w'-]+\s+){1,6}?)(?:(?:in|on|during)\s+)?$")
# the comma that closes it, right after the date or a few words on (", drafted in 1911 by the staff,")
_ASIDE_END = re.compile(r"(?:\s+[\w'-]+){0,5}?\s*,")


def participle_aside(text: str, start: int, end: int) -> bool:
    """The date text[start:end] stands in an aside set off by commas that a past participle opens:
    "The Schlieffen Plan, drawn up in 1905, called for ...", "the treaty, signed in 1839,
    guaranteed ...", "the plan, first drafted in 1911 by the staff, was ...", "the fort, built in
    1885 and rebuilt in 1910, was ...", or one that heads its sentence: "Born in 1860, the
    general ...", "Founded in 1871, the empire ..." (the participle the sentence's first word, a
    function word right after it: not "Allied troops landed in 1915, and"); the preposition may
    be missing (", founded 1930,"). Such a reduced relative clause tells how a thing came to be,
    as the past perfect does; a date earlier than the story's there does not take the story
    back. An adverb may open it ("once built", "originally signed": -ly or narrative.json
    past_perfect_adverb)."""
    m = _PARTICIPLE_ASIDE.search(text, max(0, start - 80), start)
    if m is None or _ASIDE_END.match(text, end) is None:
        return False
    words = [w.lower() for w in m.group(2).split()]
    if m.group(1) != ",":  # the head of a sentence: "Born in", "Wounded at Verdun in"
        if len(words) > 1 and words[1] not in stopwords():
            return False
        verb = words[0]
    else:
        adverb = words[0].endswith("ly") or words[0] in table("past_perfect_adverb")
        verb = words[1] if adverb and len(words) > 1 else words[0]
    return _participle(verb) and verb not in table("participle_lookalike")


_BRACKET_OPEN = re.compile(r"\(([^()\n]{1,100})$")
_BRACKET_CLOSE = re.compile(r"[^()\n]{0,100}\)")


def bracket_aside(text: str, start: int, end: int) -> bool:
    """The date text[start:end] stands inside brackets after words of their own: "(born in
    1880)", "(elected in 1897 to the assembly)", "(as his father had done in 1781)". A
    parenthesis is an aside: it does not carry the story on, so its date, of another year, is
    not the story's time. A bracket that holds the date alone glosses the clause it follows
    ("the Battle of the Marne (6 September 1914)": names_a_thing decides on a bare year),
    and the second date of a span in brackets ("(July 1951 - July 1953)") is not an aside either:
    no digit may stand before the date inside its bracket. Never in a section heading."""
    m = _BRACKET_OPEN.search(text, max(0, start - 100), start)
    if m is None or not re.search(r"[A-Za-z]", m.group(1)) or re.search(r"\d", m.group(1)):
        return False
    return _BRACKET_CLOSE.match(text, end) is not None and not in_heading(text, start, end)


def past_perfect_before(text: str, start: int) -> bool:
    """The clause before text[start] is in the past perfect: "had met", "had long been"."""
    before = text[max(0, start - 120):start]
    m = _SENTENCE_START.search(before)
    return _has_past_perfect(before[m.start() + 1:] if m is not None else before)


def _has_past_perfect(clause: str) -> bool:
    for h in re.finditer(r"\bhad\s+(\w+)(?:\s+(\w+))?", clause, re.I):
        first, second = h.group(1).lower(), (h.group(2) or "").lower()
        verb = second if first in table("past_perfect_adverb") else first
        if _participle(verb):
            return True
    return False


@lru_cache(maxsize=1)
def _clause_end() -> re.Pattern[str]:
    """Where the clause a date opens ends, or a subordinate clause begins ("upon finding that
    the enemy had abandoned", "news reached India in 1778 that France had entered": not the
    date's clause): punctuation, or a word of rules/narrative.json past_perfect_clause_end."""
    return re.compile(r"[.;!?:\n\"()]|\b" + alternation(table("past_perfect_clause_end")), re.I)


@lru_cache(maxsize=1)
def _limit_before() -> re.Pattern[str]:
    """A preposition of rules/narrative.json past_perfect_limit_preposition ("by") right
    before a date, with or without "the"."""
    return re.compile(r"\b" + alternation(table("past_perfect_limit_preposition")) + r"\s+(?:the\s+)?$", re.I)


def past_perfect_after(text: str, start: int, end: int) -> bool:
    """The clause a date opens goes on in the past perfect ("The year before, Italy had
    surrendered"): a flashback from the story's time. Not after "by": "By April the army had
    reached Berlin" is where the story is."""
    if _limit_before().search(text, max(0, start - 12), start):
        return False
    stop = _clause_end().search(text, end, end + 120)
    return _has_past_perfect(text[end:stop.start() if stop else end + 120])


def _participle(word: str) -> bool:
    """A past participle: regular -ed, -en, -wn, -ne ("fallen", "shown", "gone") or irregular:
    a participle of the one list of irregular verbs (text/data/irregular_verbs.json: "had met",
    "had sunk", "had dug"), or one of the project's irregular past forms (events/data/
    event_cues.json irregular_past; after "had" a form that is only a simple past does not occur)."""
    return (len(word) > 3 and word.endswith(("ed", "en", "wn", "ne"))) or word in irregular_verbs()["participles"] \
        or word in cues()["irregular_past"]


_QUOTE_WINDOW = 400  # characters looked back for an opening quotation mark (keeps tagging linear)


def in_quotation(text: str, start: int) -> bool:
    """text[start] is inside quoted speech of its paragraph: an odd number of straight double
    quotes, or an opening curly quote not yet closed, since the paragraph began ("We go
    tomorrow," he said: the speaker's "tomorrow" is the story's day after, not the writer's)."""
    lo = max(0, start - _QUOTE_WINDOW)
    para = text.rfind("\n", lo, start)
    before = text[(para + 1) if para >= 0 else lo:start]
    if before.count('"') % 2 == 1:
        return True
    return before.rfind("\u201c") > before.rfind("\u201d")


_SPEECH_END = re.compile(r"(?<=[a-z0-9)]{2}[.!?])\s|\n")
_CLOSE_QUOTE = re.compile(r"[\"\u201d]|\n")


@lru_cache(maxsize=1)
def _speech_verb() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(reporting_verbs()["present"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.I)


def speech_end(text: str, start: int, end: int) -> int | None:
    """Where the speech around text[start:end] ends, or None when the writer speaks there: the
    closing quotation mark of quoted speech, or the end of a sentence that reports what someone
    says ("Hayward says the preventer failed ... a day later"). A relative date counted inside
    it belongs to the speaker's account: it does not move the news story's own day."""
    if in_quotation(text, start):
        m = _CLOSE_QUOTE.search(text, end)
        return m.start() if m is not None else len(text)
    lo = max(0, start - _QUOTE_WINDOW)
    left = text[lo:start]
    cut = None
    for cut in _SPEECH_END.finditer(left):
        pass
    clause_start = lo + cut.end() if cut is not None else lo
    m = _SPEECH_END.search(text, end)
    stop = m.start() if m is not None else len(text)
    if _speech_verb().search(text, clause_start, stop) is None:
        return None
    return stop
