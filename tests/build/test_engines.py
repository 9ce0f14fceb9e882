"""Projection engines: memory and DuckDB give the tie table of ``edge_table`` (weights within
1e-9) on the synthetic medium ecosystem, on real samples and on corner cases; errors are clear.

The Spark engine is tested in ``test_engines_spark.py`` (it needs Java).
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

from netkit.build import (
    WEIGHTINGS,
    edge_table,
    graph_from_edge_table,
    org_graph,
    project,
    read_edge_table,
    write_edge_table,
)
from netkit.build.engines import ProjectionInput, choose_engine, projection_input
from netkit.cli import main
from netkit.datasets import synthetic_ecosystem
from netkit.errors import InputError, NetkitError, ParameterError

pytest.importorskip("duckdb")

INT_COLUMNS = ["count", "first_year", "last_year", "n_publication", "n_patent", "n_contract"]


def assert_same_ties(got: pd.DataFrame, ref: pd.DataFrame) -> None:
    """Same ties in the same order, same counts and years, weights within 1e-9."""
    assert list(got.columns) == list(ref.columns)
    assert got["source"].astype(str).tolist() == ref["source"].astype(str).tolist()
    assert got["target"].astype(str).tolist() == ref["target"].astype(str).tolist()
    for c in INT_COLUMNS:
        np.testing.assert_array_equal(got[c].to_numpy(np.int64), ref[c].to_numpy(np.int64),
                                      err_msg=c)
    np.testing.assert_allclose(got["weight"].to_numpy(), ref["weight"].to_numpy(),
                               rtol=0, atol=1e-9)


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_medium_ecosystem_duckdb_equals_edge_table(medium, tmp_path, weighting):
    corpus, folder = medium
    ref = edge_table(corpus, weighting=weighting)
    assert len(ref) > 50_000
    # the memory engine on a corpus folder is edge_table itself; on files it is tested below
    r = project(folder, tmp_path / "duckdb.parquet", engine="duckdb", weighting=weighting)
    assert (r.engine, r.ties, r.rows) == ("duckdb", len(ref), corpus.n_participations)
    assert_same_ties(read_edge_table(r.out), ref)


@pytest.mark.parametrize("weighting", WEIGHTINGS)
def test_real_samples_from_participation_files(real, tmp_path, weighting):
    corpus, folder = real
    ref = edge_table(corpus, weighting=weighting)
    assert len(ref) > 10_000
    for engine in ("memory", "duckdb"):
        r = project(folder, tmp_path / f"{engine}.parquet", engine=engine, weighting=weighting)
        assert_same_ties(read_edge_table(r.out), ref)


def test_known_answer_and_corner_cases(tmp_path, corner_rows):
    rows = corner_rows.copy()
    rows.to_parquet(tmp_path / "p.parquet")
    got = {e: read_edge_table(project(tmp_path / "p.parquet", tmp_path / f"{e}.parquet",
                                      engine=e, weighting="fractional").out)
           for e in ("memory", "duckdb")}
    for t in got.values():
        ab = t[(t["source"] == "a") & (t["target"] == "b")].iloc[0]
        # e1: a holds 1.0 of 2.0, b 1.0 of 2.0 -> 0.25; e2: 1/3 each -> 1/9; e5: 1/4
        assert ab["weight"] == pytest.approx(0.25 + 1 / 9 + 0.25, abs=1e-12)
        assert (ab["count"], ab["first_year"], ab["last_year"]) == (3, 2015, 2021)
        assert (ab["n_patent"], ab["n_publication"], ab["n_contract"]) == (1, 2, 0)
        bc = t[(t["source"] == "b") & (t["target"] == "c")].iloc[0]
        assert (bc["count"], bc["first_year"], bc["last_year"]) == (2, 2019, 2019)
        assert bc["weight"] == pytest.approx(1 / 9 + 2 / 8 * 6 / 8, abs=1e-12)
    assert_same_ties(got["duckdb"], got["memory"])


@pytest.mark.parametrize("weighting", WEIGHTINGS)
@pytest.mark.parametrize("level", ["org", "person"])
@pytest.mark.parametrize("filters", [{}, {"years": (2016, 2021)}, {"kinds": ["publication"]},
                                     {"max_event_size": 2}])
def test_corner_cases_match_edge_table(tmp_path, weighting, level, filters, corner_rows, corpus_of):
    rows = corner_rows.copy()
    rows.to_parquet(tmp_path / "p.parquet")
    ref = edge_table(corpus_of(rows), level, weighting, **filters)
    for engine in ("memory", "duckdb"):
        out = project(tmp_path / "p.parquet", tmp_path / f"{engine}.parquet", engine=engine,
                      level=level, weighting=weighting, **filters).out
        assert_same_ties(read_edge_table(out), ref)


def test_a_tie_without_any_year_has_minus_one(tmp_path, corner_rows):
    rows = corner_rows.copy()
    rows = rows[rows["event_id"] == "e3"]
    rows.to_parquet(tmp_path / "p.parquet")
    t = read_edge_table(project(tmp_path / "p.parquet", tmp_path / "t.parquet",
                                engine="duckdb").out)
    assert t[["first_year", "last_year"]].to_numpy().tolist() == [[-1, -1]]


def test_missing_columns_name_the_file(tmp_path):
    pd.DataFrame({"event_id": ["e"], "org_id": ["a"], "year": [2020]}).to_parquet(
        tmp_path / "bad.parquet")
    with pytest.raises(InputError, match=r"bad\.parquet.*missing column\(s\) kind"):
        project(tmp_path / "bad.parquet", tmp_path / "t.parquet", engine="duckdb")


def test_bad_input_errors(tmp_path, corner_rows):
    with pytest.raises(InputError, match="no corpus folder or Parquet"):
        projection_input(tmp_path / "nothing")
    (tmp_path / "x.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="not a Parquet file"):
        projection_input(tmp_path / "x.parquet")
    rows = corner_rows.copy().assign(kind="memo")
    rows.to_parquet(tmp_path / "k.parquet")
    for engine in ("memory", "duckdb"):
        with pytest.raises(InputError, match=r"unknown kind.*memo"):
            project(tmp_path / "k.parquet", tmp_path / "t.parquet", engine=engine)
    corner_rows.copy().drop(columns="person_id").to_parquet(tmp_path / "np.parquet")
    with pytest.raises(InputError, match="no person_id"):
        project(tmp_path / "np.parquet", tmp_path / "t.parquet", engine="duckdb", level="person")
    with pytest.raises(ParameterError, match="unknown engine 'polars'"):
        project(tmp_path / "np.parquet", tmp_path / "t.parquet", engine="polars")
    with pytest.raises(ParameterError, match="weighting"):
        project(tmp_path / "np.parquet", tmp_path / "t.parquet", weighting="cosine")


def test_auto_engine_follows_the_input_size():
    small = ProjectionInput("participations", ("p",), None, frozenset(), 1000, 0)
    big = ProjectionInput("participations", ("p",), None, frozenset(), 10**9, 0)
    assert choose_engine(small, memory=2**30) == "memory"
    assert choose_engine(big, memory=16 * 2**30) == "duckdb"


def test_duckdb_spills_within_a_small_memory_limit(medium, tmp_path):
    corpus, folder = medium
    spill = tmp_path / "spill"
    spill.mkdir()
    r = project(folder, tmp_path / "t.parquet", engine="duckdb", weighting="newman",
                memory_limit=64 * 2**20, threads=1, temp_dir=spill)
    assert_same_ties(read_edge_table(r.out), edge_table(corpus, weighting="newman"))
    assert list(spill.iterdir()) == []  # the spill folder is cleaned up


def test_graph_from_edge_table_is_org_graph(medium, tmp_path):
    corpus, folder = medium
    out = project(folder, tmp_path / "t.parquet", engine="duckdb", weighting="newman").out
    g = graph_from_edge_table(out, corpus, weighting="newman")
    h = org_graph(corpus, weighting="newman")
    assert g.vs["name"] == h.vs["name"]
    for attr in ("label", "sector", "country", "founded_year"):
        assert g.vs[attr] == h.vs[attr]
    assert g.get_edgelist() == h.get_edgelist()
    np.testing.assert_allclose(g.es["weight"], h.es["weight"], atol=1e-9, rtol=0)
    for attr in INT_COLUMNS:
        assert g.es[attr] == h.es[attr]
    assert g["weighting"] == "newman"


def test_write_and_read_edge_table_round_trip(medium, tmp_path):
    corpus, _ = medium
    ties = edge_table(corpus, weighting="association")
    assert_same_ties(read_edge_table(write_edge_table(ties, tmp_path / "t.parquet")), ties)
    pd.DataFrame({"source": ["a"]}).to_parquet(tmp_path / "bad.parquet")
    with pytest.raises(InputError, match="not a tie table"):
        read_edge_table(tmp_path / "bad.parquet")


def test_report_reads_a_tie_table(tmp_path):
    from netkit.report import write_report

    corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
    write_edge_table(edge_table(corpus, weighting="newman"), tmp_path / "ties.parquet")
    off = dict.fromkeys(["structure", "brokerage", "diffusion", "dynamics", "mobility",
                         "regions", "before_after"], False)
    cfg = {"title": "T", "seed": 1, "synthetic": {"size": "tiny"}, "analyses": off,
           "graph": {"weighting": "newman", "edges": str(tmp_path / "ties.parquet")}}
    out = write_report(cfg, tmp_path / "report")
    mine = (out / "graph.graphml").read_text()
    cfg["graph"].pop("edges")
    ref = (write_report(cfg, tmp_path / "ref") / "graph.graphml").read_text()
    assert mine == ref


def test_cli_project(medium, tmp_path, capsys):
    _, folder = medium
    out = tmp_path / "t.parquet"
    code = main(["project", str(folder), "--out", str(out), "--engine", "duckdb",
                 "--weighting", "fractional", "--years", "2012:2016",
                 "--kinds", "publication", "patent", "--memory-limit", "256MB"])
    assert code == 0, capsys.readouterr().err
    assert "ties to" in capsys.readouterr().out
    got = read_edge_table(out)
    corpus, _ = medium
    ref = edge_table(corpus, weighting="fractional", years=(2012, 2016),
                     kinds=["publication", "patent"])
    assert_same_ties(got, ref)


@pytest.mark.parametrize(("args", "message"), [
    (["--engine", "polars"], "unknown engine 'polars'"),
    (["--memory-limit", "lots"], "--memory-limit must look like"),
    (["--from", "openalex"], "--from openalex reads works snapshots on Spark"),
])
def test_cli_errors_are_one_line(medium, tmp_path, capsys, args, message):
    _, folder = medium
    code = main(["project", str(folder), "--out", str(tmp_path / "t.parquet"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_cli_missing_columns(tmp_path, capsys):
    pd.DataFrame({"event_id": ["e"], "org": ["a"]}).to_parquet(tmp_path / "p.parquet")
    code = main(["project", str(tmp_path / "p.parquet"), "--out", str(tmp_path / "t.parquet")])
    err = capsys.readouterr().err
    assert code == 2
    assert "p.parquet" in err and "missing column(s) org_id, year, kind" in err


def test_missing_extra_is_named(monkeypatch, tmp_path, corner_rows):
    corner_rows.copy().to_parquet(tmp_path / "p.parquet")
    monkeypatch.setitem(sys.modules, "duckdb", None)  # as if not installed
    with pytest.raises(NetkitError, match=r"pip install netkit\[scale\]"):
        project(tmp_path / "p.parquet", tmp_path / "t.parquet", engine="duckdb")
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(NetkitError, match=r"pip install netkit\[spark\]"):
        project(tmp_path / "p.parquet", tmp_path / "t.parquet", engine="spark")


def test_spark_without_java_says_so(monkeypatch, tmp_path, corner_rows):
    pytest.importorskip("pyspark")
    corner_rows.copy().to_parquet(tmp_path / "p.parquet")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(NetkitError, match="needs Java"):
        project(tmp_path / "p.parquet", tmp_path / "t.parquet", engine="spark")
