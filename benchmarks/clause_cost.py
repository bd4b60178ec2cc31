"""What clause events (kerryview.events.clauses) cost on a real pile: build_corpus on every
article of a Timeline17 folder, published day given, with clause events on (every sentence's),
news (the news sentences', the default: events.clauses.NEWS) or off.

    .venv/bin/python benchmarks/clause_cost.py bpoil_bbc on     # CPU s, events, peak RSS
    .venv/bin/python benchmarks/clause_cost.py bpoil_bbc news
    .venv/bin/python benchmarks/clause_cost.py bpoil_bbc off --profile

Prints one JSON line: events, events told only in clauses dated by publication, CPU seconds
of build_corpus (time.process_time), and the process's peak RSS in MB (ru_maxrss). Run one
folder per process, so the peak is its own.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    import kerryview.analysis
    import kerryview.events.clauses as clauses
    import kerryview.pipeline as pipeline
    from stories import load_folder
    from kerryview.model import DateSource, DateSourceKind, Document

    folder, switch = sys.argv[1], sys.argv[2]
    setting = {"on": True, "all": True, "news": clauses.NEWS, "off": False}[switch]
    clauses.CLAUSE_EVENTS = setting
    pipeline.CLAUSE_EVENTS = setting
    docs = [Document(a.id, f"{a.id}.txt", a.text, dct=a.published,
                     dct_source=DateSource(DateSourceKind.PAGE_METADATA, "published.tsv"))
            for a in load_folder(folder)]
    prof = None
    if "--profile" in sys.argv:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    t0 = time.process_time()
    events = pipeline.build_corpus(docs)
    cpu = time.process_time() - t0
    if prof:
        prof.disable()
        import pstats
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    clause_only = sum(all(clauses.is_clause_event(m) for m in e.mentions) for e in events)
    # clauses dated by the sentence before's day (clause_rules.json narrative_day)
    narrative = sum(m.dated_by == "sentence before" for e in events for m in e.mentions)
    narrative_only = sum(all(m.dated_by == "sentence before" for m in e.mentions) for e in events)
    print(json.dumps({"folder": folder, "clauses": switch, "articles": len(docs),
                      "events": len(events), "clause_only": clause_only,
                      "narrative_mentions": narrative, "narrative_only": narrative_only,
                      "cpu_s": round(cpu, 1),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


if __name__ == "__main__":
    main()
