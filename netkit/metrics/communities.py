"""Communities: Leiden (seeded, deterministic) and modularity."""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit.build.convert import GraphLike
from netkit.errors import ParameterError
from netkit.metrics._graphs import Groups, groups, igraph_seed, prepare, series

__all__ = ["leiden", "modularity"]


def _canonical_labels(membership: np.ndarray) -> np.ndarray:
    """Relabel communities 0, 1, … by decreasing size, ties by their first vertex."""
    if not len(membership):
        return membership
    labels, first, sizes = np.unique(membership, return_index=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    new = np.empty(len(labels), dtype=np.int64)
    new[order] = np.arange(len(labels))
    return new[np.searchsorted(labels, membership)]


def leiden(graph: GraphLike, weight: str | None = "weight", *, resolution: float = 1.0,
           objective: str = "modularity", n_iterations: int = 2, seed: int = 0) -> pd.Series:
    """Communities found by the Leiden algorithm (Traag, Waltman & van Eck 2019).

    Maximises (generalised) modularity

    .. math:: Q = \\frac{1}{2m} \\sum_{ij} \\Big( w_{ij} - \\gamma \\frac{s_i s_j}{2m}
              \\Big) \\delta(c_i, c_j)

    with resolution ``γ`` (``objective="modularity"``), or the Constant Potts
    Model (``objective="cpm"``), in igraph's C core. Leiden guarantees
    connected communities.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
    weight : str or None
        Edge attribute of tie strength (default ``"weight"``).
    resolution : float
        ``γ``; larger values give more, smaller communities.
    objective : {"modularity", "cpm"}
    n_iterations : int
        Iterations of the algorithm (default 2, igraph's default); a negative
        value iterates until the partition no longer changes (much slower on
        graphs without clear communities).
    seed : int
        Seed of igraph's random number generator for this call (default 0;
        the generator installed before the call is restored afterwards): same
        graph and seed → same communities.

    Returns
    -------
    pandas.Series
        Named ``"community"``, integer labels 0, 1, … by decreasing community
        size (ties: the community holding the earlier vertex first). Each
        isolate is its own community. ``result.attrs["modularity"]`` holds
        the modularity of the partition (weighted if ``weight``) at the
        resolution used — the ``Q`` above with ``γ = resolution``, the
        quantity Leiden maximised (with ``objective="cpm"``, at ``γ = 1``:
        CPM's resolution is a density, not a modularity resolution) — and
        ``attrs["resolution"]`` the ``γ`` it was computed with.

    Raises
    ------
    ParameterError
        Unknown ``objective``, a missing weight attribute or a weight that is
        not positive and finite.

    See Also
    --------
    modularity : Quality of a partition into communities.
    participation_coefficient : Spread of a node's ties over modules.

    References
    ----------
    .. [1] V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
       well-connected communities", Scientific Reports 9 (2019).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    >>> g.vs["name"] = list("abcdef")
    >>> leiden(g, weight=None).tolist()
    [0, 0, 0, 1, 1, 1]
    """
    if objective not in ("modularity", "cpm"):
        raise ParameterError(f"objective must be 'modularity' or 'cpm', not {objective!r}")
    g, w = prepare(graph, weight)
    weights = None if w is None or not len(w) else weight  # attribute name: no new list
    gamma = resolution if objective == "modularity" else 1.0
    if g.vcount() == 0:
        out = series([], g, "community", dtype=np.int64)
        out.attrs.update(modularity=float("nan"), resolution=gamma)
        return out
    with igraph_seed(seed):
        part = g.community_leiden(objective_function=objective, weights=weights, resolution=resolution,
                                  n_iterations=n_iterations)
    membership = _canonical_labels(np.asarray(part.membership, dtype=np.int64))
    out = series(membership, g, "community")
    out.attrs["modularity"] = (g.modularity(membership.tolist(), weights=weights,
                                            resolution=gamma)
                               if g.ecount() else float("nan"))
    out.attrs["resolution"] = gamma
    return out


def modularity(graph: GraphLike, membership: Groups = "community", weight: str | None = "weight",
               resolution: float = 1.0) -> float:
    """Newman's modularity of a partition.

    .. math:: Q = \\frac{1}{2m} \\sum_{ij} \\Big( w_{ij} - \\gamma \\frac{s_i s_j}{2m}
              \\Big) \\delta(c_i, c_j)

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns).
    membership : str, mapping, Series or sequence
        A vertex attribute, a mapping node → community (e.g. the output of
        :func:`leiden`), or one label per vertex.
    weight : str or None
        Edge attribute of tie strength (default ``"weight"``); ``None``: every tie 1.
    resolution : float
        ``γ``.

    Returns
    -------
    float
        NaN for a graph without edges. Equals networkx ``community.modularity``.

    Raises
    ------
    ParameterError
        No such vertex attribute or edge attribute, a label list of the wrong
        length, or a weight that is not positive and finite.

    See Also
    --------
    leiden : Communities (seeded Leiden).
    assortativity : Nominal assortativity of the groups.

    References
    ----------
    .. [1] M. E. J. Newman, "Modularity and community structure in networks", PNAS 103 (2006).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (2, 3)]); g.vs["name"] = list("abcd")
    >>> modularity(g, [0, 0, 1, 1], weight=None)
    0.5
    """
    g, w = prepare(graph, weight)
    if g.ecount() == 0:
        return float("nan")
    codes, _ = groups(g, membership)
    return float(g.modularity(codes.tolist(), weights=None if w is None else weight,
                              resolution=resolution))
