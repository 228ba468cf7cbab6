"""What the pages show beyond single models, derived once per build: pairs, rows, rankings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from . import text
from .applications import ApplicationFit, rank
from .differences import BLENDED_MIX, PairDifferences, blended_price
from .model import Catalog, Comparison, Model

# The example workload every pair page prices: a month of a busy chat feature.
WORKLOAD = {"requests": 1_000_000, "input_tokens": 500, "output_tokens": 200}


@dataclass(frozen=True)
class Pair:
    a: Model
    b: Model
    comparison: Optional[Comparison] = None

    @property
    def slug(self) -> str:
        return f"{self.a.id}-vs-{self.b.id}"

    @property
    def url(self) -> str:
        return f"compare/{self.slug}/"


@dataclass(frozen=True)
class SideBySideRow:
    label: str
    a: str
    b: str
    better: Optional[str] = None      # "a", "b" or None (equal, unknown, or no direction)
    a_sort: Any = None
    b_sort: Any = None


@dataclass(frozen=True)
class SiteViews:
    fits: dict[str, ApplicationFit]
    pairs: tuple[Pair, ...]
    pairs_of: dict[str, tuple[Pair, ...]] = field(default_factory=dict)


def build_views(catalog: Catalog) -> SiteViews:
    models = list(catalog.models.values())
    fits = {key: rank(app, models) for key, app in catalog.applications.items()}
    pairs = static_pairs(catalog)
    pairs_of: dict[str, list[Pair]] = {m.id: [] for m in models}
    for pair in pairs:
        pairs_of[pair.a.id].append(pair)
        pairs_of[pair.b.id].append(pair)
    return SiteViews(fits, pairs, {k: tuple(v) for k, v in pairs_of.items()})


def static_pairs(catalog: Catalog) -> tuple[Pair, ...]:
    """Featured pairs, plus for each model its vendor neighbours and its nearest-priced rival.

    At most three new pairs per model, so the number of pair pages grows
    linearly with the number of models, not with the number of pairs.
    """
    chosen: dict[frozenset[str], Pair] = {}
    for c in catalog.comparisons:
        chosen[frozenset((c.a, c.b))] = Pair(catalog.models[c.a], catalog.models[c.b], c)

    def add(a: Model, b: Model) -> None:
        key = frozenset((a.id, b.id))
        if key not in chosen:
            older, newer = sorted((a, b), key=lambda m: (m.released, m.id))
            chosen[key] = Pair(newer, older)

    priced = [m for m in catalog.models.values() if m.current_price]
    for vendor_id in catalog.vendors:
        line = sorted(catalog.models_of(vendor_id), key=lambda m: (m.released, m.id))
        for older, newer in zip(line, line[1:]):
            add(newer, older)
    for model, nearest in nearest_rivals(priced).items():
        add(catalog.models[model], nearest)
    return tuple(sorted(chosen.values(), key=lambda p: (p.comparison is None, p.slug)))


def nearest_rivals(priced: list[Model]) -> dict[str, Model]:
    """For each model, the other vendor's model nearest in blended price (ties: smaller id).

    Equal to min(rivals, key=(|price difference|, id)) for every model, but
    walks outwards from the model's place in price order instead of reading
    all rivals, so a file with thousands of models stays linear in practice.
    """
    ordered = sorted(priced, key=lambda m: (blended_price(m.current_price), m.id))
    prices = [blended_price(m.current_price) for m in ordered]
    found: dict[str, Model] = {}
    for i, model in enumerate(ordered):
        best: Optional[tuple[float, str, Model]] = None
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(ordered):
                gap = abs(prices[j] - prices[i])
                if best is not None and gap > best[0]:
                    break  # every model further out is further away in price
                if ordered[j].vendor.id != model.vendor.id and (best is None or (gap, ordered[j].id) < best[:2]):
                    best = (gap, ordered[j].id, ordered[j])
                j += step
        if best is not None:
            found[model.id] = best[2]
    return found


def side_by_side(a: Model, b: Model) -> list[SideBySideRow]:
    """Spec rows for two models, with the better value marked where 'better' has a direction."""
    rows: list[SideBySideRow] = []

    def row(label: str, va: Any, vb: Any, show: Callable[[Any], str], higher_is_better: Optional[bool]) -> None:
        better = None
        if higher_is_better is not None and va is not None and vb is not None and va != vb:
            better = "a" if (va > vb) == higher_is_better else "b"
        rows.append(SideBySideRow(label, show(va) if va is not None else "—", show(vb) if vb is not None else "—",
                                  better, va, vb))

    pa, pb = a.current_price, b.current_price
    row("Vendor", a.vendor.name, b.vendor.name, str, None)
    row("Released", a.released, b.released, text.long_date, True)
    row("Status", a.status, b.status, str, None)
    row("Context window", a.context_window, b.context_window, lambda v: f"{text.tokens_long(v)} tokens", True)
    row("Maximum output", a.max_output_tokens, b.max_output_tokens, lambda v: f"{text.tokens_long(v)} tokens", True)
    row("Knowledge cutoff", a.knowledge_cutoff, b.knowledge_cutoff, text.month_or_date, True)
    row("Input", ", ".join(a.input_modalities), ", ".join(b.input_modalities), str, None)
    row("Output", ", ".join(a.output_modalities), ", ".join(b.output_modalities), str, None)
    row("Input price (per 1M)", pa and pa.input, pb and pb.input, text.usd, False)
    row("Cached input price (per 1M)", pa and pa.cached_input, pb and pb.cached_input, text.usd, False)
    row("Output price (per 1M)", pa and pa.output, pb and pb.output, text.usd, False)
    row(f"Blended price ({BLENDED_MIX[0]}:{BLENDED_MIX[1]}, per 1M)", pa and blended_price(pa), pb and blended_price(pb), text.usd, False)
    for key in [k for k in a.scores if k in b.scores] + [k for k in a.scores if k not in b.scores] + [k for k in b.scores if k not in a.scores]:
        sa, sb = a.scores.get(key), b.scores.get(key)
        bench = (sa or sb).benchmark
        row(bench.name + ("" if bench.higher_is_better else " (lower is better)"),
            sa and sa.value, sb and sb.value, bench.format, bench.higher_is_better)
    return rows


def workload_cost(model: Model, requests: int, input_tokens: int, output_tokens: int) -> Optional[float]:
    """USD for `requests` requests of the given size at the current list price (no caching, no batch)."""
    price = model.current_price
    if price is None:
        return None
    return requests * (input_tokens * price.input + output_tokens * price.output) / 1_000_000


def computed_verdict(diffs: PairDifferences) -> str:
    """What the numbers alone say about a pair, in one paragraph."""
    a, b = diffs.a, diffs.b
    names = {a.id: a.name, b.id: b.name}
    parts = []
    blended = [d for d in diffs.of("price") if d.topic == "blended"]
    if blended and blended[0].better:
        parts.append(f"{names[blended[0].better]} is cheaper for a typical {BLENDED_MIX[0]}:{BLENDED_MIX[1]} input/output mix")
    if a.context_window != b.context_window:
        parts.append(f"{(a if a.context_window > b.context_window else b).name} reads more context")
    wins = [d.better for d in diffs.of("benchmarks") if d.better]
    if wins:
        parts.append(f"on the benchmarks both report, {a.name} leads on {wins.count(a.id)} and {b.name} on {wins.count(b.id)}")
    else:
        parts.append("no benchmark that both report separates them")
    parts.append(f"{a.name} is {a.status} and {b.name} is {b.status}")
    return "; ".join(parts) + "."


def excluded_reasons(fit: ApplicationFit, model: Model) -> tuple[str, ...]:
    return fit.exclusion_of(model.id)


@dataclass(frozen=True)
class Standout:
    model: Model
    value: str
    note: str = ""


@dataclass(frozen=True)
class Landscape:
    """Site-wide standouts by dimension, among models still served (not retired)."""

    served: tuple[Model, ...]
    cheapest: tuple[Standout, ...]
    priciest: tuple[Standout, ...]
    price_changes: tuple[Standout, ...]
    largest_context: tuple[Standout, ...]
    largest_output: tuple[Standout, ...]
    by_modality: dict[str, tuple[Model, ...]]
    announced_only: tuple[Standout, ...]
    benchmark_leaders: dict[str, tuple[Standout, ...]]
    newest: tuple[Standout, ...]
    shutdowns: tuple[Standout, ...]
    status_counts: dict[str, int]
    price_spread: str = ""           # most expensive / cheapest served blended price, "36×"


def landscape(catalog: Catalog, views: SiteViews, top: int = 5) -> Landscape:
    served = tuple(m for m in catalog.models.values() if m.status != "retired")
    priced = sorted((m for m in served if m.current_price), key=lambda m: (blended_price(m.current_price), m.id))

    def blended(m: Model) -> str:
        return f"{text.usd(blended_price(m.current_price))} blended ({text.usd(m.current_price.input)} in / {text.usd(m.current_price.output)} out)"

    changes = []
    for m in catalog.models.values():
        first, now = m.launch_price, m.current_price
        if first and now and (first.input, first.output) != (now.input, now.output):
            was, is_now = blended_price(first), blended_price(now)
            # A model that launched free has no percentage change: say what happened instead.
            change = (is_now - was) / was * 100 if was else float("inf")
            changes.append((change, m.id, Standout(m, f"{change:+.0f} % blended" if was else f"from free to {text.usd(is_now)} blended", f"{text.usd(first.input)} / {text.usd(first.output)} on "
                                    f"{text.long_date(first.since)} → {text.usd(now.input)} / {text.usd(now.output)} since {text.long_date(now.since)}")))
    by_context = sorted(served, key=lambda m: (-m.context_window, m.id))
    by_output = sorted((m for m in served if m.max_output_tokens), key=lambda m: (-m.max_output_tokens, m.id))
    leaders = {}
    for key, bench in catalog.benchmarks.items():
        scored = [m for m in catalog.models.values() if key in m.scores]
        scored.sort(key=lambda m: ((-1 if bench.higher_is_better else 1) * m.scores[key].value, m.id))
        if scored:
            leaders[key] = tuple(Standout(m, m.scores[key].text, m.status) for m in scored[:3])
    shutdowns = sorted((m for m in catalog.models.values() if m.retirement and m.retirement.shutdown and m.status != "retired"),
                       key=lambda m: (m.retirement.shutdown, m.id))
    return Landscape(
        served=served,
        cheapest=tuple(Standout(m, blended(m)) for m in priced[:top]),
        priciest=tuple(Standout(m, blended(m)) for m in reversed(priced[-top:])),
        price_changes=tuple(standout for _, _, standout in sorted(changes, key=lambda c: c[:2])),
        largest_context=tuple(Standout(m, f"{text.tokens_long(m.context_window)} tokens") for m in by_context[:top]),
        largest_output=tuple(Standout(m, f"{text.tokens_long(m.max_output_tokens)} tokens") for m in by_output[:top]),
        by_modality={f"{direction}:{mod}": tuple(m for m in served if mod in getattr(m, f"{direction}_modalities"))
                     for direction in ("input", "output") for mod in ("image", "audio", "video", "pdf")},
        announced_only=tuple(Standout(m, ", ".join(m.announced.input + m.announced.output), m.announced.note)
                             for m in catalog.models.values() if m.announced),
        benchmark_leaders=leaders,
        newest=tuple(Standout(m, text.long_date(m.released)) for m in sorted(served, key=lambda m: (-m.released.toordinal(), m.id))[:top]),
        shutdowns=tuple(Standout(m, text.long_date(m.retirement.shutdown), m.status) for m in shutdowns),
        status_counts={s: sum(1 for m in catalog.models.values() if m.status == s) for s in ("active", "legacy", "deprecated", "retired")},
        price_spread=_spread(priced),
    )


def _spread(priced: list[Model]) -> str:
    if len(priced) < 2 or blended_price(priced[0].current_price) == 0:
        return ""
    return f"{blended_price(priced[-1].current_price) / blended_price(priced[0].current_price):.0f}×"
