"""Which models fit a use case: hard needs exclude, favoured factors rank, each with its reason.

The ranking is deliberately simple enough to explain on the page: every
favoured factor ranks the eligible models (ties share a rank; models with no
figure share the place below the worst), the place becomes a 0-1 standing
(best = 1, last = 0), and the weighted average of those standings orders the
list.
"""

from __future__ import annotations

import bisect

from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from . import text
from .differences import blended_price
from .model import Application, Favour, Model

@dataclass(frozen=True)
class Ranked:
    model: Model
    score: float                     # weighted standing, 0..1
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Excluded:
    model: Model
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ApplicationFit:  # not slots: cached_property needs the instance __dict__
    application: Application
    ranked: tuple[Ranked, ...]
    excluded: tuple[Excluded, ...]

    def rank_of(self, model_id: str) -> Optional[int]:
        return self._places.get(model_id)

    def exclusion_of(self, model_id: str) -> tuple[str, ...]:
        return self._exclusions.get(model_id, ())

    @cached_property
    def _places(self) -> dict[str, int]:
        # Model pages ask for every model's place: look it up, don't scan.
        return {r.model.id: i for i, r in enumerate(self.ranked, 1)}

    @cached_property
    def _exclusions(self) -> dict[str, tuple[str, ...]]:
        return {e.model.id: e.reasons for e in self.excluded}


def exclusion_reasons(app: Application, model: Model) -> list[str]:
    """Why a model cannot serve this use case; empty if it can."""
    needs, reasons = app.needs, []
    for direction, have in (("input", model.input_modalities), ("output", model.output_modalities)):
        for modality in needs.get(direction, ()):
            if modality not in have:
                announced = model.announced and modality in getattr(model.announced, direction)
                reasons.append(f"no {modality} {direction}" + (" (announced at launch, not in this API model)" if announced else ""))
    if "min_context" in needs and model.context_window < needs["min_context"]:
        reasons.append(f"context window {text.tokens_long(model.context_window)} tokens, "
                       f"under the {text.tokens_long(needs['min_context'])} needed")
    if "min_output" in needs:
        if model.max_output_tokens is None:
            reasons.append("no published maximum output")
        elif model.max_output_tokens < needs["min_output"]:
            reasons.append(f"maximum output {text.tokens_long(model.max_output_tokens)} tokens, "
                           f"under the {text.tokens_long(needs['min_output'])} needed")
    if "status" in needs and model.status not in needs["status"]:
        reasons.append(f"status is {model.status}")
    if "reasoning" in needs and (model.reasoning or "none") not in needs["reasoning"]:
        reasons.append("always reasons before answering, which adds delay")
    if needs.get("api_price") and not model.current_price:
        reasons.append("no published per-token API price")
    return reasons


def factor_value(favour: Favour, model: Model) -> Optional[float]:
    """The model's value on one factor, oriented so that larger is better; None if unknown."""
    if favour.factor == "low_cost":
        return -blended_price(model.current_price, favour.mix) if model.current_price else None
    if favour.factor == "benchmark":
        score = model.scores.get(favour.benchmark or "")
        if score is None:
            return None
        return score.value if score.benchmark.higher_is_better else -score.value
    if favour.factor == "long_context":
        return float(model.context_window)
    if favour.factor == "long_output":
        return float(model.max_output_tokens) if model.max_output_tokens else None
    if favour.factor == "recent":
        return float(model.released.toordinal())
    raise ValueError(f"unknown factor {favour.factor}")


def rank(app: Application, models: list[Model]) -> ApplicationFit:
    eligible, excluded = [], []
    for model in models:
        reasons = exclusion_reasons(app, model)
        (excluded.append(Excluded(model, tuple(reasons))) if reasons else eligible.append(model))
    standings: dict[str, list[float]] = {m.id: [] for m in eligible}
    reasons: dict[str, list[str]] = {m.id: [] for m in eligible}
    for favour in app.favours:
        values = {m.id: factor_value(favour, m) for m in eligible}
        known = [v for v in values.values() if v is not None]
        # Places by binary search in the sorted values: O(n log n) per factor, not O(n²).
        ascending = sorted(known)
        # Models without a figure share one place below the worst known value,
        # so a published low score still beats no score at all.
        slots = len(known) + (1 if len(known) < len(eligible) else 0)
        for model in eligible:
            value = values[model.id]
            if value is None:
                standings[model.id].append(0.0)
                reasons[model.id].append(_missing_reason(favour, model))
                continue
            place = 1 + len(ascending) - bisect.bisect_right(ascending, value)
            tied = bisect.bisect_right(ascending, value) - bisect.bisect_left(ascending, value) > 1
            standings[model.id].append(1.0 if slots == 1 else (slots - place) / (slots - 1))
            reasons[model.id].append(_reason(favour, model, place, len(known), tied))
    total = sum(f.weight for f in app.favours)
    scored = [Ranked(m, sum(f.weight * s for f, s in zip(app.favours, standings[m.id])) / total, tuple(reasons[m.id]))
              for m in eligible]
    scored.sort(key=lambda r: (-round(r.score, 9), _blended_or_inf(r.model), r.model.id))
    return ApplicationFit(app, tuple(scored), tuple(excluded))


def _blended_or_inf(model: Model) -> float:
    return blended_price(model.current_price) if model.current_price else float("inf")


def _place(place: int, count: int, tied: bool, best: str, worst: str) -> str:
    tie = ", tied" if tied else ""
    if place == 1:
        return f"{best} of {count}{tie}"
    if place == count:
        return f"{worst} of {count}{tie}"
    return f"{_ordinal(place)} of {count}{tie}"


def _reason(favour: Favour, model: Model, place: int, count: int, tied: bool) -> str:
    if favour.factor == "low_cost":
        p = model.current_price
        mix = f"{favour.mix[0]} in : {favour.mix[1]} out"
        where = _place(place, count, tied, "cheapest", "most expensive")
        return (f"{text.usd(p.input)} in / {text.usd(p.output)} out per 1M; {text.usd(blended_price(p, favour.mix))} "
                f"blended at {mix} ({where})")
    if favour.factor == "benchmark":
        score = model.scores[favour.benchmark]
        return f"{score.benchmark.name} {score.text} ({_place(place, count, tied, 'best', 'lowest')} with a score)"
    if favour.factor == "long_context":
        return f"{text.tokens_long(model.context_window)}-token context ({_place(place, count, tied, 'largest', 'smallest')})"
    if favour.factor == "long_output":
        return f"{text.tokens_long(model.max_output_tokens)}-token maximum output ({_place(place, count, tied, 'largest', 'smallest')})"
    return f"released {text.long_date(model.released)} ({_place(place, count, tied, 'newest', 'oldest')})"


def _missing_reason(favour: Favour, model: Model) -> str:
    return f"no published {favour.label} (counts as last on this factor)"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
