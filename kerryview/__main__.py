import sys

from kerryview.cli import main

sys.exit(main())
