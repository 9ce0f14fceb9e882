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

from netkit.ingest.affiliations import (
    Affiliation,
    name_key,
    org_key,
    parse_affiliation,
)
from netkit.ingest.registry import ReadContext
from netkit.lexicon.sectors import sector_of_organization

__all__ = ["split_authors"]

_FULL_NAME = re.compile(r"^(.*?)\s*\((\d+)\)\s*$")
_NO_AUTHOR = re.compile(r"^\[no author", re.IGNORECASE)
_EID_RX = re.compile(r"[\w.\-]+")
_YEAR_RX = re.compile(r"\d{4}")


class _Bad(ValueError):
    """A record that cannot be loaded (reason in the message)."""


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


@lru_cache(maxsize=1 << 17)
def _org_of(affiliation: str) -> tuple[str, str, str, str | None, str | None, str, str] | None:
    """(org_id, name, sector, rule, country, city, affiliation) of an affiliation
    string (cached; the last item is the string itself, interned)."""
    aff: Affiliation = parse_affiliation(affiliation)
    if not aff.organization:
        return None
    sector, rule = sector_of_organization(aff.organization)
    return (sys.intern(f"org:scopus:{org_key(aff.organization, aff.country)}"),
            aff.organization, sector, rule, aff.country, aff.city or "",
            sys.intern(affiliation))


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


def _entry_affiliations(entry: str, affs: list[str]) -> tuple[str, list[str]]:
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


def _single_affiliation(entry: str, affs: list[str], lo: int, hi: int) -> int:
    """The index ``j`` in ``lo:hi`` when ``affs[j]`` is the only one of ``affs[lo:hi]``
    found in ``entry`` after its start, else -1. ``_entry_affiliations`` then gives
    ``[affs[j]]``.

    >>> _single_affiliation("Berg, K., Univ Oslo, Oslo, Norway", ["X", "Univ Oslo, Oslo, Norway"], 0, 2)
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


def _plan(row: dict[str, str]) -> tuple[str, dict, list, list, list]:
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
        raise _Bad("missing EID")
    if not _EID_RX.fullmatch(eid):
        raise _Bad(f"invalid EID {eid[:60]!r}")
    year_text = get("Year", "Publication Year")
    if year_text and not _YEAR_RX.fullmatch(year_text):
        raise _Bad(f"Year is not a year: {year_text[:40]!r}")
    year = int(year_text) if year_text else None
    event = {"year": year, "date": None, "title": get("Title") or None,
             "doi": get("DOI") or None, "pmid": get("PubMed ID") or None}

    full = _split(row.get("Author full names"))
    short_names = split_authors(get("Authors"))
    names = short_names
    ids = _split(row.get("Author(s) ID") or row.get("Author(s) Id"))
    if full:
        parsed = [_full_name(f) for f in full]
        if all(parsed):
            names = [p[0] for p in parsed]  # type: ignore[index]
            ids = [p[1] for p in parsed]  # type: ignore[index]
    people: list[tuple[str, str, str | None]] = []
    same = len(ids) == len(names)
    for i, n in enumerate(names):
        key = (ids[i] if same else None) or name_key(n) or f"{eid}:{i + 1}"
        people.append((_person_id(key), n, None))
    affs = _split(row.get("Affiliations"))
    if affs and _NO_AUTHOR.match(affs[0]):
        affs = []
    orgs: dict[str, tuple] = {}
    parts: list[tuple] = []
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
                _, entry_affs = _entry_affiliations(entry, affs)
            pid = people[i][0]
            if len(entry_affs) == 1:
                org = _org_of(entry_affs[0])
                if org is not None:
                    orgs.setdefault(org[0], org)
                    parts.append((org[0], pid, org[6]))
                    linked.add(pid)
                continue
            seen: set[str] = set()
            for a in entry_affs:
                org = _org_of(a)
                if org is None or org[0] in seen:
                    continue
                seen.add(org[0])
                orgs.setdefault(org[0], org)
                parts.append((org[0], pid, org[6]))
                linked.add(pid)
    else:
        for a in affs:
            org = _org_of(a)
            if org is not None:
                orgs.setdefault(org[0], org)
                parts.append((org[0], None, org[6]))
    for pid, _, _ in people:
        if pid not in linked:
            parts.append((None, pid, None))
    return eid, event, list(orgs.values()), people, parts


def _load(row: dict[str, str], ctx: ReadContext, line: int, origin: str, raw: str) -> None:
    try:
        eid, event, orgs, people, parts = _plan(row)
    except _Bad as exc:
        ctx.ledger.quarantine(line, str(exc), raw)
        return
    b = ctx.builder
    event_id = f"pub:scopus:{eid}"
    if not b.add_event(event_id, "publication", source="scopus", origin=origin, **event):
        ctx.ledger.duplicate()
        return
    for org_id, name, sector, rule, country, city, _ in orgs:
        if not b.has_org(org_id):
            b.add_org(org_id, name, sector, rule, country=country, city=city or None)
            b.add_org_id(org_id, "name", name)
    add_person, add_part = b.add_person, b.add_participation
    for pid, name, _ in people:
        add_person(pid, name)
    for org_id, pid, raw_aff in parts:
        add_part(event_id, org_id=org_id, person_id=pid, role="author", raw_affiliation=raw_aff)
    ctx.ledger.loaded()


def _delimiter(header: str) -> str:
    unquoted = re.sub(r'"[^"]*"', "", header)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


class _Rows:
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
