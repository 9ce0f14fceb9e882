"""parse_affiliations (column-wise) agrees with parse_affiliation on every string it vouches for."""

from __future__ import annotations

import csv

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from netkit.ingest.affiliations import name_key, parse_affiliation
from netkit.ingest.affiliations_columnar import parse_affiliations
from netkit.lexicon.sectors import sector_of_organization


def _assert_columns_agree(strings: list[str]) -> int:
    """Assert that every string parse_affiliations vouches for gets parse_affiliation's
    organisation, city and country, and its organisation's sector, rule and key; return
    how many it vouched for."""
    cols = parse_affiliations(pa.array(strings, type=pa.large_string()))
    got = list(zip(*(c.to_pylist() for c in (cols.organization, cols.key, cols.sector,
                                              cols.rule, cols.city, cols.country)),
                   strict=True))
    for text, ok, row in zip(strings, cols.ok.tolist(), got, strict=True):
        if not ok:
            assert row == (None,) * 6
            continue
        a = parse_affiliation(text)
        assert a.organization is not None, text
        want = (a.organization, name_key(a.organization), *sector_of_organization(a.organization),
                a.city, a.country)
        assert row == want, text
    return int(cols.ok.sum())


def test_parse_affiliations_agrees_on_real_scopus_and_wos(real_data):
    strings: set[str] = set()
    for name in ("litstudy_scopus_v2_2023.csv", "scientopy_scopus_2017_iot_gateway.csv"):
        with open(real_data / "scopus-csv" / name, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                for col in ("Affiliations", "Authors with affiliations"):
                    for a in (row.get(col) or "").split(";"):
                        strings.update((a, a.strip()))
    csv.field_size_limit(1 << 28)
    wos = real_data / "wos-tabdelimited" / "scientopy_wos_2026-04-02_records_0001-1000.txt"
    with open(wos, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for a in (row.get("C1") or "").replace("]", ";").split(";"):
                strings.update((a, a.strip()))
    strings_list = sorted(strings)
    vouched = _assert_columns_agree(strings_list)
    assert len(strings_list) > 5000 and vouched > len(strings_list) // 3


def test_parse_affiliations_small_cases():
    strings = ["", " ", "Oslo", "X Univ, NE", "Dept of A, Univ B, Omaha, NE, United States",
               "Acme Inc, NE 68198, United States", "Inst f\u00fcr X, TU Wien, Wien, Austria",
               "Sch Med, Univ Oslo, 0316 Oslo, Norway", "Zorblax, Mayo Clin, Rochester, MN",
               "Universit\u00e9 and Co, Paris, France", "A,,B, , C", "x, USA.", "trailing,"]
    cols = parse_affiliations(pa.array(strings))
    # "A,,B, , C": author initials, no organisation: left to parse_affiliation
    assert cols.ok.tolist() == [False, False] + [True] * 8 + [False] * 3
    _assert_columns_agree(strings)
    assert cols.organization.to_pylist()[4] == "Univ B"
    assert cols.country.to_pylist()[4:6] == ["US", "US"]


def test_parse_affiliations_last_organisation_and_region_after_city():
    strings = ["Dept of X, Xiangya Hospital, Central South University, Changsha, Hunan, China",
               "Lab Y, RWTH Aachen University, Aachen, Nordrhein-Westfalen, Germany",
               "Univ Z, Madrid, Spain", "Dept, Univ Q, Madrid, Madrid, Spain",
               "Inst of Physics, Chinese Academy of Sciences, Hefei, Anhui, China",
               "Sch Med, Zhongshan Hospital, Fudan Univ, Shanghai, China",
               "Dept, Univ W, Sydney, NSW, Australia", "Kongu Coll, Perundurai, Tamilnadu, India"]
    assert _assert_columns_agree(strings) == len(strings)
    cols = parse_affiliations(pa.array(strings))
    assert cols.city.to_pylist() == ["Changsha", "Aachen", "Madrid", "Madrid", "Hefei",
                                     "Shanghai", "Sydney", "Perundurai"]
    assert cols.organization.to_pylist()[0] == "Central South University"
    assert cols.organization.to_pylist()[5] == "Fudan Univ"


_PARTS = ["Department of Physics", "Dept Chem", "Univ Oslo", "University of Turku", "Turku",
          "Finland", "NE", "Omaha", "NE 68198", "United States", "USA", "CA 94143 USA",
          "Siemens AG", "Sch Med", "Lab", "Inst Technol", "Mayo Clin", "Zorblax", "England",
          "Peoples R China", "Wuhan 430074", "Ørsted A/S", "Göteborg", "Nordvalia",
          "Institut für Physik", "Ministry of Energy", "UMR 5", "Korea, Republic of", "the Group",
          "Trust and Co", "Hochschule", "ETH", "\u212aelvin Univ", "Stra\u00dfe", "S\u0130NTEF",
          "Hunan", "Madrid", "China", "Nordrhein-Westfalen", "Spain"]
_ODD = st.text(alphabet=list(" .,-&'/()AaZzdnk09\t\x0b\x1c\u00a0\u2028\u00e9\u00f8\u0130\u0131"
                             "\u017f_\u00c5\u00df\u00e6\u0132\u0133\u013f\u0140\u0149\u0301\u00b5"
                             "\u00d7\u0178\u00ff\u0138\u212a\u2160\u00b2"), max_size=12)
_WORDS = st.lists(st.sampled_from(["and", "And", "Univ", "Ærø", "Øand", "andø", "Inst",
                                   "Straße", "Ĳssel", "Dept", "of", "Hosp", "ﬁrm", "Ltd",
                                   "Stiftelsen", "Hôpital", "Kœln", "Łódź", "Ŀlet", "NE"]),
                  min_size=1, max_size=4).map(" ".join)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.one_of(st.sampled_from(_PARTS), _ODD, _WORDS), min_size=1,
                         max_size=5)
                .map(", ".join), min_size=1, max_size=10),
       st.lists(st.text(alphabet=list(" ,.;AUniv\u00c5"), max_size=6), max_size=4))
def test_parse_affiliations_agrees_on_generated_strings(strings, extra):
    _assert_columns_agree(strings + extra)


def test_parse_affiliations_agrees_letter_by_letter():
    """Every letter of Latin-1 and Latin Extended-A (and a few others) inside, before and
    after organisation words: the RE2 rules and keys agree with the Python ones."""
    letters = [chr(c) for c in range(0xC0, 0x250)] + ["\u212a", "\u1e9e", "\u0301"]
    strings = []
    for ch in letters:
        strings += [f"Dept {ch}, Univ{ch} X, Oslo, Norway", f"{ch}inst and {ch}, Bergen, Norway",
                    f"{ch}and Co{ch}, {ch}Hosp, NE", f"Lab {ch}{ch.upper()}, {ch} Ltd, Wien, Austria",
                    f"Uni {ch}, K{ch}ln, Germany", f"Fac {ch}and{ch}, Sch, X"]
    # with a symbol that is no letter (× ÷ and a lone accent), "× Ltd" and "×and Co×" are
    # a legal form alone: parse_affiliation reads those two strings part by part
    assert _assert_columns_agree(strings) == len(strings) - 2 * 3
