"""Centrality: degree, strength, betweenness (exact and adaptive-sampling), closeness,
harmonic, eigenvector and PageRank.

All functions take an ``igraph.Graph`` (or a networkx graph, converted once)
and return a ``pandas.Series`` indexed by node name (networkx node keys of any
hashable type). Self-loops are ignored and parallel edges merged (weights
summed); directed graphs are read as undirected, with a
:class:`~netkit.metrics.DirectedGraphWarning` (collaboration ties have
no direction; convert the graph yourself to say so). Path-based measures (betweenness, closeness, harmonic) are
unweighted by default; with ``weight=...`` a tie's length is ``1 / weight``
(``invert=True``: more joint events = closer, Opsahl et al. 2010) or the
weight itself (``invert=False``, as networkx reads ``weight``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse.linalg as spla

from netkit._docs import fill_doc
from netkit.build.convert import GraphLike
from netkit.errors import ParameterError
from netkit.metrics._graphs import adjacency, edge_array, igraph_seed, prepare, series

__all__ = [
    "BETWEENNESS_METHODS",
    "betweenness",
    "closeness",
    "degree",
    "eigenvector",
    "harmonic",
    "pagerank",
    "strength",
]

logger = logging.getLogger(__name__)

BETWEENNESS_METHODS = ("auto", "exact", "kadabra", "sources")
"""The ``method`` values of :func:`betweenness`."""

EXACT_BETWEENNESS_MAX_NODES = 5000
"""``betweenness(method="auto")`` is exact up to this many vertices, then KADABRA."""

KADABRA_MAX_NODES = 200_000
"""Above this many vertices ``betweenness(method="auto")`` samples source nodes instead."""


_PAGERANK_ARPACK_MAX_NODES = 200_000

_DOC = {
    "distance_parameters": """\
        Parameters
        ----------
        graph : igraph.Graph or networkx.Graph
            Read as undirected (a directed graph warns).
        weight : str, optional
            Edge attribute; distances use ``1/weight`` (``invert=True``) or ``weight``.
        invert : bool
            With ``weight``: a tie's length is ``1/weight`` (default) or ``weight``.""",
    "weight_raises": """\
        Raises
        ------
        ParameterError
            The graph has no such edge attribute, or a weight is not positive and finite.""",
}


def _lengths(g, w, invert: bool) -> list[float] | None:
    if w is None:
        return None
    return (1.0 / w).tolist() if invert else w.tolist()


def degree(graph: GraphLike, normalized: bool = False) -> pd.Series:
    """Degree: the number of distinct neighbours.

    .. math:: k_i = |N(i)|, \\qquad \\text{normalized: } k_i / (n - 1)

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns); self-loops ignored,
        parallel edges count once.
    normalized : bool
        Divide by ``n − 1`` (as networkx ``degree_centrality``; 0 when ``n ≤ 1``).

    Returns
    -------
    pandas.Series
        Named ``"degree"``, indexed by node name. Isolates have 0.

    See Also
    --------
    strength : Sum of tie weights.
    pagerank : Random walk with teleportation.
    structural_set : Every structural metric of a graph at once.

    References
    ----------
    .. [1] L. C. Freeman, "Centrality in social networks", Social Networks 1 (1979).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (0, 2), (0, 1)]); g.vs["name"] = ["a", "b", "c"]
    >>> degree(g).tolist()
    [2, 1, 1]
    """
    g, _ = prepare(graph, None)
    k = np.asarray(g.degree(), dtype=np.float64 if normalized else np.int64)
    if normalized:
        k = k / (g.vcount() - 1) if g.vcount() > 1 else np.zeros(g.vcount())
    return series(k, g, "degree")


@fill_doc(_DOC)
def strength(graph: GraphLike, weight: str = "weight") -> pd.Series:
    """Strength: the sum of the weights of a node's ties.

    .. math:: s_i = \\sum_j w_{ij}

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns; ``u→v`` and ``v→u`` are
        one tie, weights summed); self-loops ignored, parallel edges merged
        (weights summed).
    weight : str
        Edge attribute of tie strength (default ``"weight"``).

    Returns
    -------
    pandas.Series
        Named ``"strength"``; isolates have 0. Equals networkx
        ``G.degree(weight=...)`` on a simple undirected graph.

    {weight_raises}

    See Also
    --------
    degree : Number of distinct partners.
    eigenvector : Leading eigenvector of the adjacency matrix.

    References
    ----------
    .. [1] A. Barrat et al., "The architecture of complex weighted networks", PNAS 101 (2004).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (0, 2)]); g.vs["name"] = ["a", "b", "c"]; g.es["weight"] = [2.0, 3.0]
    >>> strength(g).tolist()
    [5.0, 2.0, 3.0]
    """
    g, w = prepare(graph, weight)
    return series(g.strength(weights=None if w is None or not len(w) else weight), g,
                  "strength", dtype=np.float64)


