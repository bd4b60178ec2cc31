"""The forms of one irregular verb tell one kind of happening (merge.told_with reads
wordlists.irregular_bases: no stem joins "sank" and "sunk", "blew" and "blown"), and "blew up"
is an explosion (events/data/event_kinds.json explode phrases)."""
from kerryview.events.merge import told_with
from kerryview.text.wordlists import irregular_bases


def test_an_irregular_past_and_participle_are_one_kind():
    assert told_with("blew").kind == told_with("blown").kind == told_with("blows").kind == "blow"
    assert told_with("sank").kind == told_with("sunk").kind == told_with("sinking").kind


def test_a_form_of_two_verbs_or_a_noun_has_no_base():
    bases = irregular_bases()
    assert bases["sank"] == "sink" and bases["fled"] == "flee"
    assert "lay" not in bases  # (of "lie", and "lay" itself)
    assert "wound" not in bases and "ground" not in bases  # (as often nouns)


def test_blew_up_is_an_explosion():
    assert told_with("blew", "up").kind == told_with("exploded").kind == "explode"
    assert told_with("blew", "up").listed
