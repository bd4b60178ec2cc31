"""The one tense detector: its cue lists live in one data file, and the tagger and dating read
the same tense for the same expression."""
import json
from datetime import date
from importlib.resources import files

import pytest

from kerryview.dating.inference import _passages
from kerryview.text.tense import tense
from kerryview.text.wordlists import irregular_verbs, list_words, tense_cues
from kerryview.timex import tag

EXAMPLE = "Talks ended Monday and will resume later."


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_an_expression_takes_the_tense_of_the_cue_nearest_to_it():
    assert tense(EXAMPLE, *_span(EXAMPLE, "Monday")) == "past"  # "ended", not "will"
    assert tense(EXAMPLE, *_span(EXAMPLE, "later")) == "future"  # "will resume"
    text = "The talks will resume Dec. 15, he said."
    assert tense(text, *_span(text, "Dec. 15")) == "future"
    text = "He said the talks happen Dec. 15."
    assert tense(text, *_span(text, "Dec. 15")) == "past"  # "said" is the nearest cue
    assert tense(text, *_span(text, "Dec. 15"), reporting=False) is None  # unless reports are skipped
    text = "He said the talks resume Dec. 15."  # a scheduled present (scheduled_present_plural) is nearer
    assert tense(text, *_span(text, "Dec. 15")) == "future"
    text = "The deal had been scheduled to expire Friday."
    assert tense(text, *_span(text, "Friday")) == "past"  # a plan that lies in the past
    text = "They met to discuss a still unspecified date."
    assert tense(text, *_span(text, "date")) == "past"  # "unspecified" is an adjective; "met" counts


def test_the_tagger_and_dating_agree_on_the_example():
    """Dating used a second detector that called the whole sentence "future" (it contains
    "will"), while the tagger put "Monday" in the past: dating then counted the tagger's
    reading of the passage as a violation."""
    wednesday = date(2023, 7, 19)
    timexes = tag(EXAMPLE, wednesday)
    monday = next(t for t in timexes if t.text == "Monday")
    assert monday.value == "2023-07-17"  # the tagger: the Monday before, a past event
    [passage] = [p for p in _passages(EXAMPLE, timexes) if timexes[p.timex_index] == monday]
    assert passage.tense == "past"  # dating: the same reading


def test_every_tense_cue_list_lives_in_one_data_file_with_an_example():
    raw = json.loads((files("kerryview.text") / "data" / "tense_cues.json").read_text("utf-8"))
    lists = {k: v for k, v in raw.items() if not k.startswith("_")}
    assert set(lists) == {"present", "past", "future", "plan_words", "past_auxiliaries",
                          "adjective_before", "reporting", "past_expectation", "headline_present",
                          "before_expression", "before_expression_links", "headline_subjects",
                          "not_verbs_after_to", "infinitive_before", "bare_pasts", "reported_plan_auxiliaries", "reported_plan_breaks", "past_conditional", "opening_words", "ability_modals", "negation", "perception_verbs", "past_before",
                          "past_before_links", "past_frames", "scheduled_present_plural", "attributive_future", "clause_coordinators",
                              "entry_in_sentence", "passive_infinitive", "listener_report", "present_passive", "stance_to", "noun_or_verb", "noun_before", "market_moves", "verb_prefixes",
                              "relative_that_followers", "report_object_openers", "bare_before_expression",
                              "bare_verb_before", "cause_adverbs"}
    for name, entry in lists.items():
        assert entry["about"] and entry["example"] and (entry.get("words") or entry.get("words_from")), name
        assert tense_cues()[name] == list_words(entry) and tense_cues()[name], name
    from kerryview.timex.lexicon import lexicon as timex_lexicon
    lexicon = timex_lexicon()
    assert not {"present_cue", "past_cue", "future_cue"} & set(lexicon)  # no second copy


CHRONOLOGY = ("20 April: Deepwater Horizon rig explodes, killing 11 people 8 May: Giant metal dome "
              "fails to cap leak 2 June: US government begins criminal inquiry 15 July: Obama to "
              "visit Gulf 4 August: talks will resume")


def test_a_chronology_entry_is_a_headline_whose_present_simple_is_past():
    # without the headline rule, "begins" (a cue of the future: "the trial begins Monday") of the
    # next entry made every date of the chronology future, and "8 May" (published in
    # September) fell in the next year, drawn as scheduled
    for heading in ("20 April", "8 May", "2 June"):
        assert tense(CHRONOLOGY, *_span(CHRONOLOGY, heading), reporting=False) == "past", heading
    assert tense(CHRONOLOGY, *_span(CHRONOLOGY, "15 July")) == "future"  # "Obama to visit"
    assert tense(CHRONOLOGY, *_span(CHRONOLOGY, "4 August")) == "future"  # "will resume"
    assert tense("The trial begins Monday.", *_span("The trial begins Monday.", "Monday")) == "future"


