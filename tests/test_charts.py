"""Charts: the label placer, the drawings at the catalog's coming size, and the price step chart on model pages."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import DATA, ROOT, SCHEMA, real_catalog
from synthetic import large_catalog

from catalog import load_catalog
from catalog.charts import LAYOUTS, NARROW, WIDE, Box, Label, marker_box, model_price_chart, place_labels, site_charts, text_box

SVG = "{http://www.w3.org/2000/svg}"
BOUNDS = Box(0, 0, 400, 300)


def cluster(n: int, seed: int, spread: float = 30) -> list[Label]:
    rng = random.Random(seed)
    return [Label(f"Model {i} {'x' * rng.randint(0, 12)}", 200 + rng.uniform(-spread, spread), 150 + rng.uniform(-spread, spread), 7)
            for i in range(n)]


def assert_clear(labels: list[Label], placed, size: float, obstacles: list[Box], bounds: Box = BOUNDS) -> None:
    boxes = [p.box for p in placed if p]
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    for box in boxes:
        assert box.within(bounds), box
        assert not any(box.overlaps(o) for o in obstacles), box
    for label, p in zip(labels, placed):
        if p:
            assert p.box == text_box(label.text, p.x, p.y, size, p.anchor)


@pytest.mark.parametrize("seed", range(20))
def test_a_dense_cluster_gets_no_overlapping_labels(seed):
    labels = cluster(40, seed)
    markers = [marker_box(label.x, label.y, 5) for label in labels]
    placed = place_labels(labels, 10, BOUNDS, markers)
    assert_clear(labels, placed, 10, markers)
    assert 0 < sum(p is not None for p in placed) < len(labels), "some fit, the rest are dropped"


def test_labels_keep_out_of_the_legend_box():
    legend = Box(150, 120, 260, 180)                    # right over the cluster
    labels = cluster(30, 3, spread=60)
    markers = [marker_box(label.x, label.y, 5) for label in labels]
    placed = place_labels(labels, 10, BOUNDS, markers + [legend])
    assert_clear(labels, placed, 10, markers + [legend])
    assert any(placed)


def test_a_lone_point_is_labelled_to_its_right_and_labels_stay_inside_the_bounds():
    [right] = place_labels([Label("GPT-4o", 100, 100, 7)], 10, BOUNDS)
    assert right and right.anchor == "start" and right.x == 107
    [flipped] = place_labels([Label("A long model name", 395, 100, 7)], 10, BOUNDS)   # no room on the right
    assert flipped and flipped.anchor == "end" and flipped.box.within(BOUNDS)
    assert place_labels([Label("Far too long a name for this box", 20, 20, 7)], 10, Box(0, 0, 60, 40)) == [None]


def test_placement_is_deterministic_and_follows_priority_and_limit():
    labels = cluster(40, 7)
    markers = [marker_box(label.x, label.y, 5) for label in labels]
    first = place_labels(labels, 10, BOUNDS, markers)
    assert first == place_labels(list(labels), 10, BOUNDS, list(markers))
    assert first[0] is not None, "the first (most important) label always gets a spot when one is free"
    limited = place_labels(labels, 10, BOUNDS, markers, limit=3)
    assert sum(p is not None for p in limited) == 3 and limited[:3] == first[:3]


# --- the drawings, at the size the catalog is growing to -------------------------------------------------

LARGE = large_catalog()


def _text_boxes(svg: ET.Element) -> tuple[list[tuple[str, Box]], list[Box]]:
    """Estimated boxes of the chart's own text, and of the legend's text."""
    legend = {id(t) for g in svg.iter(f"{SVG}g") if g.get("class") == "legend" for t in g.iter(f"{SVG}text")}
    own, keys = [], []
    for t in svg.iter(f"{SVG}text"):
        box = text_box(t.text, float(t.get("x")), float(t.get("y")), float(t.get("font-size")), t.get("text-anchor", "start"))
        (keys.append(box) if id(t) in legend else own.append((t.text, box)))
    return own, keys


def _shape_box(element: ET.Element) -> Box:
    tag = element.tag.removeprefix(SVG)
    if tag == "circle":
        cx, cy, r = (float(element.get(k)) for k in ("cx", "cy", "r"))
        return Box(cx - r, cy - r, cx + r, cy + r)
    if tag == "rect":
        x, y, w, h = (float(element.get(k)) for k in ("x", "y", "width", "height"))
        return Box(x, y, x + w, y + h)
    xs, ys = zip(*(tuple(map(float, p.split(","))) for p in element.get("points").split()))
    return Box(min(xs), min(ys), max(xs), max(ys))


def _drawings(chart) -> list[ET.Element]:
    return [ET.fromstring(part) for part in re.findall(r"<svg .*?</svg>", str(chart.svg), re.S)]


@pytest.mark.parametrize("chart", site_charts(LARGE), ids=lambda c: c.id)
def test_large_catalog_charts_keep_text_apart_from_text_markers_and_legend(chart):
    drawings = _drawings(chart)
    assert [d.get("class") for d in drawings] == [f"chart chart-{layout.name}" for layout in LAYOUTS]
    for svg in drawings:
        assert svg.get("viewBox") and svg.get("width") is None and svg.get("role") == "img"
        own, keys = _text_boxes(svg)
        legend = Box(min(b.left for b in keys) - 30, min(b.top for b in keys), max(b.right for b in keys), max(b.bottom for b in keys))
        shapes = [_shape_box(e) for g in svg.iter(f"{SVG}g") if g.get("class") == "point" for e in g if e.tag != f"{SVG}title"]
        for (a, box_a), (b, box_b) in combinations(own, 2):
            assert not box_a.overlaps(box_b), f"{svg.get('class')}: {a!r} overlaps {b!r}"
        for name, box in own:
            assert not box.overlaps(legend), f"{name!r} overlaps the legend"
            assert not any(box.overlaps(s) for s in shapes), f"{name!r} overlaps a marker or bar"
        width = float(svg.get("viewBox").split()[2])
        assert all(0 <= b.left and b.right <= width for _, b in own + [("", k) for k in keys])


def test_large_catalog_scatter_labels_some_points_on_a_phone_and_more_on_a_desktop():
    chart = next(c for c in site_charts(LARGE) if c.id == "chart-mmlu")
    wide, narrow = (sum(1 for t in svg.iter(f"{SVG}text") if t.get("class") == "label") for svg in _drawings(chart))
    assert len(chart.rows) >= 40 and NARROW.max_labels >= narrow >= 6 and wide > narrow


def test_charts_are_deterministic():
    assert [c.svg for c in site_charts(LARGE)] == [c.svg for c in site_charts(large_catalog())]


def test_text_renders_at_9px_or_more_on_either_side_of_the_breakpoint():
    css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    breakpoint = int(re.search(r"@container \(max-width: (\d+)px\)", css)[1])
    phone_column = 390 - 2 * 16
    for layout, narrowest_box in ((NARROW, phone_column), (WIDE, breakpoint)):
        assert min(layout.font, layout.label_font) * narrowest_box / layout.width >= 9, layout.name


def test_every_legend_names_each_vendor_plotted():
    for chart in site_charts(LARGE):
        if chart.id == "chart-price-history":
            continue
        vendors = {row[1] for row in chart.rows}
        for svg in _drawings(chart):
            legend = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "legend")
            assert {t.text for t in legend.iter(f"{SVG}text")} == vendors


# --- the price step chart on model pages ------------------------------------------------------------------

CATALOG = real_catalog()


def test_every_model_page_with_a_price_history_has_its_step_chart(built_site: Path):
    with_history = [m for m in CATALOG.models.values() if len(m.pricing) >= 2]
    assert with_history
    for m in CATALOG.models.values():
        page = BeautifulSoup((built_site / "models" / m.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        figure = page.find("figure", id=f"chart-price-{m.id}-figure")
        if len(m.pricing) < 2:
            assert figure is None, m.id
            continue
        assert figure is not None, m.id
        drawings = figure.select("svg.chart[role=img]")
        assert len(drawings) == len(LAYOUTS)
        for svg in drawings:
            title, desc = svg.find("title"), svg.find("desc")
            assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
            assert m.name in title.get_text() and "Step chart" in desc.get_text()
            assert len(svg.select("path")) == 2, "input and output"
            assert len(svg.select("g.point")) == 2 * len(m.pricing)
            assert {t.get_text() for t in svg.select("g.legend text")} == {"Input", "Output"}
        table = figure.find_next_sibling("table")
        assert table["data-table"] == "price-history" and len(table.select("tbody tr")) == len(m.pricing)


def test_step_chart_runs_to_as_of_or_to_the_shutdown():
    m = next(m for m in CATALOG.models.values() if len(m.pricing) >= 2)
    chart = model_price_chart(m, CATALOG.as_of)
    assert chart and f"to {CATALOG.as_of:%b} {CATALOG.as_of.day}, {CATALOG.as_of.year}" in chart.description
    assert model_price_chart(m.__class__(**{**m.__dict__, "pricing": m.pricing[:1]}), CATALOG.as_of) is None
    retired = next(m for m in LARGE.models.values() if m.retirement and len(m.pricing) >= 2)
    assert "(shutdown)" in model_price_chart(retired, LARGE.as_of).description
