"""What a document says about itself besides its date: its headline and its outlet.

Read from what a page declares (kerryview.ingest.html_text: og:title, og:site_name, a JSON-LD
publisher, <title>) or, for plain text, from its first lines the way an editor would read them:
the headline is a short first line that is not a sentence of the body (a date line or a byline
above it is skipped), and the outlet is the agency of a wire dateline ("LONDON (Reuters) -"), an
outlet named in a byline ("By Finlo Rohrer BBC News, Washington"), or the host of the article's
address. A folder of plain-text articles may also carry `sources.tsv` (file, outlet, headline,
url), the record an archive keeps of where each file came from; what it says wins.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlparse

from kerryview.dating.datelines import is_date_line, read_dateline, run_in_head

SOURCES_FILE = "sources.tsv"
HEAD_LINES = 4  # a headline, a date line and a byline come before the body
MAX_HEADLINE = 150

# "LONDON (Reuters) -", "WASHINGTON, May 8 (Reuters) -", "(AP) —": the agency of a wire dateline.
_WIRE = re.compile(r"(?:^|[\s|])\(([A-Z][A-Za-z.&' -]{1,40}?)\)\s*[-–—]")
# "BP says ... shares hit LONDON | Mon May 10, 2010 7:51 am EDT LONDON (Reuters) - ...": a
# wire page's headline, its place in capitals, then "|" and the time of publication.
_HEAD_BAR = re.compile(r"^(?P<head>.+?)\s+(?P<place>[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+)*)\s+\|\s")
_BYLINE = re.compile(r"^\s*By\s+[A-Z]", re.UNICODE)
_BY = re.compile(r"By\s+[A-Z]")  # a byline starting at a given place
# "By Maggie Fox, Health ...": a name and a comma, a byline even after a head in Title Case.
_BY_NAME = re.compile(r"By\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,")
# A name of two to four capitalised words ("Fergus Walsh"): before a bar and a date line, a byline.
_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*")
_WORDS = re.compile(r"\S+")
HEAD_RULES = "head_rules.json"
_URL = re.compile(r"https?://[^\s<>\"')]+")


@dataclass(frozen=True)
class Declared:
    """What an archive's sources.tsv says of one file."""

    outlet: str | None = None
    headline: str | None = None
    url: str | None = None


@cache
def _outlet_names() -> tuple[tuple[str, str], ...]:
    """(name as written, name shown) of outlets named in bylines, longest first."""
    text = (files("kerryview.ingest") / "data" / "outlets.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        found, _, shown = line.partition("\t")
        out.append((found.strip(), (shown or found).strip()))
    return tuple(sorted(out, key=lambda p: -len(p[0])))


outlet_names = _outlet_names  # (name as written, name shown), longest first: kerryview.stories


def _first_lines(text: str, n: int = HEAD_LINES) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()][:n]


def find_title(text: str) -> str | None:
    """A headline: the head run into the date line on the first line, when it is one
    (_run_in_headline); else a short first line that is not a sentence of the body, after any
    date line or byline; or the head of a wire page's first line ("Headline PLACE | date PLACE
    (Agency) -")."""
    found, span = _run_in_headline(text)
    if found:
        return None if span is None else text[span[0]:span[1]]
    span = _run_into_body(text)
    if span is not None:
        return text[span[0]:span[1]]
    for line in _first_lines(text):
        bar = _HEAD_BAR.match(line)
        if bar and _reads_as_headline(bar.group("head")) and not _BYLINE.match(bar.group("head")):
            return bar.group("head").strip()
        if is_date_line(line):
            if _runs_into_body(line):
                return None  # "Fergus Walsh | 08:17 UK time, ... I've been ...": the body began
            continue
        if _BYLINE.match(line):
            continue
        return line if _reads_as_headline(line) else None
    return None


def _runs_into_body(line: str) -> bool:
    """Whether a date line runs into the body's first sentence on its line: the headline stands
    above a date line, never below the body's start."""
    read = read_dateline(line)
    return read is not None and len(line[read.end:].split()) > head_rules()["min_words"]["value"]


