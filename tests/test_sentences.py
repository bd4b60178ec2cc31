from kerryview.text.sentences import sentence_spans


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
