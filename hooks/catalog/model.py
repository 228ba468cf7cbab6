"""The validated data as typed, read-only objects: what every page and export reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Optional

# The vocabularies, the capability flags and the retiring horizon are the registry's (facts.py).
from .facts import CAPABILITIES as CAPABILITY_FIELDS, MODALITIES, RETIRING_HORIZON_DAYS, STATUSES as STATUSES

# A benchmark ranks models or gets a chart only when at least this many current
# models, and this share of those compared, have a score: fewer would decide by chance.
MIN_SCORED = 8
MIN_SCORED_SHARE = 0.10
Day = date  # for annotations inside classes that have a field named `date`


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class Benchmark:
    id: str
    name: str
    description: str
    unit: str
    higher_is_better: bool
    url: str

    def format(self, value: float) -> str:
        # One decimal as vendors publish them (82.0, not 82); more only if given.
        # Otherwise every digit the file has (88.123456789, not 88.1235): what the source published.
        text = f"{value:.1f}" if round(value, 1) == value else repr(float(value))
        return f"{text}%" if self.unit == "percent" else text


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    url: str
    publisher: str = ""
    supports: tuple[str, ...] = ()
    # How the fact was read: "page" (the page itself), "copy" (a copy of it, at
    # `via`) or "quoted" (a third party at `via` quoting it; the page unread);
    # "" where the data does not record it.
    read: str = ""
    via: str = ""


@dataclass(frozen=True)
class PriceTier:
    """Long-context prices: they apply to a whole request whose prompt has more than `above` tokens."""

    above: int
    input: float
    output: float
    cached_input: Optional[float] = None
    cache_write: Optional[float] = None
    cache_write_1h: Optional[float] = None
    batch_input: Optional[float] = None
    batch_output: Optional[float] = None


@dataclass(frozen=True)
class PriceComponent:
    """A price of something other than text tokens: `price` USD per `unit` of `item` (facts.COMPONENT_UNITS)."""

    item: str
    unit: str
    price: float
    note: str = ""
    source: Optional[Source] = None
    tool: str = ""              # which tool a tool_call price is for


@dataclass(frozen=True)
class TierPrices:
    input: float
    output: float
    cached_input: Optional[float] = None


@dataclass(frozen=True)
class TierLongPrices:
    """A service tier's own long-context prices: for a request whose prompt has more than `above` input tokens."""

    above: int
    input: float
    output: float
    cached_input: Optional[float] = None


@dataclass(frozen=True)
class StacksWith:
    """Whether a service tier combines with each price modifier; None: the vendor does not say."""

    cached_input: Optional[bool] = None
    batch: Optional[bool] = None
    long_context_tiers: Optional[bool] = None


@dataclass(frozen=True)
class ServiceTier:
    """Flex, priority, fast...: a multiplier of the standard prices, or the tier's own prices (exactly one)."""

    name: str
    stacks_with: StacksWith
    multiplier: Optional[float] = None
    prices: Optional[TierPrices] = None
    note: str = ""
    source: Optional[Source] = None
    tiers: tuple[TierLongPrices, ...] = ()


@dataclass(frozen=True)
class Region:
    """A regional or data-residency uplift: the bill times `multiplier` in that region."""

    name: str
    multiplier: float
    applies_to: str = ""
    source: Optional[Source] = None
    note: str = ""


@dataclass(frozen=True)
class Promotion:
    """A promotional price: until a date (None: until further notice), after which `regular` applies."""

    until: Optional[date] = None
    regular: Optional[TierPrices] = None

    def ended_by(self, day: date) -> bool:
        return self.until is not None and self.until < day


