"""CorpusBuilder: the bulk methods give the tables the one-row methods give."""

from __future__ import annotations

import pyarrow as pa
import pytest

from netkit.errors import SchemaError
from netkit.ingest.builder import CorpusBuilder

EVENTS = [("pub:t:1", 2020, "A", "10.1/a"), ("pub:t:2", None, None, None),
          ("pub:t:1", 2021, "dup", None), ("pub:t:3", 2022, "C", None)]
PEOPLE = [("per:t:1", "Ada"), ("per:t:2", "Bo"), ("per:t:1", "Ada L.")]
ORGS = [("org:t:a", "Univ A", "university", "name:university", "NO", "Oslo"),
        ("org:t:b", "B AS", "firm", "name:legal_form", None, None),
        ("org:t:a", "Univ A2", "university", "name:university", "NO", None)]


def _one_by_one(b: CorpusBuilder) -> None:
    for eid, year, title, doi in EVENTS:
        b.add_event(eid, "publication", year=year, title=title, source="t", origin="f:1",
                    doi=doi)
    for pid, name in PEOPLE:
        b.add_person(pid, name)
    for oid, name, sector, rule, country, city in ORGS:
        if not b.has_org(oid):
            b.add_org(oid, name, sector, rule, country=country, city=city)
            b.add_org_id(oid, "name", name)
    b.add_participation("pub:t:1", org_id="org:t:a", person_id="per:t:1", role="author")
    b.add_participation("pub:t:3", org_id=None, person_id="per:t:2", role="author")


def _in_bulk(b: CorpusBuilder, arrays: bool) -> None:
    ids, years, titles, dois = (list(c) for c in zip(*EVENTS, strict=True))
    cols = {"year": years, "title": titles, "origin": ["f:1"] * 4, "doi": dois}
    if arrays:
        cols = {k: pa.array(v) for k, v in cols.items()}
    people, names = [p for p, _ in PEOPLE], [n for _, n in PEOPLE]
    if arrays:
        ids, people, names = pa.array(ids), pa.array(people), pa.array(names)
    b.add_events(ids, "publication", source="t", **cols)
    b.add_people(people, names)
    oid, name, sector, rule, country, city = (list(c) for c in zip(*ORGS, strict=True))
    b.add_orgs(oid, name, sector, rule, country=country, city=city)
    b.add_participations(["pub:t:1", "pub:t:3"], org_id=["org:t:a", None],
                         person_id=["per:t:1", "per:t:2"], role="author",
                         raw_affiliation=[None, None])


@pytest.mark.parametrize("arrays", [False, True])
def test_bulk_methods_give_the_same_tables(arrays):
    one, bulk = CorpusBuilder(), CorpusBuilder()
    _one_by_one(one)
    _in_bulk(bulk, arrays)
    a, b = one.to_corpus([]), bulk.to_corpus([])
    for name, table in a.tables().items():
        if name != "accounting":
            assert table.equals(b.tables()[name]), name
    assert b.events["event_id"].tolist() == ["pub:t:1", "pub:t:2", "pub:t:3"]
    assert b.people["name"].tolist() == ["Ada", "Bo"]


def test_bulk_and_one_by_one_mixed_keep_the_order_of_addition():
    b = CorpusBuilder()
    b.add_person("per:t:0", "Zed")
    b.add_people(["per:t:1", "per:t:0", "per:t:2"], pa.array(["Ada", "Zed2", "Bo"]))
    b.add_person("per:t:2", "Bo", orcid="0000-0002")
    b.add_org("org:t:z", "Z Corp", "firm")
    b.add_orgs(["org:t:a", "org:t:z"], ["Univ A", "Z2"], ["university", "firm"],
               ["r", "r"], country=["NO", None], city=[None, None])
    b.add_event("pub:t:9", "patent", year=2001)
    b.add_events(["pub:t:1", "pub:t:9"], "publication", year=pa.array([2020, 1999]))
    c = b.to_corpus([])
    assert c.people[["person_id", "name"]].values.tolist() == [
        ["per:t:0", "Zed"], ["per:t:1", "Ada"], ["per:t:2", "Bo"]]
    assert c.people["orcid"].tolist()[2] == "0000-0002"
    assert c.organizations["name"].tolist() == ["Z Corp", "Univ A"]
    assert c.events[["event_id", "kind", "year"]].values.tolist() == [
        ["pub:t:9", "patent", 2001], ["pub:t:1", "publication", 2020]]


def test_bulk_unknown_kind_and_role_are_still_reported():
    b = CorpusBuilder()
    b.add_events(["e1"], "memo")
    b.add_participations(["e1"], org_id=[None], person_id=["p"], role="boss",
                         raw_affiliation=[None])
    b.add_people(["p"], ["P"])
    with pytest.raises(SchemaError, match="memo") as err:
        b.to_corpus([])
    assert "boss" in str(err.value)
