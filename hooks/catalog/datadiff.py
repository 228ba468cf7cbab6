"""What a data edit changes in facts: two catalogs in, a reviewer's summary out.

Pure functions. `diff_catalogs` compares two validated catalogs model by
model (not YAML line by line) and returns `Change`s grouped by section;
`diff_markdown` renders them, or the problems of a side that did not validate.
Fields the data may or may not have yet (`verified`, `capabilities`,
`preview`, `license`, price `cache_write`, `tiers`) are read with getattr, so
the summary works on files with and without them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from . import text
from .differences import percent_change
from .facts import FACTS, PRICE_FIELDS, diffed
from .model import Catalog, Model, PricePoint, Source

# Report order; a section without changes is left out.
SECTIONS = ("Models added", "Models removed", "Models renamed", "Prices", "Limits", "Modalities", "Capabilities",
            "Status and retirement", "Scores", "Sources", "Other facts", "Vendors and benchmarks")

# Inline Markdown punctuation (GitHub's math and tables included) that data text must not trigger;
# data text never starts a line here, so list and heading markers are harmless.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~#$])")


@dataclass(frozen=True)
class Change:
    section: str
    model: str          # model id ("" for vendors and benchmarks)
    text: str           # plain text; escaped when rendered
    source: Optional[Source] = None


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a catalog, or the problems that stopped it loading."""

    label: str
    catalog: Optional[Catalog] = None
    problems: tuple[str, ...] = ()


def diff_catalogs(old: Catalog, new: Catalog) -> list[Change]:
    """Every fact that differs between two catalogs, in section order, then model id."""
    changes: list[Change] = []
    removed = sorted(set(old.models) - set(new.models))
    added = sorted(set(new.models) - set(old.models))
    renamed = _renames([old.models[k] for k in removed], [new.models[k] for k in added])
    for before, after in renamed:
        changes.append(Change("Models renamed", after, f"{before} → {after} (same facts, new id)"))
        changes.extend(_model_changes(old.models[before], new.models[after], label=f"{after} (was {before})"))
    gone = {before for before, _ in renamed}
    arrived = {after for _, after in renamed}
    for key in added:
        if key not in arrived:
            m = new.models[key]
            price = m.current_price
            priced = f", {text.usd(price.input)} in / {text.usd(price.output)} out" if price else ", no per-token price"
            changes.append(Change("Models added", key, f"{m.name} ({m.vendor.name}), released {m.released.isoformat()}, "
                                                       f"{m.status}, {m.context_window:,}-token context{priced}",
                                  m.source_for("released")))
    for key in removed:
        if key not in gone:
            m = old.models[key]
            changes.append(Change("Models removed", key, f"{m.name} ({m.vendor.name}), was {m.status}"))
    for key in sorted(set(old.models) & set(new.models)):
        changes.extend(_model_changes(old.models[key], new.models[key], label=key))
    changes.extend(_catalog_changes(old, new))
    order = {name: i for i, name in enumerate(SECTIONS)}
    return sorted(changes, key=lambda c: order[c.section])  # stable: model order kept within a section


def diff_markdown(old: Side, new: Side) -> str:
    """The reviewer's summary: the changes, or what is wrong with a side that did not load."""
    lines = [f"## Data changes: {md_text(old.label)} → {md_text(new.label)}", ""]
    for side in (old, new):
        if side.catalog is None:
            lines += [f"### {md_text(side.label)} is not valid ({len(side.problems)} problem"
                      f"{'s' if len(side.problems) != 1 else ''})", "", *_fenced(side.problems), ""]
    if old.catalog is None or new.catalog is None:
        lines.append("The facts cannot be compared until both sides are valid.")
        return "\n".join(lines).rstrip() + "\n"
    changes = diff_catalogs(old.catalog, new.catalog)
    if not changes:
        lines.append("No fact changed (only formatting, comments or text that the summary does not compare).")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(changes)} change{'s' if len(changes) != 1 else ''} in facts.")
    for section in SECTIONS:
        items = [c for c in changes if c.section == section]
        if items:
            lines += ["", f"### {section}", ""]
            lines += [f"- {_item(c)}" for c in items]
    return "\n".join(lines) + "\n"


# --- one model ------------------------------------------------------------------

