"""Property-based test of the data step: wrong shapes and values in every field of the JSON Schema.

Hypothesis puts one to three hostile values (a list where a name goes, a
mapping where a list goes, nested lists, wrong scalars, huge, negative or
float-for-int numbers, text with control, bidi or zero-width characters,
dates out of range, plain YAML 1.1 scalars such as `yes` or `010000`) at
fields of the small valid data file in tests/sample.py, each field found by
walking data/models.schema.json (its properties, items, mappings and ids,
through every $ref). The build's data step must then either accept the file
or raise DataError whose every problem is located (file:line:column) on a
field path; any other exception is a traceback a contributor would see, and
a slow step fails Hypothesis' deadline. tests/test_hostile.py has the
hand-picked cases; this finds the ones nobody thought of.
"""

from __future__ import annotations

import json
import os
import re
import signal
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from helpers import SCHEMA
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sample import dump, sample

from catalog import DataError
from catalog.problems import format_path
from catalog.site import prepare

SHOWN = "data/models.yaml"

# A small budget: the data step takes tens of milliseconds on this file, so
# the whole test stays well under a minute in CI on two busy cores.
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "60"))
settings.register_profile(
    "data", max_examples=EXAMPLES, deadline=timedelta(seconds=10), derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])

# --- where values go: every field the schema describes, at a place in the sample ------------------------

_SCHEMA = json.loads(SCHEMA.read_text(encoding="utf-8"))
Path_ = tuple[Any, ...]


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**_SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _slots(node: dict[str, Any], data: Any, path: Path_, out: dict[Path_, Any], keys: dict[Path_, None], depth: int = 0) -> None:
    """Every path the schema gives a meaning to, under `path` (where `data` is the sample's value, if any)."""
    node = _resolve(node)
    if depth > 8 or path in out and path:
        return
    out[path] = node
    if "propertyNames" in node:
        keys[path] = None           # a mapping keyed by ids: its keys are fields too
    for name, child in node.get("properties", {}).items():
        _slots(child, data.get(name) if isinstance(data, dict) else None, path + (name,), out, keys, depth + 1)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        present = list(data) if isinstance(data, dict) and data else ["new-key"]
        for key in present[:2]:
            _slots(extra, data.get(key) if isinstance(data, dict) else None, path + (key,), out, keys, depth + 1)
    if isinstance(node.get("items"), dict):
        present = range(min(len(data), 2)) if isinstance(data, list) and data else range(1)
        for index in present:
            _slots(node["items"], data[index] if isinstance(data, list) and data else None, path + (index,), out, keys, depth + 1)


SLOTS: dict[Path_, Any] = {}
KEYED: dict[Path_, None] = {}
_slots(_SCHEMA, sample(), (), SLOTS, KEYED)
FIELDS = sorted((p for p in SLOTS if p), key=repr)
MAPPINGS = sorted(KEYED, key=repr)


def test_the_walk_reaches_every_field_of_the_schema():
    reached = {part for path in FIELDS for part in path if isinstance(part, str)}
    named = set()
    for node in [_SCHEMA, *_SCHEMA["$defs"].values()]:
        named |= set(_resolve(node).get("properties", {}))
    assert named <= reached, sorted(named - reached)


# --- what goes there ---------------------------------------------------------------------------------------

class Raw(str):
    """A scalar written into the YAML as is, unquoted (yaml.safe_dump would quote `yes` and `010000`)."""


ODD_CHARACTERS = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u200c", "\u200d",
                  "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\x85", "\x00", "\x1b", "\x7f", "\t", "\r", "\n",
                  " ", "\u00a0", "\u3000", "\U0001f600", "\ud7ff", "é", "'", '"', "{{", "}}", "|", "<", "&", ":", "#"]
YAML11 = ["yes", "no", "on", "off", "y", "n", "Yes", "OFF", "010000", "0777", "1_000", "128_000", "1:30", "190:20:30",
          "0b101", "0x1F", "0o17", "+12", "1e3", "1E3", ".5", "5.", "1.0", "-0", ".inf", "-.inf", ".nan", "~", "null", "Null",
          "2024-01-01 10:00:00", "2024-1-1", "=", "<<"]
DATES = ["0001-01-01", "1979-12-31", "2100-01-01", "9999-12-31", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
         "2024-1-01", "24-01-01", "2024/01/01", "2024-01", "2024", "2024-01-01T00:00:00Z", "20240101", "٢٠٢٤-٠١-٠١"]

odd_text = st.lists(st.one_of(st.sampled_from(ODD_CHARACTERS), st.text(max_size=4)), max_size=6).map("".join)
words = st.one_of(odd_text, st.sampled_from(["", " ", "\u200b", "\u202e", "x\u202egnp.exe", "gpt-4o", "big-model", "openai",
                                             "mmlu", "launch", "index", "a-vs-b", "big-model\n", "x" * 300]))
numbers = st.one_of(st.integers(), st.integers(min_value=-(10 ** 40), max_value=10 ** 40),
                    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, -1, 1, 2 ** 31, 2 ** 63, 10 ** 20, 128000.0,
                                                                                       0.1 + 0.2, 1e-12, -0.0, 1e308]))
scalars = st.one_of(st.none(), st.booleans(), numbers, words, st.sampled_from(DATES), st.sampled_from(YAML11).map(Raw),
                    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(words, inner, max_size=3)),
                      max_leaves=6)


