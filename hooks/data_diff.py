"""What a data edit changes in facts, as Markdown for a reviewer.

    python hooks/data_diff.py OLD NEW
    python hooks/data_diff.py <(git show origin/main:data/models.yaml) data/models.yaml
    git show origin/main:data/models.yaml | python hooks/data_diff.py - data/models.yaml

OLD and NEW are paths to data files; `-` reads that side from standard input.
An empty OLD (a branch that adds the file) counts as no models at all. A side
that does not validate is reported with its problems (file:line:column, as
`hooks/check_data.py` prints them) instead of failing: the command exits 0
whenever it could write the summary, and 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import DataError, parse_catalog  # noqa: E402
from catalog.datadiff import Side, diff_markdown  # noqa: E402
from catalog.model import Catalog  # noqa: E402

SCHEMA = ROOT / "data" / "models.schema.json"


def read_side(argument: str, label: str, stdin: bytes | None = None) -> Side:
    """Load one side; any problem (unreadable, invalid) becomes the side's report."""
    try:
        raw = (stdin if stdin is not None else sys.stdin.buffer.read()) if argument == "-" else Path(argument).read_bytes()
    except OSError as error:
        return Side(label, None, (f"{label}:1:1: cannot read the file: {error.strerror}",))
    if not raw.strip():
        return Side(label, Catalog({}, {}, {}))
    try:
        return Side(label, parse_catalog(raw, SCHEMA, label))
    except DataError as error:
        return Side(label, None, tuple(str(p) for p in error.problems))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python hooks/data_diff.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="the data file before the edit, or - for standard input")
    parser.add_argument("new", help="the data file after the edit, or - for standard input")
    parser.add_argument("--old-name", help="how to name OLD in the summary (default: its path)")
    parser.add_argument("--new-name", help="how to name NEW in the summary (default: its path)")
    args = parser.parse_args(argv)
    if args.old == "-" and args.new == "-":
        parser.error("only one side can come from standard input")
    old = read_side(args.old, args.old_name or _label(args.old, "OLD"))
    new = read_side(args.new, args.new_name or _label(args.new, "NEW"))
    sys.stdout.write(diff_markdown(old, new))
    return 0


def _label(argument: str, fallback: str) -> str:
    # `<(git show ...)` arrives as /dev/fd/63: a name nobody recognises.
    if argument == "-" or argument.startswith(("/dev/fd/", "/proc/self/fd/")):
        return fallback
    return argument


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
