"""Labels that read like a headline: who did what, never a clause fragment ("Than originally
planned"), never a number cut in half ("000 employees" of "5,000"), and never ending in "…" when
a shorter complete label exists. The word lists are data (data/lead_rules.json)."""
from __future__ import annotations

import re
from functools import cache
from typing import Callable

from kerryview.events.antecedents import MAX_NAME_WORDS  # a name run into the text: "... BP has formed"
from kerryview.text.phrasing import MONTHS, WEEKDAYS
from kerryview.text.quotes import opens_with_mark
from kerryview.text.verbs import PARTICIPLE, has_finite_verb
from kerryview.text.wordlists import cues, event_lists, modals, reporting_verbs, stopwords
from kerryview.timex.recognize import recognize as _recognize_phrase  # a label's date heading

LEAD_RULES = "lead_rules.json"
MAX_LABEL_CHARS = 110
MIN_COMPLETE_WORDS = 4  # a label shortened at a clause break keeps at least this many words
# A comma that ends a clause, not one inside a number ("5,000", "1,461").
CLAUSE_COMMA = r"(?<!\d),|,(?!\d)"
# Where a long label may end complete: a clause break, a dash between words ("--" too), a word
# that opens another clause (data: lead_rules.json clause_end_words).
_COMPLETE_END = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:]|\s(?:--|[-–—])\s|\s(?:"
                           + "|".join(sorted(event_lists(LEAD_RULES)["clause_end_words"])) + r")\s)")
# Where a long label may also end: before a phrase that only adds where, when, how or why
# ("... beat the previous record | in Ireland"); the words are data (lead_rules.json).
_PHRASE_START = re.compile(r"(?<=\S) (?=(?:" + "|".join(sorted(event_lists(LEAD_RULES)["phrase_starts"]))
                           + r")\s)", re.IGNORECASE)
# The preposition that leads into a time expression ("in | early July"), dropped with it.
# ... and a word of degree between them ("since | almost | last August"; date_lead_in_adverbs).
DATE_LEAD_IN = re.compile(r"(?:\b(?:late|early)\s+)?\b(?:" + "|".join(sorted(event_lists(LEAD_RULES)["date_lead_ins"]))
                          + r")(?:\s+(?:" + "|".join(sorted(event_lists(LEAD_RULES)["date_lead_in_adverbs"]))
                          + r"))?\s*$", re.IGNORECASE)


def fragment_starts() -> frozenset[str]:
    return event_lists(LEAD_RULES)["fragment_starts"]


def is_fragment(label: str, conjunctions: frozenset[str] = frozenset()) -> bool:
    """Whether a label begins like the tail of a clause ("than originally planned", "maybe
    eliminated in favour of", "more than expected", "but was forced to ...") rather than with
    who did what; a leading word of `conjunctions` (dropped from labels) is looked past."""
    first = label.split()[:1]
    if first and len(first[0]) > 1 and first[0].isupper():
        return False  # "WHO said ...": an acronym, not the pronoun "who"
    if first and re.fullmatch(r"\d+,", first[0]):
        return True  # "38, was elected governor": the age of someone named before
    words = label.lower().split()
    if words and words[0] in conjunctions:
        words = words[1:]
    if not words:
        return True
    if first and PARTICIPLE.fullmatch(first[0]) and first[0] not in stopwords() \
            and first[0] not in conjunctions:
        return True  # "voiced concern ...", "citing concerns ...": the subject is further back
    raw = label.split()
    raw = raw[1:] if raw and raw[0].lower() in conjunctions else raw
    if len(raw) < len(label.split()) and raw and re.fullmatch(r"[a-z]{3,}ed", raw[0]) and raw[0] not in stopwords() \
            and not (len(raw) > 2 and raw[1].isalpha() and raw[1].islower() and raw[1] not in stopwords()
                     and (re.fullmatch(r"[a-z]{3,}ed", raw[2]) or raw[2] in cues()["irregular_past"])):
        return True  # "and helped out until the next day": a second verb of the subject before (not
        # an adjective before another verb: "and pirated movies flowed"; after a conjunction an
        # -ing word may be a gerund, the subject: "so predicting where ... is hard")
    if raw and raw[0] in cues()["irregular_past"]:
        return True  # "found a very captive market", "but gave no cause of death": lower case, a verb
    starts = fragment_starts()
    if words[0].strip(",;:") in starts:
        return True
    quantity = len(words) > 2 and words[2][:1] in "0123456789$£€"  # "more than 500 vessels"
    return len(words) > 1 and f"{words[0]} {words[1]}" in starts and not quantity


def is_conditional(label: str) -> bool:
    """Whether a label starts with a condition or an open question ("If you take the price of
    gas in 1920 ...", "Whether they will open ...", "It is still possible it could be like 1957",
    "How the oil has spread"): what might be, never an event."""
    words = label.lower().replace("’", "'").split()
    starts = event_lists(LEAD_RULES)["conditional_starts"]
    return any(" ".join(words[:n]) in starts for n in range(1, MAX_CONDITIONAL_WORDS + 1) if len(words) >= n)


MAX_CONDITIONAL_WORDS = 4  # "it is still possible"


def determiner_that(text: str, at: int) -> bool:
    """Whether the word at text[at] is "that" after a preposition ("the results of | that test",
    "in | that emergency"; lead_rules.json prepositions): a determiner, not the word that opens
    a clause; unless a subject follows it ("unique in that | it enters": a conjunction)."""
    before = text[max(0, at - 20):at].split()
    after = text[at + 4:at + 30].split()
    lists = _lists()
    nxt = after[0].lower().strip("\"“”'‘’,") if after else ""
    return text[at:at + 4].lower() == "that" and bool(before) and bool(after) \
        and before[-1].lower() in lists["prepositions"] \
        and nxt not in lists["pronoun_subjects"] | lists["object_determiners"] | {"there"}


def with_opening_quote(label: str) -> str:
    """`label` with the opening mark of a quotation it starts inside ('Pandemic committee" will
    be assembled' -> '"Pandemic committee" will be assembled'): its first quotation mark closes
    one (a curly closing mark, or a straight one after a word and before a space, a
    punctuation mark or the end)."""
    first = re.search(r"[\"“”]", label)
    if first is None or first.start() == 0:
        return label
    mark, at = first.group(), first.start()
    closes = mark == "”" or (mark == '"' and not label[at - 1].isspace()
                              and (at + 1 == len(label) or not label[at + 1].isalnum()))
    return ("“" if mark == "”" else '"') + label if closes else label


_CLOSING_SINGLE_QUOTE = re.compile(r"\w['’](?=[\s,.;:!?)]|$)")


def with_opening_single_quote(label: str, source: str) -> str:
    """`label` with the opening single quotation mark of a phrase it starts with, when the
    `source` it was read from (its sentence) has the mark before the label's first words and
    the label keeps the closing one ("Top kill' operations continued" of "'Top kill'
    operations continued" -> "'Top kill' operations continued"). The mark is looked for in the
    source, not the label: an apostrophe after a word ends a plural's possessive as often
    ("the workers' union")."""
    words = label.split()[:3]
    if not words or label[:1] in "'‘\"“":
        return label
    # the closing mark first: the pattern of the label's first words is compiled only for the
    # few labels that keep one (a pattern a label would fill the re module's cache)
    closes = _CLOSING_SINGLE_QUOTE.search(label)
    if closes is None or ("'" not in source and "‘" not in source) \
            or re.search(r"['‘’]", label[:closes.start() + 1]):
        return label
    head = re.escape(" ".join(words)).replace(r"\ ", r"\s+")
    opened = re.search(r"(?:^|(?<=[\s(\[]))(['‘])" + head, source, re.IGNORECASE)
    if opened is None:
        return label
    return opened.group(1) + label


def capitalized(label: str) -> str:
    """`label` with its first letter in upper case, after any opening quotation mark or bracket."""
    lead = len(label) - len(label.lstrip("\"“'‘("))
    return label[:lead] + label[lead:lead + 1].upper() + label[lead + 1:]


@cache
def _caption_position() -> re.Pattern[str]:
    """A photograph's position words after a name, between commas or in brackets (data/
    lead_rules.json caption_positions): ", left," "(second right)"."""
    words = sorted(_lists()["caption_positions"], key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf",\s*(?:{alt}),(?=\s)|\s*\(\s*(?:{alt})\s*\)", re.IGNORECASE)


def caption_position_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of text[a:b] that only say where a person stands in a photograph, marks and
    all ("John Mack|, left,| and Vikram Pandit leave", "Sarkozy| (right)| greets"): no event
    words, and no clause break for a label's subject."""
    return [(m.start(), m.end()) for m in _caption_position().finditer(text, a, b)]


def without_caption_positions(label: str) -> str:
    """`label` without a photograph's position words ("President Bush, left, makes a statement"
    -> "President Bush makes a statement"); between two names of a list one comma stays
    ("President Bush, center, French President Nicolas Sarkozy" -> "President Bush, French
    President Nicolas Sarkozy")."""
    def gone(m: re.Match[str]) -> str:
        rest = label[m.end():].lstrip()
        return ", " if m.group().startswith(",") and rest[:1].isupper() else " "
    return re.sub(r"\s{2,}", " ", _caption_position().sub(gone, label)).strip()


MAX_PERIOD_OPENING_CHARS = 40  # "Since the end of last year,"


def period_opening(text: str, a: int, cut: int, timex: tuple[int, int]) -> bool:
    """Whether text[a:cut], the words before a label's start, is only an opening adverbial of a
    period that runs up to the time of writing ("Since 2008, | the FAA has contracted ...";
    data/lead_rules.json period_openers) around a time expression other than the mention's own
    `timex`: the label keeps it, as the event is the period's, not a deed of one day."""
    head = text[a:cut].strip()
    words = head.split()
    if not head.endswith(",") or len(head) > MAX_PERIOD_OPENING_CHARS or not words \
            or words[0].lower().strip("\"“") not in _lists()["period_openers"] or a <= timex[0] < min(timex[1], cut):
        return False
    rest = head[len(words[0]):].strip(" ,")
    found = _recognize_phrase(rest)
    return bool(found) and found[0].start == 0 and found[-1].end >= len(rest)


def cut_number(text: str, start: int) -> bool:
    """Whether a label starting at `start` cuts a number in half ("5,|000", "3.|5 million") or
    a clock time ("2:|36 pm")."""
    return 0 < start < len(text) and text[start - 1] in ",.:" and start >= 2 \
        and text[start - 2].isdigit() and text[start].isdigit()


def shorten(label: str, limit: int = MAX_LABEL_CHARS, keep_words: int = 0) -> str:
    """`label` within `limit` characters: cut at the last clause break that keeps a complete
    label (at least its first `keep_words` words: who and the event words), else before the
    last phrase of where, when or how; else the same without the asides an editor drops first
    (in brackets, between dashes, an apposition between commas before its verb: "World Have
    Your Say - the World Service global discussion program - was presented ..."). When none
    keeps those words, the same with at least MIN_COMPLETE_WORDS words. Only when no such cut
    fits, all that again up to OVERRUN_CHARS over the limit ("... have so far contracted the
    H1N1 swine flu virus", not "... swine flu…"); only then at a word with "…"."""
    if len(label) <= limit:
        return label
    # the event words far in ("... people set last year in Ireland by recruiting 2,510 people
    # dressed as the characters created ..."): a shorter complete label still beats one in "…"
    bare = without_asides(label, keep_words)
    for most in (limit, limit + OVERRUN_CHARS):
        for least in dict.fromkeys((max(MIN_COMPLETE_WORDS, keep_words), MIN_COMPLETE_WORDS)):
            for text, keep in ((label, keep_words), bare):
                cut = _complete_cut(text, most, least - keep_words + keep, keep)
                if cut:
                    return cut
    head = _whole_name_head(label, label[:limit].rsplit(" ", 1)[0], limit + OVERRUN_CHARS, keep_words)
    if _opens_bracket(head):  # not "... customers (who had bought the cars…": before the aside
        before = head[:max(head.rfind("("), head.rfind("["))]
        if len(before.split()) >= MIN_COMPLETE_WORDS:
            head = before
    return head.rstrip(" ,;:") + "…"


OVERRUN_CHARS = 20  # a complete label this much over the limit beats one cut off with "…"
_NAME_PART = re.compile(r"[A-Z0-9][\w.'’&-]*")  # a word of a name or of a date ("New", "3" of "3 June")


def _whole_name_head(label: str, head: str, most: int, keep_words: int) -> str:
    """`head`, a label cut off at a word, never in the middle of a name of capitalized words
    (with its lead_rules.json name_links: "Gulf of Mexico") or of a date ("on 3 | June"): the
    whole name when it ends within `most` characters, else the words before it; and then not
    on a function word ("... inquiries into the…"): the label ends at a complete phrase. Never
    before its first MIN_COMPLETE_WORDS words nor its `keep_words` (who and the event words)
    when `head` holds them."""
    words = label.split()
    n = len(head.split())
    least = max(MIN_COMPLETE_WORDS, keep_words if n >= keep_words else 0)  # (event words cut off anyway)
    if n >= len(words) or n <= least:
        return head
    links = _lists()["name_links"]

    def in_name(i: int) -> bool:  # a name's word, or its lower-case link between two of them
        w = words[i]
        return bool(_NAME_PART.fullmatch(w)) or (
            w in links and 0 < i < len(words) - 1 and bool(_NAME_PART.match(words[i - 1]))
            and words[i - 1][-1:] not in ",;:" and bool(_NAME_PART.match(words[i + 1])))

    first = n
    while first > 1 and in_name(first - 1):
        first -= 1
    if first < n and in_name(n) and words[n - 1][-1:] not in ",;:)":  # "... crashed into New | York"
        end = n
        while end < len(words) and in_name(end) and words[end - 1][-1:] not in ",;:" \
                and len(" ".join(words[:end + 1])) <= most:
            end += 1
        if end < len(words) and in_name(end) and words[end - 1][-1:] not in ",;:":
            if first < least:
                return head
            n = first  # the name does not fit: the words before it
        else:
            n = end
    while n > least and not _ends_phrase(" ".join(words[:n])):
        n -= 1  # "... inquiries into the" -> "... inquiries"
    return " ".join(words[:n]) if n > least or _ends_phrase(" ".join(words[:n])) else head
