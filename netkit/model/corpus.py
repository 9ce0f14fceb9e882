"""The :class:`Corpus`: the five canonical tables plus quarantine and accounting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from netkit.errors import ParameterError, SchemaError
from netkit.model.schema import CORE_TABLES, EVENT_KINDS, SECTORS, empty_table
from netkit.model.validate import check_references, conform_table, isin

__all__ = ["Corpus", "concat"]

_ORIGIN_FILE = re.compile(r"^(?P<file>.*?)(?:[:#]\d+)?$")


class Corpus:
    """The canonical tables of one collection of records.

    Parameters
    ----------
    organizations, org_ids, people, person_ids, events, participations : DataFrame, optional
        The canonical tables of DESIGN §2 (``person_ids``: every source identifier
        of a person, like ``org_ids`` for organisations). Optional columns may be absent (they
        are added, all missing); absent tables are empty.
    event_ids : DataFrame, optional
        Every copy of an event that several sources recorded (``event_id`` of the kept
        event, ``source``, ``value`` = the copy's own event id, ``matched_by``); see
        :func:`netkit.ingest.dedup.merge_events`.
    quarantine, accounting : DataFrame, optional
        Records set aside, and one accounting row per input file.

    Raises
    ------
    SchemaError
        Listing *every* problem found: missing required columns, values of the
        wrong type, unknown sectors, kinds or roles, duplicate ids, and
        participations that point at unknown events, organisations or people.

    Examples
    --------
    >>> c = Corpus(
    ...     organizations={"org_id": ["o:a", "o:b"], "name": ["Univ A", "Firm B"],
    ...                    "sector": ["university", "firm"]},
    ...     events={"event_id": ["pub:x:1"], "kind": ["publication"], "year": [2020]},
    ...     participations={"event_id": ["pub:x:1", "pub:x:1"], "org_id": ["o:a", "o:b"],
    ...                     "role": ["author", "author"]},
    ... )
    >>> c.n_events, c.n_organizations
    (1, 2)
    >>> Corpus(events={"event_id": ["e1", "e1"], "kind": ["publication", "memo"]})
    Traceback (most recent call last):
    ...
    netkit.errors.SchemaError: 2 schema problems:
      - events.kind: 1 row(s) with unknown value(s) 'memo'; allowed: publication, patent, contract
      - events: 1 duplicate event_id: 'e1'
    """

    __slots__ = ("accounting", "duplicates", "event_ids", "events", "org_ids", "organizations",
                 "participations", "people", "person_ids", "quarantine")
    # the tables, set in __init__ (declared for type checkers)
    organizations: pd.DataFrame
    org_ids: pd.DataFrame
    people: pd.DataFrame
    person_ids: pd.DataFrame
    events: pd.DataFrame
    event_ids: pd.DataFrame
    participations: pd.DataFrame
    quarantine: pd.DataFrame
    accounting: pd.DataFrame

    def __init__(
        self,
        organizations=None,
        org_ids=None,
        people=None,
        events=None,
        participations=None,
        *,
        quarantine=None,
        accounting=None,
        person_ids=None,
        event_ids=None,
    ) -> None:
        given = {
            "organizations": organizations,
            "org_ids": org_ids,
            "people": people,
            "person_ids": person_ids,
            "events": events,
            "participations": participations,
            "event_ids": event_ids,
            "quarantine": quarantine,
            "accounting": accounting,
        }
        problems: list[str] = []
        tables: dict[str, pd.DataFrame] = {}
        for name, value in given.items():
            if value is None:
                tables[name] = empty_table(name)
                continue
            df = value if isinstance(value, pd.DataFrame) else pd.DataFrame(value)
            tables[name] = conform_table(name, df, problems)
        check_references(tables, problems)
        if problems:
            raise SchemaError(problems)
        for name, df in tables.items():
            object.__setattr__(self, name, df)
        self.duplicates: dict[str, int] = {}

    # -- basic facts -----------------------------------------------------------------
    @property
    def n_organizations(self) -> int:
        return len(self.organizations)

    @property
    def n_people(self) -> int:
        return len(self.people)

    @property
    def n_events(self) -> int:
        return len(self.events)

    @property
    def n_participations(self) -> int:
        return len(self.participations)

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name, the five canonical ones first."""
        return {name: getattr(self, name) for name in (*CORE_TABLES, "quarantine", "accounting")}

    def __repr__(self) -> str:
        return (
            f"<Corpus: {self.n_events} events, {self.n_organizations} organizations, "
            f"{self.n_people} people, {self.n_participations} participations, "
            f"{len(self.quarantine)} quarantined>"
        )

    def equals(self, other: Corpus) -> bool:
        """True if every table of ``other`` equals this one's (values and dtypes)."""
        return all(a.equals(b) for a, b in zip(self.tables().values(), other.tables().values(),
                                               strict=True))

    # -- summaries -------------------------------------------------------------------
    def summary(self) -> pd.Series:
        """Counts per table, per event kind and per sector, and the range of years.

        Examples
        --------
        >>> from netkit.datasets import synthetic_ecosystem
        >>> corpus, truth = synthetic_ecosystem(seed=1, size="tiny")
        >>> s = corpus.summary()
        >>> int(s["events"]) == corpus.n_events
        True
        """
        rows: dict[str, object] = {
            "events": self.n_events,
            "organizations": self.n_organizations,
            "people": self.n_people,
            "participations": self.n_participations,
            "quarantined": len(self.quarantine),
        }
        kinds = self.events["kind"].value_counts()
        for kind in EVENT_KINDS:
            rows[f"events[{kind}]"] = int(kinds.get(kind, 0))
        sectors = self.organizations["sector"].value_counts()
        for sector in SECTORS:
            if sectors.get(sector, 0):
                rows[f"organizations[{sector}]"] = int(sectors[sector])
        years = self.events["year"].dropna()
        rows["years"] = f"{years.min()}–{years.max()}" if len(years) else "none"
        return pd.Series(rows, name="corpus summary", dtype=object)

    # -- derived corpora ---------------------------------------------------------------
    def _replace(self, **tables: pd.DataFrame) -> Corpus:
        new = object.__new__(Corpus)
        for name, df in self.tables().items():
            object.__setattr__(new, name, tables.get(name, df).reset_index(drop=True))
        new.duplicates = dict(self.duplicates)
        return new

    def filter(
        self,
        years: tuple[int, int] | Iterable[int] | None = None,
        kinds: Iterable[str] | str | None = None,
        sectors: Iterable[str] | str | None = None,
        countries: Iterable[str] | str | None = None,
    ) -> Corpus:
        """Keep only some events and organisations.

        Parameters
        ----------
        years : (first, last) or iterable of int, optional
            A closed range of years, or the years to keep.
        kinds : str or iterable of str, optional
            Event kinds to keep.
        sectors, countries : str or iterable of str, optional
            Keep the participations of organisations in these sectors / countries.

        Returns
        -------
        Corpus
            Events without any remaining participation are dropped, and so are
            organisations and people that no longer take part in anything.

        Examples
        --------
        >>> from netkit.datasets import synthetic_ecosystem
        >>> corpus, _ = synthetic_ecosystem(seed=1, size="tiny")
        >>> sub = corpus.filter(years=(2015, 2016), kinds="patent")
        >>> set(sub.events["kind"]) <= {"patent"}, bool(sub.events["year"].between(2015, 2016).all())
        (True, True)
        """
        ev = self.events
        if years is not None:
            if isinstance(years, tuple) and len(years) == 2:
                lo, hi = years
                ev = ev[ev["year"].between(lo, hi).fillna(False)]
            else:
                ev = ev[ev["year"].isin(list(years)).fillna(False)]
        if kinds is not None:
            kinds = _as_set(kinds, EVENT_KINDS, "kinds")
            ev = ev[ev["kind"].isin(kinds)]
        orgs = self.organizations
        if sectors is not None:
            orgs = orgs[orgs["sector"].isin(_as_set(sectors, SECTORS, "sectors"))]
        if countries is not None:
            orgs = orgs[orgs["country"].isin(_as_set(countries, None, "countries"))]
        part = self.participations
        part = part[isin(part["event_id"], ev["event_id"])]
        if sectors is not None or countries is not None:
            part = part[isin(part["org_id"], orgs["org_id"])]
        ev = ev[isin(ev["event_id"], part["event_id"])]
        orgs = orgs[isin(orgs["org_id"], part["org_id"])]
        people = self.people[isin(self.people["person_id"], part["person_id"])]
        ids = self.org_ids[isin(self.org_ids["org_id"], orgs["org_id"])]
        pids = self.person_ids[isin(self.person_ids["person_id"], people["person_id"])]
        eids = self.event_ids[isin(self.event_ids["event_id"], ev["event_id"])]
        return self._replace(organizations=orgs, org_ids=ids, people=people, person_ids=pids,
                             events=ev, participations=part, event_ids=eids)

    # -- persistence -----------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write the corpus as Parquet files plus ``manifest.json``; see :func:`netkit.model.save`."""
        from netkit.model.io import save

        return save(self, directory)

    @classmethod
    def load(cls, directory: str | Path) -> Corpus:
        """Read a folder written by :meth:`save`, verifying every file's SHA-256."""
        from netkit.model.io import load

        return load(directory)


def _as_set(values, vocabulary: Sequence[str] | None, what: str) -> set[str]:
    values = {values} if isinstance(values, str) else set(values)
    if vocabulary is not None:
        unknown = values - set(vocabulary)
        if unknown:
            raise ParameterError(
                f"unknown {what} {sorted(unknown)}; choose from {', '.join(vocabulary)}"
            )
    return values


def concat(corpora: Sequence[Corpus]) -> Corpus:
    """Merge corpora; records already present are kept once and counted.

    An event, organisation or person whose id was seen in an earlier corpus is a
    duplicate: the first copy is kept. The participations of a duplicate event
    are dropped with it. The counts are in ``result.duplicates`` (per table), and
    the accounting row of the file a duplicate event came from (read from its
    ``origin``) moves that record from ``loaded`` to ``duplicates``, so that
    ``records_seen = loaded + quarantined + duplicates`` stays true.

    Examples
    --------
    >>> a = Corpus(events={"event_id": ["e1"], "kind": ["patent"]})
    >>> b = Corpus(events={"event_id": ["e1", "e2"], "kind": ["patent", "patent"]})
    >>> merged = concat([a, b])
    >>> merged.n_events, merged.duplicates["events"]
    (2, 1)
    """
    if not corpora:
        return Corpus()
    keys = {"organizations": "org_id", "people": "person_id", "events": "event_id"}
    merged: dict[str, pd.DataFrame] = {}
    duplicates: dict[str, int] = {}
    for name, key in keys.items():
        frames = [getattr(c, name) for c in corpora]
        allrows = pd.concat(frames, ignore_index=True)
        dup = allrows.duplicated(key, keep="first")
        duplicates[name] = int(dup.sum())
        merged[name] = allrows[~dup]
        if name == "events":
            dropped_events = allrows.loc[dup, ["event_id", "origin"]]
    # participations of a duplicated event come from the later copies: drop them
    parts = []
    seen: set[str] = set()
    for c in corpora:
        p = c.participations
        parts.append(p[~isin(p["event_id"], pd.Series(sorted(seen), dtype=object))])
        seen.update(c.events["event_id"])
    part = pd.concat(parts, ignore_index=True)
    before = len(part)
    part = part.drop_duplicates(ignore_index=True)
    duplicates["participations"] = before - len(part)
    ids = pd.concat([c.org_ids for c in corpora], ignore_index=True)
    before = len(ids)
    ids = ids.drop_duplicates(ignore_index=True)
    duplicates["org_ids"] = before - len(ids)
    pids = pd.concat([c.person_ids for c in corpora], ignore_index=True).drop_duplicates(
        ignore_index=True)
    eids = pd.concat([c.event_ids for c in corpora], ignore_index=True).drop_duplicates(
        ["event_id", "value"], ignore_index=True)
    accounting = pd.concat([c.accounting for c in corpora], ignore_index=True)
    accounting = accounting.groupby(["file", "format"], sort=False, as_index=False, dropna=False).sum()
    if len(dropped_events) and len(accounting):
        files = dropped_events["origin"].fillna("").str.extract(_ORIGIN_FILE)["file"]
        per_file = files.value_counts()
        hit = accounting["file"].isin(per_file.index)
        moved = accounting.loc[hit, "file"].map(per_file).astype("int64")
        accounting.loc[hit, "loaded"] -= moved
        accounting.loc[hit, "duplicates"] += moved
    out = Corpus(
        organizations=merged["organizations"],
        org_ids=ids,
        people=merged["people"],
        person_ids=pids,
        events=merged["events"],
        participations=part,
        event_ids=eids,
        quarantine=pd.concat([c.quarantine for c in corpora], ignore_index=True),
        accounting=accounting,
    )
    out.duplicates = duplicates
    return out
