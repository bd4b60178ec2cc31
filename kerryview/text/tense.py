"""The one tense detector: which way the clause around a time expression points in time.

HeidelTime uses POS tags; we use cue words (kerryview/text/data/tense_cues.json, read through
kerryview.text.wordlists) and the -ed suffix, taking the cue nearest to the expression within
its sentence. The tagger asks it whether "Friday" is the last or the next one; dating asks it
whether a passage tells its date as past (so it must not lie after the publication date) or
announces it (so it must not lie before). Both ask about the expression, so they cannot disagree:
in "Talks ended Monday and will resume later." "Monday" is past for both (the nearest cue is
"ended"; "will" belongs to "later").

Headlines tell past events in the present simple ("Giant metal dome fails to cap leak"), and so
do a chronology's entries, each a headline headed by its date ("8 May: Giant metal dome fails
to cap leak 2 June: US government begins criminal inquiry"). For an expression that heads such
an entry, its tense is that of the entry's words alone: the present simple is past, "to" + verb
after a name ("Obama to visit Gulf") and "will" look ahead.

A participle tells no tense ("..., starting with BP America's Lamar McKay"); "starting" and
"effective" look ahead only as a preposition right before the expression ("starting Monday").
"""
from __future__ import annotations

import re
from functools import lru_cache

from kerryview.text.plural import looks_plural
from kerryview.text.verbs import opens_with_name
from kerryview.text.wordlists import abbreviations, event_lists, irregular_verbs, reporting_verbs, tense_cues

_WORD = re.compile(r"[A-Za-z']+")
_BOUNDARY = re.compile(r"(?<=[a-z0-9)]{2}[.!?;])\)?\s+|(?<=[!?])\s+(?=[A-Z])|\n\s*\n|[\"“”]")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")
# A time expression that heads a chronology entry: a colon or dash, then the entry's headline.
_ENTRY_HEAD = re.compile(r"[ \t]*(?::[ \t]*(?:--?|[–—])?|[ \t](?:--?|[–—]))[ \t]*(?=[\"“‘']?[A-Z])")
_ENTRY_END = re.compile(r":|(?<=[a-z0-9)]{2}[.!?;])\s|\n")
LEFT_CHARS = 160  # how far before the expression its sentence is searched for a cue
RIGHT_CHARS = 200  # and how far after it
PASSIVE_OBJECT_WORDS = 4  # "forced [the operation] to be suspended": a past verb and its object before "to"
SINCE_GERUND_WORDS = 8  # "since [moving to the United States in] September"
LISTENER_WORDS = 6  # "told [the Wall Street Journal in] March": the listener and a preposition
SUBJECT_WORDS = 6  # a headline's subject before "to" + verb: "Tony Hayward, BP's chief executive, to step down"


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, str], dict[str, str]]:
    """Single-word cues and two-word cues -> "past" | "future" | "present"."""
    lists = tense_cues()
    single: dict[str, str] = {}
    double: dict[str, str] = {}
    for name in ("present", "past", "future"):
        for w in sorted(lists[name]):
            (double if " " in w else single)[w] = name
    for w in lists["scheduled_present_plural"]:  # "the leaders meet Monday"
        single[w] = "future"
    return single, double


def _boundaries(s: str):
    """Sentence/clause boundaries in `s`, except after abbreviations ("Roe vs. Wade", "Ala.")."""
    abbrev = abbreviations()
    for m in _BOUNDARY.finditer(s):
        w = _WORD_BEFORE_DOT.search(s, 0, m.start())
        if w is not None and w.group(1).lower() in abbrev:
            continue
        yield m