def headline_span(text: str) -> tuple[int, int] | None:
    """Where the headline stands when a page copied flat ran the article's head into its date
    line ("Headline Standfirst Wednesday 5 May 2010 21.48 BST The body ...",
    kerryview.dating.datelines.run_in_head): the head, without a standfirst or byline after it
    (_standfirst_at), when it reads as a headline; or the head run into the body's first
    sentence with no date line between (_run_into_body); else None."""
    found, span = _run_in_headline(text)
    return span if found else _run_into_body(text)


def head_run_into_body(text: str) -> tuple[int, int] | None:
    """The headline's span when it runs into the body's first sentence with no date line
    between (_run_into_body), else None: that sentence is then two, the headline and the lead
    (kerryview.events.headline.split_at_head). A head run into a date line is already apart."""
    return None if _run_in_headline(text)[0] else _run_into_body(text)


_FIRST_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|[.!?][\"'”’)]*\s*$")
_LETTERS3 = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4)  # one article's head is read by its title, its headline event and its lead
def _run_into_body(text: str) -> tuple[int, int] | None:
    """The headline of a page copied flat that lost the line break between its headline and
    the body's first sentence, with no date line between them ("Haiti devastated by massive
    quake Thousands of people are feared dead after ..."; data/head_rules.json
    runs_into_body): the first line, when it does not read as a headline itself, split where
    its first sentence's standfirst cue is (_standfirst_at: a capitalised common word after a
    lower-case word that ends a phrase), when the head before it reads as a headline and is no
    byline, date line, bullet point or blog stamp ("Tris Cotterill | 16:55 UK time, ..."), nor
    ends in a possessive, which the noun it qualifies follows ("BBC Radio 4's The Report")."""
    lead = len(text) - len(text.lstrip())
    line = text[lead:].split("\n", 1)[0].rstrip()
    if not line or _reads_as_headline(line) or _BYLINE.match(line) or is_date_line(line):
        return None
    rules = head_rules()
    # a head has at most max_words words and the sentence after it needs no more than
    # sentence_words to show it is one: the rest of a line with no sentence end is not read
    # (each word is weighed against those before it: a page of one line would cost its square)
    words = list(_WORDS.finditer(line))
    limit = rules["max_words"]["value"] + rules["standfirst"]["sentence_words"] + 2
    if len(words) > limit:
        line = line[:words[limit - 1].end()]
    end = _FIRST_SENTENCE_END.search(line)
    sentence = line[:end.start()] if end else line
    at = _standfirst_at(sentence, text)
    if at >= len(sentence):
        at = _title_case_body_at(line, text)
        if at is None:
            return None
    head = line[:at].rstrip(" \t,;:-–—")
    bullets = set(rules["bullets"]["words"])
    n = len(head.split())
    if not (rules["min_words"]["value"] <= n <= rules["max_words"]["value"]) \
            or not _reads_as_headline(head) or "|" in head or head.split()[0] in bullets \
            or len(_LETTERS3.findall(head)) < 2 or read_dateline(head) is not None \
            or _caption_grammar(head) or re.search(r"['’]s$", head):  # "BBC Radio 4's | The Report"
        return None
    return lead, lead + len(head)


