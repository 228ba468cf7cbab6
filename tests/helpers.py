"""Paths and helpers shared by the tests (conftest.py holds only fixtures)."""

from __future__ import annotations

import functools
import subprocess
import sys
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
