"""Malformed OpenAlex, WoS and Scopus files: a clear InputError or quarantined rows.

The files are in ``tests/data/malformed/publications`` (written by its
``make_cases.py``). Each case states what must happen: counts of loaded,
quarantined and duplicate records (with the line of each quarantined record), or an
:class:`~netkit.errors.InputError` naming the file, the line and what to do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import netkit as nk
from netkit.errors import FormatError, InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "malformed" / "publications"
FORMAT = {"oa": "openalex", "wos": "wos", "wostab": "wos-tab", "scopus": "scopus"}

# file: (loaded, quarantined lines, duplicates, sniffed format or None if not recognisable)
LOADS = {
    "oa_authorships_not_list.jsonl": (1, [1], 0, "openalex"),
    "oa_bad_id.jsonl": (1, [1], 0, "openalex"),
    "oa_bad_year.jsonl": (1, [1], 0, "openalex"),
    "oa_blank_lines_crlf.jsonl": (2, [], 0, "openalex"),
    "oa_bom.jsonl": (2, [], 0, "openalex"),
    "oa_duplicate_work.jsonl": (2, [], 1, "openalex"),
    "oa_empty.jsonl": (0, [], 0, None),
    "oa_invalid_line.jsonl": (2, [2], 0, "openalex"),
    "oa_missing_id.jsonl": (1, [2], 0, "openalex"),
    "oa_not_an_object.jsonl": (2, [2, 3], 0, "openalex"),
    "oa_page_pretty.json": (2, [], 0, "openalex"),
    "oa_truncated_array.json": (2, [44], 0, "openalex"),
    "oa_truncated_last.jsonl": (2, [3], 0, "openalex"),
    "oa_u2028_in_string.jsonl": (2, [], 0, "openalex"),
    "oa_utf16.jsonl": (2, [], 0, "openalex"),
    "wos_bad_year.txt": (1, [3], 0, "wos"),
    "wos_bom_crlf.txt": (2, [], 0, "wos"),
    "wos_garbage_line.txt": (1, [3], 0, "wos"),
    "wos_header_only.txt": (0, [], 0, "wos"),
    "wos_missing_er.txt": (1, [3], 0, "wos"),
    "wos_missing_ut.txt": (1, [3], 0, "wos"),
    "wos_thomson_header_dup.txt": (1, [], 1, "wos"),
    "wos_truncated_last.txt": (1, [12], 0, "wos"),
    "wostab_duplicated_header.txt": (2, [3], 0, "wos-tab"),
    "wostab_header_only.txt": (0, [], 0, "wos-tab"),
    "wostab_missing_ut.txt": (1, [2], 0, "wos-tab"),
    "wostab_newline_in_field.txt": (1, [2, 3], 0, "wos-tab"),
    "wostab_short_row.txt": (1, [3], 0, "wos-tab"),
    "wostab_utf16.txt": (2, [], 0, "wos-tab"),
    "scopus_bad_year.csv": (1, [2], 0, "scopus"),
    "scopus_bom_semicolon.csv": (2, [], 0, "scopus"),
    "scopus_crlf.csv": (2, [], 0, "scopus"),
    "scopus_duplicated_header.csv": (2, [3], 0, "scopus"),
    "scopus_empty.csv": (0, [], 0, None),
    "scopus_extra_fields.csv": (1, [2], 0, "scopus"),
    "scopus_header_only.csv": (0, [], 0, "scopus"),
    "scopus_missing_eid.csv": (1, [2], 0, "scopus"),
    "scopus_newline_in_title.csv": (2, [], 0, "scopus"),
    "scopus_stray_quote.csv": (3, [], 0, "scopus"),
    "scopus_truncated_last.csv": (1, [3], 0, "scopus"),
    "scopus_unclosed_quote.csv": (2, [3], 0, "scopus"),
    "scopus_utf16.csv": (2, [], 0, "scopus"),
}

# file: (line named in the error, words the message must contain)
ERRORS = {
    "oa_cp1252.jsonl": (2, ["0xe9", "--encoding"]),
    "oa_truncated.jsonl.gz": (None, ["truncated"]),
    "wos_cp1252.txt": (16, ["0xe5", "--encoding"]),
    "wostab_cp1252.txt": (3, ["0xd8", "--encoding"]),
    "scopus_cp1252.csv": (3, ["0xe9", "--encoding"]),
}


def _fmt(name: str) -> str:
    return FORMAT[name.split("_")[0]]


def test_collection_is_complete():
    files = {p.name for p in DATA.iterdir() if p.suffix != ".py"}
    assert files == set(LOADS) | set(ERRORS)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(LOADS))
def test_quarantine_and_accounting(name):
    loaded, lines, dups, sniffed = LOADS[name]
    path = DATA / name
    if sniffed is None:
        with pytest.raises(FormatError, match="checked:"):
            nk.ingest.read(path)
    else:
        assert nk.ingest.sniff(path) == sniffed
    c = nk.ingest.read(path, format=_fmt(name))
    acc = c.accounting.iloc[0]
    assert acc["records_seen"] == acc["loaded"] + acc["quarantined"] + acc["duplicates"]
    assert (acc["loaded"], acc["duplicates"]) == (loaded, dups)
    assert c.n_events == loaded
    q = c.quarantine
    assert q["line"].tolist() == lines
    assert (q["file"] == str(path)).all()
    assert q["reason"].str.len().gt(5).all()
    assert q["raw"].str.len().gt(0).all()


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_clear_input_error(name):
    line, words = ERRORS[name]
    with pytest.raises(InputError) as info:
        nk.ingest.read(DATA / name, format=_fmt(name))
    err = info.value
    assert err.file == str(DATA / name)
    if line is not None:
        assert err.line == line and f":{line}:" in str(err)
    for w in words:
        assert w in str(err)


@pytest.mark.parametrize("name", ["oa_cp1252.jsonl", "wos_cp1252.txt", "wostab_cp1252.txt",
                                  "scopus_cp1252.csv"])
def test_declared_legacy_encoding_reads(name):
    c = nk.ingest.read(DATA / name, format=_fmt(name), encoding="cp1252")
    assert c.accounting.iloc[0]["loaded"] == 2


def test_u2028_kept_inside_strings():
    c = nk.ingest.read(DATA / "oa_u2028_in_string.jsonl")
    assert "a\u2028b\u2029c" in set(c.events["title"])


def test_stray_quote_kept_in_field():
    c = nk.ingest.read(DATA / "scopus_stray_quote.csv")
    assert 'Title "2"' in set(c.events["title"]) or any('"' in t for t in c.events["title"])


def test_ten_megabyte_single_field(tmp_path):
    big = "x" * (10 * 1024 * 1024)
    oa = tmp_path / "big.jsonl"
    work = {"id": "https://openalex.org/W1", "publication_year": 2020, "title": big,
            "authorships": []}
    oa.write_text(json.dumps(work) + "\n" + json.dumps(dict(work, id="W2", title="s")) + "\n")
    c = nk.ingest.read(oa)
    assert c.accounting.iloc[0]["loaded"] == 2
    assert len(c.events.set_index("event_id").loc["pub:openalex:W1", "title"]) == len(big)

    arr = tmp_path / "big.json"
    arr.write_text(json.dumps([work, dict(work, id="W2", title="s")], indent=1))
    assert nk.ingest.read(arr).accounting.iloc[0]["loaded"] == 2

    sc = tmp_path / "big.csv"
    sc.write_text('Authors,Title,Year,Source title,Abstract,EID\n'
                  f'"Berg K.",T,2020,J,"{big}",2-s2.0-1\nMoe P.,U,2021,J,a,2-s2.0-2\n')
    c = nk.ingest.read(sc)
    assert c.accounting.iloc[0][["loaded", "quarantined"]].tolist() == [2, 0]

    tab = tmp_path / "big.txt"
    tab.write_text("PT\tAU\tTI\tAB\tPY\tUT\n" + f"J\tBerg, K\tT\t{big}\t2020\tWOS:1\n")
    c = nk.ingest.read(tab)
    assert c.accounting.iloc[0]["loaded"] == 1


def test_unknown_format_names_file_and_formats(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("hello\n")
    with pytest.raises(FormatError) as info:
        nk.ingest.read(f)
    assert str(f) in str(info.value)
    for name in ("openalex", "wos", "wos-tab", "scopus"):
        assert name in str(info.value)
