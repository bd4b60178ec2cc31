"""Outlets and headlines read the way an editor reads an article's top lines or page."""
from __future__ import annotations

import json

from kerryview.ingest.html_text import html_article
from kerryview.ingest.metadata import find_outlet, find_title
from kerryview.ingest.reader import read_document
from kerryview.model import Document
from kerryview.sources import distinct_names, file_label, name_sources_in, source_name


def test_headline_is_a_short_first_line_after_a_date_line():
    text = "Published: July 18, 2023\nKerry meets Wang Yi in Beijing\nKerry met Wang on Tuesday."
    assert find_title(text) == "Kerry meets Wang Yi in Beijing"


def test_a_sentence_of_the_body_is_not_a_headline():
    assert find_title("Kerry met Wang Yi on Tuesday in Beijing.\nMore text.") is None


def test_wire_page_headline_before_place_and_time():
    text = ("BP says oil spill costs $350 million so far, shares hit LONDON | Mon May 10, 2010 "
            "7:51 am EDT LONDON (Reuters) - Oil major BP Plc said ...")
    assert find_title(text) == "BP says oil spill costs $350 million so far, shares hit"
    assert find_outlet(text) == "Reuters"


def test_outlet_from_a_wire_dateline_a_byline_or_an_address():
    assert find_outlet("WASHINGTON, May 8 (Reuters) - Officials said...") == "Reuters"
    assert find_outlet("By Finlo Rohrer BBC News, Washington There has been protest") == "BBC News"
    assert find_outlet("Source: https://www.example-news.com/a/b\nText.") == "example-news.com"
    assert find_outlet("Nothing says who wrote this.") is None


def test_html_site_name_and_json_ld_publisher():
    page = ("<html><head><title>T - Site</title><meta property='og:title' content='Kerry in "
            "Beijing'><script type='application/ld+json'>"
            + json.dumps({"@type": "NewsArticle", "publisher": {"@type": "Organization",
                                                                "name": "Reuters"}})
            + "</script></head><body><p>Kerry met Wang.</p></body></html>")
    art = html_article(page)
    assert (art.title, art.outlet) == ("Kerry in Beijing", "Reuters")
    og = html_article("<meta property='og:site_name' content='DW'><p>Text here.</p>")
    assert og.outlet == "DW"


def test_sources_tsv_beside_the_files_wins(tmp_path):
    (tmp_path / "a.txt").write_text("Kerry met Wang Yi on Tuesday in Beijing.\n", encoding="utf-8")
    (tmp_path / "sources.tsv").write_text(
        "file\toutlet\theadline\turl\na.txt\tReuters\tKerry meets Wang\t\n", encoding="utf-8")
    d = read_document(tmp_path / "a.txt")
    assert (d.outlet, d.title) == ("Reuters", "Kerry meets Wang")


def test_bundled_articles_have_real_titles_and_outlets():
    from kerryview.pipeline import bundled_corpus_paths
    docs = [read_document(p) for p in bundled_corpus_paths()]
    assert all(d.title and d.outlet for d in docs)
    assert docs[2].title == "Climate could reset US-China relations, says US envoy"
    assert {d.outlet for d in docs} >= {"Reuters", "DW"}


def test_names_never_show_a_file_hash():
    d = Document(id="003_31496c1275c7edf2", path="/c/003_31496c1275c7edf2.txt", text="x")
    assert file_label(d) == "003" and source_name(d) == "article 003"
    r1 = Document(id="r1", path="/r1.txt", text="x", outlet="Reuters", title="Talks resume")
    r2 = Document(id="r2", path="/r2.txt", text="x", outlet="Reuters", title="Talks stall")
    dw = Document(id="003_31496c1275c7edf2", path="/x.txt", text="x", outlet="DW")
    names = distinct_names({d.id: d for d in (r1, r2, dw)})
    assert names == {"r1": "Reuters (Talks resume)", "r2": "Reuters (Talks stall)",
                     "003_31496c1275c7edf2": "DW"}
    said = "003_31496c1275c7edf2 says “suspended”, r1 says “resumed”"
    assert name_sources_in(said, names) == "DW says “suspended”, Reuters (Talks resume) says “resumed”"


