"""Pair pages lead with the answer: a short verdict, the differences that matter most, successors, one price sentence."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from bs4 import BeautifulSoup
from factories import SRC, Retirement, model, price
from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.differences import compare
from catalog.views import Pair, build_views, computed_verdict, succession, top_differences

CATALOG = real_catalog()
VIEWS = build_views(CATALOG)
SEED = "compare/gpt-4o-vs-gpt-4o-mini"


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def retiring(id, replacement=None, shutdown=date(2027, 1, 14), **kw):
    return model(id, status="deprecated", retirement=Retirement(SRC, date(2026, 10, 14), shutdown, replacement), **kw)


# --- the rule that picks what matters most ---------------------------------------------

def test_top_three_follow_the_rule_status_price_benchmark_context():
    a = retiring("a", pricing=(price("2024-05-13", 2.5, 10.0),), scores={"mmlu": 88.7, "wer": 9.0}, context_window=1_000_000)
    b = model("b", pricing=(price("2024-05-13", 0.15, 0.6),), scores={"mmlu": 82.0, "wer": 12.0})
    top = top_differences(compare(a, b))
    assert [h.label for h in top] == ["Status", "Price", "Largest benchmark gap"]
    assert top[2].difference.topic == "mmlu"   # 6.7 points beats 3.0 points
    assert len(top) == 3


def test_without_retirement_context_comes_after_the_benchmark_gap():
    a = model("a", pricing=(price("2024-05-13", 2.5, 10.0),), scores={"mmlu": 88.7}, context_window=1_000_000)
    b = model("b", pricing=(price("2024-05-13", 0.15, 0.6),), scores={"mmlu": 82.0})
    assert [h.label for h in top_differences(compare(a, b))] == ["Price", "Largest benchmark gap", "Context window"]


def test_equal_facts_are_never_picked():
    top = top_differences(compare(model("a"), model("b")))
    assert top == []


def test_short_verdict_says_both_are_deprecated():
    a = retiring("a", pricing=(price("2024-05-13", 2.5, 10.0),), scores={"mmlu": 88.7, "wer": 9.0})
    b = retiring("b", pricing=(price("2024-05-13", 0.15, 0.6),), scores={"mmlu": 82.0, "wer": 12.0})
    verdict = computed_verdict(compare(a, b))
    assert verdict == "B is 94% cheaper at a 3:1 input/output mix; A scores higher on all 2 benchmarks both report; both are deprecated."
    assert "is deprecated and" not in verdict


def test_short_verdict_with_split_benchmarks_and_different_status():
    a = retiring("a", scores={"mmlu": 88.7, "wer": 12.0})
    b = model("b", scores={"mmlu": 82.0, "wer": 9.0}, context_window=256_000)
    assert computed_verdict(compare(a, b)) == ("Of the 2 benchmarks both report, A leads on 1 and B on 1; "
                                               "B reads 2.0× more context; A is deprecated and B is active.")


# --- successors ---------------------------------------------------------------------------

def _site(*models, pairs=()):
    by_id = {m.id: m for m in models}

    def final_successor(m):
        # The real Catalog.successors rule on this small set: follow replacements to the last known one.
        seen, current = {m.id}, m
        while current.retirement and current.retirement.replacement in by_id and current.retirement.replacement not in seen:
            current = by_id[current.retirement.replacement]
            seen.add(current.id)
        return None if current is m else current
    return SimpleNamespace(models=by_id, final_successor=final_successor), SimpleNamespace(pairs=tuple(pairs))


def _compared(found):
    return [(x.a.id, x.b.id, x.pair.slug if x.pair else None) for x in found.comparisons]


def test_successors_link_the_pair_page_comparing_them():
    a, b, x, y = retiring("a", "x"), retiring("b", "y"), model("x"), model("y")
    catalog, views = _site(a, b, x, y, pairs=[Pair(y, x)])
    found = succession(Pair(a, b), catalog, views)
    assert [(old.id, new.id) for old, new in found.replacements] == [("a", "x"), ("b", "y")]
    assert _compared(found) == [("x", "y", "y-vs-x")] and found.shared is None


def test_successors_without_a_page_go_to_compare_any_two():
    a, b, x, y = retiring("a", "x"), retiring("b", "y"), model("x"), model("y")
    assert _compared(succession(Pair(a, b), *_site(a, b, x, y))) == [("x", "y", None)]


def test_one_successor_is_compared_with_the_model_that_stays():
    a, b, x = retiring("a", "x"), model("b"), model("x")
    assert _compared(succession(Pair(a, b), *_site(a, b, x))) == [("x", "b", None)]


def test_a_successor_shared_by_both_is_compared_with_each_model_it_replaces():
    a, b, x = retiring("a", "x"), retiring("b", "x"), model("x")
    found = succession(Pair(a, b), *_site(a, b, x, pairs=[Pair(x, b)]))
    assert found.shared.id == "x"
    assert _compared(found) == [("x", "a", None), ("x", "b", "x-vs-b")]


def test_no_retirement_no_successor_line_and_a_missing_replacement_is_named():
    assert succession(Pair(model("a"), model("b")), *_site(model("a"), model("b"))) is None
    a, b = retiring("a"), model("b")
    found = succession(Pair(a, b), *_site(a, b))
    assert found.replacements == () and found.comparisons == () and [m.id for m in found.without] == ["a"]


# --- the built seed page ----------------------------------------------------------------------

def test_seed_page_leads_with_the_verdict_and_three_differences(built_site):
    page = soup(built_site, SEED)
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2, article h3")]
    assert headings[:2] == ["Verdict", "What matters most"]
    short = page.select_one("p.verdict-short").get_text(" ", strip=True)
    assert short.startswith("In short:") and "both are deprecated" in short
    top = page.select("ol.top-differences li")
    assert [li.strong.get_text() for li in top] == ["Status:", "Price:", "Largest benchmark gap:"]
    assert "GPQA Diamond" in top[2].get_text()   # 12.9 points, the widest gap of the five


def test_seed_page_names_successors_or_says_there_are_none(built_site):
    page = soup(built_site, SEED)
    line = page.select_one("p.successors")
    text = line.get_text(" ", strip=True)
    found = succession(next(p for p in VIEWS.pairs if p.slug == "gpt-4o-vs-gpt-4o-mini"), CATALOG, VIEWS)
    hrefs = [a["href"] for a in line.find_all("a")]
    if found.shared:
        assert f"Suggested replacement for both: {found.shared.name}" in text
    else:
        for old, new in found.replacements:
            assert f"{old.name} → {new.name}" in text
    from catalog.text import relative_url
    here = SEED + "/"
    for x in found.comparisons:
        assert (relative_url(here, x.pair.url) if x.pair else f"../?a={x.a.id}&b={x.b.id}") in hrefs
    if found.without:
        assert "no replacement named in the data" in text


def test_seed_page_has_one_price_sentence_and_a_price_table(built_site):
    page = soup(built_site, SEED)
    text = page.find("article").get_text(" ", strip=True)
    assert text.count("94% cheaper") == 3   # the short verdict, the top three, the price section: once each
    assert "is deprecated and" not in text
    table = page.select_one("table[data-table=pair-prices]")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Price", "GPT-4o", "GPT-4o mini"]
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")}
    assert list(rows) == ["Input", "Cached input", "Output", "Blended 3:1"]
    assert [r[0] for r in rows.values()] == ["$2.50", "$1.25", "$10.00", "$4.38"]
    assert [r[1] for r in rows.values()] == ["$0.15 ▲ (lower)", "$0.075 ▲ (lower)", "$0.60 ▲ (lower)", "$0.26 ▲ (lower)"]


def test_release_dates_carry_no_better_mark(built_site):
    page = soup(built_site, SEED)
    for tr in page.select("table[data-table=side-by-side] tbody tr"):
        if tr.th.get_text(strip=True) in ("Released", "Knowledge cutoff"):
            assert not tr.select(".better, .better-mark"), tr


def test_no_template_text_about_the_sites_history(built_site):
    """Template text never talks about where the site came from (data text is the editors' to change)."""
    phrases = ("this site grew from", "this site began", "the original", "this page replaces")
    data_text = [" ".join(t.split()) for c in CATALOG.comparisons
                 for t in (c.intro, c.conclusion, *(p.text for p in c.differences + c.corrections), *(w for _, w in c.choose)) if t]
    for url in (SEED, "choose", "key-differences"):
        page = soup(built_site, url)
        for p in page.find("article").find_all(["p", "li", "td"]):
            text = p.get_text(" ", strip=True)
            if not any(d[:60] in text for d in data_text):
                assert not any(x in text.lower() for x in phrases), (url, text)


def test_every_retiring_model_page_and_its_pair_with_the_replacement_show_the_cost_of_the_move(built_site):
    """Issue 16: the example workload priced on the model and on where its replacement chain ends, with the change and a
    calculator link pre-filled with the replacement."""
    import html
    import re

    from catalog import text

    views = build_views(CATALOG)
    shown = 0
    for m in CATALOG.models.values():
        switch = views.switches.get(m.id)
        target = CATALOG.final_successor(m)
        if m.retirement is None or target is None or not (m.current_price and target.current_price):
            assert switch is None, m.id
            continue
        assert switch is not None and switch.new.model is target, m.id
        page = html.unescape((built_site / "models" / m.id / "index.html").read_text(encoding="utf-8"))
        sentence = (f"{target.name} costs {text.money(switch.new.total)} a month against {text.money(switch.old.total)} "
                    f"on {m.name} ({switch.change})")
        assert sentence in re.sub(r"<[^>]+>", "", page), m.id
        assert f"calculator/?requests=1000000&input=500&output=200&model={target.id}" in page, m.id
        shown += 1
        for pair in views.pairs_of[m.id]:
            if target in (pair.a, pair.b):
                pair_page = html.unescape((built_site / pair.url / "index.html").read_text(encoding="utf-8"))
                assert sentence in re.sub(r"<[^>]+>", "", pair_page), pair.slug
    assert shown >= 20
