"""The open-data files load with standard tools and hold every model with its price history."""

from __future__ import annotations

import csv
import json

from helpers import DATA, SCHEMA, real_catalog

from catalog import load_catalog

CATALOG = real_catalog()


def test_models_json_has_every_model_with_current_price_and_history(built_site):
    doc = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    assert doc["format"] == "llm-compare/models" and doc["version"] == 3
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


def test_models_csv_answers_which_served_models_with_tool_calling_retire_within_the_horizon(built_site):
    """Issue 16: tool calling, structured output, licence, shutdown date and replacement are columns, unknown left empty."""
    from datetime import timedelta

    with open(built_site / "models.csv", newline="", encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    gpt4o = rows["gpt-4o"]
    assert (gpt4o["tool_calling"], gpt4o["structured_output"], gpt4o["shutdown"]) == ("true", "true", "2027-01-14")
    assert gpt4o["replacement"] == CATALOG.final_successor(CATALOG.models["gpt-4o"]).id
    unknown = next(m for m in CATALOG.models.values() if m.capabilities.tool_calling is None)
    assert rows[unknown.id]["tool_calling"] == ""
    licensed = next(m for m in CATALOG.models.values() if m.license)
    assert rows[licensed.id]["license"] == licensed.license.name
    horizon = (CATALOG.as_of + timedelta(days=90)).isoformat()
    from_csv = {i for i, r in rows.items() if r["status"] != "retired" and r["tool_calling"] == "true"
                and r["shutdown"] and CATALOG.as_of.isoformat() < r["shutdown"] <= horizon}
    expected = {m.id for m in CATALOG.models.values() if m.served_on(CATALOG.as_of) and m.capabilities.tool_calling
                and m.retiring_within(CATALOG.as_of, 90)}
    assert from_csv == expected and from_csv


def test_data_file_schema_is_published(built_site):
    published = json.loads((built_site / "schema" / "models.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_csv_cells_never_start_a_formula():
    from catalog.export import _cell
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("@x") == "'@x" and _cell(-1.5) == "-1.5"


def test_each_model_has_its_own_json_file_matching_models_json(built_site):
    doc = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    files = sorted((built_site / "api" / "models").glob("*.json"))
    assert {f.stem for f in files} == set(CATALOG.models)
    for entry in doc["models"]:
        own = json.loads((built_site / "api" / "models" / f"{entry['id']}.json").read_text(encoding="utf-8"))
        assert (own["format"], own["version"], own["as_of"]) == ("llm-compare/model", 3, doc["as_of"])
        assert own["model"] == entry
        assert {tuple(p["models"]) for p in own["pairs"]} == {tuple(p["models"]) for p in doc["pairs"] if entry["id"] in p["models"]}
    gpt4o = json.loads((built_site / "api" / "models" / "gpt-4o.json").read_text(encoding="utf-8"))["model"]
    model = CATALOG.models["gpt-4o"]
    assert gpt4o["strengths"] == list(model.strengths) and gpt4o["limitations"] == list(model.limitations)
    assert gpt4o["caveats"][0]["about"] == "knowledge_cutoff" and gpt4o["caveats"][0]["sources"][0]["url"].startswith("https://")


def test_pairs_carry_their_texts(built_site):
    doc = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    featured = next(p for p in doc["pairs"] if p["models"] == ["gpt-4o", "gpt-4o-mini"])
    assert featured["featured"] and featured["editorial"]["intro"]
    assert featured["verdict"].endswith(".") and featured["differences"]
    assert all(d["sentence"] and d["dimension"] for d in featured["differences"])
    assert any(d["favours"] == "gpt-4o-mini" for d in featured["differences"] if d["topic"] == "blended")
    plain = next(p for p in doc["pairs"] if not p["featured"])
    assert plain["editorial"] is None and plain["differences"]


def price_on(prices: list[dict], model_id: str, day: str) -> dict | None:
    """What a consumer does with api/prices.json: the entry with from <= day < to."""
    return next((p for p in prices if p["model"] == model_id and p["from"] <= day and (p["to"] is None or day < p["to"])), None)


def test_prices_json_gives_ranges_so_a_past_cost_can_be_computed(built_site):
    doc = json.loads((built_site / "api" / "prices.json").read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("llm-compare/prices", 3)
    prices = doc["prices"]
    assert len(prices) == sum(len(m.pricing) for m in CATALOG.models.values())
    for model in CATALOG.models.values():
        ranges = [p for p in prices if p["model"] == model.id]
        assert [p["from"] for p in ranges] == [p.since.isoformat() for p in model.pricing]
        assert [p["to"] for p in ranges] == [p.since.isoformat() for p in model.pricing[1:]] + ([None] if ranges else [])
    assert price_on(prices, "gpt-4o", "2024-06-01")["input"] == 5.0
    assert price_on(prices, "gpt-4o", "2024-10-02")["input"] == 2.5   # `to` is exclusive
    assert price_on(prices, "gpt-4o", "2024-05-12") is None           # before launch


def test_open_data_page_documents_the_version_and_the_new_files(built_site):
    from bs4 import BeautifulSoup
    page = BeautifulSoup((built_site / "data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = page.get_text(" ", strip=True)
    assert "version ( 3 )" in text or "version (3)" in text
    assert "Format versions" in text and "api/prices.json" in text and "feed.xml" in text
    hrefs = {a["href"] for a in page.find_all("a", href=True)}
    example = next(iter(CATALOG.models))
    assert {"../api/prices.json", "../feed.xml", "../changes.json", f"../api/models/{example}.json"} <= hrefs


def test_optional_fields_are_published_when_the_model_has_them():
    from dataclasses import dataclass
    from datetime import date

    from factories import model, price

    from types import SimpleNamespace

    from catalog.export import _model

    @dataclass(frozen=True)
    class Caps:
        tool_calling: bool
        reasoning_effort: tuple[str, ...]

    no_chain = SimpleNamespace(final_successor=lambda m: None)  # _model asks the catalog where a replacement chain ends
    plain = _model(model("m"), no_chain)
    assert (plain["verified"], plain["capabilities"], plain["price"]["tiers"], plain["price"]["cache_write"]) == (None, None, [], None)
    rich = model("r", pricing=(price("2024-05-13", 1.0, 4.0),))
    object.__setattr__(rich, "verified", date(2026, 11, 1))
    object.__setattr__(rich, "capabilities", Caps(True, ("low", "high")))
    out = _model(rich, no_chain)
    assert out["verified"] == "2026-11-01"
    assert out["capabilities"] == {"tool_calling": True, "reasoning_effort": ["low", "high"]}


def test_compare_json_is_small_and_has_what_the_compare_scripts_read(built_site):
    """The compare pages fetch api/compare.json, not the 3 MB api/models.json (issue #17)."""
    raw = (built_site / "api" / "compare.json").read_bytes()
    assert len(raw) <= 300_000, f"{len(raw):,} bytes"
    doc = json.loads(raw)
    full = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in doc["models"]] == [m["id"] for m in full["models"]]
    assert [p["page"] for p in doc["pairs"]] == [p["page"] for p in full["pairs"]]
    for small, big in zip(doc["models"], full["models"]):
        for key in ("name", "api_id", "vendor", "page", "released", "status", "context_window", "max_output_tokens",
                    "knowledge_cutoff", "reasoning", "modalities"):
            assert small[key] == big[key], key
        assert {k: s["value"] for k, s in small["scores"].items()} == {k: s["value"] for k, s in big["scores"].items()}
        assert (small["price"] or {}).get("input") == (big["price"] or {}).get("input")
    for page in ("compare/index.html", "compare/many/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'data-models="' in html and "api/compare.json" in html.split('data-models="')[1][:40]
    # The scripts read labels and which way is better from the fact registry, shipped as data.
    assert doc["facts"]["context_window"] == {"label": "Context window", "short": "Context window", "unit": "tokens",
                                              "format": "tokens", "better": "higher"}
    assert doc["facts"]["input"]["better"] == "lower" and doc["facts"]["knowledge_cutoff"]["better"] is None
    assert doc["retiring_horizon_days"] == 90


def test_every_price_entry_carries_the_bill_fields(built_site):
    # Issue 16 (version 3): components, service tiers, regions, scheduled and promotion on every entry; scheduled prices apart.
    doc = json.loads((built_site / "api" / "models.json").read_text(encoding="utf-8"))
    for entry in doc["models"]:
        assert isinstance(entry["scheduled_prices"], list)
        for price in ([entry["price"]] if entry["price"] else []) + entry["price_history"]:
            assert {"components", "service_tiers", "regions", "scheduled", "promotion"} <= set(price), entry["id"]
