"""An override by name never joins firms whose names differ by the class of legal form."""

from __future__ import annotations

import pandas as pd

import netkit as nk
from netkit.model import Corpus


def test_override_name_respects_legal_form(tmp_path):
    corpus = Corpus(
        organizations={"org_id": ["o1", "o2", "o3"],
                       "name": ["Holm Energy AB", "HOLM ENERGY AKTIEBOLAG", "Holm Energy Inc"],
                       "sector": ["firm"] * 3, "country": ["SE"] * 3},
        events={"event_id": ["e1"], "kind": ["patent"], "year": [2020]},
        participations={"event_id": ["e1"] * 3, "org_id": ["o1", "o2", "o3"],
                        "role": ["assignee"] * 3},
    )
    path = tmp_path / "registry.csv"
    pd.DataFrame({"match": ["Holm Energy AB"], "canonical_id": ["reg:1"], "name": ["Holm Energy AB"],
                  "sector": [""], "founded_year": [2016], "region": [""]}).to_csv(path, index=False)
    res = nk.resolve(corpus, overrides=path)
    assert res.mapping["o1"] == res.mapping["o2"] == "reg:1"
    assert res.mapping["o3"] != "reg:1"
    orgs = res.corpus.organizations.set_index("org_id")
    # founded 2016, first event 2020: a young firm, so a startup by the rule of DESIGN §2
    assert orgs.loc["reg:1", "sector"] == "startup"
    assert orgs.loc["reg:1", "sector_source"].startswith("young:founded 2016")
    assert orgs.loc[res.mapping["o3"], "sector"] == "firm"
