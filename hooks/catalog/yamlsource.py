"""Read the data file into plain Python values plus the line/column of every value.

PyYAML alone is not enough for a public data file: it keeps the last of two
duplicate keys (silently losing data in a merge), expands aliases (a few lines
can blow up to gigabytes) and forgets where each value came from. So we parse
to nodes, refuse anchors and aliases, check duplicates ourselves and keep every
node's position, so later checks can point at the exact line.
"""

from __future__ import annotations

import bisect
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
    # Characters YAML itself refuses (NUL, ESC, DEL, C1) stop PyYAML with an
    # offset but no line; find every one first so each is reported where it is.
    raw_controls = _raw_character_problems(text)
    if raw_controls:
        # Same length replacement, so every later line and column still match the file.
        text = RAW_CONTROL.sub("\ufffd", text)
    problems = []
    try:
        # One pass over the parser's events (a state machine, no recursion)
        # before composing (which recurses once per nesting level).
        problems = _event_problems(text)
        if any(p.message.startswith(TOO_DEEP) for p in problems):
            raise DataError(display_name, problems)
        # Composing does not expand aliases (they become shared nodes), and the
        # walk below visits each node once, so even a hostile file stays small.
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        line, column, what = _syntax_error(error)
        problems = raw_controls + _tab_problems(text, line)
        if not any(p.line == line for p in problems):  # a tab already explains it
            problems.append(Problem(line, column, path_at(text, line), f"YAML syntax error: {what}"))
        raise DataError(display_name, problems) from None
    except yaml.YAMLError as error:  # pragma: no cover - PyYAML marks nearly everything
        raise DataError(display_name, [Problem(1, 1, (), f"YAML error: {error}")]) from None
    if node is None:  # no document at all: only a byte order mark, say
        raise DataError(display_name, [Problem(1, 1, (), "the file is empty; expected a mapping with vendors, benchmarks and models")])
    if not isinstance(node, yaml.MappingNode):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        raise DataError(display_name, [Problem(line, column, (), f"the top level must be a mapping (vendors:, benchmarks:, models:, ...), found {_node_kind(node)}")])
    located = Located(None, problems)
    located.data = _to_python(node, (), located, problems, set())
    if raw_controls:
        # Sorted once and searched by bisection: a file full of control
        # characters must not cost positions x characters.
        starts = sorted((position, len(path), path) for path, position in located.positions.items())
        problems += [_in_field(p, starts) for p in raw_controls]
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
            dash = match.group("dash") if match else re.match(r"(?:-[ ]+)*", body).group()  # type: ignore[union-attr]  # matches even ""
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


def _in_field(problem: Problem, starts: list[tuple[tuple[int, int], int, Path]]) -> Problem:
    """The problem, with the path of the last (deepest) value that starts at or before it."""
    index = bisect.bisect_right(starts, ((problem.line, problem.column), float("inf"))) - 1
    path = starts[index][2] if index >= 0 else ()
    return Problem(problem.line, problem.column, path, problem.message)


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


def _tab_problems(text: str, error_line: int) -> list[Problem]:
    # Called only when the file does not parse. A tab inside a quoted string
    # is valid YAML and accepted; a tab in indentation is not, and PyYAML's
    # message for it is cryptic, so name every such tab (an editor that
    # inserted one usually inserted many), plus any tab on the failing line.
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        column = indent.find("\t") if "\t" in indent else (line.find("\t") if number == error_line else -1)
        if column >= 0 and not line.lstrip(" \t").startswith("#"):
            found.append(Problem(number, column + 1, (), "a tab character; YAML indentation must use spaces"))
    return found


# Control characters have no place in names, summaries or ids: they reach the
# HTML, the CSV and the contributor's terminal (ESC starts a terminal escape
# sequence). Tab and newline are ordinary text; CR is allowed raw only as part
# of a line break. U+2028/2029 are line breaks to PyYAML but not to most
# editors, so line numbers would stop matching. Bidi controls (U+202E
# RIGHT-TO-LEFT OVERRIDE and its kin) reorder the text around them on the page
# and in a terminal, so "gpt\u202eexe.4" reads as another name: refused alike.
# U+FFFE and U+FFFF are noncharacters that XML (the feed, the sitemap) cannot
# hold, and a lone surrogate cannot be written as UTF-8: refused alike, raw or escaped.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")
RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def control_name(char: str) -> str:
    names = {0: "NUL", 8: "BS", 0x1B: "ESC", 0x7F: "DEL", 0x85: "NEL", 0x0D: "CR", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
             0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
             0xFFFE: "a noncharacter", 0xFFFF: "a noncharacter"}
    code = ord(char)
    return f"U+{code:04X}" + (f" ({names[code]})" if code in names else "")


