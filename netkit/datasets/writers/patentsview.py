"""Write the synthetic ecosystem's PatentsView patents as the bulk ``g_*`` tables.

Five zipped tab-separated tables as PatentsView distributes them (``g_patent.tsv.zip``,
``g_application.tsv.zip``, ``g_assignee_disambiguated.tsv.zip``,
``g_inventor_disambiguated.tsv.zip``, ``g_location_disambiguated.tsv.zip``): header and
text fields in double quotes, numbers bare. Patent ids are ``9000000 + n`` for the
event ``pat:syn:n``; ``assignee_id`` is the organisation's ``assignee`` identifier of
``truth.org_ids``; names are spelled as ``truth.aliases`` gives them for
``patentsview``; ``assignee_type`` is 2/3 (company, US/foreign) or 6/7 (government).
Zip members carry a fixed timestamp, so the bytes are the same for a seed.

The example of :mod:`netkit.datasets.writers` writes and reads it back.
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pandas as pd

from netkit.datasets.writers._events import source_events
from netkit.datasets.writers._publications import split_name
from netkit.datasets.writers.uspto import grant_date
from netkit.model.files import atomic_path

__all__ = ["write"]

SOURCE = "patentsview"
_NS = uuid.UUID("6f1c1f3e-8d5a-4a52-9a0b-1f7a5e2f7c11")


def _q(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return '""'
    return '"' + str(value).replace('"', '""') + '"'


def _line(fields) -> str:
    return "\t".join(map(str, fields)) + "\n"


def _zip(path: Path, member: str, text: str) -> None:
    info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr(info, text.encode("utf-8"))


def _location_id(city, country) -> str:
    return str(uuid.uuid5(_NS, f"{city}|{country}"))


def _split(name: str) -> tuple[str, str]:
    """(first, last): PatentsView writes names in full, with their accents."""
    last, first = split_name(name) if name else ("", "")
    return first, last


def write(corpus, truth, directory) -> list[Path]:
    """Write the corpus's ``patentsview`` patents as the five g_ tables; return their paths."""
    src = source_events(corpus, truth, directory, SOURCE, "patent")
    if src is None:
        return []
    ev, orgs, alias, people = src.events, src.orgs, src.alias, src.people
    ids = truth.org_ids[truth.org_ids["scheme"] == "assignee"].drop_duplicates("org_id")
    assignee_id = ids.set_index("org_id")["value"].to_dict()
    part = src.participations.sort_values(["event_id", "role", "org_id", "person_id"],
                                          kind="stable")
    pid = {e: str(9000000 + int(e.rsplit(":", 1)[1])) for e in ev["event_id"]}

    patent = [_line(map(_q, ["patent_id", "patent_type", "patent_date", "patent_title",
                             "wipo_kind", "num_claims", "withdrawn", "filename"]))]
    application = [_line(map(_q, ["application_id", "patent_id", "patent_application_type",
                                  "filing_date", "series_code", "rule_47_flag"]))]
    for row in ev.itertuples(index=False):
        granted = grant_date(int(row.year))
        p = pid[row.event_id]
        patent.append(_line([_q(p), _q("utility"), _q(granted.isoformat()), _q(row.title),
                             _q("B2"), 1 + int(p) % 20, 0,
                             _q(f"ipg{granted.strftime('%y%m%d')}.xml")]))
        application.append(_line([_q(f"13/{int(p) % 1000000:06d}"), _q(p), _q("13"),
                                  _q(row.date), _q("13"), 0]))
    assignee = [_line(map(_q, ["patent_id", "assignee_sequence", "assignee_id",
                               "disambig_assignee_individual_name_first",
                               "disambig_assignee_individual_name_last",
                               "disambig_assignee_organization", "assignee_type",
                               "location_id"]))]
    inventor = [_line(map(_q, ["patent_id", "inventor_sequence", "inventor_id",
                               "disambig_inventor_name_first", "disambig_inventor_name_last",
                               "gender_code", "location_id"]))]
    locations: dict[str, tuple] = {}

    def loc(oid) -> str:
        if not isinstance(oid, str) or oid not in orgs:
            return ""
        o = orgs[oid]
        lid = _location_id(o["city"], o["country"])
        locations.setdefault(lid, (o["city"], o["region"], o["country"], o["lat"], o["lon"]))
        return lid

    for event_id, rows in part.groupby("event_id", sort=True, observed=True):
        p = pid[event_id]
        a_rows = rows[rows["role"] == "assignee"]
        for seq, oid in enumerate(a_rows["org_id"].dropna()):
            o = orgs[oid]
            gov = o["sector"] == "government"
            us = o["country"] == "US"
            code = (6 if us else 7) if gov else (2 if us else 3)
            assignee.append(_line([_q(p), seq, _q(assignee_id.get(oid, oid)), _q(""), _q(""),
                                   _q(alias.get(oid, o["name"])), code, _q(loc(oid))]))
        for seq, r in enumerate(rows[rows["role"] == "inventor"].itertuples(index=False)):
            first, last = _split(people.get(r.person_id, ""))
            iid = "fl:syn:" + str(r.person_id).rsplit(":", 1)[1]
            inventor.append(_line([_q(p), seq, _q(iid), _q(first), _q(last), _q(""),
                                   _q(loc(r.org_id))]))
    location = [_line(map(_q, ["location_id", "disambig_city", "disambig_state",
                               "disambig_country", "latitude", "longitude", "county",
                               "state_fips", "county_fips"]))]
    for lid in sorted(locations):
        city, region, country, lat, lon = locations[lid]
        location.append(_line([_q(lid), _q(city), _q(region), _q(country),
                               "" if pd.isna(lat) else f"{lat:.4f}",
                               "" if pd.isna(lon) else f"{lon:.4f}", _q(""), "", ""]))
    paths = []
    for name, lines in (("g_patent", patent), ("g_application", application),
                        ("g_assignee_disambiguated", assignee),
                        ("g_inventor_disambiguated", inventor),
                        ("g_location_disambiguated", location)):
        path = src.directory / f"{name}.tsv.zip"
        _zip(path, f"{name}.tsv", "".join(lines))
        paths.append(path)
    return paths
