"""A news story that looks back stays news (kerryview/timex/news.py): its undated "April" and
"Friday" are counted from its publication date even when most of its years are history."""
from __future__ import annotations

from datetime import date

from kerryview.timex import tag
from kerryview.timex.narrative import genre
from kerryview.timex.news import news_signals
from kerryview.timex.recognize import recognize

DCT = date(1999, 3, 12)
BACKGROUND = ("NATO was founded in 1949 by twelve countries. Greece and Turkey joined in 1952, West Germany "
              "in 1955 and Spain in 1982. The Warsaw Pact dissolved in 1991. ")
RETROSPECTIVE = ("INDEPENDENCE, Mo. (AP) -- Poland, Hungary and the Czech Republic joined NATO on Friday. "
                 + BACKGROUND + "In April the allies meet in Washington.")


def values(text: str, dct: date) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


def test_a_dated_news_retrospective_is_news():
    kind = genre(recognize(RETROSPECTIVE), DCT, RETROSPECTIVE)
    assert kind.past_years >= 5 and not kind.narrative and kind.news
    v = values(RETROSPECTIVE, DCT)
    assert v["April"] == "1999-04"  # not 1991-04, the year of the background's last date
    assert v["Friday"] == "1999-03-12"


def test_the_same_background_without_news_signals_is_a_history():
    text = BACKGROUND + "In April the allies met in Washington."
    kind = genre(recognize(text), DCT, text)
    assert kind.narrative and not kind.news
    assert values(text, DCT)["April"] == "1991-04"


def test_a_datelined_text_is_news():
    for head in ("BUFFALO, N.Y. (AP) --\n\nIt", "WASHINGTON, March 12 (Xinhua) -- It", "NEWARK, N.J. _ It",
                 "NAIROBI, Kenya (AP) _\n\nIt"):
        assert news_signals(head + " rained.", []).dateline, head
    for head in ("02_WW1\n HISTORY ARTICLE \n 2009-12-19", "The war began in 1914 - and", "NATO was founded"):
        assert not news_signals(head, []).dateline, head


def test_expressions_counted_from_the_dct_make_news_without_a_dateline():
    deictic = (BACKGROUND + "Ministers met on Friday and again yesterday. Last week the talks stalled. "
               "In April the allies meet in Washington.")
    kind = genre(recognize(deictic), DCT, deictic)
    assert kind.news and not kind.narrative
    assert values(deictic, DCT)["April"] == "1999-04"


def test_reporting_makes_news_without_a_dateline():
    reported = BACKGROUND + ("The alliance will grow, the minister said. It is ready, officials said. "
                             "Talks go on, a spokesman said. He told reporters so, according to aides, "
                             "and the ambassador said so too. In April the allies meet in Washington.")
    kind = genre(recognize(reported), DCT, reported)
    assert kind.news and not kind.narrative


def test_a_history_that_quotes_a_few_people_stays_a_history():
    history = ("The war began in 1914. In 1915 Italy joined, the king said. The Somme of 1916 cost a million men. "
               "America entered in 1917. The armistice was signed in 1918. In March the Germans attacked.")
    kind = genre(recognize(history), date(2009, 12, 19), history)
    assert kind.narrative and not kind.news
    assert values(history, date(2009, 12, 19))["March"] == "1918-03"


# A history of a recent war: its years reach the year it was written in, and it quotes people
# as much as news does, but it dates nothing from its publication (no dateline, no "last week").
RECENT_WAR = " ".join(
    f"In {y} the army took {town}, the general said." for y, town in zip(
        range(2003, 2010), ("Basra", "Najaf", "Mosul", "Tikrit", "Ramadi", "Falluja", "Samarra"))) + " " + " ".join(
    f"The {y} campaign was costly, officials said; by {y + 1} the front had moved, according to reports."
    for y in range(2003, 2010)) + " The surge began in 2007. In April the brigades arrived."


def test_a_history_of_many_years_that_reports_is_still_a_history():
    dct = date(2009, 12, 19)
    kind = genre(recognize(RECENT_WAR), dct, RECENT_WAR)
    signals = news_signals(RECENT_WAR, recognize(RECENT_WAR))
    assert kind.explicit_years >= 20 and signals.reporting and not signals.deixis
    assert kind.narrative and not kind.news
    assert values(RECENT_WAR, dct)["April"] == "2007-04"  # the story's year, not the DCT's


