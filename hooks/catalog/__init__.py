"""The model catalog pipeline: load -> validate -> derive (-> render, export in the hooks).

Pure functions only; the MkDocs events live in the hook modules beside this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .model import Catalog, derive
from .problems import DataError
from .rules import rule_problems
from .schema import load_schema, schema_problems
from .yamlsource import Located, load, parse

__all__ = ["Catalog", "DataError", "load_catalog", "parse_catalog"]


def load_catalog(data_file: Path, schema_file: Path, display_name: str, docs_dir: Optional[Path] = None) -> Catalog:
    """Read, check and type the data file; raise DataError with every problem found.

    With `docs_dir`, also report ids whose generated page would replace a hand-written one there.
    """
    return _checked(load(data_file, display_name), schema_file, display_name, docs_dir)


def parse_catalog(raw: bytes, schema_file: Path, display_name: str) -> Catalog:
    """The same as load_catalog, for data already read (standard input, `git show` output)."""
    return _checked(parse(raw, display_name), schema_file, display_name)


def _checked(located: Located, schema_file: Path, display_name: str, docs_dir: Optional[Path] = None) -> Catalog:
    problems = located.problems + schema_problems(located, load_schema(str(schema_file))) + rule_problems(located, docs_dir)
    if problems:
        raise DataError(display_name, problems)
    return derive(located.data)
