"""Labels on real piles of news (issue #9 item 6): passages a web page ran together, reporting
alone, long labels cut at a phrase, clock times that are no years, and comment signatures and
blog bylines that are no events."""
from datetime import date

import pytest

from kerryview.events.labels import (is_fragment, last_passage_start, run_on_breaks, shorten,
                                     within_passage)
from kerryview.events.mentions import find_mentions
from kerryview.events.not_events import not_event_prefix
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.text.wordlists import event_lists
from kerryview.timex import tag

DCT = date(2010, 6, 8)
GIVEN = DateSource(DateSourceKind.PAGE_METADATA, "given")


def _found(text, dct=DCT):
    doc = Document(id="d", path="d.txt", text=text, dct=dct, dct_source=GIVEN)
    return find_mentions(doc, tag(text, dct))


def _label(text, timex_text):
    [f] = [f for f in _found(text) if f.mention.timex.text == timex_text]
    return f.label


# ------------------------------------------------------------------ passages run together

def test_every_new_word_list_says_what_it_is_for_with_an_example():
    raw = event_lists("lead_rules.json")
    for name in ("run_on_openers", "run_on_verbs", "reported_clause_words", "pronoun_subjects",
                 "phrase_starts", "never_last"):
        assert raw[name], name


@pytest.mark.parametrize("line, lead", [
    ("The slick has now grown to about 1,500 sq km There are fears of an environmental disaster",
     "There are fears of an environmental disaster"),
    ("BP hopes the new unit will boost confidence in the company BP has formed a new unit to oversee safety",
     "BP has formed a new unit to oversee safety"),
    ("Top hat dome at oil spill site - BP BP says the new dome should be working soon",
     "BP says the new dome should be working soon"),
    ("Prisoners in Manila bagged up their hair for a oil spill So he staged a home oil spill",
     "So he staged a home oil spill"),
])
def test_a_caption_run_into_the_lead_is_left_out_of_the_lead(line, lead):
    text = line + "\nMore text follows here."
    assert text[last_passage_start(text, 0, len(line)):len(line)] == lead


def test_a_name_and_a_verb_after_a_noun_break_only_the_first_line():
    body = "Intro line.\nHe said loan default rates in recession-hit Hungary would eat into its profits."
    a = body.index("He")
    assert run_on_breaks(body, a, len(body)) == []  # one clause in the body of an article
    first = "Default rates in recession-hit Hungary would eat into its profits\nMore."
    assert run_on_breaks(first, 0, first.index("\n")) == [first.index("Hungary")]


def test_the_main_news_of_a_run_together_first_line_is_its_lead():
    text = ("BP hopes the new unit will boost confidence in the company BP has formed a new unit "
            "to oversee safety across the company.\nThe oil giant says the division will have powers.\n")
    [lead] = [f for f in _found(text) if f.mention.position == "lead"]
    assert lead.label == "BP has formed a new unit to oversee safety across the company"


def test_a_label_stays_in_the_passage_of_its_event_words():
    text = "Oil covers the marsh of the bayou There are fears the slick reached Florida on Monday.\nMore."
    lo, hi = within_passage(text, 0, text.index("."), (text.index("reached"), text.index(" Florida")))
    assert text[lo:hi].startswith("There are fears")


# ------------------------------------------------------------------ reporting alone

@pytest.mark.parametrize("text, when, label", [
    ("Oil will reach the Florida coast by Friday, a U.S. official said on Monday.\nMore.",
     "Monday", "A U.S. official: Oil will reach the Florida coast by Friday"),
    ("Coast Guard spokeswoman Stephanie Hebert told the AFP news agency on Sunday that the skimmer had failed.\nMore.",
     "Sunday", "Coast Guard spokeswoman Stephanie Hebert told the AFP news agency that the skimmer had failed"),
    ("Kerry told Wang Yi on July 18 that talks could help.\nMore.",  # who was told is news too
     "July 18", "Kerry told Wang Yi that talks could help"),
    ('Adm Allen said in a press conference on Tuesday: "The well is capped and we are watching it."\nMore.',
     "Tuesday", "Adm Allen: The well is capped and we are watching it"),
])
def test_reporting_alone_is_no_label_what_was_said_is(text, when, label):
    assert _label(text, when) == label


@pytest.mark.parametrize("text, when, label", [
    ("Bob Dudley, the incoming chief executive, told ABC on Wednesday, that BP would become a leaner company.\nMore.",
     "Wednesday", "Bob Dudley told ABC that BP would become a leaner company"),
    ("Kerry said on Tuesday, that the talks with China had been useful.\nMore.",
     "Tuesday", "Kerry: The talks with China had been useful"),
])
def test_a_comma_before_that_does_not_set_off_what_was_said(text, when, label):
    # "told X on Wednesday, | that ...": the comma closes the date, "that" opens what was said
    assert _label(text, when) == label


