"""Hand the generated pages' raw HTML blocks past Markdown, and put them back afterwards.

96 % of the generated Markdown is raw HTML (tables, cards, charts). Python's
html.parser then reads all of it twice before any Markdown work (MkDocs' scan
for anchor ids, Markdown's raw-HTML stash) and a third time in the search
plugin. A block that Markdown would pass through untouched anyway is swapped
for a one-word placeholder paragraph, and the HTML is restored where
Markdown's output has `<p>placeholder</p>`: the same bytes, read once.

Only blocks Markdown would certainly pass through verbatim are swapped: a
chunk between blank lines that starts with a block-level tag at column 0 and
ends with that tag's own closing tag, with as many of those opened as closed.
Anything else (inline tags at line start, HTML with Markdown inside) is left
for Markdown to read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Python-Markdown's block-level elements (markdown.Markdown().block_level_elements)
# that our templates start blocks with.
BLOCK_TAGS = ("div", "table", "figure", "details", "section", "p", "ul", "ol", "dl", "form", "nav", "aside", "blockquote", "script")
_START = re.compile(r"\A<(" + "|".join(BLOCK_TAGS) + r")[\s>]")
_ID = re.compile(r'\sid="([^"]*)"')
# Letters and digits only: nothing Markdown or its extensions would transform.
# The last letter says what followed the block in the source: x a blank
# line, y more lines (Markdown then writes one newline after it, not two).
PLACEHOLDER = "llmcompareblock{:06d}{}"


@dataclass(frozen=True)
class Hidden:
    markdown: str               # the page with each swapped block replaced by a placeholder paragraph
    blocks: tuple[str, ...]     # the swapped HTML, by placeholder number


def hide(markdown: str) -> Hidden:
    chunks = markdown.split("\n\n")
    blocks: list[str] = []
    for index, chunk in enumerate(chunks):
        elements, rest = _leading_elements(chunk.rstrip("\n"))
        if not elements:
            continue
        # Elements on consecutive lines are one raw block to Markdown, and it
        # ends that block at the last closing tag's line: what follows
        # (`## Pricing` right under a table) is read as Markdown either way.
        parts = [PLACEHOLDER.format(len(blocks), "y" if rest else "x")] + ([rest] if rest else [])
        blocks.append("\n".join(elements))
        chunks[index] = "\n\n".join(parts) + chunk[len(chunk.rstrip("\n")):]
    return Hidden("\n\n".join(chunks), tuple(blocks))


def restore(html: str, blocks: tuple[str, ...]) -> str:
    """Markdown's output with each `<p>placeholder</p>` back to its HTML (as Markdown's own stash does)."""
    if not blocks:
        return html
    # Markdown writes a raw block that ended its paragraph followed by a blank line.
    def back(match: re.Match[str]) -> str:
        after = ("\n\n" if match.group(2) == "x" else "\n") if match.group(3) else ""
        return blocks[int(match.group(1))] + after

    return re.sub(r"<p>llmcompareblock(\d{6})([xy])</p>(\n?)", back, html)


def anchor_ids(blocks: tuple[str, ...]) -> set[str]:
    """The id attributes in the swapped blocks, which MkDocs' own scan no longer sees."""
    return {found for block in blocks for found in _ID.findall(block)}


def _leading_elements(chunk: str) -> tuple[list[str], str]:
    """The whole block-level elements the chunk starts with, one after another, and the lines after them."""
    lines = chunk.split("\n")
    elements: list[str] = []
    start = 0
    while start < len(lines) and (match := _START.match(lines[start])):
        tag, opened, closed = match.group(1), 0, 0
        opens, close = re.compile(rf"<{tag}[\s>]"), f"</{tag}>"
        for end in range(start, len(lines)):
            opened += len(opens.findall(lines[end]))
            closed += lines[end].count(close)
            if opened == closed:
                break
        if opened != closed or not lines[end].endswith(close):
            break  # unbalanced, or text after the closing tag: leave it all to Markdown
        elements.append("\n".join(lines[start:end + 1]))
        start = end + 1
    return elements, "\n".join(lines[start:])
