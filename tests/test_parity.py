"""Parity: the pair pages, compare-any-two and compare-several show the same rows, order, values, marks and sentences.

The rows are defined once (hooks/catalog/rows.py) and the scripts draw them from
api/compare.json; these tests prove it on the real built site (the session's
shared build): every pair page the build generates against the rules computed
in Python and against the real scripts run in Chromium on the shipped data,
plus N-compare row sets (3 and 5 models, chosen deterministically to include
missing fields, retired models and tied values), and a handful of pairs and
sets rendered by the scripts in the page itself.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, SoupStrainer
from helpers import real_catalog

from catalog.rows import FACTS, row_set
from catalog.views import build_views


CATALOG = real_catalog()
VIEWS = build_views(CATALOG)
DIMENSIONS = ("price", "context", "modalities", "benchmarks", "dates")

Rows = list[tuple[str, str, list[str], list[int]]]   # (key, label, cell texts, marked columns)


def python_rows(models: list[Any]) -> Rows:
    rows = row_set(models, CATALOG.benchmarks, lambda m: VIEWS.cells[m.id])
    return [(r.key, r.label, [c.text for c in r.cells], list(r.best)) for r in rows]


@functools.cache
def _pair_page(site: Path, slug: str) -> tuple[Rows, list[str]]:
    """A built pair page's side-by-side table and key-difference sentences, as a reader sees them (parsed once)."""
    html = BeautifulSoup((site / "compare" / slug / "index.html").read_text(encoding="utf-8"), "lxml",
                         parse_only=SoupStrainer(["table", "ul"]))  # only what is compared: parsing 450 whole pages is slow
    out = []
    for tr in html.select("table[data-table=side-by-side] tbody tr"):
        cells = tr.find_all("td")
        marked = [i for i, td in enumerate(cells) if "better" in (td.get("class") or [])]
        for span in tr.select(".better-mark, .sr-only"):
            span.decompose()
        out.append((tr["data-row"], tr.th.get_text(strip=True), [td.get_text(strip=True) for td in cells], marked))
    items = html.select("ul.differences li")
    for item in items:
        for cites in item.select(".cites"):
            cites.decompose()
    return out, [li.get_text().strip() for li in items]


def page_rows(site: Path, slug: str) -> Rows:
    return _pair_page(site, slug)[0]


def page_sentences(site: Path, slug: str) -> list[str]:
    return _pair_page(site, slug)[1]


def n_sets() -> list[list[str]]:
    """3- and 5-model sets, chosen by a fixed rule: missing fields, retired models, tied values, then strides."""
    models = sorted(CATALOG.models.values(), key=lambda m: m.id)
    unpriced = next(m for m in models if not m.current_price)
    no_cutoff = next(m for m in models if not m.knowledge_cutoff and m.id != unpriced.id)
    retired = next(m for m in models if m.status == "retired")
    by_context: dict[int, list[Any]] = {}
    for m in models:
        if m.current_price:
            by_context.setdefault(m.context_window, []).append(m)
    tied = next(group[:2] for group in by_context.values() if len(group) >= 2 and group[0].vendor.id != group[1].vendor.id)
    sets = [[unpriced.id, retired.id, no_cutoff.id],
            [tied[0].id, tied[1].id, retired.id, unpriced.id, no_cutoff.id],
            [tied[0].id, tied[1].id, next(m.id for m in models if m.context_window < tied[0].context_window)]]
    for stride, size in ((7, 3), (11, 5), (13, 5), (17, 3)):
        sets.append([m.id for m in models[::stride][:size]])
    return [list(dict.fromkeys(s)) for s in sets]


SETS = n_sets()


def test_the_sets_cover_what_they_should():
    chosen = [CATALOG.models[i] for s in SETS for i in s]
    assert any(not m.current_price for m in chosen) and any(not m.knowledge_cutoff for m in chosen)
    assert any(m.status == "retired" for m in chosen)
    assert {len(s) for s in SETS} == {3, 5}
    tied = [r for s in SETS for r in python_rows([CATALOG.models[i] for i in s]) if len(r[3]) > 1]
    assert tied, "a set with two models sharing the best value"