MAX_BREAK_CHARS = 12  # a clause break right at the limit is read whole (" whereas ")


def _complete_cut(label: str, limit: int, least: int, keep_words: int) -> str | None:
    """`label` whole when it fits within `limit`, else cut at its last clause break within it
    that keeps `least` words, else before its last phrase of where, when or how; None when no
    cut leaves a complete label."""
    if len(label) <= limit:
        return label
    head = label[:limit]
    ends = [m.start() for m in _COMPLETE_END.finditer(label, 0, limit + MAX_BREAK_CHARS)
            if m.start() <= limit and len(head[:m.start()].split()) >= least
            and not cut_number(label, m.end())  # "between 6,|000": the limit fell in a number
            and not _ends_on_subject(head[:m.start()])  # never "... because he, | ..."
            and not (label[m.end():m.end() + 1].isdigit() and head[:m.start()][-1:].isdigit())
            and _ends_phrase(head[:m.start()])  # ("such | as Russia's default", "perhaps by | as much as")
            and not cuts_report(head[:m.start()])  # never "... said his thoughts | and prayers were ..."
            and not (in_quotation(head[:m.start()]) and m.group().strip()[:1] not in ",;:-–—")]
    # (never 'demanding "more detail | and openness"'; a quotation's own comma or dash is a pause in it)
    # ("the events of 1 | and 2 April": one range)
    if not ends:  # no clause break: before a phrase of where, when, how
        ends = [m.start() for m in _PHRASE_START.finditer(label)  # "... cooperation | on"
                if m.start() <= limit and _ends_phrase(head[:m.start()]) and not cuts_report(head[:m.start()])
                and not in_quotation(head[:m.start()])
                and (len(head[:m.start()].split()) > least or (
                    len(head[:m.start()].split()) == least == keep_words and _noun_last(head[:m.start()])))]
        # (the event words last, when they are a noun: "... leave a meeting | at the Treasury")
    # a cut before a relative clause never leaves the clause it is in without its verb ("... swine
    # flu when a man | who returned"); short of the event words, the last clause must have a verb
    # after its first word ("The commission's other chairman, who | was head of the EPA": none)
    ends = [e for e in ends if not _opens_bracket(head[:e])  # never "... customers (who had bought"
            and (not _RELATIVE_NEXT.match(label, e) or not _COMPLEMENT.search(head[:e])
                                or has_finite_verb("x " + _COMPLEMENT.split(head[:e])[-1]))
            and (least >= keep_words or has_finite_verb(_COMPLEMENT.split(head[:e])[-1]))]
    return head[:max(ends)].rstrip(" ,;:-–—") if ends else None


def _opens_bracket(text: str) -> bool:
    """Whether `text` leaves a bracket open: a cut there would end a label inside an aside
    (one holding a verb stays in the label: without_asides)."""
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


# The asides an editor drops from a long label: words in brackets, words between two dashes set
# off by spaces (not a range of numbers: "Sept. 15 - 19"), and an apposition or a relative clause
# between two commas right before its clause's verb ("One of Russia's wealthiest tycoons, along
# with ..., was"; "Margaret Chan, who raised ..., is trying").
_BRACKETED = re.compile(r"\s*\([^()]{1,100}\)")
_DASHED = re.compile(r"\s(?:--|[-–—])\s+(?=[^\d\s])[^-–—]{1,200}?\s(?:--|[-–—])(?=\s)")
_COMMAS = re.compile(r"(?<!\d),\s+(?=[^\d\s])[^,;:()]{1,200}?(?<!\d),(?=\s)")


def without_asides(label: str, keep_words: int = 0) -> tuple[str, int]:
    """`label` without its asides (in brackets, between dashes, between commas before a verb;
    never one holding its `keep_words`-th word, the event words), and the words it keeps up
    to its event words."""
    gone: list[tuple[int, int]] = []
    for m in [*_BRACKETED.finditer(label), *_DASHED.finditer(label), *_COMMAS.finditer(label)]:
        if (m.start() == 0 and not m.group().startswith("(")) or any(a < m.end() and m.start() < b for a, b in gone):
            continue  # (a bracket may open the label: "(By Michael Fein -- Bloomberg News) U.S. factory orders ...")
        if m.group().lstrip().startswith("(") and has_finite_verb("x " + m.group().strip(" ()")):
            continue  # "close contacts who should be offered antivirals (are those) who ...": a verb
        first, last = len(label[:m.start()].split()), len(label[:m.end()].split())
        if first < keep_words <= last:
            continue  # the event words are in the aside
        if m.group().lstrip().startswith(","):
            inside = m.group().strip(" ,")
            if not _verb_next(label, m.end()) \
                    or re.search(CLAUSE_COMMA, label[:m.start()]) or is_fragment(label[:m.start()]) \
                    or has_finite_verb(label[:m.start()]) \
                    or (has_finite_verb(inside) and inside.split()[0].lower() not in ("who", "which")):
                continue  # only between a subject and its verb ("Allen, the commander, said")
        gone.append((m.start(), m.end()))
    if not gone:
        return label, keep_words
    out, at, keep = [], 0, keep_words
    for a, b in sorted(gone):
        out.append(label[at:a].strip())
        if b <= len(" ".join(label.split()[:keep_words])) + 1:
            keep -= len(label[a:b].split())
        closes = label[a:b].lstrip()[:1] in "-–—" and label[b:].strip() != "" \
            and not _verb_next(label, b) and (has_finite_verb(clause := re.split(CLAUSE_COMMA, label[:a])[-1])
                                              or clause.split()[0].lower() in _lists()["leading_subordinators"])
        if closes:  # "While the device didn't close -- or may have closed partially -- investigative
            out[-1] += ","  # hearings have ...": the dashes ended a clause, a comma does
        at = b
    out.append(label[at:].strip())
    return re.sub(r"\s{2,}", " ", " ".join(x for x in out if x)), keep


def _noun_last(words: str) -> bool:
    """Whether `words` end on a noun after its determiner or a possessive ("... Pandit leave a
    meeting", "... the talks"; lead_rules.json object_determiners), not on a verb or a gerund
    ("... after meeting")."""
    ws = words.split()[-2:]
    return len(ws) == 2 and (ws[0].lower() in _lists()["object_determiners"] or ws[0].endswith(("'s", "’s")))


def _verb_next(label: str, at: int) -> bool:
    """Whether the word at label[at:] is a finite verb, an auxiliary or a modal: the verb of
    the subject before an aside."""
    from kerryview.text.verbs import is_verb

    nxt = re.match(r"\s*([\w'’]+)", label[at:])
    rules = event_lists("clause_rules.json")
    return nxt is not None and (nxt.group(1).lower() in rules["progressive_auxiliaries"] | rules["present_auxiliaries"]
                                | rules["past_perfect"] | modals()["modals"]
                                or is_verb(nxt.group(1), label[max(0, at - 12):at], finite=True))


_RELATIVE_NEXT = re.compile(r",?\s+(?:who|which|whom|whose)\b")  # a cut right before a relative clause
# Where a clause of its own starts inside a label ("told officials | that | Beijing and ..."): a
# label cut after it must still have that clause's verb.
_COMPLEMENT = re.compile(r"\b(?:" + "|".join(sorted(event_lists(LEAD_RULES)["subordinate_clause_words"])) + r")\b",
                         re.IGNORECASE)  # lead_rules.json subordinate_clause_words


def _ends_phrase(words: str) -> bool:
    """Whether a label may end after `words`: not on a function word ("the", "has", "of"), a
    subordinator ("although"), a pronoun only a subject takes ("... because he"), nor on any
    subject pronoun right after a subordinator ("... because it"): the clause would lack its verb."""
    lists = event_lists(LEAD_RULES)
    raw = words.split()[-1].strip("\"“”'’,")
    last = raw.lower()
    if len(words.split()) > 1 and raw[:1].isupper() and last in modals()["modals"]:
        return True  # "... launched on 2 May", "... a letter to Will": a month or a name, no modal
    return last not in lists["never_last"] and last not in lists["phrase_starts"] \
        and last not in lists["subordinate_clause_words"] and not _ends_on_subject(words)


def _ends_on_subject(words: str) -> bool:
    """Whether `words` end on a clause's subject without its verb: a pronoun only a subject
    takes ("... inevitable because he"), or any subject pronoun after a subordinator ("...
    although it"); data: lead_rules.json subject_case_pronouns, pronoun_subjects."""
    lists = event_lists(LEAD_RULES)
    ws = [w.lower().strip("\"“”'’,") for w in words.split()[-2:]]
    if not ws:
        return False
    last, prev = ws[-1], (ws[0] if len(ws) > 1 else "")
    return last in lists["subject_case_pronouns"] or (
        last in lists["pronoun_subjects"] and prev in lists["subordinate_clause_words"])


MAX_TITLE_WORDS = 8  # "The Squeeze" before a subtitle's colon; a title's words are capitalized
_RELATIVE_OPEN = re.compile(r",\s+(?:who|whom|whose|which)\b")


def colon_opens_clause(s: str, at: int) -> bool:
    """Whether the colon at s[at] (`s` from its sentence's start) opens a clause whose subject
    may follow it. Not a colon between a title and its subtitle after a title word ("a book
    called The Squeeze: Oil, Money and Greed"; lead_rules.json title_words), nor one inside a
    relative clause set off by a comma that has not closed yet ("Tom Bower, who wrote ...:
    ..., said": Tom Bower said)."""
    before = s[:at]
    rel = None
    for rel in _RELATIVE_OPEN.finditer(before):
        pass
    if rel and not re.search(CLAUSE_COMMA, before[rel.end():]):
        return False
    titled = None
    for titled in re.finditer(r"\b(?:" + "|".join(sorted(_lists()["title_words"])) + r")\s", before):
        pass
    if titled:
        words = [w.strip("\"“”'‘’") for w in before[titled.end():].split()]
        if 0 < len(words) <= MAX_TITLE_WORDS and words[0][:1].isupper() \
                and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in stopwords() for w in words):
            return False
    return True


def headline_label(line: str) -> str:
    """A headline as a label: its words as written, within the length of a label."""
    label = " ".join(line.split()).strip(" ,;:.")
    return shorten(label)


# ------------------------------------------------------------------ passages run together
# Web pages flattened to text run headline, photo caption and lead together without punctuation
# ("... in the company BP has formed a new unit ..."). A break is where a word that does not end
# a sentence is followed by a capitalized opener ("The", "There"), by a capitalized name and a
# finite verb, or by the same capitalized word again ("site - BP BP says").
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# "... click (nFLU)) * U.S. officials say outbreak ... * Asian countries pledge ...": the bullet
# points of a wire story's summary, each a passage ("\*" as some archives escape it).
_BULLET = re.compile(r"\s(\\?\*|•)\s+(?=\S)")
_NAME_BREAK = re.compile(r"[,;:()\"“”!?]")  # "program Red Eye, has": a comma ends a name's clause
MIN_PASSAGE_WORDS = 4  # a passage after a break says who did what
PASSAGE_LOOK_BACK = 400  # characters before a label searched for the start of its passage
MAX_SPEAKER_WORDS = 8
MAX_CIRCUMSTANCE_WORDS = 6  # "told the AFP news agency", "said in a press conference"  # "White House National Security Advisor Jake Sullivan"


def _lists() -> dict[str, frozenset[str]]:
    return event_lists(LEAD_RULES)


def run_on_breaks(text: str, a: int, b: int, bullets: bool = True) -> list[int]:
    """Offsets in text[a:b] where one passage runs into the next without punctuation. A name
    followed by a verb marks a break only on the first line of a text, where a web page's
    headline, caption and lead run together ("rates in recession-hit Hungary would" is one
    clause)."""
    first_line = text.find("\n")
    names = first_line < 0 or a < first_line
    lists = _lists()
    openers, verbs = lists["run_on_openers"], lists["run_on_verbs"]
    words = list(_WORD.finditer(text, a, b))
    out: list[int] = []
    last = 0  # the word where the current passage starts
    for i in range(1, len(words) - 1):
        prev, word = words[i - 1], words[i]
        gap = text[prev.end():word.start()]
        p, w = prev.group(), word.group()
        if gap.strip() or not w[:1].isupper() or p.endswith((".", "'s", "’s")) or p.lower() in stopwords():
            continue
        if len(words) - i < MIN_PASSAGE_WORDS:
            break
        if i - last < MIN_PASSAGE_WORDS:
            continue  # "Oil major BP Plc said": a title before a name, not a passage of its own
        if i >= 3 and all(x.group().isupper() and len(x.group()) > 1 for x in words[i - 3:i]) \
                and w[1:2].islower():
            out.append(word.start())  # "PASSENGERS URGED TO COME FORWARD The Mexican man ..."
            last = i
        elif w in openers and words[i + 1].group()[:1].islower():
            out.append(word.start())  # "... sq km There are fears ..."
            last = i
        elif w == p:
            out.append(word.start())  # "... site - BP BP says ..."
            last = i
        elif names and p[:1].islower() and p.lower() not in lists["pure_reporting"]:
            j = i
            while j < len(words) and j - i < MAX_NAME_WORDS and words[j].group()[:1].isupper():
                j += 1
            name = text[words[i].start():words[j].start()] if j < len(words) else ","
            if j > i and not _NAME_BREAK.search(name) and words[j].group() in verbs:
                out.append(word.start())  # "... in the company BP has formed ..."
                last = i
    if bullets:  # each bullet point of a summary is a passage too
        out += [m.start(1) for m in _BULLET.finditer(text, a, b) if m.start(1) > a]
    out += [x for credit in photo_credits(text, a, b) for x in credit if a < x < b]
    return sorted(set(out))


