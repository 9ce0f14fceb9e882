"""USPTO grant XML: the real weekly-file samples, the v4.5 us-parties layout, individuals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import netkit as nk
from netkit.ingest.formats.uspto import iter_documents

DATA = Path(__file__).resolve().parents[1] / "data" / "patents_contracts"
FILES = {  # file: (us-patent-grant docs, other docs, assignee elements)
    "ipg050104.small.xml": (25, 0, 21),
    "ipg070102.small.xml": (25, 1, 23),
    "ipg090106.small.xml": (25, 0, 24),
}


@pytest.fixture(scope="module")
def uspto(real_data):
    return real_data / "uspto-grant-xml"


@pytest.mark.realdata
@pytest.mark.parametrize("name", sorted(FILES))
def test_real_weekly_file_counts(uspto, name):
    grants, others, assignees = FILES[name]
    c = nk.ingest.read(uspto / name)
    acc = c.accounting.iloc[0]
    assert acc["format"] == "uspto-xml"
    assert acc["records_seen"] == grants + others == acc["loaded"] + acc["quarantined"] + acc["duplicates"]
    assert acc["loaded"] == grants == c.n_events
    assert acc["quarantined"] == others
    if others:
        assert c.quarantine["reason"].str.contains("sequence-cwu").all()
    assert (c.participations["role"] == "assignee").sum() == assignees
    # every assignee in the samples has an <orgname>: all are organisations
    assert c.participations.loc[c.participations["role"] == "assignee", "org_id"].notna().all()
    assert (c.events["kind"] == "patent").all() and c.events["event_id"].str.startswith("pat:uspto:").all()


@pytest.mark.realdata
def test_real_spot_checks_against_raw(uspto):
    path = uspto / "ipg090106.small.xml"
    raw = path.read_text(encoding="utf-8")
    c = nk.ingest.read(path)
    # filing date of every patent == the <application-reference> date of its document
    pairs = re.findall(r"<publication-reference>\s*<document-id>\s*<country>US</country>\s*"
                       r"<doc-number>(\w+)</doc-number>.*?<application-reference[^>]*>\s*"
                       r"<document-id>.*?<date>(\d{8})</date>", raw, flags=re.S)
    assert len(pairs) == 25
    ev = c.events.set_index("event_id")
    for number, filing in pairs:
        row = ev.loc[f"pat:uspto:{number}"]
        assert row["date"] == f"{filing[:4]}-{filing[4:6]}-{filing[6:]}"
        assert row["year"] == int(filing[:4])
    orgs = c.organizations.set_index("name")
    assert orgs.loc["The Regents of the University of California", "sector"] == "university"
    assert orgs.loc["University of Central Florida Research Foundation, Inc.", "sector"] == "university"
    assert orgs.loc["Hon Hai Precision Ind. Co., Ltd.", ["sector", "country"]].tolist() == ["firm", "TW"]
    gov = orgs[orgs["sector_source"].str.startswith("uspto:role=06")]
    assert len(gov) == 1 and (gov["sector"] == "government").all()
    # inventors of the v4.2 layout are the applicant-inventors
    n_inventors = len(re.findall(r'app-type="applicant-inventor"', raw))
    assert (c.participations["role"] == "inventor").sum() == n_inventors
    assert c.participations.loc[c.participations["role"] == "inventor", "org_id"].isna().all()


@pytest.mark.realdata
def test_real_folder_and_duplicates(uspto, tmp_path):
    c = nk.ingest.read(uspto)
    assert c.n_events == 75 and len(c.accounting) == 3
    # the same file twice: the second copy is all duplicates
    copy = tmp_path / "copy.xml"
    copy.write_bytes((uspto / "ipg050104.small.xml").read_bytes())
    both = nk.ingest.read([uspto / "ipg050104.small.xml", copy])
    assert both.n_events == 25
    assert both.accounting["duplicates"].tolist() == [0, 25]


def test_v45_layout_inventors_under_us_parties():
    c = nk.ingest.read(DATA / "uspto_v45_us_parties.xml")
    assert c.n_events == 3 and len(c.quarantine) == 0
    p = c.participations
    first = p[p["event_id"] == "pat:uspto:08925001"]
    assert sorted(first["role"]) == ["assignee", "assignee", "inventor", "inventor"]
    orgs = c.organizations.set_index("org_id")
    assert orgs.loc["org:uspto:norwegian-university-of-science-and-technology", "sector"] == "university"
    assert orgs.loc["org:uspto:nordic-sensor-systems-as", "sector"] == "firm"
    # the org applicant (app-type="applicant") is not taken for an inventor
    assert set(c.people["name"]) == {"Hansen, Kari", "Berg, Ola", "Smith, John A.", "Nagy, Anna"}
    assert c.events.set_index("event_id").loc["pat:uspto:08925003", "title"] == "Ladder with italic title"


def test_individual_only_assignee_becomes_a_person():
    c = nk.ingest.read(DATA / "uspto_v45_us_parties.xml")
    p = c.participations[c.participations["event_id"] == "pat:uspto:08925002"]
    assignee = p[p["role"] == "assignee"]
    assert len(assignee) == 1 and assignee["org_id"].isna().all()
    assert assignee["person_id"].tolist() == ["per:uspto:smith-john-a:us"]
    assert not c.organizations["name"].str.contains("Smith").any()


def test_unknown_role_code_falls_back_to_name_rules():
    c = nk.ingest.read(DATA / "uspto_v45_us_parties.xml")
    z = c.organizations.set_index("org_id").loc["org:uspto:zorblax-kft"]
    assert z["sector_source"].startswith("uspto:role=99 unknown")


def test_iter_documents_splits_on_declarations_mid_line(tmp_path):
    f = tmp_path / "w.xml"
    f.write_bytes(b'<?xml version="1.0"?>\n<a>1</a>\n<?xml version="1.0"?><b>cut<?xml version="1.0"?>\n<c/>\n')
    docs = list(iter_documents(f))
    assert [line for line, _ in docs] == [1, 3, 3]
    assert docs[1][1].endswith(b"cut")
