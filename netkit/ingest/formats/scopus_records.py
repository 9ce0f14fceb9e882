"""Scopus CSV, one record at a time: authors, affiliations and the rows of a record.

The per-record path of :mod:`netkit.ingest.formats.scopus`; also the reference that the
columnar path (:mod:`netkit.ingest.formats.scopus_columnar`) must agree with.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netkit.errors import RecordError
from netkit.ingest.affiliations import (
    Affiliation,
    name_key,
    org_key,
    parse_affiliation,
)
from netkit.ingest.plan import EventRow, OrgRow, RecordPlan, load_record, part_row, person_row
from netkit.ingest.registry import ReadContext
from netkit.lexicon.sectors import sector_of_organization

if TYPE_CHECKING:  # the rows of a plan
    from netkit.ingest.plan import PartRow, PersonRow

__all__ = [
    "OrgOf",
    "RecordReader",
    "delimiter",
    "entry_affiliations",
    "org_of",
    "plan_record",
    "single_affiliation",
    "split_authors",
]

_FULL_NAME = re.compile(r"^(.*?)\s*\((\d+)\)\s*$")
_NO_AUTHOR = re.compile(r"^\[no author", re.IGNORECASE)
_EID_RX = re.compile(r"[\w.\-]+")
_YEAR_RX = re.compile(r"\d{4}")


def split_authors(text: str | None) -> list[str]:
    """Authors of the ``Authors`` column, old (``, ``) or 2023+ (``; ``) style.

    Examples
    --------
    >>> split_authors("Rahmani A.M., Gia T.N., Negash B.")
    ['Rahmani A.M.', 'Gia T.N.', 'Negash B.']
    >>> split_authors("Hao J.; High R.; Siu K.-C.")
    ['Hao J.', 'High R.', 'Siu K.-C.']
    >>> split_authors("[No author name available]")
    []
    """
    if not text or _NO_AUTHOR.match(text.strip()):
        return []
    sep = ";" if ";" in text else ","
    return [a.strip() for a in text.split(sep) if a.strip()]


class OrgOf(NamedTuple):
    """The organisation an affiliation string names, and the string (interned)."""

    org: OrgRow
    affiliation: str


@lru_cache(maxsize=1 << 17)
def org_of(affiliation: str) -> OrgOf | None:
    """The organisation of an affiliation string (cached), ``None`` when it names none.

    >>> org_of("Dept X, Univ Nebraska, Omaha, NE, United States").org[:5]
    ('org:scopus:univ nebraska|US', 'Univ Nebraska', 'university', 'name:university', 'US')
    """
    aff: Affiliation = parse_affiliation(affiliation)
    if not aff.organization:
        return None
    sector, rule = sector_of_organization(aff.organization)
    org = OrgRow(sys.intern(f"org:scopus:{org_key(aff.organization, aff.country)}"),
                 aff.organization, sector, rule, aff.country, city=aff.city or None,
                 first_ids=(("name", aff.organization),))
    return OrgOf(org, sys.intern(affiliation))


@lru_cache(maxsize=1 << 18)
def _person_id(key: str) -> str:
    return sys.intern(f"per:scopus:{key}")


def _full_name(text: str) -> tuple[str, str] | None:
    """``Hao, Jie (57221302630)`` → ``("Hao, Jie", "57221302630")``."""
    name, sep, rest = text.rpartition(" (")
    if sep and rest.endswith(")") and rest[:-1].isdigit():
        return name.strip(), rest[:-1]
    m = _FULL_NAME.match(text)
    return (m.group(1), m.group(2)) if m else None


def entry_affiliations(entry: str, affs: list[str]) -> tuple[str, list[str]]:
    """Split one ``Authors with affiliations`` entry into (author text, affiliations)."""
    if not affs:  # Scopus fills "Affiliations" whenever an entry has one
        return entry, []
    found = []
    for a in affs:
        pos = entry.find(a)
        if pos > 0:
            found.append((pos, a))
    if found:
        found.sort(key=lambda f: (f[0], -len(f[1])))
        spans = [(pos, pos + len(a), a) for pos, a in found]
        # an affiliation that lies inside a longer one found here is part of it
        kept = [a for s, e, a in spans
                if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in spans)]
        return entry[: found[0][0]].rstrip(" ,"), kept
    parts = entry.split(", ")
    # "Surname I., rest" (2023+) or "Surname, I., rest" (older)
    if len(parts) >= 3 and re.fullmatch(r"(?:[A-Z][\w'-]*\.?\s*-?)+", parts[1].strip()):
        return ", ".join(parts[:2]), [", ".join(parts[2:])] if parts[2:] else []
    return parts[0], [", ".join(parts[1:])] if parts[1:] else []


def single_affiliation(entry: str, affs: list[str], lo: int, hi: int) -> int:
    """The index ``j`` in ``lo:hi`` when ``affs[j]`` is the only one of ``affs[lo:hi]``
    found in ``entry`` after its start, else -1. ``entry_affiliations`` then gives
    ``[affs[j]]``.

    >>> single_affiliation("Berg, K., Univ Oslo, Oslo, Norway", ["X", "Univ Oslo, Oslo, Norway"], 0, 2)
    1
    """
    found = -1
    for j in range(lo, hi):
        if entry.find(affs[j]) > 0:
            if found >= 0:
                return -1
            found = j
    return found


def _split(text: str | None) -> list[str]:
    """``a; b;; c`` → ``['a', 'b', 'c']``."""
    if not text:
        return []
    return [p for p in map(str.strip, text.split(";")) if p]


def plan_record(row: dict[str, str], origin: str | None = None) -> RecordPlan:
    """Check one record (column → text) and plan its rows; :class:`RecordError` says
    why a record cannot be loaded."""
    def get(*names: str) -> str:
        for n in names:
            v = row.get(n)
            if v:
                v = v.strip()
                if v:
                    return v
        return ""

    eid = get("EID")
    if not eid:
        raise RecordError("missing EID")
    if not _EID_RX.fullmatch(eid):
        raise RecordError(f"invalid EID {eid[:60]!r}")
    year_text = get("Year", "Publication Year")
    if year_text and not _YEAR_RX.fullmatch(year_text):
        raise RecordError(f"Year is not a year: {year_text[:40]!r}")
    event = EventRow(f"pub:scopus:{eid}", "publication", "scopus",
                     year=int(year_text) if year_text else None, title=get("Title") or None,
                     origin=origin,
                     extra={"doi": get("DOI") or None, "pmid": get("PubMed ID") or None})

    full = _split(row.get("Author full names"))
    short_names = split_authors(get("Authors"))
    names = short_names
    ids = _split(row.get("Author(s) ID") or row.get("Author(s) Id"))
    if full:
        parsed = [_full_name(f) for f in full]
        if all(parsed):
            names = [p[0] for p in parsed]  # type: ignore[index]
            ids = [p[1] for p in parsed]  # type: ignore[index]
    people: list[PersonRow] = []
    same = len(ids) == len(names)
    for i, n in enumerate(names):
        key = (ids[i] if same else None) or name_key(n) or f"{eid}:{i + 1}"
        people.append(person_row((_person_id(key), n, None, ())))
    affs = _split(row.get("Affiliations"))
    if affs and _NO_AUTHOR.match(affs[0]):
        affs = []
    orgs: dict[str, OrgRow] = {}
    parts: list[PartRow] = []
    linked: set[str] = set()
    entries = _split(row.get("Authors with affiliations"))
    aff_set = set(affs)

    if entries and len(entries) == len(people):
        for i, entry in enumerate(entries):
            entry_affs = None
            short = short_names[i] if i < len(short_names) else None
            if short and entry.startswith(short):  # fast path: one affiliation
                rest = entry[len(short):].lstrip(" ,")
                if rest in aff_set:
                    entry_affs = [rest]
            if entry_affs is None:
                _, entry_affs = entry_affiliations(entry, affs)
            pid = people[i].person_id
            seen: set[str] = set()
            for a in entry_affs:
                found = org_of(a)
                if found is None or found.org.org_id in seen:
                    continue
                org = found.org
                seen.add(org.org_id)
                orgs.setdefault(org.org_id, org)
                parts.append(part_row((org.org_id, pid, found.affiliation)))
                linked.add(pid)
    else:
        for a in affs:
            found = org_of(a)
            if found is not None:
                orgs.setdefault(found.org.org_id, found.org)
                parts.append(part_row((found.org.org_id, None, found.affiliation)))
    for person in people:
        if person.person_id not in linked:
            parts.append(part_row((None, person.person_id, None)))
    return RecordPlan(event, list(orgs.values()), people, parts)


def _load(row: dict[str, str], ctx: ReadContext, line: int, origin: str, raw: str) -> None:
    load_record(ctx, line, raw, plan_record, row, origin)


def delimiter(header: str) -> str:
    """The delimiter of a Scopus export from its header line (``;`` or ``,``).

    >>> delimiter('"Authors";"Title";"EID"'), delimiter("Authors,Title,EID")
    (';', ',')
    """
    unquoted = re.sub(r'"[^"]*"', "", header)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


class RecordReader:
    """The per-record path: Python's csv over decoded lines, one record at a time."""

    def __init__(self, header: list[str], delim: str, ctx: ReadContext, path: Path) -> None:
        self.header, self.delim, self.ctx, self.path = header, delim, ctx, path

    def run(self, lines: Iterator[tuple[int, str]], first: int, until: int | None = None) -> None:
        """Read records from ``lines`` (the first is line ``first``) to the end, or
        until the record that reaches line ``until`` has been read."""
        ctx, header = self.ctx, self.header
        state: dict = {"line": first - 1, "raw": []}

        def feed() -> Iterator[str]:
            for n, text in lines:
                state["line"] = n
                state["raw"].append(text)
                yield text + "\n"

        reader = csv.reader(feed(), delimiter=self.delim)
        start = first
        while until is None or state["line"] < until:
            state["raw"] = []
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                ctx.ledger.seen()
                ctx.ledger.quarantine(start, f"unparsable CSV row ({exc})", "\n".join(state["raw"]))
                start = state["line"] + 1
                continue
            raw = "\n".join(state["raw"])
            line, start = start, state["line"] + 1
            if not any(c.strip() for c in cells):
                continue
            ctx.ledger.seen()  # every record met, whatever becomes of it
            if [c.strip() for c in cells] == header:
                ctx.ledger.quarantine(line, "repeated header row", raw)
                continue
            if not self._width_ok(cells) and "\n" in raw:
                # a stray quote swallowed the lines after it: read each line on its own,
                # so the records it swallowed are loaded (or quarantined) one by one
                self._lines_alone(line, raw)
                continue
            self._one(cells, line, raw)

    def _width_ok(self, cells: list[str]) -> bool:
        n = len(self.header)
        return len(cells) == n or (len(cells) > n and not any(c.strip() for c in cells[n:]))

    def _one(self, cells: list[str], line: int, raw: str, note: str = "") -> None:
        if not self._width_ok(cells):
            self.ctx.ledger.quarantine(
                line, f"expected {len(self.header)} fields, found {len(cells)} (a stray quote or "
                      f"delimiter, or a truncated row){note}", raw)
            return
        _load(dict(zip(self.header, cells, strict=False)), self.ctx, line, f"{self.path}:{line}",
              raw)

    def _lines_alone(self, line: int, raw: str) -> None:
        first = True
        for k, text in enumerate(raw.split("\n")):
            if not text.strip():
                continue
            if not first:
                self.ctx.ledger.seen()
            first = False
            cells = next(csv.reader([text], delimiter=self.delim), [])
            self._one(cells, line + k, text, "; line read on its own")