def _model_changes(a: Model, b: Model, label: str) -> list[Change]:
    out: list[Change] = []

    def fact(section: str, name: str, old: Any, new: Any, source: Optional[Source] = None) -> None:
        if old != new:
            out.append(Change(section, label, f"{name}: {_show(old)} → {_show(new)}", source))

    out += _price_changes(a, b, label)
    fact(*diffed("context_window"), a.context_window, b.context_window, b.source_for("context_window"))
    fact(*diffed("max_output_tokens"), a.max_output_tokens, b.max_output_tokens, b.source_for("max_output_tokens"))
    fact(*diffed("knowledge_cutoff"), a.knowledge_cutoff, b.knowledge_cutoff, b.source_for("knowledge_cutoff"))
    for direction in ("input", "output"):
        before, after = getattr(a, f"{direction}_modalities"), getattr(b, f"{direction}_modalities")
        gained, lost = [m for m in after if m not in before], [m for m in before if m not in after]
        if gained or lost:
            parts = ([f"gains {', '.join(gained)}"] if gained else []) + ([f"loses {', '.join(lost)}"] if lost else [])
            out.append(Change("Modalities", label, f"{direction}: {'; '.join(parts)}", b.source_for("modalities")))
    fact(*diffed("reasoning"), a.reasoning, b.reasoning, b.source_for("reasoning"))
    fact(*diffed("open_weights"), a.open_weights, b.open_weights, b.source_for("open_weights"))
    fact(*diffed("preview"), getattr(a, "preview", None), getattr(b, "preview", None))
    for extra in ("capabilities", "license"):
        before, after = _flat(getattr(a, extra, None)), _flat(getattr(b, extra, None))
        for key in sorted(set(before) | set(after)):
            fact("Capabilities", f"{extra.replace('_', ' ')}{' ' + key.replace('_', ' ') if key else ''}",
                 before.get(key), after.get(key))
    fact(*diffed("status"), a.status, b.status, b.source_for("status"))
    ra, rb = a.retirement, b.retirement
    for name in ("announced", "shutdown", "replacement"):
        fact("Status and retirement", f"retirement {name}" if name != "announced" else "deprecation announced",
             getattr(ra, name, None), getattr(rb, name, None), rb.source if rb else None)
    for key in sorted(set(a.scores) | set(b.scores)):
        sa, sb = a.scores.get(key), b.scores.get(key)
        bench = (sb or a.scores[key]).benchmark.name
        if sa is None:
            assert sb is not None  # the key is in one of the two
            out.append(Change("Scores", label, f"{bench}: added, {sb.text}", sb.source))
        elif sb is None:
            out.append(Change("Scores", label, f"{bench}: removed (was {sa.text})"))
        elif sa.value != sb.value:
            out.append(Change("Scores", label, f"{bench}: {sa.text} → {sb.text}", sb.source))
    urls_a = {s.url: s for s in a.sources.values()}
    urls_b = {s.url: s for s in b.sources.values()}
    for url in sorted(set(urls_b) - set(urls_a)):
        out.append(Change("Sources", label, f"added: {urls_b[url].title}", urls_b[url]))
    for url in sorted(set(urls_a) - set(urls_b)):
        out.append(Change("Sources", label, f"removed: {urls_a[url].title} ({url})"))
    fact(*diffed("name"), a.name, b.name)
    fact(*diffed("vendor"), a.vendor.id, b.vendor.id)
    fact(*diffed("released"), a.released, b.released, b.source_for("released"))
    fact(*diffed("api_id"), a.typed_id, b.typed_id)
    fact(*diffed("snapshot"), a.snapshot, b.snapshot, b.source_for("snapshot"))
    fact(*diffed("verified"), getattr(a, "verified", None), getattr(b, "verified", None))
    caveats_a = {(c.about, c.text) for c in a.caveats}
    caveats_b = {(c.about, c.text) for c in b.caveats}
    for about, body in sorted(caveats_b - caveats_a):
        out.append(Change("Other facts", label, f"caveat added on {about}: {body}"))
    for about, _body in sorted(caveats_a - caveats_b):
        out.append(Change("Other facts", label, f"caveat removed on {about}"))
    return out


def _price_changes(a: Model, b: Model, label: str) -> list[Change]:
    """New entries against the price they replace; rewritten or removed entries called out as history edits."""
    out: list[Change] = []
    old_by_date = {p.since: p for p in a.pricing}
    new_by_date = {p.since: p for p in b.pricing}
    for index, point in enumerate(b.pricing):
        before = old_by_date.get(point.since)
        if before is None:
            previous = b.pricing[index - 1] if index else None
            if previous is None:
                out.append(Change("Prices", label, f"first price since {point.since.isoformat()}: {_price_text(point)}", point.source))
            else:
                out.append(Change("Prices", label, f"new price since {point.since.isoformat()}: "
                                                   f"{_price_delta(previous, point)}", point.source))
        elif _values(before) != _values(point):
            out.append(Change("Prices", label, f"price entry of {point.since.isoformat()} rewritten (history should only "
                                               f"grow): {_price_delta(before, point)}", point.source))
        elif before.source.url != point.source.url:
            out.append(Change("Prices", label, f"price since {point.since.isoformat()}: source changed", point.source))
    for since in sorted(set(old_by_date) - set(new_by_date)):
        out.append(Change("Prices", label, f"price entry of {since.isoformat()} removed "
                                           f"(was {_price_text(old_by_date[since])})"))
    return out


