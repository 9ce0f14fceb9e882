"""Collect canonical rows record by record and turn them into a Corpus at the end."""

from __future__ import annotations

from collections import defaultdict
from itertools import chain

import numpy as np
import pandas as pd

from netkit.model import Corpus, Ledger, accounting_table, quarantine_table

__all__ = ["CorpusBuilder"]


class CorpusBuilder:
    """Accumulates rows of the canonical tables across the files of one read.

    One builder serves every file of a :func:`netkit.ingest.read` call, so a
    record seen in two files (same event id) is loaded once: :meth:`add_event`
    returns ``False`` for the second copy and the reader counts it as a duplicate.
    Organisations and people are keyed by id: the first description wins, later
    ones only add identifiers. A reader checks a record completely before adding
    any of its rows, so a quarantined record leaves nothing behind.

    Examples
    --------
    >>> b = CorpusBuilder()
    >>> b.add_event("pub:test:1", "publication", year=2020, source="test", origin="f:1")
    True
    >>> b.add_event("pub:test:1", "publication", year=2020, source="test", origin="g:1")
    False
    >>> b.add_org("org:test:a", "Univ A", "university", "test:type")
    'org:test:a'
    >>> _ = b.add_participation("pub:test:1", org_id="org:test:a", role="author")
    >>> b.to_corpus([]).n_participations
    1
    """

    def __init__(self) -> None:
        self._orgs: dict[str, dict] = {}
        self._people: dict[str, dict] = {}
        self._events: dict[str, dict] = {}
        self._org_ids: set[tuple[str, str, str]] = set()
        self._parts: dict[str, list] = defaultdict(list)
        self._part_chunks: list[dict] = []  # add_participations: blocks of rows, in order
        self._event_chunks: list[dict] = []  # add_events: their ids map to None in _events
        self.finalizers: list = []
        """Callables run once, in order, at the start of :meth:`to_corpus`: readers that
        join several files into one dataset (PatentsView tables, CORDIS project +
        organization) add their rows there, once every file has been seen."""

    def has_event(self, event_id: str) -> bool:
        return event_id in self._events

    def add_event(self, event_id: str, kind: str, *, year=None, date=None, title=None,
                  amount=None, currency=None, source=None, origin=None, **extra) -> bool:
        """Add an event; ``False`` (and nothing added) if its id is already present.

        ``extra`` keyword values (for example ``doi=``) become extra columns of
        ``events``, kept after the canonical ones.
        """
        if event_id in self._events:
            return False
        self._events[event_id] = {
            "event_id": event_id, "kind": kind, "year": year, "date": date, "title": title,
            "amount": amount, "currency": currency, "source": source, "origin": origin,
            **extra,
        }
        return True

    def add_org(self, org_id: str, name: str, sector: str = "unknown", sector_source=None, *,
                country=None, region=None, city=None, lat=None, lon=None,
                founded_year=None) -> str:
        """Add an organisation unless its id is present; return the id."""
        if org_id not in self._orgs:
            self._orgs[org_id] = {
                "org_id": org_id, "name": name, "sector": sector, "sector_source": sector_source,
                "country": country, "region": region, "city": city, "lat": lat, "lon": lon,
                "founded_year": founded_year,
            }
        return org_id

    def has_org(self, org_id: str) -> bool:
        return org_id in self._orgs

    def add_org_id(self, org_id: str, scheme: str, value) -> None:
        """Record one source identifier of an organisation."""
        if value is not None and value != "":
            self._org_ids.add((org_id, scheme, str(value)))

    def add_person(self, person_id: str, name=None, orcid=None) -> str:
        """Add a person unless the id is present; return the id."""
        if person_id not in self._people:
            self._people[person_id] = {"person_id": person_id, "name": name, "orcid": orcid}
        elif orcid and not self._people[person_id]["orcid"]:
            self._people[person_id]["orcid"] = orcid
        return person_id

    def add_participation(self, event_id: str, *, org_id=None, person_id=None, role="other",
                          share=None, raw_affiliation=None) -> None:
        """Add one row of the incidence table."""
        p = self._parts
        p["event_id"].append(event_id)
        p["org_id"].append(org_id)
        p["person_id"].append(person_id)
        p["role"].append(role)
        p["share"].append(share)
        p["raw_affiliation"].append(raw_affiliation)

    def add_events(self, event_ids: list, kind: str, *, source=None, **columns) -> np.ndarray:
        """:meth:`add_event` for many events at once; which of them were added.

        ``columns`` are lists as long as ``event_ids`` (``year``, ``date``, ``title``,
        ``origin``, …, and extra columns such as ``doi``). An id already present, or
        earlier in ``event_ids``, is not added (``False``), as with :meth:`add_event`.

        Examples
        --------
        >>> b = CorpusBuilder()
        >>> b.add_event("pub:t:1", "publication", year=2020)
        True
        >>> b.add_events(["pub:t:2", "pub:t:1", "pub:t:2"], "publication",
        ...              year=[2021, 2020, 2021], doi=["10.1/x", None, None]).tolist()
        [True, False, False]
        >>> b.to_corpus([]).events[["event_id", "year", "doi"]].values.tolist()
        [['pub:t:1', 2020, nan], ['pub:t:2', 2021, '10.1/x']]
        """
        events = self._events
        added = []
        for event_id in event_ids:
            new = event_id not in events
            if new:
                events[event_id] = None  # the row itself is in self._event_chunks
            added.append(new)
        mask = np.array(added, dtype=bool)
        keep = None if mask.all() else np.flatnonzero(mask).tolist()
        chunk = {"event_id": event_ids, "kind": [kind] * len(event_ids),
                 "source": [source] * len(event_ids), **columns}
        if keep is not None:
            chunk = {c: [v[i] for i in keep] for c, v in chunk.items()}
        self._event_chunks.append(chunk)
        return mask

    def _events_frame(self, event_cols: list[str]) -> pd.DataFrame:
        rows = list(self._events.values())
        if self._event_chunks and all(r is None for r in rows):
            chunks = self._event_chunks
            keys = {k for ch in chunks for k in ch}
            cols = event_cols + sorted(keys - set(event_cols))
            n = len(rows)
            return pd.DataFrame({c: list(chain.from_iterable(
                ch.get(c) or [None] * len(ch["event_id"]) for ch in chunks)) if c in keys
                else [None] * n for c in cols}, columns=cols)
        if self._event_chunks:  # mixed: rows of the chunks as dicts, in order of addition
            bulk = {}
            for ch in self._event_chunks:
                names = list(ch)
                for values in zip(*(ch[c] for c in names), strict=True):
                    row = dict(zip(names, values, strict=True))
                    bulk[row["event_id"]] = {**dict.fromkeys(event_cols), **row}
            rows = [bulk[k] if r is None else r for k, r in self._events.items()]
        extra_cols = sorted({k for e in rows for k in e} - set(event_cols))
        return pd.DataFrame(rows, columns=event_cols + extra_cols)

    def add_people(self, person_ids: list, names) -> None:
        """:meth:`add_person` for many people at once (no ORCIDs): the first name of
        an id wins. ``names`` is a list or a pyarrow array (read only for new ids).

        >>> b = CorpusBuilder()
        >>> b.add_people(["p1", "p2", "p1"], ["Ada", "Bo", "Ada L."])
        >>> [p["name"] for p in b._people.values()]
        ['Ada', 'Bo']
        """
        people = self._people
        new = [i for i, pid in enumerate(person_ids) if pid not in people]
        if not new:
            return
        if isinstance(names, list):
            new_names = [names[i] for i in new]
        else:
            new_names = names.take(new).to_pylist()
        for i, name in zip(new, new_names, strict=True):
            pid = person_ids[i]
            if pid not in people:
                people[pid] = {"person_id": pid, "name": name, "orcid": None}

    def add_participations(self, event_id, *, org_id, person_id, role: str = "other",
                           raw_affiliation) -> None:
        """Add many rows of the incidence table at once, after those added so far.

        The same rows as :meth:`add_participation` per row (``share`` missing),
        given as equal-length pyarrow string arrays (or lists); ``role`` is one value
        for all of them. Readers that plan records column-wise use this instead of a
        Python call per row.

        Examples
        --------
        >>> b = CorpusBuilder()
        >>> _ = b.add_event("pub:t:1", "publication")
        >>> _ = b.add_org("org:t:a", "Univ A", "university")
        >>> b.add_person("per:t:1")
        'per:t:1'
        >>> b.add_participation("pub:t:1", org_id="org:t:a", role="author")
        >>> b.add_participations(["pub:t:1"], org_id=[None], person_id=["per:t:1"],
        ...                      role="author", raw_affiliation=[None])
        >>> b.to_corpus([]).participations[["org_id", "person_id"]].isna().values.tolist()
        [[False, True], [True, False]]
        """
        import pyarrow as pa

        self._flush_parts()
        cols = {"event_id": event_id, "org_id": org_id, "person_id": person_id,
                "raw_affiliation": raw_affiliation}
        cols = {c: v if isinstance(v, pa.Array) else pa.array(v, type=pa.large_string())
                for c, v in cols.items()}
        n = len(cols["event_id"])
        cols["role"] = pa.DictionaryArray.from_arrays(pa.array([0] * n, pa.int32()), [role])
        self._part_chunks.append(cols)

    def _flush_parts(self) -> None:
        """Move the rows added one by one into a chunk (keeps the order of rows)."""
        if self._parts.get("event_id"):
            self._part_chunks.append(dict(self._parts))
            self._parts = defaultdict(list)

    def _participations_frame(self, cols: list[str]) -> pd.DataFrame:
        if not self._part_chunks:
            return pd.DataFrame({c: self._parts.get(c, []) for c in cols})
        import pyarrow as pa

        self._flush_parts()
        out = {}
        for c in cols:
            if c == "share":
                out[c] = np.concatenate([
                    np.full(len(ch["event_id"]), np.nan) if c not in ch else
                    pd.to_numeric(pd.Series(ch[c], dtype=object), errors="coerce")
                    .to_numpy("float64") for ch in self._part_chunks])
                continue
            arrays = []
            for ch in self._part_chunks:
                v = ch[c]
                if not isinstance(v, pa.Array):
                    v = pa.array(v, type=pa.large_string())
                arrays.append(v.cast(pa.large_string()))
            out[c] = pd.array(pa.chunked_array(arrays, type=pa.large_string()),
                              dtype=pd.StringDtype())
        return pd.DataFrame(out)

    def to_corpus(self, ledgers: list[Ledger]) -> Corpus:
        """The Corpus of everything added, with the ledgers' accounting and quarantine."""
        while self.finalizers:
            self.finalizers.pop(0)()
        cols = ["event_id", "org_id", "person_id", "role", "share", "raw_affiliation"]
        parts = self._participations_frame(cols)
        for c in ("share",):
            parts[c] = pd.to_numeric(parts[c], errors="coerce").astype("float64")
        event_cols = ["event_id", "kind", "year", "date", "title", "amount", "currency",
                      "source", "origin"]
        events = self._events_frame(event_cols)
        events["year"] = pd.array(events["year"].tolist(), dtype="Int64")
        events["amount"] = pd.to_numeric(events["amount"], errors="coerce").astype("float64")
        orgs = pd.DataFrame(list(self._orgs.values()),
                            columns=["org_id", "name", "sector", "sector_source", "country",
                                     "region", "city", "lat", "lon", "founded_year"])
        orgs["founded_year"] = pd.array(orgs["founded_year"].tolist(), dtype="Int64")
        for c in ("lat", "lon"):
            orgs[c] = pd.to_numeric(orgs[c], errors="coerce").astype("float64")
        org_ids = pd.DataFrame(sorted(self._org_ids), columns=["org_id", "scheme", "value"])
        people = pd.DataFrame(list(self._people.values()), columns=["person_id", "name", "orcid"])
        return Corpus(
            organizations=orgs, org_ids=org_ids, people=people, events=events,
            participations=parts, quarantine=quarantine_table(ledgers),
            accounting=accounting_table(ledgers),
        )
