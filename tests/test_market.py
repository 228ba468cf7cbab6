"""Recommendations follow the market on as_of (issue #7): nothing retired or retiring within 90 days is suggested.

Runs on the real data file, so it proves the published site, not a sample.
"""

from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog

CATALOG = real_catalog()

HORIZON = timedelta(days=90)


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def recommendable(model_id: str) -> bool:
    m = CATALOG.models[model_id]
    shutdown = m.retirement.shutdown if m.retirement else None
    return m.status != "retired" and (shutdown is None or shutdown - CATALOG.as_of > HORIZON)


def linked_models(node) -> list[str]:
    ids = []
    for a in node.select("a[href]"):
        parts = [p for p in a["href"].split("/") if p and p != ".."]
        if len(parts) >= 2 and parts[-2] == "models" and parts[-1] in CATALOG.models:
            ids.append(parts[-1])
    return ids


def test_application_rankings_list_only_current_models(built_site):
    for key in CATALOG.applications:
        ranked = [tr["data-model"] for tr in soup(built_site, f"applications/{key}").select("table[data-table=ranking] tbody tr")]
        assert ranked, key
        assert [m for m in ranked if not recommendable(m)] == [], key


def test_guide_lists_only_current_models(built_site):
    page = soup(built_site, "choose")
    ids = linked_models(page.select_one("article"))
    assert ids
    assert sorted({m for m in ids if not recommendable(m)}) == []


def test_calculator_marks_only_current_models_as_pickable(built_site):
    rows = soup(built_site, "calculator").select("table[data-table=calculator] tbody tr")
    assert rows
    for row in rows:
        assert (row["data-current"] == "true") == recommendable(row["data-model"]), row["data-model"]
    # The pick for the page's default workload (1M requests of 500 in + 200 out), as the script makes it.
    def monthly(row):
        return 1e6 * (500 * float(row["data-input"]) + 200 * float(row["data-output"])) / 1e6
    pickable = [r for r in rows if r["data-current"] == "true" and int(r["data-context"]) >= 700]
    best = min(pickable, key=lambda r: (monthly(r), r["data-model"]))
    assert recommendable(best["data-model"])


def test_charts_plot_only_current_models(built_site):
    page = soup(built_site, "charts")
    names = {m.name: m.id for m in CATALOG.models.values()}
    # Every chart but the featured pair's price history (a record of the past, not a suggestion).
    plotted = [tr.th.get_text(strip=True) for figure in page.select("figure.chart-figure")
               if figure["id"] != "chart-price-history-figure"
               for tr in figure.find_next_sibling("details").select("tbody tr")]
    assert plotted
    assert [n for n in plotted if n in names and not recommendable(names[n])] == []


def test_retiring_models_carry_a_dated_badge_on_the_overview(built_site):
    page = soup(built_site, "models")
    for m in CATALOG.models.values():
        shutdown = m.retirement.shutdown if m.retirement else None
        if m.status != "retired" and shutdown and shutdown > CATALOG.as_of:
            row = page.find("a", href=f"{m.id}/").find_parent("tr")
            assert f"retiring {shutdown.isoformat()}" in row.get_text(" "), m.id
