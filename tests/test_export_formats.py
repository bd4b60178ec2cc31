"""The calendar (ICS), the chronology (Markdown, text) and what TimelineJS gets beyond its dates:
the files parse, and say what a reporter would."""
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from kerryview.export import FORMATS, export_file, export_text, project_title
from kerryview.export.chronology import markdown, plain_text
from kerryview.export.ics import fold, ics_text
from kerryview.export.timelinejs import timelinejs_json
from kerryview.model import Document, Event, EventMention, Timex

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)


class _OutletDocument(Document):
    """A document whose outlet is known (the reader of issue #12's item 4 sets it)."""

    __slots__ = ("outlet",)


def _doc(id_="a", title="Envoy in Beijing", outlet=None):
    d = _OutletDocument(id=id_, path=f"/news/kerry-beijing/{id_}.txt", title=title, text="Body.")
    d.outlet = outlet
    d.dct = date(2023, 7, 18)
    return d


def _ev(id_, value, start, end, gran, label="Talks, with Xie; long", status="happened",
        timex="Monday", doc="a", **kw):
    m = EventMention(document_id=doc, start=0, end=40, text="Kerry met Xie for nearly 12 hours\non Monday.",
                     timex=Timex(0, len(timex), timex, "DATE", value))
    return Event(id=id_, label=label, value=value, start=start, end=end, granularity=gran,
                 status=status, mentions=[m], **kw)


def _unfold(text: str) -> list[str]:
    """RFC 5545 3.1: a CRLF followed by a space continues the line."""
    assert "\n" not in text.replace("\r\n", "")  # every line ends CRLF
    return text.replace("\r\n ", "").split("\r\n")[:-1]


EVENTS = [
    _ev("talks", "2023-07-17", "2023-07-17", "2023-07-18", "day", duration="PT12H"),
    _ev("leave", "2023-07-20TMO", "2023-07-20", "2023-07-20T04:00", "part-of-day", mod="START",
        status="scheduled", label="Kerry leaves Beijing"),
    _ev("hearing", "2023-07-21T12:30", "2023-07-21T12:30", "2023-07-21T12:31", "minute",
        status="expected", label="Hearing", timex="12:30 p.m. EST on Friday", duration="PT2H"),
    _ev("local", "2023-07-22T09:00", "2023-07-22T09:00", "2023-07-22T10:00", "hour",
        status="scheduled", label="Press call", timex="9 a.m. on Saturday"),
    _ev("cop", "2023", "2023-01-01", "2024-01-01", "year", status="scheduled", label="COP28 later"),
    _ev("gone", "2023-07-23", "2023-07-23", "2023-07-24", "day", status="scheduled", dismissed=True),
]


def test_calendar_holds_scheduled_and_expected_events_known_to_the_day():
    text = ics_text([_doc()], EVENTS, "Kerry in Beijing", now=NOW)
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "X-WR-CALNAME:Kerry in Beijing" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    events = " ".join(lines).split("BEGIN:VEVENT")[1:]
    # the talks happened, COP28 is a year, "gone" was dismissed: only three go in
    assert [e.split("UID:")[1].split()[0] for e in events] == [
        "leave@kerryview", "hearing@kerryview", "local@kerryview"]
    leave, hearing, local = (e.split(" ") for e in events)
    # the early hours: an all-day event, no clock times the text never gave
    assert "DTSTART;VALUE=DATE:20230720" in leave and "DTEND;VALUE=DATE:20230721" in leave
    # 12:30 EST in July is Eastern time, then UTC-4 (events/data/time_zones.tsv: writers keep
    # the standard-time name all year): 16:30 UTC; its two hours end at 18:30 UTC
    assert "DTSTART:20230721T163000Z" in hearing and "DTEND:20230721T183000Z" in hearing
    assert "STATUS:TENTATIVE" in hearing
    # a time without a zone stays the local time it was said in (floating)
    assert "DTSTART:20230722T090000" in local and "STATUS:CONFIRMED" in local
    assert all("DTSTAMP:20261203T120000Z" in e for e in events)
    desc = next(line for line in lines if line.startswith("DESCRIPTION:") and "early hours" in line)
    assert "When: The early hours of Thursday 20 July 2023" in desc
    assert "Envoy in Beijing\\, published 18 July 2023" in desc  # TEXT escaping of the comma
    assert "“Kerry met Xie for nearly 12 hours on Monday.”" in desc
    summary = next(line for line in lines if line.startswith("SUMMARY:Hearing"))
    assert summary == "SUMMARY:Hearing"


