"""Issue #9 item 6: do kerryview's labels read like a headline? Counts, on one Timeline17 folder
(all its articles, publication dates given), the labels that are a clause fragment, that cut a
number in half, or end in "…", the labels made of a wire date line (" | ", "(Reuters)", a clock
time cut in half: "36 pm EDT HOUSTON (Reuters) - BP ..."), the labels that only report ("A U.S.
official said"), labels of passages run together ("... sq km There are fears ..."), events dated
by a clock read as a year ("at 1930 CDT" -> 1930), and prints a sample of labels to read.

    .venv/bin/python benchmarks/stories_labels.py bpoil_bbc            # this checkout
    .venv/bin/python benchmarks/stories_labels.py bpoil_bbc --kerryview /work/main  # another one
    .venv/bin/python benchmarks/stories_labels.py bpoil_bbc --families  # one TSV line of counts

--families counts each failure family of issue #9 items 4 and 6 with this script's own checks:
a label that starts with a pronoun subject ("He said ...", "This was completed"), ends in "…", is
a fragment (or a number cut in half), an event told by a photo caption or a question, and an
event dated by a clock time read as a year ("1930 CDT", a live blog's "2055: ..."); session 20
adds prep_only ("In an interview"), time_phrase ("Two days after the disaster struck") and
list_tail ("Chris Martin and Lindsay Lohan ..." of a longer list). Results:
benchmarks/README_labels.md.

The checks read their word lists from this checkout's kerryview/events/data/lead_rules.json, so
two checkouts are judged by the same rules.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULES = HERE.parent / "kerryview" / "events" / "data" / "lead_rules.json"
_CUT_NUMBER = re.compile(r"^\d{3}\b")  # "000 employees" of "5,000"
# A wire date line read as an event: "HOUSTON, June 2 | Wed Jun 2, 2010 2:39pm EDT ...",
# "36 pm EDT HOUSTON (Reuters) - BP ..." (a clock time cut in half), "La. (Reuters) - Oil ...".
_CUT_CLOCK = re.compile(r"^\d{1,2}\s*(?:[ap]\.?m\.?|gmt|bst|[ecmp][sd]t)\b", re.IGNORECASE)


def is_dateline_label(label: str) -> bool:
    """A label that is, or starts inside, a wire date line: never an event's name."""
    return " | " in label or "(Reuters)" in label or bool(_CUT_CLOCK.match(label))


def fragment_starts() -> set[str]:
    return set(json.loads(RULES.read_text("utf-8"))["fragment_starts"]["words"])


def _words(name: str) -> set[str]:
    entry = json.loads(RULES.read_text("utf-8"))[name]
    if "words_from" in entry:  # a view of text/data/reporting_verbs.json ("pure_reporting")
        from kerryview.text.wordlists import list_words
        return set(list_words(entry))
    return set(entry["words"])


# Passages run together without punctuation (web text: headline, caption and lead on one line):
# a capitalized opener right after a lower-case word, or a capitalized word said twice.
_RUN_ON = re.compile(r"\b[a-z]{2,}\s+(?:The|There|It|This|These|He|She|They|We)\s+[a-z]|\b([A-Z]\w+)\s+\1\b")
# A 24-hour clock without its colon, read as a year: "1930 CDT", "1900 to 2200 EST".
_CLOCK_AFTER = re.compile(r"\s*(?:(?:and|to|[-–(])\s*\d{4}\s*)?(?:GMT|UTC|BST|CET|[ECMP][SD]T|local time|hrs)\b")


def is_reporting_only(label: str) -> bool:
    """A label that says only that someone spoke: "A U.S. official said", "Adm Allen said in a
    press conference" (the subject, a reporting verb, at most six words of circumstance)."""
    reporting, clause = _words("pure_reporting"), _words("reported_clause_words")
    words = [w.strip("\"“”'’,.;:") for w in label.split()]
    i = next((k for k, w in enumerate(words) if w in reporting and w != "according"), None)
    if i is None or any(c in label for c in ":\"“"):
        return False
    tail = [w.lower() for w in words[i + 1:]]
    return len(tail) <= 6 and not any(w in clause for w in tail)


