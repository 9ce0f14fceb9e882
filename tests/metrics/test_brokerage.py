"""Gould–Fernandez brokerage: one hand-counted graph per role, brute-force parity,
expectations (by hand and by simulation), undirected convention."""

from __future__ import annotations

import itertools

import igraph as ig
import numpy as np
import pytest

from netkit.metrics import ROLES, brokerage
from netkit.metrics.brokerage import _moments


def path(sectors, directed=True, extra=()):
    g = ig.Graph([(0, 1), (1, 2), *extra], directed=directed)
    g.vs["name"] = ["a", "b", "c"]
    g.vs["sector"] = sectors
    return g


@pytest.mark.parametrize(("sectors", "role"), [
    (["firm", "firm", "firm"], "coordinator"),
    (["university", "firm", "university"], "itinerant"),
    (["firm", "firm", "university"], "representative"),
    (["university", "firm", "firm"], "gatekeeper"),
    (["university", "firm", "startup"], "liaison"),
])
def test_one_directed_path_per_role(sectors, role):
    r = brokerage(path(sectors))
    expected = dict.fromkeys(ROLES, 0.0)
    expected[role] = 1.0
    assert r.loc["b", list(ROLES)].to_dict() == expected
    assert r.loc["b", "total"] == 1.0
    assert r.loc[["a", "c"], [*ROLES, "total"]].to_numpy().sum() == 0


def test_closed_triads_and_reciprocated_ties_broker_nothing():
    closed = brokerage(path(["firm"] * 3, extra=[(0, 2)]))
    assert closed["total"].sum() == 0
    back = ig.Graph([(0, 1), (1, 0)], directed=True)
    back.vs["sector"] = ["firm", "firm"]
    assert brokerage(back)["total"].sum() == 0


def test_undirected_paths_count_both_directions():
    r = brokerage(path(["firm", "firm", "university"], directed=False))
    assert r.loc["b", "representative"] == 1 and r.loc["b", "gatekeeper"] == 1
    assert r.loc["b", "total"] == 2
    r = brokerage(path(["firm", "firm", "firm"], directed=False))
    assert r.loc["b", "coordinator"] == 2
    # a hub joining a university, a firm and a startup: 3 unordered pairs, all liaison
    star = ig.Graph.Star(4)
    star.vs["name"] = list("hufs")
    star.vs["sector"] = ["government", "university", "firm", "startup"]
    assert brokerage(star).loc["h", "liaison"] == 6


def brute(g: ig.Graph, codes) -> np.ndarray:
    n = g.vcount()
    succ = [set(g.successors(i)) for i in range(n)]
    pred = [set(g.predecessors(i)) for i in range(n)]
    out = np.zeros((n, 6))
    for b in range(n):
        for a, c in itertools.product(pred[b], succ[b]):
            if len({a, b, c}) < 3 or c in succ[a]:
                continue
            ga, gb, gc = codes[a], codes[b], codes[c]
            if ga == gb == gc:
                role = 0
            elif ga == gc:
                role = 1
            elif ga == gb:
                role = 2
            elif gb == gc:
                role = 3
            else:
                role = 4
            out[b, role] += 1
            out[b, 5] += 1
    return out


@pytest.mark.parametrize("seed", range(40))
def test_counts_equal_enumeration_of_two_paths(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 25))
    directed = bool(seed % 2)
    g = ig.Graph.Erdos_Renyi(n, float(rng.uniform(0.1, 0.5)), directed=directed)
    labels = rng.choice(["university", "firm", "startup", "government"], size=n)
    g.vs["sector"] = labels.tolist()
    codes = {s: i for i, s in enumerate(sorted(set(labels)))}
    ours = brokerage(g)[[*ROLES, "total"]].to_numpy()
    assert np.array_equal(ours, brute(g, [codes[s] for s in labels]))


def test_expected_values_by_hand():
    # 3 firms and 2 universities, 4 arcs: d = 4 / 20
    g = ig.Graph([(0, 1), (1, 3), (3, 4), (2, 0)], directed=True)
    g.vs["sector"] = ["firm", "firm", "firm", "university", "university"]
    r = brokerage(g)
    d = 4 / 20
    p = d * d * (1 - d)
    firm = r.iloc[0]
    assert firm["expected_coordinator"] == pytest.approx(p * 2 * 1)
    assert firm["expected_itinerant"] == pytest.approx(p * 2 * 1)
    assert firm["expected_representative"] == pytest.approx(p * 2 * 2)
    assert firm["expected_gatekeeper"] == pytest.approx(p * 2 * 2)
    assert firm["expected_liaison"] == pytest.approx(0.0)
    assert firm["expected_total"] == pytest.approx(p * 4 * 3)
    uni = r.iloc[3]
    assert uni["expected_itinerant"] == pytest.approx(p * 3 * 2)
    assert uni["expected_coordinator"] == pytest.approx(0.0)
    # (n-1) C(N-n, 2) + (N-n) C(n-1, 2) = 2 * 1 + 2 * 1
    sd = np.sqrt(p * 2 * 2 * (1 - p) + 2 * (2 * 1 + 2 * 1) * d ** 3 * (1 - d) ** 3)
    assert firm["z_representative"] == pytest.approx((firm["representative"] - p * 4) / sd)
    assert np.isnan(uni["z_coordinator"])  # sd = 0
    assert r.attrs["group_sizes"] == {"firm": 3, "university": 2}


def test_expectations_match_simulated_random_digraphs():
    sizes = np.array([4.0, 3.0, 3.0])
    n, p = int(sizes.sum()), 0.3
    codes = np.repeat(np.arange(3), sizes.astype(int))
    rng = np.random.default_rng(0)
    totals = np.zeros((3, 6))
    runs = 150
    for _ in range(runs):
        adj = (rng.random((n, n)) < p) & ~np.eye(n, dtype=bool)
        g = ig.Graph.Adjacency(adj.astype(int).tolist(), mode="directed")
        g.vs["sector"] = [str(c) for c in codes]
        counts = brokerage(g)[[*ROLES, "total"]].to_numpy()
        for k in range(3):
            totals[k] += counts[codes == k].mean(axis=0)
    mean = totals / runs
    exp, var = _moments(sizes, p)
    sem = np.sqrt(var / sizes[:, None] / runs)
    assert np.all(np.abs(mean - exp) <= 4 * sem + 1e-9)


def test_isolates_and_mapping_groups():
    g = ig.Graph([(0, 1), (1, 2)])
    g.add_vertices(1)
    g.vs["name"] = list("abcd")
    r = brokerage(g, {"a": "x", "b": "y", "c": "z"})
    assert r.loc["b", "liaison"] == 2
    assert r.loc["d", "total"] == 0
    assert r.attrs["group_sizes"]["unknown"] == 1


def test_brokers_of_the_synthetic_ecosystem_are_liaisons(small_ecosystem):
    from netkit.build import org_graph

    corpus, truth = small_ecosystem
    r = brokerage(org_graph(corpus))
    assert (r.loc[truth.brokers, "liaison"] > 0).all()
    assert (r.loc[truth.brokers, "total"] > r.loc[truth.brokers, "expected_total"]).all()
