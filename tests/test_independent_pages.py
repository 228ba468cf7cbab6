"""Issue #15's pages: independent ratings are shown apart from vendor scores, each with evaluator, date, setting and source."""

from __future__ import annotations

from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA

from catalog import load_catalog
from catalog.views import compare_figures, independent_rows

CATALOG = load_catalog(DATA, SCHEMA, "data/models.yaml")


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_model_page_has_independent_ratings_apart_from_vendor_scores(built_site):
    page = soup(built_site, "models/claude-opus-5")
    heading = page.find(id="independent-ratings")
    assert heading is not None and page.find(id="benchmark-scores") is not None
    table = page.find("table", attrs={"data-table": "independent"})
    first = [td.get_text(" ", strip=True) for td in table.tbody.tr.find_all(["td", "th"])]
    assert first[0] == "LMArena (the Arena)" and first[1] == "Text, overall"
    assert "1505 (1500–1510)" in first[2] and "votes" in first[2]
    assert first[3] == "Aug 19, 2026" and first[4] == "high effort" and "claude-opus-5-high" in first[5]
    assert table.tbody.tr.a["href"] == "https://lmarena.ai/leaderboard"
    assert page.find(id="measured-speed") is not None
    assert "tokens/s" in page.find_all("table", attrs={"data-table": "independent"})[-1].get_text()


def test_every_independent_cell_names_evaluator_date_and_setting(built_site):
    page = soup(built_site, "models/gpt-5.6-sol")
    for table in page.find_all("table", attrs={"data-table": "independent"}):
        for tr in table.tbody.find_all("tr"):
            cells = [td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])]
            assert cells[0] in ("LMArena (the Arena)", "Artificial Analysis") and cells[3].endswith("2026") and cells[4]


def test_a_model_without_figures_says_so(built_site):
    page = soup(built_site, "models/claude-opus-5-5")
    assert "No independent rating for this model" in page.get_text()


def test_overlapping_arena_intervals_read_within_the_margin():
    a, b = CATALOG.models["claude-opus-5"], CATALOG.models["claude-sonnet-5"]
    rows = {r.label: r for r in independent_rows(a, b, False)}
    tied = rows["LMArena (the Arena) Text (style control), coding"]
    assert tied.verdict.startswith("within the margin") and tied.better is None
    ahead = rows["LMArena (the Arena) Text, overall"]
    assert ahead.verdict == "Claude Opus 5 ahead" and ahead.better == 0


def test_no_pair_row_orders_two_overlapping_intervals():
    models = [m for m in CATALOG.models.values() if m.independent][:40]
    for i, a in enumerate(models):
        for b in models[i + 1:]:
            for row in independent_rows(a, b):
                fa, fb = row.figures
                if fa and fb and fa.overlaps(fb):
                    assert row.better is None and "within the margin" in row.verdict


def test_the_pair_page_shows_independent_rows(built_site):
    page = soup(built_site, "compare/claude-opus-5-vs-claude-sonnet-5")
    table = page.find("table", attrs={"data-table": "independent-pair"})
    assert table is not None and "within the margin" in table.get_text()
    assert compare_figures([None, None], ["a", "b"]) == ("", None)