def clock_as_year(event, texts: dict[str, str]) -> bool:
    """An event dated by a clock time read as a year ("completed at 1930 CDT" -> 1930)."""
    return any(re.fullmatch(r"\d{4}", m.timex.text or "")
               and _CLOCK_AFTER.match(texts[m.document_id], m.timex.end) for m in event.mentions)


# The failure families of issue #9 items 4 and 6, counted per folder by --families. The checks
# are this script's own (not kerryview's rules), so a checkout cannot pass by changing them.
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those)\s+"
                            r"(?!(?:week|month|year|morning|afternoon|evening|time)\b)[a-z']")
_CAPTION = re.compile(r"\b(?:REUTERS|Reuters|AFP|AP|Getty Images|EPA)\s*\\?/\s*[A-Z]|\bAP Photo\b"
                      r"|\b(?:Pictured|Photo(?:graph)?|Picture|Image|Caption)\s*:|\(Photo\b"
                      r"|\bGetty Images\b|\b(?:is|are) (?:seen|pictured)\b")
_QUESTION = re.compile(r"\?[\"”'’)]*\s*$")
# A live blog's entry time read as a year: "2055: M2ab tweets ..." (a clock time at a line or
# sentence start, 24-hour form, with a colon after it).
_ENTRY_CLOCK = re.compile(r"(?:^|[.!?\"”]\s+|\n)\s*$")


# A reader's comment signed before ("At 18:40 23rd Mar 2010, jenny wrote:") or after ("...
# Posted by: Dano111 | October 13, 2008 10:19 PM | Report abuse"), or a "Have your say" stamp.
_COMMENT_SIGNATURE = re.compile(r"\bAt [^,\n]{4,30}\d{4}, [^\s,]+ wrote:|\bPosted by: [^|\n]{1,60}\||"
                                r"\bAdded: \w+day, \d")


def after_comment(m, text: str) -> bool:
    """A mention in a readers' comment: after the first signature (a "Posted by:" signs the
    comment before it: up to 300 characters before it)."""
    first = _COMMENT_SIGNATURE.search(text)
    back = 300 if first is not None and first.group().startswith("Posted") else 0
    return first is not None and m.end > first.start() - back


_ENTRY_HEADING = re.compile(r"\s*:\s*[A-Z]")


def scheduled_entry(e, texts: dict[str, str]) -> bool:
    """An event drawn as scheduled from a chronology's entry headed by its date, told in a
    headline's present simple ("8 May: Giant metal dome fails to cap leak"), with no word that
    looks ahead ("will", "to" + verb)."""
    for m in e.mentions:
        text = texts[m.document_id]
        head = _ENTRY_HEADING.match(text, m.timex.end)
        if m.status == "scheduled" and head and not re.search(
                r"\b(?:will|'ll|to)\b", re.split(r":", text[head.end():head.end() + 200])[0]):
            return True
    return False


# Session 12: a label that starts with an apposition's tail ("Essex, has been unaccounted for",
# "Col Buck Elton, said there had been"), a range of dates with one end dropped ("dipped 4
# percent between and August"), a chronology entry's date heading a label of another date
# ("2000 Dr Murray opens a practice", "3 November 2011 The case against ...").
_APPOSITION_TAIL = re.compile(r"^(?!(?:He|She|It|They|We|I|But|And|However|Meanwhile|Yet)\b)[^,]{1,60}, "
                              r"(?:has|have|had|is|are|was|were|will|would|said|says|told|can|could|"
                              r"became|did|does|may|might)\b")
_RANGE_HALF = re.compile(r"\b(?:between|from) (?:and|to)\b|\b(?:in|published) and \d")
# A label that opens with a verb, its subject left behind ("Could total as much as $700 billion",
# "Gave no cause of death"), or ends on a word that leaves its phrase open ("... at the age",
# "... in a married couple living" is not caught; "... series of", "... the" are).
_NO_SUBJECT = re.compile(r"^(?:Could|Can|Should|Must|Might|Did|Does|Has|Have|Had|Is|Are|Was|Were|Will|"
                         r"Would|Been|Being|Gave|Told|Found|Saw|Made|Took|Said|Says)\s+[a-z]")
