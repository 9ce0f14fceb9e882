"""Keep the dependency arrows of DESIGN §1 true.

cli → report → pipeline → metrics → build → (resolve, ingest, model); report → viz → build;
resolve → lexicon → model; ingest → lexicon; datasets → model. ``pipeline`` (the steps with
their parameter objects) sits under ``cli`` and ``report`` and above ``build``/``metrics``:
it never imports ``cli``, ``report`` or ``viz`` (it hands the view its metrics, it does not
draw). ``lexicon`` (domain knowledge: countries, places, text folding, sector rules, legal
forms, abbreviations) sits under ``ingest`` and ``resolve`` and imports no other layer.
``resolve`` does not import ``ingest``: it takes registry tables as input (the layers above
read the files). A module may import from its own layer and from the layers it points at
(transitively), never back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netkit"

BASE = {"errors", "_version", "_rules", "_docs"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "_version": set(),
    "_rules": {"errors"},
    "_docs": set(),
    "model": BASE,
    "lexicon": BASE,
    "ingest": BASE | {"model", "lexicon"},
    "resolve": BASE | {"model", "lexicon"},
    "datasets": BASE | {"model"},
    "build": BASE | {"model", "resolve", "ingest", "lexicon"},
    "metrics": BASE | {"model", "resolve", "ingest", "lexicon", "build"},
    "viz": BASE | {"model", "resolve", "ingest", "lexicon", "build"},
    "pipeline": BASE | {"model", "resolve", "build", "metrics", "ingest", "lexicon", "datasets"},
    "report": BASE | {"model", "resolve", "build", "metrics", "viz", "ingest", "lexicon",
                      "datasets", "pipeline"},
    "cli": BASE | {"model", "resolve", "build", "metrics", "viz", "ingest", "lexicon", "datasets",
                   "report", "pipeline"},
    "__main__": {"cli"},
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
            if node.module == "netkit":
                names = [f"netkit.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "netkit" and len(parts) > 1:
                found.add(parts[1])
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_arrows(path: Path) -> None:
    layer = _layer(path)
    assert layer in ALLOWED, f"{layer!r} is not a layer of DESIGN §1: add it to the table"
    wrong = _imported_layers(path) - ALLOWED[layer] - {layer}
    assert not wrong, f"{path.relative_to(PACKAGE)} ({layer}) imports {sorted(wrong)}"


def test_checker_sees_a_backward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from netkit.metrics import centrality\nimport netkit.viz.html\n")
    assert _imported_layers(bad) == {"metrics", "viz"}


def test_resolve_and_ingest_stand_side_by_side() -> None:
    """Neither imports the other: both build on ``lexicon`` (DESIGN §1)."""
    assert "ingest" not in ALLOWED["resolve"] and "resolve" not in ALLOWED["ingest"]
    for path in MODULES:
        if _layer(path) == "resolve":
            assert "ingest" not in _imported_layers(path), path


def test_pipeline_is_a_floor_under_cli_and_report() -> None:
    assert "pipeline" in ALLOWED["cli"] and "pipeline" in ALLOWED["report"]
    assert not ALLOWED["pipeline"] & {"cli", "report", "viz"}
    for layer in ("model", "build", "metrics", "viz", "ingest", "resolve", "lexicon"):
        assert "pipeline" not in ALLOWED[layer]
