"""MkDocs hook: generated pages' raw HTML blocks skip Markdown (see hooks/catalog/rawhtml.py for why)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from catalog.rawhtml import anchor_ids, hide, restore
from catalog.searchtext import with_word_breaks

# Swapped blocks per page, from on_page_markdown to on_page_content of the same
# page; cleared as each page is restored, so nothing grows across serve rebuilds.
_blocks: dict[str, tuple[str, ...]] = {}


@event_priority(-100)  # after every other hook has changed the Markdown
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if not page.file.generated_by:
        return markdown  # hand-written pages are small: Markdown reads them as they are
    hidden = hide(markdown)
    if hidden.blocks:
        _blocks[page.file.src_uri] = hidden.blocks
    return hidden.markdown


@event_priority(100)  # before other hooks (the data banner) add HTML of their own
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    blocks = _blocks.pop(page.file.src_uri, ())
    if blocks:
        # MkDocs validates links to #anchors against ids it found in raw HTML.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(blocks)
    # Every page, hand-written ones too: their tables are indexed the same way.
    return with_word_breaks(restore(html, blocks))
