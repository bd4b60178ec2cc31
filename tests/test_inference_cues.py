"""The rules of kerryview/dating/data/inference_cues.json: every rule has a why and an example,
and every example dates as it says (an undated article, alone or with the stated articles of
its pile)."""
from datetime import date

import pytest

from kerryview.dating.cues import rules
from kerryview.dating.datelines import read_dateline
from kerryview.dating.inference import infer_dcts
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import CachingTagger
from kerryview.cancellation import NEVER

RULES = {name: rule for name, rule in rules().items() if not name.startswith("_")}


def _doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=doc_id, text=text, dateline=read_dateline(text))


def test_every_rule_says_why_and_shows_an_example():
    assert len(RULES) >= 10
    for name, rule in RULES.items():
        assert len(rule["why"]) > 40, name
        assert rule["example"]["text"].strip(), name
        assert "expect" in rule["example"], name


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_example_dates_as_it_says(name, monkeypatch):
    """An example may carry the decision settings it is dated under ('decision': the guess
    rule's example is dated with decision.guess on)."""
    example = RULES[name]["example"]
    for key, value in example.get("decision", {}).items():
        assert key in rules()["decision"], key
        monkeypatch.setitem(rules()["decision"], key, value)
    pile = [_doc(f"p{i}", text) for i, text in enumerate(example.get("pile", []))]
    assert all(d.dateline is not None for d in pile), "the pile's articles state their dates"
    article = _doc("x", example["text"])
    expect = example["expect"]
    if "page_date" in example:  # the date of the page's metadata, which a rule may overrule
        article.dct = date.fromisoformat(example["page_date"])
        article.dct_source = DateSource(DateSourceKind.PAGE_METADATA,
                                        f"stated in the page's metadata ({example['page_date']})")
    if article.dateline is not None:  # a stamp the date-line reader reads itself (a head run
        assert article.dateline.value == date.fromisoformat(expect)  # into it): both agree,
        article.dateline = None  # and inference alone still dates it
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct == (date.fromisoformat(expect) if expect else None), str(article.dct_source)
    if expect and "kind" in example:
        assert article.dct_source.kind is DateSourceKind(example["kind"])
    elif expect:
        assert article.dct_source.kind is DateSourceKind.INFERRED
        assert "how sure:" in str(article.dct_source)


DATELINE_STYLES = rules()["head_dateline"]["styles"]


@pytest.mark.parametrize("name", sorted(DATELINE_STYLES))
def test_each_year_less_dateline_style_dates_its_example(name):
    """A wire dateline is the day of publication, a newspaper's the day before it: the tense
    of the report's first sentence ("will be") does not make the dateline an announcement."""
    example = DATELINE_STYLES[name]["example"]
    article = _doc("x", example["text"])
    assert article.dateline is None  # no year: not a stated date
    infer_dcts([article], CachingTagger())
    assert article.dct == date.fromisoformat(example["expect"]), str(article.dct_source)


def test_a_dateline_is_found_only_where_a_report_opens():
    from kerryview.dating.cues import dateline_spans
    assert [s for s, _, _ in dateline_spans("By Sue Zeidler LOS ANGELES, April 28 (Reuters) - Studios said")] == ["wire"]
    assert [s for s, _, _ in dateline_spans("KANSAS CITY, Mo., Oct. 20 -- The bank")] == ["paper"]
    assert dateline_spans("He said, May 3 - no") == []
    assert dateline_spans("x" * 500 + " LONDON, March 30 -- late") == []


def test_a_time_stamp_has_no_tense():
    """The sentence a copied page's stamp runs into ("... 21.31 BST Exam boards may award
    grades") does not make the stamp an announcement: the article is dated by it."""
    text = ("Exam plan for flu Boards may grade on coursework Tuesday 5 May 2009 21.31 BST "
            "Exam boards will award grades on coursework if pupils cannot sit the exams.")
    article = _doc("x", text)
    assert article.dateline is not None and article.dateline.value == date(2009, 5, 5)
    article.dateline = None  # the date-line reader reads the stamp; inference alone must too
    infer_dcts([article], CachingTagger())
    assert article.dct == date(2009, 5, 5), str(article.dct_source)


