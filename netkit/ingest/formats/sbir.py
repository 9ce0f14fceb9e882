"""SBIR / STTR awards (the award CSV of sbir.gov).

One row per award: ``Company``, ``UEI``, ``Duns``, ``Program`` (SBIR/STTR), ``Phase``,
``Agency``, ``Agency Tracking Number``, ``Contract``, ``Award Title``, ``Award Year``,
``Proposal Award Date``, ``Award Amount``, ``RI Name`` (the research institution of an
STTR award) … Each award is a contract event ``con:sbir:<agency>:<contract or tracking
number>`` in its award year, amount in USD. The company is a small business by
definition of the programme: role ``awardee``, sector ``startup``
(``sbir:small-business``), id ``org:sbir:uei-<UEI>`` (else DUNS, else name) with UEI
and DUNS in ``org_ids``. The research institution of an STTR award is its
``partner`` (sector from the name rules; ``research`` when they say nothing).

Examples
--------
>>> import netkit as nk, pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "awards.csv"
>>> _ = p.write_text(
...     "Company,Award Title,Agency,Phase,Program,Agency Tracking Number,Contract,"
...     "Proposal Award Date,Award Year,Award Amount,Duns,UEI,RI Name\\n"
...     "Acme Sensors LLC,Sensing,DOD,Phase I,STTR,A1,W911-1,2019-08-20,2019,\\"149,999\\","
...     "123456789,ABCDEFGH1234,Iowa State University\\n")
>>> c = nk.ingest.read(p)
>>> c.participations[["org_id", "role"]].values.tolist()
[['org:sbir:uei-ABCDEFGH1234', 'awardee'], ['org:sbir:iowa-state-university', 'partner']]
>>> c.organizations["sector"].tolist(), float(c.events["amount"].iloc[0])
(['startup', 'university'], 149999.0)
"""

from __future__ import annotations

from pathlib import Path

from netkit.errors import RecordError
from netkit.ingest.formats import _tabular as tab
from netkit.ingest.plan import EventRow, OrgRow
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.source_sectors import flag_startup, name_sector

__all__ = ["read_sbir"]

SOURCE = "sbir"
COLUMNS = ("Company", "Agency", "Program", "Award Year", "Award Amount")


def _sniff(path: Path, head: bytes) -> bool:
    cols = set(tab.delimited_header(head, ","))
    return {"Company", "Award Amount", "Agency"} <= cols and bool(
        {"Agency Tracking Number", "Program", "Phase"} & cols)


def read_sbir(path: Path, ctx: ReadContext) -> None:
    """Read one SBIR/STTR award CSV; see the module docstring."""

    def handle(row: dict, line: int, raw: str) -> None:
        company = tab.required(row, "Company")
        agency = row["Agency"]
        key = row.get("Contract") or row.get("Agency Tracking Number")
        if not (agency and key):
            raise RecordError("no award id (Agency with Contract or Agency Tracking Number)")
        year = tab.parse_year(row["Award Year"])
        iso = None
        if row.get("Proposal Award Date"):
            iso, _ = tab.parse_date(row["Proposal Award Date"])
        amount = tab.parse_amount(row["Award Amount"])
        program = row["Program"].upper()
        if program not in ("SBIR", "STTR"):
            raise RecordError(f"unknown Program {row['Program']!r} (SBIR or STTR)")
        uei, duns = row.get("UEI") or None, row.get("Duns") or None
        if duns and duns.endswith(".0"):
            duns = duns[:-2]
        oid = (f"org:{SOURCE}:uei-{uei}" if uei else f"org:{SOURCE}:duns-{duns}" if duns
               else f"org:{SOURCE}:{tab.slug(company)}")
        sector, src = flag_startup(*name_sector(company, SOURCE), small=True,
                                   flag="small-business")
        if sector != "startup":  # a university-sounding name still won an SBIR award
            src = f"{src} (SBIR awardee)"
        event_id = f"con:{SOURCE}:{tab.slug(agency)}:{tab.slug(key, 120)}"
        event = EventRow(event_id, "contract", SOURCE,
                         year=year, date=iso, title=row.get("Award Title") or None,
                         amount=amount, currency="USD" if amount is not None else None,
                         origin=f"{path}:{line}")
        org = OrgRow(oid, company, sector, src, country="US", city=row.get("City") or None,
                     region=row.get("State") or None, ids=(("uei", uei), ("duns", duns)))
        partner = None
        ri = row.get("RI Name", "")
        if program == "STTR" and ri and ri.lower() not in ("stub", "n/a", "none"):
            rsector, rsrc = name_sector(ri, SOURCE)
            if rsector == "unknown":
                rsector, rsrc = "research", f"{SOURCE}:research-institution"
            partner = OrgRow(f"org:{SOURCE}:{tab.slug(ri)}", ri, rsector, rsrc, country="US")
        tab.add_row(ctx, event=event, role="awardee", org=org)
        if partner is not None:
            tab.add_row(ctx, event=event, role="partner", org=partner, count=False)

    tab.read_rows(path, ctx, ",", COLUMNS, handle)


register(Format(name="sbir-csv", kind="contract", sniff=_sniff, reader=read_sbir, priority=30,
                description="SBIR/STTR award CSV (sbir.gov)"))