MAX_CREDIT_WORDS = 6  # "Photograph: Alex Ogle/AFP/Getty Images"


@cache
def _credit_marker() -> re.Pattern[str]:
    words = "|".join(sorted(_lists()["photo_credit_markers"], key=len, reverse=True))
    return re.compile(rf"\(?\b(?:{words})\s*:\s+", re.IGNORECASE)


def photo_credits(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The photograph credits in text[a:b] that a flattened web page runs between a caption and
    the lead ("... the academics it is hiring | Photograph: Alex Ogle/AFP/Getty Images | BP has
    rejected ..."; data/lead_rules.json photo_credit_markers, photo_agencies): where each starts
    and ends. A credit ends after the agency that follows its last slash, or after an agency
    named alone; one whose end cannot be told ends at its marker's colon."""
    agencies = _lists()["photo_agencies"]
    out = []
    for m in _credit_marker().finditer(text, a, b):
        words = list(re.finditer(r"[^\s]+", text[m.end():min(b, m.end() + 120)]))[:MAX_CREDIT_WORDS + 1]
        end = m.end()
        for i, w in enumerate(words[:MAX_CREDIT_WORDS]):
            slashed = bool(re.search(r"\\?/", w.group()))
            if not slashed and i > 0:
                continue  # the photographer's name: "Alex | Ogle/AFP/Getty Images"
            piece = re.split(r"\\?/", w.group())[-1].rstrip(".,;)").lower()
            nxt = words[i + 1].group().rstrip(".,;)").lower() if i + 1 < len(words) else ""
            if f"{piece} {nxt}" in agencies:
                end = m.end() + words[i + 1].end()  # "Getty | Images"
            elif piece in agencies:
                end = m.end() + w.end()
            if slashed or end > m.end():
                break
        out.append((m.start(), end + len(text[end:b]) - len(text[end:b].lstrip())))  # (the next word's start)
    return out


def within_passage(text: str, start: int, end: int, trigger: tuple[int, int],
                   sentence_start: int | None = None) -> tuple[int, int]:
    """text[start:end] narrowed to the run-on passage that holds the event words `trigger`.
    The breaks are looked for from `sentence_start` when given: a label that starts a word or
    two before a break ("2001 attacks The administrator of ...") is not a passage of its own."""
    from_ = start if sentence_start is None else max(sentence_start, start - PASSAGE_LOOK_BACK)
    breaks = [x for x in run_on_breaks(text, from_, end) if x > start]
    lo = max((x for x in breaks if x <= trigger[0]), default=start)
    hi = min((x for x in breaks if x >= trigger[1]), default=end)
    return lo, len(text[:hi].rstrip()) if hi < end else hi


def last_passage_start(text: str, a: int, b: int) -> int:
    """Where the last passage of text[a:b] starts: an article's lead comes after its headline
    and photo caption when a web page ran them together."""
    breaks = run_on_breaks(text, a, b, bullets=False)  # the first bullet point is the news
    return breaks[-1] if breaks else a


# ------------------------------------------------------------------ reporting alone
def only_reports(text: str, trigger: tuple[int, int], end: int,
                 date: tuple[int, int] | None = None) -> bool:
    """Whether a label ending at `end` with event words `trigger` only says that someone spoke:
    a reporting verb followed by at most a few words of circumstance ("told reporters", "said
    in a statement"), none of them the start of what was said. The report's own date (`date`,
    the span of a time expression) and its preposition are not counted: "said in a separate
    report on July 18" only reports."""
    lists = _lists()
    verb = text[trigger[0]:trigger[1]].lower()
    if verb not in lists["pure_reporting"]:
        return False
    if passive(text, trigger[0]) and verb not in lists["listener_verbs"] \
            and text[max(0, trigger[0] - 20):trigger[0]].split()[-2:-1] not in (["it"], ["It"]):
        return False  # "407 complaints had been reported", "The cuts were announced": a passive, the
        # event ("We were told ...": the listener; "It was reported that ...": what was said follows)
    said = text[trigger[1]:end]
    if date is not None and trigger[1] <= date[0] and date[1] <= end:
        head = text[trigger[1]:date[0]]
        lead = DATE_LEAD_IN.search(head)
        said = (head[:lead.start()] if lead else head) + " " + text[date[1]:end]
    said = said.rstrip(" ,;:.")
    if has_object(said, verb) and not text[:trigger[0]].rstrip().endswith((",", "\"", "”", "'", "’")):
        return False  # "The energy giant reported profits of $5.6bn": what was reported is the event
    tail = [w.strip("\"“”'’,.;:").lower() for w in said.split()]
    return (len(tail) <= MAX_CIRCUMSTANCE_WORDS or place_only(said)) and not any(c in said for c in "\"“:") \
        and not any(w in lists["reported_clause_words"] for w in tail)


MIN_CAPS_WORDS = 3  # a label with this many words in capitals, most of its words, is set in capitals
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b")  # "ENTERING", "BP", "O'NEILL"


# An explainer's section head in capitals run into its text: two or more words of three letters
# or more in capitals (a dash between them allowed), then a sentence in lower case after its
# subject ("DRILLING RELIEF WELLS - ONGOING BP is drilling ...").
_CAPS_HEADING = re.compile(r"^[A-Z]{3,}(?:\s+(?:[-–—]+\s+)?[A-Z]{3,})+(?:\s+[-–—]+)?\s+(?=(?:[A-Z]{1,2}|[A-Z][a-z][\w'’]*)\s+[a-z])")


def recased(label: str, text: str) -> str:
    """A label set in capitals ("19 JANUARY, 1815 GMT, ENTERING HAITI", a headline in capitals)
    as a headline in sentence case: each word in capitals as the article writes it elsewhere
    ("Haiti"), a month's or a weekday's name capitalized, else in lower case; a word of two letters that is no function word
    ("US", "UK"), or of up to four the article writes only in capitals more than once ("BP",
    "GMT"), stays: an abbreviation. A label with a few capitals among its
    words ("BP said ...") is left as it is. A section head in capitals run into the label goes."""
    head = _CAPS_HEADING.match(label)
    if head and len(label[head.end():].split()) >= MIN_COMPLETE_WORDS and has_finite_verb(label[head.end():]):
        return label[head.end():]  # "DRILLING RELIEF WELLS - ONGOING | BP is drilling two relief wells"
    caps = _CAPS_WORD.findall(label)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", label)
    if len(caps) < MIN_CAPS_WORDS or 2 * len(caps) <= len(words):
        return label

    def as_written(m: re.Match[str]) -> str:
        word = m.group()
        seen = list(re.finditer(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE))
        for other in seen:
            if not other.group().isupper():
                return other.group()
        if word.capitalize() in MONTHS or word.capitalize() in WEEKDAYS:
            return word.capitalize()
        if len(word) <= 2 and word.lower() not in stopwords() or len(seen) > 1 and len(word) <= 4:
            return word  # "US", "UK" (not "AS", "ON"); "BP", "WHO" all through the text
        return word.lower()

    out = _CAPS_WORD.sub(as_written, label)
    return capitalized(out)


def in_quotation(words: str) -> bool:
    """Whether `words` end inside a quotation: their last quotation mark opens one ('demanding
    "more detail', '... are “securing the airport'), a space or a bracket before it and a word
    after. A label never ends there: the quotation would be cut in half."""
    at = max(words.rfind('"'), words.rfind("“"), words.rfind("”"))
    if at < 0 or words[at] == "”" or words[:at].rstrip().endswith(":"):
        return False  # (after a colon, a quotation is what was said, told as the label's end: it may stop short)
    return words[at] == "“" or ((at == 0 or words[at - 1] in " ([") and words[at + 1:at + 2].isalnum())


def cuts_report(words: str) -> bool:
    """Whether `words` stop inside what a reporting verb introduces: after the last reporting or
    opinion verb come words with no finite verb ("Mr Obama said the US", "... says tar balls"),
    or they end on a verb that takes a clause, a modal or an auxiliary ("Suttles said he hoped",
    "said the US would"). Not after a reporting verb that takes a noun for its object ("announced
    a plan") or whose object is its listener ("told reporters"), nor before a phrase of place or
    circumstance alone ("said in a statement": only_reports). Data: lead_rules.json
    clause_taking_verbs (with reporting_verbs.json 'all' and 'opinion')."""
    lists, said = _lists(), reporting_verbs()
    reporting = said["all"] | said["opinion"]
    tokens = [w.strip("\"“”'‘’,.;:!?()").lower() for w in words.split()]
    at = max((i for i, w in enumerate(tokens[1:], 1) if w in reporting), default=None)
    if at is None or at == len(tokens) - 1:
        return False  # no report, or one that only says someone spoke (only_reports)
    if words.split()[at][-1:] == ":":
        return False  # "Nick Caistor says: Haiti appears ...": what was said, whole, after the colon
    if words.split()[at - 1][-1:] in ",\"”'’":
        return False  # '"We told them," said Byron Encalade': the speaker after the quotation
    if len(words.split()) - at - 1 <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words.split()[at + 1:]):
        return False  # "There is nothing sinister about the effort says BP": the speaker after what he said
    tail, verb = tokens[at + 1:], tokens[at]
    rules = event_lists("clause_rules.json")
    open_last = reporting | lists["clause_taking_verbs"] | modals()["modals"] \
        | rules["progressive_auxiliaries"] | rules["present_auxiliaries"] | rules["past_perfect"]
    if tail[-1] in open_last and len(tail) > 1:
        return True  # "said he hoped", "said the US would"
    if any(w in open_last - reporting - lists["clause_taking_verbs"] for w in tail):
        return False  # a copula, an auxiliary or a modal in it: a clause ("think the factor here is ...")
    if verb in lists["object_reporting_verbs"] | lists["listener_verbs"] or tail[0] in lists["prepositions"]:
        return False
    rest = " ".join(words.split()[at + 1:])
    return not _CONTRACTED_VERB.search(rest) and not has_finite_verb("x " + rest)


# A verb contracted onto its subject ("he's not pro oil", "they're", "we've", "didn't"): finite.
_CONTRACTED_VERB = re.compile(r"\b(?:he|she|it|that|there|what|who|here)['’]s\b|['’](?:re|ve|ll|d|m)\b|n['’]t\b",
                              re.IGNORECASE)


def report_speaker(label: str) -> str | None:
    """The speaker of a label told as a report, "Speaker: what was said" or "Speaker said:
    “quotation”" ("Xinhua: Chinese President Xi Jinping reiterated ...", "Kerry said: “Our
    hope ...”"): the words before its first colon, when they are few (MAX_SPEAKER_WORDS, and
    a reporting verb) and hold no verb but that one; None for any other label."""
    m = re.match(r"([^:“”\"]{1,80}?):\s+\S", label)
    if m is None:
        return None
    words = m.group(1).split()
    head = words[:-1] if words and words[-1].lower() in _lists()["pure_reporting"] else words
    if not head or len(head) > MAX_SPEAKER_WORDS or has_finite_verb(" ".join(head)):
        return None
    return m.group(1)


HAPPENING, REPORT, NO_HAPPENING = 0, 1, 2


def label_rank(label: str) -> int:
    """How well `label` names a happening, for the label of an event told by several mentions
    (lower is better): HAPPENING, a clause that says who did what ("Chinese President Xi
    Jinping reiterated the country's commitment"); REPORT, what someone said, told as a report
    ("Xinhua: Chinese President Xi Jinping reiterated ...", report_speaker), or a label with no
    verb ("COP28 talks in Dubai"); NO_HAPPENING, a fragment ("Oversees offshore drilling
    resigned") or a label that only says someone spoke ("Kerry told Wang at Beijing's Great
    Hall of the People", only_reports)."""
    if not label or is_fragment(label, _lists()["coordinators"]):
        return NO_HAPPENING
    if report_speaker(label) is not None:
        return REPORT
    said = next((m for m in re.finditer(r"[a-z]+", label) if m.group() in _lists()["pure_reporting"]), None)
    if said is not None and not re.search(CLAUSE_COMMA, label[:said.start()]) and (only_reports(label, (said.start(), said.end()), len(label))
                             or _listener_only(label[said.end():], said.group())):
        return NO_HAPPENING
    return HAPPENING if _subject_and_verb(label) and not _tells_a_state(label) else REPORT


def _subject_and_verb(label: str) -> bool:
    """Whether `label` has a finite verb after words that can be its subject: a content word
    or a subject pronoun before it, and no auxiliary first ("Just believed it was important",
    "Hasn't changed based on the Lex note": no subject)."""
    from kerryview.text.verbs import is_verb

    lists = _lists()
    words = list(re.finditer(r"\S+", label))
    first = words[0].group().lower().replace("’", "'").removesuffix("n't") if words else ""
    if not words or first in lists["subject_verbs"] or first in event_lists("clause_rules.json")["past_perfect"]:
        return False
    for i, m in enumerate(words[1:], 1):
        if is_verb(m.group().strip("\"“”',.;:"), label[max(0, m.start() - 12):m.start()], finite=True):
            before = [w.group().lower().strip("\"“”'‘’,.;:()") for w in words[:i]]
            return any(w and (w not in stopwords() or w in lists["pronoun_subjects"]) for w in before)
    return False


def _listener_only(said: str, verb: str) -> bool:
    """Whether the words `said` after a verb of telling (lead_rules.json listener_verbs) are
    only its listener and where or when ("told | top diplomat Wang Yi | in a meeting in the
    Great Hall of the People"): no word of what was told."""
    if verb not in _lists()["listener_verbs"]:
        return False
    words = said.split()
    k = next((i for i, w in enumerate(words) if w.lower() in _lists()["phrase_starts"]), len(words))
    return 0 < k <= MAX_SPEAKER_WORDS and not any(
        w.lower().strip("\"“”'’,.;:") in _lists()["reported_clause_words"] for w in words[:k]) \
        and (k == len(words) or place_only(" ".join(words[k:])))


def _tells_a_state(label: str) -> bool:
    """Whether the first verb of `label` is a form of "be" before no participle ("The talks
    had been | constructive", not "had been | suspended"; clause_rules.json
    progressive_auxiliaries): a state or a judgement, which its speaker's report tells better
    than the bare clause (an editor attributes an opinion, not a deed)."""
    from kerryview.text.verbs import is_verb

    be = event_lists("clause_rules.json")["progressive_auxiliaries"]
    words = list(re.finditer(r"\S+", label))
    for i, m in enumerate(words[1:], 1):
        w = m.group().strip("\"“”',.;:")
        if not is_verb(w, label[max(0, m.start() - 12):m.start()], finite=True) and w.lower() not in be:
            continue
        while i < len(words) and words[i].group().lower() in be | {"had", "has", "have", "not"}:
            i += 1
        if words[i - 1].group().lower() not in be:
            return False  # "reiterated", "had suspended": a deed
        nxt = words[i].group().strip("\"“”',.;:") if i < len(words) else ""
        return not (nxt and (is_verb(nxt, "x ") or re.fullmatch(r"[a-z]{3,}(?:ing|en)", nxt)))
    return False


def place_only(said: str) -> bool:
    """Whether the words `said` after a reporting verb are only phrases of where, when or how,
    however long: they open with a preposition of such a phrase (lead_rules.json phrase_starts,
    not a word that opens a clause; not "of" or "about", which a noun takes: "reports | of
    looting", "writes | about the search") and hold no verb ("said | in a meeting room in
    China's legislative building"): no word of what was said."""
    words = said.split()
    lists = _lists()
    return bool(words) and words[0].lower() in lists["phrase_starts"] \
        and words[0].lower() not in lists["subordinate_clause_words"] and not has_finite_verb("x " + said)


def passive(text: str, at: int) -> bool:
    """Whether the participle at `at` follows a form of "be" ("had been | reported", "were |
    told"; events/data/clause_rules.json progressive_auxiliaries, the forms of "be")."""
    before = text[max(0, at - 12):at].split()
    return bool(before) and before[-1].lower() in event_lists("clause_rules.json")["progressive_auxiliaries"]


def has_object(said: str, verb: str) -> bool:
    """Whether the words `said` after a reporting verb start with its object, a noun phrase (a
    determiner, a number or a lower-case noun: "reported | profits of $5.6bn", "announced | a
    plan", "declared | a pandemic"), not with its circumstances ("reported | in a statement",
    "announced | separately"). Only a reporting verb that takes a noun for its object does
    (lead_rules.json object_reporting_verbs): after "said" or "told" a noun is a reported
    clause's subject or the listener ("said | some jobs were cut", "told | reporters")."""
    words = said.split()
    if not words or verb not in _lists()["object_reporting_verbs"]:
        return False  # "Cline said | some call center jobs were ...": after "say" a noun starts a clause
    w = words[0].strip("\"“”'‘’(").lower()
    if not w:
        return False
    if w[0].isdigit() or w[0] in "$£€#":
        return True  # "confirmed 787 infections", "reported $5.6bn"
    if w in _lists()["object_determiners"]:
        return True  # "announced a plan", "reported its first loss"
    return words[0][:1].islower() and w.isalpha() and w not in stopwords() and not w.endswith("ly") \
        and w not in _lists()["phrase_starts"] and w not in _lists()["reported_clause_words"]


# "Speaking at a conference, Xi reiterated ...": a sentence that opens with a participle and the
# phrase it governs; the main clause after the comma says who did what.
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]{3,}ing\s+(?P<next>[a-z]+)\b")


