"""The real data cut down to a few vendors, for tests whose subject is the build machinery (serve, rebuilds),
not the catalogue: the same shapes, sources and cross-references, a fraction of the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
KEEP_VENDORS = ("openai", "google")


def trimmed_text(vendors: Iterable[str] = KEEP_VENDORS) -> str:
    """data/models.yaml with only these vendors' models (and everything that names only them), as YAML text."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "data" / "models.yaml").read_text(encoding="utf-8"))
    keep = set(vendors)
    data["vendors"] = {k: v for k, v in data["vendors"].items() if k in keep}
    data["models"] = {k: v for k, v in data["models"].items() if v.get("vendor") in keep}
    ids = set(data["models"])
    data["comparisons"] = [c for c in data.get("comparisons", []) if set(c.get("models", [])) <= ids]
    data["independent"] = {k: v for k, v in (data.get("independent") or {}).items() if k in ids}
    for model in data["models"].values():
        retirement = model.get("retirement")
        if isinstance(retirement, dict) and retirement.get("replacement") not in (None, *ids):
            del retirement["replacement"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)
