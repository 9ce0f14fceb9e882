"""Which sources the events of two windows come from, and whether the windows compare.

A before/after comparison measures a policy only when both windows are drawn from
the same kind of records: set NSERC grants of 1994 against CORDIS projects of 2019
and every indicator "changes", because the sources differ, not the ecosystem.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["MAX_SOURCE_SHIFT", "median_split_year", "source_mix"]

MAX_SOURCE_SHIFT = 0.1
"""Largest total-variation distance between the two windows' source shares for which
they are called comparable: at most 10 % of the events would have to change source."""


def median_split_year(corpus: Corpus) -> int:
    """The year that best halves the events: of the years that leave both windows
    non-empty, the one whose first window (events before it) holds the share of events
    closest to one half (the earliest such year on a tie).

    With many events in the median year, splitting at the median itself can leave a
    small first window; this picks the side of the median year that balances better.

    Parameters
    ----------
    corpus : Corpus
        Its events' years are used.

    Returns
    -------
    int
        The first year of the second window.

    Raises
    ------
    ParameterError
        No event has a year, or all events have the same year.

    See Also
    --------
    compare_windows : Indicators before and after a split year.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> median_split_year(toy_corpus())  # events of 2015 and 2019
    2019
    """
    years = corpus.events["year"].dropna().astype(np.int64).to_numpy()
    distinct, counts = np.unique(years, return_counts=True)
    if len(distinct) < 2:
        raise ParameterError("the events do not span two years: give the split year")
    before = np.cumsum(counts)[:-1] / len(years)  # share before distinct[1:]
    return int(distinct[1:][np.argmin(np.abs(before - 0.5))])


def source_mix(corpus: Corpus, split: int, *,
               max_shift: float = MAX_SOURCE_SHIFT) -> tuple[pd.DataFrame, float]:
    """Events per source in the windows before and from ``split``.

    Parameters
    ----------
    corpus : Corpus
    split : int
        First year of the second window.
    max_shift : float, default 0.1
        Largest total-variation distance between the windows' source shares for which
        they are comparable.

    Returns
    -------
    (pandas.DataFrame, float)
        The table (``window`` ``before``/``after``, ``source``, ``events``, ``share``
        of the window) and the total-variation distance between the two windows'
        source shares (0: the same mix; 1: no source in common). The table's
        ``attrs["comparable"]`` is whether the distance is at most ``max_shift``.

    See Also
    --------
    compare_windows : Indicators before and after a split year.

    Examples
    --------
    >>> from netkit.model import Corpus
    >>> c = Corpus(events={"event_id": ["a", "b", "c"], "kind": ["contract"] * 3,
    ...                    "year": [1994, 2019, 2019], "source": ["nserc", "cordis", "cordis"]})
    >>> table, shift = source_mix(c, 2000)
    >>> table
       window  source  events  share
    0  before   nserc       1    1.0
    1   after  cordis       2    1.0
    >>> shift, table.attrs["comparable"]
    (1.0, False)
    """
    ev = corpus.events[["year", "source"]].dropna(subset=["year"])
    window = np.where(ev["year"].astype(np.int64) < split, "before", "after")
    counts = (pd.DataFrame({"window": window, "source": ev["source"].astype(str).to_numpy()})
              .value_counts().rename("events").reset_index())
    counts["share"] = counts["events"] / counts.groupby("window")["events"].transform("sum")
    order = {"before": 0, "after": 1}
    counts = counts.sort_values(["window", "events", "source"], ascending=[True, False, True],
                                key=lambda c: c.map(order) if c.name == "window" else c)
    shares = counts.pivot_table(index="source", columns="window", values="share",
                                fill_value=0.0)
    shares = shares.reindex(columns=["before", "after"], fill_value=0.0)
    shift = float(0.5 * np.abs(shares["before"] - shares["after"]).sum())
    table = counts.reset_index(drop=True)
    table.attrs["comparable"] = shift <= max_shift
    table.attrs["name"] = "source mix per window"
    return table, shift
