"""Real-browser fixtures: the built site on 127.0.0.1, Debian's Chromium driven by Playwright.

Where Chromium is missing the browser tests skip with a message saying how
to install it, except under CI (CI=true or REQUIRE_BROWSER=1), where a
missing browser is a failure: they must run there, never skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser_support import ROOT


# `browser` (one Playwright per test process) lives in tests/conftest.py: Playwright's sync API cannot start twice in
# one process, and the parity tests outside this folder drive Chromium too.


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def _served(directory: Path):
    """`directory` served by a local HTTP server on a free port of 127.0.0.1; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    """The built site on 127.0.0.1."""
    with _served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def synthetic_charts_url(tmp_path_factory: pytest.TempPathFactory):
    """A page with the charts of a made-up 150-model, 13-vendor catalog (tests/synthetic.py), in a column
    as wide as the site's (at most 688 px) with the site's CSS: the charts at the size the data is growing to."""
    from catalog.charts import model_price_chart, site_charts
    from synthetic import large_catalog

    catalog = large_catalog()
    charts = site_charts(catalog) + [c for m in catalog.models.values() if (c := model_price_chart(m, catalog.as_of))][:3]
    directory = tmp_path_factory.mktemp("synthetic-charts")
    shutil.copy(ROOT / "docs" / "assets" / "site.css", directory / "site.css")
    figures = "".join(f'<figure class="chart-figure"><div class="chart-box">{c.svg}</div></figure>' for c in charts)
    (directory / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        '<title>Synthetic charts</title><link rel="icon" href="data:,"><link rel="stylesheet" href="site.css">'
        '<style>figure { margin: 1em 0; } body { margin: 0; padding: 0 16px; '
        'font: 16px -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; } .md-typeset { max-width: 688px; margin: auto; }'
        f'</style></head><body><main class="md-typeset">{figures}</main></body></html>', encoding="utf-8")
    with _served(directory) as url:
        yield url


class Watch:
    """Every request that leaves 127.0.0.1 and every console error, per page."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []

    def attach(self, page) -> None:
        page.on("request", self._request)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _request(self, request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1",):
            self.outside.append(request.url)


@pytest.fixture
def watch():
    return Watch()


def _page(browser, watch: Watch, width: int, height: int, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    watch.attach(page)
    return context, page


@pytest.fixture
def page(browser, watch):
    context, page = _page(browser, watch, 1280, 900)
    yield page
    context.close()
    assert not watch.outside, f"requests left 127.0.0.1: {watch.outside}"
    assert not watch.errors, f"console errors: {watch.errors}"


@pytest.fixture
def new_page(browser, watch):
    """Pages of other sizes and colour schemes, with the same checks."""
    contexts = []

    def make(width: int, height: int = 900, scheme: str = "light"):
        context, page = _page(browser, watch, width, height, scheme)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not watch.outside, f"requests left 127.0.0.1: {watch.outside}"
    assert not watch.errors, f"console errors: {watch.errors}"
