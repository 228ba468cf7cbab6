"""MkDocs hook: Jinja macros in hand-written pages, e.g. {{ price("gpt-4o", "input") }}.

Only the page's own source is a template; values from data/ come back from the
macros already escaped and are never rendered again. Pages without `{{` or
`{%` are returned untouched, and code blocks are hidden from Jinja so `{{`
inside them shows literally. The data step in on_config expands every page
once already (catalog.site.prepare), so a data edit that breaks a macro
stops the build before site/ is touched; this hook then only repeats it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog.macros import PageMacroError, expand, front_matter_lines, uses_macros
from catalog.text import inert

log = get_plugin_logger(__name__)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by or not uses_macros(markdown):
        return markdown  # generated pages carry data text: never a template
    where = f"docs/{page.file.src_uri}"
    offset = front_matter_lines(page.file.content_string, markdown)
    try:
        return expand(markdown, where, offset, config["catalog"], config["catalog_env"], page.url)
    except PageMacroError as error:
        return _failed(str(error), markdown, config)


def _failed(message: str, markdown: str, config: MkDocsConfig) -> str:
    """Stop `mkdocs build`; under `mkdocs serve`, show the page with the error instead.

    A serve rebuild that raises leaves every request waiting until a build
    succeeds (MkDocs' live-reload server), so the preview would just hang.
    """
    if not config.get("catalog_serving"):
        raise PluginError(message)
    log.error(message)
    return f'!!! failure "This page has a macro error"\n\n    {inert(message)}\n\n' + markdown