def test_calendar_text_is_escaped():
    from kerryview.export.ics import escape_text
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_calendar_lines_are_folded_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "é" * 100 + "“quoted”"
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_calendar_uid_is_stable_across_exports():
    a = ics_text([_doc()], EVENTS, "t", now=NOW)
    b = ics_text([_doc()], list(reversed(EVENTS)), "t", now=datetime(2027, 1, 1, tzinfo=timezone.utc))
    uids = lambda t: [x for x in _unfold(t) if x.startswith("UID:")]  # noqa: E731
    assert uids(a) == uids(b) and uids(a)


def test_chronology_is_grouped_by_day_with_sources_and_words():
    md = markdown([_doc()], EVENTS, "Kerry in Beijing")
    assert md.startswith("# Kerry in Beijing\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## 2023", "## Monday 17 July 2023", "## Thursday 20 July 2023",
                        "## Friday 21 July 2023", "## Saturday 22 July 2023"]
    assert "- **Talks, with Xie; long** (about 12 hours, 1 source)" not in md  # no mod: as said
    assert "- **Talks, with Xie; long** (12 hours, 1 source)" in md
    assert "- The early hours: **Kerry leaves Beijing** (scheduled, 1 source)" in md
    assert "- 12:30 EST: **Hearing** (2 hours, expected, 1 source)" in md
    assert "  > “Kerry met Xie for nearly 12 hours on Monday.” — *Envoy in Beijing, 18 July 2023*" in md
    assert "PT12H" not in md and "2023-07" not in md and "gone" not in md
    txt = plain_text([_doc()], EVENTS, "Kerry in Beijing")
    assert txt.startswith("Kerry in Beijing\n================\n")
    assert "Monday 17 July 2023\n-------------------\n* Talks, with Xie; long (12 hours, 1 source)" in txt
    assert "      (Envoy in Beijing, 18 July 2023)" in txt


def test_markdown_escapes_what_would_change_the_text():
    ev = _ev("x", "2023-07-17", "2023-07-17", "2023-07-18", "day", label="*Not* a #heading")
    md = markdown([_doc()], [ev], "t")
    assert "**\\*Not\\* a \\#heading**" in md


def test_timelinejs_keeps_title_zone_and_groups_by_outlet():
    docs = [_doc("a", outlet="Reuters"), _doc("b", outlet="BBC")]
    evs = [_ev("hearing", "2023-07-21T12:30", "2023-07-21T12:30", "2023-07-21T12:31", "minute",
               status="scheduled", timex="12:30 p.m. EST on Friday"),
           _ev("talks", "2023-07-17", "2023-07-17", "2023-07-18", "day", doc="b")]
    data = timelinejs_json(docs, evs, "Kerry in Beijing")
    assert data["title"]["text"]["headline"] == "Kerry in Beijing"
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["hearing"]["display_date"] == "21 July 2023, 12:30 EST"
    assert by_id["hearing"]["start_date"] == {"year": "2023", "month": "7", "day": "21",
                                              "hour": "12", "minute": "30"}
    assert by_id["hearing"]["group"] == "Reuters"  # not "scheduled"
    assert by_id["talks"]["group"] == "BBC"
    # without outlets, no group at all rather than a row for the status
    plain = timelinejs_json([_doc("a"), _doc("b")], evs, "t")
    assert all("group" not in e for e in plain["events"])


