"""The data diff on real edits of data/models.yaml: what a reviewer sees in facts, not YAML lines."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DATA, ROOT, SCHEMA

from catalog import parse_catalog
from catalog.datadiff import Side, diff_catalogs, diff_markdown, md_text

REAL = DATA.read_text(encoding="utf-8")
CODESTRAL = REAL[REAL.index("  codestral-2508:\n"):REAL.index("\n\n", REAL.index("  codestral-2508:\n"))]


def edited(*replacements: tuple[str, str]) -> str:
    text = REAL
    for old, new in replacements:
        assert text.count(old) >= 1, f"the real data no longer has {old!r}: update the test edit"
        text = text.replace(old, new, 1)
    return text


def summary(old: str, new: str) -> str:
    return diff_markdown(_side("OLD", old), _side("NEW", new))


@functools.lru_cache(maxsize=8)
def _catalog(text: str):
    """A valid text's catalog, parsed once: most tests diff the real file (2 s to check) against one edit of it, twice."""
    return parse_catalog(text.encode("utf-8"), SCHEMA, "data/models.yaml")


def _side(label: str, text: str) -> Side:
    from catalog import DataError
    try:
        return Side(label, _catalog(text))
    except DataError:
        try:  # again under its label, which the problem lines name (exceptions are not cached)
            parse_catalog(text.encode("utf-8"), SCHEMA, label)
        except DataError as error:
            return Side(label, None, tuple(str(p) for p in error.problems))
        raise


def changes(new: str) -> list:
    return diff_catalogs(_catalog(REAL), _catalog(new))


def test_price_change_shows_old_new_percent_and_the_new_source():
    entry = "    - since: 2024-10-01\n      input: 0.15\n      cached_input: 0.075\n      output: 0.6\n      source: caching\n"
    new = edited((entry, entry + "    - since: 2026-11-01\n      input: 0.12\n      cached_input: 0.06\n      output: 0.48\n      source: launch\n"))
    found = changes(new)
    assert [(c.section, c.model) for c in found] == [("Prices", "gpt-4o-mini")]
    assert found[0].text == ("new price since 2026-11-01: input $0.15 → $0.12 (-20%); "
                             "cached input $0.075 → $0.06 (-20%); output $0.60 → $0.48 (-20%)")
    assert found[0].source.url == "https://openai.com/index/gpt-4o-mini-advancing-cost-efficient-intelligence/"
    md = summary(REAL, new)
    assert "### Prices" in md and "input \\$0.15 → \\$0.12 (-20%)" in md
    assert "(source: [GPT-4o mini: advancing cost-efficient intelligence](https://openai.com/index/gpt-4o-mini" in md


def test_new_model_is_listed_with_its_vendor_price_and_source():
    clone = CODESTRAL.replace("codestral-2508:", "codestral-2611:").replace("Codestral 25.08", "Codestral 26.11") \
                     .replace("released: 2025-07-30", "released: 2026-11-10").replace("since: 2025-07-30", "since: 2026-11-10")
    new = edited((CODESTRAL, CODESTRAL + "\n\n" + clone))
    found = changes(new)
    assert [(c.section, c.model) for c in found] == [("Models added", "codestral-2611")]
    assert found[0].text == "Codestral 26.11 (Mistral AI), released 2026-11-10, active, 128,000-token context, $0.30 in / $0.90 out"
    assert found[0].source.url == "https://docs.mistral.ai/models/model-cards/codestral-25-08"
    assert "### Models added" in summary(REAL, new)


def test_retirement_reports_status_and_shutdown_date_with_the_deprecations_source():
    block = REAL[REAL.index("  gpt-4o:\n"):REAL.index("  gpt-4o-2024-05-13:\n")]
    retired = block.replace("    status: deprecated\n", "    status: retired\n", 1).replace("shutdown: 2027-01-14", "shutdown: 2026-11-20", 1)
    found = changes(edited((block, retired)))
    assert [(c.section, c.model, c.text) for c in found] == [
        ("Status and retirement", "gpt-4o", "status: deprecated → retired"),
        ("Status and retirement", "gpt-4o", "retirement shutdown: 2027-01-14 → 2026-11-20"),
    ]
    assert found[1].source.url == "https://developers.openai.com/api/docs/deprecations"


def test_invalid_new_side_reports_its_problems_with_file_line_column():
    new = edited(("  codestral-2508:\n    name: Codestral 25.08\n    vendor: mistral\n    released: 2025-07-30\n"
                  "    status: active\n", "  codestral-2508:\n    name: Codestral 25.08\n    vendor: mistral\n"
                  "    released: 2025-07-30\n    status: active\n    colour: red\n"),
                 ("points to it.\n    context_window: 128000\n", "points to it.\n    context_window: 128k\n"))
    line = new[:new.index("    colour: red")].count("\n") + 1
    context_line = new[:new.index("    context_window: 128k")].count("\n") + 1
    md = summary(REAL, new)
    assert "### NEW is not valid (2 problems)" in md
    assert f"NEW:{line}:5: models.codestral-2508.colour: " in md
    assert f"NEW:{context_line}:21: models.codestral-2508.context_window: expected a whole number of tokens" in md
    assert "The facts cannot be compared until both sides are valid." in md
    assert "### Prices" not in md


