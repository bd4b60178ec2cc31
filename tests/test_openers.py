"""The words a sentence may open with before its subject live in one place each: the coordinating
conjunctions in events/data/event_cues.json (shared with the clause and label code of
events.mentions), the sentence adverbs in events/data/lead_rules.json."""
from importlib.resources import files

from kerryview.events.antecedents import subject_of
from kerryview.events.mentions import _is_verb
from kerryview.text.wordlists import cues, event_lists


def _subject(text: str) -> str:
    return subject_of(text, 0, len(text), _is_verb)


def test_every_listed_opener_is_skipped_before_the_subject():
    words = cues()["coordinating_conjunctions"] | event_lists("lead_rules.json")["sentence_adverbs"] \
        | event_lists("lead_rules.json")["sentence_time_adverbs"] | event_lists("lead_rules.json")["stance_adverbs"]
    assert {"and", "but", "however", "meanwhile"} <= words
    for word in sorted(words):
        for text in (f"{word.capitalize()} BP said it would pay.", f"{word.capitalize()}, BP said it would pay."):
            assert _subject(text) == "BP", text


def test_a_subordinator_is_no_opener():
    # "While McCain suggested ..., the divorce was granted": McCain is not the sentence's subject
    assert "while" in cues()["clause_initial_conjunctions"]
    assert _subject("While McCain suggested it, the divorce was granted.") != "McCain"


def test_the_antecedent_finder_skips_the_listed_openers_and_no_others(monkeypatch):
    # it kept a list of its own ("However|...", "But|And"): change the data, and what it skips follows
    import kerryview.events.antecedents as antecedents
    lists = dict(event_lists("lead_rules.json"))
    lists["sentence_adverbs"] = (lists["sentence_adverbs"] - {"however"}) | {"thereupon"}
    conjunctions = dict(cues())
    conjunctions["coordinating_conjunctions"] = conjunctions["coordinating_conjunctions"] - {"but"}
    monkeypatch.setattr(antecedents, "_lists", lambda: lists)
    monkeypatch.setattr(antecedents, "cues", lambda: conjunctions)
    antecedents._opener.cache_clear()
    try:
        assert _subject("Thereupon BP said it would pay.") == "BP"
        assert _subject("However BP said it would pay.") != "BP"
        assert _subject("But BP said it would pay.") != "BP"
        assert _subject("Meanwhile BP said it would pay.") == "BP"
    finally:
        antecedents._opener.cache_clear()


def test_the_tagger_and_the_event_finder_share_one_list_of_reporting_verbs():
    # the tagger's speech verbs (rules/news.json speech_verb) repeated the event finder's list
    # (events/data/event_cues.json reporting_verbs): now both read text/data/reporting_verbs.json
    from kerryview.text.wordlists import reporting_verbs
    from kerryview.timex.lexicon import lexicon
    assert "speech_verb" not in lexicon() and "reporting_verbs" not in cues()
    lists = reporting_verbs()
    assert {"says", "tells", "testifies"} <= lists["present"] and {"said", "testified"} <= lists["past"]
    assert lists["all"] == lists["present"] | lists["past"] | lists["finding"]  # (verbs of finding: "concluded")
    assert "concluded" in lists["all"] and "concluded" not in lists["past"]  # not read as speech by the tagger


def test_every_reporting_verb_gives_a_label_the_same_shape():
    # "warned", "announced", "testified" were reporting verbs of reporting_verbs.json but not of
    # lead_rules.json pure_reporting: "Hayward warned “...”" beside "Hayward: ..." for "said"
    from test_label_families import _labels
    for verb in ("said", "testified", "recalled", "warned", "announced", "noted", "stated"):
        assert _labels(f"Hayward {verb} on Monday: “The blowout preventer failed.”") == [
            "Hayward: The blowout preventer failed"], verb


def test_a_warning_or_an_announcement_is_no_more_news_than_a_statement():
    # importance.source_weights gave its NOT_REPORTING bonus to "announced" and "warned"
    from datetime import date
    from kerryview.events.importance import score
    from kerryview.model import DateSource, DateSourceKind, Document
    from kerryview.pipeline import build_corpus
    given = DateSource(DateSourceKind.PAGE_METADATA, "given")
    weights = {}
    for verb in ("said", "warned", "announced"):
        doc = Document(id="d", path="d.txt", dct=date(2010, 6, 12), dct_source=given,
                       text=f"Spill\n\nThe minister {verb} on Friday.\n")
        [ev] = [e for e in build_corpus([doc]) if "minister" in e.label]
        score([ev], [doc])
        weights[verb] = ev.importance
    assert weights["warned"] == weights["said"] == weights["announced"], weights


def _word_lists(node, path=""):
    """Every list of words of a JSON data file, with its path in the file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("about", "example", "_doc", "_comment"):
                yield from _word_lists(value, f"{path}/{key}")
    elif isinstance(node, list) and all(isinstance(w, str) for w in node):
        yield path, node


def test_no_other_data_file_lists_reporting_verbs_of_its_own():
    # lead_rules.json pure_reporting, tense_cues.json reporting and timex news.json
    # news_reporting_verb were three more lists of reporting verbs, and they disagreed
    import json
    from kerryview.text.wordlists import reporting_verbs
    from kerryview.timex.lexicon import lexicon
    lists = reporting_verbs()
    every = frozenset().union(*(v for k, v in lists.items()))
    assert {"warned", "announced", "says", "noted", "according", "saying"} <= lists["pure"]
    assert lists["attribution"] <= lists["all"] and lists["present"] <= lists["all"]
    # the lists that are views of the reporting verbs take them from the one file
    assert event_lists("lead_rules.json")["pure_reporting"] == lists["pure"]
    from kerryview.text.wordlists import tense_cues
    assert tense_cues()["reporting"] == lists["finite"]
    assert "news_reporting_verb" not in lexicon()
    assert not {w for w in lexicon()["news_attribution"]["words"]} & every
    # no other word list of a data file is half reporting verbs or more (a list of irregular pasts or
    # of tense cues holds a few of them for its own reason)
    root = files("kerryview")
    data_files = [p for p in root.rglob("*.json") if p.name != "reporting_verbs.json"]
    assert len(data_files) > 10
    for path in data_files:
        for where, words in _word_lists(json.loads(path.read_text("utf-8"))):
            hits = [w for w in words if w.lower() in every]
            assert "report" not in where.lower() or not hits, (path.name, where)
            assert len(hits) * 2 <= len(words), (path.name, where, hits)
