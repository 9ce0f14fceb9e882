"""The network view in headless Chromium with the network blocked."""

import importlib.util
import re

import pytest

from netkit.viz import write_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_spec = importlib.util.spec_from_file_location("viz_test_html", __file__.replace(
    "test_browser.py", "test_html.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)
injected_graph = _helpers.injected_graph

INJECTED = "img, svg, iframe, object, embed, a, link[href], script[src], body[onload], details"


def test_view_renders_offline(tmp_path, blocked_page, artifacts_dir, small_ecosystem):
    import netkit as nk

    corpus, _ = small_ecosystem
    g = nk.build.org_graph(corpus)
    g.add_vertices(3, {"name": ["lone:1", "lone:2", "lone:3"], "sector": "startup"})
    path = write_html(g, tmp_path / "network.html", events=corpus, title="small ecosystem")
    page = blocked_page.open(path)
    tied = [d > 0 for d in g.degree()]
    # organisations without ties are hidden until the box is ticked
    assert page.evaluate("nkView.nodes.length") == sum(tied)
    page.locator("#nk-isolated").check()
    assert page.evaluate("nkView.nodes.length") == g.vcount()
    assert page.evaluate("nkView.edges.length") == g.ecount()
    assert page.evaluate("document.querySelectorAll('#nk-network canvas').length") == 1
    # every node carries its label; small ones are drawn only when zoomed in
    fonts = page.evaluate("nkView.nodes.get().map(function (x) { return [x.label, x.font.size]; })")
    assert all(label for label, _ in fonts)
    assert {size for _, size in fonts} == {5, 14}
    # filters: one sector off, then a year window
    sector = page.evaluate("nkView.data.categories[0]")
    expected = sum(1 for s in g.vs["sector"] if s != sector)
    page.locator("#nk-legend input").first.uncheck()
    assert page.evaluate("nkView.nodes.length") == expected
    page.locator("#nk-legend input").first.check()
    page.fill("#nk-year-to", str(page.evaluate("nkView.data.years[0]")))
    page.dispatch_event("#nk-year-to", "change")
    first = page.evaluate("nkView.data.years[0]")
    assert page.evaluate("nkView.edges.length") == sum(1 for y in g.es["first_year"] if y <= first)
    # search selects and shows an organisation
    label = g.vs[0]["label"]
    page.fill("#nk-search", label)
    page.press("#nk-search", "Enter")
    assert page.locator("#nk-details h3").text_content() == label
    page.screenshot(path=str(artifacts_dir / "viz_network_small.png"))
    assert blocked_page.requests == []
    assert blocked_page.errors == []


def test_injection_corpus_never_executes(tmp_path, blocked_page, artifacts_dir, payloads):
    g, events, metrics = injected_graph(payloads)
    path = write_html(g, tmp_path / "inj.html", events=events, metrics=metrics,
                      size="betweenness", title=payloads[1] + payloads[0], physics=False)
    page = blocked_page.open(path)
    n = g.vcount()
    assert page.evaluate("nkView.nodes.length") == n
    assert page.title() == payloads[1] + payloads[0]
    box = page.locator("#nk-network").bounding_box()
    for i in range(n):
        xy = page.evaluate(f"nkNetwork.canvasToDOM(nkNetwork.getPosition({i}))")
        x, y = box["x"] + xy["x"], box["y"] + xy["y"]
        page.mouse.move(x, y)
        page.wait_for_timeout(5)
        page.mouse.click(x, y)
        shown = page.locator("#nk-details h3").text_content()
        assert shown == payloads[i], f"node {i}"
        # the tooltip is text: innerText makes <br> of line breaks, and nothing else
        assert page.evaluate("Array.from((document.querySelector('.vis-tooltip') || "
                             "{children: []}).children).every(c => c.tagName === 'BR')")
    for j in range(g.ecount()):
        page.evaluate(f"nkShowEdge({j})")
        items = page.locator("#nk-details li").all_text_contents()
        assert len(items) == 2
    # the sector legend and the region menu hold the payloads as text
    legend = page.locator("#nk-legend").text_content()
    assert payloads[0] in legend
    options = page.locator("#nk-region option").all_text_contents()
    assert set(options[1:]) == set(g.vs["region"])
    tips = page.evaluate("(document.querySelector('.vis-tooltip') || {}).textContent")
    assert tips and any(p in tips for p in payloads)  # a payload was shown, as text
    page.screenshot(path=str(artifacts_dir / "viz_network_injection.png"))
    assert page.evaluate("window.__pwned") is False
    assert blocked_page.dialogs == []
    assert page.evaluate(f"document.querySelectorAll({INJECTED!r}).length") == 0
    assert blocked_page.requests == []
    assert [e for e in blocked_page.errors if not re.search(r"favicon", e)] == []
