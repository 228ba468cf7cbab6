"""Issue 16's price-entry fields: components with units, service tiers, regions, scheduled and promotional prices."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from helpers import SCHEMA
from sample import sample, write

from catalog import DataError, load_catalog

COMPONENTS = [{"item": "audio_input", "unit": "per_1m_tokens", "price": 40.0, "source": "pricing"},
              {"item": "web_search", "unit": "per_1k_calls", "price": 10.0}]
TIERS = [{"name": "flex", "multiplier": 0.5, "stacks_with": {"cached_input": True, "batch": False, "long_context_tiers": None}},
         {"name": "priority", "prices": {"input": 4.25, "output": 17.0}, "stacks_with": {"cached_input": None, "batch": False,
                                                                                         "long_context_tiers": None}}]


def load(tmp_path: Path, change: Any) -> Any:
    data = sample()
    data["as_of"] = "2026-12-01"
    change(data)
    write(tmp_path / "models.yaml", data)
    try:
        return load_catalog(tmp_path / "models.yaml", SCHEMA, "models.yaml")
    except DataError as error:
        return [str(p) for p in error.problems]


def entry(data: dict[str, Any], index: int = 1) -> dict[str, Any]:
    return data["models"]["big-model"]["pricing"][index]


def test_components_tiers_and_regions_are_read_and_exported(tmp_path):
    def change(d):
        entry(d).update(components=COMPONENTS, service_tiers=TIERS,
                        regions=[{"name": "eu", "multiplier": 1.1, "applies_to": "all usage", "source": "pricing"}])
    catalog = load(tmp_path, change)
    p = catalog.models["big-model"].current_price
    assert p.component("audio_input").price == 40.0 and p.component("audio_input").source.key == "pricing"
    assert p.service_tier("flex").multiplier == 0.5 and p.service_tier("flex").stacks_with.long_context_tiers is None
    assert p.service_tier("priority").prices.input == 4.25
    assert p.region("eu").multiplier == 1.1


def test_a_unit_must_fit_its_item(tmp_path):
    found = load(tmp_path, lambda d: entry(d).update(components=[{"item": "audio_input_minute", "unit": "per_1m_tokens", "price": 1}]))
    assert any("audio_input_minute is priced per_minute (per minute); found per_1m_tokens" in f for f in found), found


def test_a_tier_has_exactly_one_of_multiplier_and_prices(tmp_path):
    both = {"name": "flex", "multiplier": 0.5, "prices": {"input": 1, "output": 2},
            "stacks_with": {"cached_input": True, "batch": True, "long_context_tiers": True}}
    found = load(tmp_path, lambda d: entry(d).update(service_tiers=[both]))
    assert any("exactly one of multiplier" in f for f in found), found


def test_a_scheduled_price_is_kept_apart_from_the_current_price(tmp_path):
    def change(d):
        d["models"]["big-model"]["pricing"].append({"since": "2027-03-01", "input": 5.0, "output": 20.0, "source": "pricing",
                                                    "scheduled": True})
    m = load(tmp_path, change).models["big-model"]
    assert m.current_price.input == 2.5 and [p.since for p in m.pricing] == [date(2024, 5, 13), date(2024, 10, 2)]
    assert [p.input for p in m.scheduled_prices] == [5.0]
    assert m.price_on(date(2027, 3, 1)).input == 5.0 and m.price_on(date(2027, 2, 28)).input == 2.5


def test_a_future_price_without_scheduled_is_refused(tmp_path):
    found = load(tmp_path, lambda d: d["models"]["big-model"]["pricing"].append(
        {"since": "2027-03-01", "input": 5.0, "output": 20.0, "source": "pricing"}))
    assert any("add scheduled: true" in f for f in found), found


def test_an_ended_promotion_gives_way_to_the_regular_price(tmp_path):
    catalog = load(tmp_path, lambda d: entry(d).update(promotion={"until": "2026-11-30", "regular": {"input": 3.0, "output": 12.0}}))
    p = catalog.models["big-model"].current_price
    assert (p.input, p.output, p.since, p.promotion) == (3.0, 12.0, date(2026, 12, 1), None)


def test_a_running_promotion_is_the_current_price(tmp_path):
    catalog = load(tmp_path, lambda d: entry(d).update(promotion={"until": None}))
    p = catalog.models["big-model"].current_price
    assert p.input == 2.5 and p.promotion is not None and p.promotion.until is None


def test_an_ended_promotion_with_no_price_after_it_is_reported(tmp_path):
    found = load(tmp_path, lambda d: entry(d).update(promotion={"until": "2026-11-30"}))
    assert any("the promotion ended on 2026-11-30" in f and "no price after it" in f for f in found), found


def test_model_pages_show_components_tiers_regions_promotions_and_changes_ahead():
    from bill_fixtures import AS_OF, FIXTURE_MODELS
    from factories import ACME

    from catalog.model import Catalog
    from catalog.render import environment, render
    from catalog.views import build_views, landscape

    catalog = Catalog({"acme": ACME}, {}, {m.id: m for m in FIXTURE_MODELS}, checked=AS_OF)
    views, env = build_views(catalog), environment()

    def page(model_id: str) -> str:
        m = catalog.models[model_id]
        return render(env, "model.md", f"models/{m.id}/", m=m, successors=(), catalog=catalog, views=views, land=landscape(catalog, views))

    assert "Other price components" in page("audio-x") and "per 1,000 calls" in page("audio-x") and "eu &#43;10 &#37;" in page("audio-x")
    tiers = page("tiers-x")
    assert "Service tiers" in tiers and "0.5 × standard" in tiers and "not stated" in tiers
    assert "Price change ahead:</strong> from Jan 1, 2027" in page("sched-x") and "?date=2027-01-01&amp;model=sched-x" in page("sched-x")
    assert "Promotional</strong> price until Dec 31, 2026" in page("promo-x")
