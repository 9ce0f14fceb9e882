"""Parquet save/load: lossless, deterministic, tamper-evident."""

from __future__ import annotations

import json

import pytest

from netkit.errors import CorpusIntegrityError
from netkit.model import load, save


def test_round_trip_is_lossless(tmp_path, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    save(corpus, tmp_path / "c")
    back = load(tmp_path / "c")
    assert back.equals(corpus)
    for name, table in corpus.tables().items():
        assert list(back.tables()[name].dtypes) == list(table.dtypes), name


def test_saving_twice_gives_identical_bytes(tmp_path, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    save(corpus, tmp_path / "a")
    save(corpus, tmp_path / "b")
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_manifest_lists_rows_and_hashes(tmp_path, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    save(corpus, tmp_path)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["schema_version"] == 1
    assert manifest["tables"]["events"]["rows"] == corpus.n_events
    assert len(manifest["tables"]["events"]["sha256"]) == 64


def test_tampered_file_is_detected(tmp_path, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    save(corpus, tmp_path)
    target = tmp_path / "events.parquet"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(CorpusIntegrityError, match=r"events\.parquet.*SHA-256"):
        load(tmp_path)


def test_missing_file_and_missing_manifest(tmp_path, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    with pytest.raises(CorpusIntegrityError, match=r"no manifest\.json"):
        load(tmp_path)
    save(corpus, tmp_path)
    (tmp_path / "people.parquet").unlink()
    with pytest.raises(CorpusIntegrityError, match="missing"):
        load(tmp_path)
