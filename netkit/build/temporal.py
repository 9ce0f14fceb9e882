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
    ev = pd.DataFrame({"event_id": corpus.events["event_id"].astype(str), "t": times})
    ev = ev[ev["t"].notna()]
    part = corpus.participations[["event_id", column]].dropna()
    part = pd.DataFrame({
        "event_id": part["event_id"].astype(str).to_numpy(),
        "node": part[column].astype(str).to_numpy(),
    }).drop_duplicates()
    part = part.merge(ev, on="event_id", how="inner")
    # integer codes keep the self-merge cheap
    nodes, node_code = np.unique(part["node"].to_numpy(dtype=str), return_inverse=True)
    events, event_code = np.unique(part["event_id"].to_numpy(dtype=str), return_inverse=True)
    slim = pd.DataFrame({"e": event_code.astype(np.int64), "n": node_code.astype(np.int64)})
    pairs = slim.merge(slim, on="e", suffixes=("_u", "_v"))
    pairs = pairs[pairs["n_u"] < pairs["n_v"]]
    ev_t = ev.set_index("event_id")["t"].reindex(events)
    t_values = ev_t.to_numpy(dtype=np.float64)[pairs["e"].to_numpy()]
    out = pd.DataFrame({
        "u": pd.array(nodes[pairs["n_u"].to_numpy()], dtype="str"),
        "v": pd.array(nodes[pairs["n_v"].to_numpy()], dtype="str"),
        "t": t_values.astype(np.int64) if time == "year" else t_values,
        "event_id": pd.array(events[pairs["e"].to_numpy()], dtype="str"),
    })
    order = np.lexsort((pairs["n_v"].to_numpy(), pairs["n_u"].to_numpy(),
                        pairs["e"].to_numpy(), out["t"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)
