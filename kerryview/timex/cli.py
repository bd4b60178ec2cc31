"""`timex --dct YYYY-MM-DD --json FILE`: print the time expressions of a file as JSON."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import tag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timex", description="Tag time expressions (TimeML TIMEX3).")
    parser.add_argument("--dct", help="document creation date YYYY-MM-DD (default: none)")
    parser.add_argument("--json", metavar="FILE", required=True, help="text file to tag ('-' = stdin)")
    parser.add_argument("--encoding", default="utf-8")
    args = parser.parse_args(argv)
    dct = date.fromisoformat(args.dct) if args.dct else None
    if args.json == "-":
        text = sys.stdin.read()
    else:
        with open(args.json, encoding=args.encoding, errors="replace", newline="") as fh:
            text = fh.read()
    json.dump([t.to_json() for t in tag(text, dct)], sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
