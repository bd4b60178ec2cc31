"""Who a label's pronoun stands for: "He said the clean-up would go on" tells a timeline reader
nothing, "Tony Hayward said the clean-up would go on" does. A label that starts with a pronoun
subject (or a possessive: "His death") takes the subject of the sentence the pronoun looks back
to: earlier in its own sentence ("BP said | it would try again"), else the sentence before, else
the one before that. The subject must agree with the pronoun (a person's name for "he", one
thing for "it", several for "they"); when none does, the label is left as written.

The word lists are data (data/lead_rules.json: person_pronouns, thing_pronouns,
plural_pronouns, possessive_pronouns, person_titles, subject_verbs, adverbial_openers,
adverbial_ends, name_links).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from bisect import bisect_right
from typing import Callable

from kerryview.text.plural import looks_plural
from kerryview.text.verbs import PARTICIPLE, PAST_PARTICIPLE, has_finite_verb, is_verb as finite_verb
from kerryview.text.wordlists import cues, event_lists, stopwords

LEAD_RULES = "lead_rules.json"
MAX_SUBJECT_WORDS = 8  # "England's Chief Medical Officer Sir Liam Donaldson": longer is no subject
SENTENCES_BACK = 3  # a chain of pronouns: the name is where it began
MAX_NAME_WORDS = 4  # a name's words, titles aside: "US President Barack Obama", "Jose Angel Cordova"
MIN_EVENT_WORDS = 3  # the event "This" stands for is told in at least this many words
_WORD = re.compile(r"[\w.'’&-]+")


def _lists() -> dict[str, frozenset[str]]:
    return event_lists(LEAD_RULES)


@cache
def _adverbial() -> re.Pattern[str]:
    """An opening adverbial before the subject, up to its comma: "On Tuesday, BP said", "A month
    later, Obama ..." (data/lead_rules.json adverbial_openers, adverbial_ends)."""
    openers = "|".join(re.escape(w.capitalize()) for w in sorted(_lists()["adverbial_openers"], key=lambda w: (-len(w), w)))
    ends = "|".join(map(re.escape, sorted(_lists()["adverbial_ends"])))
    return re.compile(rf"^(?:(?:{openers})\b[^,]{{0,60}}|[^,]{{0,30}}\b(?:{ends}))\s*,\s*")


@cache
def _opener() -> re.Pattern[str]:
    """The words a sentence may open with before its subject: the one list of coordinating
    conjunctions ("But", "And"; not "While": the subject after it is not the sentence's) and the
    sentence adverbs ("However", "Meanwhile", "Unfortunately"), each capitalized, after a comma
    or not, any number of them, after an opening quote or bracket."""
    words = cues()["coordinating_conjunctions"] | _lists()["sentence_adverbs"] | _lists()["sentence_time_adverbs"] | _lists()["stance_adverbs"]
    alternatives = "|".join(re.escape(w.capitalize()) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"^[\s\"“'‘(]*(?:(?:{alternatives}),?\s+)*")


def pronoun_kind(word: str) -> str | None:
    """"person", "thing" or "plural" for a pronoun that needs its antecedent, else None."""
    w = word.lower()
    lists = _lists()
    for kind in ("person", "thing", "plural"):
        if w in lists[f"{kind}_pronouns"]:
            return kind
    return None