@dataclass(frozen=True)
class PricePoint:
    """USD per 1M tokens from `since` until the next entry."""

    since: date
    input: float
    output: float
    source: Source
    cached_input: Optional[float] = None
    batch_input: Optional[float] = None
    batch_output: Optional[float] = None
    note: str = ""
    cache_write: Optional[float] = None
    cache_write_1h: Optional[float] = None
    tiers: tuple[PriceTier, ...] = ()
    components: tuple[PriceComponent, ...] = ()
    service_tiers: tuple[ServiceTier, ...] = ()
    regions: tuple[Region, ...] = ()
    scheduled: bool = False
    promotion: Optional[Promotion] = None

    def component(self, item: str) -> Optional[PriceComponent]:
        return next((c for c in self.components if c.item == item), None)

    def service_tier(self, name: str) -> Optional[ServiceTier]:
        return next((t for t in self.service_tiers if t.name == name), None)

    def region(self, name: str) -> Optional[Region]:
        return next((r for r in self.regions if r.name == name), None)

    def for_prompt(self, prompt_tokens: float) -> PricePoint | PriceTier:
        """The prices that bill a request with this many input tokens: the base, or the highest tier it exceeds."""
        chosen: PricePoint | PriceTier = self
        for tier in self.tiers:
            if prompt_tokens > tier.above:
                chosen = tier
        return chosen


@dataclass(frozen=True)
class Capabilities:
    """What the vendor's API lets a developer do; None means the data does not say."""

    tool_calling: Optional[bool] = None
    structured_output: Optional[bool] = None
    fine_tuning: Optional[bool] = None
    reasoning_effort: tuple[str, ...] = ()
    reasoning_budget: Optional[bool] = None

    def __bool__(self) -> bool:
        """False when the data states no capability at all (every flag unknown)."""
        return any(v not in (None, ()) for v in (self.tool_calling, self.structured_output, self.fine_tuning,
                                                  self.reasoning_effort, self.reasoning_budget))


@dataclass(frozen=True)
class License:
    name: str
    url: str


@dataclass(frozen=True)
class Score:
    benchmark: Benchmark
    value: float
    source: Source
    note: str = ""

    @property
    def text(self) -> str:
        return self.benchmark.format(self.value)


@dataclass(frozen=True)
class Board:
    """One leaderboard of an independent evaluator (the Arena's text board, AA's Intelligence Index)."""

    id: str
    name: str
    unit: str                 # rating | index | fraction | percent | tokens_per_second | seconds
    higher_is_better: bool

    def format(self, value: float) -> str:
        if self.unit == "fraction":
            return f"{value * 100:.1f}%"
        if self.unit == "percent":
            return f"{value:.1f}%"
        if self.unit == "tokens_per_second":
            return f"{value:.0f} tokens/s"
        if self.unit == "seconds":
            return f"{value:.2f} s"
        if self.unit == "rating":
            return f"{value:.0f}"
        return f"{value:g}"


@dataclass(frozen=True)
class Evaluator:
    id: str
    name: str
    url: str
    boards: dict[str, Board]
    description: str = ""
    read: str = "page"
    via: str = ""


