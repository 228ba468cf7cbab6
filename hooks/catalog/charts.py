"""Charts as SVG, drawn at build time: no chart library, nothing fetched by the reader.

Each chart comes with a text description and a data table, and draws with
`currentColor` plus CSS variables so it reads in light and dark mode. Vendors
differ by marker shape as well as colour; series differ by dash pattern; every
chart has a legend.

Every chart is drawn twice, for a wide box (a desktop column) and a narrow one
(a phone); the page shows the one that suits its box (a CSS container query)
and scales it to the box's width through the viewBox, so text stays about the
size it was drawn at. Point labels go where they overlap no other label, no
marker and no legend; a label with no such spot is left out (the point keeps
its tooltip and the data table lists it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional, Sequence

from markupsafe import Markup

from . import text
from .differences import blended_price, priced_blended
from .model import MIN_SCORED, RETIRING_HORIZON_DAYS, Catalog, IndependentFigure, Model

SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "plus", "star")
# Eight colours and seven shapes: vendor i gets (shape i mod 7, colour i mod 8), unique for the first 56 vendors.
COLOURS = ("#2f6fbd", "#d35f0a", "#178a68", "#7a5cc2", "#c73a7c", "#5f8f14", "#9b6a1c", "#0f8299")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str                 # the text alternative, also shown as the caption
    svg: Markup                      # the wide and the narrow drawing
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""                # shown instead of the description where the page says the rest


@dataclass(frozen=True)
class Layout:
    """One drawing of a chart: its viewBox width and the sizes of its text and markers, in viewBox units."""

    name: str
    width: float
    font: float                      # ticks, legend, axis titles
    label_font: float                # point labels
    radius: float                    # marker radius
    plot_height: float
    max_labels: Optional[int]        # at most this many point labels (the table carries every value)


# The wide drawing shows in boxes wider than 600 px (688-757 px on a desktop), so text renders at >= 9.5 px;
# the narrow one in a phone's 358 px box renders at about 10.5 px (site.css holds the breakpoint).
WIDE = Layout("wide", 720, 12, 11.5, 5.5, 330, None)
NARROW = Layout("narrow", 360, 11, 10.5, 4.8, 300, 12)
LAYOUTS = (WIDE, NARROW)


def escape(value: object) -> str:
    # SVG goes into the page as one raw HTML block: a newline (or a blank line,
    # which ends the block) from a model name must not reach it, or Markdown
    # would read what follows as a heading; `{{`, `*` and `|` stay inert too.
    return str(text.inert(value))


def site_charts(catalog: Catalog) -> list[Chart]:
    independent = [c for key in INDEPENDENT_CHARTS if (c := price_independent_chart(catalog, *key))]
    charts = independent + [c for key in catalog.benchmarks if (c := price_quality_chart(catalog, key))]
    history = price_history_chart(catalog)
    context = context_chart(catalog)
    return charts + ([history] if history else []) + ([context] if context else [])


# --- text size and boxes -------------------------------------------------------------------

# Advance widths of Helvetica/Arial in 1/1000 em (what the site's font stack gives on most systems),
# with slack for the wider system fonts (San Francisco, DejaVu Sans); anything else counts as 1 em.
_ADVANCE = {ch: w for w, chars in (
    (191, "'"), (222, "ijl"), (260, "|"), (278, " !,./:;I[\\]ft"), (333, "()-`r"), (334, "{}"), (355, '"'),
    (389, "*"), (469, "^"), (500, "Jckszvxy"), (556, "0123456789#$?L_abdeghnopqu–"), (584, "+<=>~"),
    (611, "FTZ"), (667, "&ABEKPSVXY"), (722, "CDHNRUw"), (778, "GOQ"), (833, "Mm"), (889, "%"), (944, "W"),
    (1000, "…"), (1015, "@"),
) for ch in chars}
_SLACK = 1.12
ASCENT, DESCENT = 0.95, 0.3          # of the font size, above and below the baseline (fonts use ~0.91 and ~0.21)


def text_width(label: str, size: float) -> float:
    """A generous estimate of the drawn width of `label` at font size `size`."""
    return sum(_ADVANCE.get(ch, 1000) for ch in label) / 1000 * size * _SLACK


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Share some area (touching edges do not count)."""
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def within(self, other: Box) -> bool:
        return self.left >= other.left and self.right <= other.right and self.top >= other.top and self.bottom <= other.bottom


def text_box(label: str, x: float, y: float, size: float, anchor: str = "start") -> Box:
    """The box `label` takes when drawn at (x, baseline y) with this text-anchor."""
    width = text_width(label, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - ASCENT * size, left + width, y + DESCENT * size)


def marker_box(x: float, y: float, r: float) -> Box:
    """The box any marker shape drawn at (x, y) with radius r stays inside (a star reaches 1.3 r)."""
    return Box(x - 1.3 * r, y - 1.3 * r, x + 1.3 * r, y + 1.3 * r)


