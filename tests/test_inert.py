"""Data text is data: HTML, Markdown links and Jinja typed into any text field show as typed."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from helpers import run_build
from sample import dump

from catalog.yamlsource import load

PAYLOAD = '<script>alert("xss")</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) {{ config.site_name }} {% raw %}*em* | pipe &amp; `code` :smile: ==mark=='


def _inject(data: dict) -> None:
    """Put the payload into every free-text field of the data file."""
    for vendor in data["vendors"].values():
        vendor["name"] = "Vendor " + PAYLOAD
    for bench in data["benchmarks"].values():
        bench["name"] = "Bench " + PAYLOAD[:150]
        bench["description"] = PAYLOAD
    for model in data["models"].values():
        model["name"] = "Model " + PAYLOAD[:150]
        model["summary"] = PAYLOAD
        model["strengths"] = [PAYLOAD[:190]]
        model["limitations"] = [PAYLOAD[:190]]
        for score in model.get("scores", {}).values():
            score["note"] = PAYLOAD[:190]
        for entry in model.get("pricing", []):
            entry["note"] = PAYLOAD
        for source in model["sources"].values():
            source["title"] = "Source " + PAYLOAD[:150]
            source["publisher"] = PAYLOAD[:190]
        if "announced_modalities" in model:
            model["announced_modalities"]["note"] = PAYLOAD
        for caveat in model.get("caveats", []):
            # A caveat about the replacement or an early price is read by the rules: keep that word.
            if caveat["about"] not in ("replacement", "price_before_release"):
                caveat["about"] = PAYLOAD[:190]
            caveat["text"] = PAYLOAD
    for comparison in data.get("comparisons", []):
        comparison["intro"] = comparison["conclusion"] = PAYLOAD
        for item in comparison.get("differences", []):
            item["title"], item["text"] = PAYLOAD[:190], PAYLOAD
        for item in comparison.get("corrections", []):
            item["claim"], item["correction"] = PAYLOAD, PAYLOAD
        comparison["choose"] = {key: PAYLOAD for key in comparison.get("choose", {})}
        for source in comparison.get("sources", {}).values():
            source["title"] = "Source " + PAYLOAD[:150]
    for app in data.get("applications", {}).values():
        app["name"] = "App " + PAYLOAD[:150]
        app["summary"] = app["guidance"] = PAYLOAD


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from helpers import ROOT
    import shutil
    project = tmp_path_factory.mktemp("hostile")
    for name in ("docs", "hooks", "data", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    data = load(project / "data" / "models.yaml", "models.yaml").data
    _inject(data)
    (project / "data" / "models.yaml").write_text(dump(data), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class _Injected(HTMLParser):
    """Elements the payload would make if any of it were read as markup (one stdlib pass per page: a parse tree of
    every page of the hostile site took 43 s)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.in_script = tag == "script"
        if (tag == "img" and a.get("src") == "x") or "onerror" in a or tag == "mark" \
                or (tag == "a" and a.get("href", "").strip().lower().startswith("javascript")):
            self.found.append(f"<{tag} {a}>")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.in_script and "xss" in data:
            self.found.append(f"<script>{data[:80]}")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_no_injected_markup_becomes_an_element(hostile_site):
    for html in hostile_site.rglob("*.html"):
        parser = _Injected()
        parser.feed(html.read_text(encoding="utf-8"))
        assert not parser.found, (html, parser.found[:5])


def test_the_injected_element_scan_finds_what_it_is_for():
    parser = _Injected()
    parser.feed('<p><script>xss()</script><img src=x><b onerror=alert(1)>b</b><a href=" JavaScript:go()">a</a><mark>m</mark></p>')
    assert len(parser.found) == 5, parser.found
    clean = _Injected()
    clean.feed("<p>&lt;script&gt;xss()&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p><script>var ok = 1;</script>")
    assert clean.found == []


def test_injected_text_shows_as_typed(hostile_site):
    doc = BeautifulSoup((hostile_site / "models" / "gpt-4o" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = doc.get_text()
    assert PAYLOAD in text  # summary, verbatim: not rendered by Jinja, Markdown or HTML
    assert doc.title.get_text().startswith("Model <script>")
    for page in ("compare/gpt-4o-vs-gpt-4o-mini", "applications/chatbots", "key-differences", "charts", "retiring", "data-status"):
        other = BeautifulSoup((hostile_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert PAYLOAD[:150] in other.get_text(), page


def test_injected_text_in_the_search_index_stays_text(hostile_site):
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<script>" not in doc["text"] and "<img" not in doc["text"], doc["location"]
        assert "<script>" not in doc["title"], doc["location"]


def test_injected_text_stays_text_in_the_feed_and_the_json(hostile_site):
    import xml.etree.ElementTree as ET

    import feedparser
    raw = (hostile_site / "feed.xml").read_bytes()
    assert not feedparser.parse(raw).bozo
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(raw)
    assert not [e for e in root.iter() if not e.tag.startswith(atom)], "no element outside the Atom namespace"
    titles = [e.findtext(f"{atom}title") for e in root.findall(f"{atom}entry")]
    assert all(t.split(": ", 1)[1].startswith("Model " + PAYLOAD[:150]) for t in titles)
    changes = json.loads((hostile_site / "changes.json").read_text(encoding="utf-8"))["changes"]
    assert changes[0]["model_name"] == "Model " + PAYLOAD[:150]
    model = json.loads((hostile_site / "api" / "models" / "gpt-4o.json").read_text(encoding="utf-8"))["model"]
    assert model["summary"] == PAYLOAD and model["caveats"][0]["text"] == PAYLOAD
