"""Issue #9 items 4 and 6 (session 21): labels that read like a headline. A label never stops
inside what a reporting verb introduces ("Mr Obama said the US", "Suttles said he hoped")."""
from datetime import date

import pytest

from kerryview.events.mentions import find_mentions
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.timex import tag

DCT = date(2010, 6, 10)


def _labels(text):
    doc = Document(id="d", path="d.txt", text=text, dct=DCT,
                   dct_source=DateSource(DateSourceKind.PAGE_METADATA, "given"))
    return [f.label for f in find_mentions(doc, tag(text, DCT))]


@pytest.mark.parametrize("text, cut", [
    # a quotation right after a modal ended the label, then the modal was dropped
    ('Speaking on a tour of oil-hit areas on Thursday, Mr Obama said the US would "do whatever it'
     ' takes" to help those affected.', "Mr Obama said the US"),
    # "that" ended the label after a verb that takes a clause
    ("Williams said on Friday he discovered that the physical alarm system had been disabled a full"
     " year before the disaster.", "Williams said he discovered"),
    # a long label shortened before "and", leaving what was said without its verb
    ("US President Barack Obama ordered aggressive help on Tuesday and said his thoughts and prayers"
     " were with the Haitian people.", "US President Barack Obama ordered aggressive help and said his thoughts"),
])
def test_a_label_never_stops_inside_what_was_said(text, cut):
    labels = _labels(text)
    assert labels and cut not in labels


def test_the_clause_taking_verbs_example_holds():
    from kerryview.events.labels import cuts_report
    assert cuts_report("Williams said he discovered") and cuts_report("Mr Obama said the US")
    assert not cuts_report("Williams said he discovered that the alarm had been disabled")
    assert not cuts_report("BP announced a plan") and not cuts_report("BP said in a statement")
    assert not cuts_report('"We told them," said Byron Encalade')  # the speaker after the quotation


def test_a_long_label_is_never_cut_inside_a_quotation():
    from kerryview.events.labels import in_quotation, shorten
    label = ('Adm Thad Allen wrote to BP demanding "more detail and openness" about how the company is managing'
             ' claims for compensation payments to individuals and businesses in the region')
    assert not in_quotation(shorten(label, 110, 5))  # was 'Adm Thad Allen wrote to BP demanding "more detail'
    assert in_quotation('demanding "more detail') and not in_quotation('demanding "more detail and openness"')


def test_a_verb_contracted_onto_its_subject_is_finite_after_a_report():
    from kerryview.events.labels import cuts_report
    assert not cuts_report("Mike Thomas says he's not pro oil but the subject's close to his heart")


@pytest.mark.parametrize("text", [
    "You can listen to Does Nature Recover, a report from Mexico, on World Service Radio at 1100GMT, or watch it"
    " on BBC World News at 1100GMT on Monday 14 June.",
    "The Report is on BBC Radio 4 on Thursday, 27 May at 2000 BST.",
    "A Money Programme special, BP: $30 Billion Blowout is broadcast on BBC Two on Tuesday, 9 November 2010, at"
    " 2100 GMT, or afterwards on BBC iPlayer.",
    "The film follows the clean-up crews; watch it on BBC One on Monday at 9pm.",
])
def test_a_programme_promotion_is_no_event(text):
    assert _labels(text) == []


def test_a_broadcast_told_in_the_past_is_still_read():
    assert _labels("A special televised appeal for the DEC was shown on Friday night on BBC One and ITV1.")


def test_a_programme_listing_run_into_the_text_is_no_part_of_its_label():
    labels = _labels('BP - In Deep Water, BBC One, Monday, 21 June at 2030 BST Then available in the UK via the link'
                     ' below "BP appears to have made multiple decisions for economic reasons," Mr Waxman said on'
                     ' Tuesday.')
    assert labels and not any("BBC One" in lb for lb in labels)


def test_a_label_in_capitals_is_set_as_the_article_writes_its_words():
    text = ("19 JANUARY, 1815 GMT, ENTERING HAITI\n\nOur team crossed into Haiti at 1900 GMT after BP and the UN"
            " said the border was open. BP staff and UN staff waited.")
    labels = _labels(text)
    assert "19 JANUARY, 1815 GMT, ENTERING HAITI" not in labels
    from kerryview.events.labels import recased
    assert recased("OBAMA VISITS GULF AS BP OIL REACHES SHORE", "Obama visits the Gulf. BP said. BP") \
        == "Obama visits Gulf as BP oil reaches shore"
    assert recased("BP said the US would act", "") == "BP said the US would act"


def test_it_stands_for_the_one_owner_of_a_plural_subject():
    labels = _labels("The company's profits were high last year. It closed the London office on Monday.")
    assert "The company closed the London office" in labels  # was "It closed ..."


def test_a_chronology_headings_second_day_never_heads_a_label():
    labels = _labels("Timeline of the spill.\n\nMay 11 and 12 - Executives testify before the Senate.\n")
    assert labels and not any(lb.startswith("12") for lb in labels)  # was "12 - Executives testify ..."


def test_a_section_head_in_capitals_run_into_a_label_goes():
    from kerryview.events.labels import recased
    assert recased("DRILLING RELIEF WELLS - ONGOING BP is drilling two relief wells in an additional effort",
                   "BP. BP.") == "BP is drilling two relief wells in an additional effort"
    assert recased("RISER INSERTION TUBE a pipe with rubber diaphragm inserted into the riser", "") \
        == "RISER INSERTION TUBE a pipe with rubber diaphragm inserted into the riser"  # no sentence after it


def test_an_imperative_to_watch_the_next_programme_is_no_event():
    assert _labels("Watch the next program on Saturday, 29 January at 0330 GMT and 1830 GMT and on Sunday,"
                   " 30 January at 1130 GMT.") == []
