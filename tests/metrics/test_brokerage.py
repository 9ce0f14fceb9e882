"""Gould–Fernandez brokerage: one hand-counted graph per role, brute-force parity,
expectations (by hand and by simulation), undirected convention, exclusive brokerage
(hand-counted, brute force, and the planted brokers of the synthetic ecosystem)."""

from __future__ import annotations

import importlib
import itertools

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from netkit.errors import ParameterError
from netkit.metrics import ROLES, brokerage, rank_brokers
from netkit.metrics.brokerage import _moments

# the module (``netkit.metrics.brokerage`` the attribute is the function)
brokerage_module = importlib.import_module("netkit.metrics.brokerage")

COLS = [*ROLES, "total"]


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


def brute(g: ig.Graph, codes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Open two-paths, exclusive ones and all two-paths (a ≠ c), by role, by enumeration."""
    n = g.vcount()
    succ = [set(g.successors(i)) for i in range(n)]
    pred = [set(g.predecessors(i)) for i in range(n)]
    out, sole, opportunities = np.zeros((n, 6)), np.zeros((n, 6)), np.zeros((n, 6))
    for b in range(n):
        for a, c in itertools.product(pred[b], succ[b]):
            if len({a, b, c}) < 3:
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
            opportunities[b, [role, 5]] += 1
            if c in succ[a]:
                continue
            out[b, [role, 5]] += 1
            if succ[a] & pred[c] == {b}:
                sole[b, [role, 5]] += 1
    return out, sole, opportunities


@pytest.mark.parametrize("seed", range(40))
def test_counts_equal_enumeration_of_two_paths(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 25))
    directed = bool(seed % 2)
    g = ig.Graph.Erdos_Renyi(n, float(rng.uniform(0.1, 0.5)), directed=directed)
    if seed % 4 == 3:
        g.add_edges([(0, 1), (1, 0)])  # a reciprocated tie (and maybe a duplicate)
    labels = rng.choice(["university", "firm", "startup", "government"], size=n)
    g.vs["sector"] = labels.tolist()
    codes = {s: i for i, s in enumerate(sorted(set(labels)))}
    r = brokerage(g)
    h = g.copy()
    h.simplify()
    out, sole, opportunities = brute(h, [codes[s] for s in labels])
    assert np.array_equal(r[COLS].to_numpy(), out)
    assert np.array_equal(r[[f"exclusive_{c}" for c in COLS]].to_numpy(), sole)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(opportunities > 0, sole / opportunities, np.nan)
    assert np.allclose(r[[f"exclusivity_{c}" for c in COLS]].to_numpy(), share, equal_nan=True)
    assert r.attrs["exclusive"] is True


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


def kite() -> ig.Graph:
    """A government hub h with a university, a firm, a startup and a second government
    body around it; a research institute x also ties the university to the firm."""
    g = ig.Graph([(0, 1), (0, 2), (0, 3), (0, 4), (5, 1), (5, 2)])
    g.vs["name"] = ["h", "u", "f", "s", "g", "x"]
    g.vs["sector"] = ["government", "university", "firm", "startup", "government", "research"]
    return g


def test_exclusive_brokerage_by_hand():
    r = brokerage(kite())
    h = r.loc["h"]
    # h's neighbours u, f, s, g are pairwise untied: 6 open pairs, 12 ordered two-paths;
    # u–f, u–s, f–s are liaison pairs (6), the pairs with g mixed (3 rep. + 3 gatek.)
    assert h[COLS].tolist() == [0, 0, 3, 3, 6, 12]
    # x also connects u and f: only u–s and f–s (4 two-paths) are h's alone, and g's 3 pairs
    assert h[[f"exclusive_{c}" for c in COLS]].tolist() == [0, 0, 3, 3, 4, 10]
    # opportunities, k = 4 neighbours, k_h = 1 of h's own sector, one per other sector:
    # liaison (k − k_h)² − Σ k_s² = 9 − 3 = 6; rep. = gatek. = k_h (k − k_h) = 3; total k(k − 1) = 12
    assert h["exclusivity_liaison"] == pytest.approx(4 / 6)
    assert h["exclusivity_representative"] == h["exclusivity_gatekeeper"] == 1.0
    assert h["exclusivity_total"] == pytest.approx(10 / 12)
    assert np.isnan(h["exclusivity_coordinator"]) and np.isnan(h["exclusivity_itinerant"])
    # x brokers u–f (liaison, twice) but shares the pair with h; u brokers h–x, shared with f
    for node in ("x", "u"):
        assert r.loc[node, "liaison"] == 2
        assert r.loc[node, "exclusive_liaison"] == 0
        assert r.loc[node, "exclusivity_liaison"] == 0.0
    # a leaf has no two-path at all
    assert r.loc["s", "exclusive_total"] == 0 and np.isnan(r.loc["s", "exclusivity_total"])


def test_exclusive_brokerage_directed_by_hand():
    g = ig.Graph([(0, 1), (1, 0), (1, 2)], directed=True)
    g.vs["name"] = ["u", "f", "s"]
    g.vs["sector"] = ["university", "firm", "startup"]
    r = brokerage(g)
    # u → f → u is no two-path (a = c); u → f → s is f's alone
    assert r.loc["f", ["liaison", "exclusive_liaison", "exclusivity_liaison"]].tolist() == [1, 1, 1]
    assert r.loc["f", "exclusivity_total"] == 1.0
    # a second go-between u → x → s: neither is exclusive any more
    g.add_vertex("x", sector="government")
    g.add_edges([(0, 3), (3, 2)])
    r = brokerage(g)
    assert r.loc[["f", "x"], "liaison"].tolist() == [1, 1]
    assert r.loc[["f", "x"], "exclusive_liaison"].tolist() == [0, 0]
    # a direct tie u → s closes the two-paths: an opportunity, but nothing brokered
    g.add_edge(0, 2)
    r = brokerage(g)
    assert r.loc["f", ["total", "exclusive_total", "exclusivity_total"]].tolist() == [0, 0, 0]


def test_exclusive_columns_can_be_skipped(monkeypatch):
    g = kite()
    r = brokerage(g, exclusive=False)
    assert r.attrs["exclusive"] is False
    assert r[[f"exclusive_{c}" for c in COLS]].isna().all().all()
    assert r["liaison"].tolist() == brokerage(g)["liaison"].tolist()
    assert r.attrs["two_paths"] == sum(d * d for d in g.degree())
    monkeypatch.setattr(brokerage_module, "EXCLUSIVE_MAX_TWO_PATHS", 10)
    assert brokerage(g).attrs["exclusive"] is False
    assert brokerage(g, exclusive=True).attrs["exclusive"] is True


def planted_ranks(corpus, truth) -> pd.DataFrame:
    """Rank (1 = highest, ties counted against the broker) of each planted broker."""
    from netkit.build import org_graph

    g = org_graph(corpus)
    r = brokerage(g)
    ranks = r.rank(ascending=False, method="max").loc[truth.brokers]
    sector = dict(zip(g.vs["name"], g.vs["sector"], strict=True))
    # a liaison by construction: its island has an organisation of another sector
    ranks["mixed_island"] = [any(sector[m] != sector[b] for m in truth.islands[b])
                             for b in truth.brokers]
    ranks.attrs["top"] = int(np.ceil(0.05 * g.vcount()))
    return ranks


def in_top(ranks: pd.DataFrame, column: str, only_mixed: bool = False) -> bool:
    chosen = ranks[ranks["mixed_island"]] if only_mixed else ranks
    return bool((chosen[column] <= ranks.attrs["top"]).all())


@pytest.mark.parametrize("seed", [0, 1, 3])
def test_exclusivity_finds_the_planted_brokers_small(seed, small_ecosystem):
    from netkit.datasets import synthetic_ecosystem

    eco = small_ecosystem if seed == 3 else synthetic_ecosystem(seed=seed, size="small")
    ranks = planted_ranks(*eco)
    assert in_top(ranks, "exclusivity_total"), ranks["exclusivity_total"]
    assert in_top(ranks, "exclusivity_liaison", only_mixed=True), ranks["exclusivity_liaison"]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 2])
def test_liaison_exclusivity_finds_the_planted_brokers_medium(seed):
    from netkit.datasets import synthetic_ecosystem

    # seed 2 has a research hub (486 ties) among its brokers
    ranks = planted_ranks(*synthetic_ecosystem(seed=seed, size="medium"))
    assert ranks["mixed_island"].all()
    assert in_top(ranks, "exclusivity_liaison"), ranks["exclusivity_liaison"]
    # the raw counts and their z-scores miss the small ones: hubs have far more open two-paths
    assert not in_top(ranks, "liaison")
    assert not in_top(ranks, "z_liaison")


# -- issue 14, item 13: a ranking that is not decided by ties at 1.0 -------------------------
def test_rank_brokers_weighs_the_share_by_its_count():
    # hub: alone links 12 partners of 3 sectors except one pair that meets directly
    # small: 2 partners in 2 other sectors (2 of 2 exclusive); mid: 3 partners, 6 of 6
    edges = [(0, i) for i in range(1, 13)] + [(1, 2), (13, 14), (14, 15),
                                               (16, 17), (16, 18), (16, 19)]
    g = ig.Graph(edges)
    g.vs["name"] = (["hub"] + [f"p{i}" for i in range(1, 13)] + ["x", "small", "y"]
                    + ["mid", "a", "b", "c"])
    g.vs["sector"] = (["research"] + ["university", "firm", "government"] * 4
                      + ["university", "startup", "firm"]
                      + ["startup", "university", "firm", "government"])
    roles = brokerage(g)
    by_share = roles["exclusivity_liaison"].sort_values(ascending=False, kind="stable")
    assert by_share.index[0] != "hub"  # the share alone puts a small broker first
    assert roles.loc[["small", "mid"], "exclusivity_liaison"].tolist() == [1.0, 1.0]
    ranked = rank_brokers(roles, "liaison")
    assert ranked.index[:3].tolist() == ["hub", "mid", "small"]
    assert ranked.is_monotonic_decreasing or ranked.dropna().is_monotonic_decreasing
    assert ranked.name == "broker_score_liaison"
    assert (ranked.dropna().between(0, 1)).all()
    assert set(ranked.index) == set(roles.index)
    with pytest.raises(ParameterError):
        rank_brokers(roles, "broker")
    with pytest.raises(ParameterError, match="exclusive"):
        rank_brokers(brokerage(g, exclusive=False))