def test_the_tagger_dates_a_chronology_entry_in_the_past():
    values = {t.text: t.value for t in tag(CHRONOLOGY, dct=date(2010, 9, 8))}
    assert values["8 May"] == "2010-05-08" and values["2 June"] == "2010-06-02"


def test_a_participle_looks_ahead_only_as_a_preposition_before_the_expression():
    # bpoil_guardian's live blog: "starting" (a cue of "starting Monday") read as future made the
    # entry's clock time a scheduled event, although the entry tells what is happening at 3.32 pm
    text = "3.32 pm: Now it's the chance for the witnesses, starting with BP America's Lamar McKay."
    assert tense(text, *_span(text, "3.32 pm"), reporting=False) == "past"
    text = "On Monday the senators were starting to get unhappy."
    assert tense(text, *_span(text, "Monday")) == "past"  # "were", not "starting" on the right
    for text, when in (("The new rules apply starting Monday.", "Monday"),
                       ("The ban is lifted, effective as of Jan. 1.", "Jan. 1"),
                       ("Flights resume starting on Friday.", "Friday")):
        assert tense(text, *_span(text, when)) == "future", text


@pytest.mark.parametrize("entry, expected", [
    ("4 August: Climate talks to resume in Bonn", "future"),  # a noun of the headline's subject
    ("4 August: US-China talks to resume", "future"),
    ("4 August: Summit to be held in Bonn", "future"),
    ("4 August: Talks to resume", "future"),  # a capitalized word, as before
    ("4 August: Obama to visit Gulf", "future"),
    ("4 August: Congressman wants BP to open a hotline", "past"),  # "wants" is the headline's verb
    ("4 August: First demand of the day for Hayward to resign", "past"),  # no headline's subject
    ("4 August: Over to questions from analysts", "past"),  # no verb after "to"
    ("4 August: Oil spreads to beaches", "past"),
    ("4 August: BP agrees to pay $20bn", "past"),
])
def test_to_and_a_verb_after_a_headlines_subject_announces(entry, expected):
    assert tense(entry, 0, entry.index(":"), reporting=False) == expected


def test_a_sentence_ending_right_after_the_expression_ends_its_clause():
    """"I can't wait till November. I call people who have had ...": the next sentence's "had"
    is not the tense of "November" (the period's boundary was missed when the text after the
    expression began with it)."""
    text = "I can't wait till November. I call people who have had failures."
    assert tense(text, *_span(text, "November")) is None


def test_a_plural_present_of_a_scheduled_event_announces_but_not_as_a_bare_verb():
    """tense_cues.json scheduled_present_plural: "the leaders meet Monday" announces, as "the
    leader meets Monday" does (TimeBank VOA19980501.1800.0355: "He and Arafat meet separately
    Monday" said on a Friday is the next Monday); after "to", a modal or a negation the verb is
    bare and the cue before it decides."""
    text = "He and Palestinian leader Yasser Arafat meet separately Monday with Madeleine Albright."
    assert tense(text, *_span(text, "Monday")) == "future"
    text = "Talks resume Monday in Geneva."
    assert tense(text, *_span(text, "Monday")) == "future"
    text = "Problems made it difficult for Sun to meet demand for its computers well into the summer."
    assert tense(text, *_span(text, "the summer")) == "past"  # "made", not "meet"
    text = "The board did not meet on Monday."
    assert tense(text, *_span(text, "Monday")) != "future"
    dct = date(1998, 5, 1)  # a Friday
    assert {t.text: t.value for t in tag("Netanyahu and Arafat meet separately Monday.", dct)}["Monday"] == "1998-05-04"


def test_bare_verbs_modals_and_causes_are_no_false_cues():
    text = "The group is going to put pressure to present the changes before the April summit."
    assert tense(text, *_span(text, "April")) == "future"  # "put" after "to" is no past
    text = "Freddie Mac reports a loss from July through September due to the falling value of securities."
    assert tense(text, *_span(text, "July")) != "future"  # "due to the": a cause, no plan
    text = "If they had disagreed, they would have stopped it back in July."
    assert tense(text, *_span(text, "July")) == "past"  # a past that did not happen
    text = "Neither he nor his grandparents could be located Wednesday in their hometown."
    assert tense(text, *_span(text, "Wednesday")) == "past"  # an ability under negation: "located" decides
    text = "It could be ready to deploy on Tuesday."
    assert tense(text, *_span(text, "Tuesday")) == "future"
    text = "The contraption should be operational by Monday."
    assert tense(text, *_span(text, "Monday")) == "future"
    text = "Lawyer Mike Papantino, in a September interview, said that the fund should have been bigger."
    assert tense(text, *_span(text, "September"), reporting=False) == "past"


