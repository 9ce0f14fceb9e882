"""The Corpus container: validation, concat, filter, summary."""

from __future__ import annotations

import pandas as pd
import pytest

from netkit.errors import ParameterError, SchemaError
from netkit.model import Corpus, Ledger, accounting_table, concat


def _orgs(**extra):
    data = {"org_id": ["o:a", "o:b", "o:c"], "name": ["Univ A", "Firm B", "Start C"],
            "sector": ["university", "firm", "startup"], "country": ["XV", "XV", "DE"]}
    data.update(extra)
    return data


def _events():
    return {"event_id": ["e1", "e2", "e3"], "kind": ["publication", "patent", "contract"],
            "year": [2014, 2018, 2020], "origin": ["a.txt:1", "a.txt:9", "b.csv:2"]}


def _parts():
    return {"event_id": ["e1", "e1", "e2", "e2", "e3", "e3"],
            "org_id": ["o:a", "o:b", "o:b", "o:c", "o:a", "o:c"],
            "person_id": ["p1", None, None, "p2", None, None],
            "role": ["author", "author", "assignee", "inventor", "coordinator", "participant"]}


def _people():
    return {"person_id": ["p1", "p2"], "name": ["Ada", "Bo"]}


def corpus() -> Corpus:
    return Corpus(organizations=_orgs(), people=_people(), events=_events(),
                  participations=_parts())


def test_valid_corpus_has_canonical_dtypes():
    c = corpus()
    assert str(c.events["year"].dtype) == "Int64"
    assert isinstance(c.organizations["sector"].dtype, pd.CategoricalDtype)
    assert str(c.participations["org_id"].dtype) == "string"
    assert (c.n_events, c.n_organizations, c.n_people, c.n_participations) == (3, 3, 2, 6)


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({"events": {"event_id": ["e1"]}}, "events: missing column 'kind'"),
        ({"events": {"event_id": ["e1"], "kind": ["publication"], "year": ["2020a"]}},
         "events.year: expected whole numbers"),
        ({"events": {"event_id": ["e1"], "kind": ["publication"], "year": [2020.5]}},
         "events.year: expected whole numbers, found '2020.5'"),
        ({"organizations": {"org_id": ["o"], "name": ["X"], "sector": ["academy"]}},
         "organizations.sector: 1 row(s) with unknown value(s) 'academy'"),
        ({"events": {"event_id": ["e1"], "kind": ["memo"]}},
         "events.kind: 1 row(s) with unknown value(s) 'memo'"),
        ({"events": {"event_id": ["e1"], "kind": ["patent"]},
          "participations": {"event_id": ["e1"], "org_id": [None], "person_id": [None],
                             "role": ["chair"]}},
         "participations.role: 1 row(s) with unknown value(s) 'chair'"),
        ({"people": {"person_id": ["p1", "p1"]}}, "people: 1 duplicate person_id: 'p1'"),
        ({"organizations": {"org_id": ["o", "o"], "name": ["X", "Y"], "sector": ["firm"] * 2}},
         "organizations: 1 duplicate org_id: 'o'"),
        ({"participations": {"event_id": ["ghost"], "org_id": [None], "person_id": [None],
                             "role": ["author"]}},
         "participations.event_id: 1 row(s) point at events that do not exist: 'ghost'"),
        ({"events": {"event_id": ["e1"], "kind": ["patent"]},
          "participations": {"event_id": ["e1"], "org_id": ["o:x"], "role": ["assignee"]}},
         "participations.org_id: 1 row(s) point at organizations that do not exist: 'o:x'"),
        ({"events": {"event_id": ["e1"], "kind": ["patent"]},
          "participations": {"event_id": ["e1"], "person_id": ["p9"], "role": ["inventor"]}},
         "participations.person_id: 1 row(s) point at people that do not exist: 'p9'"),
        ({"organizations": {"org_id": [7], "name": ["X"], "sector": ["firm"]}},
         "organizations.org_id: expected text, found int64"),
        ({"organizations": {"org_id": ["o"], "name": [None], "sector": ["firm"]}},
         "organizations.name: 1 missing value(s) in a required column"),
        ({"org_ids": {"org_id": ["o:zz"], "scheme": ["ror"], "value": ["05"]}},
         "org_ids.org_id: 1 row(s) point at organizations that do not exist: 'o:zz'"),
        ({"events": {"event_id": ["e1"], "kind": ["patent"]},
          "participations": {"event_id": ["e1"], "role": ["assignee"]}},
         "participations: 1 row(s) name neither an organisation nor a person"),
    ],
)
def test_each_schema_problem_is_reported(tables, expected):
    with pytest.raises(SchemaError) as info:
        Corpus(**tables)
    assert any(p.startswith(expected) for p in info.value.problems), info.value.problems


