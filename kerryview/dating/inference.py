"""Publication dates (DCT) for every document, from metadata or from the rest of the corpus.

Order of evidence:
1. an explicit date line in the document ("date 2023-07-18", found when the file was read:
   Document.dateline);
2. a date from the page's metadata or set by the user (DateSource.kind says which), kept as is
   (a page's date is taken back to the day of the article's year-less wire dateline when that
   falls up to wire_dateline_page.lag_days before it: the day the story was filed, datelines.wire_day);
3. otherwise the day that best satisfies what the article says of its own day and what the
   pile says of it: constraint satisfaction over candidate days. Each cue of the article
   (dating/cues.py) scores or excludes candidates: full dates reported in the past bound the day
   from below, weekdays fix the day of the week, a month and day without a year takes the year
   that puts it just before; a passage telling the same event as a dated article's passage
   ("met Xie Zhenhua ... on Monday" / "... on July 17") scores the candidates under which it
   lands on that article's day; the dated articles most like it, and the days the pile reports,
   weigh for days near theirs. A year-less wire dateline ("WASHINGTON, May 24 (Reuters) -")
   states the day: its candidates are that month and day in the years its own dates and the
   pile allow, and only its year is inferred. The best day wins; its share of the evidence (a
   softmax over the candidates) says how sure it is, and is shown with the date.
   In waves: the articles sure enough are dated first and become evidence for the others (their
   passages and their days). A wave re-scores only the articles a newly dated one touched (found
   through inverted indexes of passages and of leads, never all pairs), and scoring is
   arithmetic on day numbers: each article is tagged three times in all (under two reference
   dates to read its cues, and under the day it gets).
A document the evidence does not date (nothing of its own ties it to a day, or its best day
holds too little of the evidence) stays undated; with decision.guess on (off by default: a
wrong day misleads more than none) it is given the pile's best guess, said to be one, and
teaches no other article, and one with nothing that ties it to the pile at all (no cue, no
article like it) stays undated even so. Weights and rules: data/inference_cues.json. Nothing
here knows any particular file.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable

from kerryview.cancellation import NEVER, Cancellation
from kerryview.calendar.intervals import Interval, value_interval
from kerryview.dating.cues import (DAY, ELAPSED, MONTH_DAY, PERIOD, REFERENCES, RELATIVE,
                                   WEEKDAY, Cue, Scorer, classify, distinct, month_day_under, rules,
                                   story_phrase_end, weekday, weekday_in)
from kerryview.dating.datelines import YearlessLine, wire_day, yearless_dateline
from kerryview.model import (DECLARED_KINDS, SURENESS_SAID, DateSource, DateSourceKind,
                             Document, Timex)
from kerryview.sources import source_title
from kerryview.text.context import ContextBuilder
from kerryview.text.phrasing import day_words
from kerryview.text.sentences import sentence_spans
from kerryview.text.similarity import Vectorizer, content_terms
from kerryview.text.tense import tense
from kerryview.text.wordlists import event_lists

Tagger = Callable[[str, date | None], list[Timex]]

# the declared dates (model.DECLARED_KINDS) that declared_dct keeps as they were stored: all but
# a date line's, which it reads again from the text (a text without one has none)
KEPT_KINDS = DECLARED_KINDS - {DateSourceKind.STATED_IN_TEXT}
LEAD_CHARS = 1500  # what an article is mostly about: its headline and first paragraphs
LEAD_TERMS = 20
QUERY_TERMS = 16  # a passage is looked up by its weightiest words (as merging's blocking does)
CANDIDATE_WINDOW_DAYS = 8  # a report is published within a week of the events it dates
MAX_CANDIDATES = 400


@dataclass
class _Passage:
    """A dated time expression of a document with the sentence around it."""

    timex_index: int
    sentence: str
    vector: dict[str, float] = field(default_factory=dict)
    tense: str | None = None
    bag: Counter[str] = field(default_factory=Counter)


@dataclass
class _Known:
    """A day-level passage of an already dated document, to match against."""

    doc_id: str
    text: str
    interval: Interval
    vector: dict[str, float]
    timex_index: int = -1


@dataclass
class _Article:
    """An undated document while it is being dated: its cues and what the pile says of it."""

    doc: Document
    timexes: list[Timex]  # under the first reference date: texts and spans of its expressions
    cues: list[Cue]  # every cue, by time expression
    evidence: list[Cue]  # one per distinct reading
    passages: list[_Passage]
    matches: dict[int, list[tuple[float, _Known]]] = field(default_factory=dict)
    neighbours: list[tuple[float, int, str]] = field(default_factory=list)  # (cosine, day, doc id)
    related: bool = False  # its lead is like another article's: it tells the pile's story
    years: list[int] | None = None  # its own years, when its stamp in full puts it outside the
    # pile's (an article of another story in the pile); None: the pile's years
    wire: YearlessLine | None = None  # its year-less wire dateline: its month and day, fixed
    _year_cues: list[Cue] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.by_index = {q.timex_index: q for q in self.cues}
        self._stamped()
        self.fixed = frozenset(q.timex_index for q in self.cues if q.kind == DAY)

    def _stamped(self) -> None:
        """An article with a time stamp at its head is dated by its first stamp alone: the
        dates after it ("This article was amended on 6 May 2010", "A version appeared in
        print on Friday 28 May") are updates and print editions, not news."""
        stamps = [q for q in self.evidence if q.stamp]
        if stamps:
            self.evidence = [min(stamps, key=lambda q: q.day)]

    def unstamp(self) -> None:
        """Its stamps (but those in full, which vouch for themselves) are no stamps."""
        self.cues = [q if q.full else replace(q, stamp=False) for q in self.cues]
        self.evidence = distinct(self.cues)
        self.by_index = {q.timex_index: q for q in self.cues}
        self._year_cues = None
        self._stamped()

    def year_cues(self) -> list[Cue]:
        """The cues that tell the year of a day whose month and day are known (a wire
        dateline's: rule wire_dateline_year): its full dates, the latest month or year it
        names as past (the others are history: what they say, it says more), and its
        year-less dates written with their weekday ("Tuesday, June 8"); not a bare weekday, a
        day counted from today or from the pile's event, a year-less date alone, nor any date
        of the readers' comments under it (kerryview.events.not_events.comments_start: a
        comment is dated when the reader wrote, days or weeks later)."""
        from kerryview.events.not_events import comments_start  # the one reader of comments
        if self._year_cues is None:
            end = comments_start(self.doc.text) or len(self.doc.text)
            own = [q for q in self.evidence if self.timexes[q.timex_index].start < end]
            latest = max((q for q in own if q.kind == PERIOD and q.tense == "past"),
                         key=lambda q: q.day, default=None)
            self._year_cues = [q for q in own if q.kind == DAY or q is latest or q.kind == MONTH_DAY
                               and (q.dateline or weekday_in(self.timexes[q.timex_index].text)
                                    is not None)]
        return self._year_cues

    @property
    def weekdays(self) -> bool:
        return any(q.kind == WEEKDAY for q in self.evidence)

    @property
    def own(self) -> bool:
        """Whether the article says anything that ties it to a stretch of days by itself (a
        year-less wire dateline does, by its own month and day, whatever the tagger makes of
        it: "Feb 29" under a reference year that has none is no date to the tagger)."""
        return self.wire is not None or any(q.kind in (DAY, MONTH_DAY, PERIOD) and q.tense != "future" for q in self.evidence)


def _sentence_of(text: str, contexts: ContextBuilder, t: Timex) -> str:
    i = contexts.sentence_index(t.start)
    if i is not None:
        a, b = contexts.sentences[i]
        return text[a:b]
    return text[max(0, t.start - 100):t.end + 100]


def _day_intervals(timexes: list[Timex]) -> list[Interval | None]:
    out = []
    for t in timexes:
        iv = value_interval(t.value, t.mod) if t.type in ("DATE", "TIME") else None
        out.append(iv if iv and iv.granularity.day_or_finer else None)
    return out


def declared_dct(d: Document) -> None:
    """Set d.dct to the date the document declares (its date line, its page's metadata, the
    user's), or None: what evidence 1 and 2 say, before anything is inferred. A page's date
    a year-less wire dateline puts a day or two later than the story ("WASHINGTON, March 12
    (Xinhua) --" on a page of March 13) gives way to the dateline's day, when the reporter
    wrote the story and its "today" (datelines.wire_day). The page's date is found again from
    what was read of the page (Document.page_date) whatever the article was dated since (a
    resolution's inferred day, none after the user asked to infer it again): it is read, not
    a guess; only the user's own date stands before it."""
    line = d.dateline
    if line is not None:
        d.dct = line.value
        d.dct_source = DateSource(DateSourceKind.STATED_IN_TEXT,
                                  f"stated in the article (“{d.text[line.start:line.end]}”)")
        return
    if d.page_date is not None and not (d.dct is not None
                                        and d.dct_source.kind is DateSourceKind.SET_BY_USER):
        d.dct, d.dct_source = d.page_date.value, d.page_date.source
    if d.dct is not None and d.dct_source.kind == DateSourceKind.PAGE_METADATA \
            and (day := wire_day(wire := yearless_dateline(d.text), d.dct)) is not None \
            and day != d.dct:
        # "WASHINGTON, March 12 (Xinhua) --" on a page of March 13: the day the story was filed,
        # said so (the page does not state it); kept as declared (KEPT_KINDS), so a later
        # resolution keeps it. The head is read once (yearless_dateline), its line reused
        quoted = " ".join(d.text[wire.line_start:wire.end].split())
        years = day.year != d.dct.year  # "filed on 31 December 2010 ... dated 1 January 2011"
        d.dct_source = DateSource(
            DateSourceKind.FILED_PER_DATELINE,
            f"filed on {day_words(day, weekday=False, year=years)} (its dateline “{quoted}”); "
            f"the page is dated {day_words(d.dct, weekday=False, year=years)} "
            f"({d.dct_source.detail})")
        d.dct = day
    elif d.dct is not None and d.dct_source.kind in KEPT_KINDS:
        pass  # declared by the page's metadata when it was read, or set by the user
    else:
        d.dct, d.dct_source = None, DateSource.unknown()


def infer_dcts(docs: list[Document], tag: Tagger,
               cancel: Cancellation = NEVER) -> dict[str, list[Timex]]:
    """Set doc.dct / doc.dct_source for every document; return each document's timexes
    resolved against its final DCT (so callers need not tag again). `cancel` is checked for
    every document and candidate date, so Cancel answers even inside one long article."""
    tagged: dict[str, list[Timex]] = {}
    for d in docs:
        declared_dct(d)
    undated = [d for d in docs if d.dct is None]
    for d in docs:
        if d.dct is not None:
            tagged[d.id] = tag(d.text, d.dct)
    if not undated:
        return tagged
    _Dating(docs, undated, tagged, tag, cancel).run()
    return tagged


def _lead_bag(text: str) -> Counter[str]:
    return content_terms(text[:LEAD_CHARS])


def _top_terms(vector: dict[str, float], n: int) -> dict[str, float]:
    """The n weightiest terms of a unit vector, as a unit vector: what a lead is most about
    (its rare names and figures), which keeps look-ups in a large pile short."""
    top = sorted(vector.items(), key=lambda kv: -kv[1])[:n]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


class _Dating:
    """One run of inference over a pile (see the module's docstring)."""

    def __init__(self, docs: list[Document], undated: list[Document],
                 tagged: dict[str, list[Timex]], tag: Tagger, cancel: Cancellation) -> None:
        self.rules = rules()
        self.scorer = Scorer()
        self.tag, self.cancel, self.tagged = tag, cancel, tagged
        self.names = {d.id: source_title(d) for d in docs}
        self.published_on: dict[str, int] = {}  # the day of each article learnt from (learn)
        # a pile in which no article states its date (issue #9 item 2): what the articles
        # report is all there is to go by (pile_near)
        self.nothing_stated = len(undated) == len(docs)
        self.articles: dict[str, _Article] = {}
        passages: dict[str, list[_Passage]] = {}
        for d in undated:
            cancel.check()
            under = (tag(d.text, REFERENCES[0]), tag(d.text, REFERENCES[1]))
            tenses = [tense(d.text, t.start, t.end) if t.type in ("DATE", "TIME") else None
                      for t in under[0]]
            wire = yearless_dateline(d.text)  # read once: its cues' dateline style too
            cues = classify(under, tenses, d.text, wire)
            passages[d.id] = _passages(d.text, under[0], cancel, tenses)
            self.articles[d.id] = _Article(d, under[0], cues, distinct(cues), passages[d.id],
                                           wire=wire)
        for d in docs:
            if d.id not in passages:
                passages[d.id] = _passages(d.text, tagged[d.id], cancel,
                                           [None] * len(tagged[d.id]))  # their tense is not asked

        # Passages and leads vectorised against corpus-wide IDFs.
        vec = Vectorizer.fit([p.bag for ps in passages.values() for p in ps])
        for ps in passages.values():
            for p in ps:
                p.vector = vec.vector(p.bag)
        lead_bags = {d.id: _lead_bag(d.text) for d in docs}
        lead_vec = Vectorizer.fit(list(lead_bags.values()))
        self.leads = {i: _top_terms(lead_vec.vector(b), LEAD_TERMS) for i, b in lead_bags.items()}

        same_event, same_story = self.rules["same_event"], self.rules["same_story"]
        self.passage_index = _UndatedIndex(
            {(a.doc.id, p.timex_index): p.vector for a in self.articles.values()
             for p in a.passages}, same_event["threshold"])
        self.lead_index = _UndatedIndex({(i, -1): self.leads[i] for i in self.articles},
                                        same_story["threshold"])
        for a in self.articles.values():
            a.matches = {p.timex_index: [] for p in a.passages}
        for d in docs:  # which undated articles tell the pile's story at all
            for doc_id, _, _ in self.lead_index.matches(self.leads[d.id]):
                if doc_id != d.id:
                    self.articles[doc_id].related = True
                    if d.id in self.articles:
                        self.articles[d.id].related = True
        self.changed: set[str] = set(self.articles)
        self.pile = _PileDays(self.rules["pile_span"], list(self.articles.values()),
                              [d.dct.toordinal() for d in docs if d.dct is not None])
        for a in self.articles.values():  # a time stamp outside the pile's years is no stamp,
            # unless written in full ("Monday 4 May 2009 10.22 BST"): then the article is of
            # another story than the pile's, and its own stamp's years are its years
            outside = [q for q in a.cues if q.stamp
                       and date.fromordinal(q.day).year not in self.pile.years]
            if any(not q.full for q in outside):
                a.unstamp()
            full = sorted({date.fromordinal(q.day).year for q in outside if q.full})
            if full:
                a.years = full
        # How many of the pile's articles report each month and day (the story's background).
        reporting: Counter[tuple[int, int]] = Counter()
        for a in self.articles.values():
            reporting.update({_month_day(q) for q in a.evidence
                              if q.kind in (DAY, MONTH_DAY) and q.tense != "future"})
        least = self.rules["reported_day"]["background_pile"]
        self.background = {md: n / max(len(docs), least) for md, n in reporting.items() if n > 1}
        # The days so many of them report that a weekday written as an event's day ("Tuesday's
        # earthquake") names one of them, with the words they tell it in.
        self.scorer.anchor(self._anchors(docs, passages))
        self.passages = passages
        for d in docs:
            if d.dct is not None:
                self.learn(d, tagged[d.id], passages[d.id])
        # A full date means the same day whatever the day of publication: the passages an
        # undated article dates fully ("the quake on 12 January") are evidence from the start.
        for a in list(self.articles.values()):
            self.learn_passages(a.doc.id, _known_of(a.doc.id, a.timexes, a.passages, a.fixed))

    # ------------------------------------------------------------------ evidence from the pile

    def _anchors(self, docs: list[Document],
                 passages: dict[str, list[_Passage]]) -> dict[int, frozenset[str]]:
        """The pile's background days (reported, not announced, by at least least_share of its
        articles, counted as in `background`) and the words that recur in the sentences that
        report each (in at least word_share of them): "earthquake", "Haiti" for 12 January."""
        rule = self.rules["named_weekday"]
        by_day: dict[int, dict[str, list[_Passage]]] = {}
        for a in self.articles.values():
            for p in a.passages:
                q = a.by_index.get(p.timex_index)
                if q is not None and q.tense != "future":
                    day = self.pile.day_of(q)
                    if day is not None:
                        by_day.setdefault(day, {}).setdefault(a.doc.id, []).append(p)
        for d in docs:
            if d.dct is not None:
                for day, p in _reported_by_dated(d, self.tagged[d.id], passages[d.id]):
                    by_day.setdefault(day, {}).setdefault(d.id, []).append(p)
        least = self.rules["reported_day"]["background_pile"]
        out = {}
        for day, by_doc in by_day.items():
            if len(by_doc) < 2 or len(by_doc) / max(len(docs), least) < rule["least_share"]:
                continue
            said = [set(p.bag) for ps in by_doc.values() for p in ps]
            counts = Counter(w for bag in said for w in bag)
            out[day] = frozenset(w for w, n in counts.items()
                                 if n >= 2 and n >= rule["word_share"] * len(said))
        return out

    def learn(self, d: Document, timexes: list[Timex], ps: list[_Passage],
              skip: frozenset[int] = frozenset()) -> None:
        """A dated document's passages (but those in `skip`, learnt already) and its lead
        become evidence for the undated ones they match."""
        day = d.dct.toordinal()
        self.published_on[d.id] = day
        if not self.articles:
            return  # nothing left to date
        self.learn_passages(d.id, [k for k in _known_of(d.id, timexes, ps)
                                   if k.timex_index not in skip])
        keep = self.rules["same_story"]["neighbours"]
        for doc_id, _, score in self.lead_index.matches(self.leads[d.id], skip=d.id):
            a = self.articles.get(doc_id)
            if a is not None:
                a.neighbours.append((score, day, d.id))
                a.neighbours.sort(reverse=True)
                del a.neighbours[keep:]
                self.changed.add(doc_id)

    def learn_passages(self, source: str, known: list[_Known]) -> None:
        for k in known:
            self.cancel.check()
            for doc_id, i, score in self.passage_index.matches(k.vector, skip=source):
                a = self.articles.get(doc_id)
                if a is not None:
                    a.matches[i].append((score, k))
                    self.changed.add(doc_id)

    # ------------------------------------------------------------------ the waves

    def run(self) -> None:
        decision = self.rules["decision"]
        results: dict[str, _Best] = {}
        for _ in range(decision["max_waves"]):
            for doc_id in sorted(self.changed):
                a = self.articles.get(doc_id)
                if a is not None:
                    results[doc_id] = self.best(a)
            self.changed.clear()
            sure = [r for r in results.values() if r.dct is not None and r.doc_id in self.articles
                    and r.share >= decision["wave_sure" if self.own_day(self.articles[r.doc_id], r)
                                            else "wave_sure_weak"]
                    and _beats_rival(r, decision)  # a day the last wave would leave undated
                    and self.may_date(r)]  # (a rival too close, a reported day alone) teaches no other article
            if not sure:
                break
            for r in sorted(sure, key=lambda r: r.doc_id):
                self.date(self.articles[r.doc_id], r)
                del results[r.doc_id]
        for doc_id, a in sorted(self.articles.items()):  # a wire dateline's year: the pile's
            if doc_id in self.changed or a.wire is not None:  # dated days have grown since
                results[doc_id] = self.best(a)
        for doc_id, a in sorted(self.articles.items()):
            r = results.get(doc_id)
            if r is not None and r.dct is not None and r.share >= decision["least_share"] \
                    and _beats_rival(r, decision) and self.may_date(r):
                self.date(a, r, learn=False)
            elif decision["guess"] and (r := self.guess(a, r)) is not None:
                self.date(a, r, learn=False)  # a guess teaches no other article
            else:
                self.tagged[doc_id] = self.tag(a.doc.text, None)
                if a.wire is not None:
                    a.doc.dct_source = DateSource(DateSourceKind.UNKNOWN,
                                                  _no_wire_year(a, r, self.wire_years(a)))
                elif r is not None and r.dct is not None and not self.may_date(r):
                    a.doc.dct_source = DateSource(DateSourceKind.UNKNOWN,
                                                  _only_reported(a, r, self.scorer))
                elif r is not None and r.dct is not None:  # a best day, not sure enough
                    a.doc.dct_source = DateSource(DateSourceKind.UNKNOWN,
                                                  _not_sure(r, decision))
        self.articles.clear()

    def date(self, a: _Article, r: _Best, learn: bool = True) -> None:
        if r.rests_on == "reported" and self.pile_near(r.dct.toordinal()):
            r = replace(r, rests_on="span")  # a day of a pile of a few days' news (may_date)
        d = a.doc
        timexes = self.tag(d.text, r.dct)
        d.dct, self.tagged[d.id] = r.dct, timexes
        d.dct_source = DateSource(DateSourceKind.INFERRED, r.explanation(a, self.names,
                                                                           self.scorer))
        del self.articles[d.id]
        self.passage_index.remove(d.id)
        self.lead_index.remove(d.id)
        if learn:
            self.learn(d, timexes, self.passages[d.id], a.fixed)
            self.pile.published(r.dct.toordinal())

    # ------------------------------------------------------------------ one article

    def candidates(self, a: _Article, guess: bool = False) -> list[int]:
        """Days within a week after the article's own dates and the days of the passages it
        matches; near the days of the articles most like it; and, for an article of the pile's
        story that says only weekdays (or any article when guessing), the days the pile covers.
        An article with a year-less wire dateline: its month and day in the years it may be
        of (wire_days)."""
        if a.wire is not None:
            return self.wire_days(a)[0]
        w = CANDIDATE_WINDOW_DAYS
        days: set[int] = set()
        years = self.years_of(a)
        for q in a.evidence:
            if self.background_day(q):
                continue  # the story's event (20 April), told by every article: no window
            if q.kind == DAY:
                days.update(range(q.day - w, q.day + 1) if q.tense == "future" or q.foot
                            else range(q.day, q.day + w))
            elif q.kind == MONTH_DAY:
                for y in years:
                    try:
                        e = date(y, q.month, q.mday).toordinal()
                    except ValueError:
                        continue
                    days.update(range(e - w, e + w))
        days.update(self.retold_window(a, years))
        for i, ms in a.matches.items():
            for _, k in ms:
                s = k.interval.start.date().toordinal()
                if not self.background_ordinal(s):
                    days.update(range(s - 1, s + w))
        for q in a.evidence:  # "Tuesday's earthquake": the week after the pile's earthquake;
            for b in self.scorer.anchored(q):  # "ten days after the earthquake": that day on
                days.update(range(b + q.lo, b + 7 + q.hi))
        for _, day, _ in a.neighbours:
            days.update(range(day - 3, day + 4))
        if a.related or guess:
            days.update(self.pile.busy_days())
        days = {c for c in days if 1 <= c <= date.max.toordinal()}
        if years:  # "available until 1 Jan 2099" in a pile of 2009: no publication day
            lo, hi = _year_start(years[0] - 1), _year_start(years[-1] + 2)
            days = {c for c in days if lo <= c < hi}
        if len(days) > MAX_CANDIDATES:  # spread over years: the days the pile is busiest on
            days = set(sorted(days, key=lambda c: -self.pile.weight(c))[:MAX_CANDIDATES])
        return sorted(days)

    def retold_window(self, a: _Article, years: list[int]) -> set[int]:
        """The days up to retold_day.window_days after the latest day an article reports in
        its running text, in each year it may be of (rule retold_day): a date written out in
        a sentence (not a stamp, dateline, caption, comment or listing, nor the story's
        background day, nor a date in full at the head, where the page's own date stands:
        "29 September 2011 Last updated at 17:57 GMT", unless a preposition puts it in a
        sentence: "happened on the 20th April 2010") is most often of an event days or weeks old, so those days are
        candidates too, and the share of the reported day itself is what it is worth."""
        rule = self.rules["retold_day"]
        if not rule["on"]:
            return set()
        head = self.rules["head_stamp"]["head_chars"]
        latest: dict[int, int] = {}  # year -> the latest day reported in it
        for q in a.evidence:
            if q.kind not in (DAY, MONTH_DAY) or q.tense == "future" or self.background_day(q) \
                    or q.stamp or q.dateline or q.caption or q.foot or q.listing \
                    or a.timexes[q.timex_index].start < head \
                    and not _after_preposition(a.doc.text, a.timexes[q.timex_index].start, rule["page_words"]):
                continue  # (at the head, a date with or without its year: "Thursday 29 July Last updated ...")
            for d in ([q.day] if q.kind == DAY else
                      [e for y in years if (e := _ordinal_in(y, q.month, q.mday)) is not None]):
                y = date.fromordinal(d).year
                latest[y] = max(latest.get(y, d), d)
        last = date.max.toordinal()  # (no day after 9999-12-31)
        return {c for d in latest.values() for c in range(d, min(d + rule["window_days"], last) + 1)}

    def wire_days(self, a: _Article) -> tuple[list[int], dict[str, Cue]]:
        """The days a year-less wire dateline may be (rule wire_dateline_year): its month and
        day in the years the article's year cues give (each, the one before and the one
        after), in the pile's years (likewise) and in the years its articles are dated in or
        report often enough (wire_dateline_pile_year.least_share of the busiest). Of those, the days its own full
        dates allow: not more than slack_days before the latest one it reports as past, nor
        more than slack_days after the first one it announces, and putting each year-less
        date it gives with a weekday ("Tuesday, June 8", the nearest such date) on that
        weekday; the bounds that leave no day are dropped, the weekdays first. Also the cues
        that rule a day out ("past", "future", "weekday"), to say where its year came from."""
        w = a.wire
        slack = self.rules["wire_dateline_year"]["slack_days"]
        pile_year = self.rules["wire_dateline_pile_year"]
        years = self.wire_years(a)
        # a year next to the pile's only: when the pile's days reach the day (its run-on into
        # January, its run-up in December), not as the one year that has a 29 February
        days = sorted(d for y in years | {x + k for x in self.years_of(a) for k in (-1, 1)}
                      if (d := _ordinal_in(y, w.month, w.day)) is not None and
                      (y in years or self.pile.year_score(d, pile_year["in_years"],
                                                          pile_year["run_up_days"])
                       > self.pile.rule["outside"]))
        told = a.year_cues()
        past = [q for q in told if q.kind == DAY and q.tense == "past"]
        future = [q for q in told if q.kind == DAY and q.tense == "future"]
        named = [(q, n) for q in told if q.kind == MONTH_DAY and not q.dateline
                 and (n := weekday_in(a.timexes[q.timex_index].text)) is not None]
        bounds: dict[str, Cue] = {}
        if past:
            bounds["past"] = max(past, key=lambda q: q.day)
        if future:
            bounds["future"] = min(future, key=lambda q: q.day)
        if named:
            bounds["weekday"] = named[0][0]

        def allowed(c: int, kinds: tuple[str, ...]) -> bool:
            if "past" in kinds and "past" in bounds and c < bounds["past"].day - slack:
                return False
            if "future" in kinds and "future" in bounds and c > bounds["future"].day + slack:
                return False
            return "weekday" not in kinds or all(
                (d := month_day_under(q.month, q.mday, c, None)) is None or weekday(d) == n
                for q, n in named)

        for kinds in (("past", "future", "weekday"), ("past", "future"), ("past",), ()):
            kept = [c for c in days if allowed(c, kinds)]
            if kept:
                return kept, {k: q for k, q in bounds.items() if k in kinds
                              and any(not allowed(c, (k,)) for c in days)}
        return [], {}

    def wire_years(self, a: _Article) -> set[int]:
        """The years an article's year-less wire dateline may be of by what tells a year: its
        year cues' years (each, the one before and the one after), the pile's years, and the
        years its articles are dated in or report often enough (wire_dateline_pile_year.
        least_share of the busiest)."""
        years: set[int] = set()
        for q in a.year_cues():
            if q.kind in (DAY, PERIOD):
                y = date.fromordinal(q.day).year
                years.update((y - 1, y, y + 1))
        years.update(self.years_of(a))
        most = max(self.pile.by_year.values(), default=0)
        share = self.rules["wire_dateline_pile_year"]["least_share"]
        years.update(y for y, n in self.pile.by_year.items() if n > 0 and n >= share * most)
        return years

    def wire_cue(self, q: Cue, c: int) -> float:
        """The score of a wire dateline's day c by one of its article's year cues: as any
        cue scores it, but a full date told as past up to slack_days after the dateline (a
        print edition's date, a reader's comment) is no evidence against it (wire_days
        allows it)."""
        if q.kind == DAY and q.tense == "past" and \
                0 < q.day - c <= self.rules["wire_dateline_year"]["slack_days"]:
            return 0.0
        return self.scorer.cue(q, c, self.background)

    def wire_year_from(self, a: _Article, c: int, cands: list[int]) -> str:
        """Where the year of a wire dateline's day c came from, in a reporter's words: the
        article's own words when its dates leave no other year, or its dates with a year score
        c above every other year by wire_dateline_year.own_margin (the date that tells it is
        named); else the pile's articles (the years they are dated in or name)."""
        _, bounds = self.wire_days(a)
        told = [q for q in a.year_cues() if q.kind in (DAY, PERIOD)] + (
            [bounds["weekday"]] if "weekday" in bounds else [])
        rivals = [y for y in cands if y != c]
        q = None
        if not rivals:  # its own bounds left this year alone
            q = bounds.get("weekday") or bounds.get("past") or bounds.get("future")
        elif told:
            def ahead(x: Cue) -> float:  # how much better c is than the best other year, by x
                return self.wire_cue(x, c) - max(self.wire_cue(x, y) for y in rivals)
            own = sum(self.wire_cue(x, c) for x in told)
            if all(own - sum(self.wire_cue(x, y) for x in told)
                   >= self.rules["wire_dateline_year"]["own_margin"] for y in rivals):
                q = max(told, key=ahead)
            elif len(self.names) == 1:  # a pile of its own: its years are the pile's
                q = max((x for x in told if x.day <= c), key=lambda x: x.day, default=None)
        if q is not None:
            words = " ".join(a.timexes[q.timex_index].text.split())
            if q is bounds.get("weekday"):
                d = month_day_under(q.month, q.mday, c, None)  # as wire_days reads it
                how = f"on a {date.fromordinal(d):%A} that year"
            else:
                how = "as still to come" if q.tense == "future" else "as past"
            return f"its own words: it gives “{words}” {how}"
        own = "" if told else " (it names no year itself)"
        before = [d for d in self.pile.days if d <= c]
        if self.pile.weight(c) > 0.0 and before:
            return (f"the other articles{own}: it puts the day among their days (the nearest "
                    f"on or before it: {day_words(date.fromordinal(max(before)))})")
        first, w = self.pile.run_up(c, self.rules["wire_dateline_pile_year"]["run_up_days"])
        if first is not None and w > 0.0:
            return (f"the other articles{own}: it puts the day just before their days, in the "
                    f"story's run-up (the first after it: {day_words(date.fromordinal(first))})")
        counts = self.pile.others_years(a)  # the years of the pile, not of its own history
        most = sorted((y for y in counts if counts[y] > 0), key=lambda y: -counts[y])[:3]
        year = date.fromordinal(c).year
        named = f"of the years they are dated in or report (most: {', '.join(map(str, most))})"
        if most and year == most[0]:
            return f"the other articles{own}: {named}, the one with most of their dates"
        return f"the other articles{own}: {named}, the likeliest for the day"

    def best(self, a: _Article, guess: bool = False) -> _Best:
        """The best candidate day; `guess`: also when the article has no evidence of its own
        (among the pile's busiest days and its neighbours' days)."""
        cands = self.candidates(a, guess)
        if not cands or not (guess or self.has_evidence(a)):
            return _Best(a.doc.id, None, 0.0, 0.0, [])
        ev = self.rules["same_event"]["weight"]
        story = self.rules["same_story"]
        # a wire dateline's day is fixed: of its own words, those that tell a year score
        evidence = a.evidence if a.wire is None else a.year_cues()
        hits_at: dict[int, list[tuple[int, _Known, float]]] = {}
        scores: list[float] = []
        for c in cands:
            self.cancel.check()
            s = (self.scorer.total(evidence, c, self.background) if a.wire is None
                 else sum(self.wire_cue(q, c) for q in evidence))
            agreeing = []
            for i, ms in a.matches.items():
                if not ms:
                    continue
                q = a.by_index.get(i)
                if q is None or q.kind == DAY:
                    continue
                d = q.day_under(c)
                if d is None:
                    continue
                hit = max(((sc, k) for sc, k in ms if _within(d, k.interval)),
                          key=lambda h: h[0], default=None)
                if hit is not None:
                    s += ev * hit[0]
                    agreeing.append((i, hit[1], hit[0]))
            if a.neighbours:
                s += story["weight"] * math.log(self._story(a, c, story))
            if a.wire is not None:  # its day is fixed: the pile tells only its year
                pile_year = self.rules["wire_dateline_pile_year"]
                s += self.pile.year_score(c, pile_year["in_years"], pile_year["run_up_days"])
            elif a.years is None:  # (the pile's days say nothing of another story's article)
                s += self.pile.score(c)
            scores.append(s)
            if agreeing:
                hits_at[c] = agreeing
        top = max(scores)
        z = sum(math.exp(s - top) for s in scores)
        k = next(i for i, s in enumerate(scores) if s >= top - 1e-9)  # the earliest best day
        c = cands[k]
        if not guess and not a.own and c not in hits_at and not (a.related and a.weekdays) \
                and not self.anchored(a):
            return _Best(a.doc.id, None, 0.0, 0.0, [])
        # the likeliest day two or more days from it: a rival the reader would be misled by (the
        # day before or after is within a day); a wire dateline's years are not weighed so
        away = self.rules["decision"]["rival_days"]
        far_at, far = None, None
        for x, sc in zip(cands, scores):
            if abs(x - c) >= away and (far is None or sc > far):
                far_at, far = x, sc
        rival = math.exp(far - top) / z if far is not None and a.wire is None else 0.0
        tied = [date.fromordinal(x).year for x, s in zip(cands, scores) if s >= top - 1e-9]
        if a.wire is not None and len(tied) > 1 and not guess:  # nothing tells its years apart
            return _Best(a.doc.id, None, 0.0, 0.0, [], tied=tuple(tied))
        year_from = self.wire_year_from(a, c, cands) if a.wire is not None else ""
        return _Best(a.doc.id, date.fromordinal(c), top, 1.0 / z, hits_at.get(c, []),
                     year_from=year_from, rival=rival,
                     rival_day=date.fromordinal(far_at) if rival else None,
                     rests_on=_rests_on(a, c, hits_at.get(c, []), self.scorer))

    def guess(self, a: _Article, r: _Best | None) -> _Best | None:
        """The pile's best guess for an article the evidence does not date: its best day when
        one was found, however little of the evidence it holds; else the day the articles most
        like it and the pile's busiest days point to, its weekdays choosing among them. None
        when nothing ties it to the pile (no weekday or date of its own, no article like it).
        Said to be a guess with the date."""
        if r is None or r.dct is None:
            if not (a.related or a.neighbours or a.weekdays):
                return None
            r = self.best(a, guess=True)
        return replace(r, guess=True) if r.dct is not None else None

    def pile_near(self, c: int) -> bool:
        """Whether more than decision.reported_day_pile_share of the pile's days (_PileDays.days:
        its dated articles' days as dated now, and the latest day each undated one reports)
        fall within a day of day c, one of them a dated article's: a pile of a few days' news
        (a visit, a summit), in which a day an article reports is that news, not history. In
        a pile in which no article states its date (nothing_stated), no dated article is
        asked for: the days its articles report are all there is, but at least
        decision.reported_day_pile_least of them must be near c, and a date then given is
        said to be of low certainty (decision.sureness)."""
        days = self.pile.days
        if not self.nothing_stated and not any(abs(d - c) <= 1 for d in self.published_on.values()):
            return False
        near = sum(n for d, n in days.items() if abs(d - c) <= 1)
        if self.nothing_stated and near < self.rules["decision"]["reported_day_pile_least"]:
            return False  # one or two articles recalling a day ("Ten years ago, on January 12,
            # 2010, ...") are no pile of that day's news: the article's own day is all of it
        return near > self.rules["decision"]["reported_day_pile_share"] * sum(days.values())

    def may_date(self, r: _Best) -> bool:
        """Whether a best day may be given by what it rests on: not one that rests only on a
        day the article reports (decision.date_by_reported_day: off, that day bounds the
        publication from below and says nothing of how long after it the article appeared),
        unless the pile is of that day's news (pile_near, asked when the day is given: the
        pile's days grow from wave to wave)."""
        return (r.rests_on != "reported" or self.rules["decision"]["date_by_reported_day"]
                or self.pile_near(r.dct.toordinal()))

    @staticmethod
    def own_day(a: _Article, r: _Best) -> bool:
        """Whether the article's own words name the day it is given, or the day before (its
        stamp, its dateline, a date it reports): then it may teach the others as soon as it is
        sure (decision.wave_sure); one dated by weekdays, the pile or other articles' passages
        must be surer (wave_sure_weak), for its mistakes would spread."""
        if a.wire is not None:  # its dateline's month and day
            return True
        c = r.dct.toordinal()
        for q in a.evidence:
            if q.tense == "future":
                continue
            d = q.day if q.kind == DAY else month_day_under(q.month, q.mday, c, "past") \
                if q.kind == MONTH_DAY else None
            if d is not None and 0 <= (d - c if q.foot else c - d) <= 1:
                return True
        return False

    def background_day(self, q: Cue) -> bool:
        """Whether a reported date is the story's background: a month and day so many of the
        pile's articles report (reported_day.background_window of them) that it says nothing
        of when one of them was published (the day of the explosion)."""
        if q.kind not in (DAY, MONTH_DAY) or q.tense == "future" or q.stamp or q.caption \
                or q.dateline or q.foot or q.listing:
            return False
        return self._background(_month_day(q))

    def background_ordinal(self, day: int) -> bool:
        x = date.fromordinal(day)
        return self._background((x.month, x.day))

    def _background(self, md: tuple[int, int]) -> bool:
        return self.background.get(md, 0.0) >= self.rules["reported_day"]["background_window"]

    def years_of(self, a: _Article) -> list[int]:
        """The years an article may be published in: the pile's, or those its own stamp in
        full gives it when they are not the pile's."""
        return self.pile.years if a.years is None else a.years

    def has_evidence(self, a: _Article) -> bool:
        """Something of its own ties the article to a day: a date it reports, a passage that
        tells a dated event, weekdays in an article of the pile's story (placed by the pile),
        or the story's event named by its weekday ("Tuesday's earthquake"). Being like other
        articles alone is not enough: a story runs for weeks."""
        return (a.own or any(a.matches.values()) or (a.related and a.weekdays)
                or self.anchored(a))

    def anchored(self, a: _Article) -> bool:
        return any(self.scorer.anchored(q) for q in a.evidence)

    @staticmethod
    def _story(a: _Article, c: int, story: dict) -> float:
        kernel = story["kernel"]
        total = sum(s for s, _, _ in a.neighbours)
        mass = 0.0
        for s, day, _ in a.neighbours:
            k = abs(c - day)
            mass += s * (kernel[k] if k < len(kernel) else story["within_month"] if k <= 31 else 0.0)
        return story["floor"] + mass / total


def _after_preposition(text: str, start: int, page_words: list[str] = ()) -> bool:
    """Whether the word before position `start` (an article "the" aside) is a preposition
    (events/data/lead_rules.json prepositions): "on 20 April 2010", "since the 22nd April" put
    the date in a sentence that reports it; not after one of `page_words` ("Published on 29
    July 2010": the page's own date, retold_day page_words)."""
    words = text[max(0, start - 40):start].lower().split()
    if words and words[-1] == "the":
        words.pop()
    if len(words) >= 2 and words[-2].strip(":,") in page_words:
        return False
    return bool(words) and words[-1] in event_lists("lead_rules.json")["prepositions"]


def _reported_by_dated(d: Document, timexes: list[Timex],
                       ps: list[_Passage]) -> list[tuple[int, _Passage]]:
    """The days up to its own that a dated article reports (its date line aside), each with
    its passage."""
    out = []
    own = d.dct.toordinal()
    skip = (d.dateline.start, d.dateline.end) if d.dateline is not None else (0, 0)
    ivs = _day_intervals(timexes)
    for p in ps:
        iv = ivs[p.timex_index] if p.timex_index < len(ivs) else None
        if iv is not None and not (skip[0] <= timexes[p.timex_index].start < skip[1]):
            day = iv.start.date().toordinal()
            if day <= own:
                out.append((day, p))
    return out


def _month_day(q: Cue) -> tuple[int, int]:
    if q.kind == MONTH_DAY:
        return q.month, q.mday
    d = date.fromordinal(q.day)
    return d.month, d.day


def _within(day: int, iv: Interval) -> bool:
    return iv.start.date().toordinal() <= day < max(iv.end.date().toordinal(),
                                                    iv.start.date().toordinal() + 1)


class _PileDays:
    """When a pile's articles were most likely published: first its years (the year its
    articles' dates fall in most, and the years next to it that they also fill: a story runs
    on into the next year, while the history it recalls is spread over the years before), then its days (each article's
    latest reported day within those years, and the dated articles' days), smoothed over the
    month after each."""

    def __init__(self, rule: dict, articles: list[_Article], dated: list[int]) -> None:
        self.rule = rule
        by_year: Counter[int] = Counter()
        for day in dated:
            by_year[date.fromordinal(day).year] += rule["dated_weight"]
        for a in articles:
            for q in a.evidence:
                if q.kind in (DAY, PERIOD):
                    by_year[date.fromordinal(q.day).year] += 1 if q.kind == DAY else rule["period_weight"]
        self.years: list[int] = []
        self.top_year: int | None = None
        self.by_year = by_year
        if by_year:
            self.top_year, top = max(by_year.items(), key=lambda kv: (kv[1], kv[0]))
            lo = hi = self.top_year
            while by_year.get(lo - 1, 0) >= top * rule["year_before_share"]:
                lo -= 1
            while by_year.get(hi + 1, 0) >= top * rule["year_after_share"]:
                hi += 1
            self.years = list(range(lo, hi + 1))
        self.days: Counter[int] = Counter()
        for day in dated:
            self.days[day] += rule["dated_weight"]
        for a in articles:
            latest = self.latest(a)
            if latest is not None:
                for day, w in latest:
                    self.days[day] += w
        self._smooth: dict[int, float] | None = None
        self._run_on_years: list[int] | None = None

    def others_years(self, a: _Article) -> Counter[int]:
        """by_year without what article a's own dates add to it (its history's years are not
        the pile's)."""
        out = Counter(self.by_year)
        for q in a.evidence:
            if q.kind in (DAY, PERIOD):
                out[date.fromordinal(q.day).year] -= 1 if q.kind == DAY else self.rule["period_weight"]
        return out

    def published(self, day: int) -> None:
        """An article of the pile is dated (sure enough to teach the others): its day is one
        the pile's articles are published on."""
        self.days[day] += self.rule["dated_weight"]
        self.by_year[date.fromordinal(day).year] += self.rule["dated_weight"]
        self._smooth = None

    def latest(self, a: _Article) -> list[tuple[int, float]] | None:
        """The latest day an article reports within the pile's years (a month and day without
        a year: in the pile's year, when it has only one; not in an article with a wire
        dateline, whose year is what is asked: its day counts once it is dated)."""
        reported = [q.day for q in a.evidence if q.kind == DAY and q.tense != "future"
                    and date.fromordinal(q.day).year in self.years]
        best = max(reported) if reported else None
        if len(self.years) == 1 and a.wire is None:  # over several years, its year is unknown
            for q in a.evidence:
                if q.kind == MONTH_DAY and q.tense != "future":
                    d = _ordinal_in(self.top_year, q.month, q.mday)
                    if d is not None and (best is None or d > best):
                        best = d
        return None if best is None else [(best, 1.0)]

    def day_of(self, q: Cue) -> int | None:
        """The day a reported date names within the pile's years (a month and day without a
        year: in the pile's year, when it has only one)."""
        if q.kind == DAY:
            return q.day if date.fromordinal(q.day).year in self.years else None
        if q.kind == MONTH_DAY and len(self.years) == 1:
            return _ordinal_in(self.top_year, q.month, q.mday)
        return None

    def smooth(self) -> dict[int, float]:
        if self._smooth is None:
            r, out = self.rule, Counter()
            for e, n in self.days.items():
                for k in range(-r["before_days"], r["after_days"] + 1):
                    out[e + k] += n * (r["first_week"] if k < 7 else r["later"])
            top = max(out.values(), default=1.0)
            self._smooth = {d: v / top for d, v in out.items()}
        return self._smooth

    def weight(self, c: int) -> float:
        return self.smooth().get(c, 0.0)

    def score(self, c: int) -> float:
        """Days outside the pile's stretch are unlikely; within it, busier days a little likelier."""
        if not self.years:
            return 0.0
        w = self.weight(c)
        if w <= 0.0 or date.fromordinal(c).year not in self.years:
            return self.rule["outside"]
        return self.rule["weight"] * math.log(self.rule["floor"] + w)

    def year_score(self, c: int, in_years: float, run_up_days: int = 0) -> float:
        """For a day whose month and day are fixed (a wire dateline's: rule
        wire_dateline_pile_year), where only its year is asked: among the pile's days (within
        the month after any of them, whatever its year: the story runs on into January; or up
        to `run_up_days` before one: its run-up in December) as score() says (a run-up day as
        the pile's day it leads to); in a year the pile's articles are dated in or report but
        away from their days, `in_years`, less the log of how many fewer of their dates that
        year holds than their busiest year; else unlikely."""
        if not self.by_year:
            return 0.0
        w = max(self.weight(c), self.run_up(c, run_up_days)[1])
        if w > 0.0:
            return self.rule["weight"] * math.log(self.rule["floor"] + w)
        year = date.fromordinal(c).year
        if self.by_year[year] <= 0:
            return self.rule["outside"]
        return in_years + math.log(self.by_year[year] / max(self.by_year.values()))

    def run_up(self, c: int, days: int) -> tuple[int | None, float]:
        """The first of the pile's days up to `days` after day c (c in the story's run-up) and
        the weight c takes from it: that day's, falling off with the days between them to none
        past `days`; (None, 0.0) when there is none, or when the pile's days reach the same
        month and day of another year (the story running on into it beats its run-up)."""
        after = [d for d in self.days if 0 < d - c <= days]
        if not after or self.runs_on_to(c):
            return None, 0.0
        first = min(after)
        return first, self.weight(first) * (days + 1 - (first - c)) / days

    def runs_on_to(self, c: int) -> bool:
        """Whether the pile's smoothed days (the month after each of them) reach day c's month
        and day in another year than c's."""
        if self._run_on_years is None:
            self._run_on_years = sorted({date.fromordinal(d).year for d in self.smooth()})
        day = date.fromordinal(c)
        return any(self.weight(o) > 0.0 for y in self._run_on_years if y != day.year
                   and (o := _ordinal_in(y, day.month, day.day)) is not None)

    def busy_days(self) -> list[int]:
        return [d for d, v in self.smooth().items() if v >= self.rule["busy"]]


def _year_start(year: int) -> int:
    return date(min(max(year, 1), date.max.year), 1, 1).toordinal()


def _ordinal_in(year: int, month: int, mday: int) -> int | None:
    try:
        return date(year, month, mday).toordinal()
    except ValueError:
        return None


@dataclass
class _Best:
    """The best candidate publication date of a document (None: no evidence of its own),
    its score, its share of the evidence, and the passages that agree with a dated article's
    there (index of the time expression, the known passage, the similarity)."""

    doc_id: str
    dct: date | None
    score: float
    share: float
    agreeing: list[tuple[int, _Known, float]]
    guess: bool = False  # given although the evidence does not date it (decision.guess)
    year_from: str = ""  # where a wire dateline's year came from (_Dating.wire_year_from)
    tied: tuple[int, ...] = ()  # the years a wire dateline may be, equally (left undated)
    rival: float = 0.0  # the share of the likeliest day two or more days from it (decision.rival_ratio)
    rival_day: date | None = None  # that day
    rests_on: str = "pile"  # what the day rests on (_rests_on): how sure it is said to be

    def explanation(self, a: _Article, names: dict[str, str] | None = None,
                    scorer: Scorer | None = None) -> str:
        """The sentence shown to the user; `names` are the other articles as a reporter names
        them (kerryview/sources.source_title)."""
        c = self.dct.toordinal()
        if a.wire is not None:
            line = " ".join(a.doc.text[a.wire.line_start:a.wire.end].split())
            why = (f"day taken from its wire dateline “{line}”; the year {self.dct.year} from "
                   f"{self.year_from}")
        elif self.agreeing:
            i, k, s = max(self.agreeing, key=lambda h: h[2])
            t = a.timexes[i]
            name = (names or {}).get(k.doc_id, "another article")
            why = (f"date taken from the other articles: “{' '.join(t.text.split())}” here is "
                   f"{day_words(k.interval.start.date())}, the day {name} gives for the same "
                   f"event; {len(self.agreeing)} passage"
                   f"{'s agree' if len(self.agreeing) != 1 else ' agrees'}")
        else:
            said = _telling_cues(a, c, scorer)
            if said and not any(q.kind == DAY for q in a.evidence):
                # its weekdays and year-less dates are placed in the pile's weeks and years
                why = ("date taken from the other articles' days and the article's own words: "
                       + "; ".join(said))
            elif said:
                why = "date taken from the article's own dates: " + "; ".join(said)
            elif a.neighbours:
                s, day, doc_id = a.neighbours[0]
                why = (f"date taken from the articles most like it, such as "
                       f"{(names or {}).get(doc_id, 'another article')} "
                       f"({day_words(date.fromordinal(day))})")
            else:
                why = "date taken from the days the other articles cover"
        decision = rules()["decision"]
        label = decision["guess_label"] if self.guess else sureness(self.share, self.rests_on)
        return (f"{why} ({SURENESS_SAID}{label}, {round(100 * self.share)} % of the evidence "
                f"on this day)")


def sureness(share: float, rests_on: str) -> str:
    """How sure an inferred day is, as the user is told: by what it rests on (_rests_on) and
    its share of the evidence, calibrated on the development piles (decision.sureness): a
    day the page itself names is seldom wrong whatever its share, one the pile's weeks give
    often is, however large its share."""
    labels = rules()["decision"]["sureness"][rests_on]
    return next(name for least, name in labels if share >= least)


def _rests_on(a: _Article, c: int, agreeing: list[tuple[int, _Known, float]],
              scorer: Scorer) -> str:
    """What day c of article a rests on, the surest first (decision.sureness says what each
    is worth): "page", what the page says of its own day (its time stamp, its dateline,
    a photo caption's or a transcript's date, a listing, its first reader's comment, a wire
    dateline) puts it there or the day before; "passage", a passage telling the same event as
    a dated article's names it through a weekday or a relative day ("on Monday" = 17 July; a
    passage's year-less date, "20 April", agrees with every day of the year after it and names
    none); "reported", a day the article reports ("on Sept. 30", "four days after the
    earthquake") is that day or the day before: published then, or days or weeks later (a
    feature, a retrospective), nothing of its own says which ("span" when it is dated all the
    same, in a pile of a few days' news: _Dating.pile_near); "weekday", its weekdays fall on
    it or the day before, placed in the pile's weeks; else "pile", the articles like it and
    the pile's busy days."""
    if a.wire is not None:
        return "page"
    told: set[str] = set()
    for q in a.evidence:
        if q.tense == "future" and not (q.foot or q.listing):
            continue
        if q.kind == DAY or q.kind == MONTH_DAY:
            ahead = q.foot or q.listing  # on or before the page's day: the day or the day after
            d = q.day if q.kind == DAY else month_day_under(q.month, q.mday, c,
                                                            "future" if ahead else "past")
            if d is None or not 0 <= (d - c if ahead else c - d) <= 1:
                continue
            if q.stamp or q.caption or q.dateline or ahead:
                return "page"
            told.add("reported")
        elif q.kind == WEEKDAY and (d := q.day_under(c)) is not None and 0 <= c - d <= 1:
            told.add("weekday")
        elif q.kind == ELAPSED and any(0 <= c - d <= 1 for d in scorer.anchored(q)):
            told.add("reported")
    if any(a.by_index[i].kind in (WEEKDAY, RELATIVE) for i, _, _ in agreeing if i in a.by_index):
        return "passage"
    return next((k for k in ("reported", "weekday") if k in told), "pile")


def _no_wire_year(a: _Article, r: _Best | None, years: set[int] = frozenset()) -> str:
    """Why an article with a year-less wire dateline is left undated: the dateline gives its
    day, nothing gives its year surely enough (`years`: those the article and the pile point
    to, none of which may have the day: 29 February)."""
    w = a.wire
    line = " ".join(a.doc.text[w.line_start:w.end].split())
    day = day_words(date(2000, w.month, w.day), weekday=False, year=False)  # 2000: 29 February
    if r is not None and r.tied:
        years_said = ", ".join(str(y) for y in r.tied[:-1]) + f" and {r.tied[-1]}"
        return (f"not found: its wire dateline “{line}” gives the day, {day}, but not the year: "
                f"nothing in the article or the other articles tells {years_said} apart")
    if (r is None or r.dct is None) and years and \
            all(_ordinal_in(y, w.month, w.day) is None for y in years):
        named = sorted(years)
        said = ", ".join(map(str, named[:-1])) + (" or " if len(named) > 1 else "") + str(named[-1])
        return (f"not found: its wire dateline “{line}” gives the day, {day}, but not the year, "
                f"and the {'year' if len(named) == 1 else 'years'} the article and the other "
                f"articles point to ({said}) {'has' if len(named) == 1 else 'have'} no {day}")
    if r is None or r.dct is None:
        return (f"not found: its wire dateline “{line}” gives the day, {day}, but not the year, "
                f"and neither the article nor the other articles name one")
    return (f"not found: its wire dateline “{line}” gives the day, {day}, but not the year, and "
            f"no year stands out (the likeliest, {r.dct.year}, holds {round(100 * r.share)} % "
            f"of the evidence)")


def _beats_rival(r: _Best, decision: dict) -> bool:
    """Whether the best day's share is at least decision.rival_ratio times its rival's (the
    likeliest day two or more from it): else the two days compete, and neither is said."""
    return r.share >= decision["rival_ratio"] * r.rival


def _not_sure(r: _Best, decision: dict) -> str:
    """Why an article with a best day is left undated, as the articles table says it: its
    best day holds less than decision.least_share of the evidence (spread over many days), or
    less than rival_ratio times a day two or more from it (the two days that compete)."""
    share = f"{round(100 * r.share)} %"
    if r.share >= decision["least_share"] and r.rival_day is not None and not _beats_rival(r, decision):
        first, second = sorted([(r.dct, share), (r.rival_day, f"{round(100 * r.rival)} %")])
        return (f"not found: two days compete, {day_words(first[0])} ({first[1]} of the "
                f"evidence) and {day_words(second[0])} ({second[1]}), and nothing in the "
                f"article or the other articles tells which")
    return (f"not found: the evidence is spread over many days; the likeliest, "
            f"{day_words(r.dct)}, holds only {share} of it")


def _only_reported(a: _Article, r: _Best, scorer: Scorer) -> str:
    """Why an article whose best day rests only on a day it reports is left undated (rule
    decision.date_by_reported_day), naming what it reports."""
    said = _telling_cues(a, r.dct.toordinal(), scorer)
    told = f" ({'; '.join(said)})" if said else ""
    return (f"not found: the only day it ties itself to is one it reports{told}: it may have "
            f"been published that day or weeks later, and nothing in it says which")


def _telling_cues(a: _Article, c: int,
                  scorer: Scorer | None = None) -> list[str]:
    """What in the article points at day c, in a reporter's words (at most three); `scorer`
    knows the pile's days a cue names through its story's event (Scorer.anchored)."""
    out: list[str] = []
    seen: set[str] = set()
    for q in a.cues:
        t = a.timexes[q.timex_index]
        words = " ".join(t.text.split())
        if words.lower() in seen:
            continue
        days = sorted(d for d in scorer.anchored(q) if d <= c + q.hi) if scorer else []
        if days:  # "Tuesday's earthquake", "ten days after the earthquake"
            seen.add(words.lower())
            phrase = " ".join(a.doc.text[t.start:story_phrase_end(a.doc.text, t, scorer.event_words(q))].split())
            out.append(f"“{phrase}” is {day_words(date.fromordinal(days[-1]))}"
                       + (", the day of the pile's event" if q.kind == WEEKDAY else ""))
        elif q.foot:
            if 0 <= q.day - c <= 1:
                seen.add(words.lower())
                when = "that day" if q.day == c else "the day after"
                out.append(f"its first reader's comment is dated “{words}” ({when})")
        elif q.dateline:
            d = month_day_under(q.month, q.mday, c, "past")
            if d is not None and 0 <= c - d <= 1:
                seen.add(words.lower())
                when = "filed that day" if d == c else "filed the day before"
                out.append(f"its dateline “{words}” ({when})")
        elif q.kind in (DAY, MONTH_DAY) and q.tense != "future":
            d = q.day if q.kind == DAY else month_day_under(q.month, q.mday, c, q.tense)
            if d is not None and 0 <= c - d <= 1:
                seen.add(words.lower())
                when = "the same day" if d == c else "the day before"
                out.append(f"it reports “{words}” ({when})")
        elif q.kind == WEEKDAY and q.tense != "future":
            d = q.day_under(c)
            if d is not None and 0 <= c - d <= 1:
                seen.add(words.lower())
                out.append(f"“{words}” is {'that day' if d == c else 'the day before'}")
        if len(out) == 3:
            break
    return out


def _passages(text: str, timexes: list[Timex], cancel: Cancellation = NEVER,
              tenses: list[str | None] | None = None) -> list[_Passage]:
    """The dated passages of one text, each with the tense around its time expression (the
    tagger's reading of it, so that a date the tagger put in the past counts as past here;
    `tenses` when they are known already)."""
    contexts = ContextBuilder(text, sentence_spans(text), timexes)
    out = []
    for i, t in enumerate(timexes):
        cancel.check()
        if t.type in ("DATE", "TIME"):
            out.append(_Passage(i, _sentence_of(text, contexts, t),
                                tense=tenses[i] if tenses is not None else tense(text, t.start, t.end),
                                bag=contexts.terms(t.start)))
    return out


class _UndatedIndex:
    """Vectors of undated documents (their passages, or their leads), with an inverted index:
    which of them a vector of a dated document matches (cosine >= threshold).

    Exact, without reading every posting of the story's common words (MaxScore, as search
    engines do): the query's words are taken in order of the most they can add (weight x the
    largest weight in their postings); once the words left cannot add up to the threshold, a
    vector not met yet cannot reach it, so the rest only completes the scores of those met,
    from their own vectors. The common words ("oil", "spill") weigh least and come last."""

    def __init__(self, vectors: dict[tuple[str, int], dict[str, float]], threshold: float) -> None:
        self.vectors = dict(vectors)
        self.threshold = threshold
        self.dated: set[str] = set()
        self._build()

    def _build(self) -> None:
        # term -> document -> (passage, weight): a document's own postings are skipped at
        # once, so an article repeating one dated sentence is not matched against itself.
        self.postings: dict[str, dict[str, list[tuple[int, float]]]] = {}
        for (doc_id, i), vector in self.vectors.items():
            for term, w in vector.items():
                self.postings.setdefault(term, {}).setdefault(doc_id, []).append((i, w))
        self.max_weight = {t: max(w for ps in by_doc.values() for _, w in ps)
                           for t, by_doc in self.postings.items()}
        self.live = len({doc_id for doc_id, _ in self.vectors})

    def remove(self, doc_id: str) -> None:
        """The document is dated: its vectors are no longer looked for. The index is built
        again without them once they are half of it (dating gets cheaper as it proceeds)."""
        self.dated.add(doc_id)
        if len(self.dated) * 2 > self.live:
            self.vectors = {k: v for k, v in self.vectors.items() if k[0] not in self.dated}
            self.dated = set()
            self._build()

    def matches(self, vector: dict[str, float],
                skip: str | None = None) -> list[tuple[str, int, float]]:
        """The indexed vectors whose cosine with `vector` reaches the threshold, counting the
        query's QUERY_TERMS weightiest words only (the rest could add little, and reading
        their long postings is what made look-ups grow with the pile); none of document
        `skip` (the query's own: its passages are evidence for the others only)."""
        top = sorted(vector.items(), key=lambda kv: -kv[1])[:QUERY_TERMS]
        bounds = sorted(((w * self.max_weight[t], t, w) for t, w in top
                         if t in self.max_weight), reverse=True)
        left = sum(b for b, _, _ in bounds)
        scores: dict[tuple[str, int], float] = {}
        k = 0
        while k < len(bounds) and left >= self.threshold:  # a new vector can still match
            b, term, w = bounds[k]
            for doc_id, ps in self.postings[term].items():
                if doc_id != skip and doc_id not in self.dated:
                    for i, pw in ps:
                        key = (doc_id, i)
                        scores[key] = scores.get(key, 0.0) + w * pw
            left -= b
            k += 1
        # Complete the scores word by word from the vectors themselves, dropping one as soon
        # as what is left could not lift it to the threshold.
        reach = self.threshold - 1e-9  # the bounds are sums of floats
        alive = {key: s for key, s in scores.items() if s + left >= reach}
        for b, term, w in bounds[k:]:
            left -= b
            alive = {key: s2 for key, s in alive.items()
                     if (s2 := s + w * self.vectors[key].get(term, 0.0)) + left >= reach}
            if not alive:
                break
        return [(doc_id, i, s) for (doc_id, i), s in alive.items() if s >= self.threshold]


def _known_of(doc_id: str, timexes: list[Timex], ps: list[_Passage],
              only: frozenset[int] | None = None) -> list[_Known]:
    """The day-level passages of a document (those of `only`, if given) under `timexes`."""
    ivs = _day_intervals(timexes)
    return [_Known(doc_id, p.sentence, ivs[p.timex_index], p.vector, p.timex_index)
            for p in ps if p.timex_index < len(ivs) and ivs[p.timex_index] is not None
            and (only is None or p.timex_index in only)]
