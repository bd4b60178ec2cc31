"""The main window (window.py composes it) and its parts: actions and menus (actions.py), the
documents list (documents.py), the problems list (problems.py), the status bar (status.py), the
file dialogs (files.py) and the About box (about.py)."""
from kerryview.gui.mainwindow.about import about_html
from kerryview.gui.mainwindow.window import MainWindow, first_paint_timer

__all__ = ["MainWindow", "about_html", "first_paint_timer"]