def test_project_title_comes_from_the_story_not_the_program():
    docs = [Document("a", "/home/me/kerry-beijing-2023/articles/a.txt", "x"),
            Document("b", "/home/me/kerry-beijing-2023/articles/b.txt", "x")]
    assert project_title(docs) == "Kerry Beijing 2023"
    assert project_title(docs, "/home/me/china_climate.kvproj") == "China Climate"
    assert project_title(docs, "/home/me/.local/share/kerryview/corpus.db") == "Kerry Beijing 2023"
    dated = Document("a", "/tmp/a.txt", "x")
    dated.dct = date(2023, 7, 18)
    assert project_title([dated]) == "News of July 2023"
    assert "kerryview" not in json.dumps(timelinejs_json(docs, [], project_title(docs)))


@pytest.mark.parametrize("fmt", ["ics", "md", "txt"])
def test_a_failed_export_keeps_the_previous_file(tmp_path, monkeypatch, fmt):
    out = tmp_path / f"t{FORMATS[fmt][1]}"
    out.write_text("the previous export")
    real = Path.write_text

    def full_disk(self, data, *a, **k):
        real(self, data[:10], encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError):
        export_file(out, fmt, [_doc()], EVENTS, title="t")
    assert out.read_text() == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_the_calendar_file_keeps_its_crlf_line_ends(tmp_path):
    out = tmp_path / "t.ics"
    export_file(out, "ics", [_doc()], EVENTS, title="t")
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and b"\r\r" not in raw


def test_cli_exports_calendar_and_chronology(tmp_path, capsys):
    from kerryview import cli
    from kerryview.pipeline import import_into_store
    from kerryview.store import Store

    corpus = Path(__file__).resolve().parents[1] / "resources" / "corpus" / "kerry-beijing-2023"
    db = tmp_path / "p.db"
    store = Store(db)
    import_into_store(store, [corpus])
    store.close()
    assert cli.main(["export", "--db", str(db), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Kerry Beijing 2023\n")
    assert "## Monday 17 July 2023" in md and "(about 12 hours, 2 sources)" in md
    assert "The early hours: **Kerry is scheduled to leave Beijing**" in md
    out = tmp_path / "k.ics"
    assert cli.main(["export", "--db", str(db), "--format", "ics", "--title", "Kerry", "-o", str(out)]) == 0
    lines = _unfold(out.read_bytes().decode("utf-8"))
    assert "X-WR-CALNAME:Kerry" in lines
    assert "DTSTART;VALUE=DATE:20230720" in lines  # leaving in the early hours of 20 July
    assert export_text("txt", [], [], title="x").startswith("x\n=")


def test_an_article_without_headline_has_one_name_in_every_export():
    """kerryview/sources.source_title names it everywhere: "article 026", as the documents
    table shows it ("(no headline: article 026)"), never its first line nor its file hash."""
    from kerryview.sources import source_title
    d = _OutletDocument(id="026_31496c1275c7edf2", path="/news/026_31496c1275c7edf2.txt",
                        text="cents Jesus statue paraded around square\nBody.")
    d.outlet, d.dct = None, date(2023, 7, 18)
    ev = _ev("talks", "2023-07-17", "2023-07-17", "2023-07-18", "day", doc=d.id,
             status="scheduled")
    assert source_title(d) == "article 026"
    assert "— *article 026, 18 July 2023*" in markdown([d], [ev], "t")
    assert "(article 026, 18 July 2023)" in plain_text([d], [ev], "t")
    assert "article 026" in "".join(_unfold(ics_text([d], [ev], "t", now=NOW)))
    assert "article 026" in json.dumps(timelinejs_json([d], [ev], "t"))
    for text in (markdown([d], [ev], "t"), ics_text([d], [ev], "t", now=NOW)):
        assert "cents Jesus" not in text and "31496c" not in text
