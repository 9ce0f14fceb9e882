import json
import re

import pytest

from netkit.cli import main


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, tiny_ecosystem):
    corpus, _ = tiny_ecosystem
    return corpus.save(tmp_path_factory.mktemp("corpus") / "c")


def _data(path):
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="nk-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_view_corpus_dir(corpus_dir, tmp_path, tiny_ecosystem, capsys):
    import netkit as nk

    out = tmp_path / "v.html"
    assert main(["view", str(corpus_dir), "--out", str(out), "--title", "T<1>"]) == 0
    g = nk.build.org_graph(tiny_ecosystem[0])
    d = _data(out)
    assert d["title"] == "T<1>" and len(d["nodes"]["id"]) == g.vcount()
    assert d["size_by"] == "betweenness" and d["events"] is not None
    assert "view written to" in capsys.readouterr().out


def test_view_years_and_graph_file(corpus_dir, tmp_path, tiny_ecosystem):
    import netkit as nk

    corpus = tiny_ecosystem[0]
    out = tmp_path / "v.html"
    assert main(["view", str(corpus_dir), "--out", str(out), "--years", "2015-2016",
                 "--size", "degree"]) == 0
    g = nk.build.org_graph(corpus.filter(years=(2015, 2016)))
    d = _data(out)
    assert len(d["nodes"]["id"]) == g.vcount()
    assert d["years"][0] >= 2015 and d["years"][1] <= 2016
    gml = tmp_path / "g.graphml"
    nk.build.org_graph(corpus).write_graphml(str(gml))
    assert main(["view", str(gml), "--out", str(out), "--max-nodes", "10",
                 "--backbone", "top"]) == 0
    d = _data(out)
    assert len(d["nodes"]["id"]) == 10 and d["notice"].startswith("Showing a backbone")


def test_view_refuses_to_overwrite_input(tmp_path, tiny_ecosystem, capsys):
    import netkit as nk

    gml = tmp_path / "g.graphml"
    nk.build.org_graph(tiny_ecosystem[0]).write_graphml(str(gml))
    before = gml.read_bytes()
    assert main(["view", str(gml), "--out", str(gml)]) == 2
    assert gml.read_bytes() == before
    assert "refusing to overwrite" in capsys.readouterr().err


def test_view_missing_input(tmp_path, capsys):
    assert main(["view", str(tmp_path / "nope"), "--out", str(tmp_path / "v.html")]) == 2
    assert "no such file" in capsys.readouterr().err
