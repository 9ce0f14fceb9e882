"""Conventions shared by every metric: node keys as the index, igraph's RNG left as it was,
directed graphs announced, one seed policy (issue 14, items 1, 5, 9 and 14)."""

from __future__ import annotations

import inspect
import random
import warnings

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netkit.metrics as m
from netkit.metrics._graphs import DirectedGraphWarning


def _grid() -> nx.Graph:
    g = nx.grid_2d_graph(4, 3)
    nx.set_node_attributes(g, {v: "university" if v[0] == 0 else "firm" for v in g}, "sector")
    nx.set_node_attributes(g, {v: f"r{v[1]}" for v in g}, "region")
    nx.set_edge_attributes(g, 1.0, "weight")
    return g


# every public function that returns something indexed by node, with its call
NODE_METRICS = {
    "degree": lambda g: m.degree(g),
    "strength": lambda g: m.strength(g),
    "betweenness": lambda g: m.betweenness(g),
    "closeness": lambda g: m.closeness(g),
    "harmonic": lambda g: m.harmonic(g),
    "eigenvector": lambda g: m.eigenvector(g),
    "pagerank": lambda g: m.pagerank(g),
    "constraint": lambda g: m.constraint(g),
    "effective_size": lambda g: m.effective_size(g),
    "burt_measures": lambda g: m.burt_measures(g),
    "articulation_points": lambda g: m.articulation_points(g),
    "participation_coefficient": lambda g: m.participation_coefficient(g),
    "ei_index": lambda g: m.ei_index(g),
    "brokerage": lambda g: m.brokerage(g),
    "leiden": lambda g: m.leiden(g),
    "simulate_diffusion": lambda g: m.simulate_diffusion(g, "university", runs=5).nodes,
    "centrality_table": lambda g: m.centrality_table(g),
}


def test_every_node_function_is_listed():
    """A new node metric must be added to NODE_METRICS (so that it is tested with tuple keys)."""
    takes_graph = {name for name in m.__all__
                   if callable(getattr(m, name)) and not inspect.isclass(getattr(m, name))
                   and next(iter(inspect.signature(getattr(m, name)).parameters)) == "graph"}
    graph_level = {"assortativity", "assortativity_significance", "bridges", "ei_significance",
                   "global_efficiency", "mixing_matrix", "mixing_significance", "modularity",
                   "region_density", "region_flow_matrix", "region_summary", "rewiring_null",
                   "structural_set"}
    assert takes_graph - graph_level == set(NODE_METRICS)


@pytest.mark.parametrize("name", sorted(NODE_METRICS))
def test_tuple_node_keys_come_back_as_the_index(name):
    g = _grid()
    out = NODE_METRICS[name](g)
    assert not isinstance(out.index, pd.MultiIndex)
    assert out.index.tolist() == list(g.nodes)


def test_tuple_keys_in_tables_and_mappings():
    g = _grid()
    for table in m.structural_set(g).values():
        if table.index.name == "node":
            assert table.index.tolist() == list(g.nodes)
    ends = m.bridges(nx.path_graph([(0, 0), (0, 1), (1, 1)]))
    assert ends.values.tolist() == [[(0, 0), (0, 1)], [(0, 1), (1, 1)]]
    rows = {v: v[1] for v in g}  # modules given as a mapping keyed by tuples
    pc = m.participation_coefficient(g, rows)
    assert pc[(0, 0)] == pytest.approx(0.5)  # (0,0) ties: (1,0) row 0, (0,1) row 1
    assert m.region_flow_matrix(g).to_numpy().sum() > 0  # networkx graphs accepted


