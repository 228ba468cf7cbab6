"""Bytes a first visit transfers, per page: a fresh browser profile, the built site on 127.0.0.1.

    .venv/bin/python benchmarks/first_visit.py site/ [page ...]

Counts every response body (Playwright's network events: `response` -> `body()`) from
navigation until the network has been idle for 2 s, without using search. The local server
sends files uncompressed, so these are the files' own sizes; a CDN's gzip would shrink text ~4×.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from browser_support import ARGS, CHROMIUM  # noqa: E402

PAGES = ("", "models/gpt-4o/", "compare/gpt-4o-vs-gpt-4o-mini/", "compare/", "compare/many/")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def measure(site: Path, pages: tuple[str, ...]) -> list[tuple[str, int, int, list[tuple[str, int]]]]:
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                responses = []
                context.on("response", lambda r: responses.append(r))
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(2000)
                files = []
                for r in responses:
                    try:
                        files.append((r.url.replace(base, "/"), len(r.body())))
                    except Exception:  # noqa: BLE001 - redirects have no body
                        files.append((r.url.replace(base, "/"), 0))
                total = sum(n for _, n in files)
                rows.append((path or "(home)", len(files), total, sorted(files, key=lambda f: -f[1])))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    for path, count, total, files in measure(args.site, tuple(args.pages)):
        print(f"| /{path.lstrip('/') if path != '(home)' else ''} | {count} | {total:,} | " +
              ", ".join(f"{u} {n:,}" for u, n in files[:3]) + " |")


if __name__ == "__main__":
    main()
