"""Key-difference sentences: never a difference that is not there, always the right direction."""

from __future__ import annotations

from datetime import date

import pytest
from factories import Announced, Retirement, SRC, model, price

from catalog.differences import blended_price, cheaper_phrase, compare


def sentences(a, b, dimension=None):
    return [d.sentence for d in compare(a, b).items if dimension is None or d.dimension == dimension]


def test_equal_context_says_both_and_names_no_winner():
    diffs = [d for d in compare(model("a"), model("b")).items if d.dimension == "context"]
    assert diffs[0].sentence == "Both have the same 128K context window (128,000 tokens)."
    assert all(d.better is None for d in diffs)


def test_larger_context_names_the_factor_and_the_winner():
    d = compare(model("a", context_window=1048576), model("b")).of("context")[0]
    assert d.sentence == "A's context window (1,048,576 tokens) is 8.2× B's (128,000 tokens)."
    assert d.better == "a"


def test_missing_max_output_says_only_one_publishes():
    d = compare(model("a", max_output_tokens=None), model("b")).of("context")[1]
    assert d.sentence == "Only B publishes a maximum output (16,384 tokens); A does not."
    assert d.better is None


def test_one_price_sentence_blended_with_percent_and_factor():
    a = model("a", pricing=(price("2024-05-13", 2.5, 10.0, 1.25),))
    b = model("b", pricing=(price("2024-07-18", 0.15, 0.6, 0.075),))
    comparing = [d for d in compare(a, b).of("price") if d.topic == "blended"]
    assert [d.sentence for d in comparing] == [
        "B is 94% cheaper than A (16.7× cheaper) at a 3:1 input/output mix: $0.26 vs $4.38 per 1M tokens."]
    assert comparing[0].better == "b"
    # Input, cached and output prices are in the table, not in sentences of their own.
    assert not any("cheaper on" in s or "cached" in s for s in sentences(a, b, "price"))


def test_price_sentence_names_a_price_that_points_the_other_way():
    a = model("a", pricing=(price("2024-05-13", 1.0, 8.0),))   # blended 2.75, cheaper input
    b = model("b", pricing=(price("2024-05-13", 2.0, 3.0),))   # blended 2.25, cheaper output
    d = compare(a, b).of("price")[0]
    assert d.sentence == ("B is 18% cheaper than A (1.2× cheaper) at a 3:1 input/output mix: $2.25 vs $2.75 per 1M tokens. "
                          "A is cheaper on input: $1.00 vs $2.00.")
    assert d.better == "b"


def test_blended_price_uses_three_to_one():
    assert blended_price(price("2024-01-01", 2.5, 10.0)) == pytest.approx(4.375)
    assert blended_price(price("2024-01-01", 2.5, 10.0), (1, 1)) == pytest.approx(6.25)


def test_equal_prices_say_both():
    assert sentences(model("a"), model("b"), "price")[0] == "Both cost the same at a 3:1 input/output mix: $1.75 per 1M tokens."


def test_equal_blend_with_different_prices_names_both_directions():
    a = model("a", pricing=(price("2024-05-13", 1.0, 4.0),))   # blended 1.75
    b = model("b", pricing=(price("2024-05-13", 0.5, 5.5),))   # blended 1.75
    d = compare(a, b).of("price")[0]
    assert d.sentence == ("Both cost the same at a 3:1 input/output mix: $1.75 per 1M tokens. "
                          "B is cheaper on input: $0.50 vs $1.00. A is cheaper on output: $4.00 vs $5.50.")
    assert d.better is None


def test_zero_price_is_free_not_infinitely_cheaper():
    a = model("a", pricing=(price("2024-05-13", 0.0, 0.0),))
    found = sentences(a, model("b"), "price")
    assert found[0] == "A is free; B costs $1.75 per 1M tokens at a 3:1 input/output mix."
    assert not any("∞" in s or "inf" in s for s in found)


def test_both_free_is_equal():
    free = (price("2024-05-13", 0.0, 0.0),)
    assert sentences(model("a", pricing=free), model("b", pricing=free))[0] == "Both cost the same at a 3:1 input/output mix: $0.00 per 1M tokens."


def test_no_price_on_either_side():
    assert sentences(model("a", pricing=()), model("b", pricing=()), "price") == [
        "Neither A nor B has a published per-token API price."]


