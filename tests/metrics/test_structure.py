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
