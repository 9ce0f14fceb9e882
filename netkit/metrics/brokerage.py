"""Gould–Fernandez brokerage roles by group (sector): counts, expectations, z-scores, exclusivity.

A broker ``b`` mediates the two-path ``a → b → c`` when ``a`` has no direct
tie to ``c``. With groups ``g(·)`` (sectors by default) the path is a

=================  =====================  ============================================
role               groups                 meaning
=================  =====================  ============================================
coordinator        g(a) = g(b) = g(c)     mediates inside its own group (w_I)
itinerant          g(a) = g(c) ≠ g(b)     outsider mediating inside another group (w_O)
representative     g(a) = g(b) ≠ g(c)     carries its group's contact outward (b_IO)
gatekeeper         g(a) ≠ g(b) = g(c)     lets an outsider into its group (b_OI)
liaison            all three different    links two groups it belongs to neither (b_O)
=================  =====================  ============================================

Counts use sparse products only: with ``A`` the adjacency matrix and ``G``
the group indicator matrix, ``In = AᵀG`` and ``Out = AG`` give all two-paths
by end groups; the closed ones (``a → c`` present) come from ``A_t A_tᵀ``
restricted to the ties, per target group ``t``; ``a = c`` paths from
``(A ∘ Aᵀ) G``.

Exclusive brokerage: the raw counts grow with the square of the degree, so
hubs top them (and their z-scores, whose null model has one expectation per
group). A broker that is the only go-between of the pair — no other
intermediary ``a → x → c`` — is irreplaceable there (UCINET gives such a pair
full credit and ``1/k`` when ``k`` brokers share it; Burt calls contacts
reached only through ego non-redundant). ``exclusive_<role>`` counts those
two-paths and ``exclusivity_<role>`` divides them by all of the node's
two-paths of that role, open or closed: the share of its brokerage
opportunities that only it serves, comparable across degrees.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.build.convert import GraphLike
from netkit.metrics._graphs import (
    Groups,
    adjacency,
    groups,
    masked_product,
    names,
    prepare,
    triangle_stream,
)

__all__ = ["EXCLUSIVE_MAX_TWO_PATHS", "ROLES", "brokerage", "rank_brokers"]

logger = logging.getLogger(__name__)

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
"""The five Gould–Fernandez roles, in the order of the output columns."""

EXCLUSIVE_MAX_TWO_PATHS = 200_000_000
"""Above this many two-paths ``Σ in(b)·out(b)``, :func:`brokerage` skips the exclusive
columns unless asked (5–10 s per 10⁸ two-paths on one core; a 100,000-node
Barabási–Albert graph with 500,000 ties has 2.8·10⁷, the 1,000,000-node one 3.0·10⁸)."""


def _role_counts(a: sp.csr_matrix, codes: np.ndarray, n_groups: int,
                 tri=None) -> tuple[np.ndarray, np.ndarray]:
    """Open two-paths and all two-paths (opportunities), n × 6 each: five roles and total.

    ``a`` is a binary adjacency matrix; the opportunities are the two-paths
    ``a → b → c`` with ``a ≠ c``, open or closed, by the role their groups give ``b``.
    ``tri`` (the :class:`~netkit.metrics._graphs.TriangleStream`) is given for
    an undirected graph read as the symmetric digraph; its blocks are counted
    one by one. Memory is O(n · groups + edges): the closed two-paths are
    accumulated per target group without an n × groups × groups array.
    """
    n = a.shape[0]
    s_ = n_groups
    onehot = sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, s_))
    at = a.T.tocsr()
    at.sort_indices()
    inc = (at @ onehot).toarray()         # In[b, s]: a in s with a → b
    out = (a @ onehot).toarray()          # Out[b, t]: c in t with b → c
    mutual = (a.multiply(at)).tocsr() @ onehot
    mutual = np.asarray(mutual.todense())  # a → b → a, by group of a
    closed_diag = np.zeros((n, s_))    # closed a → b → c with g(a) = g(c) = s
    closed_from_h = np.zeros(n)        # closed with g(a) = g(b)
    closed_to_h = np.zeros(n)          # closed with g(c) = g(b)
    closed_total = np.zeros(n)
    if tri is not None:
        # undirected: the closed two-paths are the triangles, each seen from its three
        # corners and in both directions
        for corners, _ in tri:
            for bi, ai, ci in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
                bb, ga, gc = corners[:, bi], codes[corners[:, ai]], codes[corners[:, ci]]
                hb = codes[bb]
                closed_total += 2 * np.bincount(bb, minlength=n)
                same = ga == gc
                closed_diag += 2 * np.bincount(bb[same] * s_ + ga[same],
                                               minlength=n * s_).reshape(n, s_)
                own = (ga == hb).astype(np.float64) + (gc == hb)
                closed_from_h += np.bincount(bb, weights=own, minlength=n)
                closed_to_h += np.bincount(bb, weights=own, minlength=n)
    else:
        rows_at = np.repeat(np.arange(n), np.diff(at.indptr))
        key = rows_at * s_ + codes[at.indices]  # (b, group of a) of every entry of Aᵀ
        for t in range(s_):
            members = np.flatnonzero(codes == t)
            if not len(members):
                continue
            a_t = a[:, members]
            k = masked_product(a_t, a_t.T.tocsr(), at)  # (b, a): # c ∈ t, b → c and a → c
            if not k.any():
                continue
            c_bs = np.bincount(key, weights=k, minlength=n * s_).reshape(n, s_)
            closed_diag[:, t] = c_bs[:, t]
            closed_from_h += c_bs[np.arange(n), codes]
            row = c_bs.sum(axis=1)
            closed_total += row
            closed_to_h += np.where(codes == t, row, 0.0)
    opportunities = _by_role(inc, out, mutual, codes, 0.0, 0.0, 0.0, 0.0)
    counts = _by_role(inc, out, mutual, codes, closed_diag, closed_from_h, closed_to_h,
                      closed_total)
    return counts, opportunities


def _by_role(inc, out, mutual, codes, closed_diag, closed_from_h, closed_to_h, closed_total):
    """n × 6 role counts (and total) of the two-paths ``a → b → c``, ``a ≠ c``, minus the closed ones."""
    b = np.arange(len(codes))
    h = codes
    in_tot, out_tot = inc.sum(axis=1), out.sum(axis=1)
    diag_open = inc * out - mutual - closed_diag
    coordinator = diag_open[b, h]
    itinerant = diag_open.sum(axis=1) - coordinator
    representative = inc[b, h] * out_tot - mutual[b, h] - closed_from_h - coordinator
    gatekeeper = in_tot * out[b, h] - mutual[b, h] - closed_to_h - coordinator
    total = in_tot * out_tot - mutual.sum(axis=1) - closed_total
    liaison = total - coordinator - itinerant - representative - gatekeeper
    return np.column_stack([coordinator, itinerant, representative, gatekeeper, liaison, total])


# role of a two-path a → b → c from (g(a) = g(b), g(b) = g(c), g(a) = g(c)) coded as 4·ab + 2·bc + ac;
# the codes 3, 5 and 6 (two equalities without the third) cannot occur
_ROLE_OF = np.array([4, 1, 3, -1, 2, -1, -1, 0])


def _exclusive_counts(a: sp.csr_matrix, codes: np.ndarray, tri=None,
                      budget: int = 4_000_000) -> np.ndarray:
    """n × 6: the open two-paths ``a → b → c`` with no other ``a → x → c``, by role of ``b``.

    One sparse product ``P = A D A`` with ``D = diag(1 + (x + 1)/(n + 1))``
    sums ``1 + (x + 1)/(n + 1)`` over the intermediaries ``x`` of each pair: it
    is below 2 exactly when there is one intermediary, ``b = (P_ac − 1)(n + 1) − 1``
    (a single term, so exact to rounding for any n up to 10⁹). The pairs with
    ``a = c`` or a tie ``a → c`` are then taken out again: for a symmetric ``a``
    from the triangle stream ``tri`` (ties in exactly one triangle: one count
    and one sum of third corners per tie, O(m)) and the leaves,
    otherwise from ``P ∘ (A + I)``. Rows are processed in blocks of at most
    about ``budget`` two-paths; the work is the number of two-paths,
    ``Σ_b in(b)·out(b)``.
    """
    n = a.shape[0]
    out = np.zeros(n * 6)
    if a.nnz == 0:
        return out.reshape(n, 6)
    small = codes.astype(np.min_scalar_type(max(int(codes.max()), 0)))
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(a.indptr))
    numbered = sp.csr_matrix((1.0 + (rows + 1.0) / (n + 1.0), a.indices, a.indptr), shape=a.shape)
    cum = np.cumsum(a @ np.diff(a.indptr).astype(np.float64))  # two-paths from each row

    def broker(values):  # the intermediary of a pair with one: P = 1 + (b + 1)/(n + 1)
        return np.rint((values - 1.0) * (n + 1.0)).astype(np.int64) - 1

    def add(ga, gb, gc, b, sign=1.0):  # count the two-paths (groups of a, b, c) at b
        key = 4 * (ga == gb).view(np.int8) + 2 * (gb == gc).view(np.int8) + (ga == gc).view(np.int8)
        out[:] += sign * np.bincount(b * 6 + _ROLE_OF[key], minlength=n * 6)

    start = 0
    while start < n:
        stop = max(int(np.searchsorted(cum, (cum[start - 1] if start else 0.0) + budget,
                                       "right")), start + 1)
        block = a[start:stop]
        p = block @ numbered
        one = p.data < 2.0
        b = broker(p.data[one])
        add(np.repeat(small[start:stop], np.diff(p.indptr))[one], small[b],
            small[p.indices[one]], b)
        if tri is None:  # take out a = c and the closed pairs (a → c present)
            mask = (block + sp.eye_array(stop - start, n, k=start, format="csr")).tocsr()
            mask.data[:] = 1.0
            pm = p.multiply(mask).tocsr()
            one = pm.data < 2.0
            b = broker(pm.data[one])
            add(np.repeat(small[start:stop], np.diff(pm.indptr))[one], small[b],
                small[pm.indices[one]], b, -1.0)
        start = stop
    if tri is not None:
        # a – b – a around a leaf, and a – b – c on a tie a – c in no other triangle
        deg = np.diff(a.indptr)
        leaf = np.flatnonzero(deg == 1)
        b = a.indices[a.indptr[leaf]].astype(np.int64)
        add(small[leaf], small[b], small[leaf], b, -1.0)
        m = tri.n_ties
        count = np.zeros(m, dtype=np.int64)
        third = np.zeros(m)  # sum of the third corners: the corner itself where count is 1
        for corners, ties in tri:
            flat = ties.ravel()  # u – v, u – w, v – w: third corners w, v, u
            count += np.bincount(flat, minlength=m)
            third += np.bincount(flat, weights=corners[:, ::-1].ravel().astype(np.float64),
                                 minlength=m)
        once = np.flatnonzero(count == 1)
        if len(once):
            lo, hi = tri.ends()
            u, v, w = lo[once], hi[once], np.rint(third[once]).astype(np.int64)
            add(small[u], small[w], small[v], w, -1.0)
            add(small[v], small[w], small[u], w, -1.0)
    out = out.reshape(n, 6)
    out[:, 5] = out[:, :5].sum(axis=1)
    return out


def _moments(sizes: np.ndarray, d: float) -> tuple[np.ndarray, np.ndarray]:
    """Expected counts and variances per broker group (rows) and role (+ total)."""
    big_n = sizes.sum()
    p = d * d * (1 - d)
    q = d ** 3 * (1 - d) ** 3
    k = len(sizes)
    exp = np.zeros((k, 6))
    var = np.zeros((k, 6))

    def choose2(x):
        return x * (x - 1) / 2.0

    for i in range(k):
        ni = sizes[i]
        other = np.delete(sizes, i)
        exp[i, 0] = p * (ni - 1) * (ni - 2)
        var[i, 0] = exp[i, 0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q
        exp[i, 1] = p * np.sum(other * (other - 1))
        var[i, 1] = exp[i, 1] * (1 - p) + 2 * np.sum(other * (other - 1) * (other - 2)) * q
        exp[i, 2] = p * (big_n - ni) * (ni - 1)
        var[i, 2] = exp[i, 2] * (1 - p) + 2 * ((ni - 1) * choose2(big_n - ni)
                                               + (big_n - ni) * choose2(ni - 1)) * q
        exp[i, 3], var[i, 3] = exp[i, 2], var[i, 2]
        exp[i, 4] = p * (np.sum(np.outer(other, other)) - np.sum(other ** 2))
        var[i, 4] = exp[i, 4] * (1 - p) + 4 * np.sum(other * choose2(big_n - other - ni)) * q
        exp[i, 5] = p * (big_n - 1) * (big_n - 2)
        var[i, 5] = exp[i, 5] * (1 - p) + 2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * q
    return exp, var


def brokerage(graph: GraphLike, attribute: Groups = "sector", exclusive: bool | None = None) -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of every node, with expectations, z-scores and exclusivity.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Directed graphs are used as they are (``a → b → c``). An undirected
        graph is read as the symmetric digraph, so every open two-path
        ``a – b – c`` is counted in both directions: coordinator, itinerant
        and liaison counts are twice the number of brokered unordered pairs,
        and a mixed path counts once as representative and once as
        gatekeeper (the convention of ``sna::brokerage``). Self-loops and
        parallel edges are ignored; weights are not used.
    attribute : str, mapping or sequence
        The groups: a vertex attribute (default ``"sector"``), a mapping node
        name → group, or one label per vertex. Missing labels form the group
        ``"unknown"``.
    exclusive : bool or None
        Whether to compute the ``exclusive_*`` and ``exclusivity_*`` columns,
        which enumerate every two-path (time ``Σ in(b)·out(b)``). ``None``
        (default): when there are at most :data:`EXCLUSIVE_MAX_TWO_PATHS`;
        otherwise the columns are NaN and ``attrs["exclusive"]`` is False.

    Returns
    -------
    pandas.DataFrame
        Indexed by node name. For each of the five :data:`ROLES` and their
        ``total``:

        * ``<role>``: the open two-paths ``a → b → c`` (``a ≠ c``, no tie
          ``a → c``) the node ``b`` brokers in that role;
        * ``expected_<role>`` and ``z_<role>``: the expectation of Gould &
          Fernandez (1989) under a random digraph of the same density
          ``d = m / (N(N − 1))`` and the same group sizes — e.g. for a
          coordinator in a group of ``n_g``: ``E = d²(1 − d)(n_g − 1)(n_g − 2)``
          — with the variances of ``sna::brokerage`` (Butts);
          ``z = (observed − E) / sd`` (NaN when ``sd = 0``);
        * ``exclusive_<role>``: those open two-paths for which ``b`` is the
          only intermediary — no other ``x`` with ``a → x → c`` (non-redundant
          brokerage: UCINET's partial credit is 1 for exactly these pairs);
        * ``exclusivity_<role>``: ``exclusive_<role> / O_<role>`` in [0, 1],
          where ``O_<role>`` counts all of the node's two-paths ``a → b → c``
          (``a ≠ c``), open or closed, whose end groups give that role — its
          brokerage opportunities. Undirected, with ``k`` neighbours of which
          ``k_s`` in group ``s`` and ``h`` the node's own group:
          ``O_total = k(k − 1)``, ``O_coordinator = k_h(k_h − 1)``,
          ``O_itinerant = Σ_{s≠h} k_s(k_s − 1)``,
          ``O_representative = O_gatekeeper = k_h(k − k_h)`` and
          ``O_liaison = (k − k_h)² − Σ_{s≠h} k_s²``. NaN when ``O = 0``.

        ``result.attrs`` holds ``density``, ``directed``, ``group_sizes``,
        ``two_paths`` (``Σ in(b)·out(b)``) and ``exclusive`` (whether the
        exclusive columns were computed).

    See Also
    --------
    rank_brokers : Organisations ranked by a brokerage role.
    constraint : Burt's constraint (few structural holes).
    participation_coefficient : Spread of a node's ties over modules.
    betweenness : Share of shortest paths through a node.

    Notes
    -----
    For undirected graphs the variance assumes independent arcs and is
    therefore approximate; the expectation is exact for the symmetric count.
    Isolates and leaves broker nothing (all counts 0, exclusivity NaN).

    The raw counts and z-scores rank the hubs first: the number of open
    two-paths grows with the square of the degree, and the null model has one
    expectation per group, not per node. Exclusivity is a share in [0, 1],
    comparable across degrees: a hub between well-connected partners scores
    low (they have other go-betweens), the sole link of an isolated cluster
    scores high. It is the full-credit part of UCINET's weighted brokerage
    and of Everett & Borgatti's ego betweenness (``Σ 1/#two-paths`` over the
    unlinked pairs of neighbours), per opportunity.
    On the synthetic ecosystem (20 small and 5 medium seeds, 55 planted
    brokers, each the only tie of an island to the rest) ``exclusivity_liaison``
    puts 49 of the 50 brokers whose island has an organisation of another
    sector in the top 5 % (the 50th at 8.5 %; with a one-sector island a broker
    is a representative and gatekeeper, not a liaison), ``exclusivity_total``
    54 of 55 (the 55th, a hub with 486 ties, at 5.3 %); the raw liaison
    counts and their z-scores 3 of 55.

    Do not rank by ``exclusivity_<role>`` alone: it is a share, and on real
    data dozens of small organisations tie at 1.0 (a node with two partners
    in two other sectors brokers 2 of 2). :func:`rank_brokers` ranks by a
    score that weighs the share by the evidence behind it.

    Exclusive counts enumerate the two-paths in row blocks of one sparse
    product ``A D A``, ``D = diag(1 + (x + 1)/(n + 1))``, whose value at a
    pair below 2 means a single intermediary and names it: time
    ``Σ in(b)·out(b)`` (about 2 s for a 100,000-node, 500,000-tie
    Barabási–Albert graph, 30 s for 1,000,000 nodes and 5,000,000 ties, which
    the default skips), memory bounded by the block size.

    References
    ----------
    .. [1] R. V. Gould, R. M. Fernandez, "Structures of mediation: a formal approach to
       brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126.
    .. [2] C. T. Butts, ``sna``: Tools for Social Network Analysis, function ``brokerage``.
    .. [3] S. P. Borgatti, M. G. Everett, L. C. Freeman, UCINET for Windows (2002),
       Network > Ego networks > Brokerage (partial credit when several nodes broker a pair).
    .. [4] M. G. Everett, S. P. Borgatti, "Ego network betweenness", Social Networks 27
       (2005) 31–38.
    .. [5] R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard
       University Press (1992) — redundant and non-redundant contacts.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)], directed=True); g.vs["name"] = ["u", "s", "f"]
    >>> g.vs["sector"] = ["university", "startup", "firm"]
    >>> brokerage(g).loc["s", ["liaison", "total", "exclusive_liaison"]].tolist()
    [1.0, 1.0, 1.0]

    A second go-between of the same pair takes the exclusivity away:

    >>> g = ig.Graph([(0, 1), (1, 2), (0, 3), (3, 2)]); g.vs["name"] = ["u", "s", "f", "x"]
    >>> g.vs["sector"] = ["university", "startup", "firm", "government"]
    >>> brokerage(g).loc["s", ["liaison", "exclusive_liaison", "exclusivity_liaison"]].tolist()
    [2.0, 0.0, 0.0]
    """
    g, _ = prepare(graph, None, directed=True)
    codes, labels = groups(g, attribute)
    n = g.vcount()
    a = adjacency(g, None)
    a.data = np.ones(len(a.data))
    a.sort_indices()
    two_paths = float(np.diff(a.indptr) @ np.bincount(a.indices, minlength=n)) if n else 0.0
    if exclusive is None:
        exclusive = two_paths <= EXCLUSIVE_MAX_TWO_PATHS
        if not exclusive:
            logger.info("brokerage: %.3g two-paths > EXCLUSIVE_MAX_TWO_PATHS, exclusive "
                        "columns skipped (pass exclusive=True to compute them)", two_paths)
    if n:
        tri = None if g.is_directed() else triangle_stream(a)
        counts, opportunities = _role_counts(a, codes, max(len(labels), 1), tri)
        sole = (_exclusive_counts(a, codes, tri) if exclusive
                else np.full((n, 6), np.nan))
    else:
        counts = opportunities = sole = np.zeros((0, 6))
    sizes = np.bincount(codes, minlength=len(labels)).astype(np.float64)
    arcs = float(a.nnz)
    d = arcs / (n * (n - 1)) if n > 1 else 0.0
    exp_g, var_g = _moments(sizes, d) if len(sizes) else (np.zeros((0, 6)), np.zeros((0, 6)))
    expected = exp_g[codes] if n else np.zeros((0, 6))
    sd = np.sqrt(var_g[codes]) if n else np.zeros((0, 6))
    z = np.divide(counts - expected, sd, out=np.full_like(counts, np.nan), where=sd > 0)
    share = np.divide(sole, opportunities, out=np.full_like(sole, np.nan),
                      where=opportunities > 0)
    cols = [*ROLES, "total"]
    frame = pd.DataFrame(counts, index=names(g), columns=cols)
    for prefix, values in (("expected_", expected), ("z_", z), ("exclusive_", sole),
                           ("exclusivity_", share)):
        for j, col in enumerate(cols):
            frame[f"{prefix}{col}"] = values[:, j]
    frame.attrs["density"] = d
    frame.attrs["directed"] = g.is_directed()
    frame.attrs["two_paths"] = two_paths
    frame.attrs["exclusive"] = bool(exclusive)
    frame.attrs["group_sizes"] = dict(zip(labels.tolist(), sizes.astype(int).tolist(),
                                          strict=True))
    return frame


