"""Earliest arrival along time-respecting paths: hand-computed answers, blocking by time order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netkit.errors import ParameterError
from netkit.metrics.temporal import earliest_arrival, sector_latency, temporal_efficiency

INF = np.inf

# a–b 2010, b–c 2012, c–d 2011 (too early for knowledge coming from a), c–e 2013,
# d–e 2014, f–g 2010 (another component), b–c again 2015
EDGES = pd.DataFrame({
    "u": ["a", "b", "c", "c", "d", "f", "b"],
    "v": ["b", "c", "d", "e", "e", "g", "c"],
    "t": [2010, 2012, 2011, 2013, 2014, 2010, 2015],
})


def test_hand_computed_earliest_arrivals():
    r = earliest_arrival(EDGES, ["a", "d", "g"], start=2009)
    got = r.to_frame()
    # from a: b 2010, c 2012, e 2013 (c–e), d only via e in 2014 (c–d in 2011 came too early)
    assert got.loc["a"].tolist() == [2009, 2010, 2012, 2014, 2013, INF, INF]
    # from d: c 2011, e 2013 via c (earlier than d–e 2014), b 2012 via c, a never (a–b in 2010)
    assert got.loc["d"].tolist() == [INF, 2012, 2011, 2009, 2013, INF, INF]
    assert got.loc["g"].tolist() == [INF, INF, INF, INF, INF, 2010, 2009]


def test_time_order_blocks_a_path():
    te = pd.DataFrame({"u": ["x", "y"], "v": ["y", "z"], "t": [2020, 2019]})
    r = earliest_arrival(te, ["x", "z"], start=2000)
    frame = r.to_frame()
    assert frame.loc["x", "z"] == INF  # y–z happened before x–y
    assert frame.loc["z", "x"] == 2020  # but the reverse order works


def test_default_start_is_the_sources_first_contact():
    r = earliest_arrival(EDGES, ["c"])
    assert r.start.tolist() == [2011]
    # c's first contact is with d in 2011, so the b–c contact of 2012 carries it to b
    assert r.to_frame().loc["c", "b"] == 2012 and r.to_frame().loc["c", "a"] == INF


def test_same_time_contacts_chain_unless_strict():
    te = pd.DataFrame({"u": ["a", "b", "c"], "v": ["b", "c", "d"], "t": [2015, 2015, 2016]})
    loose = earliest_arrival(te, ["a"], start=2014).to_frame().loc["a"]
    assert loose.tolist() == [2014, 2015, 2015, 2016]
    strict = earliest_arrival(te, ["a"], start=2014, strict=True).to_frame().loc["a"]
    assert strict.tolist() == [2014, 2015, INF, INF]
    # starting in 2015 itself, the source's own 2015 contact carries what it knows (one hop)
    s2 = earliest_arrival(te, ["a"], start=2015, strict=True).to_frame().loc["a"]
    assert s2.tolist() == [2015, 2015, INF, INF]


def _brute_force(te: pd.DataFrame, source: str, start: float, nodes,
                 strict: bool = False) -> dict[str, float]:
    """Relax contacts in time order until nothing changes (reference)."""
    best = dict.fromkeys(nodes, INF)
    best[source] = start
    changed = True
    while changed:
        changed = False
        for u, v, t in te[["u", "v", "t"]].itertuples(index=False):
            for a, b in ((u, v), (v, u)):
                # strict: what arrived at t is not passed on at t, but the source
                # knows from its start, so a contact at exactly the start carries it
                usable = (best[a] <= t if a == source else best[a] < t) if strict \
                    else best[a] <= t
                if usable and t < best[b]:
                    best[b] = t
                    changed = True
    return best


def test_random_temporal_graph_matches_brute_force():
    rng = np.random.default_rng(3)
    nodes = [f"n{i:02d}" for i in range(25)]
    u = rng.integers(0, 25, 120)
    v = rng.integers(0, 25, 120)
    keep = u != v
    te = pd.DataFrame({"u": np.array(nodes)[u[keep]], "v": np.array(nodes)[v[keep]],
                       "t": rng.integers(2000, 2012, keep.sum())})
    for strict in (False, True):
        r = earliest_arrival(te, nodes=nodes, start=2000, strict=strict)
        for i, s in enumerate(nodes):
            ref = _brute_force(te, s, 2000, nodes, strict)
            assert r.arrival[i].tolist() == [ref[n] for n in nodes], (strict, s)


def test_sector_latency_and_efficiency():
    r = earliest_arrival(EDGES, start=2009)
    sectors = pd.Series({"a": "university", "b": "firm", "c": "startup", "d": "startup",
                         "e": "firm", "f": "university", "g": "startup"})
    lat = sector_latency(r, sectors)
    us = lat.loc[("university", "startup")]
    # a→c 3 y, a→d 5 y, a→g never; f→c, f→d never, f→g 1 y
    assert us["pairs"] == 6 and us["reached"] == 3
    assert us["median"] == 3 and us["mean"] == pytest.approx(3.0)
    assert us["first_mean"] == pytest.approx((3 + 1) / 2)
    eff = temporal_efficiency(r)
    d = r.arrival - 2009 + 1
    np.fill_diagonal(d, INF)
    assert eff == pytest.approx((1 / d[np.isfinite(d)]).sum() / (7 * 6))


def test_unknown_source_raises():
    # without `nodes`, an id without contacts is a source that reaches nobody (issue 14,
    # item 7); with `nodes`, a source must be one of them
    with pytest.raises(ParameterError):
        earliest_arrival(EDGES, ["zz"], nodes=list("abcdefg"))


# -- issue 14, item 4: with strict paths a contact at the source's start carries it --------
def test_strict_first_contact_at_the_start_carries_knowledge():
    te = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "t": [2015, 2016]})
    for strict in (False, True):
        got = earliest_arrival(te, ["a"], strict=strict).to_frame().loc["a"].tolist()
        assert got == [2015, 2015, 2016]
    # an explicit start equal to a contact's time, and one between times
    assert earliest_arrival(te, ["a"], start=2015, strict=True).arrival.tolist() == \
        [[2015, 2015, 2016]]
    assert earliest_arrival(te, ["b"], start=2015.5, strict=True).arrival.tolist() == \
        [[INF, 2015.5, 2016]]
    # strict still takes one hop per time step
    same_year = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "t": [2015, 2015]})
    assert earliest_arrival(same_year, ["a"], strict=True).arrival.tolist() == \
        [[2015, 2015, INF]]


# -- issue 14, item 7: a source without contacts reaches nobody -----------------------------
def test_source_without_contacts_reaches_nobody():
    te = pd.DataFrame({"u": ["a", "b"], "v": ["b", "c"], "t": [2015, 2016]})
    r = earliest_arrival(te, ["a", "z"])
    assert r.nodes.tolist() == ["a", "b", "c", "z"]
    assert r.to_frame().loc["z"].tolist() == [INF] * 4
    assert r.to_frame().loc["a", "z"] == INF
    assert np.isinf(r.latency[1]).all()
    sectors = pd.Series({"a": "university", "z": "university", "b": "firm", "c": "firm"})
    lat = sector_latency(r, sectors)
    assert lat.loc[("university", "firm"), ["pairs", "reached"]].tolist() == [4, 2.0]
    # with an explicit node set, a source outside it is still an error
    with pytest.raises(ParameterError, match="not in `nodes`"):
        earliest_arrival(te, ["z"], nodes=["a", "b", "c"])
