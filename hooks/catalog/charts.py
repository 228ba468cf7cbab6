"""Charts as SVG, drawn at build time: no chart library, nothing fetched by the reader.

Each chart comes with a text description and a data table, and draws with
`currentColor` plus CSS variables so it reads in light and dark mode. Vendors
differ by marker shape as well as colour; series differ by dash pattern.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from . import text
from .differences import blended_price
from .model import Catalog, Model

SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "plus", "star")
COLOURS = ("#2f6fbd", "#d35f0a", "#178a68", "#7a5cc2", "#c73a7c", "#5f8f14", "#9b6a1c")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str                 # the text alternative, also shown as the caption
    svg: Markup
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def escape(value: object) -> str:
    # SVG goes into the page as one raw HTML block: a newline (or a blank line,
    # which ends the block) from a model name must not reach it, or Markdown
    # would read what follows as a heading; `{{`, `*` and `|` stay inert too.
    return str(text.inert(value))


def site_charts(catalog: Catalog) -> list[Chart]:
    charts = [c for key in catalog.benchmarks if (c := price_quality_chart(catalog, key))]
    history = price_history_chart(catalog)
    context = context_chart(catalog)
    return charts + ([history] if history else []) + ([context] if context else [])


def marker(shape: str, x: float, y: float, colour: str, r: float = 5.5) -> str:
    style = f'fill="{colour}" stroke="currentColor" stroke-width="0.8"'
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {style}/>'
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


def _vendor_styles(catalog: Catalog) -> dict[str, tuple[str, str]]:
    return {v: (SHAPES[i % len(SHAPES)], COLOURS[i % len(COLOURS)]) for i, v in enumerate(catalog.vendors)}


def _frame(chart_id: str, title: str, description: str, width: int, height: int, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="11" font-family="inherit">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
        + "".join(body) + "</svg>")


def _legend(catalog: Catalog, vendors: list[str], x: float, y: float) -> list[str]:
    styles = _vendor_styles(catalog)
    out = []
    for i, vendor_id in enumerate(vendors):
        shape, colour = styles[vendor_id]
        out.append(marker(shape, x + 6, y + i * 16, colour, 4.5))
        out.append(f'<text x="{x + 16}" y="{y + i * 16 + 4}" fill="currentColor">{escape(catalog.vendors[vendor_id].name)}</text>')
    return out


def price_quality_chart(catalog: Catalog, benchmark_id: str) -> Chart | None:
    bench = catalog.benchmarks[benchmark_id]
    # Served models only: a retired alias's last price beside its launch score
    # would pair figures from different times.
    points = [m for m in catalog.models.values() if m.current_price and benchmark_id in m.scores
              and blended_price(m.current_price) > 0 and m.status != "retired"]
    if len(points) < 4:
        return None
    width, height, left, right, top, bottom = 760, 420, 56, 150, 16, 46
    prices = [blended_price(m.current_price) for m in points]
    scores = [m.scores[benchmark_id].value for m in points]
    lo, hi = math.floor(math.log10(min(prices))), math.ceil(math.log10(max(prices)))
    hi = max(hi, lo + 1)
    y_lo, y_hi = math.floor(min(scores) / 10) * 10, math.ceil(max(scores) / 10) * 10
    if bench.unit == "percent":
        y_lo, y_hi = max(0, y_lo), min(100, max(y_hi, y_lo + 10))
    y_hi = max(y_hi, y_lo + 10)

    def px(price: float) -> float:
        return left + (math.log10(price) - lo) / (hi - lo) * (width - left - right)

    def py(score: float) -> float:
        return top + (1 - (score - y_lo) / (y_hi - y_lo)) * (height - top - bottom)

    body = _axes(left, top, width - right, height - bottom)
    for exp in range(lo, hi + 1):
        x = px(10 ** exp)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - bottom}" class="grid"/>')
        body.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="currentColor">{escape(text.usd(10 ** exp))}</text>')
    for tick in range(int(y_lo), int(y_hi) + 1, 10):
        y = py(tick)
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor">{tick}</text>')
    body.append(f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle" fill="currentColor">'
                f'Blended price, USD per 1M tokens (3 input : 1 output), log scale</text>')
    body.append(f'<text transform="translate(14 {(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle" fill="currentColor">'
                f'{escape(bench.name)}{" (%)" if bench.unit == "percent" else ""}</text>')
    styles = _vendor_styles(catalog)
    placed: list[tuple[float, float, float, float]] = []
    for m, price, score in sorted(zip(points, prices, scores), key=lambda t: (-t[2], t[0].id)):
        shape, colour = styles[m.vendor.id]
        x, y = px(price), py(score)
        body.append(f'<g><title>{escape(f"{m.name}: {text.usd(price)} blended, {bench.name} {m.scores[benchmark_id].text}")}</title>'
                    f'{marker(shape, x, y, colour)}</g>')
        label_x, label_y, anchor = _label_spot(m.name, x, y, placed, (left, top, width - right, height - bottom))
        body.append(f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}" fill="currentColor" font-size="9.5">{escape(m.name)}</text>')
    vendors = sorted({m.vendor.id for m in points}, key=lambda v: catalog.vendors[v].name)
    body += _legend(catalog, vendors, width - right + 16, top + 10)
    best = max(points, key=lambda m: (m.scores[benchmark_id].value if bench.higher_is_better else -m.scores[benchmark_id].value))
    cheapest = min(points, key=lambda m: blended_price(m.current_price))
    description = (f"Scatter plot of {len(points)} served models with a published {bench.name} score and an API price: blended price "
                   f"on a log scale against score. Cheapest: {cheapest.name} ({text.usd(blended_price(cheapest.current_price))}); "
                   f"best score: {best.name} ({best.scores[benchmark_id].text}).")
    rows = tuple((m.name, m.vendor.name, text.usd(blended_price(m.current_price)), m.scores[benchmark_id].text, m.status)
                 for m in sorted(points, key=lambda m: blended_price(m.current_price)))
    chart_id = f"chart-{benchmark_id}"
    return Chart(chart_id, f"Price vs {bench.name}", description,
                 _frame(chart_id, f"Price vs {bench.name}", description, width, height, body),
                 ("Model", "Vendor", "Blended price", bench.name, "Status"), rows)


def price_history_chart(catalog: Catalog) -> Chart | None:
    featured: list[Model] = []
    for c in catalog.comparisons:
        for model_id in (c.a, c.b):
            if catalog.models[model_id] not in featured and catalog.models[model_id].pricing:
                featured.append(catalog.models[model_id])
    if not featured:
        return None
    width, height, left, right, top, bottom = 760, 360, 56, 170, 16, 46
    start = min(p.since for m in featured for p in m.pricing)
    end = max(catalog.as_of, max(p.since for m in featured for p in m.pricing))
    top_price = max(blended_price(p) for m in featured for p in m.pricing)
    y_hi = _nice_ceiling(top_price)
    span = max((end - start).days, 1)

    def px(day: date) -> float:
        return left + (day - start).days / span * (width - left - right)

    def py(value: float) -> float:
        return top + (1 - value / y_hi) * (height - top - bottom)

    body = _axes(left, top, width - right, height - bottom)
    for year in range(start.year, end.year + 1):
        tick = date(year, 1, 1)
        if start <= tick <= end:
            body.append(f'<line x1="{px(tick):.1f}" x2="{px(tick):.1f}" y1="{top}" y2="{height - bottom}" class="grid"/>')
            body.append(f'<text x="{px(tick):.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="currentColor">{year}</text>')
    for i in range(5):
        value = y_hi * i / 4
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{py(value):.1f}" y2="{py(value):.1f}" class="grid"/>')
        body.append(f'<text x="{left - 6}" y="{py(value) + 4:.1f}" text-anchor="end" fill="currentColor">{escape(text.usd(value))}</text>')
    body.append(f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle" fill="currentColor">'
                f'Blended list price, USD per 1M tokens (3 input : 1 output), {start.year}–{end.year}</text>')
    rows = []
    for i, m in enumerate(featured):
        dash = DASHES[i % len(DASHES)]
        shape, colour = SHAPES[i % len(SHAPES)], COLOURS[i % len(COLOURS)]
        path, previous = [], None
        for j, p in enumerate(m.pricing):
            until = m.pricing[j + 1].since if j + 1 < len(m.pricing) else end
            x1, x2, y = px(p.since), px(until), py(blended_price(p))
            path.append(f"{'M' if previous is None else 'L'}{x1:.1f},{previous if previous is not None else y:.1f} L{x1:.1f},{y:.1f} L{x2:.1f},{y:.1f}")
            previous = y
            rows.append((m.name, text.long_date(p.since), text.usd(p.input), text.usd(p.output), text.usd(blended_price(p))))
        body.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2.2"'
                    + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        for p in m.pricing:
            body.append(marker(shape, px(p.since), py(blended_price(p)), colour, 4))
        ly = top + 10 + i * 18
        body.append(f'<line x1="{width - right + 12}" x2="{width - right + 40}" y1="{ly}" y2="{ly}" stroke="{colour}" stroke-width="2.2"'
                    + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        body.append(marker(shape, width - right + 26, ly, colour, 4))
        body.append(f'<text x="{width - right + 46}" y="{ly + 4}" fill="currentColor">{escape(m.name)}</text>')
    description = ("Step chart of the list price history of the models in featured comparisons: "
                   + "; ".join(f"{m.name} from {text.usd(blended_price(m.launch_price))} to {text.usd(blended_price(m.current_price))}"
                               for m in featured) + " (blended, per 1M tokens).")
    return Chart("chart-price-history", "Price history of the featured models", description,
                 _frame("chart-price-history", "Price history of the featured models", description, width, height, body),
                 ("Model", "Since", "Input", "Output", "Blended"), tuple(rows))


def context_chart(catalog: Catalog) -> Chart | None:
    served = sorted((m for m in catalog.models.values() if m.status != "retired"), key=lambda m: (-m.context_window, m.id))
    if not served:
        return None  # every model retired: nothing to draw, and min() below needs a model
    bar, left, right, top = 18, 190, 90, 10
    width, height = 760, top + bar * len(served) + 40
    lo = math.floor(math.log10(min(m.context_window for m in served)))
    hi = math.ceil(math.log10(max(m.context_window for m in served)))
    hi = max(hi, lo + 1)

    def px(tokens: float) -> float:
        return left + (math.log10(tokens) - lo) / (hi - lo) * (width - left - right)

    body = []
    for exp in range(lo, hi + 1):
        x = px(10 ** exp)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - 30}" class="grid"/>')
        body.append(f'<text x="{x:.1f}" y="{height - 16}" text-anchor="middle" fill="currentColor">{text.tokens_short(10 ** exp)}</text>')
    styles = _vendor_styles(catalog)
    for i, m in enumerate(served):
        y = top + i * bar
        shape, colour = styles[m.vendor.id]
        body.append(f'<text x="{left - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end" fill="currentColor">{escape(m.name)}</text>')
        body.append(f'<rect x="{left}" y="{y + 3}" width="{px(m.context_window) - left:.1f}" height="{bar - 6}" fill="{colour}" opacity="0.85"/>')
        body.append(marker(shape, px(m.context_window), y + bar / 2, colour, 4))
        body.append(f'<text x="{px(m.context_window) + 8:.1f}" y="{y + bar * 0.7:.1f}" fill="currentColor">{text.tokens_short(m.context_window)}</text>')
    description = (f"Bar chart of the context windows of {len(served)} served models on a log scale, from "
                   f"{served[0].name} ({text.tokens_long(served[0].context_window)} tokens) down to "
                   f"{served[-1].name} ({text.tokens_long(served[-1].context_window)} tokens).")
    rows = tuple((m.name, m.vendor.name, text.tokens_long(m.context_window)) for m in served)
    return Chart("chart-context", "Context windows of served models", description,
                 _frame("chart-context", "Context windows of served models", description, width, height, body),
                 ("Model", "Vendor", "Context window (tokens)"), rows)


def _label_spot(label: str, x: float, y: float, placed: list[tuple[float, float, float, float]],
                plot: tuple[float, float, float, float]) -> tuple[float, float, str]:
    """Where a point's label goes: the first of eight spots around it that overlaps no earlier label."""
    width, height = 5.2 * len(label), 11.0
    spots = [(8, -6, "start"), (8, 13, "start"), (-8, -6, "end"), (-8, 13, "end"),
             (8, -18, "start"), (8, 25, "start"), (-8, -18, "end"), (-8, 25, "end")]
    for dx, dy, anchor in spots:
        left = x + dx if anchor == "start" else x + dx - width
        box = (left, y + dy - height + 2, left + width, y + dy + 2)
        inside = box[0] >= plot[0] - 40 and box[2] <= plot[2] + 140 and box[1] >= plot[1] - 10 and box[3] <= plot[3]
        if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            placed.append(box)
            return x + dx, y + dy, anchor
    placed.append((x + 8, y - 15, x + 8 + width, y - 4))
    return x + 8, y - 6, "start"


def _axes(x1: float, y1: float, x2: float, y2: float) -> list[str]:
    return [f'<line x1="{x1}" x2="{x1}" y1="{y1}" y2="{y2}" stroke="currentColor"/>',
            f'<line x1="{x1}" x2="{x2}" y1="{y2}" y2="{y2}" stroke="currentColor"/>']


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0  # every featured price is free: any positive scale draws the flat line at zero
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude
