"""Issue 13, items 2, 5 and 11: names keep distinct ids in every reader, a WoS
tab-delimited file without ``UT`` is refused, and stray quotes that join rows are
caught by field validation (fixtures: ``tests/data/issue13/_make.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import InputError
from netkit.ingest.ids import fold_name, name_key, slug

DATA = Path(__file__).resolve().parents[1] / "data" / "issue13"
NAMES = ["北京大学", "清华大学", "Московский университет", "Московский институт",
         "C Ltd", "C++ Ltd", "Ørsted AS", "Rsted AS"]


def test_slug_and_name_key_keep_names_apart():
    assert len({slug(n) for n in NAMES}) == len(NAMES)
    assert len({name_key(n) for n in NAMES}) == len(NAMES)
    # ASCII and accented Latin names keep their old ids
    assert slug("Hon Hai Precision Ind. Co., Ltd.") == "hon-hai-precision-ind-co-ltd"
    assert slug("Université de Genève") == "universite-de-geneve"
    assert name_key("UNIV CAMBRIDGE") == "univ cambridge"
    # marks that make another letter in other scripts are kept
    assert fold_name("Мой") != fold_name("Мои")
    assert slug("がく") != slug("かく")
    # long names: cut, with a hash of the whole name
    a, b = "x" * 90 + " one", "x" * 90 + " two"
    assert slug(a) != slug(b) and len(slug(a)) <= 89


def _ids(corpus) -> set[str]:
    return set(corpus.organizations["org_id"])


@pytest.mark.parametrize(("path", "fmt", "options", "per_name"), [
    ("names_mapped.csv", "csv-mapped", {"mapping": DATA / "names_mapped.toml"}, 1),
    ("names_nsf", "nsf-xml", {}, 1),
    ("names_sbir.csv", "sbir-csv", {}, 1),
    ("names_uspto.xml", "uspto-xml", {}, 1),
    ("names_wos.txt", "wos", {}, 1),
    ("names_pv", "patentsview", {}, 2),  # a g_patent row and a g_assignee row per name
])
def test_every_reader_keeps_distinct_names_distinct(path, fmt, options, per_name):
    c = nk.ingest.read(DATA / path, format=fmt, **options)
    acc = c.accounting[["records_seen", "loaded", "quarantined", "duplicates"]].sum()
    n = per_name * len(NAMES)
    assert acc.tolist() == [n, n, 0, 0]
    names = c.organizations.set_index("org_id")["name"]
    assert len(_ids(c)) == len(NAMES)
    assert sorted(names) == sorted(NAMES)


def test_wos_tab_without_ut_is_refused():
    with pytest.raises(InputError, match=r"missing column.*'UT'") as err:
        nk.ingest.read(DATA / "wos_tab_no_ut.txt", format="wos-tab")
    assert err.value.line == 1


def test_wos_tab_without_ut_exits_2(tmp_path):
    from netkit.cli import main

    assert main(["ingest", str(DATA / "wos_tab_no_ut.txt"), "--format", "wos-tab",
                 "--out", str(tmp_path / "c")]) == 2


def test_cordis_paired_stray_quotes_are_quarantined():
    c = nk.ingest.read(DATA / "cordis_paired_quotes.csv")
    acc = c.accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined, acc.duplicates) == (5, 3, 2, 0)
    assert all("," not in o for o in c.organizations["org_id"])
    assert sorted(c.quarantine["line"]) == [3, 5]
    reasons = " ".join(c.quarantine["reason"])
    assert "stray quote" in reasons and "bad pic '9999\"12345'" in reasons
