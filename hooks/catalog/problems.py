"""Problems found in the data file, reported all at once and never as a traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Union

# A field path: ("models", "gpt-4o", "pricing", 1, "input")
Path = tuple[Union[str, int], ...]


# Control characters (and newlines) from the data must not reach the
# contributor's terminal raw: ESC starts an escape sequence, a newline would
# forge a second problem line, a bidi control (U+202E) would reorder the line
# and a zero-width character would hide what was found.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
                          "\ud800-\udfff\ufffe\uffff]")
# A key or value of a megabyte must not print a line of a megabyte: longer
# parts of a problem line keep their start and end and say how much is left out.
MAX_PART = 120
MAX_MESSAGE = 2000


def shorten(text: str, limit: int = MAX_PART) -> str:
    """`text`, or its first and last characters around a note of how many were left out."""
    if len(text) <= limit:
        return text
    keep = limit // 2
    return f"{text[:keep]}…({len(text) - 2 * keep:,} characters left out)…{text[-keep:]}"


def printable(text: str) -> str:
    """`text` with every control character written as a visible escape (\\x1b, \\n)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def format_path(path: Path) -> str:
    """`("models", "gpt-4o", "pricing", 1)` -> `models.gpt-4o.pricing[1]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{shorten(part)}" if text else shorten(str(part))
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data file, located to line and column (1-based)."""

    line: int
    column: int
    path: Path
    message: str
    file: str = ""

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}:{self.column}: {format_path(self.path)}: {shorten(self.message, MAX_MESSAGE)}")


class DataError(Exception):
    """The data file is unusable; carries every problem found in one run."""

    def __init__(self, file: str, problems: Iterable[Problem]):
        self.file = file
        self.problems = sorted({p if p.file else _with_file(p, file) for p in problems}, key=_reading_order)
        super().__init__(self.report())

    @property
    def count_text(self) -> str:
        """'1 problem', '3 problems'."""
        count = len(self.problems)
        return f"{count} problem{'s' if count != 1 else ''}"

    def report(self, outcome: str = "the site was not built") -> str:
        """The headline (with what happened because of the problems, if anything) and one line per problem."""
        head = f"{self.file} has {self.count_text}" + (f"; {outcome}" if outcome else "")
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def _reading_order(problem: Problem) -> tuple[int, int, str, str]:
    return problem.line, problem.column, format_path(problem.path), problem.message


def _with_file(problem: Problem, file: str) -> Problem:
    return Problem(problem.line, problem.column, problem.path, problem.message, file)


def describe(value: object) -> str:
    """How a found value reads in a message: its YAML type and a short repr."""
    kind = {
        bool: "a boolean", int: "an integer", float: "a number", str: "a string",
        list: "a list", dict: "a mapping", type(None): "nothing (null)",
    }.get(type(value), type(value).__name__)
    if isinstance(value, (dict, list)) or value is None:
        return kind
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{kind} {text}"