# --- label placement --------------------------------------------------------------------------

@dataclass(frozen=True)
class Label:
    """A point's label: its text, the point, and how far the text keeps from the point (marker radius and a gap)."""

    text: str
    x: float
    y: float
    gap: float


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    anchor: str
    box: Box


def place_labels(labels: Sequence[Label], size: float, bounds: Box, obstacles: Sequence[Box] = (),
                 limit: Optional[int] = None) -> list[Optional[Placed]]:
    """Where each label goes, most important first: the first of eight spots around its point whose box stays
    inside `bounds` and overlaps no obstacle (markers, the legend) and no label placed before it. A label with
    no such spot, or past `limit` placed labels, is dropped (None). Same input, same output."""
    placed: list[Optional[Placed]] = []
    boxes: list[Box] = []
    for label in labels:
        spot = None
        if limit is None or len(boxes) < limit:
            for x, y, anchor in _spots(label, size):
                box = text_box(label.text, x, y, size, anchor)
                if box.within(bounds) and not any(box.overlaps(o) for o in obstacles) and not any(box.overlaps(b) for b in boxes):
                    spot = Placed(x, y, anchor, box)
                    boxes.append(box)
                    break
        placed.append(spot)
    return placed


def _spots(label: Label, size: float) -> list[tuple[float, float, str]]:
    x, y, gap = label.x, label.y, label.gap
    middle = y + (ASCENT - DESCENT) * size / 2     # the baseline that centres the text on the point
    above, below = y - gap - DESCENT * size, y + gap + ASCENT * size
    return [(x + gap, middle, "start"), (x - gap, middle, "end"), (x, above, "middle"), (x, below, "middle"),
            (x + gap * 0.7, above, "start"), (x - gap * 0.7, above, "end"), (x + gap * 0.7, below, "start"),
            (x - gap * 0.7, below, "end")]


# --- drawing pieces --------------------------------------------------------------------------------

def marker(shape: str, x: float, y: float, colour: str, r: float = 5.5) -> str:
    style = f'fill="{colour}" stroke="currentColor" stroke-width="0.8"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {style}/>'
    points = {
        "triangle": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "triangle-down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "diamond": [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)],
        "plus": [(-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4), (0.4, 1.2),
                 (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4)],
        "star": [(math.cos(math.pi / 2 + i * math.pi / 5) * (1.3 if i % 2 == 0 else 0.55),
                  -math.sin(math.pi / 2 + i * math.pi / 5) * (1.3 if i % 2 == 0 else 0.55)) for i in range(10)],
    }[shape]
    return f'<polygon points="{" ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in points)}" {style}/>'


def _text(x: float, y: float, content: str, size: float, anchor: str = "start", cls: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}"' + (f' text-anchor="{anchor}"' if anchor != "start" else "")
            + (f' class="{cls}"' if cls else "") + f' font-size="{size}" fill="currentColor">{escape(content)}</text>')


@dataclass(frozen=True)
class Key:
    """One legend entry: a marker, a line sample, or both."""

    text: str
    colour: str
    shape: Optional[str] = None
    dash: Optional[str] = None       # None: no line sample; "": a solid line


def legend(keys: Sequence[Key], x: float, y: float, width: float, layout: Layout) -> tuple[str, Box]:
    """The legend as rows of entries that wrap within `width`, starting at (x, y) top left; and its box."""
    size, row = layout.font, layout.font * 1.7
    parts, cx, cy, right = [], x, y, x
    for key in keys:
        swatch = 24 if key.dash is not None else 12
        entry = swatch + 5 + text_width(key.text, size)
        if cx > x and cx + entry > x + width:
            cx, cy = x, cy + row
        mid = cy + row / 2
        if key.dash is not None:
            parts.append(f'<line x1="{cx:.1f}" x2="{cx + swatch:.1f}" y1="{mid:.1f}" y2="{mid:.1f}" stroke="{key.colour}" stroke-width="2.2"'
                         + (f' stroke-dasharray="{key.dash}"' if key.dash else "") + "/>")
        if key.shape:
            parts.append(marker(key.shape, cx + swatch / 2, mid, key.colour, layout.radius * 0.8))
        parts.append(_text(cx + swatch + 5, mid + (ASCENT - DESCENT) * size / 2, key.text, size))
        right = max(right, cx + entry)
        cx += entry + 14
    box = Box(x, y, right, cy + row)
    return f'<g class="legend">{"".join(parts)}</g>', box


def _vendor_styles(catalog: Catalog) -> dict[str, tuple[str, str]]:
    return {v: (SHAPES[i % len(SHAPES)], COLOURS[i % len(COLOURS)]) for i, v in enumerate(catalog.vendors)}