def betweenness(graph: GraphLike, weight: str | None = None, *, normalized: bool = True,
                method: str = "auto", invert: bool = True, epsilon: float = 0.005,
                delta: float = 0.1, n_sources: int = 16, seed: int = 0) -> pd.Series:
    """Betweenness: the share of shortest paths between other nodes that pass through a node.

    .. math:: b_i = \\sum_{s < t,\\; s, t \\ne i} \\frac{\\sigma_{st}(i)}{\\sigma_{st}}

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns).
    weight : str, optional
        Edge attribute giving tie strength; ``None`` (default) counts hops.
    normalized : bool
        Divide by ``(n − 1)(n − 2) / 2``, the number of pairs of other nodes
        (networkx's normalisation for undirected graphs).
    method : {"auto", "exact", "kadabra", "sources"}
        ``exact``: Brandes' algorithm in igraph's C core, O(nm).
        ``kadabra``: adaptive sampling of shortest paths (Borassi & Natale
        2016, networkit); every score is within ``epsilon`` of the exact one
        with probability ≥ 1 − δ on the scale of Borassi & Natale's
        betweenness, the share of *ordered* pairs ``s ≠ t`` of all ``n``
        nodes whose shortest paths pass through the node — i.e. the
        normalised betweenness returned here times ``(n − 2)/n`` (see Notes).
        Unweighted only.
        ``sources``: Brandes' accumulation from ``n_sources`` random source
        nodes, extrapolated (Brandes & Pich 2007; networkit); unbiased, cheap,
        good for ranking hubs, noisy for small values. Unweighted only.
        ``auto``: exact up to :data:`EXACT_BETWEENNESS_MAX_NODES` vertices or
        for weighted graphs, KADABRA up to :data:`KADABRA_MAX_NODES`, then
        ``sources``. The method used (and its parameters) is in ``result.attrs``.
    invert : bool
        With ``weight``: a tie's length is ``1/weight`` (default) or ``weight``.
    epsilon, delta : float
        KADABRA's additive error (on the scale above) and failure probability.
    n_sources : int
        Source nodes sampled by ``method="sources"``.
    seed : int
        Seed of the sampling (``kadabra`` and ``sources``; default 0: same
        graph and seed → same scores).

    Returns
    -------
    pandas.Series
        Named ``"betweenness"``. Pairs in different components have no
        shortest path and contribute nothing; isolates have 0.

    Raises
    ------
    ParameterError
        Unknown ``method``, sampling asked for a weighted graph, missing or
        non-positive weights.

    See Also
    --------
    closeness : Inverse mean distance to reachable nodes.
    harmonic : Sum of inverse distances (disconnected graphs).
    constraint : Burt's constraint (few structural holes).
    brokerage : Gould–Fernandez brokerage roles by group.

    Notes
    -----
    At 10,000 vertices the default KADABRA run (``epsilon=0.005``) finds ≥ 95
    of the exact top-100 (96 in the benchmark) in about 4 % of the exact time, with a rank
    correlation ≥ 0.99 among them; over *all* vertices the rank correlation is
    lower (≈ 0.9), because the many near-zero scores are dominated by sampling
    noise — use ``epsilon=0.002`` (≈ 4× slower, 14 % of exact) for ≈ 0.97
    (``scripts/bench_structure.py``). KADABRA runs on one thread so that a seed
    gives the same result every time.

    The scale of ``epsilon``: networkit checks its stopping rule on
    ``b̃(v)`` = (paths through ``v``) / (sampled pairs), an estimate of
    ``b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n − 1))``, and returns ``2 b̃`` for
    undirected graphs, so its scores are within ``2 ε``, not ``ε``. netkit
    converts them to normalised betweenness (``b · n/(n − 2)``). networkit
    (11.3) also counts the paths of its first, calibration phase (``τ =
    ω/100`` pairs) in the final sums but not in the number of pairs, which
    inflates every score by ``τ/N`` — about 1 %, more than ``ε`` for the top
    nodes when ``ε`` is small (on a 3,000-node Barabási–Albert graph at
    ``ε = 0.002`` the error exceeded ``ε`` on the ``b`` scale in every
    seed). netkit divides that out (``τ`` from networkit's own formula and
    the diameter it uses); with it, the errors measured on 3,000-node
    Barabási–Albert graphs and trees stay within ``ε`` (about ``ε/3`` at
    ``ε = 0.002``). On graphs with many shortest paths of equal length
    (lattices), networkit's path sampling does not weigh the predecessors
    by their number of shortest paths and the estimates are biased (−5 % on
    a 40 × 40 grid, errors of 3 ε at ``ε = 0.005``): use ``method="exact"``
    there.

    References
    ----------
    .. [1] U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25 (2001).
    .. [2] M. Borassi, E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via
       Random Approximation", ESA 2016.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> betweenness(g).tolist()
    [0.0, 1.0, 0.0]
    """
    if method not in BETWEENNESS_METHODS:
        raise ParameterError(
            f"method must be 'auto', 'exact', 'kadabra' or 'sources', not {method!r}")
    g, w = prepare(graph, weight)
    n = g.vcount()
    if method == "auto":
        if n <= EXACT_BETWEENNESS_MAX_NODES or w is not None:
            method = "exact"
        else:
            method = "kadabra" if n <= KADABRA_MAX_NODES else "sources"
    if method in ("kadabra", "sources") and w is not None:
        raise ParameterError("sampled betweenness is for unweighted graphs; use method='exact'")
    if method == "exact" or n < 3:
        b = np.asarray(g.betweenness(directed=False, weights=_lengths(g, w, invert)),
                       dtype=np.float64)
        scale = 2.0 / ((n - 1) * (n - 2)) if normalized and n > 2 else 1.0
        b = b * scale
    elif method == "kadabra":
        b = _kadabra(g, epsilon, delta, seed)  # share of ordered pairs s != t
        b = b * n / (n - 2) if normalized else b * n * (n - 1) / 2.0
    else:
        b = _sources(g, n_sources, seed)  # ordered pairs, extrapolated
        b = b / ((n - 1) * (n - 2)) if normalized else b / 2.0
    out = series(b, g, "betweenness")
    out.attrs["method"] = method
    if method == "kadabra":
        out.attrs["epsilon"] = epsilon
        out.attrs["delta"] = delta
    if method == "sources":
        out.attrs["n_sources"] = n_sources
    return out


