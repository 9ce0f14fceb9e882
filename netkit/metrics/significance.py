"""Significance against a degree-preserving rewiring null model.

Each null graph is the observed graph after ``swaps_per_edge × m`` random
double-edge swaps (``a–b, c–d → a–d, c–b``) that keep every node's degree and
the graph simple (igraph's ``rewire(mode="simple")``). Statistics are
recomputed on every null graph with vectorised numpy; the z-score is
``(observed − mean) / sd`` and the p-value is two-sided and empirical,

.. math:: p = \\frac{1 + \\#\\{ |x_k - \\bar x| \\ge |x_{obs} - \\bar x| \\}}{1 + K}

over the ``K`` null graphs. The null model ignores tie weights. Seeded:
same graph and seed → same result.

References
----------
.. [1] S. Maslov, K. Sneppen, "Specificity and stability in topology of protein
   networks", Science 296 (2002).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from netkit._docs import fill_doc
from netkit.build.convert import GraphLike
from netkit.errors import ParameterError
from netkit.metrics._graphs import Groups, groups, igraph_seed, prepare
from netkit.metrics.mixing import _assortativity, _mixing_counts

__all__ = [
    "assortativity_significance",
    "ei_significance",
    "mixing_significance",
    "rewiring_null",
]


def rewiring_null(graph: GraphLike, statistic: Callable[[np.ndarray], np.ndarray | float],
                  n_samples: int = 100, *, swaps_per_edge: int = 10,
                  seed: int | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """Observed value of ``statistic`` and its values on degree-preserving rewired graphs.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns); self-loops and parallel
        edges dropped; weights are not used.
    statistic : callable
        Takes the ``m × 2`` int array of edges (vertex indices) and returns a
        float or an array of floats.
    n_samples : int
        Number of null graphs ``K``.
    swaps_per_edge : int
        Swaps attempted per edge for each null graph (from the observed graph).
    seed : int or None
        Seed of igraph's generator for the rewiring (default 0); the
        generator installed before the call is restored afterwards.

    Returns
    -------
    observed : numpy.ndarray
    null : numpy.ndarray
        Shape ``(K, *observed.shape)``.

    Raises
    ------
    ParameterError
        ``n_samples < 1`` or a graph that is neither igraph nor networkx.

    See Also
    --------
    mixing_significance : Mixing matrix against rewiring.
    ei_significance : E–I index against rewiring.
    assortativity_significance : Assortativity against rewiring.

    Examples
    --------
    >>> import igraph as ig, numpy as np
    >>> g = ig.Graph.Ring(10)
    >>> obs, null = rewiring_null(g, lambda e: float(len(e)), n_samples=3)
    >>> float(obs), null.tolist()
    (10.0, [10.0, 10.0, 10.0])
    """
    if n_samples < 1:
        raise ParameterError(f"n_samples must be ≥ 1, not {n_samples}")
    g, _ = prepare(graph, None)
    edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    observed = np.asarray(statistic(edges), dtype=np.float64)
    null = np.empty((n_samples, *observed.shape))
    with igraph_seed(seed):
        for k in range(n_samples):
            h = g.copy()
            if h.ecount() > 1:
                h.rewire(n=swaps_per_edge * h.ecount(), allowed_edge_types="simple")
            null[k] = statistic(np.asarray(h.get_edgelist(), dtype=np.int64).reshape(-1, 2))
    return observed, null


def _summary(observed: np.ndarray, null: np.ndarray) -> dict[str, np.ndarray]:
    mean = null.mean(axis=0)
    sd = null.std(axis=0, ddof=1) if len(null) > 1 else np.zeros_like(mean)
    z = np.divide(observed - mean, sd, out=np.full_like(mean, np.nan, dtype=np.float64),
                  where=sd > 0)
    extreme = np.abs(null - mean) >= np.abs(observed - mean) - 1e-12
    p = (1 + extreme.sum(axis=0)) / (1 + len(null))
    return {"observed": observed, "null_mean": mean, "null_sd": sd, "z": z, "p_value": p}


def _group_null(graph: GraphLike, attribute: Groups, statistic: Callable[..., Any], n_samples: int, swaps_per_edge: int,
                seed: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``statistic(edges, codes, k)`` of the groups on the graph and on its rewired nulls,
    and the group labels."""
    g, _ = prepare(graph, None)
    codes, labels = groups(g, attribute)

    def stat(edges: np.ndarray) -> np.ndarray | float:
        return statistic(edges, codes, len(labels))

    observed, null = rewiring_null(g, stat, n_samples, swaps_per_edge=swaps_per_edge, seed=seed)
    return observed, null, labels


