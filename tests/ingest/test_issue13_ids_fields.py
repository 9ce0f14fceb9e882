"""Issue 13, items 2, 5 and 11: names keep distinct ids in every reader, a WoS
tab-delimited file without ``UT`` is refused, and stray quotes that join rows are
caught by field validation (fixtures: ``tests/data/issue13/_make.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import InputError
from netkit.ingest.ids import name_key, slug
from netkit.lexicon.text import fold

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
    assert fold("Мой", exact_letters=True) != fold("Мои", exact_letters=True)
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
    ("names_scopus.csv", "scopus", {}, 1),  # the columnar path
    ("names_scopus.csv", "scopus", {"engine": "records"}, 1),
    ("names_openalex.jsonl", "openalex", {}, 1),  # institutions without an OpenAlex id
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


def test_gzipped_nsf_award_is_read(tmp_path):
    """Found by the fuzz suite: a gzipped award was quarantined as malformed XML."""
    import gzip

    p = tmp_path / "1500001.xml.gz"
    p.write_bytes(gzip.compress((DATA / "names_nsf" / "1500001.xml").read_bytes()))
    c = nk.ingest.read(p, format="nsf-xml")
    assert c.accounting[["records_seen", "loaded", "quarantined"]].iloc[0].tolist() == [1, 1, 0]
    assert c.organizations["name"].tolist() == ["北京大学"]


def test_unreadable_csv_record_is_quarantined_and_reading_goes_on(tmp_path):
    """Found by the fuzz suite: a bare CR in an unquoted field refused the whole file."""
    src = (DATA / "cordis_paired_quotes.csv").read_text(encoding="utf-8").splitlines()
    p = tmp_path / "p.csv"
    p.write_text("\n".join([src[0], src[1], src[3].replace("HES", "H\rES"), src[5]]) + "\n",
                 encoding="utf-8", newline="")
    c = nk.ingest.read(p, format="cordis-participations")
    acc = c.accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined) == (3, 2, 1)
    assert c.quarantine["line"].tolist() == [3]
    assert "unreadable CSV record" in c.quarantine["reason"].iloc[0]


def test_wos_plain_header_inside_a_record_is_quarantined(tmp_path):
    """Found by the fuzz suite: FN/VR lines inside a record, then a continuation line,
    raised KeyError."""
    p = tmp_path / "w.txt"
    p.write_text("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One\n"
                 "VR 1.0\n   continued\nUT WOS:1\nER\nPT J\nTI Two\nPY 2020\nUT WOS:2\nER\nEF\n",
                 encoding="utf-8")
    c = nk.ingest.read(p, format="wos")
    acc = c.accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined) == (2, 1, 1)
    assert "header tag VR inside a record" in c.quarantine["reason"].iloc[0]


def test_uspto_bom_before_the_first_declaration_is_no_document(tmp_path):
    """Found by the fuzz suite: a UTF-8 BOM before ``<?xml`` was a quarantined document."""
    p = tmp_path / "ipg.xml"
    p.write_bytes(b"\xef\xbb\xbf" + (DATA / "names_uspto.xml").read_bytes())
    acc = nk.ingest.read(p, format="uspto-xml").accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined) == (len(NAMES), len(NAMES), 0)


@pytest.mark.parametrize("engine", ["columnar", "records"])
def test_scopus_stray_quote_does_not_swallow_the_next_record(tmp_path, engine):
    """Found by the fuzz suite: a stray quote joined a record with the next one and the
    pair was quarantined as one record (one record lost from the count)."""
    lines = (DATA / "names_scopus.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + '"'  # the EID field of line 3 ends in a stray quote
    p = tmp_path / "scopus.csv"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = nk.ingest.read(p, format="scopus", engine=engine)
    acc = c.accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined) == (len(NAMES), len(NAMES) - 1, 1)
    assert c.quarantine["line"].tolist() == [3]
    assert c.quarantine["reason"].iloc[0] == "invalid EID '2-s2.0-85000000002\"'"
    assert len(c.events) == len(NAMES) - 1  # line 4 loaded, not swallowed


def test_wos_tab_line_holding_only_a_bom_is_blank(tmp_path):
    """Found by the fuzz suite: a line holding only U+FEFF was a quarantined record."""
    p = tmp_path / "tab.txt"
    p.write_text("PT\tAF\tC1\tTI\tPY\tUT\n\ufeff\nJ\tMoe, Per\t[Moe, Per] Equinor ASA, Stavanger, "
                 "Norway\tT\t2021\tWOS:9\n", encoding="utf-8")
    acc = nk.ingest.read(p, format="wos-tab").accounting.iloc[0]
    assert (acc.records_seen, acc.loaded, acc.quarantined) == (1, 1, 0)