def test_a_datelined_text_of_many_years_is_news():
    text = "BAGHDAD (AP) -- " + RECENT_WAR
    kind = genre(recognize(text), date(2009, 12, 19), text)
    assert kind.news and not kind.narrative
    assert values(text, date(2009, 12, 19))["April"] == "2009-04"


# ------------------------------------------------------------------ speech does not move the news day
SPEECH_DCT = date(2010, 6, 15)


def _tagged(text: str, dct: date) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.anchor) for t in tag(text, dct)}


def test_a_date_counted_inside_a_quotation_does_not_move_the_news_day():
    text = ('The hearing opened at 10 a.m. "Two days later we knew the well had failed," Hayward said. '
            "At 3 p.m. the committee adjourned.")
    v = _tagged(text, SPEECH_DCT)
    assert v["Two days later"][0] == "2010-06-17"  # counted from 10 a.m., as before
    assert v["3 p.m."][0] == "2010-06-15T15:00"  # the writer's day, not the quoted 17 June


def test_a_date_counted_inside_reported_speech_does_not_move_the_news_day():
    # a live blog: the entry stamps are the writer's day; Hayward's "a day later" is his account
    text = ("7.57 pm: Hayward says the blowout preventer failed when robots tried to activate it a day later.\n"
            "7.51 pm: Waxman asks about the well design.\n")
    v = _tagged(text, SPEECH_DCT)
    assert v["a day later"][0] == "2010-06-16"
    assert v["7.51 pm"][0] == "2010-06-15T19:51"


def test_inside_the_speech_its_own_dates_still_follow_each_other():
    text = ('The rig exploded on April 20. "A day later, at 3 p.m., the robots failed," Hayward says. '
            "The next morning the Coast Guard arrived.")
    v = _tagged(text, SPEECH_DCT)
    assert v["A day later"][0] == "2010-04-21"
    assert v["3 p.m."][0] == "2010-04-21T15:00"  # within the quotation: the speaker's day
    assert v["The next morning"][0] == "2010-04-21TMO"  # after it: the writer's 20 April + 1


def test_the_writers_own_relative_date_still_moves_the_news_day():
    text = "The rig exploded on April 20. Two days later it sank. At 3 p.m. the slick reached 10 miles."
    assert _tagged(text, SPEECH_DCT)["3 p.m."][0] == "2010-04-22T15:00"


def test_every_speech_verb_marks_reported_speech():
    from kerryview.text.wordlists import reporting_verbs
    from kerryview.timex.scene import speech_end
    for verb in reporting_verbs()["present"]:
        text = f"Hayward {verb} the robots failed a day later. Then it sank."
        assert speech_end(text, text.index("a day"), text.index(" later") + 6) == text.index(" Then"), verb
    text = "The robots failed a day later. Then it sank."
    assert speech_end(text, text.index("a day"), text.index(" later") + 6) is None


def test_in_a_history_a_quoted_relative_date_still_moves_the_story():
    text = ("The war began on 3 August 1914. In 1915 Italy joined. In 1916 the Somme cost a million men. "
            "America entered in 1917. The armistice was signed on 11 November 1918. "
            '"Two days later we marched home," a soldier says. At noon the bells rang.')
    assert genre(recognize(text), date(2009, 12, 19), text).narrative
    assert _tagged(text, date(2009, 12, 19))["noon"][0] == "1918-11-13T12:00"  # the story's moving day


def test_news_looking_forward_takes_the_next_weekend_season_and_month():
    thursday = date(2008, 11, 13)
    text = "The Bush administration initially wasn't enthusiastic about this weekend's meeting of the G-20."
    assert values(text, thursday)["this weekend"] == "2008-W46-WE"  # the coming one, said on a Thursday
    text = "The leak became public this weekend."
    assert values(text, date(2008, 11, 10))["this weekend"] == "2008-W45-WE"  # said on a Monday: just past
    text = "Production would allow sufficient supplies to be ready by winter. In addition, the government faces it."
    assert values(text, date(2009, 5, 3))["winter"] == "2010-WI"  # the next winter, not the last
    text = "Officials said in November that the plant would close."
    assert values(text, date(2009, 2, 27))["November"] == "2008-11"  # the report's month, past
    text = "Forecasters suggest the oil could reach Florida's shores by Friday. Meanwhile, Fitch downgraded BP."
    assert values(text, date(2010, 6, 3))["Friday"] == "2010-06-04"


