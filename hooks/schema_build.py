"""Write data/models.schema.json from the fact registry (hooks/catalog/facts.py, schemadefs.py).

    python hooks/schema_build.py           # rewrite the schema file
    python hooks/schema_build.py --check   # exit 1 if the committed file is not what the registry gives

The schema is generated, never edited by hand: change a fact in the registry
and run this; tests/test_registry.py fails while the committed file is stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from catalog.schemadefs import build_schema  # noqa: E402

SCHEMA = ROOT / "data" / "models.schema.json"


def schema_text() -> str:
    """The file's exact text: two-space indent, non-ASCII kept, one final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed schema is stale; write nothing")
    parser.add_argument("--output", type=Path, default=SCHEMA, help="the schema file (default: data/models.schema.json)")
    args = parser.parse_args(argv)
    text = schema_text()
    current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
    if args.check:
        if current != text:
            print(f"{args.output} is stale: run python hooks/schema_build.py and commit the result", file=sys.stderr)
            return 1
        print(f"{args.output} is current")
        return 0
    if current != text:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        print(f"{args.output} already current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