def _classify(words: list[str], i: int, reporting: bool = True) -> str | None:
    """The tense words[i] marks, or None when it is no cue."""
    single, double = _cues()
    lists = tense_cues()
    w = words[i]
    if not reporting and w in lists["reporting"]:
        return None
    past_aux = lists["past_auxiliaries"]
    if w in lists["plan_words"] and i >= 1 and (words[i - 1] in past_aux
                                                or i >= 2 and words[i - 2] in past_aux):
        return "past"  # "had been scheduled to expire Friday": the plan is in the past
    if i + 1 < len(words):
        two = f"{w} {words[i + 1]}"
        if two in double:
            if two.endswith(" to") and i + 2 < len(words) and _no_verb(words[i + 2]):
                return None  # "due to the falling value", "due to rising costs": a cause, no plan
            if two.endswith(" due") and _cause_after(words, i + 2):
                return single.get(w)  # "is due (mainly) to the rain": a cause; "is" is still a present
            if w == "due" and _cause_after(words, i + 1):
                return None  # "due in part to the storm": not "due in" two weeks
            if two in lists["stance_to"] and words[i + 2:i + 3] == ["have"] and i + 3 < len(words) \
                    and participle(words[i + 3]):
                return "past"  # "likely to have started in March": a past act
            return double[two]
    if w in lists["ability_modals"]:
        after = words[i + 1:i + 3]
        if after and (after[0] in lists["negation"] or after[0] in lists["perception_verbs"]):
            return None  # "could not find", "I could smell": an ability
        if after[:1] == ["be"] and len(after) == 2 and participle(after[1]) \
                and any(x in lists["negation"] for x in words[:i]):
            return None  # "Neither he nor ... could be located Wednesday": an attempt that failed
        if _has_phrase(words[:i], lists["past_frames"]):
            return "past"  # "As a child he could swim ...": a past ability
    if w in lists["attributive_future"]:
        # "the looming November elections" looks ahead; "was not forthcoming in April" does not
        return "future" if i >= 1 and words[i - 1] in lists["adjective_before"] else None
    be = i - 2 if i >= 2 and words[i - 1] in lists["negation"] else i - 1  # "is not expected"
    if be >= 0 and words[be] in lists["present_passive"] and (
            (w not in single and _ed_past(w))
            or w in irregular_verbs()["participles"]):
        return None  # "a helpline is opened in the autumn", "a vaccine is not expected before
        # January", "when the case is heard in May": a present passive; "is" decides
    if w in single:
        if w in lists["noun_or_verb"]:
            if i >= 1 and words[i - 1] in lists["noun_before"]:
                return None  # "loose ends", "both ends of the tunnel": a noun
            if i + 1 < len(words) and words[i + 1] in lists["market_moves"]:
                return "past"  # "The FTSE 100 closes 2% lower": a closed market reported
        if single[w] == "past" and i >= 1 and words[i - 1] in lists["infinitive_before"] and w in lists["bare_pasts"]:
            return None  # "going to put", "will set": the bare verb, not its past ("May said": a past)
        if w in lists["scheduled_present_plural"] and i >= 1 and words[i - 1] in lists["infinitive_before"]:
            return None  # "to meet demand", "will meet": the bare verb, not a scheduled present
        if w in lists["past_conditional"] and i + 2 < len(words) and words[i + 1] == "have" \
                and participle(words[i + 2]):
            return "past"  # "should have been bigger", "might have stopped it": a past
        return single[w]
    if w.endswith("'ll"):
        return "future"
    if _ed_past(w):
        if i >= 1 and words[i - 1] in lists["adjective_before"] and not (
                words[i - 1] == "that" and i + 1 < len(words) and words[i + 1] in lists["relative_that_followers"]):
            # "a still unspecified date", "the proposed merger": an adjective, not a verb; but
            # "the spill that lasted more than 100 days": a relative clause's past
            return None
        return "past"
    return None


def word_tense(word: str) -> str | None:
    """The tense a single word tells by itself ("will" future, "went" past, "opens" future, a
    past in -ed), or None."""
    single, _ = _cues()
    if word in single:
        return single[word]
    return "past" if _ed_past(word) else None


