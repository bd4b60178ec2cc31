"""Command line: `kerryview [PATHS]` opens the app; `extract`, `timex` and `export` work headless.

Qt is imported only when a window is wanted, so the headless commands start fast and run on
machines without a display.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kerryview import __version__


def _extract(args: argparse.Namespace) -> int:
    from kerryview.export.json_export import corpus_json
    from kerryview.pipeline import build_corpus, read_documents

    docs, problems = read_documents(args.paths)
    for p in problems:
        print(f"kerryview: {p}", file=sys.stderr)
    events = build_corpus(docs)
    if args.db:
        from kerryview.store import Store
        Store(args.db).save_corpus(docs, events)
    json.dump(corpus_json(docs, events), sys.stdout, ensure_ascii=False,
              indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 2 if problems else 0


def _timex(args: argparse.Namespace) -> int:
    from kerryview.ingest import ReadError, read_document
    from kerryview.timex import tag

    try:
        doc = read_document(args.file)
    except ReadError as e:
        print(f"kerryview: {e}", file=sys.stderr)
        return 2
    dct = date.fromisoformat(args.dct) if args.dct else None
    out = [t.to_json() for t in tag(doc.text, dct)]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    """Write the stored corpus in a format other tools read; never creates a database."""
    from kerryview.export import export_text
    from kerryview.store import Store, default_db_path

    path = Path(args.db) if args.db else default_db_path()
    if not path.is_file():
        print(f"kerryview: no corpus database at {path} (open some articles first, or pass --db)",
              file=sys.stderr)
        return 2
    store = Store(path)
    try:
        if store.needs_rebuild:
            print(f"kerryview: {path} was written by an older kerryview; open it in the app once "
                  "to bring it up to date", file=sys.stderr)
            return 2
        docs, events = store.documents(), store.events()
    finally:
        store.close()
    text = export_text(args.format, docs, events)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as e:
            print(f"kerryview: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
            return 2
    return 0


def _gui(args: argparse.Namespace) -> int:
    from kerryview.gui.app import run
    return run([str(p) for p in args.paths], args.db)


def _self_test(args: argparse.Namespace) -> int:
    from kerryview.gui.selftest import run
    return run()


def build_parser() -> argparse.ArgumentParser:
    from kerryview.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="kerryview", description="News articles in, one clickable timeline out.")
    parser.add_argument("--version", action="version", version=f"kerryview {__version__}")
    sub = parser.add_subparsers(dest="command")
    ex = sub.add_parser("extract", help="print the corpus of PATHS (files or folders) as JSON")
    ex.add_argument("--json", action="store_true", default=True,
                    help="JSON output (the only format; accepted for clarity)")
    ex.add_argument("--pretty", action="store_true", help="indent the JSON")
    ex.add_argument("--db", help="also store the corpus in this SQLite file")
    ex.add_argument("paths", nargs="+", type=Path)
    ex.set_defaults(func=_extract)
    tx = sub.add_parser("timex", help="print the time expressions of FILE as JSON")
    tx.add_argument("--dct", help="document creation time, YYYY-MM-DD")
    tx.add_argument("--json", action="store_true", default=True)
    tx.add_argument("--pretty", action="store_true")
    tx.add_argument("file", type=Path)
    tx.set_defaults(func=_timex)
    xp = sub.add_parser("export", help="write the stored corpus for TimelineJS (JSON or its "
                        "spreadsheet template as CSV) or as kerryview JSON")
    xp.add_argument("--db", help="corpus database (default: the app's)")
    xp.add_argument("--format", choices=tuple(FORMATS),
                    default="timelinejs-json")
    xp.add_argument("-o", "--output", help="file to write (default: standard output)")
    xp.set_defaults(func=_export)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kerryview", description="News articles in, one clickable timeline out. "
        "Subcommands: extract, timex, export (see `kerryview extract --help`).")
    parser.add_argument("--version", action="version", version=f"kerryview {__version__}")
    parser.add_argument("--db", help="corpus database (default: the platform's app-data folder)")
    parser.add_argument("--self-test", action="store_true",
                        help="load the bundled corpus, render the timeline offscreen, exit")
    parser.add_argument("--quit-after-first-paint", action="store_true",
                        help="quit once the timeline has painted, printing the start-up time "
                             "(for benchmarks/startup.py)")
    parser.add_argument("paths", nargs="*", type=Path, help="articles or folders to open")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("extract", "timex", "export"):
        args = build_parser().parse_args(argv)
        return args.func(args)
    args = build_gui_parser().parse_args(argv)
    if args.self_test:
        return _self_test(args)
    if args.quit_after_first_paint:
        import os
        os.environ["KERRYVIEW_QUIT_AFTER_FIRST_PAINT"] = "1"
    return _gui(args)


if __name__ == "__main__":
    sys.exit(main())
