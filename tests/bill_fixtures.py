"""Made-up models that use every part of a bill (issue 16), and the workloads the parity and browser tests price.

The real data may not yet record components, service tiers, regions, scheduled
or promotional prices for a model; these do, so every rule of
catalog/bill.py and calculator.js is exercised whatever the data holds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import SRC, model

from catalog.bill import Workload
from catalog.model import (Model, PriceComponent, PricePoint, PriceTier, Promotion, Region, ServiceTier, StacksWith, TierLongPrices,
                           TierPrices)

AS_OF = date(2026, 12, 3)
LATER = date(2027, 1, 15)        # after the scheduled change below


def _point(since: str, inp: float, out: float, **kw: object) -> PricePoint:
    return PricePoint(date.fromisoformat(since), inp, out, SRC, **kw)  # type: ignore[arg-type]


AUDIO = model("audio-x", input_modalities=("text", "audio"), pricing=(_point(
    "2026-06-01", 2.5, 10.0, cached_input=1.25, components=(
        PriceComponent("audio_input", "per_1m_tokens", 40.0), PriceComponent("audio_input_minute", "per_minute", 0.006),
        PriceComponent("image_generated", "per_image", 0.04), PriceComponent("web_search", "per_1k_calls", 10.0),
        PriceComponent("request", "per_request", 0.001)),
    regions=(Region("eu", 1.1),)),))

CACHE = model("cache-x", context_window=1_000_000, pricing=(_point(
    "2026-06-01", 3.0, 15.0, cached_input=0.3, cache_write=3.75, cache_write_1h=6.0, batch_input=1.5, batch_output=7.5,
    tiers=(PriceTier(200_000, 6.0, 22.5, 0.6, 7.5, 12.0, 3.0, 11.25),)),))

TIERS = model("tiers-x", context_window=1_000_000, pricing=(_point(
    "2026-06-01", 1.25, 10.0, cached_input=0.125, batch_input=0.625, batch_output=5.0,
    tiers=(PriceTier(200_000, 2.5, 15.0, 0.25),),
    service_tiers=(
        ServiceTier("flex", StacksWith(True, False, None), multiplier=0.5),
        ServiceTier("priority", StacksWith(None, False, True), prices=TierPrices(2.5, 20.0, 0.25)),
        ServiceTier("fast", StacksWith(False, None, False), multiplier=2.0),
        ServiceTier("ultrafast", StacksWith(True, True, True), prices=TierPrices(7.5, 60.0, 0.75),
                    tiers=(TierLongPrices(200_000, 15.0, 90.0, 1.5),)))),))

SCHEDULED = replace(model("sched-x", pricing=(_point("2026-01-01", 1.0, 4.0, cached_input=0.1),)),
                    scheduled_prices=(_point("2027-01-01", 2.0, 8.0, cached_input=0.2, scheduled=True),))

PROMO = model("promo-x", pricing=(_point("2026-11-01", 0.5, 2.0, promotion=Promotion(date(2026, 12, 31), TierPrices(1.0, 4.0, 0.1))),))

FIXTURE_MODELS: tuple[Model, ...] = (AUDIO, CACHE, TIERS, SCHEDULED, PROMO)

# (name, workload, day): None = as_of.
WORKLOADS: tuple[tuple[str, Workload, date | None], ...] = (
    ("plain text", Workload(1_000_000, 500, output_tokens=200), None),
    ("cached share", Workload(250_000, 1500, 2500, output_tokens=700, reasoning_tokens=300), None),
    ("cache-write heavy 1h", Workload(10_000, 2000, 50_000, 20_000, "1h", 800), None),
    ("cache-write 5m", Workload(10_000, 2000, 10_000, 5_000, "5m", 800), None),
    ("audio", Workload(20_000, 300, output_tokens=400, audio_input_tokens=6000, audio_input_minutes=2.5, searches=1, images=0.5), None),
    ("flex", Workload(100_000, 4000, 1000, output_tokens=1000, service_tier="flex"), None),
    ("priority", Workload(100_000, 4000, 1000, output_tokens=1000, service_tier="priority"), None),
    ("fast + batch", Workload(100_000, 4000, 1000, output_tokens=1000, service_tier="fast", batch=True), None),
    ("flex + batch, long", Workload(1000, 250_000, 10_000, output_tokens=2000, service_tier="flex", batch=True), None),
    ("priority, long", Workload(1000, 250_000, 10_000, output_tokens=2000, service_tier="priority"), None),
    ("ultrafast, long", Workload(1000, 250_000, 10_000, output_tokens=2000, service_tier="ultrafast", batch=True), None),
    ("batch", Workload(1_000_000, 800, 200, output_tokens=300, batch=True), None),
    ("long context", Workload(2000, 300_000, output_tokens=4000), None),
    ("region eu", Workload(50_000, 1000, output_tokens=500, region="eu", audio_input_tokens=100), None),
    ("scheduled date", Workload(1_000_000, 500, 100, output_tokens=200), LATER),
    ("scheduled date, batch + priority", Workload(100_000, 5000, 500, output_tokens=900, batch=True, service_tier="priority"), LATER),
)
