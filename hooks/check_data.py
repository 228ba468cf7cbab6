"""Check data/models.yaml without building the site.

    python hooks/check_data.py [path/to/models.yaml]

Prints one line per problem (file:line:column: field path: what is wrong) and
exits 1, or prints a one-line summary and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import DataError  # noqa: E402
from catalog.site import prepare  # noqa: E402


def main(argv: list[str]) -> int:
    data_file = Path(argv[0]) if argv else ROOT / "data" / "models.yaml"
    try:
        shown = data_file.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = data_file
    try:
        # The build's own data step, rendering included: a file this accepts builds.
        catalog = prepare(data_file, ROOT / "data" / "models.schema.json", str(shown), ROOT / "docs", ROOT / "mkdocs.yml").catalog
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    vendors = len({m.vendor.id for m in catalog.models.values()})
    print(f"{shown}: OK: {len(catalog.models)} models from {vendors} vendors, {len(catalog.benchmarks)} benchmarks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
