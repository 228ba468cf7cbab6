"""A bad data edit stops the build with every problem listed, no traceback, and the last good site kept."""

from __future__ import annotations

import json
import re

import yaml
from helpers import ROOT, SCHEMA, run_build
from sample import dump, sample

import jsonschema


def test_bad_edit_fails_cleanly_and_keeps_the_last_good_site(project):
    good = run_build(project)
    assert good.returncode == 0, good.stderr
    index = project / "site" / "index.html"
    before = index.read_bytes()

    data = project / "data" / "models.yaml"
    text = data.read_text(encoding="utf-8")
    broken = text.replace("context_window: 128000", 'context_window: "128k"', 1).replace("vendor: openai", "vendor: opnai", 1)
    data.write_text(broken, encoding="utf-8")
    result = run_build(project)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "data/models.yaml has 2 problems; the site was not built" in result.stderr
    lines = [l.strip() for l in result.stderr.splitlines() if "data/models.yaml:" in l and ": models." in l]
    assert any("context_window: expected a whole number of tokens" in l for l in lines), result.stderr
    assert any("vendor: unknown vendor 'opnai'" in l for l in lines), result.stderr
    assert index.read_bytes() == before, "the last good site must survive a bad edit"


def test_generated_page_clashing_with_a_docs_file_is_an_error(project):
    (project / "docs" / "models").mkdir()
    (project / "docs" / "models" / "gpt-4o.md").write_text("# Mine\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    # Reported at the id's own line, by the data check, before site/ is touched.
    assert "data/models.yaml:" in result.stderr and "models.gpt-4o: this id's page models/gpt-4o.md would replace" in result.stderr


def _editor_view(text: str):
    """What an editor's YAML language server sees: dates stay strings."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)


def test_published_schema_and_validator_agree(tmp_path):
    """Files the editor's schema accepts, the build accepts (bar cross-field rules), and vice versa."""
    from catalog import DataError, load_catalog

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    def mutate(path, value):
        data = sample()
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return dump(data)

    m = ("models", "big-model")
    cases = {
        "sample": dump(sample()),
        "published": (ROOT / "data" / "models.yaml").read_text(encoding="utf-8"),
        "missing field": mutate(m + ("name",), KeyError),
        "string tokens": mutate(m + ("context_window",), "128k"),
        "unknown field": mutate(m + ("colour",), "red"),
        "bad status": mutate(m + ("status",), "beta"),
        "bad date": mutate(m + ("released",), "2024-02-30"),
        "bad url": mutate(m + ("sources", "launch", "url"), "javascript:alert(1)"),
        "negative price": mutate(m + ("pricing", 0, "input"), -1),
        "bad id": dump({**sample(), "vendors": {**sample()["vendors"], "Bad Id": {"name": "x", "url": "https://x.example/"}}}),
    }
    for name, text in cases.items():
        schema_ok = checker.is_valid(_editor_view(text))
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_catalog(path, SCHEMA, path.name)
            build_ok = True
        except DataError:
            build_ok = False
        assert schema_ok == build_ok == (name in {"sample", "published"}), name


def test_renamed_model_that_the_nav_names_stops_before_the_site_is_touched(project):
    """MkDocs itself would notice the missing nav page only at the end of a strict build, after cleaning site/."""
    (project / "site").mkdir()
    (project / "site" / "sentinel.txt").write_text("last good build\n", encoding="utf-8")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("gpt-4o-mini", "gpt-4o"), encoding="utf-8")
    data = project / "data" / "models.yaml"
    data.write_text(re.sub(r"(?<![-\w])gpt-4o-mini(?![-\w.])", "gpt-4o-small", data.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml:" in result.stderr and "nav: names compare/gpt-4o-vs-gpt-4o-mini.md" in result.stderr, result.stderr
    assert (project / "site" / "sentinel.txt").exists()
