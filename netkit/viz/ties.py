"""The events behind each tie of an organisation graph (for the network view)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from netkit.errors import ParameterError

__all__ = ["tie_events"]

TIE_EVENT_COLUMNS = ("source", "target", "event_id", "kind", "year", "title", "event_source")


def tie_events(events: Any, names: np.ndarray | list[str], *, limit: int | None = 50
               ) -> pd.DataFrame:
    """One row per (tie, event): the events two organisations took part in together.

    Parameters
    ----------
    events : Corpus or DataFrame
        A :class:`~netkit.model.Corpus` (its participations and events are
        joined), or a DataFrame with columns ``source``, ``target`` (organisation
        ids), ``kind``, ``year``, ``title`` and optionally ``event_id`` and
        ``event_source`` (the format the event was read from).
    names : sequence of str
        The organisations of interest (only ties between them are kept).
    limit : int or None, default 50
        At most this many events per tie, the most recent first.

    Returns
    -------
    pandas.DataFrame
        Columns ``source < target`` (ids), ``event_id``, ``kind``, ``year``,
        ``title``, ``event_source``; sorted by tie, then year (descending) and
        event id.

    Examples
    --------
    >>> from netkit.datasets import toy_corpus
    >>> c = toy_corpus()
    >>> tie_events(c, ["a", "b", "c"])[["source", "target", "event_id"]].values.tolist()
    [['a', 'b', 'e2'], ['a', 'b', 'e1'], ['a', 'c', 'e2'], ['b', 'c', 'e2']]
    """
    names = pd.Index(np.asarray(names, dtype=object))
    if isinstance(events, pd.DataFrame):
        missing = {"source", "target", "kind", "year", "title"} - set(events.columns)
        if missing:
            raise ParameterError(f"events table lacks column(s): {', '.join(sorted(missing))}")
        df = events.copy()
        for column in ("event_id", "event_source"):
            if column not in df.columns:
                df[column] = ""
        a = df["source"].astype(str)
        b = df["target"].astype(str)
        df["source"], df["target"] = np.minimum(a, b), np.maximum(a, b)
        df = df[df["source"].isin(names) & df["target"].isin(names)]
    elif hasattr(events, "participations") and hasattr(events, "events"):
        part = events.participations[["event_id", "org_id"]].dropna().drop_duplicates()
        part = part[part["org_id"].isin(names)].astype({"event_id": str, "org_id": str})
        pairs = part.merge(part, on="event_id", suffixes=("_a", "_b"))
        pairs = pairs[pairs["org_id_a"] < pairs["org_id_b"]]
        ev = events.events[["event_id", "kind", "year", "title", "source"]].rename(
            columns={"source": "event_source"}).astype({"event_id": str})
        df = pairs.rename(columns={"org_id_a": "source", "org_id_b": "target"}).merge(
            ev, on="event_id", how="left")
    else:
        raise ParameterError("events must be a Corpus or a DataFrame of (source, target, kind, "
                             f"year, title), not {type(events).__name__}")
    df = df[list(TIE_EVENT_COLUMNS)].copy()
    df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    df["kind"] = df["kind"].astype(object).where(df["kind"].notna(), "").astype(str)
    for column in ("title", "event_source"):
        df[column] = df[column].astype(object).where(df[column].notna(), "").astype(str)
    df["event_id"] = df["event_id"].astype(str)
    df = df.sort_values(["source", "target", "year", "event_id"],
                        ascending=[True, True, False, True], na_position="last", kind="stable")
    if limit is not None:
        df = df[df.groupby(["source", "target"], sort=False).cumcount() < limit]
    return df.reset_index(drop=True)
