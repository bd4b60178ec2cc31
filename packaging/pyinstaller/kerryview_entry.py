"""Entry point of the PyInstaller bundle: the same `kerryview.cli:main` as the gui-script."""
import sys

from kerryview.cli import main

if __name__ == "__main__":
    sys.exit(main())
