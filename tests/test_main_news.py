"""Issue #9, items 3-6: an article's main news on the timeline, lines that are never events,
status from the grammar of the clause, labels that read like a headline, and importance."""
from datetime import date

import pytest

from kerryview.events.importance import score
from kerryview.events.labels import is_fragment, shorten
from kerryview.events.mentions import find_mentions
from kerryview.events.not_events import listing, not_event_prefix, rules, why_not_event, why_not_event_sentence
from kerryview.export.json_export import corpus_json
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import build_corpus
from kerryview.text.wordlists import event_rules
from kerryview.timex import tag

GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")


def _doc(text, dct=date(2008, 3, 1), ident="d"):
    return Document(id=ident, path=f"{ident}.txt", text=text, dct=dct, dct_source=GIVEN)


def _found(text, dct=date(2008, 3, 1)):
    return find_mentions(_doc(text, dct), tag(text, dct))


# ------------------------------------------------------------------ main news (item 3)

AIRBUS = ("Airbus delivers first A380 to Singapore Airlines\n"
          "The superjumbo was handed over in Toulouse, with champagne for the crews.\n"
          "It is the largest passenger aircraft ever built.\n")


def test_a_headline_without_a_time_expression_is_an_event_dated_by_publication():
    found = _found(AIRBUS)
    head = [f for f in found if f.mention.position == "headline"]
    assert len(head) == 1
    m = head[0].mention
    assert m.dated_by == "publication" and m.timex.value == "2008-03-01"
    assert m.timex.text == "" and m.timex.start == m.start  # an empty span at the passage
    assert "dated by publication" in m.resolution
    assert head[0].label == "Airbus delivers first A380 to Singapore Airlines"
    assert AIRBUS[m.trigger_start:m.trigger_end] == "delivers"
    lead = [f for f in found if f.mention.position == "lead"]
    assert len(lead) == 1 and AIRBUS[lead[0].mention.trigger_start:lead[0].mention.trigger_end] == "handed"
    # the third sentence is neither headline nor lead: no event without a time expression
    assert len(found) == 2


def test_a_lead_with_a_time_expression_is_dated_by_it_not_by_publication():
    text = "Airbus handed over its first A380 on Friday in Toulouse.\nMore text follows here."
    [m] = [f.mention for f in _found(text)]
    assert m.dated_by == "time expression" and m.position == "lead"
    assert m.timex.value == "2008-02-29"


def test_reporting_alone_is_not_the_event_what_was_said_is():
    text = "The chief executive said the company had cut 5,000 jobs.\nMore text follows here."
    [f] = _found(text)
    m = f.mention
    assert text[m.trigger_start:m.trigger_end] == "cut"


def test_an_announcement_in_a_headline_has_no_date_from_publication():
    assert _found("BP to cap the leaking well\nEngineers will try a new method.\n") == []


def test_main_news_merges_across_articles():
    a = _doc(AIRBUS, ident="a")
    b = _doc("Singapore Airlines receives first Airbus A380\n"
             "The first A380 was handed over to Singapore Airlines in Toulouse.\n", ident="b")
    events = build_corpus([a, b])
    both = [e for e in events if set(e.document_ids) == {"a", "b"}]
    assert both, [(e.label, e.document_ids) for e in events]
    assert all(e.start.startswith("2008-03-01") for e in both)


# ------------------------------------------------------------------ never events (item 4)

@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_every_not_event_rule_matches_its_example(rule):
    if rule.scope in ("prefix", "run_in"):
        assert 0 < not_event_prefix(rule.example) < len(rule.example)
        assert why_not_event(rule.example) is None  # the rest of the line is still read
    elif rule.scope == "sentence":
        assert why_not_event_sentence(rule.example) == rule.name
    elif rule.scope == "listing":
        assert listing(rule.example) == rule.name and why_not_event(rule.example) is None
    elif rule.scope in ("comments", "comments_after", "sign_off"):
        # readers' comments: tests/test_readers_comments.py
        assert rule.pattern.search(rule.example) and why_not_event(rule.example) is None
    else:
        assert rule.scope == "line" and why_not_event(rule.example) == rule.name


SATELLITE = ("Satellite image of Port-au-Prince, Haiti taken on 13 January.\n"
             "It shows the aftermath of a 7.0-magnitude quake, which struck on Tuesday.\n")