def test_a_report_dated_by_the_expression_is_its_tense_even_when_reports_are_skipped():
    text = "In February, the administration said it planned to limit salaries."
    assert tense(text, *_span(text, "February"), reporting=False) == "past"
    text = "Attorney General Eric Holder said in June that the government will prosecute violations."
    assert tense(text, *_span(text, "June"), reporting=False) == "past"
    text = "BP could install a new system by early September, Kent Wells told reporters."
    assert tense(text, *_span(text, "early September"), reporting=False) == "future"  # "told" is added, "could" decides


def test_since_before_the_expression_is_past_and_could_looks_ahead_unless_an_ability():
    text = "The Gulf could get its best news since the April 20 explosion on the rig."
    assert tense(text, *_span(text, "April 20")) == "past"
    text = "So having a long weekend? since no school for you."
    assert tense(text, *_span(text, "weekend")) is None  # "since" after it is a conjunction
    text = "Forecasters say the oil could reach Pensacola Beach by Wednesday."
    assert tense(text, *_span(text, "Wednesday")) == "future"
    text = "On Thursday, I could smell the oil."
    assert tense(text, *_span(text, "Thursday")) is None  # an ability: what was perceived then
    text = "Police could not find him on Friday."
    assert tense(text, *_span(text, "Friday")) is None


def test_since_is_past_only_where_it_governs_the_expression():
    """"since" dates the expression only as its preposition, right before it or before its
    determiner and modifiers ("since the April 20 explosion", "since early February"); "since the
    flood" earlier in the clause governs another phrase, so the nearer cue before it decides."""
    text = "The team will play its first home game since the flood on Saturday."
    assert tense(text, *_span(text, "Saturday")) == "future"
    text = "He will be the first president since Lincoln to visit the city on Friday."
    assert tense(text, *_span(text, "Friday")) == "future"
    text = "Sales have risen since early February."
    assert tense(text, *_span(text, "early February")) == "past"
    text = "It was his first news conference since February."
    assert tense(text, *_span(text, "February")) == "past"
    dct = date(2010, 11, 10)  # a Wednesday
    text = "The team will play its first home game since the flood on Saturday."
    assert {t.text: t.value for t in tag(text, dct)}["Saturday"] == "2010-11-13"


def test_could_in_a_past_frame_is_a_past_ability_and_only_a_passive_under_negation_is_no_cue():
    """"could" looks ahead as a possibility; it tells a past ability in a clause framed in the
    past ("As a child he could swim ..."), and a negation earlier in its clause makes it no cue
    only in the news formula of a failed attempt, "could be" + participle ("Neither he nor ...
    could be located Wednesday"), not in a prediction ("no oil could reach the coast")."""
    text = "As a child he could swim across the lake in summer."
    assert tense(text, *_span(text, "summer")) == "past"
    assert {t.text: t.value for t in tag(text, date(2010, 11, 10))}["summer"] != "2011-SU"
    text = "Officials said no oil could reach the coast before Friday."
    assert tense(text, *_span(text, "Friday")) == "future"
    assert tense(text, *_span(text, "Friday"), reporting=False) == "future"
    text = "Neither he nor his grandparents could be located Wednesday in their hometown."
    assert tense(text, *_span(text, "Wednesday")) == "past"
    text = "Back then the oil could reach the coast in a day."
    assert tense(text, *_span(text, "a day")) == "past"


def test_the_modals_and_negations_have_one_home():
    """tense_cues.json, timex/rules/context.json and events/data/clause_rules.json take the
    modal verbs and the negations from text/data/modals.json, keeping no copy of their own."""
    from kerryview.text.wordlists import event_lists, modals
    from kerryview.timex.lexicon import table
    every = modals()["modals"] | modals()["negations"]
    files_lists = [("kerryview.text", "data", "tense_cues.json", ("infinitive_before", "past_conditional", "negation")),
                   ("kerryview.timex", "rules", "context.json", ("modal",)),
                   ("kerryview.events", "data", "clause_rules.json", ("not_dated_words",))]
    for package, folder, name, lists in files_lists:
        raw = json.loads((files(package) / folder / name).read_text("utf-8"))
        for key in lists:
            assert not every & set(raw[key].get("words", ())), (name, key)  # no copy
            assert "modals.json" in str(raw[key]["words_from"]), (name, key)
    assert {"will", "would", "could", "not"} <= tense_cues()["infinitive_before"]
    assert tense_cues()["past_conditional"] == modals()["modals"] - {"will", "shall", "can"}
    assert set(table("modal")) == modals()["modals"]
    assert {"would", "could", "not", "never"} <= event_lists("clause_rules.json")["not_dated_words"]
    assert "will" not in event_lists("clause_rules.json")["not_dated_words"]


