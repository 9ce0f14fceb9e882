"""NSERC partner rows: the real FY1994 sample."""

from __future__ import annotations

import csv

import pytest

import netkit as nk

SAMPLE = "nserc-partners/nserc_partners_fy1994_grants_part1.csv"


@pytest.mark.realdata
def test_real_sample(real_data):
    path = real_data / SAMPLE
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    c = nk.ingest.read(path)
    acc = c.accounting.iloc[0]
    assert acc["format"] == "nserc-partners"
    assert acc["records_seen"] == 763 == len(rows) == acc["loaded"]
    assert c.n_events == 431 and c.n_organizations == 398
    assert (c.participations["role"] == "partner").all()
    assert (c.events["year"] == 1994).all()
    orgs = c.organizations.set_index("org_id")
    assert orgs.loc["org:nserc:9001", ["name", "region", "country"]].tolist() == [
        "Aon Reed Stenhouse Inc.", "CA-AB", "CA"]
    assert orgs.loc["org:nserc:9001", "sector"] == "firm"
    assert orgs["sector_source"].str.startswith("nserc:name:").all()
    grant = c.participations[c.participations["event_id"] == "con:nserc:30188"]
    assert len(grant) == sum(1 for r in rows if r[0] == "30188")