@contextmanager
def _networkit_run(g, seed: int) -> Iterator[tuple[Any, Any]]:
    """networkit and ``g`` as a networkit graph, on one thread with a fixed seed for the block.

    One thread: the sample sequence, hence the result, is reproducible; the
    caller's number of threads is restored afterwards.
    """
    import warnings

    with warnings.catch_warnings():  # networkit's profiling module imports IPython noisily
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit as nk

    graph = nk.Graph(g.vcount(), weighted=False, directed=False)
    if g.ecount():
        edges = edge_array(g).astype(np.uint64)
        graph.addEdges((edges[:, 0], edges[:, 1]))
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        nk.engineering.setSeed(int(seed), True)
        yield nk, graph
    finally:
        nk.setNumberOfThreads(threads)


def _sources(g, n_sources: int, seed: int) -> np.ndarray:
    with _networkit_run(g, seed) as (nk, graph):
        algo = nk.centrality.EstimateBetweenness(graph, int(n_sources), False, False)
        algo.run()
        return np.asarray(algo.scores(), dtype=np.float64)


_KADABRA_START_FACTOR = 100  # networkit's default: the first phase samples ω / 100 pairs


def _kadabra(g, epsilon: float, delta: float, seed: int) -> np.ndarray:
    """Borassi–Natale betweenness ``b`` (share of ordered pairs ``s ≠ t``) estimated by KADABRA.

    networkit returns ``2 b̃`` for undirected graphs, with the counts of its
    ``τ`` calibration pairs included in the sums but not in the pair count;
    both are undone here (see :func:`betweenness`).
    """
    with _networkit_run(g, seed) as (nk, graph):
        algo = nk.centrality.KadabraBetweenness(graph, epsilon, delta, True)
        algo.run()
        scores = np.asarray(algo.scores(), dtype=np.float64) / 2.0
        pairs = algo.getNumberOfIterations()  # main-phase pairs + τ
        tau = _kadabra_tau(nk, graph, epsilon, delta)
    if 0 < tau < pairs:
        scores *= (pairs - tau) / pairs
    return scores


