"""A folder of exports with other files in it (issue 17 item 7)."""

from __future__ import annotations

import shutil

import pytest

import netkit as nk
from netkit.cli import main
from netkit.errors import FormatError


@pytest.fixture
def export_folder(tmp_path, real_data):
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(real_data / "nserc-partners" / "nserc_partners_fy1994_grants_part1.csv", folder)
    (folder / "notes.txt").write_text("meeting notes, not records\n", encoding="utf-8")
    (folder / "budget.xlsx").write_bytes(b"PK\x03\x04 not a zip of records")
    return folder


def test_folder_skips_files_that_are_not_records(export_folder, caplog):
    corpus = nk.ingest.read(export_folder)
    acc = corpus.accounting.set_index("file")
    skipped = acc[acc["format"] == "not-records"]
    assert sorted(p.rsplit("/", 1)[-1] for p in skipped.index) == ["budget.xlsx", "notes.txt"]
    assert (skipped["records_seen"] == 0).all()
    assert corpus.n_events > 0
    assert caplog.text.count("not a record file of any known format") == 2


def test_strict_or_named_file_still_stops(export_folder):
    with pytest.raises(FormatError):
        nk.ingest.read(export_folder, skip_unknown=False)
    with pytest.raises(FormatError):
        nk.ingest.read([export_folder / "notes.txt"])
    with pytest.raises(FormatError):  # named through a generator too
        nk.ingest.read(p for p in [export_folder / "notes.txt", export_folder])


def test_cli_skips_unless_strict(export_folder, tmp_path, capsys):
    assert main(["ingest", str(export_folder), "--out", str(tmp_path / "c")]) == 0
    assert "not-records" in capsys.readouterr().out
    assert main(["ingest", str(export_folder), "--out", str(tmp_path / "d"), "--strict"]) == 2
    err = capsys.readouterr().err
    assert "budget.xlsx" in err and err.count("\n") == 1