def _ed_past(word: str) -> bool:
    """Whether `word` looks like a regular past by its form: in -ed, longer than four letters,
    not in -eed ("succeed", "exceed", whose -ed is no ending)."""
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def _has_phrase(words: list[str], phrases: frozenset[str]) -> bool:
    """Whether a phrase of one to three words of `phrases` stands in `words`."""
    return any(" ".join(words[k:k + n]) in phrases for n in (1, 2, 3) for k in range(len(words) - n + 1))


def participle(word: str) -> bool:
    """A past participle, as far as its form tells: "been", "stopped", "taken", a past cue."""
    single, _ = _cues()
    return word == "been" or word.endswith(("ed", "en", "wn")) or single.get(word) == "past"


def _after_cause_adverbs(words: list[str], k: int) -> int:
    """Where the words after "due" go on past its adverbs of degree (tense_cues.json
    cause_adverbs, or any in -ly): "due [mainly] to", "due [in part] to"; at most three words."""
    adverbs = tense_cues()["cause_adverbs"]
    end = k
    while end - k < 3:
        n = next((n for n in (4, 3, 2) if " ".join(words[end:end + n]) in adverbs), 0)
        if n == 0 and end < len(words) and (words[end] in adverbs or len(words[end]) > 4 and words[end].endswith("ly")):
            n = 1
        if n == 0:
            break
        end += n
    return end


def _verb_right_after(right: str, rw: list[str], reporting: bool) -> bool:
    """The expression is followed at once by a verb in the past (no comma between): "[in
    March] lifted the fund", "[in May] were cancelled", or a past the same as its base (text/data/
    irregular_verbs.json: "[in April] hurt the fund"); the phrase before it is its subject."""
    return bool(rw) and right[:1].isspace() and right.lstrip()[:1].isalpha() \
        and (_classify(rw, 0, reporting) == "past" or rw[0] in irregular_verbs()["bare_pasts"])


def _cause_after(words: list[str], k: int) -> bool:
    """The words from k, past adverbs of degree, are "to" and no verb: a cause ("due [mainly]
    to the rain")."""
    k = _after_cause_adverbs(words, k)
    return words[k:k + 1] == ["to"] and k + 1 < len(words) and _no_verb(words[k + 1])


def _no_verb(word: str) -> bool:
    """The word after a cue ending in "to" is no verb, so the cue is a preposition: "due to the
    weather", "due to rising costs", "due to concerns"."""
    return word in tense_cues()["not_verbs_after_to"] or word.endswith("ing") or looks_plural(word)


def _clause_left(text: str, start: int) -> str:
    """The text of the clause before `start`: back to the last clause boundary, within
    LEFT_CHARS."""
    left = text[max(0, start - LEFT_CHARS):start]
    cut = None
    for cut in _boundaries(left):
        pass
    return left[cut.end():] if cut is not None else left


def _announces(raw: list[str], i: int) -> bool:
    """Whether the "to" at raw[i] of an entry follows its headline's subject and comes before a
    verb, so the entry announces: "Obama to visit Gulf", "Climate talks to resume" (a name or
    a noun of headline_subjects right before "to", at most SUBJECT_WORDS words from the entry's
    start, none a verb in -s). Not "Congressman wants BP to open a hotline" ("wants" is the
    headline's verb) nor "Over to questions from analysts" (no verb after "to")."""
    lists = tense_cues()
    subjects, after = lists["headline_subjects"], raw[i + 1]
    if not after.islower() or after in lists["not_verbs_after_to"] or looks_plural(after):
        return False
    before = raw[:i]
    if not (before[-1][:1].isupper() or before[-1] in subjects) or len(before) > SUBJECT_WORDS:
        return False
    return not any(w.islower() and looks_plural(w) and w not in subjects for w in before)


def heads_entry(text: str, start: int, end: int) -> bool:
    """Whether the expression text[start:end] heads an entry of a chronology or a live report
    (a colon or dash, then the entry's capitalized words: "8 May: Giant metal dome fails",
    "3.10 pm: Waxman continues"); not when it stands inside a sentence (_in_sentence)."""
    return _ENTRY_HEAD.match(text, end) is not None and not _in_sentence(text, start)


