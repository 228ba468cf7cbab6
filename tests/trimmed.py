"""The real data cut down to a few vendors, for tests whose subject is the build machinery (serve, rebuilds),
not the catalogue: the same shapes, sources and cross-references, a fraction of the pages."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_scale import keep_only  # noqa: E402  (the benchmarks cut the data the same way)
KEEP_VENDORS = ("openai", "google")


def trimmed_text(vendors: Iterable[str] = KEEP_VENDORS) -> str:
    """data/models.yaml with only these vendors' models (and everything that names only them), as YAML text."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "data" / "models.yaml").read_text(encoding="utf-8"))
    keep = set(vendors)
    data = keep_only(data, {k for k, v in data["models"].items() if v.get("vendor") in keep})
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)
