"""netkit replaces only report folders it wrote, atomically, and recovers from a killed run.

Issue 13, items 1 and 10. The report folders here are built by hand (a run.json
listing its outputs with their SHA-256, like the writer's), so the tests run in
milliseconds; test_writer_* at the end go through write_report.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netkit.errors import ParameterError
from netkit.report import folder as rf
from netkit.report import write_report


def fake_report(path: Path, text: str = "old") -> Path:
    """A folder as write_report leaves it: files + run.json with their hashes."""
    (path / "tables").mkdir(parents=True)
    files = {"index.html": f"<p>{text}</p>", "report.md": f"# {text}\n",
             "tables/a.csv": "a\n1\n"}
    for rel, content in files.items():
        (path / rel).write_text(content, encoding="utf-8")
    outputs = {rel: hashlib.sha256(c.encode()).hexdigest() for rel, c in sorted(files.items())}
    run = {"netkit": "0.1.0", "outputs": outputs}
    (path / "run.json").write_text(json.dumps(run), encoding="utf-8")
    return path


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*")) if p.is_file()}


# -- ownership ----------------------------------------------------------------------------
def test_own_untouched_report_and_empty_or_missing_folders_may_be_replaced(tmp_path):
    rf.check_replaceable(fake_report(tmp_path / "r"))
    (tmp_path / "empty").mkdir()
    rf.check_replaceable(tmp_path / "empty")
    rf.check_replaceable(tmp_path / "missing")


@pytest.mark.parametrize("damage, message", [
    (lambda r: (r / "thesis.tex").write_text("years of work"), r"files netkit did not write \(thesis.tex\)"),
    (lambda r: (r / "tables" / "mine.csv").write_text("x"), r"did not write \(tables/mine.csv\)"),
    (lambda r: (r / "report.md").write_text("# my edits\n"), r"changed since netkit wrote them \(report.md\)"),
    (lambda r: (r / "run.json").write_text('{"anything": 1}'), r"a run.json that is not netkit.s"),
    (lambda r: (r / "run.json").write_text("not json"), r"a run.json that is not netkit.s"),
    (lambda r: (r / "run.json").unlink(), r"has no netkit run.json"),
    (lambda r: (r / "link").symlink_to("/etc/passwd"), r"did not write \(link\)"),
])
def test_anything_netkit_did_not_write_is_refused(tmp_path, damage, message):
    report = fake_report(tmp_path / "r")
    damage(report)
    before = tree(report)
    with pytest.raises(ParameterError, match=message):
        rf.check_replaceable(report)
    assert tree(report) == before


def test_run_json_listing_a_path_outside_is_not_netkits(tmp_path):
    report = fake_report(tmp_path / "r")
    run = json.loads((report / "run.json").read_text())
    run["outputs"]["../../elsewhere"] = "0" * 64
    (report / "run.json").write_text(json.dumps(run))
    with pytest.raises(ParameterError, match="not a netkit report"):
        rf.check_replaceable(report)


# -- swap and recovery --------------------------------------------------------------------
@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_replaces_and_leaves_nothing_behind(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(rf, "_exchange", lambda a, b: False)
    out = fake_report(tmp_path / "r", "old")
    with rf.staging_folder(out) as stage:
        fake_report(stage / "x", "new")
        for p in (stage / "x").iterdir():
            p.rename(stage / p.name)
        (stage / "x").rmdir()
        rf.swap(stage, out)
    assert (out / "index.html").read_text() == "<p>new</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_recover_restores_the_old_report_after_a_kill_between_the_renames(tmp_path):
    old = fake_report(tmp_path / ".r.old-abc123", "old")
    before = tree(old)
    half = tmp_path / ".r.tmp-def456"
    half.mkdir()
    (half / "index.html").write_text("<p>half")
    (half / ".report.md.x1.tmp").write_text("half")
    done = rf.recover(tmp_path / "r")
    assert tree(tmp_path / "r") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]
    assert any("restored" in d for d in done)


def test_recover_keeps_a_staging_folder_holding_a_users_file(tmp_path):
    odd = tmp_path / ".r.tmp-zzz"
    odd.mkdir()
    (odd / "thesis.tex").write_text("mine")
    assert rf.recover(tmp_path / "r") == []
    assert (odd / "thesis.tex").read_text() == "mine"


def test_recover_skips_a_staging_folder_that_a_running_netkit_writes(tmp_path):
    out = tmp_path / "r"
    with rf.staging_folder(out) as stage:
        (stage / "index.html").write_text("in progress")
        assert rf.recover(out) == []
        assert stage.is_dir()
    # the writer is gone (lock released) without swapping: the next recovery removes it
    assert rf.recover(out) == [f"removed the staging folder {stage.name} of an interrupted run"]
    # an exception in the block removes the stage on the way out
    with pytest.raises(RuntimeError), rf.staging_folder(out) as stage:
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_kill_between_the_two_renames_then_rerun(tmp_path):
    """A real kill (os._exit) between ``out -> .old`` and ``stage -> out``; the next run recovers."""
    out = fake_report(tmp_path / "r", "old")
    before = tree(out)
    script = textwrap.dedent(f"""
        import importlib.util, os
        from pathlib import Path
        spec = importlib.util.spec_from_file_location("folder", {rf.__file__!r})
        rf = importlib.util.module_from_spec(spec)   # without importing the whole package
        spec.loader.exec_module(rf)
        rf._exchange = lambda a, b: False           # the fallback path of two renames
        real = os.replace
        calls = []
        def replace(a, b):
            calls.append(a)
            real(a, b)
            if len(calls) == 1:
                os._exit(9)                          # killed after the first rename
        os.replace = replace
        out = Path({str(out)!r})
        with rf.staging_folder(out) as stage:
            (stage / "index.html").write_text("<p>new</p>")
            rf.swap(stage, out)
    """)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    proc = subprocess.run([sys.executable, "-c", script], env=env, check=False)
    assert proc.returncode == 9
    assert not out.exists()  # the window the recovery closes
    names = sorted(p.name.split("-")[0] for p in tmp_path.iterdir())
    assert names == [".r.old", ".r.tmp"]
    rf.recover(out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


# -- through write_report -----------------------------------------------------------------
OFF = dict.fromkeys(["structure", "brokerage", "diffusion", "dynamics", "mobility", "regions",
                     "before_after"], False)


@pytest.mark.slow
def test_write_report_refuses_an_old_report_with_a_users_file(tmp_path, tiny_ecosystem):
    out = tmp_path / "r"
    cfg = {"title": "T", "seed": 1, "analyses": OFF}
    write_report(cfg, out, corpus=tiny_ecosystem[0])
    (out / "notes.txt").write_text("my notes")
    before = tree(out)
    with pytest.raises(ParameterError, match=r"did not write \(notes.txt\)"):
        write_report(cfg, out, corpus=tiny_ecosystem[0])
    assert tree(out) == before
    (out / "notes.txt").unlink()
    write_report(cfg, out, corpus=tiny_ecosystem[0])  # its own report: replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_write_report_refuses_a_folder_with_any_run_json(tmp_path, tiny_ecosystem):
    """The observed failure: a folder holding a file named run.json was moved aside and removed."""
    thesis = tmp_path / "thesis"
    (thesis / "src").mkdir(parents=True)
    (thesis / "run.json").write_text('{"experiment": 3}')
    (thesis / "src" / "main.tex").write_text("chapter 1")
    before = tree(thesis)
    with pytest.raises(ParameterError, match="not a netkit report"):
        write_report({"analyses": OFF}, thesis, corpus=tiny_ecosystem[0])
    assert tree(thesis) == before


def test_write_report_recovers_leftovers_first(tmp_path, tiny_ecosystem):
    fake_report(tmp_path / ".r.old-k1")
    (tmp_path / ".r.tmp-k2").mkdir()
    (tmp_path / ".r.tmp-k2" / "network.html").write_text("half")
    write_report({"analyses": OFF}, tmp_path / "r", corpus=tiny_ecosystem[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]
    assert json.loads((tmp_path / "r" / "run.json").read_text())["netkit"]


@pytest.mark.slow
def test_demo_replaces_its_sources_folder_only_if_it_holds_nothing_else(tmp_path):
    from netkit.report.demo import SOURCES_LISTING, sources_folder, write_demo

    out = tmp_path / "demo"
    write_demo(out, seed=1, size="tiny")
    sources = sources_folder(out)
    assert (sources / SOURCES_LISTING).is_file()
    (sources / "openalex" / "my_extra_export.jsonl").write_text("{}\n")
    before = tree(sources)
    with pytest.raises(ParameterError, match=r"did not write \(openalex/my_extra_export.jsonl\)"):
        write_demo(out, seed=1, size="tiny")
    assert tree(sources) == before
