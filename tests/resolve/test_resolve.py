"""Resolution end to end: synthetic ground truth, audit, review, invariants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.errors import ParameterError
from netkit.resolve import resolve

from .helpers import corpus_of_names, pair_precision_recall, raw_corpus


@pytest.fixture(scope="module")
def small_raw(small_ecosystem):
    corpus, truth = small_ecosystem
    return raw_corpus(corpus, truth, ids=False)


def test_synthetic_names_only_precision_recall(small_raw):
    raw, true = small_raw
    assert raw.n_organizations > 3 * true.nunique()  # many spellings per organisation
    res = resolve(raw)
    p, r = pair_precision_recall(res.mapping, true)
    assert p >= 0.98 and r >= 0.95, (p, r)


def test_synthetic_with_identifiers(small_ecosystem):
    corpus, truth = small_ecosystem
    raw, true = raw_corpus(corpus, truth, ids=True)
    res = resolve(raw)
    p, r = pair_precision_recall(res.mapping, true)
    assert p >= 0.98 and r >= 0.95, (p, r)
    # every source identifier survives, on the resolved organisation of its raw row
    ids = res.corpus.org_ids
    for scheme in ("ror", "pic", "assignee", "openalex"):
        before = raw.org_ids[raw.org_ids["scheme"] == scheme]
        after = ids[ids["scheme"] == scheme]
        assert set(before["value"].str.lower()) == set(after["value"].str.lower())
    src = ids[ids["scheme"] == "source_org_id"]
    assert set(src["value"]) == set(raw.organizations["org_id"])


def test_participations_repointed_events_untouched(small_raw):
    raw, _ = small_raw
    res = resolve(raw)
    out = res.corpus
    assert out.events.equals(raw.events)
    assert set(out.participations["org_id"].dropna()) <= set(out.organizations["org_id"])
    # each raw participation maps onto a resolved one
    mapped = raw.participations.assign(org_id=raw.participations["org_id"].map(res.mapping))
    key = ["event_id", "org_id", "person_id", "role"]
    assert set(map(tuple, mapped[key].astype(str).to_numpy())) == \
        set(map(tuple, out.participations[key].astype(str).to_numpy()))


def test_true_corpus_is_left_alone(tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    res = resolve(corpus)
    assert res.corpus.n_organizations == corpus.n_organizations
    assert (res.mapping.index == res.mapping.to_numpy()).all()
    assert set(res.audit["method"]) == {"none"}


def test_audit_one_row_per_raw_organisation():
    c = corpus_of_names(["UNIV YORK", "University of York", "York University",
                         "Tech Univ Munich", "Technical University of Munich", "Sintef"],
                        ids=[(5, "pic", "999")])
    res = resolve(c)
    a = res.audit.set_index("raw_org_id")
    assert len(a) == 6 and a.index.is_unique
    assert a.loc["o:0", "org_id"] == a.loc["o:1", "org_id"] != a.loc["o:2", "org_id"]
    assert a.loc["o:0", "method"] == "exact" and a.loc["o:0", "score"] == 100
    assert a.loc["o:3", "org_id"] == a.loc["o:4", "org_id"]
    assert {a.loc["o:3", "method"], a.loc["o:4", "method"]} == {"fuzzy"}
    assert 90 <= a.loc["o:3", "score"] < 100
    assert a.loc["o:5", "method"] == "none"
    assert set(res.audit.columns) == {"raw_org_id", "raw_name", "source", "org_id", "name",
                                      "method", "score", "evidence"}
    assert (a["source"] == "t").all()
    assert res.corpus.n_organizations == 4


def test_review_lists_near_misses_with_reasons():
    c = corpus_of_names(["Institute of Technology Carlow", "Institute of Technology Sligo",
                         "Univ Paris 06", "Univ Paris 07", "Holm Energy AB", "Holm Energy Inc"])
    res = resolve(c)
    assert res.corpus.n_organizations == 6
    reasons = set(res.review["reason"])
    assert any(r.startswith("unmatched") for r in reasons)
    assert "legal forms differ" in reasons
    assert (res.review["score"].diff().dropna() <= 0).all()  # best first
    assert res.review[["name_a", "name_b"]].notna().all().all()


def test_countries_block_merges():
    c = corpus_of_names(["Institute of Physics", "Institute of Physics", "Institute of Physics"],
                        countries=["DE", "FR", None])
    res = resolve(c)
    # two known countries: the name is ambiguous, the unknown one joins neither
    assert res.corpus.n_organizations == 3
    c2 = corpus_of_names(["Sintef", "SINTEF", "Sintef AS"], countries=["NO", None, None])
    assert resolve(c2).corpus.n_organizations == 1


def test_sector_by_strongest_evidence():
    c = corpus_of_names(["Acme Labs", "ACME LABS", "Acme Labs."])
    orgs = c.organizations.copy()
    orgs["sector"] = pd.Categorical(["research", "firm", "firm"], categories=nk.model.SECTORS)
    orgs["sector_source"] = ["cordis:activityType=REC", "name:legal_form", "name:legal_form"]
    c = nk.Corpus(organizations=orgs, events=c.events, participations=c.participations)
    out = resolve(c).corpus.organizations
    assert len(out) == 1
    assert out.loc[0, "sector"] == "research"  # a source code beats two name rules
    assert out.loc[0, "sector_source"] == "cordis:activityType=REC"


def test_deterministic(small_raw):
    raw, _ = small_raw
    a, b = resolve(raw), resolve(raw)
    assert a.corpus.equals(b.corpus)
    pd.testing.assert_frame_equal(a.audit, b.audit)
    pd.testing.assert_frame_equal(a.review, b.review)


def test_threshold_is_checked():
    with pytest.raises(ParameterError):
        resolve(corpus_of_names(["a"]), threshold=0)
    with pytest.raises(ParameterError):
        resolve(corpus_of_names(["a"]), threshold=101)


# -- the ROR invariant ----------------------------------------------------------------------

_NAMES = ["University of Oslo", "UNIV OSLO", "Oslo University", "Sintef", "SINTEF AS",
          "Univ Paris 06", "Univ Paris 6", "Tech Univ Munich", "Technical University of Munich"]


@st.composite
def _corpora(draw):
    n = draw(st.integers(2, 12))
    names = [draw(st.sampled_from(_NAMES)) for _ in range(n)]
    ids = []
    for k in range(n):
        if draw(st.booleans()):
            ids.append((k, "ror", draw(st.sampled_from(["01a", "02b", "03c"]))))
        if draw(st.booleans()):
            ids.append((k, "pic", draw(st.sampled_from(["9", "8"]))))
    return corpus_of_names(names, ids=ids)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpora())
def test_no_resolved_organisation_holds_two_ror_ids(corpus):
    res = resolve(corpus)
    ror = res.corpus.org_ids[res.corpus.org_ids["scheme"] == "ror"]
    assert not ror.groupby("org_id")["value"].nunique().gt(1).any()
    # and organisations that shared a ROR id are one organisation
    raw = corpus.org_ids[corpus.org_ids["scheme"] == "ror"]
    resolved = raw.assign(org_id=raw["org_id"].map(res.mapping))
    assert not resolved.groupby("value")["org_id"].nunique().gt(1).any()


def test_same_name_different_ror_never_merge():
    c = corpus_of_names(["University of Paris", "University of Paris", "Univ Paris"],
                        ids=[(0, "ror", "05f82e368"), (1, "ror", "02en5vm52")])
    res = resolve(c)
    assert res.mapping["o:0"] != res.mapping["o:1"]
    assert res.mapping["o:2"] not in (res.mapping["o:0"], res.mapping["o:1"])
    assert "same name, different ROR ids" in set(res.review["reason"])


def test_shared_identifier_merges_across_spellings():
    c = corpus_of_names(["Norges teknisk-naturvitenskapelige universitet", "NTNU"],
                        ids=[(0, "orgnr", "974 767 880"), (1, "orgnr", "974767880")])
    res = resolve(c)
    assert res.mapping["o:0"] == res.mapping["o:1"]
    assert set(res.audit["method"]) == {"identifier"}
    assert np.all(res.audit["evidence"] == "orgnr:974767880")
