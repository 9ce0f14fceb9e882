import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from netkit.errors import ParameterError
from netkit.model import sha256_file
from netkit.report import REPORT_FILES, write_report

FAST = {"diffusion": {"runs": 30, "max_steps": 15}, "before_after": {"bootstrap": 100}}
SECTION_TITLES = ["Data and accounting", "Network overview", "Sector mixing and Triple Helix",
                  "Top brokers", "Diffusion speed", "Dynamics over time", "Talent mobility",
                  "Regions", "Before and after"]
REMOTE = re.compile(r"""<(?:script|link|img|iframe|object|embed)\b[^>]*\b(?:src|href|data)\s*=\s*["']?\s*(?:https?:)?//"""
                    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def elements(html: str) -> list[tuple[str, list]]:
    """Every element (tag, attributes) a browser's parser would create from the page."""
    p = _Elements()
    p.feed(html)
    return p.found


def allowed_links(html: str) -> list[str]:
    """The page's own links: sections, report files and tables."""
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    for h in hrefs:
        assert re.fullmatch(r"#\w+|[\w./-]+\.(?:html|json|md|graphml|gexf|csv)", h), h
    return hrefs


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, tiny_ecosystem):
    return tiny_ecosystem[0].save(tmp_path_factory.mktemp("in") / "corpus")


@pytest.fixture(scope="module")
def report(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("rep") / "report"
    cfg = {"title": "Tiny ecosystem", "seed": 3, "inputs": [{"path": str(corpus_dir)}],
           "resolve": {"enabled": False}, **FAST}
    write_report(cfg, out)
    return out


@pytest.mark.slow
def test_folder_contents(report):
    names = {p.name for p in report.iterdir()}
    assert set(REPORT_FILES) | {"tables"} == names
    tables = {p.name for p in (report / "tables").iterdir()}
    assert {"inputs.csv", "brokers.csv", "dynamics.csv", "before_after.csv",
            "mixing.csv", "mobility_sector_flows.csv", "region_density.csv",
            "diffusion_curves.csv"} <= tables
    html = (report / "index.html").read_text(encoding="utf-8")
    for title in SECTION_TITLES:
        assert title in html
    assert html.count("<svg") >= 9  # charts inline
    assert "Content-Security-Policy" in html and "<script" not in html
    md = (report / "report.md").read_text(encoding="utf-8")
    for title in SECTION_TITLES:
        assert title in md
    for name in ("index.html", "report.md", "network.html"):
        text = (report / name).read_text(encoding="utf-8")
        assert not REMOTE.search(re.sub(r'<script type="application/json".*?</script>', "",
                                        text, flags=re.S)), name


@pytest.mark.slow
def test_run_json_provenance(report, corpus_dir, tiny_ecosystem):
    run = json.loads((report / "run.json").read_text(encoding="utf-8"))
    assert run["seed"] == 3 and run["config"]["title"] == "Tiny ecosystem"
    assert {"netkit", "python-igraph", "pandas", "numpy", "matplotlib"} <= set(run["versions"])
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file())
    assert [i["path"] for i in run["inputs"]] == [str(p) for p in files]
    assert [i["sha256"] for i in run["inputs"]] == [sha256_file(p) for p in files]
    for rel, digest in run["outputs"].items():
        assert sha256_file(report / rel) == digest
    assert "run.json" not in run["outputs"]
    assert run["corpus"]["events"] == tiny_ecosystem[0].n_events


@pytest.mark.slow
def test_accounting_from_files(tmp_path, real_data):
    folder = real_data / "wos-plaintext"
    out = tmp_path / "r"
    cfg = {"inputs": [{"path": str(folder), "format": "auto"}], "seed": 1,
           "analyses": {"diffusion": False, "before_after": False, "mobility": False}}
    write_report(cfg, out)
    acc = (out / "tables" / "accounting.csv").read_text(encoding="utf-8").splitlines()
    assert acc[0] == "file,format,records_seen,loaded,quarantined,duplicates"
    assert acc[-1].startswith("total,")
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    for entry in run["inputs"]:
        assert entry["records_seen"] == entry["loaded"] + entry["quarantined"] + entry["duplicates"]


@pytest.mark.slow
def test_byte_identical_rerun(tmp_path, monkeypatch, tiny_ecosystem):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "r"
    cfg = {"title": "Repro", "seed": 5, **FAST}
    write_report(cfg, out, corpus=tiny_ecosystem[0])
    first = files_of(out)
    write_report(cfg, out, corpus=tiny_ecosystem[0])
    assert files_of(out) == first
    assert json.loads(first["run.json"])["generated"] == "2023-11-14T22:13:20Z"
    assert b"2023-11-14T22:13:20Z" in first["index.html"]