def test_a_count_followed_by_on_and_a_question_word_is_no_date():
    """"report within 30 days on what went wrong": "on" is the report's preposition, not the
    "on" of "two years on" (rules.tsv ago)."""
    text = "Obama ordered Salazar to report within 30 days on what new technology is needed."
    assert [(t.text, t.value) for t in tag(text, date(2010, 4, 30))] == [("30 days", "P30D")]


def test_a_half_or_quarter_of_a_thing_is_no_period_but_a_quarters_figure_is():
    dct = date(2008, 11, 5)
    assert values("Officials seek access to the second half of the $700 billion rescue package.", dct) == {}
    assert values("Over the last half century, the system grew.", dct) == {}
    assert values("It announced a loss for the third quarter of $226.3 million.", dct) == {"the third quarter": "2008-Q3"}
    assert values("The economy grew in the second half of 2007.", dct) == {"the second half of 2007": "2007-H2"}
    # "the last quarter" alone is the quarter before this one, not the fourth
    assert values("The last quarter showed robust 3.3% growth.", date(2008, 9, 19)) == {"The last quarter": "2008-Q2"}


def test_a_time_given_or_running_ahead_is_the_next_one():
    dct = date(1998, 3, 10)  # a Tuesday
    assert values("He was given until Friday to leave.", dct)["Friday"] == "1998-03-13"
    assert values("Iraq has until Friday to comply.", dct)["Friday"] == "1998-03-13"
    assert values("The ban, which took effect in January, runs through June.", dct)["June"] == "1998-06"
    assert values("The trial was moved to January.", dct)["January"] == "1999-01"
    assert values("The company moved its headquarters to Dallas in January.", dct)["January"] == "1998-01"


def test_a_live_reports_entry_times_are_on_its_publication_day():
    """"3.10 pm: Waxman continues ...": the time heading an entry of a live report is the
    writer's, on the day the report is published, not on a day the previous entry told of."""
    text = ("The rig exploded and sank on April 22. 3.17 pm: So it has come to this. Senator Nelson "
            "asks about submarines. 3.28 pm: Wow, the anchor is asking a retired admiral.")
    v = values(text, date(2010, 5, 26))
    assert v["3.17 pm"] == "2010-05-26T15:17" and v["3.28 pm"] == "2010-05-26T15:28"
    # not a heading: "at 10 p.m." after a narrated day stays on that day
    text = "The rig exploded on April 20. Workers fled at 10 p.m. as the fire spread."
    assert values(text, date(2010, 5, 26))["10 p.m."] == "2010-04-20T22:00"


def test_a_quarter_ahead_in_a_future_clause_is_next_years_but_the_one_just_ended_is_this_years():
    dct = date(1998, 11, 20)
    assert values("The merger is expected to close in the first quarter.", dct)["the first quarter"] == "1999-Q1"
    assert values("It expects to report third-quarter net income of $2 million.", dct)["third-quarter"] == "1998-Q3"
    assert values("Profit fell in the first quarter.", dct)["the first quarter"] == "1998-Q1"


def test_an_agency_dateline_after_a_wire_header_is_a_dateline():
    from kerryview.timex.news import has_dateline
    assert has_dateline("(Repeats to more subscribers without changes in text) SINGAPORE, April 27 (Reuters) - As fears grow")
    assert has_dateline("Sat Apr 25, 2009 12:51 am BST (Reuters) - Health officials are watching an outbreak.")
    # only an agency's name alone in the brackets makes a dateline: the same head with words
    # after the name, or with no agency's name, is a remark in brackets before a dash
    assert has_dateline("In 1914 the war began (AP) - and it spread.")
    assert not has_dateline("In 1914 the war began (AP photographs from 1914 show it) - and it spread.")
    assert has_dateline("The history of Reuters (Reuters) - In 1851 Paul Reuter ...")
    assert not has_dateline("The history of Reuters (news agency) - In 1851 Paul Reuter ...")


def test_a_short_report_that_says_said_three_times_is_news():
    """A 60-word report of a trial about events two years back, with three reports: news, so
    "on Monday" is the publication week's, not a Monday of the story's year."""
    text = ("Michael Jackson judge bars skin doctor from testifying. Jackson died in June 2009 of an "
            "overdose, in 2009, a year of sorrow; fans mourned in 2009 and in July 2009 and in August 2009. "
            "The judge said it was irrelevant. In court in Los Angeles on Monday, the lawyer said the defense "
            "would call witnesses, prosecutors said.")
    kind = genre(recognize(text), date(2011, 8, 30), text)
    assert kind.past_years >= 5 and not kind.narrative and kind.news
    assert values(text, date(2011, 8, 30))["Monday"] == "2011-08-29"


