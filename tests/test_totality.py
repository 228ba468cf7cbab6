"""Derive, render and export are total: every odd but legal file the check accepts builds every page.

Each case is a small valid file (tests/sample.py) bent towards an edge the
real data does not have yet: free prices later raised, nothing served, one
vendor, no prices at all, every optional field absent. The whole data step
runs (catalog.site.prepare), then the pages are searched for the words a
crash-free but wrong page would show.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any, Callable

import pytest
from helpers import SCHEMA
from sample import sample, write

from catalog.site import SitePlan, prepare

APP = {"name": "Chat", "summary": "Chat.", "guidance": "Guide.", "needs": {"api_price": True},
       "favours": [{"factor": "low_cost", "mix": [3, 1]}, {"factor": "benchmark", "benchmark": "mmlu"},
                   {"factor": "long_output"}, {"factor": "recent"}, {"factor": "long_context"}]}


def free_then_raised(d: dict) -> None:
    d["models"]["small-model"]["pricing"] = [{"since": "2024-07-18", "input": 0, "output": 0, "source": "launch"},
                                             {"since": "2024-09-01", "input": 1, "output": 2, "source": "launch"}]


def nothing_served(d: dict) -> None:
    # Every model still served but shutting down within 90 days of as_of: nothing
    # may be recommended. (Nothing served at all is refused: every vendor needs a
    # served model on as_of, see test_validation.)
    d["as_of"] = "2026-11-25"
    for m in d["models"].values():
        m["status"] = "deprecated"
        m["retirement"] = {"shutdown": "2026-12-01", "source": "launch"}
        m["caveats"] = [{"about": "replacement", "text": "The vendor names none.", "sources": ["launch"]}]


def one_vendor(d: dict) -> None:
    del d["models"]["small-model"], d["vendors"]["acme"]
    d["comparisons"] = []


def no_prices(d: dict) -> None:
    for m in d["models"].values():
        m.pop("pricing")
    d["models"]["big-model"]["sources"]["pricing"]["supports"] = ["status"]


def optional_fields_absent(d: dict) -> None:
    d["benchmarks"] = {}
    d.pop("comparisons"), d.pop("applications")
    for m in d["models"].values():
        for key in ("pricing", "scores", "max_output_tokens", "knowledge_cutoff"):
            m.pop(key, None)
        for s in m["sources"].values():
            s["supports"] = [x for x in s.get("supports", []) if x in ("released", "context_window", "modalities", "license")]
    d["models"]["big-model"]["sources"].pop("pricing")


def all_free(d: dict) -> None:
    for m in d["models"].values():
        for p in m["pricing"]:
            p.update(input=0, output=0)
            p.pop("cached_input", None)


def nobody_qualifies(d: dict) -> None:
    d["applications"]["chat"]["needs"] = {"min_context": 100_000_000}


def identical_models(d: dict) -> None:
    big, small = d["models"]["big-model"], d["models"]["small-model"]
    small["pricing"] = [dict(big["pricing"][-1], since="2024-07-18", source="launch")]
    small["context_window"] = big["context_window"]
    small["scores"] = copy.deepcopy(big["scores"])
    big["scores"]["mmlu"]["source"] = small["scores"]["mmlu"]["source"] = "launch"


def extremes(d: dict) -> None:
    d["models"]["big-model"]["pricing"][-1].update(input=1000, output=1000, cached_input=1000)
    d["models"]["small-model"]["pricing"][0].update(input=0.000001, output=0.000001)
    d["models"]["small-model"].update(context_window=1, max_output_tokens=1)
    d["models"]["big-model"]["context_window"] = 100_000_000


def boundary_dates(d: dict) -> None:
    d["as_of"] = "2099-12-31"
    d["models"]["big-model"]["released"] = "1980-01-01"
    d["models"]["big-model"]["pricing"][0]["since"] = "1980-01-01"


def one_free_model_only(d: dict) -> None:
    one_vendor(d)
    d["models"]["big-model"]["pricing"] = [{"since": "2024-05-13", "input": 0, "output": 0, "source": "pricing"}]


def no_scores(d: dict) -> None:
    for m in d["models"].values():
        m.pop("scores")


CASES: dict[str, Callable[[dict], None]] = {f.__name__: f for f in (
    free_then_raised, nothing_served, one_vendor, no_prices, optional_fields_absent, all_free, nobody_qualifies,
    identical_models, extremes, boundary_dates, one_free_model_only, no_scores)}


def _plan(change: Callable[[dict], None], tmp_path: Path) -> SitePlan:
    data: dict[str, Any] = sample()
    data["applications"] = {"chat": copy.deepcopy(APP)}
    change(data)
    return prepare(write(tmp_path / "models.yaml", data), SCHEMA, "models.yaml", None)


@pytest.mark.parametrize("name", CASES)
def test_every_page_and_export_is_prepared(name: str, tmp_path: Path):
    plan = _plan(CASES[name], tmp_path)
    uris = {p.src_uri for p in plan.pages}
    assert {"models/index.md", "vendors/index.md", "charts.md", "calculator.md"} <= uris
    assert {f"models/{m}.md" for m in plan.catalog.models} | {f"applications/{a}.md" for a in plan.catalog.applications} <= uris
    text = "\n".join(p.markdown for p in plan.pages) + "".join(
        content if isinstance(content, str) else content.decode("utf-8") for _, content in plan.data_files)
    # What arithmetic on edge values prints when it goes wrong without raising.
    assert not re.findall(r".{30}(?:\bnan\b|\binf\b|∞|\bNone\b|NaN|Infinity).{30}", text)


def test_a_free_launch_price_later_raised_says_so(tmp_path: Path):
    plan = _plan(free_then_raised, tmp_path)
    text = "\n".join(p.markdown for p in plan.pages)
    assert "from free to &#36;1.25 blended" in text


def test_nothing_served_drops_the_context_chart(tmp_path: Path):
    charts = next(p.markdown for p in _plan(nothing_served, tmp_path).pages if p.src_uri == "charts.md")
    assert "Context windows of current models" not in charts