def _kadabra_tau(nk: Any, graph: Any, epsilon: float, delta: float) -> int:
    """networkit's number of calibration pairs ``τ = ⌊ω / 100⌋`` (0 if it cannot be known)."""
    import math

    diam = nk.distance.Diameter(graph, nk.distance.DiameterAlgo.ESTIMATED_RANGE, 0.0)
    diam.run()
    d = diam.getDiameter()[1]
    if d < 2:
        return 0
    omega = 0.5 / epsilon / epsilon * (math.log2(d - 1) + 1 + math.log(0.5 / delta))
    return int(omega / _KADABRA_START_FACTOR)


@fill_doc(_DOC)
def closeness(graph: GraphLike, weight: str | None = None, *, invert: bool = True,
              wf_improved: bool = True) -> pd.Series:
    """Closeness: the inverse mean distance to the nodes a node can reach.

    .. math:: C_i = \\frac{r_i - 1}{\\sum_{j \\in R(i)} d_{ij}} \\cdot
              \\frac{r_i - 1}{n - 1}

    with ``R(i)`` the ``r_i`` nodes reachable from ``i`` (itself included).

    {distance_parameters}
    wf_improved : bool
        Multiply by ``(r_i − 1)/(n − 1)`` (Wasserman & Faust), so that nodes
        in small components score low; as networkx's default.

    Returns
    -------
    pandas.Series
        Named ``"closeness"``. Isolates have 0. Equals networkx
        ``closeness_centrality`` (with ``distance=`` the length attribute).

    {weight_raises}

    See Also
    --------
    harmonic : Sum of inverse distances (disconnected graphs).
    betweenness : Share of shortest paths through a node.
    global_efficiency : Mean inverse distance of the static graph.

    References
    ----------
    .. [1] L. C. Freeman (1979); S. Wasserman, K. Faust, *Social Network Analysis* (1994).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> closeness(g).round(3).tolist()
    [0.667, 1.0, 0.667]
    """
    g, w = prepare(graph, weight)
    n = g.vcount()
    c = np.asarray(g.closeness(weights=_lengths(g, w, invert), normalized=True),
                   dtype=np.float64)
    c = np.nan_to_num(c, nan=0.0)
    if wf_improved and n > 1:
        reach = np.asarray([len(x) for x in g.connected_components()], dtype=np.float64)
        size = reach[np.asarray(g.connected_components().membership)]
        c = c * (size - 1) / (n - 1)
    return series(c, g, "closeness")


@fill_doc(_DOC)
def harmonic(graph: GraphLike, weight: str | None = None, *, invert: bool = True,
             normalized: bool = False) -> pd.Series:
    """Harmonic centrality: the sum of inverse distances to all other nodes.

    .. math:: H_i = \\sum_{j \\ne i} 1 / d_{ij}, \\qquad 1/\\infty = 0

    Well defined on disconnected graphs (unreachable nodes add 0).

    {distance_parameters}
    normalized : bool
        Divide by ``n − 1``. networkx ``harmonic_centrality`` is unnormalised.

    Returns
    -------
    pandas.Series
        Named ``"harmonic"``; isolates have 0.

    {weight_raises}

    See Also
    --------
    closeness : Inverse mean distance to reachable nodes.
    global_efficiency : Mean inverse distance of the static graph.

    References
    ----------
    .. [1] P. Boldi, S. Vigna, "Axioms for centrality", Internet Mathematics 10 (2014).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> harmonic(g).tolist()
    [1.5, 2.0, 1.5]
    """
    g, w = prepare(graph, weight)
    h = np.asarray(g.harmonic_centrality(weights=_lengths(g, w, invert), normalized=normalized),
                   dtype=np.float64)
    return series(h, g, "harmonic")


