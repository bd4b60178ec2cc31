"""`python -m kerryview.timex --dct YYYY-MM-DD --json FILE`."""
import sys

from .cli import main

sys.exit(main())
