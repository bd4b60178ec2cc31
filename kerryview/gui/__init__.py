"""The desktop GUI (PySide6). Qt is imported only under this package.

app.run(paths, db_path) opens the main window; selftest.run() is `kerryview --self-test`.
"""
from kerryview.gui import _qtfix  # noqa: F401 - PySide6 refcount guard, see the module
