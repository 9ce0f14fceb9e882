"""NSERC (Canada) grant ↔ partner-organisation rows.

Comma-separated, one row per (grant ``Cle``, partner organisation
``PartOrganizationID``) with the partner's name (``PartInstitution-Établissement``; the
real files carry a U+FFFD where the ``É`` was lost, so the column is matched by
prefix), province, country and fiscal year. Each grant is a contract event
``con:nserc:<Cle>`` in its fiscal year; each partner an organisation
``org:nserc:<PartOrganizationID>`` (id also in ``org_ids``, scheme ``nserc``) with
role ``partner`` and a sector from the name rules (NSERC gives no type).
"""

from __future__ import annotations

from pathlib import Path

from netkit.ingest.formats import _tabular as tab
from netkit.ingest.plan import EventRow, OrgRow
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import name_sector

__all__ = ["read_nserc"]

SOURCE = "nserc"
COLUMNS = ("Cle", "PartOrganizationID", "name", "year")
ALIASES = {"name": ("PartInstitution*",), "year": ("FiscalYear*",),
           "province": ("ProvinceEN",), "country": ("CountryEN",)}


def _sniff(path: Path, head: bytes) -> bool:
    cols = tab.delimited_header(head, ",")
    return cols[:2] == ["Cle", "PartOrganizationID"]


def read_nserc(path: Path, ctx: ReadContext) -> None:
    """Read one NSERC partner file; see the module docstring."""

    def handle(row: dict, line: int, raw: str) -> None:
        grant = tab.check_id(row["Cle"], "grant key Cle")
        oid = tab.check_id(row["PartOrganizationID"], "PartOrganizationID")
        name = tab.required(row, "name", "partner name")
        year = tab.parse_year(row["year"])
        sector, src = name_sector(name, SOURCE)
        event = EventRow(f"con:{SOURCE}:{grant}", "contract", SOURCE, year=year,
                         origin=f"{path}:{line}")
        org = OrgRow(f"org:{SOURCE}:{oid}", name, sector, src,
                     country=country_code(row.get("country"), codes=True),
                     region=row.get("province") or None, ids=(("nserc", oid),))
        tab.add_row(ctx, event=event, role="partner", org=org)

    tab.read_rows(path, ctx, ",", COLUMNS, handle, aliases=ALIASES)


register(Format(name="nserc-partners", kind="contract", sniff=_sniff, reader=read_nserc,
                priority=30, description="NSERC (Canada) grant partner-organisation rows"))
