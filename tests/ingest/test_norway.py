"""Research Council of Norway H2020 participations: the real sample."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

import netkit as nk
from netkit.lexicon import subdivision_code

SAMPLE = "h2020-norway-participations/h2020_norway_participations_start2014-2018.csv"
SECTORS = {"UoH": "university", "INS": "research", "NÆR": "firm", "HEL": "health",
           "NFR": "government"}


@pytest.fixture(scope="module")
def sample(real_data):
    path = real_data / SAMPLE
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    return nk.ingest.read(path), rows


@pytest.mark.realdata
def test_counts_and_accounting(sample):
    c, rows = sample
    acc = c.accounting.iloc[0]
    assert acc["format"] == "norway-h2020"
    assert acc["records_seen"] == 1480 == len(rows) == acc["loaded"]
    assert acc["quarantined"] == acc["duplicates"] == 0
    assert c.n_events == 971 and c.n_organizations == 440 and c.n_participations == 1480
    assert Counter(c.participations["role"].astype(str)) == Counter(
        r["Organisasjon rolle"].lower() for r in rows)
    assert (c.organizations["country"] == "NO").all()


@pytest.mark.realdata
def test_sectors_from_rd_sector_code(sample):
    c, rows = sample
    orgs = c.organizations.set_index("org_id")
    first = {}
    for r in rows:
        first.setdefault(r["Organisasjonsnummer"], r)
    for orgnr, r in first.items():
        o = orgs.loc[f"org:norway:{orgnr}"]
        code = r["FoU sektorkode"]
        assert o["sector_source"].startswith(f"norway:FoU={code}")
        if code in SECTORS and code != "NÆR":
            assert o["sector"] == SECTORS[code]
        if code == "NÆR":
            sme = r["Søknadstype"].startswith("SME")
            assert o["sector"] == ("startup" if sme else "firm")
    assert (c.organizations["sector"] == "startup").sum() > 0


@pytest.mark.realdata
def test_spot_checks(sample):
    c, rows = sample
    r = rows[0]
    ev = c.events.set_index("event_id").loc[f"con:norway:{r['Prosjektnr']}"]
    d, m, y = r["Kontrakt startdato"][:10].split(".")
    assert ev["date"] == f"{y}-{m}-{d}" and ev["year"] == int(y)
    assert ev["title"] == r["Prosjektnavn"]
    o = c.organizations.set_index("org_id").loc[f"org:norway:{r['Organisasjonsnummer']}"]
    # the county as its ISO 3166-2 code ("Troms og Finnmark - Romsa ja Finnmárku" = NO-54)
    assert (o["name"], o["city"], o["region"]) == (
        r["Organisasjonsnavn"], r["Adresse kommune"], subdivision_code("NO", r["Adresse fylke"]))
    assert o["region"].startswith("NO-")
    ids = c.org_ids[c.org_ids["scheme"] == "orgnr"]
    assert len(ids) == 440 and ids["value"].str.fullmatch(r"\d{9}").all()