SEEDED = {  # every seeded routine that runs on igraph's global generator
    "leiden": lambda g: m.leiden(g, weight=None, seed=3),
    "pagerank": lambda g: m.pagerank(g, weight=None),
    "rewiring_null": lambda g: m.rewiring_null(g, lambda e: float(len(e)), n_samples=2, seed=3),
    "mixing_significance": lambda g: m.mixing_significance(g, n_samples=3, seed=3),
    "structural_set": lambda g: m.structural_set(g, weight=None),
}


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_the_callers_igraph_generator_is_restored(name):
    g = ig.Graph.Famous("Zachary")
    g.vs["sector"] = ["firm" if i % 2 else "university" for i in range(34)]
    try:
        ig.set_random_number_generator(random.Random(7))
        expected = ig.Graph.Erdos_Renyi(30, 0.2).get_edgelist()
        ig.set_random_number_generator(random.Random(7))
        SEEDED[name](g)
        assert ig.Graph.Erdos_Renyi(30, 0.2).get_edgelist() == expected
    finally:
        ig.set_random_number_generator(random)


def _digraph() -> ig.Graph:
    g = ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)], directed=True)
    g.vs["name"] = list("abcd")
    g.vs["sector"] = ["university", "firm", "firm", "startup"]
    g.vs["region"] = ["x", "x", "y", "y"]
    g.es["weight"] = [1.0, 2.0, 1.0, 1.0]
    return g


UNDIRECTED_READERS = {
    "degree": lambda g: m.degree(g), "strength": lambda g: m.strength(g),
    "betweenness": lambda g: m.betweenness(g), "closeness": lambda g: m.closeness(g),
    "harmonic": lambda g: m.harmonic(g), "eigenvector": lambda g: m.eigenvector(g),
    "pagerank": lambda g: m.pagerank(g), "constraint": lambda g: m.constraint(g),
    "burt_measures": lambda g: m.burt_measures(g),
    "articulation_points": lambda g: m.articulation_points(g),
    "participation_coefficient": lambda g: m.participation_coefficient(g),
    "ei_index": lambda g: m.ei_index(g), "leiden": lambda g: m.leiden(g),
    "mixing_matrix": lambda g: m.mixing_matrix(g), "assortativity": lambda g: m.assortativity(g),
    "mixing_significance": lambda g: m.mixing_significance(g, n_samples=3),
    "region_density": lambda g: m.region_density(g),
}


@pytest.mark.parametrize("name", sorted(UNDIRECTED_READERS))
def test_directed_graphs_read_as_undirected_say_so(name):
    with pytest.warns(DirectedGraphWarning, match="reads the directed graph as undirected"):
        UNDIRECTED_READERS[name](_digraph())
    # and the result is that of the undirected graph
    with warnings.catch_warnings():
        warnings.simplefilter("error", DirectedGraphWarning)
        undirected = UNDIRECTED_READERS[name](_digraph().as_undirected(
            mode="collapse", combine_edges={"weight": "sum"}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DirectedGraphWarning)
        directed = UNDIRECTED_READERS[name](_digraph())
    if isinstance(directed, pd.Series | pd.DataFrame):
        pd.testing.assert_frame_equal(pd.DataFrame(directed), pd.DataFrame(undirected))
    else:
        assert directed == pytest.approx(undirected, nan_ok=True)


def test_metrics_that_use_direction_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DirectedGraphWarning)
        m.brokerage(_digraph())
        m.simulate_diffusion(_digraph(), "a", runs=3)


def _seed_default(func) -> object:
    return inspect.signature(func).parameters["seed"].default


def test_one_seed_policy_fixed_default_everywhere():
    """Every public routine with a ``seed`` defaults to 0: reruns give the same result."""
    seeded = [name for name in m.__all__ if callable(getattr(m, name))
              and not inspect.isclass(getattr(m, name))
              and "seed" in inspect.signature(getattr(m, name)).parameters]
    assert {"simulate_diffusion", "compare_groups", "leiden", "betweenness", "rewiring_null",
            "structural_set", "mixing_significance"} <= set(seeded)
    assert {name: _seed_default(getattr(m, name)) for name in seeded} == dict.fromkeys(seeded, 0)
    assert "seed" in (m.__doc__ or "").lower()


