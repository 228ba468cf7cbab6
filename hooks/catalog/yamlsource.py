"""Read the data file into plain Python values plus the line/column of every value.

PyYAML alone is not enough for a public data file: it keeps the last of two
duplicate keys (silently losing data in a merge), expands aliases (a few lines
can blow up to gigabytes) and forgets where each value came from. So we parse
to nodes, refuse anchors and aliases, check duplicates ourselves and keep every
node's position, so later checks can point at the exact line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from .problems import DataError, Path, Problem

MAX_BYTES = 5_000_000  # far above any real file; stops a runaway paste from eating memory

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# libyaml's parser when PyYAML was built with it (about 5x faster), else pure Python.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Parsed data and where each path starts in the file."""

    data: Any
    # Problems that still leave a usable tree (duplicate keys, aliases, NaN):
    # reported together with the schema and rule checks, in one run.
    problems: list[Problem] = field(default_factory=list)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        while path:
            if path in table:
                return table[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def load(path: FsPath, display_name: str) -> Located:
    """Parse `path`; raise DataError if it cannot be read as a YAML mapping at all."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(display_name, [Problem(1, 1, (), f"cannot read the file: {error.strerror}")]) from None
    return parse(raw, display_name)


def parse(raw: bytes, display_name: str) -> Located:
    problems = _byte_problems(raw)
    if problems:
        raise DataError(display_name, problems)
    text = raw.decode("utf-8")
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        raise DataError(display_name, [Problem(1, 1, (), "the file is empty; expected a mapping with vendors, benchmarks and models")])
    problems = _tab_problems(text)
    try:
        problems += _anchor_problems(text)
        # Composing does not expand aliases (they become shared nodes), and the
        # walk below visits each node once, so even a hostile file stays small.
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        line, column, what = _syntax_error(error)
        if not any(p.line == line for p in problems):  # a tab already explains it
            problems.append(Problem(line, column, path_at(text, line), f"YAML syntax error: {what}"))
        raise DataError(display_name, problems) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly everything
        problems.append(Problem(1, 1, (), f"YAML error: {error}"))
        raise DataError(display_name, problems) from None
    if not isinstance(node, yaml.MappingNode):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        raise DataError(display_name, [Problem(line, column, (), f"the top level must be a mapping (vendors:, benchmarks:, models:, ...), found {_node_kind(node)}")])
    located = Located(None, problems)
    located.data = _to_python(node, (), located, problems, set())
    return located


# Errors whose cause is where something was opened, not where the parser gave
# up: an unclosed { or [ or quote is noticed a line (or a file) later, a key
# without its colon on the next line. PyYAML and libyaml word the context alike.
_OPENED = {
    "while parsing a flow mapping": "this '{' has no closing '}'",
    "while parsing a flow sequence": "this '[' has no closing ']'",
    "while scanning a quoted scalar": "this quote has no closing quote",
    "while scanning a simple key": "this line has a key with no ':' after it",
}


def _syntax_error(error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """Line, column and message of a YAML syntax error, placed where the author must fix it."""
    context, opened, found = error.context or "", error.context_mark, error.problem_mark
    if context in _OPENED and opened is not None:
        noticed = f" (noticed at line {found.line + 1}, column {found.column + 1})" if found else ""
        return opened.line + 1, opened.column + 1, _OPENED[context] + noticed
    mark = found or opened
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, " ".join(part for part in (context, error.problem) if part)


_KEY = re.compile(r"""(?P<dash>(?:-[ ]+)*)(?P<key>"[^"]*"|'[^']*'|[^\s#:{}\[\],&*!|>'"%@`-][^#:]*?|-[^\s#:][^#:]*?)[ ]*:(?:\s|$)""")


def path_at(text: str, line: int) -> Path:
    """The field a line belongs to, read from the indentation above it (for a file that does not parse).

    `models.gpt-4o.modalities` for the line `    modalities: {input: [text]`:
    its own key, then the key of each less indented line above, with list
    items counted. A best guess for messages only; () when nothing fits.
    """
    lines = text.splitlines()
    path: list[str | int] = []
    limit: int | None = None     # a parent is indented less than this
    index = min(line, len(lines)) - 1
    while index >= 0 and limit != 0:
        raw = lines[index]
        body = raw.lstrip(" ")
        indent = len(raw) - len(body)
        if body.strip() and not body.startswith("#") and (limit is None or indent < limit):
            match = _KEY.match(body)
            dash = match.group("dash") if match else re.match(r"(?:-[ ]+)*", body).group()
            if match and (limit is None or indent + len(dash) < limit):
                path.insert(0, match.group("key").strip("'\""))
            if dash:
                path.insert(0, _item_number(lines, index, indent))
            limit = indent
        index -= 1
    return tuple(path)


def _item_number(lines: list[str], index: int, indent: int) -> int:
    """Which item of its list the dash line at `index` is (0-based)."""
    number = 0
    for raw in reversed(lines[:index]):
        body = raw.lstrip(" ")
        if not body.strip() or body.startswith("#"):
            continue
        here = len(raw) - len(body)
        if here < indent or (here == indent and not body.startswith("-")):
            break
        number += here == indent
    return number


def _byte_problems(raw: bytes) -> list[Problem]:
    if len(raw) > MAX_BYTES:
        return [Problem(1, 1, (), f"the file is {len(raw):,} bytes; expected at most {MAX_BYTES:,}")]
    try:
        raw.decode("utf-8")
        return []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return [Problem(line, column, (), f"the file must be UTF-8; found the byte 0x{raw[error.start]:02x}, which is not valid UTF-8")]


def _tab_problems(text: str) -> list[Problem]:
    # YAML forbids tabs in indentation and PyYAML's message for it is cryptic;
    # report every tab so an editor that inserted them is obvious.
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("\t")
        if column >= 0 and not line.lstrip(" ").startswith("#"):
            found.append(Problem(number, column + 1, (), "a tab character; YAML indentation must use spaces"))
    return found


def _anchor_problems(text: str) -> list[Problem]:
    # Anchors and aliases let a few lines expand to gigabytes ("billion laughs")
    # and hide where a value came from; the data file has no use for them.
    found = []
    for event in yaml.parse(text, Loader=FAST_LOADER):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            found.append(_event_problem(event, f"an alias (*{anchor}); anchors and aliases are not allowed, write the value out"))
        elif anchor:
            found.append(_event_problem(event, f"an anchor (&{anchor}); anchors and aliases are not allowed, write the value out"))
    return found


def _event_problem(event: yaml.Event, message: str) -> Problem:
    return Problem(event.start_mark.line + 1, event.start_mark.column + 1, (), message)


_scalar_loader = yaml.SafeLoader("")


def _to_python(node: yaml.Node, path: Path, located: Located, problems: list[Problem], seen: set[int]) -> Any:
    located.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:
        return None  # an alias, already reported
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(Problem(line, column, path, f"a key must be plain text, found {_node_kind(key_node)}"))
                continue
            key = key_node.value
            if key in result:
                first = located.key_positions[path + (key,)]
                problems.append(Problem(line, column, path + (key,), f"duplicate key '{key}' (first defined at line {first[0]}); YAML keeps only the last one, so one of them would be lost"))
                continue
            located.key_positions[path + (key,)] = (line, column)
            result[key] = _to_python(value_node, path + (key,), located, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (index,), located, problems, seen) for index, item in enumerate(node.value)]
    if node.tag == TIMESTAMP_TAG:
        # Keep dates as the text written, so the JSON Schema (which knows only
        # strings) and editors see the same value; the schema checks it is a
        # real calendar date.
        return node.value
    try:
        value = _scalar_loader.construct_object(node)
    except (ValueError, yaml.constructor.ConstructorError) as error:
        problems.append(Problem(*located.positions[path], path, f"cannot read the value {node.value!r}: {error}"))
        return node.value
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(*located.positions[path], path, f"expected a finite number, found {node.value}"))
    if isinstance(value, bytes):
        problems.append(Problem(*located.positions[path], path, "binary values are not allowed"))
    return value


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}"