def _mixing_stat(edges: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    return _mixing_counts(edges, np.ones(len(edges)), codes, k).ravel()


def _ei_stat(edges: np.ndarray, codes: np.ndarray, k: int) -> float:
    if not len(edges):
        return np.nan
    ext = float(np.count_nonzero(codes[edges[:, 0]] != codes[edges[:, 1]]))
    return (2 * ext - len(edges)) / len(edges)


_DOC = {
    "parameters": """\
        Parameters
        ----------
        graph : igraph.Graph or networkx.Graph
            Read as undirected (a directed graph warns); weights are not used.
        attribute : str, mapping or sequence
            The groups: a vertex attribute (default ``"sector"``), a mapping node
            → group, or one label per vertex; missing labels form ``"unknown"``.
        n_samples : int
            Null graphs ``K`` (default 200); the smallest p-value is ``1/(K + 1)``.
        swaps_per_edge : int
            Double-edge swaps attempted per edge for each null graph.
        seed : int or None
            Seed of the rewiring (default 0: same graph and seed → same result).""",
    "raises": """\
        Raises
        ------
        ParameterError
            ``n_samples < 1``, no such vertex attribute, or a label list of the wrong length.""",
}


@fill_doc(_DOC)
def mixing_significance(graph: GraphLike, attribute: Groups = "sector", n_samples: int = 200, *,
                        swaps_per_edge: int = 10, seed: int = 0) -> pd.DataFrame:
    """The sector × sector mixing matrix against degree-preserving rewiring.

    {parameters}

    Returns
    -------
    pandas.DataFrame
        Indexed by (``source``, ``target``) group, columns ``observed`` (ties,
        counted as in :func:`~netkit.metrics.mixing_matrix`), ``null_mean``,
        ``null_sd``, ``z`` and ``p_value``.

    {raises}

    See Also
    --------
    mixing_matrix : Ties between groups against random mixing.
    rewiring_null : Any statistic against degree-preserving rewiring.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (2, 3), (0, 2), (1, 3)]); g.vs["name"] = list("abcd")
    >>> g.vs["sector"] = ["firm", "firm", "university", "university"]
    >>> mixing_significance(g, n_samples=20)["observed"].tolist()
    [2.0, 2.0, 2.0, 2.0]
    """
    observed, null, labels = _group_null(graph, attribute, _mixing_stat, n_samples,
                                         swaps_per_edge, seed)
    index = pd.MultiIndex.from_product([labels, labels], names=["source", "target"])
    return pd.DataFrame(_summary(observed, null), index=index)


def _scalar_frame(observed, null, name: str) -> pd.Series:
    s = _summary(np.atleast_1d(observed), null.reshape(len(null), -1))
    return pd.Series({k: float(v[0]) for k, v in s.items()}, name=name)


@fill_doc(_DOC)
def ei_significance(graph: GraphLike, attribute: Groups = "sector", n_samples: int = 200, *,
                    swaps_per_edge: int = 10, seed: int = 0) -> pd.Series:
    """The graph's E–I index against degree-preserving rewiring.

    {parameters}

    Returns
    -------
    pandas.Series
        Named ``"ei_index"``: ``observed``, ``null_mean``, ``null_sd``, ``z``, ``p_value``.

    {raises}

    See Also
    --------
    ei_index : External minus internal ties.
    rewiring_null : Any statistic against degree-preserving rewiring.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph.Ring(8); g.vs["name"] = list("abcdefgh")
    >>> g.vs["sector"] = ["firm"] * 4 + ["university"] * 4
    >>> float(ei_significance(g, n_samples=20)["observed"])
    -0.5
    """
    observed, null, _ = _group_null(graph, attribute, _ei_stat, n_samples, swaps_per_edge, seed)
    return _scalar_frame(observed, null, "ei_index")


@fill_doc(_DOC)
def assortativity_significance(graph: GraphLike, attribute: Groups = "sector", n_samples: int = 200, *,
                               swaps_per_edge: int = 10, seed: int = 0) -> pd.Series:
    """Nominal assortativity of the groups against degree-preserving rewiring.

    {parameters}

    Returns
    -------
    pandas.Series
        Named ``"assortativity"``: ``observed``, ``null_mean``, ``null_sd``, ``z``, ``p_value``.

    {raises}

    See Also
    --------
    assortativity : Nominal assortativity of the groups.
    rewiring_null : Any statistic against degree-preserving rewiring.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (2, 3)]); g.vs["name"] = list("abcd")
    >>> g.vs["sector"] = ["firm", "firm", "university", "university"]
    >>> float(assortativity_significance(g, n_samples=10)["observed"])
    1.0
    """
    observed, null, _ = _group_null(graph, attribute, _assortativity, n_samples,
                                    swaps_per_edge, seed)
    return _scalar_frame(observed, null, "assortativity")
