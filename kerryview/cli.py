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


class CliError(Exception):
    """A problem to tell the user in one line on stderr (exit status 2), never a traceback."""


def _open_store(path: Path, *, read_only: bool = False):
    """The project database at `path`, or CliError saying in words why it cannot be opened.
    Read-only, it must exist (reading never creates one). Opening checks the file, so a
    damaged one is reported here, not as a traceback later."""
    import os
    import sqlite3

    from kerryview.store import Store

    try:
        exists = path.is_file()
    except OSError as e:  # Python 3.11: is_file() raises inside a folder that cannot be entered
        raise CliError(f"cannot open the database {path}: {e.strerror or e}") from None
    if read_only and not exists:
        raise CliError(f"no corpus database at {path} (open some articles first, or pass --db)")
    if not os.access(path.parent if path.parent.exists() else path.parent.parent, os.X_OK):
        raise CliError(f"cannot open the database {path}: its folder cannot be entered "
                       "(permission denied)")
    try:
        return Store(path, read_only=read_only)
    except sqlite3.DatabaseError as e:
        if "unable to open database file" in str(e):
            raise CliError(f"cannot open the database {path}: SQLite cannot open or create it "
                           "there (check that its folder exists and may be written)") from None
        raise _database_error(path, e) from None
    except OSError as e:
        raise CliError(f"cannot open the database {path}: {e.strerror or e}") from None


def _database_error(path: Path, error: Exception) -> CliError:
    """What an SQLite error on opening, reading or writing the project means to the user."""
    if "readonly" in str(error) or "read-only" in str(error):
        return CliError(f"{path} cannot be written (it or its folder is read-only)")
    if "disk is full" in str(error) or "disk I/O error" in str(error):
        return CliError(f"cannot write {path}: the disk is full or failing ({error}); the "
                        "project is as it was before this import")
    if "locked" in str(error):
        return CliError(f"{path} stayed busy: another kerryview was writing it; try again "
                        "when it has finished")
    return CliError(f"{path} is not a kerryview database ({error})")


