"""MkDocs hook: load, validate and derive data/models.yaml once per build.

Runs in on_config, before MkDocs cleans the site directory, so a bad edit
stops the build with every problem listed and the last good `site/` intact.
"""

from __future__ import annotations

import calendar
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from catalog import DataError, load_catalog
from catalog.render import environment


@event_priority(100)  # before the other hooks, which read what this one stores
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Anchored on mkdocs.yml, not the working directory: `mkdocs build -f ...`
    # from anywhere reads the data beside the config.
    root = Path(config.config_file_path).resolve().parent
    data_file = root / "data" / "models.yaml"
    try:
        catalog = load_catalog(data_file, root / "data" / "models.schema.json", _shown(data_file))
    except DataError as error:
        raise PluginError(error.report()) from None
    config["catalog"] = catalog
    config["catalog_env"] = environment()
    # Deterministic output: MkDocs stamps sitemap dates and the gzip header
    # with the build time unless SOURCE_DATE_EPOCH is set. The newest date in
    # the data is the honest "as of" for a site built from it.
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(catalog.as_of.timetuple()))
    return config


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
