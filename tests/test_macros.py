"""Macros in hand-written pages: values from the data, errors with page and line, code left literal."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import copy_project
from helpers import real_plan, run_build

from catalog.handwritten import page_problems


def _page(project, name: str, text: str) -> None:
    (project / "docs" / name).write_text(text, encoding="utf-8")
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(nav + f"  - Test: {name}\n", encoding="utf-8")


def _problems(tmp_path: Path, name: str, text: str) -> list[str]:
    """What the data step (the build's first event, before site/ is touched) says about one hand-written page."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / name).write_text(text, encoding="utf-8")
    plan = real_plan()
    return [str(p) for p in page_problems(docs, plan.pages, plan)]


@pytest.fixture(scope="module")
def macro_site(tmp_path_factory) -> Path:
    """One real build with two test pages: one using macros, one with braces but no macro."""
    project = copy_project(tmp_path_factory.mktemp("macros"))
    _page(project, "t.md", "# T\n\nPrice {{ price(\"gpt-4o-mini\", \"input\") }}; window {{ spec(\"gpt-4o-mini\", \"context_window\") }}.\n\n"
          "Launch {{ price(\"gpt-4o\", \"input\", when=\"launch\") }}.\n\n"
          "```\n{{ price(\"nope\") }}\n```\n\nInline `{{ raw }}` too.\n\n{{ model_table(vendor=\"openai\") }}\n")
    _page(project, "u.md", "# U\n\nA {literal} brace, a } and a {: .x } stay.\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_macros_render_values_with_sources_and_code_stays_literal(macro_site):
    doc = BeautifulSoup((macro_site / "t" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = doc.get_text()
    assert "Price $0.15; window 128,000 tokens." in text
    assert "Launch $5.00." in text
    assert '{{ price("nope") }}' in doc.find("pre").get_text()
    assert "{{ raw }}" in text
    assert doc.find("a", string="$0.15")["href"].startswith("https://")
    assert doc.select("table[data-table=catalog-table] tbody tr")


# A failing macro is refused by the data step, which the build runs first (tests/test_build_errors.py and
# tests/test_hostile.py check that the build stops there, without a traceback and before site/ is touched).
def test_unknown_model_fails_with_page_and_line(tmp_path):
    found = _problems(tmp_path, "t.md", "# T\n\nfine\n\n{{ price(\"gpt-9\", \"input\") }}\n")
    assert any(p.startswith("docs/t.md:5:1: macro: unknown model 'gpt-9'") for p in found), found


def test_unknown_field_fails_with_page_and_line(tmp_path):
    found = _problems(tmp_path, "t.md", "# T\n\n{{ spec(\"gpt-4o\", \"colour\") }}\n")
    assert any(p.startswith("docs/t.md:3:1: macro: unknown field 'colour'") for p in found), found


def test_page_without_macros_passes_through_untouched(macro_site):
    assert "A {literal} brace, a } and a {: .x } stay." in (macro_site / "u" / "index.html").read_text(encoding="utf-8")


def test_macro_error_line_counts_the_front_matter(project):
    _page(project, "t.md", "---\ntitle: T\n---\n\n# T\n\n{{ price(\"gpt-9\", \"input\") }}\n")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/t.md:7:1: macro: unknown model 'gpt-9'" in result.stderr
