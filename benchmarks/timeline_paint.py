"""Timeline paint time with 100,000 events, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/timeline_paint.py [-n 100000] [-r 30]
        [--highlight]

Synthetic events: mixed granularities (day 55%, hour 15%, month 15%, quarter/season 5%, year
5%, multi-day bars 5%), 15% of day events with a duration (PT3H..P4D), 12% scheduled or
expected, 1-6 sources each, spread over 1960-2025 with 40% of them in 60 dense clusters (a few
weeks wide). The widget is 1280x360 (the app's timeline size).

For each zoom level (everything; a year; a month; a week; a day; an hour) centred on the
densest cluster, it times, over R runs, with QWidget.render into a QImage:
  repaint - a full frame: the frame (visible events, lanes, ticks) is recomputed and painted;
            lane layouts stay cached per zoom bucket, as in the app
  pan     - panBy(+37 px) then a full frame, R times one way (about a screen width, so lane
            layouts of new chunks are computed on the way)
  zoom    - zoomAt(x1.12 / 1/1.12 alternating, around the pointer) then a full frame
  cold    - the first frame at that level with every cache emptied (what a jump costs once)
and prints median and max in milliseconds, then the median, 95th percentile and worst of every
frame after the first. Target: a frame under 8 ms at every level.

--highlight sets a search as the find bar does ("treaty signed", From 12 years before the
densest week To 12 years after: about 1 % of the events): matches are drawn highlighted and
the others dimmed.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kerryview.gui.timeline import axis as ta  # noqa: E402
from kerryview.gui.timeline.widget import TimelineWidget  # noqa: E402
from kerryview.gui.timeline.index import TimelineIndex  # noqa: E402
from kerryview.model import Event, EventMention, Timex  # noqa: E402

WORDS = ("talks", "summit", "envoy", "meets", "counterpart", "storm", "hits", "coast", "report",
         "minister", "resigns", "treaty", "signed", "election", "held", "visit", "protest",
         "deadline", "vote", "ceasefire", "agreement", "announces", "launch", "trial", "opens")


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    rnd = random.Random(seed)
    lo, hi = ta.iso_to_seconds("1960-01-01"), ta.iso_to_seconds("2025-12-31")
    clusters = [lo + rnd.random() * (hi - lo) for _ in range(60)]
    docs = [f"doc{i:04d}" for i in range(500)]
    out = []
    for i in range(n):
        if rnd.random() < 0.4:
            t = rnd.choice(clusters) + rnd.gauss(0, 6 * ta.DAY)
        else:
            t = lo + rnd.random() * (hi - lo)
        d = ta.to_datetime(t)
        g = rnd.choices(["day", "hour", "month", "quarter", "season", "year", "bar"],
                        [55, 15, 15, 3, 2, 5, 5])[0]
        duration = None
        if g == "day":
            start = d.strftime("%Y-%m-%d")
            end = ta.to_datetime(ta.iso_to_seconds(start) + ta.DAY).strftime("%Y-%m-%d")
            if rnd.random() < 0.15:
                duration = rnd.choice(["PT3H", "PT12H", "P2D", "P4D"])
        elif g == "hour":
            start = d.strftime("%Y-%m-%dT%H:00")
            end = ta.to_datetime(ta.iso_to_seconds(start) + ta.HOUR).strftime("%Y-%m-%dT%H:00")
        elif g == "month":
            start = d.strftime("%Y-%m-01")
            end = f"{d.year + d.month // 12}-{d.month % 12 + 1:02d}-01"
        elif g in ("quarter", "season"):
            m0 = (d.month - 1) // 3 * 3 + 1
            start = f"{d.year}-{m0:02d}-01"
            end = f"{d.year + (m0 + 3 > 12)}-{(m0 + 2) % 12 + 1:02d}-01"
        elif g == "year":
            start, end = f"{d.year}-01-01", f"{d.year + 1}-01-01"
        else:
            g = "day"
            start = d.strftime("%Y-%m-%d")
            end = ta.to_datetime(t + rnd.randint(2, 40) * ta.DAY).strftime("%Y-%m-%d")
        status = rnd.choices(["happened", "scheduled", "expected"], [88, 8, 4])[0]
        label = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 7))).capitalize()
        ev = Event(id=f"e{i}", label=label, value=start, start=start, end=end, granularity=g,
                   status=status, duration=duration)
        timex = Timex(0, 4, "date", "DATE", start)
        ev.mentions = [EventMention(document_id=doc, start=0, end=10, text=label, timex=timex)
                       for doc in rnd.sample(docs, rnd.randint(1, 6))]
        out.append(ev)
    return out


def frame_ms(widget: TimelineWidget, image: QImage) -> float:
    widget._invalidate()  # recompute the frame; layouts stay cached per zoom bucket
    t = time.perf_counter()
    widget.render(image)
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="number of events")
    ap.add_argument("-r", "--runs", type=int, default=30, help="runs per measurement")
    ap.add_argument("--highlight", action="store_true",
                    help="with a search matching about 1 %% of the events highlighted")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    t = time.perf_counter()
    events = synthetic_events(args.n)
    t_gen = time.perf_counter() - t
    t = time.perf_counter()
    index = TimelineIndex(events)
    t_index = time.perf_counter() - t
    w = TimelineWidget()
    w.resize(1280, 360)
    w.show()
    app.processEvents()
    t = time.perf_counter()
    w.setIndex(index)
    t_set = time.perf_counter() - t
    image = QImage(w.size(), QImage.Format.Format_ARGB32_Premultiplied)
    # the densest place: the biggest cluster of starts within a week
    starts = index.starts
    best, centre = 0, starts[len(starts) // 2]
    step = max(1, len(starts) // 2000)
    from bisect import bisect_left
    for i in range(0, len(starts), step):
        c = bisect_left(starts, starts[i] + 7 * ta.DAY) - i
        if c > best:
            best, centre = c, starts[i] + 3.5 * ta.DAY
    searched = ""
    if args.highlight:
        from kerryview.gui.search import Filters, SearchIndex, parse_date, parse_query
        t = time.perf_counter()
        # from 12 years before the densest week to 12 years after: about 1 % of the events,
        # and matches in every view below
        y = ta.to_datetime(centre).year
        span = Filters(date_from=parse_date(str(y - 12)).start, date_to=parse_date(str(y + 12)).end)
        rows = SearchIndex(index).matches(parse_query("treaty signed"), span)
        t_search = time.perf_counter() - t
        w.setHighlight(rows)
        searched = (f"; search 'treaty signed' from {y - 12} to {y + 12} matched "
                    f"{len(rows):,} events "
                    f"({len(rows) / len(index):.1%}) in {t_search * 1000:.0f} ms (first search "
                    "builds the text)")
    print(f"{args.n:,} events: generated in {t_gen:.2f} s, indexed in {t_index:.2f} s, "
          f"setIndex {t_set * 1000:.1f} ms; widget {w.width()}x{w.height()}, "
          f"densest week {best:,} events; {args.runs} runs each; Python {sys.version.split()[0]}"
          f"{searched}")
    levels = [("all events", None), ("a year", ta.YEAR), ("a month", ta.MONTH),
              ("a week", 7 * ta.DAY), ("a day", ta.DAY), ("an hour", ta.HOUR)]
    header = (f"{'level':<18} {'mode':<8} {'ticks':<7} {'shown':>6} "
              f"{'repaint med/max':>16} {'pan med/max':>14} {'zoom med/max':>14} {'cold':>7}")
    print(header)
    print("-" * len(header))
    worst = 0.0
    frames: list[float] = []
    for name, span in levels:
        def goto():
            if span is None:
                w.fitAll()
            else:
                w.setView(centre - span / 2, centre + span / 2)
        # cold: every cache emptied
        goto()
        w._layouts.clear()
        w._elided.clear()
        w._label_w = type(w._label_w)("f", [-1.0]) * len(index)
        cold = frame_ms(w, image)
        rep = [frame_ms(w, image) for _ in range(args.runs)]
        pan = []
        for i in range(args.runs):
            w.panBy(37)  # one way: crosses layout chunk boundaries (new lane layouts)
            pan.append(frame_ms(w, image))
        goto()
        zoom = []
        for i in range(args.runs):
            w.zoomAt(1.12 if i % 2 == 0 else 1 / 1.12, w.width() * 0.37)
            zoom.append(frame_ms(w, image))
        goto()
        fr = w.frame()
        shown = len(fr.items) if fr.mode == "detail" else len(fr.cells)
        if args.highlight:  # matches drawn: highlighted events, or columns holding matches
            t0, t1 = w.view()
            hits = (sum(1 for it in fr.items if w._matched[it.row]) if fr.mode == "detail" else
                    sum(1 for a, b, n, r in fr.cells if any(a <= x < b for x in w._match_starts)))
            name = f"{name} ({hits} hl)"
        worst = max(worst, max(rep), max(pan), max(zoom))
        frames += rep + pan + zoom
        print(f"{name:<18} {fr.mode:<8} {fr.unit:<7} {shown:>6} "
              f"{statistics.median(rep):>7.2f}/{max(rep):>7.2f} "
              f"{statistics.median(pan):>6.2f}/{max(pan):>7.2f} "
              f"{statistics.median(zoom):>6.2f}/{max(zoom):>7.2f} {cold:>7.2f}")
    frames.sort()
    p95 = frames[min(len(frames) - 1, int(len(frames) * 0.95))]
    print(f"all frames after the first ({len(frames)}): median {statistics.median(frames):.2f} ms, "
          f"p95 {p95:.2f} ms, worst {worst:.2f} ms "
          f"({'under' if worst < 8 else 'OVER'} the 8 ms budget)"
          f"{' with highlights' if args.highlight else ''}")
    print("(shown = events drawn in detail mode, or cluster columns in cluster mode)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
