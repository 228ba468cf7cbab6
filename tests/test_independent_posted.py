"""Figures an evaluator published after the snapshot: their own source is shown, and they are never ranked or tied against the snapshot's."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date

import pytest
from bs4 import BeautifulSoup
from factories import model
from helpers import DATA, ROOT, SCHEMA
from test_independent_data import figure, with_figures
from test_validation import one, problems

from catalog import load_catalog
from catalog.applications import rank
from catalog.export import _figure
from catalog.model import Application, Favour, IndependentFigure
from catalog.render import environment, render
from catalog.views import build_views, compare_figures, independent_rows, landscape

CATALOG = load_catalog(DATA, SCHEMA, "data/models.yaml")
ARENA = CATALOG.evaluators["arena"]
TEXT = ARENA.boards["text"]
SNAPSHOT = date(2026, 8, 19)
POST_URL = "https://lmarena.ai/blog/new-models-october"


def arena(value: float, half: float = 5.0, day: date = SNAPSHOT, **kw) -> IndependentFigure:
    return IndependentFigure(ARENA, TEXT, value, day, "row names no setting", kw.pop("row", "row"), "overall",
                             value - half, value + half, 5000, True, **kw)


def posted(value: float, day: date = date(2026, 10, 1)) -> IndependentFigure:
    return arena(value, day=day, row="new-model", url=POST_URL, title="New models on the Arena", read="page")


def arena_only() -> Application:
    favour = Favour("independent", label="Arena text overall", evaluator="arena", board="text", category="overall")
    return Application("arena-only", "Arena only", "s", "g", {}, (favour,))


# The schema and rules


POST = {"url": "https://artificialanalysis.ai/articles/intelligence-index-v4-2", "title": "Intelligence Index v4.2",
        "read": "quoted", "via": "https://example.org/blog/post", "index_version": "v4.2", "date": "2026-09-05"}


def test_the_schema_accepts_a_figure_with_its_own_source(tmp_path):
    assert problems(tmp_path, with_figures(figure(), figure(**POST))) == []


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "ftp://lmarena.ai/board", "lmarena.ai/leaderboard", "https://lmarena.ai/a b"])
def test_a_figure_url_that_is_not_http_is_refused(tmp_path, bad):
    found = one(problems(tmp_path, with_figures(figure(url=bad, date="2026-10-01"))), "independent.big-model[0].url")
    assert "http:// or https:// address" in found


def test_a_quoted_figure_without_via_is_refused(tmp_path):
    quoted = {k: v for k, v in POST.items() if k != "via"}
    found = one(problems(tmp_path, with_figures(figure(), figure(**quoted))), "independent.big-model[1].read")
    assert "read: quoted needs via:" in found


def test_a_later_figure_is_primary_in_its_own_edition_only(tmp_path):
    # Two primaries on one board and category are fine on two dates, refused on one.
    assert problems(tmp_path, with_figures(figure(), figure(**POST))) == []
    same_day = {**POST, "date": "2026-08-19", "index_version": None}
    same_day = {k: v for k, v in same_day.items() if v is not None}
    found = one(problems(tmp_path, with_figures(figure(), figure(**same_day))), "independent.big-model[1].primary")
    assert "already the primary one" in found


# Rankings and pair comparisons


def test_a_later_dated_arena_figure_is_not_ordered_against_snapshot_figures():
    # Enough snapshot figures for the board to rank (MIN_SCORED), far apart so they have an order.
    rated = [model(f"m{i}", independent=(arena(1400 - 50 * i),)) for i in range(9)]
    a = rated[0]
    c = model("c", independent=(posted(1600),))  # far above all of them, but on another date
    fit = rank(arena_only(), [*rated, c])
    assert [r.model.id for r in fit.ranked] == [m.id for m in rated]
    assert [r.model.id for r in fit.unscored] == ["c"]
    reason = fit.unscored[0].reasons[0]
    assert "published later and is not compared" in reason and "Oct 1, 2026" in reason
    assert c.figure("arena", "text", "overall") is None
    # Nor tied: an overlap test across dates is refused rather than answered.
    with pytest.raises(ValueError):
        a.independent[0].overlaps(posted(1400))
    assert compare_figures([a.independent[0], c.independent[0]], ["a", "c"]) == (
        "different dates or index versions: not comparable", None)


def test_a_pair_row_never_puts_a_later_figure_beside_a_snapshot_figure():
    a = model("a", independent=(arena(1400),))
    c = model("c", independent=(posted(1600),))
    rows = independent_rows(a, c, False)
    assert len(rows) == 2 and all(r.better is None and r.verdict == "" for r in rows)
    snapshot_row, later_row = rows
    assert snapshot_row.figures[1] is None and later_row.figures[0] is None
    assert "published after the snapshot" in later_row.label and "Oct 1, 2026" in later_row.label


def test_two_later_figures_of_one_date_do_compare():
    c = model("c", independent=(posted(1600),))
    d = model("d", independent=(posted(1500),))
    (row,) = independent_rows(c, d, False)
    assert row.verdict == "C ahead" and row.better == 0


def test_an_index_version_separates_two_figures_of_one_date():
    v41 = replace(posted(40.0), index_version="v4.1")
    v42 = replace(posted(50.0), index_version="v4.2")
    assert not v41.comparable(v42)
    assert compare_figures([v41, v42], ["a", "b"])[1] is None


# Pages and the export


def test_a_later_figure_links_its_own_page_not_the_evaluator_feed():
    base = CATALOG.models["gpt-6-astra"]
    shown = replace(base, independent=(posted(1450),))
    catalog = replace(CATALOG, models={**CATALOG.models, shown.id: shown})
    views = build_views(catalog)
    page = render(environment(), "model.md", f"models/{shown.id}/", m=shown, successors=(), catalog=catalog, views=views,
                  land=landscape(catalog, views))
    html = BeautifulSoup(page, "html.parser")
    table = html.find("table", attrs={"data-table": "independent"})
    assert table is not None
    links = [a["href"] for a in table.find_all("a", class_="src")]
    assert links == [POST_URL]
    assert "published after the snapshot" in table.get_text()
    assert _figure(shown.independent[0])["url"] == POST_URL
    # A quoted figure links its page and, beside it, the third party that quotes it.
    quoted = replace(shown, independent=(replace(posted(1450), read="quoted", via="https://example.org/quoting-post"),))
    catalog = replace(CATALOG, models={**CATALOG.models, quoted.id: quoted})
    page = render(environment(), "model.md", f"models/{quoted.id}/", m=quoted, successors=(), catalog=catalog, views=views,
                  land=landscape(catalog, views))
    table = BeautifulSoup(page, "html.parser").find("table", attrs={"data-table": "independent"})
    assert [a["href"] for a in table.find_all("a", class_="src")] == [POST_URL, "https://example.org/quoting-post"]


def test_the_importer_imports_only_figures_whose_model_and_board_exist(tmp_path):
    sys.path.insert(0, str(ROOT / "hooks"))
    import leaderboards_import as importer
    items = [
        {"model": "gpt-6-astra", "evaluator": "artificial_analysis", "board": "intelligence_index", "value": 55, "date": "2026-09-05",
         "index_version": "v4.2", "setting": "max effort", "row": "GPT-6 Astra (max)", "url": POST["url"], "read": "quoted",
         "via": "https://example.org/blog/post"},
        {"model": "gpt-9", "evaluator": "artificial_analysis", "board": "intelligence_index", "value": 70, "date": "2026-09-05",
         "setting": "max", "row": "GPT-9", "url": POST["url"], "read": "page"},
        {"model": "gpt-6-astra", "evaluator": "artificial_analysis", "board": "coding_agent_index", "value": 48, "date": "2026-09-05",
         "setting": "max", "row": "GPT-6 Astra", "url": POST["url"], "read": "page"},
        {"model": "gpt-6-astra", "evaluator": "artificial_analysis", "board": "output_speed", "value": 70, "date": None,
         "setting": "max", "row": "GPT-6 Astra", "url": POST["url"], "read": "page"},
    ]
    import yaml
    source, table = tmp_path / "figures.yaml", tmp_path / "posted.yaml"
    source.write_text(yaml.safe_dump(items), encoding="utf-8")
    added, skipped = importer.import_posts(source, table, list(CATALOG.models))
    assert added == 1 and len(skipped) == 3
    assert any("gpt-9" in s and "not in data/models.yaml" in s for s in skipped)
    assert any("no board 'coding_agent_index'" in s for s in skipped)
    assert any("undated" in s for s in skipped)
    figures = importer.posted_figures(importer.load_posted(table), list(CATALOG.models))
    assert figures["gpt-6-astra"][0]["url"] == POST["url"] and figures["gpt-6-astra"][0]["index_version"] == "v4.2"