def _opening_participle(said: str) -> bool:
    m = _OPENING_PARTICIPLE.match(said)
    return bool(m) and m["next"] in _lists()["phrase_starts"]


def reported_span(text: str, sent: tuple[int, int], start: int, end: int,
                  trigger: tuple[int, int],
                  date: tuple[int, int] | None = None) -> tuple[int, int, str] | None:
    """For a label text[start:end] that only says someone spoke ("A U.S. official said", "Adm
    Allen said in a press conference"), the span of what was said in the sentence `sent` and the
    named speaker to put before it ("" for "he", "they"); None when the label says more. A
    named listener stays with what was said ("Kerry told Wang Yi that ..."). `date` is the span
    of the passage's time expression."""
    lists = _lists()
    if not only_reports(text, trigger, end, date):
        return None
    after = text[end:sent[1]]
    lead = len(after) - len(after.lstrip(" \t\n,;:\"“'-–—"))
    after_words = after.split()
    before = text[sent[0]:start].rstrip(" \t\n,;:\"”'-–—")
    # "X said today, | bringing the total to five": after the report's own comma comes no word
    # of what was said (a participle, another clause) unless the words the label holds after
    # the verb opened it ("Rady said relocation, | which ..., was not viable")
    set_off = (text[:end].rstrip().endswith(",") and (not _words_after_verb(text, trigger, end, date)
                                                      or text[trigger[0]:trigger[1]].lower() in lists["listener_verbs"])) \
        or _participle_clause(after)  # "Obama said | while touring the area": how he said it
    # "told ABC on Wednesday, | that BP would ...": the comma closes the circumstances, "that"
    # opens what was said all the same
    set_off = set_off and not re.match(r"[\s,]*that\s", after, re.IGNORECASE)
    # (before the report, a participle clause is no more what was said: "But while agreeing to go
    # back, | Obama insisted ..., that ...")
    # (nor the report's own date and its preposition: "Later on Tuesday, | Ban said ...")
    before_words = before
    if date is not None and sent[0] <= date[0] and date[1] <= sent[0] + len(before):
        head = text[sent[0]:date[0]]
        lead_in = DATE_LEAD_IN.search(head)
        before_words = (head[:lead_in.start()] if lead_in else head) + " " + text[date[1]:sent[0] + len(before)]
    before_said = len(before_words.split()) >= 3 and not _participle_clause(before)
    if after_words and not after.lstrip().startswith(",") and not (set_off and before_said) and len(after_words) >= 3:
        span = (end + lead, len(text[:sent[1]].rstrip(" .\n")))
    elif before_said:
        span = (sent[0], sent[0] + len(before))
    elif len(after_words) >= 3:
        span = (end + lead, len(text[:sent[1]].rstrip(" .\n")))
    else:
        return None
    if span[0] >= end and text[span[0]:span[0] + 5].lower() == "that " and not _auxiliary_first(text[span[0] + 5:span[1]]):
        span = (span[0] + 5, span[1])  # the word that opens what was said ("said | that | BP would pay"),
        # not the subject it may be ("said that | was not true")
    if opens_with_mark(text, span[0]) or text[span[0]:span[0] + 1] in "'‘":  # (single marks too)
        return None  # a quotation: the label quotes it ("Kerry said: “From experience ...”")
    said = text[span[0]:span[1]]
    comma = re.search(CLAUSE_COMMA, said)
    if comma and (is_fragment(said) or _opening_participle(said)) \
            and len(said[comma.end():].split()) >= MIN_COMPLETE_WORDS:
        rest = said[comma.end():]  # "While China said ..., it planned ...": the main clause
        span = (span[0] + comma.end() + len(rest) - len(rest.lstrip()), span[1])
        if span[0] >= end and text[span[0]:span[0] + 5].lower() == "that " \
                and not _auxiliary_first(text[span[0] + 5:span[1]]):
            span = (span[0] + 5, span[1])  # "..., as he had, | that | Friday's debate go ahead"
    said = text[span[0]:span[1]]
    inverted = text[start:trigger[0]].rstrip(" ,").endswith(("\"", "”"))  # '"...," said Glen Despaux, 37, who'
    if span[0] >= end and not inverted and (_auxiliary_first(said) or _relative_first(said)
                           or (said[:5].lower() == "that " and _auxiliary_first(said[5:]))):
        span = _with_its_subject(text, span, trigger, end, date)
    speaker = " ".join(text[start:trigger[0]].split()).strip(" ,;:\"“”")
    speaker = re.sub(r"^(?:''|``)\s*", "", speaker)  # '``...,'' | Juanita Castro said': wire copy's marks
    if speaker and is_fragment(speaker):
        return None  # "to say ...": no one who spoke
    words = speaker.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or speaker.lower() in lists["pronoun_subjects"]:
        speaker = ""
    elif len(words) == 2 and words[0].lower() in lists["referring_speakers"] and words[1].isalpha() \
            and words[1].islower():
        speaker = ""  # "the company said": refers back to a name, as a pronoun does
    speaker = _without_end_adverbs(re.sub(r"\s+(?:has|have|had)$", "", _without_end_adverbs(speaker)))
    if speaker and all(w.lower() in lists["sentence_time_adverbs"] | lists["sentence_adverbs"] | stopwords()
                       and not (len(w) > 1 and w.isupper())  # ("The WHO": a name)
                       and not (w[:1].isupper() and (w.lower() in modals()["modals"] or w in MONTHS))
                       for w in speaker.split()):  # ("May said", "June said": a name, not a modal or month)
        speaker = ""  # "Sidney N. Herman, | later said that ...": a time word, no one who spoke
    if passive(text, trigger[0]):
        speaker = ""  # "I was told ...", "The school was told ...": who was told, no speaker
    tail = text[trigger[1]:end]
    if date is not None and trigger[1] <= date[0] < end:  # the date is no name: "on Tuesday"
        tail = text[trigger[1]:date[0]] + text[date[1]:end]
    if span[0] >= end and any(w[:1].isupper() for w in tail.split()):
        return start, span[1], ""  # "Kerry told Wang Yi that talks could help": who was told too
    return span[0], span[1], speaker


def _without_end_adverbs(speaker: str) -> str:
    """A speaker without the adverbs of its reporting verb that stood before it ("BP also said",
    "The World Health Organisation today said", "BP reportedly told": data/lead_rules.json
    sentence_adverbs, sentence_time_adverbs, speaker_end_adverbs): "BP: ...", not "BP also: ..."."""
    lists = _lists()
    adverbs = lists["sentence_adverbs"] | lists["sentence_time_adverbs"] | lists["speaker_end_adverbs"]
    words = speaker.split()
    while len(words) > 1 and words[-1].islower() and words[-1] in adverbs:
        words.pop()
    return " ".join(words).rstrip(" ,;")  # "Admiral Mike Mullen, today said": "Admiral Mike Mullen"


def _auxiliary_first(said: str) -> bool:
    """Whether what was said opens with an auxiliary or a modal, its subject left behind
    ("was not viable", "could make it difficult"; clause_rules.json progressive_auxiliaries,
    present_auxiliaries, past_perfect, modals.json modals)."""
    words = said.split()
    first = words[0].lower().replace("’", "'").removesuffix("n't") if words else ""
    rules = event_lists("clause_rules.json")
    return first in rules["progressive_auxiliaries"] | rules["present_auxiliaries"] | rules["past_perfect"] \
        | modals()["modals"]


def words_to_verb(said: str) -> int:
    """How many words of what was said reach its first finite verb ("A severe flu pandemic which
    triggers a clampdown on trade could cost ...": up to "triggers"); 0 when it has none."""
    from kerryview.text.verbs import is_verb

    words = list(re.finditer(r"\S+", said))
    return next((i + 1 for i, m in enumerate(words) if i and is_verb(
        m.group().strip("\"“”',.;:"), said[max(0, m.start() - 12):m.start()], finite=True)), 0)


def _relative_first(said: str) -> bool:
    """Whether what was said opens with a relative pronoun, its antecedent left behind ("Officials
    say samples from other people | who were sick in La Gloria show ..."; clause_rules.json
    relative_pronouns)."""
    words = said.split()
    return bool(words) and words[0].lower() in event_lists("clause_rules.json")["relative_pronouns"]


def _participle_clause(after: str) -> bool:
    """Whether the words after a report open a participle clause, with or without a subordinator
    ("bringing the total to five", "while touring the area"; lead_rules.json
    leading_subordinators): how or when the speaker spoke, no words of what was said."""
    words = after.strip(" ,;:").split()
    if words and words[0].lower() in cues()["coordinating_conjunctions"]:
        words = words[1:]
    if words and words[0].lower() in _lists()["leading_subordinators"]:
        words = words[1:]
    return bool(words) and bool(re.fullmatch(r"[a-z]{2,}ing", words[0])) and words[0] not in stopwords()


def _with_its_subject(text: str, span: tuple[int, int], trigger: tuple[int, int], end: int,
                      date: tuple[int, int] | None) -> tuple[int, int]:
    """The span of what was said, `span` opening with its verb, with its subject: the words
    after the reporting verb that the report's label held ("Rady said | relocation, | which
    would take six months, was not viable" -> "relocation, which ..., was not viable"; "Analysts
    say | the strike, | if not resolved soon, could make ..."), or else the "that" read as the
    word that opens the clause, when it was the subject ("said last night | that | was not
    true" -> "that was not true")."""
    tail = text[trigger[1]:end]
    words = _words_after_verb(text, trigger, end, date)
    if words and not is_fragment(words):
        at = trigger[1] + len(tail) - len(tail.lstrip(" ,;:"))
        return at, span[1]  # the label then drops the report's date, as in any label
    if text[max(0, span[0] - 5):span[0]].lower() == "that ":
        return span[0] - 5, span[1]
    return span


