"""Session 17 (issue #9 item 6): labels that read like a headline. A long label ends complete
before it ends in "…" (its asides dropped, a clause break right at the limit read whole, a
complete label a little over the limit); a photograph's position words are no verb; a date's
own comma, a dated "where" clause, a leading "Since" before a date, an apposition's name. Each
rule's words are data (events/data/lead_rules.json) with an example read here."""
import json
from datetime import date
from importlib.resources import files

import pytest

from kerryview.events.labels import (MAX_LABEL_CHARS, OVERRUN_CHARS, caption_position_spans, photo_credits, shorten,
                                     tidy, without_asides, without_caption_positions)
from kerryview.events.not_events import not_event_prefix
from kerryview.text.wordlists import event_lists
from test_label_families import _labels

NEW_LISTS = ("caption_positions", "date_lead_in_adverbs", "period_openers", "photo_credit_markers", "photo_agencies")


def _entry(name):
    return json.loads((files("kerryview.events") / "data" / "lead_rules.json").read_text("utf-8"))[name]


@pytest.mark.parametrize("name", NEW_LISTS)
def test_each_new_rules_example_comes_out_as_it_says(name):
    assert event_lists("lead_rules.json")[name] and _entry(name)["about"]
    given, wanted = (part.strip().strip('"') for part in _entry(name)["example"].split(" -> "))
    assert wanted in _labels(given, date(2023, 7, 20)), _labels(given, date(2023, 7, 20))


def test_a_dated_where_clause_is_labelled_by_its_own_subject_and_verb():
    # the demo's 07-17 event: the whole sentence ("... will pick up on July 18 where they left off
    # and negotiate through the day") named the day before the talks resumed; "they" stands for
    # the main clause's subject, which names nobody else (lead_rules.json dated_clause_openers)
    text = ("The U.S. and Chinese delegations will pick up on July 18 where they left off the previous day "
            "and negotiate through the day.")
    assert "where" in event_lists("lead_rules.json")["dated_clause_openers"]
    assert _labels(text, date(2023, 7, 17)) == [
        "The U.S. and Chinese delegations will pick up where they left off the previous day",  # 07-18
        "The U.S. and Chinese delegations left off"]  # 07-17
    # another noun in the main clause the pronoun may stand for: no subject is guessed
    other = "The officials will meet the divers on July 18 where they left off the previous day."
    assert "The officials left off" not in _labels(other, date(2023, 7, 17))


# ------------------------------------------------------------------ long labels end complete
@pytest.mark.parametrize("label, keep, wanted", [
    # brackets
    ("That estimate is based on some telephone polls asking people whether they'd had flu-like symptoms "
     "(not the most accurate way of estimating illness) and some community surveys", 14,
     "That estimate is based on some telephone polls asking people whether they'd had flu-like symptoms"),
    # two dashes between a subject and its verb
    ("World Have Your Say - the World Service global discussion program - was presented from the rooftop "
     "of a hotel in Mexico City", 22,
     "World Have Your Say was presented from the rooftop of a hotel in Mexico City"),
    # a relative clause between two commas before the verb
    ("WHO Director-General Margaret Chan, who raised the United Nations agency's pandemic alert to 5 out of 6 "
     "in response to the fast spread of swine flu, is trying to broker an international agreement on the "
     "sharing of virus samples", 33,
     "WHO Director-General Margaret Chan is trying to broker an international agreement"),
])
def test_a_long_label_drops_its_asides_before_it_ends_in_an_ellipsis(label, keep, wanted):
    assert shorten(label, MAX_LABEL_CHARS, keep) == wanted


def test_an_aside_that_holds_the_event_words_or_a_verb_or_ends_a_clause_is_kept():
    label = ("He said the company - whose stock price dropped sharply during Holder's announcement, then "
             "partially recovered - is cooperating")
    assert without_asides(label, 16)[0] == label  # "recovered", the event words, are in the aside
    assert without_asides("(By Michael Fein -- Bloomberg News) U.S. factory orders sank", 10)[0] \
        == "U.S. factory orders sank"  # a byline's bracket may open the label
    text = "At this stage close contacts who should be offered antivirals (are those) who have been exposed"
    assert without_asides(text, 5)[0] == text  # a verb in brackets
    # the dashes ended a clause: a comma does
    assert without_asides("While the device didn't close -- or may have closed partially -- investigative "
                          "hearings have produced no clear picture", 14)[0] \
        == "While the device didn't close, investigative hearings have produced no clear picture"
    # not between a subject and its verb ("The spill began on 20 April, when ..., leased")
    began = ("The spill began on 20 April, when the Deepwater Horizon oil rig, leased by BP from Swiss "
             "drilling giant Transocean, exploded")
    assert without_asides(began, 21)[0] == began


