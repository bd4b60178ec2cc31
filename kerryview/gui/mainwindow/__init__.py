"""The main window: its layout, actions, documents and problems panels."""
from kerryview.gui.mainwindow.window import MainWindow, about_html, first_paint_timer

__all__ = ["MainWindow", "about_html", "first_paint_timer"]
