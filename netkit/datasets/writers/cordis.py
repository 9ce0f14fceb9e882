"""Write the synthetic ecosystem's contracts in the raw CORDIS ``project`` + ``organization`` layout.

Two ``;``-separated, fully quoted UTF-8 files as the CORDIS open-data portal publishes
them for H2020 / Horizon Europe: ``project.csv`` (``id``, ``acronym``, ``title``,
``startDate``, ``ecMaxContribution`` …) and ``organization.csv`` (``projectID``,
``organisationID`` = PIC from ``truth.org_ids``, ``name`` as ``truth.aliases`` gives it
for ``cordis``, ``SME``, ``activityType``, ``city``, ``country``, ``nutsCode``,
``geolocation``, ``role``, ``ecContribution`` …). Amounts use a decimal comma, as the
portal's files do. Project ids are ``101000000 + n`` for the event ``con:syn:n``.
``activityType``: university HES, research REC, firm and startup PRC (startups with
``SME`` true), government and health PUB, nonprofit OTH.

The example of :mod:`netkit.datasets.writers` writes and reads it back.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from netkit.datasets.writers._events import source_events
from netkit.model.files import atomic_write_bytes

__all__ = ["ACTIVITY_TYPE", "write"]

SOURCE = "cordis"
ACTIVITY_TYPE = {"university": "HES", "research": "REC", "firm": "PRC", "startup": "PRC",
                 "government": "PUB", "health": "PUB", "nonprofit": "OTH", "other": "OTH",
                 "unknown": "OTH"}
"""Synthetic sector → CORDIS ``activityType``."""

PROJECT_COLUMNS = ["id", "acronym", "status", "title", "startDate", "endDate", "totalCost",
                   "ecMaxContribution", "legalBasis", "topics", "ecSignatureDate",
                   "frameworkProgramme", "masterCall", "subCall", "fundingScheme", "nature",
                   "objective", "contentUpdateDate", "rcn", "grantDoi"]
ORG_COLUMNS = ["projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName",
               "SME", "activityType", "street", "postCode", "city", "country", "nutsCode",
               "geolocation", "organizationURL", "contactForm", "contentUpdateDate", "rcn",
               "order", "role", "ecContribution", "netEcContribution", "totalCost",
               "endOfParticipation", "active"]


def _money(x: float) -> str:
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def _csv(rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _s(v) -> str:
    return "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)


def write(corpus, truth, directory) -> list[Path]:
    """Write the corpus's ``cordis`` contracts as ``project.csv`` + ``organization.csv``."""
    src = source_events(corpus, truth, directory, SOURCE, "contract")
    if src is None:
        return []
    ev, alias = src.events, src.alias
    pics = truth.org_ids[truth.org_ids["scheme"] == "pic"].drop_duplicates("org_id")
    pic = pics.set_index("org_id")["value"]
    role_order = {"coordinator": 0, "participant": 1, "partner": 2}
    part = src.participations[src.participations["org_id"].notna()]
    part = part[["event_id", "org_id", "role"]].astype({"role": str})
    part = part.merge(corpus.organizations, on="org_id", how="left", sort=False)
    part["_o"] = part["role"].map(role_order).fillna(3)
    part = part.sort_values(["event_id", "_o", "org_id"], kind="stable")
    part["order"] = part.groupby("event_id", sort=False).cumcount() + 1
    part["n"] = part.groupby("event_id", sort=False)["org_id"].transform("size")
    part["name_out"] = part["org_id"].map(alias).fillna(part["name"])
    part["pic"] = part["org_id"].map(pic).fillna("")
    projects = [PROJECT_COLUMNS]
    organizations = [ORG_COLUMNS]
    info = {}
    for n, row in enumerate(ev.itertuples(index=False)):
        pid = 101000000 + int(row.event_id.rsplit(":", 1)[1])
        acronym = "".join(w[0] for w in str(row.title).split()[:4]).upper() + f"{n % 100:02d}"
        start = pd.Timestamp(row.date)
        end = start + pd.DateOffset(months=36) - pd.Timedelta(days=1)
        amount = float(row.amount) if pd.notna(row.amount) else 0.0
        rcn = 230000 + n
        info[row.event_id] = (pid, acronym, rcn, amount)
        projects.append([
            pid, acronym, "CLOSED" if end.year < 2024 else "SIGNED", _s(row.title),
            start.date().isoformat(), end.date().isoformat(), _money(amount * 1.2),
            _money(amount), "HORIZON.2.5", "HORIZON-CL5-2021-D3-01-01",
            (start - pd.Timedelta(days=30)).date().isoformat(), "HORIZON", "HORIZON-CL5-2021-D3-01",
            "HORIZON-CL5-2021-D3-01", "HORIZON-RIA", "", f"{_s(row.title)}.",
            "2023-06-01 12:00:00", rcn, f"10.3030/{pid}"])
    for r in part.itertuples(index=False):
        pid, acronym, rcn, amount = info[r.event_id]
        share = amount / r.n
        geo = f"{r.lat:.4f},{r.lon:.4f}" if pd.notna(r.lat) else ""
        role = r.role if r.role in role_order else "participant"
        organizations.append([
            pid, acronym, r.pic, "", r.name_out, "",
            "true" if r.sector == "startup" else "false",
            ACTIVITY_TYPE.get(str(r.sector), "OTH"), "", "", _s(r.city), _s(r.country),
            _s(r.region), geo, "", "", "2023-06-01 12:00:00", rcn, r.order, role,
            _money(share), _money(share), _money(share * 1.2), "false", "true"])
    return [atomic_write_bytes(src.directory / "project.csv", _csv(projects)),
            atomic_write_bytes(src.directory / "organization.csv", _csv(organizations))]