def _in_sentence(text: str, start: int) -> bool:
    """Whether the expression starting at `start` is an adverbial of a sentence that began
    before it on its line (tense_cues.json entry_in_sentence): right after a preposition ("said
    on Tuesday: \"As we continue ...\"") or after a past or present cue of its clause
    ("executives agreed ... in Senate hearings Tuesday: Someone else was to blame"). A
    chronology run together on one line keeps its headings: the headline before "2 June" ("Giant
    metal dome fails to cap leak") holds no such cue."""
    left = _clause_left(text, start)
    # back to the line's start or the colon of the heading before ("switchboard: 5 May: Shrimp")
    words = [w.lower() for w in _WORD.findall(left, max(left.rfind("\n"), left.rfind(":")) + 1)]
    if not words:
        return False
    if words[-1] in tense_cues()["entry_in_sentence"]:
        return True
    return any(_classify(words, i) in ("past", "present") for i in range(len(words)))


def _entry_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the chronology entry headed by the expression ending at `end`, or None when
    the expression heads no entry. The entry runs to the next heading's colon, a sentence end or
    the line's end; its first cue decides (a headline's present simple is past); an entry with
    no cue, "8 May: Giant metal dome fails to cap leak", tells what happened on its date."""
    head = _ENTRY_HEAD.match(text, end)
    if head is None or _in_sentence(text, start):
        return None
    stop = _ENTRY_END.search(text, head.end(), head.end() + RIGHT_CHARS)
    entry = text[head.end():stop.start() if stop else head.end() + RIGHT_CHARS]
    raw = _WORD.findall(entry)
    words = [w.lower() for w in raw]
    lists = tense_cues()
    named = 2 if opens_with_name(entry + (text[stop.start():stop.start() + 1] if stop else "")) else 0  # its "?"
    for i, w in enumerate(words):
        if i < named:
            continue  # "Will Smith Signs Deal": a name, not the modal
        if w == "to" and 0 < i < len(words) - 1 and _announces(raw, i):
            return "future"  # "Obama to visit Gulf", "Climate talks to resume"
        t = _classify(words, i, reporting=False)
        if t is None:
            continue
        two = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        if t == "present" or w in lists["headline_present"] or two in lists["headline_present"]:
            return "past"
        return t
    return "past"


@lru_cache(maxsize=1)
def _ahead_cues() -> tuple[frozenset[str], frozenset[str]]:
    """The words and word pairs by which tense() can answer "future": the future cues and the
    words that look ahead before an expression ("starting")."""
    single, double = _cues()
    ahead = {w for w, t in single.items() if t == "future"} | set(tense_cues()["before_expression"])
    return frozenset(ahead), frozenset(w for w, t in double.items() if t == "future")


def may_look_ahead(text: str, start: int, end: int, right: bool = True) -> bool:
    """A quick test before tense(): False when tense(text, start, end) cannot be "future" (no
    cue that looks ahead within the reach of its sentence, and no chronology entry headed by
    the expression), so that a caller that only asks "future?" may skip the full reading.
    right=False looks only before the expression: whether a cue there may make it "future"."""
    if heads_entry(text, start, end):
        return True
    words = [w.lower() for w in _WORD.findall(text, max(0, start - LEFT_CHARS), end + RIGHT_CHARS if right else start)]
    single, double = _ahead_cues()
    return any(w in single or w.endswith("'ll") for w in words) \
        or any(f"{a} {b}" in double for a, b in zip(words, words[1:]))


def _clause_right(text: str, start: int, end: int) -> tuple[str, "re.Match[str] | None", str]:
    """The text from the expression on (RIGHT_CHARS past it), the first clause boundary after
    the expression, and the clause's words after it. The boundaries are searched from the
    expression's start on, so that a sentence ending right after it ("... till November. I
    call ...") is seen: its period's lookbehind needs the letters before it."""
    around = text[start:end + RIGHT_CHARS]
    stop = next((b for b in _boundaries(around) if b.start() >= end - start), None)
    return around, stop, around[end - start:stop.start() if stop else None]


