"""The one test of whether a word of a sentence is a verb, for the event finder (the verb nearest a
time expression: kerryview.events.mentions, clauses, headline), the subject finder of the
antecedents (where a subject ends) and the labels (whether a label cut short still has a finite
verb: kerryview.events.labels).

A word is a verb when it is an irregular past ("said", "gave"), a finite verb of the list
events/data/lead_rules.json subject_verbs ("plans", "warns", "is") after a word that can end its
subject (not after an article, a possessive or a preposition: "the plans", "BP's plans", "for
plans" are nouns), a word in -ed, or any word after a modal or "to" ("will cap"). A capitalized
word inside a sentence is a name ("remarks to CNN", "United States"). The auxiliaries and the
copula ("is", "has", "will") and the forms in -s are finite verbs but no event's words:
`finite` says which is asked.
"""
from __future__ import annotations

import re
from functools import cache

from kerryview.text.plural import looks_plural
from kerryview.text.quotes import CHARS as QUOTE_CHARS
from kerryview.text.wordlists import cues, event_lists, irregular_verbs, modals, stopwords

_QUOTES = QUOTE_CHARS
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")
# a lower-case word that looks like a participle: "-ed" (a past one) or "-ing" (a present one)
PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")
PAST_PARTICIPLE = re.compile(r"[a-z]{3,}ed")


@cache
def _modal_before() -> re.Pattern[str]:
    """A modal verb (text/data/modals.json) or "to" ending the text before a word ("will cap")."""
    words = sorted(modals()["modals"] | {"to"})
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+$", re.I)


@cache
def finite_verbs() -> frozenset[str]:
    """Finite verbs the -ed and irregular-past tests do not see ("is", "plans", "warns", and
    every finite reporting verb): events/data/lead_rules.json subject_verbs."""
    return event_lists("lead_rules.json")["subject_verbs"]


@cache
def _subject_pronouns() -> frozenset[str]:
    """Function words that may stand right before a finite verb ("it plans", "who warns", "BP
    also plans"): the pronouns of events/data/lead_rules.json pronoun_subjects and the words of
    its verb_subjects."""
    return event_lists("lead_rules.json")["pronoun_subjects"] | event_lists("lead_rules.json")["verb_subjects"]


def ends_subject(prev_text: str) -> bool:
    """Whether the word before (the end of `prev_text`) can end a verb's subject: a name, a
    noun, a pronoun; not an article, a possessive, a preposition or another function word
    ("the plans", "BP's claims", "for needs"), and there is a word before at all. A bracket or a
    comma between does not matter ("The World Health Organization (WHO) is", "The company,
    which ..., plans")."""
    m = _LAST_WORD.search(prev_text)
    if m is None:
        return False  # a sentence's first word
    w = m.group(1).lower()
    if w.endswith(("'s", "’s")) or w.isdigit():
        return False  # "BP's plans", "2010 plans"
    return w in _subject_pronouns() or w not in stopwords()


_HEAD_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


def opens_with_name(head: str) -> bool:
    """Whether `head` (a headline, a chronology entry, a sentence) opens with a given name that
    is also a modal (modals.json given_names), not with the modal: "Will Smith Signs Deal",
    "May Ellis won". Its first word is capitalised, the next is capitalised and no function
    word (a surname), and the one after is a verb in a form no modal takes: a present in -s, a
    past, or "to" ("Will Smith to Star in Film"). A modal's subject is followed by a bare
    verb: "Will Obama Visit China?" opens with the modal, as does a head that asks (its first
    sentence ends in a question mark: "Will Iran Talks Resume?") or whose second or third
    word is a common noun (modals.json not_surnames, the event nouns: "May Sales Rose 5
    Percent", "May Retail Sales Jump", "Will Greek Talks Succeed by Friday")."""
    words = _HEAD_WORDS.findall(head, 0, 80)[:3]
    if len(words) < 3:
        return False
    first, name, verb = words
    if not (first[:1].isupper() and first.lower() in modals()["given_names"]
            and name[:1].isupper() and name.lower() not in stopwords()
            and name.lower() not in modals()["modals"]):
        return False
    if re.match(r"[^\n.!]*\?", head):
        return False  # "Will Gulf Beaches Reopen On Monday?": a question opens with its modal
    common = modals()["not_surnames"] | cues()["event_nouns"]
    if name.lower() in common or verb.lower() in common:
        return False  # "May Sales Rose", "May Retail Sales Jump": no name, no verb
    v = verb.lower()
    return v == "to" or looks_plural(v) or v in cues()["irregular_past"] \
        or (len(v) > 4 and v.endswith("ed") and v not in cues()["not_events"])


def _bare_of(verb_s: str) -> str:
    """The bare form of a verb in -s: "plans" -> "plan", "denies" -> "deny", "pushes" -> "push"."""
    if verb_s.endswith("ies"):
        return verb_s[:-3] + "y"
    if verb_s.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        return verb_s[:-2]
    return verb_s[:-1] if verb_s.endswith("s") else verb_s


@cache
def bare_verb_forms() -> frozenset[str]:
    """Verb forms with no ending of their own ("point", "spread", "sank"): the bases and pasts
    of the one list of irregular verbs (text/data/irregular_verbs.json), the regular verbs of
    events/data/lead_rules.json bare_verbs, and the bare forms of its subject_verbs in -s."""
    iv = irregular_verbs()
    lists = event_lists("lead_rules.json")
    own = {_bare_of(w) for w in lists["subject_verbs"] if w.endswith("s") and " " not in w and len(w) > 4}
    return iv["bases"] | iv["pasts"] | lists["bare_verbs"] | frozenset(own)