def test_a_year_that_opens_the_sentence_frames_its_months_even_in_news():
    text = "Officials said so on Monday. In 1918, there was a first wave of mild flu in April."
    assert values(text, date(2009, 4, 29))["April"] == "1918-04"
    # a year inside the sentence does not frame it: "through Sept. 29" is the publication year's
    text = "Nashua, under a program approved by the company in 1987, had purchased shares through Sept. 29."
    assert values(text, date(1989, 10, 30))["Sept. 29"] == "1989-09-29"


def test_a_frame_reaches_its_own_clause_only():
    text = "In March 2003, prices fell in April."
    assert values(text, date(2010, 7, 16))["April"] == "2003-04"
    text = "In March 1989, the Exxon Valdez spewed oil, and, until April's BP accident, it was the worst spill."
    assert values(text, date(2010, 7, 16))["April"] == "2010-04"


def test_a_frame_is_found_in_the_one_splitters_sentence_and_after_a_dateline():
    """frame_year reads the sentence of kerryview.text.sentences (an abbreviation such as
    "U.S." ends none) and skips a dateline opening it ("LONDON (Reuters) - In 2003, ...")."""
    text = "In 1918, the U.S. Army saw a first wave of flu in April."
    assert values(text, date(2009, 4, 29))["April"] == "1918-04"
    text = "LONDON (Reuters) - In 2003, the tanker struck a reef in April."
    assert values(text, date(2010, 7, 16))["April"] == "2003-04"
    text = "NAIROBI, Kenya (AP) _ In 1998, the embassy was bombed in August."
    assert values(text, date(2000, 7, 16))["August"] == "1998-08"
    # no frame: a dateline and a sentence opened otherwise
    text = "LONDON (Reuters) - The tanker struck a reef in 2003 and sank in April."
    assert values(text, date(2010, 7, 16))["April"] == "2010-04"


def test_a_frame_is_carried_over_the_next_sentences_that_go_on_telling_of_it():
    """A year fronted at the head of a sentence sets the time of the sentences after it in its
    paragraph that go on narrating (news._carried_frame, issue #13: a background paragraph of a
    news story). Before, only the frame's own sentence was read: "in August" was the last August
    before the publication."""
    dct = date(2009, 4, 29)
    text = ("In 1918, there was a first wave of mild flu in April. It then seemed to disappear during "
            "the Northern Hemisphere's summer but came back severely in August. WHO and CDC officials "
            "say it is possible this virus could behave in the same way.")
    v = values(text, dct)
    assert (v["April"], v["summer"], v["August"]) == ("1918-04", "1918-SU", "1918-08")
    # two sentences on, with one between that tells of the same time
    text = ("In early 1987, at the beginning of his first Senate term, McCain attended two meetings. "
            "The senators pressed the regulators to ease their rules. "
            "Four senators met with Ed Gray, chairman of the board, on April 2.")
    assert values(text, date(2008, 9, 24))["April 2"] == "1987-04-02"
    dct = date(2010, 5, 14)
    # not when the expression's own sentence has an anchor of its own ...
    text = "In 2009, BP was fined $87m. Inspectors found no violations in February, March and April this year."
    assert values(text, dct)["February"] == "2010-02"
    # ... nor past a sentence that has one, or that is in the present tense
    assert values("In 2005, 15 workers died. Last week BP was fined. It paid in March.", dct)["March"] == "2010-03"
    assert values("In 2005, 15 workers died. BP says it has improved safety. It paid in March.", dct)["March"] == "2010-03"
    # nor into a clause that looks ahead, a new paragraph, or three sentences on
    assert values("In 2005, 15 workers died. The company will appeal in March.", dct)["March"] == "2011-03"
    assert values("In 2005, 15 workers died.\n\nBP was fined in March.", dct)["March"] == "2010-03"
    text = "In 2005, 15 workers died. The plant closed. The town mourned. BP was fined in March."
    assert values(text, dct)["March"] == "2010-03"


def test_the_conjunctions_that_open_a_new_clause_are_a_data_list_with_examples():
    from kerryview.timex.lexicon import table
    assert {"and", "but", "while"} <= set(table("new_clause"))
    import json
    from importlib.resources import files
    raw = json.loads((files("kerryview.timex") / "rules" / "news.json").read_text("utf-8"))
    examples = raw["new_clause"]["_frame_examples"]
    assert len(examples) >= 3
    for example in examples:
        assert values(example["text"], date(2010, 7, 16))[example["date"]] == example["expect"], example


