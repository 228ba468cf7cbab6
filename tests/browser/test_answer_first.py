"""Issue #17, answer first: at 390 and 1280 px the thing a reader came for is on the first screen,
tables show their answer column without sideways scrolling, and a first visit stays small."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import load_catalog  # noqa: E402
from catalog.views import build_views  # noqa: E402

CATALOG = load_catalog(ROOT / "data" / "models.yaml", ROOT / "data" / "models.schema.json", "data/models.yaml")
VIEWS = build_views(CATALOG)
SIZES = [(390, 844), (1280, 900)]
SCHEMES = ["light", "dark"]


def in_first_screen(page, selector: str) -> dict:
    """Where `selector` is, before any scrolling: inside the viewport both ways?"""
    return page.evaluate("""(sel) => {
      const el = document.querySelector(sel);
      if (!el) return {found: false};
      const r = el.getBoundingClientRect();
      return {found: true, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
              inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height > 0,
              page: document.documentElement.scrollWidth, width: innerWidth};
    }""", selector)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("model_id", ["gpt-4o", "claude-haiku-4-5-20251001", "claude-3-5-haiku-20241022"])
def test_a_model_page_shows_its_price_limits_status_and_comparisons_in_the_first_screen(new_page, base_url, model_id, width, height, scheme):
    page = new_page(width, height, scheme)
    page.goto(base_url + f"models/{model_id}/")
    m = CATALOG.models[model_id]
    for selector in ("[data-model-head] .model-head-line", "[data-fact=price]", "[data-fact=context]", "[data-fact=output]",
                     "[data-model-head] .model-head-compare"):
        where = in_first_screen(page, selector)
        assert where["found"] and where["inside"], (selector, where)
    price = page.inner_text("[data-fact=price] dd")
    p = m.current_price
    assert "in" in price and "cached" in price and "out" in price and f"{p.output:.2f}" in price.replace(",", "")
    head = page.inner_text("[data-model-head]")
    assert m.vendor.name in head
    if not m.served_on(CATALOG.as_of):
        assert "retired" in head and "Shut down" in head


@pytest.mark.parametrize("width,height", SIZES)
def test_every_application_page_shows_its_top_pick_and_why_in_the_first_screen(new_page, base_url, width, height):
    page = new_page(width, height)
    for key, fit in VIEWS.fits.items():
        page.goto(base_url + f"applications/{key}/")
        if not fit.ranked:
            continue
        where = in_first_screen(page, "[data-top-picks] li:first-child a")
        assert where["found"] and where["inside"], (key, where)
        assert page.get_attribute("[data-top-picks] li:first-child", "data-model") == fit.ranked[0].model.id
        # The method follows the ranking.
        order = page.evaluate("""() => [...document.querySelectorAll('article h2')].map(h => h.id)""")
        assert order.index("ranked") < order.index("what-it-needs-and-favours"), order


def answer_column_visible(page, table: str, cell: str) -> dict:
    """Is the answer cell of the first row inside its table's visible box, with no sideways scrolling?"""
    return page.evaluate("""([table, cell]) => {
      const t = document.querySelector(table), wrap = t.closest('.catalog-table-wrap') || t.parentElement;
      const c = t.querySelector(cell), w = wrap.getBoundingClientRect(), r = c.getBoundingClientRect();
      return {left: r.left, right: r.right, wrapLeft: w.left, wrapRight: w.right, scrollLeft: wrap.scrollLeft,
              inside: r.width > 0 && r.left >= w.left - 0.5 && r.right <= Math.min(w.right, innerWidth) + 0.5,
              page: document.documentElement.scrollWidth, width: innerWidth};
    }""", [table, cell])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("path,table,cell", [
    ("calculator/", "table[data-table=calculator]", "tbody tr:first-child td.cost"),
    ("retiring/", "table[data-table=retiring]", "tbody tr:first-child td.replacement"),
    ("compare/gpt-4o-vs-gpt-4o-mini/", "table[data-table=side-by-side]", "tbody tr:first-child td:last-child"),
    ("compare/gpt-4o-vs-gpt-4o-mini/", "table[data-table=workload]", "tbody tr:first-child td:last-child"),
])
def test_tables_show_their_answer_column_without_sideways_scrolling(new_page, base_url, path, table, cell, width, height, scheme):
    page = new_page(width, height, scheme)
    page.goto(base_url + path)
    if path == "calculator/":
        page.wait_for_function("document.querySelector('table[data-table=calculator] td.cost').textContent.includes('$')")
    where = answer_column_visible(page, table, cell)
    assert where["inside"] and where["scrollLeft"] == 0, where
    assert where["page"] <= where["width"], "the page itself never scrolls sideways"


