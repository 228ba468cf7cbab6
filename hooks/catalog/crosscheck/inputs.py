"""Which peer inputs to read (flags, or a folder laid out like the project's shared reference snapshots), and our data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

from .. import load_catalog
from ..model import Catalog
from ..problems import DataError
from ..yamlsource import load
from .aggregators import read_litellm, read_openrouter
from .models_dev import read_api, read_tree
from .price_lists import read_genai_prices, read_llm_prices
from .records import InputError, PeerRecord

Reader = Callable[[Path, date], list[PeerRecord]]
# (option, reader, folder under a --reference DIR); in the report's order.
READERS: tuple[tuple[str, Reader, Optional[str]], ...] = (
    ("models_dev_api", lambda p, _: read_api(p), None),
    ("models_dev_tree", lambda p, _: read_tree(p), "models.dev"),
    ("genai_prices", read_genai_prices, "genai-prices"),
    ("llm_prices", read_llm_prices, "llm-prices"),
    ("litellm", lambda p, _: read_litellm(p), None),
    ("openrouter", lambda p, _: read_openrouter(p), None),
)


@dataclass(frozen=True)
class OurData:
    catalog: Catalog
    known: list[dict[str, Any]]     # the data's `crosscheck:` entries


def chosen(options: dict[str, Optional[Path]], reference: Optional[Path]) -> list[tuple[Reader, Path]]:
    """The readers to run, each with its path: an explicit flag, else the --reference folder's snapshot."""
    if reference is not None and not reference.is_dir():
        raise InputError(f"{reference}: cannot read the folder: not a directory")
    picked = []
    for option, reader, folder in READERS:
        path = options.get(option)
        if path is None and reference is not None and folder is not None:
            path = reference / folder
        if path is not None:
            picked.append((reader, path))
    return picked


def read_peers(picked: list[tuple[Reader, Path]], on: date) -> list[PeerRecord]:
    records: list[PeerRecord] = []
    for reader, path in picked:
        if not path.exists():
            raise InputError(f"{path}: cannot read: no such file or folder")
        records += reader(path, on)
    return records


def read_ours(data_file: Path, schema_file: Path, shown: str) -> OurData:
    """Our data, validated as the build validates it; an invalid file is an unreadable input."""
    try:
        raw = load(data_file, shown).data
        catalog = load_catalog(data_file, schema_file, shown)
    except DataError as error:
        first = error.problems[0]
        more = f" (and {len(error.problems) - 1} more; run python hooks/check_data.py)" if len(error.problems) > 1 else ""
        raise InputError(f"{first}{more}") from None
    known = raw.get("crosscheck") if isinstance(raw, dict) else None
    return OurData(catalog, list(known or []))