def subject_of(text: str, a: int, b: int, is_verb: Callable[[str, str], bool]) -> str:
    """The subject of the sentence text[a:b]: its words before its first finite verb, after
    an opening conjunction or adverbial ("On Tuesday, BP said" -> "BP"), up to an apposition's
    comma ("Tony Hayward, BP's chief, said" -> "Tony Hayward"); "" when there is none."""
    s = text[a:b]
    s = s[_opener().match(s).end():]
    s = s[m.end():] if (m := _adverbial().match(s)) else s
    verbs = _lists()["subject_verbs"]
    words: list[str] = []
    for m in _WORD.finditer(s):
        w = m.group()
        before = s[max(0, m.start() - 12):m.start()]
        if (not words and w.lower() in verbs) or (words and (is_verb(w, before) or finite_verb(w, before, finite=True))):
            break  # "BP said", "The company plans", "BP is" (not "The United States", "Its plans")
        if words and w[:1].islower() and all(x[:1].isupper() for x in words) and len(words) > 1 \
                and w not in _lists()["name_links"] and words[0].lower() not in ("the", "a", "an"):
            break  # "Gareth Carins always dreamt": a name, then its verb or an adverb
        words.append(w)
        if s[m.end():m.end() + 1] in ",;:(\"“":
            break  # an apposition or a quotation follows: the subject ends here
    else:
        return ""
    return " ".join(words) if 0 < len(words) <= MAX_SUBJECT_WORDS else ""


def agrees(subject: str, kind: str, text: str | None = None) -> str | None:
    """The words of `subject` a pronoun of `kind` stands for, or None when they disagree:
    a person is a name of two to four capitalized words ending the subject, a title and a name
    ("BP chief executive Tony Hayward" -> "Tony Hayward", "Mr Hayward"), a surname alone
    ("Hayward", when `text` names him in full somewhere), or a title with "the" ("The
    president"), and never one of two ("Barack Obama and Gordon Brown"); one thing is an
    acronym or a singular noun phrase with "the" ("BP", "The company"); several are a plural
    noun phrase ("Scientists", "The officials")."""
    words = subject.split()
    if not words or any(w.lower() in _PRONOUNS() and not (len(w) > 1 and w.isupper()) for w in words) \
            or any(w in ("how", "what", "why", "where", "when", "whether", "that") for w in map(str.lower, words)) \
            or words[-1].endswith(("'s", "’s", "'", "’")):
        return None  # "Carolyn Sheldon's (great-grandmother)": the possessor is not the subject
    lower = [w.lower() for w in words]
    last_and = max((k for k, w in enumerate(lower) if w in ("and", "&")), default=-1)
    if last_and >= 0 and kind != "person":
        return None  # "BP and Transocean": several
    if kind == "person":
        if lower[0] == "the" and lower[-1] in _lists()["person_titles"] and len(words) <= 3:
            return subject  # "The president"
        run = []
        for w in reversed(words):
            if not w[:1].isupper() or w.lower() in stopwords():
                break  # "While McCain": a capitalized function word is no part of a name
            run.insert(0, w)
        if last_and >= 0 and last_and == len(words) - len(run) - 1:
            return None  # "Barack Obama and Gordon Brown": two people ("radio and TV host X": one)
        titles = [k for k, w in enumerate(run[:-1]) if w.lower() in _lists()["person_titles"]]  # ("Mervyn King")
        if titles:
            first = titles[-1]
            while first > 0 and run[first - 1].lower() in _lists()["person_titles"]:
                first -= 1  # "Lt Col Renou"
            run = run[first:]  # "England's Chief Medical Officer Sir Liam Donaldson"
        titled = run and run[0].lower() in _lists()["person_titles"]
        named = [w for w in run if w.lower() not in _lists()["person_titles"]]
        if not named or len(named) > MAX_NAME_WORDS or any(w.isupper() and len(w) > 1 for w in named):
            return None  # "BP", "U.S. NAVY": no person
        if (len(run) < len(words) and words[-len(run) - 1].lower() in ("the", "a", "an")) \
                or lower[0] in ("the", "a", "an") and len(run) == len(words):
            return None  # "The White House": a name with an article is no person's
        if len(named) >= 2 or titled:
            return " ".join(run)  # "Tony Hayward", "Mr Hayward"
        if len(words) == 1 and len(run) == 1 and text is not None and re.search(
                rf"\b(?-i:[A-Z])[\w.]*\s+{re.escape(run[0])}\b", text):
            return run[0]  # "Hayward insisted", when the text names "Tony Hayward" too
        return None
    if kind == "thing":
        if _acronym(words[-1]):
            return words[-1]  # "BP", "WHO", "Swiss bank UBS" (a one-word name may be a surname)
        if lower[0] == "the" and len(words) >= 2 and not (looks_plural(lower[-1]) and not words[-1][:1].isupper()):
            return subject  # "The company", "the new H1N1 swine flu virus"
        return None
    if kind == "plural":
        head = words[-1]
        common = head[:1].islower() or (len(words) == 1 and not head.isupper())  # "Scientists"
        if common and looks_plural(head):
            return subject
        return None
    return None


