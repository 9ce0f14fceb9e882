"""The sections find what the synthetic ecosystem was built to contain."""

import pytest

import netkit as nk
from netkit.report import Context, ReportConfig, compute_sections

pytestmark = pytest.mark.slow  # the small ecosystem and every section: ~6 s


@pytest.fixture(scope="module")
def sections(small_ecosystem):
    corpus, truth = small_ecosystem
    cfg = ReportConfig.from_mapping({
        "seed": 2, "structure": {"null_samples": 20},
        "diffusion": {"runs": 50, "max_steps": 20},
        "before_after": {"year": truth.intervention_year, "bootstrap": 200,
                         "permutations": 200}}, corpus=corpus)
    graph = nk.build.org_graph(corpus)
    ctx = Context(cfg, corpus, graph)
    return {s.key: s for s in compute_sections(ctx)}, ctx


def table(section, name):
    return next(t.frame for t in section.tables if t.name == name)


def test_all_sections_in_order(sections):
    secs, _ = sections
    assert list(secs) == ["data", "overview", "mixing", "brokers", "diffusion", "dynamics",
                          "mobility", "regions", "before_after"]
    for s in secs.values():
        assert s.tables, s.key
        assert s.charts or s.key in ("data",), s.key


def test_counts_agree_with_corpus_and_graph(sections, small_ecosystem):
    secs, ctx = sections
    corpus, _ = small_ecosystem
    facts = dict(secs["data"].facts)
    assert facts["events"] == corpus.n_events and facts["people"] == corpus.n_people
    over = dict(secs["overview"].facts)
    assert over["organisations (nodes)"] == ctx.graph.vcount()
    assert over["ties (edges)"] == ctx.graph.ecount()


def test_planted_brokers_rank_high(sections, small_ecosystem):
    secs, _ = sections
    _, truth = small_ecosystem
    brokers = table(secs["brokers"], "brokers")
    top = set(brokers.head(max(15, len(truth.brokers) * 3)).index)
    present = [b for b in truth.brokers if b in brokers.index]
    assert present and all(b in top for b in present)
    assert brokers.loc[present, "articulation_point"].all()
    # the report shows exclusive brokerage, which ranks the brokers in its top 5 % too
    cut = brokers["exclusivity_total"].quantile(0.95)
    assert (brokers.loc[present, "exclusivity_total"] >= cut).all()


def test_before_after_detects_the_intervention(sections):
    secs, _ = sections
    ba = table(secs["before_after"], "before_after")
    assert ba.loc["univ_startup_share_new", "after"] > ba.loc["univ_startup_share_new", "before"]
    assert bool(ba.loc["cross_region_event_share", "significant"])


def test_mobility_flows_sum_to_moves(sections):
    secs, _ = sections
    facts = dict(secs["mobility"].facts)
    flows = table(secs["mobility"], "mobility_sector_flows")
    assert int(flows.to_numpy().sum()) == facts["moves"] > 0