def test_a_caption_naming_a_photo_and_when_it_was_taken_is_no_event():
    # haiti_bbc: "Satellite image of Port-au-Prince, Haiti taken on 13 January." was the event "Haiti taken"
    found = _found(SATELLITE, date(2010, 1, 14))
    assert not any("taken" in f.label for f in found), [f.label for f in found]
    assert why_not_event_sentence("The latest satellite image of the slick, taken Sunday night, "
                                  "indicates that it has shrunk.") is None


def _caption_examples():
    """The sentences of lead_rules.json caption_nouns and caption_participles examples, each
    with whether it tells an event ("-> an event") or is a caption ("-> no event")."""
    import json
    import re
    from importlib.resources import files
    raw = json.loads((files("kerryview.events") / "data" / "lead_rules.json").read_text("utf-8"))
    return [(m.group(1), m.group(2) == "an event")
            for name in ("caption_nouns", "caption_participles")
            for m in re.finditer(r'"([^"]+)" -> (no event|an event)', raw[name]["example"])]


@pytest.mark.parametrize("sentence, news", _caption_examples())
def test_a_caption_told_as_a_noun_phrase_is_no_event(sentence, news):
    # bpoil_guardian 1141: "Images of the BP oil spill taken from live video on 26 May (top L), 1 June
    # (top R), ..." gave four events; "BP released footage of the leak on Tuesday" is one
    assert (why_not_event_sentence(sentence) is None) == news
    found = _found("Flood waters recede\n" + sentence + "\n", date(2024, 3, 12))
    mine = [f for f in found if f.mention.start > 0 and f.mention.timex is not None
            and f.mention.dated_by != "publication"]
    assert bool(mine) == news, [(f.label, f.mention.timex.text) for f in found]


def test_a_captions_dates_date_no_event_and_a_sentence_about_images_stays():
    text = ("Dam holds after storm\n"
            "Images of the dam taken from a drone on 2 March (top L) and 14 March (bottom R) after the storm had passed.\n"
            "Photograph: Jane Roe/Reuters The regional water board said today the dam had held.\n"
            "The images released on Monday showed cracks in the spillway.\n")
    found = _found(text, date(2024, 3, 15))
    assert not any(f.mention.timex.text in ("2 March", "14 March") for f in found), [f.label for f in found]
    assert any(f.mention.timex.text == "Monday" for f in found), [f.label for f in found]


LISTING = ("Transmission details in the Network Radio Programme Information are not updated after publication.\n"
           "Westwood's show comes live from Ayia Napa on Saturday with two hours of summer club anthems.\n"
           "Presenter\\/Tim Westwood, Producer\\/Ben Walker for Labora TV\n"
           "The detective series returns on Monday 13 July with a new case.\n"
           "Reader\\/Toby Jones, Producer\\/Jane Greenwood for Loftus Audio\n"
           "A tribute to Michael Jackson, who died on 25 June, is broadcast on Friday.\n"
           "Presenter\\/Mark Radcliffe, Producer\\/Sam Hall\n")


def test_a_radio_schedule_page_tells_no_events():
    # MJ_bbc: the BBC's weekly radio listings were read as news ("Producer/Jane Greenwood for
    # Loftus Audio Monday 13 to The latest in the detective series ...")
    assert listing(LISTING) == "programme_credits"
    assert _found(LISTING, date(2009, 7, 3)) == []
    news = ("A tribute to Michael Jackson, who died on 25 June, was broadcast on Friday.\n"
            "Presenter\\/Mark Radcliffe, Producer\\/Sam Hall\n")  # one programme credited: news
    assert listing(news) is None and _found(news, date(2009, 7, 3))


def test_a_wire_datelines_date_is_no_event_but_its_sentence_is_read():
    text = "WASHINGTON, May 24 (Reuters) - BP said on Tuesday it would try again.\nMore text."
    found = _found(text, date(2010, 5, 24))
    assert [f.mention.timex.text for f in found] == ["Tuesday"]


@pytest.mark.parametrize("line", [
    "Kerry met Wang Yi at the Great Hall of the People on Tuesday.",
    "The copyright lawsuit was filed in 2008 by the authors.",
    "By the end of 2010, BP had paid $20 billion into the fund.",
])
def test_sentences_are_not_taken_for_lines_that_are_never_events(line):
    assert why_not_event(line) is None


