"""Lists that two places kept each a copy of now have one home each (session 17): the spelled
ordinals of the months are day_ordinal's up to "twelfth" (timex lexicon month_ordinal takes
them), and the relative pronouns are text/data/pronouns.json's (the tagger's
aside_relative_pronoun and the events' relative_pronouns take them)."""
import json
from importlib.resources import files

from kerryview.events.clauses import clause_rules
from kerryview.text.wordlists import pronouns
from kerryview.timex.lexicon import lookup, table


def _raw(package, folder, name):
    return json.loads((files(package) / folder / name).read_text("utf-8"))


def test_the_months_spelled_ordinals_are_the_days():
    raw = _raw("kerryview.timex", "rules", "lexicon.json")["month_ordinal"]
    days = table("day_ordinal")
    assert not set(raw) & set(days)  # no copy of day_ordinal's words
    months = table("month_ordinal")
    assert {w: months[w] for w in days if days[w] <= 12} == {w: v for w, v in days.items() if v <= 12}
    assert "thirteenth" not in months and lookup("month_ordinal", "thirteenth") is None
    assert lookup("month_ordinal", "third") == 3 and lookup("month_ordinal", "3rd") == 3
    assert lookup("month_ordinal", "twelfth") == 12
    assert lookup("month_ordinal", "last") == lookup("month_ordinal", "final") == -1  # from the end:
    # the twelfth month, the last (52nd or 53rd) ISO week (rule month_ordinal_of_year)


def test_the_relative_pronouns_have_one_home():
    lexicon = _raw("kerryview.timex", "rules", "lexicon.json")["aside_relative_pronoun"]
    clauses = _raw("kerryview.events", "data", "clause_rules.json")["relative_pronouns"]
    for entry in (lexicon, clauses):
        assert "words" not in entry and entry["words_from"] == "pronouns.json relative_pronouns"
    assert set(table("aside_relative_pronoun")) == clause_rules()["relative_pronouns"] \
        == pronouns()["relative_pronouns"] == {"which", "who", "whom", "whose"}
