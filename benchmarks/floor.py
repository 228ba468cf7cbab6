"""Make the "floor" project: the same pages built by plain MkDocs + Material, with the hooks' work removed.

    python benchmarks/floor.py PROJECT FLOOR

Builds PROJECT once with a dump hook that saves every page's final Markdown
(after macros, before our raw-HTML swap), then writes FLOOR: those Markdown
files as ordinary docs, the open-data files copied in, the same mkdocs.yml
without `hooks:`. Building FLOOR is what MkDocs and Material cost on their
own for these pages; bench.py --project FLOOR measures it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DUMP_HOOK = '''
import os
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-50)  # after macros (0), before the raw-HTML swap (-100)
def on_page_markdown(markdown, page, config, **_):
    target = Path(os.environ["FLOOR_DUMP"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
'''

# What MkDocs and Material write themselves, and so the floor build writes too.
THEME_OUTPUT = ("assets/", "search/", "sitemap.xml")


def make_floor(project: Path, floor: Path) -> None:
    dump = floor.with_name(floor.name + "-dump")
    shutil.rmtree(dump, ignore_errors=True)
    (project / "hooks" / "_floor_dump.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs-dump.yml").write_text(config.replace("hooks:\n", "hooks:\n  - hooks/_floor_dump.py\n", 1), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "FLOOR_DUMP": str(dump)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs-dump.yml", "-d", str(dump) + "-site"],
                   cwd=project, env=env, check=True)
    shutil.rmtree(floor, ignore_errors=True)
    shutil.copytree(project / "docs", floor / "docs")
    shutil.copytree(project / "overrides", floor / "overrides")
    shutil.copytree(dump, floor / "docs", dirs_exist_ok=True)
    # Every file the hooks publish beside the pages (api/, feed.xml, changes.json,
    # models.csv, the schema, and whatever is added later): the pages link to them.
    site = Path(str(dump) + "-site")
    for file in sorted(site.rglob("*")):
        name = file.relative_to(site).as_posix()
        if file.is_file() and not name.endswith(".html") and not name.startswith(THEME_OUTPUT) \
                and not (project / "docs" / name).exists():
            (floor / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, floor / "docs" / name)
    # No hooks; the data folder is not needed. Generated pages were built
    # NOT_IN_NAV; list them as such so the floor logs the same.
    config = re.sub(r"(?ms)^hooks:\n(  - .*?\n)+", "", config)
    (floor / "mkdocs.yml").write_text(config + "\nnot_in_nav: |\n  /models/*\n  /vendors/*\n  /compare/*\n  /applications/*\n", encoding="utf-8")
    (floor / "hooks").mkdir()  # watched by mkdocs.yml; empty
    (floor / "data").mkdir()
    (floor / "data" / "models.yaml").write_text("models: {}\n", encoding="utf-8")  # bench.py copies data/
    (project / "hooks" / "_floor_dump.py").unlink()
    (project / "mkdocs-dump.yml").unlink()
    shutil.rmtree(dump)
    shutil.rmtree(str(dump) + "-site")


if __name__ == "__main__":
    make_floor(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
