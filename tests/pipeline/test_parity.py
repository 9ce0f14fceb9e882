"""The command line and the report give identical tables: one step each, two presentations.

A report and the matching ``netkit`` commands run once on the same saved corpus, with the
same parameters and seed; every table both write is compared (the report adds labels and
sorts for reading, the command writes plain CSV, so rows are matched by their keys).
"""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from netkit.cli import main
from netkit.report import write_report

SEED = 3
NULL = 20
REPS = 40


@pytest.fixture(scope="module")
def corpus_dir(tiny_ecosystem, tmp_path_factory):
    return tiny_ecosystem[0].save(tmp_path_factory.mktemp("parity") / "corpus")


@pytest.fixture(scope="module")
def report(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("parity-report") / "report"
    write_report({"seed": SEED, "inputs": [{"path": str(corpus_dir)}],
                  "resolve": {"enabled": False},
                  "structure": {"null_samples": NULL},
                  "diffusion": {"runs": REPS, "max_steps": 30, "seeds": ["university"]},
                  "before_after": {"bootstrap": REPS, "permutations": REPS}}, out)
    return out / "tables"


def cli(tmp_path_factory, *argv) -> object:
    out = tmp_path_factory.mktemp("parity-cli")
    assert main([*argv, "--out", str(out)]) == 0
    return out


def read(path, index=None) -> pd.DataFrame:
    frame = pd.read_csv(path, keep_default_na=True)
    return frame.set_index(index) if index is not None else frame


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert len(a) > 0
    assert_frame_equal(a, b, check_dtype=False, check_exact=False, rtol=1e-8, atol=1e-12,
                       check_names=False)


def test_diffusion_tables_are_identical(report, corpus_dir, tmp_path_factory):
    out = cli(tmp_path_factory, "diffusion", str(corpus_dir), "--seeds", "university",
              "--runs", str(REPS), "--max-steps", "30", "--seed", str(SEED))
    time_to = read(report / "diffusion_time_to.csv")
    assert set(time_to.pop("seeds")) == {"university"}
    same(read(out / "time_to.csv"), time_to)
    arrival = read(report / "diffusion_first_arrival.csv")
    arrival.pop("seeds")
    same(read(out / "first_arrival.csv"), arrival)
    curve = read(report / "diffusion_curves.csv", "step")["university"]
    same(read(out / "adoption_curve.csv", "step")[["mean"]], curve.rename("mean").to_frame())
    same(read(out / "temporal_latency.csv"), read(report / "temporal_latency.csv"))


def test_structure_tables_are_identical(report, corpus_dir, tmp_path_factory):
    out = cli(tmp_path_factory, "metrics", str(corpus_dir), "--null", str(NULL),
              "--seed", str(SEED))
    cols = ["degree", "strength", "betweenness", "pagerank"]
    mine = read(report / "centrality.csv", "org_id")[cols].sort_index()
    same(_centrality(out)[cols].sort_index(), mine)
    keys = ["source", "target"]
    cli_mix = read(out / "mixing.csv").set_index(keys)[["observed", "expected", "ratio"]]
    rep_mix = read(report / "mixing.csv").set_index(keys)[["observed", "expected", "ratio"]]
    same(cli_mix.sort_index(), rep_mix.sort_index())
    helix = [read(p / "triple_helix.csv").set_axis(["quantity", "value"], axis=1)
             for p in (out, report)]  # the command names its columns after the table
    same(*helix)
    sig = read(out / "significance.csv")
    sig = sig[sig.iloc[:, 0].str.startswith("mixing[")]
    cli_z = pd.Series(sig["z"].to_numpy(), index=sig.iloc[:, 0].str.slice(7, -1)).sort_index()
    rep = read(report / "mixing_significance.csv")
    rep_z = pd.Series(rep["z"].to_numpy(), index=rep["source"] + "|" + rep["target"]).sort_index()
    same(cli_z.to_frame("z"), rep_z.to_frame("z"))


def _centrality(out) -> pd.DataFrame:
    frame = read(out / "centrality.csv")
    return frame.set_index(frame.columns[0])


def test_dynamics_tables_are_identical(report, corpus_dir, tmp_path_factory):
    out = cli(tmp_path_factory, "dynamics", str(corpus_dir))
    same(read(out / "dynamics.csv"), read(report / "dynamics.csv"))
    same(read(out / "mobility_rate.csv"), read(report / "mobility_rate.csv"))
    same(read(out / "region_density.csv"), read(report / "region_density.csv"))
    ntm = read(out / "new_tie_mixing.csv")
    pair = ntm["sector_a"] + " – " + ntm["sector_b"]
    wide = ntm.assign(pair=pair).pivot_table(index="period", columns="pair", values="new_ties",
                                             aggfunc="sum", fill_value=0)
    rep = read(report / "new_ties_by_sector_pair.csv", "period")
    same(wide[rep.columns], rep)


def test_compare_tables_are_identical(report, corpus_dir, tmp_path_factory):
    out = cli(tmp_path_factory, "compare", str(corpus_dir), "--split", "auto",
              "--reps", str(REPS), "--perms", str(REPS), "--seed", str(SEED))
    rep = read(report / "before_after.csv")
    rep.pop("description")
    same(read(out / "compare.csv"), rep)
    same(read(out / "before_after_sources.csv"), read(report / "before_after_sources.csv"))
