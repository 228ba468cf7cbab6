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
from .yamlsource import load

__all__ = ["Catalog", "DataError", "load_catalog"]


def load_catalog(data_file: Path, schema_file: Path, display_name: str, docs_dir: Optional[Path] = None) -> Catalog:
    """Read, check and type the data file; raise DataError with every problem found.

    With `docs_dir`, also report ids whose generated page would replace a hand-written one there.
    """
    located = load(data_file, display_name)
    problems = located.problems + schema_problems(located, load_schema(str(schema_file))) + rule_problems(located, docs_dir)
    if problems:
        raise DataError(display_name, problems)
    return derive(located.data)
