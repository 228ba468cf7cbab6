"""The fact registry (hooks/catalog/facts.py) is the one definition: the schema is generated from it, and the lists agree."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from catalog import facts  # noqa: E402
from catalog.facts import FACTS, MODEL_FACTS, PRICE_FACTS  # noqa: E402
from catalog.schemadefs import build_schema  # noqa: E402
from schema_build import schema_text  # noqa: E402

SCHEMA = json.loads((ROOT / "data" / "models.schema.json").read_text(encoding="utf-8"))


def test_the_committed_schema_is_the_generators_output():
    assert (ROOT / "data" / "models.schema.json").read_text(encoding="utf-8") == schema_text(), \
        "data/models.schema.json is stale: run python hooks/schema_build.py"


def test_check_mode_says_current():
    done = subprocess.run([sys.executable, str(ROOT / "hooks" / "schema_build.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_check_mode_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "models.schema.json"
    stale.write_text(schema_text().replace("a real calendar date", "a date"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "hooks" / "schema_build.py"), "--check", "--output", str(stale)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "stale" in done.stderr


def test_every_model_field_of_the_schema_has_a_registry_entry():
    model = SCHEMA["$defs"]["model"]
    assert set(model["properties"]) == {f.path[0] for f in MODEL_FACTS if len(f.path) == 1}
    assert set(model["required"]) == {f.path[0] for f in MODEL_FACTS if len(f.path) == 1 and f.required}
    for group in ("modalities", "capabilities"):
        parts = {f.path[1] for f in MODEL_FACTS if len(f.path) == 2 and f.path[0] == group}
        assert set(model["properties"][group]["properties"]) == parts
    prices = {f.name for f in PRICE_FACTS}
    assert prices <= set(SCHEMA["$defs"]["price_entry"]["properties"])
    assert set(SCHEMA["$defs"]["price_tier"]["properties"]) == prices | {"above"}


def test_every_sourced_fact_is_in_the_provenance_rule():
    from catalog import rules
    sourced = {f.name for f in MODEL_FACTS if f.sourced}
    assert set(rules.MUST_BE_SOURCED) == sourced
    # A fact that must be backed can be named in a source's supports: list.
    assert sourced <= set(SCHEMA["$defs"]["source"]["properties"]["supports"]["items"]["enum"])
    assert rules.SUPPORTABLE == facts.SUPPORTABLE and rules.PRICE_FIELDS == facts.PRICE_FIELDS


def test_labels_exist_for_every_exported_or_diffed_fact():
    for fact in FACTS.values():
        if fact.csv or fact.diff or fact.spec or fact.better:
            assert fact.label, fact.name
        if fact.better:
            assert fact.better in ("higher", "lower")


def test_diff_sections_are_the_data_diffs():
    from catalog.datadiff import SECTIONS
    assert {f.diff for f in FACTS.values() if f.diff} <= set(SECTIONS)


def test_csv_columns_and_lists_keep_their_published_order():
    # Consumers read these (CSV header, macro error messages): a registry edit must not reorder them by accident.
    assert facts.CSV_COLUMNS == (
        "id", "api_id", "name", "vendor", "released", "status", "context_window", "max_output_tokens", "knowledge_cutoff",
        "open_weights", "reasoning", "input_modalities", "output_modalities", "input_price", "cached_input_price", "output_price",
        "blended_price_3_1", "price_since", "price_source", "launch_input_price", "launch_output_price", "launch_price_since",
        "price_history", "page", "tool_calling", "structured_output", "license", "shutdown", "replacement")
    assert facts.SUPPORTABLE == ("released", "status", "preview", "context_window", "max_output_tokens", "knowledge_cutoff",
                                 "open_weights", "license", "reasoning", "snapshot", "modalities", "capabilities",
                                 "tool_calling", "structured_output", "fine_tuning", "reasoning_effort", "reasoning_budget")
    assert facts.SERVED == ("active", "legacy", "deprecated")


def test_the_schema_names_only_defined_references():
    text = json.dumps(build_schema())
    defined = set(SCHEMA["$defs"])
    import re
    assert {m for m in re.findall(r'"#/\$defs/([a-z_]+)"', text)} <= defined


def test_browser_definitions_say_label_and_direction():
    shown = facts.display_definitions()
    assert shown["context_window"] == {"label": "Context window", "short": "Context window", "unit": "tokens",
                                       "format": "tokens", "better": "higher"}
    assert shown["input"]["better"] == "lower" and shown["knowledge_cutoff"]["better"] is None
    assert shown["input_modalities"]["short"] == "Input"


def test_every_exported_fact_is_in_the_api_document(real_catalog):
    from catalog.export import _model
    model = next(iter(real_catalog.models.values()))
    document = _model(model, real_catalog)
    # The price history is published as the current price and the whole history.
    keys = {("price_history" if f.key == "pricing" else f.key) for f in MODEL_FACTS if f.api}
    assert keys <= set(document), "a fact the registry exports is missing from api/models.json"
    assert {f.name for f in PRICE_FACTS} <= set(document["price"])
