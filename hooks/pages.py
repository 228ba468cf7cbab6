"""MkDocs hook: add the pages the data implies (a page per model and per vendor, and indexes).

Under `mkdocs serve --dirty`, a generated page whose Markdown is the same as
in the last successful build is marked unmodified, so MkDocs skips it (it
treats every generated file as modified otherwise, and rebuilds all of them).
"""

from __future__ import annotations

import hashlib
import os
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from catalog.macros import uses_macros

# Index pages are linked from the nav; the per-item pages are not, because a
# nav entry per model makes every page render the whole list (build time and
# page size grow with the square of the model count).
IN_NAV = {"models/index.md", "vendors/index.md", "compare/index.md", "compare/many.md", "key-differences.md", "applications/index.md",
          "choose.md", "compare/gpt-4o-vs-gpt-4o-mini.md", "calculator.md", "charts.md", "data.md",
          "retiring.md", "data-status.md"}

# Serve --dirty only: src_uri -> digest of the Markdown last built into site/.
# Hook modules live as long as the server, so this survives rebuilds.
_incremental = False
_built: dict[str, str] = {}


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _incremental
    _incremental = command == "serve" and dirty


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Rendered in on_config (hooks/data.py), where a failure still leaves site/ alone.
    pages = config["catalog_plan"].pages
    clashes = sorted(p.src_uri for p in pages if files.get_file_from_path(p.src_uri) is not None)
    if clashes:
        # MkDocs would silently let one replace the other. The data check
        # reports this at the id's line first; this catches files added
        # some other way (a theme, a plugin).
        raise PluginError(f"generated pages would replace files in docs/: {', '.join(clashes)}; rename or remove those files")
    # With problems shown, every page gets a banner: rebuild them all, now and after the fix.
    incremental = _incremental and config.get("catalog_problems") is None
    digests: dict[str, str] = {}
    for page in pages:
        inclusion = InclusionLevel.INCLUDED if page.src_uri in IN_NAV else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        if incremental:
            digests[page.src_uri] = digest = hashlib.blake2b(page.markdown.encode("utf-8"), digest_size=16).hexdigest()
            if _built.get(page.src_uri) == digest and os.path.isfile(file.abs_dest_path):
                file.is_modified = _unmodified  # type: ignore[method-assign]
        files.append(file)
    if _incremental:
        # Hand-written pages with macros show data: their own mtime says nothing about that.
        for file in files.documentation_pages():
            if not file.generated_by and uses_macros(file.content_string):
                file.is_modified = _modified  # type: ignore[method-assign]
    config["catalog_digests"] = digests
    return files


def on_post_build(config: MkDocsConfig) -> None:
    if _incremental:
        _built.clear()
        _built.update(config.get("catalog_digests") or {})


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True
