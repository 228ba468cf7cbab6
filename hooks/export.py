"""MkDocs hook: publish the open data beside the pages (api/models.json, models.csv, the data schema)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from catalog.export import models_csv, models_json


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog, views = config["catalog"], config["catalog_views"]
    schema = Path(config.config_file_path).resolve().parent / "data" / "models.schema.json"
    for path, content in (("api/models.json", models_json(catalog, views)),
                          ("models.csv", models_csv(catalog)),
                          ("schema/models.schema.json", schema.read_text(encoding="utf-8"))):
        files.append(File.generated(config, path, content=content))
    return files
