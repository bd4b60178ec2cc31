"""benchmarks/timex_proofread.py draws its proofreading sample from development data only:
never bpoil_reuters (our held-out Timeline17 folder) nor ECB+ topics 36-45."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
DATA = Path("/work/shared/data")
sys.path.insert(0, str(BENCH))


def test_the_folders_are_the_development_ones():
    import timex_proofread as tp
    assert "bpoil_reuters" not in tp.FOLDERS and len(tp.FOLDERS) == 10


@pytest.mark.skipif(not (DATA / "timeline17").is_dir(), reason="needs the shared data")
def test_the_sample_holds_no_held_out_document(capsys):
    import timex_proofread as tp
    tp.main(["--list", "--data", str(DATA)])
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert len(names) == 20
    assert all(n.split("/")[0] in tp.FOLDERS for n in names[:15])
    assert all(n.startswith("ecb") and int(n[3:].split("/")[0]) <= 35 for n in names[15:])
