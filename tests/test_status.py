"""Retiring soon, Data status and the weekly staleness check."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

from bs4 import BeautifulSoup
from factories import ACME, SRC, MMLU, model
from helpers import DATA, ROOT, SCHEMA, real_catalog

from catalog import load_catalog
from catalog.model import Catalog, Caveat, Retirement
from catalog.status import data_status, retiring_soon, stale_facts
from catalog.views import SiteViews, build_views

CATALOG = real_catalog()
AS_OF = date(2026, 1, 1)


def catalog_of(*models) -> Catalog:
    return Catalog({"acme": ACME}, {"mmlu": MMLU}, {m.id: m for m in models}, checked=AS_OF)


def retiring(shutdown: date, replacement: str | None = None) -> Retirement:
    return Retirement(SRC, date(2025, 10, 1), shutdown, replacement)


def test_retiring_soon_takes_shutdowns_in_the_180_days_after_as_of_soonest_first():
    cat = catalog_of(
        model("past", retirement=retiring(date(2025, 12, 31)), status="retired"),
        model("on-as-of", retirement=retiring(AS_OF)),
        model("soon", retirement=retiring(date(2026, 2, 1), "new")),
        model("edge", retirement=retiring(date(2026, 6, 30))),        # as_of + 180 days
        model("later", retirement=retiring(date(2026, 7, 1))),
        model("new", released=date(2025, 12, 1)),
        model("other-vendor-free"),
    )
    found = retiring_soon(cat, build_views(cat))
    assert [(r.model.id, r.days_left) for r in found] == [("soon", 31), ("edge", 180)]
    soon, edge = found
    assert soon.replacement.id == "new"
    assert edge.replacement is None and (edge.compare_url, edge.compare_query) == ("compare/", "?a=edge")


def test_retiring_soon_links_the_pair_page_when_there_is_one_else_compare_any_two():
    cat = catalog_of(model("old", retirement=retiring(date(2026, 2, 1), "new"), released=date(2024, 1, 1)),
                     model("new", released=date(2025, 6, 1)))
    views = build_views(cat)
    [item] = retiring_soon(cat, views)
    assert item.compare_url == "compare/new-vs-old/" and item.compare_query == ""
    no_pair = retiring_soon(cat, SiteViews(fits={}, pairs=()))
    assert (no_pair[0].compare_url, no_pair[0].compare_query) == ("compare/", "?a=old&b=new")


def test_retiring_page_lists_the_real_models_with_working_links(built_site):
    page = BeautifulSoup((built_site / "retiring" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = page.select("table[data-table=retiring] tbody tr")
    expected = sorted((m for m in CATALOG.models.values() if m.retirement and m.retirement.shutdown
                       and 0 < (m.retirement.shutdown - CATALOG.as_of).days <= 180),
                      key=lambda m: (m.retirement.shutdown, m.id))
    assert expected, "the real data has models retiring soon"
    assert [r["data-model"] for r in rows] == [m.id for m in expected]
    for row, retiring_model in zip(rows, expected):
        assert row.find("a", class_="src")["href"] == retiring_model.retirement.source.url
        internal = [a["href"] for a in row.find_all("a", href=True) if not a["href"].startswith(("https://", "http://"))]
        assert internal[0] == f"../models/{retiring_model.id}/"
        for href in internal:
            target = urlparse(urljoin("http://site/retiring/", href))
            assert (built_site / target.path.lstrip("/") / "index.html").exists(), href
        compare = urlparse(urljoin("http://site/retiring/", internal[-1]))
        assert compare.path.startswith("/compare/")
        if compare.path == "/compare/":
            assert parse_qs(compare.query)["a"] == [retiring_model.id]


def test_data_status_lists_gaps_and_caveats():
    old = model("old", status="active", scores={}, pricing=())
    scored = model("scored", scores={"mmlu": 80.0}, released=date(2024, 1, 1))
    gone = model("gone", status="retired", scores={})
    late = model("late", released=date(2024, 1, 1))       # first price 2024-05-13
    noted = model("noted", caveats=(Caveat("released", "Two dates", (SRC,)),))
    object.__setattr__(scored, "verified", date(2025, 3, 1))
    object.__setattr__(old, "verified", date(2024, 3, 1))
    status = data_status(catalog_of(old, scored, gone, late, noted))
    assert [v.model.id for v in status.oldest_verified] == ["late", "noted", "old", "scored"]   # served only
    assert [m.id for m in status.without_scores] == ["late", "noted", "old"]   # served only
    assert [m.id for m in status.without_price] == ["old"]
    assert [m.id for m in status.history_starts_late] == ["late", "scored"]
    assert [(m.id, c.about) for m, c in status.caveats] == [("noted", "released")]
    assert [m.id for m in status.without_capabilities] == ["late", "noted", "old", "scored"]


def test_data_status_page_matches_the_data(built_site):
    page = BeautifulSoup((built_site / "data-status" / "index.html").read_text(encoding="utf-8"), "html.parser")
    status = data_status(CATALOG)
    listed = [a.get_text() for a in page.select("ul[data-list=without-benchmark-scores] a")]
    assert listed == [m.name for m in status.without_scores] and listed
    assert len(page.select("ul[data-list=caveats] li")) == sum(len(m.caveats) for m in CATALOG.models.values())
    assert len(page.select("table[data-table=verified] tbody tr")) == sum(m.status != "retired" for m in CATALOG.models.values())


def test_stale_facts_flag_passed_shutdowns_not_retired_and_old_verification():
    late = model("late", status="deprecated", retirement=retiring(date(2026, 3, 1)))
    done = model("done", status="retired", retirement=retiring(date(2026, 3, 1)))
    checked = model("checked")
    object.__setattr__(checked, "verified", date(2026, 1, 1))
    cat = catalog_of(late, done, checked)
    assert stale_facts(cat, date(2026, 3, 1), 120) == []                       # the shutdown day itself
    found = stale_facts(cat, date(2026, 3, 2), 120)
    assert [path for path, _ in found] == [("models", "late", "status")]
    assert "2026-03-01 has passed (1 days ago) but status is 'deprecated'" in found[0][1]
    aged = stale_facts(cat, date(2026, 5, 2), 120)                             # 121 days after 2026-01-01
    # `late` has no verified date here (the schema requires one in a real file); `done` is retired: not re-checked.
    assert [path for path, _ in aged] == [("models", "checked", "verified"), ("models", "late", "status")]


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "hooks" / "check_data.py"), *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_weekly_check_command_passes_now_and_fails_with_file_line_column_once_stale():
    fresh = check("--stale-after", "120", "--today", CATALOG.as_of.isoformat())
    assert fresh.returncode == 0 and "nothing stale" in fresh.stdout
    line = DATA.read_text(encoding="utf-8").splitlines().index("  gpt-4o:") + 5   # its status: line
    stale = check("--stale-after", "120", "--today", "2027-06-01")
    assert stale.returncode == 1
    assert f"data/models.yaml:{line}:13: models.gpt-4o.status: the shutdown date 2027-01-14 has passed" in stale.stderr
    assert "models.gpt-4o.verified: " in stale.stderr and "last verified on 2026-11-25, 188 days ago (more than 120)" in stale.stderr


def test_plain_check_ignores_staleness(tmp_path: Path):
    assert check().returncode == 0
    assert check(str(DATA), "--today", "2099-01-01").returncode == 0
