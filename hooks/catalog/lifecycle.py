"""Rules on a model's life and provenance across entries: replacement chains, prices before release, how sources were read.

They read the raw data defensively, like every rule in rules.py (the schema
check runs beside them, not before them), and report at the line of the field
a contributor has to change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable, Optional

from .facts import RETIRING_HORIZON_DAYS, SERVED
from .problems import Path
from .shapes import mapping as _mapping, sequence as _sequence

Report = Callable[..., None]
# Caveats that state a fact the rules would otherwise refuse: the vendor named
# no replacement; the vendor priced the model before its release date.
NO_REPLACEMENT = "replacement"
PRICED_BEFORE_RELEASE = "price_before_release"
# How a source was read (`read:`), and which ways need `via:` (where it was read).
READ_NEEDS_VIA = ("copy", "quoted")


def lifecycle_problems(models: dict[str, Any], as_of: Optional[str], report: Report) -> None:
    today = _day(as_of)
    for model_id, model in models.items():
        if not isinstance(model, dict):
            continue
        path: Path = ("models", model_id)
        _price_before_release(path, model, report)
        _read_rules(path, model, report)
        if today is not None:
            _needs_replacement(path, model, today, report)
            _chain(path, model_id, models, today, report)


def _chain(path: Path, model_id: str, models: dict[str, Any], today: date, report: Report) -> None:
    """A replacement chain ends at a model served on as_of that does not shut down within the horizon."""
    first = _retirement(models.get(model_id)).get("replacement")
    if not isinstance(first, str) or first not in models or first == model_id:
        return  # no replacement, or one rules.py already reports (unknown id, itself)
    seen = [model_id]
    current = first
    while True:
        if current in seen:
            loop = " → ".join(seen[seen.index(current):] + [current])
            report(path + ("retirement", "replacement"), f"the replacement chain loops ({loop}); end it at a model that is served")
            return
        seen.append(current)
        successor = _retirement(models.get(current)).get("replacement")
        if not isinstance(successor, str) or successor not in models or successor == current:
            break
        current = successor
    end = models.get(current)
    problem = _not_current(end, today)
    if problem:
        chain = " → ".join(seen)
        report(path + ("retirement", "replacement"),
               f"expected a replacement chain that ends at a model served on as_of and not shutting down within "
               f"{RETIRING_HORIZON_DAYS} days; {chain} ends at {current}, which {problem}")


def _not_current(model: Any, today: date) -> str:
    """Why a chain may not end at `model` ('' when it may)."""
    model = model if isinstance(model, dict) else {}
    shutdown = _day(_retirement(model).get("shutdown"))
    if model.get("status") not in SERVED or (shutdown is not None and shutdown <= today):
        return "is retired" + (f" (shut down {shutdown.isoformat()})" if shutdown else "")
    if shutdown is not None and shutdown <= today + timedelta(days=RETIRING_HORIZON_DAYS):
        return f"shuts down on {shutdown.isoformat()}"
    return ""


def _needs_replacement(path: Path, model: dict[str, Any], today: date, report: Report) -> None:
    """A deprecated, retiring or retired model tells the reader where to go, or says the vendor named nowhere."""
    retirement = _retirement(model)
    if model.get("status") not in ("deprecated", "retired") and _day(retirement.get("shutdown")) is None:
        return
    if isinstance(retirement.get("replacement"), (str, list, dict)) or _has_caveat(model, NO_REPLACEMENT):
        return
    where = path + ("retirement",) if "retirement" in model else path + ("status",)
    report(where, f"a deprecated, retiring or retired model names its replacement (retirement.replacement: a model id), or carries a "
                  f"caveat with about: {NO_REPLACEMENT} saying the vendor named none and which page says so; found neither")


def _price_before_release(path: Path, model: dict[str, Any], report: Report) -> None:
    released = _day(model.get("released"))
    if released is None or _has_caveat(model, PRICED_BEFORE_RELEASE):
        return
    for index, entry in enumerate(_sequence(model.get("pricing"))):
        since = _day(_mapping(entry).get("since"))
        if since is not None and since < released:
            report(path + ("pricing", index, "since"),
                   f"expected a date on or after the release date ({released.isoformat()}), found {since.isoformat()}; "
                   f"if the vendor really priced it earlier, add a caveat with about: {PRICED_BEFORE_RELEASE} and its source")


def _read_rules(path: Path, model: dict[str, Any], report: Report) -> None:
    """`read:` says how a source was read; `via:` where, for a copy or a quote; `verified` needs every page read."""
    unread, unrecorded = [], []
    for name, source in _mapping(model.get("sources")).items():
        if not isinstance(source, dict):
            continue
        read, via = source.get("read"), source.get("via")
        if read in READ_NEEDS_VIA and via is None:
            report(path + ("sources", name, "read"),
                   f"read: {read} needs via: the address where the {'copy' if read == 'copy' else 'quoting third party'} was read")
        if read == "page" and via is not None:
            report(path + ("sources", name, "via"), "via: names where a copy or a quote was read; this source says read: page", key=True)
        if read == "quoted":
            unread.append(str(name))
        elif read is None:
            unrecorded.append(str(name))
    if "verified" not in model:
        return
    if unread:
        report(path + ("verified",), f"verified is set only on a model whose cited pages were read; "
                                     f"{', '.join(unread)} {'was' if len(unread) == 1 else 'were'} read only as quoted by a third party", key=True)
    elif unrecorded:
        report(path + ("verified",), f"verified is set only on a model whose cited pages were read; say how "
                                     f"{', '.join(unrecorded)} {'was' if len(unrecorded) == 1 else 'were'} read (read: page, copy or quoted)", key=True)


def _has_caveat(model: dict[str, Any], about: str) -> bool:
    return any(_mapping(c).get("about") == about for c in _sequence(model.get("caveats")))


def _retirement(model: Any) -> dict[str, Any]:
    return _mapping(_mapping(model).get("retirement"))


def _day(value: Any) -> Optional[date]:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
