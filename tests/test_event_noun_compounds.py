"""Issue #9 (what is not an event never becomes one): an event noun that modifies the head of a
noun-noun compound is no event word ("a meeting room" is a room). The rule is
kerryview.events.headline.is_event_noun, read by the lead reader (main_event_words) and the
event finder of a time expression (mentions.find_trigger); its word list is
events/data/event_cues.json not_compound_heads, whose example is read here."""
import json
import re
from datetime import date
from importlib.resources import files

import pytest

from kerryview.events.headline import is_event_noun, main_event_words
from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.text.verbs import is_verb
from kerryview.timex import tag


def _main_words(text):
    found = main_event_words(text, (0, len(text)), False, is_verb)
    return None if found is None else text[found[0]:found[1]]


def _triggers(text, dct=date(2023, 7, 18)):
    doc = Document(id="d", path="d", text=text, dct=dct,
                   dct_source=DateSource(DateSourceKind.STATED_IN_TEXT, "stated"))
    return [text[f.mention.trigger_start:f.mention.trigger_end]
            for f in find_mentions(doc, tag(text, dct)) if f.mention.trigger_start is not None]


def _noun(text, word):
    at = re.search(rf"\b{word}\b", text).start()
    return is_event_noun(text, at, at + len(word))


@pytest.mark.parametrize("text, word", [
    ("Kerry said in a meeting room in China's legislative building.", "meeting"),
    ("Crowds gathered at the war memorial.", "war"),
    ("He called the election office.", "election"),
    ("Reporters waited in the press conference room.", "conference"),
    ("The summit venue was closed.", "summit"),
    ("Police sealed off the attack site.", "attack"),
    ("They met in China's meeting room.", "meeting"),
])
def test_an_event_noun_before_the_head_of_a_compound_is_no_event_word(text, word):
    assert not _noun(text, word)


@pytest.mark.parametrize("text, word", [
    ("The peace talks resumed.", "talks"),
    ("The summit talks resumed.", "summit"),  # the head 'talks' is an event noun: so is the compound
    ("The meeting ended.", "meeting"),
    ("A statement saying that the well was capped.", "statement"),  # a participle, no head
    ("The storm hits Florida.", "storm"),  # a word in -s is as often the verb
    ("The talks continue in Beijing.", "talks"),  # a modifier is singular
    ("US politicians have been hearing evidence that BP erred.", "hearing"),  # a verb and its object
    ("The meeting in the hall was long.", "meeting"),
])
def test_an_event_noun_that_heads_its_phrase_stays_an_event_word(text, word):
    assert _noun(text, word)


def test_the_lead_reader_finds_no_event_in_a_report_made_in_a_meeting_room():
    # before: 'meeting' was the event words, and the label "Kerry said in a meeting room ..."
    assert _main_words("Kerry said in a meeting room in China's legislative building.") is None
    assert _main_words("Kerry said in a meeting in China's legislative building.") == "meeting"


def test_the_event_words_of_a_time_expression_skip_a_modifier():
    # before: 'war' (nearest the date) was the event words of 'on Sunday'
    assert _triggers("A visit to the war memorial on Sunday.") == ["visit"]
    assert _triggers("A visit to the war on Sunday.") == ["war"]


def test_every_example_of_not_compound_heads_reads_as_it_says():
    entry = json.loads((files("kerryview.events") / "data" / "event_cues.json")
                       .read_text("utf-8"))["not_compound_heads"]
    assert entry["about"] and entry["words"]
    no, yes = re.findall(r'"([^"]+)"', entry["example"])
    assert not _noun(no, "meeting")
    assert _noun(yes, "election") and "night" in entry["words"]
    assert not _noun(yes.replace("night", "office"), "election")  # the list is what keeps it
