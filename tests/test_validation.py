"""Every validation rule of issue #2: one clear line per problem, with file:line:column and field path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from helpers import ROOT, SCHEMA
from sample import dump, sample, write

from catalog import DataError, load_catalog


def problems(tmp_path: Path, data: dict[str, Any] | str | bytes) -> list[str]:
    target = tmp_path / "models.yaml"
    if isinstance(data, bytes):
        target.write_bytes(data)
    else:
        write(target, data)
    try:
        load_catalog(target, SCHEMA, "models.yaml")
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def mutated(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = sample()
    change(data)
    return data


def test_the_sample_is_valid(tmp_path):
    assert problems(tmp_path, sample()) == []


def test_the_published_data_file_is_valid():
    load_catalog(ROOT / "data" / "models.yaml", SCHEMA, "data/models.yaml")


# --- YAML-level rules -------------------------------------------------------

def test_unclosed_brace_is_reported_where_it_opens_not_a_line_later(tmp_path):
    found = problems(tmp_path, "vendors:\n  openai: {name: OpenAI\nmodels: {}\n")
    assert found == ["models.yaml:2:11: vendors.openai: YAML syntax error: this '{' has no closing '}' (noticed at line 3, column 7)"]


@pytest.mark.parametrize("text,expected", [
    ("models:\n  m:\n    modalities: {input: [text], output: [text]\n    status: active\n",
     "models.yaml:3:17: models.m.modalities: YAML syntax error: this '{' has no closing '}'"),
    ("models:\n  m:\n    strengths: [fast, cheap\n    status: active\n",
     "models.yaml:3:16: models.m.strengths: YAML syntax error: this '[' has no closing ']'"),
    ('models:\n  m:\n    name: "M\n    status: active\n',
     "models.yaml:3:11: models.m.name: YAML syntax error: this quote has no closing quote"),
    ("models:\n  m:\n    name: M\n    summary A model.\n    status: active\n",
     "models.yaml:4:5: models.m: YAML syntax error: this line has a key with no ':' after it"),
    ("models:\n  m:\n    pricing:\n      - {since: 2024-01-01, input: 1, output: 2}\n      - {since: 2024-02-01, input: 1\n    status: active\n",
     "models.yaml:5:9: models.m.pricing[1]: YAML syntax error: this '{' has no closing '}'"),
    ("models:\n  m:\n    pricing:\n      - since: 2024-01-01\n        input: [1\n    status: active\n",
     "models.yaml:5:16: models.m.pricing[0].input: YAML syntax error: this '[' has no closing ']'"),
])
def test_syntax_errors_point_at_the_line_to_fix_and_its_field(tmp_path, text, expected):
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_block_indentation_error_stays_on_its_own_line(tmp_path):
    found = problems(tmp_path, "models:\n  m:\n    name: x\n   status: y\n")
    assert len(found) == 1 and found[0].startswith("models.yaml:4:4: models.m.status: YAML syntax error"), found


def test_tabs_are_reported_on_every_line(tmp_path):
    found = problems(tmp_path, "vendors:\n\topenai: 1\nmodels:\n\tx: 2\n")
    assert [f.split(": ", 1)[0] for f in found] == ["models.yaml:2:1", "models.yaml:4:1"]
    assert all("tab character" in f for f in found)


def test_non_utf8_bytes_are_located(tmp_path):
    found = problems(tmp_path, b"vendors:\n  caf\xe9: 1\n")
    assert found == ["models.yaml:2:6: (top level): the file must be UTF-8; found the byte 0xe9, which is not valid UTF-8"]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_file(tmp_path, text):
    assert ["empty" in f for f in problems(tmp_path, text)] == [True]


@pytest.mark.parametrize("text,kind", [("- a\n- b\n", "a list"), ("just text\n", "the value 'just text'")])
def test_top_level_must_be_a_mapping(tmp_path, text, kind):
    assert problems(tmp_path, text) == [f"models.yaml:1:1: (top level): the top level must be a mapping (vendors:, benchmarks:, models:, ...), found {kind}"]


def test_duplicate_keys_at_any_depth(tmp_path):
    text = dump(sample()).replace("    name: Small Model\n", "    name: Small Model\n    name: Tiny Model\n", 1)
    text = text.replace("vendors:\n", "vendors:\n  acme: {name: A, url: 'https://a.example/'}\n", 1)
    found = problems(tmp_path, text)
    assert any("vendors.acme: duplicate key 'acme'" in f for f in found)
    assert any("models.small-model.name: duplicate key 'name'" in f and "first defined at line" in f for f in found)


def test_anchors_and_aliases_are_refused_and_stay_small(tmp_path):
    # Nine levels of nine aliases would be 9**9 items if expanded.
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    found = problems(tmp_path, "\n".join(lines) + "\n")
    assert any("an anchor (&a)" in f for f in found) and any("an alias (*a)" in f for f in found)


def test_non_finite_numbers(tmp_path):
    text = dump(sample()).replace("input: 5.0", "input: .nan", 1)
    assert any("pricing[0].input: expected a finite number, found .nan" in f for f in problems(tmp_path, text))


# --- schema rules -------------------------------------------------------------

def test_missing_required_field(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].pop("released")))
    assert any("models.big-model.released: missing required field 'released'" in f for f in found)


def test_wrong_type_for_a_token_count(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].update(context_window="128k")))
    assert any("models.big-model.context_window: expected a whole number of tokens" in f and "found a string '128k'" in f for f in found)


def test_unknown_field_suggests_the_right_name(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].update(contxt_window=1)))
    assert any("models.big-model.contxt_window: unknown field 'contxt_window'; did you mean 'context_window'?" in f for f in found)


@pytest.mark.parametrize("bad_id", ["GPT-4o", "../etc", "a/b", "gpt..4", "-x", "with space"])
def test_ids_must_be_safe_slugs(tmp_path, bad_id):
    def change(d):
        d["models"][bad_id] = d["models"].pop("small-model")
        d["comparisons"] = []
    found = problems(tmp_path, mutated(change))
    assert any(f"models.{bad_id}: expected a lowercase id" in f and f"found {bad_id!r}" in f for f in found)


def test_problem_points_at_the_line_of_the_value(tmp_path):
    text = dump(mutated(lambda d: d["models"]["big-model"]["pricing"][1].update(input=-1)))
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "input: -1" in l)
    found = problems(tmp_path, text)
    assert any(f.startswith(f"models.yaml:{line}:") and "models.big-model.pricing[1].input: expected a price" in f for f in found)


@pytest.mark.parametrize("value", [-1, 1000.5])
def test_prices_are_non_negative_and_below_the_sanity_bound(tmp_path, value):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["pricing"][0].update(output=value)))
    assert any("pricing[0].output: expected a price in USD per 1M tokens, from 0 to 1000" in f for f in found)


def test_status_and_modalities_come_from_fixed_lists(tmp_path):
    def change(d):
        d["models"]["big-model"]["status"] = "beta"
        d["models"]["big-model"]["modalities"]["input"].append("smell")
    found = problems(tmp_path, mutated(change))
    assert any("status: expected one of active, legacy, deprecated, retired, found a string 'beta'" in f for f in found)
    assert any("modalities.input[2]: expected one of text, image, audio, video, pdf" in f for f in found)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.example/", "https://x.example/a b", "//x.example"])
def test_links_are_http_only(tmp_path, url):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["sources"]["launch"].update(url=url)))
    assert any("sources.launch.url: expected an http:// or https:// address" in f for f in found)


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-01", "24-05-13", "May 2024"])
def test_dates_are_real_calendar_dates(tmp_path, date):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].update(released=date)))
    assert any("models.big-model.released: expected a real calendar date written YYYY-MM-DD" in f for f in found)


def test_unquoted_impossible_date_is_still_a_clear_error(tmp_path):
    text = dump(sample()).replace("released: '2024-05-13'", "released: 2024-02-30", 1)
    found = problems(tmp_path, text)
    assert any("models.big-model.released: expected a real calendar date" in f for f in found)


# --- cross-field rules --------------------------------------------------------

def test_reference_to_unknown_vendor(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].update(vendor="opnai")))
    assert any("models.big-model.vendor: unknown vendor 'opnai'; expected one of the ids under vendors: (acme, openai)" in f for f in found)


def test_reference_to_unknown_benchmark(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["scores"].update(mmmlu={"value": 1, "source": "launch"})))
    assert any("models.big-model.scores.mmmlu: unknown benchmark 'mmmlu'" in f for f in found)


def test_reference_to_unknown_source(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["pricing"][1].update(source="pricng")))
    assert any("pricing[1].source: names source 'pricng', which this model's sources: do not define" in f for f in found)


def test_comparison_of_unknown_model(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["comparisons"].append({"models": ["big-model", "nope"]})))
    assert any("comparisons[1].models[1]: unknown model 'nope'" in f for f in found)


def test_cached_input_cannot_exceed_input(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["pricing"][1].update(cached_input=3.0)))
    assert any("pricing[1].cached_input: expected at most the input price (2.5), found 3.0" in f for f in found)


def test_max_output_cannot_exceed_context(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].update(max_output_tokens=200000)))
    assert any("max_output_tokens: expected at most the context window (128,000), found 200,000" in f for f in found)


def test_pricing_entries_in_date_order(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["pricing"].reverse()))
    assert any("pricing[1].since: pricing entries must be oldest first" in f for f in found)


def test_percent_scores_within_0_to_100(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["scores"]["mmlu"].update(value=887)))
    assert any("scores.mmlu.value: expected a percentage from 0 to 100, found 887" in f for f in found)


def test_every_shown_fact_is_backed_by_a_source(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"]["sources"]["launch"]["supports"].remove("context_window")))
    assert any("models.big-model.context_window: no source backs this" in f for f in found)


def test_a_source_cannot_claim_a_fact_the_model_lacks(tmp_path):
    found = problems(tmp_path, mutated(lambda d: d["models"]["big-model"].pop("knowledge_cutoff")))
    assert any("sources.launch.supports: says it backs 'knowledge_cutoff', but the model has no knowledge_cutoff" in f for f in found)


def test_every_problem_is_reported_in_one_run(tmp_path):
    def change(d):
        d["models"]["big-model"].update(vendor="nobody", context_window="lots")
        d["models"]["small-model"]["pricing"][0].update(input=-3)
        d["models"]["small-model"]["extra"] = 1
    found = problems(tmp_path, mutated(change))
    # The unknown vendor also leaves vendor openai with no served model: five problems.
    assert len(found) == 5, found


# --- the command contributors run -------------------------------------------

def test_check_command_prints_problems_without_traceback(tmp_path):
    bad = write(tmp_path / "models.yaml", mutated(lambda d: d["models"]["big-model"].update(vendor="x")))
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "check_data.py"), str(bad)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "models.yaml:" in result.stderr and "models.big-model.vendor: unknown vendor 'x'" in result.stderr
    assert "models.yaml has 2 problems\n" in result.stderr and "site was not built" not in result.stderr  # checking builds nothing


def test_check_command_passes_the_published_file():
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "check_data.py")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "OK:" in result.stdout


# --- comparisons and applications ---------------------------------------------

def test_comparison_with_itself_or_listed_twice_in_either_order(tmp_path):
    def change(d):
        d["comparisons"] += [{"models": ["big-model", "big-model"]}, {"models": ["small-model", "big-model"]}]
    found = problems(tmp_path, mutated(change))
    assert any("comparisons[1].models: compares 'big-model' with itself" in f for f in found)
    assert any("comparisons[2].models: the pair small-model / big-model is already listed at comparisons[0]" in f for f in found)


def test_comparison_editorial_references(tmp_path):
    def change(d):
        d["comparisons"][0].update(
            differences=[{"title": "Size", "text": "t", "sources": ["nope"]}],
            choose={"big-model": "if x", "other-model": "if y"},
            sources={"unused": {"title": "U", "url": "https://u.example/"}})
    found = problems(tmp_path, mutated(change))
    assert any("comparisons[0].differences[0].sources[0]: names source 'nope'" in f for f in found)
    assert any("comparisons[0].choose.other-model: 'other-model' is not one of the pair" in f for f in found)
    assert any("comparisons[0].sources.unused: this source backs nothing" in f for f in found)


def _app(**favour):
    return {"name": "Bots", "summary": "s", "guidance": "g", "needs": {"input": ["text"]}, "favours": [favour]}


def test_application_rules(tmp_path):
    def change(d):
        d["applications"] = {
            "a": _app(factor="benchmark"),
            "b": _app(factor="benchmark", benchmark="nope"),
            "c": _app(factor="low_cost", benchmark="mmlu"),
            "d": _app(factor="speed"),
            "e": {**_app(factor="low_cost"), "needs": {"min_context": "32k"}},
        }
    found = problems(tmp_path, mutated(change))
    assert any("applications.a.favours[0]: factor 'benchmark' needs a benchmark" in f for f in found)
    assert any("applications.b.favours[0].benchmark: unknown benchmark 'nope'" in f for f in found)
    assert any("applications.c.favours[0].benchmark: only factor 'benchmark' takes a benchmark" in f for f in found)
    assert any("applications.d.favours[0].factor: expected one of low_cost, benchmark" in f for f in found)
    assert any("applications.e.needs.min_context: expected a whole number of tokens" in f for f in found)


# --- the market on as_of (issue #7) -------------------------------------------

AS_OF = "2026-11-25"


def one(found: list[str], path: str) -> str:
    hits = [f for f in found if f": {path}: " in f]
    assert len(hits) == 1, found
    assert hits[0].startswith("models.yaml:") and hits[0].split(":")[1].isdigit()
    return hits[0]


def test_replacement_must_name_a_model_in_the_file(tmp_path):
    def change(d):
        d["models"]["big-model"].update(status="deprecated", retirement={"shutdown": "2027-01-14", "replacement": "gpt-9", "source": "launch"})
    found = one(problems(tmp_path, mutated(change)), "models.big-model.retirement.replacement")
    assert "expected the id of a model in this file, found 'gpt-9'" in found


def test_replacement_in_the_file_is_accepted(tmp_path):
    def change(d):
        d["models"]["big-model"].update(status="deprecated", retirement={"shutdown": "2027-01-14", "replacement": "small-model", "source": "launch"})
    assert problems(tmp_path, mutated(change)) == []


def test_shutdown_on_or_before_as_of_needs_status_retired(tmp_path):
    def change(d):
        d["as_of"] = AS_OF
        d["models"]["big-model"].update(status="deprecated", retirement={"shutdown": AS_OF, "source": "launch"})
    found = one(problems(tmp_path, mutated(change)), "models.big-model.status")
    assert f"expected 'retired': the shutdown date {AS_OF} is on or before as_of ({AS_OF}); found 'deprecated'" in found


def test_release_and_price_dates_after_as_of_are_errors(tmp_path):
    def change(d):
        d["as_of"] = AS_OF
        d["models"]["big-model"]["released"] = "2026-12-01"
        d["models"]["big-model"]["pricing"][1]["since"] = "2026-12-02"
    found = problems(tmp_path, mutated(change))
    assert "expected a date on or before as_of (2026-11-25), found 2026-12-01" in one(found, "models.big-model.released")
    assert "found 2026-12-02" in one(found, "models.big-model.pricing[1].since")


def test_every_vendor_needs_a_model_served_on_as_of(tmp_path):
    def change(d):
        d["models"]["small-model"]["status"] = "retired"
    found = one(problems(tmp_path, mutated(change)), "vendors.acme")
    assert "expected at least one model of this vendor served on as_of" in found and found.startswith("models.yaml:5:3:")


def test_open_weights_need_a_licence_and_closed_ones_have_none(tmp_path):
    def change(d):
        del d["models"]["small-model"]["license"]
        d["models"]["small-model"]["sources"]["launch"]["supports"].remove("license")
        d["models"]["big-model"]["license"] = {"name": "MIT", "url": "https://opensource.org/license/mit"}
    found = problems(tmp_path, mutated(change))
    assert "open-weight models need a license" in one(found, "models.small-model.open_weights")
    assert any("models.big-model.license: only open-weight models have a licence" in f for f in found), found


def test_capabilities_need_a_source(tmp_path):
    def change(d):
        d["models"]["big-model"]["capabilities"] = {"tool_calling": True, "reasoning_effort": ["low", "high"]}
    found = problems(tmp_path, mutated(change))
    assert "no source backs this" in one(found, "models.big-model.capabilities.tool_calling")
    assert len(found) == 2

    def backed(d):
        change(d)
        d["models"]["big-model"]["sources"]["pricing"]["supports"] = ["capabilities"]
    assert problems(tmp_path, mutated(backed)) == []


def test_price_tiers_are_sorted_and_discounts_stay_below_the_tier_price(tmp_path):
    def change(d):
        d["models"]["big-model"]["pricing"][1]["tiers"] = [
            {"above": 200000, "input": 5.0, "output": 20.0, "cached_input": 6.0},
            {"above": 128000, "input": 4.0, "output": 16.0}]
    found = problems(tmp_path, mutated(change))
    assert "expected at most the input price (5.0), found 6.0" in one(found, "models.big-model.pricing[1].tiers[0].cached_input")
    assert "sorted by 'above'" in one(found, "models.big-model.pricing[1].tiers[1].above")


def test_verified_is_optional_but_never_after_as_of(tmp_path):
    def change(d):
        d["as_of"] = AS_OF
        del d["models"]["big-model"]["verified"]
        d["models"]["small-model"]["verified"] = "2026-11-30"
    found = problems(tmp_path, mutated(change))
    assert not any("models.big-model.verified" in f for f in found), found
    assert "found 2026-11-30" in one(found, "models.small-model.verified")


def test_a_pasted_binary_blob_is_one_problem_per_line_and_quick(tmp_path):
    import time

    blob = "\x00\x1b" * 100_000
    start = time.process_time()
    found = problems(tmp_path, dump(sample()).replace("summary: A small model.", f'summary: "Small{blob}"', 1))
    assert time.process_time() - start < 5
    controls = [f for f in found if "control character" in f]
    assert len(controls) == 1 and "U+0000 (NUL) (and 199,999 more on this line)" in controls[0]
    assert ": models.small-model.summary: " in controls[0]


def test_nesting_beyond_ten_levels_is_refused_with_its_place_before_parsing(tmp_path):
    found = problems(tmp_path, dump(sample()).replace("summary: A small model.", "summary: " + "[" * 5000 + "]" * 5000, 1))
    assert len(found) == 1 and "nested deeper than 10 levels" in found[0]
    assert ": models.small-model.summary[0][0]" in found[0]


def test_every_unknown_field_is_listed(tmp_path):
    data = sample()
    data["models"]["big-model"].update(colour="red", size="big", flavour="sweet")
    found = [f for f in problems(tmp_path, data) if "unknown field" in f]
    assert sorted(f.split(": ")[1] for f in found) == ["models.big-model.colour", "models.big-model.flavour", "models.big-model.size"]


def test_a_quoted_id_ending_in_a_newline_is_refused(tmp_path):
    text = dump(sample()).replace("  small-model:\n", '  "small-model\\n":\n', 1)
    assert any(r"models.small-model\n: expected a lowercase id" in f for f in problems(tmp_path, text))


def test_an_empty_models_mapping_says_how_many_are_needed(tmp_path):
    data = sample()
    data["models"], data["comparisons"] = {}, []
    assert any(f.endswith("models: expected at least 1 item(s), found 0") for f in problems(tmp_path, data))
