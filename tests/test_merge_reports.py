"""Two report events of one article that share only names are two statements
(events/data/event_kinds.json one_article_reports; merge.said_apart)."""
from __future__ import annotations

import json

from kerryview.text.wordlists import package_dir

from test_merge import _events

RULE = json.loads((package_dir("kerryview.events") / "data" / "event_kinds.json")
                  .read_text(encoding="utf-8"))["one_article_reports"]


def _article(first: str, second: str) -> str:
    return ("date 2010-01-13\n\nQuake devastates Haiti\n\n"
            "A powerful earthquake has struck Haiti, flattening buildings in the capital.\n\n"
            f"{first}\n\n{second}\n")


def _events_of(pair: list[str]) -> list[set[str]]:
    """The events holding the two sentences, as the sentences each holds."""
    events = _events({"a": _article(*pair)}, clauses=True)
    out = []
    for e in events:
        told = {s for s in pair if any(m.text.strip() == s for m in e.mentions)}
        if told:
            out.append(told)
    return out


def test_two_statements_naming_one_listener_are_two_events():
    first, second = RULE["example"]
    assert sorted(map(sorted, _events_of(RULE["example"]))) == sorted([[first], [second]])


def test_one_statement_told_twice_in_other_words_stays_one_event():
    assert _events_of(RULE["counter_example"]) == [set(RULE["counter_example"])]


def test_two_statements_dated_by_a_time_expression_are_two_events():
    """Dated by "on Tuesday", a report's words hold its reporting verb: 'told' and 'told' are
    no word in common (before, the rule's own example with a date stayed one event)."""
    pair = [s.rstrip(".") + " on Tuesday." for s in RULE["example"]]
    assert sorted(map(sorted, _events_of(pair))) == sorted([[pair[0]], [pair[1]]])


def test_one_statement_dated_by_a_time_expression_stays_one_event():
    pair = [s.rstrip(".") + " on Tuesday." for s in RULE["counter_example"]]
    assert _events_of(pair) == [set(pair)]


def test_the_words_of_a_passage_are_read_once_for_all_its_pairs(monkeypatch):
    """said_apart reads each mention's plain words once (Item.plain_words), not at each pair."""
    import kerryview.events.merge as merge_module

    calls = []
    real = merge_module.plain_terms
    monkeypatch.setattr(merge_module, "plain_terms", lambda text: calls.append(text) or real(text))
    sentences = [f'"{what}," Robertson told BBC Caribbean on Tuesday.' for what in
                 ("We have very little communication with the south", "Our main focus is to save lives",
                  "The airport is open again", "Water is running short in the camps")]
    _events({"a": "date 2010-01-13\n\n" + "\n\n".join(sentences) + "\n"}, clauses=True)
    assert calls and len(calls) == len(set(calls))


def test_a_report_after_its_date_is_labelled_by_what_was_said():
    """'Later on Tuesday, Ban said Haiti needs ...': the words before the speaker are the
    report's date, not what was said (the label was "Ban: ", empty)."""
    sentence = "Later on Tuesday, Ban said Haiti needs huge help from donors."
    events = _events({"a": f"date 2010-06-03\n\nThe port of Dover reopened on Wednesday.\n{sentence}\n"})
    [event] = [e for e in events if any(m.text.strip() == sentence for m in e.mentions)]
    assert "Haiti needs huge help" in event.label and "Later" not in event.label


def test_the_speakers_title_is_no_word_of_what_was_said():
    """'UN chief Ban Ki-moon said ...' and '... the UN's Haiti mission chief Hedi Annabi was
    missing' share 'chief' only through who spoke: two statements; Haiti's needs told twice
    stay one."""
    needs = "UN chief Ban Ki-moon said on Tuesday that Haiti's needs were huge."
    again = "Later on Tuesday, Ban said Haiti needs huge help from donors."
    annabi = "Ban Ki-moon said on Tuesday the UN's Haiti mission chief Hedi Annabi was missing."
    events = _events({"a": f"date 2010-06-03\n\n{needs}\n{again}\n{annabi}\n"})
    told = sorted(sorted(s for s in (needs, again, annabi) if any(m.text.strip() == s for m in e.mentions))
                  for e in events)
    assert told == sorted([sorted([needs, again]), [annabi]])


def test_a_statement_and_another_sentence_naming_one_listener_are_two_events():
    """Whatever the event words ('called the quake gut-wrenching' is no reporting verb)."""
    first, second = RULE["any_words_example"]
    assert sorted(map(sorted, _events_of(RULE["any_words_example"]))) == sorted([[first], [second]])


def test_two_sentences_sharing_their_event_word_are_not_said_apart():
    """Only a reporting verb is left out of the words in common: 'beginning' and 'beginning'
    tell one happening twice (haiti_bbc/1580); 'told' and 'told' do not."""
    from kerryview.calendar.intervals import value_interval
    from kerryview.events.merge import Item, said_apart
    from kerryview.model import EventMention, Timex
    from kerryview.text.similarity import Vectorizer, content_terms

    def items(texts, word):
        vec = Vectorizer.fit([content_terms(t) for t in texts])
        out, at = [], 0
        for t in texts:
            k = t.index(word)
            m = EventMention("a", at, at + len(t), t, Timex(0, 0, "", "DATE", "2010-01-15"),
                             trigger_start=at + k, trigger_end=at + k + len(word))
            out.append(Item(m, t, value_interval("2010-01-15"), vec.vector(content_terms(t)), "2010-01-15"))
            at += len(t) + 1
        return out

    assert not said_apart(*items(["In Haiti, some help is beginning to appear.",
                                  "In Haiti, the aid is beginning to get through."], "beginning"))
    assert said_apart(*items(['"The south is cut off," Robertson told BBC Caribbean.',
                              '"Our main focus is to save lives," Hammer told BBC Caribbean.'], "told"))
