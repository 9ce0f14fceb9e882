import igraph as ig
import numpy as np
import pytest

from netkit.build.backbone import backbone, disparity_pvalues
from netkit.errors import ParameterError


def _gnm(n, m, rng):
    """A G(n, m) random graph drawn with numpy's seeded generator (igraph's own is global)."""
    pairs = set()
    while len(pairs) < m:
        a, b = rng.integers(0, n, 2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return ig.Graph(n=n, edges=sorted((int(a), int(b)) for a, b in pairs))

def _random_weighted(n=60, m=300, seed=0):
    rng = np.random.default_rng(seed)
    g = _gnm(n, m, rng)
    g.es["weight"] = rng.pareto(1.5, g.ecount()) + 1.0
    return g


def test_disparity_matches_definition_loop():
    g = _random_weighted()
    got = disparity_pvalues(g)
    strength = g.strength(weights="weight")
    degree = g.degree()
    for e in g.es:
        alphas = []
        for node in e.tuple:
            k = degree[node]
            alphas.append((1 - e["weight"] / strength[node]) ** (k - 1) if k > 1 else 1.0)
        assert got[e.index] == pytest.approx(min(alphas))


def test_disparity_backbone_keeps_significant_edges():
    g = _random_weighted(seed=1)
    b = backbone(g, max_nodes=1000, alpha=0.2)
    p = disparity_pvalues(g)
    assert b.graph.ecount() == int((p < 0.2).sum())
    assert b.n_nodes_total == g.vcount() and "Left out" in b.description


def test_top_backbone_limits_nodes_by_metric():
    g = _random_weighted(n=100, m=600, seed=2)
    g.vs["name"] = [f"o{i:03d}" for i in range(100)]
    metric = np.arange(100, dtype=float)
    b = backbone(g, max_nodes=10, method="top", metric=metric, metric_name="m")
    assert b.vertex_ids.tolist() == list(range(90, 100))
    assert b.graph.vs["name"] == [f"o{i:03d}" for i in range(90, 100)]
    assert "10 organisations with the highest m" in b.description


def test_max_edges_keeps_strongest_and_no_isolates():
    g = _random_weighted(n=50, m=400, seed=3)
    b = backbone(g, max_nodes=50, method="top", max_edges=30)
    assert 30 <= b.graph.ecount() <= 30 + 50
    assert min(b.graph.degree()) >= 1
    top30 = np.sort(np.asarray(g.es["weight"]))[-30:]
    assert np.all(np.isin(top30, np.asarray(b.graph.es["weight"])))


def test_backbone_rejects_bad_parameters():
    g = _random_weighted()
    with pytest.raises(ParameterError):
        backbone(g, method="nope")
    with pytest.raises(ParameterError):
        backbone(g, alpha=0)


def test_disparity_cut_keeps_each_node_tied():
    g = _random_weighted(n=400, m=3000, seed=5)
    b = backbone(g, max_nodes=100, alpha=0.05)
    assert b.graph.vcount() == 100
    # every kept node that has any tie to another kept node keeps at least one
    sub_all = g.induced_subgraph(b.vertex_ids.tolist())
    has_any = np.asarray(sub_all.degree()) > 0
    assert np.all(np.asarray(b.graph.degree())[has_any] >= 1)
    p = disparity_pvalues(g)
    kept_sig = sum(1 for e in g.es if p[e.index] < 0.05
                   and e.source in set(b.vertex_ids) and e.target in set(b.vertex_ids))
    assert b.graph.ecount() >= kept_sig


def test_backbone_keeps_every_group():
    """A sector of small, weakly tied organisations does not vanish (issue 17)."""
    import igraph as ig
    import numpy as np

    from netkit.build.backbone import backbone

    rng = np.random.default_rng(1)
    g = ig.Graph.Lattice([20, 20], circular=False)
    g.es["weight"] = rng.integers(1, 20, g.ecount()).astype(float)
    # twenty startups, each with one weak tie to the core
    first = g.vcount()
    g.add_vertices(20)
    g.add_edges([(first + i, i) for i in range(20)])
    g.es[-20:]["weight"] = 1.0
    sector = np.array(["firm"] * first + ["startup"] * 20)
    plain = backbone(g, max_nodes=100)
    assert "startup" not in set(sector[plain.vertex_ids])
    kept = backbone(g, max_nodes=100, groups=sector, per_group=5)
    assert kept.graph.vcount() <= 100
    assert (sector[kept.vertex_ids] == "startup").sum() == 5
    assert min(kept.graph.degree()) >= 1
