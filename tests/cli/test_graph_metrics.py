"""``netkit graph`` and ``netkit metrics`` end to end on a saved synthetic corpus."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from netkit.cli import main


@pytest.fixture(scope="module")
def corpus_dir(tiny_ecosystem, tmp_path_factory):
    corpus, _ = tiny_ecosystem
    return corpus.save(tmp_path_factory.mktemp("corpus") / "c")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "pajek", "vosviewer", "csv"])
def test_graph_writes_every_format(corpus_dir, tmp_path, fmt, capsys):
    out = tmp_path / f"g.{fmt}"
    assert main(["graph", str(corpus_dir), "--out", str(out), "--format", fmt,
                 "--weighting", "newman", "--years", "2012:"]) == 0
    assert out.stat().st_size > 0
    assert "nodes" in capsys.readouterr().out


def test_graph_options_reach_the_graph(corpus_dir, tmp_path):
    out = tmp_path / "p.graphml"
    assert main(["graph", str(corpus_dir), "--out", str(out), "--level", "person",
                 "--kinds", "publication"]) == 0
    h = nx.read_graphml(out)
    assert all(str(n).startswith("n") for n in h.nodes)
    assert {d["name"][:4] for _, d in h.nodes(data=True)} == {"per:"}


def test_bad_years_exit_2(corpus_dir, tmp_path, capsys):
    assert main(["graph", str(corpus_dir), "--out", str(tmp_path / "g.gexf"),
                 "--years", "2020:2010"]) == 2
    assert "first year is after the last" in capsys.readouterr().err
    assert main(["graph", str(corpus_dir), "--out", str(tmp_path / "g.txt")]) == 2


def test_metrics_writes_one_csv_per_family(corpus_dir, tmp_path):
    out = tmp_path / "m"
    assert main(["metrics", str(corpus_dir), "--out", str(out), "--null", "10"]) == 0
    names = {p.stem for p in out.glob("*.csv")}
    assert names == {"centrality", "bridging", "brokerage", "communities", "mixing",
                     "triple_helix", "significance"}
    cent = pd.read_csv(out / "centrality.csv", index_col=0)
    assert {"degree", "betweenness", "pagerank"} <= set(cent.columns)
    assert cent.index.str.startswith("org:").all()
    assert "z_liaison" in pd.read_csv(out / "brokerage.csv", index_col=0).columns


def test_graph_with_no_matching_events_exits_2(corpus_dir, tmp_path, capsys):
    """Issue 14, item 11: an empty graph is not written silently."""
    out = tmp_path / "empty.graphml"
    assert main(["graph", str(corpus_dir), "--out", str(out), "--years", "2030:2040"]) == 2
    err = capsys.readouterr().err
    assert "no org matches the filters" in err and "--years" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()
