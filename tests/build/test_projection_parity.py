"""The sparse projection equals networkx's bipartite weighted projection."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms import bipartite

from netkit.build import incidence, org_graph, to_networkx
from netkit.model import Corpus


def random_corpus(seed: int) -> Corpus:
    rng = np.random.default_rng(seed)
    n_orgs, n_events = int(rng.integers(2, 30)), int(rng.integers(1, 40))
    rows = int(rng.integers(1, 120))
    ev = rng.integers(0, n_events, size=rows)
    org = rng.integers(0, n_orgs, size=rows)  # repeats within an event on purpose
    years = rng.integers(2010, 2020, size=n_events)
    kinds = rng.choice(["publication", "patent", "contract"], size=n_events)
    used_events = np.unique(ev)
    return Corpus(
        organizations={"org_id": [f"o{i:02d}" for i in range(n_orgs)],
                       "name": [f"Org {i}" for i in range(n_orgs)],
                       "sector": rng.choice(["university", "firm", "startup"], size=n_orgs)},
        events={"event_id": [f"e{i:02d}" for i in used_events], "kind": kinds[used_events],
                "year": years[used_events]},
        participations={"event_id": [f"e{i:02d}" for i in ev],
                        "org_id": [f"o{i:02d}" for i in org], "role": ["author"] * rows},
    )


def networkx_projection(corpus: Corpus) -> nx.Graph:
    b = nx.Graph()
    part = corpus.participations
    b.add_nodes_from(part["event_id"].unique(), bipartite=0)
    orgs = list(part["org_id"].unique())
    b.add_nodes_from(orgs, bipartite=1)
    b.add_edges_from(zip(part["event_id"], part["org_id"], strict=True))
    return bipartite.weighted_projected_graph(b, orgs)


@pytest.mark.parametrize("seed", range(60))
def test_projection_matches_networkx(seed):
    corpus = random_corpus(seed)
    ours = to_networkx(org_graph(corpus))
    ref = networkx_projection(corpus)
    assert set(ours.nodes) == set(ref.nodes)
    assert {frozenset(e) for e in ours.edges} == {frozenset(e) for e in ref.edges}
    for u, v, w in ref.edges(data="weight"):
        assert ours[u][v]["count"] == w
        assert ours[u][v]["weight"] == float(w)


@pytest.mark.parametrize("seed", range(10))
def test_years_and_layers_match_a_direct_recount(seed):
    corpus = random_corpus(seed)
    g = org_graph(corpus)
    part = corpus.participations.drop_duplicates(["event_id", "org_id"])
    ev = corpus.events.set_index("event_id")
    members = part.groupby("event_id")["org_id"].apply(set)
    for e in g.es:
        u, v = g.vs[e.source]["name"], g.vs[e.target]["name"]
        joint = [x for x, s in members.items() if u in s and v in s]
        years = ev.loc[joint, "year"]
        assert e["first_year"] == years.min() and e["last_year"] == years.max()
        kinds = ev.loc[joint, "kind"].astype(str).value_counts()
        for kind in ("publication", "patent", "contract"):
            assert e[f"n_{kind}"] == kinds.get(kind, 0)


def test_canonical_node_order_and_attributes(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    g = org_graph(corpus)
    assert g.vs["name"] == sorted(g.vs["name"])
    assert not g.has_multiple() and not any(g.is_loop())
    orgs = corpus.organizations.set_index("org_id")
    v = g.vs[0]
    assert v["sector"] == orgs.loc[v["name"], "sector"]
    assert v["label"] == orgs.loc[v["name"], "name"]
    assert incidence(corpus).matrix.shape == (corpus.n_events, g.vcount())


def test_person_level_incidence(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    inc = incidence(corpus, "person")
    assert len(inc.nodes) == corpus.participations["person_id"].nunique()