def _words_after_verb(text: str, trigger: tuple[int, int], end: int, date: tuple[int, int] | None) -> str:
    """The words a report's label holds after its verb, without the report's date and its
    preposition ("said | on Tuesday": none) or a "that"."""
    words = text[trigger[1]:end]
    if date is not None and trigger[1] <= date[0] and date[1] <= end:
        head = text[trigger[1]:date[0]]
        lead = DATE_LEAD_IN.search(head)
        words = (head[:lead.start()] if lead else head) + " " + text[date[1]:end]
    return re.sub(r"^\s*that\b", "", words.strip(" ,;:")).strip(" ,;:")


def _opening_adverbial(part: str) -> bool:
    """Whether the words before a sentence's first comma are an adverbial, not its subject: a
    sentence adverb ("However", "Later", "Of course", "So far"; lead_rules.json sentence_adverbs,
    sentence_time_adverbs, stance_adverbs, fixed_adverbials) or a phrase that opens with a word
    of phrase_starts ("In particular", "On Tuesday", "After the blast")."""
    lists = _lists()
    words = part.strip(" \"“'‘(").lower().split()
    if not words:
        return False
    return " ".join(words) in lists["sentence_adverbs"] | lists["sentence_time_adverbs"] \
        | lists["stance_adverbs"] | lists["fixed_adverbials"] or words[0] in lists["phrase_starts"]


def without_aside(said: str) -> str:
    """What was said without an aside set off by commas between its subject and its verb, an
    auxiliary or a modal (_auxiliary_first): "The construction of the riser, which crews could
    begin in late June, would provide ..." -> "The construction of the riser would provide
    ...", "The strike, if not resolved soon, could make ..." -> "The strike could make ...";
    as a headline tells it. As it is when there is no such aside. An opening adverbial before
    the first comma is no subject: the rule applies to what follows it ("However, the cap,
    which engineers fitted at the weekend, was working" -> "However, the cap was working")."""
    marks = [m for m in re.finditer(CLAUSE_COMMA, said)]
    if len(marks) < 2 or is_fragment(said[:marks[0].start()]):
        return said
    if _opening_adverbial(said[:marks[0].start()]):
        return said[:marks[0].end()] + without_aside(said[marks[0].end():])
    for m in marks[1:]:
        if _auxiliary_first(said[m.end():]):
            return said[:marks[0].start()] + " " + said[m.end():].lstrip()
    return said


def said_before_apposition(text: str, reported: tuple[int, int, str],
                           subject: str) -> tuple[int, int, str] | None:
    """For a report whose speaker is the name of an apposition after its head ("The first
    Britons ... are "very well", Scotland's first minister, Alex Salmond, said today"), what was
    said, before the head, and the name as the speaker; None when the words before the name are
    only its head ("A senior aide, Henri Guaino, said": who spoke, nothing said). `reported` is
    the span reported_span found before the verb."""
    seg = text[reported[0]:reported[1]]
    at = seg.rfind(subject)
    marks = list(_APPOSITION_MARK.finditer(seg, 0, at)) if at > 0 else []
    if len(marks) < 2:
        return None
    said = seg[:marks[-2].start()].rstrip()
    if len(said.split()) < MIN_COMPLETE_WORDS or is_fragment(said):
        return None
    return reported[0], reported[0] + len(said), subject


_LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}\)|\(?[a-h]\)|\d{1,2}\.(?!\d)|\\?\*|[•·–—]|-{1,2})\s+")  # "-- Obama ..."


MAX_DATE_HEADING_CHARS = 30  # "Wednesday, September 15, 2008": a date heading is short
MIN_ENTRY_WORDS = 3  # "Salazar testifies again": an entry after its date heading says who did what
_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")  # the second day of "June 3/4"


@cache
def _date_heading() -> re.Pattern[str]:
    """A chronology's date heading and its separator at a label's start (data/lead_rules.json
    date_heading_separators): the heading's words, then a colon at once or a dash between
    spaces, a list item's dash if any, then the entry."""
    seps = sorted(_lists()["date_heading_separators"], key=lambda w: (-len(w), w))
    dashes = "|".join(re.escape(w) for w in seps if w != ":")
    colon = r"\s?:" if ":" in seps else r"(?!)"
    return re.compile(rf"^(?P<head>(?:[^:\n]|:(?=\d)){{1,{MAX_DATE_HEADING_CHARS}}}?)(?:{colon}|\s(?:{dashes}))\s+"
                      rf"(?:(?:{dashes})\s+)?(?P<entry>\S)")


def _only_dates(head: str, found: list) -> bool:
    """Whether `head` is nothing but the time expressions `found` in it (the tagger's), joined
    by the words of data/lead_rules.json date_heading_joiners or a second day's number ("June
    3/4"). A bare four-digit number the tagger leaves alone is no date ("1500 - The number of
    people killed": a figure); a live page's clock ("2159: ...") the live blog takes off its
    entry before a label is made (kerryview.events.liveblog)."""
    if not found:  # a heading's second day left alone ("May 11 and | 12 - Executives testify ...")
        words = re.findall(r"[^\s,/&–-]+|[,/&–-]", head)
        return any(_DAY_NUMBER.fullmatch(w) for w in words) \
            and all(_DAY_NUMBER.fullmatch(w) or w.lower() in _lists()["date_heading_joiners"] for w in words)
    rest, at = [], 0
    for p in found:
        rest.append(head[at:p.start])
        at = p.end
    rest.append(head[at:])
    joiners = _lists()["date_heading_joiners"]
    for piece in rest:
        for word in re.findall(r"[^\s,/&–-]+|[,/&–-]", piece):
            if word.lower() not in joiners and not _DAY_NUMBER.fullmatch(word):
                return False
    return True


def without_date_heading(label: str) -> str:
    """`label` without the date heading a chronology's entry and its separator ("June 3/4 -
    Engineers cut the riser ...", "April 2010: Blast at ...", "Sept. 18: -- The Fed expands ..."):
    the timeline shows the date already (data/lead_rules.json date_heading_separators). Kept
    when the words after the mark go on in lower case ("1968 - rating the threat"), open with
    another date ("22 April - 15 May", "Sept. 15 - 19, 2008": a range), or are too few to
    tell an event."""
    m = _date_heading().match(label) if label[:1].isalnum() else None
    if m is None or m["entry"].islower() or len(label[m.start("entry"):].split()) < MIN_ENTRY_WORDS:
        return label
    head_end, at = m.end("head"), m.start("entry")
    found = _recognize_phrase(label[:at + MAX_DATE_HEADING_CHARS])
    if any(p.start < head_end < p.end or p.start == at for p in found):
        return label  # a date across the mark, or one the entry opens with: a range of dates
    return label[at:] if _only_dates(m["head"], [p for p in found if p.end <= head_end]) else label


# "Cameron, who took office", "Sweden, which is credited ...": a subject and its relative clause
# say what the subject did; the relative pronoun goes.
_RELATIVE = re.compile(r"^(?P<subject>[A-Z][^,:;]{0,60}),\s+(?:who|which)\s+(?P<rest>[a-z][^,;:]*)$")
MAX_SUBJECT_WORDS = 6
# '"...," said Salazar, who announced the moratorium on July 12': a label that opens with the
# inverted reporting verb of a quotation before it, then the speaker and a relative clause.
_INVERTED_SPEAKER = re.compile(r"^(?P<verb>[A-Za-z][a-z]+)\s+(?=(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s+(?:who|which)\s)")


# "Coastguard commander Thad Allen, told reporters": a name, a comma, then its verb (the rest of
# an apposition cut away before the label starts).
_NAME_COMMA = re.compile(r"^(?P<name>[A-Z][^,]{2,60}), (?P<verb>[a-z]+)\b")


def _names_a_person(words: str) -> bool:
    from kerryview.events.antecedents import agrees

    return agrees(words, "person") is not None and not is_fragment(words)


def _title_case_name(first: str, rest: str) -> bool:
    """Whether a capitalized furniture word and the next word form a name written in title case
    ("Help Desk staff", "Advertisement Revenue at"), not a page's link before a sentence: the
    next word is then a capitalized content word that a lower-case word follows. A sentence
    after a link opens with a function word ("Help A US report", "cents This article"), an
    acronym ("Help BP has") or a name of its own ("Help Michael Jackson's doctor"); a furniture
    word in lower case ("cents") never starts a sentence."""
    words = rest.split()
    nxt, after = words[0], words[1] if len(words) > 1 else ""
    return first[:1].isupper() and nxt[:1].isupper() and nxt[1:].islower() \
        and nxt.lower() not in stopwords() and after[:1].islower()


def _furniture_split(label: str) -> tuple[str, str]:
    """The furniture words or heading a label opens with (data/lead_rules.json furniture_words:
    "Help", "Your stories"), after a page's headline ending in a colon when the heading is
    capitalized ("Haiti earthquake: Your stories ..."; a heading of more than one word, since a
    headline may go on with a single word "Help ..."), and the rest; ("", label) when none."""
    headline = _FURNITURE_HEADLINE.match(label)
    for at in ((0, headline.end()) if headline else (0,)):
        low = label[at:].lower()
        for words in sorted(_lists()["furniture_words"], key=len, reverse=True):
            if low.startswith(words + " ") and (at == 0 or (" " in words and label[at:at + 1].isupper())):
                return label[at:at + len(words)], label[at + len(words) + 1:].lstrip()
    return "", label


_FURNITURE_HEADLINE = re.compile(r"^[^:.?!]{1,40}:\s+")


def _without_heading_date(words: str) -> str:
    """`words` without a date that opens them and a capitalized sentence follows ("Friday 15
    January Up to 10,000 US troops ..."): a live page's entry heading after its section's."""
    found = _recognize_phrase(words[:MAX_DATE_HEADING_CHARS])
    if found and found[0].start == 0:
        rest = words[found[0].end:].lstrip(" ,:-–—")
        if rest[:1].isupper() and len(rest.split()) >= MIN_COMPLETE_WORDS:
            return rest
    return words


MIN_SUBORDINATE_WORDS = 3  # "When he became chief executive": the clause left says who did what


def _clause_after_comma(words: str) -> bool:
    """Whether a main clause follows the first comma of `words`, no relative one ("the blast, |
    BP shares fell", "the company faces criticism ..., | Spirit Airlines officials offer no
    apology"; not "Holder, | who was deputy attorney general, heard complaints"): the word
    before `words` opened an adverbial, which a label keeps (dropped, it would leave two
    clauses side by side, or a preposition's object for a subject)."""
    parts = re.split(CLAUSE_COMMA, words, maxsplit=1)
    nxt = parts[1].split()[:1] if len(parts) == 2 else []
    return bool(nxt) and has_finite_verb(parts[1]) \
        and nxt[0].lower() not in event_lists("clause_rules.json")["relative_pronouns"]


def _opens_with_date(words: str) -> bool:
    """Whether `words` open with a time expression (the tagger's): after "Since", "After" or
    "Before" it makes the word a preposition ("Since Monday, BP has collected ..."), which a
    label keeps, not a subordinator ("Since he became ...")."""
    found = _recognize_phrase(words[:MAX_DATE_HEADING_CHARS])
    return bool(found) and found[0].start == 0


def tidy(label: str) -> str:
    """A label without the marker of a list item ("6) Created a culture ...") or the date of a
    chronology's item ("May 09 - Japan ..."), without the word that opens a subordinate clause
    ("When he became chief executive" -> "He became chief executive"), with a subject's relative clause as its predicate
    ("Cameron, who took office" -> "Cameron took office"), without a page's link run into it
    ("Help A US report ..."; data/lead_rules.json furniture_words) or JSON's escaped slash
    ("gallons\\/liters" -> "gallons/liters"), and without a last word that leaves a phrase open
    ("In the letter, dated")."""
    label = without_date_heading(_LIST_MARKER.sub("", label)).replace("\\/", "/")  # JSON's "\/": "/"
    first, rest = _furniture_split(label)
    if first and rest[:1].isupper() and len(rest.split()) >= MIN_COMPLETE_WORDS \
            and not _title_case_name(first, rest):
        label = _without_heading_date(rest)  # "Help A US report into ...": a page's link run
        # into the text; "Your stories Friday 15 January Up to 10,000 US troops ...": a section
        # heading, and the date heading of its entry
    first, _, rest = label.partition(" ")
    if first.lower() in _lists()["leading_subordinators"] and len(rest.split()) >= MIN_SUBORDINATE_WORDS \
            and not is_fragment(rest) \
            and not (first.lower() not in _lists()["sequence_adverbs"] and _clause_after_comma(rest)) \
            and not (first.lower() in _lists()["prepositions"] and _opens_with_date(rest)):
        # ("Since Monday, BP has ...", "After the blast, BP shares fell": a preposition, kept)
        label = rest[:1].upper() + rest[1:]  # "When he became chief executive" -> "He became ..."
    label = without_stance_adverb(label)  # "Obviously people had experienced" -> "People had experienced"
    named = _NAME_COMMA.match(label)
    if named and _names_a_person(named["name"]) and named["verb"].lower() in (
            _lists()["subject_verbs"] | _lists()["pure_reporting"] | cues()["irregular_past"]):
        label = named["name"] + label[named.end("name") + 1:]  # "Thad Allen, told" -> "Thad Allen told"
    inverted = _INVERTED_SPEAKER.match(label)
    if inverted and inverted["verb"].lower() in _lists()["pure_reporting"] \
            and inverted["verb"].lower() not in _lists()["listener_verbs"]:
        label = label[inverted.end("verb"):].lstrip()  # "Said Salazar, who announced the moratorium":
        # the speaker of a quotation before, and what the relative clause says he did
    rel = _RELATIVE.match(label)
    if rel and len(rel["subject"].split()) <= MAX_SUBJECT_WORDS:
        label = f"{rel['subject']} {rel['rest']}"
    label = _DASH_END.sub("", label)  # "... allowed them to call Allen Metzger -": the dash opened an aside
    if where_without_verb(label):
        label = label[:label.lower().rfind(" where ")].rstrip(" ,;:-–—")  # "... in Houston | where BP"
    words = label.split()
    while len(words) > MIN_COMPLETE_WORDS and not _ends_phrase(" ".join(words)):
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—") if words and len(words) < len(label.split()) else label