def test_a_weekday_date_closing_a_caption_sentence_is_no_time_stamp():
    """A wire photo caption ends its sentence with the day the photo was taken ("... in
    Venice, La., Thursday, April 29, 2010."): no stamp, a caption's date (rule
    caption_in_sentence); a date on a line of its own ("Thursday, November 13, 2008; Page
    A23") or with its clock time after the headline stays the page's stamp."""
    from kerryview.dating.cues import REFERENCES, is_run_in_caption, is_stamp
    tag = CachingTagger()

    def first(text: str):
        t = next(t for t in tag(text, REFERENCES[0]) if t.type == "DATE")
        return is_stamp(text, t), is_run_in_caption(text, t)

    assert first("A bird flies off a post in Venice, La., Thursday, April 29, 2010.\nAP Photo\n"
                 "Crews laid boom.") == (False, True)
    assert first("President Obama speaks at the White House, Tuesday, May 25, 2010, in "
                 "Washington.\n(AP) Oil kept flowing.") == (False, True)
    assert first("See instructions for fixing the problem.\nThursday, November 13, 2008; Page "
                 "A23 The Bush administration was not keen.") == (True, False)
    assert first("Oil spill: Obama acts on fallout Wednesday 5 May 2010 21.48 BST The Obama "
                 "administration acted today.") == (True, False)


def test_a_weekday_date_after_a_stamp_label_or_a_byline_is_the_stamp_not_a_caption():
    """Words of publication before the date ("First published", "Last updated", "posted", a
    byline) make the line the page's stamp (datelines.stamp_lead_in, the {label} field of
    dateline_styles.tsv), not a photo caption's sentence: the article is of that day, surely."""
    from kerryview.dating.cues import REFERENCES, is_run_in_caption, is_stamp
    tag = CachingTagger()
    head = "Oil spill threatens Louisiana coast\n"
    body = "\nCrews laid more boom along the coast as the slick grew, officials said.\n"
    for line in ("First published Thursday, April 29, 2010.", "By John Smith, staff writer, Thursday, April 29, 2010",
                 "Last updated Thursday, April 29, 2010.", "posted Thursday, April 29, 2010",
                 "Posted by John Smith, Thursday, April 29, 2010."):
        text = head + line + body
        t = next(t for t in tag(text, REFERENCES[0]) if t.type == "DATE")
        assert (is_stamp(text, t), is_run_in_caption(text, t)) == (True, False), line
        article = Document(id="x", path="x", text=text)  # no dateline: inference alone
        infer_dcts([article], CachingTagger())
        assert article.dct == date(2010, 4, 29) and "high" in str(article.dct_source), (line, str(article.dct_source))
    # a caption's sentence is still one
    text = head + "A bird flies off a post in Venice, La., Thursday, April 29, 2010." + body
    t = next(t for t in tag(text, REFERENCES[0]) if t.type == "DATE")
    assert is_run_in_caption(text, t)


def test_a_day_that_holds_little_of_the_evidence_is_left_undated_unless_asked(monkeypatch):
    """A pile over three years spreads the evidence over many candidate days: the best day
    (the first Friday on or after the bank's closing) holds little of it. By default
    (decision.least_share 0.15) the article stays undated: on the development piles such
    days were the exact day about one time in seven, and a wrong day misleads more than
    none. With a lower least_share it is dated, and said to be of low certainty; with
    decision.guess on (least_share as it was) it is dated too, and said to be a guess."""
    pile = [_doc("a", "Published: September 15, 2008\nLehman Brothers filed for bankruptcy on "
                      "September 15, 2008 after talks failed."),
            _doc("b", "Published: March 10, 2009\nStocks rose on March 10, 2009 as banks "
                      "reported profits."),
            _doc("c", "Published: June 2, 2010\nRegulators met on June 1, 2010 to discuss the "
                      "reform bill.")]
    article = _doc("x", "Regulators closed the bank on May 27, 2009, and its deposits moved to a "
                        "rival. Its troubles began in 2008, and rivals met its chief on Friday.")

    def run() -> None:
        for d in pile + [article]:
            d.dct = None
        infer_dcts(pile + [article], CachingTagger())

    run()
    assert article.dct is None, str(article.dct_source)
    assert article.dct_source.why_undated.startswith(  # it said nothing: "unknown"
        "the evidence is spread over many days; the likeliest, Friday 29 May 2009, holds only ")
    with monkeypatch.context() as m:
        m.setitem(rules()["decision"], "guess", True)
        run()
        assert article.dct == date(2009, 5, 29), str(article.dct_source)
        assert "how sure: a guess" in str(article.dct_source)
    run()
    assert article.dct is None, str(article.dct_source)
    monkeypatch.setitem(rules()["decision"], "least_share", 0.05)
    run()
    assert article.dct == date(2009, 5, 29), str(article.dct_source)
    assert "how sure: low" in str(article.dct_source)


