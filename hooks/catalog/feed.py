"""The change feed: what happened to which model and when, from the data's own history.

Pure functions. A change is dated by the data, never by the build: a model's
release, every price entry after its first, a deprecation's announcement and a
shutdown. Anything dated after `as_of` has not happened yet and is left out;
the feed's own `updated` is `as_of`, so the same data gives the same bytes.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date, datetime, UTC
from typing import Any, Optional

from feedgen.feed import FeedGenerator

from . import text
from .differences import percent_change
from .model import Catalog, Model, Source

FEED_VERSION = 1
KINDS = ("new_model", "price_change", "deprecation", "shutdown")
TITLES = {"new_model": "New model", "price_change": "Price change", "deprecation": "Deprecation", "shutdown": "Shutdown"}


@dataclass(frozen=True)
class ChangeEntry:
    kind: str            # one of KINDS
    day: date
    model: Model
    summary: str
    source: Source

    @property
    def title(self) -> str:
        return f"{TITLES[self.kind]}: {self.model.name} ({self.model.vendor.name})"

    @property
    def key(self) -> str:
        """Stable within the site: one kind of change per model per day."""
        return f"{self.kind}-{self.model.id}-{self.day.isoformat()}"


def change_entries(catalog: Catalog) -> list[ChangeEntry]:
    """Every dated change up to as_of, newest first (then kind, then model id)."""
    found: list[ChangeEntry] = []
    for m in catalog.models.values():
        launch = m.launch_price
        price = f"; {text.usd(launch.input)} input / {text.usd(launch.output)} output per 1M tokens" if launch else ""
        found.append(ChangeEntry("new_model", m.released, m,
                                 f"{m.vendor.name} released {m.name} (API id {m.typed_id}) on {text.long_date(m.released)}: "
                                 f"{m.context_window:,}-token context{price}.", m.source_for("released") or _any_source(m)))
        for before, after in zip(m.pricing, m.pricing[1:], strict=False):  # each price and the next
            parts = [f"{label} {text.usd(getattr(before, name))} → {text.usd(getattr(after, name))} "
                     f"({percent_change(getattr(before, name), getattr(after, name))})"
                     for name, label in (("input", "input"), ("output", "output"))
                     if getattr(before, name) != getattr(after, name)]
            what = "; ".join(parts) if parts else "new price terms (input and output unchanged)"
            found.append(ChangeEntry("price_change", after.since, m,
                                     f"{m.name} price from {text.long_date(after.since)}: {what}, USD per 1M tokens.", after.source))
        r = m.retirement
        if r and r.announced:
            shutdown = f" shuts down on {text.long_date(r.shutdown)}" if r.shutdown else " is deprecated"
            found.append(ChangeEntry("deprecation", r.announced, m, f"{m.vendor.name} announced on {text.long_date(r.announced)} "
                                     f"that {m.name}{shutdown}{_replacement(catalog, r.replacement)}.", r.source))
        if r and r.shutdown:
            found.append(ChangeEntry("shutdown", r.shutdown, m, f"{m.name} stopped being served by {m.vendor.name}'s API on "
                                     f"{text.long_date(r.shutdown)}{_replacement(catalog, r.replacement)}.", r.source))
    kept = [e for e in found if e.day <= catalog.as_of]
    return sorted(kept, key=lambda e: (-e.day.toordinal(), KINDS.index(e.kind), e.model.id))


def changes_document(catalog: Catalog, base_url: str) -> dict[str, Any]:
    return {
        "format": "llm-compare/changes",
        "version": FEED_VERSION,
        "as_of": catalog.as_of.isoformat(),
        "kinds": list(KINDS),
        "changes": [{"id": e.key, "date": e.day.isoformat(), "kind": e.kind, "model": e.model.id, "model_name": e.model.name,
                     "vendor": e.model.vendor.id, "title": e.title, "summary": e.summary,
                     "source": {"title": e.source.title, "url": _http(e.source.url), "publisher": e.source.publisher},
                     "page": f"{base_url}models/{e.model.id}/"} for e in change_entries(catalog)],
    }


def changes_json(catalog: Catalog, base_url: str) -> str:
    return json.dumps(changes_document(catalog, base_url), ensure_ascii=False, indent=1) + "\n"


def atom_feed(catalog: Catalog, base_url: str, site_name: str) -> bytes:
    """Atom 1.0 via feedgen; every timestamp comes from the data (midnight UTC of its date)."""
    feed = FeedGenerator()
    feed.id(f"{base_url}feed.xml")
    feed.title(f"{site_name}: model changes")
    feed.subtitle("New models, price changes, deprecations and shutdowns, each with its primary source.")
    feed.author({"name": f"{site_name} contributors"})
    feed.link(href=f"{base_url}feed.xml", rel="self", type="application/atom+xml")
    feed.link(href=base_url or "./", rel="alternate", type="text/html")
    feed.language("en")
    feed.rights("Data and text CC BY 4.0")
    feed.updated(_stamp(catalog.as_of))
    for e in change_entries(catalog):
        item = feed.add_entry(order="append")
        item.id(f"{base_url}models/{e.model.id}/#{e.key}")
        item.title(e.title)
        item.updated(_stamp(e.day))
        item.published(_stamp(e.day))
        # One link only: feedgen 1.0.0 writes a link's href but drops its rel
        # and type, so a second (rel="related") link would become a second
        # "alternate", which Atom forbids. The source goes in the content.
        item.link(href=f"{base_url}models/{e.model.id}/", rel="alternate")
        item.summary(e.summary)
        item.content(_content_html(e), type="html")
        item.category(term=e.kind, label=TITLES[e.kind])
    return feed.atom_str(pretty=True)


def _content_html(e: ChangeEntry) -> str:
    source = _http(e.source.url)
    cited = (f'<a href="{html.escape(source, quote=True)}">{html.escape(e.source.title)}</a>' if source
             else html.escape(e.source.title))
    return f"<p>{html.escape(e.summary)}</p><p>Source: {cited}</p>"


def _stamp(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _replacement(catalog: Catalog, replacement: Optional[str]) -> str:
    if not replacement:
        return ""
    named = catalog.models[replacement].name if replacement in catalog.models else replacement
    return f"; suggested replacement: {named}"


def _any_source(m: Model) -> Source:
    return next(iter(m.sources.values()))


def _http(url: str) -> Optional[str]:
    return url if url.startswith(("https://", "http://")) else None
