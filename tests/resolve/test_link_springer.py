"""Linking real affiliation strings to the ROR sample, and clustering them without it:
floors on both halves.

``affiliations-ror-springer`` holds 10,000 real strings with the ROR id the publisher
asserted; it was split once (seeded; ``tests/data/resolve/springer_{dev,test}_rows.txt``)
and the rules were developed on the dev half only. The figures are computed by
``scripts/eval_affiliations.py`` (loaded here, so that the test and the script score
alike; see its ``link_scores``): precision is correct / linked over strings that carry a
ROR id, recall is correct / strings whose ROR record is in the sample, scored on the
primary link (*strict*) and on every organisation the string names (*any named*).
Clustering without a registry is scored by B-cubed precision and recall. The floors
are the measured values rounded down, so that they cannot silently drop.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from netkit.resolve.link import RegistryIndex, link_affiliations
from netkit.resolve.registry import load_registry

from .test_name_pairs import PAIRS

ROWS = PAIRS.parent
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_affiliations.py"
# (strict precision, strict recall, any-named precision, any-named recall, strict
# precision over strings whose organisation the sample holds)
LINK_FLOORS = {"dev": (0.93, 0.90, 0.95, 0.92, 0.95), "test": (0.92, 0.89, 0.94, 0.90, 0.95)}
CLUSTER_FLOORS = {"dev": (0.95, 0.83), "test": (0.95, 0.83)}

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_affiliations", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def data(real_data, ev):
    reg = load_registry(real_data / "ror-registry-sample" / "ror-v2-sample.json.gz")
    return ev.halves(real_data), RegistryIndex.build(reg), set(reg.institutions["ror"])


@pytest.mark.parametrize("half", ["dev", "test"])
def test_linking_floors(data, ev, half):
    halves, idx, known = data
    df = halves[half]
    links = link_affiliations(df["affiliation"], None, index=idx)
    s = ev.link_scores(df, links, known)
    got = (s["precision"], s["recall"], s["precision_any"], s["recall_any"],
           s["precision_in_registry"])
    assert all(g >= f for g, f in zip(got, LINK_FLOORS[half], strict=True)), got
    has = links["registry_id"].notna()
    assert links.loc[has, "evidence"].str.len().gt(0).all()  # every link has its evidence
    assert set(links["method"]) <= {"exact", "exact-inner", "fuzzy", "acronym", "word-order",
                                    "short-form",
                                    "ambiguous", "none"}


@pytest.mark.parametrize("half", ["dev", "test"])
def test_clustering_without_registry_floors(data, ev, half):
    df = data[0][half]
    p, r = ev.bcubed(df["ror"].to_numpy(), ev.cluster_strings(df["affiliation"].tolist()))
    assert p >= CLUSTER_FLOORS[half][0] and r >= CLUSTER_FLOORS[half][1], (p, r)


def test_halves_are_disjoint_and_complete():
    dev = np.loadtxt(ROWS / "springer_dev_rows.txt", dtype=np.int64, comments="#")
    test = np.loadtxt(ROWS / "springer_test_rows.txt", dtype=np.int64, comments="#")
    assert len(dev) == len(test) == 5000
    assert not set(dev) & set(test) and set(dev) | set(test) == set(range(10000))
    assert np.array_equal(np.sort(np.concatenate([dev, test])),
                          np.sort(np.random.default_rng(16).permutation(10000)))
