"""OpenAlex works: JSON Lines (also ``.gz``), JSON arrays and saved API response pages.

Both schema generations are read: the 2022 one (``host_venue``,
``authorships[].raw_affiliation_string``) and the current one
(``primary_location``, ``authorships[].raw_affiliation_strings``,
``authorships[].affiliations``, ``institutions[].lineage``).

JSON Lines are split on ``\\n`` only (U+2028/U+2029 may occur inside strings) and
parsed one line at a time. JSON arrays and API pages (``{"meta": …, "results": […]}``)
are parsed incrementally, one work at a time, so memory follows the canonical
tables rather than the file.

Each work gives one ``events`` row (``pub:openalex:W…``), one ``people`` row per
author (``per:openalex:A…``, with ORCID), one ``organizations`` row per institution
(``org:openalex:I…``; ROR and OpenAlex ids in ``org_ids``; sector from the
institution ``type`` by :data:`OPENALEX_TYPE_SECTOR`, or from the name when the type
is null) and one ``participations`` row per author × institution, with the raw
affiliation string. An author without an institution still gets a participation
row (``org_id`` missing) so that nobody is lost.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netkit.errors import InputError, RecordError
from netkit.ingest.affiliations import org_key
from netkit.ingest.plan import EventRow, OrgRow, RecordPlan, load_record, part_row, person_row
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import (
    MAX_LINE_BYTES,
    decode_error,
    detect_encoding,
    head_bytes,
    open_binary,
    text_lines,
    universal_newlines,
)
from netkit.lexicon.ror_types import OPENALEX_TYPE_SECTOR
from netkit.lexicon.sectors import sector_from_name

if TYPE_CHECKING:  # the rows of a plan
    from netkit.ingest.plan import PartRow, PersonRow

__all__ = ["OPENALEX_TYPE_SECTOR", "JsonLine", "iter_json_documents", "jsonl_values",
           "openalex_sector", "plan_work", "read_works", "short_id", "strip_prefix"]

_OA = "https://openalex.org/"
_ID_RX = re.compile(r"^(?:https?://openalex\.org/)?([WAIwai]\d+)$")


def openalex_sector(type_: str | None, name: str | None) -> tuple[str, str]:
    """Sector and its rule for an OpenAlex/ROR institution type (name rules as fallback).

    Examples
    --------
    >>> openalex_sector("education", "Technical University of Berlin")
    ('university', 'openalex:type=education')
    >>> openalex_sector(None, "Siemens AG")
    ('firm', 'name:legal_form')
    >>> openalex_sector("funder", "Zorblax Fund")
    ('other', 'openalex:type=funder')
    """
    t = (type_ or "").strip().lower()
    if t in OPENALEX_TYPE_SECTOR:
        return OPENALEX_TYPE_SECTOR[t], f"openalex:type={t}"
    sector, rule = sector_from_name(name)
    if sector == "unknown" and t:
        return "other", f"openalex:type={t}"
    return sector, rule


_SHORT_CACHE: dict[tuple[str, str], str | None] = {}


def short_id(value, kind: str) -> str | None:
    """``https://openalex.org/W123`` → ``W123`` (``None`` if not an id of that kind).

    The answer is cached (ids of institutions and authors repeat) and interned.

    >>> short_id("https://openalex.org/i27", "I"), short_id("W1", "I")
    ('I27', None)
    """
    if not isinstance(value, str):
        return None
    key = (value, kind)
    hit = _SHORT_CACHE.get(key, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    m = _ID_RX.match(value.strip())
    out = None
    if m and m.group(1)[0].upper() == kind:
        out = sys.intern(m.group(1).upper())
    if len(_SHORT_CACHE) > 1_000_000:
        _SHORT_CACHE.clear()
    _SHORT_CACHE[key] = out
    return out


def strip_prefix(value, prefix: str) -> str | None:
    """A text id without its URL ``prefix`` (``None`` for no text).

    >>> strip_prefix(" https://ror.org/0abc ", "https://ror.org/"), strip_prefix(3, "x")
    ('0abc', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    return v[len(prefix):] if v.lower().startswith(prefix) else v


@lru_cache(maxsize=1 << 16)
def _org_id(iid: str) -> str:
    return sys.intern(f"org:openalex:{iid}")


@lru_cache(maxsize=1 << 16)
def _org_row(org_id: str, name: str | None, sector: str, rule: str, country: str | None,
             iid: str | None, ror: str | None) -> OrgRow:
    """An institution as works describe it (cached: institutions repeat across works)."""
    ids = (("openalex", iid), ("ror", ror)) if iid else (
        ("openalex", iid), ("ror", ror), ("name", name))
    return OrgRow(org_id, name, sector, rule, country, ids=ids)


def _text(value, what: str) -> str | None:
    """A text field: ``None``, a string, or a number written as text; else
    :class:`~netkit.errors.RecordError`."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise RecordError(f"{what} is not text: {json.dumps(value)[:60]}")


def _intern(text: str) -> str:
    """One string object per distinct id or affiliation text: the participations
    table repeats them, and memory should follow the distinct values."""
    return sys.intern(text)


def plan_work(work, origin: str | None = None) -> RecordPlan:
    """Check one work completely and plan the rows to add (nothing added yet);
    :class:`~netkit.errors.RecordError` says why a work cannot be loaded.

    >>> plan_work({"id": "https://openalex.org/W7", "publication_year": 2020}).event[:4]
    ('pub:openalex:W7', 'publication', 'openalex', 2020)
    >>> plan_work({"id": "W7", "authorships": "A. Berg"})
    Traceback (most recent call last):
    ...
    netkit.errors.RecordError: authorships is not a list
    """
    if not isinstance(work, dict):
        raise RecordError(f"expected a JSON object, got {type(work).__name__}")
    wid = short_id(work.get("id"), "W")
    if wid is None:
        raise RecordError("missing or invalid work id" if work.get("id") is None
                   else f"invalid work id {str(work.get('id'))[:80]!r}")
    year = work.get("publication_year")
    date = work.get("publication_date")
    if date is not None and not isinstance(date, str):
        raise RecordError(f"publication_date is not a string: {date!r}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        else:
            raise RecordError(f"publication_year is not an integer: {year!r}")
    if year is None and date and date[:4].isdigit():
        year = int(date[:4])
    title = _text(work.get("title") if work.get("title") is not None
                  else work.get("display_name"), "title")
    doi = strip_prefix(_text(work.get("doi"), "doi"), "https://doi.org/")
    authorships = work.get("authorships") or []
    if not isinstance(authorships, list):
        raise RecordError("authorships is not a list")
    ids = work.get("ids") if isinstance(work.get("ids"), dict) else {}
    pmid = _text(ids.get("pmid"), "pmid")
    event = EventRow(f"pub:openalex:{wid}", "publication", "openalex", year=year, date=date,
                     title=title, origin=origin, extra={"doi": doi, "pmid": pmid or None})
    orgs: list[OrgRow] = []
    people: list[PersonRow] = []
    parts: list[PartRow] = []
    for i, au in enumerate(authorships):
        if not isinstance(au, dict):
            raise RecordError(f"authorship {i} is not an object")
        author = au.get("author") or {}
        if not isinstance(author, dict):
            raise RecordError(f"authorship {i}: author is not an object")
        aid = short_id(author.get("id"), "A")
        person_id = _intern(f"per:openalex:{aid}" if aid else f"per:openalex:{wid}:{i + 1}")
        name = _text(author.get("display_name") or au.get("raw_author_name"), "author name")
        orcid = strip_prefix(_text(author.get("orcid"), "orcid"), "https://orcid.org/")
        people.append(person_row((person_id, name, orcid, ())))
        insts = au.get("institutions") or []
        if not isinstance(insts, list):
            raise RecordError(f"authorship {i}: institutions is not a list")
        raws = au.get("raw_affiliation_strings")
        if raws is None:
            old = au.get("raw_affiliation_string")
            raws = [old] if isinstance(old, str) and old else []
        if not isinstance(raws, list):
            raise RecordError(f"authorship {i}: raw_affiliation_strings is not a list")
        by_inst: dict[str, list[str]] = {}
        affiliations = au.get("affiliations") or []
        if not isinstance(affiliations, list):
            raise RecordError(f"authorship {i}: affiliations is not a list")
        for aff in affiliations:
            ids = aff.get("institution_ids") if isinstance(aff, dict) else None
            if isinstance(aff.get("raw_affiliation_string") if isinstance(aff, dict) else None,
                          str) and isinstance(ids, list):
                for iid in ids:
                    s = short_id(iid, "I")
                    if s:
                        by_inst.setdefault(s, []).append(aff["raw_affiliation_string"].strip())
        all_raw = "; ".join(r.strip() for r in raws if isinstance(r, str) and r.strip()) or None
        seen: set[str] = set()
        for j, inst in enumerate(insts):
            if not isinstance(inst, dict):
                raise RecordError(f"authorship {i}: institution {j} is not an object")
            iname = _text(inst.get("display_name"), "institution display_name")
            iid = short_id(inst.get("id"), "I")
            country = _text(inst.get("country_code"), "country_code") or None
            if iid:
                org_id = _org_id(iid)
            elif isinstance(iname, str) and iname.strip():
                org_id = f"org:openalex:{org_key(iname, country)}"
            else:
                continue  # an institution with neither id nor name tells nothing
            if org_id in seen:
                continue
            seen.add(org_id)
            sector, rule = openalex_sector(_text(inst.get("type"), "institution type"), iname)
            ror = strip_prefix(_text(inst.get("ror"), "ror"), "https://ror.org/")
            orgs.append(_org_row(org_id, iname or iid, sector, rule, country, iid, ror))
            raw = "; ".join(by_inst[iid]) if iid in by_inst else (
                all_raw if len(insts) == 1 or len(raws) <= 1 else None)
            raw = raw or all_raw
            parts.append(part_row((org_id, person_id, _intern(raw) if raw else None)))
        if not seen:
            parts.append(part_row((None, person_id, all_raw)))
    return RecordPlan(event, orgs, people, parts)


def _load_work(work, ctx: ReadContext, line: int | None, origin: str, raw: str | None) -> None:
    """Validate one work, then add its rows (or quarantine it / count a duplicate)."""
    load_record(ctx, line, raw if raw is not None else (
        lambda: json.dumps(work, ensure_ascii=False)[:4000]), plan_work, work, origin)


# --------------------------------------------------------------------------- containers

_WS = re.compile(r"[ \t\r\n\u2028\u2029\ufeff]*")
_DECODER = json.JSONDecoder()
_WORK_START = re.compile(r'\{\s*"id"\s*:\s*"https://openalex\.org/W\d+"')
"""Where a work object starts (OpenAlex writes its ``id`` first): after a damaged
work, reading resumes at the next match."""
_WORK_ID = re.compile(r'"id"\s*:\s*"https://openalex\.org/W\d+"')
_NEAR_END = 16  # an error this close to the end of the buffer may be a value cut short


class _Damaged:
    """A stretch of a JSON document that did not parse (quarantined as one record)."""

    def __init__(self, line: int, raw: str, reason: str) -> None:
        self.line, self.raw, self.reason = line, raw, reason


class _Stream:
    """Incremental JSON reader over a text file: values are decoded one at a time."""

    def __init__(self, fh: io.TextIOBase, chunk: int = 1 << 20) -> None:
        self.fh, self.chunk = fh, chunk
        self.buf, self.pos, self.line, self.eof = "", 0, 1, False

    def _fill(self, need: int | None = None) -> bool:
        if self.eof:
            return False
        data = self.fh.read(max(self.chunk, need or 0))
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + data
        self.pos = 0
        return True

    def _advance(self, end: int) -> None:
        self.line += self.buf.count("\n", self.pos, end)
        self.pos = end

    def peek(self) -> str:
        """The next non-blank character ('' at the end)."""
        while True:
            end = _WS.match(self.buf, self.pos).end()
            self._advance(end)
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def expect(self, ch: str) -> None:
        got = self.peek()
        if got != ch:
            raise json.JSONDecodeError(f"expected {ch!r}", self.buf, self.pos)
        self._advance(self.pos + 1)

    def value(self) -> tuple[object, int, str]:
        """Decode the next value; return it with its first line and its raw text.

        A syntax error is raised at once (the rest of the file is not read to find
        it), unless it may come from the value being cut by the end of the buffer; a
        value longer than :data:`~netkit.ingest.textio.MAX_LINE_BYTES` is an error too.
        """
        self.peek()
        start_line = self.line
        grow = self.chunk
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    raw = self.buf[self.pos:end]
                    self._advance(end)
                    return obj, start_line, raw
            except json.JSONDecodeError as exc:
                if self.eof or not (exc.msg.startswith("Unterminated string")
                                    or exc.pos >= len(self.buf) - _NEAR_END):
                    raise
            if len(self.buf) - self.pos > MAX_LINE_BYTES:
                raise json.JSONDecodeError(
                    f"a JSON value longer than {MAX_LINE_BYTES >> 20} MB", self.buf, self.pos)
            if not self._fill(grow):
                continue  # now at eof: decode once more, raising if incomplete
            grow *= 2

    def skip_to_work(self, reason: str, resume: bool = True) -> tuple[_Damaged, bool]:
        """Skip a damaged stretch up to the next work object (:data:`_WORK_START`).

        Returns the stretch as a :class:`_Damaged` record and whether a next work was
        found; when not (or not ``resume``), the rest of the file has been read and the
        reason says how many work ids it held (works lost).
        """
        line, head = self.line, self.buf[self.pos:self.pos + 2000]
        lost = 0
        start = self.pos + 1
        while True:
            m = _WORK_START.search(self.buf, start) if resume else None
            if m is not None:
                self._advance(m.start())
                return _Damaged(line, head, reason + "; reading resumed at the next work "
                                f"(line {self.line})"), True
            lost += len(_WORK_ID.findall(self.buf, start, max(start, len(self.buf) - 200)))
            keep = max(self.pos, len(self.buf) - 200)  # an id may straddle the cut
            self._advance(keep)
            start = self.pos
            if not self._fill():
                lost += len(_WORK_ID.findall(self.buf, start))
                self._advance(len(self.buf))
                tail = ("the rest of the file was not read" if not lost else
                        f"the rest of the file was not read: {lost} work id(s) in it lost")
                return _Damaged(line, head, f"{reason}; {tail}"), False


def _iter_array(st: _Stream) -> Iterator[tuple[object, int, str] | _Damaged]:
    """The items of a JSON array (``_Damaged`` for a stretch that did not parse, after
    which reading resumes at the next work; when there is none, :class:`_Ended`)."""
    st.expect("[")
    if st.peek() == "]":
        st._advance(st.pos + 1)
        return
    yield from _array_items(st)


def _array_items(st: _Stream, k: int = 0) -> Iterator[tuple[object, int, str] | _Damaged]:
    """The items of an array from the start of an item up to its closing ``]``."""
    while True:
        try:
            item = st.value()
        except json.JSONDecodeError as exc:
            what = ("truncated JSON" if st.eof and exc.pos >= len(st.buf) - _NEAR_END
                    else "unparsable JSON")
            damaged, more = st.skip_to_work(f"{what} after record {k} ({exc.msg})")
            yield damaged
            if not more:
                raise _Ended from None
            continue
        k += 1
        yield item
        ch = st.peek()
        if ch == ",":
            st._advance(st.pos + 1)
            continue
        if ch == "]":
            st._advance(st.pos + 1)
            return
        damaged, more = st.skip_to_work(f"unparsable JSON after record {k} "
                                        f"(expected ',' or ']', found {ch!r})")
        yield damaged
        if not more:
            raise _Ended


class _Ended(Exception):
    """The rest of the document was unreadable (already reported)."""


def iter_json_documents(stream: _Stream) -> Iterator[tuple[object, int, str] | _Damaged]:
    """Yield ``(work, line, raw)`` from a JSON array or an API page ``{"results": [...]}``.

    The ``results`` array is streamed; other keys (``meta``, ``group_by``) are skipped.
    A stretch that does not parse is yielded as a ``_Damaged`` record and reading
    resumes at the next work.
    """
    try:
        yield from _iter_document(stream)
    except _Ended:
        return


def _iter_document(stream: _Stream) -> Iterator[tuple[object, int, str] | _Damaged]:
    ch = stream.peek()
    if ch == "[":
        yield from _iter_array(stream)
    elif ch == "{":
        stream.expect("{")
        found = False
        while stream.peek() not in ("}", ""):
            key, _, _ = stream.value()
            stream.expect(":")
            if key == "results" and stream.peek() == "[":
                found = True
                yield from _iter_array(stream)
            elif key == "id" and not found:
                # a single work object, not a page: re-read is not possible here
                raise json.JSONDecodeError("single work object", stream.buf, stream.pos)
            else:
                stream.value()
            if stream.peek() == ",":
                stream._advance(stream.pos + 1)
        stream.expect("}")
        if not found:
            raise json.JSONDecodeError("no 'results' array in the JSON object", stream.buf,
                                       stream.pos)
    else:
        raise json.JSONDecodeError("expected '[' or '{'", stream.buf, stream.pos)
    if stream.peek() != "":
        raise json.JSONDecodeError("extra data after the JSON document", stream.buf, stream.pos)


def _head_text(head: bytes) -> str:
    enc = detect_encoding(head)
    if enc.startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    text = head.decode("utf-8" if enc == "utf-8-sig" else enc, errors="replace")
    return text.lstrip("\ufeff \t\r\n")


_SNIFF_LINES = 20
_SNIFF_BYTES = 16 << 20


def _is_jsonl(path: Path, encoding: str | None) -> bool:
    """True when the file is JSON Lines: one of its first non-blank lines (up to
    :data:`_SNIFF_LINES`, in the first 16 MB) is a whole JSON object written from the
    start of the line, or two of them are shaped like one (``{…}`` from the first
    column: damaged lines of JSON Lines, which a pretty-printed document never has).

    A file starting with ``[`` is a JSON array (streamed); in a pretty-printed object
    (an API page) no line is a whole object starting at the first column, so a bad
    first line does not turn JSON Lines into one unreadable document. Only the first
    bytes are read, so a compact array or page on one long line is never read whole.
    """
    head = head_bytes(path, _SNIFF_BYTES)
    enc = detect_encoding(head, encoding)
    if enc.lower().replace("_", "-").startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    text = head.decode("utf-8" if enc == "utf-8-sig" else enc, errors="replace")
    if universal_newlines(text):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(head) == _SNIFF_BYTES:
        lines.pop()  # cut short
    seen = shaped = 0
    for line in lines:
        s = line.lstrip("\ufeff").rstrip()
        if not s.strip():
            continue
        seen += 1
        if seen == 1 and s.lstrip().startswith("["):
            return False
        if s.startswith("{") and s.endswith("}") and len(s) > 2:
            shaped += 1
            if shaped >= 2:
                return True
            try:
                obj = json.loads(s)
            except ValueError:
                obj = None
            if isinstance(obj, dict) and obj:
                return True
        if seen >= _SNIFF_LINES:
            return False
    return False


class JsonLine(NamedTuple):
    """One JSON value of a JSON Lines file (a work, an institution …)."""

    line: int
    raw: str
    """The line's text (empty for an item of an API page: the page is the line)."""
    value: object
    """The parsed value, or the ``ValueError`` that says why the line is not JSON."""
    item: int | None = None
    """The 1-based place of the value in an API page's ``results``."""


def jsonl_values(path: Path, encoding: str | None) -> Iterator[JsonLine]:
    """The JSON values of a JSON Lines file, one per non-blank line; the ``results``
    of a line that is an API page (``{"meta": …, "results": […]}``) one by one.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = p.write_text('{"id": 1}\\n\\n{"results": [{"id": 2}, {"id": 3}]}\\n{bad\\n')
    >>> [(v.line, v.value, v.item) for v in jsonl_values(p, None)][:3]
    [(1, {'id': 1}, None), (3, {'id': 2}, 1), (3, {'id': 3}, 2)]
    >>> type(list(jsonl_values(p, None))[-1].value).__name__
    'JSONDecodeError'
    """
    for n, text in text_lines(path, encoding):
        s = text.strip().lstrip("\ufeff")
        if not s:
            continue
        try:
            obj = json.loads(s)
        except ValueError as exc:  # not JSON: the caller quarantines the line
            yield JsonLine(n, text, exc)
            continue
        if isinstance(obj, dict) and isinstance(obj.get("results"), list) and "id" not in obj:
            for k, value in enumerate(obj["results"], start=1):
                yield JsonLine(n, "", value, k)
        else:
            yield JsonLine(n, text, obj)


def _read_jsonl(path: Path, ctx: ReadContext) -> None:
    name = str(path)
    for n, raw, value, item in jsonl_values(path, ctx.encoding):
        ctx.ledger.seen()
        if isinstance(value, ValueError):
            ctx.ledger.quarantine(n, f"invalid JSON ({value.msg}, column {value.colno})"
                                  if isinstance(value, json.JSONDecodeError) else
                                  f"invalid JSON ({value})", raw)
            continue
        origin = f"{name}:{n}#{item}" if item else f"{name}:{n}"
        _load_work(value, ctx, n, origin, raw or None)


def _read_document(path: Path, ctx: ReadContext) -> None:
    name = str(path)
    k = 0

    def take(item) -> None:
        nonlocal k
        ctx.ledger.seen()
        if isinstance(item, _Damaged):
            ctx.ledger.quarantine(item.line, item.reason, item.raw)
            return
        k += 1
        work, line, raw = item
        _load_work(work, ctx, line, f"{name}#{k}", raw)

    with open_binary(path) as fh:
        head = fh.peek(4096) if hasattr(fh, "peek") else b""
        enc = detect_encoding(head, ctx.encoding)
        text = io.TextIOWrapper(fh, encoding=enc, newline=None)  # type: ignore[arg-type]
        st = _Stream(text)
        try:
            if st.peek() == "":
                return  # an empty file holds no records
            try:
                for item in iter_json_documents(st):
                    take(item)
            except json.JSONDecodeError as exc:
                # the frame around the works is damaged: resume at the next work, if any
                damaged, more = st.skip_to_work(f"unparsable JSON after record {k} ({exc.msg})")
                take(damaged)
                if more:
                    _read_rest(st, k, take)
        except UnicodeDecodeError as exc:
            err = decode_error(path, enc)
            if err is not None:
                raise err from exc
            raise InputError(f"not valid {enc} ({exc.reason})", file=name,
                             hint="the file uses another encoding: pass --encoding") from exc
        finally:
            text.detach()


def _read_rest(st: _Stream, k: int, take) -> None:
    """After damage outside the results array: read the works that follow as array
    items; what follows them must hold no work (else it is quarantined and counted)."""
    try:
        for item in _array_items(st, k):
            take(item)
    except _Ended:
        return
    line = st.line
    damaged, _ = st.skip_to_work("unparsable JSON after the works", resume=False)
    if "lost" in damaged.reason:
        take(_Damaged(line, damaged.raw, damaged.reason))


def read_works(path: str | Path, ctx: ReadContext) -> None:
    """Read one OpenAlex works file (JSON Lines, JSON array or API page) into ``ctx``.

    Parameters
    ----------
    path : path
        ``.jsonl``, ``.jsonl.gz``, ``.json`` (array or API response page).
    ctx : ReadContext
        Where rows go; ``ctx.ledger`` counts every work.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> import netkit as nk
    >>> work = {"id": "https://openalex.org/W1", "publication_year": 2020, "title": "T",
    ...         "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "Ada"},
    ...                          "institutions": [{"id": "https://openalex.org/I9",
    ...                                            "display_name": "Univ X", "type": "education",
    ...                                            "country_code": "NO", "ror": "https://ror.org/0abc"}]}]}
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "w.jsonl"
    >>> _ = p.write_text(json.dumps(work) + "\\n" + json.dumps(work) + "\\n")
    >>> c = nk.ingest.read(p)
    >>> c.organizations[["org_id", "sector", "country"]].values.tolist()
    [['org:openalex:I9', 'university', 'NO']]
    >>> c.accounting[["records_seen", "loaded", "duplicates"]].values.tolist()
    [[2, 1, 1]]
    """
    path = Path(path)
    if _is_jsonl(path, ctx.encoding):
        _read_jsonl(path, ctx)
    else:
        _read_document(path, ctx)


def _sniff(path: Path, head: bytes) -> bool:
    text = _head_text(head)
    if not text.startswith(("{", "[")):
        # JSON Lines whose first line is damaged: a later line starts a work
        lines = text.split("\n", _SNIFF_LINES)[1:_SNIFF_LINES]
        if not any(line.startswith('{"id": "https://openalex.org/W') for line in lines):
            return False
    return ('"https://openalex.org/W' in text or '"authorships"' in text) and (
        '"authorships"' in text or '"publication_year"' in text)


register(Format(
    name="openalex",
    kind="publication",
    sniff=_sniff,
    reader=read_works,
    description="OpenAlex works: JSON Lines (.gz), JSON array or API response page; "
                "2022 and current schema",
    priority=20,
))
