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
    assert fit.ranked[0].reasons == ("$0.15 in / $0.60 out per 1M; $0.2625 blended at 3 in : 1 out (cheapest of 2)",)
    assert fit.ranked[0].score == 1.0 and fit.ranked[1].score == 0.0


def test_lower_is_better_benchmark_ranks_the_lower_score_first():
    fav = Favour("benchmark", benchmark="wer", label="WER score")
    fit = rank(app(None, fav), [model("a", scores={"wer": 12.0}), model("b", scores={"wer": 9.0})])
    assert [r.model.id for r in fit.ranked] == ["b", "a"]
    assert fit.ranked[0].reasons == ("WER 9.0 % (best of 2 with a score)",)


def test_missing_score_counts_last_and_says_so():
    fav = Favour("benchmark", benchmark="mmlu", label="MMLU score")
    fit = rank(app(None, fav), [model("a"), model("b", scores={"mmlu": 80.0}), model("c", scores={"mmlu": 70.0})])
    assert [r.model.id for r in fit.ranked] == ["b", "c", "a"]
    assert fit.ranked[-1].reasons == ("no published MMLU score (counts as last on this factor)",)


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
