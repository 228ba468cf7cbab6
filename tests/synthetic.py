"""A made-up catalog the size the real one is growing to (150 models, 13 vendors), for chart tests.

Seeded, so every run draws the same models: clusters of near-equal prices and
scores, long names, price histories of two to four entries.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from catalog.model import Benchmark, Catalog, Comparison, Model, PricePoint, Retirement, Score, Vendor
from factories import SRC

VENDORS = ("OpenAI", "Anthropic", "Google", "Meta", "Mistral AI", "xAI", "DeepSeek", "Alibaba Cloud", "Cohere",
           "Amazon", "Microsoft", "AI21 Labs", "Moonshot AI")
FAMILIES = ("Nova", "Sonar", "Atlas", "Command R+", "Qwen3", "Phi-4", "Jamba", "Kimi K2", "Grok", "Orion", "Vega", "Lyra")
SUFFIXES = ("", " mini", " nano", " Pro", " Flash", " Instruct", " (Preview)", " 235B A22B Instruct", " Reasoning (2025-08)", " Turbo")
BENCHMARKS = {
    "mmlu": Benchmark("mmlu", "MMLU", "knowledge", "percent", True, "https://example.org/mmlu"),
    "gpqa_diamond": Benchmark("gpqa_diamond", "GPQA Diamond", "science", "percent", True, "https://example.org/gpqa"),
    "swe_bench_verified": Benchmark("swe_bench_verified", "SWE-bench Verified", "coding", "percent", True, "https://example.org/swe"),
}
AS_OF = date(2026, 11, 25)
CONTEXTS = (8192, 32768, 128000, 131072, 200000, 256000, 400000, 1_000_000, 1_048_576, 2_000_000)


def large_catalog(models: int = 150, seed: int = 8) -> Catalog:
    rng = random.Random(seed)
    vendors = {name.lower().replace(" ", "-"): Vendor(name.lower().replace(" ", "-"), name, "https://example.org/")
               for name in VENDORS}
    vendor_list = list(vendors.values())
    out: dict[str, Model] = {}
    # A few fixed price levels, so some points land on top of each other as real price lists do.
    levels = [(0.15, 0.6), (0.4, 1.6), (1.25, 10.0), (3.0, 15.0)]
    for i in range(models):
        vendor = vendor_list[i % len(vendor_list)]
        name = f"{rng.choice(FAMILIES)} {rng.randint(1, 5)}.{rng.randint(0, 9)}{rng.choice(SUFFIXES)}"
        model_id = f"m{i:03d}"
        inp, out_price = levels[i % 4] if i % 3 == 0 else (round(10 ** rng.uniform(-1.7, 1.2), 3), 0.0)
        out_price = out_price or round(inp * rng.choice((2, 4, 5, 8)), 3)
        released = AS_OF - timedelta(days=rng.randint(40, 900))
        pricing = [PricePoint(released, inp, out_price, SRC)]
        for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
            since = pricing[-1].since + timedelta(days=rng.randint(30, 200))
            if since >= AS_OF:
                break
            cut = rng.choice((0.5, 0.8, 1.0))
            pricing.append(PricePoint(since, round(pricing[-1].input * cut, 3), round(pricing[-1].output * rng.choice((cut, 1.0)), 3), SRC))
        current = i % 3 != 2
        scores = {}
        if current:
            for key, (share, lo, hi) in {"mmlu": (0.45, 78, 92), "gpqa_diamond": (0.3, 40, 88), "swe_bench_verified": (0.22, 20, 80)}.items():
                if rng.random() < share:
                    scores[key] = Score(BENCHMARKS[key], round(rng.uniform(lo, hi), 1), SRC)
        out[model_id] = Model(
            id=model_id, name=name, vendor=vendor, released=released, status="active" if current else "retired", summary="",
            context_window=rng.choice(CONTEXTS), open_weights=False, input_modalities=("text",), output_modalities=("text",),
            sources={"s": SRC}, pricing=tuple(pricing), scores=scores,
            retirement=None if current else Retirement(SRC, shutdown=AS_OF - timedelta(days=10)))
    comparisons = tuple(Comparison(f"m{a:03d}", f"m{a + 1:03d}") for a in range(0, 12, 3))
    return Catalog(vendors, dict(BENCHMARKS), out, comparisons, checked=AS_OF)
