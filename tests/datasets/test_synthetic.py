"""The synthetic ecosystem is deterministic and shows what its ground truth says."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netkit.build import org_graph
from netkit.datasets import synthetic_ecosystem
from netkit.errors import ParameterError


def test_same_seed_same_ecosystem_other_seed_other():
    a, ta = synthetic_ecosystem(seed=11, size="tiny")
    b, tb = synthetic_ecosystem(seed=11, size="tiny")
    c, _ = synthetic_ecosystem(seed=12, size="tiny")
    assert a.equals(b)
    assert ta.moves.equals(tb.moves) and ta.aliases.equals(tb.aliases)
    assert not a.participations.equals(c.participations)


def test_composition(small_ecosystem):
    corpus, truth = small_ecosystem
    orgs = corpus.organizations
    sectors = set(orgs["sector"].astype(str))
    assert {"university", "research", "firm", "startup", "government", "health"} <= sectors
    home = orgs[orgs["country"] == "XV"]
    assert 6 <= home["region"].nunique() <= 10
    density = home["region"].value_counts(normalize=True)
    assert density.iloc[0] > 2 * density.iloc[-1]  # regions of different density
    assert (orgs["country"] != "XV").any()  # foreign partners
    startups = orgs[orgs["sector"] == "startup"]
    assert (startups["founded_year"] > 2012).any()
    assert len(truth.spinouts) > 0
    assert set(truth.spinouts["parent_org_id"]) <= set(orgs.loc[orgs["sector"] == "university", "org_id"])
    assert set(corpus.events["kind"].astype(str)) == {"publication", "patent", "contract"}
    assert corpus.events["year"].min() == 2012 and corpus.events["year"].max() == 2023
    team = corpus.participations.drop_duplicates(["event_id", "org_id"]).groupby("event_id").size()
    assert team.max() >= 8 * team.median()  # heavy-tailed consortia


def _share_by_period(corpus, intervention_year):
    g = org_graph(corpus)
    sector = np.array(g.vs["sector"])
    region = np.array(g.vs["region"])
    edges = np.array(g.get_edgelist())
    first = np.array(g.es["first_year"])
    pair = {frozenset(p) for p in [("university", "startup")]}
    us = np.array([frozenset((sector[u], sector[v])) in pair for u, v in edges])
    cross = region[edges[:, 0]] != region[edges[:, 1]]
    after = first >= intervention_year
    return us[~after].mean(), us[after].mean(), cross[~after].mean(), cross[after].mean()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_intervention_raises_university_startup_share_of_new_ties(seed):
    corpus, truth = synthetic_ecosystem(seed=seed, size="small")
    before, after, cross_before, cross_after = _share_by_period(corpus, truth.intervention_year)
    assert after > before
    assert cross_after > cross_before
    # …and more than the same ecosystem without the policy
    control, _ = synthetic_ecosystem(seed=seed, size="small", intervention=False)
    _, after_control, _, cross_after_control = _share_by_period(control, truth.intervention_year)
    assert after > after_control
    assert cross_after > cross_after_control


def test_removing_a_planted_broker_disconnects_its_island(small_ecosystem):
    corpus, truth = small_ecosystem
    g = org_graph(corpus)
    assert truth.brokers
    for broker, island in truth.islands.items():
        before = g.connected_components().membership
        idx = {v["name"]: v.index for v in g.vs}
        assert len({before[idx[m]] for m in island} | {before[idx[broker]]}) == 1
        h = g.copy()
        h.delete_vertices([idx[broker]])
        comp = dict(zip(h.vs["name"], h.connected_components().membership, strict=True))
        island_comps = {comp[m] for m in island}
        assert len(island_comps) == 1, "the island stays connected within itself"
        rest = {comp[n] for n in h.vs["name"] if n not in set(island)}
        assert not island_comps & rest, f"{broker} is not the only bridge to its island"


def test_moves_appear_as_changes_of_organisation(small_ecosystem):
    corpus, truth = small_ecosystem
    assert len(truth.moves) > 50
    part = corpus.participations.dropna(subset=["person_id"])
    part = part.merge(corpus.events[["event_id", "year"]], on="event_id")
    careers = truth.careers
    spells = part.merge(careers, on="person_id", how="left", suffixes=("", "_career"))
    inside = spells[(spells["year"] >= spells["start_year"]) & (spells["year"] <= spells["end_year"])]
    # each participation falls in exactly one employment spell, at that spell's employer
    assert len(inside) == len(part)
    assert (inside["org_id"] == inside["org_id_career"]).all()
    # people who moved and took part before and after show both employers
    movers = set(truth.moves["person_id"])
    seen = part[part["person_id"].isin(movers)].groupby("person_id")["org_id"].nunique()
    assert (seen > 1).sum() > 10
    m = truth.moves.merge(part, left_on=["person_id", "from_org"], right_on=["person_id", "org_id"])
    assert (m["year_y"] < m["year_x"]).any()


def test_aliases_spell_organisations_differently(small_ecosystem):
    corpus, truth = small_ecosystem
    a = truth.aliases
    assert set(a["org_id"]) == set(corpus.organizations["org_id"])
    per_org = a.groupby("org_id")["name"].nunique()
    assert (per_org >= 3).mean() > 0.9
    wos = a[a["source"] == "wos"]["name"]
    assert wos.str.isupper().all() and wos.str.contains("UNIV").any()
    assert not a["name"].str.contains("Ø").all()
    assert "ror" in set(truth.org_ids["scheme"])


def test_sizes_and_parameters():
    with pytest.raises(ParameterError, match="size"):
        synthetic_ecosystem(size="huge")
    with pytest.raises(ParameterError, match="intervention_year"):
        synthetic_ecosystem(size="tiny", intervention_year=1990)
    _, truth = synthetic_ecosystem(seed=0, size="tiny", intervention=False)
    assert truth.intervention_year is None
    assert isinstance(truth.sectors, pd.Series)
