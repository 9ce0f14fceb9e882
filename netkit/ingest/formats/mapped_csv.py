"""Any CSV of events and participants, described by a small TOML mapping file.

For a national contract registry, a grant database, or a spreadsheet of
collaborations that netkit has no reader for::

    nk.ingest.read("contracts.csv", format="csv-mapped", mapping="map.toml")

The mapping names the columns (only ``event_id``, a ``year`` or ``date``, and an
``organisation`` or ``person`` are required)::

    source = "kontrakter"        # namespace of the ids (default "csv")
    kind = "contract"            # publication | patent | contract (default contract)
    delimiter = ";"              # default ","
    currency = "NOK"             # for amounts (optional)
    default_role = "participant"

    [columns]
    event_id = "Contract no"
    year = "Year"                # or date = "Signed" (the year is taken from it)
    title = "Title"
    organisation = "Supplier"
    org_id = "Org number"        # a stable organisation identifier, if the file has one
    sector = "Type"
    person = "Contact"
    role = "Role"
    amount = "Value"
    country = "Country"
    founded_year = "Founded"     # a firm founded <= 10 years before the event is a startup
    sme = "SME"                  # true/yes/1 marks a small firm as a startup

    [sectors]                    # source values -> netkit sectors (netkit names pass as-is)
    "Universitet" = "university"

    [roles]                      # source values -> netkit roles
    "Lead" = "coordinator"

Each row is one participation record (an event spans its rows). Events are
``<kind prefix>:<source>:<event_id>``, organisations ``org:<source>:<org_id or name>``,
people ``per:<source>:<name>``. A sector value the mapping does not know falls back
to the name rules (and says so in ``sector_source``); an unknown role, a bad year or
date, or a negative amount quarantines the row.

Examples
--------
>>> import netkit as nk, pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "map.toml").write_text('source = "reg"\\n[columns]\\nevent_id = "No"\\n'
...     'year = "Year"\\norganisation = "Org"\\nsector = "Type"\\n[sectors]\\nU = "university"\\n')
>>> _ = (d / "c.csv").write_text("No,Year,Org,Type\\n1,2020,Univ A,U\\n1,2020,Acme AS,\\n")
>>> c = nk.ingest.read(d / "c.csv", format="csv-mapped", mapping=d / "map.toml")
>>> c.organizations[["org_id", "sector", "sector_source"]].values.tolist()
[['org:reg:univ-a', 'university', 'csv:reg:sector=U'], ['org:reg:acme-as', 'firm', 'reg:name:legal_form']]
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from netkit.errors import InputError, ParameterError, RecordError
from netkit.ingest.formats import _tabular as tab
from netkit.ingest.plan import EventRow, OrgRow, PersonRow
from netkit.ingest.registry import Format, ReadContext, register
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import flag_startup, name_sector
from netkit.model import EVENT_KINDS, ROLES, SECTORS

__all__ = ["load_mapping", "read_mapped_csv"]

_PREFIX = {"publication": "pub", "patent": "pat", "contract": "con"}
_KEYS = {"event_id", "year", "date", "title", "organisation", "organization", "org_id",
         "sector", "person", "role", "amount", "country", "founded_year", "sme", "city",
         "region"}


def load_mapping(mapping) -> dict:
    """Read and check a mapping (a TOML path or an already-parsed dict).

    Raises
    ------
    ParameterError
        If the mapping is missing, unreadable, or lacks the required columns.
    """
    if mapping is None:
        raise ParameterError("format csv-mapped needs a mapping: read(..., mapping='map.toml') "
                             "or netkit ingest --mapping map.toml")
    if isinstance(mapping, dict):
        m = dict(mapping)
    else:
        try:
            with open(mapping, "rb") as fh:
                m = tomllib.load(fh)
        except OSError as exc:
            raise ParameterError(f"cannot read mapping {mapping}: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ParameterError(f"mapping {mapping} is not valid TOML: {exc}") from exc
    cols = dict(m.get("columns") or {})
    if "organization" in cols and "organisation" not in cols:
        cols["organisation"] = cols.pop("organization")
    unknown = set(cols) - _KEYS
    if unknown:
        raise ParameterError(f"mapping: unknown column key(s) {sorted(unknown)}; "
                             f"known: {', '.join(sorted(_KEYS))}")
    if "event_id" not in cols:
        raise ParameterError("mapping: [columns] needs event_id")
    if "year" not in cols and "date" not in cols:
        raise ParameterError("mapping: [columns] needs year or date")
    if "organisation" not in cols and "person" not in cols:
        raise ParameterError("mapping: [columns] needs organisation or person")
    kind = m.get("kind", "contract")
    if kind not in EVENT_KINDS:
        raise ParameterError(f"mapping: kind {kind!r} not one of {', '.join(EVENT_KINDS)}")
    sectors = dict(m.get("sectors") or {})
    bad = {k: v for k, v in sectors.items() if v not in SECTORS}
    if bad:
        raise ParameterError(f"mapping: [sectors] values must be netkit sectors, got {bad}")
    roles = dict(m.get("roles") or {})
    bad = {k: v for k, v in roles.items() if v not in ROLES}
    default_role = m.get("default_role", "participant")
    if bad or default_role not in ROLES:
        raise ParameterError(f"mapping: roles must be netkit roles ({', '.join(ROLES)})")
    return {"source": tab.slug(str(m.get("source", "csv"))) or "csv", "kind": kind,
            "delimiter": str(m.get("delimiter", ",")), "currency": m.get("currency"),
            "columns": cols, "sectors": sectors, "roles": roles, "default_role": default_role}


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "yes", "y", "1", "t", "x")


def read_mapped_csv(path: Path, ctx: ReadContext) -> None:
    """Read a CSV through the mapping in ``ctx.options["mapping"]``; see the module docstring."""
    m = load_mapping(ctx.options.get("mapping"))
    cols, source = m["columns"], m["source"]
    prefix = _PREFIX[m["kind"]]
    required = list(dict.fromkeys(cols.values()))

    def get(row: dict, key: str) -> str:
        return row.get(cols[key], "") if key in cols else ""

    def handle(row: dict, line: int, raw: str) -> None:
        eid = get(row, "event_id")
        if not eid:
            raise RecordError(f"empty event id ({cols['event_id']})")
        iso = None
        if get(row, "date"):
            iso, year = tab.parse_date(get(row, "date"))
        if "year" in cols:
            year = tab.parse_year(get(row, "year"))
        elif iso is None:
            raise RecordError(f"empty date ({cols['date']})")
        amount = tab.parse_amount(get(row, "amount"))
        raw_role = get(row, "role")
        role = m["roles"].get(raw_role, raw_role.lower() or m["default_role"])
        if role not in ROLES:
            raise RecordError(f"unknown role {raw_role!r}; map it in [roles]")
        org_name, person_name = get(row, "organisation"), get(row, "person")
        if not (org_name or person_name):
            raise RecordError("neither organisation nor person")
        founded = tab.parse_year(get(row, "founded_year")) if get(row, "founded_year") else None
        event = EventRow(f"{prefix}:{source}:{eid}", m["kind"], source, year=year, date=iso,
                         title=get(row, "title") or None, amount=amount,
                         currency=m["currency"] if amount is not None else None,
                         origin=f"{path}:{line}")
        org = None
        if org_name:
            value = get(row, "sector")
            if value in m["sectors"] or value in SECTORS:
                sector = m["sectors"].get(value, value)
                src = f"csv:{source}:sector={value}"
            else:
                sector, src = name_sector(org_name, source)
                if value:
                    src = f"csv:{source}:sector={value} unknown+{src.split(':', 1)[1]}"
            sector, src = flag_startup(sector, src, small=_truthy(get(row, "sme")),
                                       founded_year=founded, event_year=year)
            key = get(row, "org_id")
            org_key = tab.slug(key, 120) if key else tab.slug(org_name)
            org = OrgRow(f"org:{source}:{org_key}", org_name,
                         sector, src, country=country_code(get(row, "country"), codes=True),
                         city=get(row, "city") or None, region=get(row, "region") or None,
                         founded_year=founded, ids=((source, key),) if key else ())
        person = None
        if person_name:
            person = PersonRow(f"per:{source}:{tab.slug(person_name)}", person_name)
        tab.add_row(ctx, event=event, role=role, org=org, person=person)

    try:
        tab.read_rows(path, ctx, m["delimiter"], required, handle)
    except InputError as exc:
        if "missing column" in exc.message:
            raise InputError(exc.message, file=exc.file, line=exc.line,
                             hint="the mapping names columns this file does not have "
                                  "(or the delimiter is wrong)") from exc
        raise


register(Format(name="csv-mapped", kind="contract", sniff=lambda path, head: False,
                reader=read_mapped_csv, priority=99,
                description="any CSV described by a TOML mapping (mapping=...)"))
