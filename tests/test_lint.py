"""ruff and mypy on hooks/: they catch what the tests miss (an unhashable list where a name goes, a None
passed on as a price, a str used where a Model is meant). Settings in pyproject.toml, versions in requirements-test.txt."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import ROOT


@pytest.mark.parametrize("command", [["ruff", "check", "hooks"], ["mypy", "hooks"]], ids=["ruff", "mypy"])
def test_hooks_are_clean(command: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"`{' '.join(command)}` found problems:\n{result.stdout}{result.stderr}"
