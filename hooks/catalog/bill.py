"""A workload's bill, line by line, from the price entry in force on a date (issue 16).

One computation: docs/assets/calculator.js (`llmCompareBill`) does the same
steps in the same order on the data `entry_data` ships, and
tests/test_bill_parity.py proves the two equal on every served model. Where the
data leaves a stacking rule null (the vendor does not say), the bill takes the
dearer reading and says so in a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from .facts import UNIT_LABELS, UNIT_SIZE
from .model import Model, PricePoint, PriceTier

KEYS = ("input", "cached_input", "cache_write", "cache_write_1h", "output", "batch_input", "batch_output")


@dataclass(frozen=True)
class Workload:
    """A month of requests; every count but `requests` is per request."""

    requests: float = 0
    input_tokens: float = 0            # text input not read from the cache
    cached_input_tokens: float = 0     # cache reads
    cache_write_tokens: float = 0
    cache_ttl: str = "5m"              # 5m | 1h
    output_tokens: float = 0
    reasoning_tokens: float = 0        # billed as output
    audio_input_tokens: float = 0
    audio_input_minutes: float = 0
    images: float = 0                  # images generated
    searches: float = 0                # web searches
    batch: bool = False
    service_tier: str = ""             # "" = standard
    region: str = ""                   # "" = no regional uplift


@dataclass(frozen=True)
class Line:
    label: str
    quantity: float
    unit: str
    unit_price: float
    amount: float
    note: str = ""


@dataclass(frozen=True)
class Bill:
    lines: tuple[Line, ...]
    total: float
    since: date
    notes: tuple[str, ...] = ()


def number_text(x: float) -> str:
    """A number as JavaScript's String() writes it (2, not 2.0; 0.5)."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def bill_on(model: Model, day: date, w: Workload) -> Optional[Bill]:
    point = model.price_on(day)
    return bill(point, w) if point else None


def bill(p: PricePoint, w: Workload) -> Bill:
    notes: list[str] = []
    if p.scheduled:
        notes.append(f"scheduled price from {p.since.isoformat()}")
    if p.promotion is not None:
        until = p.promotion.until
        notes.append("promotional price " + (f"until {until.isoformat()}" if until else "until further notice"))
    prompt = w.input_tokens + w.cached_input_tokens + w.cache_write_tokens + w.audio_input_tokens
    chosen = p.for_prompt(prompt)
    long = chosen if isinstance(chosen, PriceTier) else None
    st = p.service_tier(w.service_tier) if w.service_tier else None
    if w.service_tier and st is None:
        notes.append(f"no {w.service_tier} tier published: standard prices")
    use_long = long is not None
    if long is not None and st is not None:
        if st.stacks_with.long_context_tiers is False:
            use_long = False
            notes.append(f"{st.name} prices do not rise for long prompts (vendor)")
        elif st.stacks_with.long_context_tiers is None:
            notes.append(f"the vendor does not say whether {st.name} combines with long-context prices: the long-context price")
    if long is not None and use_long:
        notes.append(f"long-context price above {long.above:,} input tokens")
    src: PricePoint | PriceTier = long if long is not None and use_long else p
    prices: dict[str, Optional[float]] = {k: getattr(src, k) for k in KEYS}
    batch = w.batch
    if batch and st is not None and st.stacks_with.batch is not True:
        batch = False
        notes.append(f"batch does not combine with {st.name} (vendor): no batch price" if st.stacks_with.batch is False
                     else f"the vendor does not say whether batch combines with {st.name}: no batch price")
    if batch:
        if prices["batch_input"] is not None and prices["batch_output"] is not None:
            prices["input"], prices["output"] = prices["batch_input"], prices["batch_output"]
        else:
            notes.append("no batch price published")
    if st is not None:
        if st.multiplier is not None:
            notes.append(f"{st.name} tier: {number_text(st.multiplier)} × standard prices")
            for k in ("input", "cached_input", "cache_write", "cache_write_1h", "output"):
                value = prices[k]
                if value is not None:
                    prices[k] = value * st.multiplier
        elif st.prices is not None:
            notes.append(f"{st.name} tier prices")

            def scaled(value: float, key: str) -> float:
                # The tier's own price, raised as the long-context tier raises the standard one.
                base, raised = getattr(p, key), getattr(src, key)
                return value * raised / base if src is not p and base else value

            own = None
            for t in st.tiers:
                if src is not p and prompt > t.above:
                    own = t
            if own is not None:
                prices["input"], prices["output"], prices["cached_input"] = own.input, own.output, own.cached_input
            else:
                prices["input"] = scaled(st.prices.input, "input")
                prices["output"] = scaled(st.prices.output, "output")
                prices["cached_input"] = scaled(st.prices.cached_input, "input") if st.prices.cached_input is not None else None
        if w.cached_input_tokens > 0 and st.stacks_with.cached_input is not True:
            prices["cached_input"] = prices["input"]
            notes.append(f"cached input at the {st.name} input price (vendor: no caching discount)" if st.stacks_with.cached_input is False
                         else f"the vendor does not say whether caching discounts {st.name}: cached input at the {st.name} input price")
    pin, pout = prices["input"], prices["output"]
    assert pin is not None and pout is not None
    lines: list[Line] = []

    def add(label: str, quantity: float, unit: str, price: float, note: str = "") -> None:
        if quantity > 0:
            lines.append(Line(label, quantity, UNIT_LABELS[unit], price, quantity * price / UNIT_SIZE[unit], note))

    r = w.requests
    add("Input", r * w.input_tokens, "per_1m_tokens", pin)
    cached = prices["cached_input"]
    add("Cached input", r * w.cached_input_tokens, "per_1m_tokens", cached if cached is not None else pin,
        "" if cached is not None else "no cached price published: the input price")
    write, write_note = prices["cache_write"], ""
    if w.cache_ttl == "1h" and prices["cache_write_1h"] is not None:
        write = prices["cache_write_1h"]
    elif w.cache_ttl == "1h" and write is not None:
        write_note = "no 1-hour cache-write price published: the 5-minute price"
    if write is None:
        write, write_note = pin, "no cache-write price published: the input price"
    add(f"Cache write ({w.cache_ttl})", r * w.cache_write_tokens, "per_1m_tokens", write, write_note)
    add("Output", r * w.output_tokens, "per_1m_tokens", pout)
    add("Reasoning (billed as output)", r * w.reasoning_tokens, "per_1m_tokens", pout)
    for label, item, quantity, fallback, missing in (
            ("Audio input", "audio_input", w.audio_input_tokens, "per_1m_tokens", "no audio price published: the text input price"),
            ("Audio input (minutes)", "audio_input_minute", w.audio_input_minutes, "per_minute", "no per-minute audio price published: not priced"),
            ("Images generated", "image_generated", w.images, "per_image", "no per-image price published: not priced"),
            ("Web searches", "web_search", w.searches, "per_1k_calls", "no search price published: not priced"),
            ("Request fee", "request", 1, "per_request", "")):
        comp = p.component(item)
        if comp is not None:
            add(label, r * quantity, comp.unit, comp.price)
        elif missing:
            add(label, r * quantity, fallback, pin if item == "audio_input" else 0, missing)
    subtotal = 0.0
    for line in lines:
        subtotal = subtotal + line.amount
    if w.region:
        region = p.region(w.region)
        if region is None:
            notes.append(f"no uplift published for {w.region}")
        else:
            share = region.multiplier - 1
            lines.append(Line(f"Region uplift: {region.name}", subtotal, "of the bill", share, subtotal * share,
                              f"× {number_text(region.multiplier)}"))
    total = 0.0
    for line in lines:
        total = total + line.amount
    return Bill(tuple(lines), total, p.since, tuple(notes))


