"""Cross-document merging measured on ECB+ (topics 1-35 only; 36-45 are held out, never read).

Each ECB+ topic holds two different seminal events of one kind (two earthquakes, two Oscar
hosts announced) told by some 20-30 articles: hard negatives for merging. Each topic is one
pile: its documents are rebuilt from their tokens (a sentence a line), dated by the
EventStoryLine publication date where it gives one (as a date the user set), else by what
kerryview reads of them as it reads a file (its date line, kerryview.ingest.reader: "May 03 ,
2013" under the headline) or infers, and run through the whole pipeline (build_corpus).

Scored: the kerryview mentions whose event words (trigger) overlap a gold ECB+ action mention.
Gold cluster = the action's cross-document coreference instance (an uncoreferenced action is a
singleton); system cluster = the kerryview event the mention is in. Printed per run:
  pairwise  precision / recall / F1 over pairs of scored mentions from *different* documents
            (cross-document links: what merging decides)
  B-cubed   precision / recall / F1 over all scored mentions (within-document pairs included)

    .venv/bin/python benchmarks/merging.py                      # topics 1-35
    .venv/bin/python benchmarks/merging.py --topics 1 3 --verbose
    .venv/bin/python benchmarks/merging.py --merge-from /tmp/old_merge.py   # another merge.py
    .venv/bin/python benchmarks/merging.py --families [--sample 3]   # missed and wrong pairs

`--families`: the cross-document pairs missed (one gold action, two kerryview events) and
joined wrongly (two gold actions, one kerryview event), sorted into families by how each
side is dated (kerryview.model.EventMention.dated_by, and position: headline, lead or
elsewhere) and how many days one lies after the other (a missed pair: its two events' dates;
a wrong one: its two mentions' own dates); `--sample N` prints N pairs
of each family (topic, the two passages, their events' dates).

`--merge-from FILE` runs with FILE in place of kerryview/events/merge.py (e.g. `git show
REV:kerryview/events/merge.py > FILE`), to put figures before and after a change side by side.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DATA = HERE.parents[1] / "shared" / "data" / "ecbplus"
ECB = DATA / "ECB+"
ESL = DATA / "EventStoryLine-v1.5"
MAX_TOPIC = 35  # 36-45 are held out


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: date | None
    actions: list[tuple[int, int, str]]  # character span of an action mention, its cluster


def _esl_dct(topic: str, name: str) -> date | None:
    path = ESL / topic / f"{name}.xml"
    if not path.exists():
        return None
    for el in ET.parse(path).getroot().iter("TIME_DATE"):
        if el.get("DCT") == "TRUE" and len(el.get("value") or "") == 10:
            try:
                return date.fromisoformat(el.get("value"))
            except ValueError:
                return None
    return None


def read_doc(path: Path, topic: str) -> GoldDoc:
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos, sentence = 0, None
    for tok in root.iter("token"):
        s = tok.get("sentence")
        if sentence is not None and s != sentence:
            parts.append("\n")
            pos += 1
        elif parts:
            parts.append(" ")
            pos += 1
        sentence = s
        word = tok.text or ""
        spans[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    markables = root.find("Markables")
    instance = {m.get("m_id"): m.get("instance_id") for m in markables
                if m.get("instance_id")}
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else ():
        if rel.tag != "CROSS_DOC_COREF":
            continue
        target = rel.find("target")
        inst = instance.get(target.get("m_id")) if target is not None else None
        for src in rel.findall("source"):
            if inst:
                cluster_of[src.get("m_id")] = inst
    actions = []
    for m in markables:
        if not m.tag.startswith("ACTION") or m.get("instance_id"):
            continue
        anchors = [spans[a.get("t_id")] for a in m.findall("token_anchor")
                   if a.get("t_id") in spans]
        if anchors:
            mid = m.get("m_id")
            actions.append((min(a for a, _ in anchors), max(b for _, b in anchors),
                            cluster_of.get(mid, f"{path.name}#{mid}")))
    name = path.name
    return GoldDoc(name, "".join(parts), _esl_dct(topic, name), actions)


def topics(wanted: list[str] | None) -> list[str]:
    out = sorted((p.name for p in ECB.iterdir() if p.is_dir() and p.name.isdigit()
                  and int(p.name) <= MAX_TOPIC), key=int)
    return [t for t in out if not wanted or t in wanted]


def run_topic(topic: str, seen: list | None = None) -> tuple[list[tuple[str, str, str]], float]:
    """(document, gold cluster, system event) of each scored mention, and seconds; `seen`
    gets each scored mention's (gold cluster, event, mention) in the same order."""
    from kerryview.dating.datelines import read_dateline
    from kerryview.model import DateSource, DateSourceKind, Document
    from kerryview.pipeline import build_corpus

    golds = [read_doc(p, topic) for p in sorted((ECB / topic).glob("*.xml"))]
    docs = []
    for g in golds:
        d = Document(id=g.name, path=g.name, text=g.text)
        if g.dct is not None:
            d.dct, d.dct_source = g.dct, DateSource(DateSourceKind.SET_BY_USER, "EventStoryLine")
        else:  # (a date line would take the place of the date the user set: declared_dct)
            d.dateline = read_dateline(g.text)
        docs.append(d)
    t = time.process_time()
    events = build_corpus(docs)
    seconds = time.process_time() - t
    by_doc = {g.name: g for g in golds}
    out = []
    for e in events:
        for m in e.mentions:
            if m.trigger_start is None:
                continue
            for a, b, cluster in by_doc[m.document_id].actions:
                if a < m.trigger_end and m.trigger_start < b:
                    out.append((m.document_id, cluster, e.id))
                    if seen is not None:
                        seen.append((cluster, e, m))
                    break
    return out, seconds


