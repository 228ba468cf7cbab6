"""How long a data edit takes to show under `mkdocs serve`, and whether the server grows.

    python benchmarks/serve_latency.py [--models 100] [--edits 20] [--dirty]

Copies the project with the first N models (multiplied first if needed),
starts `mkdocs serve` on a free port, then N times: changes one model's name
in data/models.yaml and polls its page until the new name is served. Prints
one JSON line per edit (seconds from the write to the new page, the server's
RSS in MiB) and a summary line. The `livereload` delay MkDocs waits for more
changes (build_delay, ~0.25 s) is part of every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_scale import with_models  # noqa: E402


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=int, default=100)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--dirty", action="store_true", help="run `mkdocs serve --dirty` (only changed pages rebuilt)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p"
        for name in ("docs", "hooks", "data", "overrides"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        data = yaml.safe_load((ROOT / "data" / "models.yaml").read_text(encoding="utf-8"))
        data = with_models(data, args.models)
        data_file = project / "data" / "models.yaml"
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)
        data_file.write_text(text, encoding="utf-8")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if args.dirty else [])], cwd=project, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        url = f"http://127.0.0.1:{port}/models/gpt-4o-mini/"
        try:
            deadline = time.monotonic() + 600
            while "GPT-4o mini" not in get(url) and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(3)  # let the watcher settle
            delays, sizes = [], []
            for edit in range(1, args.edits + 1):
                marker = f"GPT-4o mini edit {edit}"
                start = time.monotonic()
                data_file.write_text(text.replace("name: GPT-4o mini\n", f"name: {marker}\n", 1), encoding="utf-8")
                while marker not in get(url):
                    time.sleep(0.05)
                delays.append(time.monotonic() - start)
                sizes.append(rss_mib(server.pid))
                print(json.dumps({"edit": edit, "seconds": round(delays[-1], 2), "rss_mib": round(sizes[-1], 1)}), flush=True)
            print(json.dumps({"models": len(data["models"]), "edits": args.edits, "seconds_min": round(min(delays), 2),
                              "seconds_median": round(statistics.median(delays), 2), "rss_first_mib": round(sizes[0], 1),
                              "rss_last_mib": round(sizes[-1], 1), "dirty": args.dirty, "load": round(os.getloadavg()[0], 1)}))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
