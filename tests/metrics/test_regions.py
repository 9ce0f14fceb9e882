"""Region interaction density and flows: recount by hand on the synthetic graph."""

from __future__ import annotations

import itertools

import igraph as ig
import pytest

from netkit.build import org_graph
from netkit.errors import ParameterError
from netkit.metrics.regions import region_density, region_flow_matrix, region_summary


def test_density_and_flows_equal_a_recount(small_ecosystem):
    corpus, _ = small_ecosystem
    g = org_graph(corpus)
    region = g.vs["region"]
    d = region_density(g).set_index(["region_a", "region_b"])
    flows = region_flow_matrix(g)
    regions = sorted({r for r in region if r})
    size = {r: sum(x == r for x in region) for r in regions}
    for a, b in itertools.combinations_with_replacement(regions, 2):
        es = [e for e in g.es if {region[e.source], region[e.target]} == {a, b}]
        possible = size[a] * (size[a] - 1) / 2 if a == b else size[a] * size[b]
        row = d.loc[(a, b)]
        assert row["ties"] == len(es)
        assert row["possible"] == possible
        assert row["weight"] == pytest.approx(sum(e["weight"] for e in es))
        assert flows.loc[a, b] == flows.loc[b, a] == pytest.approx(row["weight"])
        if possible:
            assert row["density"] == pytest.approx(len(es) / possible)
    s = region_summary(g)
    within = d[d["within"]]
    assert s["within_density"] == pytest.approx(within["ties"].sum() / within["possible"].sum())
    assert 0 < s["cross_region_share"] < 1
    # regions are denser inside than between them in the synthetic country
    assert s["within_over_between"] > 1


def test_errors_and_missing_regions():
    g = ig.Graph([(0, 1)])
    with pytest.raises(ParameterError):
        region_density(g)
    g.vs["region"] = ["A", ""]
    m = region_flow_matrix(g, weight=None)
    assert m.loc["A", "A"] == 0.0


def test_a_missing_region_is_left_out_and_counted():
    """Organisations without a region are no region called "none" (issue 17)."""
    g = ig.Graph([(0, 1), (1, 2), (2, 3), (3, 4), (0, 4)])
    g.vs["region"] = ["A", "A", None, "", "B"]
    g.es["weight"] = [1.0] * 5
    flows = region_flow_matrix(g)
    assert list(flows.index) == ["A", "B"]
    assert flows.attrs == {"orgs_without_region": 2, "ties_without_region": 3}
    d = region_density(g)
    assert d["ties"].sum() == 2
    s = region_summary(g)
    assert s["cross_region_share"] == 0.5
    assert (s["orgs_without_region"], s["ties_without_region"]) == (2, 3)
