"""Everything the build writes from the data, prepared in one pure step before MkDocs touches site/.

MkDocs cleans the site directory after on_config; any failure after that
loses the last good build (and under `mkdocs serve` leaves every request
waiting for a rebuild that never finishes). So the hooks derive, render and
export here, in on_config, and the later events only hand over the results.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import jinja2

from . import load_catalog
from .export import compare_json, model_documents, models_csv, models_json, prices_json
from .feed import atom_feed, changes_json
from .handwritten import page_problems
from .model import Catalog
from .problems import DataError, Problem
from .render import PageSource, environment, generated_pages
from .views import SiteViews, build_views


@dataclass(frozen=True)
class SitePlan:
    catalog: Catalog
    views: SiteViews
    env: jinja2.Environment
    pages: tuple[PageSource, ...]
    data_files: tuple[tuple[str, str | bytes], ...]    # (path in site, content): the open data and the feed
    source_date_epoch: int                    # the data's as_of, for deterministic stamps


def plan_site(catalog: Catalog, site_url: str = "", site_name: str = "") -> SitePlan:
    views = build_views(catalog)
    env = environment()
    pages = tuple(generated_pages(catalog, views, env))
    data_files: tuple[tuple[str, str | bytes], ...] = (("api/models.json", models_json(catalog, views)), ("api/prices.json", prices_json(catalog)),
                  ("api/compare.json", compare_json(catalog, views)),   # what the compare pages fetch (issue #17)
                  ("models.csv", models_csv(catalog)), ("feed.xml", atom_feed(catalog, site_url, site_name)),
                  ("changes.json", changes_json(catalog, site_url)),
                  *((f"api/models/{key}.json", document) for key, document in model_documents(catalog, views).items()))
    return SitePlan(catalog, views, env, pages, data_files, calendar.timegm(catalog.as_of.timetuple()))


def prepare(data_file: Path, schema_file: Path, shown: str, docs_dir: Optional[Path],
            settings: Optional[SiteSettings] = None) -> SitePlan:
    """The build's whole data step, shared by hooks/data.py and hooks/check_data.py: what one accepts, the other builds."""
    settings = settings or SiteSettings()
    catalog = load_catalog(data_file, schema_file, shown, docs_dir)
    try:
        plan = plan_site(catalog, settings.site_url, settings.site_name)
    except Exception as error:  # noqa: BLE001 - the last line of defence, see below
        # The check is meant to reject every file the pipeline cannot build
        # (tests/test_hostile.py holds the cases); if one slips through, still
        # stop here, before site/ is touched, with one line, not a traceback.
        raise DataError(shown, [Problem(1, 1, (), f"the data passed the check but the pages could not be prepared "
                                                  f"({type(error).__name__}: {error}); please report this with the file")]) from None
    twice = duplicate_addresses(plan.pages)
    if twice:
        raise DataError(shown, [Problem(1, 1, (), f"the data implies two pages at the same address: {', '.join(twice)}; rename one of the ids")])
    if docs_dir is not None:
        # A data edit can break a hand-written page's macro (a renamed model
        # id, a price removed); the macro hook would only find out after
        # MkDocs has cleaned site/, so expand those pages here first.
        problems = page_problems(docs_dir, plan.pages, plan) + nav_problems(settings, docs_dir, plan)
        if problems:
            raise DataError(shown, problems)
    return plan


@dataclass(frozen=True)
class SiteSettings:
    """What the data step needs from mkdocs.yml, as MkDocs itself read it (tags such as !!python/name included)."""

    site_url: str = ""
    site_name: str = ""
    nav: Any = None
    config_file: Optional[Path] = None


def settings_from(config: Any) -> SiteSettings:
    """The settings from the config object MkDocs hands a hook (or load_config returns)."""
    return SiteSettings(str(config.get("site_url") or ""), str(config.get("site_name") or ""), config.get("nav"),
                        Path(config.config_file_path) if config.get("config_file_path") else None)


def nav_problems(settings: SiteSettings, docs_dir: Path, plan: SitePlan) -> list[Problem]:
    """nav: entries that name a page neither docs/ nor the data provides (MkDocs finds out only at the end, in strict mode)."""
    if not settings.nav:
        return []
    text = settings.config_file.read_text(encoding="utf-8", errors="replace") if settings.config_file else ""
    shown = settings.config_file.name if settings.config_file else "mkdocs.yml"
    generated = {p.src_uri for p in plan.pages}
    found = []
    for target in _nav_targets(settings.nav):
        if "://" in target or target in generated or (docs_dir / target).is_file():
            continue
        before = text[: max(text.find(f" {target}"), 0)]
        found.append(Problem(before.count("\n") + 1, 1, ("nav",), f"names {target}, which neither docs/ nor the data provides "
                                                               "(was a model id renamed?)", shown))
    return found


def _nav_targets(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [t for item in nav for t in _nav_targets(item)]
    if isinstance(nav, dict):
        return [t for value in nav.values() for t in _nav_targets(value)]
    return []


def duplicate_addresses(pages: tuple[PageSource, ...]) -> list[str]:
    """Addresses two generated pages would share (the data rules should make this impossible)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for p in pages:
        (twice if p.src_uri in seen else seen).add(p.src_uri)
    return sorted(twice)
