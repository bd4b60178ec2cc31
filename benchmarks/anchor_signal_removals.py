"""What the anchor-signal rules (kerryview/events/data/anchor_signals.json: comparison
baselines, security terms) take away on real piles: every time-expression mention that
find_mentions gives with the two rules switched off and not with them on, with its context.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/anchor_signal_removals.py [--out removed.json] \
        [--folders bpoil_bbc H1N1_reuters Finan_washingtonpost]

Development folders only (never bpoil_reuters, our held-out half). Read the list: each line
should be a comparison's baseline or a security's maturity, never an event.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import stories  # noqa: E402

from kerryview.model import DateSource, DateSourceKind, Document  # noqa: E402
from kerryview.timex import tag  # noqa: E402
import kerryview.events.mentions as M  # noqa: E402

DEV = ["bpoil_bbc", "H1N1_reuters", "Finan_washingtonpost"]


def removals(folders: list[str]) -> list[dict]:
    real = {"comparison": M._compares_with, "noun_term": M._noun_term}
    out = []
    for folder in folders:
        assert folder != "bpoil_reuters", "held out"
        for a in stories.load_folder(folder):
            doc = Document(a.id, f"{a.id}.txt", a.text, dct=a.published,
                           dct_source=DateSource(DateSourceKind.PAGE_METADATA, "published.tsv"))
            tx = tag(a.text, a.published)
            hits: dict[int, str] = {}

            def on(rule):
                def check(text, t):
                    if real[rule](text, t):
                        hits[t.start] = rule
                        return True
                    return False
                return check
            try:
                M._compares_with, M._noun_term = on("comparison"), on("noun_term")
                kept = {f.mention.timex.start for f in M.find_mentions(doc, tx)
                        if f.mention.dated_by != "publication"}
                M._compares_with = M._noun_term = lambda text, t: False
                off = {f.mention.timex.start: f for f in M.find_mentions(doc, tx)
                       if f.mention.dated_by != "publication"}
            finally:
                M._compares_with, M._noun_term = real["comparison"], real["noun_term"]
            for start, f in sorted(off.items()):
                if start not in kept:
                    t = f.mention.timex
                    out.append(dict(folder=folder, id=a.id, rule=hits.get(start, "?"), timex=t.text,
                                    context=a.text[max(0, t.start - 110):t.end + 30].replace("\n", " ")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", nargs="+", default=DEV)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    out = removals(args.folders)
    for o in out:
        print(o["folder"], o["id"], o["rule"], repr(o["timex"]), "|", o["context"])
    print(len(out), "mentions removed")
    if args.out:
        args.out.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
