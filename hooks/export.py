"""MkDocs hook: publish the open data and the change feed beside the pages.

api/models.json, api/models/<id>.json, api/prices.json, models.csv, the data
schema, feed.xml (Atom) and changes.json; everything is built from the data
already loaded in on_config, with dates from the data, never the clock.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from catalog.export import model_documents, models_csv, models_json, prices_json
from catalog.feed import atom_feed, changes_json


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog, views = config["catalog"], config["catalog_views"]
    schema = Path(config.config_file_path).resolve().parent / "data" / "models.schema.json"
    base_url = config.site_url or ""
    outputs: list[tuple[str, str | bytes]] = [
        ("api/models.json", models_json(catalog, views)),
        ("api/prices.json", prices_json(catalog)),
        ("models.csv", models_csv(catalog)),
        ("schema/models.schema.json", schema.read_text(encoding="utf-8")),
        ("feed.xml", atom_feed(catalog, base_url, config.site_name)),
        ("changes.json", changes_json(catalog, base_url)),
    ]
    outputs += [(f"api/models/{key}.json", document) for key, document in model_documents(catalog, views).items()]
    for path, content in outputs:
        files.append(File.generated(config, path, content=content))
    return files