@pytest.mark.parametrize("width,height", SIZES)
def test_retiring_soon_counts_days_from_today_in_the_browser(new_page, base_url, width, height):
    page = new_page(width, height)
    # A day after every shutdown on the page: each row says it has already shut down.
    last = max(r.retirement.shutdown for r in CATALOG.models.values() if r.retirement and r.retirement.shutdown)
    page.add_init_script(f"window.llmToday = Date.UTC({last.year}, {last.month - 1}, {last.day + 0}) / 86400000 + 1;")
    page.goto(base_url + "retiring/")
    texts = page.eval_on_selector_all("table[data-table=retiring] time[data-relative]", "ts => ts.map(t => t.textContent)")
    assert texts and all(t.startswith("shut down ") and t.endswith(" ago") for t in texts), texts
    assert "Counted from today" in page.inner_text("[data-today]")


PAGES = {"home": "", "model": "models/gpt-4o/", "pair": "compare/gpt-4o-vs-gpt-4o-mini/",
         "compare": "compare/?a=gpt-4o&b=o3", "compare-many": "compare/many/"}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_first_visit_stays_under_1_mb_and_leaves_the_search_index_alone(browser, base_url, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    responses = []
    context.on("response", lambda r: responses.append(r))
    page = context.new_page()
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    page.wait_for_timeout(500)
    sizes = {r.url: len(r.body()) for r in responses if r.status == 200}
    context.close()
    assert not [u for u in sizes if "search_index" in u], "the search index loads only when search is used"
    assert not [u for u in sizes if u.endswith("api/models.json")], "compare pages fetch api/compare.json"
    assert sum(sizes.values()) <= 1_000_000, f"{sum(sizes.values()):,} bytes: {sorted(sizes.items(), key=lambda x: -x[1])[:4]}"


def search(page, query: str) -> list[str]:
    """Results for `query`, once Material's worker has answered it: the list, emptied first, filled and then stable.

    Material searches on key presses, and each keystroke is a query of its own: under load the worker's answer to
    "Claude Haiku 4." can be what is on screen when the test reads it. So all but the last character go in at once
    and one key press sends the whole query.
    """
    listed = "Array.from(document.querySelectorAll('.md-search-result__item > a')).map(a => a.href).join(' ')"
    page.fill(".md-search__input", "")
    page.press(".md-search__input", "Backspace")
    page.wait_for_function(f"() => {listed} === ''", timeout=120_000)
    page.fill(".md-search__input", query[:-1])
    page.type(".md-search__input", query[-1])
    # The first query also waits for the index to load and build in the worker: slow on a busy 2-core machine.
    page.wait_for_function(f"() => {listed} !== ''", timeout=120_000)
    before, steady = None, 0
    for _ in range(40):
        now = page.evaluate(f"() => {listed}")
        steady = steady + 1 if now == before else 0
        if steady == 2:
            break
        before = now
        page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => new URL(a.href).pathname + new URL(a.href).hash)")


def test_search_loads_when_used_finds_open_data_and_ranks_a_model_first_for_its_name(page, base_url):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url, wait_until="networkidle")
    assert not [u for u in requested if "search_index" in u]
    page.click(".md-search__input")
    for query in ("CSV", "JSON", "API"):
        assert "/data/" in search(page, query)[:3], query
    assert [u for u in requested if "search_index" in u]
    for model_id in ("gpt-4o", "claude-haiku-4-5-20251001"):
        found = search(page, CATALOG.models[model_id].name)
        # The name as a tag (model.md) puts the model's own page first. Known gap (issue #17, closing note): a name
        # that is the prefix of others ("GPT-5" before "GPT-5.1", "Command A" before "Command A+") can rank lower,
        # because lunr matches "5" as a prefix of "5.1" and weighs the rarer token higher.
        assert found[0] == f"/models/{model_id}/", (model_id, found[:4])



def test_pair_pages_are_indexed_by_title_and_verdict_only(built_site):
    import json
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pairs = {p.url for p in VIEWS.pairs}
    sections = [d["location"] for d in docs if d["location"].split("#")[0] in pairs]
    assert sections and all("#" not in loc or loc.endswith("#verdict") for loc in sections), sections[:5]
    # Pair pages are most of the site's pages, but title and verdict keep them a small part of the index
    # (the index as a whole grows with the models; it loads only when search is used).
    pair_bytes = sum(len(json.dumps(d)) for d in docs if d["location"].split("#")[0] in pairs)
    assert pair_bytes < 0.5 * sum(len(json.dumps(d)) for d in docs), pair_bytes