_OPEN_END = frozenset("the a an of to in on at for from with by and or but as than that his her its "
                      "their our into over about around between until age".split())
_DATE_HEADING = re.compile(r"^(?:\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}|\d{4}) (?:The|A|An|Dr|Mr|Mrs|Ms)\b")


# Session 12, round two: a label that only reports ("Xinhua said in a separate report"), one
# label given to events of several dates from one sentence ("The visits of US officials ... " in
# June and in early July), page furniture run into a label ("Help A US report ...", "Cents This
# article was amended", "... 22 April - 15 May Yahoo!", "gallons\/liters"), and a date cut out of
# a word or phrase ("the -19 pandemic" of "1918-19").
_FURNITURE = re.compile(r"^(?:Help|Cents|Advertisement|Related|Share|Close)\s+[A-Z]|\bYahoo!|\\/"
                        r"|\bThis article was (?:amended|corrected)\b|\bApproximate oil locations\b")
_DATE_CUT = re.compile(r"(?:^|\s)-\d|\bover months\b")


# Session 15 (issue #9 item 6): a label that starts inside a quotation without its opening mark
# ('Pandemic committee" will be assembled'), ends on a dash between words ("... Allen Metzger -"),
# opens with an adverb that comments on the sentence before its subject ("Obviously people had
# experienced ..."), reports with only a long phrase of place after the verb ("Kerry said in a
# meeting room in China's legislative building"), or puts a speaker before a fragment ("Officials:
# Who were sick ...", "A Treasury spokesman: Was not true").
_QUOTE_CLOSES_FIRST = re.compile(r"^[^\"“”]*(?:”|(?<=[\w.,!?'’])\"(?=[\s,.;:!?)]|$))")
_DASH_END = re.compile(r"\s[-–—]+$")
_STANCE_START = re.compile(r"^(?:Obviously|Clearly|Apparently|Evidently|Fortunately|Unfortunately|Luckily|Sadly|"
                           r"Hopefully|Surprisingly|Interestingly|Ironically|Naturally|Certainly|Presumably|"
                           r"Actually|Basically|Of course|In fact|Indeed|However|Meanwhile|Moreover|Instead|"
                           r"Nevertheless|Now),?\s+(?!(?:is|are|was|were|has|had|have|will|would|could|can|may|"
                           r"might|be|been)\b)(?![a-z]+(?:ed|ing)\b)[\w'’]+\s")
_SAID_PLACE = re.compile(r"^[^:“\"]{1,80}?\b(?:said|says|told|added|stated|wrote|noted|declared)\s+"
                         r"(?:in|on|at|during|after|before|from|with)\s[^:“\",]+$")
_SPEAKER_FRAGMENT = re.compile(r"^[A-Z][^:“\"]{1,60}: (?:Who|Which|Was|Were|Is|Are|Has|Have|Had|As|When|While|"
                               r"Could|Would|Will|Referring|Describing|Saying|Bringing|Advising|Increasing|"
                               r"Relying|From)\b")


# Session 16 (issue #9 item 6): a label that starts inside a single-quoted phrase without its
# opening mark ("Top kill' operations continued"; not a plural's possessive: "workers' union"),
# and one that starts with a live blog's entry stamp ("1858 Around a dozen US television
# networks ...", "0907 fredodupoux: ...": four digits of a clock, a space, then words; a year
# heading a chronology's line, "1933 Roosevelt gave ...", counts too: read the sample).
_SINGLE_QUOTE_CLOSES_FIRST = re.compile(r"^[^'‘’\"“”]*?[A-Za-z](?<!s)['’](?=[\s,.;:!?]|$)")
_STAMP_START = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s+[A-Za-z\"“]")
# ... and one that keeps a chronology's date heading and its separator ("May 11/12 - Executives
# from BP ...", "April 2010: Blast at ...", "1989: 11m gallons spilt", "Aug. 3: In this image").
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_HEADING_SEP = re.compile(rf"^(?:{_MONTH}(?: \d{{1,2}}(?:[/-]\d{{1,2}})?)?(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?"
                          r"|\d{4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:, [^:]{3,20})?)(?::| [-–—]+) +[A-Z0-9\"“']")


