"""ROR organisation types and the netkit sector each one maps to.

A ROR record has one or more ``types`` (schema v2): ``education``, ``healthcare``,
``company``, ``government``, ``facility``, ``nonprofit``, ``archive``, ``funder``,
``other``. netkit's sectors (DESIGN §2) are coarser; the mapping is:

============  ============  ==========================================================
ROR type      sector        why
============  ============  ==========================================================
education     university    universities, colleges, schools that do research
healthcare    health        hospitals, clinics, health systems
company       firm          businesses (the startup rule may later make it ``startup``)
facility      research      research institutes, labs, observatories, infrastructures
government    government    ministries, agencies, public bodies
nonprofit     nonprofit     foundations, associations, charities, societies
archive       other         archives, libraries, museums
funder        other         a funder only: what it is besides is not known
other         other         ROR's own catch-all
============  ============  ==========================================================

A record with several types takes the first of :data:`ROR_TYPE_PRECEDENCE` that it
has: ``education`` outranks ``healthcare`` (a university that runs a hospital is a
university; a hospital is typed ``healthcare`` alone), ``facility`` outranks
``government`` (a government research laboratory does research), and ``funder``
ranks last (most funders are also a government body, a nonprofit or a company).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["OPENALEX_TYPE_SECTOR", "ROR_TYPES", "ROR_TYPE_PRECEDENCE", "ROR_TYPE_SECTOR",
           "ROR_TYPE_TABLE", "ror_sector"]

ROR_TYPE_TABLE: tuple[tuple[str, str, str], ...] = (
    ("education", "university", "universities, colleges, schools that do research"),
    ("healthcare", "health", "hospitals, clinics, health systems"),
    ("company", "firm", "businesses (the startup rule may later make it startup)"),
    ("facility", "research", "research institutes, labs, observatories, infrastructures"),
    ("government", "government", "ministries, agencies, public bodies"),
    ("nonprofit", "nonprofit", "foundations, associations, charities, societies"),
    ("archive", "other", "archives, libraries, museums"),
    ("funder", "other", "a funder only: what it is besides is not known"),
    ("other", "other", "ROR's own catch-all"),
)
"""(ROR type, sector, why): the table of the module notes."""

ROR_TYPE_SECTOR: dict[str, str] = {t: sector for t, sector, _ in ROR_TYPE_TABLE}
"""ROR type → netkit sector."""

OPENALEX_TYPE_SECTOR: dict[str, str] = {
    **{t: s for t, s in ROR_TYPE_SECTOR.items() if t != "funder"}, "archive": "nonprofit"}
"""OpenAlex institution ``type`` (ROR's types) → netkit sector, as OpenAlex works are read:
an archive counts as a nonprofit there, and ``funder`` and a missing type fall back to
the name rules (a funder may be an agency, a foundation or a firm)."""

ROR_TYPE_PRECEDENCE: tuple[str, ...] = (
    "education", "healthcare", "company", "facility", "government", "nonprofit", "archive",
    "other", "funder",
)
"""Which type decides the sector of a record with several types (first wins)."""

ROR_TYPES: frozenset[str] = frozenset(ROR_TYPE_SECTOR)
"""The organisation types of ROR schema v2."""


def ror_sector(types: Iterable[str] | str | None) -> tuple[str, str]:
    """The sector of a ROR record from its types, and the rule that decided it.

    Parameters
    ----------
    types : iterable of str, or str
        The record's ``types`` (case is ignored; a string may hold several types
        separated by ``;`` or ``,`` as in the CSV flavour of the dump).

    Returns
    -------
    (sector, sector_source)
        ``sector_source`` is ``"ror:type=<type>"``; ``("unknown", "")`` when no
        known type is given.

    Examples
    --------
    >>> ror_sector(["funder", "government"])
    ('government', 'ror:type=government')
    >>> ror_sector("education; funder")
    ('university', 'ror:type=education')
    >>> ror_sector(["healthcare"]), ror_sector([])
    (('health', 'ror:type=healthcare'), ('unknown', ''))
    """
    if types is None:
        return "unknown", ""
    if isinstance(types, str):
        types = types.replace(",", ";").split(";")
    have = {str(t).strip().lower() for t in types}
    for t in ROR_TYPE_PRECEDENCE:
        if t in have:
            return ROR_TYPE_SECTOR[t], f"ror:type={t}"
    return "unknown", ""
