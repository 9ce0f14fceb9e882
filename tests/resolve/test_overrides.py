"""Overrides CSV and VOSviewer thesaurus."""

import pytest

from netkit.errors import InputError
from netkit.resolve import read_overrides, read_thesaurus, resolve

from .helpers import corpus_of_names


def test_overrides_merge_and_set_attributes(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("match,canonical_id,name,sector,founded_year,region\n"
                 "UNIV CALIF IRVINE,org:uci,\"University of California, Irvine\",university,1965,"
                 "California\n"
                 "UC Irvine,org:uci,,,,\n"
                 "pic:999,org:uci,,,,\n", encoding="utf-8")
    c = corpus_of_names(["Univ Calif Irvine", "UC Irvine", "Something else", "Other"],
                        ids=[(2, "pic", "999"), (3, "ror", "04gyf1771")])
    res = resolve(c, overrides=p)
    assert {res.mapping[f"o:{k}"] for k in range(3)} == {"org:uci"}
    org = res.corpus.organizations.set_index("org_id").loc["org:uci"]
    assert org["name"] == "University of California, Irvine"
    assert org["sector"] == "university" and org["sector_source"] == "override:org:uci"
    assert org["founded_year"] == 1965 and org["region"] == "California"
    assert set(res.audit.set_index("raw_org_id").loc[["o:0", "o:1", "o:2"], "method"]) == \
        {"override"}


def test_override_can_merge_two_ror_ids(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("match,canonical_id\nror:01aaaaaa1,org:merged\nror:02bbbbbb2,org:merged\n")
    c = corpus_of_names(["Univ Paris 06", "Univ Paris 04"],
                        ids=[(0, "ror", "01aaaaaa1"), (1, "ror", "02bbbbbb2")])
    assert resolve(c).corpus.n_organizations == 2
    assert resolve(c, overrides=p).corpus.n_organizations == 1


@pytest.mark.parametrize(("text", "message"), [
    ("canonical_id\norg:x\n", "need column"),
    ("match,canonical_id\nfoo,\n", "without match"),
    ("match,canonical_id,sector\nfoo,org:x,startupish\n", "unknown sector"),
    ("match,canonical_id,founded_year\nfoo,org:x,long ago\n", "not a year"),
])
def test_bad_overrides_name_the_line(tmp_path, text, message):
    p = tmp_path / "o.csv"
    p.write_text(text)
    with pytest.raises(InputError, match=message) as err:
        read_overrides(p)
    if "need column" not in message:
        assert err.value.line == 2


def test_thesaurus(tmp_path):
    p = tmp_path / "thesaurus.txt"
    p.write_text("label\treplace by\nUC Irvine\tUniversity of California, Irvine\nignored\t\n",
                 encoding="utf-8")
    assert read_thesaurus(p) == {"uc irvine": "University of California, Irvine"}
    c = corpus_of_names(["UC Irvine", "Univ Calif Irvine", "ignored"])
    res = resolve(c, thesaurus=p)
    assert res.mapping["o:0"] == res.mapping["o:1"] != res.mapping["o:2"]
    a = res.audit.set_index("raw_org_id")
    assert a.loc["o:0", "method"] == "override"
    assert a.loc["o:0", "raw_name"] == "UC Irvine"  # the audit keeps the raw spelling
    bad = tmp_path / "bad.txt"
    bad.write_text("label\treplace by\nno tab here\n")
    with pytest.raises(InputError) as err:
        read_thesaurus(bad)
    assert err.value.line == 2
