"""Bridging: Burt's constraint and effective size (sparse), articulation points, bridges,
participation coefficient and the E–I index.

Burt's measures are the two-path products ``P·P`` and ``P·W`` restricted to
the existing ties; on a simple graph their terms are the triangles, which are
streamed in blocks of bounded size and added into one value per tie, so memory
grows with the number of ties whatever the degree distribution — neither with
n² (networkx's ``effective_size`` builds dense structures that do not fit at
100k nodes) nor with Σ deg² (the full product, gigabytes when hubs have
thousands of partners). Self-loops are ignored and parallel edges merged
(weights summed); directed graphs are read as undirected.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit._docs import fill_doc
from netkit.build.convert import GraphLike
from netkit.errors import ParameterError
from netkit.metrics._graphs import (
    TRIANGLE_BUDGET,
    Groups,
    adjacency,
    edge_array,
    groups,
    names,
    prepare,
    series,
    triangle_stream,
)

__all__ = [
    "articulation_points",
    "bridges",
    "burt_measures",
    "constraint",
    "effective_size",
    "ei_index",
    "participation_coefficient",
]


_DOC = {
    "burt_parameters": """\
        Parameters
        ----------
        graph : igraph.Graph or networkx.Graph
            Self-loops are ignored, parallel edges merged (weights summed) and a
            directed graph read as undirected.
        weight : str or None
            Edge attribute of tie strength (default ``"weight"``); ``None`` gives
            every tie weight 1.
        budget : int
            Wedges (pairs of ties at a vertex) tested per block of the triangle
            listing: the working memory is O(m + budget). Any positive value gives
            the same result (to rounding).""",
    "burt_raises": """\
        Raises
        ------
        ParameterError
            If ``weight`` is not an edge attribute of the graph, a weight is not
            positive and finite, or ``budget`` is not a positive integer.""",
    "burt_references": """\
        References
        ----------
        .. [1] R. S. Burt, *Structural Holes* (1992), ch. 2.
        .. [2] S. P. Borgatti, "Structural holes: unpacking Burt's redundancy measures",
           Connections 20(1) (1997).""",
}


def _proportions(graph: GraphLike, weight: str | None):
    """The simple graph, its adjacency ``a`` (canonical CSR) and ``p = a / row sums`` on ``a.data``."""
    g, w = prepare(graph, weight)
    a = adjacency(g, w)
    a.sort_indices()
    s = np.asarray(a.sum(axis=1)).ravel()
    inv = np.divide(1.0, s, out=np.zeros_like(s), where=s > 0)
    p = np.repeat(inv, np.diff(a.indptr))
    p *= a.data
    return g, a, p


def _two_path_terms(a: sp.csr_matrix, p: np.ndarray, budget: int,
                    indirect_term: bool = True, redundancy_term: bool = True
                    ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The two-path sums of Burt's measures on every tie ``i → j`` (aligned with ``a.data``).

    ``Σ_q p_iq p_qj`` (constraint's indirect term) and ``Σ_q p_iq a_qj``
    (effective size's redundancy before the division by ``max_k a_jk``). On a
    simple graph ``q`` is a common neighbour, so each term is one ordered
    corner of a triangle ``i, q, j``; the triangles come from
    :func:`~netkit.metrics._graphs.triangle_stream` in blocks of at most
    ``budget`` wedges and each block is added into the two tie arrays
    straight away: memory O(m) whatever the degrees.
    """
    if not isinstance(budget, int | np.integer) or budget < 1:
        raise ParameterError(f"budget must be a positive integer, not {budget!r}")
    nnz = a.nnz
    indirect = np.zeros(nnz) if indirect_term else None
    redund = np.zeros(nnz) if redundancy_term else None
    if nnz == 0:
        return indirect, redund
    stream = triangle_stream(a, budget)
    fwd, bwd = stream.forward, stream.backward
    for _, ties in stream:
        uv, uw, vw = ties[:, 0], ties[:, 1], ties[:, 2]
        # entry positions: u < v < w in rank, (x, y) = entry of row x, column y
        p_uv, p_vu, p_uw = fwd[uv], bwd[uv], fwd[uw]
        p_wu, p_vw, p_wv = bwd[uw], fwd[vw], bwd[vw]
        # the six ordered triples (i, q, j): target (i, j), first leg (i, q), second (q, j)
        target = np.concatenate((p_uw, p_uv, p_vw, p_vu, p_wv, p_wu))
        leg1 = np.concatenate((p_uv, p_uw, p_vu, p_vw, p_wu, p_wv))
        leg2 = np.concatenate((p_vw, p_wv, p_uw, p_wu, p_uv, p_vu))
        del p_uv, p_vu, p_uw, p_wu, p_vw, p_wv, uv, uw, vw
        first = p[leg1]
        del leg1
        if indirect is not None:
            indirect += np.bincount(target, weights=first * p[leg2], minlength=nnz)
        if redund is not None:
            first *= a.data[leg2]
            redund += np.bincount(target, weights=first, minlength=nnz)
        del target, first, leg2
    return indirect, redund


