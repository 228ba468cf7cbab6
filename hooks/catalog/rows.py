"""The rows every comparison shows, defined once: which facts, in which order, labelled and formatted how,
and which way is better.

The pair pages render `row_set` directly; api/compare.json ships the same
definitions (`shipped_rows`) and each model's cells (`model_cells`), so
compare-any-two and compare-several draw these rows from data instead of
re-typing them in JavaScript. The one rule the scripts repeat is `best_of`
(which columns hold the best value), because it depends on which models the
reader picked; tests/test_parity.py holds the three to the same output.

FACTS is the only place a row's label and direction are written. It is keyed
by fact name so that it can later be read from the fact registry
(hooks/catalog/facts.py, when it lands) without changing anything else here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional, Sequence

from . import text
from .differences import BLENDED_MIX, blended_price
from .model import Benchmark, Model


@dataclass(frozen=True)
class Fact:
    label: str
    better: Optional[bool]      # True: higher is better; False: lower is better; None: no mark (dates, names, lists)


# One rule for dates: a later release or knowledge cutoff is a fact to weigh, not a win. No mark.
FACTS: dict[str, Fact] = {
    "vendor": Fact("Vendor", None),
    "released": Fact("Released", None),
    "status": Fact("Status", None),
    "context_window": Fact("Context window", True),
    "max_output_tokens": Fact("Maximum output", True),
    "knowledge_cutoff": Fact("Knowledge cutoff", None),
    "input_modalities": Fact("Input", None),
    "output_modalities": Fact("Output", None),
    "reasoning": Fact("Reasoning step", None),
    "input_price": Fact("Input price (per 1M)", False),
    "cached_input_price": Fact("Cached input price (per 1M)", False),
    "output_price": Fact("Output price (per 1M)", False),
    "blended_price": Fact(f"Blended price ({BLENDED_MIX[0]}:{BLENDED_MIX[1]}, per 1M)", False),
}
BENCHMARK_KEY = "score:"          # a benchmark row's key is "score:<benchmark id>"
REASONING = {"none": "none", "optional": "switchable", "always": "always"}


@dataclass(frozen=True)
class Cell:
    text: str                       # what the page shows ("—" when the model has no value)
    value: Any = None               # what the better/worse mark compares (None: nothing to compare)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    better: Optional[bool]
    cells: tuple[Cell, ...]
    best: tuple[int, ...] = ()      # indices of the cells holding the best value

    def mark(self, index: int) -> bool:
        return index in self.best


MISSING = Cell("—")


def _tokens(v: Optional[int]) -> Cell:
    return Cell(f"{text.tokens_long(v)} tokens", v) if v is not None else MISSING


def _usd(v: Optional[float]) -> Cell:
    return Cell(text.usd(v), v) if v is not None else MISSING


def _status(m: Model, as_of: date) -> str:
    shutdown = m.retirement.shutdown if m.retirement else None
    if m.status == "retired" or (shutdown is not None and shutdown <= as_of):
        return "retired"
    return f"{m.status}, shuts down {text.long_date(shutdown)}" if shutdown else m.status


def _listed(items: Sequence[str]) -> Cell:
    return Cell(", ".join(items)) if items else MISSING


def _fact_cells(m: Model, as_of: date) -> dict[str, Cell]:
    p = m.current_price
    blended = blended_price(p) if p else None
    return {
        "vendor": Cell(m.vendor.name),
        "released": Cell(text.long_date(m.released)),
        "status": Cell(_status(m, as_of)),
        "context_window": _tokens(m.context_window),
        "max_output_tokens": _tokens(m.max_output_tokens),
        "knowledge_cutoff": Cell(text.month_or_date(m.knowledge_cutoff)) if m.knowledge_cutoff else MISSING,
        "input_modalities": _listed(m.input_modalities),
        "output_modalities": _listed(m.output_modalities),
        "reasoning": Cell(REASONING.get(m.reasoning, m.reasoning)) if m.reasoning else MISSING,
        "input_price": _usd(p.input if p else None),
        "cached_input_price": _usd(p.cached_input if p else None),
        "output_price": _usd(p.output if p else None),
        "blended_price": Cell(text.money(blended), blended) if blended is not None else MISSING,
    }


def model_cells(m: Model, as_of: date) -> dict[str, Cell]:
    """Every cell one model can show, its benchmark scores included: computed once per model per build."""
    cells = _fact_cells(m, as_of)
    assert set(cells) == set(FACTS), "every fact row has a cell"
    for key, score in m.scores.items():
        cells[BENCHMARK_KEY + key] = Cell(score.text, score.value)
    return cells


def benchmark_label(bench: Benchmark) -> str:
    return bench.name + ("" if bench.higher_is_better else " (lower is better)")


def benchmark_order(models: Sequence[Model], benchmarks: Sequence[str]) -> list[str]:
    """The benchmarks any of the models reports: those most of them report first, then in the data's order."""
    counts = {key: sum(1 for m in models if key in m.scores) for key in benchmarks}
    place = {key: i for i, key in enumerate(benchmarks)}
    return sorted((k for k in benchmarks if counts[k]), key=lambda k: (-counts[k], place[k]))


def best_of(values: Sequence[Any], better: Optional[bool]) -> tuple[int, ...]:
    """The columns holding the best value (all of them on a tie); none where the row has no direction,
    fewer than two models have a value, or every value is the same."""
    if better is None:
        return ()
    present = [v for v in values if v is not None]
    if len(present) < 2 or all(v == present[0] for v in present):
        return ()
    best = max(present) if better else min(present)
    return tuple(i for i, v in enumerate(values) if v is not None and v == best)


def row_set(models: Sequence[Model], benchmarks: dict[str, Benchmark],
            cells_of: Callable[[Model], dict[str, Cell]]) -> list[Row]:
    """The rows a comparison of `models` shows, in order, each with its cells and marks."""
    specs = [(key, fact.label, fact.better) for key, fact in FACTS.items()]
    specs += [(BENCHMARK_KEY + k, benchmark_label(benchmarks[k]), benchmarks[k].higher_is_better)
              for k in benchmark_order(models, list(benchmarks))]
    rows = []
    for key, label, better in specs:
        cells = tuple(cells_of(m).get(key, MISSING) for m in models)
        rows.append(Row(key, label, better, cells, best_of([c.value for c in cells], better)))
    return rows


def shipped_rows(benchmarks: dict[str, Benchmark]) -> list[dict[str, Any]]:
    """The row definitions for api/compare.json: fixed rows first, then every benchmark row
    (`benchmark: true`: shown when a chosen model has a score, ordered by `benchmark_order`)."""
    fixed = [{"key": k, "label": f.label, "better": f.better} for k, f in FACTS.items()]
    return fixed + [{"key": BENCHMARK_KEY + k, "label": benchmark_label(b), "better": b.higher_is_better, "benchmark": True}
                    for k, b in benchmarks.items()]


def shipped_cells(cells: dict[str, Cell]) -> list[Any]:
    """One model's fact cells for api/compare.json, in FACTS order (the order of the shipped fixed rows):
    [text, value] where the row compares values, the text alone where it does not, null where the model has none.
    A benchmark cell travels in the model's scores ({"value", "text"}), which the scripts read already."""
    out: list[Any] = []
    for key in FACTS:
        c = cells[key]
        out.append(None if c is MISSING else c.text if c.value is None else [c.text, c.value])
    return out
