"""The open-data files, from the derived catalog: api/models.json, api/models/<id>.json,
api/prices.json (all versioned together) and models.csv.

Fields the data may not have yet (`verified`, `preview`, `capabilities`,
`license`, price `cache_write`, `cache_write_1h`, `tiers`) are read with
getattr and published as null when absent, so the documents keep one shape.
"""

from __future__ import annotations

import csv
import io
import dataclasses
import json
from datetime import date
from typing import Any, Optional

from .differences import blended_price
from .facts import CSV_COLUMNS, ENTRY_FIELDS, PRICE_FIELDS, RETIRING_HORIZON_DAYS, display_definitions
from .rows import model_cells, shipped_cells, shipped_rows
from .model import Catalog, Caveat, EditorialPoint, Model, PricePoint, Source
from .views import Pair, SiteViews

# Bump on any change a consumer could notice (renamed or removed field,
# changed meaning); adding a field keeps the version. The history is on the
# Open data page (hooks/templates/data.md).
API_VERSION = 3
# The CSV's columns and the price fields are the fact registry's (facts.py).


def models_document(catalog: Catalog, views: SiteViews) -> dict[str, Any]:
    return {
        "format": "llm-compare/models",
        "version": API_VERSION,
        "as_of": catalog.as_of.isoformat(),
        "license": "CC BY 4.0",
        "units": {"price": "USD per 1M tokens", "tokens": "tokens", "dates": "ISO 8601"},
        "vendors": [{"id": v.id, "name": v.name, "url": v.url} for v in catalog.vendors.values()],
        "benchmarks": [{"id": b.id, "name": b.name, "description": b.description, "unit": b.unit,
                        "higher_is_better": b.higher_is_better, "url": b.url} for b in catalog.benchmarks.values()],
        "models": [_model(m, catalog) for m in catalog.models.values()],
        "pairs": [_pair(p, views) for p in views.pairs],
    }


def models_json(catalog: Catalog, views: SiteViews) -> str:
    return _dump(models_document(catalog, views))


def model_documents(catalog: Catalog, views: SiteViews) -> dict[str, str]:
    """api/models/<id>.json for every model: the model and the pairs it is in, with their texts."""
    pairs = {p.slug: _pair(p, views) for p in views.pairs}  # each pair's sentences computed once, not once per model
    return {m.id: _dump({**_header(catalog, "llm-compare/model"), "model": _model(m, catalog),
                         "pairs": [pairs[p.slug] for p in views.pairs_of.get(m.id, ())]})
            for m in catalog.models.values()}


def prices_document(catalog: Catalog) -> dict[str, Any]:
    """Every price as a date range: it applies from `from` (inclusive) to `to` (exclusive; null = still current)."""
    ranges = []
    for m in sorted(catalog.models.values(), key=lambda m: m.id):
        for point, following in zip(m.pricing, m.pricing[1:] + (None,), strict=False):  # one longer when unpriced
            entry = _price(point)
            assert entry is not None  # a price entry gives a mapping
            entry.pop("since")
            ranges.append({"model": m.id, "from": point.since.isoformat(),
                           "to": following.since.isoformat() if following else None, **entry})
    return {**_header(catalog, "llm-compare/prices"), "prices": ranges}


def prices_json(catalog: Catalog) -> str:
    return _dump(prices_document(catalog))


