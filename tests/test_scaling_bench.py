"""benchmarks/scaling.py (issue #10): its piles and its --quick smoke run, on a tiny Timeline17-
shaped folder written here (no data from ../shared), in seconds."""
from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import scaling  # noqa: E402

from kerryview.dating.datelines import read_dateline  # noqa: E402

ARTICLES = {
    "a1": ("2010-05-24", "Oil spill talks\n\nBP chief Tony Hayward met officials in Houston on "
                         "Monday, with Barack Obama, Carol Browner and Ken Salazar. The company said the leak "
                         "would be capped next week.\n"),
    "a2": ("2010-05-25", "Cap attempt\n\nEngineers in Houston tried the top kill on Tuesday, "
                         "BP said. Officials from Louisiana watched the attempt.\n"),
    "a3": ("2010-05-26", "Louisiana anger\n\nFishermen in Louisiana protested on Wednesday "
                         "against BP and the Obama administration.\n"),
}


def _timeline17(root: Path) -> Path:
    base = root / "bpoil_bbc"
    (base / "articles").mkdir(parents=True)
    for name, (day, text) in ARTICLES.items():
        (base / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
    (base / "published.tsv").write_text(
        "".join(f"{name}\t{day}\n" for name, (day, _) in ARTICLES.items()), encoding="utf-8")
    return root


def test_the_dated_pile_has_date_lines_kerryview_reads(tmp_path):
    pile = scaling.pile("real-dated", 3, _timeline17(tmp_path))
    assert [read_dateline(text).value for _, text in pile] == [
        date(2010, 5, 24), date(2010, 5, 25), date(2010, 5, 26)]
    assert all(read_dateline(text) is None for _, text in
               scaling.pile("real-undated", 3, tmp_path))


def test_synthetic_copies_are_published_later_with_names_varied(tmp_path):
    pile = scaling.pile("synthetic", 7, _timeline17(tmp_path))
    assert len(pile) == 7 and len({name for name, _ in pile}) == 7
    copy2 = pile[6][1]  # the third copy of the first article
    assert read_dateline(copy2).value == date(2010, 5, 24) + timedelta(days=2 * scaling.COPY_SHIFT_DAYS)
    assert "-2" in copy2 and "-2" not in pile[0][1]  # some names carry the copy's mark


def test_the_quick_run_prints_a_row_per_pile_and_the_exponents(tmp_path, capsys):
    assert scaling.main(["--quick", "--root", str(_timeline17(tmp_path))]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.splitlines()[2:]]
    assert rows == ["real-dated", "real-undated", "synthetic", "synthetic", "synthetic",
                    "exponent"], out
    assert "did not finish" not in out and "failed" not in out
