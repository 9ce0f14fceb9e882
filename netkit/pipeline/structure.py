"""The structure step: centralities, Burt's measures, brokerage, communities, mixing, nulls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from netkit.metrics.centrality import BETWEENNESS_METHODS
from netkit.pipeline.params import Params, Range, option

__all__ = ["BrokerResult", "BrokerageParams", "MixingResult", "OverviewResult",
           "StructureParams", "StructureResult", "brokers", "network_overview", "node_centrality",
           "run_structure", "sector_mixing"]

if TYPE_CHECKING:
    import igraph as ig



@dataclass(frozen=True)
class StructureParams(Params):
    """The structural metrics and their null models."""

    SECTION = "structure"
    TITLE = "network overview, sector mixing and Triple Helix"

    top: int = option(15, 'rows of the "most connected" tables', types=int,
                      check=Range(1, 1000), flag=None)
    null_samples: int = option(
        0, "degree-preserving rewirings that test the mixing matrix, E-I index and "
        "assortativity (0: skip)", types=int, check=Range(0, 100_000), flag="--null",
        report=100, metavar="N")
    null_max_edges: int = option(50_000, "skip the rewiring null above this many ties "
                                 "(0: no limit)", types=int, check=Range(0), flag=None)
    large_events: int = option(50, "list events with at least this many organisations",
                               types=int, check=Range(2), flag=None)
    min_ties: int = option(10, "fewest observed ties to rank or colour a ratio", types=int,
                           check=Range(1), flag=None)
    groups: str = option("sector", "vertex attribute of the groups for brokerage and mixing "
                         "(also region, country)", key=None, metavar="ATTR")
    betweenness: str = option("auto", "exact, KADABRA adaptive sampling, or sampled sources "
                              "(auto: exact up to 5000 nodes, KADABRA up to 200000, then 16 "
                              "sources)", key=None, choices=BETWEENNESS_METHODS)


@dataclass(frozen=True)
class BrokerageParams(Params):
    """The brokers table of the report."""

    SECTION = "brokerage"
    TITLE = "top brokers"

    top: int = option(15, "rows of the brokers table", types=int, check=Range(1, 1000),
                      flag=None)


def node_centrality(graph: ig.Graph, *, seed: int = 0, betweenness_method: str = "auto") -> pd.DataFrame:
    """degree, strength, betweenness (normalised, hops) and PageRank per node (index: name).

    The one bundle the report's tables and the network view size by
    (:func:`netkit.metrics.structure.centrality_table` without eigenvector);
    ``attrs["methods"]`` says how each column was computed.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> node_centrality(org_graph(toy_corpus())).round(3).loc["a"].tolist()
    [2.0, 3.0, 0.0, 0.37]
    """
    from netkit.metrics.structure import centrality_table

    weight = "weight" if "weight" in graph.es.attributes() else None
    table = centrality_table(graph, weight, betweenness_method=betweenness_method,
                             eigenvector_centrality=False, seed=seed)
    table = table.rename_axis("org_id")
    table.attrs["methods"] = {
        "betweenness": f"netkit.metrics.betweenness ({table.attrs['betweenness_method']}, "
                       "normalised, hops)",
        "pagerank": "netkit.metrics.pagerank (weighted)"}
    return table


@dataclass
class StructureResult:
    """The tables of the structural set (``centrality``, ``bridging``, ``brokerage``,
    ``communities``, ``mixing``, ``triple_helix`` and, with a null, ``significance``)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def run_structure(graph: ig.Graph, corpus, params: StructureParams | None = None, *,
                  seed: int = 0) -> StructureResult:
    """The structural set of a graph, Triple-Helix information of its corpus, nulls.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> c = toy_corpus()
    >>> sorted(run_structure(org_graph(c), c).tables)
    ['bridging', 'brokerage', 'centrality', 'communities', 'mixing', 'triple_helix']
    """
    from netkit.metrics.mixing import triple_helix
    from netkit.metrics.significance import (
        assortativity_significance,
        ei_significance,
        mixing_significance,
    )
    from netkit.metrics.structure import structural_set

    p = params or StructureParams()
    tables = structural_set(graph, p.groups, "weight", betweenness_method=p.betweenness,
                            seed=seed)
    tables["triple_helix"] = triple_helix(corpus).to_frame()
    if p.null_samples > 0:
        mix = mixing_significance(graph, p.groups, p.null_samples, seed=seed)
        mix.index = [f"mixing[{s}|{t}]" for s, t in mix.index]
        extra = pd.DataFrame([ei_significance(graph, p.groups, p.null_samples, seed=seed),
                              assortativity_significance(graph, p.groups, p.null_samples,
                                                         seed=seed)])
        tables["significance"] = pd.concat([mix, extra])
    return StructureResult(tables)