@pytest.mark.parametrize("text, when, label", [
    ("However, the cap, which engineers fitted at the weekend, was working, Hayward said on Tuesday.\nMore.",
     "Tuesday", "Hayward: However, the cap was working"),
    ("In particular, every stage of the development of a swine flu vaccine, our key hope of fighting the disease, "
     "could be disrupted, scientists warned on Tuesday.\nMore.",
     "Tuesday", "Scientists: In particular, every stage of the development of a swine flu vaccine could be disrupted"),
])
def test_an_opening_adverbial_is_no_subject_of_what_was_said(text, when, label):
    assert _label(text, when) == label


@pytest.mark.parametrize("text, when, label", [
    ("May said on Tuesday that Britain would leave the customs union next year.\nMore.",
     "Tuesday", "May: Britain would leave the customs union next year"),
    ("He also said on Wednesday that the city would rebuild the port.\nMore.",
     "Wednesday", "The city would rebuild the port"),
])
def test_a_capitalised_modal_before_said_is_a_name_a_pronoun_and_adverb_are_no_one(text, when, label):
    assert _label(text, when) == label


def test_a_label_that_says_what_was_said_is_left_as_it_is():
    text = "BP said on Monday it had contained more than 14,800 barrels of oil.\nMore."
    assert _label(text, "Monday") == "BP said it had contained more than 14,800 barrels of oil"


def test_a_pronoun_is_no_speaker_to_name():
    text = 'He told reporters on Friday: "We have not been able to stop the flow."\nMore.'
    assert _label(text, "Friday") == "We have not been able to stop the flow"


# ------------------------------------------------------------------ fragments and length

def test_a_relative_pronoun_starts_a_fragment_an_acronym_does_not():
    assert is_fragment("Who took office in January")
    assert not is_fragment("WHO declared a pandemic")


def test_a_long_label_ends_before_a_phrase_rather_than_in_an_ellipsis():
    long = ("The students of Swansea University in Wales beat the previous record of 1,253 people "
            "set last year in Ireland by a margin of several hundred people")
    assert shorten(long, keep_words=8) == ("The students of Swansea University in Wales beat the "
                                           "previous record of 1,253 people set last year in Ireland")
    # (" by a margin" starts right at the limit: the phrase is seen whole, in the full label)
    # never at the comma of a number, never after a function word
    assert not shorten(long, keep_words=8).endswith(("1", "the", "of"))


# ------------------------------------------------------------------ clock times, signatures

def test_a_24_hour_clock_with_a_time_zone_is_a_time_not_a_year():
    text = "The cap was shut at 1425 local time (1925 GMT) on Thursday, from 1900 to 2200 EST."
    got = [(t.text, t.type) for t in tag(text, date(2010, 7, 16))]
    assert ("1425 local time", "TIME") in got and ("1925 GMT", "TIME") in got
    assert all(t != "DATE" or not x.isdigit() for x, t in got)  # no year 1900, 1925 or 1425


def test_no_event_is_dated_by_a_clock_read_as_a_year():
    text = "This was completed at 1930 CDT on 1 June (0030 GMT 2 June).\nMore text."
    assert all(not f.mention.timex.value.startswith(("1930", "0030")) for f in _found(text))


@pytest.mark.parametrize("line, rest", [
    ("They work for Main Street Posted by: guytaur1 | October 13, 2008 7:46 PM | Report abuse "
     "Posted by: scrivener50 | October 13, 2008 7:29 PM | Report abuse Well I see", " Well I see"),
    ("Clare Spencer | 09:06 UK time, Tuesday, 8 June 2010 Commentators discuss how BP is faring",
     " Commentators discuss how BP is faring"),
    ("| September 16, 2008 10:44 AM | Report abuse Bush has done his best", " Bush has done his best"),
    ("we need that Posted by: nclwtk | September 16, 2008 10:29 AM I like your slogan", " I like your slogan"),
    ('By Chris Cillizza | September 24, 2008; 5:15 PM ET "McCain is wrong to stay away."',
     ' "McCain is wrong to stay away."'),
])
def test_comment_signatures_and_blog_bylines_are_no_events(line, rest):
    assert line[not_event_prefix(line):] == rest


def test_a_label_drops_a_list_marker_and_a_last_word_that_leaves_a_phrase_open():
    from kerryview.events.labels import tidy

    assert tidy("6) Created a culture where agencies got into bed") == "Created a culture where agencies got into bed"
    # a list item marked by a double hyphen, as wire copy writes a dash: "-- President ..."
    assert tidy("-- President Barack Obama directed the agencies to act") == \
        "President Barack Obama directed the agencies to act"
    assert tidy("- The Coast Guard closed the port") == "The Coast Guard closed the port"
    assert tidy("In the letter to the board, dated") == "In the letter to the board"
    assert tidy("The price of oil went up") == "The price of oil went up"


def test_an_age_between_commas_is_no_subject():
    text = "Bobby Jindal, 38, was elected governor in 2007.\nMore."
    # session 12: the age between commas is an apposition, which a headline leaves out
    assert _label(text, "2007") == "Bobby Jindal was elected governor"


@pytest.mark.parametrize("label", ["Where it emerged", "Even as it saw a surge in bird flu cases",
                                   "Although sales fell", "Having served as general manager"])
def test_a_subordinate_clause_alone_is_a_fragment(label):
    assert is_fragment(label)


