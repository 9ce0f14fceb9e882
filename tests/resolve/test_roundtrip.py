"""Synthetic ecosystem → real file formats (writers) → readers → resolve → truth.

Every organisation is spelled by each source as ``truth.aliases`` says; after
reading the written files back, each raw organisation is traced to its true
identity (by an identifier the truth knows, else by its unique spelling in its
source) and the resolved organisations are compared with the true identities.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import netkit as nk

from .helpers import pair_precision_recall

WRITERS = ("openalex", "wos", "scopus", "uspto", "patentsview", "cordis")


@pytest.mark.slow
def test_written_files_resolve_to_the_true_organisations(small_ecosystem, tmp_path):
    corpus, truth = small_ecosystem
    paths = []
    for name in WRITERS:
        writer = importlib.import_module(f"netkit.datasets.writers.{name}")
        paths += writer.write(corpus, truth, tmp_path / name)
    raw = nk.ingest.read(paths)
    orgs = raw.organizations
    source = orgs["org_id"].str.extract(r"^org:([^:]+):", expand=False)
    known = truth.org_ids.assign(value=truth.org_ids["value"].astype(str))
    by_id = (raw.org_ids.merge(known, on=["scheme", "value"], suffixes=("", "_true"))
             .drop_duplicates("org_id").set_index("org_id")["org_id_true"])
    aliases = truth.aliases
    n_true = aliases.groupby(["source", "name"])["org_id"].nunique()
    unique = aliases.drop_duplicates(["source", "name"]).set_index(["source", "name"])["org_id"]
    unique = unique[n_true == 1]
    by_name = pd.Series([unique.get((s, n)) for s, n in zip(source, orgs["name"], strict=True)],
                        index=orgs["org_id"].to_numpy(), dtype=object)
    true = by_id.reindex(orgs["org_id"]).fillna(by_name).dropna()
    assert len(true) >= 0.95 * len(orgs)
    assert raw.n_organizations > 3 * true.nunique()

    res = nk.resolve.resolve(raw)
    precision, recall = pair_precision_recall(res.mapping, true)
    assert precision >= 0.98, precision
    assert recall >= 0.95, recall
    ror = res.corpus.org_ids[res.corpus.org_ids["scheme"] == "ror"]
    assert not ror.groupby("org_id")["value"].nunique().gt(1).any()
