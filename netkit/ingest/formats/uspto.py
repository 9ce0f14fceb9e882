"""USPTO patent-grant full-text XML (the weekly ``ipgYYMMDD.xml`` files, DTD v4.x).

A weekly file is many XML documents concatenated, each opening with its own
``<?xml …?>`` declaration. The reader splits the byte stream at each declaration
and parses one document at a time (memory stays at one document) with
:mod:`defusedxml`, which refuses entity declarations (billion laughs) and external
entities. A document that does not parse — a truncated last grant, a hostile
DTD — is quarantined with its first line; the rest of the file is read.

Per ``<us-patent-grant>``: event ``pat:uspto:<doc-number>`` (year and date of the
*filing*, ``application-reference``), assignees (``<orgname>`` → organisation with
role ``assignee``, sector from the USPTO type code ``<role>`` and the name rules;
individuals → people), inventors (``<inventors>`` in ``<us-parties>`` or ``<parties>``,
else ``applicant-inventor`` applicants of the v4.0–4.2 layouts) → people with role
``inventor`` and no organisation (the XML does not link inventors to assignees).
Other documents (sequence listings ``<sequence-cwu>``…) are set aside with a reason.

Examples
--------
>>> import netkit as nk, pathlib, tempfile
>>> doc = (b'<?xml version="1.0" encoding="UTF-8"?>\\n<us-patent-grant><us-bibliographic-data-grant>'
...        b'<publication-reference><document-id><doc-number>07000001</doc-number><kind>B2</kind>'
...        b'<date>20060214</date></document-id></publication-reference><application-reference>'
...        b'<document-id><doc-number>10001</doc-number><date>20030109</date></document-id>'
...        b'</application-reference><invention-title>Widget</invention-title><assignees><assignee>'
...        b'<addressbook><orgname>Acme Widgets Inc.</orgname><role>02</role><address>'
...        b'<city>Austin</city><state>TX</state><country>US</country></address></addressbook>'
...        b'</assignee></assignees></us-bibliographic-data-grant></us-patent-grant>\\n')
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ipg060214.xml"
>>> _ = path.write_bytes(doc + doc.replace(b"07000001", b"07000002"))
>>> c = nk.ingest.read(path)
>>> c.events[["event_id", "year", "date"]].values.tolist()
[['pat:uspto:07000001', 2003, '2003-01-09'], ['pat:uspto:07000002', 2003, '2003-01-09']]
>>> c.organizations[["org_id", "sector", "sector_source"]].values.tolist()
[['org:uspto:acme-widgets-inc', 'firm', 'uspto:role=02']]
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as DET

from netkit.errors import RecordError
from netkit.ingest.formats._tabular import parse_date, slug
from netkit.ingest.plan import quarantine_bad
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import (
    MAX_LINE_BYTES,
    binary_lines,
    detect_encoding,
    open_binary,
    text_lines,
)
from netkit.lexicon.source_sectors import assignee_sector

__all__ = ["iter_documents", "person_id", "read_uspto"]


SOURCE = "uspto"
_DECL = b"<?xml"


def _sniff(path: Path, head: bytes) -> bool:
    if detect_encoding(head).startswith("utf-16"):
        head = head[:8192 // 2 * 2].decode("utf-16", "replace").encode()
    start = head.lstrip().lstrip(codecs.BOM_UTF8)[:4096]
    return start.startswith((_DECL, b"<us-patent-grant")) and b"us-patent-grant" in start


_ENCODING_DECL = re.compile(rb"^(<\?xml[^>]*?)\s+encoding\s*=\s*([\"'])[^\"']*\2")


def _lines(path: Path, encoding: str | None) -> Iterator[tuple[bytes, bool]]:
    """The lines of a weekly file as UTF-8 bytes, and whether they were transcoded
    (UTF-16 files, or a declared ``encoding``, are decoded and re-encoded)."""
    with open_binary(path) as fh:
        enc = detect_encoding(fh.peek(4096), encoding)
        if not (enc.startswith("utf-16") or encoding):
            for line in binary_lines(fh, path):
                yield line, False
            return
    for _, text in text_lines(path, enc):
        yield text.encode("utf-8") + b"\n", True


def iter_documents(path: str | Path, encoding: str | None = None
                   ) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(first_line, document_bytes)`` for each XML document of a weekly file.

    A declaration that starts in the middle of a line (the document before it was cut
    short) still starts a new document. UTF-16 files are read as text and handed out as
    UTF-8 (their declarations lose the ``encoding`` they no longer have). A document
    longer than :data:`~netkit.ingest.textio.MAX_LINE_BYTES` is handed out as ``None``
    (not kept in memory).
    """
    path = Path(path)
    parts: list[bytes] = []
    size = 0
    start = 1
    recoded = False

    def document() -> bytes | None:
        if size > MAX_LINE_BYTES:
            return None
        doc = b"".join(parts)
        return _ENCODING_DECL.sub(rb"\1", doc, count=1) if recoded else doc

    for n, (line, utf8) in enumerate(_lines(path, encoding), start=1):
        recoded = utf8
        pos = line.find(_DECL)
        while pos != -1:
            if pos > 0:
                parts.append(line[:pos])
            if size > MAX_LINE_BYTES or _content(parts):
                yield start, document()
            parts, start, size = [], n, 0
            line = line[pos:]
            pos = line.find(_DECL, 1)
        size += len(line)
        if size <= MAX_LINE_BYTES:
            parts.append(line)
        else:
            parts = [b"<too long>"]
    if size > MAX_LINE_BYTES or _content(parts):
        yield start, document()


