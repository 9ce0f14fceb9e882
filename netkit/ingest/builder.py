"""Collect canonical rows record by record and turn them into a Corpus at the end."""

from __future__ import annotations

import bisect
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


EVENT_COLUMNS = ["event_id", "kind", "year", "date", "title", "amount", "currency", "source",
                 "origin"]
ORG_COLUMNS = ["org_id", "name", "sector", "sector_source", "country", "region", "city", "lat",
               "lon", "founded_year"]
PEOPLE_COLUMNS = ["person_id", "name", "orcid"]
PART_COLUMNS = ["event_id", "org_id", "person_id", "role", "share", "raw_affiliation"]


class _Chunks:
    """The rows of one table as chunks of columns (lists or pyarrow arrays), in order
    of addition. Rows added one at a time fill an open chunk of lists; a block of
    rows added at once closes it and becomes a chunk of its own. Row ``k`` (counted
    over all chunks) can be read and changed in place.

    A row added one at a time without a column that others have gets ``pad`` there
    (``NaN`` for events: what pandas made of a key missing from a record).

    >>> t = _Chunks()
    >>> t.add_row({"id": "a", "x": 1}); t.add_chunk({"id": pa.array(["b", "c"])}, 2)
    >>> t.add_row({"id": "d", "y": 5}); t.set(1, x=7)
    >>> [t.row(k, ["id", "x", "y"]) for k in (0, 1, 3)]
    [{'id': 'a', 'x': 1, 'y': None}, {'id': 'b', 'x': 7, 'y': None}, {'id': 'd', 'x': None, 'y': 5}]
    """

    def __init__(self, pad=None) -> None:
        self.pad = pad
        self.chunks: list[dict] = []
        self.sizes: list[int] = []
        self.starts: list[int] = []
        self.n_closed = 0
        self.open: dict[str, list] = {}
        self.n_open = 0

    def __len__(self) -> int:
        return self.n_closed + self.n_open

    def add_row(self, row: dict) -> None:
        """Append one row (columns it lacks are missing values)."""
        o, n = self.open, self.n_open
        if row.keys() != o.keys():
            pad = self.pad
            for c in row.keys() - o.keys():
                o[c] = [pad] * n
            for c, col in o.items():
                col.append(row.get(c, pad))
        else:
            for c, v in row.items():
                o[c].append(v)
        self.n_open = n + 1

    def add_chunk(self, columns: dict, size: int) -> None:
        """Append ``size`` rows given as columns (lists or pyarrow arrays)."""
        self.close()
        self._append(columns, size)

    def close(self) -> None:
        """Turn the open chunk into a closed one (the order of rows is kept)."""
        if self.n_open:
            open_, n = self.open, self.n_open
            self.open, self.n_open = {c: [] for c in open_}, 0
            self._append(open_, n)

    def _append(self, columns: dict, size: int) -> None:
        self.chunks.append(columns)
        self.sizes.append(size)
        self.starts.append(self.n_closed)
        self.n_closed += size

    def _locate(self, k: int) -> tuple[dict, int, int]:
        """(chunk, position in it, its size) of row ``k``."""
        if k >= self.n_closed:
            return self.open, k - self.n_closed, self.n_open
        j = bisect.bisect_right(self.starts, k) - 1
        return self.chunks[j], k - self.starts[j], self.sizes[j]

    def row(self, k: int, columns: list[str]) -> dict:
        """Row ``k`` as a dict of ``columns`` (``None`` where missing)."""
        chunk, i, _ = self._locate(k)
        out = {}
        for c in columns:
            v = chunk.get(c)
            out[c] = None if v is None else v[i].as_py() if isinstance(v, pa.Array) else v[i]
        return out

    def set(self, k: int, **values) -> None:
        """Change some values of row ``k``."""
        chunk, i, size = self._locate(k)
        for c, v in values.items():
            col = chunk.get(c)
            if col is None:
                if chunk is self.open:
                    self.open[c] = col = [None] * size
                else:
                    chunk[c] = col = [None] * size
            elif isinstance(col, pa.Array):
                chunk[c] = col = col.to_pylist()
            col[i] = v

    def columns(self) -> tuple[list[dict], list[int]]:
        """The chunks (the open one closed first) and their sizes."""
        self.close()
        return self.chunks, self.sizes


