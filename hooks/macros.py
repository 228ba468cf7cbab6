"""MkDocs hook: Jinja macros in hand-written pages, e.g. {{ price("gpt-4o", "input") }}.

Only the page's own source is a template; values from data/ come back from the
macros already escaped and are never rendered again. Pages without `{{` or
`{%` are returned untouched, and code blocks are hidden from Jinja so `{{`
inside them shows literally.
"""

from __future__ import annotations

import re
import traceback

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from catalog.macros import MacroError, macro_functions
from catalog.text import inert

log = get_plugin_logger(__name__)

# Fenced blocks (``` or ~~~, any indent) and inline code spans.
CODE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$|(?P<tick>`+)[^`\n].*?(?P=tick)",
                  re.MULTILINE | re.DOTALL)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by or ("{{" not in markdown and "{%" not in markdown):
        return markdown  # generated pages carry data text: never a template
    hidden: list[str] = []

    def hide(match: re.Match[str]) -> str:
        hidden.append(match.group(0))
        # Keep the line count so Jinja's line numbers match the file.
        return f"\x00{len(hidden) - 1}\x00" + "\n" * match.group(0).count("\n")

    source = CODE.sub(hide, markdown)
    env = jinja2.Environment(loader=jinja2.FunctionLoader(lambda name: (source, name, lambda: True)),
                             undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.update(macro_functions(config["catalog"], config["catalog_env"], page.url))
    where = f"docs/{page.file.src_uri}"
    # MkDocs hands us the page without its front matter: count those lines
    # back so an error names the line the contributor sees in the file.
    offset = _front_matter_lines(page.file.content_string, markdown)
    try:
        rendered = env.get_template(where).render()
    except jinja2.TemplateSyntaxError as error:
        return _failed(f"{where}:{error.lineno + offset}: template syntax error: {error.message}", markdown, config)
    except (MacroError, jinja2.UndefinedError, TypeError) as error:
        return _failed(f"{where}:{_template_line(error, where) + offset}: {error}", markdown, config)
    for index, original in enumerate(hidden):
        rendered = rendered.replace(f"\x00{index}\x00" + "\n" * original.count("\n"), original, 1)
    return rendered


def _failed(message: str, markdown: str, config: MkDocsConfig) -> str:
    """Stop `mkdocs build`; under `mkdocs serve`, show the page with the error instead.

    A serve rebuild that raises leaves every request waiting until a build
    succeeds (MkDocs' live-reload server), so the preview would just hang.
    """
    if not config.get("catalog_serving"):
        raise PluginError(message)
    log.error(message)
    return f'!!! failure "This page has a macro error"\n\n    {inert(message)}\n\n' + markdown


def _front_matter_lines(source: str, markdown: str) -> int:
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def _template_line(error: BaseException, filename: str) -> int:
    # Jinja rewrites tracebacks so template frames carry the template's own
    # file name and line: the innermost such frame is the macro call.
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == filename]
    return lines[-1] if lines else 1