def _constraint(g, a, p, indirect) -> np.ndarray:
    local = indirect
    local += p
    local **= 2
    rows = np.repeat(np.arange(a.shape[0]), np.diff(a.indptr))
    c = np.bincount(rows, weights=local, minlength=g.vcount()).astype(np.float64)
    c[np.diff(a.indptr) == 0] = np.nan
    return c


def _effective_size(g, a, redundancy) -> np.ndarray:
    n = g.vcount()
    deg = np.diff(a.indptr).astype(np.float64)
    if a.nnz == 0:
        return np.full(n, np.nan)
    full_max = np.zeros(n)
    full_max[deg > 0] = np.maximum.reduceat(a.data, a.indptr[:-1][deg > 0])
    redundancy /= full_max[a.indices]
    rows = np.repeat(np.arange(n), np.diff(a.indptr))
    e = deg - np.bincount(rows, weights=redundancy, minlength=n).astype(np.float64)
    e[deg == 0] = np.nan
    return e


@fill_doc(_DOC)
def burt_measures(graph: GraphLike, weight: str | None = "weight", *,
                  budget: int = TRIANGLE_BUDGET) -> pd.DataFrame:
    """Burt's :func:`constraint` and :func:`effective_size` together, from one pass over the triangles.

    {burt_parameters}

    Returns
    -------
    pandas.DataFrame
        Columns ``constraint`` and ``effective_size`` (see those functions),
        indexed by node name. Isolates: NaN in both.

    {burt_raises}

    See Also
    --------
    constraint : Burt's constraint (few structural holes).
    effective_size : Burt's non-redundant contacts.
    brokerage : Gould–Fernandez brokerage roles by group.

    Notes
    -----
    Both measures only need, for every tie ``i – j``, sums over the common
    neighbours ``q`` of ``i`` and ``j`` — the triangles ``i, q, j``. The
    triangles are enumerated in blocks (degree-ordered, so the work is
    ``Σ C(d⁺, 2)`` wedges, not ``Σ deg²``) and each block is added into two
    arrays of one value per tie, so memory stays O(m) whatever the degree
    distribution. On a heavy-tailed graph of 859,000 organisations and 5.5
    million ties whose hubs have thousands of partners, the bridging family
    of :func:`~netkit.metrics.structural_set` peaks at 1.5 GB, no more than
    igraph's own edge list export on the 0.5 GB graph (it was about 16 GB);
    on 86,000 organisations and 546,000 ties it takes about a quarter of the
    time it took (``scripts/bench_structure.py --heavy``).

    {burt_references}

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Star(4); g.vs["name"] = ["hub", "a", "b", "c"]
    >>> g += ig.Graph(1); g.vs[4]["name"] = "alone"
    >>> burt_measures(g, weight=None)
           constraint  effective_size
    node
    hub      0.333333             3.0
    a        1.000000             1.0
    b        1.000000             1.0
    c        1.000000             1.0
    alone         NaN             NaN
    """
    g, a, p = _proportions(graph, weight)
    indirect, redundancy = _two_path_terms(a, p, budget)
    return pd.DataFrame({"constraint": _constraint(g, a, p, indirect),
                         "effective_size": _effective_size(g, a, redundancy)},
                        index=names(g))