def _vendor_keys(catalog: Catalog, vendor_ids: set[str]) -> list[Key]:
    styles = _vendor_styles(catalog)
    return [Key(catalog.vendors[v].name, styles[v][1], styles[v][0])
            for v in sorted(vendor_ids, key=lambda v: catalog.vendors[v].name.lower())]


def _frame(chart_id: str, layout: Layout, title: str, description: str, height: float, body: list[str]) -> str:
    own = f"{chart_id}-{layout.name}"
    return (f'<svg class="chart chart-{layout.name}" viewBox="0 0 {layout.width:g} {math.ceil(height)}" role="img" '
            # The chart's words (axis ticks, labels) would be run-on noise in search results; its caption and table are indexed.
            f'data-search-exclude="" aria-labelledby="{own}-title {own}-desc" xmlns="http://www.w3.org/2000/svg" font-family="inherit">'
            f'<title id="{own}-title">{escape(title)}</title><desc id="{own}-desc">{escape(description)}</desc>'
            + "".join(body) + "</svg>")


def _axes(x1: float, y1: float, x2: float, y2: float) -> list[str]:
    return [f'<line x1="{x1:.1f}" x2="{x1:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" stroke="currentColor"/>',
            f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y2:.1f}" y2="{y2:.1f}" stroke="currentColor"/>']


def _fitting(options: Sequence[str], width: float, size: float) -> str:
    """The first wording that fits `width`, else the last (shortest) one."""
    return next((o for o in options if text_width(o, size) <= width), options[-1])


def _centred(label: str, x: float, size: float, width: float) -> float:
    """Where to centre `label` near x so it stays inside [4, width - 4]."""
    half = text_width(label, size) / 2
    return min(max(x, 4 + half), width - 4 - half)


def _x_ticks(ticks: Sequence[tuple[float, str]], y: float, top: float, bottom: float, size: float,
             left: float = -math.inf, right: float = math.inf) -> list[str]:
    """Grid lines and labels along the x axis; a label that would touch the previous one or leave
    [left, right] is left out (its grid line stays)."""
    out, last = [], -math.inf
    for x, label in ticks:
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" class="grid"/>')
        box = text_box(label, x, y, size, "middle")
        if box.left >= last + 4 and box.left >= left and box.right <= right:
            out.append(_text(x, y, label, size, "middle", "tick"))
            last = box.right
    return out


def _y_ticks(ticks: Sequence[tuple[float, str]], x: float, x2: float, size: float) -> list[str]:
    out = []
    for y, label in ticks:
        out.append(f'<line x1="{x:.1f}" x2="{x2:.1f}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        out.append(_text(x - 6, y + (ASCENT - DESCENT) * size / 2, label, size, "end", "tick"))
    return out


def _usd_ticks(values: Sequence[float]) -> list[str]:
    """Prices on an axis: whole dollars without cents ("$0", "$5", "$100"), the rest as list prices ("$0.10", "$2.50")."""
    return [f"${v:,.0f}" if v == int(v) else text.usd(v) for v in values]


def _log_domain(low: float, high: float) -> tuple[float, float, list[float]]:
    """A log axis from the 1-2-5 step at or below `low` to the one at or above `high`, and its ticks:
    the powers of ten inside, plus the 2s and 5s when the axis spans under two decades."""
    steps = [m * 10 ** e for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1) for m in (1, 2, 5)]
    lo = max(s for s in steps if s <= low * (1 + 1e-9))
    hi = min(s for s in steps if s >= high * (1 - 1e-9))
    if hi <= lo:
        hi = next(s for s in steps if s > lo)
    decades = math.log10(hi) - math.log10(lo)
    ticks = [s for s in steps if lo <= s <= hi and (decades < 2 or round(math.log10(s), 9) == int(round(math.log10(s), 9)))]
    return math.log10(lo), math.log10(hi), ticks


def _variants(draw) -> Markup:
    return Markup("".join(draw(layout) for layout in LAYOUTS))


# --- price against a benchmark score ----------------------------------------------------------------

