"""Readers' comments under an article are no events (issue #9 item 4): they run from the first
comment to the end of the page, found by the comments' signatures (data/not_events.tsv, scopes
"comments", "comments_after", "sign_off")."""
from datetime import date

import pytest

from kerryview.events.not_events import LineFilter, comments_start, rules
from kerryview.events.mentions import find_mentions
from kerryview.model import Document
from kerryview.timex import tag

ARTICLE = ("BP said on Tuesday it would try again to plug the well.\n"
           "The company capped the leak on 15 July.\n")
SIGNED_BEFORE = ("At 10:14 am on 28 May 2010, pzero wrote: Plug the damned thing shut!\n"
                 "They started drilling on Monday and failed.\n"
                 "At 10:49 am on 09 Jun 2010, Bauer wrote: Just checked the news.\n")
SIGNED_AFTER = ("By Dan Froomkin | February 2, 2009; 1:40 PM ET We can recoup some cost.\n"
                "They voted on Monday and failed.\n"
                "Sending them home is cheap Posted by: knjincvc | February 2, 2009 3:35 PM | "
                "Report abuse The stimulus was passed on Friday.\n")


def _dates(text: str, dct: date) -> list[str]:
    doc = Document("d", "d.txt", text, dct=dct)
    return [f.mention.timex.text for f in find_mentions(doc, tag(text, dct=dct))]


@pytest.mark.parametrize("rule", [r for r in rules() if r.scope in ("comments", "comments_after")],
                         ids=lambda r: r.name)
def test_every_comment_signature_starts_the_comments(rule):
    assert comments_start(rule.example) is not None


def test_comments_signed_before_are_no_events_and_the_article_is():
    text = ARTICLE + SIGNED_BEFORE
    assert comments_start(text) == len(ARTICLE)
    assert LineFilter(text, []).reason(text.index("Monday")) == "readers_comments"
    found = _dates(text, date(2010, 7, 20))
    assert "Tuesday" in found and "15 July" in found  # the article
    assert "Monday" not in found and "28 May 2010" not in found  # a reader's words, a signature


def test_comments_signed_after_start_at_the_articles_sign_off():
    text = ARTICLE + SIGNED_AFTER
    assert comments_start(text) == text.index(" We can recoup")
    found = _dates(text, date(2009, 2, 3))
    assert "Tuesday" in found and "Monday" not in found and "Friday" not in found


def test_a_signature_without_a_sign_off_starts_at_its_line():
    text = ARTICLE + SIGNED_AFTER.split("\n", 2)[2]
    assert comments_start(text) == len(ARTICLE)


def test_an_article_without_comments_is_read_to_its_end():
    assert comments_start(ARTICLE + "He wrote: the leak is plugged.\n") is None
    assert comments_start("By Dan Froomkin | February 2, 2009; 1:40 PM ET The plan.") is None


# A BBC "Have your say" page: the editor's introduction (news), then the notice that the readers'
# comments follow, then the comments, signed "Name, Town" (H1N1_bbc 278.txt, 863.txt, 963.txt).
HAVE_YOUR_SAY = ("The WHO raised its alert on Monday, the agency said.\n"
                 "What are your concerns about the virus?\n"
                 "This debate is now closed.\n"
                 "I returned from Cancun on the 17th April just before all the panic happened.\n"
                 "George Wu, Chula Vista, U.S..\n")
# The form under an article ("A selection of your comments may be published") announces no
# comments: on some pages the article goes on after it (haiti_bbc 640.txt).
FORM_THEN_ARTICLE = ("Have you been affected by the earthquake?\n"
                     "A selection of your comments may be published, displaying your name and location.\n"
                     "The BBC may edit your comments and not all emails will be published.\n"
                     "Aid arrived in Port-au-Prince on Friday, officials said.\n")


def test_the_notice_that_readers_comments_follow_starts_them():
    text = HAVE_YOUR_SAY
    assert comments_start(text) == text.index("This debate")
    found = _dates(text, date(2009, 5, 3))
    assert "Monday" in found  # the editor's news
    assert "the 17th April" not in found  # a reader's holiday


def test_readers_accounts_are_no_events():
    text = ("Readers in the areas affected by the outbreak have been sending their accounts to the BBC.\n"
            "My partner and I returned to Birmingham from Cancun yesterday morning.\n")
    assert comments_start(text) == 0
    assert _dates(text, date(2009, 4, 27)) == []


def test_the_comment_form_starts_no_comments():
    assert comments_start(FORM_THEN_ARTICLE) is None
    assert "Friday" in _dates(FORM_THEN_ARTICLE, date(2010, 1, 17))


