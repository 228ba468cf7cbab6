"""Repeatable build figures for benchmarks/RESULTS.md: time (min/median), peak memory, page sizes.

    python benchmarks/bench.py [--runs N] [--project DIR] [factor ...]   (default: 3 runs; 1 8)

For each factor, copies the project (or DIR, e.g. an exported older commit)
to a temp dir, multiplies the models as build_scale.py does, runs
`mkdocs build --strict` N times under /usr/bin/time, and prints one line of
JSON per factor: CPU and wall seconds (min, median), the load average, peak RSS, HTML bytes of a model
page, a pair page and the home page, the search index size, and how many
pages load each script. Figures only, no pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import multiplied  # noqa: E402
from floor import make_floor  # noqa: E402

SCRIPTS = ("overview.js", "compare.js", "calculator.js")


def copy_project(source: Path, target: Path, factor: int) -> None:
    for name in ("docs", "hooks", "data", "overrides"):
        shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    data = yaml.safe_load((source / "data" / "models.yaml").read_text(encoding="utf-8"))
    if factor > 1:
        (target / "data" / "models.yaml").write_text(
            yaml.safe_dump(multiplied(data, factor), sort_keys=False, allow_unicode=True), encoding="utf-8")


def timed_build(project: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of one strict build.

    CPU seconds are the figure to compare on a shared machine: other work
    stretches the wall time of a single-threaded build, hardly its CPU time.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", sys.executable, "-m", "mkdocs", "build", "--strict"],
                          cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    user, system, peak = done.stderr.strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), int(peak)


def page_figures(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    model = site / "models" / "gpt-4o" / "index.html"
    pair = site / "compare" / "gpt-4o-vs-gpt-4o-mini" / "index.html"
    scripts = {name: sum(1 for p in pages if re.search(rf'src="[^"]*{name}', p.read_text(encoding="utf-8"))) for name in SCRIPTS}
    return {"html_pages": len(pages), "model_page_bytes": model.stat().st_size, "pair_page_bytes": pair.stat().st_size,
            "home_page_bytes": (site / "index.html").stat().st_size,
            "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
            "site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
            "pages_loading": scripts}


def measure(source: Path, factor: int, runs: int, workdir: Path, floor: bool = False) -> dict:
    project = workdir / f"x{factor}"
    copy_project(source, project, factor)
    if floor:  # the same pages through plain MkDocs + Material (see floor.py)
        make_floor(project, workdir / f"floor{factor}")
        project = workdir / f"floor{factor}"
    results = [timed_build(project) for _ in range(runs)]
    wall, cpu = [r[0] for r in results], [r[1] for r in results]
    return {"factor": factor, "runs": runs, "load": round(os.getloadavg()[0], 1),
            "cpu_s_min": round(min(cpu), 2), "cpu_s_median": round(statistics.median(cpu), 2),
            "wall_s_min": round(min(wall), 2), "wall_s_median": round(statistics.median(wall), 2),
            "peak_mib_max": round(max(r[2] for r in results) / 1024), **page_figures(project / "site")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=ROOT)
    parser.add_argument("--floor", action="store_true", help="measure the floor: the same pages without the hooks")
    parser.add_argument("factors", type=int, nargs="*", default=[1, 8])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            print(json.dumps({**measure(args.project, factor, args.runs, Path(tmp), args.floor), "project": str(args.project), "floor": args.floor}), flush=True)


if __name__ == "__main__":
    main()