def price_quality_chart(catalog: Catalog, benchmark_id: str) -> Chart | None:
    bench = catalog.benchmarks[benchmark_id]
    # Current models only: a retired alias's last price beside its launch score
    # would pair figures from different times, and a model retiring soon is no choice.
    points = [m for m in catalog.models.values() if m.current_price and benchmark_id in m.scores
              and priced_blended(m) > 0 and m.recommendable_on(catalog.as_of)]
    if len(points) < MIN_SCORED:  # too few current models with a score to show a trend
        return None
    higher = bench.higher_is_better
    best = max(points, key=lambda m: (m.scores[benchmark_id].value if higher else -m.scores[benchmark_id].value))
    cheapest = min(points, key=lambda m: priced_blended(m))
    description = (f"Scatter plot of {len(points)} current models (served, not retiring within {RETIRING_HORIZON_DAYS} days) with a {bench.name} score "
                   f"and an API price: blended price on a log scale against score, vendors by colour and marker shape. "
                   f"Cheapest: {cheapest.name} ({text.money(priced_blended(cheapest))}); "
                   f"best score: {best.name} ({best.scores[benchmark_id].text}). "
                   f"Names are left out where they would overlap; the table lists every point.")
    rows = tuple((m.name, m.vendor.name, text.money(priced_blended(m)), m.scores[benchmark_id].text, m.status)
                 for m in sorted(points, key=lambda m: (priced_blended(m), m.id)))
    chart_id, title = f"chart-{benchmark_id}", f"Price vs {bench.name}"
    return Chart(chart_id, title, description,
                 _variants(lambda layout: _scatter(catalog, points, benchmark_id, layout, chart_id, title, description)),
                 ("Model", "Vendor", "Blended price", bench.name, "Status"), rows)


@dataclass(frozen=True)
class Axis:
    """What a price scatter plots upwards: a vendor benchmark score or an independent figure."""

    name: str                                   # axis title and table header
    higher_is_better: bool
    percent: bool
    value: Callable[[Model], float]
    text: Callable[[Model], str]
    interval: Optional[Callable[[Model], Optional[tuple[float, float]]]] = None
    nice_ticks: bool = False                    # ticks at 1/2/5 steps (ratings and indexes), not every 5 or 10


def benchmark_axis(catalog: Catalog, benchmark_id: str) -> Axis:
    bench = catalog.benchmarks[benchmark_id]
    return Axis(bench.name, bench.higher_is_better, bench.unit == "percent",
                lambda m: m.scores[benchmark_id].value, lambda m: m.scores[benchmark_id].text)


def independent_axis(catalog: Catalog, evaluator: str, board: str, category: Optional[str]) -> Axis:
    ev = catalog.evaluators[evaluator]
    name = f"{ev.name} {ev.boards[board].name}" + (f", {category.replace('_', ' ')}" if category else "")
    def figure(m: Model) -> Any:
        return m.figure(evaluator, board, category)
    return Axis(name, ev.boards[board].higher_is_better, False, lambda m: figure(m).value, lambda m: figure(m).interval_text,
                lambda m: (figure(m).lower, figure(m).upper) if figure(m).has_interval else None, True)


# Independent quality against price: the Arena's text board overall and AA's Intelligence Index.
INDEPENDENT_CHARTS = (("arena", "text", "overall"), ("artificial_analysis", "intelligence_index", None))


def price_independent_chart(catalog: Catalog, evaluator: str, board: str, category: Optional[str]) -> Chart | None:
    """Price against an independent figure, for every recommendable model with that figure (those without
    an API price are listed in the table and the description, not drawn)."""
    if evaluator not in catalog.evaluators or board not in catalog.evaluators[evaluator].boards:
        return None
    axis = independent_axis(catalog, evaluator, board, category)

    def fig(m: Model) -> IndependentFigure:
        found = m.figure(evaluator, board, category)
        assert found is not None  # only rated models reach here
        return found
    rated = [m for m in catalog.models.values() if m.recommendable_on(catalog.as_of) and m.figure(evaluator, board, category)]
    points = [m for m in rated if m.current_price and priced_blended(m) > 0]
    if len(points) < MIN_SCORED:
        return None
    unpriced = [m for m in rated if m not in points]
    best = max(points, key=lambda m: axis.value(m) if axis.higher_is_better else -axis.value(m))
    cheapest = min(points, key=lambda m: priced_blended(m))
    dates = sorted({text.long_date(fig(m).date) for m in rated})
    ev = catalog.evaluators[evaluator]
    description = (f"Scatter plot of {len(points)} current models (served, not retiring within {RETIRING_HORIZON_DAYS} days) with an {axis.name} figure "
                   f"({', '.join(dates)}) and an API price: blended price on a log scale against the figure, vendors by colour and marker shape"
                   + ("; a vertical line is the Arena's 95% interval, and models whose lines overlap are tied" if axis.interval and any(
                       fig(m).has_interval for m in points) else "")
                   + f". Cheapest: {cheapest.name} ({text.money(priced_blended(cheapest))}); "
                   f"highest: {best.name} ({axis.text(best)}, {fig(best).setting}). "
                   + (f"Rated but without an API price, so not drawn: {', '.join(m.name for m in unpriced)}. " if unpriced else "")
                   + f"Figures are from {ev.name}, each at the setting the table names; names are left out where they would overlap, and the table lists every model.")
    ordered = sorted(points, key=lambda m: (priced_blended(m), m.id)) + sorted(unpriced, key=lambda m: m.id)

    def row(m: Model) -> tuple[str, ...]:
        f = fig(m)
        price = text.money(priced_blended(m)) if m in points else "no API price"
        return (m.name, m.vendor.name, price, f.interval_text, f.setting, text.long_date(f.date), f.row)

    chart_id = f"chart-{evaluator}-{board}" + (f"-{category}" if category else "")
    title = f"Price vs {axis.name}"
    return Chart(chart_id, title, description,
                 _variants(lambda layout: _scatter(catalog, points, axis, layout, chart_id, title, description)),
                 ("Model", "Vendor", "Blended price", axis.name, "Setting", "Date", f"{ev.name} row"), tuple(row(m) for m in ordered))