def test_a_label_reaches_back_past_a_subordinate_clause_to_its_main_clause():
    text = "The outbreak is spreading in Asia, where it emerged in 2003.\nMore."
    assert _label(text, "2003") == "The outbreak is spreading in Asia, where it emerged"


@pytest.mark.parametrize("line", [
    "At 17:15 1st Jun 2010, StanBull wrote: US citizens must also be prepared to shoulder their share.",
    "At 10:33 on 16 Jun 2010, Sam wrote: On 16 Jun 2010 the shares fell again.",
])
def test_a_reader_comments_header_is_no_event_with_or_without_on(line):
    from kerryview.events.not_events import why_not_event

    assert why_not_event(line) == "reader_comment"


def test_each_bullet_point_of_a_wire_summary_is_a_passage_of_its_own():
    text = ("(For full coverage, click (nFLU)) \\* U.S. officials say outbreak is on the upswing "
            "\\* Asian countries pledge common fight against flu on Monday \\* First analysis shows "
            "virus mutations\nMore.")
    assert _label(text, "Monday").startswith("Asian countries pledge common fight against flu")


def test_an_all_capitals_heading_run_into_the_text_is_a_passage_of_its_own():
    text = "PASSENGERS URGED TO COME FORWARD The Mexican man arrived in Hong Kong on Friday.\nMore."
    assert _label(text, "Friday") == "The Mexican man arrived in Hong Kong"


@pytest.mark.parametrize("label, tidied", [
    ("Cameron, who took office", "Cameron took office"),
    ("Sweden, which is credited by experts with deft handling of its crisis",
     "Sweden is credited by experts with deft handling of its crisis"),
    ("After Holder, who was deputy attorney general, heard complaints",  # a main clause follows:
     "Holder, who was deputy attorney general, heard complaints"),  # the relative clause stays
    ("When he became chief executive", "He became chief executive"),  # the clause's own event
    ("If the cap holds", "If the cap holds"),  # a condition is no event: left as it is
    ("May 09 - Japan and Australia announce their first cases", "Japan and Australia announce their first cases"),
    ("Sept. 18: -- The Fed expands its temporary swap lines", "The Fed expands its temporary swap lines"),
])
def test_a_label_says_what_its_subject_did_without_a_relative_pronoun_or_item_date(label, tidied):
    from kerryview.events.labels import tidy

    assert tidy(label) == tidied


def test_a_label_never_starts_with_a_reporting_verb():
    assert is_fragment("Said his revenue doubled after switching") and is_fragment("Says Jason Furman")
    text = "The index fell sharply, saying between 20,000 and 40,000 barrels leaked in May.\nMore."
    assert _label(text, "May").startswith("The index fell sharply")


def test_a_speaker_of_a_quotation_is_labelled_with_the_quotation():
    text = '"We are working around the clock to stop the leak," a BP executive said on Monday.\nMore.'
    assert _label(text, "Monday") == "A BP executive said: “We are working around the clock to stop…”"


@pytest.mark.parametrize("text, when, start", [
    ("The WHO, which had seen 1,000 cases, voiced concern at the spread of the strain on Monday.\nMore.",
     "Monday", "The WHO"),
    ("Egypt, citing concerns over bird flu, had sought to relocate pigs in 2008.\nMore.", "2008", "Egypt"),
])
def test_a_label_that_would_start_with_a_lower_case_participle_reaches_back_to_its_subject(text, when, start):
    assert _label(text, when).startswith(start)


@pytest.mark.parametrize("text, when, label", [
    ("Admiral Thad Allen, on Wednesday, acknowledged the leak had grown.\nMore.", "Wednesday",
     "Admiral Thad Allen acknowledged the leak had grown"),
    ("James Smith (1846) married Esther Richards in a chapel.\nMore.", "1846",
     "James Smith married Esther Richards in a chapel"),
])
def test_the_punctuation_around_a_dropped_date_goes_with_it(text, when, label):
    assert _label(text, when) == label


def test_an_apposition_keeps_its_commas_when_a_date_after_it_goes():
    from kerryview.events.labels import without_date

    assert without_date("Allen, the commander, ", ", acknowledged") == "Allen, the commander, acknowledged"
    assert without_date("Allen, ", ", acknowledged") == "Allen acknowledged"


def test_a_label_that_starts_just_before_a_run_on_break_stops_at_it():
    # the date "the 11 September," dropped, the label started two words before the break, too
    # few for a passage counted from the label's start: "2001 attacks The administrator of a $20bn"
    from kerryview.events.labels import within_passage
    text = ("Kenneth Feinberg oversaw compensation for victims of the 11 September, 2001 attacks "
            "The administrator of a $20bn fund has said there is no doubt.\nMore text.")
    start, trigger = text.index("2001"), (text.index("attacks"), text.index("attacks") + 7)
    end = text.index(" fund")
    assert within_passage(text, start, end, trigger, 0) == (start, text.index(" The"))
    later = (text.index("administrator"), text.index("administrator") + 13)
    assert within_passage(text, start, end, later, 0) == (text.index("The"), end)
