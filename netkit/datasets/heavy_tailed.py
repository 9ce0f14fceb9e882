"""A heavy-tailed organisation–event table: collaboration data at national scale, with hubs.

Real collaboration records have a few organisations in thousands of projects,
consortia of up to about fifty partners, and most organisations in one or two
projects. Projected to an organisation graph that gives hubs with tens of
thousands of ties and dense cliques (every consortium is one), which
Barabási–Albert graphs of the same size (maximum degree in the hundreds, few
triangles) do not have. The benchmarks and the scale tests of the structural
metrics use this table; :func:`netkit.build.org_graph` projects it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netkit.errors import ParameterError
from netkit.model import Corpus

__all__ = ["heavy_tailed_corpus"]

_SECTORS = ("university", "research", "firm", "startup", "government", "health", "nonprofit")
_SECTOR_SHARE = (0.10, 0.08, 0.40, 0.20, 0.06, 0.08, 0.08)
_KINDS = ("publication", "patent", "contract")


def heavy_tailed_corpus(n_orgs: int = 100_000, *, seed: int = 0, events_per_org: float = 1.07,
                        activity_exponent: float = 1.7, size_exponent: float = 3.25,
                        max_event_size: int = 50) -> Corpus:
    """A corpus of events whose organisations have Pareto activity and whose sizes are Zipf-like.

    ``round(events_per_org · n_orgs)`` events get a size ``k`` drawn from the
    Zipf law ``P(k) ∝ k^(−size_exponent)`` on ``2 … max_event_size``; each of
    their places goes to an organisation drawn with probability proportional
    to its activity ``x ~ Pareto(activity_exponent)`` (``x ≥ 1``), and an
    organisation drawn twice for one event takes part once. Organisations
    never drawn have no participation, so the projected graph has somewhat
    fewer nodes than ``n_orgs``. With the defaults, 10⁵ organisations give
    about 86,000 nodes and 550,000 ties (the largest organisation in about
    1,200 events), 10⁶ about 860,000 nodes and 5.5 million ties.

    Parameters
    ----------
    n_orgs : int
        Number of organisations (ids ``org:0000000`` …), at least 2.
    seed : int
        Seed of the generator; the same seed gives the same corpus.
    events_per_org : float
        Events per organisation (positive).
    activity_exponent : float
        Tail exponent ``α > 0`` of the organisations' activity
        (``P(X > x) = x^(−α)``): smaller means bigger hubs.
    size_exponent : float
        Exponent of the event sizes (positive): smaller means larger consortia.
    max_event_size : int
        The largest event (at least 2).

    Returns
    -------
    Corpus
        ``organizations`` (``org_id``, ``name``, ``sector`` drawn at random:
        40 % firms, 20 % startups, 10 % universities …), ``events``
        (``pub:ht:<i>``, a random kind and a year in 2000–2020) and
        ``participations`` (``role`` ``"participant"``), sorted by event then
        organisation.

    Raises
    ------
    ParameterError
        If a parameter is outside its range.

    Examples
    --------
    >>> c = heavy_tailed_corpus(1000, seed=1)
    >>> c.n_organizations, c.n_events
    (1000, 1070)
    >>> sizes = c.participations.groupby("event_id").size()
    >>> int(sizes.min()) >= 1, int(sizes.max()) <= 50
    (True, True)
    """
    if int(n_orgs) < 2:
        raise ParameterError(f"n_orgs must be at least 2, not {n_orgs!r}")
    if int(max_event_size) < 2:
        raise ParameterError(f"max_event_size must be at least 2, not {max_event_size!r}")
    for label, value in (("events_per_org", events_per_org),
                         ("activity_exponent", activity_exponent),
                         ("size_exponent", size_exponent)):
        if not value > 0:
            raise ParameterError(f"{label} must be positive, not {value!r}")
    n = int(n_orgs)
    rng = np.random.default_rng(seed)
    activity = rng.pareto(activity_exponent, n) + 1.0
    n_events = max(1, round(events_per_org * n))
    k = np.arange(2, int(max_event_size) + 1)
    p = k ** -float(size_exponent)
    sizes = rng.choice(k, n_events, p=p / p.sum())
    cum = np.cumsum(activity)
    org = np.searchsorted(cum, rng.random(int(sizes.sum())) * cum[-1], side="right")
    np.minimum(org, n - 1, out=org)
    event = np.repeat(np.arange(n_events, dtype=np.int64), sizes)
    key = np.unique(event * n + org)  # one participation per organisation and event
    event, org = key // n, key % n
    del key
    org_ids = np.array([f"org:{i:07d}" for i in range(n)], dtype=object)
    event_ids = np.array([f"pub:ht:{i}" for i in range(n_events)], dtype=object)
    sector = np.asarray(_SECTORS, dtype=object)[rng.choice(len(_SECTORS), n, p=_SECTOR_SHARE)]
    return Corpus(
        organizations=pd.DataFrame({"org_id": org_ids, "name": org_ids, "sector": sector}),
        events=pd.DataFrame({"event_id": event_ids,
                             "kind": np.asarray(_KINDS, dtype=object)[rng.integers(0, 3, n_events)],
                             "year": rng.integers(2000, 2021, n_events)}),
        participations=pd.DataFrame({"event_id": event_ids[event], "org_id": org_ids[org],
                                     "role": "participant"}),
    )
