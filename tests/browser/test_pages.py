"""The site in a real browser: sorting, filters, URL state, calculator, compare, theme, accessibility."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import load_catalog  # noqa: E402
from catalog.differences import compare  # noqa: E402

from browser_support import AXE, SHOTS  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from glue import find_glue  # noqa: E402

CATALOG = load_catalog(ROOT / "data" / "models.yaml", ROOT / "data" / "models.schema.json", "data/models.yaml")
TABLE = "table[data-table=catalog-table]"


def served(m) -> bool:
    return m.served_on(CATALOG.as_of)


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(f"{TABLE} tbody tr:not([hidden])", "rows => rows.map(r => r.querySelector('th a').getAttribute('href'))")


def column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(f"{TABLE} tbody tr:not([hidden])",
                                     f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort'))")


# --- overview table ---------------------------------------------------------------

@pytest.mark.parametrize("index,kind", [(0, "text"), (6, "date"), (3, "number"), (2, "number")])
def test_sort_each_kind_of_column_both_ways_with_missing_last(page, base_url, index, kind):
    page.goto(base_url + "models/")
    button = page.locator(f"{TABLE} thead button.sort[data-column='{index}']")
    for direction in ("ascending", "descending"):
        button.click()
        values = column(page, index)
        present = [v for v in values if v != ""]
        assert values[: len(present)] == present, "missing values must sort last"
        keyed = [float(v) for v in present] if kind == "number" else present
        assert keyed == sorted(keyed, reverse=direction == "descending")
        assert page.locator(f"{TABLE} thead th").nth(index).get_attribute("aria-sort") == direction
    query = parse_qs(urlparse(page.url).query)
    assert query["sort"] == [str(index)] and query["dir"] == ["desc"]


def test_sorting_works_from_the_keyboard(page, base_url):
    page.goto(base_url + "models/")
    page.locator(f"{TABLE} thead button.sort[data-column='3']").focus()
    page.keyboard.press("Enter")
    values = [float(v) for v in column(page, 3)]
    assert values == sorted(values)


@pytest.mark.parametrize("name,value,check", [
    ("vendor", "google", lambda m: m.vendor.id == "google"),
    ("in", "audio", lambda m: "audio" in m.input_modalities),
    ("out", "text", lambda m: "text" in m.output_modalities),
    ("status", "deprecated", lambda m: m.status == "deprecated"),
    ("ctx", "1000000", lambda m: m.context_window >= 1_000_000),
])
def test_each_select_filter(page, base_url, name, value, check):
    page.goto(base_url + "models/")
    page.select_option(f"form.catalog-filters select[name={name}]", value)
    expected = sorted(f"{m.id}/" for m in CATALOG.models.values() if check(m) and served(m))
    assert sorted(h.split("/")[-2] + "/" for h in visible_rows(page)) == expected
    assert page.locator(".catalog-count").inner_text().startswith(f"Showing {len(expected)} of {len(CATALOG.models)} models")
    assert parse_qs(urlparse(page.url).query)[name] == [value]


def test_max_price_and_free_text_filters(page, base_url):
    page.goto(base_url + "models/")
    page.fill("form.catalog-filters input[name=maxprice]", "0.5")
    expected = {m.id for m in CATALOG.models.values() if m.current_price and m.current_price.input <= 0.5 and served(m)}
    assert {h.split("/")[-2] for h in visible_rows(page)} == expected
    page.fill("form.catalog-filters input[name=maxprice]", "")
    page.fill("form.catalog-filters input[name=q]", "Gemini 2.5")
    assert {h.split("/")[-2] for h in visible_rows(page)} == {m.id for m in CATALOG.models.values() if "gemini 2.5" in m.name.lower() and served(m)}
    page.click("form.catalog-filters button[type=reset]")
    count = sum(1 for m in CATALOG.models.values() if served(m))
    page.wait_for_function(f"document.querySelectorAll('table[data-table=catalog-table] tbody tr:not([hidden])').length == {count}")
    assert len(visible_rows(page)) == count


def test_retired_models_are_hidden_until_asked_for_and_the_choice_is_in_the_url(page, base_url):
    page.goto(base_url + "models/")
    retired = {m.id for m in CATALOG.models.values() if not served(m)}
    assert retired and not retired & {h.split("/")[-2] for h in visible_rows(page)}
    page.check("form.catalog-filters input[name=retired]")
    assert {h.split("/")[-2] for h in visible_rows(page)} == set(CATALOG.models)
    assert parse_qs(urlparse(page.url).query)["retired"] == ["1"]


def test_filter_and_sort_state_round_trips_through_the_url(page, new_page, base_url):
    page.goto(base_url + "models/")
    page.select_option("form.catalog-filters select[name=in]", "image")
    page.fill("form.catalog-filters input[name=q]", "gpt")
    page.locator(f"{TABLE} thead button.sort[data-column='2']").click()
    page.locator(f"{TABLE} thead button.sort[data-column='2']").click()
    shared_url, rows = page.url, visible_rows(page)
    assert "in=image" in shared_url and "q=gpt" in shared_url and "sort=2" in shared_url and "dir=desc" in shared_url
    other = new_page(1280)
    other.goto(shared_url)
    assert visible_rows(other) == rows
    assert other.input_value("form.catalog-filters input[name=q]") == "gpt"


def test_table_works_after_instant_navigation(page, base_url):
    page.goto(base_url + "about/")
    page.click("nav.md-nav--primary a[href$='models/']")
    page.wait_for_url("**/models/")
    page.wait_for_selector(".catalog-count:has-text('Showing')")
    page.select_option("form.catalog-filters select[name=vendor]", "anthropic")
    assert {h.split("/")[-2] for h in visible_rows(page)} == {m.id for m in CATALOG.models_of("anthropic") if served(m)}


def test_overview_fits_a_phone_screen(new_page, base_url):
    phone = new_page(390, 844)
    phone.goto(base_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert not phone.locator("form.catalog-filters select[name=vendor]").is_visible(), "filters fold away on a phone"
    phone.click("form.catalog-filters summary")
    phone.select_option("form.catalog-filters select[name=vendor]", "openai")
    assert {h.split("/")[-2] for h in visible_rows(phone)} == {m.id for m in CATALOG.models_of("openai") if served(m)}


@pytest.mark.parametrize("path", ["", "models/", "vendors/openai/"])
def test_overview_shows_name_status_context_output_and_both_prices_without_scrolling_at_1280(new_page, base_url, path):
    page = new_page(1280, 900)
    page.goto(base_url + path)
    box = page.evaluate("""() => {
      const wrap = document.querySelector('.catalog-table-wrap:has(table.catalog-table)');
      const heads = [...wrap.querySelectorAll('thead th')].map(th => [th.textContent.trim(), th.getBoundingClientRect().right]);
      return {heads, wrapRight: wrap.getBoundingClientRect().right, scrollable: wrap.scrollWidth - wrap.clientWidth,
              page: document.documentElement.scrollWidth, viewport: window.innerWidth};
    }""")
    wanted = ["Model", "Input $", "Output $", "Context", "Max out", "Vendor"]
    shown = {label.replace("↕", "").strip(): right for label, right in box["heads"]}
    for label in wanted:
        assert shown[label] <= min(box["wrapRight"], box["viewport"]) + 0.5, (label, box)
    assert box["page"] <= box["viewport"], "the page itself never scrolls sideways"
    # The status travels inline with the name as a badge, not in a column of its own.
    assert page.locator("table.catalog-table tbody tr:not([hidden]) th .status").count() > 0


def test_overview_keeps_the_model_name_and_header_in_view_when_scrolled_on_a_phone(new_page, base_url):
    phone = new_page(390, 844)
    phone.goto(base_url + "models/")
    wrap = phone.locator(".catalog-table-wrap:has(table.catalog-table)")
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; w.scrollTop = 600; }")
    phone.wait_for_timeout(100)
    state = wrap.evaluate("""w => {
      const box = w.getBoundingClientRect();
      const row = [...w.querySelectorAll('tbody tr:not([hidden])')].find(r => {
        const b = r.getBoundingClientRect(); return b.top > box.top + 40 && b.bottom < box.bottom; });
      const name = row.querySelector('th').getBoundingClientRect();
      const head = w.querySelector('thead th').getBoundingClientRect();
      const lastCell = row.lastElementChild.getBoundingClientRect();
      return {scrolled: w.scrollLeft, nameLeft: name.left, nameRight: name.right, boxLeft: box.left,
              headTop: head.top, boxTop: box.top, lastRight: lastCell.right, boxRight: box.right,
              onTop: document.elementFromPoint(name.left + 5, (name.top + name.bottom) / 2).closest('th') === row.querySelector('th')};
    }""")
    assert state["scrolled"] > 100, "the table is wider than a phone and scrolls sideways in its box"
    assert abs(state["nameLeft"] - state["boxLeft"]) < 2 and state["onTop"], f"the model name stays pinned at the left: {state}"
    assert abs(state["headTop"] - state["boxTop"]) < 2, f"the header row stays pinned at the top: {state}"
    assert state["lastRight"] <= state["boxRight"] + 1, "scrolled to the end, the price and other columns come into view"


# --- cost calculator ------------------------------------------------------------------

def expected_cost(model, requests, inp, out, cache, batch):
    """An independent reimplementation of the calculator's formula."""
    p = model.current_price.for_prompt(inp)  # the long-context tier this prompt falls in
    pin, pout = p.input, p.output
    if batch and p.batch_input is not None and p.batch_output is not None:
        pin, pout = p.batch_input, p.batch_output
    pcached = p.cached_input if p.cached_input is not None else pin
    return requests * (inp * (cache * pcached + (1 - cache) * pin) + out * pout) / 1_000_000


