"""The Qt item models stay Qt objects that Qt itself can talk to."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_passages_model_takes_properties_and_events_without_crashing():
    """A method named event() on a QObject hides QObject.event(QEvent), which Qt calls for
    every property set and event sent: it crashed the process. Run in a subprocess so that a
    crash fails this test instead of ending the whole run."""
    code = textwrap.dedent("""
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication
        from kerryview.gui.models import PassagesModel
        app = QApplication([])
        model = PassagesModel()
        model.setProperty("x", 1)
        QCoreApplication.sendEvent(model, QEvent(QEvent.Type.User))
        assert model.property("x") == 1 and model.current_event() is None
        print("alive")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
    assert proc.stdout.strip() == "alive"
