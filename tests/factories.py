"""Small hand-built models for unit tests of the pure functions."""

from __future__ import annotations

from datetime import date
from typing import Any

from catalog.model import Announced, Benchmark, Model, PricePoint, Retirement, Score, Source, Vendor

SRC = Source("s", "Source", "https://example.org/", supports=("released", "context_window", "max_output_tokens", "modalities"))
ACME = Vendor("acme", "Acme", "https://acme.example/")
MMLU = Benchmark("mmlu", "MMLU", "knowledge", "percent", True, "https://example.org/mmlu")
WER = Benchmark("wer", "WER", "word error rate", "percent", False, "https://example.org/wer")


def price(since: str, inp: float, out: float, cached: float | None = None) -> PricePoint:
    return PricePoint(date.fromisoformat(since), inp, out, SRC, cached)


def model(id: str, **kw: Any) -> Model:
    base: dict[str, Any] = dict(
        id=id, name=id.upper(), vendor=ACME, released=date(2024, 5, 13), status="active", summary="",
        context_window=128000, max_output_tokens=16384, open_weights=False,
        input_modalities=("text",), output_modalities=("text",), sources={"s": SRC},
        pricing=(price("2024-05-13", 1.0, 4.0),))
    scores = kw.pop("scores", {})
    base.update(kw)
    base["scores"] = {k: Score({"mmlu": MMLU, "wer": WER}[k], v, SRC) for k, v in scores.items()}
    return Model(**base)


__all__ = ["Announced", "Retirement", "model", "price", "SRC", "MMLU", "WER"]