def test_date_lines_bylines_captions_and_copyright_lines_never_become_events():
    text = ("Airbus delivers first A380 to Singapore Airlines\n"
            "March 01, 2008\n"
            "Updated: March 2, 2008 10:07 GMT\n"
            "By Jane Doe, Reuters\n"
            "The A380 landed in Singapore on Friday after a flight from Toulouse.\n"
            "Photograph: Jane Doe/Reuters\n"
            "Crowds greet the aircraft in Singapore on February 29. (AP Photo/Jane Doe)\n"
            "2007 - 2008\n"
            "Copyright 2008 Reuters. All rights reserved.\n")
    found = _found(text)
    lines = {text[:f.mention.start].count("\n") for f in found}
    assert lines == {0, 4}, [(f.mention.text, f.label) for f in found]


# ------------------------------------------------------------------ status (item 5)

def test_was_delivered_today_happened_even_beside_a_schedule_word():
    [f] = [f for f in _found("The A380 that was due in 2007 was delivered today in Toulouse.\nMore.")
           if f.mention.timex.text == "today"]
    assert f.mention.status == "happened"


def test_is_due_to_arrive_is_scheduled():
    [f] = _found("The superjumbo is due to arrive in Singapore on Friday.\nMore text here.")
    assert f.mention.status == "scheduled" and f.mention.timex.value == "2008-03-07"


def test_a_past_hope_is_an_expectation_not_a_schedule():
    [f] = [f for f in _found("Airbus had hoped to deliver 20 aircraft in 2012.\nMore text here.")
           if f.mention.timex.text == "2012"]
    assert f.mention.status == "expected"


def test_a_weekend_said_in_a_past_clause_is_the_one_before():
    [t] = tag("The affair became public this weekend.", date(2010, 1, 25))  # a Monday
    assert t.value == "2010-W03-WE"  # 23-24 January
    [t] = tag("The talks will resume this weekend.", date(2010, 1, 25))
    assert t.value == "2010-W04-WE"


# ------------------------------------------------------------------ labels (item 6)

def test_a_label_never_cuts_a_number_in_half():
    text = "Airbus said 5,000 employees at four French sites would lose their jobs in 2010.\nMore."
    [f] = [f for f in _found(text) if f.mention.timex.text == "2010"]
    assert "5,000 employees" in f.label and not f.label.startswith("000")


def test_a_label_is_never_a_clause_fragment():
    text = "Airbus had hoped to deliver 20 aircraft in 2012, more than originally planned in 2007.\nMore."
    [f] = [f for f in _found(text) if f.mention.timex.text == "2007"]
    assert not is_fragment(f.label) and f.label.startswith("Airbus")


def test_a_long_label_ends_at_a_clause_break_rather_than_in_an_ellipsis():
    long = ("The U.S.-China climate talks had been suspended after a visit by U.S. House of "
            "Representatives Speaker Nancy Pelosi to Taiwan last August")
    assert shorten(long) == "The U.S.-China climate talks had been suspended"
    assert shorten("word " * 40).endswith("…")  # no clause break: cut at a word
    assert is_fragment("Than originally planned") and is_fragment("Maybe eliminated in favour of")
    assert not is_fragment("Airbus delivers first A380")
    assert not is_fragment("More than 500 vessels were involved in the clean-up")  # a quantity


# ------------------------------------------------------------------ importance and JSON

def test_importance_counts_sources_main_news_and_coverage_at_the_time():
    a = _doc(AIRBUS, ident="a")
    b = _doc("Singapore Airlines receives first Airbus A380\n"
             "The first A380 was handed over to Singapore Airlines in Toulouse.\n", ident="b")
    c = _doc("Airbus profits fell.\nIn 1970 Airbus was founded in France by several governments.\n",
             ident="c")
    events = build_corpus([a, b, c])
    by_docs = {tuple(sorted(e.document_ids)): e for e in events}
    shared = max((e for e in events if len(e.document_ids) == 2), key=lambda e: e.importance)
    founded = next(e for e in events if e.start.startswith("1970"))
    assert shared.importance > founded.importance > 0
    assert by_docs  # every event got a number
    out = corpus_json([a, b, c], events)
    ev = next(e for e in out["events"] if e["id"] == shared.id)
    assert ev["importance"] == shared.importance
    assert {m["dated_by"] for m in ev["mentions"]} == {"publication"}
    assert all("dated by publication" in m["resolution"] for m in ev["mentions"])


