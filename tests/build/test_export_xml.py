"""GraphML and GEXF stay valid XML whatever the names hold; exports are atomic (issue 13, item 7)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest

from netkit.build import export, write_gexf, write_graphml
from netkit.cli import main

HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "openalex_formulas_controls.jsonl"
FORBIDDEN = ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800", "\udfff"]


def _graph() -> ig.Graph:
    g = ig.Graph([(0, 1), (1, 2)])
    g.vs["name"] = [f"org:{i}{c}" for i, c in enumerate(["\x01", "\x0b", "\ud800"])]
    g.vs["label"] = ["A\x00B", "C\x1fD\ufffe", "E\uffffF\udfff"]
    g.vs["sector"] = ["firm", None, "university\x01"]
    g.es["weight"] = [1.0, 2.0]
    g.es["first_year"] = [2015, 2016]
    g.es["last_year"] = [2016, 2017]
    g.es["note"] = ["tab\tkept", "nl\nkept"]
    return g


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_forbidden_characters_are_replaced_and_files_parse(tmp_path, fmt):
    path = export(_graph(), tmp_path / f"g.{fmt}")
    data = path.read_bytes()
    text = data.decode("utf-8")  # valid UTF-8 (no lone surrogate)
    assert not any(c in text for c in FORBIDDEN)
    ET.fromstring(data)  # well-formed XML 1.0
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2
    labels = sorted(str(d.get("label", "")) for _, d in g.nodes(data=True))
    assert labels == ["A\ufffdB", "C\ufffdD\ufffd", "E\ufffdF\ufffd"]


def test_graphml_keeps_tab_and_newline(tmp_path):
    g = nx.read_graphml(write_graphml(_graph(), tmp_path / "g.graphml"))
    notes = sorted(d["note"] for _, _, d in g.edges(data=True))
    assert notes == ["nl\nkept", "tab\tkept"]


def test_gexf_of_a_clean_graph_is_unchanged_by_the_cleaning(tmp_path):
    g = ig.Graph([(0, 1)])
    g.vs["name"] = ["a", "b"]
    g.vs["founded"] = [1990, None]
    g.es["weight"] = [2.0]
    text = write_gexf(g, tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert '<attribute id="founded" title="founded" type="integer"/>' in text
    assert text.count('for="founded"') == 1  # the missing value is left out, not ""


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "pajek", "vosviewer", "csv"])
def test_failed_export_leaves_previous_file_and_no_temporary(tmp_path, monkeypatch, fmt):
    suffix = {"graphml": "graphml", "gexf": "gexf", "pajek": "net", "vosviewer": "json",
              "csv": "csv"}[fmt]
    path = tmp_path / f"g.{suffix}"
    path.write_bytes(b"previous")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("netkit.model.files.os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        export(_graph(), path, fmt)
    assert path.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_graph_on_names_with_control_characters(tmp_path, fmt, capsys):
    """The observed failure: exit 1 and a truncated GraphML; an invalid GEXF."""
    corpus = tmp_path / "corpus"
    assert main(["ingest", str(HOSTILE), "--out", str(corpus), "--no-progress"]) == 0
    out = tmp_path / f"g.{fmt}"
    assert main(["graph", str(corpus), "--out", str(out)]) == 0
    ET.parse(out)
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() == 4
    names = " ".join(str(v) for _, d in g.nodes(data=True) for v in d.values())
    assert "+Acme\ufffdCtl\ufffdCorp\ufffd\ufffd\ufffd Ltd" in names
