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
  it carries no names: an organisation is named ``PIC <pic>`` unless an
  ``organization.csv`` read with it (in the same folder, or named beside it) gives the
  PIC a name. Such an ``organization.csv`` read without any ``project.csv`` is the
  PIC-to-name table only (its rows make no events: its projects are those of the
  participations, under other ids); each PIC's first row describes the organisation
  (name, sector with the SME flag, city, NUTS region, coordinates, VAT number) and
  counts as loaded, its later rows as duplicates.

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
from typing import NamedTuple

from netkit.ingest.formats import _tabular as tab
from netkit.ingest.plan import EventRow, OrgRow
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
    return tab.lookup(ROLES, text, "role", text.replace("_", "").replace(" ", "").lower())


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "yes", "y", "1", "t")


def _geo(text: str) -> tuple[float | None, float | None]:
    parts = [p.strip() for p in (text or "").replace(";", ",").split(",") if p.strip()]
    if len(parts) != 2:
        return None, None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:  # not numbers: no coordinates
        return None, None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None, None


def _pic_name(pic: str) -> str:
    """The name of an organisation known only by its PIC."""
    return f"PIC {pic}"


# -- sniffers ------------------------------------------------------------------------
def _sniff_org(path: Path, head: bytes) -> bool:
    cols = set(tab.delimited_header(head, ";"))
    return {"projectID", "organisationID", "activityType"} <= cols


def _sniff_project(path: Path, head: bytes) -> bool:
    cols = set(tab.delimited_header(head, ";"))
    return {"id", "acronym", "startDate", "ecMaxContribution"} <= cols


def _sniff_participations(path: Path, head: bytes) -> bool:
    cols = tab.delimited_header(head, ",")
    return cols[:4] == ["rcn", "role", "pic", "type"]


# -- raw layout: project.csv + organization.csv ----------------------------------------
class _Staged(NamedTuple):
    """A row of ``organization.csv``, checked, waiting for the end of the read."""

    ledger: object
    line: int
    raw: str
    project: str
    org: OrgRow
    role: str
    path: str


def _dataset(ctx: ReadContext) -> dict:
    ds = tab.state(ctx.builder, "cordis-raw")
    if not ds:
        ds.update(projects_read=False, participations_read=False, staged=[])
        ctx.builder.finalizers.append(lambda: _finish(ctx.builder, ds))
    return ds


def read_projects(path: Path, ctx: ReadContext) -> None:
    """Read a raw CORDIS ``project.csv``: one contract event per project row."""
    ds = _dataset(ctx)
    ds["projects_read"] = True

    def handle(row: dict, line: int, raw: str) -> None:
        pid = tab.check_id(row["id"], "project id")
        iso, year = tab.parse_date(row["startDate"])
        amount = tab.parse_amount(row.get("ecMaxContribution"))
        title = row.get("title") or row.get("acronym") or None
        if ctx.builder.add_event(f"con:{SOURCE}:{pid}", "contract", year=year, date=iso,
                                 title=title, amount=amount,
                                 currency="EUR" if amount is not None else None,
                                 source=SOURCE, origin=f"{path}:{line}",
                                 end_date=tab.optional_date(row.get("endDate"))):
            ctx.ledger.loaded()
        else:
            ctx.ledger.duplicate()

    tab.read_rows(path, ctx, ";", PROJECT_COLUMNS, handle)


def read_organizations(path: Path, ctx: ReadContext) -> None:
    """Read a raw CORDIS ``organization.csv``; rows join their project at the end of the
    read, and name the organisations that other CORDIS files know only by PIC."""
    ds = _dataset(ctx)

    def handle(row: dict, line: int, raw: str) -> None:
        pid = tab.check_id(row["projectID"], "projectID")
        pic = tab.check_id(row["organisationID"], "organisationID (PIC)")
        name = tab.required(row, "name", "organisation name")
        role = _role(row["role"])
        tab.parse_amount(row.get("ecContribution"))  # validates: negative → quarantine
        sector, src = cordis_sector(row["activityType"], _truthy(row.get("SME", "")), name)
        lat, lon = _geo(row.get("geolocation", ""))
        org = OrgRow(f"org:{SOURCE}:{pic}", name, sector, src,
                     country=country_code(row["country"], codes=True), region=row.get("nutsCode") or None,
                     city=row.get("city") or None, lat=lat, lon=lon,
                     ids=(("pic", pic), ("vat", row.get("vatNumber"))))
        ds["staged"].append(_Staged(ctx.ledger, line, raw, pid, org, role, str(path)))

    tab.read_rows(path, ctx, ";", ORG_COLUMNS, handle)


