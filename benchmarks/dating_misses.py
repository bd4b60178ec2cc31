"""Where undated-pile inference misses come from, per Timeline17 folder (issue #9 item 2).

    PYTHONPATH=$PWD nice .venv/bin/python benchmarks/dating_misses.py            # dev folders
    PYTHONPATH=$PWD nice .venv/bin/python benchmarks/dating_misses.py --folders H1N1_bbc -v

Same samples as benchmarks/stories.py (60 articles a folder, seed 9, published.tsv hidden).
Each article is put in one class by what its own words say (dating/cues.py) and what the
inference did with them:

- stated: its head carries a date line read as such (Document.dateline);
- stamp: a full date printed as the page's time stamp (weekday or clock beside it);
- day0 / day1: it reports its publication day (or the day before) as a full date or a month
  and day, in the past or untensed;
- weekday0 / weekday1: it names its publication day's weekday (or the day before's) but no
  full date of it: the week must come from elsewhere;
- older: it reports only days at least two days before it (or announces later ones);
- nothing: no day-level cue of its own at all.

For each class: how many, how many exact / within a day / undated / wrong, and for the misses
whether the article's own cues alone (no pile) would have put the gold day first ("own best"):
then the miss is the pile's agreement step's or the decision's; otherwise the cues are wrong or
too weak.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import stories  # noqa: E402

DEV = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc", "bpoil_bbc",
       "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")
CLASSES = ("stated", "stamp", "day0", "day1", "weekday0", "weekday1", "older", "nothing")


def classify_article(a, gold: int, cues_mod) -> str:
    from kerryview.dating.cues import DAY, MONTH_DAY, WEEKDAY, month_day_under, weekday
    if a is None:
        return "stated"
    ev = a.evidence
    if any(q.stamp for q in ev):
        return "stamp"
    days = set()
    for q in ev:
        if q.tense == "future":
            continue
        if q.kind == DAY:
            days.add(q.day)
        elif q.kind == MONTH_DAY:
            d = month_day_under(q.month, q.mday, gold, "past")
            if d is not None:
                days.add(d)
    if gold in days:
        return "day0"
    if gold - 1 in days:
        return "day1"
    wds = {q.weekday for q in ev if q.kind == WEEKDAY}
    if weekday(gold) in wds:
        return "weekday0"
    if weekday(gold - 1) in wds:
        return "weekday1"
    if any(q.kind in (DAY, MONTH_DAY, WEEKDAY) for q in ev):
        return "older"
    return "nothing"


def run_folder(name: str, n: int, verbose: bool) -> dict:
    from kerryview.pipeline import read_documents, CachingTagger
    from kerryview.dating import inference
    arts = stories.sample(stories.load_folder(name), n, name)
    with tempfile.TemporaryDirectory() as tmp:
        docs, _ = read_documents(stories._write(Path(tmp), [(x.id, x.text) for x in arts]))
    gold = {x.id: x.published.toordinal() for x in arts}
    seen: dict[str, object] = {}
    own_best: dict[str, int | None] = {}
    orig_best = inference._Dating.best

    def spy(self, a, *args, **kw):
        seen[a.doc.id] = a
        cands = self.candidates(a)
        if cands:
            sc = [self.scorer.total(a.evidence, c, self.background) for c in cands]
            own_best[a.doc.id] = cands[max(range(len(cands)), key=lambda i: (sc[i], -i))]
        return orig_best(self, a, *args, **kw)

    inference._Dating.best = spy
    try:
        inference.infer_dcts(docs, CachingTagger())
    finally:
        inference._Dating.best = orig_best
    rows = []
    for d in docs:
        g = gold[d.id]
        cls = classify_article(seen.get(d.id) if d.dateline is None else None, g, None)
        got = d.dct.toordinal() if d.dct else None
        outcome = ("exact" if got == g else "near" if got is not None and abs(got - g) <= 1
                   else "undated" if got is None else "wrong")
        ob = own_best.get(d.id)
        share = re.search(r"(\d+) % of the evidence", d.dct_source.detail or "") if d.dct_source else None
        label = re.search(r"how sure: ([^,]+),", d.dct_source.detail or "") if d.dct_source else None
        rows.append((d.id, cls, outcome, ob is not None and abs(ob - g) <= 0, got, g,
                     int(share[1]) if share else None, label[1] if label else None))
        if verbose and outcome != "exact":
            from datetime import date
            print(f"  {name} {d.id}: {cls} {outcome} got {date.fromordinal(got) if got else None} "
                  f"gold {date.fromordinal(g)} own-best "
                  f"{date.fromordinal(ob) if ob else None} | {d.dct_source.detail[:90] if d.dct_source else ''}")
    return {"folder": name, "rows": rows}


def pile_ceiling(name: str, n: int | None) -> tuple[int, int, int]:
    """How far "articles that tell the same story are published together" can date an
    article: for how many articles the most similar other article of the sample (lead
    TF-IDF cosine, as inference's same_story) was published the same day, and within a day.
    (articles, same day, within a day)."""
    from kerryview.dating.inference import LEAD_CHARS
    from kerryview.text.similarity import Vectorizer, content_terms, cosine
    arts = [a for a in stories.sample(stories.load_folder(name), n, name) if a.text.strip()]
    bags = [content_terms(a.text[:LEAD_CHARS]) for a in arts]
    vec = Vectorizer.fit(bags)
    vs = [vec.vector(b) for b in bags]
    same = near = 0
    for i, a in enumerate(arts):
        _, j = max((cosine(vs[i], vs[j]), j) for j in range(len(arts)) if j != i)
        lag = abs((arts[j].published - a.published).days)
        same += lag == 0
        near += lag <= 1
    return len(arts), same, near


def density_ceiling(name: str, n: int | None) -> dict[str, tuple[int, int, int]]:
    """How far the pile's density of publication days can date an article with no day of its
    own, even known perfectly: each article is given the busiest day of the sample's other
    articles' true publication days (each day counting 1, the days either side 0.5), among
    the days of its own weekday ("weekday"), of its weekday or the next ("weekday or next": it
    names its day's weekday or the day before's, unknown which), or any day ("any").
    {mode: (articles, same day, within a day)}."""
    from collections import Counter as C
    from kerryview.dating.cues import weekday
    days = [a.published.toordinal() for a in stories.sample(stories.load_folder(name), n, name)]
    out = {}
    for mode in ("weekday", "weekday or next", "any"):
        same = near = 0
        for i, g in enumerate(days):
            density: C[int] = C()
            for d in days[:i] + days[i + 1:]:
                for k in (-1, 0, 1):
                    density[d + k] += 1.0 if k == 0 else 0.5
            ok = {"weekday": {weekday(g)}, "weekday or next": {weekday(g), weekday(g + 1)},
                  "any": set(range(1, 8))}[mode]
            cands = [d for d in density if weekday(d) in ok]
            if cands:
                best = max(cands, key=lambda d: (density[d], -d))
                same += best == g
                near += abs(best - g) <= 1
        out[mode] = (len(days), same, near)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folders", nargs="*", default=list(DEV))
    ap.add_argument("--max-articles", type=int, default=60)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--ceiling", action="store_true",
                    help="also: how often the most similar article is of the same day")
    ap.add_argument("--density", action="store_true",
                    help="only: how far the true publication days of the other articles could "
                         "date an article by its weekday alone (a ceiling for the pile's guesses)")
    args = ap.parse_args()
    if args.density:
        total: Counter = Counter()
        print("| folder | own weekday: same day % | weekday or next: same / within a day % "
              "| any day: same / within a day % |")
        print("|---|---|---|---|")
        for name in args.folders:
            r = density_ceiling(name, args.max_articles or None)
            for mode, (k, s, w) in r.items():
                total.update({(mode, "n"): k, (mode, "s"): s, (mode, "w"): w})
            cell = {m: (100 * s / k, 100 * w / k) for m, (k, s, w) in r.items()}
            print(f"| {name} | {cell['weekday'][0]:.1f} | {cell['weekday or next'][0]:.1f} / "
                  f"{cell['weekday or next'][1]:.1f} | {cell['any'][0]:.1f} / {cell['any'][1]:.1f} |")
        c = {m: (100 * total[m, "s"] / total[m, "n"], 100 * total[m, "w"] / total[m, "n"])
             for m in ("weekday", "weekday or next", "any")}
        print(f"| **all** | {c['weekday'][0]:.1f} | {c['weekday or next'][0]:.1f} / "
              f"{c['weekday or next'][1]:.1f} | {c['any'][0]:.1f} / {c['any'][1]:.1f} |")
        return
    if args.ceiling:
        n = same = near = 0
        print("| folder | articles | most similar article of the same day % | within a day % |")
        print("|---|---|---|---|")
        for name in args.folders:
            k, s, w = pile_ceiling(name, args.max_articles or None)
            n, same, near = n + k, same + s, near + w
            print(f"| {name} | {k} | {100 * s / k:.1f} | {100 * w / k:.1f} |")
        print(f"| **all** | {n} | {100 * same / n:.1f} | {100 * near / n:.1f} |\n")
    total: dict[str, Counter] = defaultdict(Counter)
    shares: dict[int, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    print("| folder | " + " | ".join(CLASSES) + " |")
    print("|---|" + "---|" * len(CLASSES))
    for name in args.folders:
        r = run_folder(name, args.max_articles, args.v)
        per: dict[str, Counter] = defaultdict(Counter)
        for _, cls, outcome, own, _, _, share, label in r["rows"]:
            if share is not None:
                shares[min(share // 10, 9)][outcome] += 1
            if label is not None:
                labels[label][outcome] += 1
            per[cls][outcome] += 1
            per[cls]["n"] += 1
            if outcome != "exact" and own:
                per[cls]["own_ok"] += 1
            total[cls].update({outcome: 1, "n": 1, "own_ok": int(outcome != "exact" and own)})
        print(f"| {name} | " + " | ".join(_cell(per[c]) for c in CLASSES) + " |")
    print("| **all** | " + " | ".join(_cell(total[c]) for c in CLASSES) + " |")
    n = sum(total[c]["n"] for c in CLASSES)
    got = {k: sum(total[c][k] for c in CLASSES) for k in ("exact", "near", "undated", "wrong")}
    print(f"\n{n} articles: exact {100 * got['exact'] / n:.1f} %, within a day "
          f"{100 * (got['exact'] + got['near']) / n:.1f} %, undated {100 * got['undated'] / n:.1f} %, "
          f"wrong {100 * got['wrong'] / n:.1f} %")
    print("\ninferred dates by their share of the evidence (how sure): exact / within a day / wrong")
    for b in sorted(shares):
        c = shares[b]
        print(f"  {10 * b:3d}-{10 * b + 9:3d} %: {c['exact']} / {c['near']} / {c['wrong']}")
    print("\ninferred dates by how sure they are said to be: exact / within a day / wrong")
    for name, c in sorted(labels.items()):
        print(f"  {name}: {c['exact']} / {c['near']} / {c['wrong']}")
    print("\ncell: articles n: exact/within 1 day (not exact)/undated/wrong; own+: misses whose own "
          "cues alone put the gold day first")


def _cell(c: Counter) -> str:
    if not c["n"]:
        return "-"
    return (f"{c['n']}: {c['exact']}/{c['near']}/{c['undated']}/{c['wrong']}"
            + (f" own+{c['own_ok']}" if c["own_ok"] else ""))


if __name__ == "__main__":
    main()
