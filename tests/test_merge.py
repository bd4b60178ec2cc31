"""Merging mentions into events (kerryview.events.merge) on small texts written here."""
from kerryview.dating.datelines import read_dateline
from kerryview.events.mentions import find_mentions
from kerryview.events.merge import merge
from kerryview.model import DateSource, DateSourceKind, Document, Event
from kerryview.timex import tag


def _events(texts: dict[str, str], clauses: bool | str = False) -> list[Event]:
    """Each text starts with its date line ("date 2023-07-18 ..."), which dates it; with
    `clauses`, the clause events find_mentions finds with it (kerryview.events.clauses)."""
    found, dcts = [], {}
    for doc_id, text in texts.items():
        line = read_dateline(text)
        doc = Document(id=doc_id, path=doc_id, text=text, dct=line.value, dateline=line,
                       dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
        found.extend(find_mentions(doc, tag(text, doc.dct), dct_clauses=clauses))
        dcts[doc_id] = doc.dct.isoformat()
    return merge(found, dcts)


def _with(events: list[Event], word: str) -> list[Event]:
    return [e for e in events if any(word in m.text for m in e.mentions)]


def test_the_same_passage_on_the_same_day_is_one_event():
    events = _events({
        "a": "date 2023-07-18 Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on July 17.",
        "b": "date 2023-07-19 On Monday, Kerry met Xie Zhenhua at the Beijing Hotel for nearly 12 hours.",
    })
    [event] = _with(events, "Xie")
    assert event.value == "2023-07-17" and event.document_ids == ["a", "b"]
    assert event.conflicts == []


def test_different_events_on_the_same_day_stay_apart():
    events = _events({
        "a": "date 2023-07-18 Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on July 17.",
        "b": "date 2023-07-18 Heavy floods swept through Zhuozhou on July 17, cutting power to "
             "thousands of homes.",
    })
    assert sorted(e.document_ids for e in events) == [["a"], ["b"]]
    assert [e.value for e in events] == ["2023-07-17", "2023-07-17"]


def test_nearly_identical_passages_a_few_days_apart_are_one_event_with_the_disagreement():
    events = _events({
        "a": "date 2023-07-18 Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on July 17.",
        "b": "date 2023-07-19 Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on July 15.",
        "c": "date 2023-07-19 Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on Monday.",
    })
    [event] = _with(events, "Xie")
    assert event.value == "2023-07-17"  # two sources against one
    assert event.document_ids == ["a", "b", "c"]
    assert event.conflicts == ["b dates it Saturday 15 July 2023 (“July 15”), not Monday 17 July 2023"]


def test_opposite_words_are_listed_as_a_conflict():
    events = _events({
        "a": "date 2023-07-18 Climate talks between the US and China were suspended last August "
             "after a visit by Nancy Pelosi to Taiwan.",
        "b": "date 2023-07-18 Climate talks between the US and China resumed last August after "
             "a visit by Nancy Pelosi to Taiwan.",
    })
    [event] = _with(events, "Pelosi")
    assert event.document_ids == ["a", "b"]
    assert event.conflicts == ["a says “suspended”, b says “resumed”"]


def test_a_month_stays_a_month_and_a_year_agrees_with_a_month_inside_it():
    events = _events({
        "a": "date 2023-07-18 Climate talks between the US and China were suspended in August 2022 "
             "after a visit by Nancy Pelosi to Taiwan.",
        "b": "date 2023-07-18 Climate talks between the US and China were suspended in 2022 "
             "after a visit by Nancy Pelosi to Taiwan.",
    })
    [event] = _with(events, "Pelosi")
    assert event.document_ids == ["a", "b"]
    assert (event.value, event.start, event.end) == ("2022-08", "2022-08-01", "2022-09-01")
    assert event.conflicts == []  # the year and the month inside it agree
    [year_only] = _events({"b": "date 2023-07-18 Climate talks between the US and China were "
                                "suspended in 2022 after a visit by Nancy Pelosi to Taiwan."})
    assert (year_only.value, year_only.start, year_only.end) == ("2022", "2022-01-01", "2023-01-01")


def test_an_approximate_month_and_the_month_after_it_are_one_event():
    """"nearly a year ago" (July 2022, approximate) reaches into August: the time sweep that
    chose the pairs to compare stopped at July's end and never compared them."""
    events = _events({
        "a": "date 2023-07-18 Climate talks between the US and China were suspended last August "
             "after a visit by Nancy Pelosi to Taiwan.",
        "b": "date 2023-07-18 Climate talks between the US and China were suspended nearly a "
             "year ago after a visit by Nancy Pelosi to Taiwan.",
    })
    [event] = _with(events, "Pelosi")
    assert event.document_ids == ["a", "b"]
    assert event.value == "2022-08" and event.conflicts == []


def test_the_same_arrival_in_two_time_zones_is_one_event():
    events = _events({
        "a": "date 2023-07-18 The Airbus A380 of Singapore Airlines landed in Sydney at "
             "12:30 EST on Tuesday after its first commercial flight.",
        "b": "date 2023-07-18 The Airbus A380 of Singapore Airlines landed in Sydney at "
             "16:30 UTC on Tuesday after its first commercial flight.",
    })
    [event] = _with(events, "A380")
    assert event.document_ids == ["a", "b"]
    assert event.conflicts == []


def test_different_instants_in_two_time_zones_stay_a_disagreement():
    """12:30 EST in July (Eastern time, UTC-4) is 16:30 UTC: an hour before 17:30 UTC, so the
    sources disagree."""
    events = _events({
        "a": "date 2023-07-18 The Airbus A380 of Singapore Airlines landed in Sydney at "
             "12:30 EST on Tuesday after its first commercial flight.",
        "b": "date 2023-07-18 The Airbus A380 of Singapore Airlines landed in Sydney at "
             "17:30 UTC on Tuesday after its first commercial flight.",
    })
    [event] = _with(events, "A380")
    assert event.document_ids == ["a", "b"]
    assert len(event.conflicts) == 1


def test_a_zoned_evening_and_the_next_day_in_papers_of_that_zone_disagree():
    """Two Washington papers: 8 p.m. EDT on Tuesday is 00:00 UTC on Wednesday, but a paper in
    Washington's zone that says "on Wednesday" means its own Wednesday: a disagreement of
    dates, shown (kerryview does not know a paper's zone, so no day is read as UTC's)."""
    events = _events({
        "a": "date 2010-06-16 WASHINGTON - President Obama addressed the nation from the Oval "
             "Office at 8 p.m. EDT on Tuesday, promising that BP would pay for the spill.",
        "b": "date 2010-06-16 WASHINGTON - President Obama addressed the nation from the Oval "
             "Office on Wednesday, promising that BP would pay for the spill.",
    })
    [event] = _with(events, "Oval")
    assert event.document_ids == ["a", "b"]
    assert len(event.conflicts) == 1 and "Wednesday 16 June" in event.conflicts[0]


def test_a_day_and_a_zoned_time_on_that_day_are_one_event():
    events = _events({
        "a": "date 2023-07-19 The first A380 flight of Singapore Airlines left Singapore for "
             "Sydney on Tuesday with 455 passengers.",
        "b": "date 2023-07-19 The first A380 flight of Singapore Airlines left Singapore for "
             "Sydney on Tuesday at 18:00 UTC with 455 passengers.",
    })
    [event] = _with(events, "A380")
    assert event.document_ids == ["a", "b"]
    assert event.conflicts == []
    assert event.value == "2023-07-18T18:00"  # the finer date of the two


def test_opposite_words_are_said_once_per_pair_of_articles_and_fast_on_repeats():
    """Each article's first word of each side is compared: an article repeating "resumed"
    16,000 times made this quadratic (52 s CPU); a pair of articles is named once, not again
    reversed ("b says “resumed”, a says “suspended”" after "a says … b says …")."""
    from types import SimpleNamespace

    from kerryview.events.merge import _opposite_words

    def item(doc, word):
        m = SimpleNamespace(document_id=doc, text=f"talks {word}", start=0,
                            trigger_start=6, trigger_end=6 + len(word))
        return SimpleNamespace(mention=m)

    group = [item("a", "suspended"), item("b", "resumed"), item("a", "suspended")]
    assert _opposite_words(group) == ["a says “suspended”, b says “resumed”"]
    many = [item("b", "resumed") for _ in range(20_000)] + [item("a", "suspended")]
    assert _opposite_words(many) == ["b says “resumed”, a says “suspended”"]


# -- one happening told in one sentence at two precisions (merge.join_same_words) ----------
def test_a_sentence_telling_a_happening_and_its_report_is_one_event_at_the_happenings_date():
    """'Xinhua said ... on July 18' dates the report of Xi's words, 'earlier this week' the
    words (his reporting verb, 'reiterated', is in his event's label: the happening told):
    one event, of the week, even though the report's day is finer."""
    events = _events({
        "a": "date 2023-07-19 Speaking at a conference earlier this week, Chinese President Xi "
             "Jinping reiterated the country's unwavering commitment to tackling climate change, "
             "Xinhua said in a separate report on July 18.",
    })
    [event] = _with(events, "Xi Jinping")
    assert event.value == "2023-W29"
    assert sorted(m.timex.value for m in event.mentions) == ["2023-07-18", "2023-W29"]
    assert event.conflicts == []  # the report's day is no date of the happening


def test_the_day_a_meeting_was_reported_does_not_date_the_meeting():
    """'state media reported on Wednesday' dates the report: the meeting keeps 'this week'
    (the editor's rule: the date of a report is not the date of what it reports)."""
    events = _events({"a": "date 2023-07-20 Kerry met Xie Zhenhua in Beijing this week, state "
                           "media reported on Wednesday."}, "news")
    [event] = _with(events, "Xie Zhenhua")
    assert event.value == "2023-W29" and event.label == "Kerry met Xie Zhenhua in Beijing"
    assert sorted(m.timex.value for m in event.mentions) == ["2023-07-19", "2023-W29"]
    assert event.conflicts == []


WORK = ("U.S. climate envoy John Kerry said more work was needed{} to reach agreements with "
        "China on major climate issues, after three days of talks in Beijing.")


def test_one_sentence_with_two_dates_sets_aside_only_its_own_report_day():
    """Four articles of July 19 tell Kerry's words, one of them 'more work was needed this
    year' (a sentence with two dates: the join's). The other three date the event by their
    publication in sentences of one date: each a source's date, kept (merge.happening_dates:
    only the two-date sentence's report day is set aside). ('Kerry said', which the label
    holds, is besides the happening told on the publication's day, not a report of it.)"""
    texts = {"a": "date 2023-07-19\n\nKerry wraps up talks\n\n" + WORK.format(" this year")}
    for k in "bcd":
        texts[k] = "date 2023-07-19\n\nKerry ends Beijing visit\n\n" + WORK.format("")
    [event] = _with(_events(texts, "news"), "more work")
    assert event.document_ids == ["a", "b", "c", "d"]
    assert {m.timex.value for m in event.mentions} == {"2023", "2023-07-19"}
    assert event.value == "2023-07-19" and event.conflicts == []


def _item(value, dated_by="time expression", doc="a", text="Kerry said more work was needed",
          trigger="", label=None):
    from kerryview.calendar.intervals import value_interval
    from kerryview.events.merge import Item
    from kerryview.model import EventMention, Timex
    at = text.find(trigger) if trigger else None
    m = EventMention(doc, 0, len(text), text, Timex(0, 0, "", "DATE", value), dated_by=dated_by,
                     trigger_start=at, trigger_end=None if at is None else at + len(trigger))
    return Item(m, label or text, value_interval(value), {}, "2023-07-19")


def test_a_reporting_verb_its_label_holds_dates_the_happening_however_it_is_dated():
    """dates_a_report asks the same of a mention dated by publication and one dated by a
    time expression: a reporting verb its label holds ('Kerry said ...') is the happening
    told, one it does not ('..., state media reported') the report; any other word
    dated by publication is the statement of the day (a report), by a time expression
    the happening."""
    from kerryview.events.merge import dates_a_report
    said = "Kerry said more work was needed"
    reported = "Kerry met Xie Zhenhua in Beijing this week, state media reported"
    for dated_by in ("publication", "time expression"):
        assert not dates_a_report(_item("2023-07-19", dated_by, text=said, trigger="said"))
        assert dates_a_report(_item("2023-07-19", dated_by, text=reported, trigger="reported",
                                    label="State media: Kerry met Xie Zhenhua in Beijing"))
    assert dates_a_report(_item("2023-07-19", "publication", text=said, trigger="needed"))
    assert not dates_a_report(_item("2023", text=said, trigger="needed"))


def test_only_a_sentence_giving_two_dates_has_its_report_day_set_aside():
    """a's sentence gives the publication's day and 'this year'; b's and c's only the
    publication's: only a's day is set aside (merge.happening_dates), and the event is of
    the day the three articles agree on."""
    from kerryview.events.merge import happening_dates, make_event
    report, year = _item("2023-07-19", "publication"), _item("2023")
    others = [_item("2023-07-19", "publication", doc=d) for d in "bc"]
    assert happening_dates([report, year]) == [year]
    assert happening_dates([report, year] + others) == [year] + others
    assert make_event([report, year] + others).value == "2023-07-19"
    assert happening_dates(others) == others


def test_a_sentence_after_a_wire_dateline_is_one_sentence_for_the_join():
    """The clause event of the sentence starts at the wire dateline, the time expression's
    passage after it (kerryview.events.mentions): one sentence, so one event."""
    events = _events({"a": "date 2019-03-12\n\nTrade talks\n\nWASHINGTON, March 12 (Xinhua) "
                           "-- Chinese and U.S. officials held talks on trade on Tuesday, a "
                           "spokesman said."}, "news")
    [event] = _with(events, "officials held talks")
    assert {m.dated_by for m in event.mentions} == {"publication", "time expression"}
    assert len({m.start for m in event.mentions if not m.position == "headline"}) == 2
    assert event.value == "2019-03-12"


def test_overlapping_passages_of_a_document_are_one_sentence():
    from kerryview.events.merge import sentence_index
    from kerryview.model import EventMention, Timex

    def m(doc, a, b):
        return EventMention(doc, a, b, "", Timex(a, a, "", "DATE", "2019"))

    where = sentence_index([m("a", 30, 139), m("a", 63, 139), m("a", 0, 28), m("a", 139, 150),
                            m("b", 63, 139), m("a", 145, 160)])
    assert where == {("a", 0, 28): ("a", 0), ("a", 30, 139): ("a", 30),
                     ("a", 63, 139): ("a", 30), ("a", 139, 150): ("a", 139),
                     ("a", 145, 160): ("a", 139), ("b", 63, 139): ("b", 63)}


LOUISIANA = ("date 2010-05-27\n\nOil reaches the Louisiana marshes\n\nOil from the leaking "
             "well reached the marshes of Louisiana, officials said on Wednesday. The company "
             "said it would pay for the clean-up. BP chief executive Tony Hayward yesterday "
             "visited the scene of the environmental disaster in Port Fourchon in southern "
             "Louisiana, where he said he was absolutely gutted that the crude oil had started "
             "to wash ashore.")


def test_a_clause_dated_by_publication_joins_the_time_expression_a_day_before():
    """'Hayward yesterday visited ...' gives a mention dated 'yesterday' and a clause event
    dated by the article's publication (kerryview.events.clauses): one visit, the day
    before. The publication's day is the report's, which no source gave the visit: no
    disagreement."""
    [event] = _with(_events({"a": LOUISIANA}, "news"), "Port Fourchon")
    assert event.value == "2010-05-26"
    assert sorted(m.dated_by for m in event.mentions) == ["publication", "time expression"]
    assert event.conflicts == []


def test_two_happenings_of_one_sentence_in_other_words_or_on_far_dates_stay_apart():
    events = _events({
        "a": "date 2023-07-18 The Beijing Hotel, which opened its new wing in 2019, hosted the "
             "climate envoys of China and the United States on Monday.",
        "b": "date 2023-07-18 Straw was lobbied by Sir Mark Allen, a former MI6 officer, on "
             "15 October 2010 and again on 9 November 2010.",
    })
    assert len(_with(events, "Beijing Hotel")) == 2
    assert sorted(e.value for e in _with(events, "Straw")) == ["2010-10-15", "2010-11-09"]


def test_the_same_words_with_another_verb_stay_apart():
    from kerryview.events.merge import Said, told_alike
    told = Said.of  # (a label and its trigger)
    assert told_alike(told("The talks in Beijing had been constructive but complicated", "talks"),
                      told("Kerry: The talks in Beijing this week had been constructive but "
                           "complicated", "told")) is not None
    # "Shares in BP, which rose this morning, have risen again": two rises
    assert told_alike(told("Shares in BP Amoco rose sharply", "rose"),
                      told("Shares in BP Amoco, which rose sharply, have risen again",
                           "risen")) is None
    assert told_alike(told("Shares in BP Amoco rose sharply", "rose"),
                      told("Shares in BP Amoco, which rose sharply, rose again", "rose")) is not None
    # a background phrase alone: too few words shared
    assert told_alike(told("President Barack Obama said it was brutally unfair", ""),
                      told("President Barack Obama has been criticised", "criticised")) is None


def test_a_sentence_giving_many_dates_joins_nothing():
    """A sentence whose mentions give more than SAME_WORDS_DATES dates is a list (a CV,
    a chronology) whose labels are fragments of it: nothing in it is joined."""
    from kerryview.events.clauses import merge_weights
    from kerryview.events.merge import SAME_WORDS_DATES, build_items, cluster, join_same_words
    line = read_dateline(LOUISIANA)
    doc = Document(id="a", path="a", text=LOUISIANA, dct=line.value, dateline=line,
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    found = find_mentions(doc, tag(LOUISIANA, doc.dct), dct_clauses="news")
    clusters = cluster(build_items(found, {"a": "2010-05-27"}, vectorizer=merge_weights(found)))
    assert len(join_same_words(clusters)) == len(clusters) - 2  # the visit and the lead's
    assert len(join_same_words(clusters, told_in=lambda s: SAME_WORDS_DATES)) == \
        len(clusters) - 2
    assert join_same_words(clusters, told_in=lambda s: SAME_WORDS_DATES + 1) == clusters


def test_a_duration_dates_no_happening_against_the_report_day():
    """In one sentence, a publication-dated clause and 'this week' (a date of the happening):
    the week; the clause and 'for the past two months' (how long, not when): both dates, the
    finer chosen as before (merge.happening_dates)."""
    from datetime import datetime
    from kerryview.calendar.intervals import Granularity, Interval, value_interval
    from kerryview.events.merge import Item, happening_dates
    from kerryview.model import EventMention, Timex

    def item(value, kind="DATE", dated_by="time expression", interval=None):
        m = EventMention("a", 0, 80, "Oil has been leaking ...", Timex(0, 0, "", kind, value),
                         dated_by=dated_by)
        return Item(m, "Oil has been leaking", interval or value_interval(value), {}, "2010-06-20")

    report = item("2010-06-20", dated_by="publication")
    week = item("2010-W24")
    months = item("P2M", "DURATION", interval=Interval(datetime(2010, 4, 20), datetime(2010, 6, 21),
                                                       Granularity.DAY))
    assert happening_dates([report, week]) == [week]
    assert happening_dates([report, months]) == [report, months]


def test_an_event_is_named_by_the_clause_of_its_happening_not_by_a_report_of_it():
    """A joined event whose most typical mention reports what a source said ("Xinhua: Chinese
    President Xi Jinping reiterated ...") takes the label of a mention that tells the same
    happening as a clause of who did what (merge._label_item, labels.label_rank); a report
    stays when no mention says the same plainly, or when what was said is a judgement ("The
    talks had been constructive": an editor keeps who said it)."""
    from kerryview.events.merge import make_event
    report = "Xinhua: Chinese President Xi Jinping reiterated the country's \"unwavering\" commitment"
    plain = "Chinese President Xi Jinping reiterated the country's \"unwavering\" commitment to tackling climate change"
    other = "Chinese officials met the visiting delegation at the Great Hall"
    assert make_event([_item("2023-07-18", label=report), _item("2023-07-18", doc="b", label=plain)]).label == plain
    assert make_event([_item("2023-07-18", label=report), _item("2023-07-18", doc="b", label=other)]).label == report
    opinion = "Kerry: The talks in Beijing had been constructive but complicated"
    bare = "The talks in Beijing had been constructive but complicated"
    assert make_event([_item("2023-07-17", label=opinion), _item("2023-07-17", doc="b", label=bare)]).label == opinion
    # a fragment or a label that only says someone spoke gives way as a report does
    frag = "Was forced down its blown-out well"
    assert make_event([_item("2010-08-04", label=frag),
                       _item("2010-08-04", doc="b", label="BP said mud forced down its blown-out well was holding")]
                      ).label.startswith("BP said mud")


def test_the_ranks_of_labels_that_name_a_happening():
    from kerryview.events.labels import HAPPENING, NO_HAPPENING, REPORT, label_rank
    assert label_rank("Chinese President Xi Jinping reiterated the country's commitment") == HAPPENING
    assert label_rank("The U.S.-China climate talks had been suspended") == HAPPENING  # a passive: a deed
    assert label_rank("Xinhua: Chinese President Xi Jinping reiterated the country's commitment") == REPORT
    assert label_rank("Kerry said: “Our hope is that this can be the…”") == REPORT
    assert label_rank("COP28 talks in Dubai") == REPORT  # no verb: no clause of who did what
    assert label_rank("The talks in Beijing had been constructive but complicated") == REPORT  # a judgement
    assert label_rank("Just believed it was important to get down there") == REPORT  # no subject
    assert label_rank("Hasn't changed based on the Lex note") == REPORT
    assert label_rank("Kerry told top diplomat Wang Yi in a meeting in the Great Hall of the People") == NO_HAPPENING
    assert label_rank("A U.S. official said") == NO_HAPPENING
    assert label_rank("Could make it difficult for the world's largest aircraft maker") == NO_HAPPENING
    assert label_rank("The situation is unclear, officials said") != NO_HAPPENING  # what was said is there


STORM = ("date 2010-06-16 The storm hit the coast town of Portville on Tuesday, flooding hundreds "
         "of homes along the river. Emergency crews worked through the night to shore up the "
         "defences on the east bank. {report}")
OIL = ("date 2010-06-16 Oil from the leaking well reached the beaches of Portville on Tuesday, "
       "coating the sand in thick tar. Fishermen have been kept in harbour for a week as the slick "
       "spread along the coast. {report}")


def test_reports_of_one_speaker_are_compared_by_what_was_said():
    """Reports below the lead are events of the day (clause_rules.json reports_below_lead,
    quoted_reports_below_lead): two things one speaker said, in two articles, are two events,
    quoted or not; what was said alike, one (the speaker and the verb left out of the words
    compared)."""
    for storm, oil in (('"The levee will hold," said Mayor Smith.',
                        '"BP must pay for every dollar of the clean-up," said Mayor Smith.'),
                       ("Mayor Smith said the levee would hold.",
                        "Mayor Smith said BP must pay for every dollar of the clean-up.")):
        events = _with(_events({"a": STORM.format(report=storm), "b": OIL.format(report=oil)},
                               clauses="news"), "Mayor Smith")
        assert sorted(e.document_ids for e in events) == [["a"], ["b"]], storm
    same = '"BP must pay for every dollar of the clean-up," said Mayor Smith.'
    events = _with(_events({"a": STORM.format(report=same), "b": OIL.format(report=same)},
                           clauses="news"), "Mayor Smith")
    assert [e.document_ids for e in events] == [["a", "b"]]


def test_two_quotes_of_one_speaker_in_an_article_are_two_reports():
    text = ("date 2009-05-02 Health officials confirmed the first case of swine flu in Hong Kong on "
            "Friday. The patient, a Mexican traveller, was taken to Princess Margaret Hospital. "
            "Airport staff checked the passengers on his flight for fever. "
            '"We expect more cases in the coming weeks," said Dr Anne Schuchat. '
            '"Schools with a sick pupil should close for a week," said Dr Anne Schuchat.')
    events = _with(_events({"a": text}, clauses="news"), "Schuchat")
    assert len(events) == 2
