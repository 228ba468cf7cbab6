"""Check the data against the published JSON Schema and word each failure for a contributor.

The schema file (data/models.schema.json) is the one statement of types,
required fields, vocabularies and ranges: editors read it for completion, and
this module reads the very same file, so the two cannot drift apart.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Any

import jsonschema

from .problems import Path, Problem, describe
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


def schema_problems(located: Located, schema: dict[str, Any]) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [_problem(error, located) for error in validator.iter_errors(located.data)]


def _problem(error: jsonschema.ValidationError, located: Located) -> Problem:
    path: Path = tuple(error.absolute_path)
    expected = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else "?"
        hint = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown field '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else f"; expected one of: {', '.join(allowed)}")
        return Problem(*located.where(path + (key,), key=True), path + (key,), message)
    if "propertyNames" in error.absolute_schema_path:
        # The failing value is a key of the mapping at `path`, not a value in it.
        key = error.instance
        message = f"expected {expected or 'a valid id'} as the key, found {key!r}"
        return Problem(*located.where(path + (key,), key=True), path + (key,), message)
    if kind == "required":
        field = error.message.split("'")[1] if "'" in error.message else "?"
        return Problem(*located.where(path), path + (field,), f"missing required field '{field}'")
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(TYPE_WORDS.get(w, w) for w in wanted)
        message = f"expected {expected or words}, found {describe(error.instance)}"
    elif kind == "enum":
        message = f"expected one of {', '.join(map(str, error.validator_value))}, found {describe(error.instance)}"
    elif kind in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        sign = {"minimum": "≥", "maximum": "≤", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[kind]
        message = f"expected {expected or f'a number {sign} {error.validator_value:,}'}, found {error.instance!r}"
    elif kind == "uniqueItems":
        message = f"each item may appear only once, found {error.instance!r}"
    elif kind in {"minItems", "maxItems", "minProperties"}:
        message = f"expected {expected or error.message}, found {len(error.instance)} item(s)"
    else:  # pattern, format, not, minLength, maxLength
        message = f"expected {expected or error.message}, found {describe(error.instance)}"
    return Problem(*located.where(path), path, message)
