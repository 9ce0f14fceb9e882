"""Which regions interact: within- and between-region density, region × region flows.

Counts of ties between two regions grow with the number of organisations in
them; dividing by the number of possible pairs (``n_r n_s`` between regions,
``n_r (n_r − 1) / 2`` within one) makes large and small regions comparable.

An organisation without a region is not in a region called "none": it is left out,
with every tie it has, and the tables say how many (``attrs["orgs_without_region"]``
and ``attrs["ties_without_region"]``; the summary carries both counts).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit._docs import fill_doc
from netkit.build.convert import GraphLike, as_igraph
from netkit.errors import EmptyGraphError, ParameterError
from netkit.metrics._graphs import edge_weights, warn_directed

__all__ = ["region_density", "region_flow_matrix", "region_summary"]


def _groups(graph: GraphLike, attribute: str, weight: str | None):
    """Region names, the region code of every vertex (−1: none), the region codes of both
    ends of every tie between two vertices with a region and its weight, and the counts
    left out."""
    graph = as_igraph(graph)
    warn_directed(graph, "netkit.metrics.regions")
    if attribute not in graph.vs.attributes():
        raise ParameterError(f"the graph has no vertex attribute {attribute!r}")
    if graph.vcount() == 0:
        raise EmptyGraphError("the graph has no vertices")
    labels = pd.Series(graph.vs[attribute], dtype=object)
    known = labels.notna().to_numpy() & (labels.astype(str) != "").to_numpy()
    names, known_codes = np.unique(labels[known].astype(str).to_numpy(), return_inverse=True)
    codes = np.full(graph.vcount(), -1, dtype=np.int64)
    codes[known] = known_codes
    edges, w = edge_weights(graph, weight)
    inside = (codes[edges[:, 0]] >= 0) & (codes[edges[:, 1]] >= 0)
    left_out = {"orgs_without_region": int((~known).sum()),
                "ties_without_region": int((~inside).sum())}
    ends = codes[edges[inside]]
    return names.astype(object), codes, ends[:, 0], ends[:, 1], w[inside], left_out


_DOC = {
    "parameters": """\
        Parameters
        ----------
        graph : igraph.Graph or networkx.Graph
            A directed graph's arcs are counted as undirected ties (it warns);
            parallel edges count separately (they are joint events).
        attribute : str
            Vertex attribute holding the region (default ``"region"``).
        weight : str or None
            Edge attribute summed as the tie's weight (default ``"weight"``;
            ``None``: 1 per tie).""",
    "raises": """\
        Raises
        ------
        ParameterError
            No such vertex or edge attribute.
        EmptyGraphError
            A graph without vertices.""",
    "example_graph": """\
        Examples
        --------
        >>> import igraph as ig
        >>> g = ig.Graph([(0, 1), (1, 2), (2, 3)])
        >>> g.vs["region"] = ["A", "A", "B", "B"]; g.es["weight"] = [2.0, 1.0, 5.0]""",
}


@fill_doc(_DOC)
def region_flow_matrix(graph: GraphLike, attribute: str = "region",
                       weight: str | None = "weight") -> pd.DataFrame:
    """Region × region matrix of summed tie weights (joint events with ``org_graph``).

    {parameters}

    Returns
    -------
    pandas.DataFrame
        Symmetric, regions sorted; the diagonal holds ties within a region (each
        counted once), off-diagonal cells ties between two regions. Vertices
        without a region and their ties are left out and counted in ``attrs``.

    {raises}

    See Also
    --------
    region_density : Density of ties within and between regions.
    mixing_matrix : Ties between groups against random mixing.
    mobility_flows : Moves summed into origin × destination flows.

    {example_graph}
    >>> region_flow_matrix(g)
    region    A    B
    region
    A       2.0  1.0
    B       1.0  5.0
    """
    names, _, a, b, w, left_out = _groups(graph, attribute, weight)
    k = len(names)
    m = np.bincount(a * k + b, weights=w, minlength=k * k).reshape(k, k)
    m = m + m.T - np.diag(np.diag(m))
    idx = pd.Index(names, name=attribute)
    out = pd.DataFrame(m, index=idx, columns=idx.copy())
    out.attrs.update(left_out)
    return out


@fill_doc(_DOC)
def region_density(graph: GraphLike, attribute: str = "region",
                   weight: str | None = "weight") -> pd.DataFrame:
    """Interaction density of every pair of regions, normalised by their organisations.

    {parameters}

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair ``region_a ≤ region_b``: ``within``,
        ``orgs_a``, ``orgs_b``, ``possible`` (pairs of organisations:
        ``n_a (n_a − 1) / 2`` within, ``n_a n_b`` between), ``ties``,
        ``weight`` (summed), ``density = ties / possible`` and
        ``weight_density = weight / possible``.

    {raises}

    See Also
    --------
    region_summary : Within- against between-region density.
    region_flow_matrix : Region × region tie weights.

    {example_graph}
    >>> region_density(g)[["region_a", "region_b", "possible", "ties", "density"]]
      region_a region_b  possible  ties  density
    0        A        A       1.0     1     1.00
    1        A        B       4.0     1     0.25
    2        B        B       1.0     1     1.00
    """
    names, codes, a, b, w, left_out = _groups(graph, attribute, weight)
    k = len(names)
    sizes = np.bincount(codes[codes >= 0], minlength=k).astype(np.float64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    ties = np.bincount(lo * k + hi, minlength=k * k).reshape(k, k)
    wsum = np.bincount(lo * k + hi, weights=w, minlength=k * k).reshape(k, k)
    ia, ib = np.triu_indices(k)
    possible = np.where(ia == ib, sizes[ia] * (sizes[ia] - 1) / 2, sizes[ia] * sizes[ib])
    with np.errstate(divide="ignore", invalid="ignore"):
        out = pd.DataFrame({
            "region_a": names[ia], "region_b": names[ib], "within": ia == ib,
            "orgs_a": sizes[ia].astype(np.int64), "orgs_b": sizes[ib].astype(np.int64),
            "possible": possible, "ties": ties[ia, ib], "weight": wsum[ia, ib],
            "density": np.where(possible > 0, ties[ia, ib] / possible, np.nan),
            "weight_density": np.where(possible > 0, wsum[ia, ib] / possible, np.nan),
        })
    out.attrs["name"] = f"{attribute} interaction density"
    out.attrs.update(left_out)
    return out


@fill_doc(_DOC)
def region_summary(graph: GraphLike, attribute: str = "region",
                   weight: str | None = "weight") -> pd.Series:
    """Within- vs between-region density of the whole graph.

    {parameters}

    Returns
    -------
    pandas.Series
        ``within_density`` (ties inside regions / possible pairs inside
        regions), ``between_density`` (same across regions), their ratio
        ``within_over_between``, and ``cross_region_share`` (share of ties that
        join two regions) and ``cross_region_weight_share``, over the ties
        between organisations with a region; then ``orgs_without_region`` and
        ``ties_without_region``, the counts left out.

    {raises}

    See Also
    --------
    region_density : Density of ties within and between regions.
    ei_index : External minus internal ties.

    {example_graph}
    >>> float(region_summary(g)["between_density"])
    0.25
    """
    d = region_density(graph, attribute, weight)
    within, between = d[d["within"]], d[~d["within"]]
    wd = within["ties"].sum() / within["possible"].sum() if within["possible"].sum() else np.nan
    bd = between["ties"].sum() / between["possible"].sum() if between["possible"].sum() else np.nan
    total, wtotal = d["ties"].sum(), d["weight"].sum()
    return pd.Series({
        "within_density": float(wd), "between_density": float(bd),
        "within_over_between": float(wd / bd) if bd else np.nan,
        "cross_region_share": float(between["ties"].sum() / total) if total else np.nan,
        "cross_region_weight_share": float(between["weight"].sum() / wtotal) if wtotal else np.nan,
        "orgs_without_region": float(d.attrs["orgs_without_region"]),
        "ties_without_region": float(d.attrs["ties_without_region"]),
    }, name=f"{attribute} summary")
