"""The weighting table drives every engine: a rule added to it is computed by the pair
kernel and by DuckDB alike; unknown names and kinds fail clearly."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from netkit.build import WEIGHTINGS, edge_table, project, read_edge_table
from netkit.build.bipartite import Incidence, _incidence
from netkit.build.engines import ProjectionParams
from netkit.build.engines.source import participation_rows
from netkit.build.pairs import tie_columns
from netkit.build.weighting import WEIGHTING_RULES, Weighting, weighting_rule
from netkit.errors import ParameterError, SchemaError
from netkit.model import Corpus

COSINE = Weighting(
    "cosine", "w_uv = c_uv / sqrt(n_u n_v) (Salton's cosine)",
    tie=lambda t: t.count / np.sqrt(t.occ_u * t.occ_v),
    tie_sql="{count} / sqrt(CAST({occ_u} AS DOUBLE) * {occ_v})", occurrences=True)
"""Not a netkit weighting: a rule from outside the table's own four."""

MEAN_SHARE_PRODUCT = Weighting(
    "mean_share_product", "w_uv = Σ_e s_eu s_ev / c_uv",
    first=lambda e: e.share, second=lambda e: e.share, pair_sql="{a}.share * {b}.share",
    tie=lambda t: t.pair_sum / t.count, tie_sql="{pair_sum} / {count}")


def corpus(seed: int) -> Corpus:
    rng = np.random.default_rng(seed)
    rows = 80
    ev = rng.integers(0, 25, size=rows)
    org = rng.integers(0, 12, size=rows)
    return Corpus(
        organizations={"org_id": [f"o{i:02d}" for i in range(12)], "name": "x", "sector": "firm"},
        events={"event_id": [f"e{i:02d}" for i in range(25)],
                "kind": rng.choice(["publication", "patent", "contract"], size=25),
                "year": pd.array(rng.integers(2000, 2010, size=25), dtype="Int64")},
        participations={"event_id": [f"e{i:02d}" for i in ev],
                        "org_id": [f"o{i:02d}" for i in org], "role": "author",
                        "share": rng.random(rows) + 0.1},
    )


def brute(c: Corpus) -> dict[tuple[str, str], tuple[float, float]]:
    """(cosine, mean share product) of every tie, by enumerating each event's pairs."""
    part = c.participations
    share = part.groupby(["event_id", "org_id"], observed=True)["share"].sum()
    share = share / share.groupby(level="event_id").transform("sum")
    occ = share.groupby(level="org_id").size()
    joint: dict[tuple[str, str], list[float]] = {}
    for _, members in share.groupby(level="event_id"):
        items = sorted((o, s) for (_, o), s in members.items())
        for (u, su), (v, sv) in itertools.combinations(items, 2):
            joint.setdefault((u, v), []).append(su * sv)
    return {k: (len(x) / np.sqrt(occ[k[0]] * occ[k[1]]), sum(x) / len(x))
            for k, x in joint.items()}


def test_weightings_are_the_names_of_the_table():
    assert WEIGHTINGS == tuple(WEIGHTING_RULES) == ("full", "fractional", "newman",
                                                    "association")
    assert all(weighting_rule(w).name == w for w in WEIGHTINGS)


@pytest.mark.parametrize("make", [lambda: weighting_rule("cosine"),
                                  lambda: ProjectionParams(weighting="cosine"),
                                  lambda: edge_table(corpus(0), weighting="cosine")])
def test_unknown_weighting_is_a_parameter_error(make):
    with pytest.raises(ParameterError, match="weighting must be one of full, fractional"):
        make()


@pytest.mark.parametrize("seed", range(4))
def test_a_new_rule_is_computed_by_the_kernel(seed):
    c = corpus(seed)
    inc = _incidence(c, "org", sort_events=False)
    expected = brute(c)
    for position, rule in enumerate((COSINE, MEAN_SHARE_PRODUCT)):
        t = tie_columns(inc, rule)
        got = {(inc.nodes[u], inc.nodes[v]): w for u, v, w in zip(t["u"], t["v"], t["weight"],
                                                                   strict=True)}
        assert got.keys() == expected.keys()
        for key, weights in expected.items():
            assert got[key] == pytest.approx(weights[position], rel=1e-12), (rule.name, key)


def test_a_new_rule_in_the_table_reaches_duckdb(tmp_path, monkeypatch):
    pytest.importorskip("duckdb")
    for rule in (COSINE, MEAN_SHARE_PRODUCT):
        monkeypatch.setitem(WEIGHTING_RULES, rule.name, rule)
    c = corpus(5)
    participation_rows(c).to_parquet(tmp_path / "p.parquet")
    for name in ("cosine", "mean_share_product"):
        ref = edge_table(c, weighting=name)
        got = read_edge_table(project(tmp_path / "p.parquet", tmp_path / f"{name}.parquet",
                                      engine="duckdb", weighting=name).out)
        assert got["source"].astype(str).tolist() == ref["source"].astype(str).tolist()
        assert got["target"].astype(str).tolist() == ref["target"].astype(str).tolist()
        assert np.allclose(got["weight"], ref["weight"], rtol=0, atol=1e-9), name


@pytest.mark.parametrize("late", [2020, 200_000])  # ranks by counting / by sorting
def test_far_apart_and_unknown_years_keep_exact_first_and_last_years(late):
    c = Corpus(
        organizations={"org_id": ["a", "b"], "name": "x", "sector": "firm"},
        events={"event_id": ["e1", "e2", "e3", "e4"], "kind": ["patent"] * 4,
                "year": pd.array([5, late, None, 1999], dtype="Int64")},
        participations={"event_id": ["e1", "e1", "e2", "e2", "e3", "e3", "e4"],
                        "org_id": ["a", "b", "a", "b", "a", "b", "a"], "role": "inventor"},
    )
    t = edge_table(c)
    assert t[["count", "first_year", "last_year", "n_patent"]].values.tolist() == [[3, 5, late, 3]]
    assert edge_table(c, "org", "newman", kinds="patent", years=(1999, 1999)).empty


def test_an_event_of_an_unknown_kind_is_a_schema_error():
    matrix = sp.csr_matrix(np.array([[1, 1], [1, 0]]))
    events = pd.DataFrame({"event_id": ["e1", "e2"], "kind": ["memo", "memo"],
                           "year": pd.array([2020, 2021], dtype="Int64")})
    inc = Incidence(matrix, np.array(["a", "b"]), events)
    with pytest.raises(SchemaError, match="1 event"):
        tie_columns(inc, weighting_rule("full"))
    events["kind"] = ["patent", "memo"]  # a one-node event of an unknown kind makes no tie
    assert tie_columns(Incidence(matrix, np.array(["a", "b"]), events),
                       weighting_rule("full"))["n_patent"].tolist() == [1]
