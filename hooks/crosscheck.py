"""Cross-check data/models.yaml against peers' datasets: leads to check at the vendor's page, never sources.

    python hooks/crosscheck.py --reference ../shared/reference
    python hooks/crosscheck.py --models-dev-api api.json --litellm model_prices_and_context_window.json \\
        --openrouter openrouter.json --genai-prices genai-prices/prices --llm-prices llm-prices [--json]

Every input is optional. Prints, per vendor a peer covers: values that differ
beyond rounding (prices, limits, modalities, release and shutdown dates), chat
models a peer lists that the data lacks, and models a peer calls deprecated
that the data calls active; known-wrong peer values recorded under
`crosscheck:` in the data are left out (and counted). Markdown by default,
JSON with --json (shape: hooks/catalog/crosscheck/report.py). Exits 0 when it
could write the report, 2 with one line naming the file when an input cannot
be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from catalog.crosscheck import InputError  # noqa: E402
from catalog.crosscheck.compare import crosscheck  # noqa: E402
from catalog.crosscheck.inputs import chosen, read_ours, read_peers  # noqa: E402
from catalog.crosscheck.report import as_json, as_markdown  # noqa: E402

SCHEMA = ROOT / "data" / "models.schema.json"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python hooks/crosscheck.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "models.yaml", help="our data file (default: data/models.yaml)")
    parser.add_argument("--models-dev-api", type=Path, metavar="FILE", help="models.dev api.json")
    parser.add_argument("--models-dev-tree", type=Path, metavar="DIR", help="models.dev's TOML tree (holding providers/<vendor>/models/*.toml)")
    parser.add_argument("--genai-prices", type=Path, metavar="DIR", help="genai-prices' providers/*.yml (or the folder holding providers/)")
    parser.add_argument("--llm-prices", type=Path, metavar="DIR", help="llm-prices' data/*.json (or the folder holding data/)")
    parser.add_argument("--litellm", type=Path, metavar="FILE", help="LiteLLM's model_prices_and_context_window.json")
    parser.add_argument("--openrouter", type=Path, metavar="FILE", help="OpenRouter's /api/v1/models response")
    parser.add_argument("--reference", type=Path, metavar="DIR",
                        help="a folder laid out like ../shared/reference: reads its models.dev, genai-prices and llm-prices")
    parser.add_argument("--json", action="store_true", help="write JSON instead of Markdown")
    args = parser.parse_args(argv)
    data_file: Path = args.data
    try:
        shown = str(data_file.resolve().relative_to(Path.cwd()))
    except ValueError:
        shown = str(data_file)
    options = {name: getattr(args, name) for name in ("models_dev_api", "models_dev_tree", "genai_prices", "llm_prices",
                                                      "litellm", "openrouter")}
    try:
        ours = read_ours(data_file, SCHEMA, shown)
        records = read_peers(chosen(options, args.reference), ours.catalog.as_of)
    except InputError as error:
        print(f"crosscheck: {error}", file=sys.stderr)
        return 2
    result = crosscheck(ours.catalog, records, ours.known)
    sys.stdout.write(as_json(result, ours.catalog) if args.json else as_markdown(result, ours.catalog, shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