MAX_VERBLESS_WHERE_WORDS = 2  # "where BP", "where the Mexican": a subject cut off before its verb


def where_without_verb(label: str) -> bool:
    """Whether `label` ends in a "where" clause cut off before its verb: at most
    MAX_VERBLESS_WHERE_WORDS words after "where", none a verb ("... erupted in the control room
    in Houston where BP"); a longer one is kept, as the verb test misses the present ("where
    they find them")."""
    where = label.lower().rfind(" where ")
    rest = label[where:].split()[1:] if where > 0 else []
    return where > 0 and len(label[:where].split()) >= MIN_COMPLETE_WORDS \
        and len(rest) <= MAX_VERBLESS_WHERE_WORDS and not has_finite_verb("where " + " ".join(rest))


_DASH_END = re.compile(r"\s+[-–—]+$")  # a dash between spaces, not a hyphen ("well-")
MAX_STANCE_WORDS = 2  # "of course", "in fact"


def without_stance_adverb(label: str) -> str:
    """`label` without an adverb that comments on the whole sentence or links it to the one
    before (lead_rules.json stance_adverbs: "Obviously people had experienced the big
    earthquake" -> "People had experienced the big earthquake", "However, both firms
    criticised the report" -> "Both firms criticised the report"), when a subject and its verb
    follow: not before a verb ("Now is not the time", "Apparently infected people"), a
    preposition ("Now, with ...") or a fragment, and the clause left says who did what."""
    words = label.split()
    for n in range(MAX_STANCE_WORDS, 0, -1):
        lead = " ".join(words[:n]).lower().rstrip(",")
        if len(words) - n < MIN_SUBORDINATE_WORDS or lead not in _lists()["stance_adverbs"] | _lists()["sentence_adverbs"] \
                or (n > 1 and "," in " ".join(words[:n - 1])):
            continue
        rest = words[n:]
        first = rest[0].strip("\"“”'‘’")
        if not first or not first[:1].isalnum() or first.lower() in _lists()["phrase_starts"] | _lists()["prepositions"] \
                or first.lower() in _lists()["subject_verbs"] or first.lower() in cues()["irregular_past"] \
                or PARTICIPLE.fullmatch(first) or first.lower() in cues()["coordinating_conjunctions"]:
            return label
        said = " ".join(rest)
        if is_fragment(said) or not has_finite_verb(said):
            return label
        return capitalized(said)
    return label


def without_date(head: str, tail: str) -> str:
    """The words before and after a dropped date, without the punctuation that enclosed it:
    "Admiral Allen, on Wednesday, acknowledged" -> "Admiral Allen acknowledged", "at 1800 CDT
    (2300 GMT) on" -> no "()"; an apposition keeps its commas ("Allen, the commander, on
    Wednesday, acknowledged" -> "Allen, the commander, acknowledged"); an indefinite article
    before the date agrees with the word after it ("an April 20 rig explosion" -> "a rig
    explosion", "a 2008 interview" -> "an interview")."""
    h, t = head.rstrip(), tail.lstrip()
    if h.endswith("(") and t.startswith(")"):
        return h[:-1].rstrip() + " " + t[1:].lstrip()
    if h.endswith(",") and t.startswith(")"):
        return h[:-1] + t  # "(harbour flood, 3 June)" -> "(harbour flood)"
    if h.endswith(",") and t.startswith(","):
        t = t[1:].lstrip()
        if "," not in h[:-1]:
            h = h[:-1]
        return h + " " + t
    if re.match(r",\s*that\s", t) and h[-1:].isalnum():
        return h + " " + t[1:].lstrip()  # "told ABC on Wednesday, that BP would": the comma closed the date
    article = re.search(r"(?:^|(?<=\s))(a|an|A|An)$", h)
    if article and t[:1].isalnum():
        wanted = indefinite_article(t.split()[0])
        if article.group(1).lower() != wanted:
            wanted = wanted.capitalize() if article.group(1)[0].isupper() else wanted
            return h[:article.start(1)] + wanted + " " + t
    return head + tail


ACRONYM_WORD_LETTERS = 4  # "NATO", "SARS": capitals from four on, with a vowel, are said as a word


def indefinite_article(word: str) -> str:
    """"a" or "an" before `word`, by its first sound, as an editor reads it: "an" before a vowel
    ("an explosion"), a silent h ("an hour"), an abbreviation said letter by letter whose first
    letter's name starts with a vowel ("an FBI agent", "an H1N1 outbreak", "an X-ray"); "a"
    before a consonant, a vowel said like one ("a one-off", "a union", "a U-turn") and an
    abbreviation said as a word by its first sound ("a NATO report", "an OPEC meeting");
    numbers by how they are said ("an 8am session", "an 11-year-old", "an 1850 map", "a 2008
    report"). The lists are data (lead_rules.json an_before, a_before, an_letters,
    acronym_vowels, an_numbers)."""
    lists = _lists()
    bare = word.strip("\"“”'‘’(").rstrip(".,;:")
    w = bare.lower()
    if not w:
        return "a"
    if w[0].isdigit():
        return "an" if _said_with_vowel(re.match(r"[\d,]*", w).group()) else "a"
    first = re.split(r"[-–]", bare, maxsplit=1)[0]
    letters = first.replace(".", "")
    said_as_letters = len(first) == 1 and first != bare or (
        len(letters) > 1 and letters.isupper() and letters.isalnum()
        and (any(c.isdigit() for c in letters) or len(letters) < ACRONYM_WORD_LETTERS
             or not any(c.lower() in lists["acronym_vowels"] for c in letters)))
    if said_as_letters:  # "an FBI agent", "an H1N1 outbreak", "an X-ray", "a U-turn"
        return "an" if letters[0].lower() in lists["an_letters"] else "a"
    if any(w.startswith(p) for p in lists["a_before"]):
        return "a"
    if any(w.startswith(p) for p in lists["an_before"]):
        return "an"
    return "an" if w[0] in "aeiou" else "a"


def _said_with_vowel(number: str) -> bool:
    """Whether a number is said with a vowel first (lead_rules.json an_numbers): by its leading
    group of thousands ("8,000", "18,500"), a year from 1100 to 1999 by its first two digits
    ("1850": eighteen fifty)."""
    digits = number.replace(",", "")
    if not digits:
        return False
    if len(digits) == 4 and "," not in number and digits[0] == "1" and digits[1] != "0":
        lead = digits[:2]
    else:
        lead = digits[:len(digits) % 3 or 3] if len(digits) > 3 else digits
    return lead in _lists()["an_numbers"] or (len(lead) > 1 and lead[0] == "8")


# ------------------------------------------------------------------ a subject and its apposition
# "The 59-year-old, originally from Leigh-on-Sea, Essex, has been unaccounted for": a label cut
# at the last comma before the verb starts with the apposition's tail ("Essex, has been ...").
# The marks that set an apposition off: a comma outside a number, or a dash between spaces.
_APPOSITION_MARK = re.compile(r"(?<!\d),|,(?!\d)|\s[-–—]+\s")
MAX_LIST_ITEM_WORDS = 5  # "The Edge, Bono and Jay-Z": each name of a list is short


def apposition_subject(text: str, clause_start: int, start: int, trigger: tuple[int, int],
                       is_verb: Callable[[str, str], bool],
                       date: tuple[int, int] | None = None) -> tuple[str, int] | None:
    """For a label text[start:...] whose words before the event words `trigger` end in an
    apposition's mark with no subject after it ("Essex, | has been unaccounted", "Col Buck Elton,
    | said", "two search dogs - | flew"), the clause's subject and where the verb part starts:
    the apposition itself when it names a person ("The head of the operation, Col Buck Elton,
    said" -> "Col Buck Elton said"), else the subject the apposition stands beside, with the rest
    of a list of names ("The Edge, Bono and Jay-Z, along with Rihanna, are due" -> "The Edge,
    Bono and Jay-Z are due"). None when the label has a subject of its own or none can be told
    (a relative clause is tidy()'s: "Cameron, who took office")."""
    from kerryview.events.antecedents import agrees, subject_of

    seg = text[start:trigger[0]]
    marks = list(_APPOSITION_MARK.finditer(seg))
    if not marks:
        return None
    tail = seg[marks[-1].end():]
    words = tail.split()
    if words and (words[0].lower() in _lists()["apposition_relatives"]
                  or not is_fragment(tail.strip(), _lists()["coordinators"])):
        return None
    vp = start + marks[-1].end() + len(tail) - len(tail.lstrip())
    verb = (words[1:] if words and words[0].lower() in _lists()["coordinators"] else words)[:1] \
        or [text[trigger[0]:trigger[1]]]
    if verb[0].lower().endswith("ing"):
        return None  # "..., having resumed work there": a participle clause, no verb of the subject's
    if words and words[0].lower() in _lists()["coordinators"]:
        # "The coroner's office said there was no evidence ..., but | gave no cause of death":
        # the second verb of the sentence's subject
        if len(words) > 1 and words[1] not in cues()["irregular_past"] and not has_finite_verb("x " + words[1]):
            return None
        conj_end = tail.index(words[0]) + len(words[0])
        vp = start + marks[-1].end() + (tail.index(words[1], conj_end) if len(words) > 1 else len(tail))
        subject = subject_of(text, clause_start, start + marks[-1].start(), is_verb)
        subject = re.sub(r"['’](?:s|re|ve|d|ll)$", "", subject)  # "it's located ..., and was": "it"
        at = text.find(subject, clause_start, vp) if subject else -1
        if at < 0 or not _plain_subject(subject, "") or (
                date is not None and at < date[1] and date[0] < at + len(subject)):
            return None
        return subject, vp
    piece_from = marks[-2].end() if len(marks) > 1 else 0
    piece = seg[piece_from:marks[-1].start()].strip(" \"“”")
    if piece and agrees(piece, "person", text) == piece and not is_fragment(piece):
        return piece, vp  # "Col Buck Elton, said" -> "Col Buck Elton said"
    subject = subject_of(text, clause_start, vp, is_verb).rstrip(" -–—")
    at = text.find(subject, clause_start, vp) if subject else -1
    said = re.match(r"\s+(\w+)\s+(?:that\s+)?", text[at + len(subject):vp]) if at >= 0 else None
    if said and said.group(1).lower() in _lists()["pure_reporting"]:
        # "Sources said | Digicel, which has operated in Haiti since 1998, found": the reported
        # clause's subject
        clause_start = at + len(subject) + said.end()
        subject = subject_of(text, clause_start, vp, is_verb).rstrip(" -–—")
        at = text.find(subject, clause_start, vp) if subject else -1
    if not _plain_subject(subject, text[at + len(subject):vp] if at >= 0 else ""):
        return _name_before(text, start, piece, vp)
    after = at + len(subject)
    if at >= 0 and date is not None and at < date[1] and date[0] < after:
        return _name_before(text, start, piece, vp)  # "... in third quarter 2007 Bob Dudley, ...": the name
    if at >= 0 and not _APPOSITION_MARK.match(text, after) and not agrees(piece, "person", text) \
            and (whole := _phrase_before_apposition(text, at, start)):  # (a person's name tells more)
        return whole, vp  # "Re-opening Haiti's seaport in the capital, | Port-au-Prince, is seen"
    if at < 0 or not _APPOSITION_MARK.match(text, after):
        return None  # "It | shows the aftermath of a quake, ...": the subject's own verb follows
    return _with_list(text, subject, after, vp), vp


def _list_item(piece: str) -> bool:
    """Whether `piece` (the words between two commas) can be an item of a list of subjects: a
    few words (MAX_LIST_ITEM_WORDS) with no finite verb, quotation or opening word of an
    adverbial ("Meanwhile", "In the US", "After all", "When he arrived")."""
    from kerryview.text.verbs import is_verb

    words = piece.split()
    if not words or len(words) > MAX_LIST_ITEM_WORDS or re.search(r"[\"“”:;()]|\s[-–—]+\s", piece) \
            or not re.search(r"[A-Za-z]", piece) or is_fragment(piece):
        return False  # ("1889", "Was broadcast from New York", "LONDON, Feb. 10 -- Fred": no item)
    first = words[0].lower()
    lists = _lists()
    if words[-1].islower() and words[-1].endswith("ly") \
            or first.endswith("ly") and len(words) > 1 and words[1].islower() \
            or first.endswith("ing") and len(words) > 1 and words[1].lower() in lists["prepositions"]:
        return False  # "More recently", "Shortly afterwards", "Starting in the 1960s": an adverbial, no item
    if " ".join(words).lower() in lists["list_opening_words"] \
            or len(words) == 1 and not words[0].isupper() and first in stopwords():
        return False  # "Elsewhere", "Yes", "Back home", "Again": an opening adverb or word of address
    if _time_word(words):
        return False  # "Two hours later", "That night", "June 2": a time expression
    return not any(first in lists[name] for name in ("prepositions", "adverbial_openers", "sentence_adverbs",
                                                      "stance_adverbs", "sequence_adverbs", "leading_subordinators",
                                                      "coordinators", "pronoun_subjects")) \
        and not has_finite_verb(piece) and not is_verb(first, "x ", finite=True)  # "Lived in Box": a verb whose subject went before


