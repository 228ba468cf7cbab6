"""A hostile contributor's edits of the real data file, each with its expected outcome.

Every case edits data/models.yaml once (a regex replacement, anchored on the
gpt-4o entry where it can be) and runs the build's own data step
(`catalog.site.prepare`, which hooks/check_data.py and the on_config hook both
call). A rejected edit must raise DataError (never another exception) with a
problem at the edited line, on the named field, saying what was expected; an
accepted edit must prepare every page and export, with the hostile text inert.
A sample of both kinds also runs the real `mkdocs build` over an old site/
with a sentinel file: a rejected edit must leave it there.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import pytest
from helpers import DATA, ROOT, SCHEMA, run_build

from catalog import DataError
from catalog.site import SitePlan, prepare, settings_from

REAL = DATA.read_text(encoding="utf-8")
GPT4O = r"(?m)^  gpt-4o:\n"                      # the gpt-4o entry's key line
MKDOCS_SETTINGS = settings_from(__import__("mkdocs.config", fromlist=["load_config"]).load_config(str(ROOT / "mkdocs.yml")))
PROBLEM_LINE = re.compile(r"^\S+:\d+:\d+: \S.*: \S")  # file:line:col: field.path: message


@dataclass(frozen=True)
class Edit:
    """Replace the first match of `pattern` (after the gpt-4o key when `in_gpt4o`) with `new`."""

    pattern: str
    new: str
    in_gpt4o: bool = True
    count: int = 1

    def apply(self, text: str) -> tuple[str, int]:
        """The edited text and the line where the edit starts."""
        start = re.search(GPT4O, text).end() if self.in_gpt4o else 0
        match = re.compile(self.pattern, re.MULTILINE).search(text, start)
        assert match, f"edit anchor {self.pattern!r} no longer in data/models.yaml"
        head = text[: match.start()]
        body = re.compile(self.pattern, re.MULTILINE).sub(lambda _: self.new, text[match.start():], count=self.count)
        return head + body, head.count("\n") + 1


@dataclass(frozen=True)
class Rejected:
    field: str                  # a part of the field path the problem names
    says: str                   # a part of the message
    at_edit: bool = True        # the problem is on the edited line(s)


@dataclass(frozen=True)
class Accepted:
    inert: Optional[Callable[[SitePlan], bool]] = None   # what "rendered inert" means for this edit


@dataclass(frozen=True)
class Case:
    name: str
    edit: Edit | Callable[[str], str]
    expect: Rejected | Accepted
    build: bool = False         # also run the real build over an old site with a sentinel
    extra: dict = field(default_factory=dict)


def gpt4o(pattern: str, new: str) -> Edit:
    return Edit(pattern, new)


def anywhere(pattern: str, new: str, count: int = 1) -> Edit:
    return Edit(pattern, new, in_gpt4o=False, count=count)


def page(plan: SitePlan, uri: str) -> str:
    return next(p.markdown for p in plan.pages if p.src_uri == uri)


def all_markdown(plan: SitePlan) -> str:
    return "\n".join(p.markdown for p in plan.pages)


def csv_row(plan: SitePlan, model_id: str) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(dict(plan.data_files)["models.csv"]))
    return next(r for r in rows if r["id"] == model_id)


DEEP = "[" * 3000 + "]" * 3000
LONG = "x" * 201

CASES = [
    # --- numbers --------------------------------------------------------------
    Case("float-context", gpt4o(r"context_window: 128000", "context_window: 128000.0"), Rejected("gpt-4o.context_window", "whole number")),
    Case("float-output", gpt4o(r"max_output_tokens: 16384", "max_output_tokens: 16384.0"), Rejected("gpt-4o.max_output_tokens", "whole number")),
    Case("k-suffix", gpt4o(r"context_window: 128000", 'context_window: "128k"'), Rejected("gpt-4o.context_window", "whole number")),
    Case("zero-context", gpt4o(r"context_window: 128000", "context_window: 0"), Rejected("gpt-4o.context_window", "between 1 and")),
    Case("negative-context", gpt4o(r"context_window: 128000", "context_window: -5"), Rejected("gpt-4o.context_window", "between 1 and")),
    Case("huge-context", gpt4o(r"context_window: 128000", "context_window: 1000000000000"), Rejected("gpt-4o.context_window", "between 1 and")),
    Case("bool-context", gpt4o(r"context_window: 128000", "context_window: true"), Rejected("gpt-4o.context_window", "whole number")),
    Case("output-over-context", gpt4o(r"max_output_tokens: 16384", "max_output_tokens: 200000"), Rejected("gpt-4o.max_output_tokens", "at most the context window")),
    Case("negative-price", gpt4o(r"input: 5\.0$", "input: -5.00"), Rejected("gpt-4o.pricing[0].input", "from 0 to 1000")),
    Case("nan-price", gpt4o(r"input: 5\.0$", "input: .nan"), Rejected("gpt-4o.pricing[0].input", "finite number")),
    Case("inf-price", gpt4o(r"input: 5\.0$", "input: .inf"), Rejected("gpt-4o.pricing[0].input", "finite number")),
    Case("overflow-price", gpt4o(r"input: 5\.0$", "input: 1.0e+400"), Rejected("gpt-4o.pricing[0].input", "finite number")),
    Case("text-price", gpt4o(r"input: 5\.0$", 'input: "5 USD"'), Rejected("gpt-4o.pricing[0].input", "price in USD")),
    Case("cached-over-input", gpt4o(r"cached_input: 1\.25", "cached_input: 3.25"), Rejected("gpt-4o.pricing[1].cached_input", "at most the input price")),
    Case("nan-score", gpt4o(r"value: 88\.7", "value: .nan"), Rejected("gpt-4o.scores.mmlu.value", "finite number")),
    Case("percent-over-100", gpt4o(r"value: 88\.7", "value: 188.7"), Rejected("gpt-4o.scores.mmlu.value", "percentage from 0 to 100")),
    Case("float-mix", anywhere(r"mix: \[3, 1\]", "mix: [3.0, 1]"), Rejected("favours[0].mix[0]", "whole number")),
    Case("zero-mix", anywhere(r"mix: \[3, 1\]", "mix: [0, 0]"), Rejected("favours[0].mix", "non-zero share")),
    Case("zero-weight", anywhere(r"weight: 2,", "weight: 0,"), Rejected("favours[0].weight", "weight from 0.1 to 10")),
    # --- dates ----------------------------------------------------------------
    Case("feb-30", gpt4o(r"released: 2024-05-13", "released: 2024-02-30"), Rejected("gpt-4o.released", "date")),
    Case("month-13", gpt4o(r"released: 2024-05-13", "released: 2024-13-01"), Rejected("gpt-4o.released", "date")),
    Case("datetime", gpt4o(r"released: 2024-05-13", "released: 2024-05-13 10:00:00"), Rejected("gpt-4o.released", "date")),
    Case("released-2200", gpt4o(r"released: 2024-05-13", "released: 2200-05-13"), Rejected("gpt-4o.released", "from 1980 to 2099")),
    Case("released-1970", gpt4o(r"released: 2024-05-13", "released: 1970-01-01"), Rejected("gpt-4o.released", "from 1980 to 2099")),
    Case("as-of-2200", anywhere(r"^as_of: .*$", "as_of: 2200-01-01"), Rejected("as_of", "from 1980 to 2099"), build=True),
    Case("as-of-before-epoch", anywhere(r"^as_of: .*$", "as_of: 1969-12-31"), Rejected("as_of", "from 1980 to 2099")),
    Case("as-of-year-1", anywhere(r"^as_of: .*$", 'as_of: "0001-01-01"'), Rejected("as_of", "from 1980 to 2099")),
    Case("cutoff-month-13", gpt4o(r'knowledge_cutoff: 2023-10$', 'knowledge_cutoff: "2023-13"'), Rejected("gpt-4o.knowledge_cutoff", "YYYY-MM")),
    Case("price-dates-reversed", gpt4o(r"since: 2024-10-02", "since: 2024-05-01"), Rejected("gpt-4o.pricing[1].since", "oldest first")),
    Case("shutdown-before-announced", gpt4o(r"shutdown: 2027-01-14", "shutdown: 2026-01-14"), Rejected("gpt-4o.retirement.shutdown", "on or after")),
    # --- ids and page addresses ------------------------------------------------
    Case("id-trailing-newline", anywhere(r"^  gpt-4o:$", '  "gpt-4o\\n":'), Rejected("models.gpt-4o\\n", "lowercase id")),
    Case("id-capitals", anywhere(r"^  gpt-4o:$", "  GPT-4o:"), Rejected("models.GPT-4o", "lowercase id")),
    Case("id-dot-dot", anywhere(r"^  gpt-4o:$", "  gpt..4o:"), Rejected("models.gpt..4o", "no '..'")),
    Case("id-leading-dash", anywhere(r"^  gpt-4o:$", '  "-gpt-4o":'), Rejected("models.-gpt-4o", "lowercase id")),
    Case("id-too-long", anywhere(r"^  gpt-4o:$", "  " + "g" * 81 + ":"), Rejected("models.ggg", "at most 80 characters, found 81")),
    Case("model-id-index", anywhere(r"^  gpt-4o:$", "  index:"), Rejected("models.index", "generated index page"), build=True),
    Case("vendor-id-index", anywhere(r"^  xai: ", "  index: "), Rejected("vendors.index", "generated index page")),
    Case("application-id-index", anywhere(r"^  chatbots:$", "  index:"), Rejected("applications.index", "generated index page")),
    Case("pair-slug-clash", anywhere(r"^  gpt-4o:$", "  gpt-4o-vs-x:"), Rejected("models.gpt-4o-vs-x", "may not contain '-vs-'")),
    Case("unknown-vendor", gpt4o(r"vendor: openai", "vendor: opnai"), Rejected("gpt-4o.vendor", "unknown vendor 'opnai'")),
    Case("unknown-source", gpt4o(r"source: caching", "source: cachin"), Rejected("gpt-4o.pricing[1].source", "names source 'cachin'")),
    Case("unknown-benchmark", gpt4o(r"      mmlu:\n        value", "      mmlx:\n        value"), Rejected("gpt-4o.scores.mmlx", "unknown benchmark")),
    Case("unknown-replacement-field", gpt4o(r"replacement: gpt-6-luna", "replacement: gpt-6-luna\n      successor: x"), Rejected("gpt-4o.retirement.successor", "unknown field")),
    Case("compare-with-itself", anywhere(r"models: \[gpt-4o, gpt-4o-mini\]", "models: [gpt-4o, gpt-4o]"), Rejected("comparisons[0].models", "itself")),
    Case("comparison-unknown-model", anywhere(r"models: \[gpt-4o, gpt-4o-mini\]", "models: [gpt-4o, gpt-9]"), Rejected("comparisons[0].models[1]", "unknown model 'gpt-9'")),
    # --- fields, vocabularies, text ------------------------------------------
    Case("two-unknown-fields", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\n    colour: red\n    size: big\n"), Rejected("gpt-4o.size", "unknown field 'size'"),
         extra={"also": ("gpt-4o.colour", "unknown field 'colour'")}),
    Case("typo-field", gpt4o(r"context_window: 128000", "contxt_window: 128000"), Rejected("gpt-4o.contxt_window", "did you mean 'context_window'")),
    Case("missing-status", gpt4o(r"    status: deprecated\n", ""), Rejected("gpt-4o.status", "missing required field", at_edit=False)),
    Case("bad-status", gpt4o(r"status: deprecated", "status: alive"), Rejected("gpt-4o.status", "expected one of")),
    Case("bad-modality", gpt4o(r"input:\n      - text\n      - image", "input:\n      - text\n      - smell"), Rejected("gpt-4o.modalities.input[1]", "expected one of")),
    Case("name-too-long", gpt4o(r"name: GPT-4o\n", f"name: {LONG}\n"), Rejected("gpt-4o.name", "at most 200 characters, found 201")),
    Case("summary-too-long", gpt4o(r"summary: .*\n", "summary: " + "y" * 2001 + "\n"), Rejected("gpt-4o.summary", "at most 2,000 characters")),
    Case("empty-name", gpt4o(r"name: GPT-4o\n", 'name: ""\n'), Rejected("gpt-4o.name", "")),
    Case("blank-name", gpt4o(r"name: GPT-4o\n", 'name: "   "\n'), Rejected("gpt-4o.name", "")),
    Case("javascript-url", gpt4o(r"url: https://openai.com/index/hello-gpt-4o/", "url: javascript:alert(1)"), Rejected("gpt-4o.sources.launch.url", "")),
    Case("url-with-quote", gpt4o(r"url: https://openai.com/index/hello-gpt-4o/", "url: 'https://openai.com/\"onmouseover=alert(1)'"), Rejected("gpt-4o.sources.launch.url", "")),
    Case("source-backs-nothing", gpt4o(r"^    sources:\n", "    sources:\n      stray:\n        title: Stray\n        url: https://example.org/\n"),
         Rejected("gpt-4o.sources.stray", "backs nothing")),
    Case("supports-absent-field", gpt4o(r"    snapshot: gpt-4o-2024-08-06\n", ""), Rejected("gpt-4o.sources.model_page.supports", "no snapshot", at_edit=False)),
    # --- YAML itself ------------------------------------------------------------
    Case("duplicate-key", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\n    name: GPT-4o again\n"), Rejected("gpt-4o.name", "duplicate key")),
    Case("anchor-alias", gpt4o(r"name: GPT-4o\n", "name: &n GPT-4o\n    summary2: *n\n"), Rejected("models.gpt-4o.name", "anchors and aliases are not allowed")),
    Case("merge-key", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\n    <<: {status: active}\n"), Rejected("", "key must be plain text")),
    Case("tab-indent", gpt4o(r"    name: GPT-4o\n", "\tname: GPT-4o\n"), Rejected("", "tab character")),
    Case("syntax-error", gpt4o(r"input: \[text, image\]", "input: [text, image"), Rejected("", "YAML syntax error", at_edit=False)),
    Case("binary-tag", gpt4o(r"name: GPT-4o\n", "name: !!binary aGVsbG8=\n"), Rejected("gpt-4o.name", "binary values")),
    Case("python-tag", gpt4o(r"name: GPT-4o\n", "name: !!python/object:os.system echo\n"), Rejected("gpt-4o.name", "cannot read the value")),
    Case("nul-byte", gpt4o(r"name: GPT-4o\n", "name: GPT\x00-4o\n"), Rejected("gpt-4o.name", "U+0000 (NUL)")),
    Case("raw-escape", gpt4o(r"name: GPT-4o\n", "name: GPT-4o \x1b[31mred\n"), Rejected("gpt-4o.name", "U+001B (ESC)")),
    Case("raw-del", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\x7f\n"), Rejected("gpt-4o.name", "U+007F (DEL)")),
    Case("raw-line-separator", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\u2028x\n"), Rejected("gpt-4o.name", "LINE SEPARATOR")),
    Case("escaped-esc", gpt4o(r"name: GPT-4o\n", 'name: "GPT-4o \\e[2J"\n'), Rejected("gpt-4o.name", "U+001B (ESC)"), build=True),
    Case("escaped-nul", gpt4o(r"summary: .*\n", 'summary: "a\\0b"\n'), Rejected("gpt-4o.summary", "U+0000 (NUL)")),
    Case("escaped-c1", gpt4o(r"name: GPT-4o\n", 'name: "GPT-4o\\x85"\n'), Rejected("gpt-4o.name", "U+0085")),
    Case("escaped-bell-in-key", gpt4o(r"    name: GPT-4o\n", '    "na\\ame": GPT-4o\n'), Rejected("gpt-4o.na\\x07me", "key without control characters")),
    Case("deep-brackets", gpt4o(r"summary: .*\n", f"summary: {DEEP}\n"), Rejected("gpt-4o.summary", "nested deeper than 10"), build=True),
    Case("deep-mappings", gpt4o(r"summary: .*\n", "summary: " + "{a: " * 200 + "1" + "}" * 200 + "\n"), Rejected("gpt-4o.summary", "nested deeper than 10")),
    Case("rename-model-a-page-uses", lambda t: re.sub(r"(?<![-\w])gpt-4o-mini(?![-\w.])", "gpt-4o-small", t),
         Rejected("nav", "names compare/gpt-4o-vs-gpt-4o-mini.md", at_edit=False), build=True),
    Case("not-utf8", lambda t: t.replace("name: GPT-4o\n", "name: GPT-4o\udce9\n", 1), Rejected("", "UTF-8")),
    Case("top-level-list", lambda t: "- just\n- a list\n", Rejected("", "top level must be a mapping", at_edit=False)),
    Case("empty-file", lambda t: "# nothing here\n", Rejected("", "the file is empty", at_edit=False)),
    Case("over-size-limit", lambda t: t + "#" * 5_000_000 + "\n", Rejected("", "expected at most 5,000,000", at_edit=False)),
    # --- accepted, and rendered inert ---------------------------------------
    Case("tab-in-quoted-string", gpt4o(r"name: GPT-4o\n", 'name: "GPT-4o\tOmni"\n'),
         Accepted(lambda plan: plan.catalog.models["gpt-4o"].name == "GPT-4o\tOmni" and "GPT-4o Omni" in page(plan, "models/gpt-4o.md"))),
    Case("script-in-summary", gpt4o(r"summary: .*\n", 'summary: "<script>alert(1)</script> <img src=x onerror=alert(2)>"\n'),
         Accepted(lambda plan: "<script>alert" not in all_markdown(plan) and "<img src=x" not in all_markdown(plan)), build=True),
    Case("jinja-in-name", gpt4o(r"name: GPT-4o\n", 'name: "{{ config }}{% raw %}"\n'),
         Accepted(lambda plan: "{{ config }}" not in all_markdown(plan) and "{% raw" not in all_markdown(plan) and "&#123;&#123; config &#125;&#125;" in page(plan, "models/gpt-4o.md"))),
    Case("markdown-link-in-summary", gpt4o(r"summary: .*\n", 'summary: "[click](javascript:alert(1)) **bold** `code` | cell"\n'),
         Accepted(lambda plan: "](javascript" not in all_markdown(plan) and "**bold**" not in page(plan, "models/gpt-4o.md"))),
    Case("csv-formula-name", gpt4o(r"name: GPT-4o\n", 'name: "=HYPERLINK(\\"https://evil.example\\")"\n'),
         Accepted(lambda plan: csv_row(plan, "gpt-4o")["name"].startswith("'="))),
    Case("newline-in-quoted-name", gpt4o(r"name: GPT-4o\n", 'name: "GPT-4o\\n# Heading"\n'),
         Accepted(lambda plan: "\n# Heading" not in all_markdown(plan))),
    Case("free-then-raised", gpt4o(r"input: 5\.0\n      output: 15\.0\n", "input: 0\n      output: 0\n"),
         Accepted(lambda plan: "from free to" in all_markdown(plan)), build=True),
    # Every vendor must have a model served on as_of (issue #7), so these two market edits are refused:
    Case("everything-retired", anywhere(r"status: (active|legacy|deprecated)", "status: retired", count=0),
         Rejected("vendors.openai", "expected at least one model of this vendor served on as_of", at_edit=False)),
    Case("as-of-2099", anywhere(r"^as_of: .*$", "as_of: 2099-12-31"),
         Rejected("gpt-4o.status", "on or before as_of (2099-12-31)", at_edit=False), build=True),
    # YAML 1.1 reads 128_000 as 128000, YAML 1.2 editors as text: refused rather than published as one reading.
    Case("underscored-int", gpt4o(r"context_window: 128000", "context_window: 128_000"),
         Rejected("gpt-4o.context_window", "'128_000' reads as 128,000 here (YAML 1.1) but differently in YAML 1.2 editors")),
    Case("octal-looking-int", gpt4o(r"context_window: 128000", "context_window: 0100000"),
         Rejected("gpt-4o.context_window", "YAML 1.2 editors")),
    Case("sexagesimal-price", gpt4o(r"input: 2\.5\n", "input: 1:30\n"), Rejected("gpt-4o.pricing", "YAML 1.2 editors")),
    Case("yes-for-true", gpt4o(r"open_weights: false", "open_weights: no"), Rejected("gpt-4o.open_weights", "YAML 1.2 editors")),
    Case("crlf-line-endings", lambda t: t.replace("\n", "\r\n"), Accepted(lambda plan: "gpt-4o" in plan.catalog.models)),
    Case("byte-order-mark", lambda t: "\ufeff" + t, Accepted(lambda plan: "gpt-4o" in plan.catalog.models)),
    Case("quoted-id", anywhere(r"^  gpt-4o:$", '  "gpt-4o":'), Accepted(lambda plan: "gpt-4o" in plan.catalog.models)),
    Case("name-at-limit", gpt4o(r"name: GPT-4o\n", f"name: {'x' * 200}\n"), Accepted(lambda plan: "x" * 200 in page(plan, "models/gpt-4o.md"))),
    Case("unicode-name", gpt4o(r"name: GPT-4o\n", "name: GPT-4o «Ω» 模型 🚀 مرحبا\n"), Accepted(lambda plan: "模型 🚀" in page(plan, "models/gpt-4o.md"))),
    # Issue #14, "located badly" and dates: each at its own line, on its field, saying what was expected.
    Case("id-ending-in-vs", anywhere(r"^  gpt-6-astra:$", "  gpt-6-astra-vs:"), Rejected("models.gpt-6-astra-vs", "may not start with 'vs-' or end with '-vs'")),
    Case("id-starting-with-vs", anywhere(r"^  gpt-6-astra:$", "  vs-gpt-6-astra:"), Rejected("models.vs-gpt-6-astra", "may not start with 'vs-' or end with '-vs'")),
    Case("escaped-noncharacter-name", gpt4o(r"name: GPT-4o\n", 'name: "GPT-4o\\uffff"\n'), Rejected("gpt-4o.name", "U+FFFF")),
    Case("raw-noncharacter-name", gpt4o(r"name: GPT-4o\n", "name: GPT-4o\ufffe\n"), Rejected("gpt-4o.name", "U+FFFE")),
    Case("price-1e-300", gpt4o(r"input: 2\.5\n", "input: 1.0e-300\n"), Rejected("gpt-4o.pricing[1].input", "at most 6 decimals")),
    Case("megabyte-key", gpt4o(r"    name: GPT-4o\n", "    " + "k" * 1_000_000 + ": 1\n    name: GPT-4o\n"), Rejected("gpt-4o.kkkk", "YAML syntax error")),
    Case("cutoff-after-as-of", gpt4o(r"knowledge_cutoff: 2023-10", "knowledge_cutoff: 2099-01"), Rejected("gpt-4o.knowledge_cutoff", "on or before as_of")),
    Case("retirement-announced-after-as-of", anywhere(r"^      announced: 2026-10-14$", "      announced: 2098-10-14"),
         Rejected("retirement.announced", "on or before as_of")),
    Case("verified-decades-before-release", gpt4o(r"verified: 2026-11-25", "verified: 1990-01-01"), Rejected("gpt-4o.verified", "on or after the release date")),
]


def _edited(case: Case) -> tuple[str, int]:
    if isinstance(case.edit, Edit):
        return case.edit.apply(REAL)
    return case.edit(REAL), 0


def _prepare(text: str, tmp_path: Path) -> SitePlan:
    target = tmp_path / "models.yaml"
    # surrogateescape turns the "not-utf8" case's \udce9 back into the raw byte 0xe9
    target.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    return prepare(target, SCHEMA, "data/models.yaml", ROOT / "docs", MKDOCS_SETTINGS)


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 60 and len({c.name for c in CASES}) == len(CASES)
    assert sum(isinstance(c.expect, Accepted) for c in CASES) >= 10 and sum(c.build for c in CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_edit(case: Case, tmp_path: Path):
    text, line = _edited(case)
    if isinstance(case.expect, Accepted):
        plan = _prepare(text, tmp_path)  # raises on any problem: the test fails with the report
        assert case.expect.inert is None or case.expect.inert(plan)
        return
    with pytest.raises(DataError) as caught:
        _prepare(text, tmp_path)
    error = caught.value
    report = error.report()
    lines = [str(p) for p in error.problems]
    # Every problem line is file:line:col: field: message, printable, and the report has no traceback.
    assert all(PROBLEM_LINE.match(s) for s in lines), report
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", report), "control characters reached the report"
    wanted = [case.expect.field and (case.expect.field, case.expect.says) or ("", case.expect.says)]
    if "also" in case.extra:
        wanted.append(case.extra["also"])
    for field_part, says in wanted:
        hits = [p for p in error.problems if field_part in str(p).split(": ")[1] and says in p.message]
        assert hits, f"no problem on {field_part!r} saying {says!r}:\n{report}"
        if case.expect.at_edit and line:
            span = range(line, line + 1 + max(case.edit.new.count("\n"), 1))
            assert any(p.line in span for p in hits), f"expected at line {line}:\n{report}"


SENTINEL = "sentinel.txt"


@pytest.mark.parametrize("case", [c for c in CASES if c.build], ids=[c.name for c in CASES if c.build])
def test_hostile_edit_build(case: Case, project: Path):
    """The real build: a rejected edit stops it with the located problem and leaves the old site alone."""
    (project / "site").mkdir()
    (project / "site" / SENTINEL).write_text("the last good build\n", encoding="utf-8")
    text, _ = _edited(case)
    (project / "data" / "models.yaml").write_bytes(text.encode("utf-8", errors="surrogateescape"))
    result = run_build(project)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if isinstance(case.expect, Rejected):
        assert result.returncode != 0
        assert (project / "site" / SENTINEL).exists(), "a rejected edit must leave the old site untouched"
        # Located in the data file, or in mkdocs.yml when the nav names a page the edit removed.
        assert re.search(r"(data/models\.yaml|mkdocs\.yml):\d+:\d+: ", result.stderr) and case.expect.says in result.stderr, result.stderr[-3000:]
    else:
        assert result.returncode == 0, result.stderr[-3000:]
        assert (project / "site" / "models" / "gpt-4o" / "index.html").is_file()
        html = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
        assert "<script>alert" not in html and "<img src=x" not in html


def test_a_megabyte_key_prints_a_short_line(tmp_path: Path):
    """The problem line names the key by its start and end, not the whole megabyte (issue #14)."""
    case = next(c for c in CASES if c.name == "megabyte-key")
    with pytest.raises(DataError) as caught:
        _prepare(_edited(case)[0], tmp_path)
    assert max(len(line) for line in caught.value.report().splitlines()) < 2_500
