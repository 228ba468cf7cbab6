"""Issue #15's data: independent evaluators and their figures are checked at their own line, and the file is reproducible."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

from helpers import ROOT
from test_validation import mutated, one, problems


APP = {"name": "Chat", "summary": "s", "guidance": "g", "needs": {"input": ["text"]}, "favours": [{"factor": "low_cost"}]}


def evaluators() -> dict[str, Any]:
    return {
        "arena": {"name": "The Arena", "url": "https://lmarena.ai/leaderboard", "read": "copy",
                  "via": "https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset",
                  "boards": {"text": {"name": "Text", "unit": "rating", "higher_is_better": True}}},
        "artificial_analysis": {"name": "Artificial Analysis", "url": "https://artificialanalysis.ai/models",
                                "boards": {"output_speed": {"name": "Output speed", "unit": "tokens_per_second", "higher_is_better": True}}},
    }


def figure(**fields: Any) -> dict[str, Any]:
    return {"evaluator": "arena", "board": "text", "category": "overall", "value": 1400.0, "lower": 1390.0,
            "upper": 1410.0, "votes": 1000, "date": "2026-08-19", "setting": "high effort", "row": "big-model-high",
            "primary": True, **fields}


def with_figures(*figures: dict[str, Any], model: str = "big-model"):
    def change(d):
        d["evaluators"] = evaluators()
        d["independent"] = {model: list(figures)}
    return mutated(change)


def test_independent_figures_are_accepted(tmp_path):
    speed = {"evaluator": "artificial_analysis", "board": "output_speed", "value": 120.5, "date": "2026-08-22",
             "setting": "max effort", "row": "Big Model (max)"}
    assert problems(tmp_path, with_figures(figure(), speed)) == []


def test_an_unknown_model_id_is_refused_at_its_key(tmp_path):
    found = one(problems(tmp_path, with_figures(figure(), model="gpt-9")), "independent.gpt-9")
    assert "expected the id of a model in this file, found 'gpt-9'" in found


def test_an_unknown_evaluator_is_refused_at_its_line(tmp_path):
    found = one(problems(tmp_path, with_figures(figure(evaluator="lmsys"))), "independent.big-model[0].evaluator")
    assert "unknown evaluator 'lmsys'" in found and "arena" in found


def test_an_unknown_board_is_refused_at_its_line(tmp_path):
    found = one(problems(tmp_path, with_figures(figure(board="webdev"))), "independent.big-model[0].board")
    assert "unknown board 'webdev' for evaluator 'arena'" in found


def test_an_interval_that_misses_its_value_is_refused(tmp_path):
    found = one(problems(tmp_path, with_figures(figure(value=1420.0))), "independent.big-model[0].value")
    assert "1390.0–1410.0 does not contain the value 1420.0" in found


def test_half_an_interval_is_refused(tmp_path):
    half = figure()
    del half["upper"]
    assert "needs both lower and upper" in one(problems(tmp_path, with_figures(half)), "independent.big-model[0].lower")


def test_two_primary_figures_on_one_board_and_category_are_refused(tmp_path):
    found = one(problems(tmp_path, with_figures(figure(), figure(row="big-model-max"))), "independent.big-model[1].primary")
    assert "figure 0 is already the primary one for arena text overall" in found


def test_a_figure_without_its_setting_or_row_is_refused(tmp_path):
    bare = figure()
    del bare["setting"], bare["row"]
    found = problems(tmp_path, with_figures(bare))
    assert any("independent.big-model[0]" in f and "setting" in f for f in found), found


def test_a_copy_without_via_is_refused(tmp_path):
    def change(d):
        d["evaluators"] = evaluators()
        del d["evaluators"]["arena"]["via"]
    assert "read: copy needs via:" in one(problems(tmp_path, mutated(change)), "evaluators.arena.read")


def test_the_generated_sections_match_the_snapshots():
    snapshots = ROOT.parent / "shared" / "reference" / "leaderboards"
    if not snapshots.exists():
        import pytest
        pytest.skip("leaderboard snapshots not on this machine")
    run = subprocess.run([sys.executable, str(ROOT / "hooks" / "leaderboards_import.py"), "--check", "--snapshots", str(snapshots)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_the_catalog_types_every_figure_once():
    from helpers import DATA, SCHEMA
    from catalog import load_catalog
    catalog = load_catalog(DATA, SCHEMA, "data/models.yaml")
    opus = catalog.models["claude-opus-5"]
    text = opus.figure("arena", "text", "overall")
    assert text and text.row == "claude-opus-5-high" and text.lower <= text.value <= text.upper and text.votes > 0
    assert text.date.isoformat() == "2026-08-19" and text.where == "LMArena (the Arena) Text, overall"
    assert opus.figure("artificial_analysis", "intelligence_index").setting == "adaptive thinking, max effort"
    for model in catalog.models.values():
        keys = [f.key for f in model.primary_figures]
        assert len(keys) == len(set(keys)), model.id
        assert {f.key for f in model.independent} == set(keys), model.id


def test_an_independent_factor_naming_an_unknown_board_is_refused(tmp_path):
    def change(d):
        d["evaluators"] = evaluators()
        d["applications"] = {"chat": copy.deepcopy(APP)}
        d["applications"]["chat"]["favours"].append({"factor": "independent", "evaluator": "arena", "board": "vision"})
    found = problems(tmp_path, mutated(change))
    assert any(".board: unknown board 'vision' for evaluator 'arena'" in f for f in found), found


def test_only_the_independent_factor_takes_a_board(tmp_path):
    def change(d):
        d["applications"] = {"chat": copy.deepcopy(APP)}
        d["applications"]["chat"]["favours"].append({"factor": "recent", "board": "text"})
    found = problems(tmp_path, mutated(change))
    assert any("only factor 'independent' takes board" in f for f in found), found
