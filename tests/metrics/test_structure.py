"""The structural set equals its metrics computed one by one (shared caches change nothing)."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from netkit.metrics import (
    articulation_points,
    betweenness,
    brokerage,
    burt_measures,
    ei_index,
    eigenvector,
    pagerank,
    participation_coefficient,
    strength,
)
from netkit.metrics.structure import structural_set


def test_structural_set_equals_the_metrics_one_by_one():
    rng = np.random.default_rng(5)
    g = ig.Graph.Erdos_Renyi(60, 0.12)
    g += ig.Graph.Full(4)  # a second component with triangles
    g.vs["name"] = [f"n{i:02d}" for i in range(g.vcount())]
    g.vs["sector"] = rng.choice(["university", "firm", "startup"], size=g.vcount()).tolist()
    g.es["weight"] = rng.integers(1, 5, size=g.ecount()).astype(float).tolist()
    out = structural_set(g, "sector", "weight", betweenness_method="exact")
    c, b = out["centrality"], out["bridging"]
    pd.testing.assert_series_equal(c["betweenness"], betweenness(g, method="exact"),
                                   check_names=False, check_index_type=False)
    for got, want in ((c["strength"], strength(g)), (c["eigenvector"], eigenvector(g)),
                      (c["pagerank"], pagerank(g)),
                      (b["participation_coefficient"], participation_coefficient(g, "sector")),
                      (b["ei_index"], ei_index(g, "sector"))):
        np.testing.assert_allclose(got.to_numpy(float), want.to_numpy(float), rtol=1e-12)
    burt = burt_measures(g)
    for col in ("constraint", "effective_size"):
        np.testing.assert_allclose(b[col].to_numpy(), burt[col].to_numpy(), rtol=1e-12)
    assert (b["articulation_point"] == articulation_points(g)).all()
    expected = brokerage(g, "sector")
    np.testing.assert_allclose(out["brokerage"].to_numpy(float), expected.to_numpy(float),
                               rtol=1e-12, equal_nan=True)
    assert list(c.index) == g.vs["name"]


def test_brokerage_from_triangle_blocks_equals_one_block():
    """Undirected brokerage streams the triangles: any block size gives the one-block counts."""
    from netkit.build import org_graph
    from netkit.datasets import heavy_tailed_corpus
    from netkit.metrics._graphs import TriangleStream, adjacency, groups
    from netkit.metrics.brokerage import _exclusive_counts, _role_counts

    g = org_graph(heavy_tailed_corpus(400, seed=3, activity_exponent=1.2, size_exponent=2.5,
                                      max_event_size=12))
    a = adjacency(g, None)
    a.sort_indices()
    codes, labels = groups(g, "sector")
    one = TriangleStream(a, budget=10**12)
    want = (*_role_counts(a, codes, len(labels), one), _exclusive_counts(a, codes, one))
    for budget in (1, 13, 500):
        blocks = TriangleStream(a, budget=budget)
        got = (*_role_counts(a, codes, len(labels), blocks), _exclusive_counts(a, codes, blocks))
        for x, y in zip(got, want, strict=True):
            np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-9)
    # and equal the directed path's (the symmetric digraph), which uses no triangles
    directed = (*_role_counts(a, codes, len(labels)), _exclusive_counts(a, codes))
    for x, y in zip(directed, want, strict=True):
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-9)
    assert want[0][:, 5].sum() > 0