def test_a_day_is_not_given_when_another_week_is_nearly_as_likely(monkeypatch):
    """Within a day counts, a day two or more away misleads: an article is dated only when its
    best day holds at least decision.rival_ratio times the share of the likeliest day two or
    more days from it. "Shares fell on Tuesday", told in the same words on four Tuesdays of
    the pile, is as likely on each (16 % of the evidence, above least_share): it stays
    undated. "Shares fell on June 9, 2010" holds 27 %, its rivals the day after (within a
    day) and days far less likely: it is dated, said to be of low certainty."""
    days = ("June 1", "June 8", "June 15", "June 22")
    told = "as oil kept leaking from the well into the Gulf of Mexico."
    pile = [_doc(f"p{i}", f"Published: {d}, 2010\nBP shares fell on {d}, 2010 {told}")
            for i, d in enumerate(days)]
    weekday_only = _doc("w", f"BP shares fell on Tuesday {told}")
    own = _doc("o", f"BP shares fell on June 9, 2010 {told}")

    def run() -> None:
        for d in pile + [weekday_only, own]:
            d.dct = None
        infer_dcts(pile + [weekday_only, own], CachingTagger())

    assert rules()["decision"]["least_share"] < 0.16 and rules()["decision"]["rival_ratio"] > 1.5
    # "June 9, 2010" is a day it reports: dated here only with date_by_reported_day (rule
    # reported_day_alone), which this test of rivals leaves aside
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)
    run()
    assert weekday_only.dct is None, str(weekday_only.dct_source)
    # and it says why: two Tuesdays compete (it said nothing: "unknown")
    why = weekday_only.dct_source.why_undated
    assert why.startswith("two days compete, Tuesday "), why
    assert why.count("Tuesday") == 2 and "of the evidence" in why, why
    assert own.dct == date(2010, 6, 9) and "how sure: low" in str(own.dct_source)
    monkeypatch.setitem(rules()["decision"], "rival_ratio", 1.0)  # the best day, however close
    run()
    assert weekday_only.dct is not None and weekday_only.dct.weekday() == 1
    assert "how sure: low" in str(weekday_only.dct_source)
    assert own.dct == date(2010, 6, 9)


def test_the_guess_example_is_undated_by_default():
    """The guess rule's example is dated only because it carries decision.guess on: with the
    default (off) the same article stays undated."""
    assert rules()["decision"]["guess"] is False
    example = RULES["guess"]["example"]
    assert example["decision"] == {"guess": True} and example["expect"]
    pile = [_doc(f"p{i}", text) for i, text in enumerate(example["pile"])]
    article = _doc("x", example["text"])
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct is None, str(article.dct_source)



def _spy_on_learning(monkeypatch) -> list[str]:
    """The ids of the articles the pile learns from (inference._Dating.learn), in order."""
    from kerryview.dating import inference
    learnt: list[str] = []
    learn = inference._Dating.learn

    def spy(self, d, *args, **kwargs):
        learnt.append(d.id)
        return learn(self, d, *args, **kwargs)

    monkeypatch.setattr(inference._Dating, "learn", spy)
    return learnt

def test_a_guess_teaches_no_other_article(monkeypatch, guesses):
    """A guessed day is not evidence: the article guessed from the articles like it is not
    learnt from (its passages and lead do not date others), while a dated one is."""
    learnt = _spy_on_learning(monkeypatch)
    pile = [_doc("a", "Published: January 15, 2010\nHaiti earthquake survivors queued for water "
                      "in Port-au-Prince as aid flights landed at the airport."),
            _doc("b", "Published: March 3, 2010\nChile counted the dead after a powerful "
                      "earthquake struck the coast.")]
    guessed = _doc("x", "Survivors of the Haiti earthquake queued for water in Port-au-Prince "
                        "while aid flights landed.")
    infer_dcts(pile + [guessed], CachingTagger())
    assert guessed.dct == date(2010, 1, 15), str(guessed.dct_source)
    assert "how sure: a guess" in str(guessed.dct_source)
    assert learnt == ["a", "b"]


def test_a_dateline_is_named_as_such_in_how_the_date_was_found():
    example = DATELINE_STYLES["paper"]["example"]
    article = _doc("x", example["text"])
    infer_dcts([article], CachingTagger())
    assert "its dateline “March 30” (filed the day before)" in str(article.dct_source)


