"""Weightings, filters, person graphs and the year/layer bookkeeping of the projection."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from netkit.build import WEIGHTINGS, collaboration_graph, incidence, org_graph, person_graph
from netkit.build.bipartite import _incidence
from netkit.build.projection import EDGE_ATTRIBUTES, _edge_table, edge_table
from netkit.errors import ParameterError
from netkit.model import Corpus

from .reference_projection import product_edge_table


@pytest.fixture
def hand():
    """Three events: e1 {a, b} 2015 patent; e2 {a, b, c} 2019 publication; e3 {c} 2020; d alone."""
    return Corpus(
        organizations={"org_id": ["a", "b", "c", "d"], "name": ["A", "B", "C", "D"],
                       "sector": ["university", "firm", "startup", "government"],
                       "country": ["NO", "NO", "SE", "NO"]},
        people={"person_id": ["p1", "p2", "p3"], "name": ["Ada", "Bo", "Cy"]},
        events={"event_id": ["e1", "e2", "e3", "e4"],
                "kind": ["patent", "publication", "contract", "publication"],
                "year": [2015, 2019, 2020, None]},
        participations={"event_id": ["e1", "e1", "e2", "e2", "e2", "e2", "e3", "e4"],
                        "org_id": ["a", "b", "a", "a", "b", "c", "c", "d"],
                        "person_id": ["p1", "p2", "p1", "p3", "p2", None, None, None],
                        "role": ["author"] * 8},
    )


def edge(g, u, v, attr):
    return g.es[g.get_eid(u, v)][attr]


def test_full_weighting_counts_joint_events(hand):
    g = org_graph(hand)
    assert g.vs["name"] == ["a", "b", "c", "d"]  # d is an isolate, kept
    assert g.degree() == [2, 2, 2, 0]
    assert edge(g, "a", "b", "weight") == 2.0 and edge(g, "a", "c", "weight") == 1.0


def test_newman_weighting_is_one_over_n_minus_one(hand):
    g = org_graph(hand, "newman")
    assert edge(g, "a", "b", "weight") == pytest.approx(1 + 1 / 2)
    assert edge(g, "b", "c", "weight") == pytest.approx(1 / 2)


def test_fractional_weighting_uses_participation_shares(hand):
    # e2 has four participation rows: a twice, b, c -> shares 1/2, 1/4, 1/4
    g = org_graph(hand, "fractional")
    assert edge(g, "a", "b", "weight") == pytest.approx(0.5 * 0.5 + 0.5 * 0.25)
    assert edge(g, "a", "c", "weight") == pytest.approx(0.5 * 0.25)
    assert edge(g, "b", "c", "weight") == pytest.approx(0.25 * 0.25)


def test_fractional_weighting_reads_the_share_column(hand):
    part = hand.participations.copy()
    part["share"] = [0.9, 0.1, 1, 1, 1, 1, 1, 1]
    c = Corpus(hand.organizations, people=hand.people, events=hand.events, participations=part)
    g = org_graph(c, "fractional")
    assert edge(g, "a", "b", "weight") == pytest.approx(0.9 * 0.1 + 0.5 * 0.25)


def test_association_strength(hand):
    # N = 4 events with participants; n_a = 2, n_b = 2, n_c = 2; c_ab = 2
    g = org_graph(hand, "association")
    assert edge(g, "a", "b", "weight") == pytest.approx(4 * 2 / (2 * 2))
    assert edge(g, "a", "c", "weight") == pytest.approx(4 * 1 / (2 * 2))


def test_years_layers_and_unknown_year(hand):
    g = org_graph(hand)
    assert edge(g, "a", "b", "first_year") == 2015 and edge(g, "a", "b", "last_year") == 2019
    assert edge(g, "a", "b", "n_patent") == 1 and edge(g, "a", "b", "n_publication") == 1
    assert edge(g, "a", "b", "n_contract") == 0
    # a tie whose only joint event has no year
    c = Corpus(organizations={"org_id": ["x", "y"], "name": ["X", "Y"], "sector": ["firm"] * 2},
               events={"event_id": ["e"], "kind": ["patent"], "year": [None]},
               participations={"event_id": ["e", "e"], "org_id": ["x", "y"], "role": ["assignee"] * 2})
    h = org_graph(c)
    assert h.es[0]["first_year"] == -1 and h.es[0]["last_year"] == -1 and h.es[0]["count"] == 1


def test_filters(hand):
    assert org_graph(hand, years=(2016, 2020)).ecount() == 3
    assert org_graph(hand, years=(2016, 2020)).vs["name"] == ["a", "b", "c"]
    assert org_graph(hand, kinds="patent").vs["name"] == ["a", "b"]
    assert org_graph(hand, sectors=["university", "firm"]).ecount() == 1
    assert org_graph(hand, countries="NO").vs["name"] == ["a", "b", "d"]
    heavy = org_graph(hand, min_weight=2)
    assert heavy.ecount() == 1 and heavy.vcount() == 4
    with pytest.raises(ParameterError):
        org_graph(hand, weighting="cosine")
    with pytest.raises(ParameterError):
        collaboration_graph(hand, level="country")
    with pytest.raises(ParameterError):
        org_graph(hand, kinds="memo")


def test_person_graph(hand):
    g = person_graph(hand)
    assert g.vs["name"] == ["p1", "p2", "p3"]
    assert g.vs["label"] == ["Ada", "Bo", "Cy"]
    assert g.vs["org_id"] == ["a", "b", "a"] and g.vs["sector"] == ["university", "firm", "university"]
    assert edge(g, "p1", "p2", "count") == 2 and edge(g, "p2", "p3", "count") == 1
    assert g["level"] == "person"


def random_corpus(seed: int, max_year_span: int = 10) -> Corpus:
    rng = np.random.default_rng(seed)
    n_orgs, n_events = int(rng.integers(2, 25)), int(rng.integers(1, 40))
    rows = int(rng.integers(1, 120))
    ev = rng.integers(0, n_events, size=rows)
    org = rng.integers(0, n_orgs, size=rows)
    years = rng.integers(2000, 2000 + max_year_span, size=n_events).astype(float)
    years[rng.random(n_events) < 0.1] = np.nan
    used = np.unique(ev)
    return Corpus(
        organizations={"org_id": [f"o{i:02d}" for i in range(n_orgs)],
                       "name": [f"Org {i}" for i in range(n_orgs)],
                       "sector": rng.choice(["university", "firm", "startup"], size=n_orgs)},
        events={"event_id": [f"e{i:02d}" for i in used],
                "kind": rng.choice(["publication", "patent", "contract"], size=n_events)[used],
                "year": pd.array(years[used], dtype="Float64").astype("Int64")},
        participations={"event_id": [f"e{i:02d}" for i in ev], "org_id": [f"o{i:02d}" for i in org],
                        "role": ["author"] * rows},
    )


def brute_weights(corpus: Corpus) -> dict[str, dict[frozenset, float]]:
    """Every weighting recomputed by enumerating the pairs of each event."""
    part = corpus.participations
    out: dict[str, dict] = {w: {} for w in ("full", "newman", "fractional", "association")}
    occurrences: dict[str, int] = {}
    n_events = 0
    for _, rows in part.groupby("event_id"):
        counts = rows["org_id"].value_counts()
        share = counts / counts.sum()
        members = sorted(counts.index)
        n_events += 1
        for m in members:
            occurrences[m] = occurrences.get(m, 0) + 1
        for u, v in itertools.combinations(members, 2):
            key = frozenset((u, v))
            out["full"][key] = out["full"].get(key, 0) + 1
            out["newman"][key] = out["newman"].get(key, 0) + 1 / (len(members) - 1)
            out["fractional"][key] = out["fractional"].get(key, 0) + share[u] * share[v]
    for key, c in out["full"].items():
        u, v = sorted(key)
        out["association"][key] = n_events * c / (occurrences[u] * occurrences[v])
    return out


@pytest.mark.parametrize("seed", range(25))
def test_every_weighting_matches_pair_enumeration(seed):
    corpus = random_corpus(seed)
    ref = brute_weights(corpus)
    for weighting, expected in ref.items():
        g = org_graph(corpus, weighting)
        got = {frozenset((g.vs[e.source]["name"], g.vs[e.target]["name"])): e["weight"]
               for e in g.es}
        assert got.keys() == expected.keys()
        for key, w in expected.items():
            assert got[key] == pytest.approx(w, rel=1e-12)


@pytest.mark.parametrize("seed", range(15))
def test_pair_enumeration_equals_products_and_year_blocks(seed):
    corpus = random_corpus(seed, max_year_span=60)
    inc = _incidence(corpus, "org", sort_events=False)
    pairs = _edge_table(inc, "full")
    fast = product_edge_table(inc, "full")
    slow = product_edge_table(inc, "full", exact_blocks=True)
    assert list(pairs) == list(fast)
    for col, values in pairs.items():
        assert np.array_equal(values, fast[col]), col
        assert np.array_equal(values, slow[col]), col
    for weighting in ("newman", "fractional", "association"):
        a = _edge_table(inc, weighting)
        b = product_edge_table(inc, weighting)
        for col in a:
            if col != "weight":
                assert np.array_equal(a[col], b[col]), (weighting, col)
        assert np.allclose(a["weight"], b["weight"], rtol=1e-12)


def test_incidence_rows_sorted_by_event_and_shares_sum_to_one(hand):
    inc = incidence(hand)
    assert list(inc.events["event_id"]) == ["e1", "e2", "e3", "e4"]
    assert np.allclose(np.asarray(inc.shares.sum(axis=1)).ravel(), 1.0)
    assert incidence(hand, "person").matrix.shape == (2, 3)


def test_synthetic_projection_is_simple_and_sorted(small_ecosystem):
    corpus, _ = small_ecosystem
    g = org_graph(corpus, "newman")
    assert g.is_simple() and g.vs["name"] == sorted(g.vs["name"])
    edges = np.asarray(g.get_edgelist())
    assert (edges[:, 0] < edges[:, 1]).all()
    assert (np.asarray(g.es["first_year"]) <= np.asarray(g.es["last_year"])).all()
    counts = np.asarray(g.es["count"])
    assert np.array_equal(counts, np.sum([g.es[f"n_{k}"] for k in
                                          ("publication", "patent", "contract")], axis=0))


@pytest.mark.parametrize("weighting", ["full", "newman", "association"])
def test_edge_table_has_the_ties_and_attributes_of_the_graph(weighting):
    corpus = random_corpus(3)
    g = org_graph(corpus, weighting, min_weight=0.3)
    t = edge_table(corpus, weighting=weighting, min_weight=0.3)
    assert len(t) == g.ecount() and list(t.columns[2:]) == list(EDGE_ATTRIBUTES)
    names = np.asarray(g.vs["name"])
    edges = np.asarray(g.get_edgelist()).reshape(-1, 2)
    assert (t["source"].astype(str).to_numpy() == names[edges[:, 0]]).all()
    assert (t["target"].astype(str).to_numpy() == names[edges[:, 1]]).all()
    for attr in EDGE_ATTRIBUTES:
        assert np.array_equal(t[attr].to_numpy(), np.asarray(g.es[attr])), attr


def test_sorted_codes_of_chunked_arrow_strings_and_objects():
    import pyarrow as pa

    from netkit.build.bipartite import _sorted_codes

    chunked = pa.chunked_array([pa.array(["b", "é"]), pa.array(["c", "a", "é"]), pa.array(["b"])])
    for values in (pd.Series(pd.arrays.ArrowStringArray(chunked)),
                   pd.Series(["b", "é", "c", "a", "é", "b"], dtype=object)):
        codes, uniques = _sorted_codes(values)
        assert uniques.tolist() == ["a", "b", "c", "é"]  # code-point order
        assert uniques[codes].tolist() == ["b", "é", "c", "a", "é", "b"]


@pytest.mark.parametrize("seed", range(6))
def test_pair_keys_decoded_in_small_blocks_of_ties(seed, monkeypatch):
    import netkit.build.pairs as pairs

    corpus = random_corpus(seed, max_year_span=60)
    inc = _incidence(corpus, "org", sort_events=False)
    whole = {w: _edge_table(inc, w) for w in WEIGHTINGS}
    monkeypatch.setattr(pairs, "_DECODE_BLOCK", 2)
    for weighting in WEIGHTINGS:
        blocks = _edge_table(inc, weighting)
        product = product_edge_table(inc, weighting)
        for col, values in whole[weighting].items():
            assert np.array_equal(values, blocks[col]), (weighting, col)
            if col != "weight":
                assert np.array_equal(values, product[col]), (weighting, col)
