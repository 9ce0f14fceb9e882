"""Layers (one graph per event kind) and time slices of a collaboration graph."""

from __future__ import annotations

import igraph as ig
import numpy as np

from netkit.build.graphs import collaboration_graph
from netkit.errors import ParameterError
from netkit.model import EVENT_KINDS, Corpus

__all__ = ["layers", "slices"]


def layers(corpus: Corpus, level: str = "org", weighting: str = "full",
           **filters) -> dict[str, ig.Graph]:
    """One collaboration graph per event kind, and the combined graph.

    Parameters
    ----------
    corpus : Corpus
    level, weighting, **filters
        As for :func:`~netkit.build.collaboration_graph` (``kinds`` excluded).

    Returns
    -------
    dict of str to igraph.Graph
        ``"publication"``, ``"patent"``, ``"contract"`` (only kinds that occur)
        and ``"combined"``. Every edge of every graph carries the per-layer
        counts ``n_publication``, ``n_patent``, ``n_contract``; in the combined
        graph ``count`` is their sum. Each graph has a ``layer`` attribute.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> c = toy_corpus()
    >>> g = layers(c)
    >>> sorted(g), g["patent"].ecount(), g["combined"].ecount()
    (['combined', 'patent', 'publication'], 1, 3)
    """
    if "kinds" in filters:
        raise ParameterError("layers() makes one graph per kind; filter kinds with corpus.filter")
    present = set(corpus.events["kind"].astype(str))
    out: dict[str, ig.Graph] = {}
    for kind in EVENT_KINDS:
        if kind in present:
            out[kind] = collaboration_graph(corpus, level, weighting, kinds=kind, **filters)
            out[kind]["layer"] = kind
    out["combined"] = collaboration_graph(corpus, level, weighting, **filters)
    out["combined"]["layer"] = "combined"
    return out


def slices(corpus: Corpus, window: int = 3, step: int = 1, level: str = "org",
           weighting: str = "full", *, start: int | None = None, end: int | None = None,
           **filters) -> dict[tuple[int, int], ig.Graph]:
    """Collaboration graphs of moving time windows.

    Parameters
    ----------
    corpus : Corpus
    window : int
        Width of each window in years (the window ``(a, b)`` holds events of
        years ``a ≤ year ≤ b = a + window − 1``).
    step : int
        Years between the starts of consecutive windows.
    level, weighting, **filters
        As for :func:`~netkit.build.collaboration_graph` (``years`` excluded).
    start, end : int, optional
        First and last year covered (default: the corpus's range of years).
        Windows end no later than ``end``.

    Returns
    -------
    dict of (int, int) to igraph.Graph
        Keyed by ``(first_year, last_year)`` in chronological order; each graph
        has ``window_start`` and ``window_end`` attributes. Events without a
        year are in no slice.

    Raises
    ------
    ParameterError
        If ``window`` or ``step`` is smaller than 1, or ``years`` is given.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["a", "b"], "name": ["A", "B"], "sector": ["university", "firm"]},
    ...     events={"event_id": ["e1", "e2"], "kind": ["patent", "patent"], "year": [2015, 2018]},
    ...     participations={"event_id": ["e1", "e1", "e2", "e2"], "org_id": ["a", "b", "a", "b"],
    ...                     "role": ["assignee"] * 4},
    ... )
    >>> {k: g.ecount() for k, g in slices(c, window=2, step=2).items()}
    {(2015, 2016): 1, (2017, 2018): 1}
    """
    if window < 1 or step < 1:
        raise ParameterError(f"window and step must be ≥ 1 (got window={window}, step={step})")
    if "years" in filters:
        raise ParameterError("slices() chooses the years; use start= and end=")
    years = corpus.events["year"].dropna()
    if years.empty:
        return {}
    first = int(years.min()) if start is None else int(start)
    last = int(years.max()) if end is None else int(end)
    out: dict[tuple[int, int], ig.Graph] = {}
    for a in np.arange(first, max(first, last - window + 1) + 1, step):
        a = int(a)
        b = a + window - 1
        g = collaboration_graph(corpus, level, weighting, years=(a, b), **filters)
        g["window_start"] = a
        g["window_end"] = b
        out[(a, b)] = g
    return out