def _header(catalog: Catalog, kind: str) -> dict[str, Any]:
    return {"format": kind, "version": API_VERSION, "as_of": catalog.as_of.isoformat(), "license": "CC BY 4.0",
            "units": {"price": "USD per 1M tokens", "tokens": "tokens", "dates": "ISO 8601"}}


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def models_csv(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in catalog.models.values():
        now, first = m.current_price, m.launch_price
        history = ";".join(f"{p.since.isoformat()}:{p.input:g}/{p.output:g}" for p in m.pricing)
        row = {
            "id": m.id, "api_id": m.typed_id, "name": m.name, "vendor": m.vendor.id, "released": m.released.isoformat(),
            "status": m.status, "context_window": m.context_window, "max_output_tokens": m.max_output_tokens,
            "knowledge_cutoff": m.knowledge_cutoff, "open_weights": str(m.open_weights).lower(), "reasoning": m.reasoning,
            "input_modalities": " ".join(m.input_modalities), "output_modalities": " ".join(m.output_modalities),
            "input_price": now and now.input, "cached_input_price": now and now.cached_input, "output_price": now and now.output,
            "blended_price_3_1": now and round(blended_price(now), 6), "price_since": now and now.since.isoformat(),
            "price_source": now and now.source.url, "launch_input_price": first and first.input,
            "launch_output_price": first and first.output, "launch_price_since": first and first.since.isoformat(),
            "price_history": history, "page": f"models/{m.id}/"}
        # The registry orders the columns (a KeyError here: a column the registry has and this row lacks).
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # Spreadsheets run a cell that starts with = + - @ as a formula; data
    # text must never do that (OWASP "CSV injection"). Numbers are safe.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not isinstance(value, (int, float)):
        return "'" + text
    return text


def _model(m: Model, catalog: Catalog) -> dict[str, Any]:
    return {
        "id": m.id, "api_id": m.typed_id, "name": m.name, "vendor": m.vendor.id,
        "released": m.released.isoformat(), "status": m.status, "summary": m.summary,
        "context_window": m.context_window, "max_output_tokens": m.max_output_tokens,
        "knowledge_cutoff": m.knowledge_cutoff, "open_weights": m.open_weights, "reasoning": m.reasoning,
        "snapshot": m.snapshot,
        "modalities": {"input": list(m.input_modalities), "output": list(m.output_modalities)},
        "announced_modalities": {"input": list(m.announced.input), "output": list(m.announced.output),
                                 "note": m.announced.note, "source": _source(m.announced.source)} if m.announced else None,
        "price": _price(m.current_price, blended=True),
        "price_history": [_price(p) for p in m.pricing],
        # Prices the vendor has announced for a date after as_of (never the current price before then).
        "scheduled_prices": [_price(p) for p in getattr(m, "scheduled_prices", ())],
        "scores": {k: {"value": s.value, "note": s.note or None, "source": _source(s.source)} for k, s in m.scores.items()},
        "retirement": {"announced": _iso(m.retirement.announced), "shutdown": _iso(m.retirement.shutdown),
                       "replacement": m.retirement.replacement,
                       # Where the replacement chain ends (the named replacement may itself have retired).
                       "final_replacement": getattr(catalog.final_successor(m), "id", None),
                       "source": _source(m.retirement.source)} if m.retirement else None,
        "strengths": list(m.strengths),
        "limitations": list(m.limitations),
        "caveats": [_caveat(c) for c in m.caveats],
        "verified": _iso(getattr(m, "verified", None)),
        "preview": getattr(m, "preview", None),
        "capabilities": _plain(getattr(m, "capabilities", None) or None),
        "license": _plain(getattr(m, "license", None)),
        "sources": [{**_source(s), "supports": list(s.supports)} for s in m.sources.values()],
        # Independent evaluators' figures (the primary one per board and category), apart from the vendor's scores.
        "independent": [_figure(f) for f in m.primary_figures],
        "page": f"models/{m.id}/",
        "api": f"api/models/{m.id}.json",
    }


def _figure(f: Any) -> dict[str, Any]:
    return {"evaluator": f.evaluator.id, "evaluator_name": f.evaluator.name, "url": f.source_url,
            "title": f.title or None, "read": f.read or f.evaluator.read, "via": f.via or (None if f.url else f.evaluator.via or None),
            "index_version": f.index_version or None, "posted": f.posted,
            "board": f.board.id, "board_name": f.board.name, "unit": f.board.unit, "higher_is_better": f.board.higher_is_better,
            "category": f.category, "value": f.value, "lower": f.lower, "upper": f.upper, "votes": f.votes,
            "date": f.date.isoformat(), "setting": f.setting, "row": f.row, "text": f.interval_text}


def _caveat(c: Caveat) -> dict[str, Any]:
    return {"about": c.about, "text": c.text, "sources": [_source(s) for s in c.sources]}


def _pair(p: Pair, views: SiteViews) -> dict[str, Any]:
    diffs = views.pair_differences(p)  # computed once per build, in build_views
    c = p.comparison

    def points(items: tuple[EditorialPoint, ...], title: str, body: str) -> list[dict[str, Any]]:
        return [{title: i.title, body: i.text, "sources": [_source(s) for s in i.sources]} for i in items]

    return {
        "models": [p.a.id, p.b.id], "page": p.url, "featured": c is not None,
        "verdict": views.verdict(p),
        "differences": [{"dimension": d.dimension, "topic": d.topic or None, "sentence": d.sentence, "favours": d.better,
                         "sources": [_source(s) for s in d.sources]} for d in diffs.items],
        "editorial": {"intro": c.intro or None, "differences": points(c.differences, "title", "text"),
                      "corrections": points(c.corrections, "claim", "correction"),
                      "choose": dict(c.choose), "conclusion": c.conclusion or None,
                      "sources": [_source(s) for s in c.sources]} if c else None,
    }


def _price(p: Optional[PricePoint], blended: bool = False) -> Optional[dict[str, Any]]:
    if p is None:
        return None
    out = {"since": p.since.isoformat(), **{name: getattr(p, name, None) for name in PRICE_FIELDS},
           "tiers": _plain(getattr(p, "tiers", None)) or [],
           # Issue 16: components, service tiers, regions, scheduled and promotion (version 3).
           **{name: _plain(getattr(p, name, None)) for name in ENTRY_FIELDS},
           "note": p.note or None, "source": _source(p.source)}
    if blended:
        out["blended_3_1"] = round(blended_price(p), 6)
    return out


def _source(s: Source) -> dict[str, Optional[str]]:
    # How it was read travels with every citation: "page", "copy" or "quoted" (then `via` says where).
    return {"title": s.title, "url": s.url, "publisher": s.publisher, "read": s.read or None, **({"via": s.via} if s.via else {})}


def _iso(value: Any) -> Optional[str]:
    return value.isoformat() if value else None


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dates as JSON values (the optional fields come in whatever shape model.py gives them)."""
    if isinstance(value, Source):
        return _source(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- api/compare.json: what the compare pages' scripts read, and nothing else -------------
# compare.js (differences, side by side) and compare-many.js need these fields only; the full
# api/models.json (sources, texts, every pair's sentences) is ten times the size. Same
# shapes as in models.json, so the scripts read either; kept at most 300 KB (tests/test_open_data.py).

def compare_document(catalog: Catalog, views: SiteViews) -> dict[str, Any]:
    def model(m: Model) -> dict[str, Any]:
        p = m.current_price
        return {
            "id": m.id, "api_id": m.typed_id, "name": m.name, "vendor": m.vendor.id, "page": f"models/{m.id}/",
            "released": m.released.isoformat(), "status": m.status, "knowledge_cutoff": m.knowledge_cutoff,
            "context_window": m.context_window, "max_output_tokens": m.max_output_tokens, "reasoning": m.reasoning,
            "modalities": {"input": list(m.input_modalities), "output": list(m.output_modalities)},
            "announced_modalities": {"input": list(m.announced.input), "output": list(m.announced.output)} if m.announced else None,
            "price": {"input": p.input, "cached_input": p.cached_input, "output": p.output} if p else None,
            "price_history": [{"since": x.since.isoformat(), "input": x.input, "output": x.output} for x in m.pricing],
            "scores": {k: {"value": s.value, "text": s.text, **({"note": s.note} if s.note else {})} for k, s in m.scores.items()},
            "retirement": {"shutdown": _iso(m.retirement.shutdown)} if m.retirement else None,
            # The cells of the comparison rows (hooks/catalog/rows.py), as the pair pages show them.
            "cells": shipped_cells(views.cells[m.id] if m.id in views.cells else model_cells(m, catalog.as_of)),
        }

    return {
        "format": "llm-compare/compare", "version": API_VERSION, "as_of": catalog.as_of.isoformat(), "license": "CC BY 4.0",
        "full": "api/models.json",
        # The fact registry's display part, so the scripts read labels, units and which way is better instead of
        # re-typing them: {fact: {label, short, unit, format, better: "higher" | "lower" | null}}.
        "facts": display_definitions(),
        # Guidance and "current" lists leave out models shutting down within this many days of as_of.
        "retiring_horizon_days": RETIRING_HORIZON_DAYS,
        "horizon_days": RETIRING_HORIZON_DAYS,
        # The rows every comparison shows, in order (hooks/catalog/rows.py): the scripts draw these, not their own.
        "rows": shipped_rows(catalog.benchmarks),
        "vendors": [{"id": v.id, "name": v.name} for v in catalog.vendors.values()],
        "benchmarks": [{"id": b.id, "name": b.name, "unit": b.unit, "higher_is_better": b.higher_is_better}
                       for b in catalog.benchmarks.values()],
        "models": [model(m) for m in catalog.models.values()],
        "pairs": [{"models": [p.a.id, p.b.id], "page": p.url} for p in views.pairs],
    }


def compare_json(catalog: Catalog, views: SiteViews) -> str:
    return json.dumps(compare_document(catalog, views), ensure_ascii=False, separators=(",", ":")) + "\n"