@dataclass(frozen=True)
class IndependentFigure:
    """One figure an independent evaluator published for a model: its own row, board, category, setting and date."""

    evaluator: Evaluator
    board: Board
    value: float
    date: date
    setting: str
    row: str
    category: Optional[str] = None
    lower: Optional[float] = None
    upper: Optional[float] = None
    votes: Optional[int] = None
    primary: bool = False
    note: str = ""
    # A figure the evaluator published after the snapshot the evaluator's url names, with its own
    # source: the page (url, title), how it was read and where (read, via), and the index version.
    url: str = ""
    title: str = ""
    read: str = ""
    via: str = ""
    index_version: str = ""

    @property
    def key(self) -> tuple[str, str, Optional[str]]:
        return (self.evaluator.id, self.board.id, self.category)

    @property
    def posted(self) -> bool:
        """Published by the evaluator on its own page, after the snapshot the other figures come from."""
        return bool(self.url)

    @property
    def edition(self) -> tuple[Day, str]:
        """When, and on which index version, the figure was published: figures of two editions never compare."""
        return (self.date, self.index_version)

    @property
    def comparable_key(self) -> tuple[str, str, Optional[str], Day, str]:
        """Evaluator, board, category, date and index version: only figures with equal keys may be ranked or tied."""
        return (*self.key, *self.edition)

    def comparable(self, other: IndependentFigure) -> bool:
        return self.comparable_key == other.comparable_key

    @property
    def source_url(self) -> str:
        """The page a reader checks the figure on: its own page if it has one, else the evaluator's leaderboard."""
        return self.url or self.evaluator.url

    @property
    def edition_text(self) -> str:
        """'v4.2, Sep 5, 2026': the index version (if named) and the date, as the site writes dates."""
        version = f"{self.index_version}, " if self.index_version else ""
        return f"{version}{self.date:%b} {self.date.day}, {self.date.year}"

    @property
    def text(self) -> str:
        return self.board.format(self.value)

    @property
    def has_interval(self) -> bool:
        return self.lower is not None and self.upper is not None

    @property
    def interval_text(self) -> str:
        """'1492 (1485–1499)' for an Arena rating, the bare value otherwise."""
        if self.lower is None or self.upper is None:
            return self.text
        return f"{self.text} ({self.board.format(self.lower)}–{self.board.format(self.upper)})"

    @property
    def where(self) -> str:
        """Evaluator, board and category: 'Arena Text (style control), coding'."""
        category = f", {self.category.replace('_', ' ')}" if self.category else ""
        return f"{self.evaluator.name} {self.board.name}{category}"

    def overlaps(self, other: IndependentFigure) -> bool:
        """Two intervals on the same board, category and date overlap: the evaluator cannot order them."""
        if not self.comparable(other):
            raise ValueError(f"figures of different boards or dates do not compare: {self.comparable_key} and {other.comparable_key}")
        if self.lower is None or self.upper is None or other.lower is None or other.upper is None:
            return False
        return self.lower <= other.upper and other.lower <= self.upper

    def oriented(self) -> float:
        """The value with larger = better."""
        return self.value if self.board.higher_is_better else -self.value


@dataclass(frozen=True)
class Announced:
    input: tuple[str, ...]
    output: tuple[str, ...]
    source: Source
    note: str = ""


