"""Degree-preserving rewiring null model: seeded, degree-preserving, detects homophily."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pytest

from netkit.metrics import (
    assortativity_significance,
    ei_significance,
    mixing_significance,
    rewiring_null,
)
from netkit.metrics._graphs import igraph_seed


def homophilous() -> ig.Graph:
    with igraph_seed(0):
        g = ig.Graph.SBM([[0.25, 0.02], [0.02, 0.25]], [40, 40])
    g.vs["name"] = [f"n{i}" for i in range(80)]
    g.vs["sector"] = ["university"] * 40 + ["firm"] * 40
    return g


def test_null_graphs_keep_degrees_and_are_seeded():
    g = homophilous()
    deg = sorted(g.degree())

    def degrees(edges):
        return np.sort(np.bincount(edges.ravel(), minlength=g.vcount()))

    _, null = rewiring_null(g, degrees, n_samples=5, seed=1)
    assert (null == np.asarray(deg)).all()
    _, again = rewiring_null(g, lambda e: e.ravel()[:20].astype(float), n_samples=3, seed=1)
    _, same = rewiring_null(g, lambda e: e.ravel()[:20].astype(float), n_samples=3, seed=1)
    _, other = rewiring_null(g, lambda e: e.ravel()[:20].astype(float), n_samples=3, seed=2)
    assert np.array_equal(again, same) and not np.array_equal(again, other)


def test_homophily_is_significant():
    g = homophilous()
    ei = ei_significance(g, n_samples=60, seed=0)
    assert ei["observed"] < ei["null_mean"] and ei["z"] < -5
    assert ei["p_value"] == pytest.approx(1 / 61)
    r = assortativity_significance(g, n_samples=60, seed=0)
    assert r["z"] > 5 and r["observed"] > 0.5
    m = mixing_significance(g, n_samples=60, seed=0)
    assert m.loc[("firm", "university"), "z"] < -5
    assert m.loc[("university", "university"), "z"] > 5
    assert ((m["p_value"] > 0) & (m["p_value"] <= 1)).all()


def test_random_labels_are_not_significant():
    g = ig.Graph.Erdos_Renyi(80, 0.1)
    g.vs["name"] = list(range(80))
    rng = np.random.default_rng(0)
    g.vs["sector"] = rng.choice(["university", "firm"], 80).tolist()
    ei = ei_significance(g, n_samples=60, seed=0)
    assert abs(ei["z"]) < 3.5
