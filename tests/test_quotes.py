"""One reading of a quotation mark (kerryview.text.quotes): every pattern that finds a
quotation takes straight, curly and wire copy's doubled marks alike."""

import itertools

import pytest

from kerryview.events import clauses, mentions
from kerryview.text import quotes


@pytest.mark.parametrize("opening,closing", list(itertools.product((quotes.STRAIGHT, *quotes.OPENING),
                                                              (quotes.STRAIGHT, *quotes.CLOSING))))
def test_every_pair_of_marks_sets_off_a_quotation(opening, closing):
    said = "The well will be capped by August"
    text = f"Allen said: {opening}{said}{closing} on Monday."
    assert mentions._QUOTE_ANY.search(text).group(1) == said
    assert mentions._QUOTE.search(text).group(1) == said
    assert [m.group() for m in quotes.QUOTE_MARKS.finditer(text)] == [opening, closing]
    assert clauses.quoted(text, (0, len(text)), text.index("capped"))
    assert not clauses.quoted(text, (0, len(text)), text.index("Monday"))
    assert clauses._QUOTATION_CLOSED.search(f"{opening}{said},{closing} ")


def test_the_marks_are_defined_once():
    assert clauses.QUOTE_MARKS is quotes.QUOTE_MARKS
    assert set(quotes.MARKS) == {'"', "“", "”", "``", "''"}
    assert quotes.opens_with_mark("``It is very scary,''") and not quotes.opens_with_mark("''")
