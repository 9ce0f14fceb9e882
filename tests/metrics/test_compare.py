"""Before/after comparison: detects the planted intervention, stays quiet without one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netkit.build import temporal_edges
from netkit.datasets import synthetic_ecosystem
from netkit.errors import ParameterError
from netkit.metrics.compare import (
    TESTED_INDICATORS,
    compare_cohorts,
    compare_groups,
    compare_windows,
    event_features,
)

FAST = {"reps": 200, "perms": 200, "structural_reps": 0}


def test_event_features_recount(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    f = event_features(corpus)
    te = temporal_edges(corpus)
    assert f["pairs"].sum() == len(te)
    assert f["new"].sum() == len(te.drop_duplicates(["u", "v"]))
    assert (f["new"] + f["pairs_repeat"] == f["pairs"]).all()  # (was the doctest's check)
    first = te.drop_duplicates(["u", "v"]).groupby("event_id").size()
    assert f.loc[first.index, "new"].tolist() == first.tolist()
    sectors = corpus.organizations.set_index("org_id")["sector"].astype(str)
    new = te.drop_duplicates(["u", "v"])
    pair = {frozenset(("university", "startup"))}
    n_us = sum(frozenset((sectors[u], sectors[v])) in pair
               for u, v in zip(new["u"], new["v"], strict=True))
    assert f["new_us"].sum() == n_us
    n_orgs = corpus.participations.dropna(subset=["org_id"]).groupby("event_id")["org_id"].nunique()
    assert f.loc[n_orgs.index, "orgs"].tolist() == n_orgs.tolist()


def test_detects_the_planted_intervention(small_ecosystem):
    corpus, truth = small_ecosystem
    res = compare_windows(corpus, truth.intervention_year, seed=1, **FAST)
    for name in TESTED_INDICATORS:
        row = res.loc[name]
        assert row["change"] > 0 and row["ci_low"] > 0, name
        assert bool(row["significant"])
    # the plain shares move up too, with intervals above zero
    for name in ("univ_startup_share_new", "cross_region_share_new"):
        assert res.loc[name, "ci_low"] > 0


@pytest.mark.parametrize("seed", [11, 12])
def test_no_significant_change_without_intervention(seed):
    corpus, truth = synthetic_ecosystem(seed=seed, size="small", intervention=False)
    assert truth.intervention_year is None
    res = compare_windows(corpus, 2018, seed=seed, **FAST)
    assert not res.loc[list(TESTED_INDICATORS), "significant"].any()


@pytest.mark.slow
def test_false_positive_and_detection_rates():
    """10 ecosystems without and 10 with an intervention (small size)."""
    false_pos, detected = 0, 0
    for seed in range(40, 50):
        for planted in (False, True):
            corpus, _ = synthetic_ecosystem(seed=seed, size="small", intervention=planted)
            res = compare_windows(corpus, 2018, seed=seed, reps=300, perms=300)
            sig = res.loc[list(TESTED_INDICATORS), "significant"].astype(bool)
            if planted:
                detected += int(sig.all())
            else:
                false_pos += int(sig.any())
    assert false_pos <= 1
    assert detected >= 8


def test_reproducible_and_columns(small_ecosystem):
    corpus, _ = small_ecosystem
    f = event_features(corpus)
    a = compare_windows(corpus, 2016, features=f, seed=5, **FAST)
    b = compare_windows(corpus, 2016, features=f, seed=5, **FAST)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == ["before", "after", "change", "ci_low", "ci_high", "p_null",
                               "p_holm", "p_value", "tested", "role", "significant"]
    assert (a["ci_low"] <= a["ci_high"]).all()
    np.testing.assert_allclose(a["change"], a["after"] - a["before"])
    assert a.loc[~a["tested"], "significant"].isna().all()
    # a date split and a burn-in window
    d = compare_windows(corpus, "2016-01-01", features=f, seed=5, burn_in=2, **FAST)
    assert d.attrs["window"][0] == int(f["year"].min()) + 2


def test_structural_rows_equal_a_recount(small_ecosystem):
    corpus, _ = small_ecosystem
    res = compare_windows(corpus, 2018, seed=0, reps=20, perms=20, structural_reps=10)
    te = temporal_edges(corpus)
    for column, years in (("before", te["t"] < 2018), ("after", te["t"] >= 2018)):
        ties = te[years].drop_duplicates(["u", "v"])
        assert res.loc["graph_ties", column] == len(ties)
    ev = corpus.events.set_index("event_id")["year"]
    part = corpus.participations.dropna(subset=["org_id"])
    before = part[ev.loc[part["event_id"]].to_numpy() < 2018]["org_id"].nunique()
    assert res.loc["graph_orgs", "before"] == before
    n = res.loc["graph_orgs", "after"]
    assert res.loc["graph_density", "after"] == pytest.approx(
        2 * res.loc["graph_ties", "after"] / (n * (n - 1)))
    assert res.loc[res.index.str.startswith("graph_"), "ci_low"].notna().all()
    # clustering and components of each window's graph, rebuilt from the organisation ids
    # (they were computed on a scrambled graph: pair and participation codes disagreed)
    import igraph as ig

    for column, years in (("before", ev < 2018), ("after", ev >= 2018)):
        window = set(ev.index[years])
        orgs = sorted(part.loc[part["event_id"].isin(window), "org_id"].astype(str).unique())
        ties = te[te["event_id"].isin(window)].drop_duplicates(["u", "v"])
        code = {o: i for i, o in enumerate(orgs)}
        g = ig.Graph(n=len(orgs), edges=list(zip(ties["u"].map(code), ties["v"].map(code),
                                                 strict=True)))
        assert res.loc["graph_clustering", column] == pytest.approx(g.transitivity_undirected(),
                                                                    rel=1e-12)
        giant = max(g.connected_components().sizes()) / len(orgs)
        assert res.loc["graph_largest_component_share", column] == pytest.approx(giant)


def test_null_p_values_are_uniformish_on_random_labels():
    """Random groups of the same events: p-values of the permutation null are not small."""
    corpus, _ = synthetic_ecosystem(seed=2, size="small", intervention=False)
    f = event_features(corpus)
    rng = np.random.default_rng(0)
    g = rng.random(len(f)) < 0.5
    res = compare_groups(f, g, ~g, seed=0, test=["cross_region_event_share", "mean_orgs_per_event"],
                         **FAST)
    assert not res["significant"].dropna().any()


def test_cohorts(small_ecosystem):
    corpus, _ = small_ecosystem
    univ = corpus.organizations.loc[corpus.organizations["sector"] == "university", "org_id"]
    res = compare_cohorts(corpus, univ, seed=0, test=["mean_orgs_per_event"], **FAST)
    assert set(res.columns[:2]) == {"control", "treated"}
    # university events are larger consortia than the rest in the synthetic ecosystem
    assert res.loc["mean_orgs_per_event", "treated"] > res.loc["mean_orgs_per_event", "control"]
    with pytest.raises(ParameterError):
        compare_cohorts(corpus, [])
    with pytest.raises(ParameterError):
        compare_cohorts(corpus, univ, control=univ)


def test_errors(small_ecosystem):
    corpus, _ = small_ecosystem
    f = event_features(corpus)
    with pytest.raises(ParameterError):
        compare_windows(corpus, "not a date", features=f)
    with pytest.raises(ParameterError):
        compare_windows(corpus, 1990, features=f)  # nothing before
    with pytest.raises(ParameterError):
        compare_windows(corpus, 2018, features=f, test=["nope"])


def test_cli_compare(tmp_path, small_ecosystem, capsys):
    import json

    from netkit.cli import main

    corpus, truth = small_ecosystem
    corpus.save(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["compare", str(tmp_path / "corpus"), "--split", str(truth.intervention_year),
                 "--reps", "150", "--perms", "150", "--structural-reps", "2", "--out", str(out)]) == 0
    res = pd.read_csv(out / "compare.csv", index_col="indicator")
    assert set(TESTED_INDICATORS) <= set(res.index)
    info = json.loads((out / "compare.json").read_text())
    assert all(info["significant"].values())
    assert "SIGNIFICANT" in capsys.readouterr().out
    treated = tmp_path / "treated.txt"
    univ = corpus.organizations.loc[corpus.organizations["sector"] == "university", "org_id"]
    treated.write_text("\n".join(univ) + "\n")
    assert main(["compare", str(tmp_path / "corpus"), "--treated", str(treated), "--reps", "50", "--structural-reps", "0",
                 "--perms", "50", "--out", str(out / "cohorts")]) == 0
    assert main(["compare", str(tmp_path / "corpus"), "--out", str(out)]) == 2


def test_every_indicator_has_a_p_value_and_a_role(small_ecosystem):
    """Issue 14, item 12: no indicator is left without a p-value or an explained verdict."""
    corpus, _ = small_ecosystem
    res = compare_windows(corpus, 2018, seed=0, reps=50, perms=50, structural_reps=10)
    defined = res["change"].notna()
    assert res.loc[defined, "p_value"].between(0, 1).all()
    assert set(res["role"]) == {"tested", "descriptive"}
    assert (res["role"] == "tested").equals(res["tested"].astype(bool))
    tested = res[res["role"] == "tested"]
    assert tested.index.tolist() == list(TESTED_INDICATORS)
    assert tested["significant"].notna().all()
    np.testing.assert_allclose(tested["p_value"], tested["p_holm"])
    descriptive = res[res["role"] == "descriptive"]
    np.testing.assert_allclose(descriptive["p_value"], descriptive["p_null"])
    assert descriptive["significant"].isna().all()  # no verdict, by design (module notes)
    assert descriptive.index.str.startswith("graph_").sum() == 6


def test_every_interval_contains_its_estimate():
    """Distinct counts shrink under resampling (a repeated event adds no organisation);
    the graph rows' intervals are re-centred so that every interval contains its
    estimate (issue 17: change 10,796, interval 7,409–7,894 on real grants)."""
    from netkit.metrics import compare_windows
    from netkit.model import Corpus

    # 10 events before, 200 after, each joining two organisations seen nowhere else
    n = 210
    events = [f"e{k:03d}" for k in range(n)]
    corpus = Corpus(
        organizations={"org_id": [f"o{k:03d}" for k in range(2 * n)],
                       "name": [f"O{k}" for k in range(2 * n)],
                       "sector": ["university", "firm"] * n},
        events={"event_id": events, "kind": ["contract"] * n,
                "year": [2010] * 10 + [2020] * (n - 10)},
        participations={"event_id": [e for e in events for _ in range(2)],
                        "org_id": [f"o{k:03d}" for k in range(2 * n)],
                        "role": ["participant"] * (2 * n)},
    )
    res = compare_windows(corpus, 2015, reps=50, perms=10, structural_reps=50, seed=3)
    assert res.loc["graph_orgs", "change"] == 380
    rows = res[["ci_low", "ci_high", "change"]].dropna()
    assert "graph_orgs" in rows.index
    assert ((rows["ci_low"] <= rows["change"] + 1e-12)
            & (rows["change"] <= rows["ci_high"] + 1e-12)).all(), rows
