"""OpenAlex institutions as a registry."""

import pandas as pd
import pytest

from netkit.errors import InputError
from netkit.ingest import read_registry_files
from netkit.resolve import load_registry, resolve

from .helpers import corpus_of_names


def _registry():
    return pd.DataFrame({
        "openalex_id": ["I1", "I2", "I3"],
        "ror": ["0parent01", "0child002", "0other003"],
        "name": ["University of Examplia", "Examplia Institute of Marine Research",
                 "Nordic Semiconductor (Norway)"],
        "sector": ["university", "research", "firm"],
        "sector_source": ["openalex:type=education", "openalex:type=facility",
                          "openalex:type=company"],
        "country": ["XV", "XV", "NO"], "city": ["Ex", "Ex", "Trondheim"],
        "region": [None, None, "Trøndelag"], "lat": [1.0, 1.0, 63.4], "lon": [2.0, 2.0, 10.4],
        "parents": [(), ("I1",), ()], "aliases": [("Examplia Univ", "UEX"), (), ()],
    })


def test_registry_names_ids_and_facts():
    c = corpus_of_names(["UNIV EXAMPLIA", "Examplia Univ.", "Nordic Semiconductor ASA",
                         "Examplia Inst Marine Res"])
    res = resolve(c, registry=_registry())
    m = res.mapping
    assert m["o:0"] == m["o:1"] != m["o:3"]
    a = res.audit.set_index("raw_org_id")
    assert a.loc["o:0", "method"] == "registry"
    orgs = res.corpus.organizations.set_index("org_id")
    uni = orgs.loc[m["o:0"]]
    assert uni["name"] == "University of Examplia" and uni["sector"] == "university"
    assert uni["sector_source"].startswith("registry:") and uni["city"] == "Ex"
    ids = res.corpus.org_ids
    assert set(ids.loc[ids["org_id"] == m["o:0"], "value"]) >= {"0parent01", "I1"}
    assert orgs.loc[m["o:2"], "country"] == "NO"


def test_rollup_merges_children_into_parents():
    c = corpus_of_names(["UNIV EXAMPLIA", "Examplia Inst Marine Res"])
    assert resolve(c, registry=_registry()).corpus.n_organizations == 2
    res = resolve(c, registry=_registry(), rollup=True)
    assert res.corpus.n_organizations == 1
    ids = res.corpus.org_ids
    assert set(ids.loc[ids["scheme"] == "ror", "value"]) == {"0parent01"}
    assert set(ids.loc[ids["scheme"] == "ror_child", "value"]) == {"0child002"}
    assert res.corpus.organizations.loc[0, "name"] == "University of Examplia"


@pytest.mark.realdata
def test_real_openalex_institutions_registry(real_data):
    path = real_data / "openalex-institutions" / "institutions_part_000_lines_0001-0400.jsonl"
    with pytest.raises(InputError, match="not a ROR data dump"):
        load_registry(path)  # resolve reads no source format: ingest does
    reg = load_registry(read_registry_files(path))
    assert len(reg) == 400
    names = reg.names()
    assert not names["name"].str.fullmatch(r"[A-Z0-9&\-.]{2,6}").any()  # no acronyms
    first = reg.institutions.iloc[0]
    c = corpus_of_names([first["name"].upper(), "Zzyzx Unrelated Org"])
    res = resolve(c, registry=reg)
    a = res.audit.set_index("raw_org_id")
    assert a.loc["o:0", "method"] == "registry"
    assert a.loc["o:1", "method"] == "none"
    ror = res.corpus.org_ids[res.corpus.org_ids["scheme"] == "ror"]
    assert ror["value"].tolist() == [first["ror"]]
