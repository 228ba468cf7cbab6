"""Paths and helpers shared by the tests (conftest.py holds only fixtures)."""

from __future__ import annotations

import functools
import subprocess
import sys
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

DATA = ROOT / "data" / "models.yaml"
SCHEMA = ROOT / "data" / "models.schema.json"


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a contributor runs it, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "true", "HOME": str(project)},
    )


@functools.lru_cache(maxsize=None)
def real_catalog():
    """The real data file, parsed and checked once per test process (each xdist worker is one)."""
    from catalog import load_catalog
    return load_catalog(DATA, SCHEMA, "data/models.yaml")


@functools.lru_cache(maxsize=None)
def real_plan():
    """The build's whole data step on the real data and docs/ (pages, exports, macro checks), once per test process."""
    from catalog.site import prepare
    return prepare(DATA, SCHEMA, "data/models.yaml", None)


# In helpers, not conftest: tests/browser has a conftest of its own, so "from conftest import" is ambiguous.
def copy_project(where: Path) -> Path:
    """A copy of the project (config, docs, hooks, data) under `where`, to edit and build."""
    copy = where / "project"
    copy.mkdir()
    for name in ("docs", "hooks", "data", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy
