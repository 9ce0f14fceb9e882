"""Collect canonical rows record by record and turn them into a Corpus at the end."""

from __future__ import annotations

from collections import defaultdict
from contextlib import suppress
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa

from netkit.model import (
    EVENT_KINDS,
    ROLES,
    TABLES,
    Corpus,
    Ledger,
    accounting_table,
    quarantine_table,
)

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
        self._person_ids: set[tuple[str, str, str]] = set()
        self._parts: dict[str, list] = defaultdict(list)
        self._part_chunks: list[dict] = []  # add_participations: blocks of rows, in order
        self._event_chunks: list[dict] = []  # add_events: their ids map to None in _events
        self._people_chunks: list[tuple] = []  # add_people: (ids, names); ids map to None
        self._org_chunks: list[dict] = []  # add_orgs: columns; their ids map to None in _orgs
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

    def add_orgs(self, org_ids: list, names: list, sectors: list, sector_sources: list, *,
                 country: list, city: list) -> None:
        """:meth:`add_org` and ``add_org_id(org_id, "name", name)`` for many
        organisations at once (lists of equal length); ids already present, or earlier
        in ``org_ids``, are skipped.

        Examples
        --------
        >>> b = CorpusBuilder()
        >>> b.add_org("org:t:a", "A", "firm")
        'org:t:a'
        >>> b.add_orgs(["org:t:b", "org:t:a", "org:t:b"], ["B", "A2", "B2"], ["university"] * 3,
        ...            ["name:university"] * 3, country=["NO", None, None], city=[None] * 3)
        >>> b.to_corpus([]).organizations[["org_id", "name", "country"]].values.tolist()
        [['org:t:a', 'A', <NA>], ['org:t:b', 'B', 'NO']]
        """
        new = np.flatnonzero(_claim(self._orgs, org_ids)).tolist()  # rows: self._org_chunks
        if not new:
            return
        cols = {"org_id": org_ids, "name": names, "sector": sectors,
                "sector_source": sector_sources, "country": country, "city": city}
        if len(new) < len(org_ids):
            cols = {c: [v[i] for i in new] for c, v in cols.items()}
        self._org_chunks.append(cols)
        self._org_ids.update((org_id, "name", str(name)) for org_id, name in
                             zip(cols["org_id"], cols["name"], strict=True)
                             if name is not None and name != "")

    def _orgs_frame(self, cols: list[str]) -> pd.DataFrame:
        rows = list(self._orgs.values())
        if not self._org_chunks:
            return pd.DataFrame(rows, columns=cols)
        if all(r is None for r in rows):  # every organisation came from add_orgs
            return pd.DataFrame({c: list(chain.from_iterable(ch[c] for ch in self._org_chunks))
                                 if c in self._org_chunks[0] else [None] * len(rows)
                                 for c in cols}, columns=cols)
        bulk = {}
        for ch in self._org_chunks:
            for values in zip(*ch.values(), strict=True):
                row = dict.fromkeys(cols)
                row.update(zip(ch, values, strict=True))
                bulk[row["org_id"]] = row
        return pd.DataFrame([bulk[k] if r is None else r for k, r in self._orgs.items()],
                            columns=cols)

    def has_org(self, org_id: str) -> bool:
        return org_id in self._orgs

    def add_org_id(self, org_id: str, scheme: str, value) -> None:
        """Record one source identifier of an organisation."""
        if value is not None and value != "":
            self._org_ids.add((org_id, scheme, str(value)))

    def add_person_id(self, person_id: str, scheme: str, value) -> None:
        """Record one source identifier of a person (ORCID, ResearcherID …)."""
        if value is not None and value != "":
            self._person_ids.add((person_id, scheme, str(value)))

    def add_person(self, person_id: str, name=None, orcid=None) -> str:
        """Add a person unless the id is present; return the id."""
        row = self._people.get(person_id, False)
        if row is False:
            self._people[person_id] = {"person_id": person_id, "name": name, "orcid": orcid}
        elif orcid:
            if row is None:  # added by add_people: its row is in a chunk
                row = self._people[person_id] = self._bulk_people()[person_id]
            if not row["orcid"]:
                row["orcid"] = orcid
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

    def add_events(self, event_ids, kind: str, *, source=None, **columns) -> np.ndarray:
        """:meth:`add_event` for many events at once; which of them were added.

        ``event_ids`` is a list or a pyarrow string array; ``columns`` are lists or pyarrow arrays as long as ``event_ids`` (``year``,
        ``date``, ``title``, ``origin``, …, and extra columns such as ``doi``). An id
        already present, or earlier in ``event_ids``, is not added (``False``), as with
        :meth:`add_event`.

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
        id_list = event_ids.to_pylist() if isinstance(event_ids, pa.Array) else event_ids
        mask = _claim(self._events, id_list)  # the rows are in self._event_chunks
        keep = None if mask.all() else np.flatnonzero(mask).tolist()
        chunk = {"event_id": event_ids, "kind": [kind] * len(event_ids),
                 "source": [source] * len(event_ids), **columns}
        if keep is not None:
            taken = pa.array(keep, type=pa.int64())
            chunk = {c: v.take(taken) if isinstance(v, pa.Array) else [v[i] for i in keep]
                     for c, v in chunk.items()}
        self._event_chunks.append(chunk)
        return mask

    def _events_frame(self, event_cols: list[str]) -> pd.DataFrame:
        rows = list(self._events.values())
        if self._event_chunks and all(r is None for r in rows):
            chunks = self._event_chunks
            keys = {k for ch in chunks for k in ch}
            cols = event_cols + sorted(keys - set(event_cols))
            n = len(rows)
            sizes = [len(ch["event_id"]) for ch in chunks]
            frame = {}
            kinds = [ch["kind"][0] if len(ch["kind"]) else None for ch in chunks]
            if all(k in _KIND_CODE for k in kinds if k is not None) and all(
                    len(set(ch["kind"])) <= 1 for ch in chunks if isinstance(ch["kind"], list)):
                frame["kind"] = pd.Categorical.from_codes(np.repeat(
                    [_KIND_CODE.get(k, -1) for k in kinds], sizes).astype(np.int64),
                    dtype=_KIND_DTYPE)
            for c in cols:
                if c not in frame:
                    frame[c] = (_column([ch.get(c) for ch in chunks], sizes,
                                        canonical=c in event_cols, text=c in _EVENT_TEXT)
                                if c in keys else _nulls(n, _EVENT_TEXT.get(c)))
            return pd.DataFrame(frame, columns=cols)
        if self._event_chunks:  # mixed: rows of the chunks as dicts, in order of addition
            bulk = {}
            for ch in self._event_chunks:
                names = list(ch)
                for values in zip(*(v.to_pylist() if isinstance(v, pa.Array) else v
                                    for v in (ch[c] for c in names)), strict=True):
                    row = dict(zip(names, values, strict=True))
                    bulk[row["event_id"]] = {**dict.fromkeys(event_cols), **row}
            rows = [bulk[k] if r is None else r for k, r in self._events.items()]
        extra_cols = sorted({k for e in rows for k in e} - set(event_cols))
        return pd.DataFrame(rows, columns=event_cols + extra_cols)

    def add_people(self, person_ids, names) -> None:
        """:meth:`add_person` for many people at once (no ORCIDs): the first name of
        an id wins. ``person_ids`` and ``names`` are lists or pyarrow string arrays
        (names are read only for new ids).

        >>> b = CorpusBuilder()
        >>> b.add_people(["p1", "p2", "p1"], ["Ada", "Bo", "Ada L."])
        >>> b.to_corpus([]).people["name"].tolist()
        ['Ada', 'Bo']
        >>> _ = b.add_person("p3", "Cy"), b.add_person("p2", "B.", orcid="0000-0001")
        >>> b.to_corpus([]).people.values.tolist()
        [['p1', 'Ada', <NA>], ['p2', 'Bo', '0000-0001'], ['p3', 'Cy', <NA>]]
        """
        id_list = person_ids.to_pylist() if isinstance(person_ids, pa.Array) else person_ids
        new = np.flatnonzero(_claim(self._people, id_list)).tolist()  # rows: self._people_chunks
        if not new:
            return
        if isinstance(names, list):
            names = pa.array([names[i] for i in new], type=pa.large_string())
        elif len(new) < len(names):
            names = names.take(pa.array(new, type=pa.int64()))
        if len(new) == len(id_list):
            ids = person_ids if isinstance(person_ids, pa.Array) else pa.array(
                id_list, type=pa.large_string())
        else:
            ids = pa.array([id_list[i] for i in new], type=pa.large_string())
        self._people_chunks.append((ids.cast(pa.large_string()), names))

    def _bulk_people(self) -> dict[str, dict]:
        """The rows added by :meth:`add_people`, by id."""
        return {pid: {"person_id": pid, "name": name, "orcid": None}
                for ids, names in self._people_chunks
                for pid, name in zip(ids.to_pylist(), names.to_pylist(), strict=True)}

    def _people_frame(self) -> pd.DataFrame:
        cols = ["person_id", "name", "orcid"]
        rows = list(self._people.values())
        if not self._people_chunks:
            return pd.DataFrame(rows, columns=cols)
        if all(r is None for r in rows):  # every person came from add_people
            return pd.DataFrame({
                "person_id": pd.array(pa.chunked_array([i for i, _ in self._people_chunks],
                                                       type=pa.large_string()),
                                      dtype=pd.StringDtype()),
                "name": pd.array(pa.chunked_array([n.cast(pa.large_string()) for _, n in
                                                   self._people_chunks], type=pa.large_string()),
                                 dtype=pd.StringDtype()),
                "orcid": _nulls(len(rows), pd.StringDtype())}, columns=cols)
        bulk = self._bulk_people()
        return pd.DataFrame([bulk[k] if r is None else r for k, r in self._people.items()],
                            columns=cols)

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
            if c == "role" and (role := _roles(self._part_chunks)) is not None:
                out[c] = role
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
        if not isinstance(events["year"].dtype, pd.Int64Dtype):
            events["year"] = pd.array(events["year"].tolist(), dtype="Int64")
        events["amount"] = pd.to_numeric(events["amount"], errors="coerce").astype("float64")
        orgs = self._orgs_frame(["org_id", "name", "sector", "sector_source", "country",
                                 "region", "city", "lat", "lon", "founded_year"])
        orgs["founded_year"] = pd.array(orgs["founded_year"].tolist(), dtype="Int64")
        for c in ("lat", "lon"):
            orgs[c] = pd.to_numeric(orgs[c], errors="coerce").astype("float64")
        org_ids = pd.DataFrame(sorted(self._org_ids), columns=["org_id", "scheme", "value"])
        people = self._people_frame()
        person_ids = pd.DataFrame(sorted(self._person_ids),
                                  columns=["person_id", "scheme", "value"])
        return Corpus(
            organizations=orgs, org_ids=org_ids, people=people, person_ids=person_ids,
            events=events,
            participations=parts, quarantine=quarantine_table(ledgers),
            accounting=accounting_table(ledgers),
        )


_ROLE_DTYPE = pd.CategoricalDtype(list(ROLES), ordered=False)
_ROLE_CODE = {r: i for i, r in enumerate(ROLES)}


def _claim(table: dict, ids: list) -> np.ndarray:
    """Enter the ids that ``table`` lacks (value ``None``: their rows are kept in bulk
    chunks); which of ``ids`` were entered (the first of repeated ids only).

    >>> t = {"a": {}}
    >>> _claim(t, ["b", "a", "b", "c"]).tolist(), list(t)
    ([True, False, False, True], ['a', 'b', 'c'])
    """
    fresh = dict.fromkeys(ids)
    if len(fresh) == len(ids) and table.keys().isdisjoint(fresh):
        table.update(fresh)  # all new (the common case): no loop in Python
        return np.ones(len(ids), dtype=bool)
    entered = np.zeros(len(ids), dtype=bool)
    for i, x in enumerate(ids):
        if x not in table:
            table[x] = None
            entered[i] = True
    return entered


def _roles(chunks: list[dict]) -> pd.Categorical | None:
    """The role column of the participation chunks in its canonical dtype, or ``None``
    when a value is not in the vocabulary (validation then reports it)."""
    codes = []
    for ch in chunks:
        v = ch["role"]
        if isinstance(v, pa.DictionaryArray):
            code_of = [_ROLE_CODE.get(r, -2) for r in v.dictionary.to_pylist()]
            codes.append(np.array(code_of, dtype=np.int64)[
                v.indices.fill_null(0).to_numpy()] if code_of else np.zeros(0, np.int64))
            if v.null_count:
                codes[-1][v.is_null().to_numpy(zero_copy_only=False)] = -1
        else:
            codes.append(np.array([-1 if r is None else _ROLE_CODE.get(r, -2) for r in v],
                                  dtype=np.int64))
    code = np.concatenate(codes) if codes else np.zeros(0, np.int64)
    if (code == -2).any():
        return None
    return pd.Categorical.from_codes(code, dtype=_ROLE_DTYPE)


def _column(chunks: list, sizes: list[int], *, canonical: bool, text: bool = False):
    """One column of the events frame from its chunks (lists, pyarrow arrays or
    ``None``): text as pandas would infer it from the Python values (``str``), whole
    numbers of a ``canonical`` column as ``Int64``, else the Python values. Lists of
    a ``text`` column go through arrow when they hold only strings and ``None``."""
    if text:
        with suppress(pa.ArrowInvalid, pa.ArrowTypeError):  # not all text: keep the values
            chunks = [pa.array(ch, type=pa.large_string()) if isinstance(ch, list) else ch
                      for ch in chunks]
    if not any(isinstance(ch, pa.Array) for ch in chunks):
        return list(chain.from_iterable(ch or [None] * n for ch, n in zip(chunks, sizes,
                                                                            strict=True)))
    arrays = [ch if isinstance(ch, pa.Array) else pa.array(ch or [None] * n)
              for ch, n in zip(chunks, sizes, strict=True)]
    kinds = {a.type for a in arrays if a.null_count < len(a)}
    if all(pa.types.is_string(t) or pa.types.is_large_string(t) for t in kinds) and kinds:
        arr = pa.chunked_array([a.cast(pa.large_string()) for a in arrays], pa.large_string())
        return pd.array(arr, dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    if canonical and kinds and all(pa.types.is_integer(t) for t in kinds):
        return pd.Int64Dtype().__from_arrow__(
            pa.chunked_array([a.cast(pa.int64()) for a in arrays], pa.int64()))
    return list(chain.from_iterable(a.to_pylist() for a in arrays))


_KIND_DTYPE = pd.CategoricalDtype(list(EVENT_KINDS), ordered=False)
_KIND_CODE = {k: i for i, k in enumerate(EVENT_KINDS)}
_EVENT_TEXT = {c.name: c.pandas_dtype for c in TABLES["events"].columns
               if c.pandas_dtype == pd.StringDtype()}
"""The text columns of ``events``: a column no chunk gives is made of missing values of
the canonical dtype (what validation would make of ``None`` values)."""


def _nulls(n: int, dtype) -> object:
    """``n`` missing values: a list of ``None`` without ``dtype``, else a typed array."""
    if dtype is None:
        return [None] * n
    return pd.array(pa.nulls(n, pa.large_string()), dtype=dtype)
