"""Clock times with named zones as UTC instants (kerryview.calendar.zones): every example of
kerryview/events/data/time_zones.tsv, read as the merge reads a time expression."""
from __future__ import annotations

import re
from datetime import datetime
from importlib.resources import files

from kerryview.calendar.intervals import value_interval
from kerryview.calendar.zones import utc_interval
from kerryview.model import Timex

_EXAMPLE = re.compile(r'"(?:[a-z ]+ )?(\d{1,2}):(\d\d) ?([A-Z]+)"(?: in (\w+))? = (\d\d):(\d\d) UTC')
_MONTHS = {"January": 1, "July": 7}


def _utc(clock: str, zone: str, month: int) -> datetime:
    h, m = map(int, clock.split(":"))
    value = f"2023-{month:02d}-18T{h:02d}:{m:02d}"
    text = f"{clock} {zone}" if zone != "Z" else f"{clock}Z"
    iv = utc_interval(Timex(0, len(text), text, "TIME", value), value_interval(value))
    assert iv is not None, text
    return iv.start


def test_every_example_of_the_zone_table():
    rows = [line.split("\t") for line in
            (files("kerryview.events") / "data" / "time_zones.tsv").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) >= 14
    for name, *_, example in rows:
        first = _EXAMPLE.search(example)
        assert first is not None and first.group(3) == name, example
        clock = f"{first.group(1)}:{first.group(2)}"
        for part in example.split(";"):  # "... in July = 16:30 UTC; in January = 17:30 UTC"
            month, hh, mm = re.search(r"(?:in (\w+) )?= (\d\d):(\d\d) UTC", part).groups()
            got = _utc(clock, name, _MONTHS[month or "July"])
            assert (got.hour, got.minute) == (int(hh), int(mm)), (part, got)


def test_a_time_without_a_zone_or_a_day_has_no_instant():
    iv = value_interval("2023-07-18T12:30")
    assert utc_interval(Timex(0, 5, "12:30", "TIME", "2023-07-18T12:30"), iv) is None
    day = value_interval("2023-07-18")
    assert utc_interval(Timex(0, 11, "Tuesday EST", "DATE", "2023-07-18"), day) is None


def test_eastern_time_written_et_is_tagged_with_its_zone_and_read_by_the_date():
    """"10:04 AM ET" (US Eastern Time, as US sites stamp their pages): the tagger keeps "ET" in
    the expression and the merge reads it as EDT in summer, EST in winter (it was in neither
    the tagger's zone names nor the table: the time had no instant)."""
    from datetime import date

    from kerryview.text.phrasing import zone_in
    from kerryview.timex import tag

    for day, utc_hour in ((date(2010, 6, 15), 14), (date(2010, 1, 12), 15)):
        [t] = tag("Updated 10:04 AM ET", day)
        assert t.text == "10:04 AM ET", t.text
        iv = utc_interval(t, value_interval(t.value))
        assert iv is not None and (iv.start.hour, iv.start.minute) == (utc_hour, 4), (day, iv)
        assert zone_in(t.text) == "ET"
    [t] = tag("The markets closed at 16:00 ET.", date(2010, 6, 15))
    assert t.text == "16:00 ET" and utc_interval(t, value_interval(t.value)).start.hour == 20
    # only in capitals: "et" is no zone ("9 am et al.")
    assert [t.text for t in tag("He left at 9 am et al.", date(2010, 6, 15))] == ["9 am"]