def test_a_frame_reaches_a_coordinated_clause_whether_or_not_it_has_a_subject():
    """A fronted time phrase scopes over what is coordinated with its clause; only a second main
    clause whose time phrase carries its own anchor (a year, a word counted from now) or stands
    in a noun phrase starts a new scope (news.frame_scope_end). Review s14 #4: a pronoun subject
    ("and it returned") took October 1918 to October of the publication year."""
    assert values("In 1918, the flu appeared in April, and returned in October.",
                  date(2009, 4, 29))["October"] == "1918-10"
    assert values("In 1918, the flu appeared in April, and it returned in October.",
                  date(2009, 4, 29))["October"] == "1918-10"
    assert values("In 2000, BP joined with Arco, and in May bought the German group Aral.",
                  date(2010, 7, 16))["May"] == "2000-05"
    assert values("In 2000, BP joined with Arco, and in May it bought the German group Aral.",
                  date(2010, 7, 16))["May"] == "2000-05"
    # a time phrase with its own anchor, or inside a noun phrase: a new scope
    assert values("In 2000, BP joined with Arco, and last week it sold its stake.",
                  date(2010, 7, 16))["last week"] == "2010-W27"
    assert values("In 1918, the flu appeared in April, and in May 2009 it returned.",
                  date(2010, 7, 16))["May 2009"] == "2009-05"
    assert values("In March 1989, the tanker struck a reef, and, until April's BP accident, it was the worst.",
                  date(2010, 7, 16))["April"] == "2010-04"


def test_news_datelines_are_read_with_the_date_line_readers_grammar():
    """The dateline templates of rules/news.json are compiled by kerryview.dating.datelines
    (one home for {city}, {md}, {agency}, {dash}); each example is read as a dateline."""
    import json
    from importlib.resources import files
    from kerryview.timex.news import has_dateline
    raw = json.loads((files("kerryview.timex") / "rules" / "news.json").read_text("utf-8"))
    assert "news_agencies" not in raw  # no second list of agencies
    for name, entry in raw["news_datelines"]["templates"].items():
        assert has_dateline(entry["example"]), name
    assert has_dateline("BUFFALO, N.Y. (AP) -- A man was found.")
    assert has_dateline("WASHINGTON, August 8 (Xinhua) -- The talks resumed.")
    assert not has_dateline("NATO was founded in 1949 - twelve nations signed.")


def test_the_end_of_a_range_follows_its_start_not_the_publication_date():
    # rules/lexicon.json range_joiner: "through" ends a range here, it is no deadline ahead
    dct = date(2008, 11, 5)
    assert values("Freddie Mac reports a loss of $25 billion from July through September.", dct)["September"] == "2008-09"
    assert values("The hurricane season runs from 1 June to 30 November.", date(2010, 6, 2))["30 November"] == "2010-11-30"
    assert values("Prices rose between December and February.", date(2009, 3, 5))["February"] == "2009-02"
    # without "from" the deadline reading stands
    assert values("The offer runs through September.", date(2008, 7, 5))["September"] == "2008-09"


def test_a_postponement_reaches_over_a_long_object_and_only_its_own_had_looks_back():
    dct = date(2011, 3, 3)
    text = ("A US judge has delayed the involuntary manslaughter trial of Michael Jackson's doctor, "
            "Conrad Murray, until May to allow both sides more time to prepare.")
    assert values(text, dct)["May"] == "2011-05"
    text = "Chevron had been fined more than $1.2m in the last 10 years The commission has until 15 December to report."
    assert values(text, date(2010, 6, 10))["15 December"] == "2010-12-15"
    assert values("It had been due to expire Friday.", date(1989, 10, 30))["Friday"] == "1989-10-27"


def test_a_year_in_a_list_of_years_is_a_year_but_an_amount_is_not():
    found = values("There were pandemics in 1918, 1957 and 1968.", DCT)
    assert (found.get("1918"), found.get("1957"), found.get("1968")) == ("1918", "1957", "1968")
    assert "2000" not in values("It sent 1,500, 2000 and 2,500 troops.", DCT)


