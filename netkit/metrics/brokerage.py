"""Gould–Fernandez brokerage roles by group (sector), with expected counts and z-scores.

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
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.metrics._graphs import adjacency, groups, masked_product, names, prepare, triangles

__all__ = ["ROLES", "brokerage"]

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
"""The five Gould–Fernandez roles, in the order of the output columns."""


def _role_counts(a: sp.csr_matrix, codes: np.ndarray, n_groups: int,
                 symmetric: bool = False) -> np.ndarray:
    """n × 6 array: the five roles and their total, for a binary adjacency matrix ``a``.

    Memory is O(n · groups + edges): the closed two-paths are accumulated per
    target group without an n × groups × groups array.
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
    if symmetric:
        # undirected: the closed two-paths are the triangles, each seen from its three
        # corners and in both directions
        tri = triangles(a)
        for bi, ai, ci in ((0, 1, 2), (1, 0, 2), (2, 0, 1)):
            bb, ga, gc = tri[:, bi], codes[tri[:, ai]], codes[tri[:, ci]]
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
    b = np.arange(n)
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


def brokerage(graph, attribute="sector") -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of every node, with expectations and z-scores.

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

    Returns
    -------
    pandas.DataFrame
        Indexed by node name. Columns: the five :data:`ROLES` and ``total``
        (observed counts); ``expected_<role>`` and ``z_<role>`` for each of
        them. The expectation is the one of Gould & Fernandez (1989) under a
        random digraph of the same density ``d = m / (N(N − 1))`` and the same
        group sizes — e.g. for a coordinator in a group of ``n_g``:
        ``E = d²(1 − d)(n_g − 1)(n_g − 2)`` — with the variances of
        ``sna::brokerage`` (Butts); ``z = (observed − E) / sd`` (NaN when
        ``sd = 0``). ``result.attrs`` holds ``density`` and ``group_sizes``.

    Notes
    -----
    For undirected graphs the variance assumes independent arcs and is
    therefore approximate; the expectation is exact for the symmetric count.
    Isolates and leaves broker nothing (all counts 0).

    References
    ----------
    .. [1] R. V. Gould, R. M. Fernandez, "Structures of mediation: a formal approach to
       brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126.
    .. [2] C. T. Butts, ``sna``: Tools for Social Network Analysis, function ``brokerage``.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)], directed=True); g.vs["name"] = ["u", "s", "f"]
    >>> g.vs["sector"] = ["university", "startup", "firm"]
    >>> brokerage(g).loc["s", ["liaison", "total"]].tolist()
    [1.0, 1.0]
    """
    g, _ = prepare(graph, None, directed=True)
    codes, labels = groups(g, attribute)
    n = g.vcount()
    a = adjacency(g, None)
    a.data = np.ones(len(a.data))
    a.sort_indices()
    counts = (_role_counts(a, codes, max(len(labels), 1), symmetric=not g.is_directed())
              if n else np.zeros((0, 6)))
    sizes = np.bincount(codes, minlength=len(labels)).astype(np.float64)
    arcs = float(a.nnz)
    d = arcs / (n * (n - 1)) if n > 1 else 0.0
    exp_g, var_g = _moments(sizes, d) if len(sizes) else (np.zeros((0, 6)), np.zeros((0, 6)))
    expected = exp_g[codes] if n else np.zeros((0, 6))
    sd = np.sqrt(var_g[codes]) if n else np.zeros((0, 6))
    z = np.divide(counts - expected, sd, out=np.full_like(counts, np.nan), where=sd > 0)
    cols = [*ROLES, "total"]
    frame = pd.DataFrame(counts, index=names(g), columns=cols)
    for j, col in enumerate(cols):
        frame[f"expected_{col}"] = expected[:, j]
    for j, col in enumerate(cols):
        frame[f"z_{col}"] = z[:, j]
    frame.attrs["density"] = d
    frame.attrs["group_sizes"] = dict(zip(labels.tolist(), sizes.astype(int).tolist(),
                                          strict=True))
    return frame