def test_a_complete_label_a_little_over_the_limit_beats_one_in_an_ellipsis():
    label = ("The World Health Organization says 1,490 people around the world have so far contracted the "
             "H1N1 swine flu virus")
    assert MAX_LABEL_CHARS < len(label) <= MAX_LABEL_CHARS + OVERRUN_CHARS
    assert shorten(label, MAX_LABEL_CHARS, 11) == label  # not "... the H1N1 swine flu…"
    # a shorter complete label within the limit still comes first, even short of the event words
    assert shorten("BP said oil reached the coast, as officials on the radio in the morning watched the storm "
                   "pass", 60, 14) == "BP said oil reached the coast"


def test_a_clause_break_right_at_the_limit_is_read_whole():
    label = ("a top WHO official: So far the H1N1 virus has not shown signs of sustained person-to-person spread "
             "outside of North America and so has not yet tipped over into a pandemic")
    assert shorten(label, MAX_LABEL_CHARS, 10) == (
        "a top WHO official: So far the H1N1 virus has not shown signs of sustained person-to-person spread "
        "outside of North America")


def test_a_cut_at_a_clause_word_never_ends_on_a_word_that_leaves_a_phrase_open():
    label = ("He said the company would try the procedure again Thursday evening and might add chunkier debris "
             "such as rubber balls")  # lead_rules.json never_last: "such"
    assert shorten(label, MAX_LABEL_CHARS, 2) == "He said the company would try the procedure again Thursday evening"



def test_a_cut_never_leaves_a_bracket_open():
    """A bracket that holds a verb stays in the label (it is no aside to drop), so a cut at a
    comma or a phrase inside it ended the label in the bracket: "... customers (who had bought
    the recalled cars between January and March". The cut goes before the bracket."""
    for label in ("The company said it would contact customers (who had bought the recalled cars between "
                  "January and March, the agency said) next week",
                  "Officials said close contacts of the patients (those who were exposed to the virus in the "
                  "school, officials said) will be given antivirals"):
        for keep in (2, 3):
            cut = shorten(label, MAX_LABEL_CHARS, keep)
            assert cut.count("(") == cut.count(")"), cut
            assert label.startswith(cut.rstrip("…")) and len(cut.split()) >= 4, cut
    closed = "BP said the well (which it capped on Thursday) was holding, as engineers watched the pressure rise"
    assert shorten(closed, 60, 2) == "BP said the well (which it capped on Thursday) was holding"


# ------------------------------------------------------------------ photo captions
def test_a_photographs_position_words_are_no_verb_and_no_clause_break():
    text = ("Morgan Stanley chief executive John Mack, left, and Citigroup chief executive Vikram Pandit leave "
            "a meeting at the Treasury Department yesterday.")
    assert caption_position_spans(text, 0, len(text)) == [(text.index(", left,"), text.index(" and Citigroup"))]
    # before: "Executive Vikram Pandit leave a meeting at the Treasury Department" (the event noun's
    # phrase reached back past its determiner) and "... John Mack left" from a caption's "left"
    assert _labels(text, date(2008, 10, 12)) == [
        "Morgan Stanley chief executive John Mack and Citigroup chief executive Vikram Pandit leave a meeting"]
    text = ("President Bush, left, makes a statement in the Rose Garden of the White House after meeting with "
            "G7 finance ministers about the financial crisis, Saturday, Oct. 11, 2008, in Washington.")
    assert _labels(text, date(2008, 10, 12)) == [
        "President Bush makes a statement in the Rose Garden of the White House"]  # not "Makes a statement ..."
    assert without_caption_positions("President Bush, center, French President Nicolas Sarkozy (right) and "
                                     "Jose Manuel Barroso arrive") \
        == "President Bush, French President Nicolas Sarkozy and Jose Manuel Barroso arrive"