def test_renamed_id_is_one_rename_not_a_removal_and_an_addition():
    # Mercury 2.5: no other entry names it as a replacement and it has no independent figures, so the rename touches one entry.
    step = REAL[REAL.index("  mercury-2.5:\n"):REAL.index("\n\n", REAL.index("  mercury-2.5:\n"))]
    new = edited((step, step.replace("mercury-2.5:", "mercury-2.5-latest:").replace("    name: Mercury 2.5\n", "    name: Mercury Next\n")))
    found = changes(new)
    assert [(c.section, c.model, c.text) for c in found] == [
        ("Models renamed", "mercury-2.5-latest", "mercury-2.5 → mercury-2.5-latest (same facts, new id)"),
        ("Other facts", "mercury-2.5-latest (was mercury-2.5)", "name: Mercury 2.5 → Mercury Next"),
        ("Other facts", "mercury-2.5-latest (was mercury-2.5)", "API id: mercury-2.5 → mercury-2.5-latest"),
    ]
    md = summary(REAL, new)
    assert "Models added" not in md and "Models removed" not in md


def test_scores_sources_limits_and_modalities():
    block = REAL[REAL.index("  gpt-4o-mini:\n"):REAL.index("  gpt-3.5-turbo:\n")]
    changed = (block.replace("      mmlu:\n        value: 82.0\n", "      mmlu:\n        value: 82.5\n", 1)
                    .replace("    max_output_tokens: 16384\n", "    max_output_tokens: 32768\n", 1))
    new = edited((block, changed), (CODESTRAL, CODESTRAL.replace("      output: [text]", "      output: [text, image]")
                                    + "\n      blog:\n        title: Codestral 25.08\n        url: https://mistral.ai/news/codestral-25-08\n"
                                    "        supports: [released]\n"))
    by_section = {(c.section, c.model): c.text for c in changes(new)}
    assert by_section[("Scores", "gpt-4o-mini")] == "MMLU: 82.0% → 82.5%"
    assert by_section[("Limits", "gpt-4o-mini")] == "maximum output: 16,384 → 32,768"
    assert by_section[("Modalities", "codestral-2508")] == "output: gains image"
    assert by_section[("Sources", "codestral-2508")] == "added: Codestral 25.08"


def test_no_fact_change_says_so():
    assert "No fact changed" in summary(REAL, REAL.replace("# The one dataset", "# One dataset", 1))


def test_data_text_is_escaped_in_the_summary():
    assert md_text("[x](javascript:alert(1)) <img> `code` *a* | $1 \n# h") == \
        "\\[x\\](javascript:alert(1)) &lt;img&gt; \\`code\\` \\*a\\* \\| \\$1 \\# h"


def test_command_reads_old_from_stdin_or_a_process_substitution_and_an_empty_old_adds_everything(tmp_path: Path):
    new = tmp_path / "models.yaml"
    new.write_text(REAL.replace("input: 0.30, output: 0.90", "input: 0.30, output: 0.80", 1), encoding="utf-8")
    script = [sys.executable, str(ROOT / "hooks" / "data_diff.py")]
    piped = subprocess.run(script + ["-", str(new), "--new-name", "branch"], input=REAL, capture_output=True, text=True, check=True)
    assert piped.stdout.startswith("## Data changes: OLD → branch\n")
    assert "- **codestral-2508**: price entry" in piped.stdout and "new price" not in piped.stdout
    assert "price entry of 2025-07-30 rewritten" in piped.stdout and "output \\$0.90 → \\$0.80 (-11%)" in piped.stdout
    shell = subprocess.run(["bash", "-c", '"$0" "$1" <(cat "$2") "$2"', *script, str(DATA)],
                           capture_output=True, text=True, check=True)
    assert "No fact changed" in shell.stdout and shell.stdout.startswith("## Data changes: OLD → ")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    fresh = subprocess.run(script + [str(empty), str(DATA)], capture_output=True, text=True, check=True)
    assert fresh.stdout.count("\n- **") == len(_catalog(REAL).models)


@pytest.mark.parametrize("argv", [["-", "-"], ["only-one"]])
def test_command_usage_errors_exit_2(argv):
    result = subprocess.run([sys.executable, str(ROOT / "hooks" / "data_diff.py"), *argv], capture_output=True, text=True, input="")
    assert result.returncode == 2 and "usage:" in result.stderr


def test_optional_fields_capabilities_preview_and_price_tiers_are_compared_when_present():
    """Fields the data is gaining (capabilities, preview, tiers) diff whether model.py gives dataclasses or mappings."""
    from dataclasses import dataclass, replace

    from factories import model, price

    from catalog.model import Catalog

    @dataclass(frozen=True)
    class Tier:
        above: int
        input: float
        output: float

    def with_extras(m, **extras):
        for name, value in extras.items():
            object.__setattr__(m, name, value)
        return m

    before = with_extras(model("m"), preview=True, capabilities={"tool_calling": False, "reasoning_effort": ("low",)})
    tiered = with_extras(price("2024-05-13", 1.0, 4.0), tiers=(Tier(200_000, 2.0, 8.0),), cache_write=1.25)
    after = with_extras(replace(model("m"), pricing=(tiered,)), preview=False,
                        capabilities={"tool_calling": True, "reasoning_effort": ("low", "high")})
    cat = lambda m: Catalog({}, {}, {"m": m})
    texts = [(c.section, c.text) for c in diff_catalogs(cat(before), cat(after))]
    assert ("Prices", "price entry of 2024-05-13 rewritten (history should only grow): cache write $1.25 (new); "
                      "long-context tiers none → [0].above=200000, [0].input=2.0, [0].output=8.0") in texts
    assert ("Capabilities", "preview: yes → no") in texts
    assert ("Capabilities", "capabilities reasoning effort: low → low, high") in texts
    assert ("Capabilities", "capabilities tool calling: no → yes") in texts
