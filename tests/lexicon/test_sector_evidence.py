"""The confidence of a sector follows from the kind of rule that gave it."""

from __future__ import annotations

import pandas as pd

from netkit.lexicon.sector_evidence import sector_confidence, sector_evidence_rank


def test_each_kind_of_evidence_has_its_rank_and_confidence():
    cases = [  # (sector_source, sector, rank, confidence)
        ("override:org:x", "firm", 5, "high"),
        ("registry:ror:type=healthcare", "health", 4, "high"),
        ("ror:type=education", "university", 4, "high"),
        ("openalex:type=company", "firm", 4, "high"),
        ("cordis:activityType", "research", 3, "medium"),
        ("norway:FoU", "research", 3, "medium"),
        ("name:university", "university", 2, "low"),
        ("nserc:name:legal_form", "firm", 2, "low"),  # a name rule behind a source prefix
        ("name:abbrev:research", "research", 2, "low"),
        ("", "firm", 2, "low"),
        (None, "firm", 2, "low"),
        ("cordis:activityType", "unknown", 0, "none"),
        ("name:none", "unknown", 0, "none"),
    ]
    source = pd.Series([c[0] for c in cases], dtype=object)
    sector = pd.Series([c[1] for c in cases])
    assert sector_evidence_rank(source, sector).tolist() == [c[2] for c in cases]
    assert sector_confidence(source, sector).tolist() == [c[3] for c in cases]


def test_registry_evidence_outranks_a_name_rule_in_resolution():
    import netkit as nk

    corpus = nk.Corpus(
        organizations={"org_id": ["org:a:1", "org:b:1"], "name": ["Acme Labs", "Acme Labs"],
                       "sector": ["firm", "research"],
                       "sector_source": ["nserc:name:firm_word", "cordis:activityType"],
                       "country": ["CA", "CA"], "city": [None, None]})
    res = nk.resolve.resolve(corpus)
    (row,) = res.corpus.organizations.itertuples()
    assert (row.sector, row.sector_source) == ("research", "cordis:activityType")
