"""US NSF award XML (the bulk award download: one ``<rootTag><Award>`` per file).

Each award becomes a contract event ``con:nsf:<AwardID>`` dated by
``AwardEffectiveDate`` (MM/DD/YYYY) with ``AwardAmount`` in USD; the awardee
``<Institution>`` an organisation with role ``awardee`` (sector from the name rules;
id ``org:nsf:<name>``, or by UEI when the record has one) and each ``<Investigator>``
a person with role ``investigator`` (no organisation: co-investigators of
collaborative awards may sit elsewhere). E-mail addresses are not kept. A zip of
award files (NSF's yearly archives) is read member by member with
``format="nsf-xml"`` (archives of many files are not sniffed); each member is one
record (line = member number). Parsing uses :mod:`defusedxml`.

Examples
--------
>>> import netkit as nk, pathlib, tempfile
>>> xml = ('<?xml version="1.0" encoding="UTF-8"?><rootTag><Award><AwardTitle>T</AwardTitle>'
...        '<AwardEffectiveDate>02/01/2016</AwardEffectiveDate><AwardAmount>1000</AwardAmount>'
...        '<AwardID>1500001</AwardID><Investigator><FirstName>Ada</FirstName>'
...        '<LastName>Lovelace</LastName><RoleCode>Principal Investigator</RoleCode></Investigator>'
...        '<Institution><Name>Iowa State University</Name><CountryName>United States</CountryName>'
...        '</Institution></Award></rootTag>')
>>> p = pathlib.Path(tempfile.mkdtemp()) / "1500001.xml"
>>> _ = p.write_text(xml)
>>> c = nk.ingest.read(p)
>>> c.events[["event_id", "year", "amount", "currency"]].values.tolist()
[['con:nsf:1500001', 2016, 1000.0, 'USD']]
>>> c.organizations[["name", "sector"]].values.tolist()
[['Iowa State University', 'university']]
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as DET

from netkit.errors import InputError, RecordError
from netkit.ingest.formats._tabular import (
    check_id,
    parse_amount,
    parse_date,
    slug,
)
from netkit.ingest.formats.uspto import person_id
from netkit.ingest.plan import quarantine_bad
from netkit.ingest.registry import Format, ReadContext, register
from netkit.ingest.textio import MAX_LINE_BYTES, open_binary, open_zip_member, read_zip_member
from netkit.lexicon.countries import country_code
from netkit.lexicon.source_sectors import name_sector

__all__ = ["read_nsf"]

SOURCE = "nsf"


def _sniff(path: Path, head: bytes) -> bool:
    if path.suffix == ".zip" and head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.endswith(".xml")]
                if not names:
                    return False
                with open_zip_member(zf, names[0], path) as fh:  # never read whole
                    return b"<rootTag>" in fh.read(4096)
        except (zipfile.BadZipFile, OSError, InputError):
            return False
    return b"<rootTag>" in head[:4096] and b"<Award>" in head


def _t(el: Element, path: str) -> str | None:
    found = el.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _award(data: bytes) -> dict:
    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise RecordError(f"unsafe XML refused ({type(exc).__name__})") from None
    except ParseError as exc:
        raise RecordError(f"malformed XML ({exc})") from None
    except ValueError as exc:  # the XML parser refuses the bytes
        raise RecordError(str(exc)) from None
    award = root.find("Award") if root.tag != "Award" else root
    if award is None:
        raise RecordError(f"no <Award> in <{root.tag}>")
    award_id = _t(award, "AwardID")
    if not award_id:
        raise RecordError("no AwardID")
    check_id(award_id, "AwardID")
    iso, year = parse_date(_t(award, "AwardEffectiveDate"))
    amount = parse_amount(_t(award, "AwardAmount"))
    inst = award.find("Institution")
    name = _t(inst, "Name") if inst is not None else None
    if not name:
        raise RecordError(f"award {award_id}: no awardee institution name")
    uei = None
    for tag in ("ORG_UEI_NUM", "UEI", "OrgUEINum"):
        uei = uei or _t(inst, tag) or _t(award, tag)
    investigators = []
    for inv in award.iterfind("Investigator"):
        last, first = _t(inv, "LastName"), _t(inv, "FirstName")
        if not (last or first):
            last = _t(inv, "PI_FULL_NAME")
        if not (last or first):
            raise RecordError(f"award {award_id}: investigator without a name")
        investigators.append((last, first))
    return {
        "id": award_id, "date": iso, "year": year, "amount": amount,
        "title": _t(award, "AwardTitle"), "name": name, "uei": uei,
        "city": _t(inst, "CityName"), "state": _t(inst, "StateName") or _t(inst, "StateCode"),
        "country": country_code(_t(inst, "CountryName"), codes=True), "investigators": investigators,
    }


def _add(a: dict, ctx: ReadContext, origin: str) -> bool:
    b = ctx.builder
    event_id = f"con:{SOURCE}:{a['id']}"
    if not b.add_event(event_id, "contract", year=a["year"], date=a["date"], title=a["title"],
                       amount=a["amount"], currency="USD" if a["amount"] is not None else None,
                       source=SOURCE, origin=origin):
        return False
    org_id = f"org:{SOURCE}:uei-{a['uei']}" if a["uei"] else f"org:{SOURCE}:{slug(a['name'])}"
    sector, src = name_sector(a["name"], SOURCE)
    b.add_org(org_id, a["name"], sector, src, country=a["country"], region=a["state"],
              city=a["city"])
    b.add_org_id(org_id, "uei", a["uei"])
    b.add_participation(event_id, org_id=org_id, role="awardee", raw_affiliation=a["name"])
    for last, first in a["investigators"]:
        pid = person_id(SOURCE, last, first, None)
        b.add_person(pid, ", ".join(p for p in (last, first) if p))
        b.add_participation(event_id, person_id=pid, role="investigator")
    return True


def _one(data: bytes, line: int, origin: str, ctx: ReadContext) -> None:
    award = quarantine_bad(ctx.ledger, line, lambda: data[:2000].decode("utf-8", "replace"),
                           _award, data)
    if award is None:
        return
    if _add(award, ctx, origin):
        ctx.ledger.loaded()
    else:
        ctx.ledger.duplicate()


def read_nsf(path: Path, ctx: ReadContext) -> None:
    """Read one NSF award XML file (or a zip of them); see the module docstring."""
    if path.suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                members = sorted(n for n in zf.namelist() if not n.endswith("/"))
                for i, name in enumerate(members, start=1):
                    ctx.ledger.seen()
                    _one(read_zip_member(zf, name, path), i, f"{path}#{i}", ctx)
        except zipfile.BadZipFile as exc:
            raise InputError(f"not a readable zip archive ({exc})", file=str(path)) from exc
        return
    with open_binary(path) as fh:  # .gz and .bz2 too (a gzipped award was "malformed XML")
        data = fh.read(MAX_LINE_BYTES + 1)
    if len(data) > MAX_LINE_BYTES:
        raise InputError(f"larger than {MAX_LINE_BYTES >> 20} MB: not one NSF award",
                         file=str(path), hint="check the file")
    ctx.ledger.seen()
    _one(data, 1, f"{path}:1", ctx)


register(Format(name="nsf-xml", kind="contract", sniff=_sniff, reader=read_nsf, priority=20,
                description="US NSF award XML (one award per file, or a zip of them)"))
