"""Scopus CSV, a block of records at a time: pyarrow parses, numpy and pyarrow plan.

The columnar path of :mod:`netkit.ingest.formats.scopus`. A block it cannot vouch for
is returned as ``None`` and read by the per-record path
(:mod:`netkit.ingest.formats.scopus_records`), whose rows it reproduces exactly.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from netkit.errors import RecordError
from netkit.ingest.affiliations_columnar import parse_affiliations
from netkit.ingest.columnar import (
    count_byte,
    drop_prefix,
    parse_csv_block,
    ranges,
    split_strip,
    starts_with,
    strip,
)
from netkit.ingest.formats.scopus_records import (
    entry_affiliations,
    org_of,
    plan_record,
    single_affiliation,
)
from netkit.ingest.registry import ReadContext

__all__ = ["read_blocks"]

_ASCII_EID = r"^[0-9A-Za-z_.\-]+$"  # a subset of _EID_RX that needs no stripping
_NO_AUTHOR_RE2 = r"^\[no author"


class _OrgTable:
    """The organisations of one file as integer codes, and the code of every distinct
    affiliation string seen so far, as columns, so that a block looks its strings up
    in one call and carries organisations as integers.

    New strings are parsed column-wise (:func:`~netkit.ingest.affiliations_columnar.parse_affiliations`);
    those it does not vouch for go through :func:`~netkit.ingest.formats.scopus_records.org_of` one by one. Either way a
    string gets the organisation :func:`~netkit.ingest.formats.scopus_records.org_of` gives it."""

    def __init__(self) -> None:
        self.ids: list[str] = []  # org id of each code
        self.codes: dict[str, int] = {}
        self.added = np.zeros(0, dtype=bool)  # added to the builder by _apply
        self._id_array = pa.array([], type=pa.large_string())
        self._index: dict[str, int] = {}  # position of each string seen so far
        self._code = np.zeros(1024, dtype=np.int64)  # code of each position (-1: none)
        # (name, sector, rule, country, city) of each position, one chunk per batch;
        # null where parse_affiliations did not vouch for the string (see describe)
        self._about: list[tuple[pa.Array, ...]] = []

    def code(self, org_id: str) -> int:
        """The code of an organisation id (a new one for an id not seen before)."""
        c = self.codes.get(org_id)
        if c is None:
            c = self.codes[org_id] = len(self.ids)
            self.ids.append(org_id)
        return c

    def lookup(self, distinct: pa.Array) -> np.ndarray:
        """The organisation code of each of the ``distinct`` strings (-1: none).

        The strings seen before are found in a dict (work in proportion to the block,
        not to the file); the new ones are parsed column-wise."""
        distinct = distinct.cast(pa.large_string())
        strings = distinct.to_pylist()
        index = self._index
        pos = np.fromiter((index.get(a, -1) for a in strings), dtype=np.int64,
                          count=len(strings))
        new = np.flatnonzero(pos < 0)
        if len(new):
            start = len(index)
            index.update((strings[i], start + k) for k, i in enumerate(new.tolist()))
            pos[new] = np.arange(start, start + len(new))
            codes = self._parse(distinct.take(new))
            if len(index) > len(self._code):
                grown = np.zeros(max(len(index), 2 * len(self._code)), dtype=np.int64)
                grown[:start] = self._code[:start]
                self._code = grown
            self._code[start:start + len(new)] = codes
        return self._code[pos]

    def describe(self, strings: list[str]) -> list[list]:
        """The names, sectors, rules, countries and cities of the organisations of the
        ``strings`` (each names one), as :func:`~netkit.ingest.formats.scopus_records.org_of` gives them."""
        index = self._index
        pos = np.array([index.get(a, -1) for a in strings], dtype=np.int64)
        taken = pa.array(pos, mask=pos < 0)
        about = [pa.chunked_array([b[j] for b in self._about], type=pa.large_string())
                 for j in range(5)]
        cols = [c.take(taken) for c in about]
        redo = np.flatnonzero(np.asarray(pc.is_null(cols[0])))
        cols = [c.to_pylist() for c in cols]
        for i in redo.tolist():
            org = org_of(strings[i]).org
            for col, v in zip(cols, (org.name, org.sector, org.sector_source, org.country,
                                     org.city), strict=True):
                col[i] = v
        return cols

    def _parse(self, strings: pa.Array) -> np.ndarray:
        cols = parse_affiliations(strings)
        codes = np.full(len(strings), -1, dtype=np.int64)
        ok = np.flatnonzero(cols.ok)
        if len(ok):
            take = pa.array(ok)
            ids = pc.binary_join_element_wise(
                pa.scalar("org:scopus:", pa.large_string()), cols.key.take(take),
                pa.scalar("|", pa.large_string()), cols.country.take(take).fill_null(""),
                pa.scalar("", pa.large_string()))
            encoded = pc.dictionary_encode(ids)
            code_of = np.array([self.code(i) for i in encoded.dictionary.to_pylist()],
                               dtype=np.int64)
            codes[ok] = code_of[encoded.indices.to_numpy()]
        self._about.append(tuple(c.cast(pa.large_string()) for c in (
            cols.organization, cols.sector, cols.rule, cols.country, cols.city)))
        rest = np.flatnonzero(~cols.ok)
        for i, a in zip(rest.tolist(), strings.take(rest).to_pylist(), strict=True):
            found = org_of(a)
            codes[i] = -1 if found is None else self.code(found.org.org_id)
        return codes

    def id_array(self) -> pa.Array:
        """The org id of every code as a string array."""
        if len(self._id_array) < len(self.ids):
            self._id_array = pa.concat_arrays([self._id_array, pa.array(
                self.ids[len(self._id_array):], type=pa.large_string())])
            self.added = np.concatenate(
                [self.added, np.zeros(len(self.ids) - len(self.added), dtype=bool)])
        return self._id_array


@dataclass
class _Plan:
    """What one block adds: per record (event fields, line) and flat rows tagged with
    their record (``rec``), in the order the per-record path would add them."""

    eids: pa.Array
    events: dict[str, pa.Array]  # year, title, doi, pmid
    lines: np.ndarray
    people_rec: np.ndarray
    people_id: pa.Array
    people_name: pa.Array
    part_rec: np.ndarray
    part_org: np.ndarray  # organisation code (_OrgTable), -1 for none
    part_person: pa.Array
    part_aff: pa.Array


def _take(arr: pa.Array, idx: np.ndarray) -> pa.Array:
    """``arr.take(idx)``, without a copy when ``idx`` takes every item in order."""
    if len(idx) == len(arr) and (not len(idx) or (idx[0] == 0 and bool(
            (np.diff(idx) == 1).all()))):
        return arr
    return arr.take(idx)


def _strings(values) -> pa.Array:
    """A large_string array from a pyarrow array or a list of str/None."""
    if isinstance(values, list):
        return pa.array(values, type=pa.large_string())
    return values.cast(pa.large_string())


def _none_if_empty(arr: pa.Array) -> pa.Array:
    """The strings, null for empty ones (``get(...) or None``)."""
    return pc.if_else(pc.equal(arr, ""), pa.scalar(None, arr.type), arr)


def _full_names(tokens: pa.Array) -> tuple[pa.Array, pa.Array, np.ndarray]:
    """(name, id, ok) of ``Name (digits)`` tokens as :func:`_full_name` reads them; ``ok``
    is false where the token is not of that form with ASCII digits (the record then
    goes through :func:`~netkit.ingest.formats.scopus_records.plan_record`).

    >>> name, ids, ok = _full_names(pa.array(["Hao, Jie (5722)", "X (1) (2)", "Y (a)", "()"]))
    >>> name.to_pylist(), ids.to_pylist(), ok.tolist()
    (['Hao, Jie', 'X (1)', '', ''], ['5722', '2', '', ''], [True, True, False, False])
    """
    closed = pc.ends_with(tokens, ")")
    inner = pc.utf8_slice_codeunits(tokens, 0, -1)
    head = pc.utf8_rtrim(inner, characters="0123456789")
    n_digits = pc.subtract(pc.binary_length(inner), pc.binary_length(head)).to_numpy()
    ok = (closed.to_numpy(zero_copy_only=False) & (n_digits > 0)
          & pc.ends_with(head, " (").to_numpy(zero_copy_only=False))
    n_head = pc.binary_length(head).to_numpy()
    ids = drop_prefix(inner, np.where(ok, n_head, pc.binary_length(inner).to_numpy()))
    name = strip(pc.utf8_slice_codeunits(pc.if_else(pa.array(ok), head, ""), 0, -2))
    return name, ids, ok


def _record_lines(table: pa.Table, first: int, n_lines: int, all_columns) -> np.ndarray | None:
    """The first line of every record, or ``None`` if the records do not account for
    the block's ``n_lines`` lines exactly (a quote left open at the end).

    ``table`` holds the last column at least; ``all_columns()`` parses every column
    when line ends inside values must be counted."""
    n = table.num_rows
    if n == n_lines and not any(
            "\n" in v for v in table.slice(n - 1).to_pylist()[0].values()):
        # a quote left open swallows the last line end into the last field (the last
        # column: one opened earlier would have taken the delimiters that follow)
        return first + np.arange(n, dtype=np.int64)
    table = all_columns()
    if table is None or table.num_rows != n:
        return None
    inner = np.zeros(n, dtype=np.int64)
    for col in table.columns:
        inner += pc.count_substring(col, "\n").to_numpy()
    if n + int(inner.sum()) != n_lines:
        return None
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(inner[:-1] + 1, out=starts[1:])
    return first + starts


def _block_plan(block: bytes | memoryview, first: int, n_lines: int, header: list[str],
                columns: dict[str, int], delim: str, orgs: _OrgTable) -> _Plan | None:
    """Plan the records of one block column-wise, or ``None`` when the block must be
    read record by record (see :func:`read_scopus`)."""
    if (count_byte(block, b"\r") or count_byte(block, b"\x00")
            or bytes(block[:3]) == codecs.BOM_UTF8):
        return None  # Python's csv and pyarrow differ on bare CR and NUL
    needed = sorted({columns[c] for c in _PLAN_COLUMNS if c in columns} | {len(header) - 1})
    table = parse_csv_block(block, len(header), delim, needed)
    if table is None or table.num_rows == 0:
        return None
    lines = _record_lines(table, first, n_lines,
                          lambda: parse_csv_block(block, len(header), delim))
    if lines is None:
        return None
    n = table.num_rows
    empty = pa.nulls(n, pa.large_string()).fill_null("")

    def col(name: str) -> pa.Array | None:
        i = columns.get(name)
        return None if i is None else table.column(f"c{i}").combine_chunks()

    def np_bool(arr) -> np.ndarray:
        return arr.to_numpy(zero_copy_only=False).astype(bool)

    eid = col("EID")
    if pc.any(pc.equal(strip(eid), "EID")).as_py():
        return None  # a repeated header: the per-record path knows what to do
    vec = np_bool(pc.match_substring_regex(eid, _ASCII_EID))
    year, pyear = col("Year"), col("Publication Year")
    year4 = (np_bool(pc.match_substring_regex(year, r"^[0-9]{4}$")) if year is not None
             else np.zeros(n, dtype=bool))
    no_year = np.ones(n, dtype=bool)
    for y in (year, pyear):
        if y is not None:
            no_year &= np_bool(pc.equal(y, ""))
    vec &= year4 | no_year

    # people: from "Author full names" when every entry carries an id, else "Authors"
    authors = strip(col("Authors") or empty)
    no_author = np_bool(pc.or_(pc.equal(authors, ""), pc.match_substring_regex(
        authors, _NO_AUTHOR_RE2, ignore_case=True)))
    commas = pc.replace_substring(authors, ",", ";")
    authors = pc.if_else(pc.match_substring(authors, ";"), authors, commas)
    short = split_strip(pc.if_else(pa.array(no_author), "", authors), ";")
    full_col = col("Author full names")
    full = split_strip(full_col if full_col is not None else empty, ";")
    full_name, full_id, good = _full_names(full.values)
    bad_token = ~good
    vec &= np.bincount(full.parent[bad_token], minlength=n) == 0
    has_full = full.counts > 0
    id1, id2 = col("Author(s) ID"), col("Author(s) Id")
    if id1 is None:
        ids_raw = id2 if id2 is not None else empty
    else:
        ids_raw = id1 if id2 is None else pc.if_else(pc.equal(id1, ""), id2, id1)
    if has_full.any():  # those records take their ids from "Author full names"
        ids_raw = pc.if_else(pa.array(has_full), "", ids_raw)
    ids = split_strip(ids_raw, ";")
    n_people = np.where(has_full, full.counts, short.counts)
    vec &= np.where(has_full, True, ids.counts == short.counts)

    take_full = np.flatnonzero((has_full & vec)[full.parent])
    take_short = np.flatnonzero((~has_full & vec)[short.parent])
    take_ids = np.flatnonzero((~has_full & vec)[ids.parent])
    p_rec = np.concatenate([full.parent[take_full], short.parent[take_short]])
    p_pos = np.concatenate([full.pos[take_full], short.pos[take_short]])
    p_name = pa.concat_arrays([_strings(_take(full_name, take_full)),
                               _strings(_take(short.values, take_short))])
    p_key = pa.concat_arrays([_strings(_take(full_id, take_full)),
                              _strings(_take(ids.values, take_ids))])
    order = np.lexsort((p_pos, p_rec))
    p_rec, p_pos = p_rec[order], p_pos[order]
    p_name, p_key = _take(p_name, order), _take(p_key, order)
    p_id = pc.binary_join_element_wise(pa.scalar("per:scopus:", pa.large_string()), p_key,
                                       pa.scalar("", pa.large_string()))
    p_start = np.zeros(n, dtype=np.int64)
    np.cumsum(np.bincount(p_rec, minlength=n)[:-1], out=p_start[1:])
    p_count = np.bincount(p_rec, minlength=n)

    # affiliations of each record, and the organisation of each distinct string
    affs = split_strip(col("Affiliations") or empty, ";")
    cleared = np.zeros(n, dtype=bool)
    no_aff = np_bool(pc.match_substring_regex(affs.values, _NO_AUTHOR_RE2, ignore_case=True))
    cleared[affs.parent[no_aff & (affs.pos == 0)]] = True
    keep = np.flatnonzero(~cleared[affs.parent])
    a_val, a_rec, a_pos = _take(affs.values, keep), affs.parent[keep], affs.pos[keep]
    encoded = pc.dictionary_encode(a_val)
    distinct = encoded.dictionary
    a_code = encoded.indices.to_numpy()
    org_code = orgs.lookup(distinct)  # of each distinct string

    # "Authors with affiliations": the author of entry i is person i
    entries = split_strip(col("Authors with affiliations") or empty, ";")
    entry_mode = (entries.counts > 0) & (entries.counts == n_people)
    sel = np.flatnonzero((entry_mode & vec)[entries.parent])
    e_val, e_rec, e_pos = _take(entries.values, sel), entries.parent[sel], entries.pos[sel]
    fast = np.zeros(len(sel), dtype=bool)
    e_code = np.full(len(sel), -1, dtype=np.int64)
    with_short = np.flatnonzero(e_pos < short.counts[e_rec])
    if len(with_short) and len(distinct):
        s_val = short.values.take(short.starts[e_rec[with_short]] + e_pos[with_short])
        e_sub = _take(e_val, with_short)
        sw = starts_with(e_sub, s_val)
        cut = np.where(sw, pc.binary_length(s_val).to_numpy(), 0)
        rest = pc.utf8_ltrim(drop_prefix(e_sub, cut), characters=" ,")
        code = np.asarray(pc.index_in(rest, value_set=distinct).fill_null(-1))
        k = len(distinct)
        pairs = np.sort(a_rec * k + a_code)  # (record, affiliation) pairs present
        want = e_rec[with_short] * k + code
        at = np.minimum(np.searchsorted(pairs, want), len(pairs) - 1)
        found = (code >= 0) & (pairs[at] == want)
        fast[with_short] = sw & found
        e_code[with_short] = code

    rows: list[tuple] = []  # (rec, pos, sub, org code, person index, affiliation)
    slow = np.flatnonzero(~fast)
    if len(slow):
        a_list, e_list = a_val.to_pylist(), e_val.take(slow).to_pylist()
        a_start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(a_rec, minlength=n), out=a_start[1:])
        lo_hi = zip(a_start[e_rec[slow]].tolist(), a_start[e_rec[slow] + 1].tolist(),
                    strict=True)
        for k, entry, (lo, hi) in zip(slow.tolist(), e_list, lo_hi, strict=True):
            j = single_affiliation(entry, a_list, lo, hi)
            if j >= 0:  # the entry names one affiliation of its record: as a fast one
                fast[k], e_code[k] = True, a_code[j]
                continue
            r, i = int(e_rec[k]), int(e_pos[k])
            seen: set[str] = set()
            for sub, a in enumerate(entry_affiliations(entry, a_list[lo:hi])[1]):
                found = org_of(a)
                if found is None or found.org.org_id in seen:
                    continue
                seen.add(found.org.org_id)
                rows.append((r, i, sub, orgs.code(found.org.org_id), int(p_start[r]) + i,
                             found.affiliation))

    fast_idx = np.flatnonzero(fast)
    f_org = org_code[e_code[fast_idx]] if len(fast_idx) else np.zeros(0, dtype=np.int64)
    fast_idx, f_org = fast_idx[f_org >= 0], f_org[f_org >= 0]
    plain = np.flatnonzero((~entry_mode & vec)[a_rec])
    plain = plain[org_code[a_code[plain]] >= 0]
    f_rec, f_pos = e_rec[fast_idx], e_pos[fast_idx]
    f_person = p_start[f_rec] + f_pos
    r_rec, r_pos, r_sub, r_org, r_person = (np.array([r[j] for r in rows], dtype=np.int64)
                                            for j in range(5))
    unlinked = _unlinked(p_rec, p_start, p_count, p_id, np.concatenate([f_person, r_person]))

    part_rec = np.concatenate([f_rec, a_rec[plain], r_rec, p_rec[unlinked]])
    group = np.concatenate([np.zeros(len(part_rec) - len(unlinked), dtype=np.int8),
                            np.ones(len(unlinked), dtype=np.int8)])
    pos = np.concatenate([f_pos, a_pos[plain], r_pos, p_pos[unlinked]])
    sub = np.concatenate([np.zeros(len(fast_idx) + len(plain), dtype=np.int64), r_sub,
                          np.zeros(len(unlinked), dtype=np.int64)])
    part_org = np.concatenate([f_org, org_code[a_code[plain]], r_org,
                               np.full(len(unlinked), -1, dtype=np.int64)])
    part_person = pa.concat_arrays([
        p_id.take(f_person), pa.nulls(len(plain), pa.large_string()), p_id.take(r_person),
        p_id.take(unlinked)])
    part_aff = pa.concat_arrays([
        distinct.take(e_code[fast_idx]), distinct.take(a_code[plain]),
        _strings([r[5] for r in rows]), pa.nulls(len(unlinked), pa.large_string())])

    # event fields; records the columns above did not vouch for go through plan_record
    events = {
        "year": (pc.cast(pc.if_else(pa.array(year4), year, None), pa.int64())
                 if year is not None else pa.nulls(n, pa.int64())),
        "title": _none_if_empty(strip(col("Title") or empty)),
        "doi": _none_if_empty(strip(col("DOI") or empty)),
        "pmid": _none_if_empty(strip(col("PubMed ID") or empty)),
    }
    extra = _python_plans(table, columns, np.flatnonzero(~vec), eid, events, orgs)
    if extra is None:
        return None
    if extra:
        part_rec = np.concatenate([part_rec, extra["part_rec"]])
        group = np.concatenate([group, np.zeros(len(extra["part_rec"]), dtype=np.int8)])
        pos = np.concatenate([pos, extra["part_pos"]])
        sub = np.concatenate([sub, np.zeros(len(extra["part_rec"]), dtype=np.int64)])
        part_org = np.concatenate([part_org, extra["part_org"]])
        part_person = pa.concat_arrays([part_person, _strings(extra["part_person"])])
        part_aff = pa.concat_arrays([part_aff, _strings(extra["part_aff"])])
        p_rec = np.concatenate([p_rec, extra["people_rec"]])
        p_pos = np.concatenate([p_pos, extra["people_pos"]])
        p_id = pa.concat_arrays([p_id, _strings(extra["people_id"])])
        p_name = pa.concat_arrays([p_name, _strings(extra["people_name"])])
        people_order = np.lexsort((p_pos, p_rec))
        p_rec, p_id, p_name = p_rec[people_order], p_id.take(people_order), p_name.take(
            people_order)
    order = np.lexsort((sub, pos, group, part_rec))
    return _Plan(extra.pop("eids", eid), events, lines, p_rec, p_id, p_name, part_rec[order],
                 part_org[order], _take(part_person, order), _take(part_aff, order))


def _unlinked(p_rec: np.ndarray, p_start: np.ndarray, p_count: np.ndarray, p_id: pa.Array,
              with_part: np.ndarray) -> np.ndarray:
    """The people (flat indices) who get a row of their own: those without a
    participation whose id no other author of the same record with one shares."""
    has = np.zeros(len(p_rec), dtype=bool)
    has[with_part] = True
    cand = np.flatnonzero(~has)
    if not len(cand):
        return cand
    recs = np.unique(p_rec[cand])
    idx = ranges(p_start[recs], p_count[recs])
    ids = dict(zip(idx.tolist(), p_id.take(idx).to_pylist(), strict=True))
    linked: dict[int, set] = {}
    for j in idx[has[idx]].tolist():
        linked.setdefault(int(p_rec[j]), set()).add(ids[j])
    keep = [k for k in cand.tolist() if ids[k] not in linked.get(int(p_rec[k]), ())]
    return np.array(keep, dtype=np.int64)


def _python_plans(table: pa.Table, columns: dict[str, int], which: np.ndarray,
                  eids: pa.Array, events: dict, orgs: _OrgTable) -> dict | None:
    """Run :func:`~netkit.ingest.formats.scopus_records.plan_record` on the records ``which``; ``None`` if one of them would be
    quarantined (the block is then read record by record, with raw text and line).
    Their event fields replace those in ``events``; the event ids of all records are
    returned as ``eids``."""
    if not len(which):
        return {}
    eid_list = eids.to_pylist()
    values = {key: events[key].to_pylist() for key in ("year", "title", "doi")}
    names = [c for c in _PLAN_COLUMNS if c in columns]
    picked = {c: table.column(f"c{columns[c]}").take(which).to_pylist() for c in names}
    out: dict[str, list] = {k: [] for k in ("part_rec", "part_pos", "part_org", "part_person",
                                            "part_aff", "people_rec", "people_pos", "people_id",
                                            "people_name")}
    for j, r in enumerate(which.tolist()):
        try:
            plan = plan_record({c: picked[c][j] for c in names})
        except RecordError:
            return None
        eid_list[r] = plan.event.event_id.removeprefix("pub:scopus:")
        values["year"][r] = plan.event.year
        values["title"][r] = plan.event.title
        values["doi"][r] = plan.event.extra["doi"]
        people, parts = plan.people, plan.parts
        for k, (org_id, pid, aff) in enumerate(parts):
            out["part_rec"].append(r)
            out["part_pos"].append(k)
            out["part_org"].append(-1 if org_id is None else orgs.code(org_id))
            out["part_person"].append(pid)
            out["part_aff"].append(aff)
        for k, (pid, name, *_) in enumerate(people):
            out["people_rec"].append(r)
            out["people_pos"].append(k)
            out["people_id"].append(pid)
            out["people_name"].append(name)
    for key, v in values.items():
        events[key] = pa.array(v, type=events[key].type)
    return {"eids": pa.array(eid_list, type=pa.large_string()), **{
        k: (np.array(v, dtype=np.int64) if k.endswith(("_rec", "_pos", "_org")) else v)
        for k, v in out.items()}}


_PLAN_COLUMNS = ("EID", "Year", "Publication Year", "Title", "DOI", "PubMed ID",
                 "Author full names", "Authors", "Author(s) ID", "Author(s) Id", "Affiliations",
                 "Authors with affiliations")
"""The columns :func:`~netkit.ingest.formats.scopus_records.plan_record` reads."""


def _apply(plan: _Plan, ctx: ReadContext, path: Path, orgs: _OrgTable,
           pending: list) -> None:
    """Add a planned block to the builder, as the per-record path would record by record
    (its people go to ``pending``, for :func:`_add_people`)."""
    b = ctx.builder
    prefix = f"{path}:"
    large = pa.large_string()
    event_of = pc.binary_join_element_wise(pa.scalar("pub:scopus:", large),
                                           plan.eids.cast(large), pa.scalar("", large))
    origins = pc.binary_join_element_wise(pa.scalar(prefix, large),
                                          pc.cast(pa.array(plan.lines), large),
                                          pa.scalar("", large))
    ev = plan.events
    new = b.add_events(event_of, "publication", source="scopus", year=ev["year"],
                       title=ev["title"], origin=origins, doi=ev["doi"],
                       pmid=ev["pmid"])
    n_new = int(new.sum())
    ctx.ledger.loaded(n_new)
    ctx.ledger.duplicate(len(new) - n_new)
    people = new[plan.people_rec]
    pending.append((plan.people_id.filter(people), plan.people_name.filter(people)))
    keep = np.flatnonzero(new[plan.part_rec])
    code = plan.part_org[keep]
    aff = _take(plan.part_aff, keep)
    ids = orgs.id_array()
    first_codes, firsts = np.unique(code, return_index=True)
    todo = first_codes >= 0
    todo[todo] = ~orgs.added[first_codes[todo]]
    firsts = np.sort(firsts[todo])  # the first row of each organisation, in order
    if len(firsts):
        new_codes = code[firsts]
        orgs.added[new_codes] = True
        name, sector, rule, country, city = orgs.describe(aff.take(firsts).to_pylist())
        b.add_orgs(ids.take(new_codes).to_pylist(), name, sector, rule, country=country,
                   city=[c or None for c in city])
    b.add_participations(event_of.take(plan.part_rec[keep]),
                         org_id=ids.take(pa.array(code, mask=code < 0)),
                         person_id=_take(plan.part_person, keep), role="author",
                         raw_affiliation=aff)


def read_blocks(blocks, records, header: list[str], delim: str, ctx: ReadContext,
                path: Path, block_size: int) -> None:
    """Read the records of a UTF-8 Scopus export after its header, block by block.

    ``blocks`` is a :class:`~netkit.ingest.columnar.ByteBlocks` over the file, positioned
    after the header; ``records`` the
    :class:`~netkit.ingest.formats.scopus_records.RecordReader` that reads, record by
    record, each block this path cannot vouch for.
    """
    columns = {name: i for i, name in enumerate(header)}  # the last of equal names wins
    orgs, pending = _OrgTable(), []
    while (got := blocks.block(block_size)) is not None:
        block, first, n_lines = got
        plan = (_block_plan(block, first, n_lines, header, columns, delim, orgs)
                if block else None)
        if plan is None:
            _add_people(pending, ctx.builder)
            records.run(blocks.lines(), first, until=first + n_lines - 1)
            continue
        blocks.commit(n_lines)
        ctx.ledger.seen(len(plan.lines))  # the records of the block, as parsed
        _apply(plan, ctx, path, orgs, pending)
    _add_people(pending, ctx.builder)


def _add_people(pending: list, builder) -> None:
    """Add the people of the blocks in ``pending`` (in order; the first name of an id
    wins), and empty it. Called before anything else adds people, so their order is
    that of the per-record path."""
    if not pending:
        return
    ids = pa.concat_arrays([p[0] for p in pending])
    names = pa.concat_arrays([p[1] for p in pending])
    pending.clear()
    encoded = pc.dictionary_encode(ids)  # codes in order of first appearance
    code = encoded.indices.to_numpy()
    firsts = np.flatnonzero(np.diff(np.maximum.accumulate(code), prepend=-1) > 0)
    if not np.array_equal(code[firsts], np.arange(len(encoded.dictionary))):
        _, firsts = np.unique(code, return_index=True)  # pragma: no cover - other order
        firsts.sort()
    builder.add_people(ids.take(firsts), names.take(firsts))
