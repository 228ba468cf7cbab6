"""How build time and output grow with the number of models.

    python benchmarks/build_scale.py [factor ...]     (default: 1 8)

For each factor, copies the project to a temp dir, multiplies the models in
data/models.yaml (copies get ids like gpt-4o-x3; the real file is untouched),
builds with `mkdocs build --strict`, and prints models, pages, wall time,
output size, and the time our hooks take on their own (load, validate,
derive, render page sources, export) — all figures, no pass/fail.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from catalog import load_catalog  # noqa: E402
from catalog.export import model_documents, models_csv, models_json, prices_json  # noqa: E402
from catalog.feed import atom_feed, changes_json  # noqa: E402
from catalog.render import environment, generated_pages  # noqa: E402
from catalog.views import build_views  # noqa: E402
from catalog.yamlsource import load  # noqa: E402


def multiplied(data: dict, factor: int) -> dict:
    out = copy.deepcopy(data)
    for k in range(1, factor):
        for model_id, model in data["models"].items():
            twin = copy.deepcopy(model)
            twin["name"] = f"{model['name']} (copy {k})"
            out["models"][f"{model_id}-x{k}"] = twin
    return out


def keep_only(data: dict, ids: set[str]) -> dict:
    """The data with only these models, their vendors, and what names only them (comparisons, figures, replacements)."""
    out = copy.deepcopy(data)
    out["models"] = {k: v for k, v in out["models"].items() if k in ids}
    vendors = {m["vendor"] for m in out["models"].values()}
    out["vendors"] = {k: v for k, v in out["vendors"].items() if k in vendors}
    out["comparisons"] = [c for c in out.get("comparisons", []) if set(c.get("models", [])) <= ids]
    out["independent"] = {k: v for k, v in (out.get("independent") or {}).items() if k in ids}
    for model in out["models"].values():
        retirement = model.get("retirement")
        if isinstance(retirement, dict) and retirement.get("replacement") not in (None, *ids):
            del retirement["replacement"]
    return out


def with_models(data: dict, count: int) -> dict:
    """The data with exactly `count` models: copies added when it has fewer; whole vendors in file order when it
    has more, the last one cut short (its served models first, since every vendor needs one that is served)."""
    if count >= len(data["models"]):
        out = multiplied(data, -(-count // len(data["models"])))
        return keep_only(out, set(list(out["models"])[:count]))
    by_vendor: dict[str, list[str]] = {}
    for model_id, model in data["models"].items():
        by_vendor.setdefault(model["vendor"], []).append(model_id)
    keep: list[str] = []
    for ids in by_vendor.values():
        room = count - len(keep)
        if room <= 0:
            break
        served = [i for i in ids if data["models"][i].get("status") != "retired" and not data["models"][i].get("retirement")]
        keep += ids if len(ids) <= room else (served + [i for i in ids if i not in served])[:room]
    return keep_only(data, set(keep))


def measure(factor: int, workdir: Path) -> dict:
    project = workdir / f"x{factor}"
    for name in ("docs", "hooks", "data", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    data = multiplied(load(ROOT / "data" / "models.yaml", "models.yaml").data, factor)
    data_file = project / "data" / "models.yaml"
    data_file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    start = time.perf_counter()
    catalog = load_catalog(data_file, project / "data" / "models.schema.json", "models.yaml")
    views = build_views(catalog)
    pages = generated_pages(catalog, views, environment())
    models_json(catalog, views), models_csv(catalog), model_documents(catalog, views), prices_json(catalog)
    atom_feed(catalog, "https://llm-compare.example/", "LLM Compare"), changes_json(catalog, "https://llm-compare.example/")
    hooks_seconds = time.perf_counter() - start

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    times = []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env, check=True)
        times.append(time.perf_counter() - start)
    site = project / "site"
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    html = sum(1 for _ in site.rglob("*.html"))
    return {"factor": factor, "models": len(catalog.models), "generated": len(pages), "html": html,
            "build_s": min(times), "hooks_s": hooks_seconds, "site_mb": size / 1e6}


def main(factors: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(f, Path(tmp)) for f in factors]
    base = rows[0]
    print(f"{'factor':>6} {'models':>6} {'pages':>6} {'html':>6} {'build s':>8} {'hooks s':>8} {'site MB':>8} "
          f"{'time x':>7} {'size x':>7} {'ms/model':>8}")
    for r in rows:
        print(f"{r['factor']:>6} {r['models']:>6} {r['generated']:>6} {r['html']:>6} {r['build_s']:>8.2f} {r['hooks_s']:>8.2f} "
              f"{r['site_mb']:>8.1f} {r['build_s'] / base['build_s']:>7.2f} {r['site_mb'] / base['site_mb']:>7.2f} "
              f"{1000 * r['build_s'] / r['models']:>8.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 8])
