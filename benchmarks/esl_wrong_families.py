"""The wrong ESL dates (kerryview's date does not contain the gold date) by family, as
benchmarks/README_stories.md "Session 16 (eslprec)" counts them (run from the worktree root):

    PYTHONPATH=$PWD .venv/bin/python benchmarks/esl_wrong_families.py [rows.tsv]

Prints the count of each family and writes one row a wrong date (family first) to rows.tsv.
The families are read off each wrong date's interval against the gold day and the DCT, and
how kerryview dated the mention (dated_by); TAGGER names the time expressions whose value or
anchor was read as the tagger's error when the listing was read by hand in session 16 (a
reading aid for this listing, no rule of kerryview's)."""
import sys
from collections import Counter
from datetime import datetime, timedelta
sys.path.insert(0, str(__import__('pathlib').Path(__file__).parent))
import stories as S
from kerryview.model import DateSource, DateSourceKind, Document
from kerryview.pipeline import build_corpus
from kerryview.dating.datelines import read_dateline
from kerryview.text.sentences import sentence_spans

TAGGER = {"early 30s", "the fall", "2:56", "09:10", "The day", "four days earlier", "a month ago",
          "the night", "earlier in the day"}
stops = S.stop_words()
fam = Counter(); rows = []
docs = [(S.read_esl(p), p.name) for p in S.esl_files()]
for doc, name in docs:
    if doc is None: continue
    doc.events = [e for e in doc.events if e.text.lower() not in stops]
    kdoc = Document(doc.id, name, doc.text, dct=doc.dct, dct_source=DateSource(DateSourceKind.PAGE_METADATA, "the DCT"),
                    dateline=read_dateline(doc.text))
    events = build_corpus([kdoc])
    picked = []
    kv = S.kerryview_dates(doc, events, picked)
    sents = sentence_spans(doc.text)
    lines = doc.text.split("\n")
    for (g, dated, how), pm in zip(kv, picked):
        if dated is None: continue
        contains, same = S.judge(dated, g.day, g.within)
        if contains: continue
        m, label = pm
        line_no = doc.text.count("\n", 0, g.start)
        sent_no = sum(1 for a, b in sents if a <= g.start) - 1
        dct = doc.dct
        lo, hi = dated.start, dated.end
        gd = g.day
        tx = " ".join(m.timex.text.split())
        dday = lo.date() if hi - lo <= timedelta(days=1) else None
        if gd > dct + timedelta(days=20) and not any(str(gd.year) in doc.text for _ in [0]) or gd.year > dct.year + 1 \
                or (gd > dct and (gd - dct).days > 20 and g.via_dct is False and how == "passage" and dday == dct):
            f = "gold error (a day after the publication by a year or more, or a month)"
        elif lo.date() == gd and hi <= datetime.combine(gd + timedelta(days=1), datetime.min.time()):
            f = "kv a part of the gold day: " + ("gold the DCT link" if g.via_dct else "gold a time in the text")
        elif tx in TAGGER:
            f = "tagger value wrong (age, noun 'the fall', a fight clock, a weekday's clock, anchoring)"
        elif m.dated_by == "publication" and dday == dct:
            delta = (dct - gd).days
            pos = "headline" if sent_no <= 0 or line_no == 0 else ("lead (2nd-4th sentence)" if sent_no <= 3 else "below")
            f = f"publication day, gold {'the day before' if delta == 1 else '2-7 days before' if 2 <= delta <= 7 else 'another day'}: {pos}"
        elif m.dated_by == "told below":
            f = "headline dated by its event told below (headline_told_below), gold another day"
        elif m.dated_by == "sentence before":
            f = "sentence before (narrative_day), gold another day"
        elif m.dated_by == "publication":
            f = "publication mention in an event dated otherwise (merge), gold another day"
        else:
            f = f"time expression of another day ({how})"
        fam[f] += 1
        rows.append((f, doc.id, g.text, str(gd), f"{lo:%m-%dT%H:%M}..{hi:%m-%dT%H:%M}", how, tx, m.dated_by,
                     S._sentence(doc, g.start, g.end)[:200]))
for k, v in sorted(fam.items()):
    print(f"{v:4d}  {k}")
print(sum(fam.values()), "wrong")
with open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/esl_wrong_families.tsv", "w") as fh:
    for r in sorted(rows):
        print(*r, sep="\t", file=fh)
