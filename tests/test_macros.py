"""Macros in hand-written pages: values from the data, errors with page and line, code left literal."""

from __future__ import annotations

from bs4 import BeautifulSoup
from helpers import run_build


def _page(project, name: str, text: str) -> None:
    (project / "docs" / name).write_text(text, encoding="utf-8")
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(nav + f"  - Test: {name}\n", encoding="utf-8")


def test_macros_render_values_with_sources_and_code_stays_literal(project):
    _page(project, "t.md", "# T\n\nPrice {{ price(\"gpt-4o-mini\", \"input\") }}; window {{ spec(\"gpt-4o-mini\", \"context_window\") }}.\n\n"
          "Launch {{ price(\"gpt-4o\", \"input\", when=\"launch\") }}.\n\n"
          "```\n{{ price(\"nope\") }}\n```\n\nInline `{{ raw }}` too.\n\n{{ model_table(vendor=\"openai\") }}\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    doc = BeautifulSoup((project / "site" / "t" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = doc.get_text()
    assert "Price $0.15; window 128,000 tokens." in text
    assert "Launch $5.00." in text
    assert '{{ price("nope") }}' in doc.find("pre").get_text()
    assert "{{ raw }}" in text
    assert doc.find("a", string="$0.15")["href"].startswith("https://")
    assert doc.select("table[data-table=catalog-table] tbody tr")


def test_unknown_model_fails_with_page_and_line(project):
    _page(project, "t.md", "# T\n\nfine\n\n{{ price(\"gpt-9\", \"input\") }}\n")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/t.md:5:1: macro: unknown model 'gpt-9'" in result.stderr


def test_unknown_field_fails_with_page_and_line(project):
    _page(project, "t.md", "# T\n\n{{ spec(\"gpt-4o\", \"colour\") }}\n")
    result = run_build(project)
    assert result.returncode != 0
    assert "docs/t.md:3:1: macro: unknown field 'colour'" in result.stderr


def test_page_without_macros_passes_through_untouched(project):
    _page(project, "t.md", "# T\n\nA {literal} brace, a } and a {: .x } stay.\n")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert "A {literal} brace, a } and a {: .x } stay." in (project / "site" / "t" / "index.html").read_text(encoding="utf-8")


def test_macro_error_line_counts_the_front_matter(project):
    _page(project, "t.md", "---\ntitle: T\n---\n\n# T\n\n{{ price(\"gpt-9\", \"input\") }}\n")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/t.md:7:1: macro: unknown model 'gpt-9'" in result.stderr
