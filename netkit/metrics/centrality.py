"""Centrality: degree, strength, betweenness (exact and adaptive-sampling), closeness,
harmonic, eigenvector and PageRank.

All functions take an ``igraph.Graph`` (or a networkx graph, converted once)
and return a ``pandas.Series`` indexed by node name. Self-loops are ignored and
parallel edges merged (weights summed); directed graphs are read as
undirected. Path-based measures (betweenness, closeness, harmonic) are
unweighted by default; with ``weight=...`` a tie's length is ``1 / weight``
(``invert=True``: more joint events = closer, Opsahl et al. 2010) or the
weight itself (``invert=False``, as networkx reads ``weight``).
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import scipy.sparse.linalg as spla

from netkit.errors import ParameterError
from netkit.metrics._graphs import adjacency, edge_array, igraph_seed, prepare, series

__all__ = [
    "betweenness",
    "closeness",
    "degree",
    "eigenvector",
    "harmonic",
    "pagerank",
    "strength",
]

logger = logging.getLogger(__name__)

EXACT_BETWEENNESS_MAX_NODES = 5000
"""``betweenness(method="auto")`` is exact up to this many vertices, then KADABRA."""

KADABRA_MAX_NODES = 200_000
"""Above this many vertices ``betweenness(method="auto")`` samples source nodes instead."""


_PAGERANK_ARPACK_MAX_NODES = 200_000


def _lengths(g, w, invert: bool) -> list[float] | None:
    if w is None:
        return None
    return (1.0 / w).tolist() if invert else w.tolist()


def degree(graph, normalized: bool = False) -> pd.Series:
    """Degree: the number of distinct neighbours.

    .. math:: k_i = |N(i)|, \\qquad \\text{normalized: } k_i / (n - 1)

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
    normalized : bool
        Divide by ``n − 1`` (as networkx ``degree_centrality``; 0 when ``n ≤ 1``).

    Returns
    -------
    pandas.Series
        Named ``"degree"``, indexed by node name. Isolates have 0.

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


def strength(graph, weight: str = "weight") -> pd.Series:
    """Strength: the sum of the weights of a node's ties.

    .. math:: s_i = \\sum_j w_{ij}

    Returns
    -------
    pandas.Series
        Named ``"strength"``; isolates have 0.

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


def betweenness(graph, weight: str | None = None, *, normalized: bool = True,
                method: str = "auto", invert: bool = True, epsilon: float = 0.005,
                delta: float = 0.1, n_sources: int = 16, seed: int = 0) -> pd.Series:
    """Betweenness: the share of shortest paths between other nodes that pass through a node.

    .. math:: b_i = \\sum_{s < t,\\; s, t \\ne i} \\frac{\\sigma_{st}(i)}{\\sigma_{st}}

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
    weight : str, optional
        Edge attribute giving tie strength; ``None`` (default) counts hops.
    normalized : bool
        Divide by ``(n − 1)(n − 2) / 2``, the number of pairs of other nodes
        (networkx's normalisation for undirected graphs).
    method : {"auto", "exact", "kadabra", "sources"}
        ``exact``: Brandes' algorithm in igraph's C core, O(nm).
        ``kadabra``: adaptive sampling of shortest paths (Borassi & Natale
        2016, networkit); every score is within ``epsilon`` (on the scale of
        normalised betweenness × 2(n − 2)/n) of the exact one with
        probability ≥ 1 − δ. Unweighted only.
        ``sources``: Brandes' accumulation from ``n_sources`` random source
        nodes, extrapolated (Brandes & Pich 2007; networkit); unbiased, cheap,
        good for ranking hubs, noisy for small values. Unweighted only.
        ``auto``: exact up to :data:`EXACT_BETWEENNESS_MAX_NODES` vertices or
        for weighted graphs, KADABRA up to :data:`KADABRA_MAX_NODES`, then
        ``sources``. The method used (and its parameters) is in ``result.attrs``.
    invert : bool
        With ``weight``: a tie's length is ``1/weight`` (default) or ``weight``.
    epsilon, delta : float
        KADABRA's additive error and failure probability.
    seed : int
        Seed of the sampling (KADABRA only).

    Returns
    -------
    pandas.Series
        Named ``"betweenness"``. Pairs in different components have no
        shortest path and contribute nothing; isolates have 0.

    Notes
    -----
    At 10,000 vertices the default KADABRA run (``epsilon=0.005``) finds ≥ 95
    of the exact top-100 (96 in the benchmark) in about 4 % of the exact time, with a rank
    correlation ≥ 0.99 among them; over *all* vertices the rank correlation is
    lower (≈ 0.9), because the many near-zero scores are dominated by sampling
    noise — use ``epsilon=0.002`` (≈ 4× slower, 14 % of exact) for ≈ 0.97
    (``scripts/bench_structure.py``). KADABRA runs on one thread so that a seed
    gives the same result every time.

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
    if method not in ("auto", "exact", "kadabra", "sources"):
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
        b = _kadabra(g, epsilon, delta, seed)  # fraction of ordered pairs
        b = b * n / (2.0 * (n - 2)) if normalized else b * n * (n - 1) / 4.0
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


def _networkit(g):
    import warnings

    with warnings.catch_warnings():  # networkit's profiling module imports IPython noisily
        warnings.simplefilter("ignore", DeprecationWarning)
        import networkit as nk

    graph = nk.Graph(g.vcount(), weighted=False, directed=False)
    if g.ecount():
        edges = edge_array(g).astype(np.uint64)
        graph.addEdges((edges[:, 0], edges[:, 1]))
    return nk, graph


def _sources(g, n_sources: int, seed: int) -> np.ndarray:
    nk, graph = _networkit(g)
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        nk.engineering.setSeed(int(seed), True)
        algo = nk.centrality.EstimateBetweenness(graph, int(n_sources), False, False)
        algo.run()
        scores = np.asarray(algo.scores(), dtype=np.float64)
    finally:
        nk.setNumberOfThreads(threads)
    return scores


def _kadabra(g, epsilon: float, delta: float, seed: int) -> np.ndarray:
    nk, graph = _networkit(g)
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)  # one thread: the sample sequence, hence the result, is reproducible
    try:
        nk.engineering.setSeed(int(seed), True)
        algo = nk.centrality.KadabraBetweenness(graph, epsilon, delta, True)
        algo.run()
        scores = np.asarray(algo.scores(), dtype=np.float64)
    finally:
        nk.setNumberOfThreads(threads)
    return scores


