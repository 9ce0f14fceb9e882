"""Burt's measures (Borgatti 1997, triangle, star, networkx parity), cut vertices and bridges,
participation coefficient, E–I index, and the planted brokers of the synthetic ecosystem."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from netkit.build import org_graph
from netkit.metrics import (
    articulation_points,
    betweenness,
    bridges,
    burt_measures,
    constraint,
    effective_size,
    ei_index,
    participation_coefficient,
)

# Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures", Connections 20(1)
BORGATTI_EDGES = {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
                  ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}


@pytest.fixture
def borgatti():
    h = nx.Graph()
    for (u, v), w in BORGATTI_EDGES.items():
        h.add_edge(u, v, weight=float(w))
    return h


def test_borgatti_unweighted(borgatti):
    c = constraint(borgatti, weight=None)
    assert c["G"] == pytest.approx(0.400, abs=1e-3)
    assert c["A"] == pytest.approx(0.595, abs=1e-3)
    assert c["C"] == pytest.approx(1.0)
    e = effective_size(borgatti, weight=None)
    assert e["G"] == pytest.approx(4.67, abs=1e-2)
    assert e["A"] == pytest.approx(2.50, abs=1e-2)
    assert e["C"] == pytest.approx(1.0)


def test_borgatti_weighted(borgatti):
    c = constraint(borgatti)
    assert c["G"] == pytest.approx(0.299, abs=1e-3)
    assert c["A"] == pytest.approx(0.795, abs=1e-3)
    assert c["C"] == pytest.approx(1.0)
    e = effective_size(borgatti)
    assert e["G"] == pytest.approx(5.47, abs=1e-2)
    assert e["A"] == pytest.approx(2.47, abs=1e-2)
    assert e["C"] == pytest.approx(1.0)


def test_triangle_and_star():
    tri = ig.Graph.Full(3)
    assert constraint(tri, None).tolist() == pytest.approx([1.125] * 3)
    assert effective_size(tri, None).tolist() == pytest.approx([1.0] * 3)
    for k in (2, 5, 9):
        star = ig.Graph.Star(k + 1)
        c, e = constraint(star, None), effective_size(star, None)
        assert c.iloc[0] == pytest.approx(1 / k) and e.iloc[0] == pytest.approx(k)
        assert np.allclose(c.iloc[1:], 1.0) and np.allclose(e.iloc[1:], 1.0)


def random_pair(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 30))
    g = ig.Graph.Erdos_Renyi(n, float(rng.uniform(0.05, 0.6)))
    g.vs["name"] = list(range(n))
    g.es["weight"] = rng.uniform(0.5, 5.0, size=g.ecount()).tolist()
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_weighted_edges_from((e.source, e.target, e["weight"]) for e in g.es)
    return g, h


def burt_effective_size(h: nx.Graph) -> dict:
    """e_i = sum_j (1 - sum_q p_iq m_jq), p by sum of i's weights, m by max of j's weights."""
    out = {}
    for i in h:
        if not h[i]:
            out[i] = float("nan")
            continue
        s_i = sum(d["weight"] for d in h[i].values())
        total = 0.0
        for j in h[i]:
            max_j = max(d["weight"] for d in h[j].values())
            red = sum(h[i][q]["weight"] / s_i * h[j][q]["weight"] / max_j
                      for q in h[i] if q != j and q in h[j])
            total += 1 - red
        out[i] = total
    return out


def assert_series_equal_dict(series, ref: dict) -> None:
    ours = series.to_numpy(dtype=float)
    theirs = np.array([ref[k] for k in series.index], dtype=float)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-9, equal_nan=True)


@pytest.mark.parametrize("seed", range(100))
def test_parity_with_networkx(seed):
    g, h = random_pair(seed)
    assert_series_equal_dict(constraint(g), nx.constraint(h, weight="weight"))
    assert_series_equal_dict(constraint(g, None), nx.constraint(h))
    # networkx 3.6's all-nodes weighted effective_size takes a dense shortcut that disagrees
    # with its own per-node definition (and with Borgatti's values); compare with the latter
    # (slow in networkx: small graphs only) and with Burt's formula written out
    ours = effective_size(g)
    if h.number_of_nodes() <= 12:
        assert_series_equal_dict(ours, nx.effective_size(h, weight="weight", nodes=list(h)))
    assert_series_equal_dict(ours, burt_effective_size(h))
    assert_series_equal_dict(effective_size(g, None), nx.effective_size(h))
    assert set(articulation_points(g).loc[lambda s: s].index) == set(nx.articulation_points(h))
    ours = {frozenset(p) for p in bridges(g).itertuples(index=False)}
    assert ours == {frozenset(p) for p in nx.bridges(h)}


def test_sparse_measures_scale_without_dense_matrices():
    g = ig.Graph.Barabasi(20_000, 3)
    g.es["weight"] = 1.0
    c = constraint(g)
    assert c.notna().all() and (c > 0).all()
    e = effective_size(g, None)
    deg = np.asarray(g.degree())
    assert (e.to_numpy() <= deg + 1e-9).all() and (e.to_numpy() >= 1 - 1e-9).all()


def test_conventions():
    g = ig.Graph([(0, 1), (1, 2), (0, 0), (1, 2)])
    g.add_vertices(1)
    g.vs["name"] = list("abcd")
    g.es["weight"] = [1.0, 1.0, 9.0, 1.0]
    c = constraint(g)
    assert np.isnan(c["d"]) and np.isnan(effective_size(g)["d"])  # isolate
    ref = ig.Graph([(0, 1), (1, 2)])
    ref.add_vertices(1)
    ref.vs["name"] = list("abcd")
    ref.es["weight"] = [1.0, 2.0]  # the loop dropped, the parallel edges summed
    assert constraint(g).equals(constraint(ref))
    assert effective_size(g).equals(effective_size(ref))
    assert not articulation_points(g)["d"] and articulation_points(g)["b"]
    assert bridges(g).values.tolist() == [["a", "b"], ["b", "c"]]


def test_participation_coefficient_by_hand():
    g = ig.Graph.Star(5)
    g.vs["name"] = list("habcd")
    g.vs["sector"] = ["firm", "university", "university", "firm", "startup"]
    g.add_vertices(1, {"name": "z", "sector": "firm"})
    pc = participation_coefficient(g)
    # hub: 2 of 4 ties to universities, 1 firm, 1 startup -> 1 - (1/4 + 1/16 + 1/16)
    assert pc["h"] == pytest.approx(1 - 0.25 - 0.0625 - 0.0625)
    assert pc["a"] == 0.0 and pc["z"] == 0.0
    g.es["weight"] = [3.0, 1.0, 1.0, 1.0]
    pcw = participation_coefficient(g, weight="weight")
    assert pcw["h"] == pytest.approx(1 - (4 / 6) ** 2 - (1 / 6) ** 2 - (1 / 6) ** 2)
    modules = {"h": 1, "a": 1, "b": 2, "c": 2, "d": 2, "z": 3}
    assert participation_coefficient(g, modules)["h"] == pytest.approx(1 - 0.25 ** 2 - 0.75 ** 2)


def test_ei_index_by_hand():
    g = ig.Graph([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)])
    g.vs["name"] = list("abcd")
    g.vs["sector"] = ["firm", "firm", "university", "university"]
    g.add_vertices(1, {"name": "e", "sector": "firm"})
    node = ei_index(g)
    # a: ties to b (I), d (E), c (E)
    assert node["a"] == pytest.approx((2 - 1) / 3)
    assert np.isnan(node["e"])
    # graph: E = 3 (b-c, d-a, a-c), I = 2 (a-b, c-d)
    assert ei_index(g, by="graph") == pytest.approx((3 - 2) / 5)
    grp = ei_index(g, by="group")
    assert grp["firm"] == pytest.approx((3 - 1) / 4)
    g.es["weight"] = [1.0, 1.0, 1.0, 1.0, 5.0]
    assert ei_index(g, weight="weight", by="graph") == pytest.approx((7 - 2) / 9)


def test_planted_brokers_are_cut_vertices_with_top_betweenness(small_ecosystem):
    corpus, truth = small_ecosystem
    g = org_graph(corpus)
    b = betweenness(g)
    top = set(b.nlargest(int(np.ceil(0.05 * len(b)))).index)
    assert set(truth.brokers) <= top
    ap = articulation_points(g)
    assert ap[truth.brokers].all()
    # each broker is the only tie between its island and the rest
    for broker, island in truth.islands.items():
        h = g.copy()
        h.delete_vertices(g.vs.find(name=broker).index)
        comp = h.connected_components().membership
        idx = {name: i for i, name in enumerate(h.vs["name"])}
        labels = {comp[idx[m]] for m in island}
        assert len(labels) == 1
        label = labels.pop()
        assert sum(1 for c in comp if c == label) == len(island)


@pytest.mark.parametrize("seed", range(20))
def test_triangle_listing_matches_networkx_for_any_block_size(seed):
    from netkit.metrics._graphs import adjacency, edge_cache, triangle_stream, triangles

    rng = np.random.default_rng(seed)
    g = ig.Graph.Erdos_Renyi(int(rng.integers(3, 40)), float(rng.uniform(0.05, 0.7)))
    a = adjacency(g, None)
    a.sort_indices()
    expected = {frozenset(c) for c in nx.enumerate_all_cliques(nx.Graph(g.get_edgelist()))
                if len(c) == 3}
    for budget in (1, 5, 2_000_000):
        tri = triangles(a, budget=budget)
        assert len(tri) == len(expected)
        assert {frozenset(t) for t in tri.tolist()} == expected
        # the tie ids of every block name the triangle's three ties, both entries of each
        stream = triangle_stream(a, budget)
        lo, hi = stream.ends()
        rows = np.repeat(np.arange(a.shape[0]), np.diff(a.indptr))
        for corners, ties in stream:
            for (x, y), col in (((0, 1), 0), ((0, 2), 1), ((1, 2), 2)):
                pair = {frozenset(p) for p in zip(corners[:, x], corners[:, y], strict=True)}
                assert pair == {frozenset(p) for p in zip(lo[ties[:, col]], hi[ties[:, col]],
                                                          strict=True)}
                f, b = stream.forward[ties[:, col]], stream.backward[ties[:, col]]
                assert (rows[f] == a.indices[b]).all() and (rows[b] == a.indices[f]).all()
    with edge_cache():  # one stream per pattern, whatever the weights
        first = triangle_stream(adjacency(g, np.arange(1.0, g.ecount() + 1)))
        assert triangle_stream(a) is first
        h = g.copy()
        if h.ecount():
            h.delete_edges([0])
        assert triangle_stream(adjacency(h, None)) is not first


def heavy_tailed_graph(n_orgs: int = 400, seed: int = 3) -> ig.Graph:
    from netkit.datasets import heavy_tailed_corpus

    g = org_graph(heavy_tailed_corpus(n_orgs, seed=seed, activity_exponent=1.2,
                                      size_exponent=2.5, max_event_size=12))
    return g


def test_heavy_tailed_graph_with_a_hub_matches_networkx():
    g = heavy_tailed_graph()
    deg = np.asarray(g.degree())
    assert deg.max() >= 50 and deg.max() > 10 * np.median(deg[deg > 0])  # a hub among many small
    h = nx.Graph()
    h.add_nodes_from(g.vs["name"])
    h.add_weighted_edges_from((g.vs[e.source]["name"], g.vs[e.target]["name"], e["weight"])
                              for e in g.es)
    both = burt_measures(g)
    assert_series_equal_dict(both["constraint"], nx.constraint(h, weight="weight"))
    assert_series_equal_dict(both["effective_size"], burt_effective_size(h))
    assert_series_equal_dict(constraint(g, None), nx.constraint(h))
    assert_series_equal_dict(effective_size(g, None), nx.effective_size(h))


@pytest.mark.parametrize("budget", [1, 7, 1000])
def test_blocked_burt_measures_equal_one_block(budget):
    g = heavy_tailed_graph()
    one = burt_measures(g, budget=10**12)
    blocked = burt_measures(g, budget=budget)
    np.testing.assert_allclose(blocked.to_numpy(), one.to_numpy(), rtol=1e-12, atol=1e-12,
                               equal_nan=True)
    assert constraint(g, budget=budget).equals(blocked["constraint"])
    assert effective_size(g, budget=budget).equals(blocked["effective_size"])


@pytest.mark.parametrize("budget", [0, -3, 2.5])
def test_budget_must_be_a_positive_integer(budget):
    from netkit.errors import ParameterError

    with pytest.raises(ParameterError, match="budget"):
        burt_measures(ig.Graph.Full(3), None, budget=budget)