@fill_doc(_DOC)
def eigenvector(graph: GraphLike, weight: str | None = "weight") -> pd.Series:
    """Eigenvector centrality: the leading eigenvector of the (weighted) adjacency matrix.

    .. math:: \\lambda x_i = \\sum_j w_{ij} x_j, \\qquad \\lVert x \\rVert_2 = 1, \\; x \\ge 0

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph raises a
        :class:`~netkit.metrics.DirectedGraphWarning`); self-loops
        ignored, parallel edges merged.
    weight : str or None
        Edge attribute of tie strength (default ``"weight"``); ``None`` gives
        every tie weight 1.

    Returns
    -------
    pandas.Series
        Named ``"eigenvector"``, indexed by node, unit Euclidean norm (as
        networkx ``eigenvector_centrality_numpy``). A graph without edges gets
        ``1/√n`` everywhere.

    {weight_raises}

    See Also
    --------
    pagerank : Random walk with teleportation.
    strength : Sum of tie weights.

    Notes
    -----
    Disconnected graphs (the eigenvector is only unique on a connected one):
    the vector lives on the component(s) with the largest spectral radius
    ``λ``; the other components get 0 (as networkx ``eigenvector_centrality``
    and igraph's ``eigenvector_centrality``). When several components share
    that largest ``λ`` (two identical cliques, any two cycles), the result is
    the limit of the power iteration from the uniform start vector — the
    projection of ``(1, …, 1)`` on the eigenspace of ``λ``: each tied component
    ``c`` gets its own Perron vector ``v_c`` weighted by ``Σ v_c`` — which is
    what networkx ``eigenvector_centrality`` (power iteration from the
    uniform start) converges to. It does not depend on the solver or the
    vertex order. networkx ``eigenvector_centrality_numpy`` raises
    ``AmbiguousSolution`` on every disconnected graph instead; igraph returns
    one of the tied components and warns; ``sna::evcent`` returns whatever
    its eigen-solver gives. Collaboration graphs are rarely connected, hence
    no error here; ``result.attrs["tied_components"]`` says how many
    components share the largest ``λ`` (1: the vector is unique up to sign).

    Each component that can reach the largest ``λ`` (its largest strength is
    an upper bound, ``‖A e_i‖`` a lower bound) is solved on its own: dense
    ``numpy.linalg.eigh`` below 50 vertices, ARPACK
    (``scipy.sparse.linalg.eigsh``) above.

    References
    ----------
    .. [1] P. Bonacich, "Power and centrality: a family of measures", AJS 92 (1987).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> eigenvector(g, weight=None).round(3).tolist()
    [0.5, 0.707, 0.5]

    Two identical triangles tie: both get the same scores.

    >>> eigenvector(ig.Graph.Full(3) + ig.Graph.Full(3), weight=None).round(3).tolist()
    [0.408, 0.408, 0.408, 0.408, 0.408, 0.408]
    """
    g, w = prepare(graph, weight)
    n = g.vcount()
    if n == 0:
        return series([], g, "eigenvector", dtype=np.float64)
    if g.ecount() == 0:
        out = series(np.full(n, 1 / np.sqrt(n)), g, "eigenvector")
        out.attrs["tied_components"] = n
        return out
    a = adjacency(g, w)
    x, tied = _leading_vector(a)
    out = series(x, g, "eigenvector")
    out.attrs["tied_components"] = tied
    return out


_EIGEN_RTOL = 1e-9  # components whose leading eigenvalues agree to this are tied


def _perron(a) -> tuple[float, np.ndarray]:
    """Largest eigenvalue and its non-negative unit eigenvector of a connected symmetric ``a``."""
    n = a.shape[0]
    if n < 50:
        vals, vecs = np.linalg.eigh(a.toarray())
        lam, x = vals[-1], vecs[:, -1]
    else:
        vals, vecs = spla.eigsh(a, k=1, which="LA", tol=0, v0=np.ones(n))
        lam, x = vals[0], vecs[:, 0]
    x = np.abs(x)
    x[x < 1e-15] = 0.0
    return float(lam), x / np.linalg.norm(x)