def scores(scored: list[tuple[str, str, str]]) -> dict[str, float]:
    """Cross-document pairwise and B-cubed precision/recall/F1."""
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    gold: dict[str, list[int]] = defaultdict(list)
    system: dict[str, list[int]] = defaultdict(list)
    for i, (_, g, s) in enumerate(scored):
        gold[g].append(i)
        system[s].append(i)
    tp = sp = gp = 0
    # Pairs across documents: counted per cluster from the documents of its members.
    for members, which in ((system, "s"), (gold, "g")):
        for group in members.values():
            per_doc = defaultdict(int)
            for i in group:
                per_doc[scored[i][0]] += 1
            n = len(group)
            cross = (n * (n - 1) - sum(c * (c - 1) for c in per_doc.values())) // 2
            if which == "s":
                sp += cross
            else:
                gp += cross
    both: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, g, s) in enumerate(scored):
        both[(g, s)].append(i)
    for group in both.values():
        per_doc = defaultdict(int)
        for i in group:
            per_doc[scored[i][0]] += 1
        n = len(group)
        tp += (n * (n - 1) - sum(c * (c - 1) for c in per_doc.values())) // 2
    p = tp / sp if sp else 0.0
    r = tp / gp if gp else 0.0
    bp = br = 0.0
    for i, (_, g, s) in enumerate(scored):
        inter = len(both[(g, s)])
        bp += inter / len(system[s])
        br += inter / len(gold[g])
    n = max(len(scored), 1)
    bp, br = bp / n, br / n
    return {"pairs_p": p, "pairs_r": r, "pairs_f1": f1(p, r), "system_pairs": sp,
            "gold_pairs": gp, "b3_p": bp, "b3_r": br, "b3_f1": f1(bp, br),
            "mentions": len(scored)}


def _side(m) -> str:
    return f"{m.dated_by}/{m.position or 'body'}"