@dataclass(frozen=True)
class Caveat:
    """Where primary sources disagree, or a figure needs a qualifier."""

    about: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Retirement:
    source: Source
    announced: Optional[date] = None
    shutdown: Optional[date] = None
    replacement: Optional[str] = None


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    vendor: Vendor
    released: date
    status: str
    summary: str
    context_window: int
    open_weights: bool
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    sources: dict[str, Source]
    api_id: str = ""
    max_output_tokens: Optional[int] = None
    knowledge_cutoff: Optional[str] = None
    reasoning: Optional[str] = None
    snapshot: Optional[str] = None
    announced: Optional[Announced] = None
    pricing: tuple[PricePoint, ...] = ()
    scores: dict[str, Score] = field(default_factory=dict)
    strengths: tuple[str, ...] = ()
    limitations: tuple[str, ...] = ()
    retirement: Optional[Retirement] = None
    caveats: tuple[Caveat, ...] = ()
    verified: Optional[date] = None
    preview: bool = False
    capabilities: Capabilities = Capabilities()
    license: Optional[License] = None
    independent: tuple[IndependentFigure, ...] = ()
    # Prices announced for dates after as_of (scheduled: true), oldest first: never the current price.
    scheduled_prices: tuple[PricePoint, ...] = ()
    # The price in force on as_of when it is not the last entry as written (a promotion that ended: the regular price).
    in_force: Optional[PricePoint] = None

    def figure(self, evaluator: Optional[str], board: Optional[str], category: Optional[str] = None) -> Optional[IndependentFigure]:
        """The primary snapshot figure on one evaluator's board and category, if the model has one.

        What rankings and charts use: every model's figure here is of the same snapshot (board, category,
        date), so they compare. A figure published later (`posted`) is never returned here.
        """
        return next((f for f in self.independent if f.primary and not f.posted and f.key == (evaluator, board, category)), None)

    def figure_of(self, key: tuple[str, str, Optional[str], date, str]) -> Optional[IndependentFigure]:
        """The primary figure with this comparable key (evaluator, board, category, date, index version)."""
        return next((f for f in self.independent if f.primary and f.comparable_key == key), None)

    @property
    def primary_figures(self) -> tuple[IndependentFigure, ...]:
        return tuple(f for f in self.independent if f.primary)

    @property
    def posted_figures(self) -> tuple[IndependentFigure, ...]:
        return tuple(f for f in self.independent if f.posted)

    @property
    def current_price(self) -> Optional[PricePoint]:
        """The price in force on as_of (derive works it out: a promotion that ended gives way to the regular price)."""
        if self.in_force is not None:
            return self.in_force
        return self.pricing[-1] if self.pricing else None

    def price_on(self, day: date) -> Optional[PricePoint]:
        """The price in force on `day`: the latest entry (scheduled ones included) since then, its regular price once
        its promotion has ended; None before the first entry."""
        entries = [p for p in self.pricing + self.scheduled_prices if p.since <= day]
        return in_force_on(entries, day)

    @property
    def launch_price(self) -> Optional[PricePoint]:
        return self.pricing[0] if self.pricing else None

    @property
    def typed_id(self) -> str:
        """What a developer types into the vendor's API."""
        return self.api_id or self.id

    def source_for(self, field_name: str) -> Optional[Source]:
        """The first source (in file order) whose supports: names this field."""
        found = next((s for s in self.sources.values() if field_name in s.supports), None)
        if found is None and field_name in CAPABILITY_FIELDS:
            found = next((s for s in self.sources.values() if "capabilities" in s.supports), None)
        return found

    def served_on(self, day: date) -> bool:
        """Callable through the vendor's API on `day`: not retired, and not shut down by then."""
        shutdown = self.retirement.shutdown if self.retirement else None
        return self.status != "retired" and (shutdown is None or shutdown > day)

    def retiring_within(self, day: date, days: int) -> bool:
        """Has a shutdown date within `days` after `day` (or already passed)."""
        shutdown = self.retirement.shutdown if self.retirement else None
        return shutdown is not None and (shutdown - day).days <= days

    def recommendable_on(self, day: date, horizon: int = RETIRING_HORIZON_DAYS) -> bool:
        """Served on `day` and not shutting down within `horizon` days: what guidance may suggest."""
        return self.served_on(day) and not self.retiring_within(day, horizon)


def in_force_on(entries: list[PricePoint], day: date) -> Optional[PricePoint]:
    """Of entries that started by `day` (oldest first), the one in force: a promotion that ended before `day` gives way to
    its regular price from the day after (an entry without one stays, and the data check reports it)."""
    if not entries:
        return None
    last = entries[-1]
    promo = last.promotion
    if promo is not None and promo.until is not None and promo.ended_by(day) and promo.regular is not None:
        r = promo.regular
        return replace(last, since=date.fromordinal(promo.until.toordinal() + 1), input=r.input, output=r.output,
                       cached_input=r.cached_input if r.cached_input is not None else last.cached_input, promotion=None,
                       note=f"Regular price after the promotion that ended on {promo.until.isoformat()}.")
    return last


@dataclass(frozen=True)
class EditorialPoint:
    title: str
    text: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """A featured pair, with what the numbers alone cannot say."""

    a: str
    b: str
    intro: str = ""
    differences: tuple[EditorialPoint, ...] = ()
    corrections: tuple[EditorialPoint, ...] = ()   # title = the claim, text = the correction
    choose: tuple[tuple[str, str], ...] = ()        # (model id, when to choose it)
    conclusion: str = ""
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Favour:
    factor: str                      # low_cost | benchmark | independent | long_context | long_output | recent
    weight: float = 1.0
    benchmark: Optional[str] = None
    mix: tuple[int, int] = (3, 1)
    label: str = ""                  # how the factor reads: "low cost", "MMLU score"
    prompt: int = 0                  # low_cost: typical prompt tokens, which pick the price tier
    evaluator: Optional[str] = None  # independent: whose board, which board and category
    board: Optional[str] = None
    category: Optional[str] = None

    @property
    def key(self) -> tuple[Optional[str], Optional[str], Optional[str]]:
        return (self.evaluator, self.board, self.category)


