import json

import pandas as pd
import pytest

from netkit.viz.escape import csv_cell, json_for_script, markdown_cell


def test_json_for_script_round_trips_and_cannot_close_script(payloads):
    text = json_for_script({"p": payloads, "n": [1.5, float("nan"), None]})
    low = text.lower()
    assert "</script" not in low and "<!--" not in low and "<" not in text and ">" not in text
    assert "\u2028" not in text and "\u2029" not in text
    back = json.loads(text)
    assert back["p"] == payloads
    assert back["n"] == [1.5, None, None]


def test_json_for_script_numpy_and_na():
    import numpy as np

    assert json.loads(json_for_script({"a": np.arange(3), "b": np.float64(2.5),
                                       "c": pd.NA})) == {"a": [0, 1, 2], "b": 2.5, "c": None}


@pytest.mark.parametrize("value", ["a|b", "x\ny", "<script>", "[l](javascript:x)", "`c`"])
def test_markdown_cell_neutralises(value):
    cell = markdown_cell(value)
    assert "\n" not in cell and "<" not in cell
    # every pipe, bracket and backtick is escaped
    for ch in "|[]`":
        assert cell.count(ch) == cell.count("\\" + ch)


def test_markdown_cell_missing():
    assert markdown_cell(pd.NA) == "" and markdown_cell(float("nan")) == ""


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cell_formula(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["ACME", "", 3, -2.5, None])
def test_csv_cell_passthrough(value):
    assert csv_cell(value) == value
