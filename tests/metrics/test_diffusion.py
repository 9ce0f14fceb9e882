"""Weighted IC / SI Monte-Carlo: exact cases, the analytical cascade size on trees, parity."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from netkit.errors import EmptyGraphError, ParameterError
from netkit.metrics.diffusion import (
    global_efficiency,
    simulate_diffusion,
    transmission_probability,
)


def _named(g: ig.Graph) -> ig.Graph:
    g.vs["name"] = [f"v{i:03d}" for i in range(g.vcount())]
    return g


MODELS = [("si", "auto"), ("ic", "attempts"), ("ic", "live")]


@pytest.mark.parametrize(("model", "engine"), MODELS)
def test_path_beta_one_exact_arrivals(model, engine):
    g = _named(ig.Graph([(i, i + 1) for i in range(6)]))
    r = simulate_diffusion(g, ["v002"], model=model, beta=1.0, weight=None, runs=5, seed=3,
                           keep_arrivals=True, engine=engine)
    expected = np.abs(np.arange(7) - 2)
    assert (r.arrivals == expected).all()
    assert r.counts.tolist() == [[1, 2, 2, 1, 1]] * 5
    assert r.n_reachable == 7


@pytest.mark.parametrize(("model", "engine"), MODELS)
def test_star_beta_one_exact_arrivals(model, engine):
    g = _named(ig.Graph.Star(8))
    hub = simulate_diffusion(g, ["v000"], model=model, beta=1.0, weight=None, runs=2, seed=0,
                             keep_arrivals=True, engine=engine)
    assert hub.arrivals.tolist() == [[0] + [1] * 7] * 2
    leaf = simulate_diffusion(g, ["v003"], model=model, beta=1.0, weight=None, runs=2, seed=0,
                              keep_arrivals=True, engine=engine)
    expected = [1, 2, 2, 0, 2, 2, 2, 2]
    assert leaf.arrivals.tolist() == [expected] * 2
    t = leaf.time_to([0.25, 0.5, 1.0])
    assert t["median"].tolist() == [1.0, 2.0, 2.0]


def test_beta_one_matches_bfs_distances_on_random_graph():
    g = _named(ig.Graph.Erdos_Renyi(n=300, m=600))
    g.es["weight"] = [1.0] * g.ecount()
    seeds = [0, 17, 42]
    dist = np.asarray(g.distances(source=seeds)).min(axis=0)
    expected = np.where(np.isfinite(dist), dist, -1).astype(int)
    for model, engine in MODELS:
        r = simulate_diffusion(g, [f"v{i:03d}" for i in seeds], model=model, beta=1.0, runs=3, seed=1, keep_arrivals=True,
                               engine=engine)
        assert (r.arrivals == expected).all()
        assert r.n_reachable == int((expected >= 0).sum())


def _tree_expected_size(tree: ig.Graph, p: np.ndarray, root: int) -> tuple[float, np.ndarray]:
    """E[cascade size] = Σ_v Π_{e on root→v} p_e (each edge tried once, independently)."""
    probs = np.ones(tree.vcount())
    order, _, parents = tree.bfs(root)
    for v in order[1:]:
        probs[v] = probs[parents[v]] * p[tree.get_eid(parents[v], v)]
    return probs.sum(), probs


@pytest.mark.parametrize("engine", ["attempts", "live"])
def test_ic_on_tree_matches_analytical_expected_size(engine):
    rng = np.random.default_rng(5)
    tree = _named(ig.Graph.Tree_Game(40))
    tree.es["weight"] = rng.integers(1, 4, tree.ecount()).astype(float).tolist()
    beta = 0.45
    p = transmission_probability(tree.es["weight"], beta)
    expected, node_probs = _tree_expected_size(tree, p, root=0)
    runs = 20_000
    r = simulate_diffusion(tree, ["v000"], beta=beta, runs=runs, seed=11, engine=engine)
    sizes = r.final_size
    se = sizes.std(ddof=1) / np.sqrt(runs)
    assert abs(sizes.mean() - expected) < 4 * se
    # per node: adoption probability = product of the transmission probabilities on the path
    se_node = np.sqrt(node_probs * (1 - node_probs) / runs) + 1e-9
    assert (np.abs(r.nodes["p_adopt"].to_numpy() - node_probs) < 5 * se_node + 1e-12).all()


def test_si_delay_is_geometric():
    g = _named(ig.Graph([(0, 1)]))
    g.es["weight"] = [1.0]
    r = simulate_diffusion(g, ["v000"], model="si", beta=0.25, runs=20_000, seed=2,
                           keep_arrivals=True)
    delays = r.arrivals[:, 1]
    assert (delays >= 1).all()
    assert abs(delays.mean() - 4.0) < 4 * np.sqrt(0.75 / 0.25**2 / 20_000)
    # SI always reaches the whole reachable network
    assert (r.final_size == 2).all()


def test_engines_agree_on_a_random_graph():
    """Both IC engines estimate the same adoption probabilities (directed graph too)."""
    rng = np.random.default_rng(1)
    for directed in (False, True):
        g = _named(ig.Graph.Erdos_Renyi(n=200, m=600, directed=directed))
        g.es["weight"] = rng.integers(1, 4, g.ecount()).astype(float).tolist()
        a = simulate_diffusion(g, ["v000", "v001"], beta=0.25, runs=3000, seed=1, engine="attempts")
        b = simulate_diffusion(g, ["v000", "v001"], beta=0.25, runs=3000, seed=2, engine="live")
        pa, pb = a.nodes["p_adopt"].to_numpy(), b.nodes["p_adopt"].to_numpy()
        se = np.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 3000) + 1e-3
        assert (np.abs(pa - pb) < 5 * se).all()
        ca, cb = a.adoption_curve()["mean"], b.adoption_curve()["mean"]
        k = min(len(ca), len(cb), 6)
        np.testing.assert_allclose(ca.iloc[:k], cb.iloc[:k], atol=0.02)


def test_auto_engine_switches_to_live_edges_for_large_cascades():
    g = _named(ig.Graph.Erdos_Renyi(n=2000, m=8000))
    g.es["weight"] = [1.0] * g.ecount()
    big = simulate_diffusion(g, ["v000"], beta=0.6, runs=40, seed=0, batch_size=10)
    live = simulate_diffusion(g, ["v000"], beta=0.6, runs=40, seed=0, batch_size=10, engine="live")
    assert big.final_size.mean() == pytest.approx(live.final_size.mean(), rel=0.05)
    with pytest.raises(ParameterError):
        simulate_diffusion(g, ["v000"], engine="fast")


def test_weights_raise_transmission():
    assert transmission_probability([1, 3], 0.2).round(6).tolist() == [0.2, round(1 - 0.8**3, 6)]
    g = _named(ig.Graph.Star(200))
    g.es["weight"] = [1.0] * 100 + [4.0] * 99
    r = simulate_diffusion(g, ["v000"], beta=0.2, runs=400, seed=4)
    light, heavy = r.nodes["p_adopt"].to_numpy()[1:101], r.nodes["p_adopt"].to_numpy()[101:]
    assert abs(light.mean() - 0.2) < 0.02
    assert abs(heavy.mean() - (1 - 0.8**4)) < 0.02


def test_sector_seeds_and_first_arrival():
    g = _named(ig.Graph([(0, 1), (1, 2), (2, 3), (3, 4)]))
    g.vs["sector"] = ["university", "firm", "university", "firm", "startup"]
    r = simulate_diffusion(g, "university", model="si", beta=1.0, weight=None, runs=4, seed=0)
    assert sorted(r.seeds) == ["v000", "v002"]
    fa = r.first_arrival_summary()
    assert fa.loc["firm", "median"] == 1
    assert fa.loc["startup", "median"] == 2
    assert np.isnan(fa.loc["university", "median"])  # every university is a seed
    assert fa.loc["startup", "runs_reached"] == 1.0


def test_reproducible_and_independent_of_jobs():
    g = _named(ig.Graph.Erdos_Renyi(n=400, m=1600))
    g.es["weight"] = [1.0] * g.ecount()
    a = simulate_diffusion(g, ["v000"], beta=0.3, runs=60, seed=9, batch_size=16)
    b = simulate_diffusion(g, ["v000"], beta=0.3, runs=60, seed=9, batch_size=16, n_jobs=2)
    assert a.final_size.mean() > 100  # large cascades: the live-edge engine after the pilot
    c = simulate_diffusion(g, ["v000"], beta=0.3, runs=60, seed=10, batch_size=16)
    assert np.array_equal(a.counts, b.counts)
    assert not np.array_equal(a.counts, c.counts)


def test_adoption_curve_bands_are_ordered_and_monotone():
    g = _named(ig.Graph.Erdos_Renyi(n=300, m=900))
    g.es["weight"] = [1.0] * g.ecount()
    r = simulate_diffusion(g, ["v000", "v001"], beta=0.3, runs=200, seed=1)
    curve = r.adoption_curve()
    assert (np.diff(curve["mean"].to_numpy()) >= -1e-12).all()
    assert (curve["p5"] <= curve["p50"]).all() and (curve["p50"] <= curve["p95"]).all()
    assert curve["mean"].iloc[-1] <= 1.0 + 1e-12
    t = r.time_to()
    assert (t["median"].dropna().diff().dropna() >= 0).all()


def test_networkx_input_and_errors():
    h = nx.path_graph(["a", "b", "c"])
    r = simulate_diffusion(h, ["a"], model="si", beta=1.0, weight=None, runs=1, seed=0,
                           keep_arrivals=True)
    assert r.arrivals.tolist() == [[0, 1, 2]]
    with pytest.raises(ParameterError):
        simulate_diffusion(h, ["zzz"], weight=None)
    with pytest.raises(ParameterError):
        simulate_diffusion(h, ["a"], model="sir", weight=None)
    with pytest.raises(ParameterError):
        simulate_diffusion(h, ["a"], beta=1.5, weight=None)
    with pytest.raises(EmptyGraphError):
        simulate_diffusion(ig.Graph(), [0])


def test_global_efficiency_matches_networkx():
    g = ig.Graph.Erdos_Renyi(n=120, m=200)  # usually disconnected
    h = nx.Graph(g.get_edgelist())
    h.add_nodes_from(range(g.vcount()))
    assert global_efficiency(g, block=17) == pytest.approx(nx.global_efficiency(h))
    rng = np.random.default_rng(0)
    g.es["length"] = rng.uniform(0.5, 3, g.ecount()).tolist()
    for (u, v), w in zip(g.get_edgelist(), g.es["length"], strict=True):
        h[u][v]["length"] = w
    lengths = dict(nx.all_pairs_dijkstra_path_length(h, weight="length"))
    n = g.vcount()
    expected = sum(1 / d for u in lengths for v, d in lengths[u].items() if u != v) / (n * (n - 1))
    assert global_efficiency(g, weights="length") == pytest.approx(expected)


def test_cli_diffusion_writes_tables(tmp_path, tiny_ecosystem, capsys):
    import json

    from netkit.cli import main

    corpus, _ = tiny_ecosystem
    corpus.save(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["diffusion", str(tmp_path / "corpus"), "--seeds", "university", "--runs", "50",
                 "--out", str(out), "--efficiency"]) == 0
    for name in ("adoption_curve", "time_to", "first_arrival", "nodes", "temporal_latency"):
        assert (out / f"{name}.csv").is_file(), name
    summary = json.loads((out / "summary.json").read_text())
    n_univ = int((corpus.organizations["sector"] == "university").sum())
    assert summary["n_seeds"] == n_univ and summary["runs"] == 50
    assert 0 < summary["global_efficiency"] <= 1
    assert "seeds reach" in capsys.readouterr().out
    assert main(["diffusion", str(tmp_path / "corpus"), "--seeds", "org:nope", "--out",
                 str(out)]) == 2


# -- issue 14, item 2: seeds are node keys, never vertex positions ---------------------------
def test_integer_seeds_are_node_keys_not_positions():
    h = nx.Graph()
    h.add_nodes_from([2, 0, 1])
    h.add_edges_from([(2, 0), (0, 1)])
    for seeds in (1, [1]):  # a scalar key works too
        r = simulate_diffusion(h, seeds, model="si", beta=1.0, weight=None, runs=2, seed=0)
        assert r.seeds == [1]
        assert r.nodes.index.tolist() == [2, 0, 1]  # the caller's keys, not str
        assert r.nodes["mean_step"].tolist() == [2.0, 1.0, 0.0]


def test_unknown_seed_key_is_a_clear_error():
    g = _named(ig.Graph([(0, 1)]))
    with pytest.raises(ParameterError, match="unknown seed nodes"):
        simulate_diffusion(g, [0], weight=None, runs=2)  # 0 is not a name here
    with pytest.raises(ParameterError, match="unknown seed nodes"):
        simulate_diffusion(g, "v999", weight=None, runs=2)


def test_tuple_node_keys_as_seeds():
    h = nx.grid_2d_graph(2, 3)
    r = simulate_diffusion(h, (0, 0), model="si", beta=1.0, weight=None, runs=2, seed=0)
    assert r.seeds == [(0, 0)]
    assert r.nodes.loc[[(0, 0), (1, 2)], "mean_step"].tolist() == [0.0, 3.0]
    r = simulate_diffusion(h, [(0, 0), (1, 2)], model="si", beta=1.0, weight=None, runs=2)
    assert r.seeds == [(0, 0), (1, 2)]