def test_default_seed_gives_the_same_result_twice(tiny_ecosystem):
    g = ig.Graph.Famous("Zachary")
    a = m.simulate_diffusion(g, [0, 1], weight=None, runs=50)
    b = m.simulate_diffusion(g, [0, 1], weight=None, runs=50)
    assert (a.counts == b.counts).all()
    corpus, _ = tiny_ecosystem
    years = corpus.events["year"].dropna().astype(int)
    split = int(np.median(years))
    x = m.compare_windows(corpus, split, reps=20, perms=20, structural_reps=0)
    y = m.compare_windows(corpus, split, reps=20, perms=20, structural_reps=0)
    pd.testing.assert_frame_equal(x, y)


# effective_size and burt_measures are being rewritten elsewhere (Burt's measures, memory)
_DOCS_ELSEWHERE = {"effective_size", "burt_measures"}


def test_every_public_function_documents_its_parameters():
    """Issue 14, item 14: numpydoc Parameters (and Raises where it raises) everywhere."""
    missing = []
    for name in m.__all__:
        f = getattr(m, name)
        if inspect.isclass(f) or not callable(f) or name in _DOCS_ELSEWHERE:
            continue
        doc = inspect.getdoc(f) or ""
        for section in ("Parameters", "Returns", "Examples"):
            if f"{section}\n---" not in doc:
                missing.append((name, section))
    raising = ["eigenvector", "pagerank", "strength", "betweenness", "closeness", "harmonic",
               "leiden", "modularity", "mixing_significance", "ei_significance",
               "assortativity_significance", "rewiring_null", "transmission_probability",
               "simulate_diffusion", "earliest_arrival", "compare_groups", "compare_windows",
               "compare_cohorts", "rank_brokers", "participation_coefficient", "ei_index",
               "mixing_matrix", "assortativity", "region_density", "structural_set"]
    missing += [(name, "Raises") for name in raising
                if "Raises\n---" not in (inspect.getdoc(getattr(m, name)) or "")]
    assert not missing
    assert "damping" in inspect.getdoc(m.pagerank).split("Returns")[0]


_SECTIONS = ("Parameters", "Returns", "Raises", "See Also", "Notes", "References", "Examples")


def _see_also(name: str) -> list[str]:
    """The names listed in the numpydoc See Also section of ``m.<name>``."""
    doc = inspect.getdoc(getattr(m, name)) or ""
    if "See Also\n--------\n" not in doc:
        return []
    block = doc.split("See Also\n--------\n", 1)[1].split("\n\n", 1)[0]
    return [line.split(" : ")[0].strip() for line in block.splitlines() if line[:1].strip()]


def _functions() -> list[str]:
    return [name for name in m.__all__
            if callable(getattr(m, name)) and not inspect.isclass(getattr(m, name))]


def test_every_public_function_points_to_related_metrics():
    """Issue 15, item 4: numpydoc See Also between related metrics, in numpydoc order."""
    public = set(m.__all__)
    links = {name: _see_also(name) for name in _functions()}
    assert {name for name, see in links.items() if not see} == set()
    assert {(name, other) for name, see in links.items() for other in see
            if other not in public or other == name} == set()
    for name in _functions():
        doc = inspect.getdoc(getattr(m, name)) or ""
        found = [s for s in _SECTIONS if f"{s}\n---" in doc]
        assert sorted(found, key=lambda s: doc.index(f"{s}\n---")) == found, name
    # the families the issue names point at each other
    centralities = {"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
                    "pagerank"}
    assert all(set(links[c]) & (centralities - {c}) for c in centralities)
    for a, b in [("brokerage", "constraint"), ("constraint", "brokerage"),
                 ("burt_measures", "brokerage"), ("mixing_matrix", "region_flow_matrix"),
                 ("region_flow_matrix", "mixing_matrix"), ("tie_dynamics", "compare_windows"),
                 ("compare_windows", "tie_dynamics"), ("ei_index", "ei_significance"),
                 ("ei_significance", "ei_index"), ("mixing_matrix", "mixing_significance")]:
        assert b in links[a], (a, b)