def _title_case_body_at(line: str, text: str) -> int | None:
    """Where the body's first sentence starts in a first line that opens with a headline in
    Title Case run into it ("Flu Outbreak Threatens Global Economic Recovery The outbreak is
    ...", "Obama Blueprint Deepens Federal Role in Markets President Obama is expected ...";
    data/head_rules.json title_case), else None. Title Case writes in lower case only its
    minor words (an article, a conjunction, a preposition), so the first other word in lower
    case is the body's; the body starts at the capitalised word before it (or before a minor
    word before it: "In a speech", "Millions of gallons") when that word opens a passage
    (lead_rules.json run_on_openers: "The outbreak"), is a minor word ("As a sign") or a
    common word (the article writes it in lower case and never capitalised inside a sentence:
    "Seven weeks after"); or, when that word is a name the article writes capitalised inside
    a sentence ("President Obama", "Federal Reserve officials"), at the name's first word (a
    person's title with it: lead_rules.json person_titles), after a common word that ends the
    headline ("markets"). Anything else (an unknown word, punctuation between the two: "Dr
    Conrad Murray: Trial timeline", a date line: "PARIS, Dec. 4 -- Facing") leaves the line
    whole."""
    rules = head_rules()
    minor = frozenset(rules["title_case"]["minor_words"]["words"])
    words = list(_WORDS.finditer(line))[:rules["max_words"]["value"] + rules["title_case"]["subject_words"]]
    cores = [w.group().strip("\"“”‘’'(),;:!?") for w in words]
    j = next((k for k, c in enumerate(cores) if c[:1].islower() and c.lower() not in minor), None)
    if j is None or j <= rules["min_words"]["value"]:
        return None
    body = text[words[j].start() + len(text) - len(text.lstrip()):]  # the body, after the head
    k = j - 1
    if cores[k].lower() in minor and cores[k][:1].islower() and k > 0:
        k -= 1  # "In a speech", "Millions of gallons": a sentence's opener before a minor word
        if not (_opens_passage(cores[k]) or (cores[k].lower() in minor and cores[k][:1].isupper())):
            return None
    elif not cores[k][:1].isupper() or not _ends_plain(words[k].group()):
        return None  # "General Growth Properties, the giant ...", "The International Monetary Fund, under"
    elif not _opens_passage(cores[k]) and _capitalised_mid_sentence(cores[k], body):
        titles = _person_titles()
        while k > 0 and cores[k][:1].isupper() and (_capitalised_mid_sentence(cores[k], body)
                                                      or cores[k].lower() in titles):
            k -= 1
        if not _opens_passage(cores[k]):
            if not (cores[k][:1].isupper() and _common_word(cores[k], text)
                    and not _capitalised_mid_sentence(cores[k], body)):
                return None  # the headline's last word is no common word: where it ends is unclear
            k += 1
    elif not (_opens_passage(cores[k]) or _common_word(cores[k], text)):
        return None  # "Invoking extraordinary powers": a word the article writes nowhere else
    if k < rules["min_words"]["value"] or not _ends_plain(words[k - 1].group()):
        return None  # "Dr Conrad Murray: Trial timeline", "PARIS, Dec. 4 -- Facing": no headline's end
    head = line[:words[k].start()].strip()
    before_colon = head.split(":", 1)[0] if ":" in head else ""
    if not _title_case(words[:k]) or head.upper() == head or any(c.isdigit() for c in before_colon) \
            or _WIRE.search(head) or _PLACE_DATELINE.match(head) or head.count('"') % 2:
        return None  # a section heading in capitals, a caption's date ("May 1: ..."), a dateline
    return words[k].start()


# "NEW ORLEANS -- While ...", "SAO PAULO, Brazil, Nov. 8 -- ...": a dateline's place in capitals.
_PLACE_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,|\s+--)")


def _ends_plain(word: str) -> bool:
    """Whether a word ends in a letter or a digit (before any closing quote), not in
    punctuation that joins it to what follows (a comma, a colon, a dash: 'Syndrome,"')."""
    return word.rstrip("'’\"”")[-1:].isalnum()


def _person_titles() -> frozenset[str]:
    """lead_rules.json person_titles: a title before a name is part of it ("President Obama")."""
    from kerryview.text.wordlists import event_lists
    return event_lists("lead_rules.json")["person_titles"]


def _opens_passage(word: str) -> bool:
    """Whether a capitalised word opens a passage run on after a word that ends none
    (events/data/lead_rules.json run_on_openers: "The", "There", "Thousands")."""
    from kerryview.text.wordlists import event_lists
    return word in event_lists("lead_rules.json")["run_on_openers"]