def test_ids_that_read_as_words_or_numbers_are_left_alone():
    names = {"a": "Envoy in Beijing", "28": "Reuters", "003_31496c1275c7edf2": "DW"}
    text = "stated in the article (“Tue Jul 13, Reuters 10:28 am EDT”), from a"
    assert name_sources_in(text, names) == text
    assert name_sources_in("003_31496c1275c7edf2 dates it", names) == "DW dates it"


def test_exports_name_sources_by_outlet_and_headline():
    import re

    from kerryview.export.json_export import corpus_json
    from kerryview.export.timelinejs import timelinejs_json
    from kerryview.pipeline import build_corpus, bundled_corpus_paths
    docs = [read_document(p) for p in bundled_corpus_paths()]
    events = build_corpus(docs)
    out = corpus_json(docs, events)
    assert [(d["outlet"], d["title"]) for d in out["documents"]][2] == (
        "DW", "Climate could reset US-China relations, says US envoy")
    slides = timelinejs_json(docs, events, "Kerry in Beijing")["events"]
    text = " ".join(s["text"]["text"] for s in slides)
    assert "<i>Reuters: " in text and "<i>DW: Climate could reset" in text
    assert not re.search(r"[0-9a-f]{12,}", text)  # no file hashes, disagreements included
    assert "Sources disagree" in text


def test_a_project_made_before_outlets_gains_the_column_and_keeps_its_articles(tmp_path):
    import sqlite3

    from kerryview.store import Store
    path = tmp_path / "old.kvproj"
    s = Store(path)
    s.save_corpus([Document(id="a", path="/a.txt", text="x", title="Headline")], [])
    s.close()
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE documents DROP COLUMN outlet")
    con.execute("DELETE FROM schema_version WHERE version >= 6")  # as schema 5 left it
    con.commit()
    con.close()
    read_only = Store(path, read_only=True)  # read as it is: no outlet, nothing written
    assert read_only.document("a").outlet is None
    read_only.close()
    s = Store(path)
    assert "outlet" in s.db["documents"].columns_dict
    s.set_document_source("a", title="Headline", outlet="Reuters")
    assert (s.document("a").title, s.document("a").outlet) == ("Headline", "Reuters")
    s.close()


def test_a_head_that_admits_reports_and_is_the_title():
    """"BP admits it was unprepared ..." run into its body: "admits" is a reporting verb
    (text/data/reporting_verbs.json, the one list), so the "was" after it is the report's, not
    a photo caption's full sentence; the head is the title."""
    from kerryview.text.wordlists import reporting_verbs
    body = (" The company told lawmakers on Thursday it had not been ready for a deep-water blowout.\n"
            "More text follows here about the spill.\n")
    for verb in ("admits", "concedes", "says"):
        head = f"BP {verb} it was unprepared for the spill"
        assert find_title(head + body) == head, verb
    assert "admits" in reporting_verbs()["present"]
    # "admitted" is not one: "has been admitted to hospital" is an event; nor "denied",
    # "denies": "A judge denied bail" is an event of its own (tests/test_clauses.py)
    assert not {"admitted", "denied", "denies"} & reporting_verbs()["pure"]
    # with a noun for its object it tells the event ("admits the charges")
    assert "admits" in reporting_verbs()["takes_object"]
    # a caption's full sentence with no reporting verb is still no title
    assert find_title("Michael Jackson's family were in court for the decision" + body) is None


def test_a_headline_that_explains_with_a_possessive_is_a_title_and_a_caption_needs_its_own_signs():
    """data/head_rules.json caption_tenses presenting: a verb of presenting makes a video's
    caption before an article or a question word ("John Curry, from BP, explains how ...",
    "Christian Fraser assesses the scene"), or before a possessive after a speaker named in
    full ("Jane Smith describes her ordeal"); "Obama explains his oil spill plan", a surname
    and a possessive, is a headline (the caption rule had made it none)."""
    body = (" The president said on Tuesday that BP would pay for the damage.\n"
            "More text follows here about the spill.\n")
    for head in ("Obama explains his oil spill plan", "Expert explains funnel plan", "BP describes its cap plan"):
        assert find_title(head + body) == head, head
    for head in ("John Curry, from BP, explains how the funnel should work",
                 "Christian Fraser assesses the scene at a pig farm", "Jane Smith describes her ordeal"):
        assert find_title(head + body) is None, head