def test_two_two_digit_years_before_a_season_are_two_years_not_a_count_of_seasons():
    tags = [(t.text, t.type, t.value) for t in tag("The 98-99 season was his best.", date(2000, 3, 10))]
    assert tags == [("98", "DATE", "1998"), ("99", "DATE", "1999")]
    tags = [(t.text, t.value) for t in tag("The 99-00 fiscal year and the '08-'09 campaign.", date(2010, 3, 10))]
    assert tags == [("99", "1999"), ("00", "2000"), ("'08", "2008"), ("'09", "2009")]
    assert tag("The score was 98-99 at the break.", date(2000, 3, 10)) == []


def test_a_count_followed_by_on_and_a_noun_or_a_day_is_no_date_counted_on():
    # rules.tsv ago: "N years on" is a date only where "on" ends the phrase or "from" follows
    dct = date(2010, 6, 29)
    assert values("BP said it was now spending $100m a day on efforts to contain the spill.", dct).get("a day") == "P1D"
    assert values("BP pumped cement for seven hours on Friday.", dct)["seven hours"] == "PT7H"
    assert values("He worked in India for five years on tuberculosis control.", dct)["five years"] == "P5Y"
    assert values("Five years on, the town is rebuilt.", dct)["Five years on"] == "2010"
    assert values("Twenty years on from the 1990 agreement, peace holds.", dct)["Twenty years on"] == "2010"


def test_a_count_on_in_a_clause_of_the_present_is_the_time_of_writing():
    # rules/news.json years_on_in_the_present: the present perfect or the present tells now
    # when the story's last date was written before the sentence before and the count from it
    # reaches now; the simple past, or a date just before, counts from that date; a count that
    # falls short of now in a clause that tells now is an unknown year (years_on_short_of_now)
    dct = date(2009, 10, 23)
    story = "Born in 1948, Tony nearly lost his fingers. Fame followed with Black Sabbath. "
    assert values(story + "Forty years on, they've sold millions.", dct)["Forty years on"] == "XXXX"
    assert values(story + "Forty years on, they sold their last album.", dct)["Forty years on"] == "1988"
    assert values("The band formed in 1969. Forty years on, they've sold millions.", dct)["Forty years on"] == "2009"
    assert values("The band formed in 1968. Forty years on, they've sold millions.", dct)["Forty years on"] == "2008"
    assert values("The band formed in 1969. It toured. It split. Forty years on, they've sold millions.",
                  dct)["Forty years on"] == "2009"
    assert values("The Torrey Canyon spilt its cargo in March 1967. That rate will matter to birds. "
                  "Two decades on, the impacts of Exxon Valdez are still being counted.",
                  date(2010, 8, 3))["Two decades on"] == "XXX"
    assert values("She fell ill on May 1. Her mother came. Two weeks on, she has managed to go back to work.",
                  date(2009, 5, 21))["Two weeks on"] == "2009-W21"
    assert values("She fell ill on May 1. Her mother came. Two weeks on, she went back to work.",
                  date(2009, 5, 21))["Two weeks on"] == "2009-W20"


def test_a_count_after_in_in_a_clause_that_looks_ahead_is_a_date():
    # rules/news.json count_ahead_is_a_date; the spans it leaves alone
    dct = date(2010, 6, 2)
    def found(text):
        return {t.text: (t.type, t.value) for t in tag(text, dct)}
    assert found("It hopes to plug the spill in two months.")["two months"] == ("DATE", "2010-08")
    assert found("The dome is expected to be deployed in six to eight days.")["six to eight days"] == ("DATE", "2010-06-08")
    assert found("Researchers plan to go back out in about a month.")["about a month"] == ("DATE", "2010-07")
    assert found("The relief well will be finished in 10 years' time.")["10 years' time"] == ("DATE", "2020")
    assert found("They will finish within two months.")["two months"] == ("DURATION", "P2M")
    assert found("He built the plant in five years.")["five years"] == ("DURATION", "P5Y")
    assert found("It will be the first global flu pandemic in 40 years.")["40 years"] == ("DURATION", "P40Y")
    assert found("He has not cast a vote in five months, and will not.")["five months"] == ("DURATION", "P5M")
    assert found("Four countries will hold elections in the next eight months.")["the next eight months"][0] == "DURATION"
    assert found("The company will cut costs in less than four months.")["less than four months"][0] == "DURATION"


def test_a_deadline_after_a_negated_modal_of_the_present_lies_ahead():
    # rules/news.json deadline_after_a_negated_modal; "couldn't" keeps its clause's past
    dct = date(2008, 9, 24)
    said = "The war is being lost and Gates says we can't get any troops there until April because we are tied up in Iraq."
    assert values(said, dct)["April"] == "2009-04"
    assert values("The board won't decide until March, officials were saying as the talks stalled.", dct)["March"] == "2009-03"
    assert values("The war was being lost and Gates said they couldn't get troops there until April.", dct)["April"] == "2008-04"


