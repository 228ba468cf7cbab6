"""Pair pages, the seed comparison, application pages and the key-differences page, as built."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.views import build_views

CATALOG = real_catalog()
VIEWS = build_views(CATALOG)


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_seed_comparison_covers_every_heading_and_claim_of_the_seed(built_site):
    page = soup(built_site, "compare/gpt-4o-vs-gpt-4o-mini")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2, h3")]
    # The seed: Model Overview; Key Differences (Size and Complexity, Performance,
    # Multimodal Capabilities); Applications; Conclusion.
    for heading in ("Model overview", "Key differences", "Size and complexity", "Performance",
                    "Multimodal capabilities", "Applications", "Verdict", "Conclusion", "Claims checked",
                    "Price history", "Cost of an example workload", "Sources"):
        assert heading in headings, heading
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in page.select("table[data-table=side-by-side] tbody tr")}
    # Release date, context window, modalities, performance, pricing: the seed's overview fields.
    assert rows["Released"][0] == "May 13, 2024" and rows["Released"][1].startswith("Jul 18, 2024")
    assert rows["Context window"] == ["128,000 tokens", "128,000 tokens"]
    assert rows["Input"] == ["text, image, pdf", "text, image, pdf"]  # PDF input: both model pages list it
    assert rows["Input price (per 1M)"][1].startswith("$0.15") and rows["Output price (per 1M)"][1].startswith("$0.60")
    assert rows["MMLU"][0].startswith("88.7%") and rows["MMLU"][1] == "82.0%"
    claims = page.find("table", attrs={"data-table": "claims"}).get_text(" ", strip=True)
    for seed_claim in ("text, audio, image and video inputs", "$5.00 per million input tokens",
                       "audio and video", "devices with lower computational resources", "real-time translation"):
        assert seed_claim in claims, seed_claim
    history = page.select("table[data-table=price-history]")
    assert len(history) == 2 and "May 13, 2024" in history[0].get_text() and "$5.00" in history[0].get_text()


def test_featured_pair_page_links_every_claim_and_difference_to_a_source(built_site):
    page = soup(built_site, "compare/gpt-4o-vs-gpt-4o-mini")
    for row in page.select("table[data-table=claims] tbody tr"):
        assert row.find("a", class_="src"), row.get_text()
    for item in page.select("ul.differences li"):
        text = item.get_text()
        if re.search(r"\d", text) and not text.startswith("Only"):
            assert item.find("a", class_="cite"), text


def test_workload_cost_is_computed_from_current_prices(built_site):
    page = soup(built_site, "compare/gpt-4o-vs-gpt-4o-mini")
    totals = [tr.find_all("td")[-1].get_text(strip=True) for tr in page.select("table[data-table=workload] tbody tr")]
    # 1M requests x (500 input + 200 output tokens): 500 x $2.50 + 200 x $10.00, and 500 x $0.15 + 200 x $0.60.
    assert totals == ["$3,250.00", "$195.00"]


def test_every_model_page_reaches_a_comparison_with_any_other_model(built_site):
    for model_id in CATALOG.models:
        page = soup(built_site, f"models/{model_id}")
        hrefs = [a["href"] for a in page.find_all("a", href=True)]
        assert any(h.startswith("../../compare/?a=") and h.endswith(model_id) for h in hrefs), model_id
    compare = soup(built_site, "compare")
    options = {o["value"] for o in compare.select("#compare-a option")}
    assert options == set(CATALOG.models) == {o["value"] for o in compare.select("#compare-b option") if o["value"]}


def test_static_pairs_grow_linearly_and_are_reachable_from_both_models(built_site):
    assert len(VIEWS.pairs) <= 3 * len(CATALOG.models) + len(CATALOG.comparisons)
    # Each model page parsed once (not once per pair it is in: that was 904 parses of ~240 pages).
    links: dict[str, set[str]] = {}
    for pair in VIEWS.pairs:
        for side in (pair.a, pair.b):
            if side.id not in links:
                links[side.id] = {a["href"] for a in soup(built_site, f"models/{side.id}").find_all("a", href=True)}
            assert f"../../{pair.url}" in links[side.id], (side.id, pair.slug)


@pytest.mark.parametrize("app_id", sorted(CATALOG.applications))
def test_application_page_ranks_with_reasons_and_explains_every_exclusion(built_site, app_id):
    page = soup(built_site, f"applications/{app_id}")
    ranked = page.select("table[data-table=ranking] tbody tr")
    unscored = page.select("table[data-table=unscored] tbody tr")
    excluded = page.select("table[data-table=excluded] tbody tr")
    assert len(ranked) + len(unscored) + len(excluded) == len(CATALOG.models)
    for row in ranked:
        assert row.find_all("td")[-1].get_text(strip=True), row.get_text()
    for row in excluded:
        assert row.td.get_text(strip=True), row.get_text()
    fit = VIEWS.fits[app_id]
    assert [r.th.a.get_text() for r in ranked] == [r.model.name for r in fit.ranked]


def test_model_pages_list_the_applications_they_fit(built_site):
    current = next(m for m in CATALOG.models.values() if m.recommendable_on(CATALOG.as_of) and m.current_price)
    page = soup(built_site, f"models/{current.id}")
    rows = page.select("table[data-table=fits] tbody tr")
    assert len(rows) == len(CATALOG.applications)
    assert any(r.td.get_text().startswith("fits: ranked") for r in rows)


def test_a_model_retiring_within_90_days_is_excluded_everywhere_with_its_date(built_site):
    # gpt-4o-mini shuts down on 2027-01-14, 50 days after as_of.
    page = soup(built_site, "models/gpt-4o-mini")
    cells = [r.td.get_text(" ", strip=True) for r in page.select("table[data-table=fits] tbody tr")]
    assert cells and all("retiring Jan 14, 2027, within 90 days" in c for c in cells), cells


def test_key_differences_page_covers_each_dimension(built_site):
    page = soup(built_site, "key-differences")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    assert headings == ["Price", "Context and output length", "Multimodal capabilities", "Performance on benchmarks", "Age and status"]
    assert "as much" in page.find("h2", id="price").find_next("p").get_text()


def test_choose_guide_walks_from_needs_to_a_short_list(built_site):
    page = soup(built_site, "choose")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    # The interactive short list first (shown by script), then the four static questions it stands in for.
    assert headings[:5] == ["Your short list", "1. What must it read and write?", "2. How much must it read at once?", "3. What is it for?",
                            "4. Cost or capability first?"]
    assert headings[-1] == "Conclusion"


def test_nearest_rival_walk_agrees_with_the_plain_definition():
    import random

    from catalog.differences import blended_price
    from catalog.model import Vendor
    from catalog.views import nearest_rivals
    from factories import model, price

    rng = random.Random(7)
    vendors = [Vendor(v, v, "https://x.example/") for v in "abc"]
    # Repeated prices on purpose: ties must go to the smaller id, as min() does.
    models = [model(f"m{i:03d}", vendor=rng.choice(vendors), pricing=(price("2024-01-01", rng.choice([0, 0.5, 1, 2, 3]), rng.choice([0, 1, 4])),))
              for i in range(120)]
    fast = nearest_rivals(models)
    for m in models:
        rivals = [r for r in models if r.vendor.id != m.vendor.id]
        plain = min(rivals, key=lambda r: (abs(blended_price(r.current_price) - blended_price(m.current_price)), r.id))
        assert fast[m.id].id == plain.id