def entry_data(p: PricePoint) -> dict[str, Any]:
    """What calculator.js needs of a price entry to compute the same bill."""
    tiers = [{k: getattr(t, k) for k in ("above",) + KEYS} for t in p.tiers]
    promo = p.promotion
    return {
        "since": p.since.isoformat(), **{k: getattr(p, k) for k in KEYS}, "tiers": tiers, "scheduled": p.scheduled,
        "components": [{"item": c.item, "unit": c.unit, "price": c.price, **({"tool": c.tool} if c.tool else {})} for c in p.components],
        "service_tiers": [{"name": t.name, "multiplier": t.multiplier,
                           "prices": {"input": t.prices.input, "output": t.prices.output, "cached_input": t.prices.cached_input}
                           if t.prices else None,
                           "tiers": [{"above": x.above, "input": x.input, "output": x.output, "cached_input": x.cached_input}
                                     for x in t.tiers],
                           "stacks_with": {"cached_input": t.stacks_with.cached_input, "batch": t.stacks_with.batch,
                                           "long_context_tiers": t.stacks_with.long_context_tiers}} for t in p.service_tiers],
        "regions": [{"name": r.name, "multiplier": r.multiplier} for r in p.regions],
        "promotion": {"until": promo.until.isoformat() if promo.until else None,
                      "regular": {"input": promo.regular.input, "output": promo.regular.output,
                                  "cached_input": promo.regular.cached_input} if promo.regular else None} if promo else None,
    }


def model_entries(model: Model) -> list[dict[str, Any]]:
    """The entries the calculator can price from as_of on: the one in force, then the scheduled ones."""
    current = model.current_price
    return ([entry_data(current)] if current else []) + [entry_data(p) for p in model.scheduled_prices]


def bill_options(models: list[Model]) -> dict[str, list[str]]:
    """The service tiers and regions any of these models publishes (current or scheduled price): the calculator's selects."""
    points = [p for m in models for p in ((m.current_price,) if m.current_price else ()) + m.scheduled_prices]
    return {"tiers": sorted({t.name for p in points for t in p.service_tiers}),
            "regions": sorted({r.name for p in points for r in p.regions})}
