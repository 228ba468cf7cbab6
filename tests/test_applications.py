"""Application ranking: hard needs exclude with a reason, favoured factors rank, ties are stable."""

from __future__ import annotations

from datetime import date

from factories import Announced, SRC, model, price

from catalog.applications import exclusion_reasons, rank
from catalog.model import Application, Favour


def app(needs=None, *favours) -> Application:
    return Application("t", "Test", "", "", needs or {}, favours or (Favour("low_cost", label="low cost"),))


def test_missing_modality_is_named_and_announced_only_is_explained():
    m = model("a", announced=Announced(("audio",), (), SRC))
    assert exclusion_reasons(app({"input": ["audio"]}), m) == ["no audio input (announced at launch, not in this API model)"]
    assert exclusion_reasons(app({"output": ["image"]}), model("b")) == ["no image output"]


def test_context_output_status_reasoning_and_price_needs():
    m = model("a", context_window=8192, max_output_tokens=None, status="retired", reasoning="always", pricing=())
    reasons = exclusion_reasons(app({"min_context": 32000, "min_output": 4096, "status": ["active"],
                                     "reasoning": ["none", "optional"], "api_price": True}), m)
    assert reasons == ["context window 8,192 tokens, under the 32,000 needed", "no published maximum output",
                       "status is retired", "always reasons before answering, which adds delay",
                       "no published per-token API price"]


def test_cheapest_ranks_first_with_its_price_as_the_reason():
    cheap = model("cheap", pricing=(price("2024-01-01", 0.15, 0.60),))
    dear = model("dear", pricing=(price("2024-01-01", 2.5, 10.0),))
    fit = rank(app(), [dear, cheap])
    assert [r.model.id for r in fit.ranked] == ["cheap", "dear"]
    assert fit.ranked[0].reasons == ("$0.15 in / $0.60 out per 1M; $0.26 blended at 3 in : 1 out (cheapest of 2)",)
    assert fit.ranked[0].score == 1.0 and fit.ranked[1].score == 0.0


def scored(bench: str, values: list[float]) -> list:
    return [model(f"m{i}", scores={bench: v}) for i, v in enumerate(values)]


def test_lower_is_better_benchmark_ranks_the_lower_score_first():
    fav = Favour("benchmark", benchmark="wer", label="WER score")
    fit = rank(app(None, fav), scored("wer", [12.0, 9.0, 10.0, 11.0, 13.0, 14.0, 15.0, 16.0]))
    assert [r.model.id for r in fit.ranked] == ["m1", "m2", "m3", "m0", "m4", "m5", "m6", "m7"]
    assert fit.ranked[0].reasons == ("WER 9.0% (best of 8 with a score)",)


def test_missing_score_is_named_and_the_model_is_listed_apart_not_below_or_above():
    cost, bench = Favour("low_cost", label="low cost"), Favour("benchmark", benchmark="mmlu", label="MMLU score")
    # The unscored model is the cheapest; the scored ones share one price.
    unscored = model("gap", pricing=(price("2024-01-01", 0.1, 0.4),))
    fit = rank(app(None, cost, bench), [unscored, *scored("mmlu", [80.0, 70.0, 60.0, 50.0, 40.0, 30.0, 20.0, 10.0])])
    assert [r.model.id for r in fit.ranked] == [f"m{i}" for i in range(8)], "ranked by score among those with one"
    assert [r.model.id for r in fit.unscored] == ["gap"] and fit.is_unscored("gap") and fit.rank_of("gap") is None
    assert "no MMLU score in this dataset (ranked on its other factors)" in fit.unscored[0].reasons
    assert [u.used for u in fit.factors] == [True, True] and fit.factors[1].scored == 8


def test_without_a_ranking_benchmark_every_eligible_model_is_ranked():
    fit = rank(app(None, Favour("low_cost", label="low cost"), Favour("recent", label="recent")), [model("a"), model("b")])
    assert len(fit.ranked) == 2 and fit.unscored == ()


def test_a_benchmark_with_too_few_scores_does_not_rank():
    bench = Favour("benchmark", benchmark="mmlu", label="MMLU score")
    fit = rank(app(None, Favour("low_cost", label="low cost"), bench),
               [model("a", scores={"mmlu": 10.0}, pricing=(price("2024-01-01", 0.1, 0.4),)), model("b", scores={"mmlu": 90.0})])
    assert fit.factors[1].used is False and fit.factors[1].scored == 2
    assert [r.model.id for r in fit.ranked] == ["a", "b"], "the cost factor alone decides"
    assert fit.ranked[1].reasons[1].endswith("not used: too few scores")


def test_retired_and_soon_retiring_models_are_excluded_on_as_of():
    from catalog.model import Retirement
    gone = model("gone", status="retired")
    going = model("going", status="deprecated", retirement=Retirement(SRC, shutdown=date(2026, 12, 11)))
    later = model("later", status="deprecated", retirement=Retirement(SRC, shutdown=date(2027, 6, 1)))
    fit = rank(app(), [gone, going, later, model("now")], as_of=date(2026, 11, 25))
    assert {r.model.id for r in fit.ranked} == {"later", "now"}
    reasons = {e.model.id: e.reasons for e in fit.excluded}
    assert reasons["gone"] == ("retired",)
    assert reasons["going"] == ("retiring Dec 11, 2026, within 90 days of Nov 25, 2026",)


def test_low_cost_prices_the_long_context_tier_a_typical_prompt_falls_in():
    from catalog.model import PricePoint, PriceTier
    tiered = model("tiered", pricing=(PricePoint(date(2024, 1, 1), 1.0, 4.0, SRC, tiers=(PriceTier(200_000, 10.0, 40.0),)),))
    flat = model("flat", pricing=(price("2024-01-01", 2.0, 8.0),))
    short = rank(app(None, Favour("low_cost", label="low cost")), [tiered, flat])
    long = rank(app(None, Favour("low_cost", label="low cost", prompt=300_000)), [tiered, flat])
    assert short.ranked[0].model.id == "tiered" and long.ranked[0].model.id == "flat"


def test_weights_decide_between_factors():
    cheap_old = model("cheap", pricing=(price("2024-01-01", 0.1, 0.4),), released=date(2023, 1, 1))
    dear_new = model("dear", pricing=(price("2024-01-01", 1.0, 4.0),), released=date(2025, 1, 1))
    by_cost = rank(app(None, Favour("low_cost", 3.0, label="low cost"), Favour("recent", label="recent")), [dear_new, cheap_old])
    by_age = rank(app(None, Favour("low_cost", label="low cost"), Favour("recent", 3.0, label="recent")), [dear_new, cheap_old])
    assert by_cost.ranked[0].model.id == "cheap" and by_age.ranked[0].model.id == "dear"


def test_ties_share_a_place_and_break_on_price_then_id():
    fav = Favour("long_context", label="long context")
    fit = rank(app(None, fav), [model("b"), model("a")])
    assert [r.model.id for r in fit.ranked] == ["a", "b"]
    assert all("largest of 2, tied" in r.reasons[0] for r in fit.ranked)


def test_every_model_is_either_ranked_or_excluded():
    models = [model("a"), model("b", input_modalities=("text", "audio")), model("c", pricing=())]
    fit = rank(app({"input": ["audio"], "api_price": True}), models)
    assert [r.model.id for r in fit.ranked] == ["b"]
    assert {e.model.id: e.reasons for e in fit.excluded} == {"a": ("no audio input",), "c": ("no audio input", "no published per-token API price")}
