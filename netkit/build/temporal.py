"""The temporal edge list of a corpus: one row per pair of participants per event.

Where :func:`~netkit.build.org_graph` aggregates joint events into one weighted
tie, the temporal edge list keeps every contact with its time, so that paths can
be made to respect the order of time (a tie in 2016 can pass on what arrived in
2015, not the reverse) — see :mod:`netkit.metrics.temporal`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    Built with one self-merge of the de-duplicated incidence table on
    ``event_id``: an event with ``k`` participants yields ``k (k − 1) / 2`` rows,
    so the size of the result is the sum of those over events.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(
    ...     organizations={"org_id": ["a", "b", "c"], "name": ["A", "B", "C"],
    ...                    "sector": ["university", "firm", "startup"]},
    ...     events={"event_id": ["e2", "e1"], "kind": ["patent", "publication"],
    ...             "year": [2016, 2015]},
    ...     participations={"event_id": ["e2", "e2", "e2", "e1", "e1"],
    ...                     "org_id": ["c", "a", "b", "b", "a"], "role": ["author"] * 5},
    ... )
    >>> temporal_edges(c)
       u  v     t event_id
    0  a  b  2015       e1
    1  a  b  2016       e2
    2  a  c  2016       e2
    3  b  c  2016       e2
    """
    column = {"org": "org_id", "person": "person_id"}.get(level)
    if column is None:
        raise ParameterError(f"level must be 'org' or 'person', not {level!r}")
    if time not in _TIMES:
        raise ParameterError(f"time must be one of {_TIMES}, not {time!r}")
    times = _event_times(corpus.events, time)
    ev_t = pd.Series(times.to_numpy(dtype=np.float64, na_value=np.nan),
                     index=pd.Index(corpus.events["event_id"].astype(str)))
    part = corpus.participations[["event_id", column]].dropna()
    # integer codes in sorted id order (hash factorisation, no string sort of every row)
    e_code, events = pd.factorize(part["event_id"].astype(str), sort=True)
    n_code, nodes = pd.factorize(part[column].astype(str), sort=True)
    t_event = ev_t.reindex(events).to_numpy(dtype=np.float64)
    timed = ~np.isnan(t_event[e_code]) if len(e_code) else np.zeros(0, dtype=bool)
    width = max(len(nodes), 1)
    key = np.sort(e_code[timed].astype(np.int64) * width + n_code[timed])
    if len(key):
        key = key[np.concatenate(([True], key[1:] != key[:-1]))]  # dedupe, sorted by (e, n)
    e = key // width
    node = key - e * width
    # every element pairs with the later elements of its event: k(k-1)/2 pairs per event
    first = np.concatenate(([True], e[1:] != e[:-1])) if len(e) else np.zeros(0, dtype=bool)
    start = np.maximum.accumulate(np.where(first, np.arange(len(e)), 0))
    size = np.diff(np.append(np.flatnonzero(first), len(e)))
    rank = np.arange(len(e)) - start
    later = np.repeat(size, size) - 1 - rank
    total = int(later.sum())
    left = np.repeat(np.arange(len(e)), later)
    right = left + 1 + (np.arange(total) - np.repeat(np.cumsum(later) - later, later))
    t = t_event[e[left]]
    order = np.argsort(t, kind="stable")  # rows are already in (event_id, u, v) order
    left, right, t = left[order], right[order], t[order]
    return pd.DataFrame({
        "u": _strings(node[left], nodes),
        "v": _strings(node[right], nodes),
        "t": t.astype(np.int64) if time == "year" else t,
        "event_id": _strings(e[left], events),
    })


def _strings(codes: np.ndarray, labels) -> pd.arrays.ArrowStringArray:
    """``labels[codes]`` as a pandas string array, through an Arrow dictionary (fast)."""
    import pyarrow as pa

    dictionary = pa.DictionaryArray.from_arrays(
        pa.array(codes.astype(np.int32)), pa.array(np.asarray(labels, dtype=object), pa.string()))
    return pd.array(dictionary.cast(pa.string()), dtype="str")
