"""Fixtures of the viz tests: the injection corpus and a network-blocked Chromium page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PAYLOADS_FILE = Path(__file__).with_name("injection_payloads.json")
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def payloads() -> list[str]:
    """Strings that must never execute (XSS, script-closing, formula injection …)."""
    return json.loads(PAYLOADS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser(chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        yield b
        b.close()


class Page:
    """A page with every network request blocked and recorded, and JS problems recorded."""

    def __init__(self, browser):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("request", self._request)
        # a payload that runs would set this flag (or open a dialog)
        self.page.add_init_script("window.__pwned = false;")

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def _request(self, request):
        if not request.url.startswith(("file:", "data:")) and request.url not in self.requests:
            self.requests.append(request.url)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg):
        if msg.type in ("error", "warning"):
            self.errors.append(f"console {msg.type}: {msg.text}")

    def open(self, path: Path, *, wait_rendered: bool = True):
        self.page.goto(path.resolve().as_uri())
        if wait_rendered:
            self.page.wait_for_selector("body[data-rendered='1']", state="attached",
                                        timeout=60_000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def blocked_page(browser):
    page = Page(browser)
    yield page
    page.close()