MAX_ACRONYM = 6  # "UNICEF"; a longer word in capitals is a shouted headline ("PANASONIC")


def _acronym(word: str) -> bool:
    return 1 < len(word) <= MAX_ACRONYM and word.isupper() and word.isalpha()


def _expletive(rest: str, progressive: bool = False) -> bool:
    """Whether "It" before `rest` stands for nothing ("It was unclear whether", "It is time to",
    "It seems that"): a copula or a verb of seeming, then soon a clause (data/lead_rules.json
    expletive_it); not before a perfect's participle ("It had faithfully followed", "It has
    refused to"), nor, with `progressive` (what a speaker said of itself: "BP said it was
    preparing to ..."), before a progressive's (data/lead_rules.json expletive_it_participles).
    A progressive after an "It" that opens a sentence stays ("It is proving so hard to fix"):
    the sentences before seldom tell what it stands for."""
    words = [w.lower().strip(",;:") for w in rest.split()]
    lists = _lists()
    if not words or words[0] not in lists["expletive_it_verbs"]:
        return False
    at = next((k for k in range(1, min(4, len(words))) if not words[k].endswith("ly")), 0)  # "It had faithfully followed"
    verb, after = (words[at], words[at + 1] if at + 1 < len(words) else "") if at else ("", "")
    if progressive and verb in lists["linking_participles"] and _extraposed(words[at + 1:]):
        return True  # "It was becoming clear the well would not be capped": "it" is the clause
    if (PARTICIPLE if progressive else PAST_PARTICIPLE).fullmatch(verb) and words[0] not in (
            () if progressive else ("is", "was", "'s", "’s")) and verb not in lists["expletive_it_words"] \
            and verb not in lists["expletive_it_participles"] and after not in ("that", "whether"):
        return False  # "It was preparing to take ...": a progressive or a perfect, "it" does something
    return any(w in lists["expletive_it_words"] for w in words[1:5])


def _extraposed(words: list[str]) -> bool:
    """Whether `words`, after a linking verb's progressive ("becoming", "looking"), are an
    adjective of expletive_it_words ("clear", "likely", "difficult"; degree_words and adverbs
    in -ly before it skipped) and the clause it speaks of: "that", "to", "whether" ... or a
    clause with a finite verb of its own ("clear the well would not be capped")."""
    lists = _lists()
    k = 0
    while k < len(words) and words[k] not in lists["expletive_it_words"] \
            and (words[k].endswith("ly") or words[k] in lists["degree_words"]):  # not "likely" itself
        k += 1
    if k + 1 >= len(words) or words[k] not in lists["expletive_it_words"] or words[k] in stopwords():
        return False
    return words[k + 1] in lists["expletive_it_words"] and words[k + 1] in stopwords() \
        or has_finite_verb(" ".join(words[k:k + MAX_CLAUSE_WORDS]))


MAX_CLAUSE_WORDS = 8  # "clear | the well would not be capped": the clause's verb within its first words


def _event_anaphora(rest: str) -> bool:
    """Whether `rest`, after "This", says that an event happened ("was completed", "took place")."""
    rest = " ".join(rest.lower().split())
    return any(rest == w or rest.startswith(w + " ") for w in _lists()["event_anaphora"])