def test_an_article_whose_own_words_do_not_name_its_day_teaches_only_when_surer(monkeypatch):
    """Wave order (decision.wave_sure_weak): an article dated by its weekdays and another
    article's passage ('on Monday' = 17 July) teaches the others only when surer than one
    whose own words name its day ('on July 18, 2023'): its mistakes would spread. Here the
    weak bar is out of reach: it is dated at the end and teaches no one."""
    learnt = _spy_on_learning(monkeypatch)
    monkeypatch.setitem(rules()["decision"], "wave_sure", 0.0)
    monkeypatch.setitem(rules()["decision"], "wave_sure_weak", 1.01)
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)  # "on July 18, 2023"
    dated = _doc("a", "date 2023-07-18\nKerry met Xie Zhenhua for nearly 12 hours at the Beijing "
                      "Hotel on July 17.")
    weak = _doc("b", "Kerry met Xie Zhenhua for nearly 12 hours at the Beijing Hotel on Monday.")
    own = _doc("c", "Kerry met Wang Yi in Beijing on July 18, 2023, officials said.")
    infer_dcts([dated, weak, own], CachingTagger())
    assert (weak.dct, own.dct) == (date(2023, 7, 17), date(2023, 7, 18))
    assert learnt == ["a", "c"]


def test_a_page_of_two_posts_is_dated_by_the_top_posts_sign_off():
    """Rule sign_off_stamp: a blog page that holds an earlier post under the newest one is the
    newest post's page; the earlier post's sign-off (May 12) is no stamp of the page."""
    example = RULES["sign_off_stamp"]["example"]
    text = example["text"].replace(
        "By Ezra Klein | May 29, 2009; 6:45 AM ET\n",
        "By Ezra Klein | May 29, 2009; 6:45 AM ET\nEarlier post: The repo market froze in August 2007.\n"
        "By Ezra Klein | May 12, 2009; 9:10 AM ET\n")
    pile = [_doc(f"p{i}", t) for i, t in enumerate(example["pile"])]
    article = _doc("x", text)
    infer_dcts(pile + [article], CachingTagger())
    assert article.dct == date(2009, 5, 29), str(article.dct_source)


def test_a_transcript_s_date_is_its_broadcast_s_day():
    """'This is a rush transcript from "Hannity," June 7, 2010.': the show's day (scored as a
    caption's date: published then or the day after); the same date told by a sentence, or far
    from the head, is a reported day."""
    from kerryview.dating.cues import is_transcript_date
    tag = CachingTagger()
    text = 'Hannity on the spill\nThis is a rush transcript from "Hannity," June 7, 2010. This copy may not be in its final form.'
    t = next(t for t in tag(text, date(2010, 6, 8)) if "June 7" in t.text)
    assert is_transcript_date(text, t)
    told = "Hannity on the spill\nBP said on June 7, 2010 that it had read the transcript. The well leaks."
    t = next(t for t in tag(told, date(2010, 6, 8)) if "June 7" in t.text)
    assert not is_transcript_date(told, t)
    far = "x " * 300 + 'This is a rush transcript from "Hannity," June 7, 2010.'
    t = next(t for t in tag(far, date(2010, 6, 8)) if "June 7" in t.text)
    assert not is_transcript_date(far, t)


def test_only_the_first_reader_s_comment_is_a_cue():
    """Under the page, the first comment signed with its date and time is the one cue (the page
    is of its day or before); the later signatures and what a comment tells ("July 4, 2010",
    "yesterday") are no cues of the page's day."""
    from kerryview.dating.cues import REFERENCES, classify
    body = "Obama to visit the Gulf coast\n" + "The president will see the clean-up, officials said. " * 12
    text = (body + "\nPosted by: walter | June 15, 2010 9:19 PM | Report abuse\nI saw it yesterday, "
            "and July 4, 2010 is too late.\nPosted by: cavys | June 14, 2010 12:48 PM | Report abuse\n")
    tag = CachingTagger()
    under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
    cues = classify(under, ["past"] * len(under[0]), text)
    feet = [q for q in cues if q.foot]
    assert [date.fromordinal(q.day) for q in feet] == [date(2010, 6, 14)]
    assert [q for q in cues if not q.foot] == []


