"""How current the data is: models retiring soon, where facts need checking, and what is stale.

Pure functions of the catalog and a date. `retiring_soon` and `data_status`
feed the "Retiring soon" and "Data status" pages (dated by as_of, so the build
stays deterministic); `stale_facts` is the weekly check, dated by today.
Only served models count for the checks: a retired model's facts are history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional
from urllib.parse import urlencode

from .model import Catalog, Caveat, Model, Source
from .problems import Path
from .views import SiteViews

RETIRING_WINDOW_DAYS = 180


@dataclass(frozen=True)
class Retiring:
    model: Model
    shutdown: date
    days_left: int
    replacement_id: Optional[str]
    replacement: Optional[Model]      # None when the replacement is not in the data
    compare_url: str                  # site-relative: a pair page, or compare-any-two ...
    compare_query: str = ""           # ... with both models chosen ("?a=...&b=...")


@dataclass(frozen=True)
class Verified:
    model: Model
    verified: Optional[date]          # None: the model has no `verified` date of its own
    quoted: tuple[Source, ...] = ()   # its sources read only where a third party quotes them


@dataclass(frozen=True)
class DataStatus:
    oldest_verified: tuple[Verified, ...]     # served models, never checked first, then oldest check
    without_scores: tuple[Model, ...]
    without_capabilities: tuple[Model, ...]
    without_price: tuple[Model, ...]
    history_starts_late: tuple[Model, ...]    # first price entry dated after the release
    caveats: tuple[tuple[Model, Caveat], ...]


def retiring_soon(catalog: Catalog, views: SiteViews, within_days: int = RETIRING_WINDOW_DAYS) -> list[Retiring]:
    """Models whose shutdown falls after as_of and within `within_days` of it, soonest first."""
    start, end = catalog.as_of, catalog.as_of + timedelta(days=within_days)
    out = []
    for m in catalog.models.values():
        shutdown = m.retirement.shutdown if m.retirement else None
        if shutdown is None or not start < shutdown <= end:
            continue
        replacement_id = m.retirement.replacement if m.retirement else None
        replacement = catalog.final_successor(m)
        out.append(Retiring(m, shutdown, (shutdown - start).days, replacement_id, replacement,
                            *_compare_link(views, m, replacement)))
    return sorted(out, key=lambda r: (r.shutdown, r.model.id))


def data_status(catalog: Catalog) -> DataStatus:
    models = list(catalog.models.values())
    served = [m for m in models if m.served_on(catalog.as_of)]
    by_id = sorted(served, key=lambda m: m.id)
    dated = [Verified(m, m.verified, quoted(m)) for m in served]
    oldest = sorted(dated, key=lambda v: (v.verified is not None, v.verified or date.min, v.model.id))
    return DataStatus(
        oldest_verified=tuple(oldest),
        without_scores=tuple(m for m in by_id if not m.scores),
        without_capabilities=tuple(m for m in by_id if not m.capabilities),
        without_price=tuple(m for m in by_id if not m.pricing),
        history_starts_late=tuple(m for m in by_id if m.pricing and m.pricing[0].since > m.released),
        caveats=tuple((m, c) for m in sorted(models, key=lambda m: m.id) for c in m.caveats),
    )


def stale_facts(catalog: Catalog, today: date, max_age_days: int) -> list[tuple[Path, str]]:
    """What the weekly check fails on: shutdowns passed without `retired`, and served models verified too long ago."""
    found: list[tuple[Path, str]] = []
    for m in sorted(catalog.models.values(), key=lambda m: m.id):
        shutdown = m.retirement.shutdown if m.retirement else None
        if shutdown and shutdown < today and m.status != "retired":
            found.append((("models", m.id, "status"), f"the shutdown date {shutdown.isoformat()} has passed "
                          f"({(today - shutdown).days} days ago) but status is '{m.status}'; check the vendor's "
                          f"deprecations page and set status: retired"))
        if m.status == "retired" or m.verified is None:
            continue  # a retired model's facts are history now: no longer re-checked
        if (today - m.verified).days > max_age_days:
            found.append((("models", m.id, "verified"), f"facts last verified on {m.verified.isoformat()}, "
                          f"{(today - m.verified).days} days ago (more than {max_age_days}); re-check them against "
                          f"their sources and update the date"))
    return found


def unverified(catalog: Catalog) -> list[Model]:
    """Served models without a `verified` date: a cited page was read only as a third party quotes it (or never checked)."""
    return sorted((m for m in catalog.models.values() if m.served_on(catalog.as_of) and m.verified is None), key=lambda m: m.id)


def quoted(model: Model) -> tuple[Source, ...]:
    """A model's sources that were read only where a third party quotes them."""
    return tuple(s for s in model.sources.values() if s.read == "quoted")


def quoted_sources(model: Model) -> list[str]:
    """The keys of those sources, for the weekly check's list."""
    return [s.key for s in quoted(model)]


def _compare_link(views: SiteViews, model: Model, replacement: Optional[Model]) -> tuple[str, str]:
    if replacement is None:  # compare-any-two with this model chosen: the reader picks the other
        return "compare/", "?" + urlencode({"a": model.id})
    pair = next((p for p in views.pairs_of.get(model.id, ()) if replacement.id in (p.a.id, p.b.id)), None)
    if pair is not None:
        return pair.url, ""
    return "compare/", "?" + urlencode({"a": model.id, "b": replacement.id})
