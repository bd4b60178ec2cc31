"""The one loader of word lists (kerryview/text/data/, kerryview/events/data/), each read once.
The lists are data a linguist can edit, not code."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import NamedTuple


# A word of the text is no character entity: in plain text an HTML entity left escaped
# ("Goldman, Sachs &amp; Co.", "&quot;") is markup, not the word "amp" or "quot"; the text
# itself stays as read (ingest keeps every offset exact), the readers of words skip it. Only
# the entities of plain news text ("AT&T; Verizon" keeps its "T"), and numeric ones ("&#x27;").
NOT_ENTITY = r"(?<![A-Za-z])(?<!&#)(?!(?<=&)(?:amp|quot|apos|lt|gt|nbsp);)"
# A word of the text as the event finders read it (clauses, mentions, headline): letters, with
# inner apostrophes and hyphens, never an entity's name.
WORD = re.compile(NOT_ENTITY + r"[A-Za-z][A-Za-z'’-]*")


def package_dir(package: str) -> Path:
    """The folder of `package`, which holds its data/: importlib.resources.files of a package
    installed as files, as kerryview always is (a wheel, an editable install, the PyInstaller
    bundle, whose modules' __file__ lie in the folder its data is collected to), without
    importing importlib.resources (~5 ms of a `kerryview timex FILE` process)."""
    return Path(import_module(package).__file__).parent


def _lines(name: str, package: str = "kerryview.text") -> list[str]:
    text = (package_dir(package) / "data" / name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@cache
def abbreviations() -> frozenset[str]:
    """Words that end in a period without ending a sentence ("vs.", "Calif.", "Nov."); shared by
    the sentence splitter, the tense detector and the tagger."""
    return frozenset(_lines("abbreviations.txt"))


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_lines("stopwords.txt"))


@cache
def cues() -> dict[str, frozenset[str]]:
    raw = json.loads((package_dir("kerryview.events") / "data" / "event_cues.json")
                     .read_text(encoding="utf-8"))
    return {k: list_words(v) if isinstance(v, dict) else frozenset(v)  # not_events: words_from modals
            for k, v in raw.items() if not k.startswith("_") and k != "opposite_events"}


@cache
def opposite_events() -> dict[str, tuple[int, int]]:
    """Word form -> (pair number, side) for the pairs of opposite event words."""
    raw = json.loads((package_dir("kerryview.events") / "data" / "event_cues.json").read_text(encoding="utf-8"))
    out: dict[str, tuple[int, int]] = {}
    for n, sides in enumerate(raw["opposite_events"]):
        for k, forms in enumerate(sides):
            for w in forms.split():
                out[w] = (n, k)
    return out


class EventKinds(NamedTuple):
    """events/data/event_kinds.json: word form (or a phrase of two: "passed away") -> the kind
    of happening it tells ("died", "death", "passed away" -> "die"), and the factors of the
    likeness of two passages told with words of two kinds (different_words) and with words of
    one (same_kind); the words that alone tell no kind (no_kind: "fired", "held"); the
    likeness at which clause events of a publication day join the happening a time
    expression dates on that day (publication_day); the likeness of the sums of two clusters
    of one day and one kind at which they are one happening (same_day)."""

    kinds: dict[str, str]
    different: float
    same: float
    unknown: frozenset[str] = frozenset()  # words that say no kind of their own (no_kind)
    publication: float = 1.0  # (above any cosine: none joins)
    directive: frozenset[str] = frozenset()  # verbs of telling someone to act (directive)
    directive_between: int = 0  # words (the object) at most between one and its 'to'
    same_day: float = 2.0  # (above any cosine: none joins) clusters of one day and kind (same_day)
    subject_words: int = 0  # words before an event word read as its subject (subjects_differ)
    subject_spelling: float = 0.0  # likeness of two surnames read as one spelled two ways
    subject_rest: float = 0.0  # likeness without the subjects below which two passages differ
    subject_description: frozenset[str] = frozenset()  # words opening a description, not a name


@cache
def event_kinds() -> EventKinds:
    raw = json.loads((package_dir("kerryview.events") / "data" / "event_kinds.json").read_text(encoding="utf-8"))
    kinds = {w: name for name, kind in raw["kinds"].items()
             for w in kind["words"].split() + kind.get("phrases", [])}
    return EventKinds(kinds, float(raw["different_words"]["factor"]), float(raw["same_kind"]["factor"]),
                      frozenset(w for part in raw["no_kind"].values() for w in part["words"].split()),
                      float(raw["publication_day"]["threshold"]),
                      frozenset(raw["directive"]["words"].split()), int(raw["directive"]["words_between"]),
                      float(raw["same_day"]["threshold"]), int(raw["subjects_differ"]["max_words"]),
                      float(raw["subjects_differ"]["spelling"]), float(raw["subjects_differ"]["rest"]),
                      frozenset(raw["subjects_differ"]["description_words"].split()))


@cache
def tense_cues() -> dict[str, frozenset[str]]:
    """The cue words of the tense detector (kerryview.text.tense): list name -> words.
    Each list in data/tense_cues.json carries what it is for and an example; "reporting" is
    taken from the one list of reporting verbs (words_from)."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "tense_cues.json").read_text(encoding="utf-8"))
    return {k: list_words(v) for k, v in raw.items() if not k.startswith("_")}


def list_words(entry: dict) -> frozenset[str]:
    """The words of one word list of a data file: its own "words", and the words of the lists
    it names in "words_from" (one name or a list of them): a set of reporting_verbs.json
    ("reporting_verbs.json pure"), a list of modals.json ("modals.json modals") or of pronouns.json
    ("pronouns.json relative_pronouns"), less those of "except". So no data file keeps a copy of
    the reporting verbs, the modals, the negations or the relative pronouns.
    A list may have both: lead_rules.json subject_verbs is its own finite verbs ("is", "plans")
    and every reporting verb."""
    if "words" not in entry and "words_from" not in entry:
        raise ValueError(f"a word list with neither words nor words_from: {entry!r}")
    sources = entry.get("words_from", [])
    words = set(entry.get("words", ()))
    for source in [sources] if isinstance(sources, str) else sources:
        name, _, part = source.partition(" ")
        if name == "reporting_verbs.json" and part in reporting_verbs():
            words |= reporting_verbs()[part]
        elif name == "modals.json" and part in modals():
            words |= modals()[part]
        elif name == "pronouns.json" and part in pronouns():
            words |= pronouns()[part]
        elif name == "irregular_verbs.json" and part in irregular_verbs():
            words |= irregular_verbs()[part]
        elif name == "plural.json" and part in plural_lists():
            words |= plural_lists()[part]
        else:
            raise ValueError(f"words_from names no list this reader knows: {source!r}")
    return frozenset(words - set(entry.get("except", ())))


@cache
def modals() -> dict[str, frozenset[str]]:
    """The modal verbs and the words of negation (data/modals.json): "modals", "negations"."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "modals.json").read_text(encoding="utf-8"))
    return {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}


@cache
def pronouns() -> dict[str, frozenset[str]]:
    """The pronouns several stages read (data/pronouns.json): "relative_pronouns"."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "pronouns.json").read_text(encoding="utf-8"))
    return {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}


@cache
def irregular_verbs() -> dict[str, frozenset[str]]:
    """The one list of English irregular verbs (data/irregular_verbs.json), as sets of forms:
    "bases" ("sink", "spread"), "pasts" ("sank", "spread"), "participles" ("sunk", "spread"),
    "past_forms" (a past or participle unlike its base and no common noun of also_nouns: a verb
    wherever it stands: "sank", "undergone"), "simple_pasts" (those of them that are a simple
    past: "sank", "gave", "said", not the participle "given": the tense detector's past cues) and "bare_pasts" (a past
    the same as its base: "hurt", "spread", "cut")."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "irregular_verbs.json").read_text(encoding="utf-8"))
    bases, pasts, participles, past_forms, simple_pasts, bare_pasts = set(), set(), set(), set(), set(), set()
    for row in raw["verbs"]["rows"]:
        base, past, participle = (part.split("/") for part in row.split())
        bases |= set(base)
        pasts |= set(past)
        participles |= set(participle)
        past_forms |= (set(past) | set(participle)) - set(base)
        simple_pasts |= set(past) - set(base)
        bare_pasts |= set(past) & set(base)
    past_forms -= set(raw["also_nouns"]["words"])
    simple_pasts -= set(raw["also_nouns"]["words"])
    return {"bases": frozenset(bases), "pasts": frozenset(pasts), "participles": frozenset(participles),
            "past_forms": frozenset(past_forms), "simple_pasts": frozenset(simple_pasts),
            "bare_pasts": frozenset(bare_pasts)}


@cache
def irregular_bases() -> dict[str, str]:
    """The base form of each irregular past or participle of data/irregular_verbs.json unlike
    its base ("sank", "sunk": "sink"; "blew", "blown": "blow"), so the forms of one verb meet
    where a stem cannot join them; not a form of two verbs, nor one that is itself a base
    ("lay": of "lie", and "lay"), nor one as often a noun or an adjective (also_nouns: "a
    wound", "the ground")."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "irregular_verbs.json").read_text(encoding="utf-8"))
    bases: dict[str, set[str]] = {}
    for row in raw["verbs"]["rows"]:
        base, past, participle = (part.split("/") for part in row.split())
        for form in set(past) | set(participle):
            bases.setdefault(form, set()).update(base)
    others = irregular_verbs()["bases"] | set(raw["also_nouns"]["words"])
    return {form: next(iter(b)) for form, b in bases.items() if len(b) == 1 and form not in others}


