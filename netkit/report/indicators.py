"""Indicators the report needs, computed from the canonical tables and the graph.

These are small vectorised computations (pandas/numpy/igraph) over the
temporal edge list ``(u, v, t, event_id)`` and the organisation graph. When
``netkit.metrics`` offers the same indicator, :mod:`netkit.report.sections`
uses that; these functions are the report's own, documented definitions.
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from netkit.model import HELIX, SECTORS

__all__ = [
    "brokerage_roles",
    "dynamics_by_year",
    "effective_size",
    "ei_index",
    "mixing_matrix",
    "mobility_moves",
    "new_ties",
    "region_matrix",
    "triple_helix",
]


def _order(values) -> list[str]:
    present = set(values)
    return [s for s in SECTORS if s in present] + sorted(present - set(SECTORS))


def mixing_matrix(graph: ig.Graph, attribute: str = "sector", weight: str | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Observed ties between groups and their expectation under random mixing.

    Each undirected tie counts once in cell ``(a, b)`` and once in ``(b, a)``
    (so the diagonal holds twice the within-group ties and the matrix sums to
    ``2m``). The expectation keeps every group's total ``a_i`` (its number of
    tie ends): ``E_ij = a_i a_j / 2m`` (Newman 2003, the configuration model).

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2), (2, 3)]); g.vs["sector"] = ["firm", "firm", "startup", "startup"]
    >>> obs, exp = mixing_matrix(g)
    >>> obs.values.tolist(), exp.values.tolist()
    ([[2.0, 1.0], [1.0, 2.0]], [[1.5, 1.5], [1.5, 1.5]])
    """
    groups = np.asarray(graph.vs[attribute], dtype=object).astype(str)
    cats = _order(groups)
    code = pd.Index(cats).get_indexer(groups)
    k = len(cats)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    w = (np.asarray(graph.es[weight], dtype=float) if weight else np.ones(len(edges)))
    obs = np.zeros((k, k))
    if len(edges):
        a, b = code[edges[:, 0]], code[edges[:, 1]]
        np.add.at(obs, (a, b), w)
        np.add.at(obs, (b, a), w)
    total = obs.sum()
    ends = obs.sum(axis=1)
    exp = np.outer(ends, ends) / total if total else np.zeros((k, k))
    idx = pd.Index(cats, name=attribute)
    return (pd.DataFrame(obs, index=idx, columns=pd.Index(cats, name=attribute)),
            pd.DataFrame(exp, index=idx, columns=pd.Index(cats, name=attribute)))


def ei_index(graph: ig.Graph, attribute: str = "sector") -> pd.Series:
    """Krackhardt–Stern E–I index of each group: (external − internal) / all tie ends.

    −1: every tie stays inside the group; +1: every tie leaves it.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["sector"] = ["firm", "firm", "startup"]
    >>> ei_index(g).round(3).to_dict()
    {'firm': -0.333, 'startup': 1.0}
    """
    obs, _ = mixing_matrix(graph, attribute)
    internal = np.diag(obs.to_numpy())
    total = obs.sum(axis=1).to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        ei = (total - 2 * internal) / total
    return pd.Series(ei, index=obs.index, name="ei_index")


