"""The open-data files load with standard tools and hold every model with its price history."""

from __future__ import annotations

import csv
import json

from helpers import DATA, SCHEMA

from catalog import load_catalog

CATALOG = load_catalog(DATA, SCHEMA, "data/models.yaml")


def test_models_json_has_every_model_with_current_price_and_history(built_site):
    doc = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    assert doc["format"] == "llm-compare/models" and doc["version"] == 1
    by_id = {m["id"]: m for m in doc["models"]}
    assert set(by_id) == set(CATALOG.models)
    for model in CATALOG.models.values():
        entry = by_id[model.id]
        assert len(entry["price_history"]) == len(model.pricing)
        if model.current_price:
            assert entry["price"]["input"] == model.current_price.input
            assert entry["price"]["output"] == model.current_price.output
            assert entry["price"]["source"]["url"].startswith("https://")
            assert entry["price_history"][-1]["since"] == model.current_price.since.isoformat()
        else:
            assert entry["price"] is None
    gpt4o = by_id["gpt-4o"]["price_history"]
    assert [(p["input"], p["output"]) for p in gpt4o] == [(5.0, 15.0), (2.5, 10.0)]


def test_models_csv_loads_with_the_csv_module(built_site):
    with open(built_site / "models.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id"] for r in rows} == set(CATALOG.models)
    row = next(r for r in rows if r["id"] == "gpt-4o")
    assert (row["input_price"], row["output_price"], row["cached_input_price"]) == ("2.5", "10.0", "1.25")
    assert row["price_history"] == "2024-05-13:5/15;2024-10-02:2.5/10"
    assert (row["launch_input_price"], row["launch_output_price"]) == ("5.0", "15.0")


def test_data_file_schema_is_published(built_site):
    published = json.loads((built_site / "schema" / "models.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_csv_cells_never_start_a_formula():
    from catalog.export import _cell
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("@x") == "'@x" and _cell(-1.5) == "-1.5"
