"""The canonical tables: columns, dtypes and vocabularies (DESIGN §2).

Every reader produces these tables and everything downstream reads only them.
IDs are strings carrying a namespace prefix (``pub:``, ``pat:``, ``con:`` for
events) so that they never collide across kinds or sources.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "ACADEMIA",
    "EVENT_KINDS",
    "GOVERNMENT",
    "HELIX",
    "INDUSTRY",
    "ROLES",
    "SCHEMA_VERSION",
    "SECTORS",
    "TABLES",
    "Column",
    "TableSpec",
    "empty_table",
]

SCHEMA_VERSION = 1

SECTORS: tuple[str, ...] = (
    "university",
    "research",
    "firm",
    "startup",
    "government",
    "health",
    "nonprofit",
    "other",
    "unknown",
)
"""Sector vocabulary of ``organizations.sector``."""

EVENT_KINDS: tuple[str, ...] = ("publication", "patent", "contract")
"""Vocabulary of ``events.kind``."""

ROLES: tuple[str, ...] = (
    "author",
    "inventor",
    "assignee",
    "applicant",
    "coordinator",
    "participant",
    "partner",
    "awardee",
    "investigator",
    "third_party",
    "other",
)
"""Vocabulary of ``participations.role``."""

ACADEMIA = frozenset({"university", "research"})
INDUSTRY = frozenset({"firm", "startup"})
GOVERNMENT = frozenset({"government"})
HELIX: dict[str, str] = {
    **dict.fromkeys(ACADEMIA, "academia"),
    **dict.fromkeys(INDUSTRY, "industry"),
    **dict.fromkeys(GOVERNMENT, "government"),
    **dict.fromkeys(("health", "nonprofit", "other", "unknown"), "other"),
}
"""Triple-helix grouping of the sectors (academia, industry, government, other)."""

STRING = pd.StringDtype()


@dataclass(frozen=True)
class Column:
    """One column of a canonical table.

    ``dtype`` is the pandas dtype; ``categories`` the vocabulary of a categorical
    column; ``required`` means no missing values are allowed.
    """

    name: str
    dtype: object
    required: bool = False
    categories: tuple[str, ...] | None = None

    @property
    def pandas_dtype(self) -> object:
        if self.categories is not None:
            return pd.CategoricalDtype(list(self.categories), ordered=False)
        return self.dtype


@dataclass(frozen=True)
class TableSpec:
    """The columns of a canonical table and its key (unique, if any)."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name: str, dtype: object = STRING, required: bool = False, categories=None) -> Column:
    return Column(name, dtype, required, categories)


def _crosswalk(name: str, owner: str) -> TableSpec:
    """A cross-walk of source identifiers: ``owner``, ``scheme``, ``value``, one row per triple."""
    return TableSpec(name, (_c(owner, required=True), _c("scheme", required=True),
                            _c("value", required=True)), key=(owner, "scheme", "value"))


TABLES: dict[str, TableSpec] = {
    "organizations": TableSpec(
        "organizations",
        (
            _c("org_id", required=True),
            _c("name", required=True),
            _c("sector", "category", required=True, categories=SECTORS),
            _c("sector_source"),
            _c("country"),
            _c("region"),
            _c("city"),
            _c("lat", "float64"),
            _c("lon", "float64"),
            _c("founded_year", "Int64"),
        ),
        key=("org_id",),
    ),
    "org_ids": _crosswalk("org_ids", "org_id"),
    "people": TableSpec(
        "people",
        (_c("person_id", required=True), _c("name"), _c("orcid")),
        key=("person_id",),
    ),
    "person_ids": _crosswalk("person_ids", "person_id"),
    "events": TableSpec(
        "events",
        (
            _c("event_id", required=True),
            _c("kind", "category", required=True, categories=EVENT_KINDS),
            _c("year", "Int64"),
            _c("date"),
            _c("title"),
            _c("amount", "float64"),
            _c("currency"),
            _c("source"),
            _c("origin"),
        ),
        key=("event_id",),
    ),
    "participations": TableSpec(
        "participations",
        (
            _c("event_id", required=True),
            _c("org_id"),
            _c("person_id"),
            _c("role", "category", required=True, categories=ROLES),
            _c("share", "float64"),
            _c("raw_affiliation"),
            _c("identity"),
        ),
    ),
    "event_ids": TableSpec(
        "event_ids",
        (_c("event_id", required=True), _c("source", required=True), _c("value", required=True),
         _c("matched_by")),
        key=("event_id", "value"),
    ),
    "quarantine": TableSpec(
        "quarantine",
        (_c("file", required=True), _c("line", "Int64"), _c("reason", required=True), _c("raw")),
    ),
    "accounting": TableSpec(
        "accounting",
        (
            _c("file", required=True),
            _c("format"),
            _c("records_seen", "int64", required=True),
            _c("loaded", "int64", required=True),
            _c("quarantined", "int64", required=True),
            _c("duplicates", "int64", required=True),
        ),
    ),
}
"""Specification of every table a :class:`~netkit.model.Corpus` holds."""

CORE_TABLES = ("organizations", "org_ids", "people", "person_ids", "events", "participations",
               "event_ids")


def empty_table(name: str) -> pd.DataFrame:
    """Return an empty canonical table with the right columns and dtypes.

    Examples
    --------
    >>> empty_table("events").dtypes["year"]
    Int64Dtype()
    """
    spec = TABLES[name]
    return pd.DataFrame(
        {c.name: pd.Series([], dtype=c.pandas_dtype) for c in spec.columns}
    )