class _Ctx(NamedTuple):
    builder: object
    ledger: object


def _finish(builder, ds: dict) -> None:
    staged, ds["staged"] = ds["staged"], []
    _name_by_pic(builder, staged)
    if staged and not ds["projects_read"] and ds["participations_read"]:
        # no project.csv: the organization.csv is the PIC-to-name table of the
        # participations read (its projects are theirs, under other ids)
        named: set[str] = set()
        for row in staged:
            if row.org.org_id in named:
                row.ledger.duplicate()
            else:
                named.add(row.org.org_id)
                row.ledger.loaded()
        log.info("CORDIS organization.csv read without project.csv: used as the "
                 "PIC-to-name table of the participations (%d PICs)", len(named))
        return
    if staged and not ds["projects_read"]:
        log.warning("CORDIS organization rows read without project.csv: events have no year")
    for row in staged:
        event_id = f"con:{SOURCE}:{row.project}"
        if not builder.has_event(event_id):
            if ds["projects_read"]:
                row.ledger.quarantine(row.line, f"projectID {row.project} is not in the "
                                      "project.csv read", row.raw)
                continue
            builder.add_event(event_id, "contract", source=SOURCE,
                              origin=f"{row.path}:{row.line}")
        tab.add_row(_Ctx(builder, row.ledger), event=EventRow(event_id, "contract"),
                    role=row.role, org=row.org)


def _name_by_pic(builder, staged: list[_Staged]) -> None:
    """Describe the organisations known only by PIC (``PIC <pic>``, from the
    participations layout) by their first row in the ``organization.csv`` read."""
    first: dict[str, OrgRow] = {}
    for row in staged:
        first.setdefault(row.org.org_id, row.org)
    n = 0
    for org_id, org in first.items():
        pic = dict(org.ids)["pic"]
        known = builder.org(org_id)
        if known is None or known["name"] != _pic_name(pic):
            continue
        builder.update_org(org_id, **{k: v for k, v in org._asdict().items()
                                      if k in known and k != "org_id" and v is not None})
        for scheme, value in org.ids:
            builder.add_org_id(org_id, scheme, value)
        n += 1
    if n:
        log.info("CORDIS: %d organisations known only by PIC named from organization.csv", n)


# -- processed participations layout (the real sample) -----------------------------------
def read_participations(path: Path, ctx: ReadContext) -> None:
    """Read the processed CORDIS participations table (one row per participation)."""
    _dataset(ctx)["participations_read"] = True

    def handle(row: dict, line: int, raw: str) -> None:
        rcn = tab.check_id(row["rcn"], "project rcn")
        pic = tab.check_id(row["pic"], "pic")
        role = _role(row["role"])
        iso, year = tab.parse_date(row["start_date"])
        tab.parse_amount(row.get("contribution"))
        amount = tab.parse_amount(row.get("max_contribution"))
        sector, src = cordis_sector(row["type"])
        event = EventRow(f"con:{SOURCE}:rcn-{rcn}", "contract", SOURCE, year=year, date=iso,
                         amount=amount, currency="EUR" if amount is not None else None,
                         origin=f"{path}:{line}",
                         extra={"end_date": tab.optional_date(row.get("end_date"))})
        org = OrgRow(f"org:{SOURCE}:{pic}", _pic_name(pic), sector, src,
                     country=country_code(row.get("country"), codes=True), ids=(("pic", pic),))
        tab.add_row(ctx, event=event, role=role, org=org)

    tab.read_rows(path, ctx, ",", PARTICIPATION_COLUMNS, handle)


register(Format(name="cordis-organization", kind="contract", sniff=_sniff_org,
                reader=read_organizations, priority=30,
                description="CORDIS raw organization.csv (H2020 / Horizon Europe, ';')"))
register(Format(name="cordis-project", kind="contract", sniff=_sniff_project,
                reader=read_projects, priority=30,
                description="CORDIS raw project.csv (H2020 / Horizon Europe, ';')"))
register(Format(name="cordis-participations", kind="contract", sniff=_sniff_participations,
                reader=read_participations, priority=30,
                description="CORDIS processed participations (rcn, role, pic, type …)"))
