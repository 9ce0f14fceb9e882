"""SBIR/STTR award CSV (sbir.gov layout)."""

from __future__ import annotations

from pathlib import Path

import netkit as nk

DATA = Path(__file__).resolve().parents[1] / "data" / "patents_contracts"


def test_awards_firms_and_research_partners():
    c = nk.ingest.read(DATA / "sbir_awards.csv")
    acc = c.accounting.iloc[0]
    assert acc["format"] == "sbir-csv"
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"]) == (4, 4, 0)
    assert c.n_events == 4 and (c.events["currency"] == "USD").all()
    ev = c.events.set_index("title")
    assert ev.loc["Ice sensing", ["amount", "year", "date"]].tolist() == [149999.0, 2019, "2019-08-20"]
    assert ev.loc["Ice sensing II", "date"] == "2020-06-15"
    assert ev.loc["Bio", "amount"] == 225000.0
    orgs = c.organizations.set_index("org_id")
    acme = orgs.loc["org:sbir:uei-ABCDEFGH1234"]
    assert (acme["sector"], acme["sector_source"]) == ("startup", "sbir:name:legal_form+small-business")
    assert orgs.loc["org:sbir:duns-987654321", "sector"] == "startup"  # no UEI: DUNS
    assert orgs.loc["org:sbir:iowa-state-university", "sector"] == "university"
    assert orgs.loc["org:sbir:fred-hutchinson-cancer-center", "sector"] == "health"  # a cancer centre
    p = c.participations
    assert sorted(p.loc[p["role"] == "partner", "org_id"]) == [
        "org:sbir:fred-hutchinson-cancer-center", "org:sbir:iowa-state-university"]
    # the SBIR (not STTR) award and the "Stub" research institution give no partner
    assert (p["role"] == "awardee").sum() == 4
    ids = c.org_ids.set_index(["org_id", "scheme"])["value"]
    assert ids[("org:sbir:uei-ABCDEFGH1234", "duns")] == "123456789"