def label_order(points: Sequence[Model], benchmark_id: str | Axis) -> list[Model]:
    """Which names matter most: the price-score frontier (no model both cheaper and better), cheapest first;
    then the rest, best score first."""
    if isinstance(benchmark_id, Axis):
        axis = benchmark_id
        higher = axis.higher_is_better
        def goodness(m: Model) -> float:
            return axis.value(m) if higher else -axis.value(m)
    else:
        higher = points[0].scores[benchmark_id].benchmark.higher_is_better if points else True

        def goodness(m: Model) -> float:
            value = m.scores[benchmark_id].value
            return value if higher else -value

    by_price = sorted(points, key=lambda m: (priced_blended(m), -goodness(m), m.id))
    frontier, best = [], -math.inf
    for m in by_price:
        if goodness(m) > best:
            frontier.append(m)
            best = goodness(m)
    rest = sorted((m for m in points if m not in frontier), key=lambda m: (-goodness(m), priced_blended(m), m.id))
    return frontier + rest


def _scatter(catalog: Catalog, points: list[Model], benchmark_id: str | Axis, layout: Layout, chart_id: str, title: str,
             description: str) -> str:
    axis = benchmark_id if isinstance(benchmark_id, Axis) else benchmark_axis(catalog, benchmark_id)
    size, width = layout.font, layout.width
    legend_svg, legend_box = legend(_vendor_keys(catalog, {m.vendor.id for m in points}), 4, 2, width - 8, layout)
    prices = [priced_blended(m) for m in points]
    scores = [axis.value(m) for m in points]
    spans = [axis.interval(m) if axis.interval else None for m in points]
    extent = scores + [v for span in spans if span for v in span]
    lo, hi, x_ticks = _log_domain(min(prices), max(prices))
    if axis.nice_ticks:
        spread = max(max(extent) - min(extent), 1)
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if spread / s <= 7)
    else:
        step = 5 if max(scores) - min(scores) <= 25 else 10   # a tight cluster of scores gets the room to spread out
    y_lo, y_hi = math.floor(min(extent) / step) * step, math.ceil(max(extent) / step) * step
    if axis.percent:
        y_lo, y_hi = max(0, y_lo), min(100, max(y_hi, y_lo + step))
    y_hi = max(y_hi, y_lo + step)
    y_ticks = list(range(int(y_lo), int(y_hi) + 1, step))
    left = 4 + max(text_width(str(t), size) for t in y_ticks) + 8
    right = width - 6
    y_title = legend_box.bottom + 6 + ASCENT * size
    top = y_title + DESCENT * size + 10
    bottom = top + layout.plot_height

    inset = layout.radius * 1.3 + 2                  # markers at the ends of the scales stay off the axes

    def px(price: float) -> float:
        return left + inset + (math.log10(price) - lo) / (hi - lo) * (right - left - 2 * inset)

    def py(score: float) -> float:
        return top + inset + (1 - (score - y_lo) / (y_hi - y_lo)) * (bottom - top - 2 * inset)

    body = [legend_svg, _text(4, y_title, _fitting((f"{axis.name}{' (%)' if axis.percent else ''}"
                                                    f"{'' if axis.higher_is_better else ', lower is better'}", axis.name), width - 8, size),
                              size, cls="axis-title")]
    body += _y_ticks([(py(t), str(t)) for t in y_ticks], left, right, size)
    body += _x_ticks(list(zip(map(px, x_ticks), _usd_ticks(x_ticks), strict=True)), bottom + 6 + ASCENT * size, top, bottom, size, 0, width)
    body += _axes(left, top, right, bottom)
    x_title = _fitting(("Blended price, USD per 1M tokens (3 input : 1 output), log scale",
                        "Blended price, $ per 1M tokens, log scale", "Price, $/1M tokens (log)"), width - 8, size)
    height = bottom + 6 + (ASCENT + DESCENT) * size + 8 + ASCENT * size
    body.append(_text(_centred(x_title, (left + right) / 2, size, width), height, x_title, size, "middle", "axis-title"))
    height += DESCENT * size + 4

    styles = _vendor_styles(catalog)
    spot = {m.id: (px(p), py(s)) for m, p, s in zip(points, prices, scores, strict=True)}
    order = label_order(points, axis)
    for m, span in zip(points, spans, strict=True):
        if span:  # the evaluator's 95% interval, as a whisker behind the marker
            x = spot[m.id][0]
            body.append(f'<line class="interval" x1="{x:.1f}" x2="{x:.1f}" y1="{py(span[0]):.1f}" y2="{py(span[1]):.1f}" '
                        f'stroke="{styles[m.vendor.id][1]}" stroke-width="1.4" opacity="0.7"/>')
    # Markers of the most important points last, so they sit on top.
    for m in reversed(order):
        shape, colour = styles[m.vendor.id]
        x, y = spot[m.id]
        tip = f"{m.name} ({m.vendor.name}): {text.money(priced_blended(m))} blended, {axis.name} {axis.text(m)}"
        body.append(f'<g class="point"><title>{escape(tip)}</title>{marker(shape, x, y, colour, layout.radius)}</g>')
    labels = [Label(m.name, *spot[m.id], layout.radius * 1.3 + 2) for m in order]
    obstacles = [marker_box(x, y, layout.radius) for x, y in spot.values()] + [legend_box]
    for m, placed in zip(order, place_labels(labels, layout.label_font, Box(left + 2, top, right, bottom), obstacles,
                                             layout.max_labels), strict=True):
        if placed:
            body.append(_text(placed.x, placed.y, m.name, layout.label_font, placed.anchor, "label"))
    return _frame(chart_id, layout, title, description, height, body)


