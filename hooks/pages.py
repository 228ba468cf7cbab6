"""MkDocs hook: add the pages the data implies (a page per model and per vendor, and indexes)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel


# Index pages are linked from the nav; the per-item pages are not, because a
# nav entry per model makes every page render the whole list (build time and
# page size grow with the square of the model count).
IN_NAV = {"models/index.md", "vendors/index.md", "compare/index.md", "key-differences.md", "applications/index.md",
          "choose.md", "compare/gpt-4o-vs-gpt-4o-mini.md", "calculator.md", "charts.md", "data.md"}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Rendered in on_config (hooks/data.py), where a failure still leaves site/ alone.
    pages = config["catalog_plan"].pages
    clashes = sorted(p.src_uri for p in pages if files.get_file_from_path(p.src_uri) is not None)
    if clashes:
        # MkDocs would silently let one replace the other. The data check
        # reports this at the id's line first; this catches files added
        # some other way (a theme, a plugin).
        raise PluginError(f"generated pages would replace files in docs/: {', '.join(clashes)}; rename or remove those files")
    for page in pages:
        inclusion = InclusionLevel.INCLUDED if page.src_uri in IN_NAV else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion))
    return files
