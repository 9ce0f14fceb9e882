"""Centrality: parity with networkx, karate club, KADABRA against exact, conventions."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest
import scipy.stats as st

from netkit.metrics import (
    betweenness,
    closeness,
    degree,
    eigenvector,
    harmonic,
    pagerank,
    strength,
)

N_RANDOM = 100


def random_pair(seed: int, connected: bool = False) -> tuple[ig.Graph, nx.Graph]:
    """A small random graph with integer weights (ties in shortest paths on purpose)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 28))
    while True:
        p = rng.uniform(0.08, 0.5)
        mask = np.triu(rng.random((n, n)) < p, 1)
        u, v = np.nonzero(mask)
        g = ig.Graph(n=n, edges=list(zip(u.tolist(), v.tolist(), strict=True)))
        if not connected or g.is_connected():
            break
    g.vs["name"] = [f"v{i}" for i in range(n)]
    g.es["weight"] = rng.integers(1, 6, size=g.ecount()).astype(float).tolist()
    h = nx.Graph()
    h.add_nodes_from(g.vs["name"])
    h.add_weighted_edges_from((g.vs[e.source]["name"], g.vs[e.target]["name"], e["weight"])
                              for e in g.es)
    return g, h


def close(ours, ref: dict, tol: float = 1e-9) -> None:
    ref_arr = np.array([ref[k] for k in ours.index])
    np.testing.assert_allclose(ours.to_numpy(dtype=float), ref_arr, rtol=tol, atol=tol)


@pytest.mark.parametrize("seed", range(N_RANDOM))
def test_parity_with_networkx_on_random_weighted_graphs(seed):
    g, h = random_pair(seed)
    close(degree(g, normalized=True), nx.degree_centrality(h))
    close(strength(g), dict(h.degree(weight="weight")))
    close(betweenness(g, method="exact"), nx.betweenness_centrality(h))
    close(betweenness(g, "weight", invert=False, method="exact"),
          nx.betweenness_centrality(h, weight="weight"))
    # lengths 1/weight: weights that are powers of two keep path sums exact in floating point
    for e in h.edges(data=True):
        e[2]["p2"] = 2.0 ** (int(e[2]["weight"]) % 3)
    g.es["p2"] = [h[g.vs[e.source]["name"]][g.vs[e.target]["name"]]["p2"] for e in g.es]
    close(betweenness(g, "p2", normalized=False, method="exact"),
          nx.betweenness_centrality(h, weight=lambda u, v, d: 1 / d["p2"], normalized=False))
    close(closeness(g), nx.closeness_centrality(h))
    close(closeness(g, "weight", invert=False), nx.closeness_centrality(h, distance="weight"))
    close(harmonic(g, "weight", invert=False), nx.harmonic_centrality(h, distance="weight"))
    close(pagerank(g), nx.pagerank(h, weight="weight", tol=1e-15, max_iter=100_000))


@pytest.mark.parametrize("seed", range(N_RANDOM))
def test_eigenvector_parity_on_connected_graphs(seed):
    g, h = random_pair(seed, connected=True)
    close(eigenvector(g), nx.eigenvector_centrality_numpy(h, weight="weight"))
    close(eigenvector(g, None), nx.eigenvector_centrality_numpy(h))


def test_eigenvector_large_graph_uses_arpack_and_matches():
    g = ig.Graph.Barabasi(300, 3)
    g.vs["name"] = list(range(300))
    h = nx.Graph(g.get_edgelist())
    close(eigenvector(g, None), nx.eigenvector_centrality_numpy(h))


def test_karate_club_betweenness():
    h = nx.karate_club_graph()
    g = ig.Graph.Famous("Zachary")
    g.vs["name"] = list(range(34))
    close(betweenness(g), nx.betweenness_centrality(h))
    assert betweenness(g).idxmax() == 0 and betweenness(g).name == "betweenness"


def test_networkx_input_is_accepted():
    h = nx.karate_club_graph()
    assert degree(h).loc[33] == 17
    close(betweenness(h, method="exact"), nx.betweenness_centrality(h))


def test_kadabra_finds_the_exact_top_nodes():
    g = ig.Graph.Barabasi(1000, 3)
    g.vs["name"] = [f"n{i}" for i in range(g.vcount())]
    exact = betweenness(g, method="exact")
    approx = betweenness(g, method="kadabra", seed=1, epsilon=0.004)
    assert approx.attrs["method"] == "kadabra"
    top_exact = set(exact.nlargest(50).index)
    top_approx = set(approx.nlargest(50).index)
    assert len(top_exact & top_approx) >= 45
    assert st.spearmanr(exact, approx)[0] >= 0.9
    assert np.abs(approx - exact).max() < 0.02  # same (normalised) scale
    again = betweenness(g, method="kadabra", seed=1, epsilon=0.004)
    assert again.equals(approx)


def test_auto_method_switches_to_sampling_for_large_unweighted_graphs(monkeypatch):
    import netkit.metrics.centrality as c

    monkeypatch.setattr(c, "EXACT_BETWEENNESS_MAX_NODES", 10)
    g = ig.Graph.Ring(20)
    assert betweenness(g).attrs["method"] == "kadabra"
    g.es["weight"] = [1.0] * 20
    assert betweenness(g, "weight").attrs["method"] == "exact"


