"""GUI tests: offscreen Qt, settings in a temporary folder, small hand-made corpora."""
from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kerryview.gui import settings  # noqa: E402
from kerryview.model import DateSource, DateSourceKind, Document, Event, EventMention, Timex  # noqa: E402
from kerryview.store import Store  # noqa: E402


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    """Every test writes QSettings under tmp_path, never into the user's config."""
    folder = tmp_path / "settings"
    folder.mkdir()
    settings.use_folder(folder)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("KERRYVIEW_DB", str(tmp_path / "env.db"))
    yield folder


def mention(doc: Document, passage: str, timex: str, value: str, trigger: str | None = None,
            **kw) -> EventMention:
    start = doc.text.index(passage)
    t0 = doc.text.index(timex, start)
    m = EventMention(document_id=doc.id, start=start, end=start + len(passage), text=passage,
                     timex=Timex(t0, t0 + len(timex), timex, "DATE", value), **kw)
    if trigger:
        g = doc.text.index(trigger, start)
        m.trigger_start, m.trigger_end = g, g + len(trigger)
    return m


def make_corpus() -> tuple[list[Document], list[Event]]:
    a = Document(id="a", path="/news/a.txt", title="Envoy in Beijing",
                 text="Header line.\nKerry met Wang Yi on Tuesday in Beijing. Then he left.\n"
                      "Talks lasted 12 hours on Monday.\nHe will leave on July 20.",
                 dct=None, dct_source=DateSource.unknown())
    b = Document(id="b", path="/news/b.txt", title=None,
                 text="😀 Emoji first 🎉🎉. Kerry told Wang Yi on July 18 that talks could help.\r\n"
                      "In 2021 Kerry visited.",
                 dct=None, dct_source=DateSource(DateSourceKind.INFERRED, "inferred: from a"))
    from datetime import date
    a.dct = date(2023, 7, 18)
    b.dct = date(2023, 7, 18)
    ev_wang = Event(id="e-wang", label="Kerry met Wang Yi", value="2023-07-18", start="2023-07-18",
                    end="2023-07-19", granularity="day", conflicts=["b says July 18, a says Tuesday"])
    ev_wang.mentions = [
        mention(a, "Kerry met Wang Yi on Tuesday in Beijing.", "Tuesday", "2023-07-18", "met",
                resolution="Tuesday -> 2023-07-18 from the publication date"),
        mention(b, "Kerry told Wang Yi on July 18 that talks could help.", "July 18", "2023-07-18",
                "told", resolution="July 18 -> 2023-07-18"),
    ]
    ev_talks = Event(id="e-talks", label="Talks with Xie Zhenhua", value="2023-07-17",
                     start="2023-07-17", end="2023-07-18", granularity="day", duration="PT12H")
    ev_talks.mentions = [mention(a, "Talks lasted 12 hours on Monday.", "Monday", "2023-07-17",
                                 "Talks")]
    ev_leave = Event(id="e-leave", label="Kerry leaves Beijing", value="2023-07-20",
                     start="2023-07-20", end="2023-07-21", granularity="day", status="scheduled")
    ev_leave.mentions = [mention(a, "He will leave on July 20.", "July 20", "2023-07-20", "leave",
                                 status="scheduled")]
    ev_2021 = Event(id="e-2021", label="Kerry visited China", value="2021", start="2021-01-01",
                    end="2022-01-01", granularity="year")
    ev_2021.mentions = [mention(b, "In 2021 Kerry visited.", "2021", "2021", "visited")]
    return [a, b], [ev_wang, ev_talks, ev_leave, ev_2021]


@pytest.fixture
def corpus():
    return make_corpus()


@pytest.fixture
def store(tmp_path, corpus):
    s = Store(tmp_path / "corpus.db")
    s.save_corpus(*corpus)
    yield s
    s.close()


def shown_window(qtbot, store):
    """The main window on `store` at the app's default size, shown and exposed."""
    from kerryview.gui.mainwindow import MainWindow
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, store):
    w = shown_window(qtbot, store)
    yield w
    w.jobs.cancel()
    w.jobs.wait()


@pytest.fixture
def bundled_store(tmp_path, bundled_db):
    dest = tmp_path / "bundled.db"
    shutil.copy(bundled_db, dest)
    s = Store(dest)
    yield s
    s.close()
