"""Scopus CSV: both real layouts, semicolon files, author ↔ affiliation links."""

from __future__ import annotations

import csv
from functools import lru_cache

import pytest

import netkit as nk
from netkit.ingest.formats.scopus import split_authors

OLD = "scientopy_scopus_2017_iot_gateway.csv"
NEW = "litstudy_scopus_v2_2023.csv"


def check_accounting(corpus) -> None:
    acc = corpus.accounting
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert int(acc["quarantined"].sum()) == len(corpus.quarantine)
    assert int(acc["loaded"].sum()) == corpus.n_events


@lru_cache(maxsize=4)
def read_cached(path):
    return nk.ingest.read(path)


def raw_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(("name", "n", "n_aff", "years"), [
    (OLD, 921, 897, (2004, 2018)), (NEW, 88, 87, (2023, 2023))])
def test_real_counts_from_source_md(real_data, name, n, n_aff, years):
    path = real_data / "scopus-csv" / name
    assert nk.ingest.sniff(path) == "scopus"
    c = read_cached(path)
    check_accounting(c)
    acc = c.accounting.iloc[0]
    assert (acc["records_seen"], acc["loaded"], acc["quarantined"], acc["duplicates"]) == (
        n, n, 0, 0)
    assert c.participations.dropna(subset=["org_id"])["event_id"].nunique() == n_aff
    assert (int(c.events["year"].min()), int(c.events["year"].max())) == years
    orgs = c.organizations
    assert orgs["sector"].notna().all() and orgs["sector_source"].str.startswith("name:").all()
    assert (orgs["sector"] != "unknown").mean() > 0.8
    assert orgs["country"].notna().mean() > 0.95


def test_real_spot_checks_against_raw(real_data):
    for name in (OLD, NEW):
        path = real_data / "scopus-csv" / name
        c = read_cached(path)
        ev = c.events.set_index("event_id")
        p = c.participations
        for r in raw_rows(path)[::60]:
            eid = "pub:scopus:" + r["EID"]
            assert ev.loc[eid, "year"] == int(r["Year"])
            assert ev.loc[eid, "title"] == r["Title"]
            affs = {a.strip() for a in r["Affiliations"].split(";") if a.strip()}
            got = set(p.loc[(p.event_id == eid) & p.org_id.notna(), "raw_affiliation"])
            assert got == affs


def test_real_old_layout_known_record(real_data):
    c = read_cached(real_data / "scopus-csv" / OLD)
    p = c.participations.merge(c.organizations, on="org_id")
    rec = p[p.event_id == "pub:scopus:2-s2.0-85012875280"]
    assert set(zip(rec.name, rec.country, rec.sector, strict=True)) == {
        ("University of California Irvine", "US", "university"),
        ("TU Wien", "AT", "university"),
        ("University of Turku", "FI", "university")}
    # Rahmani has two affiliations; people without ids get name keys
    rahmani = rec[rec.person_id == "per:scopus:rahmani a m"]
    assert set(rahmani["name"]) == {"University of California Irvine", "TU Wien"}


def test_real_new_layout_author_ids(real_data):
    c = read_cached(real_data / "scopus-csv" / NEW)
    people = c.people.set_index("person_id")
    assert people.loc["per:scopus:57221302630", "name"] == "Hao, Jie"
    p = c.participations.merge(c.organizations, on="org_id")
    hao = p[(p.event_id == "pub:scopus:2-s2.0-85136453267")
            & (p.person_id == "per:scopus:57221302630")]
    assert hao[["name", "country", "city"]].values.tolist() == [
        ["University of Nebraska Medical Center", "US", "Omaha"]]


def test_semicolon_delimited_and_duplicates(tmp_path):
    text = ('Authors;Author(s) ID;Title;Year;Source title;Affiliations;'
            'Authors with affiliations;EID\n'
            '"Berg K., Moe P.";"1;2;";"T; with semicolon";2020;"J";'
            '"Dept X, Univ Oslo, Oslo, Norway; Equinor ASA, Stavanger, Norway";'
            '"Berg, K., Dept X, Univ Oslo, Oslo, Norway; Moe, P., Equinor ASA, Stavanger, '
            'Norway";2-s2.0-1\n')
    f = tmp_path / "semi.csv"
    f.write_text(text, "utf-8")
    g = tmp_path / "semi2.csv"
    g.write_text(text, "utf-8")
    assert nk.ingest.sniff(f) == "scopus"
    c = nk.ingest.read([f, g])
    check_accounting(c)
    assert c.accounting["duplicates"].tolist() == [0, 1]
    p = c.participations.merge(c.organizations, on="org_id")
    assert sorted(zip(p.person_id, p.name, p.sector, strict=True)) == [
        ("per:scopus:1", "Univ Oslo", "university"), ("per:scopus:2", "Equinor ASA", "firm")]
    assert c.events["title"].tolist() == ["T; with semicolon"]


def test_split_authors():
    assert split_authors("Siu K.-C.") == ["Siu K.-C."]
    assert split_authors("") == []
