"""A saved corpus whose manifest.json was damaged is refused, never loaded smaller (issue 13, item 9)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from netkit.cli import main
from netkit.errors import CorpusIntegrityError
from netkit.model import Corpus, load
from netkit.model.io import MANIFEST_SCHEMA, OPTIONAL_TABLES, SAVED_TABLES

CASES = Path(__file__).parents[1] / "data" / "manifest"
EXPECTED = {
    "no_participations": "'participations' is a required property",
    "no_quarantine": "'quarantine' is a required property",
    "no_accounting": "'accounting' is a required property",
    "tables_list": "at tables: expected a JSON object, found list",
    "null_entry": "at tables/events: expected a JSON object, found NoneType",
    "missing_sha256": "at tables/events: 'sha256' is a required property",
    "extra_table": "'secrets' was unexpected",
    "path_escape": "at tables/events/file: 'events.parquet' was expected",
    "rows_text": "at tables/events/rows: expected a JSON integer, found str",
    "manifest_list": "at the manifest: expected a JSON object, found list",
}


def test_every_case_has_an_expectation():
    assert sorted(p.name for p in CASES.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.fixture()
def saved_empty(tmp_path) -> Path:
    return Corpus().save(tmp_path / "corpus")


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_damaged_manifest_is_refused(case, saved_empty):
    shutil.copy(CASES / case / "manifest.json", saved_empty / "manifest.json")
    with pytest.raises(CorpusIntegrityError, match="invalid manifest") as info:
        load(saved_empty)
    assert EXPECTED[case] in str(info.value)
    assert str(saved_empty / "manifest.json") in str(info.value)


@pytest.mark.parametrize("case", ["no_participations", "null_entry", "tables_list"])
def test_cli_says_one_line_and_exits_2(case, saved_empty, tmp_path, capsys):
    shutil.copy(CASES / case / "manifest.json", saved_empty / "manifest.json")
    assert main(["metrics", str(saved_empty), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("netkit metrics: error: ")
    assert "invalid manifest" in err[0]
    assert not (tmp_path / "m").exists()


def test_real_corpus_without_participations_entry_is_not_loaded_smaller(tmp_path, tiny_ecosystem):
    """The observed failure: deleting the entry loaded a corpus without participations."""
    d = tiny_ecosystem[0].save(tmp_path / "c")
    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    del manifest["tables"]["participations"]
    (d / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(CorpusIntegrityError, match="'participations' is a required property"):
        load(d)


def test_schema_lists_every_saved_table(tiny_ecosystem, tmp_path):
    d = tiny_ecosystem[0].save(tmp_path / "c")
    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["tables"]) == sorted(SAVED_TABLES)
    assert sorted(MANIFEST_SCHEMA["properties"]["tables"]["required"]) == \
        sorted(set(SAVED_TABLES) - set(OPTIONAL_TABLES))  # person_ids: older corpora lack it
    assert load(d).equals(tiny_ecosystem[0])


def test_save_never_overwrites_a_folder_that_is_not_a_corpus(tmp_path, tiny_ecosystem):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "events.parquet").write_bytes(b"my own data")
    with pytest.raises(CorpusIntegrityError, match="not a netkit corpus folder"):
        tiny_ecosystem[0].save(folder)
    assert (folder / "events.parquet").read_bytes() == b"my own data"
    assert sorted(p.name for p in folder.iterdir()) == ["events.parquet"]
    d = tiny_ecosystem[0].save(tmp_path / "corpus")
    assert load(tiny_ecosystem[0].save(d)).equals(tiny_ecosystem[0])  # its own corpus: replaced
