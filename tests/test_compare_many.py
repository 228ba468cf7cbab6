"""The compare-several page as built: every model to pick, grouped by vendor, retired flagged; linked where readers compare."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urljoin, urlparse

from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.views import build_views, many_default

CATALOG = real_catalog()
VIEWS = build_views(CATALOG)
URL = "compare/many/"


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def links_to_many(site, url):
    """The ?m= choice of every link in a page's text (not its nav) that leads to compare/many/."""
    # A scan of the article's <a href>s, not a parse tree: this runs over every model and pair page (~700).
    text = (site / url / "index.html").read_text(encoding="utf-8")
    article = text[text.index("<article"):text.index("</article>")]
    found = []
    for href in re.findall(r'<a\s[^>]*?href="([^"]*)"', article):
        target = urlparse(urljoin("/" + url.strip("/") + "/", html.unescape(href)))
        if target.path == "/" + URL:
            found.append(parse_qs(target.query).get("m", [""])[0])
    return found


def test_page_lists_every_model_grouped_by_vendor_with_retired_ones_flagged(built_site):
    page = soup(built_site, URL)
    form = page.find("form", id="many-form")
    sets = form.find_all("fieldset")
    assert [s.legend.get_text(strip=True) for s in sets] == [v.name for v in CATALOG.vendors.values()]
    for fieldset, vendor in zip(sets, CATALOG.vendors.values()):
        boxes = fieldset.select("input[type=checkbox][name=m]")
        assert [b["value"] for b in boxes] == [m.id for m in CATALOG.models_of(vendor.id)]
        for box in boxes:
            model = CATALOG.models[box["value"]]
            assert box.find_parent("label")["data-retired"] == ("false" if model.served_on(CATALOG.as_of) else "true")
            assert model.name in box.find_parent("label").get_text()
    assert form.find("input", attrs={"name": "retired", "type": "checkbox"})
    # The data file the script reads, relative to this page, and a note for readers without JavaScript.
    assert form["data-models"] == "../../api/compare.json" and (built_site / "api" / "compare.json").is_file()
    assert page.find("noscript").find("a", href="../../models/")
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts.index("../../assets/compare-many.js") > scripts.index("../../assets/compare.js"), "the formats come from compare.js"


def test_default_choice_is_served_priced_models_of_different_vendors(built_site):
    chosen = many_default(CATALOG)
    assert len(chosen) == 3 and len({m.vendor.id for m in chosen}) == 3
    assert all(m.current_price and m.recommendable_on(CATALOG.as_of) for m in chosen)
    assert soup(built_site, URL).find("form", id="many-form")["data-default"] == ",".join(m.id for m in chosen)


def test_page_is_linked_from_the_nav_compare_any_two_model_and_pair_pages(built_site):
    nav = soup(built_site, "about").select("nav.md-nav--primary a[href]")
    assert any(a["href"] == "../compare/many/" for a in nav)
    assert links_to_many(built_site, "compare") == [""]
    for model_id in CATALOG.models:
        assert set(links_to_many(built_site, f"models/{model_id}")) == {model_id}, model_id  # header and Compare section
    for pair in VIEWS.pairs:
        assert links_to_many(built_site, pair.url) == [f"{pair.a.id},{pair.b.id}"], pair.slug