def test_a_range_of_counts_ago_or_from_now_is_one_date_counted_by_its_lower_bound():
    dct = date(2010, 6, 12)
    assert values("just two or three months ago, they were suggesting it.", dct)["two or three months ago"] == "2010-04"
    assert values("We might have otherwise been 30 or 40 years ago.", dct)["30 or 40 years ago"] == "1980"
    assert values("Three or four years from now the island would appear.", dct)["Three or four years from now"] == "2013"
    assert values("in charge since day one -- 36 or so days ago -- because", dct)["36 or so days ago"] == "2010-05-07"


def test_a_deadline_with_its_complement_still_looks_ahead():
    dct = date(2010, 3, 10)
    assert values("The deadline for claims is Aug. 23.", dct)["Aug. 23"] == "2010-08-23"
    assert values("The deadline for filing claims with the fund is Friday.", dct)["Friday"] == "2010-03-12"


def test_the_next_day_or_two_is_a_stretch_from_now_not_the_day_after_the_story():
    dct = date(2010, 1, 18)
    text = "The quake struck on Jan. 12. Fuel should arrive from the Dominican Republic in the next day or two."
    assert values(text, dct)["the next day or two"] == "2010-01-19"
    found = {t.text: (t.value, t.mod) for t in tag("The challenge over the next year or so is to keep it.", date(2008, 9, 16))}
    assert found["the next year or so"] == ("2009", "APPROX")
    # a stretch is no date the story counts on from; "the next day" alone still is
    text = "Talks began on May 3. Decisions would come in the next day or two. Two weeks later, the deal was signed."
    assert values(text, date(2010, 6, 14))["Two weeks later"] == "2010-W20"
    assert values("Talks began on May 3. The next day, they broke down.", date(2010, 6, 14))["The next day"] == "2010-05-04"
    # in a clause that tells the past the stretch follows the story, as "the next day" does
    text = "The quake struck on Jan. 12. Over the next day or two, aid poured in, officials said."
    assert values(text, dct)["the next day or two"] == "2010-01-13"


def test_years_later_in_news_count_from_the_last_year_written_and_never_past_the_publication():
    dct = date(2010, 7, 11)
    text = "Sales rose in June. In 2003 it paid $1.3 billion for the field. Three years later it struck a deal."
    assert values(text, dct)["Three years later"] == "2006"  # not a comparison with June: 2013-06
    # counted from a date of this year, the count would lie ahead of a clause that tells the past
    text = "This year's spill is the worst. Twenty-one years later, the BBC's reporter went to Alaska."
    assert values(text, dct)["Twenty-one years later"] == "XXXX"
    text = "The festival came back to the park this year. Fifty years on, it still draws thousands of fans."
    assert values(text, date(2009, 8, 15))["Fifty years on"] == "2009"
    # a count from a year ahead of the publication goes on with the plan it counts from
    dct = date(2010, 7, 16)
    assert values("The first bonds mature in 2015. Five years later, the second tranche matures.", dct)[
        "Five years later"] == "2020"
    assert values("Under the plan, troops leave in 2011 and, two years later, the police take over.", dct)[
        "two years later"] == "2013"
    assert values("The contract runs until 2012. Two years on, it can be renewed.", dct)["Two years on"] == "2014"
    # but not one counted from the publication ("two years from now"): a clause of the past is not there
    text = "The plant will close two years from now. Three years later, the town was empty."
    assert values(text, dct)["Three years later"] == "XXXX"
    dct = date(2010, 7, 11)
    # a clause that looks ahead may lie ahead; a comparison still keeps its quarter
    assert values("The plan was agreed this year. Ten years later, the plant will close.", dct)["Ten years later"] == "2020"
    assert values("Sales rose in the second quarter from a year earlier.", dct)["a year earlier"] == "2009-Q2"


NEWS_READINGS = {k: v for k, v in __import__("kerryview.timex.lexicon", fromlist=["lexicon"]).lexicon()[
    "news_readings"].items() if not k.startswith("_")}


def test_every_news_reading_has_an_example_read_as_it_says():
    # rules/news.json news_readings: each reading of a news story's dates made in code
    from tests.test_timex_rules import phrase
    assert NEWS_READINGS
    for name, entry in NEWS_READINGS.items():
        text, start, end = phrase(entry["example"])
        assert entry["rule"].strip(), name
        found = {(t.start, t.end): t.value for t in tag(text, date.fromisoformat(entry["dct"]))}
        assert found.get((start, end)) == entry["expect"], f"{name}: {found}"


