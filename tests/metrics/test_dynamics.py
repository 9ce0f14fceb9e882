"""Tie dynamics per period: equal to a direct recount from the canonical tables."""

from __future__ import annotations

import itertools
from collections import defaultdict

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from netkit.errors import ParameterError
from netkit.metrics.dynamics import new_tie_mixing, period_of, tie_dynamics


def _recount(corpus, window):
    """Plain-Python sets straight from events and participations."""
    year = dict(zip(corpus.events["event_id"], corpus.events["year"], strict=True))
    first = min(int(y) for y in year.values() if pd.notna(y))
    sector = dict(zip(corpus.organizations["org_id"], corpus.organizations["sector"].astype(str),
                      strict=True))
    orgs_of_event = defaultdict(set)
    for e, o in zip(corpus.participations["event_id"], corpus.participations["org_id"],
                    strict=True):
        if pd.notna(o) and pd.notna(year[e]):
            orgs_of_event[e].add(o)
    orgs = defaultdict(set)
    ties = defaultdict(set)
    for e, members in orgs_of_event.items():
        p = first + (int(year[e]) - first) // window * window
        orgs[p] |= members
        ties[p] |= {tuple(sorted(pair)) for pair in itertools.combinations(members, 2)}
    periods = sorted(orgs)
    rows = {}
    seen_orgs, seen_ties = set(), set()
    for i, p in enumerate(periods):
        prev = periods[i - 1] if i else None
        later = set().union(*(orgs[q] for q in periods[i:]))
        new = ties[p] - seen_ties
        rows[p] = {
            "orgs": len(orgs[p]),
            "entrants": len(orgs[p] - seen_orgs),
            "exits": len(orgs[prev] - later) if prev is not None else 0,
            "ties": len(ties[p]),
            "new_ties": len(new),
            "repeated_ties": len(ties[p] & seen_ties),
            "lapsed_ties": len(ties[prev] - ties[p]) if prev is not None else 0,
            "cross": sum(sector[a] != sector[b] for a, b in new),
            "us": sum({sector[a], sector[b]} == {"university", "startup"} for a, b in new),
        }
        g = ig.Graph.TupleList(ties[p]) if ties[p] else None
        rows[p]["clustering"] = g.transitivity_undirected() if g is not None else np.nan
        seen_orgs |= orgs[p]
        seen_ties |= ties[p]
    return rows


@pytest.mark.parametrize("window", [1, 3])
def test_counts_equal_a_direct_recount(tiny_ecosystem, window):
    corpus, _ = tiny_ecosystem
    d = tie_dynamics(corpus, period=window)
    expected = _recount(corpus, window)
    assert sorted(expected) == d.index.tolist()
    for p, row in expected.items():
        got = d.loc[p]
        for col in ("orgs", "entrants", "exits", "ties", "new_ties", "repeated_ties",
                    "lapsed_ties"):
            assert got[col] == row[col], (p, col)
        assert got["cross_sector_new"] == pytest.approx(row["cross"] / row["new_ties"])
        assert got["univ_startup_new"] == pytest.approx(row["us"] / row["new_ties"])
        assert got["clustering"] == pytest.approx(row["clustering"], nan_ok=True)
        n = row["orgs"]
        assert got["density"] == pytest.approx(2 * row["ties"] / (n * (n - 1)))


def test_intervention_is_visible_in_new_ties(small_ecosystem):
    corpus, truth = small_ecosystem
    d = tie_dynamics(corpus)
    y = truth.intervention_year
    before = d.loc[d.index < y, "univ_startup_new"].mean()
    after = d.loc[d.index >= y, "univ_startup_new"].mean()
    assert after > 2 * before


def test_new_tie_mixing_sums_to_new_ties(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    d = tie_dynamics(corpus)
    m = new_tie_mixing(corpus)
    per = m.groupby("period")["new_ties"].sum()
    assert per.to_dict() == d.loc[d["new_ties"] > 0, "new_ties"].to_dict()
    cross = m[m["cross"]].groupby("period")["share"].sum()
    np.testing.assert_allclose(cross.to_numpy(), d.loc[cross.index, "cross_sector_new"].to_numpy())
    assert (m["sector_a"] <= m["sector_b"]).all()


def test_period_validation():
    assert period_of([2001, 2002], "year").tolist() == [2001, 2002]
    assert period_of([2001, 2004], "2", first=2000).tolist() == [2000, 2004]
    for bad in (0, "decade", -1, True):
        with pytest.raises(ParameterError):
            period_of([2001], bad)


def test_cli_dynamics_writes_tables(tmp_path, tiny_ecosystem):
    from netkit.cli import main

    corpus, _ = tiny_ecosystem
    corpus.save(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["dynamics", str(tmp_path / "corpus"), "--period", "2", "--out", str(out)]) == 0
    d = pd.read_csv(out / "dynamics.csv", index_col="period")
    expected = tie_dynamics(corpus, 2)
    assert d["new_ties"].tolist() == expected["new_ties"].tolist()
    for name in ("new_tie_mixing", "mobility_moves", "mobility_sector", "mobility_region",
                 "region_density", "region_flows", "region_summary", "mobility_rate"):
        assert (out / f"{name}.csv").is_file(), name
    assert main(["dynamics", str(tmp_path / "corpus"), "--period", "0", "--out", str(out)]) == 2
