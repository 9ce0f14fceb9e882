"""CORDIS: the real processed participations sample and the raw project + organization layout."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk

DATA = Path(__file__).resolve().parents[1] / "data" / "patents_contracts"
SAMPLE = "cordis-h2020-participations/h2020_participations_start2015.csv"


@pytest.fixture(scope="module")
def sample(real_data):
    path = real_data / SAMPLE
    return path, nk.ingest.read(path), list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.mark.realdata
def test_real_counts_and_accounting(sample):
    _, c, rows = sample
    acc = c.accounting.iloc[0]
    assert acc["format"] == "cordis-participations"
    assert acc["records_seen"] == 23518 == len(rows)
    assert acc["loaded"] + acc["quarantined"] + acc["duplicates"] == acc["records_seen"]
    assert acc["loaded"] == 23518 and c.n_participations == 23518
    assert c.n_events == 4706 and c.n_organizations == 10548
    roles = c.participations["role"].value_counts()
    assert (roles["participant"], roles["coordinator"], roles["partner"]) == (17518, 4707, 1293)


@pytest.mark.realdata
def test_real_sectors_follow_activity_type(sample):
    _, c, rows = sample
    first_type = {}
    for r in rows:
        first_type.setdefault(r["pic"], r["type"])
    expected = {"HES": "university", "PRC": "firm", "REC": "research", "PUB": "government",
                "OTH": "other"}
    orgs = c.organizations.set_index("org_id")
    for pic, t in list(first_type.items())[:500]:
        assert orgs.loc[f"org:cordis:{pic}", "sector"] == expected[t]
        assert orgs.loc[f"org:cordis:{pic}", "sector_source"] == f"cordis:activityType={t}"
    per_row = Counter(expected[r["type"]] for r in rows)
    joined = c.participations.merge(c.organizations, on="org_id")["sector"].value_counts()
    # an organisation keeps its first type; almost every row agrees with it
    assert abs(joined["firm"] - per_row["firm"]) < 0.02 * per_row["firm"]


@pytest.mark.realdata
def test_real_spot_checks(sample):
    _, c, rows = sample
    r = rows[0]
    ev = c.events.set_index("event_id").loc[f"con:cordis:rcn-{r['rcn']}"]
    assert ev["date"] == r["start_date"] and ev["year"] == int(r["start_date"][:4])
    assert ev["amount"] == float(r["max_contribution"]) and ev["currency"] == "EUR"
    greek = next(x for x in rows if x["country"] == "EL")
    assert c.organizations.set_index("org_id").loc[f"org:cordis:{greek['pic']}", "country"] == "GR"
    ids = c.org_ids[c.org_ids["scheme"] == "pic"]
    assert len(ids) == 10548


def test_raw_layout_project_and_organization_joined_in_any_order():
    folder = DATA / "cordis_raw"
    for order in ([folder / "organization.csv", folder / "project.csv"],
                  [folder / "project.csv", folder / "organization.csv"]):
        c = nk.ingest.read(order)
        acc = c.accounting.set_index("format")
        assert acc.loc["cordis-project", "records_seen"] == 3
        assert acc.loc["cordis-organization", "records_seen"] == 7
        assert acc.loc["cordis-organization", "loaded"] == 5
        assert c.n_events == 3
        orgs = c.organizations.set_index("org_id")
        assert orgs.loc["org:cordis:999990001", ["sector", "country", "city"]].tolist() == [
            "university", "NO", "Trondheim"]
        assert orgs.loc["org:cordis:999990002", "sector"] == "startup"
        assert orgs.loc["org:cordis:999990002", "sector_source"] == "cordis:activityType=PRC+SME"
        assert orgs.loc["org:cordis:999990003", "sector"] == "firm"
        assert orgs.loc["org:cordis:999990001", "lat"] == pytest.approx(63.4195)
        unknown = orgs.loc["org:cordis:999990005"]
        assert unknown["sector_source"].startswith("cordis:activityType=XYZ unknown")
        assert unknown["sector"] == "research"  # by the name rules
        ev = c.events.set_index("event_id").loc["con:cordis:101000001"]
        assert (ev["year"], ev["amount"], ev["title"]) == (2021, 1999916.25, "Fish farming at scale")
        reasons = " ".join(c.quarantine["reason"])
        assert "projectID 999 is not in the project.csv read" in reasons
        assert "unknown role" in reasons
        vat = c.org_ids[(c.org_ids["scheme"] == "vat")]
        assert vat["value"].tolist() == ["NO974767880"]


def test_raw_organizations_without_project_file():
    c = nk.ingest.read(DATA / "cordis_raw" / "organization.csv")
    assert c.events["year"].isna().all()
    assert c.accounting.iloc[0]["loaded"] == 6  # the orphan project is kept (no project.csv read)


# -- organization.csv as the PIC-to-name table of the participations layout ------------------

PIC_NAMES = DATA / "cordis_pic_names"


def test_organization_csv_names_organisations_known_only_by_pic():
    c = nk.ingest.read(PIC_NAMES)  # participations.csv + organization.csv, no project.csv
    orgs = c.organizations.set_index("org_id")
    assert orgs.loc["org:cordis:999990001", "name"] == (
        "NORGES TEKNISK-NATURVITENSKAPELIGE UNIVERSITET NTNU")
    assert orgs.loc["org:cordis:999990001", ["sector", "city", "region"]].tolist() == [
        "university", "Trondheim", "NO060"]
    assert orgs.loc["org:cordis:999990001", "lat"] == 63.4195
    aqua = orgs.loc["org:cordis:999990002"]
    assert (aqua["name"], aqua["sector"], aqua["sector_source"]) == (
        "AQUA ROBOTICS AS", "startup", "cordis:activityType=PRC+SME")
    assert orgs.loc["org:cordis:999990003", "name"] == "PIC 999990003"  # not in the table
    assert "org:cordis:999990009" not in orgs.index  # named, but in no participation
    ids = set(map(tuple, c.org_ids.values.tolist()))
    assert ("org:cordis:999990001", "vat", "NO974767880") in ids
    # the table adds no events or participations: its projects are the participations'
    assert c.n_events == 2 and c.n_participations == 4
    acc = c.accounting.set_index("format")
    assert acc.loc["cordis-organization", ["records_seen", "loaded", "duplicates"]].tolist() == [
        4, 3, 1]
    assert acc.loc["cordis-participations", "loaded"] == 4


def test_organization_csv_names_pics_whatever_the_order_of_files():
    a = nk.ingest.read([PIC_NAMES / "organization.csv", PIC_NAMES / "participations.csv"])
    b = nk.ingest.read([PIC_NAMES / "participations.csv", PIC_NAMES / "organization.csv"])
    cols = ["org_id", "name", "sector", "city"]
    assert a.organizations.sort_values("org_id")[cols].values.tolist() == \
        b.organizations.sort_values("org_id")[cols].values.tolist()


def test_raw_layout_with_projects_is_unchanged_by_pic_naming():
    c = nk.ingest.read(DATA / "cordis_raw")
    assert not c.organizations["name"].str.startswith("PIC ").any()
    assert c.events["event_id"].str.fullmatch(r"con:cordis:\d+").all()


@pytest.mark.realdata
def test_real_sample_names_its_pics_from_an_organization_csv(sample, tmp_path):
    """The real participations carry no names: every organisation is ``PIC …``; an
    organization.csv given beside them names those it lists, and nothing else changes."""
    path, c, rows = sample
    assert c.organizations["name"].str.startswith("PIC ").sum() == 10548
    pics = list(dict.fromkeys(r["pic"] for r in rows))[:300]
    header = ('"projectID";"organisationID";"name";"SME";"activityType";"city";"country";'
              '"role"\n')
    lines = [f'"1";"{pic}";"Organisation {pic}";"false";"OTH";"Town";"BE";"participant"\n'
             for pic in pics]
    org_csv = tmp_path / "organization.csv"
    org_csv.write_text(header + "".join(lines), "utf-8")
    named = nk.ingest.read([path, org_csv])
    assert named.organizations["name"].str.startswith("PIC ").sum() == 10548 - 300
    orgs = named.organizations.set_index("org_id")
    assert orgs.loc[f"org:cordis:{pics[0]}", ["name", "city"]].tolist() == [
        f"Organisation {pics[0]}", "Town"]
    for name in ("events", "participations", "people"):
        pd.testing.assert_frame_equal(getattr(named, name), getattr(c, name), obj=name)