def _stem(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _common_word(word: str, text: str) -> bool:
    """Whether the article writes a capitalised word in lower case somewhere: a common word."""
    w = _stem(word).lower()
    return bool(w) and re.search(rf"(?<![\w.])(?-i:{re.escape(w)})(?!\w)", text) is not None


def _capitalised_mid_sentence(word: str, body: str) -> bool:
    """Whether the body writes a word capitalised inside a sentence, after a word, as a name
    is ("said President Obama", "the Federal Reserve")."""
    w = _stem(word)
    return bool(w) and w[:1].isupper() and re.search(
        rf"(?<=[\w,;'’])[ \t]+{re.escape(w)}(?!\w)", body) is not None


def _caption_grammar(head: str) -> bool:
    """Whether a head's verb keeps the auxiliary headlinese drops ("Swine flu shuts Eton"), as a
    photo caption's full sentence does (data/head_rules.json runs_into_body): a past or perfect
    auxiliary (caption_auxiliaries: "were in court", "has been temporarily closed"), a
    progressive ("Police are guarding the hotel"), a present perfect ("The slick has now
    grown"), a copula before an article ("Transocean is the world's largest ..."), a passive
    ("Face masks are handed out"), a simple past with its object ("Greenpeace campaigners
    unfurled a protest banner"), a video's caption in the present ("John Curry, from BP, explains
    how the funnel should work"), or an existential "There are" opening it (caption_tenses)."""
    rule = head_rules()["runs_into_body"]
    from kerryview.text.wordlists import reporting_verbs
    said = reporting_verbs()["all"] | {"that"}
    lower = head.lower().replace("’", "'").split()
    # only the head's own verb: "BP admits it was unprepared" reports, its "was" is the report's
    cut = next((k for k, w in enumerate(lower) if w.strip(",:;'\"") in said), len(lower))
    words = " " + " ".join(lower[:cut]) + " "
    if any(f" {a} " in words for a in rule["caption_auxiliaries"]["words"]):
        return True
    # in the case written: a headline in Title Case capitalises its verbs ("What Would Have Helped")
    return _caption_tense().search(" " + " ".join(head.replace("’", "'").split()) + " ") is not None


@cache
def _caption_tense() -> re.Pattern[str]:
    t = head_rules()["runs_into_body"]["caption_tenses"]
    alt = lambda ws: "|".join(re.escape(w) for w in ws)  # noqa: E731
    adverb = rf"(?:(?:{alt(t['adverbs'])}|[a-z]+ly) )?"
    from kerryview.text.wordlists import cues
    past = alt(sorted(cues()["irregular_past"]))
    aux = "is|are|was|were|be|been|being|has|have|had|'s|'re"
    return re.compile(rf" (?:(?:{alt(t['progressive'])}) {adverb}[a-z]+ing"
                      rf"|(?:{alt(t['perfect'])}) {adverb}[a-z]+(?:ed|en|wn)"
                      rf"|(?:{alt(t['copula'])}) (?:{alt(t['articles'])})"
                      rf"|(?:{alt(t['passive'])}) {adverb}[a-z]+(?:ed|en|wn)"
                      rf"|(?<!{aux.replace('|', ' )(?<!')} )(?:[a-z]{{3,}}(?<!e)ed|{past}) (?:{alt(t['past_objects'])})"
                      rf"|(?:{alt(t['presenting'])}) [\"'‘“]?(?:{alt(t['presenting_objects'])})"
                      rf"|(?<=^ )[A-Z][\w'-]+ [A-Z][\w'-]+ (?:{alt(t['presenting'])}) (?:{alt(t['presenting_possessives'])})) "
                      rf"|^ There (?:is|are) ")


@lru_cache(maxsize=4)  # one article's head is read by its title, its headline event and its lead
def _run_in_headline(text: str) -> tuple[bool, tuple[int, int] | None]:
    """(whether the text opens with a head run into its date line that is not a byline, the
    headline's span in it or None). A byline ("By Maggie Fox, Health and Science Editor",
    "Fergus Walsh |") is no head: a headline may stand on a line of its own before it. A head
    that opens with a bullet point ("cents 848 cases in Britain ...") or is too long for a
    headline and cannot be split is the headline's place without one."""
    run = run_in_head(text)
    if run is None or text[:run.head[0]].strip():
        return False, None  # none, or a headline stands on a line of its own above it
    a, b = run.head
    if _is_byline(text[a:b], text[b:run.stamp[0]]):
        return False, None
    b = a + _standfirst_at(text[a:b], text)
    while b > a and text[b - 1] in " \t,;:-–—":
        b -= 1
    head = text[a:b]
    opens = head[:1].isupper() or head[:1].isdigit() or head[:1] in "'\"‘“"
    short = len(head.split()) <= head_rules()["max_words"]["value"]
    return True, ((a, b) if opens and short and _reads_as_headline(head) else None)


def _is_byline(head: str, between: str) -> bool:
    """"By Jane Doe ...", or a name alone before a bar ("Fergus Walsh | 08:17 UK time, ...")."""
    return _BYLINE.match(head) is not None or ("|" in between and _NAME.fullmatch(head.strip()) is not None)


@cache
def phrase_goes_on() -> frozenset[str]:
    """Words after which a phrase goes on (data/head_rules.json standfirst.phrase_goes_on; the
    modals from text/data/modals.json)."""
    from kerryview.text.wordlists import list_words
    return list_words(head_rules()["standfirst"]["phrase_goes_on"])



@cache
def head_rules() -> dict:
    """data/head_rules.json: how a head run into the date line is read (each rule with examples)."""
    return json.loads((files("kerryview.ingest") / "data" / HEAD_RULES).read_text(encoding="utf-8"))


def _standfirst_at(head: str, text: str) -> int:
    """Where a standfirst starts in a head of headline and standfirst run together, or the
    head's length (data/head_rules.json): at its first bullet point ("... ethical index cents
    Oil firm excluded ..."), or at a capitalised word that the article writes in lower case
    elsewhere, followed by a lower-case word, after a lower-case word that ends a phrase ("...
    without exam Exam boards may base ...", "... new containment cap Engineers to see ..."; not
    "of", "White House lists"). Both parts have at least min_words words."""
    rules = head_rules()
    least, bullets = rules["min_words"]["value"], set(rules["bullets"]["words"])
    words = [m for m in _WORDS.finditer(head)]
    for i in range(least, len(words)):
        if _BY.match(head, words[i].start()) and not (_title_case(words[:i]) and not
                                                      _BY_NAME.match(head, words[i].start())):
            return words[i].start()  # "Swine flu followed route map By Maggie Fox, ..."
    for i in range(least, len(words) - least + 1):
        if words[i].group() in bullets:
            return words[i].start()
    for i in range(least, len(words) - least + 1):
        prev, word, after = words[i - 1].group(), words[i].group(), words[i + 1].group()
        if prev[:1].isupper() or not (prev[-1:].isalnum() or prev[-1:] in "'’\"”") \
                or prev.lower().strip("'’\"”") in phrase_goes_on():  # "White House", "spill:", "of"
            continue
        if _name_and_verb(words, i, text) and not _title_case(words[:i]) \
                and prev.lower().strip("'’\"”") not in _name_break_blockers():
            return words[i].start()  # "Obama names oil-spill panel heads President Obama said ..."
        if not (word[:1].isupper() and (word[1:].islower() or _opens_passage(word)) and word.isalpha()) \
                or not (after[:1].islower() or after[:1].isdigit()):
            continue  # "... 'no solution' A boom is erected ...": "A" opens a passage too
        if after.lower() in phrase_goes_on() and i + 2 < len(words) \
                and words[i + 2].group()[:1].isupper():
            continue  # "the gushing Gulf of Mexico oil well", "the Bank of England": a name
        if _title_case(words[:i]) or (word.lower() not in phrase_goes_on()
                                      and len(words) - i < rules["standfirst"]["sentence_words"]
                                      and not _verb_follows(head, words, i)):
            continue  # "BP Shares Fall By Half", "... threatens Gulf shrimp season": a name
        if _opens_passage(word) or _common_word(word, text):  # "quake Thousands of people"
            return words[i].start()
    return len(head)


def _name_and_verb(words: list[re.Match], i: int, text: str) -> bool:
    """Whether the i-th word starts a name of capitalised words (at most _MAX_NAME_WORDS) that
    a finite verb of events/data/lead_rules.json run_on_verbs follows, with no punctuation
    between: the subject of a new sentence run on after a lower-case word ("... panel heads
    President Obama said the commission ..."), as events.labels.run_on_breaks reads it. The
    name is one the article writes so elsewhere, below its first line: "Haiti Taylor Swift is"
    or "Europe The UN has" is the headline's last word and a name, where one ends is unclear."""
    from kerryview.text.wordlists import event_lists
    j = i
    while j < len(words) and j - i < _MAX_NAME_WORDS and words[j].group()[:1].isupper() \
            and words[j].group()[-1:].isalnum() and not _opens_passage(words[j].group()):
        j += 1
    if not (i < j < len(words) and words[j].group() in event_lists("lead_rules.json")["run_on_verbs"]):
        return False
    name = " ".join(w.group() for w in words[i:j])
    below = text[text.find("\n", len(text) - len(text.lstrip())) + 1:] if "\n" in text.strip() else ""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", below) is not None


def _name_break_blockers() -> frozenset[str]:
    """Words after which a capitalised name goes on the phrase rather than starting a sentence:
    a person's title ("London Olympics chairman Lord Coe"), a reporting verb ("Tony Hayward
    says BP was ..."), a function word (the stop words: "the warehouse where Oxfam are")
    (events/data/lead_rules.json person_titles, pure_reporting; text/data/stopwords.txt)."""
    from kerryview.text.wordlists import event_lists, stopwords
    lists = event_lists("lead_rules.json")
    return lists["person_titles"] | lists["pure_reporting"] | stopwords()


_MAX_NAME_WORDS = 4


def is_title_case(head: str) -> bool:
    """Whether a headline is written in Title Case ("Obama Blueprint Deepens Federal Role in
    Markets"): its capitals tell neither names nor a sentence's start, and its verbs have them too."""
    return _title_case(list(_WORDS.finditer(head)))


def _title_case(words: list[re.Match]) -> bool:
    """Whether words are written in Title Case ("BP Shares Fall"): each word but those after
    which a phrase goes on starts with a capital, so capitals tell no sentence's start."""
    content = [w.group() for w in words if w.group().lower() not in phrase_goes_on()
               and w.group()[:1].isalpha()]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


def _verb_follows(head: str, words: list[re.Match], i: int) -> bool:
    """Whether a verb comes within standfirst.verb_within words after the i-th word, as after
    the subject of a standfirst's sentence ("Exam boards may base ...", "Engineers to see
    ..."), not after a name in the headline ("Gulf shrimp season", "Congress grilling")."""
    from kerryview.text.verbs import is_verb
    n = head_rules()["standfirst"]["verb_within"]
    return any(is_verb(w.group().strip("\"“”',.;:"), head[max(0, w.start() - 12):w.start()], finite=True)
               for w in words[i + 1:i + 1 + n])


def _reads_as_headline(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) and len(line) <= MAX_HEADLINE
            and not line.endswith((".", '"', "”", ":", ",")) and not line.startswith(("(", "*", "-")))