@dataclass(frozen=True)
class Application:
    id: str
    name: str
    summary: str
    guidance: str
    needs: dict[str, Any]
    favours: tuple[Favour, ...]


FACTOR_LABELS = {"low_cost": "low cost", "long_context": "long context", "long_output": "long output", "recent": "recent release"}


def parse_application(key: str, raw: dict[str, Any], benchmark_names: dict[str, str],
                      evaluators: Optional[dict[str, Evaluator]] = None) -> Application:
    def label(f: dict[str, Any]) -> str:
        if f["factor"] == "benchmark":
            return f"{benchmark_names[f['benchmark']]} score"
        if f["factor"] == "independent":
            evaluator = (evaluators or {})[f["evaluator"]]
            category = f", {f['category'].replace('_', ' ')}" if f.get("category") else ""
            return f"{evaluator.name} {evaluator.boards[f['board']].name}{category}"
        return FACTOR_LABELS[f["factor"]]

    favours = tuple(Favour(f["factor"], float(f.get("weight", 1.0)), f.get("benchmark"), tuple(f.get("mix", (3, 1))),
                           label(f), int(f.get("prompt", 0)), f.get("evaluator"), f.get("board"), f.get("category"))
                    for f in raw["favours"])
    return Application(key, raw["name"], raw["summary"], raw["guidance"], dict(raw.get("needs", {})), favours)


@dataclass(frozen=True)
class Catalog:
    vendors: dict[str, Vendor]
    benchmarks: dict[str, Benchmark]
    models: dict[str, Model]
    comparisons: tuple[Comparison, ...] = ()
    applications: dict[str, Application] = field(default_factory=dict)
    checked: Optional[date] = None
    evaluators: dict[str, Evaluator] = field(default_factory=dict)

    @property
    def as_of(self) -> date:
        """When the facts were last checked: the file's as_of, else its newest date."""
        if self.checked:
            return self.checked
        dates = [m.released for m in self.models.values()]
        dates += [p.since for m in self.models.values() for p in m.pricing]
        return max(dates)

    def successors(self, model: Model) -> tuple[Model, ...]:
        """The replacement chain after `model`, in order: the vendor's named replacement, its replacement, ...

        The last one is where a reader should go (the data check makes it a model
        that is served and not retiring soon); the ones before it are shown as
        "named by the vendor, itself retired". Stops at a loop or an unknown id.
        """
        chain: list[Model] = []
        seen = {model.id}
        current = model
        while current.retirement and current.retirement.replacement in self.models:
            nxt = self.models[current.retirement.replacement]
            if nxt.id in seen:
                break
            chain.append(nxt)
            seen.add(nxt.id)
            current = nxt
        return tuple(chain)

    def final_successor(self, model: Model) -> Optional[Model]:
        chain = self.successors(model)
        return chain[-1] if chain else None

    def models_of(self, vendor_id: str) -> list[Model]:
        return [m for m in self.models.values() if m.vendor.id == vendor_id]


def derive(data: dict[str, Any]) -> Catalog:
    """Build the typed catalog from data that has passed validation."""
    vendors = {key: Vendor(key, v["name"], v["url"], v.get("description", "")) for key, v in data["vendors"].items()}
    benchmarks = {key: Benchmark(key, b["name"], b["description"], b["unit"], b["higher_is_better"], b["url"])
                  for key, b in data.get("benchmarks", {}).items()}
    evaluators = {key: Evaluator(key, e["name"], e["url"],
                                 {b: Board(b, spec["name"], spec["unit"], spec["higher_is_better"]) for b, spec in e["boards"].items()},
                                 e.get("description", ""), e.get("read", "page"), e.get("via", ""))
                  for key, e in (data.get("evaluators") or {}).items()}
    independent = {key: _figures(items, evaluators) for key, items in (data.get("independent") or {}).items()}
    as_of = _as_of(data)
    models = [_model(key, raw, vendors, benchmarks, independent.get(key, ()), as_of) for key, raw in data["models"].items()]
    # One order everywhere: vendor, then newest first, then id (stable output).
    models.sort(key=lambda m: (m.vendor.name.lower(), -m.released.toordinal(), m.id))
    comparisons = tuple(_comparison(c) for c in data.get("comparisons") or [])
    names = {key: b.name for key, b in benchmarks.items()}
    applications = {key: parse_application(key, raw, names, evaluators) for key, raw in (data.get("applications") or {}).items()}
    return Catalog(vendors, benchmarks, {m.id: m for m in models}, comparisons, applications, _date(data.get("as_of")), evaluators)