# --- price over time -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Series:
    """A price over time: each value holds from its date until the next one (or the chart's end)."""

    name: str
    steps: tuple[tuple[date, float], ...]
    colour: str
    shape: str
    dash: str


def price_history_chart(catalog: Catalog) -> Chart | None:
    featured: list[Model] = []
    for c in catalog.comparisons:
        for model_id in (c.a, c.b):
            if catalog.models[model_id] not in featured and catalog.models[model_id].pricing:
                featured.append(catalog.models[model_id])
    if not featured:
        return None
    series = [Series(m.name, tuple((p.since, blended_price(p)) for p in m.pricing), COLOURS[i % len(COLOURS)],
                     SHAPES[i % len(SHAPES)], DASHES[i % len(DASHES)]) for i, m in enumerate(featured)]
    start = min(p.since for m in featured for p in m.pricing)
    end = max(catalog.as_of, max(p.since for m in featured for p in m.pricing))
    rows = tuple((m.name, text.long_date(p.since), text.usd(p.input), text.usd(p.output), text.money(blended_price(p)))
                 for m in featured for p in m.pricing)
    description = ("Step chart of the list price history of the models in featured comparisons, to "
                   f"{text.long_date(end)}: "
                   + "; ".join(f"{m.name} from {text.money(blended_price(m.pricing[0]))} to {text.money(priced_blended(m))}"
                               for m in featured) + " (blended 3 input : 1 output, per 1M tokens).")
    chart_id, title = "chart-price-history", "Price history of the featured models"
    return Chart(chart_id, title, description,
                 _variants(lambda layout: _steps(series, start, end, layout, chart_id, title, description,
                                                 "Blended list price, USD per 1M tokens (3 input : 1 output)", False)),
                 ("Model", "Since", "Input", "Output", "Blended"), rows)


def model_price_chart(model: Model, as_of: date) -> Chart | None:
    """A model's input and output list prices over time as steps, to `as_of` (or its shutdown, if earlier)."""
    if len(model.pricing) < 2:
        return None
    shutdown = model.retirement.shutdown if model.retirement else None
    end = max(min(as_of, shutdown) if shutdown else as_of, model.pricing[-1].since)
    series = [Series("Input", tuple((p.since, p.input) for p in model.pricing), COLOURS[0], "circle", ""),
              Series("Output", tuple((p.since, p.output) for p in model.pricing), COLOURS[1], "square", "6 3")]
    changes = "; ".join(f"{text.long_date(p.since)}: input {text.usd(p.input)}, output {text.usd(p.output)}" for p in model.pricing)
    description = (f"Step chart of {model.name}'s list prices per 1M tokens from {text.long_date(model.pricing[0].since)} "
                   f"to {text.long_date(end)}{' (shutdown)' if shutdown and end == shutdown else ''}. {changes}.")
    chart_id, title = f"chart-price-{model.id}", f"{model.name}: list price over time"
    rows = tuple((text.long_date(p.since), text.usd(p.input), text.usd(p.output)) for p in model.pricing)
    caption = (f"Input and output list prices, USD per 1M tokens, from {text.long_date(model.pricing[0].since)} to "
               f"{text.long_date(end)}{' (shutdown)' if shutdown and end == shutdown else ''}; the table below lists every price with its source.")
    return Chart(chart_id, title, description,
                 _variants(lambda layout: _steps(series, model.pricing[0].since, end, layout, chart_id, title, description,
                                                 "USD per 1M tokens", True)),
                 ("Since", "Input", "Output"), rows, caption)


