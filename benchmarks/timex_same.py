"""Do two trees' taggers give the same time expressions? For speed work: a change that should
not change any output is checked here, byte for byte.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/timex_same.py --against /tmp/kv-base
        [--data /work/shared/data] [--timeline17 30] [--part dev] [--show 100]

(/tmp/kv-base: a checkout of the commit to compare with, e.g. `git worktree add --detach
/tmp/kv-base main`.) Each tree tags, in a process of its own (PYTHONPATH=tree), every document
of TBAQ, WikiWars 01-11 and the tweets (both halves, with their DCT and without one; the gold is
not read) and the first N articles of each Timeline17 development folder (with its publication
date; not bpoil_reuters, our held-out folder). Every field of every Timex is compared; the
documents that differ are listed. For a change that should change the output: `--part dev` tags
only the development halves (no held-out document is tagged), `--timeline17 0` all of each
folder's articles, and `--show N` prints N of the expressions that differ (+ this tree, - the
other), with the words around them for Timeline17, to be read one by one.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELD_OUT_FOLDERS = {"bpoil_reuters"}


def dump(data: Path, per_folder: int, out: Path, part: str = "all") -> None:
    """Tag everything with the kerryview on sys.path; write {document: [Timex fields]}."""
    sys.path.insert(0, str(HERE))
    import tempeval as te
    te.ROOT = data
    # tempeval puts the script's tree first on sys.path; the tagger compared is PYTHONPATH's
    sys.path.remove(str(HERE.parent))
    import kerryview
    from kerryview.timex import tag

    found: dict[str, object] = {"_tree": kerryview.__file__}
    for es in te.SETS.values():
        for c in es.collections:
            for d in te.load(c, part):
                found[f"{c.name}/{d.id}"] = [asdict(t) for t in tag(d.text, d.dct)]
                found[f"{c.name}/{d.id} (no DCT)"] = [asdict(t) for t in tag(d.text, None)]
    for folder in sorted(p for p in (data / "timeline17").iterdir() if p.name not in HELD_OUT_FOLDERS):
        published = dict(line.split("\t") for line in (folder / "published.tsv").read_text().splitlines() if "\t" in line)
        for f in sorted(folder.glob("articles/*.txt"))[:per_folder or None]:
            dct = date.fromisoformat(published[f.stem].strip()) if f.stem in published else None
            found[f"{folder.name}/{f.name}"] = [asdict(t) for t in tag(f.read_text("utf-8"), dct)]
    out.write_text(json.dumps(found, sort_keys=True, default=str))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", type=Path, required=True, help="the other tree (its root folder)")
    ap.add_argument("--tree", type=Path, default=HERE.parent, help="this tree (default: the one holding this script)")
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--timeline17", type=int, default=30, help="articles per Timeline17 folder (0: all)")
    ap.add_argument("--part", choices=("all", "dev"), default="all",
                    help="the documents of TBAQ, WikiWars and the tweets tagged: all, or the development halves only")
    ap.add_argument("--show", type=int, default=0, help="print this many of the expressions that differ")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.dump:
        dump(args.data, args.timeline17, args.dump, args.part)
        return 0
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, tree in enumerate((args.tree, args.against)):
            out = Path(tmp) / f"{n}.json"
            env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
            subprocess.run([sys.executable, __file__, "--against", str(tree), "--data", str(args.data),
                            "--timeline17", str(args.timeline17), "--part", args.part, "--dump", str(out)],
                           env=env, check=True, cwd=tmp)
            results.append(json.loads(out.read_text()))
    ours, theirs = results
    print(f"{ours.pop('_tree')} vs {theirs.pop('_tree')}: {len(ours)} documents, "
          f"{sum(map(len, ours.values()))} vs {sum(map(len, theirs.values()))} time expressions")
    differ = sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))
    for k in differ[:20]:
        print("  differs:", k)
    if args.show:
        show(differ, ours, theirs, args.data, args.show)
    print("IDENTICAL" if not differ else f"{len(differ)} documents differ")
    return 1 if differ else 0


def show(differ: list[str], ours: dict, theirs: dict, data: Path, limit: int) -> None:
    """The expressions (text, type, value) of the documents `differ` that only one tree gives."""
    shown = 0
    for k in differ:
        def spans(found: dict) -> set[tuple]:
            return {(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in found.get(k, [])}
        mine, other = spans(ours), spans(theirs)
        path = data / "timeline17" / k.split("/")[0] / "articles" / k.split("/")[-1]
        text = path.read_text("utf-8") if "/" in k and path.is_file() else ""
        for sign, t in sorted([("+", t) for t in mine - other] + [("-", t) for t in other - mine], key=lambda x: x[1]):
            around = " ".join(text[max(0, t[0] - 80):t[1] + 40].split()) if text else ""
            print(f"  {sign} {k} {t[2:]!r} | {around}")
            shown += 1
            if shown >= limit:
                return


if __name__ == "__main__":
    raise SystemExit(main())