def test_a_graphic_s_credit_line_is_the_page_s_stamp():
    """'SOURCES: BP, U.S. Coast Guard | The Washington Post - May 30, 2010' at the page's foot
    is the day the graphic ran: a stamp, which decides (high), not a date the text reports;
    a date after a dash in a sentence is not one."""
    from kerryview.dating.cues import is_graphic_credit
    example = rules()["graphic_credit"]["example"]
    article = _doc("x", example["text"])
    infer_dcts([article], CachingTagger())
    assert article.dct == date.fromisoformat(example["expect"])
    assert "how sure: high" in str(article.dct_source), str(article.dct_source)
    tag = CachingTagger()
    told = "The sources said the talks - May 30, 2010 - had failed."
    t = next(t for t in tag(told, date(2010, 6, 1)) if "May 30" in t.text)
    assert not is_graphic_credit(told, t)
    named = "Banks fail\nGRAPHIC: Richard Furno, The Washington Post December 22, 2008"
    t = next(t for t in tag(named, date(2008, 12, 23)) if "December 22" in t.text)
    assert is_graphic_credit(named, t)


def test_a_weekday_date_and_clock_not_told_in_the_past_is_a_schedule():
    """"BBC One, Monday, 21 June at 2030 BST" is a listing (the page is of that day or the days
    before); the same written in a report of the past is a reported day; announced ("will be
    screened") it is left to announced_day; a stamp in full on its own after the head is the
    page's stamp."""
    from kerryview.dating.cues import REFERENCES, classify
    from kerryview.text.tense import tense
    tag = CachingTagger()

    def cues(text):
        under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
        return classify(under, [tense(text, t.start, t.end) for t in under[0]], text)

    body = "BP is accused of taking safety shortcuts, a former engineer says. " * 8
    listing = [q for q in cues(body + "\nBP - In Deep Water, BBC One, Monday, 21 June at 2030 BST.")
               if q.kind == "month_day"]
    assert [q.listing for q in listing] == [True]
    told = [q for q in cues(body + "\nThe quake struck at 1653 local time on Tuesday, 12 January.")
            if q.kind == "month_day"]
    assert [q.listing for q in told] == [False]
    ahead = [q for q in cues(body + "\nThe telethon will be screened live from 0100 GMT on Saturday, 23 January.")
             if q.kind == "month_day"]
    assert [q.listing for q in ahead] == [False]
    stamp = [q for q in cues(body + "\nFriday 24 September 2010 12.16 BST\nguardian.co.uk")
             if q.kind == "day"]
    assert [(q.stamp, q.listing) for q in stamp] == [(True, False)]
    example = rules()["listing"]["example"]
    pile = [_doc(f"p{i}", text) for i, text in enumerate(example["pile"])]
    article = _doc("x", example["text"])
    infer_dcts(pile + [article], CachingTagger())
    # the listing is the page's own day at half the evidence (decision.sureness: page);
    # read as a day it reports it would be left undated (rule reported_day_alone)
    assert "how sure: high" in str(article.dct_source), str(article.dct_source)


def test_the_story_s_background_day_opens_no_window_of_its_own(monkeypatch):
    """When many of a pile's articles report 20 April (the explosion), that day opens no
    stretch of candidate days for an article that reports it: the week after the explosion is
    a candidate only through the article's other words (here, "June 3, 2010")."""
    from kerryview.dating.inference import _Dating
    texts = [f"Report {i}: The rig exploded on April 20, 2010, and the spill reached the coast of "
             f"Louisiana, where fishermen {w} the damage." for i, w in enumerate(
                 ["counted", "feared", "described", "measured", "mapped", "filmed", "reported",
                  "surveyed", "estimated", "assessed"])]
    texts.append("Shrimpers in Alabama said on June 3, 2010 that the spill, which began when the "
                 "rig exploded on April 20, 2010, had ruined their season.")

    def candidates(window):
        monkeypatch.setitem(rules()["reported_day"], "background_window", window)
        docs = [_doc(f"d{i}", t) for i, t in enumerate(texts)]
        tag = CachingTagger()
        dating = _Dating(docs, docs, {}, tag, NEVER)
        article = dating.articles["d10"]
        article.related = False  # the pile's busy days aside: the days its own words open
        return {date.fromordinal(c) for c in dating.candidates(article)}

    assert rules()["reported_day"]["background_window"] == 0.25
    assert {date(2010, 4, 20), date(2010, 6, 4)} <= candidates(2.0)  # no day is that background
    with_rule = candidates(0.25)
    assert date(2010, 6, 4) in with_rule
    assert not any(date(2010, 4, 12) <= d <= date(2010, 4, 28) for d in with_rule)