def plausible(node: dict[str, Any]) -> st.SearchStrategy[Any]:
    """A value of the type the schema asks for, at the edges of what it allows (so it reaches the rules and the pages)."""
    kind = node.get("type")
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if kind == "integer":
        low, high = node.get("minimum", -(10 ** 30)), node.get("maximum", 10 ** 30)
        return st.one_of(st.integers(low, high), st.sampled_from([low, high]))
    if kind == "number":
        low, high = node.get("minimum", -1e30), node.get("maximum", 1e30)
        return st.one_of(st.floats(low, high, allow_nan=False), st.sampled_from([low, high, 0]),
                         st.decimals(0, 10, places=6).map(float))
    if kind == "boolean":
        return st.booleans()
    if kind == "string" and node.get("format") == "date":
        return st.dates(date(1980, 1, 1), date(2099, 12, 31)).map(date.isoformat)
    if kind == "string":
        return st.one_of(odd_text.filter(lambda s: s.strip()), st.sampled_from(["big-model", "small-model", "openai", "acme",
                                                                                "mmlu", "wer", "launch", "pricing", "x" * 200]))
    if kind == "array" and isinstance(node.get("items"), dict):
        return st.lists(plausible(_resolve(node["items"])), max_size=3)
    return values


@st.composite
def edits(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """The sample with one to three fields set to hostile values (and perhaps a hostile key), and the raw scalars used."""
    data, raws = sample(), []
    for _ in range(draw(st.integers(1, 3))):
        if MAPPINGS and draw(st.integers(0, 5)) == 0:
            parent = _container(data, draw(st.sampled_from(MAPPINGS)), {})
            if isinstance(parent, dict):
                parent[draw(words)] = draw(values) if not parent else next(iter(parent.values()))
            continue
        path = draw(st.sampled_from(FIELDS))
        parent = _container(data, path[:-1], [] if isinstance(path[-1], int) else {})
        value = draw(values if draw(st.integers(0, 2)) == 0 else plausible(SLOTS[path]))
        if isinstance(parent, dict):
            parent[path[-1]] = value
        elif isinstance(parent, list):
            if path[-1] < len(parent):
                parent[path[-1]] = value
            else:
                parent.append(value)
    return data, raws


def _container(data: Any, path: Path_, empty: Any) -> Any:
    """The mapping or list at `path`, made where missing; whatever is there if it is something else."""
    here = data
    for index, part in enumerate(path):
        if isinstance(here, dict):
            if not isinstance(here.get(part), (dict, list)):
                here[part] = [] if index + 1 < len(path) and isinstance(path[index + 1], int) else {}
            here = here[part]
        elif isinstance(here, list) and isinstance(part, int):
            if part >= len(here):
                here.append([] if index + 1 < len(path) and isinstance(path[index + 1], int) else {})
                part = len(here) - 1
            here = here[part]
        else:
            return None
    return here


def _yaml(data: dict[str, Any]) -> str:
    """The data as YAML, with every Raw scalar written plainly where the dumper put a placeholder."""
    raws: list[str] = []

    def swap(value: Any) -> Any:
        if isinstance(value, Raw):
            raws.append(str(value))
            return f"RAW_SCALAR_{len(raws) - 1}_END"
        if isinstance(value, dict):
            return {(swap(k) if isinstance(k, Raw) else k): swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value

    text = dump(swap(data))
    return re.sub(r"RAW_SCALAR_(\d+)_END", lambda m: raws[int(m.group(1))], text)


# --- the property ------------------------------------------------------------------------------------------

PROBLEM = re.compile(r"^\S+:\d+:\d+: \S")


class Hang(Exception):
    pass


def _alarm(*_: Any) -> None:
    raise Hang("the data step took over 30 s")


@settings(settings.get_profile("data"))
@given(edits())
def test_any_edit_is_accepted_or_refused_with_located_problems(tmp_path_factory, edit):
    data, _ = edit
    text = _yaml(data)
    path: Path = tmp_path_factory.getbasetemp() / "property.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.count("\n") + 1
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(30)
    try:
        prepare(path, SCHEMA, SHOWN, None)
        event("accepted")
    except DataError as error:
        event("refused")
        assert error.problems, "DataError without a problem"
        for problem in error.problems:
            shown = str(problem)
            assert problem.file == SHOWN and PROBLEM.match(shown), shown
            assert 1 <= problem.line <= lines and problem.column >= 1, shown
            assert problem.path and format_path(problem.path) != "(top level)", f"no field path: {shown}\n---\n{text}"
            assert "\u202e" not in shown and "\x1b" not in shown, f"raw control character in a message: {shown!r}"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _problems_of(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    path = tmp_path / "models.yaml"
    path.write_text(_yaml(data), encoding="utf-8")
    try:
        prepare(path, SCHEMA, SHOWN, None)
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def test_a_name_of_only_invisible_characters_is_refused(tmp_path):
    for name in ("\u200b", " \u200b ", "\ufeff", "\u2060\u00ad"):
        data = sample()
        data["models"]["big-model"]["name"] = name
        data["vendors"]["acme"]["name"] = name
        found = _problems_of(tmp_path, data)
        assert any("models.big-model.name: expected text of at most 200 characters with a visible character" in p for p in found), found
        assert any("vendors.acme.name:" in p and "visible character" in p for p in found), found


def test_bidi_controls_are_refused_like_control_characters(tmp_path):
    for char, named in (("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\u2067", "U+2067"), ("\u200f", "U+200F")):
        data = sample()
        data["models"]["big-model"]["summary"] = f"A large{char} model."
        found = _problems_of(tmp_path, data)
        assert any("models.big-model.summary: expected text without control characters, found " + named in p for p in found), found
        assert all(char not in p for p in found), "the message must show the character escaped, not raw"
    # Ordinary right-to-left text (Arabic, Hebrew) is text, not a control.
    data = sample()
    data["models"]["big-model"]["summary"] = "نموذج كبير — מודל גדול"
    assert _problems_of(tmp_path, data) == []