def _say_if_an_import_was_interrupted(store, path: Path, paths) -> None:
    """One line on stderr: `extract --db` finishes nothing it was not given."""
    import os
    import shlex

    pending = store.pending_import()
    if not pending:
        return
    given = {os.path.abspath(p) for p in paths}
    if set(pending) <= given:
        from kerryview.text.phrasing import count_words

        print(f"kerryview: finishing an import into {path} that was interrupted "
              f"({count_words(len(pending), 'file or folder', 'files or folders')})",
              file=sys.stderr)
        return
    command = shlex.join(["kerryview", "extract", "--db", str(path), *pending])
    print(f"kerryview: an earlier import into {path} was interrupted before it finished; to "
          f"finish it, run: {command}", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    """Print the corpus of the given files. With --db the files are added to that project
    (kept articles, user-set dates and marks stay) and the whole project is printed."""
    import sqlite3

    from kerryview.export.json_export import corpus_json
    from kerryview.pipeline import build_corpus, import_into_store, read_documents
    from kerryview.store import Store

    if args.scheduler:
        from kerryview.parallel import dask_available
        if not dask_available():
            raise CliError("--scheduler needs Dask: pip install 'kerryview[dask]'")

    if args.db:
        path = Path(args.db)
        store = _open_store(path)
        try:
            _say_if_an_import_was_interrupted(store, path, args.paths)
            result = import_into_store(store, args.paths, workers=args.workers,
                                       scheduler=args.scheduler)
            docs, events, problems = result.documents, result.events, result.problems
        except sqlite3.DatabaseError as e:
            raise _database_error(path, e) from None
        finally:
            store.close()
        if result.unchanged:  # dating and merging skipped: said, not a problem
            print(f"kerryview: {result.nothing_new_text()}", file=sys.stderr)
    elif args.workers or args.scheduler:  # the per-article stages in parallel, in memory
        store = Store()
        try:
            result = import_into_store(store, args.paths, workers=args.workers,
                                       scheduler=args.scheduler)
        finally:
            store.close()
        docs, events, problems = result.documents, result.events, result.problems
    else:
        docs, problems = read_documents(args.paths)
        events = build_corpus(docs, problems=problems)
    for p in problems:
        print(f"kerryview: {p}", file=sys.stderr)
    json.dump(corpus_json(docs, events), sys.stdout, ensure_ascii=False,
              indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 2 if problems else 0


def _timex(args: argparse.Namespace) -> int:
    """The time expressions of each file as JSON: of one file its list, as always; of several,
    one line per file in the order given, {"file": FILE, "timexes": [...]} or, for a file that
    cannot be read, {"file": FILE, "error": WHY} (said on stderr too; exit status 2 at the end).
    One process for many files starts once (a process per file is mostly start-up)."""
    from contextlib import nullcontext

    from kerryview import startcache
    from kerryview.gcpause import gc_paused

    # Start-up: the patterns the tagger's modules compile, as an earlier process kept them
    # (kerryview/startcache.py); the modules and the tables the tagger builds on its first call
    # are objects that stay: with the collector paused no young collection walks them.
    startcache.prefill()
    with gc_paused():
        from kerryview.ingest.reader import MAX_BYTES, ReadError, read_text
        from kerryview.timex import tag
    several = len(args.file) > 1
    status = 0
    for n, path in enumerate(args.file):
        try:
            # not its title, date line or source: the tagger needs none; "-" is the standard input
            text = read_text(path, sys.stdin.buffer.read(MAX_BYTES + 1) if str(path) == "-" else None)
        except ReadError as e:
            print(f"kerryview: {e}", file=sys.stderr)
            if not several:
                return 2
            status = 2
            out = {"file": str(path), "error": str(e)}
        else:
            with gc_paused() if n == 0 else nullcontext():
                out = [t.to_json() for t in tag(text, args.dct)]
            if several:
                out = {"file": str(path), "timexes": out}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
        sys.stdout.write("\n")
    startcache.keep()
    return status


def _export(args: argparse.Namespace) -> int:
    """Write the stored corpus in a format other tools read; never creates a database."""
    import sqlite3

    from kerryview.export import export_file, export_text, project_title
    from kerryview.store import default_db_path

    path = Path(args.db) if args.db else default_db_path()
    store = _open_store(path, read_only=True)  # a project in a read-only folder exports too
    try:
        if store.needs_rebuild:
            print(f"kerryview: {path} was written by an older kerryview; open it in the app once "
                  "to bring it up to date", file=sys.stderr)
            return 2
        docs, events = store.documents(), store.events()
    except sqlite3.DatabaseError as e:
        raise _database_error(path, e) from None
    finally:
        store.close()
    title = args.title or project_title(docs, path)
    if args.output in (None, "-"):
        sys.stdout.write(export_text(args.format, docs, events, title=title))
    else:
        try:  # through a temporary file: a full disk never leaves half a file or loses the old one
            export_file(args.output, args.format, docs, events, title=title)
        except OSError as e:
            print(f"kerryview: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
            return 2
    return 0


def _gui(args: argparse.Namespace) -> int:
    from kerryview.desktop_check import missing_library_message, no_display_message

    if (message := no_display_message()) is not None:
        print(f"kerryview: {message}", file=sys.stderr)
        return 2
    try:
        from kerryview.gui.app import run
    except ImportError as e:
        print(f"kerryview: {missing_library_message(e)}", file=sys.stderr)
        return 2
    return run([str(p) for p in args.paths], args.db)


def _self_test(args: argparse.Namespace) -> int:
    from kerryview.gui.selftest import run
    return run()


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return n


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The headless commands' parser; given the `command` about to be parsed, the other
    commands' options are left out where reading them costs start-up (export's formats)."""
    parser = argparse.ArgumentParser(
        prog="kerryview", description="News articles in, one clickable timeline out.")
    parser.add_argument("--version", action="version", version=f"kerryview {__version__}")
    sub = parser.add_subparsers(dest="command")
    ex = sub.add_parser("extract", help="print the corpus of PATHS (files or folders) as JSON")
    ex.add_argument("--json", action="store_true", default=True,
                    help="JSON output (the only format; accepted for clarity)")
    ex.add_argument("--pretty", action="store_true", help="indent the JSON")
    ex.add_argument("--db", help="also store the corpus in this SQLite file")
    ex.add_argument("--workers", type=_positive_int, metavar="N",
                    help="read dates and find events in N processes at once, on this "
                         "machine's cores")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="run the per-article work on a Dask cluster, e.g. tcp://host:8786, "
                         "or 'local' for a Dask cluster of --workers processes here (needs "
                         "kerryview[dask] here and on every worker)")
    ex.add_argument("paths", nargs="+", type=Path)
    ex.set_defaults(func=_extract)
    tx = sub.add_parser("timex", help="print the time expressions of FILE (or of each FILE) as JSON")
    tx.add_argument("--dct", type=_iso_date, help="document creation time, YYYY-MM-DD")
    tx.add_argument("--json", action="store_true", default=True)
    tx.add_argument("--pretty", action="store_true",
                    help="indent the JSON (several lines per file)")
    tx.add_argument("file", type=Path, nargs="+", metavar="FILE",
                    help="a text file ('-': the standard input); of several, one JSON "
                         "document each, on one line "
                         "unless --pretty: {\"file\": FILE, \"timexes\": [...]} (or \"error\")")
    tx.set_defaults(func=_timex)
    xp = sub.add_parser("export", help="write the stored corpus for TimelineJS (JSON or its "
                        "spreadsheet template as CSV), as a calendar of what is scheduled (ics), "
                        "as a chronology with sources (md, txt) or as kerryview JSON")
    xp.add_argument("--db", help="corpus database (default: the app's)")
    if command in (None, "export"):
        from kerryview.export import FORMATS

        xp.add_argument("--format", choices=tuple(FORMATS), default="timelinejs-json",
                        help="; ".join(f"{k}: {v[0]}" for k, v in FORMATS.items()))
    xp.add_argument("--title", help="the title of the timeline, calendar or chronology (default: "
                    "from the project's or its articles' folder name)")
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


def _run_headless(args: argparse.Namespace) -> int:
    """Run a headless command; its failures become one line on stderr and exit status 2."""
    import os

    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except CliError as e:
        print(f"kerryview: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `kerryview extract ... | head`: the reader left, which is fine
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 1
    except OSError as e:
        if e.filename is None:  # writing standard output failed (e.g. a full disk)
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except OSError:
                pass
            print(f"kerryview: cannot write the output: {e.strerror or e}", file=sys.stderr)
            return 2
        print(f"kerryview: {e.filename}: {e.strerror or e}", file=sys.stderr)
        return 2


def _exit_now(status: int) -> None:
    """End the process that ran `kerryview timex` at once, its output flushed: tearing the
    interpreter down (freeing the tagger's modules and tables one by one) was ~12 ms of CPU of
    a process that tags one file. Not when anything is to run at exit (an atexit function, a
    thread, a profiler or a tracer such as coverage or a debugger): then the usual exit."""
    import atexit
    import os

    threads = sys.modules.get("threading")
    if (getattr(atexit, "_ncallbacks", lambda: 1)() or sys.getprofile() is not None
            or sys.gettrace() is not None or (threads is not None and threads.active_count() > 1)):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed output: the usual exit says so
        return
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv` (default: sys.argv[1:]) and return its exit status; it never
    ends the caller's process (the program's entry point is `run`)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("extract", "timex", "export"):
        args = build_parser(argv[0]).parse_args(argv)
        return _run_headless(args)
    args = build_gui_parser().parse_args(argv)
    if args.self_test:
        return _self_test(args)
    if args.quit_after_first_paint:
        import os
        os.environ["KERRYVIEW_QUIT_AFTER_FIRST_PAINT"] = "1"
    return _gui(args)


def run() -> None:
    """The program (console and gui scripts, `python -m kerryview`, the PyInstaller bundle):
    `main` on the command line, then exit with its status; after `timex`, at once (_exit_now)."""
    argv = sys.argv[1:]
    status = main(argv)
    if argv and argv[0] == "timex":
        _exit_now(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