def find_outlet(text: str, url: str | None = None) -> str | None:
    """Who published the article: a wire dateline's agency, an outlet named in a byline, else
    the host of its address (`url`, or one written in its first lines)."""
    head = _first_lines(text)
    for line in head:
        m = _WIRE.search(line[:400])
        if m:
            return _shown_name(m.group(1).strip())
    for line in head:
        if _BYLINE.match(line):
            for found, shown in _outlet_names():
                if re.search(rf"\b{re.escape(found)}\b", line[:200]):
                    return shown
    if url is None:
        m = next((u for line in head if (u := _URL.search(line))), None)
        url = m.group(0) if m else None
    return host_name(url) if url else None


def _shown_name(found: str) -> str:
    for name, shown in _outlet_names():
        if name == found:
            return shown
    return found


def host_name(url: str) -> str | None:
    """"https://www.reuters.com/world/..." -> "reuters.com"."""
    host = urlparse(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def declared_sources(path: str | Path) -> Declared:
    """What the sources.tsv beside the file `path` says of it (nothing if there is none)."""
    path = Path(path)
    table = _sources_table(str(path.parent), _mtime(path.parent / SOURCES_FILE))
    return table.get(path.name, Declared())


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return -1.0


@lru_cache(maxsize=64)
def _sources_table(folder: str, mtime: float) -> dict[str, Declared]:
    """file name -> Declared, read once per folder and version of its sources.tsv."""
    if mtime < 0:
        return {}
    try:
        text = (Path(folder) / SOURCES_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out = {}
    rows = csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")),
                      delimiter="\t")
    for row in rows:
        if not row or row[0] == "file":
            continue
        cells = [c.strip() or None for c in row[1:4]] + [None] * 3
        out[row[0].strip()] = Declared(*cells[:3])
    return out
