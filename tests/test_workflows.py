"""The GitHub workflows and pre-commit hooks: linted, and running the README's own commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import DATA, ROOT, SCHEMA

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A console script installed by requirements-test.txt, next to this Python."""
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    assert found, f"{name} is missing: pip install -r requirements-test.txt"
    return str(found)


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); put it back.
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(flow: dict, job: str) -> list[dict]:
    return flow["jobs"][job]["steps"]


def runs(flow: dict) -> list[str]:
    return [s["run"] for job in flow["jobs"].values() for s in job.get("steps", []) if "run" in s]


def test_there_are_three_workflows():
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml", "staleness.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(path: Path):
    result = subprocess.run([tool("actionlint"), "-no-color", "-oneline", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_lints(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    result = subprocess.run([tool("actionlint"), "-no-color", "-oneline", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def test_every_command_the_workflows_run_is_a_readme_or_ci_command():
    """A local run of the README's commands proves the workflows' steps."""
    commands = []
    for flow in WORKFLOWS:
        for script in runs(workflow(flow.name)):
            for line in script.splitlines():
                commands += [c.strip() for c in line.split("&&") if c.strip().startswith((".venv/bin/", "python3 -m venv", "bash .ci/"))]
    assert len(commands) >= 10
    for command in commands:
        assert command in README or command in CI_RUN or command == "bash .ci/run", f"not in the README: {command}"


def test_pull_request_workflow_checks_diffs_builds_and_runs_every_test():
    flow = workflow("pull-request.yml")
    assert "pull_request" in flow["on"]
    job = steps(flow, "data-and-build")
    python = next(s for s in job if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    scripts = "\n".join(runs(flow))
    assert ".venv/bin/pip install -r requirements-test.txt" in scripts
    assert ".venv/bin/python hooks/check_data.py\n" in scripts + "\n"
    assert re.search(r"hooks/data_diff\.py .*<\(git show FETCH_HEAD:data/models\.yaml\) data/models\.yaml >> \"\$GITHUB_STEP_SUMMARY\"", scripts)
    assert ".venv/bin/mkdocs build --strict" in scripts
    tests = flow["jobs"]["tests"]
    assert tests["container"].endswith("bookworm") and [s["run"] for s in tests["steps"] if "run" in s] == ["bash .ci/run"]
    assert "apt-get install" in CI_RUN and "chromium" in CI_RUN and "REQUIRE_BROWSER=1" in CI_RUN


def test_publish_deploys_only_after_the_build_and_the_tests_pass():
    flow = workflow("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for job in flow["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    deploy = flow["jobs"]["deploy"]
    assert sorted(deploy["needs"]) == ["build", "tests"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    build = "\n".join(s.get("run", "") for s in steps(flow, "build"))
    # The same requirements file as the README's preview command.
    assert "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt" in build
    assert "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs serve" in README
    assert ".venv/bin/mkdocs build --strict" in build
    upload = next(s for s in steps(flow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_weekly_staleness_check_is_scheduled():
    flow = workflow("staleness.yml")
    assert re.fullmatch(r"\d+ \d+ \* \* \d", flow["on"]["schedule"][0]["cron"])
    assert ".venv/bin/python hooks/check_data.py --stale-after 120" in runs(flow)


def test_the_pull_request_diff_step_runs_locally(tmp_path: Path):
    """The step's own script, with the base branch replaced by HEAD, writes a summary."""
    flow = workflow("pull-request.yml")
    script = next(s["run"] for s in steps(flow, "data-and-build") if "data_diff.py" in s.get("run", ""))
    diff_line = next(line for line in script.splitlines() if "data_diff.py" in line).replace("FETCH_HEAD", "HEAD")
    if subprocess.run(["git", "cat-file", "-e", "HEAD:data/models.yaml"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout with data/models.yaml committed")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "BASE_REF": "main",
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(["bash", "-e", "-c", diff_line], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert summary.read_text(encoding="utf-8").startswith("## Data changes: main → this pull request\n")


def test_pre_commit_runs_the_data_check_and_the_schema_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: (repo, h) for repo in config["repos"] for h in repo["hooks"]}
    repo, local = hooks["check-data"]
    assert repo["repo"] == "local" and local["entry"] == ".venv/bin/python hooks/check_data.py"
    assert local["entry"] in README and local["pass_filenames"] is False
    repo, schema = hooks["check-jsonschema"]
    assert repo["repo"] == "https://github.com/python-jsonschema/check-jsonschema"
    assert schema["args"] == ["--schemafile", "data/models.schema.json"]
    # The hook's pinned version is the one the tests run below.
    pinned = re.search(r"^check-jsonschema==(\S+)$", (ROOT / "requirements-test.txt").read_text(encoding="utf-8"), re.M)
    assert pinned and repo["rev"] == pinned.group(1)
    assert re.fullmatch(schema["files"], "data/models.yaml")


def test_the_schema_hook_accepts_the_data_and_rejects_a_bad_edit(tmp_path: Path):
    good = subprocess.run([tool("check-jsonschema"), "--schemafile", str(SCHEMA), str(DATA)], capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = tmp_path / "models.yaml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace("context_window: 128000", 'context_window: "128k"', 1), encoding="utf-8")
    failed = subprocess.run([tool("check-jsonschema"), "--schemafile", str(SCHEMA), str(bad)], capture_output=True, text=True)
    assert failed.returncode == 1 and "context_window: '128k' is not of type 'integer'" in failed.stdout


def test_pull_request_template_asks_for_the_source_of_every_changed_fact():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "source" in text.lower() and "data_diff.py" in text and "check_data.py" in text


def test_weekly_crosscheck_downloads_every_peer_and_publishes_the_report():
    flow = workflow("staleness.yml")
    job = steps(flow, "crosscheck")
    script = "\n".join(s.get("run", "") for s in job)
    for url in ("https://models.dev/api.json", "https://openrouter.ai/api/v1/models",
                "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"):
        assert url in script
    peers = {s["with"]["repository"]: s["with"]["sparse-checkout"] for s in job if s.get("uses", "").startswith("actions/checkout@")
             and "repository" in s.get("with", {})}
    assert peers == {"pydantic/genai-prices": "prices/providers", "simonw/llm-prices": "data"}
    assert "hooks/crosscheck.py" in script and '>> "$GITHUB_STEP_SUMMARY"' in script and "--json > crosscheck.json" in script
    upload = next(s for s in job if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].split() == ["crosscheck.md", "crosscheck.json"]
    assert "workflow_dispatch" in flow["on"]