def tense(text: str, start: int, end: int, reporting: bool = True) -> str | None:
    """"past", "future", "present" or None for the sentence around text[start:end].

    reporting=False ignores reporting verbs ("..., he said"): their tense is that of the
    report, not of the event, which matters when choosing the year of "Dec. 15"."""
    entry = _entry_tense(text, start, end)
    if entry is not None:
        return entry
    left = _clause_left(text, start)
    around, stop, right = _clause_right(text, start, end)
    lraw, rraw = _WORD.findall(left), _WORD.findall(right)
    lw, rw = _compound_free(left), _compound_free(right)
    lists = tense_cues()
    # "Will Smith signs ...": a name, not the modal (its sentence to its end: a question's "?")
    first = 2 if opens_with_name(left + around[:stop.start() + 1 if stop else None]) else 0
    object_report = None  # the tense of a reporting verb used with an object ("added a shift in March")
    for i in range(len(lw) - 1, first - 1, -1):
        if lw[i] in lists["before_expression"]:
            if all(w in lists["before_expression_links"] for w in lw[i + 1:]):
                return "future"  # "starting Monday", "effective as of Jan. 1"
            continue  # a participle or gerund: "..., starting with BP's McKay"
        if lw[i] in lists["bare_before_expression"]:
            if all(w == "the" for w in lw[i + 1:]) and not (i >= 1 and lw[i - 1] in lists["bare_verb_before"]):
                return "future"  # "out in the cold come November", "but come the autumn"
            continue  # the verb: "It would come Sunday" ("would" decides), "the rains had come in March"
        if lw[i] in lists["past_before"]:
            if all(w in lists["past_before_links"] for w in lw[i + 1:]):
                return "past"  # "since the April 20 explosion", "since early February"
            if lw[i + 1].endswith("ing") and len(lw) - i - 1 <= SINCE_GERUND_WORDS:
                return "past"  # "since moving to the United States in September"
            continue  # "since the flood on Saturday": it governs another phrase
        if lw[i] in lists["noun_or_verb"] and (lw[-1] == "of" or _verb_right_after(right, rw, reporting)):
            # "Strong returns in March lifted the fund", "Official visits in May were cancelled":
            # the plural noun is the subject of the verb right after the expression; "its level
            # of April": the expression is a noun's, not the time of the return
            continue
        t = _classify(lw, i, reporting)
        # a capitalized reporting verb inside the sentence is a name's: "the United States in September"
        verb = i == 0 or not lraw[i][:1].isupper()
        if t is None and not reporting and verb and lw[i] in lists["reporting"] \
                and all(w in lists["opening_words"] for w in lw[i + 1:]):
            t = _report_tense(lw[i])  # "said in November that the plant would close": the report's date
        if t is None and not reporting and verb and lw[i] in lists["listener_report"] \
                and len(lw) - i - 1 <= LISTENER_WORDS and "that" not in lw[i + 1:] \
                and not _announced(lw, i, reporting):
            t = _report_tense(lw[i])  # "told the Wall Street Journal in March": the telling's date
        if t is None and not reporting and verb and object_report is None and lw[i] in lists["reporting"] \
                and i + 1 < len(lw) and lw[i + 1] in lists["report_object_openers"] and not {"that", "to"} & set(lw[i + 1:]):
            # "The company added a third shift in March", "reported a loss in June": the verb
            # takes an object, so it tells an act, not a report; its tense holds if no other cue
            # does (not across an infinitive: "announced an agreement to acquire it in January")
            object_report = _report_tense(lw[i])
        if t is None:
            continue
        # a participle after a bare "be"/"have" belongs to the modal before it: "will be held";
        # but "would have stopped" is a past that did not happen, still a past
        if t == "past" and i >= 3 and lw[i - 1].endswith("ly") and lw[i - 2] in ("be", "have"):
            # "will be officially released Monday": an adverb between "be" and its participle
            lw = lw[:i - 1] + lw[i:]
            i -= 1
        if t == "past" and i >= 2 and lw[i - 1] in ("be", "have") and (
                _classify(lw, i - 2, reporting) == "future"
                or i >= 3 and _classify(lw, i - 3, reporting) == "future") \
                and not (lw[i - 1] == "have" and lw[i - 2] in lists["past_conditional"]):  # "going to be left"
            t = "future"
        # "the conference to be held Friday": a passive infinitive after a noun looks ahead; not
        # "was found to be infected on Monday", "forced the operation to be suspended at the
        # weekend" (a past cue, not a reporting verb, a few words before "to"), nor across a
        # coordinator ("expected the well to be declared dead by Sunday, but on Friday ...")
        if t == "past" and i >= 2 and f"{lw[i - 2]} {lw[i - 1]}" in lists["passive_infinitive"] \
                and not any(_classify(lw, k, reporting=False) == "past" for k in range(max(0, i - 2 - PASSIVE_OBJECT_WORDS), i - 2)) \
                and not any(w in lists["clause_coordinators"] for w in lw[i + 1:]):
            t = "future"
        return t
    for i in range(len(rw)):
        t = _classify(rw, i, reporting)
        if t is None and i == 0 and rw[0] in irregular_verbs()["bare_pasts"] and right[:1].isspace():
            t = "past"  # "Poor returns in April hurt the fund": a past the same as its base
            # (text/data/irregular_verbs.json), the verb of the subject before the expression
        if t is None and not reporting and rw[i] in lists["reporting"] and (_opens(lw) or i == 0) \
                and not rraw[i][:1].isupper() \
                and _introduces(right, rw, i):
            # "In February, the administration said it planned ...", "Obama in March said the
            # plan would work" (the reporting verb right after it): the date is the report's
            t = _report_tense(rw[i])
        if t is not None:
            return t
    return object_report


