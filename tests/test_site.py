"""The built site: a page per model with sourced facts, links that resolve, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.text import tokens_long, usd

CATALOG = real_catalog()


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_dataset_covers_the_market_13_vendors_and_well_over_100_models():
    assert len(CATALOG.models) >= 120
    assert len({m.vendor.id for m in CATALOG.models.values()}) == len(CATALOG.vendors) >= 13
    assert sum(1 for m in CATALOG.models.values() if m.served_on(CATALOG.as_of)) >= 100


@pytest.mark.parametrize("model_id", sorted(CATALOG.models))
def test_model_page_shows_sourced_release_date_context_and_prices(built_site, model_id):
    model = CATALOG.models[model_id]
    page = soup(built_site, f"models/{model_id}")
    rows = {th.get_text(strip=True): th.find_next_sibling("td") for th in page.select("table[data-table=spec-table] th[scope=row]")}

    def linked_to_source(cell, text: str) -> None:
        link = cell.find("a", class_="src")
        assert link is not None and link.get_text() == text, cell
        assert link["href"].startswith(("https://", "http://"))

    linked_to_source(rows["Released"], f"{model.released:%b} {model.released.day}, {model.released.year}")
    linked_to_source(rows["Context window"], f"{tokens_long(model.context_window)} tokens")
    if model.current_price:
        linked_to_source(rows["Input"], usd(model.current_price.input))
        linked_to_source(rows["Output"], usd(model.current_price.output))
        history = page.select("table[data-table=price-history] tbody tr")
        assert len(history) == len(model.pricing)


def test_every_model_has_a_page_and_the_overview_lists_it(built_site):
    home = soup(built_site, "")
    names = {th.get_text(" ", strip=True).split(" ")[0] for th in home.select("table[data-table=catalog-table] tbody th")}
    linked = {a["href"] for a in home.select("table[data-table=catalog-table] tbody th a")}
    assert len(linked) == len(CATALOG.models)
    for model_id in CATALOG.models:
        assert (built_site / "models" / model_id / "index.html").exists()
        assert f"models/{model_id}/" in linked
    assert names


def test_vendor_pages_list_their_models(built_site):
    for vendor in CATALOG.vendors.values():
        page = soup(built_site, f"vendors/{vendor.id}")
        listed = {a["href"].rstrip("/").split("/")[-1] for a in page.select("table[data-table=catalog-table] tbody th a")}
        assert listed == {m.id for m in CATALOG.models_of(vendor.id)}


def test_internal_links_resolve(built_site, site_elements):
    broken = []
    for name, elements in site_elements.items():
        page_url = "/" + name
        for href in (attrs["href"] for tag, attrs, _ in elements if tag == "a" and "href" in attrs):
            if urlparse(href).scheme or href.startswith(("#", "mailto:")):
                continue
            target = urlparse(urljoin(page_url, href)).path
            path = built_site / target.lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page_url} -> {href}")
    assert not broken, broken[:20]


def test_no_page_loads_anything_from_another_host(site_elements):
    # Links to sources are fine; scripts, styles, fonts and images are not.
    offenders = []
    wanted = {"script": "src", "link": "href", "img": "src", "iframe": "src"}
    for name, elements in site_elements.items():
        for tag, attrs, _ in elements:
            if tag not in wanted:
                continue
            attr, rel = wanted[tag], attrs.get("rel", "").split()
            value = attrs.get(attr, "")
            if tag == "link" and "stylesheet" not in rel and "preconnect" not in rel:
                continue
            if re.match(r"^(https?:)?//", value):
                offenders.append(f"{name}: <{tag} {attr}={value}>")
    assert not offenders, offenders[:10]


def test_gpt_4o_price_history_shows_launch_and_current_price(built_site):
    page = soup(built_site, "models/gpt-4o")
    rows = [[td.get_text(strip=True) for td in tr.find_all(["th", "td"])] for tr in page.select("table[data-table=price-history] tbody tr")]
    assert rows[0][:4] == ["May 13, 2024", "$5.00", "—", "$15.00"]
    assert rows[-1][:4] == ["Oct 2, 2024", "$2.50", "$1.25", "$10.00"]


def test_announced_modalities_are_told_apart_from_the_api(built_site):
    page = soup(built_site, "models/gpt-4o")
    table = page.find("h2", id="modalities").find_next("table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Direction", "In the API today", "Announced, not in this API model"]
    assert "audio" in table.get_text() and "video" in table.get_text()


def test_tables_have_header_cells(built_site):
    for url in ["", "models/gpt-4o", "vendors/openai", "models"]:
        for table in soup(built_site, url).find_all("table"):
            assert table.find("th"), f"{url}: table without headers"