def test_a_listing_clock_is_a_clock_time_with_a_zone_not_a_year_or_a_word():
    """rule listing: a clock time near the date is one with a zone name of
    kerryview/events/data/time_zones.tsv (calendar/zones.py) as a whole word, or am/pm, or
    hours and minutes; not the date's year before a word ('2010 estimates', '2010 Eton'), a
    year before a zone, nor a figure's last digits before a word ('1,200 EDTA')."""
    from kerryview.dating.cues import REFERENCES, classify
    from kerryview.text.tense import tense
    tag = CachingTagger()

    def listed(line):
        text = "BP is accused of taking safety shortcuts, a former engineer says. " * 8 + "\n" + line
        under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
        return [q.listing for q in classify(under, [tense(text, t.start, t.end) for t in under[0]], text)
                if "14 June" in under[0][q.timex_index].text]

    for line in ("The report of Monday 14 June 2010 estimates the cost at $2bn.",
                 "Open day on Monday 14 June 2010 Eton College welcomes parents.",
                 "Monday 14 June 2010 EST figures are on the website.",
                 "On Monday 14 June, 1,200 EDTA tablets are given out."):
        assert listed(line) == [False], line
    for line in ("Watch it on BBC World News at 1100GMT on Monday 14 June.",
                 "Join us on Thursday 14 June, from 1400 BST.",
                 "The concert is repeated on Monday 14 June at 2.40 pm.",
                 "The talk is on Monday 14 June at 10:00."):
        assert listed(line) == [True], line


def test_a_duration_a_reader_s_comment_counts_is_no_cue():
    """rule first_comment: what a comment tells is the reader's, no cue, a duration counted
    from an event too ('ten days after the earthquake' in a comment was an elapsed cue); in
    the article it is one."""
    from kerryview.dating.cues import DAY, ELAPSED, REFERENCES, classify
    body = "Haiti quake relief\n" + "Aid is reaching the capital, officials said. " * 12
    comment = ("\nPosted by: walter | January 25, 2010 9:19 PM | Report abuse\n"
               "Ten days after the earthquake the roads are still blocked.\n")
    tag = CachingTagger()

    def kinds(text):
        under = (tag(text, REFERENCES[0]), tag(text, REFERENCES[1]))
        return [(q.kind, q.foot) for q in classify(under, ["present"] * len(under[0]), text)]

    assert (ELAPSED, False) in kinds(body + "\nTen days after the earthquake the roads are still blocked.\n")
    assert kinds(body + comment) == [(DAY, True)]  # the signature alone


def test_the_untensed_weekday_example_shows_its_rule_under_the_default_settings(monkeypatch):
    """untensed_weekday: its example is dated with the default decision settings (review item
    11) but date_by_reported_day (its day rests on "May 3, 2010", a day it reports: rule
    reported_day_alone), and it is the rule's future reading that dates it: read as past only
    (a prohibitive future penalty), 'Talks on Wednesday' would move the article off its day."""
    example = RULES["untensed_weekday"]["example"]
    assert example.get("decision", {}) == {"date_by_reported_day": True} and "pile" not in example
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)

    def dated() -> date | None:
        article = _doc("x", example["text"])
        infer_dcts([article], CachingTagger())
        return article.dct

    assert dated() == date.fromisoformat(example["expect"])
    monkeypatch.setitem(rules()["untensed_weekday"], "future_penalty", -50.0)
    assert dated() not in (None, date.fromisoformat(example["expect"]))


def test_early_waves_leave_a_day_with_a_close_rival_to_the_last_one(monkeypatch):
    """decision.rival_ratio holds in every wave (review item 8): an article whose best day holds
    less than rival_ratio times the share of a day two or more days from it is not dated early
    (where it would teach the others) even when its share passes wave_sure; the last wave leaves
    it undated. 'Talks on Wednesday' after a meeting on Monday 3 May is read either way."""
    monkeypatch.setitem(rules()["decision"], "wave_sure", 0.01)  # every best day sure enough
    monkeypatch.setitem(rules()["decision"], "wave_sure_weak", 0.01)
    monkeypatch.setitem(rules()["decision"], "date_by_reported_day", True)  # "May 3, 2010"
    article = _doc("x", "Officials met on May 3, 2010. Talks on Wednesday.")
    infer_dcts([article], CachingTagger())
    assert article.dct is None, str(article.dct_source)
    monkeypatch.setitem(rules()["decision"], "rival_ratio", 1.0)  # no rival test: dated
    article = _doc("x", "Officials met on May 3, 2010. Talks on Wednesday.")
    infer_dcts([article], CachingTagger())
    assert article.dct == date(2010, 5, 3)