class CorpusBuilder:
    """Accumulates rows of the canonical tables across the files of one read.

    One builder serves every file of a :func:`netkit.ingest.read` call, so a
    record seen in two files (same event id) is loaded once: :meth:`add_event`
    returns ``False`` for the second copy and the reader counts it as a duplicate.
    Organisations and people are keyed by id: the first description wins, later
    ones only add identifiers (or change it on purpose, :meth:`update_org`). A reader
    checks a record completely before adding any of its rows, so a quarantined
    record leaves nothing behind.

    Every table is stored one way: chunks of columns in order of addition (rows
    added one at a time gather in an open chunk of lists; readers that plan whole
    blocks add them as chunks of pyarrow arrays), with the row of each id.

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
        self._events: dict[str, int] = {}  # event id -> row in self._event_rows
        self._orgs: dict[str, int] = {}
        self._people: dict[str, int] = {}
        self._event_rows = _Chunks(pad=np.nan)
        self._org_rows = _Chunks()
        self._people_rows = _Chunks()
        self._part_rows = _Chunks()
        for rows, columns in ((self._event_rows, EVENT_COLUMNS), (self._org_rows, ORG_COLUMNS),
                              (self._people_rows, PEOPLE_COLUMNS),
                              (self._part_rows, PART_COLUMNS)):
            rows.open = {c: [] for c in columns}  # rows added one by one fill these lists
        self._org_ids: set[tuple[str, str, str]] = set()
        self._person_ids: set[tuple[str, str, str]] = set()
        self.finalizers: list = []
        """Callables run once, in order, at the start of :meth:`to_corpus`: readers that
        join several files into one dataset (PatentsView tables, CORDIS project +
        organization) add their rows there, once every file has been seen."""

    # -- events --------------------------------------------------------------------------
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
        rows = self._event_rows
        self._events[event_id] = rows.n_closed + rows.n_open
        o = rows.open
        values = (event_id, kind, year, date, title, amount, currency, source, origin)
        if len(o) != len(values) + len(extra) or not o.keys() >= extra.keys():
            rows.add_row({**dict(zip(EVENT_COLUMNS, values, strict=True)), **extra})
            return True  # (a row without an extra column that others have: padded)
        for c, v in zip(o.values(), values, strict=False):
            c.append(v)  # the open chunk's first columns are the canonical ones, in order
        for c, v in extra.items():
            o[c].append(v)
        rows.n_open += 1
        return True

    def add_events(self, event_ids, kind: str, *, source=None, **columns) -> np.ndarray:
        """:meth:`add_event` for many events at once; which of them were added.

        ``event_ids`` is a list or a pyarrow string array; ``columns`` are lists or
        pyarrow arrays as long as ``event_ids`` (``year``, ``date``, ``title``,
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
        n = len(event_ids)
        chunk = {"event_id": event_ids, "kind": [kind] * n, "source": [source] * n, **columns}
        return _add_block(self._events, self._event_rows, chunk, event_ids)

    # -- organisations -------------------------------------------------------------------
    def has_org(self, org_id: str) -> bool:
        return org_id in self._orgs

    def add_org(self, org_id: str, name: str, sector: str = "unknown", sector_source=None, *,
                country=None, region=None, city=None, lat=None, lon=None,
                founded_year=None) -> str:
        """Add an organisation unless its id is present; return the id."""
        if org_id not in self._orgs:
            rows = self._org_rows
            self._orgs[org_id] = rows.n_closed + rows.n_open
            for c, v in zip(rows.open.values(), (org_id, name, sector, sector_source, country,
                                                 region, city, lat, lon, founded_year),
                            strict=True):
                c.append(v)
            rows.n_open += 1
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
        cols = {"org_id": org_ids, "name": names, "sector": sectors,
                "sector_source": sector_sources, "country": country, "city": city}
        new = _add_block(self._orgs, self._org_rows, cols, org_ids)
        self._org_ids.update((org_id, "name", str(name)) for org_id, name, keep in
                             zip(org_ids, names, new, strict=True)
                             if keep and name is not None and name != "")

    def org(self, org_id: str) -> dict | None:
        """The row of an organisation added so far (``None`` if absent): a copy, see
        :meth:`update_org` to change it.

        >>> b = CorpusBuilder()
        >>> _ = b.add_org("org:t:a", "PIC 1", "firm")
        >>> b.update_org("org:t:a", name="Acme", city="Oslo")
        >>> {k: b.org("org:t:a")[k] for k in ("name", "sector", "city")}
        {'name': 'Acme', 'sector': 'firm', 'city': 'Oslo'}
        >>> b.org("org:t:b") is None
        True
        """
        k = self._orgs.get(org_id)
        return None if k is None else self._org_rows.row(k, ORG_COLUMNS)

    def update_org(self, org_id: str, **fields) -> None:
        """Replace some fields (``name``, ``sector``, ``city`` …) of an organisation
        already added (the first description otherwise wins)."""
        unknown = set(fields) - set(ORG_COLUMNS[1:])
        if unknown:
            raise KeyError(f"not organisation fields: {sorted(unknown)}")
        self._org_rows.set(self._orgs[org_id], **fields)

    def add_org_id(self, org_id: str, scheme: str, value) -> None:
        """Record one source identifier of an organisation."""
        if value is not None and value != "":
            self._org_ids.add((org_id, scheme, str(value)))

    # -- people --------------------------------------------------------------------------
    def add_person_id(self, person_id: str, scheme: str, value) -> None:
        """Record one source identifier of a person (ORCID, ResearcherID …)."""
        if value is not None and value != "":
            self._person_ids.add((person_id, scheme, str(value)))

    def add_person(self, person_id: str, name=None, orcid=None) -> str:
        """Add a person unless the id is present (then only a missing ORCID is filled
        in); return the id."""
        k = self._people.get(person_id)
        if k is None:
            rows = self._people_rows
            self._people[person_id] = rows.n_closed + rows.n_open
            o = rows.open
            o["person_id"].append(person_id)
            o["name"].append(name)
            o["orcid"].append(orcid)
            rows.n_open += 1
        elif orcid:
            rows = self._people_rows
            if k >= rows.n_closed:  # in the open chunk (the common case): no lookup
                col = rows.open["orcid"]
                if not col[k - rows.n_closed]:
                    col[k - rows.n_closed] = orcid
            elif not rows.row(k, ["orcid"])["orcid"]:
                rows.set(k, orcid=orcid)
        return person_id

    def add_people(self, person_ids, names) -> None:
        """:meth:`add_person` for many people at once (no ORCIDs): the first name of
        an id wins. ``person_ids`` and ``names`` are lists or pyarrow string arrays.

        >>> b = CorpusBuilder()
        >>> b.add_people(["p1", "p2", "p1"], ["Ada", "Bo", "Ada L."])
        >>> b.to_corpus([]).people["name"].tolist()
        ['Ada', 'Bo']
        >>> _ = b.add_person("p3", "Cy"), b.add_person("p2", "B.", orcid="0000-0001")
        >>> b.to_corpus([]).people.values.tolist()
        [['p1', 'Ada', <NA>], ['p2', 'Bo', '0000-0001'], ['p3', 'Cy', <NA>]]
        """
        _add_block(self._people, self._people_rows, {"person_id": person_ids, "name": names},
                   person_ids)

    # -- participations ------------------------------------------------------------------
    def add_participation(self, event_id: str, *, org_id=None, person_id=None, role="other",
                          share=None, raw_affiliation=None) -> None:
        """Add one row of the incidence table."""
        rows = self._part_rows
        p = rows.open
        p["event_id"].append(event_id)
        p["org_id"].append(org_id)
        p["person_id"].append(person_id)
        p["role"].append(role)
        p["share"].append(share)
        p["raw_affiliation"].append(raw_affiliation)
        rows.n_open += 1

    def add_participation_rows(self, event_id: str, rows, role: str) -> None:
        """:meth:`add_participation` for each ``(org_id, person_id, raw_affiliation)`` of
        ``rows`` (one event, one role): a record's participations in one call.

        >>> b = CorpusBuilder()
        >>> _ = b.add_event("pub:t:1", "publication"), b.add_org("org:t:a", "Univ A")
        >>> _ = b.add_person("per:t:1")
        >>> b.add_participation_rows("pub:t:1", [("org:t:a", "per:t:1", "Univ A")], "author")
        >>> b.to_corpus([]).participations[["org_id", "role"]].values.tolist()
        [['org:t:a', 'author']]
        """
        table = self._part_rows
        events, orgs, people, roles, shares, raws = table.open.values()
        for org_id, person_id, raw_affiliation in rows:
            events.append(event_id)
            orgs.append(org_id)
            people.append(person_id)
            roles.append(role)
            shares.append(None)
            raws.append(raw_affiliation)
        table.n_open += len(rows)

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
        cols = {"event_id": event_id, "org_id": org_id, "person_id": person_id,
                "raw_affiliation": raw_affiliation}
        cols = {c: v if isinstance(v, pa.Array) else pa.array(v, type=pa.large_string())
                for c, v in cols.items()}
        n = len(cols["event_id"])
        cols["role"] = pa.DictionaryArray.from_arrays(pa.array([0] * n, pa.int32()), [role])
        self._part_rows.add_chunk(cols, n)

    # -- the tables ------------------------------------------------------------------------
    def _participations_frame(self) -> pd.DataFrame:
        chunks, sizes = self._part_rows.columns()
        out = {}
        for c in PART_COLUMNS:
            if c == "share":
                out[c] = np.concatenate([
                    np.full(n, np.nan) if c not in ch else
                    pd.to_numeric(pd.Series(ch[c], dtype=object), errors="coerce")
                    .to_numpy("float64") for ch, n in zip(chunks, sizes, strict=True)]
                    or [np.zeros(0)])
                continue
            if c == "role" and (role := _roles(chunks)) is not None:
                out[c] = role
                continue
            out[c] = _strings([ch[c] for ch in chunks], sizes)
        return pd.DataFrame(out, columns=PART_COLUMNS)

    def _events_frame(self) -> pd.DataFrame:
        chunks, sizes = self._event_rows.columns()
        keys = {k for ch in chunks for k in ch}
        cols = EVENT_COLUMNS + sorted(keys - set(EVENT_COLUMNS))
        frame = {}
        kinds = [ch["kind"][0] if len(ch["kind"]) else None for ch in chunks]
        if all(k in _KIND_CODE for k in kinds if k is not None) and all(
                len(set(ch["kind"])) <= 1 for ch in chunks):
            frame["kind"] = pd.Categorical.from_codes(np.repeat(
                [_KIND_CODE.get(k, -1) for k in kinds], sizes).astype(np.int64),
                dtype=_KIND_DTYPE)
        for c in cols:
            if c not in frame:
                frame[c] = (_column([ch.get(c) for ch in chunks], sizes,
                                    canonical=c in EVENT_COLUMNS, text=c in _EVENT_TEXT)
                            if c in keys else _nulls(sum(sizes), _EVENT_TEXT.get(c)))
        return pd.DataFrame(frame, columns=cols)

    def _orgs_frame(self) -> pd.DataFrame:
        chunks, sizes = self._org_rows.columns()
        return pd.DataFrame({c: _column([ch.get(c) for ch in chunks], sizes, canonical=True)
                             for c in ORG_COLUMNS}, columns=ORG_COLUMNS)

    def _people_frame(self) -> pd.DataFrame:
        chunks, sizes = self._people_rows.columns()
        return pd.DataFrame({c: _strings([ch.get(c) for ch in chunks], sizes, pd.StringDtype())
                             for c in PEOPLE_COLUMNS}, columns=PEOPLE_COLUMNS)

    def to_corpus(self, ledgers: list[Ledger]) -> Corpus:
        """The Corpus of everything added, with the ledgers' accounting and quarantine."""
        while self.finalizers:
            self.finalizers.pop(0)()
        parts = self._participations_frame()
        events = self._events_frame()
        if not isinstance(events["year"].dtype, pd.Int64Dtype):
            events["year"] = pd.array(events["year"].tolist(), dtype="Int64")
        events["amount"] = pd.to_numeric(events["amount"], errors="coerce").astype("float64")
        orgs = self._orgs_frame()
        orgs["founded_year"] = pd.array(orgs["founded_year"].tolist(), dtype="Int64")
        for c in ("lat", "lon"):
            orgs[c] = pd.to_numeric(orgs[c], errors="coerce").astype("float64")
        org_ids = pd.DataFrame(sorted(self._org_ids), columns=["org_id", "scheme", "value"])
        person_ids = pd.DataFrame(sorted(self._person_ids),
                                  columns=["person_id", "scheme", "value"])
        return Corpus(
            organizations=orgs, org_ids=org_ids, people=self._people_frame(),
            person_ids=person_ids, events=events, participations=parts, quarantine=quarantine_table(ledgers),
            accounting=accounting_table(ledgers),
        )


def _add_block(index: dict, rows: _Chunks, chunk: dict, ids) -> np.ndarray:
    """Add the rows of ``chunk`` whose id (``ids``: a list or a pyarrow array) is new,
    in order, as one chunk of ``rows``; which of them were added."""
    id_list = ids.to_pylist() if isinstance(ids, pa.Array) else ids
    mask = _claim(index, id_list, len(rows))
    keep = None if mask.all() else np.flatnonzero(mask).tolist()
    if keep is not None:
        taken = pa.array(keep, type=pa.int64())
        chunk = {c: v.take(taken) if isinstance(v, pa.Array) else [v[i] for i in keep]
                 for c, v in chunk.items()}
    n = len(id_list) if keep is None else len(keep)
    if n:
        rows.add_chunk(chunk, n)
    return mask


_ROLE_DTYPE = pd.CategoricalDtype(list(ROLES), ordered=False)
_ROLE_CODE = {r: i for i, r in enumerate(ROLES)}


def _claim(table: dict, ids: list, start: int) -> np.ndarray:
    """Enter the ids that ``table`` lacks, numbering their rows from ``start`` in
    order; which of ``ids`` were entered (the first of repeated ids only).

    >>> t = {"a": 0}
    >>> _claim(t, ["b", "a", "b", "c"], 1).tolist(), t
    ([True, False, False, True], {'a': 0, 'b': 1, 'c': 2})
    """
    fresh = dict.fromkeys(ids)
    if len(fresh) == len(ids) and table.keys().isdisjoint(fresh):
        table.update(zip(ids, range(start, start + len(ids)), strict=True))  # all new: no loop
        return np.ones(len(ids), dtype=bool)
    entered = np.zeros(len(ids), dtype=bool)
    for i, x in enumerate(ids):
        if x not in table:
            table[x] = start
            start += 1
            entered[i] = True
    return entered


def _strings(chunks: list, sizes: list[int], dtype=None):
    """A text column from its chunks (lists of ``str``/``None``, pyarrow arrays, or
    ``None`` for a chunk without the column): pandas text of ``dtype`` (default: the
    inferred ``str``); the Python values when a chunk holds something else."""
    try:
        arrays = [pa.array(ch, type=pa.large_string()) if isinstance(ch, list) else
                  pa.nulls(n, pa.large_string()) if ch is None else ch.cast(pa.large_string())
                  for ch, n in zip(chunks, sizes, strict=True)]
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # not all text: validation reports it
        return list(chain.from_iterable(
            ch.to_pylist() if isinstance(ch, pa.Array) else [None] * n if ch is None else ch
            for ch, n in zip(chunks, sizes, strict=True)))
    return pd.array(pa.chunked_array(arrays, type=pa.large_string()),
                    dtype=dtype or pd.StringDtype("pyarrow", na_value=np.nan))


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
