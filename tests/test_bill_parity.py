"""The bill in Python (catalog/bill.py) equals the bill calculator.js computes, to the cent, line by line.

Every served model of the real data and the fixture models of bill_fixtures.py,
priced on every workload there, in one Chromium page that loads the real
docs/assets/calculator.js and evaluates all cases in one call.
"""

from __future__ import annotations

import dataclasses
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from bill_fixtures import AS_OF, FIXTURE_MODELS, WORKLOADS
from helpers import ROOT, real_catalog

from catalog.bill import Workload, bill_on, model_entries


CATALOG = real_catalog()
SERVED = [m for m in CATALOG.models.values() if m.current_price and m.served_on(CATALOG.as_of)]


def cents(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def js_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(ROOT / "docs" / "assets" / "calculator.js"))
    yield page
    page.close()


def own_workloads(m):
    """Every service tier and region the model's current or scheduled prices name, each on a cached, batch and a long
    workload, and every scheduled price on its own date: the real data's tiers and regions, whatever they are called."""
    points = ([m.current_price] if m.current_price else []) + list(m.scheduled_prices)
    tiers = sorted({t.name for p in points for t in p.service_tiers})
    regions = sorted({r.name for p in points for r in p.regions})
    loads = []
    for tier in tiers:
        loads += [(f"{tier}, cached", Workload(100_000, 4000, 1000, 2000, "1h", 1000, 200, service_tier=tier), None),
                  (f"{tier}, batch", Workload(100_000, 4000, 1000, output_tokens=1000, batch=True, service_tier=tier), None),
                  (f"{tier}, long", Workload(1000, 290_000, 20_000, output_tokens=3000, service_tier=tier), None)]
    for region in regions:
        loads.append((f"region {region}", Workload(50_000, 3000, 1000, output_tokens=800, searches=0.5, region=region,
                                                   service_tier=tiers[0] if tiers else ""), None))
    for p in m.scheduled_prices:
        loads.append((f"scheduled {p.since}", Workload(100_000, 3000, 1000, output_tokens=800, batch=True), p.since))
    return tuple(loads)


def test_python_and_javascript_bills_are_equal_on_every_served_model(js_page):
    models = [(m, CATALOG.as_of) for m in SERVED] + [(m, AS_OF) for m in FIXTURE_MODELS]
    plans = [(m, as_of, WORKLOADS + own_workloads(m)) for m, as_of in models]
    expected = [(m.id, name, bill_on(m, day or as_of, workload)) for m, as_of, loads in plans for name, workload, day in loads]
    # One call: each model's entries and workloads sent once, every bill computed in the page.
    arg = [[model_entries(m), as_of.isoformat(), [[dataclasses.asdict(w), day.isoformat() if day else None] for _, w, day in loads]]
           for m, as_of, loads in plans]
    got = js_page.evaluate("""text => {
        const B = window.llmCompareBill, out = [];
        for (const [entries, asOf, loads] of JSON.parse(text)) for (const [w, day] of loads) {
          const e = B.priceOn(entries, day || asOf);
          out.push(e ? B.bill(e, w) : null);
        }
        return JSON.stringify(out); }""", json.dumps(arg))
    cases = got = json.loads(got)
    differences = []
    for (model_id, name, py), js in zip(expected, got, strict=True):
        if py is None or js is None:
            if (py is None) != (js is None):
                differences.append((model_id, name, "priced in one only"))
            continue
        mine = [(line.label, line.quantity, line.unit, line.unit_price, cents(line.amount), line.note) for line in py.lines]
        theirs = [(line["label"], line["quantity"], line["unit"], line["unit_price"], cents(line["amount"]), line["note"])
                  for line in js["lines"]]
        if mine != theirs or cents(py.total) != cents(js["total"]) or list(py.notes) != js["notes"] or py.since.isoformat() != js["since"]:
            differences.append((model_id, name, mine, theirs, py.notes, js["notes"]))
    assert len(models) >= len(SERVED) + len(FIXTURE_MODELS) and len(SERVED) > 100
    extra = sum(len(loads) - len(WORKLOADS) for _, _, loads in plans)
    print(f"\nbill parity: {len(models)} models x {len(WORKLOADS)} workloads + {extra} for their own tiers, regions and "
          f"scheduled dates = {len(cases)} bills, {len(differences)} differences")
    assert not differences, differences[:3]
