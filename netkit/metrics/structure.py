"""One call for the structural set: centralities, Burt's measures, brokerage, communities."""

from __future__ import annotations

import logging
import time

import pandas as pd

from netkit.build.convert import GraphLike
from netkit.metrics._graphs import edge_cache, prepare
from netkit.metrics.bridging import (
    articulation_points,
    burt_measures,
    ei_index,
    participation_coefficient,
)
from netkit.metrics.brokerage import brokerage
from netkit.metrics.centrality import (
    EXACT_BETWEENNESS_MAX_NODES,
    KADABRA_MAX_NODES,
    betweenness,
    closeness,
    degree,
    eigenvector,
    harmonic,
    pagerank,
    strength,
)
from netkit.metrics.communities import leiden
from netkit.metrics.mixing import mixing_matrix
from netkit.model.memory import release_memory

__all__ = ["centrality_table", "structural_set"]

logger = logging.getLogger(__name__)


def structural_set(graph: GraphLike, attribute: str = "sector", weight: str | None = "weight", *,
                   betweenness_method: str = "auto", distances: bool | None = None,
                   seed: int = 0) -> dict[str, pd.DataFrame]:
    """The structural metrics of a collaboration graph, one table per family.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns once).
    attribute : str
        Vertex attribute of the groups (sectors) for brokerage, participation
        coefficient, E–I index and mixing.
    weight : str or None
        Tie strength for strength, eigenvector, PageRank, constraint,
        effective size and Leiden (betweenness counts hops).
    betweenness_method : {"auto", "exact", "kadabra", "sources"}
        See :func:`~netkit.metrics.betweenness`; ``auto`` is exact up to 5,000
        vertices, KADABRA up to 200,000, then 16 sampled sources.
    distances : bool, optional
        Include closeness and harmonic centrality (all-pairs shortest paths,
        O(nm)); default only up to ``EXACT_BETWEENNESS_MAX_NODES`` vertices.
    seed : int
        Seed (default 0) of the sampled betweenness and of Leiden (2 iterations; 1 above
        200,000 vertices).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``centrality`` (degree, strength, betweenness, eigenvector, pagerank
        [, closeness, harmonic]), ``bridging`` (constraint, effective_size,
        articulation_point, participation_coefficient, ei_index),
        ``brokerage`` (see :func:`~netkit.metrics.brokerage`),
        ``communities`` (community) and ``mixing`` (the mixing matrix), all
        indexed by node name except ``mixing``. Each table's ``attrs`` has
        ``seconds`` (time taken) and notes such as the betweenness method.

    Raises
    ------
    ParameterError
        No such vertex or edge attribute, a weight that is not positive and
        finite, an unknown ``betweenness_method``.

    See Also
    --------
    betweenness : Share of shortest paths through a node.
    burt_measures : Constraint and effective size in one pass.
    brokerage : Gould–Fernandez brokerage roles by group.
    leiden : Communities (seeded Leiden).
    mixing_matrix : Ties between groups against random mixing.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Famous("Zachary"); g.vs["name"] = [f"n{i}" for i in range(34)]
    >>> g.vs["sector"] = ["firm" if i % 2 else "university" for i in range(34)]
    >>> g.es["weight"] = [1.0] * g.ecount()
    >>> sorted(structural_set(g))
    ['bridging', 'brokerage', 'centrality', 'communities', 'mixing']
    """
    with edge_cache():
        return _structural_set(graph, attribute, weight, betweenness_method, distances, seed)