# ------------------------------------------------------------------ a date's comma, an apposition's name
def test_a_dates_own_comma_never_starts_a_label():
    assert _labels("On September 30, 1934 FDR delivered a fire-side chat in which he urged an end to "
                   "hostilities.", date(2008, 10, 12)) == ["FDR delivered a fire-side chat"]  # not "1934 FDR ..."


def test_the_name_before_an_apposition_is_the_subject_when_the_words_before_hold_another_date():
    text = ("General Motors: $39bn loss in third quarter 2007 Bob Dudley, currently managing director and a US "
            "citizen, told ABC's Good Morning America program that BP would become a leaner organization.")
    labels = _labels(text, date(2010, 7, 27))
    assert not any(lb.startswith("Currently managing director") for lb in labels), labels
    assert any(lb.startswith("Bob Dudley told ABC's Good Morning America program") for lb in labels), labels


# ------------------------------------------------------------------ "Since"
def test_a_leading_since_or_after_before_a_date_or_a_phrase_is_a_preposition_and_stays():
    assert tidy("Since Monday, BP has collected 10,000 barrels") == "Since Monday, BP has collected 10,000 barrels"
    assert tidy("After the blast, BP shares fell sharply") == "After the blast, BP shares fell sharply"
    assert tidy("When he became chief executive") == "He became chief executive"  # a subordinator
    assert tidy("Then yesterday morning engineers felt confident enough to begin shutting off the valves") \
        == "Yesterday morning engineers felt confident enough to begin shutting off the valves"  # no preposition
    assert tidy("Then that's a bit like saying that, today, it is hot") \
        == "That's a bit like saying that, today, it is hot"  # "Then" orders events: it goes
    assert tidy("Since an explosion on 20 April, 50 miles off the coast of Louisiana") \
        == "An explosion on 20 April, 50 miles off the coast of Louisiana"  # no clause after the comma
    assert tidy("After Holder, who was deputy attorney general, heard complaints") \
        == "Holder, who was deputy attorney general, heard complaints"


def test_a_date_lead_in_goes_with_its_word_of_degree():
    assert _labels("Talks have been stuck since almost last August.", date(2023, 7, 20)) \
        == ["Talks have been stuck"]  # not "... since almost"
    assert _labels("Officials said talks had stalled as recently as last month, when the two sides met.",
                   date(2023, 7, 20)) == ["Officials said talks had stalled"]  # not "... as recently"
    assert _labels('The Peruvian president, who was talking about a "crisis of prosperity" as recently as last '
                   "month, announced a $3.4 billion bailout package.", date(2009, 1, 5))[0].startswith(
        "The Peruvian president announced a $3.4 billion bailout package")  # not "... as recently as, announced"


def test_a_photographs_credit_ends_its_caption_and_its_agency_ends_the_credit():
    text = ("The firm has been accused of muzzling the academics it is hiring Photograph: Alex Ogle\\/AFP\\/Getty "
            "Images BP has rejected accusations of muzzling the scientists it hired on Monday.")
    [(a, b)] = photo_credits(text, 0, len(text))
    assert text[a:b] == "Photograph: Alex Ogle\\/AFP\\/Getty Images "
    assert _labels(text, date(2010, 7, 20)) == ["BP has rejected accusations of muzzling the scientists it hired"]
    # not_events.tsv photo_credit_run_in: the photographer's name never takes the sentence's subject
    line = "Oil on the beach. REUTERS/Jason Reed BP said on Monday the well was shut."
    assert line[not_event_prefix(line):].strip().startswith("BP said")
    line = "A worker rests. AFP/Getty Images BP shares rose on Monday."
    assert line[not_event_prefix(line):].strip().startswith("BP shares rose")


def test_a_report_too_long_to_end_complete_is_told_by_what_was_said_alone():
    # "the said part's own clause": shorter, and complete, where "Speaker: said" ends in "…"
    text = ("The director of the Congressional Budget Office said yesterday that the proposed Wall Street bailout "
            "could actually worsen the current financial crisis.")
    assert _labels(text, date(2008, 9, 25)) == [
        "The proposed Wall Street bailout could actually worsen the current financial crisis"]
    # one that fits keeps its speaker
    assert _labels("A U.S. official said on Monday that oil will reach the Florida coast by Friday.",
                   date(2010, 6, 8))[0] == "A U.S. official: Oil will reach the Florida coast by Friday"