def test_no_data_file_keeps_a_copy_of_the_modals():
    """Every word list of the package's data that holds the modal verbs (all of them; "shall"
    a writer may leave out) takes them from text/data/modals.json ("words_from")."""
    import pathlib
    from kerryview.text.wordlists import modals
    copy = modals()["modals"] - {"shall"}

    def copies(node, where):
        if isinstance(node, dict):
            if copy <= set(node.get("words", ())):
                yield where
            for key, value in node.items():
                if key != "words":
                    yield from copies(value, f"{where}/{key}")
        elif isinstance(node, list) and copy <= {w for w in node if isinstance(w, str)}:
            yield where
    root = pathlib.Path(str(files("kerryview")))
    found = [w for path in sorted(root.rglob("*.json")) if path.name != "modals.json"
             for w in copies(json.loads(path.read_text("utf-8")), path.name)]
    assert not found, found


@pytest.mark.parametrize("sentence, word, ahead", [
    ("Churchill, who would become prime minister in 1940, opposed it.", "1940", True),
    ("The talks will resume in March.", "March", True),
    ("We'll meet in March.", "March", True),
    ("New rules, starting Monday, apply.", "Monday", True),
    ("8 May: Obama to visit Gulf", "8 May", True),  # a chronology entry: its own reading
    ("The treaty was signed in 1919 at Versailles.", "1919", False),
    ("He was born in 1890.", "1890", False),
])
def test_may_look_ahead_is_false_only_where_tense_cannot_be_future(sentence, word, ahead):
    from kerryview.text.tense import may_look_ahead
    i = sentence.index(word)
    assert may_look_ahead(sentence, i, i + len(word)) == ahead
    if tense(sentence, i, i + len(word)) == "future":
        assert may_look_ahead(sentence, i, i + len(word))


def test_a_month_right_before_a_past_reporting_verb_dates_the_report():
    """"Obama in March said the plan would work", published in June 2010: March is the report's
    month, 2010-03 (the tagger took its tense from the reported "would": 2011-03). The
    opening_words example; a month of the reported clause still looks ahead."""
    june = date(2010, 6, 15)
    for text, value in (("Obama in March said the plan would work.", "2010-03"),
                        ("The White House on Monday said talks would resume.", "2010-06-14"),
                        ("In March, Obama said the plan would work.", "2010-03"),
                        ("The plan would work in March, Obama said.", "2011-03"),
                        ("Obama said the plan would work in March.", "2011-03")):
        [t] = tag(text, june)
        assert t.value == value, (text, t.value)
    text = "Obama in March said the plan would work."
    assert tense(text, *_span(text, "March"), reporting=False) == "past"
    example = json.loads((files("kerryview.text") / "data" / "tense_cues.json").read_text("utf-8"))[
        "opening_words"]["example"]
    assert "Obama in March said the plan would work" in example


def _cue_example(name: str) -> str:
    return json.loads((files("kerryview.text") / "data" / "tense_cues.json").read_text("utf-8"))[name]["example"]


def test_an_expression_inside_a_sentence_before_a_colon_heads_no_entry():
    """tense_cues.json entry_in_sentence: 'said on Tuesday: "... we will see deaths"' was read as a
    chronology's heading whose entry (the quotation) looked ahead, so the Tuesday was the next
    one (H1N1_bbc/23, unlabeled Timeline17 read against HeidelTime). After a preposition or a
    past or present cue of its line's clause the sentence's verb decides; a chronology run
    together on one line, and a heading after another heading's colon, keep their entries."""
    wednesday = date(2009, 4, 29)
    text = 'A health official said on Tuesday: "I expect that we will see deaths"'
    assert "said on Tuesday" in _cue_example("entry_in_sentence")
    assert tense(text, *_span(text, "Tuesday")) == "past"
    assert [t.value for t in tag(text, wednesday)] == ["2009-04-28"]
    text = "Executives testified in Senate hearings Tuesday: Someone else was to blame."
    assert tense(text, *_span(text, "Tuesday")) == "past"  # "testified", not the entry's "was to"
    text = "Call the main switchboard: 5 May: Shrimp boats will be used to collect oil."
    assert tense(text, *_span(text, "5 May"), reporting=False) == "future"  # still an entry
    for heading in ("20 April", "8 May", "2 June"):
        assert tense(CHRONOLOGY, *_span(CHRONOLOGY, heading), reporting=False) == "past", heading


def test_died_is_a_past_cue():
    """'died' has four letters, below the -ed rule's five: 'died on Sunday, becoming the city's
    first death due to H1N1 flu' took its tense from 'due to' (future: the next Sunday)."""
    text = ("A principal suffering from swine flu died on Sunday, becoming the city's first death "
            "due to H1N1 flu, officials said.")
    assert "died" in tense_cues()["past"]
    assert tense(text, *_span(text, "Sunday")) == "past"
    assert [t.value for t in tag(text, date(2009, 5, 18))] == ["2009-05-17"]


