"""The temporal edge list of a corpus: one row per pair per event, canonical order."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from netkit.build import org_graph
from netkit.build.temporal import temporal_edges
from netkit.errors import ParameterError
from netkit.model import Corpus


def test_pairs_of_every_event(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    te = temporal_edges(corpus)
    part = corpus.participations.dropna(subset=["org_id"]).drop_duplicates(["event_id", "org_id"])
    expected = []
    for eid, group in part.groupby("event_id"):
        for u, v in itertools.combinations(sorted(group["org_id"]), 2):
            expected.append((u, v, eid))
    assert sorted(zip(te["u"], te["v"], te["event_id"], strict=True)) == sorted(expected)
    years = corpus.events.set_index("event_id")["year"]
    assert (te["t"].to_numpy() == years.loc[te["event_id"]].to_numpy()).all()
    # canonical order and u < v
    assert (te["u"] < te["v"]).all()
    key = te[["t", "event_id", "u", "v"]]
    assert key.equals(key.sort_values(["t", "event_id", "u", "v"]).reset_index(drop=True))


def test_consistent_with_org_graph(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    te = temporal_edges(corpus)
    g = org_graph(corpus)
    agg = te.groupby(["u", "v"]).agg(count=("t", "size"), first=("t", "min"), last=("t", "max"))
    names = g.vs["name"]
    for e in g.es:
        u, v = sorted((names[e.source], names[e.target]))
        row = agg.loc[(u, v)]
        assert (row["count"], row["first"], row["last"]) == (e["count"], e["first_year"],
                                                            e["last_year"])
    assert len(agg) == g.ecount()


def test_dates_and_people():
    c = Corpus(
        organizations={"org_id": ["a", "b"], "name": ["A", "B"], "sector": ["firm", "firm"]},
        people={"person_id": ["p1", "p2"]},
        events={"event_id": ["e1", "e2"], "kind": ["publication"] * 2, "year": [2016, None],
                "date": ["2016-07-02", None]},
        participations={"event_id": ["e1", "e1", "e2", "e2"], "org_id": ["a", "b", "a", "b"],
                        "person_id": ["p1", "p2", "p1", "p2"], "role": ["author"] * 4},
    )
    te = temporal_edges(c, time="date")
    assert len(te) == 1 and te["t"].iloc[0] == pytest.approx(2016 + 183 / 365.25)
    people = temporal_edges(c, level="person")
    assert people[["u", "v", "event_id"]].values.tolist() == [["p1", "p2", "e1"]]
    with pytest.raises(ParameterError):
        temporal_edges(c, level="team")
    with pytest.raises(ParameterError):
        temporal_edges(c, time="month")
    assert isinstance(temporal_edges(Corpus()), pd.DataFrame)
