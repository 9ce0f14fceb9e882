"""The startup rule (DESIGN §2): a firm that is young at the time of an event.

A firm founded at most :data:`STARTUP_AGE` years before an event is a ``startup`` at that
event; the rule and its inputs are recorded in ``sector_source``. Sources that flag
small firms (CORDIS ``SME``) apply their flag in :mod:`.source_sectors`.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["STARTUP_AGE", "apply_startup_rule", "startup_rule"]

STARTUP_AGE = 10
"""A firm founded at most this many years before an event is a startup at that event."""


def startup_rule(
    sector: str, founded_year: int | None, event_year: int | None, *, age: int = STARTUP_AGE
) -> tuple[str, str | None]:
    """Apply the startup rule of DESIGN §2 to one firm at one event.

    A firm founded at most ``age`` years before the event is a ``startup``.
    Returns the (possibly changed) sector and the rule to record, or ``None`` when
    the rule did not apply.

    Examples
    --------
    >>> startup_rule("firm", 2015, 2019)
    ('startup', 'young:founded 2015, event 2019, age<=10')
    >>> startup_rule("firm", 1990, 2019)
    ('firm', None)
    """
    known = founded_year is not None and event_year is not None
    if sector == "firm" and known and 0 <= event_year - founded_year <= age:
        return "startup", f"young:founded {founded_year}, event {event_year}, age<={age}"
    return sector, None


def apply_startup_rule(
    organizations: pd.DataFrame,
    participations: pd.DataFrame,
    events: pd.DataFrame,
    *,
    age: int = STARTUP_AGE,
) -> pd.DataFrame:
    """Mark as ``startup`` every firm whose founding year is known and that was young
    (founded at most ``age`` years before) at its first event.

    The decision is recorded in ``sector_source`` (``young:founded Y, first event Z, age<=N``).
    Organisations of other sectors, or without founding year or events, are unchanged.

    Examples
    --------
    >>> orgs = pd.DataFrame({"org_id": ["a", "b"], "sector": ["firm", "firm"],
    ...                      "sector_source": ["x", "x"], "founded_year": [2015, 1980]})
    >>> part = pd.DataFrame({"event_id": ["e1", "e1"], "org_id": ["a", "b"]})
    >>> ev = pd.DataFrame({"event_id": ["e1"], "year": [2019]})
    >>> apply_startup_rule(orgs, part, ev)[["sector", "sector_source"]].values.tolist()
    [['startup', 'young:founded 2015, first event 2019, age<=10'], ['firm', 'x']]
    """
    first = (participations[["event_id", "org_id"]].dropna()
             .merge(events[["event_id", "year"]].dropna(), on="event_id")
             .groupby("org_id")["year"].min())
    out = organizations.copy()
    first_year = out["org_id"].map(first)
    founded = out["founded_year"]
    young = (out["sector"].astype(object) == "firm") & founded.notna() & first_year.notna()
    young &= (first_year - founded).between(0, age).fillna(False).astype(bool)
    if young.any():
        if isinstance(out["sector"].dtype, pd.CategoricalDtype):
            out["sector"] = out["sector"].astype(object)
        out.loc[young, "sector"] = "startup"
        out.loc[young, "sector_source"] = [
            f"young:founded {int(f)}, first event {int(y)}, age<={age}"
            for f, y in zip(founded[young], first_year[young], strict=True)
        ]
    return out
