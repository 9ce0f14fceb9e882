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

Examples
--------
>>> import tempfile
>>> import netkit as nk
>>> from netkit.datasets import synthetic_ecosystem
>>> from netkit.datasets.writers import cordis
>>> corpus, truth = synthetic_ecosystem(seed=1, size="tiny")
>>> files = cordis.write(corpus, truth, tempfile.mkdtemp())
>>> [f.name for f in files]
['project.csv', 'organization.csv']
>>> back = nk.ingest.read(files)
>>> back.n_events == (corpus.events["source"] == "cordis").sum()
True
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

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
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ev = corpus.events[(corpus.events["source"] == SOURCE) & (corpus.events["kind"] == "contract")]
    ev = ev.sort_values("event_id")
    if ev.empty:
        return []
    orgs = corpus.organizations.set_index("org_id")
    alias = truth.aliases[truth.aliases["source"] == SOURCE].set_index("org_id")["name"]
    pics = truth.org_ids[truth.org_ids["scheme"] == "pic"].drop_duplicates("org_id")
    pic = pics.set_index("org_id")["value"]
    part = corpus.participations[corpus.participations["event_id"].isin(ev["event_id"])]
    part = part[part["org_id"].notna()]
    role_order = {"coordinator": 0, "participant": 1, "partner": 2}
    projects = [PROJECT_COLUMNS]
    organizations = [ORG_COLUMNS]
    by_event = {k: g for k, g in part.groupby("event_id", sort=False, observed=True)}
    for n, row in enumerate(ev.itertuples(index=False)):
        pid = 101000000 + int(row.event_id.rsplit(":", 1)[1])
        acronym = "".join(w[0] for w in str(row.title).split()[:4]).upper() + f"{n % 100:02d}"
        start = pd.Timestamp(row.date)
        end = start + pd.DateOffset(months=36) - pd.Timedelta(days=1)
        amount = float(row.amount) if pd.notna(row.amount) else 0.0
        rcn = 230000 + n
        projects.append([
            pid, acronym, "CLOSED" if end.year < 2024 else "SIGNED", _s(row.title),
            start.date().isoformat(), end.date().isoformat(), _money(amount * 1.2),
            _money(amount), "HORIZON.2.5", "HORIZON-CL5-2021-D3-01-01",
            (start - pd.Timedelta(days=30)).date().isoformat(), "HORIZON", "HORIZON-CL5-2021-D3-01",
            "HORIZON-CL5-2021-D3-01", "HORIZON-RIA", "", f"{_s(row.title)}.",
            "2023-06-01 12:00:00", rcn, f"10.3030/{pid}"])
        rows = by_event.get(row.event_id)
        if rows is None:
            continue
        rows = rows.assign(_o=rows["role"].astype(str).map(role_order).fillna(3))
        rows = rows.sort_values(["_o", "org_id"], kind="stable")
        share = amount / max(len(rows), 1)
        for order, r in enumerate(rows.itertuples(index=False), start=1):
            o = orgs.loc[r.org_id]
            geo = f"{o['lat']:.4f},{o['lon']:.4f}" if pd.notna(o["lat"]) else ""
            role = str(r.role) if str(r.role) in role_order else "participant"
            organizations.append([
                pid, acronym, pic.get(r.org_id, ""), "", alias.get(r.org_id, o["name"]), "",
                "true" if o["sector"] == "startup" else "false",
                ACTIVITY_TYPE.get(str(o["sector"]), "OTH"), "", "", _s(o["city"]),
                _s(o["country"]), _s(o["region"]), geo, "", "", "2023-06-01 12:00:00", rcn,
                order, role, _money(share), _money(share), _money(share * 1.2), "false", "true"])
    paths = [directory / "project.csv", directory / "organization.csv"]
    paths[0].write_bytes(_csv(projects))
    paths[1].write_bytes(_csv(organizations))
    return paths
