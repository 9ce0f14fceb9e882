"""Leiden: deterministic, seeded, finds planted blocks; modularity equals networkx."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from netkit.metrics import leiden, modularity
from netkit.metrics._graphs import igraph_seed


def planted() -> ig.Graph:
    with igraph_seed(0):
        g = ig.Graph.SBM([[0.4, 0.01, 0.01], [0.01, 0.4, 0.01], [0.01, 0.01, 0.4]],
                         [40, 40, 40])
    g.vs["name"] = [f"n{i:03d}" for i in range(120)]
    g.es["weight"] = 1.0
    return g


def test_leiden_finds_planted_blocks_and_is_deterministic():
    import random

    random.seed(5)
    ig.set_random_number_generator(random)
    g = planted()
    a = leiden(g)
    b = leiden(g)
    assert a.equals(b) and a.name == "community"
    blocks = np.repeat([0, 1, 2], 40)
    for k in range(3):
        assert len(set(a.to_numpy()[blocks == k])) == 1
    assert a.nunique() == 3
    assert a.attrs["modularity"] == pytest.approx(modularity(g, a))
    # canonical labels: by decreasing size, then first vertex
    assert a.iloc[0] == 0


def test_leiden_seed_and_resolution():
    g = ig.Graph.Erdos_Renyi(150, 0.05)
    g.vs["name"] = list(range(150))
    runs = {tuple(leiden(g, None, seed=s)) for s in range(4)}
    assert len(runs) >= 1
    assert leiden(g, None, seed=3).equals(leiden(g, None, seed=3))
    fine = leiden(g, None, resolution=3.0, seed=0).nunique()
    coarse = leiden(g, None, resolution=0.3, seed=0).nunique()
    assert fine > coarse


def test_isolates_are_their_own_community():
    g = ig.Graph([(0, 1)])
    g.add_vertices(2)
    c = leiden(g, None)
    assert c.iloc[2] != c.iloc[3] and c.iloc[0] == c.iloc[1]


@pytest.mark.parametrize("seed", range(100))
def test_modularity_matches_networkx(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 30))
    g = ig.Graph.Erdos_Renyi(n, float(rng.uniform(0.1, 0.5)))
    if g.ecount() == 0:
        return
    g.vs["name"] = list(range(n))
    g.es["weight"] = rng.uniform(0.5, 3, g.ecount()).tolist()
    labels = rng.integers(0, 3, n)
    h = nx.Graph()
    h.add_nodes_from(range(n))
    h.add_weighted_edges_from((e.source, e.target, e["weight"]) for e in g.es)
    parts = [set(np.flatnonzero(labels == k).tolist()) for k in range(3)]
    parts = [p for p in parts if p]
    assert modularity(g, labels.tolist()) == pytest.approx(
        nx.community.modularity(h, parts, weight="weight"), abs=1e-9)
    assert modularity(g, labels.tolist(), weight=None, resolution=0.5) == pytest.approx(
        nx.community.modularity(h, parts, weight=None, resolution=0.5), abs=1e-9)


# -- issue 14, item 6: modularity reported at the resolution used ---------------------------
def test_leiden_modularity_is_at_the_resolution_used():
    h = nx.les_miserables_graph()
    for gamma in (0.5, 1.0, 2.0):
        part = leiden(h, weight=None, resolution=gamma, seed=0)
        assert part.attrs["resolution"] == gamma
        assert part.attrs["modularity"] == pytest.approx(
            modularity(h, part, weight=None, resolution=gamma))
    part = leiden(h, weight=None, resolution=2.0, seed=0)
    assert part.attrs["modularity"] < modularity(h, part, weight=None)  # not γ = 1's value