def test_a_passive_infinitive_after_a_noun_looks_ahead():
    """tense_cues.json passive_infinitive: 'the news conference to be held Friday (May 8, 2009)'
    said on Tuesday 5 May was the Friday before ('held' read as a past)."""
    assert "to be held Friday" in _cue_example("passive_infinitive")
    text = "speakers at the news conference to be held Friday in Washington"
    assert tense(text, *_span(text, "Friday")) == "future"
    assert tag(text, date(2009, 5, 5))[0].value == "2009-05-08"
    text = "He was found to be infected on Monday."
    assert tense(text, *_span(text, "Monday")) == "past"
    text = "It expected the well to be declared dead by Sunday, but on Friday the Coast Guard said more."
    assert tense(text, *_span(text, "Friday")) != "future"


def test_the_listener_after_a_reporting_verb_leaves_the_expression_to_the_telling():
    """tense_cues.json listener_report: 'As he told the Wall Street Journal in March: ...' said in
    September 2008 is March 2008 (the telling), not the next March."""
    assert "told the Wall Street Journal in March" in _cue_example("listener_report")
    sept = date(2008, 9, 16)
    for text, value in (("As he told the Wall Street Journal in March: I'm always for less regulation.", "2008-03"),
                        ("As he told the Wall Street Journal in March, he is for less regulation.", "2008-03"),
                        ("He told reporters the plant would close in March.", "2009-03")):
        assert tag(text, sept)[0].value == value, text


def test_a_telling_still_to_come_dates_nothing():
    """tense_cues.json listener_report: 'The chairman will tell the committee in March that the
    bank is sound.' said on 3 May 2010 is the next March ('will'), not the telling's past March."""
    text = "The chairman will tell the committee in March that the bank is sound."
    assert text in _cue_example("listener_report")
    may = date(2010, 5, 3)
    assert tag(text, may)[0].value == "2011-03"
    for text in ("The chairman is to tell the committee in March that the bank is sound.",
                 "The chairman plans to tell the committee in March that the bank is sound."):
        assert tag(text, may)[0].value == "2011-03", text
    assert tag("The chairman told the committee in March that the bank is sound.", may)[0].value == "2010-03"


def test_a_participle_after_a_present_be_is_a_present_passive():
    """tense_cues.json present_passive: "before a dedicated flu helpline is opened in the autumn"
    said in May 2009 took its tense from "opened" (past: autumn 2008); "until a relief well is
    drilled, sometime in August" said in June 2010 was August 2009."""
    assert "is opened in the autumn" in _cue_example("present_passive")
    text = "in case the outbreak escalates before a dedicated flu helpline is opened in the autumn"
    assert tense(text, *_span(text, "the autumn")) == "present"
    assert tag(text, date(2009, 5, 7))[0].value == "2009-FA"
    text = "The leak may not be stopped until a relief well is drilled, sometime in August."
    assert tag(text, date(2010, 6, 10))[0].value == "2010-08"
    text = "The helpline opened in the autumn."
    assert tense(text, *_span(text, "the autumn")) == "past"


def test_a_negated_present_passive_is_still_a_present():
    # tense_cues.json present_passive: a word of negation between "is" and the participle
    text = "A vaccine is not expected before January, officials say."
    assert tense(text, *_span(text, "January")) == "present"
    assert tag(text, date(2008, 9, 19))[0].value == "2009-01"
    text = "A vaccine was not expected before January."
    assert tense(text, *_span(text, "January")) == "past"


def test_a_month_of_a_present_clause_is_the_nearest():
    """anchor._year_for: a present clause tells of now or of what is scheduled, so its month is
    the nearest one, not the past one a past or unmarked clause takes beyond 100 days ahead:
    "when the hurricane season hits in May, ... the outcome will be catastrophic" said in
    January 2010 (haiti_bbc/579: was May 2009); "Democrats, who are facing big losses in
    congressional elections in November" said in June."""
    text = "When the hurricane season hits in May, if people are still living like this, the outcome will be catastrophic."
    assert tag(text, date(2010, 1, 19))[0].value == "2010-05"
    text = "his fellow Democrats, who are facing big losses in congressional elections in November."
    assert tag(text, date(2010, 6, 20))[0].value == "2010-11"
    text = "Sales rose in November."  # a past clause: the last November
    assert tag(text, date(2010, 6, 20))[0].value == "2009-11"


def test_since_and_a_gerund_and_a_capitalized_reporting_verb():
    """tense_cues.json past_before: "since moving to the United States in September, I've given
    up DVDs" said in April 2009 is September 2008; "States" of "the United States" is a name,
    not the reporting verb "states" (which made the clause present)."""
    assert "since moving to the United States in September" in _cue_example("past_before")
    text = "And since moving to the United States in September, I've largely given up DVDs."
    assert tense(text, *_span(text, "September")) == "past"
    assert tag(text, date(2009, 4, 25))[0].value == "2008-09"
    text = "The report states in March that exports rose."  # lower-case: the reporting verb
    assert tense(text, *_span(text, "March"), reporting=False) == "present"
    text = "He moved to the United States in March."
    assert tense(text, *_span(text, "March"), reporting=False) == "past"  # "moved", not "States"


