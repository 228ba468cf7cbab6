"""The open-data files: api/models.json (versioned) and models.csv, from the derived catalog."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Optional

from .differences import blended_price
from .model import Catalog, Model, PricePoint, Source
from .views import SiteViews

# Bump on any change a consumer could notice (renamed or removed field,
# changed meaning); adding a field keeps the version.
API_VERSION = 1

CSV_COLUMNS = ("id", "api_id", "name", "vendor", "released", "status", "context_window", "max_output_tokens",
               "knowledge_cutoff", "open_weights", "reasoning", "input_modalities", "output_modalities",
               "input_price", "cached_input_price", "output_price", "blended_price_3_1", "price_since", "price_source",
               "launch_input_price", "launch_output_price", "launch_price_since", "price_history", "page")


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
        "models": [_model(m) for m in catalog.models.values()],
        "pairs": [{"models": [p.a.id, p.b.id], "page": p.url, "featured": p.comparison is not None} for p in views.pairs],
    }


def models_json(catalog: Catalog, views: SiteViews) -> str:
    return json.dumps(models_document(catalog, views), ensure_ascii=False, indent=1) + "\n"


def models_csv(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in catalog.models.values():
        now, first = m.current_price, m.launch_price
        history = ";".join(f"{p.since.isoformat()}:{p.input:g}/{p.output:g}" for p in m.pricing)
        writer.writerow([_cell(v) for v in (
            m.id, m.typed_id, m.name, m.vendor.id, m.released.isoformat(), m.status, m.context_window,
            m.max_output_tokens, m.knowledge_cutoff, str(m.open_weights).lower(), m.reasoning,
            " ".join(m.input_modalities), " ".join(m.output_modalities),
            now and now.input, now and now.cached_input, now and now.output, now and round(blended_price(now), 6),
            now and now.since.isoformat(), now and now.source.url,
            first and first.input, first and first.output, first and first.since.isoformat(), history, f"models/{m.id}/")])
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


def _model(m: Model) -> dict[str, Any]:
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
        "scores": {k: {"value": s.value, "note": s.note or None, "source": _source(s.source)} for k, s in m.scores.items()},
        "retirement": {"announced": _iso(m.retirement.announced), "shutdown": _iso(m.retirement.shutdown),
                       "replacement": m.retirement.replacement, "source": _source(m.retirement.source)} if m.retirement else None,
        "sources": [{**_source(s), "supports": list(s.supports)} for s in m.sources.values()],
        "page": f"models/{m.id}/",
    }


def _price(p: Optional[PricePoint], blended: bool = False) -> Optional[dict[str, Any]]:
    if p is None:
        return None
    out = {"since": p.since.isoformat(), "input": p.input, "cached_input": p.cached_input, "output": p.output,
           "batch_input": p.batch_input, "batch_output": p.batch_output, "note": p.note or None, "source": _source(p.source)}
    if blended:
        out["blended_3_1"] = round(blended_price(p), 6)
    return out


def _source(s: Source) -> dict[str, str]:
    return {"title": s.title, "url": s.url, "publisher": s.publisher}


def _iso(value: Any) -> Optional[str]:
    return value.isoformat() if value else None