@fill_doc(_DOC)
def constraint(graph: GraphLike, weight: str | None = "weight", *,
               budget: int = TRIANGLE_BUDGET) -> pd.Series:
    """Burt's constraint: how much a node's ties lead to one another (few structural holes).

    .. math::

        c_i = \\sum_{j \\in N(i)} \\Big( p_{ij} + \\sum_{q \\ne i, j} p_{iq}\\, p_{qj} \\Big)^2,
        \\qquad p_{ij} = \\frac{w_{ij}}{\\sum_k w_{ik}}

    computed as ``(P + P·P)`` restricted to the ties, ``P`` the row-normalised
    sparse adjacency matrix; the indirect term ``P·P`` on a tie ``i – j`` only
    has terms for the triangles ``i, q, j``, which are streamed in blocks
    (see :func:`burt_measures`) instead of forming the product.

    {burt_parameters}

    Returns
    -------
    pandas.Series
        Named ``"constraint"``, indexed by node name; between ``1/k`` (k
        unconnected contacts) and about 1.125 (a triangle) or 1 (a single
        contact). Isolates: NaN, as in networkx. Equals networkx
        ``constraint`` on undirected graphs.

    {burt_raises}

    See Also
    --------
    effective_size : Burt's non-redundant contacts.
    burt_measures : Constraint and effective size in one pass.
    brokerage : Gould–Fernandez brokerage roles by group.
    betweenness : Share of shortest paths through a node.

    {burt_references}

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Full(3); g.vs["name"] = ["a", "b", "c"]
    >>> constraint(g, weight=None).tolist()
    [1.125, 1.125, 1.125]
    """
    g, a, p = _proportions(graph, weight)
    indirect, _ = _two_path_terms(a, p, budget, redundancy_term=False)
    return series(_constraint(g, a, p, indirect), g, "constraint")


@fill_doc(_DOC)
def effective_size(graph: GraphLike, weight: str | None = "weight", *,
                   budget: int = TRIANGLE_BUDGET) -> pd.Series:
    """Burt's effective size: the number of contacts minus their redundancy.

    .. math::

        e_i = \\sum_{j \\in N(i)} \\Big( 1 - \\sum_{q \\ne i, j} p_{iq}\\, m_{jq} \\Big),
        \\qquad p_{iq} = \\frac{w_{iq}}{\\sum_k w_{ik}}, \\quad
        m_{jq} = \\frac{w_{jq}}{\\max_k w_{jk}}

    For unweighted graphs this is Borgatti's ``n − 2t/n`` (``t`` ties among
    the ``n`` contacts). Computed as ``deg − (P·W restricted to the ties) /
    max-weight`` from the triangles of the graph, streamed in blocks (see
    :func:`burt_measures`).

    {burt_parameters}

    Returns
    -------
    pandas.Series
        Named ``"effective_size"``, indexed by node name; between 1 and the
        degree. Isolates: NaN (as networkx). Equals networkx
        ``effective_size`` on undirected graphs (its per-node definition; see
        the tests for a shortcut of networkx 3.6 that differs).

    {burt_raises}

    See Also
    --------
    constraint : Burt's constraint (few structural holes).
    burt_measures : Constraint and effective size in one pass.

    {burt_references}

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Star(4); g.vs["name"] = ["hub", "a", "b", "c"]
    >>> effective_size(g, weight=None).tolist()
    [3.0, 1.0, 1.0, 1.0]
    """
    g, a, p = _proportions(graph, weight)
    _, redundancy = _two_path_terms(a, p, budget, indirect_term=False)
    return series(_effective_size(g, a, redundancy), g, "effective_size")