@pytest.mark.parametrize("requests,inp,out,cache,batch", [
    (1_000_000, 500, 200, 0, False),
    (250_000, 3_000, 800, 40, False),
    (10_000, 150_000, 20_000, 90, True),
    (3, 7, 11, 0, True),
])
def test_calculator_matches_an_independent_computation_to_the_cent(page, base_url, requests, inp, out, cache, batch):
    page.goto(base_url + "calculator/")
    for name, value in (("requests", requests), ("input", inp), ("output", out), ("cache", cache)):
        page.fill(f"#calculator-form input[name={name}]", str(value))
    if batch:
        page.click("details.calculator-more > summary")  # batch is one of the folded bill lines
        page.check("#calculator-form input[name=batch]")
    shown = page.eval_on_selector_all("table[data-table=calculator] tbody tr",
                                      "rows => rows.map(r => [r.dataset.model, r.querySelector('.cost').textContent, r.classList.contains('cheapest')])")
    served = [m for m in CATALOG.models.values() if m.current_price and m.served_on(CATALOG.as_of)]
    assert len(shown) == len(served)
    costs = {m.id: expected_cost(m, requests, inp, out, cache / 100, batch) for m in served}
    for model_id, text, _ in shown:
        # Cents as the site rounds them: an exact half goes up ($58.125 -> $58.13), not to even as format() does.
        cents = Decimal(repr(costs[model_id])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert text.split(" (")[0] == f"${cents:,}", model_id
    assert [row[0] for row in shown] == sorted(costs, key=lambda k: (costs[k], k)), "sorted by cost"
    fits = [m for m in served if inp + out <= m.context_window and (m.max_output_tokens is None or out <= m.max_output_tokens)
            and m.recommendable_on(CATALOG.as_of)]
    cheapest = min(fits, key=lambda m: (costs[m.id], m.id))
    assert [row[0] for row in shown if row[2]] == [cheapest.id]
    query = parse_qs(urlparse(page.url).query)
    assert query["requests"] == [str(requests)] and query["input"] == [str(inp)]
    again = page.context.new_page()
    again.goto(page.url)
    assert again.locator("tr.cheapest").get_attribute("data-model") == cheapest.id
    again.close()


# --- compare any two ------------------------------------------------------------------

def test_compare_any_two_from_a_model_page_matches_the_python_rules(page, base_url):
    a, b = CATALOG.models["gpt-4o-mini"], CATALOG.models["gemini-2.5-flash"]
    page.goto(base_url + f"models/{a.id}/")
    page.click(f"a[href$='compare/?a={a.id}']")
    page.wait_for_url(f"**/compare/?a={a.id}")
    # Only the first model is given: the page asks for the second instead of picking one (issue #17).
    page.wait_for_selector("#compare-result .compare-prompt")
    assert page.input_value("#compare-a") == a.id and page.input_value("#compare-b") == ""
    page.select_option("#compare-b", b.id)
    page.wait_for_function(f"document.querySelector('#compare-result h2').textContent.includes({b.name!r})")
    assert parse_qs(urlparse(page.url).query) == {"a": [a.id], "b": [b.id]}
    expected = compare(a, b)
    for dimension in ("price", "context", "modalities", "benchmarks"):
        shown = page.eval_on_selector_all(f"#compare-result ul[data-dimension={dimension}] li", "items => items.map(i => i.textContent)")
        assert shown == [d.sentence for d in expected.of(dimension)], dimension
    shown_dates = page.eval_on_selector_all("#compare-result ul[data-dimension=dates] li", "items => items.map(i => i.textContent)")
    assert shown_dates == [d.sentence for d in expected.of("dates")]


def test_compare_script_says_what_the_python_says_for_every_pair(page, base_url):
    """Every pair of models, every dimension: the JS port and differences.py give the same sentences."""
    page.goto(base_url + "compare/")
    page.wait_for_selector("#compare-result h2")
    shown = page.evaluate("""async () => {
      const doc = await (await fetch(document.getElementById('compare-form').getAttribute('data-models'))).json();
      const benchmarks = {};
      doc.benchmarks.forEach(b => { benchmarks[b.id] = b; });
      const out = {};
      for (const a of doc.models) for (const b of doc.models) {
        if (a.id < b.id) out[a.id + ' ' + b.id] = window.LLMCompareRules.differences(a, b, benchmarks);
      }
      return out;
    }""")
    ids = sorted(CATALOG.models)
    mismatched = []
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            expected = compare(CATALOG.models[x], CATALOG.models[y])
            for dimension in ("price", "context", "modalities", "benchmarks", "dates"):
                if shown[f"{x} {y}"][dimension] != [d.sentence for d in expected.of(dimension)]:
                    mismatched.append((x, y, dimension, shown[f"{x} {y}"][dimension], [d.sentence for d in expected.of(dimension)]))
    assert len(shown) == len(ids) * (len(ids) - 1) // 2
    assert not mismatched, "\n".join(f"{x} vs {y} [{d}]:\n  js: {js}\n  py: {py}" for x, y, d, js, py in mismatched[:80]) + f"\n({len(mismatched)} in all)"


@pytest.mark.parametrize("path", ["compare/?a=gpt-4o&b=o3", "", "calculator/"])
def test_text_written_by_the_scripts_keeps_its_separators(page, base_url, path):
    """The glue scan of tests/test_glue.py, on what the scripts add in the browser."""
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector({"compare/?a=gpt-4o&b=o3": "#compare-result li", "": ".catalog-count:has-text('Showing')",
                            "calculator/": "table[data-table=calculator] tbody tr .cost"}[path])
    found = find_glue(page.content())
    assert not found, "\n".join(map(str, found[:20]))


def test_compare_links_to_the_static_page_of_a_featured_pair(page, base_url):
    page.goto(base_url + "compare/?a=gpt-4o&b=gpt-4o-mini")
    link = page.wait_for_selector("#compare-result a:has-text('read the full comparison')")
    link.click()
    page.wait_for_url("**/compare/gpt-4o-vs-gpt-4o-mini/")


def test_retiring_soon_compare_link_opens_a_comparison_with_the_model(page, base_url):
    page.goto(base_url + "retiring/")
    first = page.get_attribute("table[data-table=retiring] tbody tr", "data-model")
    link = page.locator("table[data-table=retiring] tbody tr:first-child td[data-label=Compare] a")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/compare/**")
    if "?a=" in href:   # no pair page for this pair: compare-any-two with both chosen
        page.wait_for_selector("#compare-result h2")
        assert page.input_value("#compare-a") == first
    else:               # the static pair page with its replacement
        assert CATALOG.models[first].name in page.locator("h1").inner_text()


# --- theme -----------------------------------------------------------------------------

def test_light_dark_toggle(page, base_url):
    page.goto(base_url)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme() == "default"
    page.click("label[for='__palette_1']")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.click("label[for='__palette_0']")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")


# --- accessibility and screenshots ----------------------------------------------------------

PAGES = {"home": "", "models": "models/", "vendor": "vendors/anthropic/", "key-differences": "key-differences/",
         "guide": "choose/", "applications": "applications/", "open-data": "data/",
         "model": "models/gpt-4o/", "pair": "compare/gpt-4o-vs-gpt-4o-mini/",
         "application": "applications/chatbots/", "calculator": "calculator/", "charts": "charts/", "compare": "compare/?a=gpt-4o&b=o3",
         "retiring": "retiring/", "data-status": "data-status/",
         "compare-many": "compare/many/?m=gpt-6-sol,gemini-3.1-pro-preview,claude-sonnet-5-5,deepseek-flash"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_serious_or_critical_violation(new_page, base_url, name, scheme):
    page = new_page(1280, 900, scheme)
    page.goto(base_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
           for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_type_scrolls_sideways(new_page, base_url, width):
    """Every page type fits its width: a phone reader never scrolls the page itself sideways (tables scroll in their box)."""
    page = new_page(width, 900, "light")
    wide = []
    for name, path in PAGES.items():
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(name)
    assert not wide, f"scroll sideways at {width}px: {wide}"


@pytest.mark.screenshots
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_for_review(new_page, base_url, width, scheme):
    """Writes test-results/screenshots/*.png, looked at by a person before release: `pytest -m screenshots`.

    Not in the default run: full-page PNGs of 16 page types in 4 variants take about 4 minutes of the CI
    budget on 2 cores and prove nothing a person does not look at; the sideways-scroll check above does run.
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        page = new_page(width, 900, scheme)
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        target = SHOTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}px"
        page.close()


# --- scripts only where used, and instant navigation -----------------------------

def test_each_script_loads_only_on_the_pages_that_use_it(built_site):
    pages = {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    using = {name: sorted(uri for uri, html in pages.items() if f"assets/{name}" in html)
             for name in ("overview.js", "compare.js", "calculator.js")}
    # The overview script also runs the "show retired" toggle of each vendor's table and the chooser's short list.
    vendors = sorted(f"vendors/{v}/index.html" for v in CATALOG.vendors)
    assert using == {"overview.js": sorted(["index.html", "models/index.html", "choose/index.html", *vendors]),
                     "compare.js": ["compare/index.html", "compare/many/index.html"],
                     "calculator.js": ["calculator/index.html"]}


def test_scripts_work_after_instant_navigation_and_run_once(page, base_url):
    """Arriving by Material's instant navigation (no reload) runs the page's script; coming back does not set it up twice."""
    page.goto(base_url + "about/")
    for _ in range(2):
        page.click("a.md-nav__link[href$='calculator/']")
        page.wait_for_selector("table[data-table=calculator] .cost:not(:empty)")
        page.click("a.md-nav__link[href$='models/']")
        page.wait_for_selector(".catalog-count:has-text('Showing')")
    # One click sorts once: a second set of handlers would sort and unsort.
    page.locator(f"{TABLE} thead button.sort[data-column='3']").click()
    assert page.locator(f"{TABLE} thead th").nth(3).get_attribute("aria-sort") == "ascending"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "the test must not reload"
