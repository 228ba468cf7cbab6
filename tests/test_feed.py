"""The change feed: valid Atom, entries that match the data's own dates, linked from every page head."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import feedparser
from bs4 import BeautifulSoup
from factories import model
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.feed import atom_feed, change_entries, changes_json
from catalog.model import Catalog, Retirement

CATALOG = real_catalog()
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://llm-compare.example/"


def expected_changes(catalog: Catalog) -> set[tuple[str, str, str]]:
    """What the feed must hold, computed straight from the data."""
    out = set()
    for m in catalog.models.values():
        out.add(("new_model", m.id, m.released.isoformat()))
        out |= {("price_change", m.id, p.since.isoformat()) for p in m.pricing[1:]}
        if m.retirement and m.retirement.announced:
            out.add(("deprecation", m.id, m.retirement.announced.isoformat()))
        if m.retirement and m.retirement.shutdown:
            out.add(("shutdown", m.id, m.retirement.shutdown.isoformat()))
    return {c for c in out if c[2] <= catalog.as_of.isoformat()}


def test_feed_is_valid_atom_with_every_required_element(built_site):
    raw = (built_site / "feed.xml").read_bytes()
    parsed = feedparser.parse(raw)
    assert parsed.version == "atom10" and not parsed.bozo, parsed.get("bozo_exception")
    root = ET.fromstring(raw)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), f"feed has no {name}"
    assert root.findtext(f"{ATOM}updated") == f"{CATALOG.as_of.isoformat()}T00:00:00+00:00"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    entries = root.findall(f"{ATOM}entry")
    assert entries
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), f"entry has no {name}"
        links = entry.findall(f"{ATOM}link")
        # Atom: at most one rel=alternate (the default rel) per type.
        assert len(links) == 1 and links[0].get("href", "").startswith(BASE + "models/")


def test_feed_entries_match_the_data(built_site):
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    found = set()
    for entry in parsed.entries:
        kind = entry.tags[0].term
        model_id = entry.link.removeprefix(BASE + "models/").rstrip("/")
        found.add((kind, model_id, entry.updated[:10]))
        source = next(s for s in CATALOG.models[model_id].sources.values() if s.url in entry.content[0].value)
        assert source.url.startswith(("https://", "http://"))
    assert found == expected_changes(CATALOG)
    gpt4o = CATALOG.models["gpt-4o"]
    assert gpt4o.retirement.shutdown > CATALOG.as_of
    assert ("shutdown", "gpt-4o", gpt4o.retirement.shutdown.isoformat()) not in found  # not happened yet
    assert ("deprecation", "gpt-4o", gpt4o.retirement.announced.isoformat()) in found
    assert ("price_change", "gpt-4o", "2024-10-02") in found


def test_changes_json_lists_the_feed_entries_with_date_and_source(built_site):
    doc = json.loads((built_site / "changes.json").read_text(encoding="utf-8"))
    assert (doc["format"], doc["as_of"]) == ("llm-compare/changes", CATALOG.as_of.isoformat())
    assert {(c["kind"], c["model"], c["date"]) for c in doc["changes"]} == expected_changes(CATALOG)
    assert all(c["source"]["url"].startswith(("https://", "http://")) for c in doc["changes"])
    dates = [c["date"] for c in doc["changes"]]
    assert dates == sorted(dates, reverse=True)
    change = next(c for c in doc["changes"] if (c["kind"], c["model"]) == ("price_change", "gpt-4o"))
    assert change["summary"] == "GPT-4o price from Oct 2, 2024: input $5.00 → $2.50 (-50%); output $15.00 → $10.00 (-33%), USD per 1M tokens."
    assert change["source"]["url"] == "https://openai.com/index/api-prompt-caching/"


def test_every_page_head_links_the_feed(site_elements):
    pages = [name for name in site_elements if name.rsplit("/", 1)[-1] == "index.html"]
    assert len(pages) > 50
    for page in pages:
        link = next((attrs for tag, attrs, in_head in site_elements[page] if tag == "link" and in_head
                     and "alternate" in attrs.get("rel", "").split() and attrs.get("type") == "application/atom+xml"), None)
        assert link is not None, page
        here = posixpath.dirname(page)
        assert posixpath.normpath(posixpath.join(here, link["href"])) == "feed.xml", page


def test_feed_is_deterministic_and_dated_by_the_data_not_the_clock():
    first = atom_feed(CATALOG, BASE, "LLM Compare")
    assert first == atom_feed(CATALOG, BASE, "LLM Compare")
    stamps = {e.findtext(f"{ATOM}updated")[:10] for e in ET.fromstring(first).iter() if e.tag == f"{ATOM}entry"}
    assert max(stamps) <= CATALOG.as_of.isoformat()
    assert changes_json(CATALOG, BASE) == changes_json(CATALOG, BASE)


def test_hostile_names_stay_text_in_the_feed_and_future_changes_are_left_out():
    from catalog.model import Source
    src = Source("d", "<b>Deprecations</b>", "https://example.org/d")
    hostile = model("evil", name="<script>alert(1)</script> & co",
                    retirement=Retirement(src, date(2024, 6, 1), date(2099, 1, 1), "ok"))
    catalog = replace(CATALOG, models={"evil": hostile}, checked=date(2024, 12, 31))
    assert [(e.kind, e.day) for e in change_entries(catalog)] == [("deprecation", date(2024, 6, 1)), ("new_model", date(2024, 5, 13))]
    raw = atom_feed(catalog, BASE, "LLM Compare")
    parsed = feedparser.parse(raw)
    assert not parsed.bozo
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(raw).findall(f"{ATOM}entry")]
    assert titles[0] == "Deprecation: <script>alert(1)</script> & co (Acme)"
    assert b"<script>" not in raw
    content = ET.fromstring(raw).find(f"{ATOM}entry/{ATOM}content").text
    assert "&lt;b&gt;Deprecations&lt;/b&gt;" in content and '<a href="https://example.org/d">' in content