@cache
def _PRONOUNS() -> frozenset[str]:
    """Every pronoun a name never is (built once: asked for every word of a candidate)."""
    lists = _lists()
    return lists["person_pronouns"] | lists["thing_pronouns"] | lists["plural_pronouns"] \
        | frozenset({"i", "we", "you", "this", "that", "these", "those", "who", "which"})


def with_antecedent(label: str, text: str, sents: list[tuple[int, int]], sent: tuple[int, int],
                    is_verb: Callable[[str, str], bool],
                    describe: Callable[[str, tuple[int, int]], str] | None = None) -> str:
    """`label` with its leading pronoun replaced by who or what it stands for ("He said ..." ->
    "Tony Hayward said ..."; "Its shares fell" -> "BP's shares fell"), or as it is when the
    pronoun's antecedent cannot be told. `sents` are the text's sentences, `sent` the label's.
    "This" standing for the event of the sentence before ("This was completed") gives way to
    that event, as `describe(text, sentence)` labels it."""
    first, _, rest = label.partition(" ")
    if describe is not None and first.lower() in ("this", "that") and _event_anaphora(rest):
        i = bisect_right([s for s, _ in sents], sent[0]) - 1
        if i >= 1:
            before = describe(text, sents[i - 1])
            if len(before.split()) >= MIN_EVENT_WORDS:
                return before
        return label
    kind = pronoun_kind(first)
    if kind is None or not rest or not rest[:1].islower() and not rest[:1] in "'’":
        return label
    if first.lower() == "it" and _expletive(rest):
        return label  # "It was unclear whether ...": an "it" that stands for nothing
    possessive = first.lower() in _lists()["possessive_pronouns"]
    # where the pronoun stands in its sentence: before it, its own sentence may name it
    where = re.search(rf"\b{re.escape(first)}\s+{re.escape(rest.split()[0])}", text[sent[0]:sent[1]],
                      re.IGNORECASE)
    name = antecedent(kind, text, sents, sent, is_verb, sent[0] + where.start() if where else sent[0])
    if name:
        if possessive:
            name += "’" if name.endswith("s") else "’s"
        return f"{name} {rest}"
    return label


def speaker_as_subject(said: str, speaker: str, text: str | None = None) -> str | None:
    """What was said told with its speaker for subject, when it opens with a third-person
    pronoun that agrees with the speaker ("BP: It would halt ..." -> "BP would halt ...";
    "Salazar: His plan ..." -> "Salazar’s plan ..."): in "X said he/it ..." the pronoun stands
    for X, and "X: He ..." reads as two people (data/lead_rules.json speaker_as_subject). None
    when it does not ("Experts: It may be too late", an "it" that stands for nothing)."""
    first, _, rest = said.partition(" ")
    kind = pronoun_kind(first)
    if kind is None or first.lower() not in _lists()["speaker_as_subject"] or not rest[:1].islower() \
            and rest[:1] not in "'’\"“" or first.lower() == "it" and _expletive(rest, progressive=True) \
            or not (agrees(speaker, kind, text) or kind == "thing" and text is not None
                    and _proper_thing(speaker, text)) \
            or kind == "thing" and re.search(r"\w['’]s\s+[A-Z]", speaker):
        return None  # "The BBC's George Alagiah: It wouldn't be ...": a person of the BBC, no "it"
    if first.lower() in _lists()["possessive_pronouns"]:
        speaker += "’" if speaker.endswith("s") else "’s"
    return f"{speaker} {rest}"