def centrality_table(graph: GraphLike, weight: str | None = "weight", *, betweenness_method: str = "auto",
                     distances: bool = False, eigenvector_centrality: bool = True,
                     seed: int = 0) -> pd.DataFrame:
    """The one bundle of node centralities: degree, strength, betweenness, [eigenvector,] pagerank.

    Betweenness is normalised and counts hops; ``distances`` adds closeness and
    harmonic centrality. The table's ``attrs`` name the betweenness method.
    The structural set, the report and the network view all take their
    centralities from here.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        The collaboration graph.
    weight : str or None, default "weight"
        Edge attribute used by strength, eigenvector centrality and PageRank; ``None``
        treats every tie alike (strength is then the degree).
    betweenness_method : str, default "auto"
        One of :data:`~netkit.metrics.centrality.BETWEENNESS_METHODS` (exact or
        sampled; see :func:`~netkit.metrics.centrality.betweenness`).
    distances : bool, default False
        Also compute closeness and harmonic centrality (all-pairs distances).
    eigenvector_centrality : bool, default True
        Include eigenvector centrality.
    seed : int, default 0
        Seed of sampled betweenness.

    Returns
    -------
    pandas.DataFrame
        One row per node (node names as index): ``degree``, ``strength``,
        ``betweenness``, [``eigenvector``,] ``pagerank`` [, ``closeness``,
        ``harmonic``]. ``attrs`` name the betweenness method.

    See Also
    --------
    structural_set : This bundle with brokerage, bridging and communities.
    betweenness : Share of shortest paths through a node.
    pagerank : Random-walk centrality.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Famous("Zachary"); g.vs["name"] = [f"n{i}" for i in range(34)]
    >>> list(centrality_table(g, None, eigenvector_centrality=False).columns)
    ['degree', 'strength', 'betweenness', 'pagerank']
    """
    g, _ = prepare(graph, weight)
    return _centrality(g, None, weight, betweenness_method, distances, seed,
                       eigenvector_centrality)


def _centrality(g, attribute, weight, betweenness_method, distances, seed,
                eigenvector_centrality=True) -> pd.DataFrame:
    bet = betweenness(g, method=betweenness_method, seed=seed)
    release_memory()  # networkit's graph copy leaves a fragmented heap behind
    cols = [degree(g), strength(g, weight) if weight else degree(g).rename("strength"), bet]
    if eigenvector_centrality:
        cols.append(eigenvector(g, weight))
    cols.append(pagerank(g, weight))
    if distances:
        cols += [closeness(g), harmonic(g)]
    frame = pd.concat(cols, axis=1)
    frame.attrs.update(betweenness_method=bet.attrs["method"], distances=bool(distances))
    if bet.attrs["method"] == "kadabra":
        frame.attrs["betweenness_epsilon"] = bet.attrs["epsilon"]
    if bet.attrs["method"] == "sources":
        frame.attrs["betweenness_sources"] = bet.attrs["n_sources"]
    return frame


def _bridging(g, attribute, weight, betweenness_method, distances, seed) -> pd.DataFrame:
    return pd.concat([burt_measures(g, weight), articulation_points(g),
                      participation_coefficient(g, attribute), ei_index(g, attribute)], axis=1)


def _brokerage(g, attribute, weight, betweenness_method, distances, seed) -> pd.DataFrame:
    return brokerage(g, attribute)


def _communities(g, attribute, weight, betweenness_method, distances, seed) -> pd.DataFrame:
    iterations = 2 if g.vcount() <= KADABRA_MAX_NODES else 1
    com = leiden(g, weight, seed=seed, n_iterations=iterations)
    frame = com.to_frame()
    frame.attrs.update(modularity=com.attrs["modularity"], leiden_iterations=iterations)
    return frame


def _mixing(g, attribute, weight, betweenness_method, distances, seed) -> pd.DataFrame:
    return mixing_matrix(g, attribute)


_FAMILIES = {"centrality": _centrality, "bridging": _bridging, "brokerage": _brokerage,
            "communities": _communities, "mixing": _mixing}
"""The tables of :func:`structural_set`, in order, and the function computing each."""


def _structural_set(graph: GraphLike, attribute, weight, betweenness_method, distances, seed,
                    families=tuple(_FAMILIES)):
    g, _ = prepare(graph, weight)
    if distances is None:
        distances = g.vcount() <= EXACT_BETWEENNESS_MAX_NODES
    out: dict[str, pd.DataFrame] = {}
    for name in families:
        t = time.perf_counter()
        out[name] = _FAMILIES[name](g, attribute, weight, betweenness_method, distances, seed)
        out[name].attrs["seconds"] = time.perf_counter() - t
        release_memory()  # glibc keeps freed blocks; without a trim the peaks stack up
        logger.info("%s: %.2f s", name, out[name].attrs["seconds"])
    return out
