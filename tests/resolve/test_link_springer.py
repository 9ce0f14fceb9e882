"""Linking real affiliation strings to the ROR sample: floors on both halves.

``affiliations-ror-springer`` holds 10,000 real strings with the ROR id the publisher
asserted; it was split once (seeded; ``tests/data/resolve/springer_{dev,test}_rows.txt``)
and the rules were developed on the dev half only. The floors are the measured values
(``python scripts/eval_affiliations.py``), rounded down, so that they cannot silently
drop. Precision is correct / linked, recall is correct / strings whose ROR record is in
the sample.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netkit.resolve.link import RegistryIndex, link_affiliations
from netkit.resolve.registry import load_registry

from .test_name_pairs import PAIRS

ROWS = PAIRS.parent
FLOORS = {"dev": (0.91, 0.87), "test": (0.91, 0.87)}

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def linked(real_data):
    reg = load_registry(real_data / "ror-registry-sample" / "ror-v2-sample.json.gz")
    idx = RegistryIndex.build(reg)
    d = pd.read_csv(real_data / "affiliations-ror-springer" /
                    "springer_nature_affiliations_ror.csv", dtype=str, encoding="utf-8-sig")
    gold = d["ror_id"].str.replace("https://ror.org/", "", regex=False).to_numpy(dtype=object)
    links = link_affiliations(d["affiliation"], None, index=idx)
    return gold, links, set(reg.institutions["ror"])


@pytest.mark.parametrize("half", ["dev", "test"])
def test_precision_and_recall_floors(linked, half):
    gold, links, known = linked
    rows = np.loadtxt(ROWS / f"springer_{half}_rows.txt", dtype=np.int64, comments="#")
    got = links["registry_id"].to_numpy(dtype=object)[rows]
    g = gold[rows]
    is_linked = pd.notna(got)
    correct = is_linked & (got == g)
    in_reg = np.isin(g, list(known))
    precision = correct.sum() / is_linked.sum()
    recall = (correct & in_reg).sum() / in_reg.sum()
    p_floor, r_floor = FLOORS[half]
    assert precision >= p_floor, precision
    assert recall >= r_floor, recall


def test_halves_are_disjoint_and_complete():
    dev = np.loadtxt(ROWS / "springer_dev_rows.txt", dtype=np.int64, comments="#")
    test = np.loadtxt(ROWS / "springer_test_rows.txt", dtype=np.int64, comments="#")
    assert len(dev) == len(test) == 5000
    assert not set(dev) & set(test) and set(dev) | set(test) == set(range(10000))
    assert np.array_equal(np.sort(np.concatenate([dev, test])),
                          np.sort(np.random.default_rng(16).permutation(10000)))


def test_every_link_has_evidence(linked):
    _, links, _ = linked
    has = links["registry_id"].notna()
    assert links.loc[has, "evidence"].str.len().gt(0).all()
    assert set(links["method"]) <= {"exact", "exact-inner", "fuzzy", "acronym", "word-order",
                                    "ambiguous", "none"}