def _steps(series: Sequence[Series], start: date, end: date, layout: Layout, chart_id: str, title: str, description: str,
           y_title: str, value_labels: bool) -> str:
    size, width = layout.font, layout.width
    keys = [Key(s.name, s.colour, s.shape, s.dash) for s in series]
    legend_svg, legend_box = legend(keys, 4, 2, width - 8, layout)
    y_hi = _nice_ceiling(max(max(v for s in series for _, v in s.steps), 0.01))   # a free model still gets a scale
    y_ticks = [y_hi * i / 4 for i in range(5)]
    y_labels = _usd_ticks(y_ticks)
    left = 4 + max(text_width(t, size) for t in y_labels) + 8
    right = width - 10
    title_y = legend_box.bottom + 6 + ASCENT * size
    top = title_y + DESCENT * size + 10
    bottom = top + layout.plot_height * 0.8
    span = max((end - start).days, 1)

    inset = layout.radius + 2                        # markers at the start and at $0 stay off the axes

    def px(day: date) -> float:
        return left + inset + (day - start).days / span * (right - left - inset)

    def py(value: float) -> float:
        return top + (1 - value / y_hi) * (bottom - top - inset)

    body = [legend_svg, _text(4, title_y, _fitting((y_title, "USD per 1M tokens"), width - 8, size), size, cls="axis-title")]
    body += _y_ticks([(py(t), label) for t, label in zip(y_ticks, y_labels, strict=True)], left, right, size)
    body += _x_ticks([(px(d), label) for d, label in date_ticks(start, end, right - left, size)],
                     bottom + 6 + ASCENT * size, top, bottom, size, 0, width)
    body += _axes(left, top, right, bottom)
    height = bottom + 6 + (ASCENT + DESCENT) * size + 8 + ASCENT * size
    span_text = f"{text.long_date(start)} to {text.long_date(end)}"
    body.append(_text(_centred(span_text, (left + right) / 2, size, width), height, span_text, size, "middle", "axis-title"))
    height += DESCENT * size + 4

    obstacles: list[Box] = [legend_box]
    labels: list[tuple[Label, str]] = []
    for s in series:
        path = []
        for j, (since, value) in enumerate(s.steps):
            until = s.steps[j + 1][0] if j + 1 < len(s.steps) else end
            x1, x2, y = px(since), px(until), py(value)
            path.append((f"M{x1:.1f},{y:.1f}" if j == 0 else f"V{y:.1f}") + f" H{x2:.1f}")
            obstacles.append(Box(x1, y - 1.5, x2, y + 1.5))                        # the flat stretch
            if j:
                previous = py(s.steps[j - 1][1])
                obstacles.append(Box(x1 - 1.5, min(y, previous), x1 + 1.5, max(y, previous)))   # the step
        body.append(f'<path d="{" ".join(path)}" fill="none" stroke="{s.colour}" stroke-width="2.2"'
                    + (f' stroke-dasharray="{s.dash}"' if s.dash else "") + "/>")
        for j, (since, value) in enumerate(s.steps):
            x, y = px(since), py(value)
            body.append(f'<g class="point"><title>{escape(f"{s.name} from {text.long_date(since)}: {text.usd(value)}")}</title>'
                        f'{marker(s.shape, x, y, s.colour, layout.radius * 0.8)}</g>')
            obstacles.append(marker_box(x, y, layout.radius * 0.8))
            if value_labels and (j == 0 or value != s.steps[j - 1][1]):
                # The current price first, then the launch price, then the changes between.
                rank = 0 if j == len(s.steps) - 1 else 1 if j == 0 else 2
                labels.append((Label(text.usd(value), x, y, layout.radius * 1.1 + 2), f"{rank}{j:04d}"))
    if labels:
        ordered = [label for label, _ in sorted(labels, key=lambda t: t[1])]
        for label, placed in zip(ordered, place_labels(ordered, layout.label_font, Box(left + 2, top, right, bottom), obstacles), strict=True):
            if placed:
                body.append(_text(placed.x, placed.y, label.text, layout.label_font, placed.anchor, "label"))
    return _frame(chart_id, layout, title, description, height, body)


def date_ticks(start: date, end: date, width: float, size: float) -> list[tuple[date, str]]:
    """First-of-month ticks between start and end, as many as fit `width` with room for their labels:
    every 1, 2, 3 or 6 months ("Jan 2025"), else every 1, 2 or 5 years ("2025")."""
    firsts, year, month = [], start.year, start.month
    while date(year, month, 1) <= end:
        if date(year, month, 1) >= start:
            firsts.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for months in (1, 2, 3, 6):
        ticks = [(d, f"{d:%b} {d.year}") for d in firsts if (d.month - 1) % months == 0]
        if _ticks_fit(ticks, width, size):
            return ticks
    for years in (1, 2, 5, 10):
        ticks = [(d, str(d.year)) for d in firsts if d.month == 1 and d.year % years == 0]
        if _ticks_fit(ticks, width, size):
            return ticks
    return []


