"""Bare and carried acronyms: which organisation an acronym stands for, if only one."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.resolve.acronyms import bare_acronym, initials
from netkit.resolve.normalize import normalize_name


@pytest.mark.parametrize(("name", "acronym"), [
    ("MIT", "mit"), ("KAIST", "kaist"), ("UNEP, Division of GEF Coordination, Nairobi, Kenya",
                                          "unep"),
    ("[INRS (Montréal)]", "inrs"), ("DHI Paris", "dhi"), ("NBSS&LUP, ICAR, Nagpur, India",
                                                         "nbsslup"),
    ("Siemens AG", None), ("IT", None), ("CO2CRC", None), ("Orange Labs", None),
    ("University of Oslo", None), ("", None), (None, None)])
def test_bare_acronym(name, acronym):
    assert bare_acronym(name) == acronym


def test_initials_of_keys():
    assert initials(normalize_name("Massachusetts Institute of Technology")) == "mit"
    assert initials(normalize_name("Korea Advanced Institute of Science and Technology")) == \
        "kaist"
    assert initials(normalize_name("Institut National de la Recherche Scientifique")) == "inrs"
    assert initials("sintef") == ""


def resolve(names, countries):
    corpus = nk.Corpus(organizations={
        "org_id": [f"o:{k}" for k in range(len(names))], "name": names,
        "sector": ["unknown"] * len(names), "country": countries})
    return nk.resolve.resolve(corpus)


def test_an_acronym_joins_the_only_organisation_it_abbreviates():
    res = resolve(["MIT", "Massachusetts Institute of Technology",
                   "Manipal Institute of Technology"], ["US", "US", "IN"])
    m = res.mapping
    assert m["o:0"] == m["o:1"] != m["o:2"]
    row = res.audit.set_index("raw_org_id").loc["o:0"]
    assert row["method"] == "acronym" and "Massachusetts" in row["evidence"]


def test_an_acronym_of_several_organisations_joins_none_and_is_reviewed():
    res = resolve(["MIT", "Massachusetts Institute of Technology",
                   "Manipal Institute of Technology"], [None, "US", "IN"])
    assert res.mapping.nunique() == 3
    assert (res.review["reason"] == "acronym of several organisations").sum() == 2


def test_an_acronym_beside_a_name_needs_the_same_known_country():
    names = ["Karlsruhe Institute of Technology KIT", "Kyoto Institute of Technology"]
    assert resolve(names, ["DE", "JP"]).mapping.nunique() == 2
    assert resolve(names, ["DE", None]).mapping.nunique() == 2
    both = resolve(["Swiss Fed Inst Technol EPFL", "Ecole Polytech Fed Lausanne"], ["CH", "CH"])
    assert both.mapping.nunique() == 1


def test_two_spellings_of_one_organisation_are_not_two_candidates():
    res = resolve(["EPFL", "Ecole Polytech Fed Lausanne", "Ecole Polytech Fed Lausanne EPFL"],
                  [None, "CH", "CH"])
    assert res.mapping.nunique() == 1
