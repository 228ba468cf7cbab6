"""Hand-written pages are checked in the data step, before MkDocs cleans site/: each fault is one located problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SCHEMA
from sample import sample, write

from catalog import DataError
from catalog.site import SiteSettings, prepare


def page_problems(tmp_path: Path, pages: dict[str, bytes | str], nav: object = None) -> list[str]:
    docs = tmp_path / "docs"
    for name, body in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(body, encoding="utf-8")
    docs.mkdir(exist_ok=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\nnav:\n" + "".join(f"  - {n}\n" for n in (nav or [])), encoding="utf-8")
    data = write(tmp_path / "models.yaml", sample())
    try:
        prepare(data, SCHEMA, "models.yaml", docs, SiteSettings(nav=nav, config_file=config))
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize("pages,expected", [
    ({"a.md": "# A\n\n{{ 1/0 }}\n"}, "docs/a.md:3:1: macro: this expression failed (ZeroDivisionError: division by zero)"),
    ({"b.md": 'x\n{% include "b.md" %}\n'}, "docs/b.md:2:1: macro: a page cannot include, import or extend another template ('b.md')"),
    ({"c.md": b"ok\nbad \xe9 byte\n"}, "docs/c.md:2:5: page: expected UTF-8 text, found the byte 0xe9"),
    ({"data.md": "# Mine\n"}, "docs/data.md:1:1: page: this page's address (data/) is generated from the data (data.md)"),
    ({"compare/big-model-vs-small-model.md": "# Mine\n"}, "docs/compare/big-model-vs-small-model.md:1:1: page: this page's address"),
    ({"e.markdown": "{{ model_link('nope') }}\n"}, "docs/e.markdown:1:1: macro: unknown model 'nope'"),
    ({"f.md": "# F\n\nSee [it](models/gpt-9.md).\n"}, "docs/f.md:3:5: link: links to models/gpt-9.md, which neither docs/ nor the data provides"),
    ({"g.md": "{{ ''.__class__.__mro__ }}\n"}, "docs/g.md:1:1: macro: "),
], ids=["division by zero", "self include", "not utf-8", "generated address", "generated pair address", "macro in .markdown",
        "link to a renamed model", "sandboxed"])
def test_a_bad_hand_written_page_is_one_located_problem(tmp_path, pages, expected):
    found = page_problems(tmp_path, pages)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_good_pages_links_and_code_blocks_pass(tmp_path):
    pages = {"index.md": "# Home\n\n[A model](models/big-model.md), [about](about.md), `[x](nope.md)`\n\n```\n[y](gone.md)\n```\n",
             "about.md": "{{ model_link('big-model') }} costs {{ price('big-model') }}.\n"}
    assert page_problems(tmp_path, pages) == []


def test_a_nav_entry_for_a_missing_page_is_reported_at_its_line(tmp_path):
    found = page_problems(tmp_path, {"index.md": "# Home\n"}, nav=["index.md", "models/gpt-9.md"])
    assert found == ["mkdocs.yml:4:1: nav: names models/gpt-9.md, which neither docs/ nor the data provides (was a model id renamed?)"]
