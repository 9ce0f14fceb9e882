"""The report's index.html and network.html in headless Chromium, network blocked."""

import importlib.util
from pathlib import Path

import pytest

from netkit.report import write_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# the blocked-page helper of the viz tests (same rules: every request blocked and recorded)
_spec = importlib.util.spec_from_file_location(
    "viz_conftest", Path(__file__).parents[1] / "viz" / "conftest.py")
_viz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_viz)

FAST = {"diffusion": {"runs": 30, "max_steps": 15}, "before_after": {"bootstrap": 100}}
INJECTED = "img, iframe, object, embed, script[src], a[href^='javascript'], details, math"


@pytest.fixture(scope="module")
def browser(chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=_viz.BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def injected_report(tmp_path_factory, injected_corpus, payloads):
    out = tmp_path_factory.mktemp("rep") / "report"
    write_report({"title": payloads[1] + payloads[0], "seed": 2, **FAST}, out,
                 corpus=injected_corpus)
    return out


def test_report_pages_open_offline(browser, injected_report, artifacts_dir, injected_corpus):
    import netkit as nk

    page = _viz.Page(browser)
    try:
        p = page.open(injected_report / "index.html", wait_rendered=False)
        p.wait_for_load_state("load")
        assert p.locator("section").count() == 9
        assert p.locator("figure.chart svg").count() >= 9
        p.screenshot(path=str(artifacts_dir / "report_index.png"), full_page=False)
        assert p.evaluate(f"document.querySelectorAll({INJECTED!r}).length") == 0
        assert p.evaluate("window.__pwned") is False
        # the network view of the report renders every organisation of the graph that has
        # a tie, and the others when asked
        g = nk.build.org_graph(injected_corpus)
        p = page.open(injected_report / "network.html")
        assert p.evaluate("nkView.nodes.length") == sum(d > 0 for d in g.degree())
        p.locator("#nk-isolated").check()
        assert p.evaluate("nkView.nodes.length") == g.vcount()
        for i in range(0, g.vcount(), 3):
            p.evaluate(f"nkShowNode({i})")
        for j in range(0, g.ecount(), 7):
            p.evaluate(f"nkShowEdge({j})")
        p.screenshot(path=str(artifacts_dir / "report_network.png"))
        assert p.evaluate(f"document.querySelectorAll({INJECTED!r}).length") == 0
        assert p.evaluate("window.__pwned") is False
        assert page.dialogs == []
        assert page.requests == []
        assert page.errors == []
    finally:
        page.close()