def _as_of(data: dict[str, Any]) -> date:
    """The file's as_of, else its newest date (released or price since, scheduled prices left out): Catalog.as_of's rule."""
    if data.get("as_of"):
        return date.fromisoformat(data["as_of"])
    days = [date.fromisoformat(m["released"]) for m in data["models"].values()]
    days += [date.fromisoformat(p["since"]) for m in data["models"].values() for p in m.get("pricing", ()) if not p.get("scheduled")]
    return max(days)


def _figures(items: list[dict[str, Any]], evaluators: dict[str, Evaluator]) -> tuple[IndependentFigure, ...]:
    figures = []
    for f in items:
        evaluator = evaluators[f["evaluator"]]
        figures.append(IndependentFigure(evaluator, evaluator.boards[f["board"]], float(f["value"]), date.fromisoformat(f["date"]),
                                         f["setting"], f["row"], f.get("category"), f.get("lower"), f.get("upper"),
                                         f.get("votes"), bool(f.get("primary", False)), f.get("note", ""),
                                         f.get("url", ""), f.get("title", ""), f.get("read", ""), f.get("via", ""),
                                         f.get("index_version", "")))
    # A group (board, category and edition) with one figure and no primary mark: that figure is the one to use.
    keys = [f.comparable_key for f in figures]
    marked = {f.comparable_key for f in figures if f.primary}
    return tuple(f if f.primary or f.comparable_key in marked or keys.count(f.comparable_key) > 1 else
                 replace(f, primary=True) for f in figures)


def _comparison(raw: dict[str, Any]) -> Comparison:
    sources = {name: Source(name, s["title"], s["url"], s.get("publisher", "")) for name, s in (raw.get("sources") or {}).items()}

    def points(items: list[dict[str, Any]], title: str, body: str) -> tuple[EditorialPoint, ...]:
        return tuple(EditorialPoint(i[title], i[body], tuple(sources[k] for k in i.get("sources", ()))) for i in items)

    return Comparison(raw["models"][0], raw["models"][1], raw.get("intro", ""),
                      points(raw.get("differences", []), "title", "text"),
                      points(raw.get("corrections", []), "claim", "correction"),
                      tuple(raw.get("choose", {}).items()), raw.get("conclusion", ""), tuple(sources.values()))


def _tier_prices(raw: Optional[dict[str, Any]]) -> Optional[TierPrices]:
    return TierPrices(raw["input"], raw["output"], raw.get("cached_input")) if raw else None


def _price_point(p: dict[str, Any], sources: dict[str, Source]) -> PricePoint:
    def src(name: Optional[str]) -> Optional[Source]:
        return sources[name] if name else None

    promo = p.get("promotion")
    return PricePoint(
        date.fromisoformat(p["since"]), p["input"], p["output"], sources[p["source"]],
        p.get("cached_input"), p.get("batch_input"), p.get("batch_output"), p.get("note", ""),
        p.get("cache_write"), p.get("cache_write_1h"),
        tuple(PriceTier(t["above"], t["input"], t["output"], t.get("cached_input"), t.get("cache_write"),
                        t.get("cache_write_1h"), t.get("batch_input"), t.get("batch_output"))
              for t in p.get("tiers", ())),
        components=tuple(PriceComponent(c["item"], c["unit"], c["price"], c.get("note", ""), src(c.get("source")),
                                                 c.get("tool", ""))
                         for c in p.get("components", ())),
        service_tiers=tuple(ServiceTier(t["name"], StacksWith(**t["stacks_with"]), t.get("multiplier"), _tier_prices(t.get("prices")),
                                        t.get("note", ""), src(t.get("source")),
                                        tuple(TierLongPrices(x["above"], x["input"], x["output"], x.get("cached_input"))
                                              for x in t.get("tiers", ())))
                            for t in p.get("service_tiers", ())),
        regions=tuple(Region(r["name"], r["multiplier"], r.get("applies_to", ""), src(r.get("source")), r.get("note", "")) for r in p.get("regions", ())),
        scheduled=bool(p.get("scheduled", False)),
        promotion=Promotion(_date(promo.get("until")), _tier_prices(promo.get("regular"))) if promo else None)


