"""``netkit demo`` end to end, and the CLI's error convention."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from netkit.cli import build_parser, main
from netkit.datasets import synthetic_ecosystem
from netkit.model import Corpus
from netkit.report.demo import write_demo

REMOTE = re.compile(
    r"""(?:<script[^>]+src\s*=|<link[^>]+href\s*=|<img[^>]+src\s*=)\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.IGNORECASE,
)
PAYLOAD = "<script>alert(1)</script>"


def test_demo_writes_both_files_offline(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--size", "tiny", "--seed", "3"]) == 0
    assert "index.html" in capsys.readouterr().out
    for name in ("index.html", "network.html"):
        html = (out / name).read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html>")
        assert not REMOTE.search(html), REMOTE.search(html).group(0)
        assert "Content-Security-Policy" in html
    index = (out / "index.html").read_text(encoding="utf-8")
    corpus, _ = synthetic_ecosystem(seed=3, size="tiny")
    assert f"{corpus.n_events} events" in index


def test_data_strings_are_escaped(tmp_path):
    corpus, _ = synthetic_ecosystem(seed=3, size="tiny")
    orgs = corpus.organizations.copy()
    orgs["name"] = [f"{PAYLOAD} {i}" for i in range(len(orgs))]
    orgs["sector"] = orgs["sector"].astype(str)
    evil = Corpus(organizations=orgs, org_ids=corpus.org_ids, people=corpus.people,
                  events=corpus.events, participations=corpus.participations)
    write_demo(tmp_path, seed=3, size="tiny", corpus=evil)
    for name in ("index.html", "network.html"):
        html = (tmp_path / name).read_text(encoding="utf-8")
        assert PAYLOAD not in html, name
        assert "alert(1)" in html, f"{name} lost the organisation"  # present, escaped


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert "demo" in sub.choices
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


@pytest.mark.parametrize("argv", [["--version"], ["demo", "--help"]])
def test_version_and_help_exit_cleanly(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert capsys.readouterr().out


def test_demo_is_byte_identical_on_rerun(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    main(["demo", "--out", str(a), "--size", "tiny"])
    main(["demo", "--out", str(b), "--size", "tiny"])
    for name in ("index.html", "network.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
