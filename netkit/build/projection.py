"""Project the event × organisation incidence onto an organisation graph.

The projection is the sparse product ``Bᵀ B`` of the incidence matrix ``B``
(events × organisations), computed once per (year, event kind) so that every
edge also knows its first and last year and its count per layer. Nothing loops
over nodes or edges in Python.
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from netkit.errors import ParameterError
from netkit.model import EVENT_KINDS, Corpus

__all__ = ["NODE_ATTRIBUTES", "Incidence", "incidence", "org_graph"]

NODE_ATTRIBUTES = ("sector", "country", "region", "city", "lat", "lon", "founded_year")
WEIGHTINGS = ("full",)


class Incidence:
    """The event × node incidence of a corpus (one entry per event and node).

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        ``n_events × n_nodes``, 1 where the node took part in the event.
    nodes : numpy.ndarray of str
        Node ids in canonical (sorted) order: column ``j`` is ``nodes[j]``.
    events : pandas.DataFrame
        ``event_id``, ``kind``, ``year`` of each row of the matrix.
    """

    __slots__ = ("events", "matrix", "nodes")

    def __init__(self, matrix: sp.csr_matrix, nodes: np.ndarray, events: pd.DataFrame) -> None:
        self.matrix = matrix
        self.nodes = nodes
        self.events = events


def incidence(corpus: Corpus, level: str = "org") -> Incidence:
    """The incidence matrix of organisations (``level="org"``) or people (``"person"``).

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["b", "a"], "name": ["B", "A"], "sector": ["firm", "university"]},
    ...     events={"event_id": ["e1"], "kind": ["patent"], "year": [2020]},
    ...     participations={"event_id": ["e1", "e1", "e1"], "org_id": ["a", "b", "a"],
    ...                     "role": ["assignee"] * 3},
    ... )
    >>> inc = incidence(c)
    >>> list(inc.nodes), inc.matrix.toarray().tolist()
    (['a', 'b'], [[1, 1]])
    """
    column = {"org": "org_id", "person": "person_id"}.get(level)
    if column is None:
        raise ParameterError(f"level must be 'org' or 'person', not {level!r}")
    part = corpus.participations[["event_id", column]].dropna().drop_duplicates()
    events = corpus.events[["event_id", "kind", "year"]]
    events = events[events["event_id"].isin(part["event_id"])].sort_values("event_id")
    events = events.reset_index(drop=True)
    nodes = np.sort(part[column].unique().astype(str))
    rows = pd.Categorical(part["event_id"], categories=events["event_id"]).codes
    cols = np.searchsorted(nodes, part[column].to_numpy(dtype=str))
    matrix = sp.csr_matrix(
        (np.ones(len(part), dtype=np.int64), (rows, cols)), shape=(len(events), len(nodes))
    )
    return Incidence(matrix, nodes, events)


def _pair_counts(b: sp.csr_matrix) -> sp.coo_matrix:
    """Upper triangle (u < v) of ``bᵀ b``: joint events per pair."""
    return sp.triu(b.T @ b, k=1).tocoo()


def org_graph(corpus: Corpus, weighting: str = "full") -> ig.Graph:
    """The organisation × organisation collaboration graph of a corpus.

    Two organisations are tied when they took part in the same event. Vertices
    are every organisation with a participation, in sorted id order.

    Parameters
    ----------
    corpus : Corpus
    weighting : {"full"}
        ``full``: the weight of a tie is the number of joint events.

    Returns
    -------
    igraph.Graph
        Undirected, no self-loops. Vertex attributes: ``name`` (org_id), ``label``
        and those of :data:`NODE_ATTRIBUTES`. Edge attributes: ``weight``,
        ``count`` (joint events), ``first_year``, ``last_year`` (-1 when no joint
        event has a year) and ``n_publication``, ``n_patent``, ``n_contract``.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["a", "b", "c"], "name": ["A", "B", "C"],
    ...                    "sector": ["university", "firm", "startup"]},
    ...     events={"event_id": ["e1", "e2"], "kind": ["patent", "publication"],
    ...             "year": [2015, 2019]},
    ...     participations={"event_id": ["e1", "e1", "e2", "e2", "e2"],
    ...                     "org_id": ["a", "b", "a", "b", "c"], "role": ["author"] * 5},
    ... )
    >>> g = org_graph(c)
    >>> ab = g.es[g.get_eid("a", "b")]
    >>> ab["count"], ab["first_year"], ab["last_year"], ab["n_patent"], ab["n_publication"]
    (2, 2015, 2019, 1, 1)
    """
    if weighting not in WEIGHTINGS:
        raise ParameterError(f"weighting must be one of {WEIGHTINGS}, not {weighting!r}")
    inc = incidence(corpus, "org")
    n = len(inc.nodes)
    years = inc.events["year"].fillna(-1).to_numpy(dtype=np.int64)
    kinds = inc.events["kind"].astype(str).to_numpy()
    pieces = []
    for kind_idx, kind in enumerate(EVENT_KINDS):
        for year in np.unique(years[kinds == kind]):
            mask = (kinds == kind) & (years == year)
            coo = _pair_counts(inc.matrix[mask])
            pieces.append(pd.DataFrame({
                "u": coo.row.astype(np.int64), "v": coo.col.astype(np.int64),
                "count": coo.data.astype(np.int64), "year": year, "kind": kind_idx,
            }))
    if pieces:
        pairs = pd.concat(pieces, ignore_index=True)
    else:
        pairs = pd.DataFrame({c: pd.Series(dtype=np.int64) for c in ("u", "v", "count", "year", "kind")})
    pairs["year_known"] = pairs["year"].where(pairs["year"] >= 0)
    for kind_idx, kind in enumerate(EVENT_KINDS):
        pairs[f"n_{kind}"] = pairs["count"].where(pairs["kind"] == kind_idx, 0)
    agg = pairs.groupby(["u", "v"], sort=True).agg(
        count=("count", "sum"),
        first_year=("year_known", "min"),
        last_year=("year_known", "max"),
        **{f"n_{k}": (f"n_{k}", "sum") for k in EVENT_KINDS},
    ).reset_index()
    graph = ig.Graph(n=n, edges=agg[["u", "v"]].to_numpy(), directed=False)
    graph.vs["name"] = inc.nodes.tolist()
    orgs = corpus.organizations.set_index("org_id").reindex(inc.nodes)
    graph.vs["label"] = orgs["name"].fillna("").astype(str).tolist()
    for attr in NODE_ATTRIBUTES:
        values = orgs[attr]
        if attr in ("lat", "lon"):
            graph.vs[attr] = values.astype("float64").tolist()
        elif attr == "founded_year":
            graph.vs[attr] = values.fillna(-1).astype("int64").tolist()
        else:
            graph.vs[attr] = values.astype(object).where(values.notna(), "").astype(str).tolist()
    graph.es["count"] = agg["count"].astype(int).tolist()
    graph.es["weight"] = agg["count"].astype(float).tolist()
    graph.es["first_year"] = agg["first_year"].fillna(-1).astype(int).tolist()
    graph.es["last_year"] = agg["last_year"].fillna(-1).astype(int).tolist()
    for kind in EVENT_KINDS:
        graph.es[f"n_{kind}"] = agg[f"n_{kind}"].astype(int).tolist()
    graph["level"] = "org"
    graph["weighting"] = weighting
    return graph