def antecedent(kind: str, text: str, sents: list[tuple[int, int]], sent: tuple[int, int],
               is_verb: Callable[[str, str], bool], at: int) -> str | None:
    """Who or what a pronoun of `kind` standing at `at` in the sentence `sent` stands for: the
    subject of its own sentence before it, else of one of the SENTENCES_BACK sentences before,
    when it agrees; None when it cannot be told."""
    if at > sent[0] and (name := _subordinate_subject(kind, text, sent[0], at, is_verb)):
        return name
    candidates = [(sent[0], at)] if at > sent[0] else []
    i = bisect_right([s for s, _ in sents], sent[0]) - 1
    candidates += [sents[j] for j in range(i - 1, max(-1, i - 1 - SENTENCES_BACK), -1)]
    pronoun = (m.group().lower() if (m := re.match(r"\w+", text[at:at + 8])) else "")
    gender = _pronoun_gender(pronoun) if kind == "person" else None
    nearer: set[str] = set()  # the surnames of the people named in the sentences passed
    for a, b in candidates:
        subject = subject_of(text, a, b, is_verb)
        name = agrees(subject, kind, text) or (_possessor(subject, text) if kind == "thing" else None)
        if name and not (gender and _gender(name.split()[-1], text) not in (None, gender)) \
                and nearer <= {name.split()[-1]}:
            return name[:1].upper() + name[1:]  # (not "Mrs Clinton arrived. He said ...")
        if gender and subject and subject.split()[-1].lower().split("-")[-1] in _unnamed_nouns(gender):
            return None  # "His wife was trapped for hours. She is in pain": the wife, not him before
        if gender:
            named = _persons(text[a:b], text, gender)
            if a == sent[0] and (own := named_person(pronoun, text, [(a, b)])) and _known_person(own, text):
                return own  # "Mr Svanberg's supporters point out that he ...": in its own sentence
            nearer |= {n.split()[-1] for n, _ in named if _known_person(n, text)}
            if name or len(nearer) > 1:
                break  # "Ms Lee testified at the trial of Dr Conrad Murray. His lawyers ...": no
                # subject further back ("Michael Jackson") when a nearer sentence names another
    if gender:
        window = [(sent[0], at)] + [sents[j] for j in range(i - 1, max(-1, i - 1 - PERSON_SENTENCES_BACK), -1)]
        return named_person(pronoun, text, window)
    return None


_POSSESSOR = re.compile(r"^((?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)['’]s\s+\S", re.IGNORECASE)


def _possessor(subject: str, text: str) -> str | None:
    """The possessor of a plural subject, when one thing ("The company's own greenhouse gas
    emissions were ... It closed ...": the company): "it" cannot stand for the plural itself."""
    m = _POSSESSOR.match(subject)
    if not m or not looks_plural(subject.split()[-1].lower()):
        return None
    return agrees(m.group(1), "thing", text)


def _known_person(name: str, text: str) -> bool:
    """Whether `name` is surely a person's: with a title ("Mr Hayward", "Sen. John Kerry") or a
    gender the text tells ("Mary Wools"), not any two capitalized words ("Social Security")."""
    return name.split()[0].lower() in _lists()["person_titles"] or _gender(name.split()[-1], text) is not None


def _pronoun_gender(pronoun: str) -> str | None:
    """"male" or "female" for a pronoun of one person of named_person_pronouns, else None."""
    if pronoun not in _lists()["named_person_pronouns"]:
        return None
    return "female" if pronoun in ("she", "her") else "male"


PERSON_SENTENCES_BACK = 2  # "Less reticent is ... Pat Robertson. | He has suggested ...": a name
# in any position of the sentence before, or the one before that, when it is the only person there
_NAME_TOKEN = re.compile(r"[A-Za-z][\w.'’-]*")


