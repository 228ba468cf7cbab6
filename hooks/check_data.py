"""Check data/models.yaml without building the site.

    python hooks/check_data.py [path/to/models.yaml]
    python hooks/check_data.py --stale-after 120 [--today YYYY-MM-DD]

Prints one line per problem (file:line:column: field path: what is wrong) and
exits 1, or prints a one-line summary and exits 0. With --stale-after DAYS it
also fails when a model's shutdown date has passed (against today's date) but
its status is not `retired`, or when a served (not retired) model's facts were
verified more than DAYS days ago (its `verified:` date, else the file's `as_of`): the weekly
check that keeps the published site from going stale silently.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from catalog import DataError  # noqa: E402
from catalog.problems import Problem  # noqa: E402
from catalog.site import SiteSettings, prepare, settings_from  # noqa: E402
from catalog.status import quoted_sources, stale_facts, unverified  # noqa: E402
from catalog.yamlsource import load  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python hooks/check_data.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_file", nargs="?", type=Path, default=ROOT / "data" / "models.yaml")
    parser.add_argument("--stale-after", type=int, metavar="DAYS",
                        help="also fail on passed shutdowns not marked retired, and facts verified more than DAYS ago")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), metavar="YYYY-MM-DD",
                        help="the date to check staleness against (default: today)")
    args = parser.parse_args(argv)
    data_file: Path = args.data_file
    try:
        shown = data_file.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = data_file
    settings = _mkdocs_settings(ROOT / "mkdocs.yml")
    if isinstance(settings, str):
        print(settings, file=sys.stderr)
        return 1
    try:
        # The build's own data step, rendering included: a file this accepts builds.
        catalog = prepare(data_file, ROOT / "data" / "models.schema.json", str(shown), ROOT / "docs", settings).catalog
    except DataError as error:
        print(error.report(outcome=""), file=sys.stderr)
        return 1
    vendors = len({m.vendor.id for m in catalog.models.values()})
    summary = f"{shown}: OK: {len(catalog.models)} models from {vendors} vendors, {len(catalog.benchmarks)} benchmarks"
    if args.stale_after is not None:
        stale = stale_facts(catalog, args.today, args.stale_after)
        if stale:
            located = load(data_file, str(shown))
            problems = sorted((Problem(*located.where(path), path, message, str(shown)) for path, message in stale),
                              key=lambda p: (p.line, p.column))
            print(f"{shown}: {len(problems)} stale fact{'s' if len(problems) != 1 else ''} on {args.today.isoformat()}",
                  file=sys.stderr)
            print("\n".join(f"  {p}" for p in problems), file=sys.stderr)
            return 1
        summary += f"; nothing stale on {args.today.isoformat()} (verified within {args.stale_after} days)"
        pending = unverified(catalog)
        if pending:
            # Not a failure: these facts stand, but rest on a third party's quote of the cited page.
            summary += f"\n{len(pending)} served model{'s' if len(pending) != 1 else ''} not verified (a cited page not read yet):"
            summary += "".join(f"\n  {m.id}: {', '.join(quoted_sources(m)) or 'no verified date'}" for m in pending)
    print(summary)
    return 0


def _mkdocs_settings(config_file: Path) -> SiteSettings | str:
    """mkdocs.yml as MkDocs reads it (its own YAML loader: !ENV, !!python/name), or the one line saying why it cannot be read."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        return settings_from(load_config(str(config_file)))
    except (ConfigurationError, OSError) as error:
        return f"{config_file.name}: MkDocs cannot read it: {str(error).strip() or type(error).__name__}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
