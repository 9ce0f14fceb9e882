"""Backbones of large graphs (the network view draws one above a size limit).

A browser stays responsive with a few thousand nodes. Above that the view
shows a backbone and says on the page what was left out.

References
----------
.. [1] M. Á. Serrano, M. Boguñá, A. Vespignani, "Extracting the multiscale
   backbone of complex weighted networks", PNAS 106 (16), 6483–6488 (2009).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import igraph as ig
import numpy as np

from netkit.errors import ParameterError

__all__ = ["BACKBONE_METHODS", "Backbone", "backbone", "disparity_pvalues"]

# disparity: the disparity filter [1]_; top: the strongest nodes and ties
BACKBONE_METHODS = ("disparity", "top")


def disparity_pvalues(graph: ig.Graph, weight: str = "weight") -> np.ndarray:
    """The disparity-filter significance of every edge (smaller = more significant).

    For an edge ``(i, j)`` of weight ``w`` and a node ``i`` of degree ``k`` and
    strength ``s``, ``α_ij = (1 − w/s)^(k − 1)`` [1]_. An edge is kept by the
    filter at level ``α`` when it is significant for at least one endpoint, so
    this returns ``min(α_ij, α_ji)``. An edge seen from a degree-1 node has
    ``α = 1`` from that side.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (0, 2), (0, 3)]); g.es["weight"] = [8.0, 1.0, 1.0]
    >>> disparity_pvalues(g).round(3).tolist()
    [0.04, 0.81, 0.81]
    """
    m = graph.ecount()
    if m == 0:
        return np.zeros(0)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64)
    w = np.asarray(graph.es[weight], dtype=float) if weight in graph.es.attributes() else np.ones(m)
    n = graph.vcount()
    strength = np.bincount(edges[:, 0], weights=w, minlength=n) + np.bincount(
        edges[:, 1], weights=w, minlength=n)
    degree = np.bincount(edges[:, 0], minlength=n) + np.bincount(edges[:, 1], minlength=n)
    out = np.ones(m)
    for end in (0, 1):
        node = edges[:, end]
        with np.errstate(divide="ignore", invalid="ignore"):
            p = np.where(strength[node] > 0, w / strength[node], 0.0)
        k = degree[node]
        alpha = np.where(k > 1, np.power(np.clip(1.0 - p, 0.0, 1.0), k - 1), 1.0)
        out = np.minimum(out, alpha)
    return out


def _strongest_per_node(edges: np.ndarray, w: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Mask of the edges that are, for one of their ends, its strongest allowed edge."""
    out = np.zeros(len(w), dtype=bool)
    idx = np.flatnonzero(allowed)
    if not len(idx):
        return out
    for end in (0, 1):
        order = idx[np.lexsort((idx, -w[idx], edges[idx, end]))]
        first = np.unique(edges[order, end], return_index=True)[1]
        out[order[first]] = True
    return out


