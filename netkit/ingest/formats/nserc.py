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

from netkit.ingest.formats._tabular import (
    add_row,
    check_id,
    delimited_header,
    parse_year,
    read_rows,
)
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import name_sector

__all__ = ["read_nserc"]

SOURCE = "nserc"
COLUMNS = ("Cle", "PartOrganizationID", "name", "year")
ALIASES = {"name": ("PartInstitution*",), "year": ("FiscalYear*",),
           "province": ("ProvinceEN",), "country": ("CountryEN",)}


def _sniff(path: Path, head: bytes) -> bool:
    cols = delimited_header(head, ",")
    return cols[:2] == ["Cle", "PartOrganizationID"]


def read_nserc(path: Path, ctx: ReadContext) -> None:
    """Read one NSERC partner file; see the module docstring."""

    def handle(row: dict, line: int, raw: str) -> None:
        grant = check_id(row["Cle"], "grant key Cle")
        oid = check_id(row["PartOrganizationID"], "PartOrganizationID")
        name = row["name"]
        if not name:
            raise ValueError("empty partner name")
        year = parse_year(row["year"])
        sector, src = name_sector(name, SOURCE)
        event = {"event_id": f"con:{SOURCE}:{grant}", "kind": "contract", "year": year,
                 "source": SOURCE, "origin": f"{path}:{line}"}
        org = {"org_id": f"org:{SOURCE}:{oid}", "name": name, "sector": sector,
               "sector_source": src, "country": country_code(row.get("country"), codes=True),
               "region": row.get("province") or None, "ids": [("nserc", oid)]}
        add_row(ctx, event=event, role="partner", org=org)

    read_rows(path, ctx, ",", COLUMNS, handle, aliases=ALIASES)


register(Format(name="nserc-partners", kind="contract", sniff=_sniff, read=read_nserc,
                priority=30, description="NSERC (Canada) grant partner-organisation rows"))
