"""``netkit ingest``: writes the corpus, prints the accounting table, --strict."""

from __future__ import annotations

from pathlib import Path

import netkit as nk
from netkit.cli import main

MALFORMED = Path(__file__).resolve().parents[1] / "data" / "malformed" / "publications"


def test_ingest_real_folders(real_data, tmp_path, capsys):
    out = tmp_path / "corpus"
    works = real_data / "openalex-works"
    rc = main(["ingest", str(works / "api_page_chunk1.openalex-works-response.json"),
               str(works / "biodiversity_finance_search.openalex-works.jsonl"),
               str(real_data / "scopus-csv" / "litstudy_scopus_v2_2023.csv"), "--out", str(out)])
    assert rc == 0
    text = capsys.readouterr().out
    assert "total" in text and "quarantined" in text
    # 50 + 200 + 88 seen, 44 works of the page again in the JSON Lines file
    total = next(line for line in text.splitlines() if line.startswith("total")).split()
    assert total[1:] == ["338", "294", "0", "44"]
    c = nk.Corpus.load(out)
    assert c.n_events == 294
    assert set(c.events["source"]) == {"openalex", "scopus"}
    assert c.accounting["records_seen"].sum() == 338


def test_strict_exits_1_when_quarantined(tmp_path, capsys):
    f = MALFORMED / "oa_invalid_line.jsonl"
    assert main(["ingest", str(f), "--out", str(tmp_path / "a")]) == 0
    assert main(["ingest", str(f), "--out", str(tmp_path / "b"), "--strict"]) == 1
    text = capsys.readouterr().out
    assert "invalid JSON" in text and f"{f}:2" in text
    assert len(nk.Corpus.load(tmp_path / "b").quarantine) == 1
    ok = MALFORMED / "oa_bom.jsonl"
    assert main(["ingest", str(ok), "--out", str(tmp_path / "c"), "--strict"]) == 0


def test_encoding_and_format_options(tmp_path, capsys):
    f = MALFORMED / "scopus_cp1252.csv"
    assert main(["ingest", str(f), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert f"{f}:3" in err and "--encoding" in err
    assert main(["ingest", str(f), "--out", str(tmp_path / "y"), "--encoding", "cp1252",
                 "--format", "scopus"]) == 0
    assert nk.Corpus.load(tmp_path / "y").n_events == 2


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "x.txt"
    f.write_text("nothing to see\n")
    assert main(["ingest", str(f), "--out", str(tmp_path / "o")]) == 2
    assert "format not recognised" in capsys.readouterr().err


def test_progress_bar_over_bytes(real_data, capsys):
    from netkit.cli.ingest import read_with_progress

    c = read_with_progress(real_data / "wos-plaintext", interval=0.01)
    assert c.n_events == 532
    err = capsys.readouterr().err
    assert "reading" in err and "100%" in err
