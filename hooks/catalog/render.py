"""Turn the catalog into page sources: one Jinja environment, templates beside the hooks."""

from __future__ import annotations

import json
from datetime import timedelta
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from . import text
from .bill import bill_options, model_entries
from .facts import CONTEXT_STEPS, UNIT_LABELS
from .charts import model_price_chart, site_charts
from .export import API_VERSION
from .differences import BLENDED_MIX, blended_price
from .model import MIN_SCORED, MIN_SCORED_SHARE, MODALITIES, RETIRING_HORIZON_DAYS, STATUSES, Catalog, Model, Source
from .status import RETIRING_WINDOW_DAYS, data_status, retiring_soon
from .views import (LONG_WORKLOAD, WORKLOAD, SiteViews, excluded_reasons, landscape, many_default,
                    succession, top_differences, independent_rows)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

REASONING_TEXT = {
    "none": "answers directly (no separate reasoning step)",
    "optional": "can reason before answering (switchable)",
    "always": "always reasons before answering",
}


@dataclass(frozen=True)
class PageSource:
    """A generated page: where it lives in the docs tree and its Markdown."""

    src_uri: str
    markdown: str


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process (a `mkdocs serve`, a test run).

    Each build makes a fresh environment; compiling its templates was most of
    the data step's time. Jinja checks each entry against the template's
    source, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment() -> jinja2.Environment:
    # Autoescape plus `inert` as finalize: every {{ }} value that is not
    # already Markup is escaped for HTML *and* Markdown, so templates can put
    # data in a heading, a table cell or an attribute without thinking twice.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        finalize=text.inert,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_COMPILED,
    )
    env.filters.update(
        url=text.safe_url,
        usd=text.usd,
        tokens_short=text.tokens_short,
        tokens_long=text.tokens_long,
        long_date=text.long_date,
        month=text.month_or_date,
        yaml_str=lambda value: Markup(json.dumps(str(text.inert(value)), ensure_ascii=False)),
        money=text.money,
        tier_row=lambda t: [t.above, t.input, t.output, t.cached_input, t.batch_input, t.batch_output],
        bill_entries=model_entries,
    )
    # The calculator's models: priced and served on as_of.
    env.tests["served_priced"] = lambda m, day: bool(m.current_price) and m.served_on(day)
    env.globals.update(modalities=MODALITIES, statuses=STATUSES, context_steps=CONTEXT_STEPS, reasoning_text=REASONING_TEXT, backed_by=backed_by, workload=WORKLOAD,
                       long_workload=LONG_WORKLOAD, excluded_reasons=excluded_reasons,
                       price_chart=model_price_chart, top_differences=top_differences,
                       succession=succession, blended_price=blended_price, blended_mix=BLENDED_MIX,
                       min_scored=MIN_SCORED, min_scored_share=MIN_SCORED_SHARE, independent_rows=independent_rows,
                       retiring_horizon_days=RETIRING_HORIZON_DAYS, horizon_days=RETIRING_HORIZON_DAYS,
                       bill_options=bill_options, unit_labels=UNIT_LABELS)
    return env


def linker(page_url: str) -> Callable[[str], Markup]:
    """`link(target)` for templates: a relative URL from the page being rendered."""
    return lambda target: Markup(text.relative_url(page_url, target))


def render(env: jinja2.Environment, template: str, page_url: str, **context: Any) -> str:
    return env.get_template(template).render(link=linker(page_url), **context)


def backed_by(model: Model, source: Source) -> list[str]:
    """Human names of the facts one source backs on a model page."""
    facts = [name.replace("_", " ") for name in source.supports]
    facts += [f"price since {p.since.isoformat()}" for p in model.pricing if p.source.key == source.key]
    facts += [f"{s.benchmark.name} score" for s in model.scores.values() if s.source.key == source.key]
    if model.announced and model.announced.source.key == source.key:
        facts.append("announced modalities")
    if model.retirement and model.retirement.source.key == source.key:
        facts.append("retirement dates")
    return facts


def model_url(model_id: str) -> str:
    return f"models/{model_id}/"


def generated_pages(catalog: Catalog, views: SiteViews, env: jinja2.Environment) -> list[PageSource]:
    """Every page the data implies."""
    shared = {"catalog": catalog, "views": views, "land": landscape(catalog, views)}
    pages = [
        PageSource("models/index.md", render(env, "models_index.md", "models/", **shared)),
        PageSource("vendors/index.md", render(env, "vendors_index.md", "vendors/", **shared)),
        PageSource("compare/index.md", render(env, "compare_any.md", "compare/", **shared)),
        PageSource("compare/many.md", render(env, "compare_many.md", "compare/many/", default_models=many_default(catalog), **shared)),
        PageSource("key-differences.md", render(env, "key_differences.md", "key-differences/", **shared)),
        PageSource("applications/index.md", render(env, "applications_index.md", "applications/", **shared)),
        PageSource("choose.md", render(env, "guide.md", "choose/", **shared)),
        PageSource("calculator.md", render(env, "calculator.md", "calculator/", **shared)),
        PageSource("charts.md", render(env, "charts.md", "charts/", charts=site_charts(catalog), **shared)),
        PageSource("data.md", render(env, "data.md", "data/", api_version=API_VERSION, **shared)),
        PageSource("retiring.md", render(env, "retiring.md", "retiring/", items=retiring_soon(catalog, views),
                                         window=RETIRING_WINDOW_DAYS, horizon=timedelta(days=RETIRING_WINDOW_DAYS), **shared)),
        PageSource("data-status.md", render(env, "data_status.md", "data-status/", status=data_status(catalog), **shared)),
    ]
    for model in catalog.models.values():
        pages.append(PageSource(f"models/{model.id}.md", render(env, "model.md", model_url(model.id), m=model,
                                                                    successors=catalog.successors(model), **shared)))
    for vendor in catalog.vendors.values():
        pages.append(PageSource(f"vendors/{vendor.id}.md", render(env, "vendor.md", f"vendors/{vendor.id}/", vendor=vendor,
                                                                  models=catalog.models_of(vendor.id), **shared)))
    for pair in views.pairs:
        pages.append(PageSource(f"compare/{pair.slug}.md", render(env, "pair.md", pair.url, pair=pair, diffs=views.pair_differences(pair),
                                                                  rows=views.rows[pair.slug], **shared)))
    for key, fit in views.fits.items():
        pages.append(PageSource(f"applications/{key}.md", render(env, "application.md", f"applications/{key}/", fit=fit, **shared)))
    return pages
