"""Issue #15's rankings on the real data: independent figures rank, Arena interval overlaps are ties, every figure says whose, when and at what setting."""

from __future__ import annotations

from helpers import DATA, SCHEMA

from catalog import load_catalog, text
from catalog.applications import rank
from catalog.model import Application, Favour
from catalog.views import build_views

CATALOG = load_catalog(DATA, SCHEMA, "data/models.yaml")
VIEWS = build_views(CATALOG)
MODELS = list(CATALOG.models.values())


def arena_only(board: str, category: str) -> Application:
    favour = Favour("independent", label=f"Arena {board} {category}", evaluator="arena", board=board, category=category)
    return Application("arena-only", "Arena only", "s", "g", {"status": ["active", "legacy", "deprecated"]}, (favour,))


def test_a_ranking_on_arena_ratings_never_orders_two_overlapping_intervals():
    for board, category in (("text", "overall"), ("text_style_control", "coding"), ("webdev", "overall")):
        fit = rank(arena_only(board, category), MODELS, CATALOG.as_of)
        ranked = [r.model for r in fit.ranked]
        assert len(ranked) >= 20
        overlapping = 0
        for i, a in enumerate(ranked):
            for b in ranked[i + 1:]:
                fa, fb = a.figure("arena", board, category), b.figure("arena", board, category)
                if fa.overlaps(fb):
                    overlapping += 1
                    assert fit.tied(a.id, b.id), (a.id, b.id, fit.place_text(a.id), fit.place_text(b.id))
                elif fa.lower > fb.upper + 200:  # far apart: an order, not a tie
                    assert not fit.tied(a.id, b.id)
        assert overlapping > 0
        assert any("–" in fit.place_text(m.id) for m in ranked)


def test_every_ranking_says_tied_where_arena_intervals_overlap():
    for fit in VIEWS.fits.values():
        for use in fit.used_benchmarks:
            favour = use.favour
            if favour.factor != "independent":
                continue
            rows = [r for r in fit.ranked + fit.unscored if r.model.figure(*favour.key)]
            for i, a in enumerate(rows):
                for b in rows[i + 1:]:
                    fa, fb = a.model.figure(*favour.key), b.model.figure(*favour.key)
                    if fa.overlaps(fb):
                        for r, f in ((a, fa), (b, fb)):
                            reason = next(x for x in r.reasons if x.startswith(f.where))
                            assert "tied within the 95% intervals" in reason, reason


def test_every_figure_a_ranking_shows_names_its_evaluator_date_and_setting():
    shown = 0
    for fit in VIEWS.fits.values():
        for favour in [u.favour for u in fit.factors if u.favour.factor == "independent"]:
            for r in fit.ranked + fit.unscored:
                figure = r.model.figure(*favour.key)
                if figure is None:
                    continue
                reason = next(x for x in r.reasons if x.startswith(figure.where))
                assert figure.evaluator.name in reason and text.long_date(figure.date) in reason and figure.setting in reason
                shown += 1
    assert shown > 100


def test_vendor_figures_in_a_ranking_with_independent_ones_are_labelled_vendor_reported():
    fit = VIEWS.fits["code"]
    vendor = [x for r in fit.ranked for x in r.reasons if x.startswith("SWE-bench")]
    assert vendor and all("vendor-reported" in x for x in vendor)


def test_code_ranks_on_arena_coding_and_the_aa_coding_index_and_needs_tool_calling():
    fit = VIEWS.fits["code"]
    keys = [u.favour.key for u in fit.used_benchmarks]
    assert ("arena", "text_style_control", "coding") in keys and ("artificial_analysis", "coding_index", None) in keys
    assert all(r.model.capabilities.tool_calling is True for r in fit.ranked + fit.unscored)
    assert any("tool calling" in " ".join(e.reasons) for e in fit.excluded)


def test_low_latency_ranks_on_measured_speed():
    fit = VIEWS.fits["low-latency"]
    keys = {u.favour.key for u in fit.used_benchmarks}
    assert keys == {("artificial_analysis", "ttft", None), ("artificial_analysis", "output_speed", None)}
    top = fit.ranked[0]
    assert "tokens/s" in " ".join(top.reasons) and " s (" in " ".join(top.reasons)
    assert all(r.model.figure("artificial_analysis", "ttft") or r.model.figure("artificial_analysis", "output_speed") for r in fit.ranked)


def test_price_against_independent_quality_charts_every_recommendable_model_with_a_figure():
    from catalog.charts import price_independent_chart
    for key in (("arena", "text", "overall"), ("artificial_analysis", "intelligence_index", None)):
        chart = price_independent_chart(CATALOG, *key)
        rated = {m.name for m in MODELS if m.recommendable_on(CATALOG.as_of) and m.figure(*key)}
        assert {row[0] for row in chart.rows} == rated
        assert chart.svg.count('class="point"') == 2 * sum(1 for row in chart.rows if row[2] != "no API price")
        assert "Scatter plot" in chart.description and all(row[4] and row[5].endswith("2026") for row in chart.rows)
        unpriced = [row[0] for row in chart.rows if row[2] == "no API price"]
        assert all(name in chart.description for name in unpriced)
    arena = price_independent_chart(CATALOG, "arena", "text", "overall")
    assert 'class="interval"' in arena.svg and "95% interval" in arena.description
