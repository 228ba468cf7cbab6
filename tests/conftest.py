"""Shared fixtures: the repository paths, a copy of the site to build, and a warning guard."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import ROOT, copy_project  # noqa: F401 - the fixture below uses it

os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project (config, docs, hooks, data) to edit and build."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def real_catalog():
    """The real data, parsed and checked once per test process (module-level constants use helpers.real_catalog)."""
    from helpers import real_catalog as parsed
    return parsed()


class WarningGuard(logging.Handler):
    """Collects every WARNING or worse that MkDocs, a plugin or a hook logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def no_warnings():
    """Fails the test if the build logs any warning at all (strict mode sees only some)."""
    guard = WarningGuard()
    logging.getLogger().addHandler(guard)
    yield guard
    logging.getLogger().removeHandler(guard)
    unexpected = [f"{r.name}: {r.getMessage()}" for r in guard.records]
    assert not unexpected, "unexpected warnings:\n" + "\n".join(unexpected)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with strict mode, in process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("site")
    guard = WarningGuard()
    logging.getLogger().addHandler(guard)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
    finally:
        logging.getLogger().removeHandler(guard)
    assert not guard.records, [r.getMessage() for r in guard.records]
    return site


class _Elements(HTMLParser):
    """The link-bearing elements of one page, with their attributes and whether they sit in <head>."""

    TAGS = {"a", "script", "link", "img", "iframe"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str], bool]] = []
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif tag in self.TAGS:
            self.found.append((tag, {k: v or "" for k, v in attrs}, self.in_head))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


@pytest.fixture(scope="session")
def site_elements(built_site: Path) -> dict[str, list[tuple[str, dict[str, str], bool]]]:
    """Every built page's a/script/link/img/iframe elements, read once per run for the tests that check them all."""
    pages = {}
    for html in sorted(built_site.rglob("*.html")):
        parser = _Elements()
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html.relative_to(built_site).as_posix()] = parser.found
    return pages


# --- one Chromium per test process ------------------------------------------------------------------
# Shared by tests/browser/ and the parity tests (test_parity.py, test_bill_parity.py): Playwright's sync API runs an
# event loop of its own and cannot be started a second time in a process while the first is open, so every module
# that drives Chromium takes this one fixture.

def _browser_required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def browser():
    sys.path.insert(0, str(Path(__file__).parent / "browser"))
    from browser_support import ARGS, CHROMIUM

    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` (Debian) or set CHROMIUM=/path"
        if _browser_required():
            pytest.fail(message + " (browser tests must run in CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()

