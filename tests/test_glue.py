"""No generated list reads glued together: every built page's visible text keeps its separators."""

from __future__ import annotations

import pytest
from glue import find_glue

from catalog.render import environment


@pytest.mark.parametrize("html,rule", [
    ("<p>1. <a href='#'>GPT-5 nano</a>2. <a href='#'>Mistral Small 4</a>3. <a href='#'>Gemini</a></p>", "touching"),
    ("<td><a href='#'>Claude Opus 4.5</a>,<a href='#'>Claude Haiku 4.5</a></td>", "comma"),
    ("<p>Of 41 models: 8 active,3 legacy,12 deprecated.</p>", "comma"),
    ("<p>Favours: SWE-bench ×3;long output ×1;low cost.</p>", "semicolon"),
    ("<small>(<a href='#'>GPT-4o mini: advancing cost-efficient intelligence</a>;<a href='#'>GPT-4o mini model page</a>)</small>", "semicolon"),
    ("<li><span>Mistral Small 4</span><span>Gemini</span></li>", "touching"),
    ("<p>Ranked 4<b>Gemini</b> first.</p>", "touching"),
    ("<p>It costs less.Then it is cheaper.</p>", "sentence"),
    ("<p>Side by side: <a href='#'>GPT-4o</a> (OpenAI)and GPT-4o mini.</p>", "bracket"),
    ("<p>Small 4Gemini 2.5</p>", "digit"),
    ("<p>Replacement: <a href='#'>GPT-6 Luna</a> <a href='#'>[1]</a>.<a href='#'>Compare GPT-6 Luna</a></p>", "sentence"),
])
def test_planted_glue_is_caught(html, rule):
    found = find_glue(html)
    assert found, html
    assert any(rule in g.rule or (rule in ("comma", "semicolon") and "comma or semicolon" in g.rule) for g in found), found


@pytest.mark.parametrize("html", [
    "<p>1. <a href='#'>GPT-5 nano</a>; 2. <a href='#'>Mistral Small 4</a></p>",
    "<td><a href='#'>Claude Opus 4.5</a>, <a href='#'>Claude Haiku 4.5</a></td>",
    "<p>1,000,000 requests of 500 input tokens</p>",
    "<td>$10.00<sup><a href='#'>s</a></sup></td>",                  # a source mark sits apart
    "<td>128,000 tokens</td><td>16,384 tokens</td>",                  # cells are blocks
    "<p>Line one<br>Line two</p>",
    "<p><a href='#'>GPT-4o</a>'s price, <code>a,b;c</code></p>",       # code keeps its punctuation
    "<p>See <a href='#'>the page</a>.</p><p>Next</p>",
    "<ul><li>A</li><li>B</li></ul>",
    "<p><strong>Price:</strong> cheaper.</p>",
])
def test_clean_text_passes(html):
    assert find_glue(html) == []


def test_list_separators_survive_rendering():
    """The cause of the glue: separators passed through `inert` lost their space."""
    env = environment()
    out = env.from_string('{% for x in xs %}{{ x }}{{ ", " if not loop.last }}{% endfor %}|{{ "; " }}|').render(xs=["a", "b"])
    assert out == "a, b|; |"


def test_no_built_page_has_glued_text(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    found = [f"{page.relative_to(built_site)}: {g}" for page in pages for g in find_glue(page.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found[:40])
