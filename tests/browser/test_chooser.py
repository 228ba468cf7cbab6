"""Issue #17, the chooser: needs in, a short list out, updated as the reader chooses, state in the URL;
without script the page's static lists answer. The short list must be exactly what the data says:
each case below is worked out here from the catalog and compared with what the browser shows."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import load_catalog  # noqa: E402
from catalog.differences import blended_price  # noqa: E402
from catalog.views import build_views  # noqa: E402

CATALOG = load_catalog(ROOT / "data" / "models.yaml", ROOT / "data" / "models.schema.json", "data/models.yaml")
VIEWS = build_views(CATALOG)
LIMIT = 5

CASES = [
    {},
    {"use": "code"},
    {"use": "code", "maxout": "5"},
    {"in": "image", "ctx": "1000000", "tools": "yes"},
    {"use": "chatbots", "open": "yes"},
    {"use": "low-latency", "ctx": "128000"},
    {"use": "document-analysis", "in": "pdf", "maxout": "10"},
    {"in": "audio", "open": "yes"},
    {"in": "video", "open": "yes", "ctx": "1000000", "maxout": "0.01"},   # nothing meets all four
]


def expected(needs: dict[str, str]) -> tuple[int, list[str]]:
    """How many recommendable models meet the needs, and the first LIMIT names in the chooser's order."""
    current = [m for m in CATALOG.models.values() if m.recommendable_on(CATALOG.as_of)]
    fit = VIEWS.fits.get(needs.get("use", ""))
    order = {r.model.id: i for i, r in enumerate((fit.ranked + fit.unscored) if fit else ())}

    def meets(m) -> bool:
        price = m.current_price
        return ((fit is None or m.id in order)
                and (not needs.get("in") or needs["in"] in m.input_modalities)
                and (not needs.get("ctx") or m.context_window >= int(needs["ctx"]))
                and (not needs.get("tools") or m.capabilities.tool_calling is True)
                and (not needs.get("open") or m.open_weights)
                and (not needs.get("maxout") or (price is not None and price.output <= float(needs["maxout"]))))

    met = [m for m in current if meets(m)]
    if fit:
        met.sort(key=lambda m: order[m.id])
    else:
        met.sort(key=lambda m: blended_price(m.current_price) if m.current_price else float("inf"))
    return len(met), [m.name for m in met[:LIMIT]]


def shown(page) -> list[str]:
    return page.eval_on_selector_all(".shortlist-table tbody tr:not([hidden]) th a", "as => as.map(a => a.textContent)")


@pytest.mark.parametrize("needs", CASES, ids=lambda n: "&".join(f"{k}={v}" for k, v in n.items()) or "no-needs")
def test_the_short_list_for_needs_in_the_address_is_what_the_data_gives(page, base_url, needs):
    page.goto(base_url + "choose/" + ("?" + urlencode(needs) if needs else ""))
    count, names = expected(needs)
    assert shown(page) == names
    said = page.inner_text(".chooser .catalog-count")
    assert (said.startswith(f"{count} model") if count else said.startswith("No model meets")), said
    if needs.get("use") and names:
        fit = VIEWS.fits[needs["use"]]
        first = next(r.model for r in fit.ranked + fit.unscored if r.model.name == names[0])
        place = fit.place_text(first.id) or "no score"
        assert page.inner_text(".shortlist-table tbody tr:not([hidden]) .shortlist-place") == place


def test_choosing_updates_the_list_and_the_address_and_the_overview_link_carries_the_needs(page, base_url):
    page.goto(base_url + "choose/")
    assert page.is_visible(".chooser")
    page.select_option(".chooser select[name=use]", "code")
    page.select_option(".chooser select[name=tools]", "yes")
    page.fill(".chooser input[name=maxout]", "5")
    assert shown(page) == expected({"use": "code", "tools": "yes", "maxout": "5"})[1]
    assert "use=code" in page.url and "tools=yes" in page.url and "maxout=5" in page.url
    link = page.get_attribute(".chooser [data-overview-link]", "href")
    assert "tools=yes" in link and "maxout=5" in link and "use=" not in link
    page.goto(link if link.startswith("http") else base_url + "models/" + link[link.index("?"):])
    assert page.input_value("input[name=maxout]") == "5"
    page.goto(base_url + "choose/?use=no-such-use")
    assert page.input_value(".chooser select[name=use]") == "" and shown(page) == expected({})[1]


def test_without_script_the_chooser_stays_hidden_and_the_static_lists_answer(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "choose/")
        assert not page.is_visible(".chooser")
        assert page.is_visible("[id='1-what-must-it-read-and-write']") and page.locator("table").count() >= 3
    finally:
        context.close()


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)])
def test_the_first_pick_is_in_the_first_screen(new_page, base_url, width, height):
    page = new_page(width, height)
    page.goto(base_url + "choose/?use=code")
    box = page.locator(".shortlist-table tbody tr:not([hidden])").first.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