def test_the_weekend_of_a_clause_that_looks_ahead_is_the_coming_one():
    """anchor.op_weekend: "the weekend" said Monday to Wednesday is the one just past, unless
    the clause looks ahead ("talks are to continue through the weekend", "a storm that could
    become violent by the weekend")."""
    wednesday = date(1998, 3, 11)
    assert tag("Talks are to continue through the weekend.", wednesday)[0].value == "1998-W11-WE"
    assert tag("He spent the weekend at home.", wednesday)[0].value == "1998-W10-WE"


def test_a_passive_infinitive_after_a_past_verb_and_its_object_and_a_compound_adjective():
    """tense_cues.json passive_infinitive: "Bad weather forced the operation to be suspended at
    the weekend" is past (a past verb a few words before 'to'); the participle of a compound
    adjective ("phone-based") is no past verb (tense._compound_free), so "the phone-based news
    conference to be held Friday" still looks ahead."""
    text = "Bad weather forced the operation to be suspended at the weekend."
    assert tense(text, *_span(text, "the weekend")) == "past"
    text = "speakers at the phone-based news conference to be held Friday in Washington"
    assert tense(text, *_span(text, "Friday")) == "future"
    text = "The state-owned bank on Friday"
    assert tense(text, *_span(text, "Friday")) is None


@pytest.mark.parametrize("text, dct, value", [
    # an adverb between "be" and its participle: "will be officially released" looks ahead
    ("Details of charges will be officially released Monday, the office said.", date(2010, 2, 5), "2010-02-08"),
    ("BP expects the well to be completely sealed on Saturday.", date(2010, 9, 14), "2010-09-18"),
    # "broadcast" is a past (and a bare verb), as "forecast"
    ("We broadcast a trial program on Friday morning to test the signal so people could listen.",
     date(2010, 1, 25), "2010-01-22TMO"),
    # "hoping to", "hope to" look ahead, as "hopes to"
    ("We're hoping to change this in the mid-term elections in November.", date(2010, 6, 15), "2010-11"),
    # "likely to" looks ahead, as "expected to" ("was likely to": a forecast reported in the past)
    ("A study predicted the virus was likely to cause an epidemic in the autumn.", date(2009, 5, 12), "2009-FA"),
])
def test_cues_found_reading_unlabeled_news(text, dct, value):
    assert "broadcast" in tense_cues()["bare_pasts"] and {"hoping to", "likely to"} <= tense_cues()["future"]
    assert tag(text, dct)[0].value == value, text


def test_that_before_an_ed_word_and_its_object_is_a_relative_pronoun():
    """tense_cues.json relative_that_followers: "the oil spill that lasted more than 100 days
    after an explosion ... on April 22" said in November 2010 took "lasted" for an adjective
    after the determiner "that", so the clause's "will" made it April 2011."""
    assert "the oil spill that lasted more than 100 days" in _cue_example("relative_that_followers")
    text = ("Those who receive a pay-out will forfeit their right to sue over the oil spill that lasted "
            "more than 100 days after an explosion on the rig on April 22.")
    assert tense(text, *_span(text, "April 22")) == "past"
    assert [t.value for t in tag(text, date(2010, 11, 21)) if t.text == "April 22"] == ["2010-04-22"]
    text = "Regulators reviewed that proposed merger on Tuesday."
    assert tense(text, *_span(text, "Tuesday")) == "past"  # "reviewed", "proposed" no verb


def test_a_past_hope_or_a_perfect_infinitive_keeps_the_clause_past():
    """tense_cues.json stance_to, plan_words: 'hoping to', 'likely to' look ahead, but not before
    'to have' + participle, and 'were hoping to' is a plan reported in the past (DCT 3 May 2010:
    March 2010, where they gave March 2011), of about the time of writing: the nearest weekday."""
    may = date(2010, 5, 3)
    examples = _cue_example("stance_to") + _cue_example("plan_words")
    for text, value in (("Engineers were hoping to finish the repairs in March, but the work dragged on.", "2010-03"),
                        ("The leak was likely to have started in March, investigators said.", "2010-03"),
                        ("The talks are likely to resume in March.", "2011-03")):
        assert text in examples
        assert tag(text, may)[0].value == value, text
    assert tag("Engineers are hoping to finish the repairs in March.", may)[0].value == "2011-03"
    assert tag("The leak is likely to have started in March, investigators said.", may)[0].value == "2010-03"
    text = "Negotiators were hoping to finish an agreement before the meeting Wednesday."
    assert text in examples and tag(text, date(2010, 6, 15))[0].value == "2010-06-16"