def test_conventions_isolates_loops_duplicates_disconnected():
    g = ig.Graph([(0, 1), (1, 2), (3, 4)], directed=False)
    g.add_vertices(1)  # vertex 5 is an isolate
    g.vs["name"] = list("abcdef")
    g.es["weight"] = [1.0, 2.0, 1.0]
    assert degree(g)["f"] == 0 and strength(g)["f"] == 0
    assert betweenness(g)["f"] == 0 and closeness(g)["f"] == 0 and harmonic(g)["f"] == 0
    # disconnected: closeness scaled by the component size (Wasserman–Faust)
    assert closeness(g)["d"] == pytest.approx(1.0 * 1 / 5)
    # self-loops ignored, duplicate edges merged with weights summed
    dup = g.copy()
    dup.add_edges([(0, 0), (1, 2)])
    dup.es[-2:]["weight"] = [7.0, 3.0]
    assert degree(dup).equals(degree(g))
    assert strength(dup)["c"] == 5.0
    merged = g.copy()
    merged.es[1]["weight"] = 5.0
    for f in (betweenness, closeness, harmonic):
        assert f(dup, "weight").equals(f(merged, "weight"))
    assert pagerank(dup).round(12).equals(pagerank(merged).round(12))
    # empty graph
    assert eigenvector(ig.Graph(n=3), None).round(6).tolist() == [0.57735] * 3


def test_source_sampling_is_unbiased_and_seeded(monkeypatch):
    import netkit.metrics.centrality as c

    g = ig.Graph.Barabasi(300, 3)
    exact = betweenness(g, method="exact")
    many = betweenness(g, method="sources", n_sources=3000, seed=1)
    top = exact.nlargest(20).index
    assert np.allclose(many[top], exact[top], rtol=0.15)
    few = betweenness(g, method="sources", n_sources=20, seed=4)
    assert few.equals(betweenness(g, method="sources", n_sources=20, seed=4))
    assert few.attrs == {"method": "sources", "n_sources": 20}
    monkeypatch.setattr(c, "EXACT_BETWEENNESS_MAX_NODES", 10)
    monkeypatch.setattr(c, "KADABRA_MAX_NODES", 100)
    assert betweenness(g).attrs["method"] == "sources"


@pytest.mark.parametrize("seed", range(10))
def test_pagerank_solvers_agree_above_the_arpack_size(seed, monkeypatch):
    import netkit.metrics.centrality as c

    g, h = random_pair(seed)
    ref = nx.pagerank(h, weight="weight", tol=1e-15, max_iter=100_000)
    monkeypatch.setattr(c, "_PAGERANK_ARPACK_MAX_NODES", 0)  # large graphs: PRPACK
    close(pagerank(g), ref)


def test_pagerank_is_bit_identical_across_calls():
    g, _ = random_pair(3)
    first = pagerank(g)
    for _ in range(5):
        assert pagerank(g).equals(first)


# -- issue 14, item 3: components that tie for the largest eigenvalue ------------------------
@pytest.mark.parametrize(("graph", "size"), [
    (ig.Graph.Full(3) + ig.Graph.Full(3), 6),  # dense path (< 50 vertices)
    (ig.Graph.Ring(30) + ig.Graph.Ring(30), 60),  # ARPACK path
    (ig.Graph.Full(3) + ig.Graph.Ring(100), 103),  # different components, same λ = 2
])
def test_eigenvector_tied_components_get_the_power_iteration_limit(graph, size):
    got = eigenvector(graph, None)
    h = nx.Graph(graph.get_edgelist())
    h.add_nodes_from(range(size))
    ref = nx.eigenvector_centrality(h, max_iter=10_000, tol=1e-12)  # power iteration, 1 start
    np.testing.assert_allclose(got.to_numpy(), [ref[i] for i in range(size)], atol=1e-6)
    assert got.attrs["tied_components"] == 2
    # the answer does not depend on the vertex order
    perm = list(range(size))[::-1]
    again = eigenvector(graph.permute_vertices(perm), None)
    np.testing.assert_allclose(np.sort(again.to_numpy()), np.sort(got.to_numpy()), atol=1e-12)


def test_eigenvector_untied_components_only_the_largest_radius():
    got = eigenvector(ig.Graph.Full(3) + ig.Graph.Full(4), None)
    assert got.round(12).tolist() == [0.0] * 3 + [0.5] * 4
    assert got.attrs["tied_components"] == 1


# -- issue 14, item 8: KADABRA's error on the scale it is stated on -------------------------
def test_kadabra_within_epsilon_on_the_stated_scale():
    """ε is stated on Borassi & Natale's scale b = normalised × (n − 2)/n; without netkit's
    correction of networkit's calibration-phase counts the top scores of this tree were
    ~1 % high, beyond ε in most seeds."""
    g = ig.Graph.Tree(3000, 3)
    n, eps, delta = g.vcount(), 0.005, 0.1
    exact = betweenness(g, method="exact")
    fails, bias = 0, []
    for seed in range(3):
        est = betweenness(g, method="kadabra", epsilon=eps, delta=delta, seed=seed)
        err = (est - exact).abs().max() * (n - 2) / n
        fails += err > eps
        bias.append(float(est @ exact / (exact @ exact)))
    assert fails <= 1  # each run holds with probability ≥ 1 − δ
    assert np.mean(bias) == pytest.approx(1.0, abs=0.004)
