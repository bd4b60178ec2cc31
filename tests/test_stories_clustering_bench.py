"""The scores of benchmarks/stories_clustering.py on piles whose answer is known by hand."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from stories_clustering import scores  # noqa: E402


def test_a_perfect_grouping_scores_one_everywhere():
    s = scores(["a", "a", "b", "b", "b"], ["x", "x", "y", "y", "y"])
    assert all(s[k] == pytest.approx(1.0) for k in ("purity", "inverse_purity", "ARI", "B3_F1"))


def test_one_story_for_everything():
    s = scores(["a", "a", "b", "b"], ["x"] * 4)
    assert s["purity"] == 0.5 and s["inverse_purity"] == 1.0
    assert s["ARI"] == pytest.approx(0.0)
    assert s["B3_P"] == 0.5 and s["B3_R"] == 1.0


def test_every_article_alone():
    s = scores(["a", "a", "b", "b"], ["1", "2", "3", "4"])
    assert s["purity"] == 1.0 and s["inverse_purity"] == 0.5
    assert s["B3_P"] == 1.0 and s["B3_R"] == 0.5 and s["B3_F1"] == pytest.approx(2 / 3)
