"""Collaboration graphs: the projected ties as an ``igraph.Graph`` with node and tie
attributes.
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from netkit.build.projection import EDGE_ATTRIBUTES, _projection
from netkit.model import Corpus

__all__ = ["NODE_ATTRIBUTES", "collaboration_graph", "org_graph", "person_graph",
           "shared_values"]

NODE_ATTRIBUTES = ("sector", "country", "region", "city", "lat", "lon", "founded_year")
"""Vertex attributes copied from ``organizations`` (besides ``name`` and ``label``)."""


def shared_values(values: np.ndarray, kind: type = int) -> list:
    """``values`` (integers) as a list of Python ``kind`` objects, one object per distinct value.

    ``values.tolist()`` creates one Python object per element (28 bytes for an
    int above 256, 24 for a float); igraph keeps attributes as Python lists, so
    on tens of millions of edges with years and counts that is gigabytes. A
    lookup table of the distinct values, gathered as an object array, shares
    them instead — the same values, far less memory, and faster.

    Examples
    --------
    >>> v = shared_values(np.array([2019, 2020, 2019]))
    >>> v, v[0] is v[2]
    ([2019, 2020, 2019], True)
    >>> shared_values(np.array([1, 3]), float)
    [1.0, 3.0]
    """
    values = np.asarray(values)
    if not len(values):
        return []
    lo, hi = int(values.min()), int(values.max())
    if hi - lo > max(1_000_000, len(values)):  # spread out: nothing to share
        return [kind(x) for x in values.tolist()] if kind is not int else values.tolist()
    table = np.empty(hi - lo + 1, dtype=object)
    table[:] = [kind(x) for x in range(lo, hi + 1)]
    return table[values - lo].tolist()


def _vertex_frame(corpus: Corpus, level: str, nodes: np.ndarray) -> pd.DataFrame:
    """Vertex attributes (``label`` and the level's own), one row per node, in order."""
    if level == "org":
        orgs = corpus.organizations.drop_duplicates("org_id").set_index("org_id").reindex(nodes)
        frame = pd.DataFrame({"label": orgs["name"]}, index=nodes)
        for attr in NODE_ATTRIBUTES:
            frame[attr] = orgs[attr].to_numpy()
        return frame
    people = corpus.people.drop_duplicates("person_id").set_index("person_id").reindex(nodes)
    frame = pd.DataFrame({"label": people["name"], "orcid": people["orcid"]}, index=nodes)
    part = corpus.participations[["person_id", "org_id"]].dropna()
    modal = (part.groupby(["person_id", "org_id"], observed=True).size().rename("n")
             .reset_index().sort_values(["person_id", "n", "org_id"],
                                        ascending=[True, False, True])
             .drop_duplicates("person_id").set_index("person_id")["org_id"])
    frame["org_id"] = modal.reindex(nodes).to_numpy()
    orgs = corpus.organizations.drop_duplicates("org_id").set_index("org_id")
    for attr in ("sector", "country", "region"):
        frame[attr] = orgs[attr].reindex(frame["org_id"]).to_numpy()
    return frame


def _set_vertex_attributes(graph: ig.Graph, frame: pd.DataFrame) -> None:
    for attr in frame.columns:
        values = frame[attr]
        if attr in ("lat", "lon"):
            graph.vs[attr] = values.astype("float64").to_numpy(na_value=np.nan).tolist()
        elif attr == "founded_year":
            graph.vs[attr] = values.astype("Float64").fillna(-1).astype("int64").tolist()
        else:
            graph.vs[attr] = values.astype(object).where(values.notna(), "").astype(str).tolist()


def collaboration_graph(
    corpus: Corpus,
    level: str = "org",
    weighting: str = "full",
    *,
    years: tuple[int, int] | list[int] | None = None,
    kinds: str | list[str] | None = None,
    sectors: str | list[str] | None = None,
    countries: str | list[str] | None = None,
    min_weight: float | None = None,
    max_event_size: int | None = None,
) -> ig.Graph:
    """The organisation × organisation or person × person collaboration graph.

    Two nodes are tied when they took part in the same event. Vertices are
    every node with a participation (after the filters), in sorted id order,
    so isolated nodes (sole participants) are kept.

    Parameters
    ----------
    corpus : Corpus
    level : {"org", "person"}
        Organisations (``participations.org_id``) or people (``person_id``).
    weighting : {"full", "fractional", "newman", "association"}
        The weight ``w_uv`` of a tie, summed over the events ``e`` both took part in:

        * ``full``: 1 per joint event (``w_uv = c_uv``, the count);
        * ``fractional``: ``Σ_e s_eu · s_ev`` with ``s_eu`` the node's share of
          the event (``participations.share`` where given, else its number of
          participation rows; shares of an event sum to 1) — Batagelj &
          Cerinšek's fractional approach;
        * ``newman``: ``Σ_e 1/(n_e − 1)`` with ``n_e`` the number of distinct
          nodes of the event (Newman 2001), so each node's ties from one event
          sum to 1;
        * ``association``: association strength ``N c_uv / (n_u n_v)``, the
          ratio of joint events to their expectation under independence, with
          ``N`` events and ``n_u`` events of ``u`` (van Eck & Waltman 2009).
    years : (first, last) or list of int, optional
        Keep events of a closed range of years, or of these years.
    kinds : str or list of str, optional
        Keep events of these kinds (publication, patent, contract).
    sectors, countries : str or list of str, optional
        Keep participations of organisations in these sectors / countries.
    min_weight : float, optional
        Drop ties whose weight is below this (vertices stay).
    max_event_size : int, optional
        Leave out the ties made by events with more than this many participants
        (nodes of the graph's level): one meta-analysis with 136 organisations makes
        9,180 ties of a clique. The participants stay as vertices. See
        :func:`netkit.metrics.large_events` to list such events, and the
        ``fractional`` or ``newman`` weighting to down-weight them instead.

    Returns
    -------
    igraph.Graph
        Undirected, simple (no self-loops, no parallel edges). Vertex
        attributes: ``name`` (the id), ``label``, and for organisations
        :data:`NODE_ATTRIBUTES`; for people ``orcid``, ``org_id`` (their most
        frequent organisation), its ``sector``, ``country``, ``region``.
        Missing strings are ``""``, missing ``founded_year`` is -1. Edge
        attributes :data:`EDGE_ATTRIBUTES`: ``weight``, ``count`` (joint
        events), ``first_year``, ``last_year`` (-1 when no joint event has a
        year) and ``n_publication``, ``n_patent``, ``n_contract``. Graph
        attributes ``level`` and ``weighting``.

    Raises
    ------
    ParameterError
        Unknown level, weighting, kind or sector.

    References
    ----------
    .. [1] M. E. J. Newman, "Scientific collaboration networks. II", Phys. Rev. E 64 (2001).
    .. [2] V. Batagelj, M. Cerinšek, "On bibliographic networks", Scientometrics 96 (2013).
    .. [3] N. J. van Eck, L. Waltman, "How to normalize cooccurrence data", JASIST 60 (2009).

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> c = toy_corpus()
    >>> g = collaboration_graph(c, weighting="newman")
    >>> ab = g.es[g.get_eid("a", "b")]
    >>> ab["weight"], ab["count"], ab["first_year"], ab["last_year"], ab["n_patent"]
    (1.5, 2, 2015, 2019, 1)
    >>> collaboration_graph(c, years=(2016, 2020)).ecount()
    3
    >>> collaboration_graph(c, max_event_size=2).ecount()  # e2 has three organisations
    1
    """
    corpus, inc, table = _projection(corpus, level, weighting, years=years, kinds=kinds,
                                     sectors=sectors, countries=countries,
                                     min_weight=min_weight, max_event_size=max_event_size)
    # igraph reads a list of int pairs about twice as fast as a numpy edge array
    edges = list(zip(table.pop("u").tolist(), table.pop("v").tolist(), strict=True))
    graph = ig.Graph(n=len(inc.nodes), edges=edges, directed=False)
    del edges
    graph.vs["name"] = inc.nodes.tolist()
    _set_vertex_attributes(graph, _vertex_frame(corpus, level, inc.nodes))
    weight = table.pop("weight")
    if weighting == "full":  # the weight is the count: few distinct values
        graph.es["weight"] = shared_values(table["count"], float)
    else:
        graph.es["weight"] = weight.astype(np.float64).tolist()
    del weight
    for attr in EDGE_ATTRIBUTES[1:]:
        graph.es[attr] = shared_values(table.pop(attr))
    graph["level"] = level
    graph["weighting"] = weighting
    return graph


def org_graph(corpus: Corpus, weighting: str = "full", **filters) -> ig.Graph:
    """The organisation × organisation collaboration graph of a corpus.

    Same as :func:`collaboration_graph` with ``level="org"``; ``filters`` are
    its keyword arguments (``years``, ``kinds``, ``sectors``, ``countries``,
    ``min_weight``, ``max_event_size``).

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> c = toy_corpus()
    >>> g = org_graph(c)
    >>> ab = g.es[g.get_eid("a", "b")]
    >>> ab["count"], ab["first_year"], ab["last_year"], ab["n_patent"], ab["n_publication"]
    (2, 2015, 2019, 1, 1)
    """
    return collaboration_graph(corpus, "org", weighting, **filters)


def person_graph(corpus: Corpus, weighting: str = "full", **filters) -> ig.Graph:
    """The person × person collaboration graph (co-authors, co-inventors).

    Same as :func:`collaboration_graph` with ``level="person"``.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["a"], "name": ["A"], "sector": ["university"]},
    ...     people={"person_id": ["p1", "p2"], "name": ["Ada", "Bo"]},
    ...     events={"event_id": ["e1"], "kind": ["publication"], "year": [2020]},
    ...     participations={"event_id": ["e1", "e1"], "org_id": ["a", "a"],
    ...                     "person_id": ["p1", "p2"], "role": ["author"] * 2},
    ... )
    >>> g = person_graph(c)
    >>> g.vs["label"], g.vs["sector"], g.ecount()
    (['Ada', 'Bo'], ['university', 'university'], 1)
    """
    return collaboration_graph(corpus, "person", weighting, **filters)