def rank_brokers(roles: pd.DataFrame, role: str = "liaison", *,
                 confidence: float = 0.95) -> pd.Series:
    """Brokers ranked by exclusive brokerage: the share weighed by the evidence behind it.

    ``exclusivity_<role>`` alone ties at 1.0 for every small broker (2 of 2
    two-paths exclusive) and ranks them above a broker that alone serves 95 of
    100. The score is the lower bound of the Wilson interval of that share,

    .. math:: s = \\frac{\\hat p + \\frac{z^2}{2N} - z \\sqrt{\\frac{\\hat p (1 - \\hat p)}{N}
              + \\frac{z^2}{4N^2}}}{1 + \\frac{z^2}{N}}

    with ``p̂ = exclusivity_<role>`` and ``N`` the node's brokerage
    opportunities of that role (``exclusive / exclusivity``; halved for an
    undirected graph, whose two-paths are counted in both directions): a
    share is believed as far as its count supports it. Remaining ties are
    broken by the exclusive count, then the raw count, then node order.

    Parameters
    ----------
    roles : pandas.DataFrame
        The result of :func:`brokerage` (with its exclusive columns).
    role : str
        One of :data:`ROLES` or ``"total"``.
    confidence : float
        Level of the Wilson interval (default 0.95, ``z = 1.96``).

    Returns
    -------
    pandas.Series
        Named ``"broker_score_<role>"``, indexed by node, sorted from the best
        broker down; 0 for nodes without exclusive brokerage, NaN for nodes
        with no opportunity (last).

    Raises
    ------
    ParameterError
        Unknown ``role``, ``confidence`` outside (0, 1), or a table without
        the exclusive columns (``brokerage(..., exclusive=False)``).

    See Also
    --------
    brokerage : Gould–Fernandez brokerage roles by group.

    References
    ----------
    .. [1] E. B. Wilson, "Probable inference, the law of succession, and statistical
       inference", JASA 22 (1927) 209–212.

    Examples
    --------
    A node with two partners in two other sectors is an exclusive liaison 2 of
    2 times; a hub that alone links 12 organisations of 3 sectors, but whose
    two partners also meet directly, ranks above it.

    >>> import igraph as ig
    >>> g = ig.Graph([(0, i) for i in range(1, 13)] + [(1, 2), (13, 14), (14, 15)])
    >>> g.vs["name"] = ["hub"] + [f"p{i}" for i in range(1, 13)] + ["x", "small", "y"]
    >>> g.vs["sector"] = (["research"] + ["university", "firm", "government"] * 4
    ...                   + ["university", "startup", "firm"])
    >>> roles = brokerage(g)
    >>> roles.loc[["hub", "small"], "exclusivity_liaison"].round(2).tolist()
    [0.98, 1.0]
    >>> rank_brokers(roles).index[:2].tolist()
    ['hub', 'small']
    """
    from scipy.stats import norm

    from netkit.errors import ParameterError

    if role not in (*ROLES, "total"):
        raise ParameterError(f"role must be one of {(*ROLES, 'total')}, not {role!r}")
    if not 0 < confidence < 1:
        raise ParameterError(f"confidence must be in (0, 1), not {confidence}")
    share_col, count_col = f"exclusivity_{role}", f"exclusive_{role}"
    if count_col not in roles.columns or (roles[count_col].isna().all() and len(roles)):
        raise ParameterError("the brokerage table has no exclusive counts; "
                             "call brokerage(..., exclusive=True)")
    p = roles[share_col].to_numpy(dtype=np.float64)
    k = roles[count_col].to_numpy(dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        opportunities = np.where(k > 0, k / p, np.nan)
    if not roles.attrs.get("directed", False):
        opportunities = opportunities / 2.0  # each two-path is counted in both directions
    z = float(norm.ppf(0.5 + confidence / 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = p + z * z / (2 * opportunities)
        spread = z * np.sqrt(p * (1 - p) / opportunities + z * z / (4 * opportunities ** 2))
        score = (centre - spread) / (1 + z * z / opportunities)
    score = np.where(k > 0, score, np.where(np.isnan(p), np.nan, 0.0))
    order = np.lexsort((np.arange(len(roles)), -roles[role].to_numpy(dtype=np.float64),
                        -k, -np.nan_to_num(score, nan=-1.0)))
    return pd.Series(score[order], index=roles.index[order], name=f"broker_score_{role}")
