"""The temporal edge list of a corpus: one row per pair of participants per event.

Where :func:`~netkit.build.org_graph` aggregates joint events into one weighted
tie, the temporal edge list keeps every contact with its time, so that paths can
be made to respect the order of time (a tie in 2016 can pass on what arrived in
2015, not the reverse) — see :mod:`netkit.metrics.temporal`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit.build.bipartite import incidence
from netkit.build.pairs import pair_entries
from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["temporal_edges"]

_TIMES = ("year", "date")


def _event_times(events: pd.DataFrame, time: str) -> pd.Series:
    """The time of each event as float years (``year``, or decimal year from ``date``)."""
    year = events["year"].astype("Float64")
    if time == "year":
        return year
    date = pd.to_datetime(events["date"].astype(object), errors="coerce", format="ISO8601")
    start = pd.to_datetime(date.dt.year.astype("Int64").astype(str) + "-01-01", errors="coerce")
    frac = (date - start).dt.days / 365.25
    decimal = (date.dt.year + frac).astype("Float64")
    return decimal.fillna(year)


def temporal_edges(corpus: Corpus, level: str = "org", time: str = "year") -> pd.DataFrame:
    """Every pair of distinct participants of every event, with the event's time.

    Parameters
    ----------
    corpus : Corpus
    level : {"org", "person"}
        Pairs of organisations (``participations.org_id``) or of people
        (``participations.person_id``).
    time : {"year", "date"}
        ``year``: ``t`` is the event's year. ``date``: ``t`` is the decimal year of
        the event's ISO date (``2016-07-02`` → 2016.5), falling back to the year
        when the date is missing or unreadable.

    Returns
    -------
    pandas.DataFrame
        Columns ``u``, ``v`` (str, ``u < v``), ``t`` (int64 years for
        ``time="year"``, float64 for ``"date"``) and ``event_id``; one row per
        unordered pair per event (an organisation listed twice on one event
        counts once). Events without a time are left out. Rows are in canonical
        order: sorted by ``t``, ``event_id``, ``u``, ``v``, index ``0..n-1``.

    Raises
    ------
    ParameterError
        For an unknown ``level`` or ``time``.

    Notes
    -----
    Built from the incidence matrix (:func:`~netkit.build.incidence`) with the
    same pair enumeration as the projection: an event with ``k`` participants
    yields ``k (k − 1) / 2`` rows.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> temporal_edges(toy_corpus())
       u  v     t event_id
    0  a  b  2015       e1
    1  a  b  2019       e2
    2  a  c  2019       e2
    3  b  c  2019       e2
    """
    if time not in _TIMES:
        raise ParameterError(f"time must be one of {_TIMES}, not {time!r}")
    inc = incidence(corpus, level)  # rows: events by id; columns: nodes by id
    b = inc.matrix
    b.sort_indices()
    events = corpus.events.set_index("event_id").reindex(inc.events["event_id"])
    t_event = _event_times(events, time).to_numpy(dtype=np.float64, na_value=np.nan)
    later, right = pair_entries(b.indptr)
    left = np.repeat(np.arange(b.nnz, dtype=np.int64), later)
    event = np.repeat(np.repeat(np.arange(b.shape[0], dtype=np.int64), np.diff(b.indptr)), later)
    t = t_event[event]
    timed = ~np.isnan(t)
    order = np.flatnonzero(timed)[np.argsort(t[timed], kind="stable")]  # by time, then id order
    return pd.DataFrame({
        "u": _strings(b.indices[left[order]], inc.nodes),
        "v": _strings(b.indices[right[order]], inc.nodes),
        "t": t[order].astype(np.int64) if time == "year" else t[order],
        "event_id": _strings(event[order], inc.events["event_id"].to_numpy(dtype=object)),
    })


def _strings(codes: np.ndarray, labels) -> pd.arrays.ArrowStringArray:
    """``labels[codes]`` as a pandas string array, through an Arrow dictionary (fast)."""
    import pyarrow as pa

    dictionary = pa.DictionaryArray.from_arrays(
        pa.array(codes.astype(np.int32)), pa.array(np.asarray(labels, dtype=object), pa.string()))
    return pd.array(dictionary.cast(pa.string()), dtype="str")
