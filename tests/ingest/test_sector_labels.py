"""Sectors from names on real organisations, against a hand-labelled set.

``tests/data/sectors/labelled_organisations.csv`` lists 721 real organisations as
netkit names them when it reads the Web of Science, Scopus and USPTO samples in
``../shared/datasets/real`` (sources that carry no organisation type), with the sector
decided by hand and a fixed ``dev`` / ``holdout`` split stratified by sector. The first
526 rows are the original set; rows 527–721 are a seeded random sample
(``DataFrame.sample(n=220, random_state=17)`` of the organisations not yet labelled,
25 that name no organisation or no decidable one left out), split per sector by a
permutation from ``numpy.random.default_rng(20261207)`` alternating from the split that
had fewer rows of that sector. The name rules (:mod:`netkit.lexicon.sectors`) were
developed on ``dev``; ``holdout`` is only measured. Before this set existed the rules
scored 0.76 (dev) and 0.81 (holdout) with 15 % / 7 % ``unknown``; on the 721 rows the
rules before the failure-class rules (trial groups, hospital words across languages,
public research bodies …) scored 0.906 (dev) and 0.885 (holdout), after them 0.928 and
0.899 (unknown 5.2 % / 3.9 %).

Run with ``-s`` to print every misclassified organisation of both splits.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import netkit as nk

LABELS = Path(__file__).resolve().parents[1] / "data" / "sectors" / "labelled_organisations.csv"
SECTORS = {"university", "research", "firm", "startup", "government", "health", "nonprofit",
           "other"}


@pytest.fixture(scope="module")
def labelled(real_data) -> pd.DataFrame:
    labels = pd.read_csv(LABELS, keep_default_na=False)
    found = []
    for folder in sorted(labels["source"].unique()):
        files = sorted(p for p in (real_data / folder).iterdir() if p.name != "SOURCE.md")
        orgs = nk.ingest.read(files).organizations
        found.append(pd.DataFrame({"source": folder, "name": orgs["name"].astype(str),
                                   "country": orgs["country"].fillna("").astype(str),
                                   "predicted": orgs["sector"].astype(str),
                                   "rule": orgs["sector_source"].astype(str)}))
    table = pd.concat(found).drop_duplicates(["source", "name", "country"])
    rows = labels.merge(table, on=["source", "name", "country"], how="left")
    errors = rows[rows["predicted"] != rows["sector"]]
    print(errors[["split", "name", "country", "sector", "predicted", "rule"]].to_string())
    return rows


def test_labelled_set_is_well_formed():
    labels = pd.read_csv(LABELS, keep_default_na=False)
    assert len(labels) >= 300
    assert set(labels["sector"]) <= SECTORS
    assert set(labels["split"]) == {"dev", "holdout"}
    assert not labels.duplicated(["source", "name", "country"]).any()
    # stratified halves: every sector is in both splits in nearly equal numbers
    counts = labels.groupby(["sector", "split"]).size().unstack(fill_value=0)
    assert ((counts["dev"] - counts["holdout"]).abs() <= 1).all()


def test_labelled_names_are_read_from_their_source(labelled):
    """Nearly every labelled name is still an organisation netkit reads. The set was
    keyed when the parser took the first organisation part of a string; since it rolls a
    school, hospital or institute named before its university up to the university
    (``Yong Loo Lin School of Medicine, National University of Singapore``), 15 of the
    721 names (2 %) are read as their university instead."""
    missing = labelled[labelled["predicted"].isna()]
    assert len(missing) <= 0.025 * len(labelled), missing[["source", "name", "country"]].to_string()


@pytest.mark.realdata
@pytest.mark.parametrize(("split", "accuracy"), [("dev", 0.92), ("holdout", 0.89)])
def test_sector_accuracy_without_registry(labelled, split, accuracy):
    rows = labelled[(labelled["split"] == split) & labelled["predicted"].notna()]
    assert (rows["predicted"] == rows["sector"]).mean() >= accuracy
    assert (rows["predicted"] == "unknown").mean() <= 0.06
