"""Fixtures of the projection engine tests: the medium synthetic ecosystem as a corpus folder,
and real samples as participation files (shared by the memory/DuckDB and the Spark tests)."""

from __future__ import annotations

import pytest

from netkit.build.engines.source import participation_rows
from netkit.datasets import synthetic_ecosystem


@pytest.fixture(scope="session")
def medium(tmp_path_factory):
    corpus, _ = synthetic_ecosystem(seed=7, size="medium")
    folder = corpus.save(tmp_path_factory.mktemp("medium") / "corpus")
    return corpus, folder


@pytest.fixture(scope="session")
def real(real_data, tmp_path_factory):
    """CORDIS participations and OpenAlex works, read by netkit.ingest, as participation files."""
    from netkit.ingest import read
    from netkit.model import concat

    corpus = concat([
        read(real_data / "cordis-h2020-participations" / "h2020_participations_start2015.csv"),
        read(real_data / "openalex-works" / "tu9_books_proceedings_2017-2023.openalex-works.json"),
    ])
    folder = tmp_path_factory.mktemp("real") / "parts"
    folder.mkdir()
    rows = participation_rows(corpus)
    half = len(rows) // 2  # two part files, as a Spark or DuckDB export would have
    rows.iloc[:half].to_parquet(folder / "part-0.parquet")
    rows.iloc[half:].to_parquet(folder / "part-1.parquet")
    return corpus, folder