def _ticks_fit(ticks: list[tuple[date, str]], width: float, size: float) -> bool:
    return len(ticks) * (max((text_width(label, size) for _, label in ticks), default=0) + 12) <= width


# --- context windows ---------------------------------------------------------------------------------

def context_chart(catalog: Catalog) -> Chart | None:
    served = sorted((m for m in catalog.models.values() if m.recommendable_on(catalog.as_of)),
                    key=lambda m: (-m.context_window, m.name.lower(), m.id))
    if not served:
        return None  # no current model: nothing to draw, and the description below needs one
    description = (f"Bar chart of the context windows of {len(served)} current models (served, not retiring within {RETIRING_HORIZON_DAYS} days) "
                   f"on a log scale, vendors by colour and marker shape, from {served[0].name} "
                   f"({text.tokens_long(served[0].context_window)} tokens) down to {served[-1].name} "
                   f"({text.tokens_long(served[-1].context_window)} tokens).")
    rows = tuple((m.name, m.vendor.name, text.tokens_long(m.context_window)) for m in served)
    chart_id, title = "chart-context", "Context windows of current models"
    return Chart(chart_id, title, description,
                 _variants(lambda layout: _bars(catalog, served, layout, chart_id, title, description)),
                 ("Model", "Vendor", "Context window (tokens)"), rows)


def _bars(catalog: Catalog, served: list[Model], layout: Layout, chart_id: str, title: str, description: str) -> str:
    size, width = layout.font, layout.width
    legend_svg, legend_box = legend(_vendor_keys(catalog, {m.vendor.id for m in served}), 4, 2, width - 8, layout)
    lo = math.floor(math.log10(min(m.context_window for m in served)))
    hi = max(math.ceil(math.log10(max(m.context_window for m in served))), lo + 1)
    name_width = max(text_width(m.name, size) for m in served)
    beside = name_width <= width * 0.4              # names left of the bars; else each name above its bar
    left = 4 + name_width + 8 if beside else 8
    right = width - 6 - (text_width("10.0M", size) + layout.radius * 1.3 + 6 if beside else layout.radius * 1.3)
    line = (ASCENT + DESCENT) * size
    bar = line * 0.7 if beside else 7
    pitch = line + 4 if beside else line + bar + 8
    ticks_y = legend_box.bottom + 8 + ASCENT * size
    top = ticks_y + DESCENT * size + 6

    def px(tokens: float) -> float:
        return left + (math.log10(tokens) - lo) / (hi - lo) * (right - left)

    bottom = top + pitch * len(served)
    tick_marks = [(px(10 ** e), text.tokens_short(10 ** e)) for e in range(lo, hi + 1)]
    body = [legend_svg]
    body += _x_ticks(tick_marks, ticks_y, top, bottom, size, 0, width)
    body += [t for t in _x_ticks(tick_marks, bottom + 6 + ASCENT * size, top, bottom, size, 0, width) if t.startswith("<text")]
    styles = _vendor_styles(catalog)
    baseline = (ASCENT - DESCENT) * size / 2       # from a row's middle to the baseline that centres text on it
    for i, m in enumerate(served):
        shape, colour = styles[m.vendor.id]
        row_top = top + i * pitch
        mid = row_top + pitch / 2 if beside else row_top + line + 3 + bar / 2
        end = px(m.context_window)
        short = text.tokens_short(m.context_window)
        if beside:
            body.append(_text(left - 8, mid + baseline, m.name, size, "end", "name"))
            body.append(_text(end + layout.radius * 1.3 + 4, mid + baseline, short, size, cls="value"))
        else:                                        # the size follows the name: the bar below has no room for text
            body.append(_text(left, row_top + ASCENT * size, f"{m.name}: {short}", size, cls="name"))
        tip = f"{m.name} ({m.vendor.name}): {text.tokens_long(m.context_window)} tokens"
        body.append(f'<g class="point"><title>{escape(tip)}</title>'
                    f'<rect x="{left:.1f}" y="{mid - bar / 2:.1f}" width="{end - left:.1f}" height="{bar:.1f}" fill="{colour}" opacity="0.85"/>'
                    f'{marker(shape, end, mid, colour, min(layout.radius, line / 2 / 1.3 if beside else bar / 2 + 1))}</g>')
    height = bottom + 6 + line + 4
    return _frame(chart_id, layout, title, description, height, body)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0  # every featured price is free: any positive scale draws the flat line at zero
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude

