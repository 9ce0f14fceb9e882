"""Exports are readable by other tools and keep the graph; conversion is lossless."""

from __future__ import annotations

import itertools
import json
import math

import igraph as ig
import networkx as nx
import pytest

from netkit.build import (
    export,
    from_networkx,
    layers,
    org_graph,
    slices,
    to_networkx,
    write_gexf,
    write_vosviewer_txt,
)
from netkit.errors import ParameterError


@pytest.fixture(scope="module")
def graph(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    g = org_graph(corpus)
    g.vs[0]["label"] = 'Univ "Ä" <b>&amp;</b>'  # hostile label survives every writer
    return g


def same_graph(a: ig.Graph, b: ig.Graph) -> None:
    assert a.vs["name"] == b.vs["name"]
    assert sorted(a.vs.attributes()) == sorted(b.vs.attributes())
    for attr in a.vs.attributes():
        for x, y in zip(a.vs[attr], b.vs[attr], strict=True):
            assert x == y or (isinstance(x, float) and math.isnan(x) and math.isnan(y))
    ea = {(a.vs[e.source]["name"], a.vs[e.target]["name"]): e.attributes() for e in a.es}
    eb = {(b.vs[e.source]["name"], b.vs[e.target]["name"]): e.attributes() for e in b.es}
    assert ea == eb
    assert {k: a[k] for k in a.attributes()} == {k: b[k] for k in b.attributes()}


def test_networkx_round_trip_is_lossless(graph):
    h = to_networkx(graph)
    assert h.number_of_nodes() == graph.vcount() and h.number_of_edges() == graph.ecount()
    assert h.graph["level"] == "org"
    back = from_networkx(h)
    same_graph(graph, back)
    assert back.get_edgelist() == graph.get_edgelist()  # canonical edge order kept


def test_from_networkx_multigraph_and_directed():
    m = nx.MultiGraph([("a", "b"), ("a", "b")])
    assert from_networkx(m).ecount() == 2
    d = nx.DiGraph([("b", "a")])
    g = from_networkx(d)
    assert g.is_directed() and g.get_edgelist() == [(0, 1)]
    same_graph(from_networkx(to_networkx(g)), g)


def test_graphml_is_read_back_by_networkx(graph, tmp_path):
    path = export(graph, tmp_path / "g.graphml")
    h = nx.read_graphml(path)
    assert h.number_of_edges() == graph.ecount()
    names = dict(h.nodes(data="name"))
    assert sorted(names.values()) == sorted(graph.vs["name"])
    assert 'Univ "Ä" <b>&amp;</b>' in dict(h.nodes(data="label")).values()


def test_gexf_has_timeline_and_is_read_by_networkx(graph, tmp_path):
    path = write_gexf(graph, tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="integer"' in text
    h = nx.read_gexf(path)
    assert h.number_of_nodes() == graph.vcount() and h.number_of_edges() == graph.ecount()
    e = graph.es[0]
    u, v = graph.vs[e.source]["name"], graph.vs[e.target]["name"]
    data = h[u][v]
    assert data["start"] == e["first_year"] and data["end"] == e["last_year"]
    assert data["weight"] == e["weight"] and data["count"] == e["count"]
    assert h.nodes[graph.vs[0]["name"]]["label"] == 'Univ "Ä" <b>&amp;</b>'
    assert write_gexf(graph, tmp_path / "again.gexf").read_bytes() == path.read_bytes()


def test_pajek_is_read_by_networkx(graph, tmp_path):
    path = export(graph, tmp_path / "g.net")
    h = nx.read_pajek(path)
    assert h.number_of_nodes() == graph.vcount()
    assert nx.Graph(h).number_of_edges() == graph.ecount()


def test_vosviewer_json_and_txt(graph, tmp_path):
    doc = json.loads(export(graph, tmp_path / "g.json").read_text(encoding="utf-8"))
    items, links = doc["network"]["items"], doc["network"]["links"]
    assert len(items) == graph.vcount() and len(links) == graph.ecount()
    assert {i["id"] for i in items} == set(range(1, graph.vcount() + 1))
    assert items[0]["weights"]["Links"] == graph.degree(0)
    sectors = sorted(set(graph.vs["sector"]))
    assert items[0]["cluster"] == sectors.index(graph.vs[0]["sector"]) + 1
    m, n = write_vosviewer_txt(graph, tmp_path / "map.txt", tmp_path / "net.txt")
    assert m.read_text().splitlines()[0].split("\t")[:3] == ["id", "label", "cluster"]
    assert len(n.read_text().splitlines()) == graph.ecount()


def test_edgelist_csv(graph, tmp_path):
    import pandas as pd

    frame = pd.read_csv(export(graph, tmp_path / "e.csv"))
    assert list(frame.columns[:3]) == ["source", "target", "weight"]
    assert len(frame) == graph.ecount()
    assert set(frame["source"]) | set(frame["target"]) <= set(graph.vs["name"])


def test_export_rejects_unknown_formats(graph, tmp_path):
    with pytest.raises(ParameterError):
        export(graph, tmp_path / "g.xyz")
    with pytest.raises(ParameterError):
        export(graph, tmp_path / "g.graphml", "dot")


def test_layers_sum_to_combined(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    by_kind = layers(corpus)
    combined = by_kind.pop("combined")
    total = {}
    for kind, g in by_kind.items():
        assert g["layer"] == kind
        for e in g.es:
            key = (g.vs[e.source]["name"], g.vs[e.target]["name"])
            assert e["count"] == e[f"n_{kind}"]
            total[key] = total.get(key, 0) + e["count"]
    got = {(combined.vs[e.source]["name"], combined.vs[e.target]["name"]): e["count"]
           for e in combined.es}
    assert got == total


def test_slices_cover_windows(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    years = corpus.events["year"].dropna()
    s = slices(corpus, window=3, step=2)
    keys = list(s)
    assert keys[0][0] == years.min() and all(b - a == 2 for a, b in keys)
    assert all(k2[0] - k1[0] == 2 for k1, k2 in itertools.pairwise(keys))
    a, b = keys[1]
    g = s[keys[1]]
    assert g.ecount() == org_graph(corpus, years=(a, b)).ecount()
    assert all(a <= y <= b for y in g.es["first_year"])
    with pytest.raises(ParameterError):
        slices(corpus, window=0)