def named_person(pronoun: str, text: str, window: list[tuple[int, int]]) -> str | None:
    """The one person the spans `window` (the pronoun's own sentence up to it, then the sentences
    before) name, in any position, that a pronoun of one person stands for when no subject told
    it ("Less reticent is the American evangelist Pat Robertson. He has suggested ..." -> "Pat
    Robertson"): None when they name two people of its gender or none, when they tell of a
    person without a name ("his wife", "a patient") who may be the one, or when the pronoun is
    inside a quotation (data/lead_rules.json named_person_pronouns, male_cues, female_cues,
    unnamed_persons, not_person_heads). Said as the text last names the person ("Mr Ban",
    "Travolta", "President Rene Preval")."""
    gender = _pronoun_gender(pronoun)
    if gender is None or not window:
        return None
    if _in_quotation(text[window[0][0]:window[0][1]]):
        return None  # inside a quotation: its "he" is the quoted speaker's to tell
    found: dict[str, tuple[str, bool]] = {}  # surname -> the name as the window last says it
    for a, b in window:
        span = text[a:b]
        if _unnamed_person(span, _unnamed_nouns(gender)):
            return None  # "His wife was trapped ... She is in pain": she may be the wife
        for name, sure in _persons(span, text, gender):
            found.setdefault(name.split()[-1], (name, sure))
    if len(found) != 1:
        return None  # two people, or none
    name, sure = next(iter(found.values()))
    return name[:1].upper() + name[1:] if sure else None


def _in_quotation(span: str) -> bool:
    """Whether the end of `span` (a sentence up to a pronoun) is inside a quotation: an odd
    number of straight quotes, or more opening curly quotes than closing."""
    return bool(span.count('"') % 2 or span.count("“") > span.count("”"))


def _unnamed_nouns(gender: str) -> frozenset[str]:
    """The nouns of a person without a name a pronoun of `gender` may stand for ("wife",
    "patient"): the gender's cues and unnamed_persons (data/lead_rules.json)."""
    return _lists()[f"{gender}_cues"] | _lists()["unnamed_persons"]


def _persons(span: str, text: str, gender: str) -> list[tuple[str, bool]]:
    """The people `span` names, last first, that a pronoun of `gender` may stand for (none of
    the other gender), each with whether it surely names a person (a name after a preposition
    of place with no title may be a place: "in South Africa"); none when the sentence's subject
    is that pronoun ("He was married to Maria Jones": the chain's "he" is someone else)."""
    opened = span[_opener().match(span).end():]
    opened = opened[m.end():] if (m := _adverbial().match(opened)) else opened
    if re.match(r"(?:[A-Z]\w+\s+\d{4},?\s+)?" + ("she" if gender == "female" else "he") + r"\b", opened, re.IGNORECASE):
        return []  # ("In 1858 he moved ...": a year before it, no comma)
    other = "male" if gender == "female" else "female"
    return [(name, sure) for name, sure, told in reversed(_names(_unquoted(span), text))
            if (told or _gender(name.split()[-1], text)) != other]


def _unquoted(span: str) -> str:
    """`span` with what it quotes blanked out: a person named inside a quotation is no one a
    pronoun after it stands for ('"... that Tony Hayward is not going to ...," he told ABC')."""
    return re.sub(r'"[^"]*"|“[^”]*”', lambda m: " " * len(m.group()), span)


def _cue_gender(words: list[str]) -> str | None:
    """The gender of the first of `words` that is a gender cue (male_cues, female_cues)."""
    return next((g for w in words if (g := _word_gender(w))), None)


def _word_gender(word: str) -> str | None:
    """"male" or "female" when the lower-case `word`, without a comma or colon after it or
    an abbreviation's full stop, is a gender cue ("mr", "mrs.", "wife": male_cues,
    female_cues), else None."""
    lists = _lists()
    w = word.strip(",;:")
    for gender in ("male", "female"):
        if w in lists[f"{gender}_cues"] or w.rstrip(".") in lists[f"{gender}_cues"]:
            return gender
    return None


