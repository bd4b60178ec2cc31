"""Entry point of the PyInstaller bundle: the same `kerryview.cli:run` as the gui-script."""
from kerryview.cli import run

if __name__ == "__main__":
    run()
