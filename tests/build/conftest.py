"""Fixtures of the projection engine tests: the medium synthetic ecosystem as a corpus folder,
and real samples as participation files (shared by the memory/DuckDB and the Spark tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from netkit.build.engines.source import participation_rows
from netkit.datasets import synthetic_ecosystem
from netkit.model import Corpus


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


def _corner_case_rows() -> pd.DataFrame:
    """Duplicate rows, explicit and missing shares, an event without a year, a row without an
    organisation, a one-organisation event, people."""
    rows = [
        # event, org, person, year, kind, share
        ("e1", "a", "p1", 2015, "patent", 0.5),
        ("e1", "b", "p2", 2015, "patent", None),  # missing share: 1
        ("e1", "a", "p3", 2015, "patent", 0.5),  # a again: shares 0.5 + 0.5
        ("e2", "a", "p1", 2019, "publication", None),
        ("e2", "c", "p2", 2019, "publication", None),
        ("e2", "b", None, 2019, "publication", None),
        ("e2", None, "p4", 2019, "publication", None),  # no organisation
        ("e3", "b", "p2", None, "contract", 2.0),  # no year
        ("e3", "c", "p4", None, "contract", 6.0),
        ("e4", "c", "p1", 2016, "contract", None),  # one organisation
        ("e5", "a", "p1", 2021, "publication", None),
        ("e5", "b", "p2", 2021, "publication", None),
    ]
    return pd.DataFrame(rows, columns=["event_id", "org_id", "person_id", "year", "kind",
                                       "share"]).astype({"year": "Int64"})


def _corpus_of(rows: pd.DataFrame) -> Corpus:
    orgs = sorted(set(rows["org_id"].dropna()))
    people = sorted(set(rows["person_id"].dropna()))
    ev = rows.drop_duplicates("event_id")[["event_id", "kind", "year"]]
    return Corpus(organizations={"org_id": orgs, "name": orgs, "sector": ["firm"] * len(orgs)},
                  people={"person_id": people, "name": people}, events=ev,
                  participations=rows[["event_id", "org_id", "person_id", "share"]]
                  .assign(role="participant"))


@pytest.fixture
def corner_rows() -> pd.DataFrame:
    """Participation rows with every corner case of the projection rules."""
    return _corner_case_rows()


@pytest.fixture(scope="session")
def corpus_of():
    """The Corpus holding the same participations as rows like ``corner_rows``."""
    return _corpus_of
