"""``netkit demo`` end to end, and the CLI's error convention."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from netkit.cli import build_parser, main
from netkit.datasets import synthetic_ecosystem
from netkit.model import Corpus
from netkit.report.demo import sources_folder, write_demo

REMOTE = re.compile(
    r"""(?:<script[^>]+src\s*=|<link[^>]+href\s*=|<img[^>]+src\s*=)\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)
PAYLOAD = "<script>alert(1)</script>"


def test_demo_end_to_end_is_offline_and_byte_identical(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = tmp_path / "a"
    assert main(["demo", "--out", str(a), "--size", "tiny", "--seed", "3"]) == 0
    assert "index.html" in capsys.readouterr().out
    for name in ("index.html", "network.html"):
        html = (a / name).read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html>")
        assert not REMOTE.search(html), REMOTE.search(html).group(0)
        assert "Content-Security-Policy" in html
    # the source files were written in the real formats and read back
    run = json.loads((a / "run.json").read_text(encoding="utf-8"))
    formats = {row["format"] for row in run["inputs"]}
    assert {"openalex", "wos", "scopus", "uspto-xml", "patentsview", "cordis-project"} <= formats
    assert all(row["loaded"] == row["records_seen"] for row in run["inputs"])
    truth_corpus, _ = synthetic_ecosystem(seed=3, size="tiny")
    assert run["corpus"]["events"] == truth_corpus.n_events  # every event read back
    assert run["corpus"]["organizations"] == truth_corpus.n_organizations  # and resolved
    first = {p.relative_to(a): p.read_bytes() for p in sorted(a.rglob("*")) if p.is_file()}
    assert main(["demo", "--out", str(a), "--size", "tiny", "--seed", "3"]) == 0
    second = {p.relative_to(a): p.read_bytes() for p in sorted(a.rglob("*")) if p.is_file()}
    assert first.keys() == second.keys()
    for f in first:
        assert first[f] == second[f], f


def test_data_strings_are_escaped_end_to_end(tmp_path):
    corpus, truth = synthetic_ecosystem(seed=3, size="tiny")
    orgs = corpus.organizations.copy()
    orgs["name"] = [f"{PAYLOAD} {i}" for i in range(len(orgs))]
    orgs["sector"] = orgs["sector"].astype(str)
    evil = Corpus(organizations=orgs, org_ids=corpus.org_ids, people=corpus.people,
                  events=corpus.events, participations=corpus.participations)
    truth.aliases = truth.aliases.assign(name=truth.aliases["org_id"].map(
        orgs.set_index("org_id")["name"]))
    write_demo(tmp_path / "r", seed=3, size="tiny", ecosystem=(evil, truth))
    for name in ("index.html", "network.html"):
        html = (tmp_path / "r" / name).read_text(encoding="utf-8")
        assert PAYLOAD not in html, name
        assert "alert(1)" in html, f"{name} lost the organisations"  # present, escaped


def test_demo_refuses_to_replace_a_foreign_sources_folder(tmp_path):
    out = tmp_path / "report"
    foreign = sources_folder(out)
    foreign.mkdir()
    (foreign / "thesis.tex").write_text("precious")
    assert main(["demo", "--out", str(out), "--size", "tiny"]) == 2
    assert (foreign / "thesis.tex").read_text() == "precious"


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"demo", "ingest", "resolve", "graph", "metrics", "view", "report"} <= set(sub.choices)
    for name, p in sub.choices.items():
        assert p.format_help().strip(), name


def test_netkit_error_is_one_line_and_exit_2(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "netkit", "demo", "--out", str(tmp_path), "--size", "tiny",
         "--seed", "-1"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("netkit demo: error:")
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["--version"], ["demo", "--help"]])
def test_version_and_help_exit_cleanly(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert capsys.readouterr().out
