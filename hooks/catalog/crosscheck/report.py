"""The cross-check as Markdown (for people) or JSON (for machines).

JSON shape, `version` 1 (a field is only ever added within a version):

    {"version": 1, "as_of": "YYYY-MM-DD", "note": str,
     "tolerance": {"price_relative": 0.005, "tokens": 1},
     "peers": {peer: {"records": int, "models": int}},       # records read; our models matched
     "summary": {"differs": int, "missing": int, "deprecated": int, "suppressed": int,
                 "missing_deprecated": {peer: int}},
     "vendors": [{"id": str, "name": str, "differs": [Finding], "missing": [Finding], "deprecated": [Finding]}],
     "suppressed": [Finding],
     "unused": [{"peer", "model", "field", "value"}]}      # crosscheck: entries that suppress nothing now
    Finding = {"model": str, "peer": str, "peer_id": str, "field": str, "ours": value, "theirs": value}

`model` is our id (for a missing model, the peer's id); `field` is input,
cached_input, output, cache_write (USD per 1M tokens), context_window,
max_output_tokens (tokens), input_modalities, output_modalities (lists),
released, shutdown (YYYY-MM-DD), status (deprecated) or listed (missing).
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Catalog
from .compare import PRICE_TOLERANCE, TOKEN_TOLERANCE, Finding, Result, value_text

JSON_VERSION = 1
KINDS = ("deprecated", "differs", "missing")
NOTE = ("A difference is a lead to check at the vendor's primary source, never a source: peers' values are often "
        "out of date or wrong. Change data/models.yaml only from the vendor's own page; record a peer value confirmed "
        "wrong under `crosscheck:` in the data so it is not reported again.")
FIELD_NAMES = {"input": "input price", "cached_input": "cached input price", "output": "output price",
               "cache_write": "cache write price", "context_window": "context window", "max_output_tokens": "max output",
               "input_modalities": "input modalities", "output_modalities": "output modalities",
               "released": "released", "shutdown": "shutdown", "status": "status", "listed": "listed"}


def as_json(result: Result, catalog: Catalog) -> str:
    def finding(f: Finding) -> dict[str, Any]:
        return {"model": f.model, "peer": f.peer, "peer_id": f.peer_id, "field": f.field, "ours": f.ours, "theirs": f.theirs}

    vendors = [{"id": v, "name": catalog.vendors[v].name,
                **{kind: [finding(f) for f in result.findings if f.vendor == v and f.kind == kind] for kind in KINDS}}
               for v in result.vendors]
    document = {"version": JSON_VERSION, "as_of": result.as_of.isoformat(), "note": NOTE,
                "tolerance": {"price_relative": PRICE_TOLERANCE, "tokens": TOKEN_TOLERANCE},
                "peers": result.peers, "summary": _summary(result), "vendors": vendors,
                "suppressed": [finding(f) for f in result.suppressed],
                "unused": [{k: e.get(k) for k in ("peer", "model", "field", "value")} for e in result.unused]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _summary(result: Result) -> dict[str, Any]:
    return {**{kind: sum(f.kind == kind for f in result.findings) for kind in KINDS},
            "suppressed": len(result.suppressed), "missing_deprecated": result.missing_deprecated}


def as_markdown(result: Result, catalog: Catalog, data_name: str) -> str:
    counts = _summary(result)
    lines = ["# Cross-check against peer datasets", "", f"> **{NOTE}**", "",
             f"Our data: `{data_name}`, as of {result.as_of.isoformat()}; each value of ours is the one in force on that "
             "day (the last pricing entry). Peers read: "
             + (", ".join(f"{p} ({n['records']} records, {n['models']} of our models matched)" for p, n in result.peers.items())
                or "none") + ".",
             "",
             f"**{counts['differs']} values differ, {counts['missing']} models a peer lists are not in our data, "
             f"{counts['deprecated']} models a peer calls deprecated are active here; {counts['suppressed']} known-wrong "
             f"peer values suppressed** by `crosscheck:` entries in the data.",
             "",
             f"Differences within rounding are left out: prices within {PRICE_TOLERANCE:.1%} (relative), token limits "
             f"within {TOKEN_TOLERANCE} token. Only the vendor's own API counts (Bedrock only for Amazon's own models)."]
    if result.missing_deprecated:
        lines += ["", "Not listed below: models a peer lists as deprecated that we lack ("
                  + ", ".join(f"{p}: {n}" for p, n in sorted(result.missing_deprecated.items())) + ")."]
    for vendor in result.vendors:
        mine = [f for f in result.findings if f.vendor == vendor]
        lines += ["", f"## {catalog.vendors[vendor].name} (`{vendor}`)"]
        if not mine:
            lines += ["", "Nothing new."]
        lines += _table("Deprecated by a peer, active here", ["model", "peer", "peer id"],
                        [[f.model, f.peer, f.peer_id] for f in mine if f.kind == "deprecated"])
        lines += _table("Values that differ", ["model", "field", "ours", "peer", "peer's value", "peer id"],
                        [[f.model, FIELD_NAMES[f.field], value_text(f.ours), f.peer, value_text(f.theirs), f.peer_id]
                         for f in mine if f.kind == "differs"])
        lines += _table("Listed by a peer, not in our data", ["peer", "peer id"],
                        [[f.peer, f.peer_id] for f in mine if f.kind == "missing"])
    if result.suppressed:
        lines += ["", "## Suppressed (known-wrong peer values recorded in the data)", ""]
        lines += [f"- {f.peer} {f.model} {FIELD_NAMES[f.field]}: {value_text(f.theirs)}" for f in result.suppressed]
    if result.unused:
        lines += ["", "## `crosscheck:` entries that suppress nothing now", "",
                  "The peer changed its value or dropped the model: check it again and remove the entry.", ""]
        lines += [f"- {e.get('peer')} {e.get('model')} {FIELD_NAMES.get(str(e.get('field')), e.get('field'))}: "
                  f"{value_text(e.get('value'))}" for e in result.unused]
    return "\n".join(lines) + "\n"


def _table(title: str, head: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    return ["", f"### {title} ({len(rows)})", "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head),
            *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