@cache
def plural_lists() -> dict[str, frozenset[str]]:
    """The words in -s that are no plural noun nor verb in -s (data/plural.json), for the one
    test kerryview.text.plural.looks_plural: "singular_endings", "singular_words"."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "plural.json").read_text(encoding="utf-8"))
    return {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}


@cache
def reporting_verbs() -> dict[str, frozenset[str]]:
    """The one home of the reporting verbs (data/reporting_verbs.json), its lists and the sets
    derived from them: "present" (what the tagger reads as reported speech: "Hayward says ... a
    day later"), "past", "all" (present | past: what the event finder completes a label with),
    "finite" (all and the present forms that are also nouns: their tense is the report's),
    "pure" (all of them, with "saying", "according", "continued" and the verbs of opinion: the
    event is what was said, warned or announced) and "attribution" (the verbs that mark a news
    story). Light: the tagger reads it at start-up."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "reporting_verbs.json").read_text(encoding="utf-8"))
    lists = {k: frozenset(v["words"]) for k, v in raw.items() if not k.startswith("_")}
    every = lists["present"] | lists["past"] | lists["finding"]
    finite = every | lists["present_also_nouns"]
    pure = finite | lists["resumed_speech"] | lists["other_forms"] | lists["opinion"]
    return {**lists, "all": every, "finite": finite, "pure": pure}


@cache
def time_zones() -> dict[str, tuple[float, float, str]]:
    """Time-zone name after a clock time -> (hours from UTC in standard time, in summer time,
    summer-time rule: "us", "eu" or "none"); kerryview/events/data/time_zones.tsv, the one
    table of zones: merging (events/zones.py) and exports (text/phrasing.py) read it."""
    text = (package_dir("kerryview.events") / "data" / "time_zones.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[float, float, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _clock, standard, summer, rule, _example = line.split("\t")
            out[name] = (float(standard), float(summer), rule)
    return out


@cache
def event_rules(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated rule file of kerryview/events/data/ (comment lines start
    with #), each a tuple of its fields; every rule file carries an example per rule."""
    text = (package_dir("kerryview.events") / "data" / name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


@cache
def event_lists(name: str) -> dict[str, frozenset[str]]:
    """The word lists of a JSON file of kerryview/events/data/ in the form of tense_cues.json
    (each list: "about", "example", "words"): list name -> words. A rule that is one number
    ("number", with its "number_example") and no words is read by its own reader."""
    raw = json.loads((package_dir("kerryview.events") / "data" / name).read_text(encoding="utf-8"))
    return {k: list_words(v) for k, v in raw.items()
            if not k.startswith("_") and not ("number" in v and "words" not in v and "words_from" not in v)}


@cache
def story_stopwords() -> frozenset[str]:
    """Words every news story uses (data/story_stopwords.txt): they never tell which story an
    article tells (kerryview.stories)."""
    return frozenset(_lines("story_stopwords.txt"))


@cache
def deadline_words() -> frozenset[str]:
    """Words after which a written year is a deadline or a period's end, not an article's
    time (data/deadline_words.json; kerryview.stories.written_years)."""
    raw = json.loads((package_dir("kerryview.text") / "data" / "deadline_words.json").read_text(encoding="utf-8"))
    return list_words(raw["deadline"])


class TwoPrecisions(NamedTuple):
    """events/data/two_precisions.json: when a cluster of coarser dates joins the finer cluster
    of one happening (kerryview.events.merge.join_precisions)."""

    threshold: float
    ambiguous: float
    max_days: int


@cache
def two_precisions() -> TwoPrecisions:
    raw = json.loads((package_dir("kerryview.events") / "data" / "two_precisions.json").read_text(encoding="utf-8"))
    return TwoPrecisions(float(raw["threshold"]), float(raw["ambiguous"]), int(raw["max_days"]))