def test_a_deadline_of_a_plan_lies_ahead_but_not_a_past_plan_nor_any_to():
    # rules/news.json news_readings deadline_of_a_plan and its negatives (anchor.planned_deadline)
    thu = date(2010, 9, 16)
    assert values("The well could be permanently sealed by Sunday.", thu)["Sunday"] == "2010-09-19"
    assert values("Pelosi has promised legislation to address the spill by August.", date(2010, 6, 9))["August"] == "2010-08"
    tue = date(2010, 2, 9)
    assert values("The office had decided to delay action until Monday.", tue)["Monday"] == "2010-02-08"
    assert values("Thousands may have been killed by Monday's earthquake.", tue)["Monday"] == "2010-02-08"
    sep = date(2008, 9, 19)
    assert values("The fund's contributions to congressional races through June were large.", sep)["June"] == "2008-06"


def test_a_deadline_of_a_thing_done_stays_past():
    # rules/news.json news_readings deadline_of_a_thing_done (anchor.planned_deadline): the modal or
    # the "to" must govern the deadline's own clause; "tried" is no plan
    thu = date(2010, 9, 16)
    assert values("Most residents who could leave had left the city by Monday, police said.", thu)["Monday"] == "2010-09-13"
    assert values("The well, thought to be the source of the leak, was sealed by Tuesday", thu)["Tuesday"] == "2010-09-14"
    assert values("Rescuers tried to reach the trapped miners by Sunday but were driven back", thu)["Sunday"] == "2010-09-12"
    assert values("Engineers had hoped the cap would hold, but it failed by Tuesday.", thu)["Tuesday"] == "2010-09-14"
    assert values("Crews who were trying to contain the fire had it under control by Monday night.", thu)["Monday night"] == "2010-09-13TNI"
    assert values("The well was to be sealed by Sunday.", thu)["Sunday"] == "2010-09-19"
    # a coordinator without a comma joins two verbs of the same modal: no clause of its own
    assert values("The well could be sealed and capped by Sunday.", thu)["Sunday"] == "2010-09-19"


def test_a_date_of_a_since_phrase_is_before_the_clause_but_not_a_causal_since():
    # rules/news.json news_readings date_of_a_since_phrase (anchor.since_phrase_before)
    aug = date(2010, 8, 4)
    assert values("Obama goes back, his third trip since the oil rig explosion on April 20.", aug)["April 20"] == "2010-04-20"
    mar = date(2010, 3, 15)
    assert values("Since the vote in May will decide it, talks are on hold.", mar)["May"] == "2010-05"
    assert values("Nothing will change since talks resume in May.", mar)["May"] == "2010-05"
    # a "since" mid-clause followed by a clause with its subject and verb is the causal one
    jul = date(2010, 7, 13)
    assert values("Farmers will plant early this year since the rains usually come in September.", jul)["September"] == "2010-09"
    assert values("Prices will rise since it rains less in August.", jul)["August"] == "2010-08"


def test_an_adjective_that_looks_ahead_puts_its_date_ahead():
    # text/data/tense_cues.json future: "looming", "forthcoming", "impending" as "upcoming"
    jun = date(2010, 6, 13)
    assert values("No issue so dominates his time as the looming November elections.", jun)["November"] == "2010-11"
    assert values("He wrote about the forthcoming April summit.", jun)["April"] == "2011-04"
    # only before its noun (tense_cues.json attributive_future): predicative or a participle, no cue
    assert values("BP was not forthcoming in April about the size of the leak.", jun)["April"] == "2010-04"
    assert values("With debts looming in April, the firm sold assets.", jun)["April"] == "2010-04"


def test_count_ahead_complements_read_their_examples():
    # rules/news.json count_ahead_complements (anchor.Resolver._count_ahead)
    import json
    from importlib.resources import files
    raw = json.loads((files("kerryview.timex") / "rules" / "news.json").read_text("utf-8"))
    for name in ("count_ahead_complements",):
        assert raw[name]["words"] and raw[name]["_examples"], name
        for example in raw[name]["_examples"]:
            found = {t.text: t.value for t in tag(example["text"], date.fromisoformat(example["dct"]))}
            assert found.get(example["count"]) == example["expect"], (name, example, found)
