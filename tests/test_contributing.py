"""CONTRIBUTING.md's examples are valid data: pasted into the real file, they pass the check."""

from __future__ import annotations

import re

from helpers import DATA, ROOT, SCHEMA

from catalog import parse_catalog

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
REAL = DATA.read_text(encoding="utf-8")


def example(heading: str) -> str:
    section = GUIDE.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_model_vendor_and_use_case_examples_pass_the_data_check():
    vendor = example("Add a vendor").split("\n", 1)[1]          # drop the `vendors:` line
    use_case = example("Add a use case").split("\n", 1)[1]      # drop the `applications:` line
    text = REAL.replace("vendors:\n", "vendors:\n" + vendor, 1).replace("applications:\n", "applications:\n" + use_case, 1)
    text = text.replace("\nmodels:\n", "\nmodels:\n" + example("Add a model"), 1)
    catalog = parse_catalog(text.encode("utf-8"), SCHEMA, "data/models.yaml")
    model = catalog.models["example-model-2026-01-15"]
    assert model.vendor.name == "Example AI" and model.current_price.input == 1.0
    assert "translation" in catalog.applications


def test_price_example_appends_an_entry_with_its_date():
    lines = [l for l in example("Change a price").splitlines() if "since:" in l]
    assert len(lines) == 2 and "# new" in lines[1]


def test_bill_fields_example_passes_the_data_check():
    extra = example("Every line of a bill: components, service tiers, regions, scheduled and promotional prices")
    model_text = example("Add a model").replace("          - {above: 200000, input: 2.00, output: 8.00}\n",
                                                 "          - {above: 200000, input: 2.00, output: 8.00}\n" + extra, 1)
    text = REAL.replace("\nmodels:\n", "\nmodels:\n" + model_text, 1)
    vendor = example("Add a vendor").split("\n", 1)[1]
    text = text.replace("vendors:\n", "vendors:\n" + vendor, 1)
    price = parse_catalog(text.encode("utf-8"), SCHEMA, "data/models.yaml").models["example-model-2026-01-15"].current_price
    assert price.component("web_search").price == 10.0 and price.service_tier("flex").multiplier == 0.5
    assert price.region("EU data residency").multiplier == 1.1 and price.promotion.until.isoformat() == "2026-12-31"