@cache
def _time_words() -> frozenset[str]:
    from kerryview.timex.recognize import triggers  # (lazy: the tagger loads its rules on first use)

    return frozenset(triggers())


def _time_word(words: list[str]) -> bool:
    """Whether `words` hold one of the tagger's time words (recognize.triggers): in lower case
    ("two hours later", "that night"), or capitalized beside a number ("June 2", "2 June"; not a
    name such as "Theresa May")."""
    time_words = _time_words()
    for k, w in enumerate(words):
        low = w.lower().strip(".,'’")
        if low not in time_words:
            continue
        near = words[k - 1:k] + words[k + 1:k + 2]
        if w.islower() or any(n[:1].isdigit() for n in near):
            return True
    return False


def _dateline_place(item: str) -> bool:
    """Whether `item`, the words before a sentence's first comma, is a wire dateline's place in
    capitals ("PARIS", "PORT-AU-PRINCE"): a word of capitals longer than an acronym."""
    words = item.split()
    return len(words) == 1 and words[0].isupper() and len(re.sub(r"\W", "", words[0])) > MAX_ACRONYM_LETTERS


MAX_ACRONYM_LETTERS = 4  # "NATO", "BBC", "US": a subject; "PARIS", "LONDON": a dateline's place


def list_first_item(left: str, at: int, dated: tuple[int, int] = (0, 0)) -> int:
    """Where a list of subjects starts whose later item starts at `at` of `left` (the words
    before the event words), right after a comma: back over the items before it, each set off
    by a comma and told apart by a clause mark or a reporting verb (_subject_start) and each
    a few words that can be a list's item (_list_item), to the list's first item ("Paris
    Hilton, Ben Stiller, | Chris Martin" -> "Paris Hilton, ..."); never into a time expression
    (`dated`, offsets in `left`: "On Monday, | the leaders of France, ..."; or any other: "Two
    hours later, | police, soldiers and ..."). `at` as it is when the sentence opens with a
    dateline's place in capitals ("PARIS, France, Germany and Italy agreed": the words after
    it may be its country). The one walk back over a list's items."""
    cut = at
    while left[:cut].rstrip().endswith(","):
        comma = len(left[:cut].rstrip()) - 1
        lo = _subject_start(left, comma)
        lo += len(left[lo:comma]) - len(left[lo:comma].lstrip())
        item = left[lo:comma]
        if not left[:lo].strip(" \"“'‘*•-–—\n") and _dateline_place(item):
            return at
        if not _list_item(item) or lo < dated[1] and dated[0] < comma:
            break
        cut = lo
    return cut


def list_subject_start(left: str, breaks: list[int], dated: tuple[int, int]) -> int:
    """Where the subject of a label starts when the words from the last break `breaks[-1]` of
    `left` (the sentence up to the event words) are the last items of a list joined by
    "and"/"or" ("Paris Hilton, Ben Stiller, | Chris Martin and Lindsay Lohan joined"): back over
    the items before it, each set off by a comma (_list_item), to the list's first item ("Paris
    Hilton, Ben Stiller, Chris Martin and Lindsay Lohan joined"); never into a time expression
    (`dated`, offsets in `left`: "On Monday, | the leaders of France, ..."). The last break as it
    is when no list ends there."""
    cut = breaks[-1]
    words = left[cut:].lower().split()
    joined = next((i for i, w in enumerate(words) if w in _lists()["list_joiners"]), None)
    if left[cut - 1:cut] != "," or joined is None or not 0 < joined <= MAX_LIST_ITEM_WORDS \
            or re.search(CLAUSE_COMMA, left[cut:]) \
            or not _list_item(" ".join(left[cut:].split()[:joined])):
        return cut  # (", and the list goes on": a clause; ", in Port-au-Prince and ...": no item;
        # "Caterpillar, | the farming and construction equipment maker, sold": an apposition)
    return list_first_item(left, cut, dated)


MAX_APPOSED_SUBJECT_WORDS = 12  # "Searches at the clinic and another site rented by Dr Murray in Houston"


def _phrase_before_apposition(text: str, at: int, start: int) -> str | None:
    """The noun phrase from a clause's subject at `at` to the comma that opens the apposition a
    label starts right after ("Re-opening Haiti's seaport in the capital, | Port-au-Prince, is
    seen" -> "Re-opening Haiti's seaport in the capital"): the whole subject the apposition
    stands beside, when it is one phrase (no finite verb, no clause mark, a few words); None
    otherwise ("Officials said on Monday, | the company, ...": a clause)."""
    head = text[at:start].rstrip()
    if not head.endswith(",") or at >= start:
        return None
    phrase = " ".join(head[:-1].split())
    if not phrase or len(phrase.split()) > MAX_APPOSED_SUBJECT_WORDS or re.search(r"[,;:()\"“”]|\s[-–—]+\s", phrase) \
            or has_finite_verb(phrase) or not _plain_subject(phrase, ""):
        return None
    return phrase


MAX_HEADLESS_APPOSITION_WORDS = 8  # "the largest oil spill in US waters since 1989": longer is a clause


def headless_apposition(words: str) -> bool:
    """Whether `words`, an apposition between commas, has no noun of its own: its words before
    its first preposition end in a superlative or an ordinal (data/lead_rules.json
    headless_apposition_heads: "Haiti's worst | in two centuries", "the largest | since 1989",
    "the third | this year"). It stands for the noun phrase before it and cannot be a subject:
    "a quake, Haiti's worst in two centuries, which struck" tells that the quake struck."""
    tokens = words.split()
    if not tokens or len(tokens) > MAX_HEADLESS_APPOSITION_WORDS or has_finite_verb(words):
        return False
    k = next((i for i, w in enumerate(tokens) if w.lower() in _lists()["prepositions"]), len(tokens))
    if k < len(tokens) and tokens[k].lower() == "of":
        return False  # "the first of three meetings": a partitive, whose noun follows "of"
    return k > 0 and tokens[k - 1].lower() in _lists()["headless_apposition_heads"]


def _name_before(text: str, start: int, apposition: str, vp: int) -> tuple[str, int] | None:
    """The person's name right before the comma that opens the apposition a label starts with
    ("... third quarter 2007 Bob Dudley, | currently managing director and a US citizen, told"
    -> "Bob Dudley told"): its capitalized words, when the apposition has no verb of its own and
    they name a person (antecedents.agrees); None otherwise."""
    from kerryview.events.antecedents import agrees

    before = text[max(0, start - 80):start].rstrip()
    if not before.endswith(",") or not apposition or has_finite_verb("x " + apposition):
        return None
    words = before[:-1].split()
    run: list[str] = []
    while words and len(run) < MAX_NAME_WORDS and words[-1][:1].isupper() \
            and words[-1].lower() not in stopwords():
        run.insert(0, words.pop())
    name = agrees(" ".join(run), "person", text) if run else None
    return (name, vp) if name and not is_fragment(name) else None


# A sentence opener inside the pieces between a subject and its verb: passages run together
# ("Mark Doyle, BBC News, Port-au-Prince The police chief ..., has appealed").
# A title word before it starts a title, not a passage ("a book called The Squeeze").
_OPENER_INSIDE = re.compile(r"(?P<prev>\S+)\s+(?:The|A|An|There|This|These)\s")


def _plain_subject(subject: str, between: str) -> bool:
    """Whether `subject` can head a label: not a fragment, not a shouted header ("JILLIAN
    THORP"), and with no other passage's start between it and its verb (`between`)."""
    words = subject.split()
    return bool(words) and not is_fragment(subject) and not (
        len(words) > 1 and all(w.isupper() for w in words)) and not any(
        m["prev"].lower() not in _lists()["title_words"] for m in _OPENER_INSIDE.finditer(between))


def _with_list(text: str, subject: str, after: int, vp: int) -> str:
    """`subject` with the names listed after it up to the one with "and" ("The Edge, | Bono and
    Jay-Z,"); as it is when no such list follows."""
    names = []
    for piece in text[after:vp].split(",")[1:-1]:
        words = piece.split()
        if not words or not _list_item(re.sub(r"^(?:and|&)\s+", "", piece.strip())) or not all(
                w[:1].isupper() or w in ("and", "&") for w in words):
            return subject  # (the one item test of a list: _list_item)
        names.append(piece.strip())
        if "and" in words or "&" in words:
            return ", ".join([subject] + names)
    return subject


# ------------------------------------------------------------------ a range of dates
_MONTH_OR_YEAR = (r"(?:(?:early|late|mid)[- ])?"
                  r"(?:\d|'\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)")


def keeps_date(text: str, start: int, end: int) -> bool:
    """Whether a label keeps the time expression text[start:end] where it stands: one end of a
    range (in_range), or a noun's complement after "of" ("the Internet bubble of 2000 and the
    credit crisis", "the lessons of 1929", "by the end of June"): dropped, either leaves a phrase
    open ("between and August", "the bubble of and"). "As of Wednesday" is a date's lead-in
    (lead_rules.json date_lead_ins), dropped with it."""
    if in_range(text, start, end):
        return True
    before = text[max(0, start - 40):start]
    return bool(re.search(r"\bof\s+$", before)) and not DATE_LEAD_IN.search(before) \
        and not text.startswith(("'s", "’s"), end)  # "survivors of Tuesday's earthquake": "of the earthquake"


def in_range(text: str, start: int, end: int) -> bool:
    """Whether the time expression text[start:end] is one end of a range or one of two dates
    joined ("between July and August", "from 2003 to 2009", "published in 2005 and 2007", "the
    1918-19 pandemic"): a label keeps it, as dropping it leaves "between and August" (data/lead_rules.json
    range_openers, range_links)."""
    if re.match(r"\\?[-–/]\d", text[end:end + 3]) or re.search(r"\d\\?[-–/]$", text[max(0, start - 3):start]):
        return True  # "the 1918-19 pandemic", "the 2008/09 season" (JSON: "2008\/09"): a range as one word
    lists = _lists()
    links = "|".join(map(re.escape, sorted(lists["range_links"])))
    openers = "|".join(map(re.escape, sorted(lists["range_openers"])))
    before = text[max(0, start - 40):start]
    if re.search(rf"\b(?:{openers})\s+$", before, re.IGNORECASE) and re.match(
            rf"\s*(?:{links}|[-–])\s", text[end:end + 12], re.IGNORECASE):
        return True  # "between | July | and"
    if re.search(rf"\b(?:{openers})\s+[^,;.]{{1,30}}\s(?:{links})\s+$", before, re.IGNORECASE):
        return True  # "between July and | August"
    if re.search(rf"\b(?:in|on|of)\s+{_MONTH_OR_YEAR}[^\s,;.]*\s+(?:{links})\s+$", before):
        return True  # "in 2005 and | 2007"
    return bool(re.match(rf"\s*(?:{links})\s+(?:in\s+)?{_MONTH_OR_YEAR}", text[end:end + 30], re.IGNORECASE)) \
        and bool(re.search(r"\b(?:in|on|of)\s+$", before))  # "in 2005 | and 2007"


# ------------------------------------------------------------------ a list of dated items
# "..., from Secretary of State Antony Blinken in June to Treasury Secretary Janet Yellen in
# early July": each time expression ends an item that names its own actor.
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*|of|the|for|and")
MAX_ITEM_NAME_WORDS = 8
MIN_DATED_ITEMS = 2


def _item_name(text: str, lo: int, start: int) -> tuple[int, int] | None:
    """The name that ends right before the preposition of the time expression at `start`
    ("Treasury Secretary Janet Yellen | in early July"), after an item opener or a comma
    (data/lead_rules.json dated_item_openers), and from `lo` on; None when there is none."""
    head = text[lo:start]
    lead = DATE_LEAD_IN.search(head)
    if lead is None:
        return None
    before = head[:lead.start()].rstrip()
    words = before.split(" ")
    k = len(words)
    while k > 0 and len(words) - k < MAX_ITEM_NAME_WORDS and _NAME_WORD.fullmatch(words[k - 1].rstrip(",")) \
            and not words[k - 1].endswith(","):
        k -= 1
    while k < len(words) and not words[k][:1].isupper():
        k += 1  # a name starts with a capital ("of State Antony" is inside one)
    name = words[k:]
    opener = " ".join(words[max(0, k - 2):k]).lower()
    openers = _lists()["dated_item_openers"]
    opens = (k > 0 and words[k - 1].endswith(",")) or any(
        opener == o or opener.endswith(" " + o) for o in openers)
    capitals = [w for w in name if w[:1].isupper()]
    if len(capitals) < 2 or not opens:
        return None
    end = lo + len(before)
    return end - len(" ".join(name)), end


def _titled_person(name: str) -> bool:
    """Whether an item's name names a person by a title ("Treasury Secretary Janet Yellen"):
    two capitalized words alone may be a place or a firm as well ("Saudi Arabia", "Ford Motor"),
    which antecedents.agrees takes for a person, so a title (lead_rules.json person_titles) is
    what makes the item an actor's."""
    words = [w.lower() for w in name.split()]
    return _names_a_person(name) and any(w in _lists()["person_titles"] for w in words[:-1])


