"""A holiday's name alone is no cue of the publication day (inference_cues.json bare_holiday):
"Father Christmas", "his Christmas card list" name the feast, not a day of the story."""
from kerryview.dating.cues import is_bare_holiday
from kerryview.model import Timex


def _t(text: str) -> Timex:
    return Timex(text=text, start=0, end=len(text), type="DATE", value="XXXX-12-25")


def test_a_holidays_name_alone_is_bare():
    assert is_bare_holiday(_t("Christmas"))
    assert is_bare_holiday(_t("at Christmas"))
    assert is_bare_holiday(_t("Halloween"))


def test_a_holiday_with_its_year_or_a_date_is_not_bare():
    assert not is_bare_holiday(_t("Christmas 2009"))
    assert not is_bare_holiday(_t("December 25"))
    assert not is_bare_holiday(_t("Christmas Day, 2009"))


def test_a_holiday_after_a_preposition_that_orders_it_is_the_storys():
    text = "The final plugging of the well isn't expected until after Labor Day."
    i = text.index("Labor Day")
    t = Timex(text="Labor Day", start=i, end=i + len("Labor Day"), type="DATE", value="XXXX-09-06")
    assert not is_bare_holiday(t, text)
    assert is_bare_holiday(t, "They marked Labor Day with a parade.".replace("Labor Day", "Labor Day"))
