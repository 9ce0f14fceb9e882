"""Web of Science exports: tagged plain text and tab-delimited.

*Plain text* (``wos``): an ``FN``/``VR`` header (Thomson Reuters or Clarivate),
records of two-letter tags with continuation lines indented by three spaces, ``ER``
after each record and ``EF`` at the end. *Tab-delimited* (``wos-tab``): a header row
of tags, one record per row, no quoting; UTF-8 with or without BOM, or UTF-16.

Organisations come from ``C1``: ``[Author; Author] Org, Dept, City, Country`` (the
first part is the organisation, departments roll up to it, the country comes from
the address); the bracket prefix links authors to addresses. Where ``C3`` (the
"enhanced" organisation names of newer exports) is present, a ``C1`` organisation
takes the ``C3`` name it abbreviates. WoS gives no organisation type, so the sector
comes from the name rules (:func:`netkit.lexicon.sectors.sector_of_organization`). Records without
``C1`` fall back to the reprint address ``RP``.

Ids: events ``pub:wos:<UT without WOS:/ISI:>``, organisations
``org:wos:<normalised name>|<country>``, people ``per:wos:<normalised full name>`` (``…:<ORCID>`` when the OI field gives one).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from netkit.errors import RecordError
from netkit.ingest.affiliations import (
    name_key,
    org_key,
    parse_affiliation,
    split_outside_brackets,
)
from netkit.ingest.formats._tabular import header_index
from netkit.ingest.plan import EventRow, OrgRow, RecordPlan, load_record, part_row, person_row
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import MAX_LINE_BYTES, detect_encoding, text_lines
from netkit.lexicon.sectors import sector_of_organization

if TYPE_CHECKING:  # the rows of a plan
    from netkit.ingest.plan import PartRow, PersonRow

__all__ = ["match_enhanced", "parse_wos_record", "read_plaintext", "read_tabdelimited"]

_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_MULTI = frozenset({"AU", "AF", "C1", "CR", "BE", "BF", "CA", "GP"})
_MONTH_TEXT = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC"
_MONTHS = {m: i for i, m in enumerate(_MONTH_TEXT.split(), start=1)}
_LEGAL_TEXT = "inc corp co ltd llc gmbh ag sa spa plc bv nv ab as asa oy oyj aps kk srl sas se"
_LEGAL = frozenset(_LEGAL_TEXT.split())
_STOP_TEXT = "of the and & de des du la le der die für fur d di y e et at in for"
_STOP = frozenset(_STOP_TEXT.split())


# ----------------------------------------------------------------------------- C1 / C3

def _tokens(name: str, drop: frozenset) -> list[str]:
    return [t for t in name_key(name).split() if t not in drop]


def _abbreviates(short: str, word: str) -> bool:
    """``short`` is a WoS abbreviation of ``word``: same first letter, letters in order."""
    if not short or not word or short[0] != word[0]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def match_enhanced(c1_org: str, c3_names: list[str]) -> str | None:
    """The ``C3`` name that a ``C1`` organisation abbreviates, if one clearly does.

    Examples
    --------
    >>> match_enhanced("Huazhong Univ Sci & Technol", ["Huazhong University of Science & Technology", "ZTE"])
    'Huazhong University of Science & Technology'
    >>> match_enhanced("ZTE Corp", ["Huazhong University of Science & Technology", "ZTE"])
    'ZTE'
    >>> match_enhanced("Natl Inst Hlth", ["National Institutes of Health (NIH) - USA"])
    'National Institutes of Health (NIH) - USA'
    >>> match_enhanced("Univ Michigan", ["Michigan State University"]) is None
    True
    """
    short = _tokens(c1_org, _STOP | _LEGAL) or _tokens(c1_org, _STOP)
    best, best_score = None, 0.0
    for cand in c3_names:
        long = _tokens(cand, _STOP)
        if not short or not long or not _abbreviates(short[0], long[0]):
            continue
        j = matched = 0
        for s in short:
            k = j
            while k < len(long) and not _abbreviates(s, long[k]):
                k += 1
            if k < len(long):
                matched += 1
                j = k + 1
        score = matched / len(short)
        if score > best_score:
            best, best_score = cand, score
    return best if best_score >= 0.75 else None


_BRACKET = re.compile(r"^\[([^\]]*)\]\s*(.*)$")


def _split_c1(entry: str) -> tuple[list[str], str]:
    """``[A; B] Org, City, Country`` → (authors, address)."""
    m = _BRACKET.match(entry.strip())
    if m:
        return [a.strip() for a in m.group(1).split(";") if a.strip()], m.group(2).strip()
    return [], entry.strip()


# ----------------------------------------------------------------------------- a record

def _year(value: str | None) -> int | None:
    if not value:
        return None
    v = value.strip()
    if not re.fullmatch(r"\d{4}", v):
        raise RecordError(f"PY is not a year: {v[:40]!r}")
    return int(v)


def _date(year: int | None, pd_: str | None) -> str | None:
    if year is None or not pd_:
        return None
    m = re.match(r"^([A-Z]{3})\w*\s+(\d{1,2})$", pd_.strip().upper())
    if m and m.group(1) in _MONTHS:
        return f"{year:04d}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    return None


def _orcids(oi: str | None) -> dict[str, str]:
    out = {}
    for item in (oi or "").split(";"):
        if "/" in item:
            name, _, value = item.rpartition("/")
            if re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", value.strip()):
                out[name_key(name)] = value.strip()
    return out


def _researcher_ids(ri: str | None) -> dict[str, str]:
    """Name key → Web of Science ResearcherID of the RI field (``Berg, Kari/A-1234-2008``).

    >>> _researcher_ids("Berg, Kari/A-1234-2008; li/AAE-3627-2019; bad/123")
    {'berg kari': 'A-1234-2008', 'li': 'AAE-3627-2019'}
    """
    out = {}
    for item in (ri or "").split(";"):
        name, _, value = item.rpartition("/")
        if re.fullmatch(r"[A-Z]{1,3}-\d{4}-\d{4}", value.strip()) and name_key(name):
            out[name_key(name)] = value.strip()
    return out


def _person(key: str, name: str, orcids: dict[str, str], rids: dict[str, str]) -> PersonRow:
    """The person of a name key: id from the ORCID, else the ResearcherID, else the key."""
    orcid, rid = orcids.get(key), rids.get(key)
    return person_row((_person_id(key, orcid or rid), name, orcid,
                       (("orcid", orcid), ("researcherid", rid))))


def _person_id(key: str, orcid: str | None) -> str:
    """``per:wos:<name key>``, with ``:<ORCID>`` when the record's OI field gives one: a
    name key alone is shared by everyone so named (J. Smith), an ORCID is one person's.

    >>> _person_id("berg kari", None), _person_id("berg k", "0000-0002-1825-0097")
    ('per:wos:berg kari', 'per:wos:berg k:0000-0002-1825-0097')
    """
    return sys.intern(f"per:wos:{key}:{orcid}" if orcid else f"per:wos:{key}")


def parse_wos_record(fields: dict[str, list[str]], origin: str | None = None) -> RecordPlan:
    """Check one record (tag → values) and plan its rows: event, orgs, people, parts.

    Raises :class:`~netkit.errors.RecordError` (reason in the message) for a record
    that cannot be loaded.

    Examples
    --------
    >>> plan = parse_wos_record({"UT": ["WOS:1"], "PY": ["2020"], "AF": ["Berg, Kari"],
    ...                          "C1": ["[Berg, Kari] Univ Oslo, Oslo, Norway"]})
    >>> plan.event.event_id, [o.name for o in plan.orgs], plan.parts[0].person_id
    ('pub:wos:1', ['Univ Oslo'], 'per:wos:berg kari')
    """
    def one(tag: str) -> str | None:
        vals = fields.get(tag)
        text = " ".join(v.strip() for v in vals if v.strip()) if vals else ""
        return text or None

    def many(tag: str) -> list[str]:
        vals = fields.get(tag) or []
        out: list[str] = []
        for v in vals:
            out.extend(split_outside_brackets(v, ";") if tag == "C1" else
                       [p.strip() for p in v.split(";")])
        return [v for v in out if v]

    ut = one("UT")
    if not ut:
        raise RecordError("missing UT (accession number)")
    ut = re.sub(r"^(?:WOS|ISI):", "", ut.strip(), flags=re.IGNORECASE)
    if not re.fullmatch(r"[A-Za-z0-9.\-]+", ut):
        raise RecordError(f"invalid UT {ut[:60]!r}")
    year = _year(one("PY"))
    event = EventRow(f"pub:wos:{ut}", "publication", "wos", year=year,
                     date=_date(year, one("PD")), title=one("TI"), origin=origin,
                     extra={"doi": one("DI"), "pmid": one("PM")})
    full, short = many("AF"), many("AU")
    names = full or short
    orcids = _orcids(one("OI"))
    rids = _researcher_ids(one("RI"))  # the person's id: the ORCID, else the ResearcherID
    people: dict[str, PersonRow] = {}
    for n in names:
        k = name_key(n)
        if k:
            people.setdefault(k, _person(k, n, orcids, rids))
    # AU (short) spelling → AF key, for RP and brackets written with short names
    alias = {name_key(a): name_key(f) for a, f in zip(short, full, strict=False)} \
        if len(short) == len(full) else {}
    c3 = many("C3")
    entries = many("C1")
    if not entries and one("RP"):
        rp = one("RP") or ""
        m = re.match(r"^(.*?)\s*\((?:reprint|corresponding) author\),\s*(.*)$", rp)
        if m:
            entries = [f"[{m.group(1)}] {m.group(2)}"]
    orgs: dict[str, OrgRow] = {}
    parts: list[PartRow] = []
    linked: set[str] = set()
    plan: list[tuple[list[str], str, str]] = []
    for entry in entries:
        authors, address = _split_c1(entry)
        aff = parse_affiliation(address, org_first=True)
        if not aff.organization:
            continue
        enhanced = match_enhanced(aff.organization, c3) if c3 else None
        name = enhanced or aff.organization
        org_id = sys.intern(f"org:wos:{org_key(aff.organization, aff.country)}")
        if org_id not in orgs:
            sector, rule = sector_of_organization(name)
            if sector == "unknown" and enhanced:
                sector, rule = sector_of_organization(aff.organization)
            orgs[org_id] = OrgRow(org_id, name, sector, rule, aff.country, city=aff.city,
                                  ids=(("name", aff.organization), ("wos_enhanced", enhanced)))
        plan.append((authors, org_id, address))
    for authors, org_id, address in plan:
        linked_names = authors
        if not authors and len(plan) == 1:  # one address, no brackets: everyone is there
            linked_names = [p[1] for p in people.values()]
        if not linked_names:
            parts.append(part_row((org_id, None, address)))
        for a in linked_names:
            k = name_key(a)
            if not k:
                continue
            if k not in people and alias.get(k) in people:
                k = alias[k]
            if k not in people:
                people[k] = _person(k, a, orcids, rids)
            linked.add(k)
            parts.append(part_row((org_id, people[k].person_id, sys.intern(address))))
    for k, person in people.items():
        if k not in linked:
            parts.append(part_row((None, person.person_id, None)))
    return RecordPlan(event, list(orgs.values()), list(people.values()), parts)


def _load(fields: dict[str, list[str]], ctx: ReadContext, line: int, origin: str,
          raw: str) -> None:
    load_record(ctx, line, raw, parse_wos_record, fields, origin)


# ----------------------------------------------------------------------------- plain text

def _plain_records(path: Path, encoding: str | None
                   ) -> Iterator[tuple[int, dict[str, list[str]] | None, str, str | None]]:
    """Yield ``(first_line, fields, raw, problem)`` per record of a tagged file."""
    fields: dict[str, list[str]] | None = None
    raw: list[str] = []
    start = 0
    tag = None
    problem: str | None = None
    size = 0
    skipping = False  # inside a record too long to keep, already yielded: up to its ER
    for n, text in text_lines(path, encoding):
        line = text.lstrip("\ufeff") if n == 1 else text
        if skipping:
            skipping = line.rstrip() not in ("ER", "EF")
            continue
        if fields is None:
            if not line.strip():
                continue
            m = _TAG.match(line.rstrip())
            if m and m.group(1) in ("FN", "VR"):
                continue
            if line.rstrip() == "EF":
                continue
            fields, raw, start, tag, problem, size = {}, [], n, None, None, 0
        raw.append(line)
        size += len(line) + 1
        stripped = line.rstrip()
        if size > MAX_LINE_BYTES and stripped not in ("ER", "EF"):
            yield start, fields, "\n".join(raw[:200]), (
                f"record longer than {MAX_LINE_BYTES >> 20} MB (no ER?); skipped to its ER")
            fields, skipping = None, True
            continue
        if stripped == "ER":
            yield start, fields, "\n".join(raw), problem
            fields = None
            continue
        if stripped == "EF":
            yield start, fields, "\n".join(raw[:-1]), "truncated record: EF before ER"
            fields = None
            continue
        if line.startswith("  ") and tag is not None:
            if tag in _MULTI:
                fields[tag].append(line.strip())
            else:
                fields[tag][-1] = f"{fields[tag][-1]} {line.strip()}"
            continue
        if not stripped:
            continue
        m = _TAG.match(stripped)
        if m is None:
            problem = problem or f"line {n} is neither a tag nor a continuation: {stripped[:60]!r}"
            continue
        tag = m.group(1)
        if tag in ("FN", "VR"):
            problem = problem or f"header tag {tag} inside a record (line {n}): missing ER"
            tag = None  # its continuation lines belong to no field
            continue
        fields.setdefault(tag, []).append(m.group(2) or "")
    if fields is not None:
        yield start, fields, "\n".join(raw), "truncated record: end of file before ER"


def read_plaintext(path: str | Path, ctx: ReadContext) -> None:
    r"""Read a WoS tagged plain-text export into ``ctx`` (see the module docstring).

    A record without ``ER`` before the end of the file, with a line that is neither a
    tag nor a continuation, without ``UT`` or with a ``PY`` that is not a year is
    quarantined with its first line and raw text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import netkit as nk
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "savedrecs.txt"
    >>> _ = p.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\n"
    ...                  "PT J\nAF Berg, Kari\nTI Title\n"
    ...                  "C1 [Berg, Kari] Univ Oslo, Dept Phys, Oslo, Norway.\n"
    ...                  "PY 2020\nUT WOS:000123\nER\n\nEF\n")
    >>> c = nk.ingest.read(p)
    >>> c.organizations[["name", "sector", "country", "city"]].values.tolist()
    [['Univ Oslo', 'university', 'NO', 'Oslo']]
    >>> c.participations[["event_id", "person_id"]].values.tolist()
    [['pub:wos:000123', 'per:wos:berg kari']]
    """
    path = Path(path)
    for start, fields, raw, problem in _plain_records(path, ctx.encoding):
        ctx.ledger.seen()
        if problem:
            ctx.ledger.quarantine(start, problem, raw)
            continue
        _load(fields or {}, ctx, start, f"{path}:{start}", raw)


# ----------------------------------------------------------------------------- tab-delimited

def read_tabdelimited(path: str | Path, ctx: ReadContext) -> None:
    r"""Read a WoS tab-delimited export (UTF-8 ± BOM, UTF-16) into ``ctx``.

    Rows are split on tabs with no quoting, as WoS writes them. A row with fewer
    fields than the header (truncated, or broken by a newline inside a field), a
    repeated header row, or a row without ``UT`` is quarantined. A header without a
    ``UT`` column raises :class:`~netkit.errors.InputError` ("missing column(s) 'UT'").

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import netkit as nk
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tab.txt"
    >>> _ = p.write_bytes("PT\tAF\tC1\tC3\tPY\tUT\r\n"
    ...     "J\tMoe, Per\t[Moe, Per] Equinor ASA, Stavanger, Norway\tEquinor\t2021\tWOS:9\r\n"
    ...     .encode("utf-16"))
    >>> c = nk.ingest.read(p)
    >>> c.organizations[["name", "sector", "country"]].values.tolist()
    [['Equinor', 'firm', 'NO']]
    """
    path = Path(path)
    header: list[str] | None = None
    for n, text in text_lines(path, ctx.encoding):
        text = text.lstrip("\ufeff") if header is None else text
        if not text.replace("\ufeff", "").strip():  # blank (a stray BOM is no record)
            continue
        cells = text.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            while header and not header[-1]:
                header.pop()
            header_index(header, ("UT",), path, n)  # InputError: missing column 'UT'
            continue
        ctx.ledger.seen()  # every row below the header is a record
        if [c.strip() for c in cells[:len(header)]] == header:
            ctx.ledger.quarantine(n, "repeated header row", text)
            continue
        extra = cells[len(header):]
        if len(cells) < len(header) or any(c.strip() for c in extra):
            ctx.ledger.quarantine(
                n, f"expected {len(header)} tab-separated fields, found {len(cells)} "
                   "(truncated row, or a tab/newline inside a field)", text)
            continue
        fields = {h: [c] for h, c in zip(header, cells, strict=False) if c.strip()}
        _load(fields, ctx, n, f"{path}:{n}", text)


# ----------------------------------------------------------------------------- sniffing

def _head_text(head: bytes) -> str:
    enc = detect_encoding(head)
    if enc.startswith("utf-16"):
        head = head[: len(head) // 2 * 2]
    return head.decode("utf-8" if enc == "utf-8-sig" else enc, errors="replace").lstrip("\ufeff")


def _sniff_plain(path: Path, head: bytes) -> bool:
    text = _head_text(head)
    first = text.split("\n", 1)[0].strip()
    return (first.startswith("FN ") and ("Web of Science" in first or "\nVR " in text)) or (
        first.startswith("PT ") and "\nUT " in text and "\nER" in text)


def _sniff_tab(path: Path, head: bytes) -> bool:
    first = _head_text(head).split("\n", 1)[0].rstrip("\r")
    cols = [c.strip() for c in first.split("\t")]
    return len(cols) > 5 and cols[0] in ("PT", "FN") and "UT" in cols and (
        "AU" in cols or "AF" in cols or "TI" in cols)


register(Format(
    name="wos", kind="publication", sniff=_sniff_plain, reader=read_plaintext,
    description="Web of Science tagged plain text (FN/VR header, ER/EF)", priority=20))
register(Format(
    name="wos-tab", kind="publication", sniff=_sniff_tab, reader=read_tabdelimited,
    description="Web of Science tab-delimited (UTF-8 ± BOM, UTF-16)", priority=20))
