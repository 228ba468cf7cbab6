"""MkDocs hook: load, validate, derive, render and export data/models.yaml once per build.

All of it runs in on_config, before MkDocs cleans the site directory, so a
bad edit stops `mkdocs build` with every problem listed and the last good
`site/` intact. Under `mkdocs serve` a bad edit instead prints the problems
and rebuilds from the last good data, with a banner on every page: a rebuild
that raised would leave every request waiting (MkDocs' live-reload server
serves nothing until a build succeeds).
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Literal, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from catalog import DataError
from catalog.site import SitePlan, prepare, settings_from

log = get_plugin_logger(__name__)

# Hook modules live for the whole `mkdocs serve` session (they are never
# re-imported), which is what lets a failed rebuild fall back to the last
# data that passed. A plain `mkdocs build` never uses the fallback.
_serving = False
_last_good: Optional[SitePlan] = None


# Set while a `mkdocs serve` rebuild uses the last good data, so MkDocs' own
# "Documentation built" line does not contradict the one message we log.
_stale = False
STALE = "serving the last good data until it is fixed"


class _QuietWhileStale(logging.Filter):
    """Drops MkDocs' "Documentation built in ..." line for a rebuild from the last good data."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_stale and str(record.msg).startswith("Documentation built"))


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    build_log = logging.getLogger("mkdocs.commands.build")
    if _serving and not any(isinstance(f, _QuietWhileStale) for f in build_log.filters):
        build_log.addFilter(_QuietWhileStale())


@event_priority(100)  # before the other hooks, which read what this one stores
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _last_good, _stale
    # Anchored on mkdocs.yml, not the working directory: `mkdocs build -f ...`
    # from anywhere reads the data beside the config.
    root = Path(config.config_file_path).resolve().parent
    data_file = root / "data" / "models.yaml"
    shown = _shown(data_file)
    config["catalog_problems"] = None
    _stale = False
    config["catalog_serving"] = _serving
    try:
        plan = prepare(data_file, root / "data" / "models.schema.json", shown, Path(config.docs_dir), settings_from(config))
        _last_good = plan
    except DataError as error:
        if not (_serving and _last_good):
            raise PluginError(error.report()) from None
        # One message, and no "Documentation built" after it: the preview is
        # rebuilt, but from data that is not the file on disk.
        log.error(error.report(STALE))
        plan, config["catalog_problems"], _stale = _last_good, error, True
    config["catalog_plan"] = plan
    config["catalog"] = plan.catalog
    config["catalog_views"] = plan.views
    config["catalog_env"] = plan.env
    # Deterministic output: MkDocs stamps sitemap dates and the gzip header
    # with the build time unless SOURCE_DATE_EPOCH is set. The newest date in
    # the data is the honest "as of" for a site built from it.
    os.environ["SOURCE_DATE_EPOCH"] = str(plan.source_date_epoch)
    return config


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    error: Optional[DataError] = config.get("catalog_problems")
    if error is None:
        return html_text
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in error.problems)
    banner = (f'<div class="admonition failure" role="alert"><p class="admonition-title">{html.escape(error.file)} has '
              f"{error.count_text}; this preview shows the last good data until it is fixed</p><ul>{items}</ul></div>")
    return banner + html_text


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