def _content(parts: list[bytes]) -> bool:
    """True unless the lines hold only white space and byte-order marks."""
    return any(p.replace(codecs.BOM_UTF8, b"").strip() for p in parts)


def _text(el: Element | None, path: str) -> str | None:
    if el is None:
        return None
    found = el.find(path)
    if found is None:
        return None
    text = "".join(found.itertext()).strip()
    return " ".join(text.split()) or None


def person_id(source: str, last: str | None, first: str | None, country: str | None) -> str:
    """The id of a person known only by name: ``per:<source>:<last-first>[:<country>]``.

    >>> person_id("uspto", "Yin", "Hao Mai", "CN")
    'per:uspto:yin-hao-mai:cn'
    """
    key = slug(f"{last or ''} {first or ''}")
    return f"per:{source}:{key}" + (f":{country.lower()}" if country else "")


def _full_name(last: str | None, first: str | None) -> str:
    return ", ".join(p for p in (last, first) if p)


def _parse_grant(root: Element) -> dict:
    """The fields of one grant; :class:`~netkit.errors.RecordError` says why a grant
    cannot be loaded."""
    bib = root.find("us-bibliographic-data-grant")
    if bib is None:
        raise RecordError("no <us-bibliographic-data-grant>")
    pub = bib.find("publication-reference/document-id")
    number = _text(pub, "doc-number")
    if not number:
        raise RecordError("no publication doc-number")
    app = bib.find("application-reference/document-id")
    filing = _text(app, "date")
    if not filing:
        raise RecordError(f"patent {number}: no filing date (application-reference)")
    try:
        iso, year = parse_date(filing)
    except RecordError as exc:
        raise RecordError(f"patent {number}: filing {exc}") from None
    assignees = []
    for a in bib.iterfind(".//assignees/assignee"):
        book = a.find("addressbook")
        book = a if book is None else book
        org = _text(book, "orgname")
        last, first = _text(book, "last-name"), _text(book, "first-name")
        if not org and not (last or first):
            raise RecordError(f"patent {number}: assignee without a name")
        assignees.append({
            "org": org, "last": last, "first": first, "role": _text(book, "role"),
            "city": _text(book, "address/city"), "state": _text(book, "address/state"),
            "country": _text(book, "address/country"),
        })
    people = list(bib.iterfind(".//inventors/inventor"))
    if not people:
        people = [
            ap for tag in (".//applicants/applicant", ".//us-applicants/us-applicant")
            for ap in bib.iterfind(tag) if ap.get("app-type", "") == "applicant-inventor"
        ]
    inventors = []
    for inv in people:
        book = inv.find("addressbook")
        book = inv if book is None else book
        last, first = _text(book, "last-name"), _text(book, "first-name")
        if not (last or first):
            last = _text(book, "name") or _text(book, "orgname")
        if not (last or first):
            raise RecordError(f"patent {number}: inventor without a name")
        inventors.append({"last": last, "first": first, "city": _text(book, "address/city"),
                          "country": _text(book, "address/country")})
    return {
        "number": number, "kind": _text(pub, "kind"), "date": iso, "year": year,
        "title": _text(bib, "invention-title"), "assignees": assignees, "inventors": inventors,
    }