def _leading_vector(a) -> tuple[np.ndarray, int]:
    """The eigenvector centrality of a symmetric adjacency matrix (see :func:`eigenvector`)."""
    import scipy.sparse.csgraph as csg

    n = a.shape[0]
    n_comp, label = csg.connected_components(a, directed=False)
    if n_comp == 1:
        return _perron(a)[1], 1
    strength = np.asarray(a.sum(axis=1)).ravel()
    row_norm = np.sqrt(np.asarray(a.multiply(a).sum(axis=1)).ravel())
    upper = np.zeros(n_comp)
    np.maximum.at(upper, label, strength)  # λ_c ≤ the largest strength of c
    lower = row_norm.max()  # λ ≥ ‖A e_i‖ for every i
    size = np.bincount(label, minlength=n_comp)
    order = np.argsort(label, kind="stable")  # vertices grouped by component
    bounds = np.concatenate(([0], np.cumsum(size)))
    candidates = np.flatnonzero(upper >= lower * (1 - _EIGEN_RTOL))
    found = []  # (eigenvalues, members: k × s, vectors: k × s) per batch of components
    small = candidates[size[candidates] < 50]
    for s in np.unique(size[small]):  # components of one size at once (batched eigh)
        comps = small[size[small] == s]
        members = order[bounds[comps][:, None] + np.arange(s)]
        block = a[members.ravel()][:, members.ravel()].tocoo()
        dense = np.zeros((len(comps), s, s))
        dense[block.row // s, block.row % s, block.col % s] = block.data
        vals, vecs = np.linalg.eigh(dense)
        found.append((vals[:, -1], members, np.abs(vecs[:, :, -1])))
    best = max((f[0].max() for f in found), default=-np.inf)
    large = candidates[size[candidates] >= 50]
    for c in large[np.argsort(-upper[large], kind="stable")]:  # a few, the largest first
        if upper[c] < best * (1 - _EIGEN_RTOL):
            break
        lam, v = _perron(a[order[bounds[c]:bounds[c + 1]]][:, order[bounds[c]:bounds[c + 1]]])
        found.append((np.array([lam]), order[bounds[c]:bounds[c + 1]][None, :], v[None, :]))
        best = max(best, lam)
    x = np.zeros(n)
    tied = 0
    for vals, members, vecs in found:
        keep = vals >= best * (1 - _EIGEN_RTOL)
        if keep.any():
            v = vecs[keep]
            v[v < 1e-15] = 0.0
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            x[members[keep]] = v * v.sum(axis=1, keepdims=True)  # projection of all-ones
            tied += int(keep.sum())
    return x / np.linalg.norm(x), tied


def pagerank(graph: GraphLike, weight: str | None = "weight", damping: float = 0.85) -> pd.Series:
    """PageRank: the stationary distribution of a random walk with teleportation.

    .. math:: p_i = \\frac{1 - \\alpha}{n} + \\alpha \\sum_j \\frac{w_{ji}}{s_j} p_j

    with ``α = damping``; a node without ties (dangling) teleports uniformly.
    Solved with igraph (ARPACK up to 200,000 vertices, then PRPACK). Sums to 1.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns: the walk then follows ties
        both ways, unlike networkx ``pagerank`` on a ``DiGraph``); self-loops
        ignored, parallel edges merged (weights summed).
    weight : str or None
        Edge attribute of tie strength (default ``"weight"``): the walk leaves
        a node along a tie with probability proportional to its weight;
        ``None``: uniformly.
    damping : float
        ``α``, the probability of following a tie rather than teleporting, in
        [0, 1) (default 0.85, networkx's ``alpha``).

    Returns
    -------
    pandas.Series
        Named ``"pagerank"``. Matches networkx ``pagerank`` on an undirected
        graph (to its tolerance). Deterministic: ARPACK's random start vector
        is drawn from a fixed seed, and igraph's generator is restored after.

    Raises
    ------
    ParameterError
        ``damping`` outside [0, 1), a missing weight attribute or a weight that
        is not positive and finite.

    See Also
    --------
    eigenvector : Leading eigenvector of the adjacency matrix.
    degree : Number of distinct partners.

    References
    ----------
    .. [1] S. Brin, L. Page, "The anatomy of a large-scale hypertextual Web search engine" (1998).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> pagerank(g, weight=None).round(3).tolist()
    [0.257, 0.486, 0.257]
    """
    if not 0 <= damping < 1:
        raise ParameterError(f"damping must be in [0, 1), not {damping}")
    g, w = prepare(graph, weight)
    if g.vcount() == 0:
        return series([], g, "pagerank", dtype=np.float64)
    # both solvers agree with each other and with networkx (tol=1e-15) within 1e-14; ARPACK
    # is ~15x faster at 10k nodes (0.03 s vs 0.4 s), PRPACK faster above ~200k (5 s vs 10 s at 1M)
    impl = "arpack" if g.vcount() <= _PAGERANK_ARPACK_MAX_NODES else "prpack"
    with igraph_seed(0):  # ARPACK's start vector is random: fixed, results are bit-identical
        p = g.pagerank(damping=damping, weights=None if w is None or not len(w) else weight,
                       directed=False, implementation=impl)
    return series(p, g, "pagerank", dtype=np.float64)
