"""Mixing matrix and assortativity against networkx; T(UIG) computed by hand."""

from __future__ import annotations

import math

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from netkit.metrics import assortativity, mixing_matrix, triple_helix
from netkit.model import Corpus

SECTORS = ["university", "firm", "startup", "government"]


def random_pair(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(4, 30))
    g = ig.Graph.Erdos_Renyi(n, float(rng.uniform(0.1, 0.5)))
    g.vs["name"] = list(range(n))
    g.vs["sector"] = rng.choice(SECTORS[: int(rng.integers(2, 5))], size=n).tolist()
    h = nx.Graph()
    h.add_nodes_from((i, {"sector": s}) for i, s in enumerate(g.vs["sector"]))
    h.add_edges_from(g.get_edgelist())
    return g, h


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")  # networkx on one group
@pytest.mark.parametrize("seed", range(100))
def test_mixing_and_assortativity_match_networkx(seed):
    g, h = random_pair(seed)
    if g.ecount() == 0:
        return
    ours = mixing_matrix(g)
    labels = sorted(set(g.vs["sector"]))
    mapping = {s: i for i, s in enumerate(labels)}
    ref = nx.attribute_mixing_matrix(h, "sector", mapping=mapping, normalized=False)
    assert np.allclose(ours["observed"].unstack().loc[labels, labels].to_numpy(), ref)
    r = nx.attribute_assortativity_coefficient(h, "sector")
    assert assortativity(g) == pytest.approx(r, abs=1e-9, nan_ok=True)


def test_expected_mixing_is_random_mixing_of_the_degree_totals():
    g = ig.Graph([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)])
    g.vs["sector"] = ["firm", "firm", "university", "university"]
    m = mixing_matrix(g)
    # firm degree total 3 + 2 = 5, university 3 + 2 = 5, 2m = 10
    assert m.loc[("firm", "firm"), "expected"] == pytest.approx(5 * 5 / 10)
    assert m.loc[("firm", "university"), "observed"] == 3
    assert m.loc[("firm", "university"), "ratio"] == pytest.approx(3 / 2.5)
    assert m["observed"].sum() == 10 and m["expected"].sum() == pytest.approx(10)
    g.es["weight"] = [2.0, 1.0, 1.0, 1.0, 1.0]
    assert mixing_matrix(g, weight="weight").loc[("firm", "firm"), "observed"] == 4.0


def h(*p: float) -> float:
    return -sum(x * math.log2(x) for x in p if x > 0)


def test_triple_helix_by_hand():
    # six events: U, U, UI, UIG, I, G (sectors: university/research -> U, firm/startup -> I)
    table = pd.DataFrame({
        "event_id": ["1", "2", "3", "3", "4", "4", "4", "5", "6", "7"],
        "sector": ["university", "research", "university", "startup", "university", "firm",
                   "government", "firm", "government", "health"],
    })
    t = triple_helix(table)
    # U: 4 of 6; I: 3 of 6; G: 2 of 6 (event 7 has none of the three: left out)
    h_u, h_i, h_g = h(4 / 6, 2 / 6), h(3 / 6, 3 / 6), h(2 / 6, 4 / 6)
    h_ui = h(2 / 6, 2 / 6, 1 / 6, 1 / 6)          # (1,0) x2, (1,1) x2, (0,1), (0,0)
    h_ug = h(3 / 6, 1 / 6, 1 / 6, 1 / 6)          # (1,0) x3, (1,1), (0,0) [event 5], (0,1)
    h_ig = h(2 / 6, 1 / 6, 1 / 6, 2 / 6)          # (0,0) x2, (1,0) x2, (1,1), (0,1)
    h_uig = h(2 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6)  # U x2, UI, UIG, I, G
    expected = h_u + h_i + h_g - h_ui - h_ug - h_ig + h_uig
    assert t["n_events"] == 6
    assert t["H_U"] == pytest.approx(h_u) and t["H_UIG"] == pytest.approx(h_uig)
    assert t["T_UIG"] == pytest.approx(expected)
    assert t["T_UI"] == pytest.approx(h_u + h_i - h_ui)
    with_none = triple_helix(table, include_none=True)
    assert with_none["n_events"] == 7


def test_triple_helix_from_a_corpus():
    c = Corpus(
        organizations={"org_id": ["u", "f", "g"], "name": ["U", "F", "G"],
                       "sector": ["university", "firm", "government"]},
        events={"event_id": ["e1", "e2", "e3"], "kind": ["publication"] * 3},
        participations={"event_id": ["e1", "e1", "e2", "e3", "e3"],
                        "org_id": ["u", "f", "f", "g", "u"], "role": ["author"] * 5},
    )
    table = pd.DataFrame({"event_id": ["e1", "e1", "e2", "e3", "e3"],
                          "sector": ["university", "firm", "firm", "government", "university"]})
    assert triple_helix(c).equals(triple_helix(table))
