import pytest

from kerryview.text.sentences import paragraph_break, sentence_spans


def test_abbreviations_do_not_end_sentences():
    text = ("U.S. climate envoy John Kerry met Xie on Nov. 29 in Dubai. He left. "
            "\"We are hopeful,\" Kerry said. Next one")
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == ["U.S. climate envoy John Kerry met Xie on Nov. 29 in Dubai.", "He left.",
                   "\"We are hopeful,\" Kerry said.", "Next one"]


def test_line_breaks_end_sentences_and_spans_are_exact():
    text = "Headline without period\n\nBody starts here. And goes on."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Headline without period", "Body starts here.",
                                             "And goes on."]


@pytest.mark.parametrize("text, expected", [
    ("The guns fell silent.\nThe troops left.", False),  # one sentence a line (web copy)
    ("The guns fell silent.\n\nThe troops left.", True),  # a blank line
    ("The guns fell silent. The men rested.\nThe troops left.", True),  # a paragraph written as a line
    ("Opening hostilities\nThe troops left.", True),  # after a heading
    ("The guns fell silent. The troops left.", False),
])
def test_paragraph_break(text, expected):
    assert paragraph_break(text, 0, len(text)) is expected


def test_a_year_heading_run_into_the_line_starts_a_sentence():
    # a chronology's entries whose line breaks the page lost: "... invasion 1979: 140m gallons ..."
    text = ("1991: 520m gallons were released to impede the US invasion 1979: 140m gallons were spilt "
            "off Mexico's coast 1989: 11m gallons were spilt")
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "1991: 520m gallons were released to impede the US invasion",
        "1979: 140m gallons were spilt off Mexico's coast", "1989: 11m gallons were spilt"]
    # after a function word the year goes with its clause
    for kept in ("The worst spill came in 1991: 520m gallons.", "The worst year was 1991: 520m gallons."):
        assert [kept[a:b] for a, b in sentence_spans(kept)] == [kept]
    assert [t[a:b] for t in ["Hurricanes:\n4 Aug 1946: Samana, Dominican Republic."] for a, b in sentence_spans(t)] \
        == ["Hurricanes:", "4 Aug 1946: Samana, Dominican Republic."]  # a date's own month


@pytest.mark.parametrize("kept", [
    "The budget for fiscal 2010: Revenue fell by a third, officials said on Monday.",
    "Relatives of the crew of flight 1549: The pilots were praised by the mayor on Friday.",
    "A letter dated 1991: The company would pay.",
])
def test_one_year_heading_alone_in_its_line_is_no_chronology(kept):
    assert [kept[a:b] for a, b in sentence_spans(kept)] == [kept]
    # with another heading in its line (or the next) it is one, run into the text before it
    for text in (kept + " 1995: Another entry.", kept + "\n1995: Another entry."):
        assert [text[a:b] for a, b in sentence_spans(text)][-2:] == [kept[kept.index(": ") - 4:], "1995: Another entry."]
