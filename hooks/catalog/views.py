"""What the pages show beyond single models, derived once per build: pairs, rows, rankings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from . import text
from .applications import ApplicationFit, rank
from .bill import Workload, bill
from .differences import (BLENDED_MIX, Difference, PairDifferences, blended_price, cheaper_phrase, compare, current_blended,
                          percent_change, priced_blended)
from .facts import MODALITIES
from .model import Catalog, Comparison, IndependentFigure, Model
from .rows import Cell, Row, model_cells, row_set

# The example workload every pair page prices: a month of a busy chat feature.
WORKLOAD = {"requests": 1_000_000, "input_tokens": 500, "output_tokens": 200}
# A month of long-document questions: above the usual 200K/272K long-context thresholds.
LONG_WORKLOAD = {"requests": 10_000, "input_tokens": 300_000, "output_tokens": 2_000}
WORKLOADS = {"chat": WORKLOAD, "long": LONG_WORKLOAD}


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
class SiteViews:
    fits: dict[str, ApplicationFit]
    pairs: tuple[Pair, ...]
    pairs_of: dict[str, tuple[Pair, ...]] = field(default_factory=dict)
    # Computed once per build, read by the pages and the exports alike:
    cells: dict[str, dict[str, Cell]] = field(default_factory=dict)            # model id -> its comparison cells
    differences: dict[str, PairDifferences] = field(default_factory=dict)      # pair slug -> its differences
    rows: dict[str, tuple[Row, ...]] = field(default_factory=dict)             # pair slug -> its side-by-side rows
    workloads: dict[str, dict[str, WorkloadLine]] = field(default_factory=dict)  # workload name -> model id -> cost
    verdicts: dict[str, str] = field(default_factory=dict)                     # pair slug -> its one-sentence verdict
    switches: dict[str, SwitchCost] = field(default_factory=dict)               # retiring model id -> the move's cost

    def pair_differences(self, pair: Pair) -> PairDifferences:
        return self.differences[pair.slug] if pair.slug in self.differences else compare(pair.a, pair.b)

    def verdict(self, pair: Pair) -> str:
        return self.verdicts[pair.slug] if pair.slug in self.verdicts else computed_verdict(self.pair_differences(pair))


def build_views(catalog: Catalog) -> SiteViews:
    models = list(catalog.models.values())
    fits = {key: rank(app, models, catalog.as_of) for key, app in catalog.applications.items()}
    pairs = static_pairs(catalog)
    pairs_of: dict[str, list[Pair]] = {m.id: [] for m in models}
    for pair in pairs:
        pairs_of[pair.a.id].append(pair)
        pairs_of[pair.b.id].append(pair)
    cells = {m.id: model_cells(m, catalog.as_of) for m in models}
    differences = {p.slug: compare(p.a, p.b) for p in pairs}
    rows = {p.slug: tuple(row_set([p.a, p.b], catalog.benchmarks, lambda m: cells[m.id])) for p in pairs}
    workloads = {name: {m.id: workload_line(m, w) for m in models} for name, w in WORKLOADS.items()}
    verdicts = {slug: computed_verdict(d) for slug, d in differences.items()}
    switches = {m.id: switch for m in models if (switch := switch_cost(catalog, m, workloads["chat"])) is not None}
    return SiteViews(fits, pairs, {k: tuple(v) for k, v in pairs_of.items()}, cells, differences, rows, workloads, verdicts,
                     switches)


@dataclass(frozen=True)
class SwitchCost:
    """What the example workload costs on a retiring model and on the model its replacement chain ends at (issue 16)."""

    old: WorkloadLine
    new: WorkloadLine

    @property
    def change(self) -> str:
        """'+25%', '−40%', 'unchanged': the move's effect on the monthly bill."""
        return percent_change(self.old.total or 0.0, self.new.total or 0.0)

    @property
    def workload(self) -> dict[str, int]:
        return WORKLOAD

    @property
    def calculator_query(self) -> str:
        """The calculator pre-filled with the workload and the replacement's bill."""
        return (f"?requests={WORKLOAD['requests']}&input={WORKLOAD['input_tokens']}&output={WORKLOAD['output_tokens']}"
                f"&model={self.new.model.id}")


def switch_cost(catalog: Catalog, model: Model, chat: dict[str, WorkloadLine]) -> Optional[SwitchCost]:
    """Only for a model that is deprecated, retiring or retired and has a priced replacement: the move a reader must make."""
    if model.retirement is None:
        return None
    target = catalog.final_successor(model)
    if target is None or chat[model.id].total is None or chat[target.id].total is None:
        return None
    return SwitchCost(chat[model.id], chat[target.id])