def _values(p: PricePoint) -> dict[str, Any]:
    values = {name: getattr(p, name, None) for name in PRICE_FIELDS}
    values["tiers"] = _flat(getattr(p, "tiers", None))
    return values


def _price_delta(old: PricePoint, new: PricePoint) -> str:
    parts = []
    for name in PRICE_FIELDS:
        before, after = getattr(old, name, None), getattr(new, name, None)
        if before == after:
            continue
        label = FACTS[name].words
        if before is None:
            parts.append(f"{label} {text.usd(after)} (new)")
        elif after is None:
            parts.append(f"{label} {text.usd(before)} → not published")
        else:
            parts.append(f"{label} {text.usd(before)} → {text.usd(after)} ({percent_change(before, after)})")
    tiers_old, tiers_new = _flat(getattr(old, "tiers", None)), _flat(getattr(new, "tiers", None))
    if tiers_old != tiers_new:
        parts.append(f"long-context tiers {_tiers(tiers_old)} → {_tiers(tiers_new)}")
    return "; ".join(parts) or "same prices"


def _price_text(p: PricePoint) -> str:
    return f"{text.usd(p.input)} in / {text.usd(p.output)} out"


def _tiers(flat: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in flat.items()) or "none"


# --- whole file -----------------------------------------------------------------

def _catalog_changes(old: Catalog, new: Catalog) -> list[Change]:
    out = []
    for kind, before, after in (("vendor", old.vendors, new.vendors), ("benchmark", old.benchmarks, new.benchmarks)):
        for key in sorted(set(after) - set(before)):
            out.append(Change("Vendors and benchmarks", "", f"{kind} added: {after[key].name} ({key})"))
        for key in sorted(set(before) - set(after)):
            out.append(Change("Vendors and benchmarks", "", f"{kind} removed: {before[key].name} ({key})"))
    if old.checked != new.checked:
        out.append(Change("Vendors and benchmarks", "", f"data as of: {_show(old.checked)} → {_show(new.checked)}"))
    return out


def _renames(removed: list[Model], added: list[Model]) -> list[tuple[str, str]]:
    """Pairs (old id, new id) whose facts are the same: the same model under a new key."""
    pairs = []
    left = list(added)
    for gone in removed:
        match = next((m for m in left if _fingerprint(m) == _fingerprint(gone)), None)
        if match is not None:
            pairs.append((gone.id, match.id))
            left.remove(match)
    return pairs


def _fingerprint(m: Model) -> tuple[Any, ...]:
    return (m.vendor.id, m.released, m.context_window, m.max_output_tokens, m.input_modalities, m.output_modalities,
            m.status, tuple((p.since, p.input, p.output) for p in m.pricing),
            tuple(sorted((k, s.value) for k, s in m.scores.items())))


# --- presentation -----------------------------------------------------------------

def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    """A dataclass, mapping or list as {"a.b": leaf}; a plain value as {prefix: value}; None or () as {}."""
    if value is None or (isinstance(value, (list, tuple)) and not value):
        return {}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key in sorted(value, key=str):
            out.update(_flat(value[key], f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, (list, tuple)) and any(isinstance(v, dict) or dataclasses.is_dataclass(v) for v in value):
        out = {}
        for index, item in enumerate(value):
            out.update(_flat(item, f"{prefix}[{index}]"))
        return out
    if isinstance(value, (list, tuple)):
        return {prefix: ", ".join(str(v) for v in value)}
    return {prefix: value}


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _item(change: Change) -> str:
    who = f"**{md_text(change.model)}**: " if change.model else ""
    line = f"{who}{md_text(change.text)}"
    if change.source is not None:
        line += f" (source: {_link(change.source)})"
    return line


def _link(source: Source) -> str:
    title = md_text(source.title)
    if not source.url.startswith(("https://", "http://")):
        return title
    url = source.url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{title}]({url})"


def md_text(value: object) -> str:
    """Data text as literal Markdown: one line, HTML-escaped, Markdown punctuation backslash-escaped."""
    flat = " ".join(str(value).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", flat)


def _fenced(lines: Iterable[str]) -> list[str]:
    body = list(lines)
    fence = "`" * max(3, _longest_backtick_run(body) + 1)  # data text can never close the block
    return [f"{fence}text", *body, fence]


def _longest_backtick_run(lines: list[str]) -> int:
    best = 0
    for line in lines:
        run = 0
        for char in line:
            run = run + 1 if char == "`" else 0
            best = max(best, run)
    return best
