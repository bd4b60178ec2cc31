from kerryview.cli import run

run()