def test_ends_and_closes_as_a_noun_or_a_market_report_announce_nothing():
    """tense_cues.json noun_or_verb: 'ends', 'closes' are future cues as a scheduled present
    ('Voting ends on Thursday'), not as a noun ('loose ends on Tuesday') nor in a market report
    ('closes 2% lower on Thursday'), which gave the next weekday (DCT Monday 3 May 2010)."""
    monday = date(2010, 5, 3)
    example = _cue_example("noun_or_verb")
    for text, value in (("Officials tied up loose ends on Tuesday before the summit.", "2010-04-27"),
                        ("Rescuers reached both ends of the tunnel on Thursday.", "2010-04-29"),
                        ("The FTSE 100 closes 2% lower on Thursday", "2010-04-29"),
                        ("Voting ends on Thursday.", "2010-05-06")):
        assert text in example
        assert tag(text, monday)[0].value == value, text


def test_a_verb_prefix_before_a_hyphen_keeps_the_past():
    """tense_cues.json verb_prefixes: 're-opened', 'co-founded' are pasts, where a hyphen-joined
    -ed word of a compound adjective ('a state-owned bank') is no cue."""
    example = _cue_example("verb_prefixes")
    for text, when in (("The museum re-opened in June.", "June"),
                       ("The firm co-founded a charity in September.", "September")):
        assert text in example
        assert tense(text, *_span(text, when)) == "past", text
    text = "It is a state-owned bank in June"
    assert tense(text, *_span(text, "June")) == "present"


def test_the_package_folder_helper_does_not_shadow_importlib_resources_files():
    """kerryview.text.wordlists' folder helper is package_dir: a module that imports both it and
    importlib.resources.files gets the one it asks for."""
    from kerryview.text import wordlists
    assert not hasattr(wordlists, "files")
    assert (wordlists.package_dir("kerryview.text") / "data" / "tense_cues.json").is_file()


def test_a_present_of_a_scheduled_return_visit_or_reopening_announces_but_not_as_a_noun():
    """tense_cues.json future and noun_or_verb: "He returns to the region on Monday" said on a
    Sunday is the next day (Timeline17 bpoil_foxnews: the president's return to the Gulf), as
    "the trial begins Monday" is; "his visits", "tax returns" are nouns, no cue."""
    dct = date(2010, 6, 13)  # a Sunday
    for text, word, value in (("He returns to the region on Monday.", "Monday", "2010-06-14"),
                              ("It reopens Monday.", "Monday", "2010-06-14"),
                              ("The deadline expires Friday.", "Friday", "2010-06-18"),
                              ("His visits on Monday were brief.", "Monday", "2010-06-07"),
                              ("Tax returns filed on Friday were processed.", "Friday", "2010-06-11")):
        assert {t.text: t.value for t in tag(text, dct)}[word] == value, text


def test_a_reporting_verb_with_an_object_tells_an_act_when_no_other_cue_does():
    """tense_cues.json report_object_openers: with reports skipped, "added a third shift in
    March" (Timeline17 Finan_washingtonpost, said on 1 December 2008) is past, March 2008, not
    the nearest March; another cue of the clause still decides ("would")."""
    text = "The company added a third shift in March."
    assert tense(text, *_span(text, "March"), reporting=False) == "past"
    text = "He said a vote in March would decide."
    assert tense(text, *_span(text, "March"), reporting=False) == "future"
    text = "He added the talks in March were over."  # "were" decides
    assert tense(text, *_span(text, "March"), reporting=False) == "past"
    text = "It announced an agreement to acquire the bank in January."  # TimeBank wsj_0172: 1990-01
    assert tense(text, *_span(text, "January"), reporting=False) is None
    text = "Officials added the figure for March."  # "the": no object opener, no cue
    assert tense(text, *_span(text, "March"), reporting=False) is None
    assert {t.text: t.value for t in tag("The company added a third shift in March.", date(2008, 12, 1))}["March"] == "2008-03"


def test_come_right_before_the_expression_looks_ahead_but_not_as_a_verb():
    """tense_cues.json bare_before_expression: "come November" is when November comes (Timeline17
    comments and quotations: "COME NOVEMBER", "Come Saturday, we are going to go out there" said
    on a Friday, "come January they might be streaming" said in June); after a modal, an
    auxiliary or a pronoun "come" is the verb and no cue."""
    text = "They'll be out in the cold come November."
    assert tense(text, *_span(text, "November")) == "future"
    dct = date(2010, 5, 28)  # a Friday
    assert {t.text: t.value for t in tag("Come Saturday, we are going out there.", dct)}["Saturday"] == "2010-05-29"
    assert {t.text: t.value for t in tag("So I thought that come January they might stream it.", date(2010, 6, 2))}[
        "January"] == "2011-01"
    text = "The warning had come in March."
    assert tense(text, *_span(text, "March")) == "past"
    text = "It would come Sunday, first the sheen and then the oil."
    assert tense(text, *_span(text, "Sunday")) == "future"  # from "would"