def _strongest_partner(edges: np.ndarray, w: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Mask of the vertices at the other end of each marked vertex's strongest tie."""
    out = np.zeros(len(nodes), dtype=bool)
    for end in (0, 1):
        idx = np.flatnonzero(nodes[edges[:, end]])
        order = idx[np.lexsort((idx, -w[idx], edges[idx, end]))]
        first = np.unique(edges[order, end], return_index=True)[1]
        out[edges[order[first], 1 - end]] = True
    return out


@dataclass(frozen=True)
class Backbone:
    """A backbone subgraph and a description of what it leaves out."""

    graph: ig.Graph
    vertex_ids: np.ndarray
    """Indices (in the original graph) of the vertices kept, ascending."""
    n_nodes_total: int
    n_edges_total: int
    method: str
    description: str


def _group_quota(groups: np.ndarray, metric: np.ndarray, eligible: np.ndarray,
                 per_group: int) -> np.ndarray:
    """Mask of the ``per_group`` eligible vertices of each group with the highest metric
    (ties broken by vertex index)."""
    idx = np.flatnonzero(eligible)
    codes = np.unique(groups[idx], return_inverse=True)[1]
    order = idx[np.lexsort((idx, -metric[idx], codes))]
    sorted_codes = np.sort(codes, kind="stable")
    rank = np.arange(len(order)) - np.searchsorted(sorted_codes, sorted_codes)
    out = np.zeros(len(groups), dtype=bool)
    out[order[rank < per_group]] = True
    return out


def backbone(graph: ig.Graph, max_nodes: int = 5_000, *, method: str = "disparity",
             alpha: float = 0.05, metric: np.ndarray | None = None,
             metric_name: str = "strength", max_edges: int | None = None,
             groups: np.ndarray | list[Any] | None = None,
             per_group: int | None = None) -> Backbone:
    """A backbone of at most ``max_nodes`` nodes.

    Parameters
    ----------
    graph : igraph.Graph
        Weighted (``weight`` edge attribute) or not.
    max_nodes : int, default 5000
    method : {"disparity", "top"}
        ``disparity``: keep the edges significant at level ``alpha`` for the
        disparity filter [1]_, then, if there are still more than
        ``max_nodes`` nodes, keep the ``max_nodes`` with the highest
        ``metric``, their significant ties among them, and each one's
        strongest tie to another kept node (so the cut strands no one). ``top``: the ``max_nodes`` nodes with the highest
        ``metric`` and the ties among them.
    alpha : float, default 0.05
    metric : array of float, optional
        One value per vertex to rank organisations (default: strength).
    metric_name : str
        Name of the metric, for the description.
    max_edges : int, optional
        Keep at most this many ties (the strongest, plus each kept node's
        strongest tie). Default ``10 × max_nodes``.
    groups : array of str, optional
        One label per vertex (a sector, say). Every group keeps its ``per_group``
        organisations with ties and the highest ``metric`` — even where the disparity
        filter or the cut would drop them all (a sector of small, weakly tied
        organisations would otherwise vanish from the view) — each with its
        strongest tie and the organisation at its other end; the rest of
        ``max_nodes`` is filled as above.
    per_group : int, optional
        Default ``max(1, max_nodes // 50)``.

    Returns
    -------
    Backbone

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Famous("Zachary"); g.es["weight"] = 1.0
    >>> b = backbone(g, max_nodes=10, method="top")
    >>> b.graph.vcount(), b.n_nodes_total
    (10, 34)
    >>> kinds = ["small" if v in (16, 26) else "big" for v in range(34)]
    >>> b = backbone(g, max_nodes=10, method="top", groups=kinds, per_group=2)
    >>> sorted(kinds[v] for v in b.vertex_ids).count("small")
    2
    """
    if max_nodes < 1:
        raise ParameterError(f"max_nodes must be ≥ 1, not {max_nodes}")
    if method not in BACKBONE_METHODS:
        raise ParameterError(f"backbone method must be one of {BACKBONE_METHODS}, not {method!r}")
    if not 0 < alpha <= 1:
        raise ParameterError(f"alpha must be in (0, 1], not {alpha}")
    n, m = graph.vcount(), graph.ecount()
    max_edges = max_edges if max_edges is not None else 10 * max_nodes
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = (np.asarray(graph.es["weight"], dtype=float) if "weight" in graph.es.attributes()
         else np.ones(m))
    if metric is None:
        metric = np.bincount(edges[:, 0], weights=w, minlength=n) + np.bincount(
            edges[:, 1], weights=w, minlength=n)
        metric_name = "strength"
    metric = np.nan_to_num(np.asarray(metric, dtype=float), nan=-np.inf)
    keep_edge = np.ones(m, dtype=bool)
    steps = []
    reserved = np.zeros(n, dtype=bool)
    if groups is not None:
        groups = np.asarray(groups, dtype=object).astype(str)
        if len(groups) != n:
            raise ParameterError(f"groups has {len(groups)} labels for {n} vertices")
        tied = np.zeros(n, dtype=bool)
        tied[edges.ravel()] = True
        per_group = per_group if per_group is not None else max(1, max_nodes // 50)
        reserved = _group_quota(groups, metric, tied, per_group)
        # with the partner of each one's strongest tie, so that none is left alone,
        # as long as the reservation fits in max_nodes (else the groups' best alone)
        anchored = reserved | _strongest_partner(edges, w, reserved)
        if anchored.sum() <= max_nodes:
            reserved = anchored
        elif reserved.sum() > max_nodes:
            idx = np.flatnonzero(reserved)
            reserved = np.zeros(n, dtype=bool)
            reserved[idx[np.lexsort((idx, -metric[idx]))[:max_nodes]]] = True
    if method == "disparity":
        keep_edge = disparity_pvalues(graph) < alpha
        steps.append(f"disparity filter at α = {alpha:g}")
        keep_node = np.zeros(n, dtype=bool)
        keep_node[edges[keep_edge].ravel()] = True
    else:
        keep_node = np.ones(n, dtype=bool)
    cut = (keep_node | reserved).sum() > max_nodes
    if cut:
        candidates = np.flatnonzero(keep_node & ~reserved)
        # highest metric first; ties broken by vertex index (canonical, sorted ids)
        order = np.lexsort((candidates, -metric[candidates]))
        keep_node = reserved.copy()
        keep_node[candidates[order[:max(0, max_nodes - int(reserved.sum()))]]] = True
        steps.append(f"the {max_nodes:,} organisations with the highest {metric_name}")
    else:
        keep_node |= reserved
    if reserved.any():
        steps.append(f"at least {per_group:,} organisations of every group")
    inside = keep_node[edges[:, 0]] & keep_node[edges[:, 1]] if m else np.zeros(0, dtype=bool)
    keep_edge &= inside
    if reserved.any():
        # an organisation kept for its group keeps its strongest tie among the kept
        keep_edge |= _strongest_per_node(edges, w, inside & (reserved[edges[:, 0]]
                                                             | reserved[edges[:, 1]]))
    if cut and method == "disparity":
        # the cut can strand organisations whose significant ties led outside: each kept
        # organisation also keeps its strongest tie to another kept organisation
        keep_edge |= _strongest_per_node(edges, w, inside)
        steps.append("each one's strongest tie among them")
    if keep_edge.sum() > max_edges:
        idx = np.flatnonzero(keep_edge)
        strongest = idx[np.lexsort((idx, -w[idx]))[:max_edges]]
        chosen = np.zeros(m, dtype=bool)
        chosen[strongest] = True
        # each node keeps its strongest tie, so no kept node is left isolated
        keep_edge = chosen | _strongest_per_node(edges, w, keep_edge)
        steps.append(f"their {max_edges:,} strongest ties and each one's strongest tie")
    vids = np.flatnonzero(keep_node)
    sub = graph.subgraph_edges(np.flatnonzero(keep_edge).tolist(), delete_vertices=False)
    sub = sub.induced_subgraph(vids.tolist(), implementation="create_from_scratch")
    desc = (f"Showing a backbone: {sub.vcount():,} of {n:,} organisations and "
            f"{sub.ecount():,} of {m:,} ties ({'; then '.join(steps) or 'all'}). "
            f"Left out: {n - sub.vcount():,} organisations and {m - sub.ecount():,} ties.")
    return Backbone(sub, vids, n, m, method, desc)
