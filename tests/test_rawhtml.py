"""Raw HTML blocks handed past Markdown come back as the very bytes Markdown would have written."""

from __future__ import annotations

import markdown
import pytest
from helpers import real_plan

from catalog.rawhtml import anchor_ids, hide, restore

EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "pymdownx.superfences"]  # as in mkdocs.yml


def _html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {p.src_uri: p.markdown for p in real_plan().pages}


@pytest.mark.parametrize("uri", ["models/gpt-4o.md", "compare/gpt-4o-vs-gpt-4o-mini.md", "models/index.md", "charts.md",
                                 "calculator.md", "applications/code.md", "vendors/openai.md", "compare/index.md"])
def test_same_html_as_markdown_alone(pages: dict[str, str], uri: str):
    hidden = hide(pages[uri])
    assert hidden.blocks, "the page should have blocks to swap"
    assert restore(_html(hidden.markdown), hidden.blocks) == _html(pages[uri])
    # Nearly all the HTML skips Markdown: what is left is headings and prose.
    assert sum(map(len, hidden.blocks)) > 0.8 * len(pages[uri])


@pytest.mark.parametrize("text", [
    "<div>\n\n## Markdown inside\n\n</div>\n",          # blank lines inside: Markdown must read it
    "<span>inline</span> text\n",                      # not a block-level tag
    "<div><div>one</div>\n",                           # unbalanced
    "<div>a</div> trailing text\n",                    # does not end with its closing tag
    "<details><summary>x</summary>\n*md*\n</details>",  # balanced: swapped, and still identical
])
def test_edge_blocks_render_as_markdown_would(text: str):
    hidden = hide(text)
    assert restore(_html(hidden.markdown), hidden.blocks) == _html(text)


def test_ids_in_swapped_blocks_are_still_anchors():
    assert anchor_ids(hide('<div id="pricing">\n<p id="a-b">x</p>\n</div>\n').blocks) == {"pricing", "a-b"}
