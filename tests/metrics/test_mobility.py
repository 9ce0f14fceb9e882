"""Talent mobility against the ground-truth moves of the synthetic ecosystem."""

from __future__ import annotations

import bisect

import numpy as np
import pandas as pd
import pytest

from netkit.errors import ParameterError
from netkit.metrics.mobility import mobility_flows, mobility_moves, mobility_rate


def _employer_from_truth(truth_moves: pd.DataFrame):
    """employer(person, year) from truth.moves alone (None for people who never moved)."""
    by_person: dict[str, list] = {}
    for person, year, src, dst in sorted(zip(truth_moves["person_id"], truth_moves["year"],
                                             truth_moves["from_org"], truth_moves["to_org"],
                                             strict=True)):
        by_person.setdefault(person, []).append((year, src, dst))

    def employer(person, year):
        spells = by_person.get(person)
        if spells is None:
            return None
        i = bisect.bisect_right([y for y, _, _ in spells], year)
        return spells[0][1] if i == 0 else spells[i - 1][2]

    return employer


def _expected_moves(corpus, truth):
    """Consecutive events of a person whose true employers differ (orgs from truth.moves)."""
    part = corpus.participations.dropna(subset=["person_id", "org_id"])
    ev = corpus.events.set_index("event_id")
    df = pd.DataFrame({"person_id": part["person_id"].astype(str).to_numpy(),
                       "event_id": part["event_id"].astype(str).to_numpy()}).drop_duplicates()
    df["year"] = ev.loc[df["event_id"], "year"].to_numpy(dtype=int)
    df["date"] = ev.loc[df["event_id"], "date"].astype(str).to_numpy()
    df = df[df["person_id"].isin(set(truth.moves["person_id"]))]
    df = df.sort_values(["person_id", "year", "date", "event_id"])
    employer = _employer_from_truth(truth.moves)
    expected = set()
    for person, g in df.groupby("person_id"):
        orgs = [employer(person, y) for y in g["year"]]
        years = g["year"].tolist()
        for i in range(1, len(orgs)):
            if orgs[i] != orgs[i - 1]:
                expected.add((person, orgs[i - 1], orgs[i], years[i - 1], years[i]))
    return expected


def test_moves_equal_ground_truth(small_ecosystem):
    corpus, truth = small_ecosystem
    moves = mobility_moves(corpus)
    got = set(zip(moves["person_id"], moves["from_org"], moves["to_org"], moves["from_year"],
                  moves["year"], strict=True))
    expected = _expected_moves(corpus, truth)
    assert len(expected) > 50
    assert got == expected
    # each detected move is one true move, or a chain of true moves without an event between
    by_person = dict(tuple(truth.moves.sort_values("year").groupby("person_id")))
    for row in moves.itertuples():
        tm = by_person[row.person_id]
        chain = tm[(tm["year"] > row.from_year) & (tm["year"] <= row.year)]
        assert chain["from_org"].iloc[0] == row.from_org
        assert chain["to_org"].iloc[-1] == row.to_org
        assert (chain["from_org"].iloc[1:].to_numpy() == chain["to_org"].iloc[:-1].to_numpy()).all()


def test_sector_flows_equal_truth_sectors(small_ecosystem):
    corpus, truth = small_ecosystem
    moves = mobility_moves(corpus)
    flows = mobility_flows(moves, "sector")
    expected = pd.DataFrame(sorted(_expected_moves(corpus, truth)),
                            columns=["p", "f", "t", "fy", "y"])
    expected = (expected.assign(fs=expected["f"].map(truth.sectors).astype(str),
                                ts=expected["t"].map(truth.sectors).astype(str))
                .groupby(["fs", "ts"]).size())
    got = flows.set_index(["from", "to"])["moves"]
    assert got.to_dict() == expected.to_dict()
    assert flows["share"].sum() == pytest.approx(1.0)
    per_year = mobility_flows(moves, "region", period="year")
    assert per_year["moves"].sum() == len(moves)
    assert np.allclose(per_year.groupby("period")["share"].sum(), 1.0)


def test_rate_and_errors(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    moves = mobility_moves(corpus)
    rate = mobility_rate(corpus, moves)
    assert rate["moves"].sum() == len(moves)
    assert ((rate["rate"] >= 0) & (rate["rate"] <= 1)).all()
    with pytest.raises(ParameterError):
        mobility_flows(moves, "city")