def test_price_history_launch_vs_now():
    a = model("a", pricing=(price("2024-05-13", 5.0, 15.0), price("2024-10-02", 2.5, 10.0, 1.25)))
    found = sentences(a, model("b"), "price")
    assert "A launched at $5.00 input / $15.00 output (May 13, 2024) and costs $2.50 / $10.00 since Oct 2, 2024 (input -50%, output -33%)." in found
    assert "B's input and output prices have not changed since May 13, 2024 ($1.00 / $4.00)." in found


def test_modalities_one_lacks_input_and_output_apart():
    a = model("a", input_modalities=("text", "image", "audio"), output_modalities=("text", "audio"))
    found = sentences(a, model("b"), "modalities")
    assert "Only A can accept image and audio as input (both accept text)." in found
    assert "Only A can produce audio as output (both produce text)." in found


def test_announced_modalities_are_reported_as_only_announced():
    a = model("a", announced=Announced(("audio", "video"), ("audio",), SRC))
    assert "A's launch announced audio and video input and audio output, which the a API model does not offer." in sentences(a, model("b"))


def test_benchmark_deltas_only_for_shared_benchmarks():
    a, b = model("a", scores={"mmlu": 88.7}), model("b", scores={"mmlu": 82.0, "wer": 10.0})
    found = sentences(a, b, "benchmarks")
    assert "On MMLU, A scores 88.7% against B's 82.0%: A is ahead by 6.7 points." in found
    assert "Only B has a published score on WER; no comparison is made there." in found
    assert len(found) == 2


def test_lower_is_better_benchmark_picks_the_lower_score():
    a, b = model("a", scores={"wer": 9.0}), model("b", scores={"wer": 12.0})
    d = compare(a, b).of("benchmarks")[0]
    assert d.sentence == "On WER (lower is better), A scores 9.0% against B's 12.0%: A is ahead by 3.0 points."
    assert d.better == "a"


def test_equal_scores_say_both():
    assert "Both score 82.0% on MMLU." in sentences(model("a", scores={"mmlu": 82.0}), model("b", scores={"mmlu": 82.0}))


def test_release_dates_knowledge_and_status():
    a = model("a", released=date(2024, 7, 18), knowledge_cutoff="2023-10", status="deprecated",
              retirement=Retirement(SRC, date(2026, 10, 14), date(2027, 1, 14)))
    b = model("b", knowledge_cutoff="2023-10")
    found = sentences(a, b, "dates")
    assert "A is newer: released Jul 18, 2024, 2 months after B (May 13, 2024)." in found
    assert "Both have a knowledge cutoff of Oct 2023." in found
    assert "A is deprecated (shutdown Jan 14, 2027); B is active." in found
    status = [d for d in compare(a, b).of("dates") if d.topic == "status"][0]
    assert status.better == "b"


def test_dates_carry_no_better_mark():
    a = model("a", released=date(2025, 1, 1), knowledge_cutoff="2024-06")
    b = model("b", knowledge_cutoff="2023-10")
    dated = [d for d in compare(a, b).of("dates") if d.topic in ("released", "knowledge_cutoff")]
    assert len(dated) == 2 and all(d.better is None for d in dated)


def test_same_status_says_both_even_with_different_shutdowns():
    a = model("a", status="deprecated", retirement=Retirement(SRC, date(2026, 10, 14), date(2027, 1, 14)))
    b = model("b", status="deprecated", retirement=Retirement(SRC, date(2026, 10, 14), date(2027, 3, 1)))
    same = model("c", status="deprecated", retirement=Retirement(SRC, date(2026, 10, 14), date(2027, 1, 14)))
    assert sentences(a, b, "dates")[-1] == "Both are deprecated: A shuts down on Jan 14, 2027; B shuts down on Mar 1, 2027."
    assert sentences(a, same, "dates")[-1] == "Both are deprecated (shutdown Jan 14, 2027)."
    assert not any(" is deprecated and " in s for s in sentences(a, b))


def test_same_release_day_and_status():
    found = sentences(model("a"), model("b"), "dates")
    assert found == ["Both were released on May 13, 2024.", "Both are active."]


def test_cheaper_phrase_rounds_small_savings_to_a_decimal():
    assert cheaper_phrase(0.995, 1.0) == ("0.5% cheaper", "1.0× cheaper")
