"""Type hints are checked: every public ``graph`` parameter is annotated, and mypy passes.

mypy's settings and the packages it checks are in setup.cfg (``[mypy]``).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest

from netkit.build import GraphLike

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "netkit"


def _public_graph_parameters() -> list[tuple[str, str | None]]:
    """``(module:function, annotation)`` of every ``graph`` parameter of a public function."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if any(part.startswith("_") and part != "__init__.py" for part in rel.parts):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            functions = [node] if isinstance(node, ast.FunctionDef) else (
                [f for f in node.body if isinstance(f, ast.FunctionDef)]
                if isinstance(node, ast.ClassDef) and not node.name.startswith("_") else [])
            for f in functions:
                if f.name.startswith("_") and f.name != "__init__":
                    continue
                for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs:
                    if a.arg == "graph":
                        found.append((f"{rel}:{f.name}",
                                      ast.unparse(a.annotation) if a.annotation else None))
    return found


def test_every_public_graph_parameter_is_annotated():
    params = _public_graph_parameters()
    assert len(params) > 40  # the scan sees the metrics, build and viz functions
    assert [name for name, annotation in params if annotation is None] == []
    # a metric takes any graph netkit can convert, or says it needs igraph's
    metrics = {name: a for name, a in params if name.startswith("netkit/metrics/")}
    assert len(metrics) > 25
    assert {name: a for name, a in metrics.items()
            if "GraphLike" not in a and "ig.Graph" not in a} == {}


def test_every_public_metric_is_fully_annotated():
    """Every parameter and the return value of every public metric carry a type."""
    import inspect

    import netkit.metrics as m

    incomplete = {}
    for name in m.__all__:
        f = getattr(m, name)
        if inspect.isclass(f) or not callable(f):
            continue
        sig = inspect.signature(f)
        missing = [p.name for p in sig.parameters.values() if p.annotation is p.empty]
        if sig.return_annotation is sig.empty:
            missing.append("return")
        if missing:
            incomplete[name] = missing
    assert incomplete == {}


def test_graphlike_is_what_as_igraph_accepts():
    assert isinstance(ig.Graph(), GraphLike)
    for cls in (nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph):
        assert isinstance(cls(), GraphLike)
    assert not isinstance([(0, 1)], GraphLike)


def _mypy(*args: str) -> tuple[int, str]:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy not installed (pip install -e '.[test]')")
    from mypy import api

    stdout, stderr, status = api.run([*args, "--config-file", str(ROOT / "setup.cfg"),
                                      "--cache-dir", str(ROOT / ".mypy_cache")])
    return status, stdout + stderr


def test_mypy_passes(monkeypatch):
    """mypy on the packages of ``[mypy] files`` in setup.cfg (about 30 s cold, a few seconds cached)."""
    monkeypatch.chdir(ROOT)
    status, out = _mypy()
    assert status == 0, out


def test_mypy_sees_a_wrong_graph(monkeypatch, tmp_path):
    """The annotations are live: a string passed as a graph is a type error."""
    monkeypatch.chdir(ROOT)
    wrong = tmp_path / "wrong.py"
    wrong.write_text("import netkit.metrics as m\n\nm.degree('not a graph')\nm.pagerank(None)\n")
    status, out = _mypy(str(wrong))
    assert status == 1
    assert 'Argument 1 to "degree" has incompatible type "str"' in out
    assert 'Argument 1 to "pagerank" has incompatible type "None"' in out
    assert out.count("error:") == 2  # and nothing else: nk.metrics' names are all visible


def test_type_checkers_see_every_metric():
    """``netkit.metrics`` gathers its modules' names at run time; the TYPE_CHECKING block
    names the same modules, so that type checkers and IDEs see ``nk.metrics.degree`` too."""
    import netkit.metrics as m

    tree = ast.parse((PACKAGE / "metrics" / "__init__.py").read_text(encoding="utf-8"))
    starred = {node.module.rsplit(".", 1)[1] for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and node.module
               and node.module.startswith("netkit.metrics.") and node.names[0].name == "*"}
    modules = {p.stem for p in (PACKAGE / "metrics").glob("*.py") if not p.stem.startswith("_")}
    assert starred == modules
    assert set(m.__all__) - {"DirectedGraphWarning"} == {
        name for module in modules
        for name in importlib.import_module(f"netkit.metrics.{module}").__all__}