def _compound_free(s: str) -> list[str]:
    """The lower-case words of `s`, a word in -ed joined by a hyphen to the word before it made
    blank: the participle of a compound adjective ("a phone-based news conference", "a
    state-owned bank") is no verb, so no past cue; but after a verb prefix of
    tense_cues.json verb_prefixes it is the verb's own past ("re-opened", "co-founded")."""
    prefixes = tense_cues()["verb_prefixes"]
    words: list[str] = []
    before = None
    for m in _WORD.finditer(s):
        w = m.group().lower()
        compound = m.start() > 0 and s[m.start() - 1] == "-" and w.endswith("ed") and not (
            before is not None and before.end() == m.start() - 1 and before.group().lower() in prefixes)
        words.append("" if compound else w)
        before = m
    return words


def _announced(words: list[str], i: int, reporting: bool) -> bool:
    """Whether the verb words[i] is an infinitive or follows a future cue, one or two words
    before it ("will tell", "will also tell", "is to tell", "plans to tell"): a telling still to
    come, whose listener dates nothing yet."""
    return i >= 1 and words[i - 1] == "to" or any(
        _classify(words, k, reporting) == "future" for k in range(max(0, i - 2), i))


def _report_tense(verb: str) -> str:
    return "past" if verb in reporting_verbs()["past"] else "present"


def _opens(left_words: list[str]) -> bool:
    """The expression opens its clause, maybe after a preposition ("In February, ...", "On
    Friday the ..."): an adverbial of the clause's verb, which may be a reporting verb."""
    return all(w in tense_cues()["opening_words"] for w in left_words[-3:]) and len(left_words) <= 3


def _introduces(right: str, words: list[str], i: int) -> bool:
    """Whether the reporting verb words[i] of the text after an expression introduces what was
    said ("the administration said it planned", "McCain announced that"), so that the
    expression before it dates the report; not "..., he said." nor "..., he said, the plant ..."
    (a report added to a clause of its own)."""
    if i + 1 >= len(words):
        return False
    return re.search(rf"\b{re.escape(words[i])}\b\s*(?:[,.;:!?\"“”]|$)", right, re.I) is None


