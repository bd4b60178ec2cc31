"""The TempEval-3 scorer of benchmarks/: gold against itself, and small hand cases."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from tempeval_scorer import Counts, Span, read_tml, score  # noqa: E402

# shared/ sits beside the clone (CI and developers): <parent of repo>/shared/data/tempeval3-tbaq
TBAQ = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3-tbaq"
DATA = TBAQ / "TimeBank"
NO_DATA = f"TempEval-3 TBAQ data not found at {TBAQ} (expected shared/ beside the repository)"


def test_hand_cases():
    gold = [Span(0, 10, "DATE", "1998-01-08"), Span(20, 30, "DURATION", "P3D"), Span(40, 45, "DATE", "1998")]
    system = [Span(0, 10, "DATE", "1998-01-08"),      # strict, all right
              Span(22, 30, "DURATION", "P2D"),        # relaxed only, wrong value
              Span(50, 55, "DATE", "PAST_REF")]       # false positive
    c = score(system, gold)
    assert (c.n_sys, c.n_gold, c.strict, c.relaxed, c.type_ok, c.value_ok) == (3, 3, 1, 2, 2, 1)
    p, r, f = c.relaxed_prf()
    assert p == pytest.approx(2 / 3) and r == pytest.approx(2 / 3)
    assert c.strict_prf()[2] == pytest.approx(1 / 3)
    assert c.attr_f1("value") == pytest.approx(f * 0.5)  # relaxed F1 x attribute accuracy
    assert c.attr_f1("type") == pytest.approx(f)


def test_one_to_one_matching():
    gold = [Span(0, 5, "DATE", "a"), Span(6, 10, "DATE", "b")]
    c = score([Span(0, 10, "DATE", "a")], gold)
    assert (c.relaxed, c.strict, c.value_ok) == (1, 0, 1)
    assert score([], gold).relaxed_prf() == (0.0, 0.0, 0.0)


def test_counts_add():
    c = Counts()
    c += score([Span(0, 1, "DATE", "x")], [Span(0, 1, "DATE", "x")])
    c += score([], [Span(0, 1, "DATE", "x")])
    assert c.strict_prf() == pytest.approx((1.0, 0.5, 2 / 3))


@pytest.mark.skipif(not DATA.exists(), reason=NO_DATA)
def test_gold_against_gold_is_perfect():
    c = Counts()
    for path in sorted(DATA.glob("*.tml"))[:40]:
        doc = read_tml(path)
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text and g.text.strip()
        c += score(doc.gold, doc.gold)
    assert c.strict_prf() == (1.0, 1.0, 1.0)
    assert c.attr_f1("type") == 1.0 and c.attr_f1("value") == 1.0


@pytest.mark.skipif(not DATA.exists(), reason=NO_DATA)
def test_reader_strips_tags_and_reads_dct():
    doc = read_tml(sorted(DATA.glob("*.tml"))[0])
    assert "<" not in doc.text and doc.dct is not None
    assert doc.gold and doc.words > 100


def test_subset_halves_split_the_dev_files_only(tmp_path, monkeypatch):
    """--subset aquaint-a / -b: the two halves of the part's AQUAINT files, disjoint, together
    all of them, and never a held-out (odd-positioned) file; timebank keeps no AQUAINT file."""
    import tempeval
    for name in ("TimeBank", "AQUAINT"):
        (tmp_path / "tempeval3-tbaq" / name).mkdir(parents=True)
    names = [f"APW{n:02d}.tml" for n in range(10)]
    for n in names:
        (tmp_path / "tempeval3-tbaq" / "AQUAINT" / n).write_text("")
    (tmp_path / "tempeval3-tbaq" / "TimeBank" / "wsj_0001.tml").write_text("")
    monkeypatch.setattr(tempeval, "ROOT", tmp_path)
    timebank, aquaint = tempeval.SETS["tbaq"].collections
    dev = [p.name for p in aquaint.paths("dev")]
    assert dev == names[0::2]  # the even-positioned files
    a = [p.name for p in tempeval.subset_paths(aquaint, "dev", "aquaint-a")]
    b = [p.name for p in tempeval.subset_paths(aquaint, "dev", "aquaint-b")]
    assert a == ["APW00.tml", "APW04.tml", "APW08.tml"] and b == ["APW02.tml", "APW06.tml"]
    assert [p.name for p in tempeval.subset_paths(aquaint, "dev", "aquaint")] == dev
    assert tempeval.subset_paths(timebank, "dev", "aquaint") == []
    assert [p.name for p in tempeval.subset_paths(timebank, "dev", "timebank")] == ["wsj_0001.tml"]


def test_source_of_names_collection_and_agency():
    import tempeval
    timebank, aquaint = tempeval.SETS["tbaq"].collections
    assert tempeval.source_of(timebank, "wsj_0136") == "TimeBank WSJ"
    assert tempeval.source_of(timebank, "WSJ910225-0066") == "TimeBank WSJ"
    assert tempeval.source_of(aquaint, "NYT19981025.0188") == "AQUAINT NYT"


@pytest.mark.parametrize("subset", ["aquaint-c", "aquint", "wikiwars-"])
def test_an_unknown_subset_is_an_error_that_names_the_choices(subset, capsys):
    """Review s14 #6: --subset aquaint-c raised KeyError; a misspelt name scored no document."""
    import tempeval
    with pytest.raises(SystemExit) as e:
        tempeval.main(["--part", "dev", "--systems", "kerryview", "--subset", subset])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "aquaint-a" in err and "timebank" in err and "tweets-b" in err


def test_the_subset_choices_are_the_collections_and_their_halves():
    import tempeval
    assert tempeval.subset_choices(["tbaq"]) == ["timebank", "timebank-a", "timebank-b",
                                                 "aquaint", "aquaint-a", "aquaint-b"]
