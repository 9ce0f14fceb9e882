"""NSF award XML: the real award files, a zip of awards, hostile XML."""

from __future__ import annotations

import re
import zipfile

import pytest

import netkit as nk


@pytest.mark.realdata
def test_real_awards(real_data):
    folder = real_data / "nsf-awards-xml"
    c = nk.ingest.read(folder)
    assert len(c.accounting) == 12 and (c.accounting["format"] == "nsf-xml").all()
    assert c.accounting["loaded"].sum() == 12 == c.n_events
    assert c.n_organizations == 12
    assert (c.participations["role"] == "awardee").sum() == 12
    raw = (folder / "1500187.xml").read_text()
    ev = c.events.set_index("event_id").loc["con:nsf:1500187"]
    assert (ev["date"], ev["year"], ev["amount"], ev["currency"]) == ("2016-02-01", 2016, 656746.0, "USD")
    inv = c.participations[(c.participations["event_id"] == "con:nsf:1500187")
                           & (c.participations["role"] == "investigator")]
    assert len(inv) == len(re.findall("<Investigator>", raw)) == 3
    orgs = c.organizations.set_index("name")
    assert orgs.loc["Colorado State University", ["sector", "country", "region"]].tolist() == [
        "university", "US", "US-CO"]
    # e-mail addresses are not kept anywhere
    assert not c.people.astype(str).apply(lambda s: s.str.contains("@")).any().any()


@pytest.mark.realdata
def test_zip_of_awards(real_data, tmp_path):
    folder = real_data / "nsf-awards-xml"
    z = tmp_path / "2015.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for f in sorted(folder.glob("*.xml"))[:5]:
            zf.writestr(f.name, f.read_bytes())
        zf.writestr("broken.xml", b"<rootTag><Award><AwardID>1</AwardID>")
    c = nk.ingest.read(z, format="nsf-xml")  # a zip of many files is not sniffed
    acc = c.accounting.iloc[0]
    assert acc["format"] == "nsf-xml"
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"]) == (6, 5, 1)
    assert "malformed XML" in c.quarantine["reason"].iloc[0]
