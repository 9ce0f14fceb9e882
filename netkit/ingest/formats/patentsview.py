"""PatentsView bulk tables (``g_patent``, ``g_application``, ``g_assignee_disambiguated``,
``g_inventor_disambiguated``, ``g_location_disambiguated``).

Tab-separated text, optionally zipped (``g_patent.tsv.zip``), laid out as in
PatentsView's published data dictionary. The tables of one read (a folder, or any
set of these files, in any order) form one dataset joined on ``patent_id`` and
``location_id`` when the read finishes.

Other PatentsView tables in the folder (``g_cpc_current``, ``g_patent_abstract`` …)
are recognised and skipped with a warning (their accounting row shows 0 records).

**Stray quotes.** These files contain unbalanced double quotes inside titles and
names; a CSV parser that honours quoting lets one such field swallow the records
after it. The reader therefore splits every physical line on tabs with quoting
disabled (one line = one record), strips one pair of enclosing quotes from each
field, and accounts for every line: loaded, duplicate, or quarantined (wrong number
of fields, bad date, no name, or a ``patent_id`` absent from the ``g_patent`` read).

Per patent: event ``pat:patentsview:<patent_id>`` timed by the *filing* date of
``g_application`` (the grant date ``patent_date`` only when the patent has no valid
application row); assignees → role ``assignee``: organisations
``org:patentsview:<assignee_id>`` (``assignee_id`` in ``org_ids``, scheme ``assignee``)
with the sector of ``assignee_type`` plus the name rules (universities are coded as
companies, :func:`netkit.lexicon.source_sectors.assignee_sector`), individuals (types 4
and 5) → people; inventors → people ``per:patentsview:<inventor_id>`` with role
``inventor`` and no organisation (the tables do not link them). Locations give city,
state (region), country and coordinates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

from netkit.errors import RecordError
from netkit.ingest.formats import _tabular as tab
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import text_lines
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import assignee_sector

__all__ = ["TABLES", "read_patentsview", "table_of"]

log = logging.getLogger(__name__)

SOURCE = "patentsview"

TABLES: dict[str, tuple[str, ...]] = {
    "g_patent": ("patent_id", "patent_type", "patent_date", "patent_title"),
    "g_application": ("application_id", "patent_id", "filing_date"),
    "g_assignee_disambiguated": (
        "patent_id", "assignee_sequence", "assignee_id", "disambig_assignee_individual_name_first",
        "disambig_assignee_individual_name_last", "disambig_assignee_organization",
        "assignee_type", "location_id"),
    "g_inventor_disambiguated": (
        "patent_id", "inventor_sequence", "inventor_id", "disambig_inventor_name_first",
        "disambig_inventor_name_last", "location_id"),
    "g_location_disambiguated": (
        "location_id", "disambig_city", "disambig_state", "disambig_country"),
}
"""The columns each table must have (others are ignored)."""


def table_of(header: list[str]) -> str | None:
    """Which PatentsView table a header belongs to (``None`` if none).

    Examples
    --------
    >>> table_of(["patent_id", "patent_type", "patent_date", "patent_title", "wipo_kind"])
    'g_patent'
    >>> table_of(["location_id", "disambig_city", "disambig_state", "disambig_country"])
    'g_location_disambiguated'
    >>> table_of(["a", "b"]) is None
    True
    """
    cols = set(header)
    for name in ("g_assignee_disambiguated", "g_inventor_disambiguated", "g_application",
                 "g_location_disambiguated", "g_patent"):
        if set(TABLES[name]) <= cols:
            return name
    return None


def _sniff(path: Path, head: bytes) -> bool:
    first = head.decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    if "\t" not in first:
        return False
    header = tab.tsv_fields(first)
    if table_of(header) is not None:
        return True
    # another PatentsView table (g_cpc_current, g_patent_abstract …): read as "not used"
    return path.name.startswith("g_") and header[0] in ("patent_id", "location_id",
                                                         "assignee_id", "inventor_id")


def _dataset(builder) -> dict:
    ds = tab.state(builder, "patentsview")
    if not ds:
        ds.update(patents={}, applications={}, locations={}, assignees=[], inventors=[],
                  tables=set(), strings={})
        builder.finalizers.append(lambda: _finish(builder, ds))
    return ds


def read_patentsview(path: Path, ctx: ReadContext) -> None:
    """Read one PatentsView table; rows are joined when the whole read finishes."""
    ds = _dataset(ctx.builder)
    lines = text_lines(path, ctx.encoding)
    first = next(lines, None)
    if first is None:
        return
    header = [h.strip().lstrip("\ufeff") for h in tab.tsv_fields(first[1])]
    table = table_of(header)
    stem = path.name.split(".")[0]
    if table is None and stem in TABLES:
        tab.header_index(header, TABLES[stem], path, first[0])  # raises, naming the missing columns
    if table is None:
        if path.name.startswith("g_") and header and header[0] in (
                "patent_id", "location_id", "assignee_id", "inventor_id"):
            log.warning("%s: a PatentsView table netkit does not use; skipped (0 records)",
                        path)
            return
        tab.header_index(header, TABLES["g_patent"], path, first[0])  # raises, naming the columns
        return
    ds["tables"].add(table)
    idx = tab.header_index(header, TABLES[table], path, first[0])
    wanted = (*TABLES[table], "latitude", "longitude")
    idx = {c: i for c, i in idx.items() if c in wanted}
    n = len(header)
    led = ctx.ledger
    handle = _HANDLERS[table]
    src = _Source(led, path, ctx.encoding)  # staged rows point here; raw text is re-read
    for line, text in lines:
        led.seen()  # every line below the header is a record, whatever becomes of it
        if not text.strip():
            led.quarantine(line, "empty line", text)
            continue
        fields = tab.tsv_fields(text)
        if len(fields) != n:
            led.quarantine(line, f"{len(fields)} fields where the header has {n} "
                                 "(a tab or line break inside a field?)", text)
            continue
        row = {c: fields[i].strip() for c, i in idx.items()}
        tab.quarantine_bad(led, line, text, handle, ds, row, line, src, ctx)


class _Source(NamedTuple):
    """The file a staged row comes from."""

    ledger: object
    path: Path
    encoding: str | None


class _Dated(NamedTuple):
    """A row of ``g_patent`` or ``g_application``: a patent's grant or filing date."""

    date: str
    year: int
    title: str | None
    src: _Source
    line: int


