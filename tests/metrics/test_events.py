"""Large events: which events dominate the graph, and leaving them out (issue 17)."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.errors import ParameterError
from netkit.metrics import dominant_events, large_events
from netkit.model import Corpus
from netkit.report import Context, ReportConfig
from netkit.report.sections import overview_section


def _star_of_cliques() -> Corpus:
    """A 6-organisation consortium (e0) beside small events among its members."""
    orgs = [f"o{i}" for i in range(8)]
    parts = [("e0", o) for o in orgs[:6]] + [("e1", "o0"), ("e1", "o1"), ("e2", "o1"),
                                               ("e2", "o6"), ("e3", "o6"), ("e3", "o7")]
    return Corpus(
        organizations={"org_id": orgs, "name": orgs, "sector": ["university"] * 8},
        events={"event_id": ["e0", "e1", "e2", "e3"], "kind": ["contract"] * 4,
                "year": [2019, 2019, 2020, 2021], "source": ["cordis"] * 4},
        participations={"event_id": [e for e, _ in parts], "org_id": [o for _, o in parts],
                        "role": ["participant"] * len(parts)},
    )


def test_large_events_counts_the_ties_only_they_make():
    c = _star_of_cliques()
    le = large_events(c, min_size=6)
    assert le["event_id"].tolist() == ["e0"]
    row = le.iloc[0]
    assert (row["organisations"], row["pairs"]) == (6, 15)
    assert row["share_of_pairs"] == pytest.approx(15 / 18)
    g = nk.build.org_graph(c)
    assert row["ties_only_here"] == 14  # o0–o1 is also made by e1
    assert row["share_of_ties"] == pytest.approx(14 / g.ecount())
    assert large_events(c, min_size=7).empty
    with pytest.raises(ParameterError):
        large_events(c, min_size=1)


def test_max_event_size_leaves_exactly_those_ties_out():
    c = _star_of_cliques()
    full = nk.build.org_graph(c)
    cut = nk.build.org_graph(c, max_event_size=5)
    assert cut.vcount() == full.vcount()  # the members stay, without e0's ties
    assert sorted(tuple(sorted(cut.vs[e.tuple]["name"])) for e in cut.es) == [
        ("o0", "o1"), ("o1", "o6"), ("o6", "o7")]
    assert cut.es[cut.get_eid("o0", "o1")]["count"] == 1
    for weighting in ("fractional", "newman", "association"):
        nk.build.org_graph(c, weighting=weighting, max_event_size=5)
    with pytest.raises(ParameterError):
        nk.build.org_graph(c, max_event_size=1)


def test_dominant_events_share_of_degree():
    d = dominant_events(_star_of_cliques())
    assert d.loc["o2", ["top_event", "top_event_partners", "top_event_share"]].tolist() == [
        "e0", 5, 1.0]
    assert d.loc["o6", "top_event_share"] == pytest.approx(0.5)  # e2 and e3, one partner each
    assert d.loc["o6", "top_event"] == "e2"  # ties broken by id


@pytest.mark.realdata
def test_real_publications_one_paper_makes_most_ties(real_data):
    """The ATLAS paper (155 organisations) in the OpenAlex sample makes most of the ties;
    the report lists it and says the most connected organisations owe their ties to it."""
    files = sorted(p for d in ("openalex-works", "wos-plaintext", "scopus-csv")
                   for p in (real_data / d).iterdir() if p.name != "SOURCE.md")
    corpus = nk.ingest.read(files)
    le = large_events(corpus)
    assert le.iloc[0]["organisations"] >= 100
    assert le.iloc[0]["share_of_ties"] > 0.5
    g = nk.build.org_graph(corpus)
    cut = nk.build.org_graph(corpus, max_event_size=49)
    assert g.ecount() - cut.ecount() >= le["ties_only_here"].sum()
    cfg = ReportConfig.from_mapping({"seed": 1}, corpus=corpus)
    section = overview_section(Context(cfg, corpus, g))
    tables = {t.name: t.frame for t in section.tables}
    assert tables["large_events"]["event_id"].tolist() == le["event_id"].tolist()
    top = tables["centrality"].sort_values("degree", ascending=False).head(15)
    assert (top["top_event_share"] > 0.5).all()
    assert any("owe more than half of their ties to a single event" in p
               for p in section.paragraphs)
