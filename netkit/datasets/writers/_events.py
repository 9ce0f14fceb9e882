"""What every writer of :mod:`netkit.datasets.writers` starts from: the events one source
records, with their participations and the organisations as that source spells them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["SourceEvents", "source_events"]


@dataclass(frozen=True)
class SourceEvents:
    """The events of one source and kind, and what a writer looks up about them.

    Attributes
    ----------
    directory : Path
        The output folder (created).
    events : DataFrame
        The events, sorted by ``event_id``.
    participations : DataFrame
        The participations in those events, in corpus order.
    orgs : dict
        ``org_id`` → its row of ``organizations`` (a dict of columns).
    alias : dict
        ``org_id`` → the name as the source spells it (``GroundTruth.aliases``).
    people : dict
        ``person_id`` → name.
    """

    directory: Path
    events: pd.DataFrame
    participations: pd.DataFrame
    orgs: dict
    alias: dict
    people: dict


def source_events(corpus, truth, directory, source: str, kind: str) -> SourceEvents | None:
    """The ``kind`` events of ``source`` in ``corpus`` (None if it has none); ``directory``
    is created either way.

    Examples
    --------
    >>> import tempfile
    >>> from netkit.datasets import synthetic_ecosystem
    >>> corpus, truth = synthetic_ecosystem(seed=1, size="tiny")
    >>> got = source_events(corpus, truth, tempfile.mkdtemp(), "uspto", "patent")
    >>> got.events["event_id"].is_monotonic_increasing, set(got.events["source"])
    (True, {'uspto'})
    >>> source_events(corpus, truth, tempfile.mkdtemp(), "uspto", "contract") is None
    True
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ev = corpus.events[(corpus.events["source"] == source) & (corpus.events["kind"] == kind)]
    if ev.empty:
        return None
    ev = ev.sort_values("event_id")
    part = corpus.participations[corpus.participations["event_id"].isin(ev["event_id"])]
    alias = truth.aliases[truth.aliases["source"] == source].set_index("org_id")["name"]
    return SourceEvents(directory, ev, part,
                        corpus.organizations.set_index("org_id").to_dict("index"),
                        alias.to_dict(), corpus.people.set_index("person_id")["name"].to_dict())