class _Assignee(NamedTuple):
    src: _Source
    line: int
    patent_id: str
    assignee_id: str
    org: str
    first: str
    last: str
    type_code: str
    location_id: str


class _Inventor(NamedTuple):
    src: _Source
    line: int
    patent_id: str
    inventor_id: str
    first: str
    last: str
    location_id: str


def _dated(ds, table: str, date_column: str, row, line, src, ctx) -> bool:
    """Stage a dated row of a patent; ``False`` (and a duplicate counted) for a patent
    already dated by this table."""
    pid = tab.check_id(row["patent_id"], "patent_id", digits=False)
    iso, year = tab.parse_date(row[date_column])
    if pid in ds[table]:
        ctx.ledger.duplicate()
        return False
    ds[table][pid] = _Dated(iso, year, row.get("patent_title") or None, src, line)
    return True


def _patent(ds, row, line, src, ctx) -> None:
    if _dated(ds, "patents", "patent_date", row, line, src, ctx):
        ctx.ledger.loaded()


def _application(ds, row, line, src, ctx) -> None:
    _dated(ds, "applications", "filing_date", row, line, src, ctx)  # counted when joined


def _location(ds, row, line, src, ctx) -> None:
    lid = tab.check_id(row["location_id"], "location_id", digits=False)
    if lid in ds["locations"]:
        ctx.ledger.duplicate()
        return
    lat = lon = None
    try:
        lat = float(row["latitude"]) if row.get("latitude") else None
        lon = float(row["longitude"]) if row.get("longitude") else None
    except ValueError:  # not numbers
        raise RecordError(f"bad coordinates {row.get('latitude')!r}, {row.get('longitude')!r}"
                         ) from None
    ds["locations"][lid] = (row["disambig_city"] or None, row["disambig_state"] or None,
                            country_code(row["disambig_country"], codes=True), lat, lon)
    ctx.ledger.loaded()


def _assignee(ds, row, line, src, ctx) -> None:
    tab.check_id(row["patent_id"], "patent_id", digits=False)
    org = row["disambig_assignee_organization"]
    first, last = (row["disambig_assignee_individual_name_first"],
                   row["disambig_assignee_individual_name_last"])
    if not (org or first or last):
        raise RecordError("assignee without a name")
    i = ds["strings"].setdefault
    ds["assignees"].append(_Assignee(
        src, line, row["patent_id"], i(row["assignee_id"], row["assignee_id"]), i(org, org),
        first, last, i(row["assignee_type"], row["assignee_type"]),
        i(row["location_id"], row["location_id"])))


def _inventor(ds, row, line, src, ctx) -> None:
    tab.check_id(row["patent_id"], "patent_id", digits=False)
    first, last = row["disambig_inventor_name_first"], row["disambig_inventor_name_last"]
    if not (row["inventor_id"] or first or last):
        raise RecordError("inventor without id or name")
    i = ds["strings"].setdefault
    ds["inventors"].append(_Inventor(
        src, line, row["patent_id"], i(row["inventor_id"], row["inventor_id"]), i(first, first),
        i(last, last), i(row["location_id"], row["location_id"])))