def closeness(graph, weight: str | None = None, *, invert: bool = True,
              wf_improved: bool = True) -> pd.Series:
    """Closeness: the inverse mean distance to the nodes a node can reach.

    .. math:: C_i = \\frac{r_i - 1}{\\sum_{j \\in R(i)} d_{ij}} \\cdot
              \\frac{r_i - 1}{n - 1}

    with ``R(i)`` the ``r_i`` nodes reachable from ``i`` (itself included).

    Parameters
    ----------
    weight : str, optional
        Edge attribute; distances use ``1/weight`` (``invert=True``) or ``weight``.
    wf_improved : bool
        Multiply by ``(r_i − 1)/(n − 1)`` (Wasserman & Faust), so that nodes
        in small components score low; as networkx's default.

    Returns
    -------
    pandas.Series
        Named ``"closeness"``. Isolates have 0. Equals networkx
        ``closeness_centrality`` (with ``distance=`` the length attribute).

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


def harmonic(graph, weight: str | None = None, *, invert: bool = True,
             normalized: bool = False) -> pd.Series:
    """Harmonic centrality: the sum of inverse distances to all other nodes.

    .. math:: H_i = \\sum_{j \\ne i} 1 / d_{ij}, \\qquad 1/\\infty = 0

    Well defined on disconnected graphs (unreachable nodes add 0).

    Parameters
    ----------
    normalized : bool
        Divide by ``n − 1``. networkx ``harmonic_centrality`` is unnormalised.

    Returns
    -------
    pandas.Series
        Named ``"harmonic"``; isolates have 0.

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


def eigenvector(graph, weight: str | None = "weight") -> pd.Series:
    """Eigenvector centrality: the leading eigenvector of the (weighted) adjacency matrix.

    .. math:: \\lambda x_i = \\sum_j w_{ij} x_j, \\qquad \\lVert x \\rVert_2 = 1, \\; x \\ge 0

    Computed with ARPACK (``scipy.sparse.linalg.eigsh``) on the sparse matrix.

    Returns
    -------
    pandas.Series
        Named ``"eigenvector"``, unit Euclidean norm (as networkx
        ``eigenvector_centrality_numpy``). On a disconnected graph the vector
        lives on the component(s) with the largest spectral radius; others get
        0. A graph without edges gets ``1/√n`` everywhere.

    References
    ----------
    .. [1] P. Bonacich, "Power and centrality: a family of measures", AJS 92 (1987).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> eigenvector(g, weight=None).round(3).tolist()
    [0.5, 0.707, 0.5]
    """
    g, w = prepare(graph, weight)
    n = g.vcount()
    if n == 0:
        return series([], g, "eigenvector", dtype=np.float64)
    if g.ecount() == 0:
        return series(np.full(n, 1 / np.sqrt(n)), g, "eigenvector")
    a = adjacency(g, w)
    if n < 50:
        _, vecs = np.linalg.eigh(a.toarray())
        x = vecs[:, -1]
    else:
        _, vecs = spla.eigsh(a, k=1, which="LA", tol=0, v0=np.ones(n))
        x = vecs[:, 0]
    x = np.abs(x) if x.sum() >= 0 else np.abs(-x)
    x[np.abs(x) < 1e-15] = 0.0
    x = x / np.linalg.norm(x)
    return series(x, g, "eigenvector")


def pagerank(graph, weight: str | None = "weight", damping: float = 0.85) -> pd.Series:
    """PageRank: the stationary distribution of a random walk with teleportation.

    .. math:: p_i = \\frac{1 - \\alpha}{n} + \\alpha \\sum_j \\frac{w_{ji}}{s_j} p_j

    with ``α = damping``; a node without ties (dangling) teleports uniformly.
    Solved with igraph (ARPACK up to 200,000 vertices, then PRPACK). Sums to 1.

    Returns
    -------
    pandas.Series
        Named ``"pagerank"``. Matches networkx ``pagerank`` (to its tolerance).

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