def triple_helix(events: pd.DataFrame, participations: pd.DataFrame,
                 organizations: pd.DataFrame) -> dict[str, float]:
    """Leydesdorff's Triple-Helix mutual information T(UIG) in bits, from events' sector sets.

    Each event is a draw of three binary variables: whether academia (U),
    industry (I) and government (G) took part. With the Shannon entropies of
    their joint distributions,
    ``T = H_U + H_I + H_G − H_UI − H_UG − H_IG + H_UIG``; a negative value
    means synergy (reduction of uncertainty) among the helices.

    Returns
    -------
    dict
        ``T_UIG``, the three pairwise mutual informations ``T_UI``, ``T_UG``,
        ``T_IG``, and ``events`` (how many events had at least one helix).
    """
    helix = organizations.set_index("org_id")["sector"].astype(str).map(HELIX)
    part = participations[["event_id", "org_id"]].dropna()
    h = part["org_id"].map(helix)
    table = pd.crosstab(part["event_id"], h).reindex(
        columns=["academia", "industry", "government"], fill_value=0) > 0
    table = table[table.any(axis=1)]
    x = table.to_numpy(dtype=np.int64)

    def entropy(cols: list[int]) -> float:
        if not len(x):
            return 0.0
        key = (x[:, cols] * (2 ** np.arange(len(cols)))).sum(axis=1)
        p = np.bincount(key) / len(key)
        p = p[p > 0]
        return float(-(p * np.log2(p)).sum())

    hu, hi, hg = entropy([0]), entropy([1]), entropy([2])
    hui, hug, hig = entropy([0, 1]), entropy([0, 2]), entropy([1, 2])
    huig = entropy([0, 1, 2])
    return {"T_UIG": hu + hi + hg - hui - hug - hig + huig, "T_UI": hu + hi - hui,
            "T_UG": hu + hg - hug, "T_IG": hi + hg - hig, "events": len(x)}


def effective_size(graph: ig.Graph) -> pd.Series:
    """Burt's effective size (unweighted): ``k − 2t/k`` with ``t`` ties among the ``k`` neighbours.

    Examples
    --------
    >>> import igraph as ig
    >>> effective_size(ig.Graph.Star(4)).tolist()
    [3.0, 1.0, 1.0, 1.0]
    """
    g = graph.simplify(multiple=True, loops=True, combine_edges="first") if (
        graph.has_multiple() or any(graph.is_loop())) else graph
    k = np.asarray(g.degree(), dtype=float)
    c = np.nan_to_num(np.asarray(g.transitivity_local_undirected(mode="zero"), dtype=float))
    return pd.Series(k - c * (k - 1), index=_names(g), name="effective_size")


def _names(graph: ig.Graph) -> list[str]:
    return (graph.vs["name"] if "name" in graph.vs.attributes()
            else [str(i) for i in range(graph.vcount())])


ROLES = ("coordinator", "itinerant", "gatekeeper_representative", "liaison")


def brokerage_roles(graph: ig.Graph, attribute: str = "sector") -> pd.DataFrame:
    """Gould–Fernandez brokerage roles of each node on an undirected graph.

    A node ``b`` brokers every pair of its neighbours ``a, c`` that are not tied
    to each other (an open two-path ``a – b – c``). By the groups of ``a``,
    ``b`` and ``c``: *coordinator* (all three in one group), *itinerant* (``a``
    and ``c`` in one group, ``b`` in another), *gatekeeper/representative*
    (``b`` shares its group with exactly one of them — the two roles differ
    only by the direction of flow, which undirected ties do not have) and
    *liaison* (three different groups). Counted without enumerating paths:
    neighbour pairs per group pair minus the closed ones (triangles).

    Returns
    -------
    pandas.DataFrame
        Index node name; one column per role and ``total``.

    Examples
    --------
    >>> import igraph as ig
    >>> g = ig.Graph([(0, 1), (1, 2)]); g.vs["name"] = list("abc")
    >>> g.vs["sector"] = ["university", "research", "firm"]
    >>> brokerage_roles(g).loc["b"].tolist()
    [0, 0, 0, 1, 1]
    """
    n = graph.vcount()
    groups = np.asarray(graph.vs[attribute], dtype=object).astype(str)
    cats = _order(groups)
    code = pd.Index(cats).get_indexer(groups)
    k = len(cats)
    g = graph.simplify(multiple=True, loops=True, combine_edges="first") if (
        graph.has_multiple() or any(graph.is_loop())) else graph
    edges = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    # neighbour counts per group: n × k
    nb = np.zeros((n, k))
    if len(edges):
        np.add.at(nb, (edges[:, 0], code[edges[:, 1]]), 1)
        np.add.at(nb, (edges[:, 1], code[edges[:, 0]]), 1)
    # pairs of neighbours per (node, group s, group t), s <= t
    iu, ju = np.triu_indices(k)
    pairs = np.where(iu == ju, nb[:, iu] * (nb[:, iu] - 1) / 2, nb[:, iu] * nb[:, ju])
    # closed pairs: each triangle closes one pair at each of its corners
    tri = np.asarray(g.list_triangles(), dtype=np.int64).reshape(-1, 3)
    if len(tri):
        pair_index = np.full((k, k), -1)
        pair_index[iu, ju] = np.arange(len(iu))
        pair_index[ju, iu] = np.arange(len(iu))
        for corner in range(3):
            others = tri[:, [c for c in range(3) if c != corner]]
            cell = pair_index[code[others[:, 0]], code[others[:, 1]]]
            np.add.at(pairs, (tri[:, corner], cell), -1)
    own = code[:, None]
    s, t = iu[None, :], ju[None, :]
    roles = {
        "coordinator": (s == own) & (t == own),
        "itinerant": (s == t) & (s != own),
        "gatekeeper_representative": (s != t) & ((s == own) | (t == own)),
        "liaison": (s != t) & (s != own) & (t != own),
    }
    out = pd.DataFrame({r: np.rint((pairs * mask).sum(axis=1)).astype(np.int64)
                        for r, mask in roles.items()}, index=pd.Index(_names(graph), name="org_id"))
    out["total"] = out.sum(axis=1)
    return out


