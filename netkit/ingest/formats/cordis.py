"""EU CORDIS framework-programme projects (H2020, Horizon Europe).

Three layouts:

* ``cordis-organization`` — the raw ``organization.csv`` of the CORDIS open data
  (``;``-separated, quoted): one row per participation with ``projectID``,
  ``organisationID`` (PIC), ``name``, ``SME``, ``activityType``, ``city``, ``country``,
  ``nutsCode``, ``geolocation``, ``role``, ``ecContribution``, ``vatNumber`` …
* ``cordis-project`` — the raw ``project.csv`` (``id``, ``title``, ``startDate``,
  ``ecMaxContribution`` …). Project and organisation files read together form one
  dataset, joined on the project id when the read finishes (whatever the order of
  the files). An organisation row whose project is not in any ``project.csv`` of the
  read is quarantined; when no ``project.csv`` is read at all, events have no year.
* ``cordis-participations`` — the processed participations table (``rcn``, ``role``,
  ``pic``, ``type``, ``contribution``, ``country``, ``start_date`` …) of the real sample;
  it carries no names (an organisation is named ``PIC <pic>``).

Events are contracts ``con:cordis:<projectID>`` (processed layout: ``con:cordis:rcn-<rcn>``)
with the project's start year, EC maximum contribution in EUR; organisations
``org:cordis:<pic>`` with their PIC (and VAT number) in ``org_ids``; sectors from
``activityType`` + ``SME`` (:func:`netkit.lexicon.source_sectors.cordis_sector`).
Records are rows: ``records_seen`` counts participations (and projects for
``project.csv``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from netkit.ingest.formats._tabular import (
    add_row,
    check_id,
    delimited_header,
    optional_date,
    parse_amount,
    parse_date,
    read_rows,
    state,
)
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import cordis_sector

__all__ = ["ROLES", "read_organizations", "read_participations", "read_projects"]

log = logging.getLogger(__name__)

SOURCE = "cordis"
ROLES = {
    "coordinator": "coordinator", "participant": "participant", "partner": "partner",
    "associatedpartner": "partner", "internationalpartner": "partner",
    "thirdparty": "third_party", "beneficiary": "participant",
}
"""CORDIS ``role`` values (case and ``_`` ignored) → netkit participation roles."""

ORG_COLUMNS = ("projectID", "organisationID", "name", "activityType", "role", "country")
PROJECT_COLUMNS = ("id", "startDate")
PARTICIPATION_COLUMNS = ("rcn", "role", "pic", "type", "start_date")


def _role(text: str) -> str:
    key = text.replace("_", "").replace(" ", "").lower()
    if key not in ROLES:
        raise ValueError(f"unknown role {text!r}")
    return ROLES[key]


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "yes", "y", "1", "t")


def _geo(text: str) -> tuple[float | None, float | None]:
    parts = [p.strip() for p in (text or "").replace(";", ",").split(",") if p.strip()]
    if len(parts) != 2:
        return None, None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None, None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None, None


# -- sniffers ------------------------------------------------------------------------
def _sniff_org(path: Path, head: bytes) -> bool:
    cols = set(delimited_header(head, ";"))
    return {"projectID", "organisationID", "activityType"} <= cols


def _sniff_project(path: Path, head: bytes) -> bool:
    cols = set(delimited_header(head, ";"))
    return {"id", "acronym", "startDate", "ecMaxContribution"} <= cols


def _sniff_participations(path: Path, head: bytes) -> bool:
    cols = delimited_header(head, ",")
    return cols[:4] == ["rcn", "role", "pic", "type"]


# -- raw layout: project.csv + organization.csv ----------------------------------------
def _dataset(ctx: ReadContext) -> dict:
    ds = state(ctx.builder, "cordis-raw")
    if not ds:
        ds.update(projects_read=False, staged=[])
        ctx.builder.finalizers.append(lambda: _finish(ctx.builder, ds))
    return ds


def read_projects(path: Path, ctx: ReadContext) -> None:
    """Read a raw CORDIS ``project.csv``: one contract event per project row."""
    ds = _dataset(ctx)
    ds["projects_read"] = True

    def handle(row: dict, line: int, raw: str) -> None:
        pid = check_id(row["id"], "project id")
        iso, year = parse_date(row["startDate"])
        amount = parse_amount(row.get("ecMaxContribution"))
        title = row.get("title") or row.get("acronym") or None
        if ctx.builder.add_event(f"con:{SOURCE}:{pid}", "contract", year=year, date=iso,
                                 title=title, amount=amount,
                                 currency="EUR" if amount is not None else None,
                                 source=SOURCE, origin=f"{path}:{line}",
                                 end_date=optional_date(row.get("endDate"))):
            ctx.ledger.loaded()
        else:
            ctx.ledger.duplicate()

    read_rows(path, ctx, ";", PROJECT_COLUMNS, handle)


def read_organizations(path: Path, ctx: ReadContext) -> None:
    """Read a raw CORDIS ``organization.csv``; rows join their project at the end of the read."""
    ds = _dataset(ctx)

    def handle(row: dict, line: int, raw: str) -> None:
        pid = check_id(row["projectID"], "projectID")
        pic = check_id(row["organisationID"], "organisationID (PIC)")
        name = row["name"]
        if not name:
            raise ValueError("empty organisation name")
        role = _role(row["role"])
        parse_amount(row.get("ecContribution"))  # validates: negative → quarantine
        sector, src = cordis_sector(row["activityType"], _truthy(row.get("SME", "")), name)
        lat, lon = _geo(row.get("geolocation", ""))
        org = {
            "org_id": f"org:{SOURCE}:{pic}", "name": name, "sector": sector,
            "sector_source": src, "country": country_code(row["country"], codes=True),
            "region": row.get("nutsCode") or None, "city": row.get("city") or None,
            "lat": lat, "lon": lon,
            "ids": [("pic", pic), ("vat", row.get("vatNumber"))],
        }
        ds["staged"].append((ctx.ledger, line, raw, pid, org, role, str(path)))

    read_rows(path, ctx, ";", ORG_COLUMNS, handle)


class _Ctx:
    __slots__ = ("builder", "ledger")

    def __init__(self, builder, ledger) -> None:
        self.builder, self.ledger = builder, ledger


def _finish(builder, ds: dict) -> None:
    staged, ds["staged"] = ds["staged"], []
    if staged and not ds["projects_read"]:
        log.warning("CORDIS organization rows read without project.csv: events have no year")
    for ledger, line, raw, pid, org, role, path in staged:
        event_id = f"con:{SOURCE}:{pid}"
        if not builder.has_event(event_id):
            if ds["projects_read"]:
                ledger.quarantine(line, f"projectID {pid} is not in the project.csv read", raw)
                continue
            builder.add_event(event_id, "contract", source=SOURCE, origin=f"{path}:{line}")
        add_row(_Ctx(builder, ledger), event={"event_id": event_id}, role=role, org=org)


# -- processed participations layout (the real sample) -----------------------------------
def read_participations(path: Path, ctx: ReadContext) -> None:
    """Read the processed CORDIS participations table (one row per participation)."""

    def handle(row: dict, line: int, raw: str) -> None:
        rcn = check_id(row["rcn"], "project rcn")
        pic = check_id(row["pic"], "pic")
        role = _role(row["role"])
        iso, year = parse_date(row["start_date"])
        parse_amount(row.get("contribution"))
        amount = parse_amount(row.get("max_contribution"))
        sector, src = cordis_sector(row["type"])
        event = {"event_id": f"con:{SOURCE}:rcn-{rcn}", "kind": "contract", "year": year,
                 "date": iso, "amount": amount, "currency": "EUR" if amount is not None else None,
                 "source": SOURCE, "origin": f"{path}:{line}",
                 "end_date": optional_date(row.get("end_date"))}
        org = {"org_id": f"org:{SOURCE}:{pic}", "name": f"PIC {pic}", "sector": sector,
               "sector_source": src, "country": country_code(row.get("country"), codes=True),
               "ids": [("pic", pic)]}
        add_row(ctx, event=event, role=role, org=org)

    read_rows(path, ctx, ",", PARTICIPATION_COLUMNS, handle)


register(Format(name="cordis-organization", kind="contract", sniff=_sniff_org,
                read=read_organizations, priority=30,
                description="CORDIS raw organization.csv (H2020 / Horizon Europe, ';')"))
register(Format(name="cordis-project", kind="contract", sniff=_sniff_project,
                read=read_projects, priority=30,
                description="CORDIS raw project.csv (H2020 / Horizon Europe, ';')"))
register(Format(name="cordis-participations", kind="contract", sniff=_sniff_participations,
                read=read_participations, priority=30,
                description="CORDIS processed participations (rcn, role, pic, type …)"))