# Listeners sharing recordings with "the station" is news, not the notice that readers' comments
# follow: the notice stands on its own line and is addressed to the outlet ("to the BBC", "us").
NEWS_ABOUT_LISTENERS = ("LONDON, June 3, 2010 (Reuters) - BP said on Monday that oil had reached the coast.\n"
                        "Listeners have been sharing their recordings of the beaches with the station.\n"
                        "The company capped the well on Tuesday, officials said.\n")


def test_listeners_sharing_with_the_station_start_no_comments():
    assert comments_start(NEWS_ABOUT_LISTENERS) is None
    assert "Tuesday" in _dates(NEWS_ABOUT_LISTENERS, date(2010, 6, 3))


@pytest.mark.parametrize("notice", [
    "Readers in the areas affected by the outbreak have been sending us their accounts.",
    "Viewers have been sharing their pictures with the BBC News website:",
])
def test_the_notice_addressed_to_the_outlet_starts_the_comments(notice):
    text = ARTICLE + notice + "\nI returned from Cancun on Monday.\n"
    assert comments_start(text) == len(ARTICLE)


def test_a_notice_run_into_other_news_starts_no_comments():
    text = ("Readers have been sending their accounts to the BBC, and the company capped the well "
            "on Tuesday.\n")
    assert comments_start(text) is None


# A syndication credit may open a copied story: it names the paper but no page furniture, and
# the story runs on after it, so it starts no comments (review s14: it cut off the article).
SYNDICATED = ("WASHINGTON - A version of this story appeared in the New York Times on Monday. "
              "BP then fired its chief executive on Tuesday, and the well was capped in July.\n")


def test_a_syndication_credit_opening_the_story_cuts_nothing():
    assert comments_start(SYNDICATED) is None
    assert comments_start(SYNDICATED + ARTICLE) is None
    found = _dates(SYNDICATED, date(2010, 7, 20))
    assert "Tuesday" in found and "July" in found


def test_the_same_credit_at_the_foot_of_the_page_ends_the_article():
    note = "A version appeared in the Guardian on 13.07 BST on Friday 4 June 2010.\n"
    text = ARTICLE * 3 + note + "Follow the latest news on Twitter\n"
    assert comments_start(text) == text.index(note)


def test_a_print_edition_note_with_its_page_ends_the_article_wherever_it_stands():
    note = "This article appeared on p30 of the Main section section of the Guardian on Friday.\n"
    text = ARTICLE + note + ARTICLE * 10
    assert comments_start(text) == len(ARTICLE)


class _Counting:
    """A rule's pattern that counts the scans of a text (search, finditer)."""

    def __init__(self, pattern, seen):
        self._p, self._seen = pattern, seen
        self.pattern, self.flags = pattern.pattern, pattern.flags

    def search(self, *a):
        self._seen.append(self.pattern)
        return self._p.search(*a)

    def finditer(self, *a):
        self._seen.append(self.pattern)
        return self._p.finditer(*a)

    def match(self, *a):
        return self._p.match(*a)


def test_the_whole_text_rules_scan_only_a_text_that_holds_their_words(monkeypatch):
    """The readers' comments, sign-off and listing rules are case-insensitive patterns over the
    whole page (a tenth of the event finder's time): a text lacking a word every match of a
    rule holds ("wrote:", "posted", one of "readers", "viewers", "listeners") is not scanned by
    it, and the answers are those of scanning it: every rule's example is found as before."""
    from dataclasses import replace

    from kerryview.events import not_events

    seen: list[str] = []
    wrapped = tuple(replace(r, pattern=_Counting(r.pattern, seen)) for r in rules())
    monkeypatch.setattr(not_events, "rules", lambda: wrapped)
    not_events._anchors.cache_clear()
    try:
        news = ("BP said on Tuesday it had capped the well. The company will pay for the clean-up, "
                "its chief executive told Congress.\nOfficials said the slick was shrinking.\n") * 40
        assert comments_start(news) is None and not_events.sign_offs(news) == [] \
            and not_events.listing(news) is None
        assert seen == []  # before: every whole-text rule scanned the page
        whole = [r for r in wrapped if r.scope in ("comments", "comments_after", "sign_off", "listing")]
        for r in whole:
            # the answer is the ungated scan's: each example still holds every word its rule needs
            folded = r.example.lower()
            assert all(any(w in folded for w in need) for need in not_events._anchors()[r.name]), r.name
            assert r.pattern._p.search(r.example), r.name
        # a letter a case-insensitive pattern matches beside its ASCII one: the long s, the dotless i
        assert comments_start("The well was capped.\nWill you do that? Poſted by: dano | January 16, "
                              "2009 8:56 PM Crashing the economy") is not None
    finally:
        not_events._anchors.cache_clear()
