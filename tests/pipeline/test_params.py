"""Each parameter is declared once; the command line, the TOML schema and the README follow."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from netkit.build.projection import WEIGHTINGS
from netkit.cli import build_parser, main
from netkit.errors import ParameterError
from netkit.metrics.diffusion import MODELS
from netkit.pipeline import (
    DiffusionParams,
    GraphParams,
    build_graph,
    node_centrality,
    view_sizes,
)
from netkit.pipeline.cli_options import add_options, params_from_args
from netkit.pipeline.schema import SECTIONS, readme_reference, replace_reference
from netkit.report.config import DEFAULTS, ReportConfig

ROOT = Path(__file__).resolve().parents[2]


def _choices(command: str, flag: str):
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    action = next(a for a in sub.choices[command]._actions if flag in a.option_strings)
    return action.choices, action.default


def test_readme_reference_is_generated_from_the_parameter_objects():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_reference() in text
    assert replace_reference(text, readme_reference()) == text


def test_choices_come_from_their_one_definition():
    for command in ("graph", "metrics", "diffusion", "project"):
        choices, default = _choices(command, "--weighting")
        assert tuple(choices) == WEIGHTINGS and default == "full"
    choices, _ = _choices("diffusion", "--model")
    assert tuple(choices) == MODELS
    assert GraphParams.__dataclass_fields__["weighting"].metadata["netkit"].choices is WEIGHTINGS


def test_report_defaults_are_the_parameter_objects_defaults():
    assert {name: cls.report_defaults() for name, cls in SECTIONS.items()} == DEFAULTS
    cfg = ReportConfig.from_mapping({"synthetic": {"size": "tiny"}, "diffusion": {"runs": 7}})
    assert cfg.step("diffusion") == DiffusionParams(runs=7, seeds=("university",), max_steps=30)
    assert cfg.step("graph") == GraphParams()


def test_generated_options_parse_and_check():
    parser = argparse.ArgumentParser()
    add_options(parser, GraphParams)
    p = params_from_args(GraphParams, parser.parse_args(
        ["--years", "2015:2018", "--kinds", "patent,publication", "--weighting", "newman"]))
    assert p.years == (2015, 2018) and p.kinds == ("patent", "publication")
    with pytest.raises(ParameterError, match=r"^--kinds must be one of"):
        params_from_args(GraphParams, parser.parse_args(["--kinds", "memo"]))
    with pytest.raises(ParameterError, match=r"'model' must be one of 'ic', 'si'"):
        DiffusionParams(model="sir")


def test_cli_names_the_option_of_a_bad_value(tmp_path, capsys, tiny_ecosystem):
    corpus = tiny_ecosystem[0].save(tmp_path / "c")
    assert main(["diffusion", str(corpus), "--runs", "0", "--out", str(tmp_path / "o")]) == 2
    assert "--runs is out of range: 0" in capsys.readouterr().err


def test_one_rule_for_a_corpus_folder():
    for folder in ("cli", "report"):
        for path in (ROOT / "netkit" / folder).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert '/ "manifest.json"' not in text, path


def test_view_sizes_by_the_one_centrality_bundle(tiny_ecosystem):
    from netkit.viz.html import _size_values

    graph = build_graph(tiny_ecosystem[0]).graph
    bundle = node_centrality(graph)
    size, metrics = view_sizes(graph, "auto")
    assert size.name == "betweenness" and metrics is not None
    np.testing.assert_allclose(size.to_numpy(), bundle["betweenness"].to_numpy())
    # a direct write_html(graph) without metrics sizes by the same (normalised) values
    _, values = _size_values(graph, "betweenness", None)
    np.testing.assert_allclose(values, bundle["betweenness"].reindex(graph.vs["name"]))


def test_cli_metrics_uses_the_filtered_corpus(tmp_path, tiny_ecosystem):
    """Bug fixed: Triple-Helix information came from the whole corpus under --years."""
    from netkit.metrics.mixing import triple_helix

    corpus = tiny_ecosystem[0]
    saved = corpus.save(tmp_path / "c")
    assert main(["metrics", str(saved), "--years", "2015:2017", "--out", str(tmp_path / "o")]) == 0
    got = pd.read_csv(tmp_path / "o" / "triple_helix.csv", index_col=0).iloc[:, 0]
    want = triple_helix(corpus.filter(years=(2015, 2017)))
    np.testing.assert_allclose(got.to_numpy(dtype=float), want.to_numpy(dtype=float))
    assert not np.allclose(got.to_numpy(dtype=float), triple_helix(corpus).to_numpy(dtype=float))


def test_cli_compare_says_not_comparable(tmp_path, tiny_ecosystem, capsys):
    """Issue 17: windows from different sources are not comparable, on the command line too."""
    corpus = tiny_ecosystem[0]
    events = corpus.events.copy()
    events["source"] = np.where(events["year"].astype(int) < 2018, "nserc", "cordis")
    saved = _with_events(corpus, events).save(tmp_path / "c")
    out = tmp_path / "o"
    assert main(["compare", str(saved), "--split", "2018", "--reps", "20", "--perms", "20",
                 "--structural-reps", "0", "--out", str(out)]) == 0
    assert "NOT COMPARABLE" in capsys.readouterr().out
    table = pd.read_csv(out / "compare.csv", index_col=0)
    assert not table.loc[table["tested"], "significant"].astype(bool).any()
    assert (table["note"] == "not comparable: source mix differs").all()
    mix = pd.read_csv(out / "before_after_sources.csv")
    assert set(mix["source"]) == {"nserc", "cordis"}
    info = json.loads((out / "compare.json").read_text())
    assert info["comparable"] is False and info["source_shift"] == 1.0


def _with_events(corpus, events):
    from netkit.model import Corpus

    return Corpus(organizations=corpus.organizations, org_ids=corpus.org_ids,
                  people=corpus.people, events=events, participations=corpus.participations,
                  person_ids=corpus.person_ids)