def test_importance_is_recomputed_the_same_way():
    events = build_corpus([_doc(AIRBUS)])
    before = [e.importance for e in events]
    score(events, [_doc(AIRBUS)])
    assert [e.importance for e in events] == before


def test_importance_and_how_a_mention_was_dated_are_kept_in_the_project(tmp_path):
    from kerryview.store import Store
    doc = _doc(AIRBUS)
    events = build_corpus([doc])
    store = Store(tmp_path / "c.db")
    store.save_corpus([doc], events)
    store.close()
    again = Store(tmp_path / "c.db")
    back = {e.id: e for e in again.events()}
    again.close()
    for e in events:
        assert back[e.id].importance == e.importance > 0
        assert [(m.dated_by, m.position) for m in back[e.id].mentions] == \
            [(m.dated_by, m.position) for m in e.mentions]


def test_a_day_of_many_articles_outweighs_a_day_one_article_fills_with_events():
    from kerryview.events.importance import day_importance
    busy = _doc("Airbus cut jobs on Monday. Airbus closed a plant on Monday. Airbus sold a unit on "
                "Monday. Airbus hired a chief on Monday.", date(2008, 3, 5), "busy")
    one = _doc("More text first.\nAirbus delivered the A380 on Tuesday in Toulouse.", date(2008, 3, 5), "one")
    two = _doc("More text first.\nThe A380 was delivered to Singapore Airlines on Tuesday.",
               date(2008, 3, 5), "two")
    docs = [busy, one, two]
    days = day_importance(build_corpus(docs), docs)
    assert days[date(2008, 3, 4)] > days[date(2008, 3, 3)]


def test_a_label_after_a_conjunction_reaches_back_to_its_subject():
    text = "He was the former chief of the joint venture, but was forced to leave Russia in 2008.\nMore."
    [f] = [f for f in _found(text) if f.mention.timex.text == "2008"]
    # session 12: the subject and the verb the date tells (labels.apposition_subject, coordinators)
    assert f.label == "He was forced to leave Russia", f.label


def test_a_run_in_photo_credit_names_any_agency_or_paper_and_is_written_once():
    # the rule named one paper ("The Washington Post") and wrote its credit forms twice
    for credit in ("(Joshua Roberts - Bloomberg News)", "(Ian Shapira - Washington Post)",
                   "(Bill O'leary - The Washington Post)", "(Anonymous - AP)"):
        line = f"A crowd gathers in Grand Isle on Monday. {credit} BP said on Tuesday it would pay."
        assert not_event_prefix(line) == line.index(credit) + len(credit), credit
    line = "He studied at (University of Texas at Brownsville - Texas Southmost College) in 2001."
    assert not_event_prefix(line) == 0  # a name with lower-case words is no photographer's
    rule = next(r for r in rules() if r.name == "photo_credit_run_in")
    assert rule.pattern.pattern.count("credit:") == 1
    # the papers are named in the one outlet list (ingest/data/outlets.tsv), never in the rule
    [raw] = [row[3] for row in event_rules("not_events.tsv") if row[0] == "photo_credit_run_in"]
    assert "Washington" not in raw and "{outlet}" in raw


@pytest.mark.parametrize("line", [
    "On Monday, Sen. Richard Shelby (R - Ala.) blocked 70 nominations in one move.",
    "On March 3, the match (Arsenal - Chelsea) ended 2-1, and fans rioted.",
    "On Monday, the Senate (Democrats - Republicans) split along party lines.",
])
def test_a_bracket_of_two_names_is_no_photo_credit_unless_it_names_an_outlet(line):
    # "(Name - Outlet)" took any two capitalised names: everything before "(R - Ala.)" was dropped
    assert not_event_prefix(line) == 0
    [f] = _found("Senate hold\n\n" + line + "\n", dct=date(2010, 2, 10))
    assert f.mention.timex.text in ("Monday", "March 3") and f.label


def test_a_credit_names_its_outlet_from_the_outlet_list():
    line = "Workers clean a beach. (Joshua Roberts - Bloomberg News) BP said on Tuesday it would pay."
    assert not_event_prefix(line) == line.index(" BP")
    assert [f.mention.timex.text for f in _found(line + "\nMore.")] == ["Tuesday"]
