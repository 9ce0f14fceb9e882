"""The command line on hostile or empty input: one clear line and exit 2, nothing overwritten.

Issue 13, items 8, 12, 13 and 15 (the command-line part).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from netkit.cli import main
from netkit.model import Corpus

ROOT = Path(__file__).parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile" / "openalex_formulas_controls.jsonl"


def one_error_line(capsys, command: str) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith(f"netkit {command}: error: "), err
    return err[0]


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, tiny_ecosystem):
    return tiny_ecosystem[0].save(tmp_path_factory.mktemp("c") / "corpus")


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory):
    return Corpus().save(tmp_path_factory.mktemp("e") / "empty")


# -- item 13: SOURCE_DATE_EPOCH --------------------------------------------------------------
@pytest.mark.parametrize("argv", [["--version"], ["graph", "--help"]])
def test_bad_source_date_epoch_is_one_line(argv):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "abc", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "netkit", *argv], env=env, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr == ("netkit: error: SOURCE_DATE_EPOCH must be an integer (seconds since "
                           "1970-01-01 UTC), not 'abc'\n")


# -- item 15: one seed rule ------------------------------------------------------------------
@pytest.mark.parametrize("command, extra", [
    ("metrics", ["{corpus}", "--out", "{out}"]),
    ("diffusion", ["{corpus}", "--out", "{out}"]),
    ("compare", ["{corpus}", "--split", "2018", "--out", "{out}"]),
    ("view", ["{corpus}", "--out", "{out}/v.html"]),
    ("demo", ["--out", "{out}", "--size", "tiny"]),
    ("report", ["--config", "{toml}", "--out", "{out}"]),
])
@pytest.mark.parametrize("seed", ["-5", str(2**63)])
def test_negative_or_huge_seed_is_refused_everywhere(command, extra, seed, corpus_dir, tmp_path,
                                                      capsys):
    toml = tmp_path / "r.toml"
    toml.write_text('[synthetic]\nsize = "tiny"\n', encoding="utf-8")
    out = tmp_path / "out"
    argv = [a.format(corpus=corpus_dir, out=out, toml=toml) for a in extra]
    assert main([command, *argv, "--seed", seed]) == 2
    line = one_error_line(capsys, command)
    assert f"--seed must be an integer from 0 to 2**63-1, not {seed}" in line
    assert not out.exists()


@pytest.mark.parametrize("key", ["seed = -5", "[synthetic]\nseed = -5"])
def test_toml_applies_the_same_rule(key, tmp_path, capsys):
    toml = tmp_path / "r.toml"
    toml.write_text(f'title = "x"\n{key}\n' + ("" if "synthetic" in key else "[synthetic]\n"),
                    encoding="utf-8")
    assert main(["report", "--config", str(toml), "--out", str(tmp_path / "o")]) == 2
    assert "out of range: -5" in one_error_line(capsys, "report")


# -- item 12: empty corpus, unknown encoding ------------------------------------------------
@pytest.mark.parametrize("command, extra", [
    ("resolve", ["--out", "{out}"]),
    ("compare", ["--split", "2018", "--out", "{out}", "--reps", "5", "--perms", "5"]),
    ("metrics", ["--out", "{out}"]),
    ("diffusion", ["--out", "{out}", "--runs", "5"]),
    ("dynamics", ["--out", "{out}"]),
    ("graph", ["--out", "{out}.graphml"]),
    ("view", ["--out", "{out}.html"]),
])
def test_empty_corpus_is_a_clear_error(command, extra, empty_dir, tmp_path, capsys):
    out = tmp_path / "out"
    assert main([command, str(empty_dir), *[a.format(out=out) for a in extra]]) == 2
    line = one_error_line(capsys, command)
    assert "the corpus is empty (0 participations" in line
    assert not any(tmp_path.iterdir())


def test_report_on_an_empty_corpus(empty_dir, tmp_path, capsys):
    toml = tmp_path / "r.toml"
    toml.write_text(f'[[inputs]]\npath = "{empty_dir.as_posix()}"\n', encoding="utf-8")
    assert main(["report", "--config", str(toml), "--out", str(tmp_path / "o")]) == 2
    assert "the inputs hold no participation" in one_error_line(capsys, "report")
    assert not (tmp_path / "o").exists()


def test_unknown_encoding_in_report_toml(tmp_path, capsys):
    toml = tmp_path / "r.toml"
    toml.write_text(f'[[inputs]]\npath = "{HOSTILE.as_posix()}"\nencoding = "klingon-8"\n',
                    encoding="utf-8")
    assert main(["report", "--config", str(toml), "--out", str(tmp_path / "o")]) == 2
    line = one_error_line(capsys, "report")
    assert "'inputs[0].encoding' is not a known text encoding: 'klingon-8'" in line
    assert str(toml) in line


def test_unknown_encoding_for_ingest(tmp_path, capsys):
    assert main(["ingest", str(HOSTILE), "--out", str(tmp_path / "c"), "--encoding", "klingon-8",
                 "--no-progress"]) == 2
    line = one_error_line(capsys, "ingest")
    assert "--encoding is not a known text encoding: 'klingon-8'" in line
    assert not (tmp_path / "c").exists()


# -- item 15: never write into an input --------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["graph", "{corpus}", "--out", "{corpus}/events.parquet", "--format", "graphml"],
    ["graph", "{corpus}", "--out", "{corpus}/new.graphml"],
    ["metrics", "{corpus}", "--out", "{corpus}"],
    ["dynamics", "{corpus}", "--out", "{corpus}/dyn"],
    ["resolve", "{corpus}", "--out", "{corpus}"],
    ["view", "{corpus}", "--out", "{corpus}/manifest.json"],
    ["ingest", str(HOSTILE), "--out", str(HOSTILE)],
])
def test_output_inside_an_input_is_refused(argv, corpus_dir, capsys):
    before = tree(corpus_dir)
    hostile = HOSTILE.read_bytes()
    assert main([a.format(corpus=corpus_dir) for a in argv]) == 2
    line = one_error_line(capsys, argv[0])
    assert "refusing to" in line and ("input folder" in line or "is the input" in line)
    assert tree(corpus_dir) == before
    assert HOSTILE.read_bytes() == hostile


@pytest.mark.slow
def test_relative_and_absolute_config_paths_give_identical_reports(corpus_dir, tmp_path,
                                                                   monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    conf = tmp_path / "conf"
    conf.mkdir()
    rel_corpus = os.path.relpath(corpus_dir, conf)
    off = "\n".join(f"{a} = false" for a in ("structure", "brokerage", "diffusion", "dynamics",
                                             "mobility", "regions", "before_after"))
    (conf / "report.toml").write_text(
        f'title = "T"\nseed = 2\n[[inputs]]\npath = "{Path(rel_corpus).as_posix()}"\n'
        f"[analyses]\n{off}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--config", "conf/report.toml", "--out", "out"]) == 0
    first = tree(tmp_path / "out")
    monkeypatch.chdir(conf)
    assert main(["report", "--config", str(conf / "report.toml"), "--out", "./../out"]) == 0
    assert tree(tmp_path / "out") == first
    run = json.loads(first["run.json"])
    assert run["config_file"] == str(conf / "report.toml")
    assert run["config"]["inputs"][0]["path"] == str(corpus_dir)


# -- item 8: one CSV writer for every CSV ------------------------------------------------------
def assert_no_formula(folder: Path) -> int:
    n = 0
    for path in sorted(folder.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    n += 1
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                    if cell.startswith("-"):
                        assert re.fullmatch(r"-[\d.eE+-]+|-inf", cell), (path.name, cell)
    return n


@pytest.fixture(scope="module")
def formula_corpus(tmp_path_factory, tiny_ecosystem):
    """The tiny ecosystem with regions, cities and names that a spreadsheet would run."""
    corpus = tiny_ecosystem[0]
    orgs = corpus.organizations.copy()
    orgs["region"] = ["=R" + str(r) if i % 2 else "@" + str(r)
                      for i, r in enumerate(orgs["region"])]
    orgs["name"] = ["+" + str(n) for n in orgs["name"]]
    fixed = Corpus(organizations=orgs, org_ids=corpus.org_ids, people=corpus.people,
                   events=corpus.events, participations=corpus.participations)
    return fixed.save(tmp_path_factory.mktemp("f") / "corpus")


@pytest.mark.parametrize("argv", [
    ["dynamics", "{corpus}", "--out", "{out}"],
    ["metrics", "{corpus}", "--out", "{out}", "--groups", "region"],
    ["diffusion", "{corpus}", "--out", "{out}", "--runs", "5", "--seeds", "university"],
    ["graph", "{corpus}", "--out", "{out}/edges.csv"],
    ["compare", "{corpus}", "--split", "2018", "--out", "{out}", "--reps", "5", "--perms", "5",
     "--structural-reps", "0"],
])
def test_command_csv_outputs_are_neutralised(argv, formula_corpus, tmp_path, capsys):
    out = tmp_path / "o"
    assert main([a.format(corpus=formula_corpus, out=out) for a in argv]) == 0
    assert assert_no_formula(out) > 0
    if argv[0] == "dynamics":
        header = (out / "region_flows.csv").read_text(encoding="utf-8").splitlines()[0]
        assert "'=R" in header and "'@" in header
        moves = (out / "mobility_moves.csv").read_text(encoding="utf-8")
        assert ",'=R" in moves


def test_resolve_audit_and_review_are_neutralised(tmp_path, capsys):
    corpus = tmp_path / "c"
    assert main(["ingest", str(HOSTILE), "--out", str(corpus), "--no-progress"]) == 0
    assert main(["resolve", str(corpus), "--out", str(tmp_path / "r")]) == 0
    audit = (tmp_path / "r" / "audit.csv").read_text(encoding="utf-8")
    assert "'=cmd|' /C calc'!A0" in audit and "'@SUM(1+1) University" in audit
    assert assert_no_formula(tmp_path / "r") > 0