# Session 19 (issue #9 item 6): a label that is only an adverbial phrase or clause that opened
# its sentence, the main clause lost ("With the sealing cap fitted", "Despite efforts to contain
# the leak"; no comma in it); a speaker, a colon and a third-person pronoun ("BP: It would ...",
# "Hayward: They would be pumping ..."; an "It" of "It is unclear ..." counts too: read the
# sample); a label that starts with a closing bracket (") would have badly damaged ..."); a
# quantity's "as" dropped ("Many as 5,000 barrels ...", "Well as statements ...").
_PHRASE_ONLY = re.compile(r"^(?:With|Without|Despite|Amid|After|Before|Following|Once|Until|While|As|When|Since|"
                          r"Although|Though|Because|Having)\s[^,]*$")
_SPEAKER_PRONOUN = re.compile(r"^[^:“\"]{2,60}: (?:He|She|It|They|His|Her|Its|Their)\b")
_BRACKET_START = re.compile(r"^[)\]]")
_AS_DROPPED = re.compile(r"^(?:Many|Much|Few|Little|Well|Soon|Long|Far) as\b")


# Session 20 (issue #9 item 6): a label that is only a prepositional phrase of place, time or
# occasion that opened its sentence ("In an interview", "At a meeting of the National Commission
# ...", "In a statement issued to Fox News"; no comma, colon or auxiliary, modal or reporting
# verb; not a quantity "Over 100 people"), one that is only a span of time from another
# happening ("Two days after the disaster struck", "About seven hours after the attempt began"),
# and a subject that lost the first items of its list ("Paris Hilton, Ben Stiller, | Chris Martin
# and Lindsay Lohan are among ...": the label starts right after a comma that ends a short item
# set off by commas, and joins its own first words with "and").
_PREP_ONLY = re.compile(r"^(?:In|At|On|During|Over|Among|From|Under|Within|Across|Throughout|Inside|Outside|Through|"
                        r"Along|Upon|Beyond|Against|Despite|Amid)\s(?![\d,.]+\b)[^,:;]*$")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|"
                     r"said|says|told|tells)\b")
_TIME_PHRASE = re.compile(r"^(?:(?:About|Some|Nearly|Almost|Just|More than|Less than|Only|Roughly|Around)\s+)?"
                          r"(?:\d+|[A-Za-z]+)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
                          r"(?:after|before)\b[^,]*$")
_ITEM_STOP = frozenset("however meanwhile but and so then now also still yet in on at after before during since when while "
                       "as if with without despite amid for from by under over among earlier later last first".split())


# Session 21 (issue #9 items 4 and 6): a label cut inside what a reporting verb introduces ("Mr
# Obama said the US", "Suttles said he hoped", "... says tar balls"; not an inverted speaker "...
# says BP"), a TV or radio programme's promotion drawn as an event ("watch it on BBC One at 9pm",
# "The Report is on BBC Radio 4 on Thursday"), a label set in capitals ("19 JANUARY, 1815 GMT,
# ENTERING HAITI"), and a label that opens with a bare "It" ("It said its investigation ...").
_REPORT_CUT = re.compile(r"\b(?:said|says|told|say)\s+(?:(?:the|a|an|his|her|its|their|some|many)\s+[\w'’\"“”-]+"
                         r"(?:\s+[\w'’\"“”-]+)?|(?![A-Z])[\w'’\"“”-]+(?:\s+(?![A-Z])[\w'’\"“”-]+)?|(?:he|she|it|they|we|I)\s+(?:hoped|felt|"
                         r"discovered|knew|feared|expected|believed|thought|would|could|will|was|had))$")