def articulation_points(graph: GraphLike) -> pd.Series:
    """Whether each node is an articulation point (cut vertex).

    A node is an articulation point when removing it increases the number of
    connected components — e.g. the only organisation linking two clusters.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns).

    Returns
    -------
    pandas.Series of bool
        Named ``"articulation_point"``. Isolates and leaves are never
        articulation points. Same set as networkx ``articulation_points``.

    See Also
    --------
    bridges : Ties whose removal disconnects the graph.
    betweenness : Share of shortest paths through a node.
    brokerage : Gould–Fernandez brokerage roles by group.

    References
    ----------
    .. [1] J. Hopcroft, R. Tarjan, "Efficient algorithms for graph manipulation", CACM 16 (1973).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> articulation_points(g).tolist()
    [False, True, False]
    """
    g, _ = prepare(graph, None)
    flags = np.zeros(g.vcount(), dtype=bool)
    flags[g.articulation_points()] = True
    return series(flags, g, "articulation_point")


def bridges(graph: GraphLike) -> pd.DataFrame:
    """The bridges: ties whose removal disconnects their two ends.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns); parallel edges merged.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (node names; for undirected graphs in
        vertex order), one row per bridge, sorted. Same set as networkx ``bridges``.

    See Also
    --------
    articulation_points : Nodes whose removal disconnects the graph.

    References
    ----------
    .. [1] R. E. Tarjan, "A note on finding the bridges of a graph", IPL 2 (1974).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)]); g.vs["name"] = list("abcd")
    >>> bridges(g).values.tolist()
    [['c', 'd']]
    """
    g, _ = prepare(graph, None)
    idx = names(g)
    ends = np.asarray([g.es[e].tuple for e in g.bridges()], dtype=np.int64).reshape(-1, 2)
    ends.sort(axis=1)
    ends = ends[np.lexsort((ends[:, 1], ends[:, 0]))]
    return pd.DataFrame({"source": idx[ends[:, 0]].to_numpy(),
                         "target": idx[ends[:, 1]].to_numpy()})


def participation_coefficient(graph: GraphLike, modules: Groups = "sector", weight: str | None = None) -> pd.Series:
    """Participation coefficient: how evenly a node's ties spread over modules.

    .. math:: P_i = 1 - \\sum_{s} \\left( \\frac{k_{is}}{k_i} \\right)^2

    with ``k_is`` the ties (or their weights) of ``i`` to nodes of module
    ``s`` and ``k_i`` all its ties. 0: all ties inside one module; close to
    ``1 − 1/S``: spread over all ``S`` modules.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns).
    modules : str, mapping or sequence
        A vertex attribute (``"sector"``, ``"region"``, ``"community"`` …),
        a mapping node name → module, or one label per vertex. Missing labels
        form the module ``"unknown"``.
    weight : str, optional
        Use tie weights (strength) instead of counts.

    Returns
    -------
    pandas.Series
        Named ``"participation_coefficient"``. Isolates: 0 (no ties to spread).

    Raises
    ------
    ParameterError
        No such vertex or edge attribute, a label list of the wrong length,
        or a weight that is not positive and finite.

    See Also
    --------
    ei_index : External minus internal ties.
    leiden : Communities (seeded Leiden).
    brokerage : Gould–Fernandez brokerage roles by group.

    References
    ----------
    .. [1] R. Guimerà, L. A. N. Amaral, "Functional cartography of complex metabolic
       networks", Nature 433 (2005).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Star(3); g.vs["name"] = ["hub", "u", "f"]
    >>> g.vs["sector"] = ["research", "university", "firm"]
    >>> participation_coefficient(g).tolist()
    [0.5, 0.0, 0.0]
    """
    g, w = prepare(graph, weight)
    codes, labels = groups(g, modules)
    n = g.vcount()
    a = adjacency(g, w)
    onehot = sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, max(len(labels), 1)))
    k_s = (a @ onehot).toarray()
    k = k_s.sum(axis=1)
    frac = np.divide(k_s, k[:, None], out=np.zeros_like(k_s), where=k[:, None] > 0)
    pc = 1.0 - (frac ** 2).sum(axis=1)
    pc[k == 0] = 0.0
    return series(pc, g, "participation_coefficient")