def families(topic: str, seen: list, fams: dict[str, dict[tuple, list]]) -> None:
    """Sort the topic's missed and wrongly joined cross-document pairs into families."""
    from datetime import date as _date
    for i, (ga, ea, ma) in enumerate(seen):
        for gb, eb, mb in seen[i + 1:]:
            if ma.document_id == mb.document_id or (ga == gb) == (ea.id == eb.id):
                continue
            (sa, xa, ea_), (sb, xb, eb_) = sorted([(_side(ma), ma, ea), (_side(mb), mb, eb)],
                                                  key=lambda s: (s[0], s[2].start))
            # missed: the days between their events; wrong (one event): between their own dates
            a_day, b_day = (ea_.start, eb_.start) if ga == gb else (xa.timex.value, xb.timex.value)
            try:
                days = (_date.fromisoformat(b_day[:10]) - _date.fromisoformat(a_day[:10])).days
            except ValueError:
                days = None
            days = days if days is None or abs(days) <= 2 else ("far" if days > 0 else "-far")
            which = "missed" if ga == gb else "wrong"
            fams[which].setdefault((sa, sb, days), []).append((topic, xa, ea_, xb, eb_))


def _print_families(fams: dict[str, dict[tuple, list]], sample: int) -> None:
    for which in ("missed", "wrong"):
        print(f"{which} cross-document pairs by family (side a, side b, days b after a):")
        for key, pairs in sorted(fams[which].items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(pairs):5d}  {key[0]:28} {key[1]:28} {key[2]}")
            for topic, ma, ea, mb, eb in pairs[:sample]:
                for m, e in ((ma, ea), (mb, eb)):
                    t = m.text.replace(chr(10), " ")[:150]
                    print(f"           {topic} {m.document_id} {e.start[:16]} [{e.label[:40]}] {t}")
                print()


def _use_merge_from(path: Path) -> None:
    spec = importlib.util.spec_from_file_location("kerryview.events.merge", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kerryview.events.merge"] = module
    spec.loader.exec_module(module)
    import kerryview.pipeline as pipeline
    pipeline.merge = module.merge


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", nargs="*", help="topic numbers (default: all of 1-35 present)")
    ap.add_argument("--merge-from", type=Path, help="a merge.py to use instead of kerryview's")
    ap.add_argument("--verbose", action="store_true", help="a line per topic")
    ap.add_argument("--families", action="store_true",
                    help="the missed and wrongly joined pairs, by family")
    ap.add_argument("--sample", type=int, default=0, help="pairs printed of each family")
    args = ap.parse_args(argv)
    if args.merge_from:
        _use_merge_from(args.merge_from)
    everything: list[tuple[str, str, str]] = []
    seconds = 0.0
    fams: dict[str, dict[tuple, list]] = {"missed": {}, "wrong": {}}
    for topic in topics(args.topics):
        seen: list | None = [] if args.families else None
        scored, s = run_topic(topic, seen)
        if seen is not None:
            families(topic, seen, fams)
        seconds += s
        # Clusters are per topic: prefix so that topics never share one.
        everything += [(d, f"{topic}/{g}", f"{topic}/{e}") for d, g, e in scored]
        if args.verbose:
            r = scores(scored)
            print(f"topic {topic:>3}: {r['mentions']:>4} mentions  pairwise P {r['pairs_p']:.3f} "
                  f"R {r['pairs_r']:.3f}  B3 P {r['b3_p']:.3f} R {r['b3_r']:.3f}  {s:.1f} s",
                  flush=True)
    r = scores(everything)
    print(f"ECB+ topics 1-{MAX_TOPIC} ({len(topics(args.topics))} topics), "
          f"{r['mentions']} kerryview mentions on gold actions")
    print(f"  cross-document pairwise: P {r['pairs_p']:.3f}  R {r['pairs_r']:.3f}  "
          f"F1 {r['pairs_f1']:.3f}  ({r['system_pairs']} system pairs, {r['gold_pairs']} gold)")
    print(f"  B-cubed:                 P {r['b3_p']:.3f}  R {r['b3_r']:.3f}  F1 {r['b3_f1']:.3f}")
    print(f"  CPU seconds in build_corpus: {seconds:.1f}")
    if args.families:
        _print_families(fams, args.sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
