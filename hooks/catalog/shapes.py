"""Read raw data defensively: the rules run beside the schema check, so any value may have the wrong shape."""

from __future__ import annotations

from typing import Any


def mapping(value: Any) -> dict:
    """`value` if it is a mapping, else an empty one (the schema check names the wrong shape)."""
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list:
    """`value` if it is a list, else an empty one."""
    return value if isinstance(value, list) else []
