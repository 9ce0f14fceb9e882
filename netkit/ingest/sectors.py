"""Decide an organisation's sector from its name when the source gives no type.

The rules are ordered; the first that matches wins and its name is recorded in
``organizations.sector_source`` (``name:<rule>``), so every decision can be traced.
They cover the spellings of WoS/Scopus (``UNIV``, ``INST``, ``HOSP`` …), legal forms
(``INC``, ``GMBH``, ``AB`` …) and several European languages.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["NAME_RULES", "STARTUP_AGE", "apply_startup_rule", "sector_from_name", "startup_rule"]

STARTUP_AGE = 10
"""A firm founded at most this many years before an event is a startup at that event."""

# (rule name, sector, pattern): checked in order, case-insensitive, on word boundaries.
NAME_RULES: tuple[tuple[str, str, str], ...] = (
    ("hospital", "health",
     r"hospital|hosp|klinikum|clinic|clinique|sykehus|sjukhus|hopital|ospedale|"
     r"medical cent(?:er|re)|med ctr|health (?:service|trust|authority)|nhs"),
    ("university", "university",
     r"univ\w*|universit\w*|college|coll|hochschule|polytechnic|politecnico|"
     r"ecole|école|escuela|facult\w*|school of|grande ecole|høgskole|hogskole|högskola|"
     r"fachhochschule|uni|institute of technology|inst technol|polytechnic institute|"
     r"technische universit\w*|technion"),
    ("research", "research",
     r"institute|institut\w*|inst|research|laborator\w*|lab|labs|observator\w*|"
     r"academy of sciences|acad sci|cnrs|inserm|fraunhofer|max planck|csic|cnr|"
     r"forschung\w*|centre national|natl lab|national lab\w*|sintef|tno|vtt"),
    ("government", "government",
     r"ministry|ministere|ministerium|department of|dept of|agency|authority|council|"
     r"government|govt|federal|state of|municipality|kommune|county|city of|"
     r"administration|bureau|office of|commission|directorate|us army|us navy|"
     r"air force|navy|army"),
    ("nonprofit", "nonprofit", r"foundation|fondation|stiftung|association|society|trust|charity"),
    ("legal_form", "firm",
     r"inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|"
     r"sa|sas|sarl|spa|srl|bv|nv|ab|as|asa|oy|oyj|aps|kk|kg|se|pty|pte|sl|"
     r"technologies|technology|tech|systems|solutions|industries|pharmaceuticals|"
     r"pharma|therapeutics|biotech|holdings|group|enterprises|gesellschaft"),
)

_COMPILED = tuple(
    (rule, sector, re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE))
    for rule, sector, pattern in NAME_RULES
)


def sector_from_name(name: str | None) -> tuple[str, str]:
    """Return ``(sector, sector_source)`` for an organisation name.

    Parameters
    ----------
    name : str or None
        The organisation name as the source spells it.

    Returns
    -------
    (str, str)
        The sector and the rule that decided it (``"name:<rule>"``), or
        ``("unknown", "name:none")`` when no rule matches.

    Examples
    --------
    >>> sector_from_name("UNIV CALIF IRVINE")
    ('university', 'name:university')
    >>> sector_from_name("Karolinska University Hospital")
    ('health', 'name:hospital')
    >>> sector_from_name("Nordic Semiconductor ASA")
    ('firm', 'name:legal_form')
    >>> sector_from_name("Ministry of Trade")
    ('government', 'name:government')
    >>> sector_from_name("Massachusetts Institute of Technology")
    ('university', 'name:university')
    >>> sector_from_name("Zorblax")
    ('unknown', 'name:none')
    """
    if name:
        for rule, sector, rx in _COMPILED:
            if rx.search(name):
                return sector, f"name:{rule}"
    return "unknown", "name:none"


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