def _country(text: str | None) -> str | None:
    if text and len(text) == 2 and text.isalpha():
        return text.upper()
    return None


def _add_grant(g: dict, ctx: ReadContext, origin: str) -> bool:
    b = ctx.builder
    event_id = f"pat:{SOURCE}:{g['number']}"
    if not b.add_event(event_id, "patent", year=g["year"], date=g["date"], title=g["title"],
                       source=SOURCE, origin=origin):
        return False
    for a in g["assignees"]:
        country = _country(a["country"])
        what, sector, src = assignee_sector(a["role"], a["org"], SOURCE, "role")
        if a["org"] and what == "org":
            oid = f"org:{SOURCE}:{slug(a['org'])}"
            b.add_org(oid, a["org"], sector, src, country=country, region=a["state"],
                      city=a["city"])
            b.add_participation(event_id, org_id=oid, role="assignee", raw_affiliation=a["org"])
        else:
            name = a["org"] or _full_name(a["last"], a["first"])
            pid = person_id(SOURCE, a["last"] or a["org"], a["first"], country)
            b.add_person(pid, name)
            b.add_participation(event_id, person_id=pid, role="assignee", raw_affiliation=name)
    for inv in g["inventors"]:
        country = _country(inv["country"])
        pid = person_id(SOURCE, inv["last"], inv["first"], country)
        b.add_person(pid, _full_name(inv["last"], inv["first"]))
        place = ", ".join(p for p in (inv["city"], inv["country"]) if p) or None
        b.add_participation(event_id, person_id=pid, role="inventor", raw_affiliation=place)
    return True


def read_uspto(path: Path, ctx: ReadContext) -> None:
    """Read one USPTO weekly grant file into ``ctx.builder``; see the module docstring."""
    for line, data in iter_documents(path, ctx.encoding):
        ctx.ledger.seen()
        if data is None:
            ctx.ledger.quarantine(line, f"XML document longer than {MAX_LINE_BYTES >> 20} MB; "
                                  "not read", "(the document is not kept)")
            continue
        raw = data[:2000].decode("utf-8", "replace")
        try:
            root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                  forbid_external=True)
        except defusedxml.EntitiesForbidden:
            ctx.ledger.quarantine(line, "unsafe XML: entity declarations are refused "
                                  "(entity-expansion attack?)", raw)
            continue
        except (defusedxml.DefusedXmlException, ValueError) as exc:
            ctx.ledger.quarantine(line, f"unsafe XML refused: {type(exc).__name__}", raw)
            continue
        except ParseError as exc:
            ctx.ledger.quarantine(line, f"malformed XML document ({exc}); truncated?", raw)
            continue
        if root.tag != "us-patent-grant":
            ctx.ledger.quarantine(line, f"skipped: <{root.tag}> document is not a patent grant",
                                  raw[:300])
            continue
        grant = quarantine_bad(ctx.ledger, line, raw, _parse_grant, root)
        if grant is None:
            continue
        if _add_grant(grant, ctx, f"{path}:{line}"):
            ctx.ledger.loaded()
        else:
            ctx.ledger.duplicate()


register(Format(
    name="uspto-xml", kind="patent", sniff=_sniff, reader=read_uspto, priority=20,
    description="USPTO patent-grant full-text XML weekly files (v4.x, concatenated documents)",
))
