"""Tables that do not mislead by small numbers (issue 17 item 6)."""

from __future__ import annotations

import numpy as np

import netkit as nk
from netkit.model import Corpus
from netkit.report import Context, ReportConfig
from netkit.report.sections import dynamics_section, mixing_section


def _corpus() -> Corpus:
    """Twelve university pairs in 1994, one startup pair in 2019 (two sources' years)."""
    orgs = [f"u{i}" for i in range(8)] + ["s0", "s1"]
    events, parts = [], []
    for k in range(12):
        a, b = f"u{k % 8}", f"u{(k + 1 + k // 8) % 8}"
        events.append((f"e{k}", 1994))
        parts += [(f"e{k}", a), (f"e{k}", b)]
    events.append(("x", 2019))
    parts += [("x", "s0"), ("x", "s1")]
    return Corpus(
        organizations={"org_id": orgs, "name": orgs,
                       "sector": ["university"] * 8 + ["startup"] * 2},
        events={"event_id": [e for e, _ in events], "kind": ["contract"] * len(events),
                "year": [y for _, y in events]},
        participations={"event_id": [e for e, _ in parts], "org_id": [o for _, o in parts],
                        "role": ["participant"] * len(parts)},
    )


def _context(**structure) -> Context:
    corpus = _corpus()
    cfg = ReportConfig.from_mapping({"seed": 1, "structure": {"null_samples": 0, **structure}},
                                    corpus=corpus)
    return Context(cfg, corpus, nk.build.org_graph(corpus))


def test_mixing_ratios_on_few_ties_are_not_ranked_or_coloured():
    section = mixing_section(_context(min_ties=5))
    table = next(t.frame for t in section.tables if t.name == "mixing")
    assert table.loc[("startup", "startup"), "ratio"] > table.loc[("university", "university"),
                                                                  "ratio"]
    # one startup–startup tie: a huge ratio, listed after the ranked pairs and not coloured
    assert table.index[0] == ("university", "university")
    assert not table.loc[("startup", "startup"), "ranked"]
    heat = next(c.data for c in section.charts if "observed / expected" in c.title)
    assert np.isnan(heat.loc["startup", "startup"])
    assert heat.loc["university", "university"] > 0


def test_dynamics_leave_out_periods_without_events():
    section = dynamics_section(_context())
    table = next(t.frame for t in section.tables if t.name == "dynamics")
    assert list(table.index) == [1994, 2019]
    assert any("24 period(s) without any event" in p for p in section.paragraphs)
