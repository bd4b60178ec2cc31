"""Print a seeded random sample of development news articles with every time expression the
tagger found marked inline, to be proofread by hand (session 16, issue #13).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/timex_proofread.py [--seed 16] [--n 15] [--ecb 5]
        [--data /work/shared/data] [--only NAME]

The sample: `--n` articles drawn with random.Random(seed) from the articles of the ten
Timeline17 development folders that have a publication date in published.tsv (never
bpoil_reuters, our held-out folder), one per folder and then one more from each of n-10 folders
drawn at random, then `--ecb` documents drawn with the same generator from
the ECB+ topics 1-35 documents that have an EventStoryLine DCT (topics 36-45 are held out and
never listed). Each expression is printed as [text|TYPE|value(|mod)] inside the text.
"""
from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FOLDERS = ("Finan_washingtonpost", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
           "bpoil_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_washingtonpost", "haiti_bbc")


def timeline17(data: Path) -> list[tuple[str, str, date]]:
    out = []
    for folder in FOLDERS:
        pub = {}
        for line in (data / "timeline17" / folder / "published.tsv").read_text().splitlines():
            name, _, day = line.partition("\t")
            try:
                pub[name] = date.fromisoformat(day.strip())
            except ValueError:
                pass
        for f in sorted((data / "timeline17" / folder / "articles").glob("*.txt")):
            if f.stem in pub:
                out.append((f"{folder}/{f.stem}", f.read_text("utf-8", errors="replace"), pub[f.stem]))
    return out


def ecbplus() -> list[tuple[str, Path, str]]:
    import merging  # the one ECB+ reader; topics 1-35 only
    return [(f"ecb{t}/{p.name}", p, t) for t in merging.topics(None)
            for p in sorted((merging.ECB / t).glob("*.xml"))]


def marked(text: str, timexes) -> str:
    out, pos = [], 0
    for t in timexes:
        out.append(text[pos:t.start])
        extra = f"|{t.mod}" if t.mod else ""
        out.append(f"[{t.text}|{t.type}|{t.value}{extra}]")
        pos = t.end
    out.append(text[pos:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--ecb", type=int, default=5)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--only", help="print only this sampled article")
    ap.add_argument("--list", action="store_true", help="list the sample, no text")
    args = ap.parse_args(argv)
    from kerryview.timex import tag
    import merging

    rng = random.Random(args.seed)
    # stratified: one article of each folder, then one more from each of n-10 folders drawn
    # at random (so the big bpoil folders do not fill the sample)
    articles = timeline17(args.data)
    by_folder = {f: [a for a in articles if a[0].startswith(f + "/")] for f in FOLDERS}
    folders = list(FOLDERS) + rng.sample(FOLDERS, max(0, args.n - len(FOLDERS)))
    sample = []
    for f in folders:
        sample.append(rng.choice([a for a in by_folder[f] if a not in sample]))
    picked = []
    pool = ecbplus()
    rng.shuffle(pool)
    for name, path, topic in pool:
        if len(picked) == args.ecb:
            break
        g = merging.read_doc(path, topic)
        if g.dct is not None:
            picked.append((name, g.text, g.dct))
    for name, text, dct in sample + picked:
        if args.only and name != args.only:
            continue
        if args.list:
            print(name, dct, len(text.split()), "words")
            continue
        print(f"===== {name}  DCT {dct} ({dct.strftime('%A')})")
        print(marked(text, tag(text, dct)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
