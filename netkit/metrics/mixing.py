"""Sector mixing: the sector × sector mixing matrix against random mixing, nominal
assortativity, and the Triple-Helix mutual information T(UIG).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit._docs import fill_doc
from netkit.build.convert import GraphLike
from netkit.errors import ParameterError
from netkit.metrics._graphs import Groups, edge_array, groups, prepare
from netkit.model import HELIX, Corpus

__all__ = ["assortativity", "mixing_matrix", "triple_helix"]

_DOC = {
    "newman_reference": """\
        References
        ----------
        .. [1] M. E. J. Newman, "Mixing patterns in networks", Phys. Rev. E 67 (2003).""",
}


def _mixing_counts(edges: np.ndarray, ew: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """k × k symmetric matrix: each tie counted in (g(u), g(v)) and (g(v), g(u))."""
    gu, gv = codes[edges[:, 0]], codes[edges[:, 1]]
    m = np.bincount(gu * k + gv, ew, k * k) + np.bincount(gv * k + gu, ew, k * k)
    return m.reshape(k, k)


@fill_doc(_DOC)
def mixing_matrix(graph: GraphLike, attribute: Groups = "sector", weight: str | None = None) -> pd.DataFrame:
    """Ties between groups (sectors), observed and expected under random mixing.

    Each undirected tie ``u – v`` is counted in cell ``(g(u), g(v))`` and in
    ``(g(v), g(u))`` (so a within-group tie counts twice on the diagonal and
    the matrix sums to ``2m``), as networkx ``attribute_mixing_matrix``. The
    expectation keeps every group's total degree ``a_s`` and mixes ties at
    random (configuration model):

    .. math:: E_{st} = \\frac{a_s\\, a_t}{2m}, \\qquad a_s = \\sum_t O_{st}

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns); self-loops ignored,
        parallel edges merged.
    attribute : str, mapping or sequence
        Group of each node (vertex attribute, mapping or labels); missing → ``"unknown"``.
    weight : str, optional
        Sum tie weights instead of counting ties.

    Returns
    -------
    pandas.DataFrame
        One row per ordered pair of groups (MultiIndex ``source``, ``target``),
        columns ``observed``, ``expected``, ``ratio`` (observed / expected;
        > 1: more ties than random mixing would give) and ``share``
        (observed / 2m). Use ``.unstack()`` on a column for the square matrix.

    Raises
    ------
    ParameterError
        No such vertex or edge attribute, a label list of the wrong length, or
        a weight that is not positive and finite.

    See Also
    --------
    mixing_significance : Mixing matrix against rewiring.
    assortativity : Nominal assortativity of the groups.
    region_flow_matrix : Region × region tie weights.
    new_tie_mixing : Sector × sector mixing of new ties per period.
    triple_helix : Triple-Helix mutual information T(UIG).

    {newman_reference}

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 3)]); g.vs["name"] = list("abcd")
    >>> g.vs["sector"] = ["firm", "firm", "university", "university"]
    >>> mixing_matrix(g)["observed"].unstack().values.tolist()
    [[2.0, 1.0], [1.0, 2.0]]
    """
    g, w = prepare(graph, weight)
    codes, labels = groups(g, attribute)
    k = len(labels)
    edges = edge_array(g)
    ew = np.ones(len(edges)) if w is None else w
    obs = _mixing_counts(edges, ew, codes, k)
    total = obs.sum()
    a = obs.sum(axis=1)
    exp = np.outer(a, a) / total if total > 0 else np.zeros_like(obs)
    index = pd.MultiIndex.from_product([labels, labels], names=["source", "target"])
    frame = pd.DataFrame({"observed": obs.ravel(), "expected": exp.ravel()}, index=index)
    frame["ratio"] = np.divide(frame["observed"], frame["expected"],
                               out=np.full(len(frame), np.nan), where=frame["expected"] > 0)
    frame["share"] = frame["observed"] / total if total > 0 else np.nan
    return frame


@fill_doc(_DOC)
def assortativity(graph: GraphLike, attribute: Groups = "sector") -> float:
    """Newman's nominal assortativity coefficient of the groups.

    .. math:: r = \\frac{\\sum_s e_{ss} - \\sum_s a_s^2}{1 - \\sum_s a_s^2}

    with ``e`` the mixing matrix normalised to sum 1 and ``a`` its row sums.
    1: ties only within groups; 0: random mixing; negative: disassortative.

    Parameters
    ----------
    graph : igraph.Graph or networkx.Graph
        Read as undirected (a directed graph warns); weights are not used.
    attribute : str, mapping or sequence
        Group of each node (vertex attribute, mapping or labels); missing → ``"unknown"``.

    Returns
    -------
    float
        NaN without edges or when every tie end is in one group. Equals
        networkx ``attribute_assortativity_coefficient`` (unweighted).

    Raises
    ------
    ParameterError
        No such vertex attribute, or a label list of the wrong length.

    See Also
    --------
    assortativity_significance : Assortativity against rewiring.
    mixing_matrix : Ties between groups against random mixing.
    modularity : Quality of a partition into communities.

    {newman_reference}

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (2, 3)]); g.vs["name"] = list("abcd")
    >>> g.vs["sector"] = ["firm", "firm", "university", "university"]
    >>> assortativity(g)
    1.0
    """
    g, _ = prepare(graph, None)
    codes, labels = groups(g, attribute)
    edges = edge_array(g)
    return _assortativity(edges, codes, len(labels))


def _assortativity(edges: np.ndarray, codes: np.ndarray, k: int) -> float:
    if not len(edges):
        return float("nan")
    e = _mixing_counts(edges, np.ones(len(edges)), codes, k)
    e = e / e.sum()
    a = e.sum(axis=1)
    denom = 1.0 - np.sum(a * a)
    if denom <= 0:
        return float("nan")
    return float((np.trace(e) - np.sum(a * a)) / denom)


def _entropy(counts: np.ndarray) -> float:
    p = counts[counts > 0] / counts.sum()
    return float(-(p * np.log2(p)).sum())


def triple_helix(data: Corpus | pd.DataFrame, *, helix: dict[str, str] | None = None,
                 include_none: bool = False) -> pd.Series:
    """Triple-Helix mutual information T(UIG) of the events' sector sets (Leydesdorff).

    Every event is coded by three binary variables: whether it involves
    academia (U), industry (I) and government (G) (sectors grouped by
    :data:`netkit.model.HELIX`). With Shannon entropies in bits over the
    events,

    .. math::

        T_{UIG} = H_U + H_I + H_G - H_{UI} - H_{UG} - H_{IG} + H_{UIG}

    Negative ``T`` means the three spheres reduce uncertainty together
    (synergy); positive, that their relations are redundant-free.

    Parameters
    ----------
    data : Corpus or pandas.DataFrame
        A corpus (its participations' organisations and their sectors), or a
        table with columns ``event_id`` and ``sector``.
    helix : dict, optional
        Sector → ``"academia"`` / ``"industry"`` / ``"government"`` / other
        (default :data:`netkit.model.HELIX`).
    include_none : bool
        Count events with none of the three spheres (cell 000). Default
        False: only events with at least one of U, I, G (Leydesdorff's tables
        of addresses).

    Returns
    -------
    pandas.Series
        Named ``"triple_helix"``: ``H_U, H_I, H_G, H_UI, H_UG, H_IG, H_UIG``
        (bits), ``T_UI, T_UG, T_IG`` (bilateral mutual information), ``T_UIG``
        and ``n_events``.

    See Also
    --------
    mixing_matrix : Ties between groups against random mixing.

    References
    ----------
    .. [1] L. Leydesdorff, "The mutual information of university-industry-government
       relations: an indicator of the Triple Helix dynamics", Scientometrics 58 (2003).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"event_id": ["e1", "e1", "e2", "e3", "e3"],
    ...                   "sector": ["university", "firm", "firm", "government", "university"]})
    >>> round(float(triple_helix(t)["T_UIG"]), 4)
    0.2516
    """
    helix = HELIX if helix is None else helix
    if isinstance(data, Corpus):
        part = data.participations[["event_id", "org_id"]].dropna()
        sectors = data.organizations.drop_duplicates("org_id").set_index("org_id")["sector"]
        table = pd.DataFrame({"event_id": part["event_id"].to_numpy(),
                              "sector": sectors.reindex(part["org_id"]).astype(object).to_numpy()})
    elif isinstance(data, pd.DataFrame):
        missing = {"event_id", "sector"} - set(data.columns)
        if missing:
            raise ParameterError(f"triple_helix needs columns event_id and sector; missing {missing}")
        table = data[["event_id", "sector"]]
    else:
        raise ParameterError("triple_helix takes a Corpus or a DataFrame(event_id, sector)")
    sphere = table["sector"].astype(object).map(helix)
    flags = pd.DataFrame({"event_id": table["event_id"].to_numpy(),
                          "U": (sphere == "academia").to_numpy(),
                          "I": (sphere == "industry").to_numpy(),
                          "G": (sphere == "government").to_numpy()})
    per_event = flags.groupby("event_id", sort=True)[["U", "I", "G"]].any()
    if not include_none:
        per_event = per_event[per_event.any(axis=1)]
    x = per_event.to_numpy(dtype=np.int64)
    out: dict[str, float] = {}

    def h(cols: list[int]) -> float:
        if not len(x):
            return float("nan")
        code = (x[:, cols] * (2 ** np.arange(len(cols)))).sum(axis=1)
        return _entropy(np.bincount(code, minlength=2 ** len(cols)).astype(np.float64))

    names = {"U": 0, "I": 1, "G": 2}
    for key in ("U", "I", "G", "UI", "UG", "IG", "UIG"):
        out[f"H_{key}"] = h([names[c] for c in key])
    for a, b in (("U", "I"), ("U", "G"), ("I", "G")):
        out[f"T_{a}{b}"] = out[f"H_{a}"] + out[f"H_{b}"] - out[f"H_{a}{b}"]
    out["T_UIG"] = (out["H_U"] + out["H_I"] + out["H_G"] - out["H_UI"] - out["H_UG"]
                    - out["H_IG"] + out["H_UIG"])
    out["n_events"] = float(len(x))
    return pd.Series(out, name="triple_helix")
