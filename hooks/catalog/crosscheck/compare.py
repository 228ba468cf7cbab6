"""What differs between our data and the peers' records, beyond rounding; minus the recorded known-wrong peer values."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from ..model import Catalog, Model
from .ids import Mapped, loose, map_records
from .records import PRICE_FIELDS, PeerRecord

PRICE_TOLERANCE = 0.005      # relative: 0.5 %
TOKEN_TOLERANCE = 1          # tokens
FIELDS = (*PRICE_FIELDS, "context_window", "max_output_tokens", "input_modalities", "output_modalities",
          "released", "shutdown")


@dataclass(frozen=True)
class Finding:
    kind: str            # "differs" | "missing" (the peer lists it, we lack it) | "deprecated" (the peer says so, we say active)
    vendor: str
    peer: str
    model: str           # our model id; for "missing", the peer's id
    peer_id: str         # the peer's id for the model
    field: str           # one of FIELDS; "listed" for missing; "status" for deprecated
    ours: Any
    theirs: Any


@dataclass
class Result:
    as_of: date
    peers: dict[str, dict[str, int]]                 # peer -> {"records", "models"} (ours matched)
    vendors: list[str]                               # our vendors at least one peer covers
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    missing_deprecated: dict[str, int] = field(default_factory=dict)   # peer -> models it lists as deprecated that we lack
    unused: list[dict[str, Any]] = field(default_factory=list)        # entries for a peer read that suppress nothing now


def crosscheck(catalog: Catalog, records: list[PeerRecord], known: list[dict[str, Any]]) -> Result:
    mapped = map_records(records, catalog)
    best: dict[tuple[str, str], tuple[Model, PeerRecord]] = {}
    for m in sorted(mapped, key=lambda m: (m.how, m.record.rank, m.record.variant, len(m.record.id))):
        if m.model is not None:
            best.setdefault((m.record.peer, m.model.id), (m.model, m.record))
    peers = {p: {"records": sum(r.peer == p for r in records), "models": sum(k[0] == p for k in best)}
             for p in dict.fromkeys(r.peer for r in records)}
    covered = {record.vendor for _, record in best.values()}
    found: list[Finding] = []
    for model, record in best.values():
        found += _differences(model, record)
    missing, gone = _missing([m for m in mapped if m.model is None and not m.ambiguous], covered)
    order = {v: i for i, v in enumerate(catalog.vendors)}
    found = sorted(found + missing, key=lambda f: (order.get(f.vendor, len(order)), f.kind != "deprecated", f.kind, f.model,
                                                    FIELDS.index(f.field) if f.field in FIELDS else -1, f.peer))
    kept = [f for f in found if not any(_suppresses(k, f) for k in known)]
    unused = [k for k in known if k.get("peer") in peers and not any(_suppresses(k, f) for f in found)]
    return Result(catalog.as_of, peers, [v for v in catalog.vendors if v in covered], kept,
                  [f for f in found if f not in kept], gone, unused)


def _differences(model: Model, record: PeerRecord) -> list[Finding]:
    def finding(name: str, ours: Any, theirs: Any, kind: str = "differs") -> Finding:
        return Finding(kind, model.vendor.id, record.peer, model.id, record.id, name, ours, theirs)

    found = []
    if record.deprecated and model.status == "active":
        found.append(finding("status", "active", "deprecated", "deprecated"))
    price = model.current_price
    if price is not None and not record.variant:
        for name in PRICE_FIELDS:
            ours, theirs = getattr(price, name), record.prices.get(name)
            if ours is not None and theirs is not None and not same_price(ours, theirs):
                found.append(finding(name, ours, theirs))
    context = record.context_window
    if context is not None and not same_tokens(model.context_window, context) and not (
            record.input_limit and model.max_output_tokens and same_tokens(model.context_window - model.max_output_tokens, context)):
        found.append(finding("context_window", model.context_window, context))
    if record.max_output_tokens is not None and model.max_output_tokens is not None \
            and not same_tokens(model.max_output_tokens, record.max_output_tokens):
        found.append(finding("max_output_tokens", model.max_output_tokens, record.max_output_tokens))
    for name, ours_modes in (("input_modalities", model.input_modalities), ("output_modalities", model.output_modalities)):
        theirs_modes = getattr(record, name)
        if theirs_modes and set(theirs_modes) != set(ours_modes):
            found.append(finding(name, list(ours_modes), list(theirs_modes)))
    shutdown = model.retirement.shutdown if model.retirement else None
    for name, ours_day, theirs_day in (("released", model.released, record.released), ("shutdown", shutdown, record.shutdown)):
        if theirs_day is not None and ours_day != theirs_day:
            found.append(finding(name, ours_day.isoformat() if ours_day else None, theirs_day.isoformat()))
    return found


def _missing(unmapped: list[Mapped], covered: set[str]) -> tuple[list[Finding], dict[str, int]]:
    """Chat models a peer lists that we lack, once per peer and loose id; the ones it calls deprecated only counted."""
    seen: set[tuple[str, str, str]] = set()
    found: list[Finding] = []
    gone: dict[str, int] = defaultdict(int)
    for m in unmapped:
        r = m.record
        key = (r.peer, r.vendor, loose(r.id)[0])
        if not r.chat or r.variant or r.vendor not in covered or key in seen:
            continue
        seen.add(key)
        if r.deprecated:
            gone[r.peer] += 1
        else:
            found.append(Finding("missing", r.vendor, r.peer, r.id, r.id, "listed", None, True))
    return found, dict(gone)


def same_price(a: float, b: float) -> bool:
    return abs(a - b) <= PRICE_TOLERANCE * max(abs(a), abs(b))


def same_tokens(a: int, b: int) -> bool:
    return abs(a - b) <= TOKEN_TOLERANCE


def _suppresses(entry: dict[str, Any], f: Finding) -> bool:
    """A `crosscheck:` entry removes exactly the finding with its peer, model, field and (wrong) peer value."""
    if (entry.get("peer"), entry.get("model"), entry.get("field")) != (f.peer, f.model, f.field):
        return False
    return _same_value(entry.get("value"), f.theirs)


def _same_value(recorded: Any, theirs: Any) -> bool:
    if isinstance(theirs, bool) or isinstance(recorded, bool):
        return recorded is theirs
    if isinstance(theirs, (int, float)) and isinstance(recorded, (int, float)):
        return same_price(float(recorded), float(theirs)) if isinstance(theirs, float) else same_tokens(int(recorded), theirs)
    if isinstance(theirs, list) and isinstance(recorded, list):
        return set(map(str, recorded)) == set(theirs)
    return str(recorded) == str(theirs) if isinstance(recorded, (str, date)) else False


def value_text(value: Optional[Any]) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(value) or "(none)"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