def static_pairs(catalog: Catalog) -> tuple[Pair, ...]:
    """Featured pairs, plus for each model its vendor neighbours, its replacement and its nearest-priced rival.

    At most four new pairs per model, so the number of pair pages grows
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
        for older, newer in zip(line, line[1:], strict=False):  # each model and the next
            add(newer, older)
    # A reader of a retiring model's page wants it next to what the vendor says to use instead.
    # Its final successor, not a named replacement that has itself retired.
    for model in catalog.models.values():
        final = catalog.final_successor(model)
        if final is not None:
            add(final, model)
    for model_id, nearest in nearest_rivals(priced).items():
        add(catalog.models[model_id], nearest)
    return tuple(sorted(chosen.values(), key=lambda p: (p.comparison is None, p.slug)))


def many_default(catalog: Catalog, count: int = 3) -> tuple[Model, ...]:
    """What compare-several shows before a reader picks: the newest priced model still recommended
    from each of the first `count` vendors that have one (the data's vendor order)."""
    chosen = []
    for vendor_id in catalog.vendors:
        current = [m for m in catalog.models_of(vendor_id) if m.current_price and m.recommendable_on(catalog.as_of)]
        if current:
            chosen.append(max(current, key=lambda m: (m.released, m.id)))
    return tuple(chosen[:count])


def nearest_rivals(priced: list[Model]) -> dict[str, Model]:
    """For each model, the other vendor's model nearest in blended price (ties: smaller id).

    Equal to min(rivals, key=(|price difference|, id)) for every model, but
    walks outwards from the model's place in price order instead of reading
    all rivals, so a file with thousands of models stays linear in practice.
    """
    ordered = sorted(priced, key=lambda m: (priced_blended(m), m.id))
    prices = [priced_blended(m) for m in ordered]
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


SPEED_BOARDS = ("output_speed", "ttft")


@dataclass(frozen=True)
class IndependentRow:
    """One evaluator board and category, for two or more models: each model's primary figure and how they compare."""

    label: str
    figures: tuple[Optional[IndependentFigure], ...]
    verdict: str                     # "within the margin", "A ahead", "" (one side only)
    better: Optional[int] = None     # index of the better figure, None when tied, unknown or not comparable


def independent_keys(models: list[Model], speed: Optional[bool] = None) -> list[tuple[str, str, Optional[str], date, str]]:
    """The comparable groups (evaluator, board, category, date, index version) any of the models has a primary
    figure in, in file order: a figure published after the snapshot is its own group, never the snapshot's."""
    keys: list[tuple[str, str, Optional[str], date, str]] = []
    for model in models:
        for f in model.primary_figures:
            if f.comparable_key not in keys and (speed is None or (f.board.id in SPEED_BOARDS) == speed):
                keys.append(f.comparable_key)
    return keys


def compare_figures(figures: list[Optional[IndependentFigure]], names: list[str]) -> tuple[str, Optional[int]]:
    """How two figures on one board compare: tied when their intervals overlap, never a false order."""
    present = [(i, f) for i, f in enumerate(figures) if f is not None]
    if len(present) < 2:
        return "", None
    (i, fa), (j, fb) = present[0], present[1]
    if not fa.comparable(fb):
        return "different dates or index versions: not comparable", None
    if fa.has_interval and fb.has_interval:
        if fa.overlaps(fb):
            return "within the margin (95% intervals overlap)", None
    elif fa.value == fb.value:
        return "equal", None
    best = i if fa.oriented() > fb.oriented() else j
    return f"{names[best]} ahead", best


def independent_rows(a: Model, b: Model, speed: Optional[bool] = None) -> list[IndependentRow]:
    rows = []
    for key in independent_keys([a, b], speed):
        figures = [a.figure_of(key), b.figure_of(key)]
        sample = next(f for f in figures if f)
        verdict, better = compare_figures(figures, [a.name, b.name])
        label = sample.where + (f" ({sample.edition_text}, published after the snapshot)" if sample.posted else "")
        rows.append(IndependentRow(label, tuple(figures), verdict, better))
    return rows


def workload_cost(model: Model, requests: int, input_tokens: int, output_tokens: int) -> Optional[float]:
    """USD for `requests` requests of the given size at the current list price (no caching, no batch)."""
    line = workload_line(model, {"requests": requests, "input_tokens": input_tokens, "output_tokens": output_tokens})
    return line.total


@dataclass(frozen=True)
class WorkloadLine:
    """One model's cost of a workload, computed once per build: the pages only show it."""

    model: Model
    fits: bool = True                 # the request fits the context window
    input_cost: Optional[float] = None
    output_cost: Optional[float] = None
    total: Optional[float] = None     # None: no published per-token price
    tier_above: Optional[int] = None  # the long-context tier's threshold, when that price applies


def workload_line(model: Model, w: dict[str, int]) -> WorkloadLine:
    if model.current_price is None:
        return WorkloadLine(model)
    price = model.current_price.for_prompt(w["input_tokens"])  # the long-context tier, if the prompt is above one
    # The bill's computation (catalog/bill.py), the calculator's: the same lines, the same total.
    lines = {line.label: line.amount for line in
             bill(model.current_price, Workload(w["requests"], w["input_tokens"], output_tokens=w["output_tokens"])).lines}
    input_cost, output_cost = lines.get("Input", 0.0), lines.get("Output", 0.0)
    tier = getattr(price, "above", None) if price is not model.current_price else None
    return WorkloadLine(model, w["input_tokens"] + w["output_tokens"] <= model.context_window,
                        input_cost, output_cost, input_cost + output_cost, tier)


def computed_verdict(diffs: PairDifferences) -> str:
    """What the numbers alone say about a pair, in one short sentence."""
    a, b = diffs.a, diffs.b
    names = {a.id: a.name, b.id: b.name}
    parts = []
    pa, pb = a.current_price, b.current_price
    if pa and pb and blended_price(pa) != blended_price(pb):
        low, high = sorted((blended_price(pa), blended_price(pb)))
        cheap = a if blended_price(pa) < blended_price(pb) else b
        how = "is free" if low == 0 else f"is {cheaper_phrase(low, high)[0]}"
        parts.append(f"{cheap.name} {how} at a {BLENDED_MIX[0]}:{BLENDED_MIX[1]} input/output mix")
    elif bool(pa) != bool(pb):
        parts.append(f"only {(a if pa else b).name} has a per-token API price")
    scored = [d for d in diffs.of("benchmarks") if d.topic]
    wins = [d.better for d in scored if d.better]
    if scored and len(set(wins)) == 1 and len(wins) == len(scored):
        parts.append(f"{names[wins[0]]} scores higher on " + (f"all {len(scored)} benchmarks both report" if len(scored) > 1
                                                              else "the one benchmark both report"))
    elif wins:
        parts.append(f"of the {len(scored)} benchmarks both report, {a.name} leads on {wins.count(a.id)} and {b.name} on {wins.count(b.id)}")
    elif scored:
        parts.append("no benchmark both report separates them")
    else:
        parts.append("they share no benchmark")
    if a.context_window != b.context_window:
        big, small = (a, b) if a.context_window > b.context_window else (b, a)
        parts.append(f"{big.name} reads {text.fixed(big.context_window / small.context_window, 1)}× more context")
    if a.status == b.status:
        if a.status != "active":
            parts.append(f"both are {a.status}")
    else:
        parts.append(f"{a.name} is {a.status} and {b.name} is {b.status}")
    sentence = "; ".join(parts) + "."
    return sentence[0].upper() + sentence[1:]


@dataclass(frozen=True)
class Highlight:
    """One of the differences that matter most for a pair, with a short label."""

    label: str
    difference: Difference


def top_differences(diffs: PairDifferences, count: int = 3) -> list[Highlight]:
    """The differences that matter most, picked by a fixed rule.

    In this order, each only if the two models really differ on it: status
    (when either model is deprecated, legacy, retired or has a shutdown date),
    price (the blended price), the largest benchmark gap, context window,
    maximum output, modalities, knowledge cutoff. The first `count` win.
    """
    a, b = diffs.a, diffs.b
    picked: list[Highlight] = []
    by_topic = {(d.dimension, d.topic): d for d in diffs.items}

    def retiring(m: Model) -> bool:
        return m.status != "active" or bool(m.retirement and m.retirement.shutdown)

    status = by_topic.get(("dates", "status"))
    if status and (retiring(a) or retiring(b)):
        picked.append(Highlight("Status", status))
    price = by_topic.get(("price", "blended"))
    if price and (price.better or bool(a.current_price) != bool(b.current_price)):
        picked.append(Highlight("Price", price))
    gaps = [d for d in diffs.of("benchmarks") if d.better]
    if gaps:
        widest = max(gaps, key=lambda d: d.gap)
        picked.append(Highlight("Largest benchmark gap", widest))
    for topic, label in (("context_window", "Context window"), ("max_output_tokens", "Maximum output")):
        d = by_topic.get(("context", topic))
        if d and d.better:
            picked.append(Highlight(label, d))
    for d in diffs.of("modalities"):
        if d.better:
            picked.append(Highlight(f"{d.topic.capitalize()} modalities", d))
    cutoff = by_topic.get(("dates", "knowledge_cutoff"))
    if cutoff and a.knowledge_cutoff and b.knowledge_cutoff and a.knowledge_cutoff != b.knowledge_cutoff:
        picked.append(Highlight("Knowledge cutoff", cutoff))
    return picked[:count]


@dataclass(frozen=True)
class Comparing:
    """A comparison worth reading next: its static page if there is one, else compare-any-two."""

    a: Model
    b: Model
    pair: Optional[Pair] = None


@dataclass(frozen=True)
class Succession:
    """What the vendors suggest instead of the retiring models of a pair, and what to compare next."""

    replacements: tuple[tuple[Model, Model], ...]   # (retiring model, its suggested replacement)
    comparisons: tuple[Comparing, ...] = ()
    without: tuple[Model, ...] = ()                  # retiring models with no replacement named

    @property
    def shared(self) -> Optional[Model]:
        """The one replacement named for every retiring model of the pair, if there are two and they share it."""
        news = {new.id for _, new in self.replacements}
        return self.replacements[0][1] if len(self.replacements) > 1 and len(news) == 1 else None


def succession(pair: Pair, catalog: Catalog, views: SiteViews) -> Optional[Succession]:
    """The successors of a pair's deprecated or retiring models, and where to compare them; None if neither retires.

    Two different successors: compare them with each other. One successor and
    a model that stays: compare those two. One successor for both: compare it
    with each of the models it replaces.
    """
    retiring = [m for m in (pair.a, pair.b) if m.retirement]
    if not retiring:
        return None
    finals = {m.id: catalog.final_successor(m) for m in retiring}
    named = [m for m in retiring if finals[m.id] is not None]
    replacements = tuple((m, final) for m in named if (final := finals[m.id]) is not None)
    without = tuple(m for m in retiring if m not in named)
    news = list({new.id: new for _, new in replacements}.values())
    stays = [m for m in (pair.a, pair.b) if not m.retirement]
    if len(news) > 1:
        wanted = [(news[0], news[1])]
    elif news and stays:
        wanted = [(news[0], stays[0])]
    else:
        wanted = [(new, old) for old, new in replacements if new.id != old.id]
    # Never a model with itself, nor the pair the reader is already on (a successor that is the other model of the pair).
    here = frozenset((pair.a.id, pair.b.id))
    wanted = [(x, y) for x, y in wanted if x.id != y.id and frozenset((x.id, y.id)) != here]
    found = {frozenset((p.a.id, p.b.id)): p for p in views.pairs}
    return Succession(replacements, tuple(Comparing(x, y, found.get(frozenset((x.id, y.id)))) for x, y in wanted), without)


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
    price_spread: str = ""           # most expensive / cheapest paid blended price, "36×"
    free: tuple[Model, ...] = ()     # current models with a zero list price
    cheapest_paid: Optional[Standout] = None
    shortlist: tuple[ShortlistRow, ...] = ()


@dataclass(frozen=True)
class ShortlistRow:
    """One model the chooser may suggest: its blended price (the order when no use case is chosen) and, per use
    case that ranks it, its order there and the place the page shows ("2–4" when the ranking cannot order it)."""

    model: Model
    blended: Optional[float]
    places: dict[str, tuple[int, str]]


def shortlist_rows(current: tuple[Model, ...], fits: dict[str, ApplicationFit]) -> tuple[ShortlistRow, ...]:
    places: dict[str, dict[str, tuple[int, str]]] = {m.id: {} for m in current}
    for key, fit in fits.items():
        for order, r in enumerate(fit.ranked, 1):
            if r.model.id in places:
                places[r.model.id][key] = (order, fit.place_text(r.model.id))
        # Eligible but unscored: after the ranked ones, as the application page lists them.
        for order, r in enumerate(fit.unscored, len(fit.ranked) + 1):
            if r.model.id in places:
                places[r.model.id][key] = (order, "no score")
    return tuple(ShortlistRow(m, current_blended(m), places[m.id]) for m in current)


def landscape(catalog: Catalog, views: SiteViews, top: int = 5) -> Landscape:
    served = tuple(m for m in catalog.models.values() if m.served_on(catalog.as_of))
    # Lists that suggest a model leave out the ones shutting down soon.
    current = tuple(m for m in served if m.recommendable_on(catalog.as_of))
    priced = sorted((m for m in current if m.current_price), key=lambda m: (priced_blended(m), m.id))

    def blended(m: Model) -> str:
        p = m.current_price
        assert p is not None  # priced models only
        if blended_price(p) == 0:
            return "free (no per-token charge)"
        return f"{text.money(blended_price(p))} blended ({text.usd(p.input)} in / {text.usd(p.output)} out)"

    changes = []
    for m in catalog.models.values():
        first, now = m.launch_price, m.current_price
        if first and now and (first.input, first.output) != (now.input, now.output):
            was, is_now = blended_price(first), blended_price(now)
            # A model that launched free has no percentage change: say what happened instead.
            change = (is_now - was) / was * 100 if was else float("inf")
            changes.append((change, m.id, Standout(m, f"{text.percent(change, sign=True)} blended" if was else f"from free to {text.usd(is_now)} blended", f"{text.usd(first.input)} / {text.usd(first.output)} on "
                                    f"{text.long_date(first.since)} → {text.usd(now.input)} / {text.usd(now.output)} since {text.long_date(now.since)}")))
    by_context = sorted(current, key=lambda m: (-m.context_window, m.id))
    by_output = sorted((m for m in current if m.max_output_tokens), key=lambda m: (-(m.max_output_tokens or 0), m.id))
    leaders = {}
    for key, bench in catalog.benchmarks.items():
        scored = [m for m in current if key in m.scores]
        scored.sort(key=lambda m: ((-1 if bench.higher_is_better else 1) * m.scores[key].value, m.id))
        if scored:
            leaders[key] = tuple(Standout(m, m.scores[key].text, m.status) for m in scored[:3])
    shutdowns = sorted((m for m in served if m.retirement and m.retirement.shutdown),
                       key=lambda m: (m.retirement.shutdown if m.retirement else None, m.id))
    return Landscape(
        served=served,
        cheapest=tuple(Standout(m, blended(m)) for m in priced[:top]),
        priciest=tuple(Standout(m, blended(m)) for m in reversed(priced[-top:])),
        price_changes=tuple(standout for _, _, standout in sorted(changes, key=lambda c: c[:2])),
        largest_context=tuple(Standout(m, f"{text.tokens_long(m.context_window)} tokens") for m in by_context[:top]),
        largest_output=tuple(Standout(m, f"{text.tokens_long(m.max_output_tokens or 0)} tokens") for m in by_output[:top]),
        by_modality={f"{direction}:{mod}": tuple(m for m in current if mod in getattr(m, f"{direction}_modalities"))
                     for direction in ("input", "output") for mod in MODALITIES if mod != "text"},
        announced_only=tuple(Standout(m, ", ".join(m.announced.input + m.announced.output), m.announced.note)
                             for m in catalog.models.values() if m.announced),
        benchmark_leaders=leaders,
        newest=tuple(Standout(m, text.long_date(m.released)) for m in sorted(current, key=lambda m: (-m.released.toordinal(), m.id))[:top]),
        shutdowns=tuple(Standout(m, text.long_date(m.retirement.shutdown), m.status)  # type: ignore[union-attr,arg-type]  # filtered on a shutdown date above
                        for m in shutdowns),
        status_counts={s: sum(1 for m in catalog.models.values() if m.status == s) for s in ("active", "legacy", "deprecated", "retired")},
        price_spread=_spread(priced),
        free=tuple(m for m in priced if priced_blended(m) == 0),
        cheapest_paid=next((Standout(m, blended(m)) for m in priced if priced_blended(m) > 0), None),
        shortlist=shortlist_rows(current, views.fits),
    )



def _spread(priced: list[Model]) -> str:
    """How many times the dearest blended price is the cheapest *paid* one's (free models have no ratio)."""
    paid = [m for m in priced if priced_blended(m) > 0]
    if len(paid) < 2:
        return ""
    return f"{priced_blended(paid[-1]) / priced_blended(paid[0]):.0f}×"