def _unnamed_person(span: str, nouns: frozenset[str]) -> bool:
    """Whether `span` tells of a person by a noun of `nouns` with no name after it ("his wife",
    "a patient"; not "his wife Kelly Preston", nor a title whose name follows its comma: "The
    chairman of the Joint Chiefs, Adm Mike Mullen")."""
    titles = _lists()["person_titles"]
    for m in re.finditer(r"\b(?:(?<=[Tt]he )[A-Za-z][a-z-]*|[a-z][a-z-]*)\b", span):
        word = m.group().lower()
        if word.split("-")[-1] not in nouns and not (word in titles and span[max(0, m.start() - 4):m.start()].lower() == "the "
                                                      and word not in _lists()["male_cues"] | _lists()["female_cues"]):
            continue  # ("great-grandmother": a grandmother; "The president says that he ...")
        after = span[m.end():m.end() + 80]
        if re.match(r"\s+[A-Z]", after) or re.match(r"[^.,;:!?\"“”]{0,60},\s+[A-Z]", after) \
                or re.match(r"\s+(?:of|at|for)\s+[A-Z][\w'’&-]*\s+[A-Z]", after):
            continue  # "his wife Kelly Preston", "The chairman of the Joint Chiefs, Adm Mike Mullen",
            # "The former boss of BP Tony Hayward"
        return True
    return False


MIN_SURNAME = 3  # "Ch vez", "C rdova": a name whose letters were lost is no surname


def _surname_alone(word: str, after: str) -> bool:
    """Whether a capitalized word alone, before the words `after`, is said as a surname: long
    enough, and before a possessive, a punctuation mark, or a verb (after an adverb in -ly, of
    time (lead_rules.json sentence_time_adverbs) or of those that stand between a subject and
    its verb (clause_rules.json adverbs_before_verb): "Bernanke still has", "Diouf said", "Born
    foresaw"), not before a noun it qualifies ("Japanese encephalitis", "Wales census")."""
    if len(word) < MIN_SURNAME:
        return False
    words = re.findall(r"[\w'’-]+|[^\w\s]", after)
    if not words or not words[0][:1].isalpha() or words[0].lower() in ("'s", "’s"):
        return True
    k = 1 if words[0].endswith("ly") or words[0].lower() in _lists()["sentence_time_adverbs"] \
        or words[0].lower() in event_lists("clause_rules.json")["adverbs_before_verb"] else 0
    return k < len(words) and words[k][:1].islower() and finite_verb(words[k], word + " ", finite=True)


def _names(span: str, text: str) -> list[tuple[str, bool, str | None]]:
    """The people `span` names, in order, each with whether it is sure (not after a preposition
    without a title: "in South Africa" may be a place) and the gender the words before it tell
    ("her son Timothy Owen Roberts", "Mrs Clinton"): runs of capitalized words (with name_links inside:
    "Osama bin Laden") that antecedents.agrees takes for a person, after no article ("the White
    House"), with no word of not_person_heads ("Dominican Republic", "Hurricane Katrina"), an
    acronym before a name dropped ("UN Ban Ki-moon")."""
    lists = _lists()
    out = []
    run: list[str] = []
    before = ""
    last_end = 0

    def close() -> None:
        words = list(run)
        while len(words) > 2 and _acronym(words[0]):
            words.pop(0)  # "UN Ban Ki-moon"
        if len(words) == 1 and (not _surname_alone(words[0], span[last_end:last_end + 30])
                                or before.lower() in lists["prepositions"]):
            return  # "Japanese encephalitis", "Speaking to reporters", "the 1871 Wales census", "go to Wales"
        if words and before.lower() not in ("the", "a", "an") \
                and not any(w.lower().rstrip(".") in lists["not_person_heads"] for w in words) \
                and (name := agrees(" ".join(words), "person", text)):
            out.append((name, not (before.lower() in lists["prepositions"]
                                   and words[0].lower() not in lists["person_titles"]),
                        _cue_gender([before.lower()] + [w.lower() for w in words[:-1]])))

    for m in _NAME_TOKEN.finditer(span):
        raw = m.group()
        possessive = raw.endswith(("'s", "’s"))
        w = raw[:-2] if possessive else raw
        stop = possessive or span[m.end():m.end() + 1] in ",;:()\"“”"
        if w.endswith(".") and w.lower() not in lists["person_titles"]:
            w, stop = w[:-1], True  # a sentence's or an abbreviation's full stop ends the name
        capital = w[:1].isupper() and w.lower() not in stopwords()
        if run and not span[last_end:m.start()].strip() and (capital or w in lists["name_links"] and w not in stopwords()):
            run.append(w)  # "Osama bin Laden"; never "Mrs Clinton and Mr Ban", "Judith Craig of United Haitians"
        else:
            if run:
                close()
            prev = span[:m.start()].split()[-1:]
            before = prev[0] if prev else ""
            run = [w] if capital else []
        last_end = m.end()
        if stop and run:
            close()
            run = []
    if run:
        close()
    return out


