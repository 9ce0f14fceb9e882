"""Try the output/CLI/corpus-folder cases of issue 13 and tally how each ends.

Run it with the netkit to measure first on ``PYTHONPATH`` (e.g. a checkout of an
older commit, then this one)::

    PYTHONPATH=. python scripts/hostile_outputs.py

Each case is one call of the ``netkit`` command (in this process, or a child
process where the environment matters) on a small hostile input; the script
prints one line per case and the totals per category. An outcome is

* ``clear-error`` — exit 2 and one line on stderr, nothing of the user's lost;
* ``ok`` — exit 0 and the output is right (valid XML, neutral CSV, files kept …);
* ``FAIL`` — anything else: an internal error, a traceback, exit 0 where the
  input should have been refused, a user's file deleted, an invalid output.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "data" / "hostile" / "openalex_formulas_controls.jsonl"
MANIFESTS = ROOT / "tests" / "data" / "manifest"
OFF = "\n".join(f"{a} = false" for a in ("structure", "brokerage", "diffusion", "dynamics",
                                         "mobility", "regions", "before_after"))


def run(argv: list[str]) -> tuple[int, str]:
    from netkit.cli import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
        except Exception as exc:
            return 99, f"{type(exc).__name__}: {exc}"
    return code, err.getvalue()


def clear(code: int, err: str) -> bool:
    lines = err.strip().splitlines()
    return code == 2 and len(lines) == 1 and ": error: " in lines[0] and "Traceback" not in err


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*")) if p.is_file()}


def formula_cells(folder: Path) -> int:
    bad = 0
    for path in folder.rglob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(("=", "+", "@")) or (
                            cell.startswith("-") and not cell[1:2].isdigit()):
                        bad += 1
    return bad


def main() -> int:
    from netkit.datasets import synthetic_ecosystem
    from netkit.model import Corpus

    work = Path(tempfile.mkdtemp(prefix="netkit-hostile-"))
    results: list[tuple[str, str, str, str]] = []

    def record(category: str, case: str, outcome: str, note: str = "") -> None:
        results.append((category, case, outcome, note.strip().splitlines()[0][:110] if note else ""))

    tiny, _ = synthetic_ecosystem(seed=1, size="tiny")
    corpus = tiny.save(work / "corpus")
    empty = Corpus().save(work / "empty")
    toml = work / "r.toml"
    toml.write_text(f'title = "T"\nseed = 1\n[[inputs]]\npath = "{corpus.as_posix()}"\n'
                    f"[analyses]\n{OFF}\n", encoding="utf-8")

    # 1. report out folder ownership --------------------------------------------------------
    def report_into(folder: Path) -> tuple[int, str]:
        return run(["report", "--config", str(toml), "--out", str(folder)])

    def own_report(name: str) -> Path:
        folder = work / name
        code, err = report_into(folder)
        assert code == 0, err
        return folder

    cases = {
        "foreign run.json + thesis": lambda f: ((f / "run.json").write_text('{"exp": 1}'),
                                                (f / "thesis.tex").write_text("x")),
        "user file in old report": lambda f: (f / "notes.txt").write_text("mine"),
        "user file in tables/": lambda f: (f / "tables" / "mine.csv").write_text("x"),
        "edited report.md": lambda f: (f / "report.md").write_text("# my edits"),
        "symlink in old report": lambda f: (f / "link").symlink_to("/etc/hostname"),
    }
    for i, (case, damage) in enumerate(cases.items()):
        folder = work / f"own{i}"
        if case.startswith("foreign"):
            folder.mkdir()
        else:
            own_report(folder.name)
        damage(folder)
        user = {k: v for k, v in tree(folder).items()
                if k in ("thesis.tex", "notes.txt", "tables/mine.csv", "report.md", "run.json")}
        code, err = report_into(folder)
        kept = all((folder / k).is_file() and (folder / k).read_bytes() == v
                   for k, v in user.items())
        outcome = "clear-error" if clear(code, err) and kept else "FAIL"
        record("1 report folder ownership", case, outcome,
               err if outcome != "FAIL" else f"exit {code}, user files kept: {kept}")
    folder = own_report("own_ok")
    code, err = report_into(folder)
    record("1 report folder ownership", "own untouched report replaced",
           "ok" if code == 0 else "FAIL", err)

    # 10. leftovers of a killed run -----------------------------------------------------------
    folder = own_report("killed")
    old = work / ".killed.old-x1"
    os.replace(folder, old)
    stage = work / ".killed.tmp-x2"
    stage.mkdir()
    (stage / "index.html").write_text("half")
    code, err = report_into(folder)
    left = sorted(p.name for p in work.glob(".killed.*"))
    restored = folder.is_dir() and (folder / "index.html").is_file()
    record("10 atomic swap", "kill between renames, rerun", "ok" if code == 0 and restored and
           not left else "FAIL", f"exit {code}, leftovers {left}, report back: {restored}")

    # 7. XML ----------------------------------------------------------------------------------
    hc = work / "hostile_corpus"
    code, err = run(["ingest", str(HOSTILE), "--out", str(hc), "--no-progress"])
    assert code == 0, err
    for fmt in ("graphml", "gexf"):
        out = work / f"g.{fmt}"
        code, err = run(["graph", str(hc), "--out", str(out)])
        try:
            ET.parse(out)
            valid = True
        except (ET.ParseError, FileNotFoundError) as exc:
            valid, err = False, f"{err} {exc}"
        record("7 XML control characters", f"graph --out g.{fmt}",
               "ok" if code == 0 and valid else "FAIL", err)

    # 8. CSV ----------------------------------------------------------------------------------
    orgs = tiny.organizations.copy()
    orgs["region"] = ["=R" + str(r) for r in orgs["region"]]
    orgs["name"] = ["@" + str(n) for n in orgs["name"]]
    fc = Corpus(organizations=orgs, org_ids=tiny.org_ids, people=tiny.people, events=tiny.events,
                participations=tiny.participations).save(work / "formula_corpus")
    for case, argv in {
        "dynamics": ["dynamics", str(fc), "--out", "{out}"],
        "metrics --groups region": ["metrics", str(fc), "--out", "{out}", "--groups", "region"],
        "resolve audit/review": ["resolve", str(hc), "--out", "{out}"],
        "graph --format csv": ["graph", str(fc), "--out", "{out}/e.csv"],
        "diffusion": ["diffusion", str(fc), "--out", "{out}", "--runs", "5"],
        "compare": ["compare", str(fc), "--split", "2018", "--out", "{out}", "--reps", "5",
                    "--perms", "5", "--structural-reps", "0"],
    }.items():
        out = work / f"csv_{case.split()[0]}"
        code, err = run([a.format(out=out) for a in argv])
        bad = formula_cells(out) if out.exists() else -1
        record("8 one CSV writer", case, "ok" if code == 0 and bad == 0 else "FAIL",
               f"exit {code}, formula-like cells: {bad} {err}")

    # 9. manifest -----------------------------------------------------------------------------
    for case in sorted(p.name for p in MANIFESTS.iterdir() if p.is_dir()):
        d = work / f"m_{case}"
        shutil.copytree(empty, d)
        shutil.copy(MANIFESTS / case / "manifest.json", d / "manifest.json")
        code, err = run(["metrics", str(d), "--out", str(work / f"mo_{case}")])
        record("9 corpus manifest", case, "clear-error" if clear(code, err) else "FAIL",
               err or f"exit {code}")

    # 12. clear errors ------------------------------------------------------------------------
    for command, extra in {
        "resolve": [], "compare": ["--split", "2018", "--reps", "5", "--perms", "5"],
        "metrics": [], "diffusion": ["--runs", "5"], "dynamics": [],
        "graph": None, "view": None,
    }.items():
        out = work / f"e_{command}"
        argv = [command, str(empty), *(extra or []), "--out",
                str(out) + {"graph": ".graphml", "view": ".html"}.get(command, "")]
        code, err = run(argv)
        record("12 empty corpus", command, "clear-error" if clear(code, err) else "FAIL",
               err or f"exit {code}")
    et = work / "empty.toml"
    et.write_text(f'[[inputs]]\npath = "{empty.as_posix()}"\n', encoding="utf-8")
    code, err = run(["report", "--config", str(et), "--out", str(work / "e_report")])
    record("12 empty corpus", "report", "clear-error" if clear(code, err) else "FAIL",
           err or f"exit {code}")
    bt = work / "enc.toml"
    bt.write_text(f'[[inputs]]\npath = "{HOSTILE.as_posix()}"\nencoding = "klingon-8"\n',
                  encoding="utf-8")
    code, err = run(["report", "--config", str(bt), "--out", str(work / "enc_report")])
    record("12 unknown encoding", "report.toml", "clear-error" if clear(code, err) else "FAIL", err)
    code, err = run(["ingest", str(HOSTILE), "--out", str(work / "enc_c"), "--encoding",
                     "klingon-8", "--no-progress"])
    record("12 unknown encoding", "ingest --encoding", "clear-error" if clear(code, err) else "FAIL",
           err)

    # 13. SOURCE_DATE_EPOCH -------------------------------------------------------------------
    for argv in (["--version"], ["report", "--config", str(toml), "--out", str(work / "sde")]):
        env = {**os.environ, "SOURCE_DATE_EPOCH": "abc"}
        proc = subprocess.run([sys.executable, "-m", "netkit", *argv], env=env,
                              capture_output=True, text=True, check=False)
        record("13 SOURCE_DATE_EPOCH=abc", " ".join(argv[:1]),
               "clear-error" if clear(proc.returncode, proc.stderr) else "FAIL",
               proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "")

    # 15. seeds, outputs inside inputs, path spelling -----------------------------------------
    for command, argv in {
        "metrics": ["metrics", str(corpus), "--out", "{o}"],
        "diffusion": ["diffusion", str(corpus), "--out", "{o}", "--runs", "5"],
        "compare": ["compare", str(corpus), "--split", "2018", "--out", "{o}", "--reps", "5",
                    "--perms", "5"],
        "view": ["view", str(corpus), "--out", "{o}.html"],
        "demo": ["demo", "--out", "{o}", "--size", "tiny"],
        "report": ["report", "--config", str(toml), "--out", "{o}"],
    }.items():
        o = work / f"seed_{command}"
        code, err = run([a.format(o=o) for a in argv] + ["--seed", "-5"])
        record("15 --seed -5", command, "clear-error" if clear(code, err) else "FAIL",
               err or f"exit {code}")
    snap = tree(corpus)
    for case, argv in {
        "graph --out corpus/events.parquet": ["graph", str(corpus), "--out",
                                              str(corpus / "events.parquet"), "--format",
                                              "graphml"],
        "graph --out corpus/new.graphml": ["graph", str(corpus), "--out",
                                           str(corpus / "new.graphml")],
        "metrics --out corpus": ["metrics", str(corpus), "--out", str(corpus)],
        "resolve --out corpus": ["resolve", str(corpus), "--out", str(corpus)],
        "dynamics --out corpus/sub": ["dynamics", str(corpus), "--out", str(corpus / "d")],
        "view --out corpus/manifest.json": ["view", str(corpus), "--out",
                                            str(corpus / "manifest.json")],
        "report --out corpus": ["report", "--config", str(toml), "--out", str(corpus)],
    }.items():
        code, err = run(argv)
        same = tree(corpus) == snap
        record("15 output inside an input", case,
               "clear-error" if clear(code, err) and same else "FAIL",
               err if same else f"exit {code}; the corpus folder changed")
        if not same:
            shutil.rmtree(corpus)
            corpus = tiny.save(work / "corpus")
            snap = tree(corpus)
    conf = work / "conf"
    conf.mkdir()
    (conf / "report.toml").write_text(
        f'title = "T"\nseed = 2\n[[inputs]]\npath = "../corpus"\n[analyses]\n{OFF}\n',
        encoding="utf-8")
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    cwd = os.getcwd()
    try:
        os.chdir(work)
        run(["report", "--config", "conf/report.toml", "--out", "spelled"])
        first = tree(work / "spelled")
        run(["report", "--config", str(conf / "report.toml"), "--out", str(work / "spelled")])
        same = tree(work / "spelled") == first
    finally:
        os.chdir(cwd)
        del os.environ["SOURCE_DATE_EPOCH"]
    record("15 config path spelling", "relative vs absolute --config", "ok" if same else "FAIL",
           "byte-identical" if same else "run.json differs")

    width = max(len(c) for _, c, _, _ in results)
    for category, case, outcome, note in results:
        print(f"{category:<28} {case:<{width}}  {outcome:<11} {note}")
    print()
    totals: dict[str, Counter] = {}
    for category, _, outcome, _ in results:
        totals.setdefault(category, Counter())[outcome] += 1
    for category, counts in totals.items():
        print(f"{category:<28} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    all_counts = Counter(o for _, _, o, _ in results)
    print(f"{'total':<28} " + ", ".join(f"{k} {v}" for k, v in sorted(all_counts.items())))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