@pytest.mark.slow
def test_crash_leaves_previous_report_intact(tmp_path, monkeypatch, tiny_ecosystem):
    out = tmp_path / "r"
    cfg = {"title": "Before crash", "seed": 1, **FAST}
    write_report(cfg, out, corpus=tiny_ecosystem[0])
    before = files_of(out)
    import netkit.report.render as render

    def boom(*args, **kwargs):
        raise RuntimeError("disk full while writing index.html")

    monkeypatch.setattr(render, "render_html", boom)
    monkeypatch.setattr("netkit.report.writer.render_html", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        write_report({**cfg, "title": "After crash"}, out, corpus=tiny_ecosystem[0])
    assert files_of(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no staging folder left


def test_refuses_to_overwrite_inputs(tmp_path, corpus_dir):
    cfg = {"inputs": [{"path": str(corpus_dir)}], **FAST}
    before = files_of(corpus_dir)
    with pytest.raises(ParameterError, match="refusing to overwrite an input"):
        write_report(cfg, corpus_dir)
    with pytest.raises(ParameterError, match="inside the input folder"):
        write_report(cfg, corpus_dir / "report")
    with pytest.raises(ParameterError, match="refusing to overwrite an input"):
        write_report(cfg, corpus_dir.parent)
    assert files_of(corpus_dir) == before
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "cat.jpg").write_bytes(b"x")
    with pytest.raises(ParameterError, match="not a netkit report"):
        write_report({"synthetic": {"size": "tiny"}}, foreign)
    assert (foreign / "cat.jpg").read_bytes() == b"x"


@pytest.mark.slow
def test_injection_is_escaped(tmp_path, injected_corpus, payloads):
    out = tmp_path / "inj"
    write_report({"title": payloads[1], "seed": 1, **FAST}, out, corpus=injected_corpus)
    html = (out / "index.html").read_text(encoding="utf-8")
    tags = elements(html)
    assert {t for t, _ in tags} & {"script", "img", "iframe", "object", "embed", "link",
                                   "details", "math", "body"} == {"body"}
    for tag, attrs in tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name)
    assert [a for t, attrs in tags if t == "a" for a in attrs if a[0] == "href"] == [
        ("href", h) for h in allowed_links(html)]
    for p in payloads:
        if "<" in p:
            assert p not in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<img" not in md and "<script" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # only escaped brackets
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            header_cells = len(cells)
            assert header_cells >= 3
    # CSV: cells that start like a formula are neutralised
    import csv

    for path in (out / "tables").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell[:1] in ("=", "+", "@"):
                        raise AssertionError(f"{path.name}: {cell!r}")
                    if cell.startswith("-") and not re.fullmatch(r"-[\d.eE+-]+|-inf", cell):
                        raise AssertionError(f"{path.name}: {cell!r}")


@pytest.mark.slow
def test_cli_report_on_bundled_datasets(tmp_path, monkeypatch, capsys):
    """``netkit report --config scripts/report.toml`` on the bundled sample files."""
    from netkit.cli import main

    root = Path(__file__).resolve().parents[2]
    cfg = tmp_path / "report.toml"
    text = (root / "scripts" / "report.toml").read_text(encoding="utf-8")
    text = text.replace('"../datasets/', f'"{(root / "datasets").as_posix()}/')
    text = text.replace("runs = 300", "runs = 50").replace("null_samples = 100", "null_samples = 10")
    text = text.replace("bootstrap = 500", "bootstrap = 100").replace("permutations = 500",
                                                                      "permutations = 100")
    cfg.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--config", str(cfg), "--out", str(out)]) == 0
    assert "report written to" in capsys.readouterr().out
    acc = (out / "tables" / "accounting.csv").read_text(encoding="utf-8").splitlines()
    assert len(acc) > 10 and acc[-1].startswith("total,")
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["command"].startswith("netkit report --config")
    assert (out / "tables" / "resolution_audit.csv").is_file()
    ba = (out / "tables" / "before_after.csv").read_text(encoding="utf-8")
    assert "univ_startup_share_new" in ba


def test_empty_after_filters_is_a_clear_error(tmp_path, tiny_ecosystem):
    from netkit.errors import EmptyGraphError

    with pytest.raises(EmptyGraphError, match=r"after the filters \(graph.years = \[1900, 1901\]\)"):
        write_report({"graph": {"years": [1900, 1901]}}, tmp_path / "r",
                     corpus=tiny_ecosystem[0])
    assert not (tmp_path / "r").exists()