@dataclass
class MixingResult:
    """Sector mixing against random mixing and rewiring, E–I index and Triple Helix.

    ``mixing`` has a ``ranked`` column: pairs with at least ``min_ties`` observed
    ties (a ratio on fewer is noise). ``significance`` is None when the rewiring
    null was not run; ``null_skipped`` says it was skipped for the graph's size.
    """

    mixing: pd.DataFrame
    significance: pd.DataFrame | None
    null_skipped: bool
    ei_index: pd.Series
    triple_helix: pd.Series


def sector_mixing(graph: ig.Graph, corpus, params: StructureParams | None = None, *,
                  seed: int = 0) -> MixingResult:
    """The sector-mixing tables of the structure step (groups: ``params.groups``).

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> c = toy_corpus()
    >>> r = sector_mixing(org_graph(c), c, StructureParams(null_samples=0))
    >>> r.significance is None, "ranked" in r.mixing.columns
    (True, True)
    """
    from netkit.metrics import ei_index, mixing_matrix, mixing_significance, triple_helix

    p = params or StructureParams()
    mix = mixing_matrix(graph, p.groups)
    mix["ranked"] = mix["observed"] >= p.min_ties
    too_big = bool(p.null_max_edges) and graph.ecount() > p.null_max_edges
    sig = None
    if p.null_samples and graph.ecount() and not too_big:
        sig = mixing_significance(graph, p.groups, n_samples=p.null_samples, seed=seed)
    return MixingResult(mix, sig, bool(too_big and p.null_samples),
                        ei_index(graph, p.groups, by="group"), triple_helix(corpus))


@dataclass
class BrokerResult:
    """Per organisation (in the order of ``centrality``): betweenness, degree, Burt's
    constraint and effective size, Gould–Fernandez roles with z-scores and exclusivity,
    articulation points; and the number of bridges."""

    table: pd.DataFrame
    n_bridges: int


BROKER_COLUMNS = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                  "total", "z_liaison", "z_total", "exclusivity_liaison", "exclusivity_total")


def brokers(graph: ig.Graph, centrality: pd.DataFrame, params: StructureParams | None = None
            ) -> BrokerResult:
    """The brokerage measures of the structure step, beside ``centrality``
    (:func:`node_centrality`)."""
    from netkit.metrics import articulation_points, bridges, brokerage, constraint, effective_size

    p = params or StructureParams()
    weight = "weight" if "weight" in graph.es.attributes() else None
    idx = centrality.index
    table = pd.DataFrame(index=idx)
    table["betweenness"] = centrality["betweenness"].to_numpy()
    table["degree"] = centrality["degree"].to_numpy()
    table["constraint"] = constraint(graph, weight).reindex(idx).to_numpy()
    table["effective_size"] = effective_size(graph, weight).reindex(idx).to_numpy()
    roles = brokerage(graph, p.groups)
    table = table.join(roles[[c for c in BROKER_COLUMNS if c in roles.columns]])
    table["articulation_point"] = articulation_points(graph).reindex(idx).to_numpy()
    return BrokerResult(table, len(bridges(graph)) if graph.ecount() else 0)


@dataclass
class OverviewResult:
    """Communities (Leiden, seeded; None without ties), sector assortativity, each
    organisation's dominant event, and the large events of the structure step."""

    communities: pd.Series | None
    assortativity: float | None
    dominant_events: pd.DataFrame
    large_events: pd.DataFrame


def network_overview(graph: ig.Graph, corpus, params: StructureParams | None = None, *,
                     seed: int = 0) -> OverviewResult:
    """Communities, assortativity by ``params.groups``, dominant and large events.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> from netkit.build import org_graph
    >>> c = toy_corpus()
    >>> r = network_overview(org_graph(c), c, StructureParams(large_events=3))
    >>> int(r.communities.nunique()) >= 1, len(r.large_events)
    (True, 1)
    """
    from netkit.metrics import assortativity, dominant_events, large_events, leiden

    p = params or StructureParams()
    communities = leiden(graph, seed=seed) if graph.ecount() else None
    assort = float(assortativity(graph, p.groups)) if graph.ecount() else None
    return OverviewResult(communities, assort,
                          dominant_events(corpus, graph)[["top_event", "top_event_share"]],
                          large_events(corpus, p.large_events))
