"""`python -m kerryview.timex [--dct YYYY-MM-DD] [--pretty] FILE...`: the `kerryview timex`
command itself (its one home is kerryview/cli.py), with the same fast start and exit."""
import sys

from kerryview.cli import run

sys.argv[1:1] = ["timex"]
run()