def _raw_character_problems(text: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = RAW_CONTROL.search(line)
        if match:  # one problem per line: a pasted binary blob should not print a line per byte
            more = len(RAW_CONTROL.findall(line)) - 1
            found.append(Problem(number, match.start() + 1, (), f"expected printable text, found the control character "
                                                                f"{control_name(match.group())}" + (f" (and {more:,} more on this line)" if more else "")))
    return found


# The data nests 6 deep (top > models > id > pricing > [i] > ...); 10 leaves room for new fields and stops a hostile `[[[[...` long before
# the composer's recursion (or a C stack) runs out.
MAX_DEPTH = 10
TOO_DEEP = "nested deeper than"


def _event_problems(text: str) -> list[Problem]:
    """Anchors, aliases and excessive nesting, from the parser's event stream."""
    # Anchors and aliases let a few lines expand to gigabytes ("billion laughs")
    # and hide where a value came from; the data file has no use for them.
    found = []
    # Per open collection: [is_mapping, items seen, current key]; gives the
    # field path of a too-deep value without composing the tree.
    stack: list[list[Any]] = []
    for event in yaml.parse(text, Loader=FAST_LOADER):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            continue
        if stack:  # this event is an item (or a key) of the innermost open collection
            frame = stack[-1]
            if frame[0] and frame[1] % 2 == 0:
                frame[2] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            frame[1] += 1
        anchor = getattr(event, "anchor", None)  # placed on its field, like every other problem
        if isinstance(event, yaml.AliasEvent):
            found.append(_event_problem(event, _value_path(stack), f"an alias (*{anchor}); anchors and aliases are not allowed, write the value out"))
        elif anchor:
            found.append(_event_problem(event, _value_path(stack), f"an anchor (&{anchor}); anchors and aliases are not allowed, write the value out"))
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                found.append(Problem(event.start_mark.line + 1, event.start_mark.column + 1, _value_path(stack),  # type: ignore[union-attr]  # parser events carry marks
                                     f"{TOO_DEEP} {MAX_DEPTH} levels of lists and mappings; the data needs far fewer"))
                return found
            stack.append([isinstance(event, yaml.MappingStartEvent), 0, None])
    return found


def _value_path(stack: list[list[Any]]) -> Path:
    # A mapping frame holds its current key; a list frame has counted the current item.
    return tuple(frame[2] if frame[0] else frame[1] - 1 for frame in stack)


def _event_problem(event: yaml.Event, path: Path, message: str) -> Problem:
    return Problem(event.start_mark.line + 1, event.start_mark.column + 1, path, message)  # type: ignore[union-attr]  # parser events carry marks


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
            _control_problem(key, (line, column), path + (key,), problems, "key")
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
    finally:
        # PyYAML's constructor remembers every node it built (constructed_objects, for aliases) until
        # construct_document ends, which a lone construct_object never reaches: without this, the one module-level
        # loader kept every scalar node of every parse, and `mkdocs serve` grew by ~15 MiB per rebuild.
        _scalar_loader.constructed_objects.pop(node, None)
    disagreement = _yaml_versions_disagree(node, value)
    if disagreement:
        # One problem, this one: the value stays as read, so the schema does not add a second.
        problems.append(Problem(*located.positions[path], path, disagreement))
    if isinstance(value, str):
        _control_problem(value, located.positions[path], path, problems, "text")
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(Problem(*located.positions[path], path, f"expected a finite number, found {node.value}"))
    if isinstance(value, bytes):
        problems.append(Problem(*located.positions[path], path, "binary values are not allowed"))
    return value


# YAML 1.2's core schema (what most editors and other readers use) for plain
# scalars. PyYAML reads YAML 1.1, where 010000 is octal (4096), 1:30 is
# sexagesimal (90), 1_000 is 1000 and yes/on are true: the site would show a
# value the contributor's editor does not.
_CORE_BOOL = re.compile(r"\A(?:true|True|TRUE|false|False|FALSE)\Z")
_CORE_INT = re.compile(r"\A(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)\Z")
_CORE_FLOAT = re.compile(r"\A(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z")


def _yaml_versions_disagree(node: yaml.Node, value: Any) -> str:
    """Why a plain scalar reads differently in YAML 1.1 and 1.2 ('' when it does not)."""
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):  # the C loader writes plain as ""
        return ""  # quoted text is text in every version
    text = node.value
    if isinstance(value, bool) and not _CORE_BOOL.match(text):
        return f"{text!r} reads as {str(value).lower()} here but as the text {text!r} in YAML 1.2 editors; write true or false, or quote it"
    if isinstance(value, int) and not isinstance(value, bool) and not _CORE_INT.match(text):
        return (f"{text!r} reads as {value:,} here (YAML 1.1) but differently in YAML 1.2 editors; "
                f"write the number in plain decimal digits without leading zeros, underscores or colons")
    if isinstance(value, float) and not _CORE_FLOAT.match(text):
        return (f"{text!r} reads as {value!r} here (YAML 1.1) but differently in YAML 1.2 editors; "
                f"write the number in plain decimal digits")
    return ""


def _control_problem(value: str, where: tuple[int, int], path: Path, problems: list[Problem], what: str) -> None:
    # Written as an escape in a double-quoted string ("\e", "\0", "\x85"):
    # valid YAML, but the character itself must not reach a page or a terminal.
    match = CONTROL.search(value)
    if match:
        problems.append(Problem(*where, path, f"expected {what} without control characters, found {control_name(match.group())} "
                                              f"at character {match.start() + 1}"))


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}"