def past_expectation(text: str, start: int, end: int) -> bool:
    """Whether the clause before text[start:end] says its date was only expected in the past
    ("Airbus had hoped to deliver 20 aircraft in 2012", "which was to have started in June"): a
    phrase (one to three words) of the past_expectation cues between the clause's start and the
    expression."""
    left = _clause_left(text, start)
    words = [w.lower() for w in _WORD.findall(left)]
    phrases = tense_cues()["past_expectation"]
    return any(w in phrases or f"{w} {nxt}" in phrases or f"{w} {nxt} {third}" in phrases
               for w, nxt, third in zip(words, words[1:] + [""], words[2:] + ["", ""]))


def reported_plan(text: str, start: int, end: int) -> bool:
    """Whether the clause before text[start:end] reports in the simple past a plan held at about
    the time of writing ("he was expected to be charged Tuesday", "talks were scheduled to
    resume Friday": reported_plan_auxiliaries, then a plan word, one or two words on), which
    tense() reads as past though its date may still lie ahead; not a plan of the past perfect
    ("had been scheduled") nor one given up (past_expectation: "was originally planned"), nor
    a plan whose reach a word of reported_plan_breaks ends before the expression ("was expected
    to surrender but was arrested Thursday": the day is the arrest's)."""
    if past_expectation(text, start, end):
        return False
    words = [w.lower() for w in _WORD.findall(_clause_left(text, start))]
    lists = tense_cues()
    aux, breaks = lists["reported_plan_auxiliaries"], lists["reported_plan_breaks"]
    return any(w in lists["plan_words"] and (words[i - 1] in aux or i >= 2 and words[i - 2] in aux
                                              and words[i - 1] not in lists["past_auxiliaries"])
               and not any(x in breaks for x in words[i + 1:])
               for i, w in enumerate(words) if i >= 1)


@lru_cache(maxsize=1)
def _perfect_words() -> tuple[frozenset[str], frozenset[str]]:
    """The auxiliaries of the present perfect (and of the present passive) and the adverbs that
    may stand between one and its participle: events/data/clause_rules.json present_auxiliaries
    and adverbs_before_verb, the lists the clause reader uses for the same grammar."""
    rules = event_lists("clause_rules.json")
    return rules["present_auxiliaries"], rules["adverbs_before_verb"]


def _after_present_auxiliary(words: list[str], i: int) -> bool:
    """Whether the past cue words[i] is a participle after an auxiliary of the present perfect
    (or passive), adverbs in -ly, adverbs_before_verb and "been" between: "they've sold",
    "have now been sold", "has already managed"."""
    if not participle(words[i]):
        return False
    auxiliaries, adverbs = _perfect_words()
    for k in range(i - 1, max(-1, i - 5), -1):
        w = words[k]
        if w in auxiliaries or w.endswith("'ve") or w == "ve":  # "they've", "they’ve" read as "they", "ve"
            return True
        if not (w == "been" or w.endswith("ly") or w in adverbs):
            return False
    return False


def tells_now(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] tells the time of writing: its tense is the
    present, or none (a headline: "Ten years on: the legacy of the spill"), or the past cue
    nearest to the expression is the participle of a present perfect ("Forty years on, they've
    sold millions", "tickets have now been sold ahead of Saturday's concert"), a past that
    holds now; not the simple past ("Ten years on, he returned")."""
    t = tense(text, start, end)
    if t in ("present", None):
        return True
    if t != "past" or _entry_tense(text, start, end) is not None:
        return False
    lw = _compound_free(_clause_left(text, start))
    for i in range(len(lw) - 1, -1, -1):
        if (cue := _classify(lw, i)) is not None:
            return cue == "past" and _after_present_auxiliary(lw, i)
    rw = _compound_free(_clause_right(text, start, end)[2])
    for i in range(len(rw)):
        if (cue := _classify(rw, i)) is not None:
            return cue == "past" and _after_present_auxiliary(rw, i)
    return False