def test_a_participle_after_being_takes_the_tense_of_what_governs_being():
    """tense_cues.json present_passive: "being raised" is no past ("the blowout preventer could
    begin being raised late Thursday or early Friday", Timeline17 bpoil_foxnews, said on Thursday
    2 September 2010: Friday 3 September); "was being drilled" is past from "was"."""
    text = "Allen said the blowout preventer could begin being raised late Thursday or early Friday."
    assert tense(text, *_span(text, "early Friday")) == "future"
    text = "The relief well was being drilled in April."
    assert tense(text, *_span(text, "April")) == "past"


def test_expected_to_have_and_a_participle_is_a_past_act():
    """tense_cues.json stance_to: "are expected to have died in Tuesday's earthquake" (Timeline17
    haiti_bbc, said on Thursday 14 January 2010) is the Tuesday before; "expected to have a
    final decision Wednesday" still looks ahead."""
    dct = date(2010, 1, 14)
    text = "Thousands of people are expected to have died in Tuesday's devastating earthquake."
    assert {t.text: t.value for t in tag(text, dct)}["Tuesday"] == "2010-01-12"
    text = "Allen said he expected to have a final decision Wednesday."
    assert tense(text, *_span(text, "Wednesday")) == "future"


def test_is_due_looks_ahead_but_not_as_a_cause():
    """tense_cues.json future "is due": "President Obama is due there on Sunday" (Timeline17
    bpoil_bbc, said on Saturday 1 May 2010) is the next day; "is due to the rain" is a cause."""
    assert {t.text: t.value for t in tag("President Obama is due there on Sunday.", date(2010, 5, 1))}["Sunday"] == "2010-05-02"
    text = "The delay is due to the rain on Monday."
    assert tense(text, *_span(text, "Monday")) == "present"


@pytest.mark.parametrize("text, day", [
    ("The losses are due mainly to the strike on Monday.", "2010-07-12"),
    ("The fall in sales is due in part to the storm on Monday.", "2010-07-12"),
    ("The drop is due largely to the strike on Monday.", "2010-07-12"),
    ("Much of the damage is due in large part to the flooding on Monday.", "2010-07-12"),
    ("The gain is due primarily to the sale of the unit on Monday.", "2010-07-12"),
    ("He is due back on Monday.", "2010-07-19"),
    ("The report is due to be published on Monday.", "2010-07-19"),
])
def test_an_adverb_before_the_to_of_a_cause(text, day):
    """tense_cues.json cause_adverbs: "are due mainly to the strike" is a cause, as "due to"
    (said on Wednesday 14 July 2010: the Monday before); "is due back" still looks ahead."""
    assert {t.text: t.value for t in tag(text, date(2010, 7, 14))}["Monday"] == day


@pytest.mark.parametrize("text, value", [
    ("Strong returns in March lifted the fund.", "2010-03"),
    ("Official visits in May were cancelled.", "2010-05"),
    ("Business travels in May fell sharply.", "2010-05"),
    ("Frequent visits in March raised suspicion.", "2010-03"),
    ("Higher returns in March helped the bank.", "2010-03"),
    ("The index returns to its level of April.", "2010-04"),
    ("He returns to the region in March.", "2011-03"),
    ("The president visits troops in Iraq in March, his aides said.", "2011-03"),
])
def test_a_plural_noun_before_its_verb_is_no_scheduled_present(text, value):
    """tense_cues.json noun_or_verb: 'returns', 'visits', 'travels' as the subject of a past verb
    right after the expression, or before a noun's 'of' phrase, are no future cue (said on
    Wednesday 14 July 2010); 'He returns to the region in March' still looks ahead."""
    month = text.split(" in ")[-1].split()[0].strip(".,") if " of " not in text else "April"
    assert {t.text: t.value for t in tag(text, date(2010, 7, 14))}[month] == value


def test_tells_now_reads_no_further_than_its_sentence():
    """tells_now reads the clause after the expression as tense() does (_clause_right): a
    present perfect in the next sentence says nothing of this one's time."""
    from kerryview.text.tense import tells_now

    text = "The first rally since May. Fans have now sold out the arena."
    at = text.index("May")
    assert not tells_now(text, at, at + 3)
    same = "The first rally since May, fans have now sold out the arena."
    assert tells_now(same, at, at + 3)


def test_bare_pasts_keep_no_copy_of_the_irregular_verbs():
    # one list of the irregular verbs whose past is their base (irregular_verbs.json): tense_cues
    # bare_pasts takes them from it and lists only a regular verb's bare form ('last')
    raw = json.loads((files("kerryview.text") / "data" / "tense_cues.json").read_text("utf-8"))
    own = set(raw["bare_pasts"].get("words", ()))
    assert not own & irregular_verbs()["bare_pasts"]
    assert {"cut", "put", "last"} <= tense_cues()["bare_pasts"]