def test_every_pair_page_shows_the_rows_and_sentences_the_python_defines(built_site):
    mismatched = []
    for pair in VIEWS.pairs:
        if page_rows(built_site, pair.slug) != python_rows([pair.a, pair.b]):
            mismatched.append(pair.slug)
        diffs = VIEWS.differences[pair.slug]
        if page_sentences(built_site, pair.slug) != [d.sentence for dim in DIMENSIONS for d in diffs.of(dim)]:
            mismatched.append(pair.slug + " (sentences)")
    assert len(VIEWS.pairs) > 100
    assert not mismatched, f"{len(mismatched)} pair pages differ: {mismatched[:20]}"


def test_no_date_row_carries_a_mark(built_site):
    dated = {"released", "knowledge_cutoff"}
    assert all(FACTS[k].better is None for k in dated)
    shipped = json.loads((built_site / "api" / "compare.json").read_text(encoding="utf-8"))
    assert {r["key"] for r in shipped["rows"] if r["key"] in dated} == dated
    assert all(r["better"] is None for r in shipped["rows"] if r["key"] in dated)


def test_the_horizon_is_one_constant_shipped_as_data(built_site):
    from catalog.model import RETIRING_HORIZON_DAYS
    shipped = json.loads((built_site / "api" / "compare.json").read_text(encoding="utf-8"))
    assert shipped["horizon_days"] == RETIRING_HORIZON_DAYS
    hooks = Path(__file__).resolve().parents[1] / "hooks"
    for path in [*hooks.glob("templates/*"), *(hooks.parent / "docs" / "assets").glob("*.js")]:
        assert f"{RETIRING_HORIZON_DAYS} days" not in path.read_text(encoding="utf-8"), path


# --- the real scripts, in Chromium ------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_page(built_site: Path, browser):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield page, f"http://127.0.0.1:{server.server_address[1]}/", errors
        page.close()
    finally:
        server.shutdown()


def _js_rows(rows: list[dict[str, Any]]) -> Rows:
    return [(r["key"], r["label"], [c["text"] for c in r["cells"]], [i for i, c in enumerate(r["cells"]) if c["best"]])
            for r in rows if r.get("key")]


@pytest.fixture(scope="module")
def scripts_say(site_page) -> dict[str, Any]:
    """What compare.js and compare-many.js compute for every pair page and every set, on api/compare.json."""
    page, base, _errors = site_page
    page.goto(base + "compare/many/")
    page.wait_for_selector("#many-result table")
    pairs = [[p.a.id, p.b.id] for p in VIEWS.pairs]
    return page.evaluate("""async ([pairs, sets]) => {
      const doc = await (await fetch(document.getElementById('many-form').getAttribute('data-models'))).json();
      const byId = {}, benchmarks = {};
      doc.models.forEach(m => { byId[m.id] = m; });
      doc.benchmarks.forEach(b => { benchmarks[b.id] = b; });
      const out = { pairs: {}, sets: {} };
      for (const [x, y] of pairs) {
        const a = byId[x], b = byId[y];
        out.pairs[x + ' ' + y] = {
          two: window.LLMCompareRules.rows(a, b, doc).map(r => ({ key: r.key, label: r.label,
                 cells: [{ text: r.a, best: r.better === 'a' }, { text: r.b, best: r.better === 'b' }] })),
          many: window.LLMCompareMany.specRows([a, b], doc),
          sentences: window.LLMCompareRules.differences(a, b, benchmarks),
        };
      }
      for (const ids of sets) out.sets[ids.join(',')] = window.LLMCompareMany.specRows(ids.map(i => byId[i]), doc);
      return out;
    }""", [pairs, SETS])


