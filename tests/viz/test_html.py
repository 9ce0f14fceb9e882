import json
import re

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from netkit.errors import EmptyGraphError, ParameterError
from netkit.viz import render_html, view_data, write_html

REMOTE = re.compile(
    r"""(?:src|href|action|data|poster)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)



def _gnm(n, m, rng):
    """A G(n, m) random graph drawn with numpy's seeded generator (igraph's own is global)."""
    pairs = set()
    while len(pairs) < m:
        a, b = rng.integers(0, n, 2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    return ig.Graph(n=n, edges=sorted((int(a), int(b)) for a, b in pairs))

def outside_data(html: str) -> str:
    """The page without its JSON data block (where '<' can never occur)."""
    return re.sub(r'<script type="application/json" id="nk-data">.*?</script>', "", html,
                  flags=re.S)


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="nk-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def small_graph(n=40, m=120, seed=0, labels=None):
    rng = np.random.default_rng(seed)
    g = _gnm(n, m, rng)
    g.vs["name"] = [f"org:t:{i:03d}" for i in range(n)]
    g.vs["label"] = labels or [f"Org {i}" for i in range(n)]
    g.vs["sector"] = list(rng.choice(["university", "firm", "startup", "government"], n))
    g.vs["region"] = list(rng.choice(["North", "South"], n))
    g.vs["country"] = ["XV"] * n
    g.es["weight"] = rng.integers(1, 6, g.ecount()).astype(float).tolist()
    g.es["count"] = [int(w) for w in g.es["weight"]]
    g.es["first_year"] = rng.integers(2010, 2016, g.ecount()).tolist()
    g.es["last_year"] = [y + 2 for y in g.es["first_year"]]
    for k in ("n_publication", "n_patent", "n_contract"):
        g.es[k] = rng.integers(0, 3, g.ecount()).tolist()
    return g


def injected_graph(payloads):
    """A graph with a payload in every string field (names, labels, sectors, regions …)."""
    n = len(payloads)
    g = ig.Graph([(i, (i + 1) % n) for i in range(n)] + [(i, (i + 5) % n) for i in range(n)])
    g.vs["name"] = [f"id{i}:{p}" for i, p in enumerate(payloads)]
    g.vs["label"] = payloads
    g.vs["sector"] = [payloads[(i + 1) % n] for i in range(n)]
    g.vs["region"] = [payloads[(i + 2) % n] for i in range(n)]
    g.vs["country"] = [payloads[(i + 3) % n] for i in range(n)]
    g.vs["city"] = [payloads[(i + 4) % n] for i in range(n)]
    g.es["weight"] = [1.0 + (e % 3) for e in range(g.ecount())]
    g.es["first_year"] = [2010 + e % 5 for e in range(g.ecount())]
    g.es["last_year"] = [2012 + e % 5 for e in range(g.ecount())]
    ends = g.get_edgelist()
    rows = [{"source": g.vs[a]["name"], "target": g.vs[b]["name"],
             "kind": payloads[(k + j) % n], "year": 2011 + j,
             "title": payloads[(k + 7 * j) % n], "event_id": f"ev{k}-{j}"}
            for k, (a, b) in enumerate(ends) for j in range(2)]
    metrics = pd.DataFrame({payloads[0]: np.arange(n, dtype=float),
                            "betweenness": np.linspace(0, 1, n)}, index=g.vs["name"])
    return g, pd.DataFrame(rows), metrics


def test_self_contained_offline_with_csp(tmp_path):
    out = write_html(small_graph(), tmp_path / "v.html", size="degree")
    html = out.read_text(encoding="utf-8")
    assert not REMOTE.search(html)
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*default-src '
                     r"&#39;none&#39;", html)
    assert "script-src &#39;sha256-" in html and "style-src &#39;sha256-" in html
    assert "unsafe-inline" not in html and "unsafe-eval" not in html
    # the page's own scripts and style sheets, and nothing else, are allowed (by hash)
    from netkit.viz.assets import csp_hash
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(scripts) == 2 and len(styles) == 2
    for s in scripts + styles:
        assert csp_hash(s).replace("'", "&#39;") in html
    assert "<script src" not in html and "<link" not in html


def test_data_columns(tmp_path):
    g = small_graph()
    html = render_html(g, size="degree", title="T")
    d = data_of(html)
    assert d["nodes"]["id"] == g.vs["name"]
    assert d["edges"]["from"] == [a for a, _ in g.get_edgelist()]
    assert d["categories"] == [c for c in ("university", "firm", "startup", "government")
                               if c in set(g.vs["sector"])]
    assert d["colors"][d["categories"].index("university")] == "#1f77b4"
    assert d["years"] == [min(g.es["first_year"]), max(g.es["last_year"])]
    assert d["physics"] is True
    deg = np.asarray(g.degree())
    sizes = np.asarray(d["nodes"]["size"])
    assert np.all(np.diff(sizes[np.argsort(deg, kind="stable")]) >= 0)  # size grows with metric
    assert d["size_by"] == "degree" and d["nodes"]["value"] == deg.astype(float).tolist()


def test_size_as_series_and_metrics_panel():
    g = small_graph()
    s = pd.Series(np.arange(40.0)[::-1], index=g.vs["name"], name="my metric")
    metrics = pd.DataFrame({"pagerank": np.linspace(0, 1, 40)}, index=g.vs["name"][::-1])
    d, _ = view_data(g, size=s, metrics=metrics)
    assert d["size_by"] == "my metric"
    assert d["metric_names"] == ["my metric", "pagerank"]
    assert d["metric_values"][1] == pytest.approx(np.linspace(0, 1, 40)[::-1].tolist(), abs=1e-6)
    assert d["nodes"]["size"][0] == max(d["nodes"]["size"])


def test_deterministic(tmp_path):
    g = small_graph()
    a = render_html(g, seed=5, size="degree")
    b = render_html(g, seed=5, size="degree")
    assert a == b
    assert data_of(a)["nodes"]["x"] != data_of(render_html(g, seed=6, size="degree"))["nodes"]["x"]


def test_physics_off_beyond_limit():
    d, _ = view_data(small_graph(n=1100, m=1500), size=None)
    assert d["physics"] is False


def test_backbone_notice_on_page():
    g = small_graph(n=300, m=1500, seed=2)
    html = render_html(g, max_nodes=100, backbone="top", size="degree")
    d = data_of(html)
    assert len(d["nodes"]["id"]) == 100
    assert 'id="nk-notice"' in html and "of 300 organisations" in html and "Left out" in html
    assert d["notice"].startswith("Showing a backbone")


def test_events_behind_ties_from_corpus(tiny_ecosystem):
    import netkit as nk

    corpus, _ = tiny_ecosystem
    g = nk.build.org_graph(corpus)
    d, _ = view_data(g, events=corpus, size="degree", max_events_per_tie=1000)
    ev = d["events"]
    assert len(ev["ptr"]) == g.ecount() + 1
    # every tie lists exactly its joint events (its count), and they are its events
    assert list(np.diff(ev["ptr"])) == g.es["count"]
    titles = corpus.events.set_index("event_id")["title"].astype(str)
    part = corpus.participations.groupby("event_id")["org_id"].apply(set)
    ids = d["nodes"]["id"]
    title_to_events = {}
    for eid, t in titles.items():
        title_to_events.setdefault(t, []).append(eid)
    for j in range(0, g.ecount(), 17):
        u, v = ids[d["edges"]["from"][j]], ids[d["edges"]["to"][j]]
        for i in ev["ev"][ev["ptr"][j]:ev["ptr"][j + 1]]:
            assert any({u, v} <= part[e] for e in title_to_events[ev["title"][i]])


def test_events_limit_and_order():
    g = small_graph(n=3, m=0)
    g.add_edges([(0, 1)], attributes={"weight": [3.0], "count": [3], "first_year": [2001],
                                       "last_year": [2003]})
    rows = pd.DataFrame({"source": ["org:t:001"] * 3, "target": ["org:t:000"] * 3,
                         "kind": ["patent"] * 3, "year": [2001, 2003, 2002],
                         "title": ["a", "c", "b"], "event_id": ["e1", "e3", "e2"]})
    d, _ = view_data(g, events=rows, max_events_per_tie=2, size=None)
    ev = d["events"]
    assert [ev["title"][i] for i in ev["ev"][ev["ptr"][0]:ev["ptr"][1]]] == ["c", "b"]


def test_payloads_escaped_in_html(payloads):
    g, events, metrics = injected_graph(payloads)
    html = render_html(g, events=events, metrics=metrics, size="betweenness",
                       title=payloads[1] + payloads[0])
    # no payload appears raw anywhere, except in ways that cannot run
    for p in payloads:
        if any(ch in p for ch in "<>&"):
            assert p not in html, p
    assert "<img" not in html and "<svg" not in html and "<iframe" not in html
    assert html.lower().count("</script") == 3  # data block, vis, app
    d = data_of(html)
    assert d["nodes"]["label"] == payloads
    assert d["title"] == payloads[1] + payloads[0]
    assert set(d["events"]["title"]) <= set(payloads)
    assert not REMOTE.search(outside_data(html))


def test_errors():
    with pytest.raises(EmptyGraphError):
        render_html(ig.Graph())
    with pytest.raises(ParameterError):
        render_html(small_graph(), color="nope")
    with pytest.raises(ParameterError):
        render_html(small_graph(), size="nope")
    with pytest.raises(ParameterError):
        render_html(nx_graph := __import__("networkx").path_graph(3))  # noqa: F841


def test_atomic_write_keeps_previous_on_crash(tmp_path, monkeypatch):
    out = tmp_path / "v.html"
    write_html(small_graph(), out, size="degree")
    before = out.read_bytes()
    import netkit.viz.html as h

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(h.os, "replace", boom)
    with pytest.raises(RuntimeError):
        write_html(small_graph(seed=9), out, size="degree")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.html"]


def test_backbone_on_too_many_edges():
    g = small_graph(n=200, m=3000, seed=4)
    d, notice = view_data(g, max_nodes=None, max_edges=500, backbone="top", size="degree")
    assert len(d["edges"]["from"]) <= 500 + 200
    assert len(d["nodes"]["id"]) == 200 and "of 3,000 ties" in notice
    d, notice = view_data(g, max_nodes=None, max_edges=None, size="degree")
    assert notice is None and len(d["edges"]["from"]) == g.ecount()


def test_untitled_events_are_named_by_id_and_source():
    """A tie whose events have no title lists the event id and source (issue 17)."""
    import igraph as ig

    from netkit.model import Corpus
    from netkit.viz.html import view_data

    corpus = Corpus(
        organizations={"org_id": ["a", "b"], "name": ["A", "B"], "sector": ["firm", "firm"]},
        events={"event_id": ["con:cordis:1", "con:cordis:2"], "kind": ["contract"] * 2,
                "year": [2019, 2020], "title": [None, "Named"], "source": ["cordis"] * 2},
        participations={"event_id": ["con:cordis:1", "con:cordis:1", "con:cordis:2",
                                     "con:cordis:2"],
                        "org_id": ["a", "b", "a", "b"], "role": ["participant"] * 4},
    )
    g = ig.Graph([(0, 1)])
    g.vs["name"] = ["a", "b"]
    g.vs["sector"] = ["firm", "firm"]
    data, _ = view_data(g, events=corpus, size=None)
    assert sorted(data["events"]["title"]) == ["Named", "con:cordis:1 (cordis)"]
