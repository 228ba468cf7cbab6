"""Checks on the hand-written pages in docs/, run in the data step before MkDocs cleans site/.

MkDocs finds each of these only later (a page it cannot decode, a macro that
fails, a page a generated one replaces, a link to a page that no longer
exists), after the last good site/ is gone; here each becomes one located
problem, so a bad page stops the build with the old site intact.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Iterator

from mkdocs.utils.meta import get_data

from .macros import CODE, PageMacroError, expand, front_matter_lines, uses_macros
from .problems import Problem
from .render import PageSource

# What MkDocs reads as Markdown (mkdocs.utils.markdown_extensions).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# [text](target.md) and [text](target.md#part); images and absolute URLs are left alone.
LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+?\.(?:md|markdown))(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def page_problems(docs_dir: Path, pages: tuple[PageSource, ...], macro_plan: object) -> list[Problem]:
    generated = {p.src_uri for p in pages}
    addresses = {page_url(g): g for g in sorted(generated)}  # once, not once per hand-written page
    found: list[Problem] = []
    written: dict[str, str] = {}
    for path in _markdown_files(docs_dir):
        src_uri = path.relative_to(docs_dir).as_posix()
        where = f"docs/{src_uri}"
        raw = path.read_bytes()
        try:
            source = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            found.append(Problem(line, column, ("page",), f"expected UTF-8 text, found the byte 0x{raw[error.start]:02x}; "
                                                          "save the page as UTF-8", where))
            continue
        written[src_uri] = source
        twin = page_url(src_uri)
        clash = addresses.get(twin)
        if clash is not None:
            found.append(Problem(1, 1, ("page",), f"this page's address ({twin or 'the home page'}) is generated from the data "
                                                  f"({clash}); rename or move this file", where))
    for src_uri, source in written.items():
        markdown, _ = get_data(source)  # the page as MkDocs hands it to the macro hook, without front matter
        offset = front_matter_lines(source, markdown)
        if uses_macros(markdown):
            try:
                expand(markdown, f"docs/{src_uri}", offset, macro_plan.catalog, macro_plan.env, page_url(src_uri))  # type: ignore[attr-defined]
            except PageMacroError as error:
                found.append(Problem(error.line, 1, ("macro",), error.message, error.where))
        found += _broken_links(src_uri, markdown, offset, set(written) | generated)
    return found


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a page (use_directory_urls): 'index.md' -> '', 'about.md' -> 'about/'."""
    stem = posixpath.splitext(src_uri)[0]
    if stem == "index" or stem.endswith("/index") or stem == "README" or stem.endswith("/README"):
        return stem[: stem.rfind("/") + 1] if "/" in stem else ""
    return stem + "/"


def _broken_links(src_uri: str, markdown: str, offset: int, known: set[str]) -> list[Problem]:
    """Relative links to Markdown pages that neither docs/ nor the data provides (MkDocs' strict mode fails on them at the end)."""
    found = []
    base = posixpath.dirname(src_uri)
    # Code blocks show links as text: blank them, keeping every line and column in place.
    markdown = CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)
    for match in LINK.finditer(markdown):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(base, target))
        if resolved in known:
            continue
        line = markdown.count("\n", 0, match.start()) + 1 + offset
        found.append(Problem(line, match.start() - markdown.rfind("\n", 0, match.start()), ("link",),
                             f"links to {target}, which neither docs/ nor the data provides (was a model id renamed?)",
                             f"docs/{src_uri}"))
    return found


def _markdown_files(docs_dir: Path) -> Iterator[Path]:
    return iter(sorted(p for p in docs_dir.rglob("*") if p.suffix in MARKDOWN_SUFFIXES and p.is_file()))
