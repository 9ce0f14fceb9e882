"""The Spark engine gives the tie table of the memory engine (weights within 1e-9), and the
Spark OpenAlex ingest the participations of ``netkit.ingest``.

Few and small: one SparkSession for the session (the ``spark`` fixture), every weighting
computed in one Spark job per input.
"""

from __future__ import annotations

import gzip
import json

import numpy as np
import pandas as pd
import pytest

from netkit.build import WEIGHTINGS, edge_table, project, read_edge_table
from netkit.build.engines import ProjectionParams
from netkit.build.engines.source import projection_input
from netkit.cli import main
from netkit.errors import InputError

INT_COLUMNS = ["count", "first_year", "last_year", "n_publication", "n_patent", "n_contract"]


def _all_weightings(spark, source) -> pd.DataFrame:
    from netkit.build.engines.spark import project_frame

    return project_frame(spark, projection_input(source), ProjectionParams(),
                         weightings=WEIGHTINGS).toPandas()


def _assert_matches(got: pd.DataFrame, corpus) -> None:
    for weighting in WEIGHTINGS:
        ref = edge_table(corpus, weighting=weighting)
        assert got["source"].tolist() == ref["source"].astype(str).tolist()
        assert got["target"].tolist() == ref["target"].astype(str).tolist()
        for c in INT_COLUMNS:
            np.testing.assert_array_equal(got[c].to_numpy(np.int64), ref[c].to_numpy(np.int64))
        np.testing.assert_allclose(got[f"weight_{weighting}"].to_numpy(),
                                   ref["weight"].to_numpy(), rtol=0, atol=1e-9,
                                   err_msg=weighting)


def test_spark_equals_memory_on_the_medium_ecosystem(spark, medium):
    corpus, folder = medium
    _assert_matches(_all_weightings(spark, folder), corpus)


def test_spark_equals_memory_on_real_samples(spark, real):
    corpus, folder = real
    _assert_matches(_all_weightings(spark, folder), corpus)


def test_spark_corner_cases_and_filters(spark, tmp_path, corner_rows, corpus_of):
    from netkit.build.engines.spark import project_frame

    rows = corner_rows
    rows.to_parquet(tmp_path / "p.parquet")
    params = ProjectionParams(years=(2015, 2021), max_event_size=2)
    got = project_frame(spark, projection_input(tmp_path / "p.parquet"), params,
                        weightings=WEIGHTINGS).toPandas()
    corpus = corpus_of(rows)
    for weighting in WEIGHTINGS:
        ref = edge_table(corpus, "org", weighting, years=(2015, 2021), max_event_size=2)
        assert len(ref) > 0
        assert got["source"].tolist() == ref["source"].astype(str).tolist()
        assert got["target"].tolist() == ref["target"].astype(str).tolist()
        for c in INT_COLUMNS:
            np.testing.assert_array_equal(got[c].to_numpy(np.int64), ref[c].to_numpy(np.int64))
        np.testing.assert_allclose(got[f"weight_{weighting}"], ref["weight"], atol=1e-9, rtol=0)


def test_spark_openalex_ingest_then_projection(spark, real_data, tmp_path, capsys):
    """``netkit project --from openalex --engine spark``: the Spark ingest gives the
    participations of netkit.ingest, and their projection the tie table of edge_table."""
    from netkit.ingest import read

    src = real_data / "openalex-works" / "biodiversity_finance_search.openalex-works.jsonl"
    corpus = read(src)
    snapshot = tmp_path / "works" / "updated_date=2024-01-01"
    snapshot.mkdir(parents=True)
    with gzip.open(snapshot / "part_000.gz", "wb") as fh:
        fh.write(src.read_bytes())
        fh.write(b'{"id": "not-a-work", "authorships": []}\n{"id": broken json\n')
        # an older version of a work already in the file: the newer one is kept
        first = json.loads(src.read_text(encoding="utf-8").splitlines()[0])
        fh.write(json.dumps({**first, "updated_date": "1999-01-01",
                             "authorships": []}).encode() + b"\n")
    parts = tmp_path / "parts"
    code = main(["project", str(tmp_path / "works"), "--from", "openalex", "--engine", "spark",
                 "--weighting", "fractional", "--participations-out", str(parts),
                 "--out", str(tmp_path / "ties.parquet")])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert (f"read {corpus.n_events + 3:,} works (1 malformed lines, 1 without a work id, "
            f"dropped); {corpus.n_participations:,} participations") in printed.out
    key = ["event_id", "org_id", "person_id"]
    got = pd.read_parquet(parts)
    ref = corpus.participations[key].astype(object).fillna("-")
    assert (got[key].astype(object).fillna("-").value_counts()
            .sort_index().equals(ref.value_counts().sort_index()))
    years = got.drop_duplicates("event_id").set_index("event_id")["year"]
    ref_years = corpus.events.set_index("event_id")["year"].reindex(years.index)
    assert years.astype("Int64").equals(ref_years.astype("Int64"))
    # the participations project on Spark (the public path: a file written) as in memory
    ref_ties = edge_table(corpus, weighting="fractional")
    got_ties = read_edge_table(tmp_path / "ties.parquet")
    assert len(got_ties) == len(ref_ties) > 0
    assert got_ties["source"].astype(str).tolist() == ref_ties["source"].astype(str).tolist()
    np.testing.assert_allclose(got_ties["weight"], ref_ties["weight"], atol=1e-9, rtol=0)
    with pytest.raises(InputError, match="missing column"):
        project(tmp_path / "ties.parquet", tmp_path / "x.parquet", engine="spark", spark=spark)
