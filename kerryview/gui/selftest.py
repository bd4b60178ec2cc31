"""`kerryview --self-test`: the bundled corpus through the whole app, offscreen, in seconds.

Loads the bundled articles into an in-memory Store, builds the main window offscreen, renders
the timeline to a QImage, checks it is not blank and that the three key events of the Kerry
corpus are there, prints a short summary and returns 0 (all good) or 1.
"""
from __future__ import annotations

import os
import sys
import time

KEY_EVENTS = [
    # (what, test on an Event)
    ("talks with Xie Zhenhua on 2023-07-17, about 12 hours",
     lambda e: e.start.startswith("2023-07-17") and (e.duration or "").startswith("PT")),
    ("meeting with Wang Yi on 2023-07-18",
     lambda e: e.start.startswith("2023-07-18") and any("Wang" in m.text for m in e.mentions)),
    ("departure from Beijing scheduled for 2023-07-20",
     lambda e: e.start.startswith("2023-07-20") and e.status != "happened"),
]


def run() -> int:
    t_start = time.perf_counter()
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kerryview.gui.mainwindow import MainWindow
    from kerryview.pipeline import bundled_corpus_paths, import_into_store
    from kerryview.store import Store
    from kerryview.text.phrasing import count_words

    import tempfile

    from kerryview.gui import settings

    # The default layout, and nothing written into the user's settings.
    settings_dir = tempfile.TemporaryDirectory(prefix="kerryview-selftest-")
    settings.use_folder(settings_dir.name)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ok = True
    store = Store()
    result = import_into_store(store, bundled_corpus_paths())
    t_import = time.perf_counter()
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    tl = window.timeline
    tl.fitAll()
    img = QImage(tl.size(), QImage.Format.Format_ARGB32)
    img.fill(0)
    tl.render(img)
    colours = set()
    for y in range(0, img.height(), 3):
        for x in range(0, img.width(), 3):
            colours.add(img.pixel(x, y))
    blank = len(colours) < 8
    print(f"kerryview self-test: {len(result.documents)} articles, {len(result.events)} events, "
          f"{count_words(len(result.problems), 'problem')}; timeline {img.width()}x{img.height()}, "
          f"{len(colours)} colours, ticks in {tl.tickUnit()}s")
    if blank:
        ok = False
        print("  FAIL the timeline rendered blank")
    events = store.events()
    for what, test in KEY_EVENTS:
        found = [e for e in events if test(e)]
        if found:
            e = max(found, key=lambda x: len(x.document_ids))
            row = window.index().row_of[e.id]
            window.select_event(row)
            shown = window.passages.model.rowCount()
            print(f"  ok   {what}: {count_words(len(e.document_ids), 'source')}, "
                  f"{count_words(shown, 'passage')} listed")
            if shown != len(e.mentions):
                ok = False
                print(f"  FAIL passages panel lists {shown}, expected {len(e.mentions)}")
        else:
            ok = False
            print(f"  FAIL {what}: not found")
    window.close()
    store.close()
    settings_dir.cleanup()
    print(f"  {'PASS' if ok else 'FAIL'} in {time.perf_counter() - t_start:.2f} s "
          f"(import {t_import - t_start:.2f} s)")
    return 0 if ok else 1
