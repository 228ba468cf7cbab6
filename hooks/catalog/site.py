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
from typing import Optional

import jinja2

from . import load_catalog
from .export import models_csv, models_json
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
    data_files: tuple[tuple[str, str], ...]    # (path in site, content): the open data
    source_date_epoch: int                    # the data's as_of, for deterministic stamps


def plan_site(catalog: Catalog) -> SitePlan:
    views = build_views(catalog)
    env = environment()
    pages = tuple(generated_pages(catalog, views, env))
    data_files = (("api/models.json", models_json(catalog, views)), ("models.csv", models_csv(catalog)))
    return SitePlan(catalog, views, env, pages, data_files, calendar.timegm(catalog.as_of.timetuple()))


def prepare(data_file: Path, schema_file: Path, shown: str, docs_dir: Optional[Path]) -> SitePlan:
    """The build's whole data step, shared by hooks/data.py and hooks/check_data.py: what one accepts, the other builds."""
    catalog = load_catalog(data_file, schema_file, shown, docs_dir)
    try:
        plan = plan_site(catalog)
    except Exception as error:  # noqa: BLE001 - the last line of defence, see below
        # The check is meant to reject every file the pipeline cannot build
        # (tests/test_hostile.py holds the cases); if one slips through, still
        # stop here, before site/ is touched, with one line, not a traceback.
        raise DataError(shown, [Problem(1, 1, (), f"the data passed the check but the pages could not be prepared "
                                                  f"({type(error).__name__}: {error}); please report this with the file")]) from None
    twice = duplicate_addresses(plan.pages)
    if twice:
        raise DataError(shown, [Problem(1, 1, (), f"the data implies two pages at the same address: {', '.join(twice)}; rename one of the ids")])
    return plan


def duplicate_addresses(pages: tuple[PageSource, ...]) -> list[str]:
    """Addresses two generated pages would share (the data rules should make this impossible)."""
    seen: set[str] = set()
    return sorted({p.src_uri for p in pages if p.src_uri in seen or seen.add(p.src_uri)})
