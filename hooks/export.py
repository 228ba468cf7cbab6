"""MkDocs hook: publish the open data and the change feed beside the pages.

api/models.json, api/models/<id>.json, api/prices.json, models.csv, the data
schema, feed.xml (Atom) and changes.json; everything is built from the data
already loaded in on_config, with dates from the data, never the clock.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files



def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Exported in on_config (hooks/data.py) with the pages; only the schema is read here.
    schema = Path(config.config_file_path).resolve().parent / "data" / "models.schema.json"
    for path, content in (*config["catalog_plan"].data_files, ("schema/models.schema.json", schema.read_text(encoding="utf-8"))):
        files.append(File.generated(config, path, content=content))
    return files
