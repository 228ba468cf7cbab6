"""Compare several models in a real browser: picking builds the table, the URL keeps it, the best marks are right."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import load_catalog  # noqa: E402
from catalog.rows import FACTS  # noqa: E402
from catalog.text import money, tokens_long, usd  # noqa: E402

CATALOG = load_catalog(ROOT / "data" / "models.yaml", ROOT / "data" / "models.schema.json", "data/models.yaml")
TABLE = "table[data-table=compare-many]"

# The rows whose best value the test works out on its own: label -> (value of a model, lower is better).
# The labels are the pair pages' (hooks/catalog/rows.py), shipped in api/compare.json.
MEASURED = {
    "Input price (per 1M)": (lambda m: m.current_price and m.current_price.input, True),
    "Output price (per 1M)": (lambda m: m.current_price and m.current_price.output, True),
    "Cached input price (per 1M)": (lambda m: m.current_price and m.current_price.cached_input, True),
    "Blended price (3:1, per 1M)": (lambda m: m.current_price and (3 * m.current_price.input + m.current_price.output) / 4, True),
    "Context window": (lambda m: m.context_window, False),
    "Maximum output": (lambda m: m.max_output_tokens, False),
}


def expected_best(models, value, lower):
    """Ids of the models with the best value: ties all count; nothing when fewer than two have one or all are equal."""
    present = {m.id: value(m) for m in models if value(m) is not None}
    if len(present) < 2 or len(set(present.values())) == 1:
        return []
    best = min(present.values()) if lower else max(present.values())
    return [m.id for m in models if present.get(m.id) == best]


def columns(page) -> list[str]:
    return page.eval_on_selector_all(f"{TABLE} thead th[data-model]", "ths => ths.map(th => th.dataset.model)")


def table_rows(page) -> dict[str, list[dict]]:
    return dict(page.eval_on_selector_all(f"{TABLE} tbody tr", """rows => rows.map(r => [r.cells[0].textContent,
        Array.from(r.cells).slice(1).map(td => ({text: td.firstChild ? td.firstChild.textContent : '', best: td.classList.contains('best'),
          said: td.querySelector('.sr-only') ? td.querySelector('.sr-only').textContent : '', weight: getComputedStyle(td).fontWeight,
          title: td.title}))])"""))


def choose(page, ids) -> None:
    """Pick through the "Add a model" menu, the picker that sits above the table (the checkboxes fold away)."""
    page.wait_for_function("(document.getElementById('many-status') || {}).textContent")
    for model_id in ids:
        page.select_option("#many-form select[name=add]", model_id)


def test_choosing_three_models_builds_the_table_in_that_order(page, base_url):
    ids = ["gpt-4o-mini", "gemini-2.5-flash", "claude-haiku-4-5-20251001"]
    page.goto(base_url + "compare/many/?m=")
    # The script loads with the page (deferred) and fetches the data first: wait for its word.
    page.wait_for_function("(document.querySelector('#many-status') || {}).textContent?.includes('Pick two or more')")
    assert not page.locator(TABLE).count()
    choose(page, ids)
    assert columns(page) == ids
    assert parse_qs(urlparse(page.url).query) == {"m": [",".join(ids)]}
    rows = table_rows(page)
    labels = list(rows)
    # The pair pages' rows, in their order (one definition: hooks/catalog/rows.py).
    assert labels[:len(FACTS)] == [f.label for f in FACTS.values()]
    models = [CATALOG.models[i] for i in ids]
    # The site's number formats: list prices exact, computed money to the cent, tokens counted exactly.
    for m, cell in zip(models, rows["Input price (per 1M)"], strict=True):
        assert cell["text"] == usd(m.current_price.input)
    for m, cell in zip(models, rows["Blended price (3:1, per 1M)"], strict=True):
        assert cell["text"] == money((3 * m.current_price.input + m.current_price.output) / 4)
    for m, cell in zip(models, rows["Context window"], strict=True):
        assert cell["text"] == f"{tokens_long(m.context_window)} tokens"
    assert [c["text"] for c in rows["Cached input price (per 1M)"]] == [usd(m.current_price.cached_input) for m in models]
    # Benchmarks the models report, with percentages written without a space.
    benchmarks = {s.benchmark.name for m in models for s in m.scores.values()}
    assert set(labels[len(FACTS):]) == benchmarks
    assert all(c["text"] == "—" or (c["text"].endswith("%") and " " not in c["text"]) for name in benchmarks for c in rows[name])
    assert page.locator("#many-form .many-count").inner_text() == "(3 chosen)"


def test_choice_round_trips_through_the_url_in_a_fresh_page(page, new_page, base_url):
    ids = ["gpt-5", "gemini-2.5-pro", "claude-sonnet-4-5-20250929", "gpt-4o-mini"]
    page.goto(base_url + "compare/many/?m=")
    choose(page, ids)
    shared, shown = page.url, table_rows(page)
    assert f"m={','.join(ids)}" in shared
    other = new_page(1280)
    other.goto(shared)
    other.wait_for_selector(TABLE)
    assert columns(other) == ids and table_rows(other) == shown
    checked = other.eval_on_selector_all("#many-form input[name=m]:checked", "boxes => boxes.map(b => b.value)")
    assert sorted(checked) == sorted(ids)


@pytest.mark.parametrize("ids", [
    ["gpt-4o-mini", "gemini-2.5-flash", "claude-haiku-4-5-20251001"],            # one without a cached price
    ["gpt-5", "gemini-2.5-pro", "claude-sonnet-4-5-20250929"],                    # a tie on input and output price
    ["llama-4-scout-17b-16e-instruct", "gpt-4.1", "mistral-small-2603", "o3"],    # no price, no maximum output
    ["gpt-5-mini", "gpt-5-nano", "gpt-5"],                                        # the same limits: no mark
])
def test_best_marks_match_an_independent_computation(page, base_url, ids):
    page.goto(base_url + "compare/many/?m=" + ",".join(ids))
    page.wait_for_selector(TABLE)
    rows = table_rows(page)
    models = [CATALOG.models[i] for i in ids]
    for label, (value, lower) in MEASURED.items():
        marked = [i for i, cell in zip(ids, rows[label], strict=True) if cell["best"]]
        assert marked == expected_best(models, value, lower), label
        for cell in rows[label]:
            assert (cell["said"] == " (best)") == cell["best"] and (cell["weight"] == "700") == cell["best"], (label, cell)
    # Dates carry no mark either: a later release or knowledge cutoff is not a win.
    for label in ("Vendor", "Status", "Input", "Released", "Knowledge cutoff", "Reasoning step"):
        assert not any(cell["best"] for cell in rows[label]), f"{label} has no direction"


def test_retired_models_hide_behind_a_toggle_kept_in_the_url(page, base_url):
    retired = [m.id for m in CATALOG.models.values() if not m.served_on(CATALOG.as_of)]
    page.goto(base_url + "compare/many/?m=gpt-4o,gpt-4o-mini,gpt-4-turbo")
    page.wait_for_selector(TABLE)
    visible = set(page.eval_on_selector_all("#many-form label:not([hidden]) input[name=m]", "boxes => boxes.map(b => b.value)"))
    assert "gpt-4-turbo" in visible, "a retired model that is chosen stays in the list"
    assert not visible & (set(retired) - {"gpt-4-turbo"})
    page.check("#many-form input[name=retired]")
    assert page.locator("#many-form input[name=m]").count() == page.locator("#many-form label:not([hidden]) input[name=m]").count()
    assert parse_qs(urlparse(page.url).query)["retired"] == ["1"]
    assert columns(page) == ["gpt-4o", "gpt-4o-mini", "gpt-4-turbo"]


def test_remove_button_drops_a_column(page, base_url):
    page.goto(base_url + "compare/many/?m=gpt-4o,gpt-4o-mini,o3")
    page.click(f"{TABLE} button[data-remove='gpt-4o-mini']")
    assert columns(page) == ["gpt-4o", "o3"]
    assert parse_qs(urlparse(page.url).query) == {"m": ["gpt-4o,o3"]}
    assert not page.is_checked("#many-form input[value='gpt-4o-mini']")


def test_unknown_ids_are_named_and_left_out(page, base_url):
    page.goto(base_url + "compare/many/?m=gpt-4o,no-such-model,o3")
    page.wait_for_selector(TABLE)
    assert columns(page) == ["gpt-4o", "o3"]
    assert "no-such-model" in page.locator("#many-status").inner_text()


def test_page_works_after_instant_navigation(page, base_url):
    page.goto(base_url + "compare/")
    page.click("article a[href$='many/']")
    page.wait_for_url("**/compare/many/")
    page.wait_for_selector(TABLE)
    assert len(columns(page)) == 3, "the default choice"
    choose(page, ["gpt-4o-mini"])
    assert columns(page)[-1] == "gpt-4o-mini"


def test_row_labels_stay_visible_when_the_table_scrolls_sideways_on_a_phone(new_page, base_url):
    phone = new_page(390, 844)
    phone.goto(base_url + "compare/many/?m=gpt-5,gemini-2.5-pro,claude-sonnet-4-5-20250929,gpt-4o-mini,o3")
    phone.wait_for_selector(TABLE)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "the page itself does not scroll sideways"
    wrap = phone.locator("#many-result .catalog-table-wrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth"), "five models do not fit a phone: the box scrolls"
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    phone.wait_for_function("document.querySelector('#many-result .catalog-table-wrap').scrollLeft > 0")
    box = wrap.bounding_box()
    # The label of a row (and the corner cell) still sits at the box's left edge, on top of the cells under it,
    # wherever the page is scrolled to (the table grows with the page: rows are reached by scrolling the page).
    for th in [phone.locator(f"{TABLE} thead th").first] + phone.locator(f"{TABLE} tbody th[scope=row]").all()[-3:]:
        th.evaluate("t => window.scrollBy(0, t.getBoundingClientRect().top - 300)")
        b = th.bounding_box()
        assert abs(b["x"] - wrap.bounding_box()["x"]) < 1.5, th.inner_text()
        hit = phone.evaluate("([x, y]) => document.elementFromPoint(x, y)?.closest('th')?.textContent", [b["x"] + 5, b["y"] + b["height"] / 2])
        assert hit == th.text_content()
    # No box of its own in height: every row it renders is on the page, none hidden behind an inner scroll.
    assert wrap.evaluate("w => w.scrollHeight <= w.clientHeight + 1")
    assert box["width"] <= 390


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_the_table_starts_near_the_top_and_shows_every_row(new_page, base_url, width, height):
    page = new_page(width, height)
    page.goto(base_url + "compare/many/?m=gpt-5,gemini-2.5-pro,claude-sonnet-4-5-20250929,gpt-4o-mini,o3")
    page.wait_for_selector(TABLE)
    wrap = page.locator("#many-result .catalog-table-wrap")
    top = wrap.bounding_box()["y"]
    assert top < height * (0.9 if width < 600 else 0.6), f"the table starts at {top:.0f} px"
    assert wrap.evaluate("w => w.scrollHeight <= w.clientHeight + 1 && getComputedStyle(w).maxHeight === 'none'")
    rows = page.locator(f"{TABLE} tbody tr")
    last = rows.nth(rows.count() - 1)
    last.scroll_into_view_if_needed()
    box, shown = last.bounding_box(), wrap.bounding_box()
    assert box["y"] + box["height"] <= shown["y"] + shown["height"] + 1, "the last row is inside the visible table"
