"""What the publication writers (OpenAlex, WoS, Scopus) share: one record per event.

:func:`publication_records` gathers, for the publications a source records, the
authors in order with their organisations as that source spells them (from
``GroundTruth.aliases``), place and identifiers. The synthetic event, person and
organisation numbers are encoded in each source's identifiers
(:func:`source_number`), so a test can map what a reader returns back to the truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Author", "Org", "PubRecord", "department", "publication_records", "syn_number"]

FIELDS = ("Energy", "Materials", "Physics", "Chemistry", "Biology", "Informatics",
          "Medicine", "Marine Science", "Mathematics", "Engineering")
"""Departments given to university authors (so readers must roll them up)."""

WOS_FIELDS = ("Energy", "Mat", "Phys", "Chem", "Biol", "Informat", "Med", "Marine Sci",
              "Math", "Engn")


@dataclass(frozen=True)
class Org:
    org_id: str
    name: str  # as the source spells it
    sector: str
    country: str | None
    city: str | None
    ror: str | None
    openalex: str | None


@dataclass
class Author:
    person_id: str
    name: str
    orcid: str | None
    orgs: list[Org] = field(default_factory=list)


@dataclass
class PubRecord:
    event_id: str
    year: int | None
    date: str | None
    title: str | None
    authors: list[Author]


def syn_number(syn_id: str) -> int:
    """The number in a synthetic id: ``pub:syn:042`` → 42.

    Examples
    --------
    >>> syn_number("per:syn:0107")
    107
    """
    return int(syn_id.rsplit(":", 1)[-1])


def department(sector: str, event_n: int, person_n: int, *, wos: bool = False) -> str | None:
    """A deterministic department for university authors (``None`` otherwise)."""
    if sector != "university":
        return None
    fields = WOS_FIELDS if wos else FIELDS
    return fields[(event_n + person_n) % len(fields)]


def _none(v):
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v


def publication_records(corpus, truth, source: str) -> list[PubRecord]:
    """The publications of ``source`` with ordered authors and their organisations.

    Parameters
    ----------
    corpus : Corpus
        The synthetic (true) corpus.
    truth : GroundTruth
        Gives each organisation's spelling in ``source`` and its identifiers.
    source : str
        ``"openalex"``, ``"wos"`` or ``"scopus"``.

    Returns
    -------
    list of PubRecord
        Sorted by event id; authors in participation order.
    """
    ev = corpus.events
    ev = ev[(ev["kind"] == "publication") & (ev["source"] == source)].sort_values("event_id")
    parts = corpus.participations
    parts = parts[parts["event_id"].isin(set(ev["event_id"])) & (parts["role"] == "author")]
    alias = truth.aliases[truth.aliases["source"] == source].drop_duplicates("org_id")
    alias = dict(zip(alias["org_id"], alias["name"], strict=True))
    ids = truth.org_ids
    ror = dict(ids.loc[ids["scheme"] == "ror", ["org_id", "value"]].itertuples(index=False))
    oa = dict(ids.loc[ids["scheme"] == "openalex", ["org_id", "value"]].itertuples(index=False))
    orgs = {}
    for r in corpus.organizations.itertuples(index=False):
        orgs[r.org_id] = Org(r.org_id, alias.get(r.org_id, r.name), str(r.sector),
                             _none(r.country), _none(r.city), ror.get(r.org_id),
                             oa.get(r.org_id))
    people = {r.person_id: (r.name, _none(r.orcid))
              for r in corpus.people.itertuples(index=False)}
    by_event: dict[str, dict[str, Author]] = {}
    for r in parts.itertuples(index=False):
        authors = by_event.setdefault(r.event_id, {})
        pid = _none(r.person_id)
        if pid is None:
            continue
        if pid not in authors:
            name, orcid = people.get(pid, (pid, None))
            authors[pid] = Author(pid, name, orcid)
        oid = _none(r.org_id)
        if oid is not None and oid in orgs and orgs[oid] not in authors[pid].orgs:
            authors[pid].orgs.append(orgs[oid])
    out = []
    for r in ev.itertuples(index=False):
        out.append(PubRecord(r.event_id, None if pd.isna(r.year) else int(r.year),
                             _none(r.date), _none(r.title),
                             list(by_event.get(r.event_id, {}).values())))
    return out


def split_name(name: str) -> tuple[str, str]:
    """(surname, given names) of ``"Given Names Surname"``; lower-case particles before
    the last word belong to the surname.

    Examples
    --------
    >>> split_name("Kari Berg"), split_name("Anna Marie van der Berg")
    (('Berg', 'Kari'), ('van der Berg', 'Anna Marie'))
    """
    parts = name.split()
    if len(parts) == 1:
        return parts[0], ""
    k = len(parts) - 1
    while k > 1 and parts[k - 1].islower():
        k -= 1
    return " ".join(parts[k:]), " ".join(parts[:k])


def initials(given: str) -> str:
    """``"Kari Anne"`` → ``"KA"``; hyphenated names keep the hyphen (``"K-A"``)."""
    return "".join("-".join(p[:1].upper() for p in g.split("-")) for g in given.split())
