"""Event mentions: small texts through the real tagger, checked for event words and status."""
from datetime import date

from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.timex import tag


def _mentions(text, dct=date(2023, 7, 18)):
    doc = Document(id="d", path="d", text=text, dct=dct,
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    return find_mentions(doc, tag(text, dct))


def test_trigger_duration_and_label():
    text = "Kerry met his counterpart Xie Zhenhua for nearly 12 hours at the Beijing Hotel on July 17."
    [found] = _mentions(text)
    m, label = found.mention, found.label
    assert text[m.trigger_start:m.trigger_end] == "met"
    assert m.duration == "PT12H"
    assert label == "Kerry met his counterpart Xie Zhenhua for nearly 12 hours at the Beijing Hotel"
    assert m.status == "happened"


def test_scheduled_future_event():
    [found] = _mentions("Kerry is scheduled to leave Beijing in the early hours of July 20.")
    m = found.mention
    assert m.status == "scheduled"
    assert "leave" in m.text[m.trigger_start - m.start:m.trigger_end - m.start]


def test_duration_before_the_event_words_is_not_theirs():
    text = ("Kerry's three-day visit has coincided with a heat dome that brought temperatures "
            "to 53 Celsius on July 16.")
    [found] = _mentions(text)
    m = found.mention
    assert m.duration is None


def test_named_event_noun_gives_a_noun_phrase_label():
    text = ("Officials said the negotiations were on two tracks, with one focused on national "
            "action on climate change and the other on COP28 talks in Dubai later this year.")
    [found] = _mentions(text)
    assert found.label == "COP28 talks in Dubai"


def test_the_past_month_is_a_period_up_to_the_publication_date():
    [found] = _mentions("He is the third top US official to visit Beijing in the past month.")
    iv = found.interval
    assert (iv.start.date().isoformat(), iv.end.date().isoformat()) == ("2023-06-18", "2023-07-19")
    assert iv.granularity == "period" and found.mention.timex.value == "P1M"
    # a plain duration is no date: the sentence, an article's lead, is dated by its publication
    [lead] = _mentions("Kerry met Xie for nearly 12 hours.")
    assert lead.mention.dated_by == "publication" and lead.mention.timex.value == "2023-07-18"


def test_a_bare_reporting_label_gets_the_gist_of_the_quote():
    text = '"We are only following the best science, nothing else," Kerry said on Tuesday.'
    [found] = _mentions(text)
    assert found.label == "Kerry said: “We are only following the best science, nothing…”"


def test_the_subject_of_a_label_starts_after_a_complementizer():
    text = ("The visit coincided with an announcement that a record temperature of 52.2C was "
            "recorded in the Xinjiang region on Sunday.")
    [found] = _mentions(text)
    assert found.label == "A record temperature of 52.2C was recorded in the Xinjiang region"


def test_a_participle_clause_opening_the_sentence_gives_way_to_the_main_clause():
    text = ('Speaking at a conference earlier this week, President Xi Jinping reiterated the '
            'country\'s "unwavering" commitment to tackling climate change.')
    [found] = _mentions(text)
    assert found.label == ('President Xi Jinping reiterated the country\'s "unwavering" commitment '
                           'to tackling climate change')


def test_a_capitalized_word_after_to_is_a_name_and_the_quote_completes_the_label():
    text = ('Advisor Jake Sullivan stated that "every country has a responsibility to reduce '
            'emissions" in remarks to CNN on Sunday.')
    [found] = _mentions(text)
    m = found.mention
    assert text[m.trigger_start:m.trigger_end] == "stated"
    assert found.label == "Advisor Jake Sullivan stated that “every country has a responsibility to reduce emissions”"


def test_a_label_ending_in_as_takes_the_quotation_that_follows():
    [found] = _mentions('Li described this week\'s talks as "a complex rescue operation".')
    assert found.label == "Li described the talks as “a complex rescue operation”"


def test_a_verb_in_a_that_clause_after_the_date_is_not_its_event():
    [found] = _mentions("Wang said during Kerry's visit in 2021 that climate could not be separated.")
    m = found.mention
    assert m.text[m.trigger_start - m.start:m.trigger_end - m.start] in ("said", "visit")


def test_a_short_quotation_after_a_small_word_completes_the_label():
    [found] = _mentions('Beijing last month objected to the reference to Xi Jinping as a "dictator," '
                        'saying the remarks were absurd.')
    assert found.label == 'Beijing objected to the reference to Xi Jinping as a "dictator"'
    # cut by the word limit right after "as": the quotation still completes it
    [found] = _mentions("Moscow last month objected to UK Minister Rishi Sunak's reference to "
                        'Russian President Vladimir Putin as a "tyrant," saying the remarks were absurd.')
    assert found.label.endswith("Vladimir Putin as a “tyrant”")


def test_a_label_does_not_start_with_including():
    text = ("The visit coincided with extreme weather, including a heat dome that brought "
            "temperatures in Death Valley to 53 Celsius on July 16.")
    [found] = _mentions(text)
    assert found.label.startswith("A heat dome")


def test_the_start_of_a_period_dates_no_event_of_its_clause():
    """'since 1968' says when a period began, not when its clause's event happened."""
    text = ("The outbreak is the first to be declared a pandemic since 1968. "
            "Prices have risen ever since January. The agency met on July 17 since the talks began.")
    found = _mentions(text)
    assert [f.mention.timex.text for f in found if f.mention.dated_by != "publication"] == \
        ["July 17"]
    assert not any(f.interval.start.year == 1968 or f.interval.start.month == 1 for f in found)
    # the lead, no longer dated by 1968, is the article's news of its publication day
    assert [f.interval.start.date() for f in found if f.mention.dated_by == "publication"] in \
        ([], [date(2023, 7, 18)])


def test_every_anchor_signal_list_says_what_it_is_for_with_an_example():
    import json
    from importlib.resources import files

    raw = json.loads((files("kerryview.events") / "data" / "anchor_signals.json").read_text())
    lists = {k: v for k, v in raw.items() if not k.startswith("_")}
    assert lists and all(v["about"] and v["example"] and v["words"] for v in lists.values())
    for v in lists.values():  # the example holds one of its words just before a date
        assert any(f"{w} " in v["example"] for w in v["words"])


def _anchor_signal_lists():
    import json
    from importlib.resources import files

    raw = json.loads((files("kerryview.events") / "data" / "anchor_signals.json").read_text())
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def test_every_anchor_signal_example_dates_no_event():
    """Each list's example, run through find_mentions: its time dates no event (so the test
    fails when a rule stops working, not only when a word leaves its list)."""
    import re

    for name, v in _anchor_signal_lists().items():
        [given] = re.findall(r'^"([^"]+)"', v["example"])
        assert tag(given, date(2023, 7, 20)), name  # a time the rule has to set aside
        dated = [f.mention.timex.text for f in _mentions(given, date(2023, 7, 20))
                 if f.mention.dated_by != "publication"]
        assert dated == [], (name, given, dated)


def test_every_anchor_signal_counter_example_still_dates_its_event():
    """A list's counter-examples look like its rule but their time is an event's: "fought
    against 300 rebels on Tuesday", "an IMF loan due on June 30", "Officials from 20 major
    countries yesterday endorsed"."""
    import re

    lists = _anchor_signal_lists()
    counters = [c for v in lists.values() for c in v.get("counter_examples", [])]
    assert len(counters) >= 6
    for c in counters:
        given, when = re.fullmatch(r'"([^"]+)": (.+)', c).groups()
        dated = [f.mention.timex.text for f in _mentions(given, date(2023, 7, 20))
                 if f.mention.dated_by != "publication"]
        assert when in dated, (given, dated)


def test_a_time_restated_in_another_zone_in_parentheses_is_one_mention():
    text = "The cut was completed at 1930 CDT on 1 June (0030 GMT 2 June). Talks ended at 1500 GMT (1600 BST)."
    found = _mentions(text, dct=date(2010, 6, 3))
    assert [f.mention.timex.text for f in found if f.mention.dated_by != "publication"] == \
        ["1930 CDT", "1500 GMT"]  # "on 1 June" is its day, the rest the same instant
    assert found[0].label == "The cut was completed"  # the time's day is no part of the label
    # a time in parentheses that is another instant is kept
    other = _mentions("The ship left at 1930 CDT on 1 June (arriving 0030 GMT 3 June).",
                      dct=date(2010, 6, 3))
    assert len([f for f in other if f.mention.dated_by != "publication"]) == 2


def test_a_clock_time_is_on_the_date_written_after_it():
    text = "Talks began on Monday. The cap was fitted at 0030 GMT on 2 June and held."
    assert [t.value for t in tag(text, date(2010, 6, 3)) if t.text == "0030 GMT"] == ["2010-06-02T00:30"]
    found = _mentions(text, dct=date(2010, 6, 3))
    assert [(f.mention.timex.text, f.mention.timex.value) for f in found
            if f.mention.dated_by != "publication"] == [("Monday", "2010-05-31"),
                                                         ("0030 GMT", "2010-06-02T00:30")]


def test_a_time_that_refers_back_to_its_sentences_day_gives_no_second_mention():
    """"through the day" is the day the sentence named (counted from it): one passage, one
    time, one mention, with the status the sentence's grammar gives ("will resume")."""
    text = ("The two delegations will resume talks on March 5 where they left off the "
            "previous day and negotiate through the day.")
    found = _mentions(text, dct=date(2024, 3, 5))
    told = sorted((f.mention.timex.text, f.mention.timex.value, f.mention.status) for f in found)
    assert told == [("March 5", "2024-03-05", "scheduled"),
                    ("the previous day", "2024-03-04", "happened")]


def test_two_days_named_in_one_sentence_each_give_a_mention():
    """Only a time counted from the one before it refers back: two dates written out, even of
    one day, are each told."""
    text = "Kerry met Wang Yi on Tuesday and signed the accord on July 18."
    found = _mentions(text)
    assert sorted(f.mention.timex.text for f in found) == ["July 18", "Tuesday"]


def test_the_sequence_adverb_lists_example_comes_out_as_it_says():
    """data/lead_rules.json sequence_adverbs: a sentence told as a label drops the adverb that
    only orders it, and only that one (with its comma)."""
    import json
    import re
    from importlib.resources import files

    from kerryview.events.mentions import _describe

    entry = json.loads((files("kerryview.events") / "data" / "lead_rules.json").read_text())["sequence_adverbs"]
    assert entry["about"] and entry["words"]
    given, wanted = re.findall(r"\"([^\"]+)\"", entry["example"])[:2]
    assert _describe(given, (0, len(given))) == wanted
    rest = given.split(", ", 1)[1]
    for word in entry["words"]:  # every word of the list, capitalized, with its comma
        text = f"{word.capitalize()}, {rest}"
        assert _describe(text, (0, len(text))) == wanted
    text = f"Today, {rest}"  # an adverb not in the list stays ("Now," is a stance adverb tidy() drops)
    assert _describe(text, (0, len(text))).startswith("Today")


def test_the_time_of_a_comparison_figure_dates_no_event():
    # anchor_signals.json comparison_baseline: the year-earlier figure, not a year-earlier event
    dct = date(1989, 10, 26)
    for text in ("Revenue declined 8% to $85.7 million, from $93.3 million a year earlier.",
                 "Net rose to $108.8 million, or $1.35 a share, from $90.5 million, or $1.12 a share, a year ago.",
                 "It had a $23 million loss on its auto line, compared with earnings of $33 million last year.",
                 "Profit grew a robust 19% from a year ago.",
                 "Westinghouse expects its sales to grow to 25% of total sales from 20% last year."):
        assert [f.mention.timex.text for f in _mentions(text, dct)
                if f.mention.dated_by != "publication"] == [], text
    # the result's own time, a period, an event at that time, a date after "from" stay
    for text, when in (("Support rose from about 35 percent several years ago to about 51 percent this year.", "this year"),
                       ("Crane holds 504,200 shares, including 254,200 bought from Sept. 14 to Thursday.", "Sept. 14"),
                       ("The index is down 6.8% from Oct. 13, when Wall Street's plunge began.", "Oct. 13"),
                       ("Two new flights will leave Bombay from March 30.", "March 30"),
                       ("Tariffs fell 2% last year. The two presidents on Friday signed the plan.", "Friday"),
                       ("Robots removed the cap from the ocean floor at 1737GMT on Saturday.", "Saturday"),
                       ("The WHO hiked its alert level to 5 from 3 this week.", "this week"),
                       ("Deficits decline to 3 percent of GDP from 2013 through 2019.", "2019"),
                       ("It won a $90 million order to make a vaccine against the H1N1 strain, it said on Monday.", "Monday")):
        assert when in [f.mention.timex.text for f in _mentions(text, dct)], text


def test_a_number_before_from_is_a_change_only_after_a_change_verb_to_or_up_down():
    """anchor_signals.json comparison_baseline / change_verbs: the figure before "from" is a
    result compared with a baseline only after a change verb, right after "to", or with
    "up"/"down"; a number in the subject's noun phrase makes "from" a place of origin."""
    dct = date(2010, 5, 24)

    def dated(text):
        return [f.mention.timex.text for f in _mentions(text, dct) if f.mention.dated_by != "publication"]

    for text, when in (("Some 300 officials from 20 major countries yesterday endorsed the climate plan.", "yesterday"),
                       ("The 12 ministers from 20 countries met in Paris on Tuesday to sign it.", "Tuesday"),
                       ("BP cut 300 jobs from 20 plants last year.", "last year"),
                       ("The fund raised $300 million from 20 investors last year.", "last year")):
        assert when in dated(text), text
    for text in ("The tally increased the number of infections to 2,254 from 1,639 reported on Saturday.",
                 "The fund cut its forecast to 2% from 3% last year.",
                 "Mexico has reported 1,626 confirmed cases, up from 1,364 on Saturday."):
        assert dated(text) == [], text
    verbs = _anchor_signal_lists()["change_verbs"]["words"]
    assert "fell" in verbs and "cut" not in verbs
    for verb in verbs:  # every word of the list tells a change
        text = f"Net profit {verb} 11% from $806m a year earlier."
        assert dated(text) == [], text


def test_the_term_of_a_noun_that_is_no_event_dates_no_event():
    # anchor_signals.json noun_term: "notes due Nov. 1, 2009" mature then; nothing was priced then
    dct = date(1989, 10, 30)
    text = "Hertz Corp. -- $100 million of senior notes due Nov. 1, 2009, priced at par to yield 9%."
    assert [f.mention.timex.text for f in _mentions(text, dct) if f.mention.dated_by != "publication"] == []
    text = "Canadian Imperial Bank -- 10 billion yen of 5.7% bonds, due Nov. 17, 1992, priced at 101 1/4."
    assert [f.mention.timex.text for f in _mentions(text, dct) if f.mention.dated_by != "publication"] == []
    # after a form of 'be', or after an event noun, the time is the event's
    for text, when in (("The report is due Friday.", "Friday"),
                       ("The payment will be due on Nov. 1, 2004.", "Nov. 1, 2004"),
                       ("A general election due next September will decide it.", "next September"),
                       ("The company's second-quarter results due on Tuesday are expected to show a loss.", "Tuesday"),
                       ("Six Flags faced a $300 million payment to stock holders due in August.", "August")):
        assert when in [f.mention.timex.text for f in _mentions(text, dct)], text



def test_a_local_time_glossed_in_a_named_zone_in_parentheses_is_one_mention():
    """"1653 local time (2153 GMT)": the BBC's and the wires' way of giving the local clock and
    the same instant for readers elsewhere; the local zone is unknown, but the bracket holds
    only a time in a named zone, within the world's spread of zones: one event, not two."""
    text = ("The magnitude 6.1 tremor struck west of Port-au-Prince at 0603 local time (1103 GMT). "
            "The first tremor had hit at 1653 local time (2153 GMT) on Tuesday, officials said.")
    found = [f for f in _mentions(text, dct=date(2010, 1, 20)) if f.mention.dated_by != "publication"]
    assert [(f.mention.timex.text, f.mention.timex.value) for f in found] == \
        [("0603 local time", "2010-01-20T06:03"), ("1653 local time", "2010-01-19T16:53")]
    # the day after the bracket is the local time's day, not a third mention
    assert found[1].label == "The first tremor had hit"
    # a second time in the bracket that is more than a restatement stays its own mention
    other = [f for f in _mentions("The ferry left at 1930 local time (and docked at 0030 GMT).",
                                  dct=date(2010, 6, 3)) if f.mention.dated_by != "publication"]
    assert len(other) == 2


def test_a_closing_report_of_a_dated_happening_is_no_second_event(monkeypatch):
    """"The first tremor had hit at 1653 local time on Tuesday, the US Geological Survey said",
    published on Wednesday: what was said is the event, on Tuesday; the report alone is no
    event of Wednesday (clause_rules.json reports_of_dated_content). A report that opens its
    sentence is its main clause and stays news of the day."""
    from kerryview.events import mentions
    from kerryview.events.clauses import CLAUSE_EVENTS
    text = ("Haiti was hit by a huge quake, officials say.\nRescuers are searching the rubble.\n"
            "The UN has sent teams.\n"
            "The first tremor had hit at 1653 local time on Tuesday, the US Geological Survey said.\n"
            "The US Geological Survey said the first tremor had hit on Tuesday.\n")
    dct = date(2010, 1, 13)
    doc = Document(id="d", path="d", text=text, dct=dct,
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))

    def reports():
        return [(f.mention.timex.value, f.label) for f in find_mentions(doc, tag(text, dct), dct_clauses=CLAUSE_EVENTS)
                if f.mention.trigger_start is not None and text[f.mention.trigger_start:f.mention.trigger_end] == "said"]
    assert reports() == [("2010-01-13", "The US Geological Survey said the first tremor had hit on Tuesday")]
    # a second clause of what was said may be the day's news: the report stays
    two = "Rescuers are searching the rubble.\nThe UN has sent teams.\nThe army has sealed the roads.\n" \
          "Talks collapsed last week and no new date has been set, the minister said.\n"
    doc2 = Document(id="d2", path="d2", text=two, dct=dct,
                    dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    # a second verb of the same subject tells the same happening: no report of the day
    three = "Rescuers are searching the rubble.\nThe UN has sent teams.\nThe army has sealed the roads.\n" \
            "A powerful earthquake struck Haiti on Tuesday and was felt as far away as Cuba, the US Geological Survey said.\n"
    doc3 = Document(id="d3", path="d3", text=three, dct=dct,
                    dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    assert not any(three[f.mention.trigger_start:f.mention.trigger_end] == "said"
                   for f in find_mentions(doc3, tag(three, dct), dct_clauses=CLAUSE_EVENTS)
                   if f.mention.dated_by == "publication" and f.mention.trigger_start is not None)
    assert any(two[f.mention.trigger_start:f.mention.trigger_end] in ("said", "set")
               for f in find_mentions(doc2, tag(two, dct), dct_clauses=CLAUSE_EVENTS)
               if f.mention.dated_by == "publication" and f.mention.trigger_start is not None)
    raw = dict(mentions._clause_rules_raw())
    raw["reports_of_dated_content"] = {**raw["reports_of_dated_content"], "number": 0}
    monkeypatch.setattr(mentions, "_clause_rules_raw", lambda: raw)
    assert len(reports()) == 2  # with the rule off, the closing report is an event of Wednesday


def test_a_relative_clause_after_a_headless_apposition_tells_of_the_noun_before_it():
    # "Haiti's worst in two centuries" has no noun of its own (a superlative: lead_rules.json
    # headless_apposition_heads): it stands for the quake, which is what struck
    text = ("It shows the aftermath of a 7.0-magnitude quake, Haiti's worst in two centuries, which "
            "struck at 1653 local time on Tuesday, just 15km south-west of Port-au-Prince.")
    [found] = _mentions(text, date(2010, 1, 13))
    assert found.label.startswith("A 7.0-magnitude quake struck")
    text = "The spill, the largest since 1989, which began on April 20, has fouled beaches."
    assert [f.label for f in _mentions(text, date(2010, 5, 24))] == ["The spill began"]
    # an apposition with a noun of its own names the thing itself: left as it was
    text = "The storm, the worst disaster in decades, which struck on Tuesday, killed 20."
    [found] = _mentions(text, date(2010, 1, 13))
    assert "worst disaster" in found.label
    # a partitive ("the first of three meetings") has its noun after "of": not headless
    from kerryview.events.labels import headless_apposition
    assert headless_apposition("Haiti's worst in two centuries")
    assert not headless_apposition("the first of three meetings")
