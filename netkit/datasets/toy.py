"""A three-organisation corpus for examples and doctests (like ``networkx.path_graph``)."""

from __future__ import annotations

from netkit.model import Corpus

__all__ = ["toy_corpus"]


def toy_corpus() -> Corpus:
    """Three organisations and two joint events.

    ``a`` (university) and ``b`` (firm) file a patent ``e1`` in 2015; ``a``, ``b``
    and ``c`` (startup) write a publication ``e2`` in 2019. So the organisation
    graph has the ties a–b (2 joint events), a–c and b–c (1 each).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> c = toy_corpus()
    >>> c.events[["event_id", "kind", "year", "title"]]
      event_id         kind  year       title
    0       e1       patent  2015      Widget
    1       e2  publication  2019  On widgets
    >>> c.participations.groupby("event_id")["org_id"].agg(list).to_dict()
    {'e1': ['a', 'b'], 'e2': ['a', 'b', 'c']}
    """
    return Corpus(
        organizations={"org_id": ["a", "b", "c"], "name": ["A", "B", "C"],
                       "sector": ["university", "firm", "startup"]},
        events={"event_id": ["e1", "e2"], "kind": ["patent", "publication"],
                "year": [2015, 2019], "title": ["Widget", "On widgets"]},
        participations={"event_id": ["e1", "e1", "e2", "e2", "e2"],
                        "org_id": ["a", "b", "a", "b", "c"], "role": ["author"] * 5},
    )
