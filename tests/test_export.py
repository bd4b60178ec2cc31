"""Exports for TimelineJS: dates keep their granularity, sources are quoted, disagreements said."""
import csv
import io
from datetime import date

from kerryview.export import FORMATS, export_text
from kerryview.export.timelinejs import COLUMNS, slides, timelinejs_csv, timelinejs_json
from kerryview.model import Document, Event, EventMention, Timex


def _doc():
    d = Document(id="a", path="/news/a.txt", title="Envoy <in> Beijing",
                 text="Kerry met Xie for nearly 12 hours on Monday. He leaves on July 20.")
    d.dct = date(2023, 7, 18)
    return d


def _event(id_, start, end, gran, label="e", **kw):
    d = _doc()
    m = EventMention(document_id="a", start=0, end=44, text=d.text[:44],
                     timex=Timex(36, 42, "Monday", "DATE", start))
    return Event(id=id_, label=label, value=start, start=start, end=end, granularity=gran,
                 mentions=[m], **kw)


def test_dates_keep_their_granularity():
    evs = [_event("y", "2021-01-01", "2022-01-01", "year"),
           _event("m", "2022-08-01", "2022-09-01", "month"),
           _event("d", "2023-07-17", "2023-07-18", "day"),
           _event("s", "2023-06-01", "2023-09-01", "season"),
           _event("t", "2023-07-20T00:00:00", "2023-07-20T04:00:00", "part-of-day", status="scheduled",
                  mod="START"),
           _event("bad", "garbage", "", "day")]
    evs[4].value = "2023-07-20TMO"  # "the early hours of July 20"
    got = {s.headline + s.display_date: (s.start, s.end, s.group) for s in
           slides([_doc()], [setattr(e, "label", e.id) or e for e in evs])}
    assert got == {
        "y2021": ({"year": "2021"}, None, ""),
        "mAugust 2022": ({"year": "2022", "month": "8"}, None, ""),
        "d17 July 2023": ({"year": "2023", "month": "7", "day": "17"}, None, ""),
        "s1 June – 31 August 2023": ({"year": "2023", "month": "6", "day": "1"},
                                     {"year": "2023", "month": "8", "day": "31"}, ""),
        # in words, not at clock times the text never gave; the group is never the status
        "tThe early hours of Thursday 20 July 2023": (
            {"year": "2023", "month": "7", "day": "20"},
            {"year": "2023", "month": "7", "day": "20", "hour": "3", "minute": "59"}, ""),
    }


def test_a_range_across_new_year_names_both_years():
    # "the winter months" of 1918 runs from December 1917: "1 December – 28 February 1918" was wrong
    ev = _event("w", "1917-12-01", "1918-03-01", "season", label="w")
    (s,) = slides([_doc()], [ev])
    assert s.display_date == "1 December 1917 – 28 February 1918"


def test_json_quotes_the_sources_and_says_where_they_disagree():
    ev = _event("d", "2023-07-17", "2023-07-18", "day", label="Talks <with> Xie", duration="PT12H",
                conflicts=["b dates it 2023-07-16"])
    data = timelinejs_json([_doc()], [ev], title="Kerry in Beijing")
    assert data["title"]["text"] == {"headline": "Kerry in Beijing", "text": "1 event from 1 article"}
    [slide] = data["events"]
    assert slide["start_date"] == {"year": "2023", "month": "7", "day": "17"}
    assert slide["text"]["headline"] == "Talks &lt;with&gt; Xie"
    text = slide["text"]["text"]
    assert "<b>Sources disagree:</b>" in text and "b dates it 2023-07-16" in text
    assert "“Kerry met Xie for nearly 12 hours on Monday.”" in text
    assert "Envoy &lt;in&gt; Beijing, published Tuesday 18 July 2023" in text
    assert "<p>Lasting 12 hours</p>" in text and "PT12H" not in text


def test_csv_has_the_template_columns_one_row_per_dated_event():
    evs = [_event("m", "2022-08-01", "2022-09-01", "month"), _event("bad", "x", "y", "day")]
    rows = list(csv.reader(io.StringIO(timelinejs_csv([_doc()], evs))))
    assert rows[0] == COLUMNS
    assert len(rows) == 2
    row = dict(zip(COLUMNS, rows[1]))
    assert (row["Year"], row["Month"], row["Day"], row["Display Date"]) == ("2022", "8", "", "August 2022")


def test_every_format_exports():
    for fmt in FORMATS:
        assert export_text(fmt, [_doc()], [_event("d", "2023-07-17", "2023-07-18", "day")]).strip()


def test_export_file_reports_progress_and_leaves_nothing_when_cancelled(tmp_path):
    import pytest

    from kerryview.export import ExportCancelled, export_file
    evs = [_event(f"d{i}", "2023-07-17", "2023-07-18", "day") for i in range(2500)]
    seen = []
    out = tmp_path / "t.csv"
    export_file(out, "timelinejs-csv", [_doc()], evs, progress=lambda d, n, _: seen.append((d, n)))
    assert seen == [(0, 2500), (1000, 2500), (2000, 2500)] and out.read_text("utf-8").count("\n") == 2501
    calls = iter([False, False, True])
    with pytest.raises(ExportCancelled):
        export_file(tmp_path / "c.json", "json", [_doc()], evs, cancelled=lambda: next(calls))
    assert list(tmp_path.iterdir()) == [out]  # no c.json, no c.json.part
