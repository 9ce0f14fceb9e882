"""Research Council of Norway: H2020 grants to Norwegian organisations (``bevilgningereu``).

``;``-separated UTF-8 CSV with Norwegian column names, one row per participation of a
Norwegian organisation in an H2020 project. The project (``Prosjektnr``, the CORDIS
project id) becomes a contract event ``con:norway:<Prosjektnr>`` dated by the contract
start (``Kontrakt startdato``, ``dd.mm.yyyy hh:mm``); the organisation
``org:norway:<Organisasjonsnummer>`` keeps its national organisation number in
``org_ids`` (scheme ``orgnr``), its county as region and municipality as city, and its
sector from the R&D sector code ``FoU sektorkode`` (UoH, INS, NÆR, HEL, NFR, DIV; see
:func:`netkit.lexicon.source_sectors.norway_sector`); a firm in an SME-instrument action
(``Søknadstype`` SME-1/SME-2) is a startup. Only Norwegian participants are listed,
so the foreign partners of a project are absent. The grant per organisation
(``Innvilget beløp organisasjon EUR``) is validated but, being a per-participant
amount, is not an event amount (events have no amount).
"""

from __future__ import annotations

from pathlib import Path

from netkit.ingest.formats import _tabular as tab
from netkit.ingest.plan import EventRow, OrgRow
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.source_sectors import norway_sector

__all__ = ["read_norway"]

SOURCE = "norway"
COLUMNS = ("Prosjektnr", "Kontrakt startdato", "Organisasjonsnummer", "Organisasjonsnavn",
           "Organisasjon rolle", "FoU sektorkode")
ROLES = {"COORDINATOR": "coordinator", "PARTICIPANT": "participant", "PARTNER": "partner",
         "THIRD_PARTY": "third_party", "THIRDPARTY": "third_party"}


def _sniff(path: Path, head: bytes) -> bool:
    cols = set(tab.delimited_header(head, ";"))
    return {"Prosjektnr", "FoU sektorkode", "Organisasjonsnummer"} <= cols


def read_norway(path: Path, ctx: ReadContext) -> None:
    """Read one Research Council of Norway EU-grants file; see the module docstring."""

    def handle(row: dict, line: int, raw: str) -> None:
        project = tab.check_id(row["Prosjektnr"], "Prosjektnr")
        orgnr = tab.check_id(row["Organisasjonsnummer"], "Organisasjonsnummer")
        name = tab.required(row, "Organisasjonsnavn")
        role_text = row["Organisasjon rolle"]
        role = tab.lookup(ROLES, role_text, "role", role_text.upper())
        iso, year = tab.parse_date(row["Kontrakt startdato"])
        tab.parse_amount(row.get("Innvilget beløp organisasjon EUR"))
        sme = row.get("Søknadstype", "").upper().startswith("SME")
        sector, src = norway_sector(row["FoU sektorkode"], name, sme=sme)
        event = EventRow(f"con:{SOURCE}:{project}", "contract", SOURCE, year=year, date=iso,
                         title=row.get("Prosjektnavn") or row.get("Prosjektkortnavn") or None,
                         origin=f"{path}:{line}",
                         extra={"end_date": tab.optional_date(row.get("Kontrakt sluttdato"))})
        org = OrgRow(f"org:{SOURCE}:{orgnr}", name, sector, src, country="NO",
                     region=row.get("Adresse fylke") or None,
                     city=row.get("Adresse kommune") or None, ids=(("orgnr", orgnr),))
        tab.add_row(ctx, event=event, role=role, org=org, row_id=row.get("Deltakernr"))

    tab.read_rows(path, ctx, ";", COLUMNS, handle)


register(Format(name="norway-h2020", kind="contract", sniff=_sniff, reader=read_norway,
                priority=30,
                description="Research Council of Norway H2020 grants to Norwegian organisations"))
