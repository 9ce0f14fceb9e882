"""Events that dominate a collaboration graph: large consortia, mega-author papers.

An event with ``k`` organisations makes ``k (k − 1) / 2`` ties at once: one
meta-analysis with 136 organisations is a clique of 9,180 ties, gives every
participant degree 135 and a clustering near 1, and fills the "most connected"
tables with its authors. These functions say which events do that and how much of
the graph, and of each organisation's ties, they account for, so a report can list
them and an analyst can exclude them (``org_graph(..., max_event_size=N)``) or
down-weight them (``weighting="fractional"`` or ``"newman"``).
"""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd

from netkit.build import edge_table
from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["LARGE_EVENT_SIZE", "dominant_events", "large_events"]

LARGE_EVENT_SIZE = 50
"""Default size (organisations) from which an event counts as large."""


def _event_members(corpus: Corpus) -> pd.DataFrame:
    part = corpus.participations[["event_id", "org_id"]].dropna().drop_duplicates()
    return pd.DataFrame({"event_id": part["event_id"].astype(str).to_numpy(),
                         "org_id": part["org_id"].astype(str).to_numpy()})


def _pairs(members: pd.DataFrame) -> pd.DataFrame:
    """Every pair ``source < target`` of organisations of the same event."""
    pairs = members.merge(members, on="event_id", suffixes=("_a", "_b"))
    pairs = pairs[pairs["org_id_a"] < pairs["org_id_b"]]
    return pairs.rename(columns={"org_id_a": "source", "org_id_b": "target"})


def large_events(corpus: Corpus, min_size: int = LARGE_EVENT_SIZE) -> pd.DataFrame:
    """The events with at least ``min_size`` organisations and the ties they make.

    Parameters
    ----------
    corpus : Corpus
    min_size : int, default 50
        Smallest number of distinct organisations of a large event.

    Returns
    -------
    pandas.DataFrame
        One row per large event, largest first (then by id): ``event_id``,
        ``kind``, ``year``, ``title``, ``source``, ``organisations``, ``pairs``
        (``k (k − 1) / 2``), ``share_of_pairs`` (its pairs over the pairs of every
        event: its share of the graph's weight under ``full`` weighting),
        ``ties_only_here`` (ties of the organisation graph that no other event
        makes) and ``share_of_ties`` (those over all ties of the graph). Empty
        (same columns) when no event is that large.

    Raises
    ------
    ParameterError
        ``min_size`` below 2.

    See Also
    --------
    dominant_events : The event that gives each organisation most partners.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> large_events(toy_corpus(), min_size=3)[["event_id", "organisations", "pairs",
    ...                                          "ties_only_here", "share_of_ties"]]
      event_id  organisations  pairs  ties_only_here  share_of_ties
    0       e2              3      3               2       0.666667
    """
    if isinstance(min_size, bool) or not isinstance(min_size, int | np.integer) or min_size < 2:
        raise ParameterError(f"min_size must be an integer ≥ 2, not {min_size!r}")
    members = _event_members(corpus)
    sizes = members.groupby("event_id").size()
    all_pairs = float((sizes * (sizes - 1) / 2).sum())
    big = sizes[sizes >= min_size]
    columns = ["event_id", "kind", "year", "title", "source", "organisations", "pairs",
               "share_of_pairs", "ties_only_here", "share_of_ties"]
    if big.empty:
        return pd.DataFrame({c: [] for c in columns})
    ties = edge_table(corpus)
    pairs = _pairs(members[members["event_id"].isin(big.index)])
    count = pd.Series(ties["count"].to_numpy(),
                      index=pd.MultiIndex.from_arrays([ties["source"].astype(str),
                                                       ties["target"].astype(str)]))
    once = count.reindex(pd.MultiIndex.from_frame(pairs[["source", "target"]])).to_numpy() == 1
    only_here = pd.Series(once, index=pairs["event_id"].to_numpy()).groupby(level=0).sum()
    events = corpus.events.assign(event_id=corpus.events["event_id"].astype(str))
    events = events.set_index("event_id").reindex(big.index)
    out = pd.DataFrame({
        "event_id": big.index.to_numpy(),
        "kind": events["kind"].astype(object).to_numpy(),
        "year": events["year"].to_numpy(),
        "title": events["title"].astype(object).to_numpy(),
        "source": events["source"].astype(object).to_numpy(),
        "organisations": big.to_numpy(),
        "pairs": (big * (big - 1) // 2).to_numpy(),
    })
    out["share_of_pairs"] = out["pairs"] / all_pairs
    out["ties_only_here"] = only_here.reindex(big.index).fillna(0).astype(np.int64).to_numpy()
    out["share_of_ties"] = out["ties_only_here"] / max(len(ties), 1)
    out = out.sort_values(["organisations", "event_id"], ascending=[False, True], kind="stable")
    out.attrs["name"] = f"events with at least {min_size} organisations"
    return out.reset_index(drop=True)


def dominant_events(corpus: Corpus, graph: ig.Graph | None = None) -> pd.DataFrame:
    """For every organisation, the event that gives it the most partners.

    Parameters
    ----------
    corpus : Corpus
    graph : igraph.Graph, optional
        The organisation graph whose degrees to compare with (default: the full
        ``org_graph`` of the corpus, computed as a tie table).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``org_id`` (sorted): ``degree`` (partners in the graph),
        ``top_event`` (the event with the most co-participants; ties broken by id),
        ``top_event_partners`` and ``top_event_share`` (those partners over the
        degree: above 0.5, one event makes most of the organisation's ties).

    See Also
    --------
    large_events : Events with many organisations.
    degree : Number of distinct partners.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> dominant_events(toy_corpus())
           degree top_event  top_event_partners  top_event_share
    org_id
    a           2        e2                   2              1.0
    b           2        e2                   2              1.0
    c           2        e2                   2              1.0
    """
    members = _event_members(corpus)
    sizes = members.groupby("event_id").size().rename("partners") - 1
    best = (members.join(sizes, on="event_id")
            .sort_values(["org_id", "partners", "event_id"], ascending=[True, False, True])
            .drop_duplicates("org_id").set_index("org_id"))
    if graph is None:
        ties = edge_table(corpus)
        degree = pd.concat([ties["source"].astype(str), ties["target"].astype(str)]).value_counts()
    else:
        degree = pd.Series(graph.degree(), index=pd.Index(graph.vs["name"], dtype=object))
    degree = degree.reindex(best.index).fillna(0).astype(np.int64)
    out = pd.DataFrame({
        "degree": degree,
        "top_event": best["event_id"],
        "top_event_partners": best["partners"].astype(np.int64),
    })
    out["top_event_share"] = np.where(out["degree"] > 0,
                                      out["top_event_partners"] / out["degree"].clip(lower=1), 0.0)
    out.index.name = "org_id"
    out.attrs["name"] = "dominant event per organisation"
    return out.sort_index()