_WORDS = re.compile(r"[\w'’-]+|[,.;:!?()]")


def bare_verb_after_plural(word: str, prev_text: str, next_text: str) -> bool:
    """Whether `word`, a verb form with no ending ("point", "spread", "hurt", "fail"), is the
    finite verb of a plural subject: right after a plural noun that can end a subject (text.
    plural.looks_plural; no function word, no unit of time or distance of lead_rules.json
    measure_units: "two months work on") and before a word of lead_rules.json
    bare_verb_followers (a determiner or preposition of its complement: "signs point to the
    exits", "The virus spread to Mexico", "Poor returns in April hurt the fund"); before a
    comma, a full stop or the end of the text only when the subject opens with a word of
    plural_quantifiers ("A few European banks fail, ..."; "the rescue teams search" is a noun
    phrase). A past the same as its base and seldom a noun (lead_rules.json singular_bare_pasts)
    may follow a singular subject ("The virus spread to Mexico"). Not a word in -s ("price
    rises"), nor after a determiner ("The talks")."""
    w = word.lower()
    if not word.islower() or w not in bare_verb_forms():
        return False
    lists = event_lists("lead_rules.json")
    before = _WORDS.findall(prev_text)
    if not before:
        return False
    subject = before[-1]
    low = subject.lower()
    if not subject.islower() and len(before) > 1 and before[-2] not in ".!?:":
        return False  # a name inside the sentence ("United Nations", "Jones")
    plural = looks_plural(low) or w in lists["singular_bare_pasts"]  # "The virus spread to"
    if not plural or low in stopwords() or low in lists["measure_units"] \
            or low in finite_verbs() or not ends_subject(prev_text):
        return False
    after = _WORDS.findall(next_text)
    if after and after[0].islower() and after[0] in lists["bare_verb_followers"]:
        return True
    if after and after[0] not in ",.;:!?":
        return False
    k = len(before) - 2  # back over the subject's modifiers to the word that opens it
    while k >= 0 and before[k].isalpha() and before[k].lower() not in lists["plural_quantifiers"] \
            and before[k].lower() not in stopwords() and len(before) - k <= 4:
        k -= 1
    return k >= 0 and before[k].lower() in lists["plural_quantifiers"]


def is_verb(word: str, prev_text: str, finite: bool = False, next_text: str = "") -> bool:
    """Whether `word`, after the text `prev_text` (a dozen characters of the sentence before
    it), is a verb that can name an event: an irregular past, a word in -ed, any word after a
    modal or "to". With `finite`, whether it is a finite verb at all: also the auxiliaries
    and the copula ("The company is ...") and the present forms in -s of subject_verbs after a
    word that can end their subject ("BP plans", "Obama warns"). Those are as often nouns ("the
    plans", "BP's claims"), so the event finder does not take them for an event's words: a
    label's or a subject's end is read with `finite`, the event words without. Given the text
    after the word (`next_text`), a verb form with no ending right after a plural subject and
    before its complement is a verb too (bare_verb_after_plural: "signs point to the exits")."""
    w = word.lower()
    c = cues()
    if word[:1].isupper() and prev_text.strip() and not prev_text.rstrip().endswith(tuple(".!?:" + _QUOTES)):
        return False  # capitalized inside a sentence: a name ("remarks to CNN", "United")
    if w in c["irregular_past"]:  # before the stop words: "said", "told" are events too
        return True
    if finite and w in finite_verbs() and word[:1].islower() and ends_subject(prev_text):
        return True  # "BP plans", "Obama warns", "BP is"
    if w in c["not_events"] or w in stopwords():
        return False
    if len(w) > 4 and w.endswith("ed"):
        return True
    if next_text and bare_verb_after_plural(word, prev_text, next_text):
        return True
    return bool(_modal_before().search(prev_text))


@cache
def past_verb_pattern() -> str:
    """A regular expression (for a case-insensitive pattern) of a verb in the past, as is_verb
    reads one: an irregular past ("said", "went"), or a word in -ed that is not one of the
    event cues' not_events ("hundred", "united", "indeed", "need"), written in lower case (a
    capitalized word is a name: "United", "Mohammed"). The tagger's {past_verb} macro."""
    c = cues()
    not_verbs = sorted((w for w in c["not_events"] if w.endswith("ed")), key=len, reverse=True)
    irregular = sorted(c["irregular_past"], key=len, reverse=True)
    return ("(?:(?!(?:" + "|".join(map(re.escape, not_verbs)) + r")(?![\w'-]))(?-i:[a-z])[a-z]+(?<!e)ed|"
            + "|".join(map(re.escape, irregular)) + r")(?![\w'-])")


def has_finite_verb(words: str) -> bool:
    """Whether `words` hold a finite verb after their first word ("beat", "was", "announced",
    "plans"): a label cut short of its event words reads complete only then ("The commission's
    other chairman" does not)."""
    for m in list(re.finditer(r"\S+", words))[1:]:
        token = m.group()
        word = token.strip("\"“”',.;:")
        if is_verb(word, words[max(0, m.start() - 12):m.start()], finite=True):
            return True
        # the text after the word, from the punctuation it carries ("fail," is followed by a
        # comma); the end of the words ends the clause
        after = token[len(token.rstrip("\"“”',.;:")):] + words[m.end():m.end() + 20]
        if bare_verb_after_plural(word, words[max(0, m.start() - 40):m.start()], after.strip() or "."):
            return True
    return False
