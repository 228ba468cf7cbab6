"""Builds are deterministic, and `mkdocs serve` survives a bad data edit with the last good pages."""

from __future__ import annotations

import contextlib
import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from helpers import run_build
from trimmed import trimmed_text


@pytest.fixture
def small_project(project):
    """The project with the real data cut to two vendors: serve's rebuild machinery is the subject here, and each
    rebuild of the full catalogue costs about three times as much (16 s against 5 s of CPU on the 2-core machine)."""
    (project / "data" / "models.yaml").write_text(trimmed_text(), encoding="utf-8")
    return project


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_commit_builds_the_same_bytes(project, built_site):
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    ours, theirs = _files(project / "site"), _files(built_site)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(check, seconds: float = 180.0):  # a full build of ~240 models takes up to 50 s on a busy 2-core machine
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out; last value: {value!r}"[:3000] if 'value' in locals() else "timed out")


@contextlib.contextmanager
def _serving(project, *extra: str):
    """`mkdocs serve` on a free port; yields (base URL, output holder). Its output joins a failed assertion."""
    port = _free_port()
    env = {"PATH": os.environ["PATH"], "NO_MKDOCS_2_WARNING": "true", "HOME": str(project)}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *extra, "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}/", output
    except AssertionError as error:
        server.send_signal(signal.SIGTERM)
        raise AssertionError(f"{error}\nserver output:\n{server.communicate(timeout=20)[0][-3000:]}") from None
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            output.append(server.communicate(timeout=20)[0])


def test_serve_rebuilds_on_data_edit_and_keeps_the_last_good_pages(small_project):
    project = small_project
    data = project / "data" / "models.yaml"
    with _serving(project) as (base, out):
        url = base + "models/gpt-4o-mini/"
        _wait_for(lambda: "GPT-4o mini" in _get(url))
        time.sleep(2)  # the file watcher settles after the first build; an edit inside that window can be missed
        text = data.read_text(encoding="utf-8")
        data.write_text(text.replace("name: GPT-4o mini\n", "name: GPT-4o mini edited\n", 1), encoding="utf-8")
        _wait_for(lambda: "GPT-4o mini edited" in _get(url))
        data.write_text(text.replace("name: GPT-4o mini\n", "name: GPT-4o mini edited\n", 1)
                        .replace("context_window: 128000", 'context_window: "128k"', 1), encoding="utf-8")
        page = _wait_for(lambda: (p := _get(url)) and "this preview shows the last good data" in p and p)
        assert "GPT-4o mini edited" in page  # the last good data, not an empty or stuck server
        assert "expected a whole number of tokens" in page
        assert "data/models.yaml has 1 problem; this preview shows the last good data until it is fixed" in page
        # Once failed after MkDocs had cleaned site/ (struct.error in the
        # sitemap's gzip), after which the server answered nothing at all.
        data.write_text(re.sub(r"^as_of: [0-9-]+$", "as_of: 2200-01-01", text, count=1, flags=re.M), encoding="utf-8")
        page = _wait_for(lambda: (p := _get(url)) and "expected a date from 1980 to 2099" in p and p)
        assert "GPT-4o mini" in page
        # A broken macro in a hand-written page shows on that page; the server keeps answering.
        home = project / "docs" / "index.md"
        source = home.read_text(encoding="utf-8")
        line = source[:source.index("{{ as_of }}")].count("\n") + 1  # the line a contributor sees in the file
        home.write_text(source.replace("{{ as_of }}", '{{ price("no-such-model", "input") }}'), encoding="utf-8")
        front = _wait_for(lambda: (p := _get(base)) and "This page has a macro error" in p and p)
        assert f"docs/index.md:{line}:" in html.unescape(front) and "no-such-model" in front
        assert "GPT-4o mini" in _get(url)
    output = out[0]
    assert "data/models.yaml:" in output and "expected a whole number of tokens" in output
    assert "Traceback" not in output and "server will appear stuck" not in output
    # One clear message, not "the site was not built" followed by "Documentation built".
    assert "the site was not built" not in output
    message = output.index("data/models.yaml has 1 problem; serving the last good data until it is fixed")
    problem = output.index("expected a whole number of tokens", message)
    assert output[message:problem].count("\n") == 1, "the problem line follows the headline"
    assert "Documentation built" not in output[message:], output[message:]


def test_serve_dirty_rebuilds_every_page_that_shows_an_edit_and_stays_fresh_after_a_bad_edit(small_project):
    """Under `serve --dirty` unchanged generated pages are skipped; every page whose Markdown changed is rebuilt."""
    project = small_project
    showing = ["models/gpt-4o-mini/", "models/", "vendors/openai/", "compare/gpt-4o-vs-gpt-4o-mini/", "calculator/", ""]
    data = project / "data" / "models.yaml"
    text = data.read_text(encoding="utf-8")
    with _serving(project, "--dirty") as (base, out):
        _wait_for(lambda: "GPT-4o mini" in _get(base + showing[0]))
        time.sleep(2)
        data.write_text(text.replace("name: GPT-4o mini\n", "name: GPT-4o tiny\n", 1), encoding="utf-8")
        for path in showing:  # the home page expands macros over the data: rebuilt although its file did not change
            _wait_for(lambda: "GPT-4o tiny" in _get(base + path))
        # A bad edit puts the banner on every page, and fixing it takes the banner off every page.
        data.write_text(text.replace("context_window: 128000", 'context_window: "128k"', 1), encoding="utf-8")
        _wait_for(lambda: "this preview shows the last good data" in _get(base + "vendors/google/"))
        data.write_text(text, encoding="utf-8")
        for path in ("vendors/google/", showing[0]):
            page = _wait_for(lambda: (p := _get(base + path)) and "this preview shows the last good data" not in p and p)
        assert "GPT-4o mini" in page and "GPT-4o tiny" not in page
    assert "Traceback" not in out[0]
