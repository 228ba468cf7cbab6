"""Key differences between two models, as sentences computed from the data alone.

Pure functions. A sentence never claims a difference that is not there: equal
values say "both", a value only one side publishes says "only", and a free
model is never "∞× cheaper".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import text
from .model import Model, PricePoint, PriceTier, Score, Source

# The mix used for one "blended" price: typical chat traffic sends about three
# input tokens for every output token.
BLENDED_MIX = (3, 1)


@dataclass(frozen=True)
class Difference:
    dimension: str              # price | context | modalities | benchmarks | dates
    sentence: str
    better: Optional[str] = None  # id of the model this favours, if any
    sources: tuple[Source, ...] = ()
    topic: str = ""               # finer than dimension: "blended", "context_window", a benchmark key, "status", ...
    gap: float = 0.0              # size of a benchmark gap (points, or percent of the higher score), to rank them


@dataclass(frozen=True)
class PairDifferences:
    a: Model
    b: Model
    items: tuple[Difference, ...] = field(default_factory=tuple)

    def of(self, dimension: str) -> list[Difference]:
        return [d for d in self.items if d.dimension == dimension]


def blended_price(price: PricePoint | PriceTier, mix: tuple[int, int] = BLENDED_MIX) -> float:
    """USD per 1M tokens for a mix of input:output tokens (3:1 unless told)."""
    return (price.input * mix[0] + price.output * mix[1]) / (mix[0] + mix[1])


def current_blended(m: Model) -> Optional[float]:
    """The blended price in force on as_of (a promotion that ended has given way to its regular price), if priced."""
    price = m.current_price
    return blended_price(price) if price else None


def priced_blended(m: Model) -> float:
    """current_blended for a model known to be priced (lists, rankings and charts of priced models)."""
    found = current_blended(m)
    assert found is not None, f"{m.id} has no price in force"
    return found


def cheaper_phrase(low: float, high: float) -> tuple[str, str]:
    """('94 % cheaper', '16.7× cheaper') for two positive prices, low < high."""
    saving = (1 - low / high) * 100
    percent = text.fixed(saving, 0 if saving >= 1 else 1)
    return f"{percent}% cheaper", f"{text.fixed(high / low, 1)}× cheaper"


def compare(a: Model, b: Model) -> PairDifferences:
    items: list[Difference] = []
    for rule in (_price_differences, _history_differences, _context_differences,
                 _modality_differences, _benchmark_differences, _date_differences):
        items.extend(rule(a, b))
    return PairDifferences(a, b, tuple(items))


# --- price ------------------------------------------------------------------

def _price_differences(a: Model, b: Model) -> list[Difference]:
    pa, pb = a.current_price, b.current_price
    if not pa and not pb:
        return [Difference("price", f"Neither {a.name} nor {b.name} has a published per-token API price.", topic="blended")]
    if not pa or not pb:
        priced, other = (a, b) if pa else (b, a)
        p = pa or pb
        assert p is not None  # one of the two is priced (the case of neither returned above)
        return [Difference("price", f"Only {priced.name} has a published API price ({text.usd(p.input)} input / "
                                    f"{text.usd(p.output)} output per 1M tokens); {other.name} has none.", None, (p.source,), "blended")]
    return [_blended_sentence(a, b, pa, pb)]


def _blended_sentence(a: Model, b: Model, pa: PricePoint, pb: PricePoint) -> Difference:
    """The one price sentence of a pair: the blended price, plus where input and output prices point the other way.

    Input, cached input and output prices go in a table beside it, not in
    sentences of their own that all say "94% cheaper".
    """
    va, vb = blended_price(pa), blended_price(pb)
    mix = f"a {BLENDED_MIX[0]}:{BLENDED_MIX[1]} input/output mix"
    unit = "per 1M tokens"
    sources = (pa.source, pb.source)
    if va == vb:
        sentence, better = f"Both cost the same at {mix}: {text.money(va)} {unit}.", None
    else:
        low, high = (a, b) if va < vb else (b, a)
        lv, hv = min(va, vb), max(va, vb)
        if lv == 0:
            sentence = f"{low.name} is free; {high.name} costs {text.money(hv)} {unit} at {mix}."
        else:
            percent, factor = cheaper_phrase(lv, hv)
            sentence = f"{low.name} is {percent} than {high.name} ({factor}) at {mix}: {text.money(lv)} vs {text.money(hv)} {unit}."
        better = low.id
    for kind, get in (("input", lambda p: p.input), ("output", lambda p: p.output)):
        xa, xb = get(pa), get(pb)
        if xa == xb:
            continue
        cheap = a if xa < xb else b
        if better is None or cheap.id != better:
            sentence += f" {cheap.name} is cheaper on {kind}: {text.usd(min(xa, xb))} vs {text.usd(max(xa, xb))}."
    return Difference("price", sentence, better, sources, "blended")


def _history_differences(a: Model, b: Model) -> list[Difference]:
    return [d for d in (_history_sentence(a), _history_sentence(b)) if d]


def _history_sentence(m: Model) -> Optional[Difference]:
    if not m.pricing:
        return None
    first, now = m.pricing[0], m.current_price or m.pricing[-1]
    if len(m.pricing) == 1 or (first.input, first.output) == (now.input, now.output):
        return Difference("price", f"{m.name}'s input and output prices have not changed since "
                                   f"{text.long_date(first.since)} ({text.usd(now.input)} / {text.usd(now.output)}).",
                          None, (now.source,))
    change = ", ".join(f"{kind} {percent_change(old, new)}" for kind, old, new in
                       (("input", first.input, now.input), ("output", first.output, now.output)))
    return Difference("price", f"{m.name} launched at {text.usd(first.input)} input / {text.usd(first.output)} output "
                               f"({text.long_date(first.since)}) and costs {text.usd(now.input)} / {text.usd(now.output)} "
                               f"since {text.long_date(now.since)} ({change}).", None, (first.source, now.source))


def percent_change(old: float, new: float) -> str:
    if old == new:
        return "unchanged"
    if old == 0:
        return f"from free to {text.usd(new)}"
    return text.percent((new - old) / old * 100, sign=True)


# --- context and output -------------------------------------------------------

def _context_differences(a: Model, b: Model) -> list[Difference]:
    out = [_size_sentence(a, b, "context window", a.context_window, b.context_window, "context_window")]
    out.append(_size_sentence(a, b, "maximum output", a.max_output_tokens, b.max_output_tokens, "max_output_tokens"))
    return [d for d in out if d]


def _size_sentence(a: Model, b: Model, label: str, va: Optional[int], vb: Optional[int], field_name: str) -> Optional[Difference]:
    sources = tuple(s for s in (a.source_for(field_name), b.source_for(field_name)) if s)
    if va is None and vb is None:
        return Difference("context", f"Neither {a.name} nor {b.name} has a published {label}.", topic=field_name)
    if va is None or vb is None:
        has, value, lacks = (a, va, b) if va is not None else (b, vb or 0, a)
        return Difference("context", f"Only {has.name} publishes a {label} ({text.tokens_long(value)} tokens); "
                                     f"{lacks.name} does not.", None, sources, field_name)
    if va == vb:
        return Difference("context", f"Both have the same {text.tokens_short(va)} {label} ({text.tokens_long(va)} tokens).",
                          None, sources, field_name)
    big, small = (a, b) if va > vb else (b, a)
    bv, sv = max(va, vb), min(va, vb)
    return Difference("context", f"{big.name}'s {label} ({text.tokens_long(bv)} tokens) is {text.fixed(bv / sv, 1)}× "
                                 f"{small.name}'s ({text.tokens_long(sv)} tokens).", big.id, sources, field_name, bv / sv)


# --- modalities -----------------------------------------------------------------

def _modality_differences(a: Model, b: Model) -> list[Difference]:
    out = []
    for direction, get, verb in (("input", lambda m: m.input_modalities, "accept"),
                                 ("output", lambda m: m.output_modalities, "produce")):
        sa, sb = set(get(a)), set(get(b))
        shared = [x for x in get(a) if x in sb]
        sources = tuple(s for s in (a.source_for("modalities"), b.source_for("modalities")) if s)
        if sa == sb:
            out.append(Difference("modalities", f"Both {verb} the same {direction}: {_words(shared)}.", None, sources, direction))
            continue
        for one, other in ((a, b), (b, a)):
            extra = [x for x in get(one) if x not in set(get(other))]
            if extra:
                out.append(Difference("modalities", f"Only {one.name} can {verb} {_words(extra)} as {direction} "
                                                    f"(both {verb} {_words(shared) if shared else 'nothing in common'}).",
                                      one.id, sources, direction))
    for m in (a, b):
        if m.announced and (m.announced.input or m.announced.output):
            parts = [f"{_words(m.announced.input)} input" if m.announced.input else "",
                     f"{_words(m.announced.output)} output" if m.announced.output else ""]
            out.append(Difference("modalities", f"{m.name}'s launch announced {' and '.join(p for p in parts if p)}, "
                                                f"which the {m.typed_id} API model does not offer.", None, (m.announced.source,)))
    return out


def _words(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- benchmarks -------------------------------------------------------------------

def _benchmark_differences(a: Model, b: Model) -> list[Difference]:
    common = [key for key in a.scores if key in b.scores]
    out = [benchmark_sentence(a, b, a.scores[key], b.scores[key]) for key in common]
    only = {m.name: [s.benchmark.name for k, s in m.scores.items() if k not in common] for m in (a, b)}
    for name, benches in only.items():
        if benches:
            out.append(Difference("benchmarks", f"Only {name} has a published score on {_words(benches)}; "
                                                f"no comparison is made there."))
    if not common and not any(only.values()):
        out.append(Difference("benchmarks", "Neither model has a benchmark score from a primary source in the data."))
    return out


def benchmark_sentence(a: Model, b: Model, sa: Score, sb: Score) -> Difference:
    bench = sa.benchmark
    direction = "" if bench.higher_is_better else " (lower is better)"
    sources = (sa.source, sb.source)
    setting = " Settings differ: " + "; ".join(f"{m.name}: {s.note}" for m, s in ((a, sa), (b, sb)) if s.note) + "." \
        if (sa.note or sb.note) and sa.note != sb.note else ""
    if sa.value == sb.value:
        return Difference("benchmarks", f"Both score {sa.text} on {bench.name}{direction}.{setting}", None, sources, bench.id)
    a_better = (sa.value > sb.value) == bench.higher_is_better
    best, worst, bs, ws = (a, b, sa, sb) if a_better else (b, a, sb, sa)
    gap = abs(sa.value - sb.value)
    unit = " points" if bench.unit == "percent" else ""
    size = gap if bench.unit == "percent" else gap / max(abs(sa.value), abs(sb.value)) * 100
    return Difference("benchmarks", f"On {bench.name}{direction}, {best.name} scores {bs.text} against "
                                    f"{worst.name}'s {ws.text}: {best.name} is ahead by {text.fixed(gap, 1)}{unit}.{setting}",
                      best.id, sources, bench.id, size)


# --- dates and status -----------------------------------------------------------

def _date_differences(a: Model, b: Model) -> list[Difference]:
    # Dates carry no better/worse mark: a newer model or a later cutoff is a
    # fact to weigh, not a win.
    out = []
    sources = tuple(s for s in (a.source_for("released"), b.source_for("released")) if s)
    if a.released == b.released:
        out.append(Difference("dates", f"Both were released on {text.long_date(a.released)}.", None, sources, "released"))
    else:
        new, old = (a, b) if a.released > b.released else (b, a)
        out.append(Difference("dates", f"{new.name} is newer: released {text.long_date(new.released)}, "
                                       f"{_span(new.released.toordinal() - old.released.toordinal())} after {old.name} "
                                       f"({text.long_date(old.released)}).", None, sources, "released"))
    ka, kb = a.knowledge_cutoff, b.knowledge_cutoff
    cutoff_sources = tuple(s for s in (a.source_for("knowledge_cutoff"), b.source_for("knowledge_cutoff")) if s)
    if ka and kb:
        if ka == kb:
            out.append(Difference("dates", f"Both have a knowledge cutoff of {text.month_or_date(ka)}.", None, cutoff_sources,
                                  "knowledge_cutoff"))
        else:
            later, earlier = (a, b) if ka > kb else (b, a)
            out.append(Difference("dates", f"{later.name} knows more recent events: knowledge cutoff "
                                           f"{text.month_or_date(max(ka, kb))} vs {text.month_or_date(min(ka, kb))}.",
                                  None, cutoff_sources, "knowledge_cutoff"))
    elif ka or kb:
        has, lacks = (a, b) if ka else (b, a)
        out.append(Difference("dates", f"Only {has.name} publishes a knowledge cutoff ({text.month_or_date(ka or kb or '')}).",
                              None, cutoff_sources, "knowledge_cutoff"))
    out.append(_status_sentence(a, b))
    return out


def _status_sentence(a: Model, b: Model) -> Difference:
    def describe(m: Model) -> str:
        r = m.retirement
        if r and r.shutdown:
            return f"{m.status} (shutdown {text.long_date(r.shutdown)})"
        return m.status
    sources = tuple(m.retirement.source for m in (a, b) if m.retirement)
    if a.status == b.status:
        if describe(a) == describe(b):
            return Difference("dates", f"Both are {describe(a)}.", None, sources, "status")
        dates = [f"{m.name} shuts down on {text.long_date(m.retirement.shutdown)}" for m in (a, b) if m.retirement and m.retirement.shutdown]
        return Difference("dates", f"Both are {a.status}: {'; '.join(dates)}.", None, sources, "status")
    rank = {"active": 0, "legacy": 1, "deprecated": 2, "retired": 3}
    better = a.id if rank[a.status] < rank[b.status] else b.id if rank[b.status] < rank[a.status] else None
    return Difference("dates", f"{a.name} is {describe(a)}; {b.name} is {describe(b)}.", better, sources, "status")


def _span(days: int) -> str:
    if days < 60:
        return f"{days} days"
    months = int(text.fixed(days / 30.44, 0))
    if months < 24:
        return f"{months} months"
    return f"{text.fixed(days / 365.25, 1)} years"


