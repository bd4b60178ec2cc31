"""In the window: an article the pipeline fails on is listed in the problems list with why, and
the other articles of the same import are added (issue #11, item 4)."""
from __future__ import annotations

from pathlib import Path

import kerryview.events.mentions as mentions
import kerryview.pipeline as pipeline

GOOD = "date 2023-07-18\n\nKerry met Xie Zhenhua in Beijing on Monday for nearly 12 hours.\n"
POISON = "date 2023-07-18\n\nThe POISON summit opened on Monday in Geneva.\n"


def test_an_article_that_cannot_be_processed_is_a_problem_and_the_rest_are_added(
        qtbot, window, tmp_path, monkeypatch):
    real = mentions.find_mentions

    def find_mentions(doc, *args):  # a fault in one stage, for one article only
        if "POISON" in doc.text:
            raise RuntimeError("poisoned article")
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "find_mentions", find_mentions)
    # and where an import's per-article stage (kerryview.analysis) calls it
    monkeypatch.setattr(mentions, "find_mentions", find_mentions)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "poison.txt").write_text(POISON, encoding="utf-8")
    with qtbot.waitSignal(window.jobs.finished, timeout=60000) as blocker:
        assert window.import_paths([tmp_path / "good.txt", tmp_path / "poison.txt"])
    result = blocker.args[1].result
    assert sorted(result.added) == ["good", "poison"]  # both stored: no article is lost
    assert [Path(p.path).name for p in result.problems] == ["poison.txt"]
    assert window.problems.topLevelItemCount() == 1
    row = window.problems.topLevelItem(0)
    assert row.text(0) == str(tmp_path / "poison.txt")
    assert row.text(1) == ("could not be processed: RuntimeError: poisoned article; "
                           "the other articles are imported")
    assert window.status.problems_button.isVisible()
    cited = {m.document_id for e in result.events for m in e.mentions}
    assert "good" in cited and "poison" not in cited


def test_the_status_says_which_files_were_unread_and_which_failed_in_processing(
        qtbot, window, tmp_path, monkeypatch):
    """A processing failure is not a file that "could not be read": the status names both."""
    real = pipeline.find_mentions

    def find_mentions(doc, *args):
        if "POISON" in doc.text:
            raise RuntimeError("poisoned article")
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "find_mentions", find_mentions)
    monkeypatch.setattr(mentions, "find_mentions", find_mentions)  # the per-article stage's
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "poison.txt").write_text(POISON, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.jobs.finished, timeout=60000) as blocker:
        assert window.import_paths([tmp_path / n for n in ("good.txt", "poison.txt", "empty.txt")])
    assert sorted(p.stage for p in blocker.args[1].result.problems) == ["process", "read"]
    message = window.statusBar().currentMessage()
    assert "; 1 file could not be read" in message
    assert "; 1 article could not be processed (read, but kept without events)" in message


def test_only_processing_failures_are_not_called_unreadable(qtbot, window, tmp_path, monkeypatch):
    poisoned = _poisoned(pipeline.find_mentions)
    monkeypatch.setattr(pipeline, "find_mentions", poisoned)
    monkeypatch.setattr(mentions, "find_mentions", poisoned)  # the per-article stage's
    (tmp_path / "poison.txt").write_text(POISON, encoding="utf-8")
    with qtbot.waitSignal(window.jobs.finished, timeout=60000):
        assert window.import_paths([tmp_path / "poison.txt"])
    message = window.statusBar().currentMessage()
    assert "could not be read" not in message
    assert message.startswith("Added 1 article; ")
    assert message.endswith("; 1 article could not be processed (read, but kept without events)")


def _poisoned(real):
    def find_mentions(doc, *args):
        if "POISON" in doc.text:
            raise RuntimeError("poisoned article")
        return real(doc, *args)
    return find_mentions
