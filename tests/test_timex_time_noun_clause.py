"""A time noun defined by the clause after it ("the morning the rig exploded", "the night he
died") names the time of that clause's event, not a day counted from the story or the
publication date: the tagger leaves it (rules/negatives.tsv time_noun_of_a_clause,
time_noun_of_a_fronted_clause; TimeBank tags no expression in "from the night the TWA Flight
eight hundred went down"). The same words as an adverbial before the main clause, or naming a
date given before them, are still time expressions."""
from datetime import date

from kerryview.timex import tag

DCT = date(2010, 6, 9)


def _values(text: str, dct: date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


def test_a_time_noun_with_a_relative_clause_of_a_past_event_is_no_time_expression():
    text = "It was reported on June 2. The morning the rig exploded, a BP executive argued."
    assert _values(text) == {"June 2": "2010-06-02"}  # not "morning" of June 2 or of the DCT
    assert _values("Tapes from the night the plane went down were released.") == {}
    assert _values("He was with the singer on the day he died, the trial heard.") == {}
    # fronted, the relative clause closed by a comma before the main clause
    assert _values("On the night Jackson died, Dr Murray ordered him to pick up vials.") == {}


def test_the_same_words_as_an_adverbial_or_naming_a_date_stay_time_expressions():
    assert "the morning" in _values("In the morning the troops attacked the town.")
    assert "the weekend" in _values("But at the weekend it was removed and put in solitary confinement.")
    assert "the day" in _values("From walking around most of the day I estimate that half are lost.")
    assert "the morning" in _values("I will take care of that in the morning the American People can wait")
    # an apposition to a date, a predicate: the date before names the day
    assert _values("Shares rose on Oct. 30, the day it made the announcement.", date(2009, 11, 2))["the day"] \
        == "2009-10-30"
    assert _values("Sunday 18 July may be seen as the day the cry went up.", date(2010, 7, 18))["the day"] \
        == "2010-07-18"
    # a clause told in the present or future is no past event: "the day" is still read
    assert "the day" in _values("The July 27 target date is the day the company is expected to report.")


def test_an_adverb_before_the_preposition_keeps_the_adverbial():
    # review s14 #2: "Early in the morning ..." lost "the morning" (the adverb hid the preposition
    # that opens the clause)
    assert _values("Early in the morning the police arrested two men.")["the morning"] == "2010-06-09TMO"
    assert _values("Late in the evening the rescuers found him alive.")["the evening"] == "2010-06-09TEV"
    assert _values("Twice during the night the guards checked his cell.")["the night"] == "2010-06-09TNI"
    assert "the day" in _values("Also on the day the government warned of famine.")
    # fronted and closed by a comma, the clause still defines the time noun
    assert _values("Only on the night Jackson died, Dr Murray ordered him to pick up vials.") == {}


def test_a_name_or_a_number_word_in_ed_is_no_past_verb():
    # review s14 #3: {past_verb} took "United", "hundred", "Mohammed" for verbs in -ed
    assert _values("Obama will be in New York the week the United Nations General Assembly meets.") \
        == {"the week": "2010-W23"}
    assert "the morning" in _values("The team will meet the morning the hundred delegates arrive.")
    assert "the day" in _values("They will meet the day Mohammed arrives.")
    # a verb in -ed or an irregular past still defines the time noun
    assert _values("Tapes from the night the plane went down were released.") == {}
    assert _values("Tapes from the night the rig exploded were released.") == {}