_PROMO = re.compile(r"\b(?:watch|listen|iPlayer)\b|\b(?:is|are)\s+(?:broadcast\s+|shown\s+)?on\s+(?:BBC|ITV|Channel|Radio|CNN|Sky)\b"
                    r"|\b(?:BBC (?:One|Two|Three|Four)|Radio \d),\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)
_CAPS = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b")


def _in_caps(label: str) -> bool:
    caps, words = _CAPS.findall(label), re.findall(r"[A-Za-z][A-Za-z'’-]*", label)
    return len(caps) >= 3 and 2 * len(caps) > len(words)


def _prep_only(label: str) -> bool:
    return bool(_PREP_ONLY.match(label)) and not _FINITE.search(label)


def _list_tail(e) -> bool:
    """A label whose subject starts after a comma that ends a list item ("..., Ben Stiller, |
    Chris Martin and Lindsay Lohan are ...")."""
    words = e.label.split()
    if len(words) < 3 or "and" not in words[1:5] or ":" in e.label:
        return False
    head = " ".join(words[:3])
    for m in e.mentions:
        s = " ".join((m.text or "").split())
        i = s.find(head)
        if i < 2 or not s[:i].rstrip().endswith(","):
            continue
        pieces = s[:i].rstrip()[:-1].split(",")
        item = pieces[-1].split()
        if len(pieces) > 1 and 0 < len(item) <= 4 and item[0].lower() not in _ITEM_STOP \
                and not _FINITE.search(pieces[-1]) and not re.search(r"\d", pieces[-1]):
            return True
    return False


def _said_place(label: str) -> bool:
    """A reporting verb followed only by more than six words of place or circumstance, none of
    them a word of a reported clause ("that", "there", "had", "was", ...)."""
    if not _SAID_PLACE.match(label):
        return False
    tail = re.split(r"\b(?:said|says|told|added|stated|wrote|noted|declared)\s+", label, maxsplit=1)[-1]
    words = [w.strip("\"“”'’,.;:").lower() for w in tail.split()]
    return len(words) > 6 and not any(w in _words("reported_clause_words") or re.fullmatch(r"[a-z]{3,}ed", w)
                                      for w in words)  # "said on Saturday a man ... died": a clause


def _shared_labels(events) -> list[str]:
    """Labels given to events of two or more dates, each told by the same sentence."""
    seen: dict[tuple[str, str, int], set[str]] = {}
    for e in events:
        for m in e.mentions:
            seen.setdefault((e.label, m.document_id, m.start), set()).add(e.start[:10])
    return sorted({k[0] for k, dates in seen.items() if len(dates) > 1})


# The families a label's text alone tells, each by its pattern (match: at the label's start;
# search: anywhere in it).
# A video caption read as an event: a name, then a verb of presenting in the simple present
# ("The BBC's Laura Trevelyan explains why ...", "Rory Carroll reports from ..."); the verbs are
# this checkout's kerryview/events/data/clause_rules.json caption_verbs.
_CAPTION_VERBS = json.loads((HERE.parent / "kerryview" / "events" / "data" / "clause_rules.json")
                            .read_text(encoding="utf-8"))["caption_verbs"]["words"]
_VIDEO_CAPTION = re.compile(r"^[^.;:!?\"“”(]{0,80}?[A-Z][\w.'’-]*,? (?:" + "|".join(
    re.escape(w) for w in sorted(_CAPTION_VERBS)) + r") (?!that\b)")
# A label in "…" whose last word is cut from a name or a date, or is a function word: "... into
# New…", "... on 3…", "... into the…".
_NAME_CUT = re.compile(r"(?:\s(?:[A-Z][\w.'’-]*|\d+|the|a|an|of|to|in|on|at|his|her|its|their|and|or|between|into|from|with|by|for))…$")
_LABEL_FAMILIES = (
    ("pronoun", _PRONOUN_START.match),
    ("run_on", _RUN_ON.search),
    ("apposition", _APPOSITION_TAIL.match),
    ("range_half", _RANGE_HALF.search),
    ("date_heading", _DATE_HEADING.match),
    ("no_subject", _NO_SUBJECT.match),
    ("furniture", _FURNITURE.search),
    ("date_cut", _DATE_CUT.search),
    ("quote_open", _QUOTE_CLOSES_FIRST.match),
    ("dash_end", _DASH_END.search),
    ("stance_start", _STANCE_START.match),
    ("speaker_fragment", _SPEAKER_FRAGMENT.match),
    ("single_quote_open", _SINGLE_QUOTE_CLOSES_FIRST.match),
    ("stamp_start", _STAMP_START.match),
    ("heading_sep", _HEADING_SEP.match),
    ("phrase_only", _PHRASE_ONLY.match),
    ("speaker_pronoun", _SPEAKER_PRONOUN.match),
    ("bracket_start", _BRACKET_START.match),
    ("as_dropped", _AS_DROPPED.match),
    ("video_caption", lambda lb: _VIDEO_CAPTION.match(lb) is not None),
    ("name_cut", lambda lb: _NAME_CUT.search(lb) is not None),
    ("prep_only", _prep_only),
    ("time_phrase", _TIME_PHRASE.match),
    ("report_cut", _REPORT_CUT.search),
    ("promo", _PROMO.search),
    ("in_caps", _in_caps),
    ("it_start", lambda lb: re.match(r"It\b(?!['’])", lb) is not None),
)


def families(events, texts: dict[str, str]) -> dict[str, list[str]]:
    """Labels of each failure family: pronoun start, ellipsis, fragment, caption, question,
    year from a clock time, passages run together, a readers' comment, a chronology's entry
    drawn as scheduled."""
    starts = fragment_starts()
    out: dict[str, list[str]] = {k: [] for k in ("pronoun", "ellipsis", "fragment", "caption",
                                                 "question", "clock_year", "run_on", "comment",
                                                 "sched_entry", "apposition", "range_half",
                                                 "date_heading", "no_subject", "open_end",
                                                 "report_only", "shared_label", "furniture", "date_cut",
                                                 "quote_open", "dash_end", "stance_start", "said_place",
                                                 "speaker_fragment", "single_quote_open", "stamp_start",
                                                 "heading_sep", "phrase_only", "speaker_pronoun",
                                                 "bracket_start", "as_dropped", "video_caption", "name_cut",
                                                 "prep_only", "time_phrase", "list_tail",
                                                 "report_cut", "promo", "in_caps", "it_start")}
    out["shared_label"] = _shared_labels(events)
    for e in events:
        lb = e.label
        for name, test in _LABEL_FAMILIES:
            if test(lb):
                out[name].append(lb)
        if lb.endswith("…"):
            out["ellipsis"].append(lb)
        if is_fragment(lb, starts) or _CUT_NUMBER.match(lb):
            out["fragment"].append(lb)
        if any(_CAPTION.search(m.text or "") for m in e.mentions):
            out["caption"].append(lb)
        if lb.rstrip().endswith("?") or any(_QUESTION.search(m.text or "") for m in e.mentions):
            out["question"].append(lb)
        if clock_as_year(e, texts) or any(_entry_clock(m, texts[m.document_id]) for m in e.mentions):
            out["clock_year"].append(lb)
        if any(after_comment(m, texts[m.document_id]) for m in e.mentions):
            out["comment"].append(lb)
        if scheduled_entry(e, texts):
            out["sched_entry"].append(f"{e.start[:10]} {lb}")
        if not lb.endswith("…") and lb.split() and lb.split()[-1].lower().strip("\"“”'’,") in _OPEN_END:
            out["open_end"].append(lb)
        if is_reporting_only(lb):
            out["report_only"].append(lb)
        if _said_place(lb):
            out["said_place"].append(lb)
        if _list_tail(e):
            out["list_tail"].append(lb)
    return out


def _entry_clock(m, text: str) -> bool:
    """A mention dated by "2055:" at a line's or sentence's start read as a year."""
    t = m.timex
    return bool(re.fullmatch(r"(?:[01][0-9]|2[0-3])[0-5][0-9]", t.text or "")) \
        and (t.value or "").startswith(t.text) and text[t.end:t.end + 1] == ":" \
        and bool(_ENTRY_CLOCK.search(text[max(0, t.start - 3):t.start] if t.start else "\n"))


def is_fragment(label: str, starts: set[str]) -> bool:
    """As kerryview.events.labels.is_fragment, with the word lists of this checkout."""
    first = label.split()[:1]
    if first and len(first[0]) > 1 and first[0].isupper():
        return False  # "WHO said ...": an acronym
    words = label.lower().split()
    if not words or words[0].strip(",;:") in starts:
        return True
    quantity = len(words) > 2 and words[2][:1] in "0123456789$£€"  # "more than 500 vessels"
    return len(words) > 1 and f"{words[0]} {words[1]}" in starts and not quantity


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--kerryview", help="the checkout whose kerryview package to measure")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--dump", help="write every event (day, sources, position, label) to this TSV file")
    ap.add_argument("--families", action="store_true",
                    help="print one TSV line of counts per failure family (and examples) only")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from stories import load_folder  # puts this checkout first on sys.path: put the other first
    sys.path.insert(0, args.kerryview or str(HERE.parent))
    from kerryview.dating.datelines import read_dateline
    from kerryview.model import DateSource, DateSourceKind, Document
    from kerryview.pipeline import build_corpus
    arts = load_folder(args.folder)
    docs = [Document(a.id, f"{a.id}.txt", a.text, dct=a.published,
                     dct_source=DateSource(DateSourceKind.PAGE_METADATA, "published.tsv"),
                     dateline=read_dateline(a.text))  # as kerryview.ingest reads a file
            for a in arts]
    events = build_corpus(docs)
    starts = fragment_starts()
    labels = [e.label for e in events]
    frag = [lb for lb in labels if is_fragment(lb, starts)]
    cut = [lb for lb in labels if _CUT_NUMBER.match(lb)]
    dots = [lb for lb in labels if lb.endswith("…")]
    datelines = [lb for lb in labels if is_dateline_label(lb)]
    reporting = [lb for lb in labels if is_reporting_only(lb)]
    run_on = [lb for lb in labels if _RUN_ON.search(lb)]
    texts = {d.id: d.text for d in docs}
    clocks = [e.label for e in events if clock_as_year(e, texts)]
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for e in events:
                pos = ",".join(sorted({m.position or "-" for m in e.mentions}))
                fh.write(f"{e.start[:10]}\t{len(e.document_ids)}\t{pos}\t{e.label}\n")
    if args.families:
        fam = families(events, texts)
        print("folder\tevents\t" + "\t".join(fam))
        print(f"{args.folder}\t{len(events)}\t" + "\t".join(str(len(v)) for v in fam.values()))
        for name, lbs in fam.items():
            for lb in lbs[:args.sample]:
                print(f"# {name}: {lb}")
        return
    print(f"{args.folder}: {len(events)} events; fragment labels {len(frag)} "
          f"({100 * len(frag) / max(1, len(labels)):.1f} %), number cut in half {len(cut)}, "
          f"ending in … {len(dots)} ({100 * len(dots) / max(1, len(labels)):.1f} %)")
    print(f"  date-line labels (' | ', '(Reuters)', a cut clock time): {len(datelines)}")
    print(f"  reporting only: {len(reporting)}; passages run together: {len(run_on)}; "
          f"dated by a clock read as a year: {len(clocks)}")
    for lb in reporting[:8]:
        print("  reporting only:", lb)
    for lb in run_on[:8]:
        print("  run together:", lb)
    for lb in clocks[:5]:
        print("  clock as year:", lb)
    for lb in datelines[:8]:
        print("  date line:", lb)
    for lb in frag[:8]:
        print("  fragment:", lb)
    for lb in cut[:5]:
        print("  cut number:", lb)
    for e in random.Random(9).sample(events, min(args.sample, len(events))):
        print(f"  {e.start[:10]} {len(e.document_ids)}x {getattr(e, 'importance', '-')}: {e.label}")


if __name__ == "__main__":
    main()
