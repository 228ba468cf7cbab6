"""Shared fixtures: the repository paths, a copy of the site to build, and a warning guard."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project (config, docs, hooks, data) to edit and build."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("docs", "hooks", "data", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


class WarningGuard(logging.Handler):
    """Collects every WARNING or worse that MkDocs, a plugin or a hook logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def no_warnings():
    """Fails the test if the build logs any warning at all (strict mode sees only some)."""
    guard = WarningGuard()
    logging.getLogger().addHandler(guard)
    yield guard
    logging.getLogger().removeHandler(guard)
    unexpected = [f"{r.name}: {r.getMessage()}" for r in guard.records]
    assert not unexpected, "unexpected warnings:\n" + "\n".join(unexpected)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with strict mode, in process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("site")
    guard = WarningGuard()
    logging.getLogger().addHandler(guard)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
    finally:
        logging.getLogger().removeHandler(guard)
    assert not guard.records, [r.getMessage() for r in guard.records]
    return site