def test_every_problem_is_listed_at_once():
    with pytest.raises(SchemaError) as info:
        Corpus(
            organizations={"org_id": ["o", "o"], "name": ["X", "Y"], "sector": ["firm", "bank"]},
            events={"event_id": ["e1"], "kind": ["memo"], "year": ["x"]},
            participations={"event_id": ["e2"], "org_id": ["o"], "role": ["author"]},
        )
    problems = info.value.problems
    assert len(problems) == 5, problems
    assert "5 schema problems" in str(info.value)


def test_optional_columns_are_added_and_extras_kept():
    c = Corpus(people={"person_id": ["p"], "note": ["kept"]})
    assert list(c.people.columns) == ["person_id", "name", "orcid", "note"]


def test_concat_deduplicates_and_counts():
    a = corpus()
    b = Corpus(
        organizations={"org_id": ["o:a", "o:d"], "name": ["Univ A", "Gov D"],
                       "sector": ["university", "government"]},
        events={"event_id": ["e1", "e4"], "kind": ["publication", "contract"],
                "year": [2014, 2021], "origin": ["c.txt:3", "c.txt:7"]},
        participations={"event_id": ["e1", "e4", "e4"], "org_id": ["o:a", "o:a", "o:d"],
                        "role": ["author", "coordinator", "participant"]},
        accounting=accounting_table([_ledger("c.txt", 2)]),
    )
    merged = concat([a, b])
    assert merged.n_events == 4
    assert merged.n_organizations == 4
    assert merged.duplicates["events"] == 1
    assert merged.duplicates["organizations"] == 1
    # the duplicate e1 came with its participation, which is dropped with it
    assert (merged.participations["event_id"] == "e1").sum() == 2
    row = merged.accounting.set_index("file").loc["c.txt"]
    assert (row["loaded"], row["duplicates"], row["records_seen"]) == (1, 1, 2)
    assert row["records_seen"] == row["loaded"] + row["quarantined"] + row["duplicates"]


def _ledger(file: str, n: int) -> Ledger:
    led = Ledger(file, "test")
    led.seen(n)
    led.loaded(n)
    return led


def test_filter_years_kinds_sectors_countries():
    c = corpus()
    assert list(c.filter(years=(2015, 2020)).events["event_id"]) == ["e2", "e3"]
    assert list(c.filter(years=[2014]).events["event_id"]) == ["e1"]
    assert list(c.filter(kinds="patent").events["event_id"]) == ["e2"]
    by_sector = c.filter(sectors=["university", "startup"])
    assert set(by_sector.organizations["org_id"]) == {"o:a", "o:c"}
    assert set(by_sector.participations["org_id"]) == {"o:a", "o:c"}
    abroad = c.filter(countries="DE")
    assert set(abroad.organizations["org_id"]) == {"o:c"}
    assert set(abroad.people["person_id"]) == {"p2"}
    with pytest.raises(ParameterError, match="unknown sectors"):
        c.filter(sectors="banks")


def test_summary_counts():
    s = corpus().summary()
    assert s["events"] == 3 and s["events[patent]"] == 1
    assert s["organizations[startup]"] == 1
    assert s["years"] == "2014–2020"
