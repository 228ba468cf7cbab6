"""CPU seconds of our hooks' own work (the on_config data step) for 1x and 8x the models.

    python benchmarks/hooks_share.py [factor ...]     (default: 1 8)

The build's total CPU time comes from bench.py; hooks' share = this / that.
The raw-HTML swap (hooks/rawhtml.py) is timed over every generated page too.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(Path(__file__).resolve().parent)]

from build_scale import multiplied  # noqa: E402
from catalog.rawhtml import hide  # noqa: E402
from catalog.site import prepare  # noqa: E402
from catalog.yamlsource import load  # noqa: E402


def main(factors: list[int]) -> None:
    data = load(ROOT / "data" / "models.yaml", "models.yaml").data
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            target = Path(tmp) / f"x{factor}.yaml"
            target.write_text(yaml.safe_dump(multiplied(data, factor), sort_keys=False, allow_unicode=True), encoding="utf-8")
            runs = []
            for _ in range(3):
                start = time.process_time()
                plan = prepare(target, ROOT / "data" / "models.schema.json", "models.yaml", ROOT / "docs")
                middle = time.process_time()
                for page in plan.pages:
                    hide(page.markdown)
                runs.append((middle - start, time.process_time() - middle))
            best = min(runs, key=sum)
            print(json.dumps({"factor": factor, "models": len(plan.catalog.models), "pages": len(plan.pages),
                              "prepare_cpu_s": round(best[0], 2), "rawhtml_cpu_s": round(best[1], 2)}), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 8])
