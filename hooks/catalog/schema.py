"""Check the data against the published JSON Schema and word each failure for a contributor.

The schema file (data/models.schema.json) is the one statement of types,
required fields, vocabularies and ranges: editors read it for completion, and
this module reads the very same file, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
import re
from collections import OrderedDict, deque
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

import jsonschema

from .problems import Path, Problem, describe, shorten
from .yamlsource import Located

TYPE_WORDS = {
    "object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
    "number": "a number", "boolean": "true or false", "null": "nothing",
}


@lru_cache(maxsize=4)
def load_schema(path: str) -> dict[str, Any]:
    # Cached per path: the schema ships with the code, not with the data, so a
    # stale copy under `mkdocs serve` is no more stale than the hooks themselves.
    return json.loads(FsPath(path).read_text(encoding="utf-8"))


def _is_whole_number(checker: Any, instance: Any) -> bool:
    # JSON Schema counts 128000.0 as an integer; the site would then show
    # "128,000.0 tokens" and export a float. A whole number is written whole.
    return isinstance(instance, int) and not isinstance(instance, bool)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Any:
    # Schema patterns are ECMA-262, where `$` matches only at the very end.
    # Python's `$` also matches before a final newline, so a quoted key
    # "gpt-4o\n" would pass `^[a-z0-9._-]*$`: read a trailing `$` as `\Z`.
    if isinstance(instance, str) and not _compiled(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)


def schema_problems(located: Located, schema: dict[str, Any]) -> list[Problem]:
    return [problem for error in _errors(located.data, schema) for problem in _problems(error, located)]


def _errors(data: Any, schema: dict[str, Any]) -> list[Any]:
    """Every schema error of `data`, the same as one validation of the whole file would give.

    Validating the whole file takes seconds (233 models, 2,800 independent figures), and most of it
    re-checks entries that did not change since the last run: under `mkdocs serve` one edit changes one
    model, and the test corpus makes a hundred one-entry edits of the same file. So the file is checked
    in two parts: the file with every keyed section's entries waved through (their keys are still checked),
    then each entry against its own subschema, remembered by its content. An entry is checked again only
    when its text changed.
    """
    validator = Validator(schema, format_checker=jsonschema.FormatChecker())
    keyed = _keyed_sections(schema)
    if not isinstance(data, dict) or not keyed:
        return list(validator.iter_errors(data))
    errors = list(Validator(_outline(schema), format_checker=jsonschema.FormatChecker()).iter_errors(data))
    fingerprint = _fingerprint(schema)
    for section, entry_schema in keyed.items():
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        for key, value in entries.items():
            for error in _entry_errors(validator, fingerprint, section, entry_schema, value):
                copied = jsonschema.ValidationError.create_from(error)
                copied.path = copied.relative_path = deque((section, key, *error.path))
                errors.append(copied)
    return errors


def _keyed_sections(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Top-level mappings whose entries all share one subschema (models, vendors, independent, ...)."""
    return {name: spec["additionalProperties"] for name, spec in schema.get("properties", {}).items()
            if isinstance(spec, dict) and spec.get("type") == "object" and isinstance(spec.get("additionalProperties"), dict)}


def _outline(schema: dict[str, Any]) -> dict[str, Any]:
    outline = copy.deepcopy(schema)
    for name in _keyed_sections(schema):
        outline["properties"][name]["additionalProperties"] = True
    return outline


def _fingerprint(schema: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()


# Bounded, so that a long `mkdocs serve` session with many edits does not grow without end.
_ENTRY_CACHE: OrderedDict[tuple[str, str, str], list[Any]] = OrderedDict()
_ENTRY_CACHE_SIZE = 8192


def _entry_errors(validator: Any, fingerprint: str, section: str, entry_schema: dict[str, Any], value: Any) -> list[Any]:
    # The key tells 1, 1.0 and true apart (JSON does) and a date from its text (the schema does too).
    key = (fingerprint, section, json.dumps(value, sort_keys=True, default=lambda o: f"<{type(o).__name__} {o!r}>"))
    cached = _ENTRY_CACHE.get(key)
    if cached is not None:
        _ENTRY_CACHE.move_to_end(key)
        return cached
    found = list(validator.evolve(schema=entry_schema).iter_errors(value))
    _ENTRY_CACHE[key] = found
    if len(_ENTRY_CACHE) > _ENTRY_CACHE_SIZE:
        _ENTRY_CACHE.popitem(last=False)
    return found


# `error` is a jsonschema.ValidationError read as Any: its stubs type every field as possibly unset, and iter_errors sets them all.
def _problems(error: Any, located: Located) -> list[Problem]:
    path: Path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        # One problem per unknown field: fixing one should not reveal the next.
        allowed = sorted(error.schema.get("properties", {}))
        found = []
        for key in [k for k in error.instance if k not in allowed]:
            # A hint for a typo; a key of a megabyte is no typo and would cost seconds to compare.
            hint = difflib.get_close_matches(key, allowed, n=1) if len(key) <= 200 else []
            message = f"unknown field '{shorten(key)}'" + (f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(allowed)}")
            found.append(Problem(*located.where(path + (key,), key=True), path + (key,), message))
        return found
    return [_problem(error, located)]


def _problem(error: Any, located: Located) -> Problem:
    path: Path = tuple(error.absolute_path)
    expected = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    kind = error.validator
    if "propertyNames" in error.absolute_schema_path:
        # The failing value is a key of the mapping at `path`, not a value in it.
        key = error.instance
        if kind == "maxLength":
            message = f"expected an id of at most {error.validator_value} characters, found {len(key)}"
        else:
            message = f"expected {expected or 'a valid id'} as the key, found {shorten(repr(key))}"
        return Problem(*located.where(path + (key,), key=True), path + (key,), message)
    if kind == "required":
        field = error.message.split("'")[1] if "'" in error.message else "?"
        return Problem(*located.where(path), path + (field,), f"missing required field '{field}'")
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(TYPE_WORDS.get(w, str(w)) for w in wanted)
        message = f"expected {expected or words}, found {describe(error.instance)}"
    elif kind == "enum":
        message = f"expected one of {', '.join(map(str, error.validator_value))}, found {describe(error.instance)}"
    elif kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        sign = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[kind]
        message = f"expected {expected or f'a number {sign} {error.validator_value:,}'}, found {error.instance!r}"
    elif kind == "uniqueItems":
        message = f"each item may appear only once, found {error.instance!r}"
    elif kind in {"maxLength", "minLength"} and isinstance(error.instance, str):
        # Said before x-expected: "expected non-empty text" would hide the limit.
        bound = "at most" if kind == "maxLength" else "at least"
        message = f"expected {bound} {error.validator_value:,} characters, found {len(error.instance):,}"
    elif kind in {"minItems", "maxItems", "minProperties"}:
        bound = "at most" if kind == "maxItems" else "at least"
        message = f"expected {expected or f'{bound} {error.validator_value} item(s)'}, found {len(error.instance)}"
    else:  # pattern, format, not, minLength, maxLength
        message = f"expected {expected or error.message}, found {describe(error.instance)}"
    return Problem(*located.where(path), path, message)
