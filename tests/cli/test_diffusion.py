"""``netkit diffusion`` end to end: the same work as the API, whatever the number of seeds."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import netkit.build
from netkit.cli import main


@pytest.fixture(scope="module")
def corpus_dir(tiny_ecosystem, tmp_path_factory):
    corpus, _ = tiny_ecosystem
    return corpus.save(tmp_path_factory.mktemp("corpus") / "c")


class _CountingEdges(pd.DataFrame):
    """A temporal edge list that counts how often its endpoint columns are read."""

    reads = 0

    @property
    def _constructor(self):
        return _CountingEdges

    def __getitem__(self, key):
        if isinstance(key, str) and key in ("u", "v"):
            type(self).reads += 1
        return super().__getitem__(key)


def _endpoint_reads(monkeypatch, corpus_dir, out, seeds: list[str]) -> tuple[int, dict]:
    real = netkit.build.temporal_edges

    def counting(corpus, *args, **kwargs):
        return _CountingEdges(real(corpus, *args, **kwargs))

    monkeypatch.setattr(netkit.build, "temporal_edges", counting)
    _CountingEdges.reads = 0
    assert main(["diffusion", str(corpus_dir), "--seeds", ",".join(seeds), "--runs", "20",
                 "--out", str(out)]) == 0
    return _CountingEdges.reads, json.loads((out / "summary.json").read_text())


def test_temporal_reach_work_does_not_grow_with_the_seeds(corpus_dir, tmp_path, monkeypatch,
                                                          tiny_ecosystem):
    """Issue 14, item 10: the CLI rebuilt the set of contact endpoints once per seed
    (227 s instead of 2.5 s on the real CORDIS 2019 cohort); the number of reads of the
    endpoint columns must not depend on the number of seeds."""
    corpus, _ = tiny_ecosystem
    orgs = sorted(corpus.participations["org_id"].dropna().astype(str).unique())[:30]
    one, summary_one = _endpoint_reads(monkeypatch, corpus_dir, tmp_path / "one", orgs[:1])
    many, summary_many = _endpoint_reads(monkeypatch, corpus_dir, tmp_path / "many", orgs)
    assert summary_many["n_seeds"] == 30 > summary_one["n_seeds"] == 1
    assert many == one


def test_cli_matches_the_api(corpus_dir, tmp_path, tiny_ecosystem):
    from netkit.build import collaboration_graph, temporal_edges
    from netkit.metrics import earliest_arrival, sector_latency, simulate_diffusion

    out = tmp_path / "d"
    assert main(["diffusion", str(corpus_dir), "--runs", "30", "--seed", "4",
                 "--out", str(out)]) == 0
    corpus, _ = tiny_ecosystem
    g = collaboration_graph(corpus, "org", "full")
    r = simulate_diffusion(g, "university", runs=30, seed=4)
    nodes = pd.read_csv(out / "nodes.csv", index_col=0)
    assert nodes["p_adopt"].tolist() == pytest.approx(r.nodes["p_adopt"].tolist())
    te = temporal_edges(corpus)
    contacts = set(te["u"]).union(te["v"])
    reach = earliest_arrival(te, [s for s in r.seeds if s in contacts])
    sectors = pd.Series(g.vs["sector"], index=g.vs["name"])
    api = sector_latency(reach, sectors).reset_index()
    cli = pd.read_csv(out / "temporal_latency.csv")
    pd.testing.assert_frame_equal(cli, api, check_dtype=False)