_HANDLERS = {
    "g_patent": _patent, "g_application": _application, "g_location_disambiguated": _location,
    "g_assignee_disambiguated": _assignee, "g_inventor_disambiguated": _inventor,
}


def _name(last: str, first: str) -> str:
    return ", ".join(p for p in (last, first) if p)


def _drain(ds: dict, key: str):
    """Yield the staged rows of ``ds[key]``, releasing each one as it is used."""
    rows, ds[key] = ds[key], []
    for k in range(len(rows)):
        item, rows[k] = rows[k], None
        yield item


def _finish(b, ds: dict) -> None:
    patents, apps, locs = ds["patents"], ds["applications"], ds["locations"]
    no_patents = "no g_patent table was read" if "g_patent" not in ds["tables"] else None
    fallback = 0
    event_ids: dict[str, str] = {}
    sectors: dict[tuple, tuple] = {}
    for pid, patent in patents.items():
        app = apps.get(pid)
        if app is None:
            fallback += 1
        dated = app or patent
        event_ids[pid] = f"pat:{SOURCE}:{pid}"
        b.add_event(event_ids[pid], "patent", year=dated.year, date=dated.date,
                    title=patent.title, source=SOURCE, origin=f"{patent.src.path}:{patent.line}")
    if fallback and "g_application" in ds["tables"]:
        log.warning("%d PatentsView patents have no valid g_application row: timed by grant date",
                    fallback)
    elif fallback:
        log.warning("no g_application table read: %d patents timed by grant date", fallback)
    orphans: dict[int, tuple[tuple, list[tuple[int, str]]]] = {}

    def orphan(src, line, pid) -> None:
        orphans.setdefault(id(src), (src, []))[1].append(
            (line, no_patents or f"patent_id {pid} is not in g_patent"))

    for pid, app in apps.items():
        if pid in patents:
            app.src.ledger.loaded()
        else:
            orphan(app.src, app.line, pid)
    for src, line, pid, aid, org, first, last, code, lid in _drain(ds, "assignees"):
        ledger = src.ledger
        if pid not in patents:
            orphan(src, line, pid)
            continue
        event_id = event_ids[pid]
        key = (code, org)
        if key not in sectors:
            sectors[key] = assignee_sector(code, org, SOURCE, "assignee_type")
        what, sector, src = sectors[key]
        city, region, country, lat, lon = locs.get(lid, (None,) * 5)
        if org and what == "org":
            oid = f"org:{SOURCE}:{aid}" if aid else f"org:{SOURCE}:name-{tab.slug(org)}"
            if tab.row_key_seen(b, (event_id, oid, None, "assignee", None)):
                ledger.duplicate()
                continue
            b.add_org(oid, org, sector, src, country=country, region=region, city=city,
                      lat=lat, lon=lon)
            b.add_org_id(oid, "assignee", aid)
            b.add_participation(event_id, org_id=oid, role="assignee", raw_affiliation=org)
        else:
            name = org or _name(last, first)
            key = aid or tab.slug(f"{name} {country or ''}")
            person = f"per:{SOURCE}:{key}"
            if tab.row_key_seen(b, (event_id, None, person, "assignee", None)):
                ledger.duplicate()
                continue
            b.add_person(person, name)
            b.add_participation(event_id, person_id=person, role="assignee",
                                raw_affiliation=name)
        ledger.loaded()
    people: dict[str, str] = {}
    for src, line, pid, iid, first, last, lid in _drain(ds, "inventors"):
        ledger = src.ledger
        if pid not in patents:
            orphan(src, line, pid)
            continue
        event_id = event_ids[pid]
        city, _, country, _, _ = locs.get(lid, (None,) * 5)
        person = people.get(iid) if iid else None
        if person is None:
            key = iid or tab.slug(_name(last, first))
            person = f"per:{SOURCE}:{key}"
            if iid:
                people[iid] = person
        if tab.row_key_seen(b, (event_id, None, person, "inventor", None)):
            ledger.duplicate()
            continue
        b.add_person(person, _name(last, first) or None)
        place = ", ".join(p for p in (city, country) if p) or None
        b.add_participation(event_id, person_id=person, role="inventor", raw_affiliation=place)
        ledger.loaded()
    for (ledger, path, encoding), rows in orphans.values():
        wanted = dict(rows)
        raw = {n: text for n, text in text_lines(path, encoding) if n in wanted}
        for line, reason in rows:
            ledger.quarantine(line, reason, raw.get(line, ""))
    for key in ("patents", "applications", "locations", "strings"):
        ds[key] = {}
    ds["assignees"], ds["inventors"] = [], []


register(Format(name="patentsview", kind="patent", sniff=_sniff, reader=read_patentsview,
                priority=25,
                description="PatentsView bulk tables g_patent, g_application, "
                            "g_assignee/inventor/location_disambiguated (TSV, optionally zipped)"))