def _model(key: str, raw: dict[str, Any], vendors: dict[str, Vendor], benchmarks: dict[str, Benchmark],
           independent: tuple[IndependentFigure, ...] = (), as_of: Optional[date] = None) -> Model:
    sources = {name: Source(name, s["title"], s["url"], s.get("publisher", ""), tuple(s.get("supports", ())),
                            s.get("read", ""), s.get("via", ""))
               for name, s in raw["sources"].items()}
    entries = tuple(_price_point(p, sources) for p in raw.get("pricing", ()))
    # A scheduled price (since after as_of) is never part of the price history before its day.
    pricing = tuple(p for p in entries if not (p.scheduled and as_of is not None and p.since > as_of))
    scheduled = tuple(p for p in entries if p.scheduled and as_of is not None and p.since > as_of)
    current = in_force_on(list(pricing), as_of) if as_of is not None else None
    in_force = current if current is not None and pricing and current is not pricing[-1] else None
    caps = raw.get("capabilities") or {}
    licence = raw.get("license")
    scores = {b: Score(benchmarks[b], s["value"], sources[s["source"]], s.get("note", ""))
              for b, s in raw.get("scores", {}).items()}
    announced = raw.get("announced_modalities")
    retirement = raw.get("retirement")
    return Model(
        id=key, name=raw["name"], vendor=vendors[raw["vendor"]], released=date.fromisoformat(raw["released"]),
        status=raw["status"], summary=raw["summary"], context_window=raw["context_window"],
        max_output_tokens=raw.get("max_output_tokens"), open_weights=raw["open_weights"],
        input_modalities=_ordered(raw["modalities"]["input"]), output_modalities=_ordered(raw["modalities"]["output"]),
        sources=sources, api_id=raw.get("api_id", ""), knowledge_cutoff=raw.get("knowledge_cutoff"),
        reasoning=raw.get("reasoning"), snapshot=raw.get("snapshot"),
        announced=Announced(_ordered(announced.get("input", ())), _ordered(announced.get("output", ())),
                            sources[announced["source"]], announced.get("note", "")) if announced else None,
        pricing=pricing, scores=scores, strengths=tuple(raw.get("strengths", ())),
        limitations=tuple(raw.get("limitations", ())),
        retirement=Retirement(sources[retirement["source"]], _date(retirement.get("announced")),
                              _date(retirement.get("shutdown")), retirement.get("replacement")) if retirement else None,
        caveats=tuple(Caveat(c["about"], c["text"], tuple(sources[k] for k in c["sources"])) for c in raw.get("caveats", ())),
        verified=_date(raw.get("verified")), preview=bool(raw.get("preview", False)),
        capabilities=Capabilities(caps.get("tool_calling"), caps.get("structured_output"), caps.get("fine_tuning"),
                                  tuple(caps.get("reasoning_effort", ())), caps.get("reasoning_budget")),
        license=License(licence["name"], licence["url"]) if licence else None,
        independent=independent, scheduled_prices=scheduled, in_force=in_force,
    )


def _ordered(modalities: Any) -> tuple[str, ...]:
    return tuple(m for m in MODALITIES if m in modalities)


def _date(text: Optional[str]) -> Optional[date]:
    return date.fromisoformat(text) if text else None
