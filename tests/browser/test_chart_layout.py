"""Charts in a real browser at 390 and 1280 px: they fit their box, their text is legible and nothing overlaps."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import load_catalog  # noqa: E402

CATALOG = load_catalog(ROOT / "data" / "models.yaml", ROOT / "data" / "models.schema.json", "data/models.yaml")
WITH_HISTORY = next(m.id for m in CATALOG.models.values() if len(m.pricing) >= 2)

# For every chart drawing the page shows: its size against its parent's, the smallest text as rendered, and
# every pair of boxes that overlap: text with text, text with the legend, text with a marker or bar.
# Boxes come from getBBox (the drawing's own units; no chart text is rotated or transformed).
PROBLEMS = """() => {
  const problems = [], seen = [];
  const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0) continue;                        // the other drawing of the same chart
    const name = svg.querySelector('title').textContent + ' (' + svg.classList[1] + ')';
    seen.push(svg.classList[1]);
    const parent = svg.parentElement.getBoundingClientRect();
    if (rect.width > parent.width + 0.5 || rect.right > parent.right + 0.5) problems.push(`${name}: ${rect.width}px wide in ${parent.width}px`);
    const scale = rect.width / svg.viewBox.baseVal.width;
    const legend = svg.querySelector('g.legend');
    const legendBox = legend.getBBox();
    const inLegend = t => legend.contains(t);
    const texts = [...svg.querySelectorAll('text')];
    const own = texts.filter(t => !inLegend(t)).map(t => [t.textContent, t.getBBox()]);
    const marks = [...svg.querySelectorAll('g.point > :not(title)')].map(e => e.getBBox());
    for (const t of texts) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < 9) problems.push(`${name}: "${t.textContent}" renders at ${px.toFixed(1)}px`);
    }
    own.forEach(([a, box], i) => {
      own.slice(i + 1).forEach(([b, other]) => overlap(box, other) && problems.push(`${name}: "${a}" overlaps "${b}"`));
      if (overlap(box, legendBox)) problems.push(`${name}: "${a}" overlaps the legend`);
      if (marks.some(m => overlap(box, m))) problems.push(`${name}: "${a}" overlaps a marker`);
    });
    const keys = texts.filter(inLegend).map(t => [t.textContent, t.getBBox()]);
    keys.forEach(([a, box], i) => keys.slice(i + 1).forEach(([b, other]) => overlap(box, other) && problems.push(`${name}: legend "${a}" overlaps "${b}"`)));
  }
  return {problems, seen};
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("where", ["charts/", f"models/{WITH_HISTORY}/", "synthetic"])
def test_charts_fit_their_box_legibly_and_no_label_overlaps(new_page, base_url, synthetic_charts_url, where, width):
    page = new_page(width, 900)
    page.goto(synthetic_charts_url if where == "synthetic" else base_url + where)
    result = page.evaluate(PROBLEMS)
    assert result["seen"], "no chart shown"
    assert set(result["seen"]) == {"chart-narrow" if width == 390 else "chart-wide"}
    assert not result["problems"], "\n".join(result["problems"][:20])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
