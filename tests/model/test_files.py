"""The one CSV writer and the one atomic writer (issue 13, items 7 and 8)."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from netkit.model.files import atomic_path, atomic_write_text, csv_text, write_csv

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _assert_neutral(text: str) -> None:
    for row in _cells(text):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            if cell.startswith("-"):
                float(cell)  # only numbers may start with a minus


def test_cells_headers_index_and_index_names_are_neutralised():
    df = pd.DataFrame({f: [f, "ok"] for f in FORMULAS[:4]},
                      index=pd.Index(["=idx", "fine"], name="@name"))
    df["n"] = [-1.5, 2.0]
    df["cat"] = pd.Categorical(["=c", "d"])
    text = csv_text(df)
    _assert_neutral(text)
    rows = _cells(text)
    assert rows[0] == ["'@name", "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "n", "cat"]
    assert rows[1] == ["'=idx", "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "-1.5", "'=c"]


def test_region_matrix_headers_and_multiindex():
    """A region x region matrix: both the column headers and the row labels come from data."""
    m = pd.DataFrame([[1, 2], [3, 4]], index=["=A", "B"], columns=["=A", "B"])
    _assert_neutral(csv_text(m))
    mi = pd.DataFrame({"v": [1, 2]}, index=pd.MultiIndex.from_tuples([("=s", "+t"), ("u", "v")],
                                                                      names=["@from", "to"]))
    text = csv_text(mi)
    _assert_neutral(text)
    assert _cells(text)[0] == ["'@from", "to", "v"]


def test_numbers_stay_numbers():
    df = pd.DataFrame({"x": [-1, 2], "y": [-0.25, 1e-12]})
    assert csv_text(df, index=False, float_format="%.10g") == "x,y\n-1,-0.25\n2,1e-12\n"


def test_write_csv_is_atomic_and_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"a": [1]}), target, index=False)
    before = target.read_bytes()

    def boom(self, *args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(OSError, match="disk full"):
        write_csv(pd.DataFrame({"a": [2]}), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_atomic_path_failure_leaves_nothing(tmp_path):
    target = tmp_path / "g.graphml"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("<graphml><half")
        raise RuntimeError("crash while writing")
    assert list(tmp_path.iterdir()) == []


def test_lone_surrogate_is_written_as_replacement_character(tmp_path):
    p = atomic_write_text(tmp_path / "x.txt", "a\ud800b")
    assert p.read_text(encoding="utf-8") == "a\ufffdb"
    p = write_csv(pd.DataFrame({"name": pd.Series(["x\udfffy"], dtype=object)}), tmp_path / "s.csv",
                  index=False)
    assert p.read_text(encoding="utf-8") == "name\nx\ufffdy\n"