def ei_index(graph: GraphLike, attribute: Groups = "sector", weight: str | None = None,
             by: str = "node") -> pd.Series | float:
    """Krackhardt & Stern's E–I index: external minus internal ties over all ties.

    .. math:: EI = \\frac{E - I}{E + I}

    −1: all ties inside the group (homophily); +1: all ties to other groups.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns).
    attribute : str, mapping or sequence
        The groups (vertex attribute such as ``"sector"``, mapping or labels).
    weight : str, optional
        Count tie weights instead of ties.
    by : {"node", "group", "graph"}
        ``node``: each node's own ties; ``group``: ties of the group's members
        (an internal tie counts once for ``I``, a tie to another group once
        for ``E``); ``graph``: the whole graph (``E`` = ties across groups,
        ``I`` = ties within).

    Returns
    -------
    pandas.Series or float
        ``by="node"``: Series ``"ei_index"`` by node (isolates NaN);
        ``by="group"``: Series by group label; ``by="graph"``: a float (NaN
        without edges).

    Raises
    ------
    ParameterError
        Unknown ``by``; no such vertex or edge attribute, a label list of the wrong length,
        or a weight that is not positive and finite.

    See Also
    --------
    ei_significance : E–I index against rewiring.
    participation_coefficient : Spread of a node's ties over modules.
    mixing_matrix : Ties between groups against random mixing.

    References
    ----------
    .. [1] D. Krackhardt, R. N. Stern, "Informal networks and organizational crises",
       Social Psychology Quarterly 51 (1988).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = ["a", "b", "c"]
    >>> g.vs["sector"] = ["university", "university", "firm"]
    >>> ei_index(g).tolist(), ei_index(g, by="graph")
    ([-1.0, 0.0, 1.0], 0.0)
    """
    if by not in ("node", "group", "graph"):
        raise ParameterError(f"by must be 'node', 'group' or 'graph', not {by!r}")
    g, w = prepare(graph, weight)
    codes, labels = groups(g, attribute)
    n = g.vcount()
    edges = edge_array(g)
    ew = np.ones(len(edges)) if w is None else w
    external = codes[edges[:, 0]] != codes[edges[:, 1]]
    if by == "graph":
        e, i = ew[external].sum(), ew[~external].sum()
        return float((e - i) / (e + i)) if e + i > 0 else float("nan")
    if by == "node":
        ext = (np.bincount(edges[:, 0], ew * external, n)
               + np.bincount(edges[:, 1], ew * external, n))
        tot = np.bincount(edges[:, 0], ew, n) + np.bincount(edges[:, 1], ew, n)
        inner = tot - ext
        ei = np.divide(ext - inner, tot, out=np.full(n, np.nan), where=tot > 0)
        return series(ei, g, "ei_index")
    s = len(labels)
    ext = (np.bincount(codes[edges[:, 0]], ew * external, s)
           + np.bincount(codes[edges[:, 1]], ew * external, s))
    inner = np.bincount(codes[edges[:, 0]], ew * ~external, s)
    tot = ext + inner
    ei = np.divide(ext - inner, tot, out=np.full(s, np.nan), where=tot > 0)
    return pd.Series(ei, index=pd.Index(labels, name="group"), name="ei_index")