def new_ties(tedges: pd.DataFrame) -> pd.DataFrame:
    """Each tie (pair) with its first and last year and number of joint events.

    Examples
    --------
    >>> te = pd.DataFrame({"u": ["a", "a", "b"], "v": ["b", "b", "c"], "t": [2010, 2012, 2011],
    ...                    "event_id": ["e1", "e2", "e3"]})
    >>> new_ties(te).values.tolist()
    [['a', 'b', 2010, 2012, 2], ['b', 'c', 2011, 2011, 1]]
    """
    return (tedges.groupby(["u", "v"], sort=True)
            .agg(first=("t", "min"), last=("t", "max"), events=("event_id", "nunique"))
            .reset_index())


def dynamics_by_year(tedges: pd.DataFrame, participations: pd.DataFrame,
                     events: pd.DataFrame, sector_of: pd.Series) -> pd.DataFrame:
    """Per year: organisations, ties, new / repeated / lapsing ties, entrants, exits, mixing.

    Definitions (a *tie* is a pair of organisations with a joint event):

    * ``organisations``: active that year (took part in an event);
    * ``ties``: pairs with a joint event that year; ``density`` = ties / (n(n−1)/2);
    * ``new_ties``: ties whose first joint event is that year; ``repeated_ties``:
      active that year and seen before; ``lapsed_ties``: ties whose last joint
      event was the year before (none after; near the end of the data a tie
      may only be resting, so read the last years with care);
    * ``entrants`` / ``exits``: organisations whose first event is that year /
      whose last event was the year before (the first year's entrants are
      unknown — everyone is new — and shown as missing);
    * ``cross_sector_share``: share of new ties between different sectors.
    """
    ev_year = events.set_index("event_id")["year"]
    part = participations[["event_id", "org_id"]].dropna().drop_duplicates()
    part = part.assign(year=part["event_id"].map(ev_year)).dropna(subset=["year"])
    part["year"] = part["year"].astype(np.int64)
    years = np.arange(int(part["year"].min()), int(part["year"].max()) + 1) if len(part) else \
        np.array([], dtype=np.int64)
    idx = pd.Index(years, name="year")
    orgs = part.drop_duplicates(["org_id", "year"]).groupby("year").size().reindex(idx,
                                                                                fill_value=0)
    span = part.groupby("org_id")["year"].agg(["min", "max"])
    entrants = span["min"].value_counts().reindex(idx, fill_value=0)
    exits = (span["max"] + 1).value_counts().reindex(idx, fill_value=0)
    ties_year = tedges.drop_duplicates(["u", "v", "t"])
    active = ties_year.groupby("t").size().reindex(idx, fill_value=0)
    nt = new_ties(tedges)
    new = nt.groupby("first").size().reindex(idx, fill_value=0)
    lapsed = (nt["last"] + 1).value_counts().reindex(idx, fill_value=0)
    cross = nt["u"].map(sector_of).to_numpy() != nt["v"].map(sector_of).to_numpy()
    cross_new = pd.Series(cross, index=nt.index).groupby(nt["first"]).sum().reindex(
        idx, fill_value=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        density = active / (orgs * (orgs - 1) / 2)
        share = cross_new / new
    out = pd.DataFrame({
        "organisations": orgs, "ties": active, "density": density.astype(float),
        "new_ties": new, "repeated_ties": active - new, "lapsed_ties": lapsed,
        "entrants": entrants, "exits": exits, "cross_sector_share": share.astype(float),
    }, index=idx)
    out.iloc[0, out.columns.get_loc("entrants")] = np.nan if len(out) else 0  # left-censored
    return out


def mobility_moves(participations: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Moves of people between organisations: consecutive events with a change of organisation.

    Each person's events are ordered by (year, event id); a person listed with
    several organisations on one event counts under the first (sorted) one. A
    move is a pair of consecutive events with different organisations.

    Returns
    -------
    pandas.DataFrame
        ``person_id``, ``from_org``, ``to_org``, ``year`` (of the later event).

    Examples
    --------
    >>> ev = pd.DataFrame({"event_id": ["e1", "e2", "e3"], "year": [2010, 2011, 2012]})
    >>> pa = pd.DataFrame({"event_id": ["e1", "e2", "e3"], "person_id": ["p", "p", "p"],
    ...                    "org_id": ["a", "a", "b"]})
    >>> mobility_moves(pa, ev).values.tolist()
    [['p', 'a', 'b', 2012]]
    """
    part = participations[["event_id", "person_id", "org_id"]].dropna()
    part = part.astype({"event_id": str, "person_id": str, "org_id": str})
    year = events.set_index("event_id")["year"]
    part = part.assign(year=part["event_id"].map(year)).dropna(subset=["year"])
    part = part.sort_values(["person_id", "year", "event_id", "org_id"], kind="stable")
    part = part.drop_duplicates(["person_id", "event_id"])
    prev_person = part["person_id"].shift()
    prev_org = part["org_id"].shift()
    moved = (part["person_id"] == prev_person) & (part["org_id"] != prev_org)
    out = pd.DataFrame({"person_id": part["person_id"][moved],
                        "from_org": prev_org[moved], "to_org": part["org_id"][moved],
                        "year": part["year"][moved].astype(np.int64)})
    return out.reset_index(drop=True)


def region_matrix(graph: ig.Graph, attribute: str = "region") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ties between regions and their density (ties / possible pairs).

    Returns ``(ties, density)``: ``ties[a, b]`` counts the ties between regions
    ``a`` and ``b`` (within-region ties on the diagonal, once);
    ``density[a, b] = ties / (n_a n_b)`` between and ``ties / (n_a (n_a − 1)/2)``
    within.
    """
    regions = np.asarray(graph.vs[attribute], dtype=object).astype(str)
    regions = np.where(regions == "", "(unknown)", regions)
    cats = sorted(set(regions))
    code = pd.Index(cats).get_indexer(regions)
    k = len(cats)
    edges = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    ties = np.zeros((k, k))
    if len(edges):
        a, b = code[edges[:, 0]], code[edges[:, 1]]
        np.add.at(ties, (a, b), 1)
        np.add.at(ties, (b, a), 1)
        ties[np.diag_indices(k)] /= 2
    size = np.bincount(code, minlength=k).astype(float)
    possible = np.outer(size, size)
    possible[np.diag_indices(k)] = size * (size - 1) / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        density = np.where(possible > 0, ties / possible, np.nan)
    idx = pd.Index(cats, name="region")
    return (pd.DataFrame(ties, index=idx, columns=pd.Index(cats, name="region")),
            pd.DataFrame(density, index=idx, columns=pd.Index(cats, name="region")))