@lru_cache(maxsize=256)
def _gender(surname: str, text: str) -> str | None:
    """"male" or "female" when the text puts a cue of only one gender right before a name that
    ends in `surname` ("Mr Hayward", "his wife Kelly Preston"), else None. Kept per name and
    text: each call reads the whole text, and a long article asks it of the same names for
    each pronoun (a 50 KB article spent 0.6 s CPU here, unable to hear Cancel)."""
    seen = set()
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])", text):
        head = text[max(0, m.start() - 60):m.start()]
        for tok in reversed(head.split()[-4:]):
            if cue := _word_gender(tok.lower()):
                seen.add(cue)
            elif tok[:1].isupper() and not tok.endswith((",", ".", ";", ":")):
                continue  # a first name: "his wife Kelly Preston"
            break
    return next(iter(seen)) if len(seen) == 1 else None


MAX_PROPER_NAME_WORDS = 3  # "China", "Royal Dutch Shell"


def _subordinate_subject(kind: str, text: str, a: int, at: int,
                         is_verb: Callable[[str, str], bool]) -> str | None:
    """The subject of a subordinate clause that opens the sentence text[a:at] and ends at the
    comma before a pronoun at `at` ("While China said ..., | it planned" -> "China"), when it
    agrees with the pronoun: in such a sentence the main clause continues about the same one.
    For "it" a capitalized name that names no person agrees (a country, a company), which a
    name alone in another sentence does not (data/lead_rules.json subordinate_antecedents)."""
    head = text[a:at].rstrip()
    opener = re.match(r"[\s\"“'‘(]*(\w+)\s+", head)
    if not head.endswith(",") or opener is None \
            or opener.group(1).lower() not in _lists()["subordinate_antecedents"]:
        return None
    subject = subject_of(text, a + opener.end(), a + len(head), is_verb)
    name = agrees(subject, kind, text)
    if name is None and kind == "thing" and _proper_thing(subject, text):
        name = subject  # "China", "Royal Dutch Shell"
    return name[:1].upper() + name[1:] if name else None


def _proper_thing(subject: str, text: str) -> bool:
    """Whether `subject` is a name of one to MAX_PROPER_NAME_WORDS capitalized words that names
    no person ("China", "Royal Dutch Shell", "Halliburton"; not "Smith" when the text says "Fred
    Smith"): what "it" may stand for when the sentence goes on about it."""
    words = subject.split()
    return 0 < len(words) <= MAX_PROPER_NAME_WORDS \
        and all(w[:1].isupper() and w.lower() not in stopwords()
                and w.lower() not in _lists()["person_titles"] for w in words) \
        and agrees(subject, "person") is None and not looks_plural(words[-1].lower()) \
        and not _first_named(words[0], text)


def _first_named(word: str, text: str) -> bool:
    """Whether `text` names `word` after a capitalized first name or title ("Fred Smith", "Mr
    Smith"): then "Smith" is a person's surname, never what "it" stands for."""
    return any(m.group(1).lower() not in stopwords() and m.group(1).lower() not in _lists()["subordinate_antecedents"]
               for m in re.finditer(rf"\b([A-Z][\w.]*)\s+{re.escape(word)}\b", text))
