"""USPTO XML, PatentsView and CORDIS writers: real layouts, deterministic bytes, and
read back by netkit's own readers to the synthetic truth."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import netkit as nk
from netkit.datasets.writers import cordis, patentsview, uspto


def _digest(paths):
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def _truth_rows(corpus, source, role):
    ev = corpus.events.loc[corpus.events["source"] == source, "event_id"]
    p = corpus.participations
    return p[p["event_id"].isin(ev) & (p["role"] == role)]


@pytest.mark.parametrize("writer", [uspto, patentsview, cordis])
def test_deterministic_bytes(tiny_ecosystem, tmp_path, writer):
    corpus, truth = tiny_ecosystem
    a = writer.write(corpus, truth, tmp_path / "a")
    b = writer.write(corpus, truth, tmp_path / "b")
    assert a and [p.name for p in a] == [p.name for p in b] and _digest(a) == _digest(b)


def test_uspto_round_trip(tiny_ecosystem, tmp_path):
    corpus, truth = tiny_ecosystem
    files = uspto.write(corpus, truth, tmp_path)
    assert all(f.name.startswith("ipg") and f.suffix == ".xml" for f in files)
    assert all(nk.ingest.sniff(f) == "uspto-xml" for f in files)
    back = nk.ingest.read(files)
    assert len(back.quarantine) == 0
    src = corpus.events[corpus.events["source"] == "uspto"].copy()
    src["event_id"] = "pat:uspto:" + src["event_id"].map(uspto.doc_number)
    merged = src.merge(back.events, on="event_id", suffixes=("", "_back"))
    assert len(merged) == len(src) == back.n_events
    assert (merged["year"] == merged["year_back"]).all() and (merged["date"] == merged["date_back"]).all()
    assigned = _truth_rows(corpus, "uspto", "assignee")
    assert (back.participations["role"] == "assignee").sum() == len(assigned)
    alias = truth.aliases[truth.aliases["source"] == "uspto"].set_index("org_id")["name"]
    assert set(back.organizations["name"]) == set(alias[assigned["org_id"].unique()])
    assert (back.participations["role"] == "inventor").sum() == len(_truth_rows(corpus, "uspto", "inventor"))


def test_patentsview_round_trip(tiny_ecosystem, tmp_path):
    corpus, truth = tiny_ecosystem
    files = patentsview.write(corpus, truth, tmp_path)
    assert {f.name for f in files} == {f"{t}.tsv.zip" for t in (
        "g_patent", "g_application", "g_assignee_disambiguated", "g_inventor_disambiguated",
        "g_location_disambiguated")}
    back = nk.ingest.read(tmp_path)  # a folder is one dataset
    assert len(back.quarantine) == 0
    acc = back.accounting
    assert (acc["records_seen"] == acc["loaded"]).all()
    src = corpus.events[corpus.events["source"] == "patentsview"]
    assert back.n_events == len(src)
    years = dict(zip("pat:patentsview:" + src["event_id"].str.rsplit(":", n=1).str[1].astype(int)
                     .add(9000000).astype(str), src["year"], strict=True))
    assert all(years[e] == y for e, y in zip(back.events["event_id"], back.events["year"], strict=True))
    assigned = _truth_rows(corpus, "patentsview", "assignee")
    got = back.participations[back.participations["role"] == "assignee"]
    assert len(got) == len(assigned)
    # organisations come back under their PatentsView assignee id, with the truth's location
    ids = truth.org_ids[truth.org_ids["scheme"] == "assignee"].set_index("value")["org_id"]
    back_truth = back.org_ids[back.org_ids["scheme"] == "assignee"]["value"].map(ids)
    assert set(back_truth) == set(assigned["org_id"])
    orgs = back.organizations.assign(truth=back.organizations["org_id"].str.split(":").str[2].map(ids))
    ref = corpus.organizations.set_index("org_id")
    assert (orgs["city"].to_numpy() == ref.loc[orgs["truth"], "city"].to_numpy()).all()
    assert (back.participations["role"] == "inventor").sum() == len(_truth_rows(corpus, "patentsview", "inventor"))


def test_cordis_round_trip(tiny_ecosystem, tmp_path):
    corpus, truth = tiny_ecosystem
    files = cordis.write(corpus, truth, tmp_path)
    assert [nk.ingest.sniff(f) for f in files] == ["cordis-project", "cordis-organization"]
    head = files[1].read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith('"projectID";"projectAcronym";"organisationID"')
    back = nk.ingest.read(files)
    assert len(back.quarantine) == 0
    src = corpus.events[corpus.events["source"] == "cordis"].sort_values("event_id")
    assert back.n_events == len(src)
    ev = back.events.sort_values("event_id")
    assert (ev["amount"].to_numpy() == pytest.approx(src["amount"].to_numpy()))
    assert (ev["year"].to_numpy() == src["year"].to_numpy()).all()
    rows = corpus.participations[corpus.participations["event_id"].isin(src["event_id"])]
    assert back.n_participations == len(rows)
    assert back.participations["role"].value_counts()["coordinator"] == (rows["role"] == "coordinator").sum()
    pics = truth.org_ids[truth.org_ids["scheme"] == "pic"].set_index("value")["org_id"]
    got = back.organizations.assign(truth=back.organizations["org_id"].str.split(":").str[2].map(pics))
    true_sector = corpus.organizations.set_index("org_id").loc[got["truth"], "sector"].to_numpy()
    expect = pd.Series(true_sector).replace({"health": "government", "nonprofit": "other"})
    assert (got["sector"].astype(str).to_numpy() == expect.to_numpy()).all()
    assert (got.loc[got["sector"] == "startup", "sector_source"] == "cordis:activityType=PRC+SME").all()


def test_patent_and_contract_folders_read_together(tiny_ecosystem, tmp_path):
    corpus, truth = tiny_ecosystem
    for writer, sub in ((uspto, "uspto"), (patentsview, "patentsview"), (cordis, "cordis")):
        writer.write(corpus, truth, tmp_path / sub)
    back = nk.ingest.read(tmp_path)  # one read, formats sniffed file by file
    src = corpus.events[corpus.events["source"].isin(["uspto", "patentsview", "cordis"])]
    assert back.n_events == len(src) and len(back.quarantine) == 0
    assert back.events["kind"].value_counts().to_dict() == src["kind"].value_counts().to_dict()
    rows = corpus.participations[corpus.participations["event_id"].isin(src["event_id"])]
    assert back.n_participations == len(rows)