def test_both_scripts_draw_the_rows_of_every_pair_page(built_site, scripts_say):
    differ_two, differ_many, differ_sentences = [], [], []
    for pair in VIEWS.pairs:
        shown = scripts_say["pairs"][f"{pair.a.id} {pair.b.id}"]
        expected = page_rows(built_site, pair.slug)
        if _js_rows(shown["two"]) != expected:
            differ_two.append(pair.slug)
        if _js_rows(shown["many"]) != expected:
            differ_many.append(pair.slug)
        if [s for dim in DIMENSIONS for s in shown["sentences"][dim]] != page_sentences(built_site, pair.slug):
            differ_sentences.append(pair.slug)
    assert not differ_two, f"compare-any-two differs on {len(differ_two)} of {len(VIEWS.pairs)} pairs: {differ_two[:10]}"
    assert not differ_many, f"compare-several differs on {len(differ_many)} of {len(VIEWS.pairs)} pairs: {differ_many[:10]}"
    assert not differ_sentences, f"sentences differ on {len(differ_sentences)} pairs: {differ_sentences[:10]}"


def test_compare_several_draws_the_python_rows_for_every_set(scripts_say):
    for ids in SETS:
        assert _js_rows(scripts_say["sets"][",".join(ids)]) == python_rows([CATALOG.models[i] for i in ids]), ids


def _dom_rows(page, selector: str) -> Rows:
    return [tuple(r) for r in page.eval_on_selector_all(selector + " tbody tr[data-row]", """rows => rows.map(tr => {
      const cells = Array.from(tr.querySelectorAll('td'));
      return [tr.getAttribute('data-row'), tr.querySelector('th').textContent.trim(),
              cells.map(td => Array.from(td.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim()),
              cells.map((td, i) => td.querySelector('.better-mark') ? i : -1).filter(i => i >= 0)];
    })""")]  # type: ignore[misc]


SAMPLE = [VIEWS.pairs[i] for i in sorted({0, 1, len(VIEWS.pairs) // 3, len(VIEWS.pairs) // 2, len(VIEWS.pairs) - 1})]


@pytest.mark.parametrize("pair", SAMPLE, ids=[p.slug for p in SAMPLE])
def test_the_pages_render_what_the_data_says(built_site, site_page, pair):
    page, base, errors = site_page
    expected = [(k, label, cells, marked) for k, label, cells, marked in page_rows(built_site, pair.slug)]
    page.goto(base + f"compare/?a={pair.a.id}&b={pair.b.id}")
    page.wait_for_selector("#compare-result table[data-table=side-by-side]")
    assert [list(r) for r in _dom_rows(page, "#compare-result")] == [list(r) for r in expected]
    shown = page.eval_on_selector_all("#compare-result ul[data-dimension] li", "items => items.map(i => i.textContent)")
    assert shown == page_sentences(built_site, pair.slug)
    page.goto(base + f"compare/many/?m={pair.a.id},{pair.b.id}&retired=1")
    page.wait_for_selector("#many-result table")
    assert [list(r) for r in _dom_rows(page, "#many-result")] == [list(r) for r in expected]
    assert not errors


@pytest.mark.parametrize("ids", [SETS[0], SETS[1]], ids=["three", "five"])
def test_compare_several_renders_a_set_as_the_python_defines_it(site_page, ids):
    page, base, errors = site_page
    page.goto(base + "compare/many/?m=" + ",".join(ids) + "&retired=1")
    page.wait_for_selector("#many-result table")
    expected = python_rows([CATALOG.models[i] for i in ids])
    assert [list(r) for r in _dom_rows(page, "#many-result")] == [list(r) for r in expected]
    assert not errors


def test_each_pair_is_compared_once_per_build(monkeypatch):
    """Differences, verdicts and workload costs are computed once, in build_views; pages and exports read them."""
    from catalog import differences, site, views
    calls: dict[str, int] = {"compare": 0, "verdict": 0, "workload": 0}

    def counted(name: str, real: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(views, "compare", counted("compare", differences.compare))
    monkeypatch.setattr(differences, "compare", counted("compare", differences.compare))
    monkeypatch.setattr(views, "computed_verdict", counted("verdict", views.computed_verdict))
    monkeypatch.setattr(views, "workload_line", counted("workload", views.workload_line))
    plan = site.plan_site(CATALOG)
    pairs = len(plan.views.pairs)
    assert calls == {"compare": pairs, "verdict": pairs, "workload": len(CATALOG.models) * len(views.WORKLOADS)}