def dated_item(text: str, sent: tuple[int, int], timex: tuple[int, int],
               others: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """For a time expression text[timex] that ends an item of a list of dated items after a
    clause, the span of the item's name and where the clause it adds to ends (its comma); None
    otherwise. `others` are the sentence's other time expressions: at least MIN_DATED_ITEMS
    items of the same form make the list ("from A in June to B in early July"), and each item
    names a person by a title (a list of places or firms dates no actor's event)."""
    own = _item_name(text, sent[0], timex[0])
    if own is None:
        return None
    names = [n for o in others if o != timex and sent[0] <= o[0] < sent[1]
             and (n := _item_name(text, sent[0], o[0]))]
    if len(names) + 1 < MIN_DATED_ITEMS or not all(_titled_person(text[a:b]) for a, b in [own, *names]):
        return None  # "from Saudi Arabia in May to South Korea in June": places, no actors
    first = min([own[0]] + [n[0] for n in names])
    commas = [sent[0] + m.start() for m in re.finditer(CLAUSE_COMMA, text[sent[0]:first])]
    return (own[0], own[1], commas[-1]) if commas else None


def fixed_adverbial(label: str) -> str | None:
    """The adverbial `label` opens with whose first word only looks like a conjunction ("So far
    about 3 million gallons have leaked": no "Far about ..."; "As many as 300 people were
    evacuated": no fronted "As ..." clause; data/lead_rules.json fixed_adverbials), or None."""
    words = " ".join(label.lower().split()[:3])
    return next((p for p in _lists()["fixed_adverbials"] if words == p or words.startswith(p + " ")), None)


@cache
def number_words() -> frozenset[str]:
    """The tagger's number words ("two", "dozen", "forty"; its lexicon's number and tens), less
    the articles it counts as one ("about a meeting" is no number)."""
    from kerryview.timex.lexicon import table

    words = {w for name in ("number", "tens") for w in table(name) if not w.startswith("_")}
    return frozenset(w for w in words if " " not in w) - {"a", "an"}


def opens_with_quantity(label: str) -> bool:
    """Whether a label opens with a number made approximate (lead_rules.json quantity_openers:
    "At least 491 birds ... have been found dead"): its subject, not a prepositional phrase."""
    words = label.lower().split()
    units = _lists()["measure_units"]  # "About seven hours after ...": when, not who
    for k in (1, 2):
        if " ".join(words[:k]) not in _lists()["quantity_openers"] or len(words) <= k:
            continue
        number = words[k]
        if number[:1].isdigit():
            unit = re.sub(r"^[\d,.\-–%]+", "", number) or (words[k + 1] if len(words) > k + 1 else "")
        elif number in number_words():
            unit = words[k + 1] if len(words) > k + 1 else ""
        else:
            continue
        return unit.strip(",.()") not in units
    return False


MAX_MEASURE_WORDS = 4  # "about seven hours", "more than two weeks": a number of units before "after"


def time_distance_opener(label: str) -> str | None:
    """The words that open `label` up to a time_distance_links word after a number of
    measure_units of time ("Two days after the storm struck" -> "two days after", "About seven
    hours after ..." -> "about seven hours after"), lower-cased; None when the label opens
    otherwise. The number is digits, a number word, "a"/"an", after at most one of
    quantity_openers ("about", "more than")."""
    words = [w.lower().strip("\"“'‘,") for w in label.split()[:MAX_MEASURE_WORDS + 1]]
    k = next((i for i, w in enumerate(words) if w in _lists()["time_distance_links"]), None)
    if k is None or k < 2 or words[k - 1] not in _lists()["measure_units"]:
        return None
    number, before = words[k - 2], " ".join(words[:k - 2])
    if not (number.isdigit() or number in ("a", "an") or number in number_words()) \
            or before and before not in _lists()["quantity_openers"]:
        return None
    return " ".join(words[:k + 1])


def time_distance_anchor(text: str, sent: tuple[int, int], trigger: tuple[int, int], timex: tuple[int, int],
                         label: str) -> str | None:
    """The label of the happening a span of time is counted from, when `label` is a phrase that
    opens its sentence with such a span (time_distance_opener) and both the event words and the
    time expression are in that phrase, before its comma: "Five years after the war ended in
    2003, | the country held elections" -> "the war ended" (2003 dates the war's end, the main
    clause lies the span away). None otherwise: a date that is not the phrase's (the
    publication's: "A week after the quake hit Haiti, people are still battling ...") dates the
    main clause, not the quake; a pronoun for the happening ("16 days after it collapsed")
    cannot tell it."""
    from kerryview.events.antecedents import pronoun_kind

    distance = time_distance_opener(label)
    if distance is None or "," in label:
        return None
    anchor = label.split(None, len(distance.split()))[-1]
    words = anchor.split()
    a, b = sent
    found = re.search(r"\b" + r"\s+".join(map(re.escape, distance.split())) + r"\b", text[a:b], re.IGNORECASE)
    if len(words) < 2 or pronoun_kind(words[0]) is not None or found is None:
        return None
    p = a + found.start()
    comma = next((p + m.start() for m in re.finditer(CLAUSE_COMMA, text[p:b])), b)
    head = text[a:p].strip(" \"“'‘*•-–—\n")
    if head or not p <= timex[0] < timex[1] <= comma or not p <= trigger[0] < comma:
        return None
    return anchor


MAX_FRONTED_PHRASE_CHARS = 200  # "With the oil being pushed into fragile marshland ... this morning,"


def fronted_phrase(text: str, sent: tuple[int, int], trigger: tuple[int, int], timex: tuple[int, int],
                   label: str) -> tuple[int, int, tuple[int, int]] | None:
    """For a label that is only an adverbial phrase or clause opening its sentence (lead_rules.json
    fronted_phrase_openers: "With the storm season approaching", "After talks ended"), set off
    by a comma before the sentence's main clause, where the main clause is, and its first finite
    verb: the clause that says who did what ("..., the port authority moved the cranes
    inland"). None when the label reaches past the phrase, the event words or the date are not
    in the phrase, the main clause has no finite verb or a time expression of its own (it then
    tells another time's event), or the phrase is a condition ("If ..."). None too when the
    label opens with a fixed adverbial that is no opener ("As many as 300 people ...": a
    quantity; "As soon as the quake struck" is one), the main clause
    opens with a coordinating conjunction (", and the county opened shelters": a second clause),
    its verb reports (", he said the strike would go on": what was said is no doing at the
    phrase's time) or its subject is a pronoun (", they called a strike": who, the label
    cannot tell). None too when the date or the event words are in a relative clause inside the
    phrase ("Under the deal, which was signed in 2008, ...": clauses.relative_asides): they tell
    that clause's event, not the occasion's."""
    from kerryview.events.clauses import relative_asides
    from kerryview.text.verbs import is_verb

    words = label.split()
    if not words:
        return None
    # a fixed adverbial is the opener as a whole: "As soon as" opens a clause, "As many as" a quantity
    opener = fixed_adverbial(label.lstrip("\"“'‘")) or words[0].lower().strip("\"“'‘")
    dated = timex[1] > timex[0]  # a time expression in the phrase dates its occasion (not a clause event's day)
    occasion = dated and opener in _lists()["occasion_openers"] and not opens_with_quantity(label)
    # ("In an interview on Tuesday, ...": its report too; "At least 4m gallons ...": a quantity)
    if opener not in _lists()["fronted_phrase_openers"] and not occasion:
        return None  # (a span of time from another happening, "Two days after the storm struck on
        # Monday, ...": the date is the storm's, never the main clause's; mentions.label_for tells the storm)
    a, b = sent
    found = re.search(r"\b" + r"\s+".join(map(re.escape, opener.split())) + r"\b", text[a:b], re.IGNORECASE)
    if found is None:
        return None
    p = a + found.start()
    head = text[a:p].strip(" \"“'‘*•-–—\n")
    # the sentence's start, after a chronology's date heading ("15 July: With ...") or a
    # coordinating conjunction ("But as pressure mounted, ...")
    if head and not (len(head) <= MAX_DATE_HEADING_CHARS and head.endswith(":")) \
            and head.lower().rstrip(",") not in cues()["coordinating_conjunctions"]:
        return None
    comma = next((p + m.start() for m in re.finditer(CLAUSE_COMMA, text[p:min(b, p + MAX_FRONTED_PHRASE_CHARS)])
                  if p + m.start() >= max(trigger[1], timex[1])), None)
    if comma is None or any(s <= max(timex[0], trigger[0]) < e for s, e in relative_asides(text, p, b)):
        return None  # "Under the deal, which was signed in 2008, | the company will pay": the date and
        # the event words are the relative clause's, not the occasion's
    main = text[comma + 1:b]
    main_words = main.split()
    if len(main_words) < MIN_COMPLETE_WORDS or " ".join(main_words[:2]).strip(" ,;:").lower() in label.lower() \
            or main_words[0].lower() in event_lists("clause_rules.json")["relative_pronouns"] \
            or main_words[0].lower() in cues()["coordinating_conjunctions"] \
            or main_words[0].islower() and main_words[0].endswith("ing") \
            or any(w.lower() in _lists()["leading_subordinators"] | event_lists("clause_rules.json")["subordinators"]
                   for w in main_words[:2]) \
            or not has_finite_verb(main) or _recognize_phrase(main):
        return None
    for k, m in enumerate(re.finditer(r"[A-Za-z][\w'’-]*", main)):
        if k > MAX_SUBJECT_WORDS or re.search(r"[,;:()\"“”]|\s[-–—]+\s", main[:m.start()]):
            return None  # the main clause's subject is a noun phrase, no aside ("-- long uncapped, uncontained")
        before = main[max(0, m.start() - 12):m.start()]
        after_and = bool(before.split()) and before.split()[-1].lower() in cues()["coordinating_conjunctions"]
        if k and not after_and and is_verb(m.group(), before, finite=True):
            # (after its subject; not "unresolved and | unmediated": a list of adjectives)
            subject = main[:m.start()].split()
            if m.group().lower() in reporting_verbs()["all"] and not occasion \
                    or len(subject) == 1 and subject[0].lower() in _lists()["pronoun_subjects"]:
                return None  # "..., he said the strike would go on": a report, a subject the label cannot tell
            at = comma + 1 + m.start()
            return comma + 1, b, (at, at + len(m.group()))
    return None


# A label that opens with an apposition's words, a comma, then the verb of the subject the
# apposition stands beside ("A contractor, are putting ...", "Ablaze 50 miles off Louisiana, is
# spilling ..."): the apposition (up to the comma) and its first verb.
_APPOSITION_FIRST = re.compile(r"^(?P<tail>[^,:;()\"“”]{2,80}),\s+(?P<verb>[a-z][\w'’]*)\b")
_SUBJECT_BOUNDARY = re.compile(r"(?<!\d),|,(?!\d)|[;:(\"“”]|\s[-–—]+\s|\bthat\s")  # (not "5,000")


@cache
def _reporting_verb_end() -> re.Pattern[str]:
    """A reporting verb and the space after it ("officials said | ..."): a subject starts there."""
    return re.compile(r"\b(?:" + "|".join(sorted(_lists()["pure_reporting"])) + r")\s")


def _subject_start(head: str, end: int) -> int:
    """Where a subject ending at `end` of `head` may start: after the last clause mark
    (_SUBJECT_BOUNDARY) or reporting verb before `end`, else at 0."""
    return max([x.end() for x in _SUBJECT_BOUNDARY.finditer(head, 0, end)]
               + [x.end() for x in _reporting_verb_end().finditer(head, 0, end)], default=0)


def subject_before_apposition(label: str, text: str, sent: tuple[int, int]) -> str:
    """`label` told by its subject when it opens with the apposition that stood between the
    subject and its verb (lead_rules.json apposition_links: after ", " or ", including "):
    "Crews for the salvage firm, | a contractor, are putting ..." -> "Crews for the salvage firm
    are putting ..."; "Ann Lee, | the port's director, said" -> "Ann Lee said"; when the words
    left are the person's name itself ("The port's director, | Ann Lee, said"), only the comma
    goes. The subject is the noun phrase right before the apposition's comma, back to the
    sentence's or clause's start (a comma, a colon, "that", a reporting verb), with the earlier
    items of a list ("400 birds, 20 turtles and 9 mammals, including dolphins, were found"). As
    it is when the verb is no finite verb, the apposition cannot be found in the sentence, or
    no subject without a verb of its own stands before it."""
    from kerryview.events.antecedents import agrees
    from kerryview.text.verbs import is_verb

    m = _APPOSITION_FIRST.match(label)
    if m is None or m["tail"].split()[0].lower() in _lists()["pronoun_subjects"] | _lists()["coordinators"]:
        return label
    verb = m["verb"]
    if not (verb in _lists()["subject_verbs"] or verb in modals() or is_verb(verb, "x ", finite=True)) \
            or has_finite_verb(m["tail"]):
        return label  # ("The City has fretted over the dividend, supposed to be": a clause, no apposition)
    rest = label[m.start("verb"):]
    named = agrees(m["tail"], "person", text) and not is_fragment(m["tail"])
    if named and m["tail"].split()[0].lower() not in _lists()["object_determiners"]:
        return f"{m['tail']} {rest}"  # "Lamar McKay, returned": a name, its apposition's title before
    a, b = sent
    tail_words = m["tail"].split()[:3]
    found = re.search(r"(?P<link>,\s+(?:(?:" + "|".join(sorted(_lists()["apposition_links"])) + r")\s+)?)"
                      + r"\s+".join(map(re.escape, tail_words)), text[a:b], re.IGNORECASE)
    if found is None:
        return f"{m['tail']} {rest}" if named else label
    comma = a + found.start()
    head = text[a:comma]
    at = _subject_start(head, len(head))
    if " and " in head[at:]:
        at = list_first_item(head, at)  # a list's earlier items
    subject = " ".join(head[at:].split())
    words = subject.split()
    if not subject or len(words) > MAX_APPOSED_SUBJECT_WORDS or not _plain_subject(subject, "") \
            or any(is_verb(w, " ".join(words[:k]), finite=True) or w in _lists()["subject_verbs"]
                   for k, w in enumerate(words) if k and words[k - 1].lower() not in _lists()["object_determiners"]):
        return f"{m['tail']} {rest}" if named else label  # ("The wrecked rig": an adjective after its determiner)
    return capitalized(f"{subject} {rest}")

