"""Malformed patent and contract files: a clear error with file and line, or quarantined
records with a reason — never a crash, never a silent loss.

The fixtures are written by ``tests/data/patents_contracts/malformed/_make.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import FormatError, InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "patents_contracts" / "malformed"

# case: (records_seen, loaded, quarantined, duplicates, words in the quarantine reasons)
QUARANTINED = {
    "uspto_truncated_last.xml": (2, 1, 1, 0, "malformed XML"),
    "uspto_truncated_middle.xml": (3, 2, 1, 0, "truncated?"),
    "uspto_billion_laughs.xml": (2, 1, 1, 0, "entity declarations are refused"),
    "uspto_external_entity.xml": (2, 1, 1, 0, "entity declarations are refused"),
    "uspto_bad_filing_date.xml": (2, 1, 1, 0, "bad date '20031399'"),
    "uspto_missing_filing_date.xml": (2, 1, 1, 0, "no filing date"),
    "uspto_missing_doc_number.xml": (2, 1, 1, 0, "no publication doc-number"),
    "uspto_assignee_without_name.xml": (2, 1, 1, 0, "assignee without a name"),
    "uspto_undefined_entity.xml": (2, 1, 1, 0, "undefined entity"),
    "uspto_duplicate_grant.xml": (2, 1, 0, 1, ""),
    "uspto_junk_after_document.xml": (2, 1, 1, 0, "junk after document element"),
    "uspto_bad_bytes.xml": (2, 1, 1, 0, "not well-formed"),
    "pv_extra_tab": (3, 2, 1, 0, "9 fields where the header has 8"),
    "pv_embedded_newline": (4, 2, 2, 0, "line break inside a field"),
    "pv_bad_filing_date": (4, 3, 1, 0, "bad date '1074-13-13'"),
    "pv_orphan_inventor": (3, 2, 1, 0, "patent_id 404 is not in g_patent"),
    "pv_blank_line": (3, 2, 1, 0, "empty line"),
    "pv_stray_quotes": (4, 4, 0, 0, ""),
    "pv_bad_grant_date": (2, 0, 2, 0, "missing date"),
    "cordis_negative_contribution.csv": (2, 1, 1, 0, "negative amount '-5'"),
    "cordis_bad_start_date.csv": (2, 1, 1, 0, "bad date '2015-02-30'"),
    "cordis_short_row.csv": (2, 1, 1, 0, "7 fields where the header has 15"),
    "cordis_unknown_role.csv": (2, 1, 1, 0, "unknown role 'observer'"),
    "cordis_bad_rcn.csv": (2, 1, 1, 0, "bad project rcn"),
    "cordis_stray_quote.csv": (5, 4, 1, 0, "stray quote"),
    "cordis_raw_stray_quote.csv": (7, 6, 1, 0, "stray quote"),
    "norway_bad_date.csv": (2, 1, 1, 0, "bad date '31.02.2018 00:00'"),
    "norway_missing_orgnr.csv": (2, 1, 1, 0, "empty Organisasjonsnummer"),
    "norway_negative_amount.csv": (2, 1, 1, 0, "negative amount"),
    "norway_stray_quote.csv": (5, 5, 0, 0, ""),
    "norway_unknown_sector_code.csv": (1, 1, 0, 0, ""),
    "nserc_bad_year.csv": (2, 1, 1, 0, "bad year '19x4'"),
    "nserc_missing_name.csv": (2, 1, 1, 0, "empty partner name"),
    "nsf_truncated.xml": (1, 0, 1, 0, "malformed XML"),
    "nsf_bad_date.xml": (1, 0, 1, 0, "bad date '13/45/2016'"),
    "nsf_negative_amount.xml": (1, 0, 1, 0, "negative amount"),
    "nsf_billion_laughs.xml": (1, 0, 1, 0, "unsafe XML refused"),
    "nsf_no_institution.xml": (1, 0, 1, 0, "no awardee institution"),
    "sbir_negative_amount.csv": (2, 1, 1, 0, "negative amount '-5'"),
    "sbir_bad_program.csv": (2, 1, 1, 0, "unknown Program 'SBOR'"),
    "sbir_bad_award_year.csv": (2, 1, 1, 0, "bad year 'twenty'"),
    "sbir_missing_award_id.csv": (2, 1, 1, 0, "no award id"),
}

# case: (format to force, line of the error, words in the message)
ERRORS = {
    "cordis_semicolon_delimited.csv": ("cordis-participations", 1, "seems delimited by ';'"),
    "cordis_raw_missing_columns.csv": ("cordis-organization", 1, "missing column(s) 'activityType'"),
    "pv_comma_delimited": ("patentsview", 1, "seems delimited by ','"),
    "pv_missing_column": ("patentsview", 1, "missing column(s)"),
    "norway_cp1252.csv": (None, 1, "is not valid utf-8"),
}


def test_at_least_thirty_cases():
    on_disk = {p.name for p in DATA.iterdir() if not p.name.startswith("_")}
    assert on_disk == set(QUARANTINED) | set(ERRORS)
    assert len(on_disk) >= 30


@pytest.mark.parametrize("case", sorted(QUARANTINED))
def test_quarantined_not_lost(case):
    seen, loaded, quarantined, duplicates, words = QUARANTINED[case]
    c = nk.ingest.read(DATA / case)
    acc = c.accounting
    got = (acc["records_seen"].sum(), acc["loaded"].sum(), acc["quarantined"].sum(),
           acc["duplicates"].sum())
    assert got == (seen, loaded, quarantined, duplicates)
    assert (acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]).all()
    assert len(c.quarantine) == quarantined
    if quarantined:
        assert words in " | ".join(c.quarantine["reason"])
        assert c.quarantine["line"].notna().all() and c.quarantine["raw"].notna().all()
        assert c.quarantine["file"].map(lambda f: Path(f).is_file()).all()


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_clear_error_with_file_and_line(case):
    fmt, line, words = ERRORS[case]
    with pytest.raises(InputError) as err:
        nk.ingest.read(DATA / case, format=fmt or "auto")
    assert words in err.value.message
    assert err.value.line == line and Path(err.value.file).is_file()
    if fmt is not None:  # without --format: the same error, or a FormatError naming the file
        with pytest.raises(InputError) as err2:
            nk.ingest.read(DATA / case)
        assert Path(err2.value.file).is_file()
        assert isinstance(err2.value, FormatError) or err2.value.line == line


def test_cp1252_reads_with_encoding():
    c = nk.ingest.read(DATA / "norway_cp1252.csv", encoding="cp1252")
    assert "BRØNNØY AS" in set(c.organizations["name"])


def test_unknown_sector_code_falls_back_to_name_rules():
    c = nk.ingest.read(DATA / "norway_unknown_sector_code.csv")
    org = c.organizations.iloc[0]
    assert org["sector_source"] == "norway:FoU=XYZ unknown+name:government"
    assert org["sector"] == "government"


def test_bad_filing_date_falls_back_to_grant_date():
    c = nk.ingest.read(DATA / "pv_bad_filing_date")
    ev = c.events.set_index("event_id")
    assert ev.loc["pat:patentsview:1", "date"] == "2019-01-01"  # grant date
    assert ev.loc["pat:patentsview:2", "date"] == "2017-02-03"  # filing date


def test_billion_laughs_does_not_expand(tmp_path):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c = nk.ingest.read(DATA / "uspto_billion_laughs.xml")
    assert len(c.quarantine) == 1 and "lol" in c.quarantine["raw"].iloc[0]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
