"""Which models fit a use case: hard needs exclude, favoured factors rank, each with its reason.

The ranking is deliberately simple enough to explain on the page: every
favoured factor ranks the eligible models that have a figure for it (ties
share a rank), the place becomes a 0-1 standing (best = 1, last = 0), and the
weighted average of a model's standings *on the factors it has* orders the
list. A missing figure is named, never counted as the worst: a model is not
placed below others only because of a gap. A benchmark drives a ranking only
where enough eligible models have a score for it (see `MIN_SCORED`); then the
models with a score on one of those benchmarks are ranked, and the others are
listed apart (`unscored`), ordered by their other factors: ranked among the
scored ones they would win on price alone.

Only models served on the data's as_of date and not shutting down within
`RETIRING_HORIZON_DAYS` of it are eligible: guidance never sends a reader to
a model that is gone or going.
"""

from __future__ import annotations

import bisect

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Optional

from . import text
from .differences import blended_price
from .model import MIN_SCORED, MIN_SCORED_SHARE, RETIRING_HORIZON_DAYS, Application, Favour, Model

@dataclass(frozen=True)
class Ranked:
    model: Model
    score: float                     # weighted standing, 0..1
    reasons: tuple[str, ...]
    # The score if every interval tie broke for (high) or against (low) this model:
    # equal to score unless a factor ranks on figures with a 95% interval.
    low: Optional[float] = None
    high: Optional[float] = None

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.score if self.low is None else self.low, self.score if self.high is None else self.high)


@dataclass(frozen=True)
class Excluded:
    model: Model
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class FactorUse:
    """How one favoured factor took part: how many eligible models have it, and whether it ranked."""

    favour: Favour
    scored: int
    eligible: int
    used: bool


@dataclass(frozen=True)
class ApplicationFit:  # not slots: cached_property needs the instance __dict__
    application: Application
    ranked: tuple[Ranked, ...]
    excluded: tuple[Excluded, ...]
    factors: tuple[FactorUse, ...] = ()
    # Eligible models with no score on any benchmark this use case ranks by:
    # listed apart, ordered by their other factors, neither above nor below the ranked ones.
    unscored: tuple[Ranked, ...] = ()

    def rank_of(self, model_id: str) -> Optional[int]:
        return self._places.get(model_id)

    def place_range(self, model_id: str) -> Optional[tuple[int, int]]:
        """Best and worst place the model could hold: models whose scores could swap
        (equal, or apart only within overlapping 95% intervals) share a range."""
        return self._ranges.get(model_id)

    def place_text(self, model_id: str) -> str:
        found = self.place_range(model_id)
        if found is None:
            return ""
        best, worst = found
        return str(best) if best == worst else f"{best}–{worst}"

    def tied(self, a: str, b: str) -> bool:
        """The ranking cannot order these two: their place ranges overlap."""
        ra, rb = self._ranges.get(a), self._ranges.get(b)
        return bool(ra and rb and ra[0] <= rb[1] and rb[0] <= ra[1])

    @cached_property
    def _ranges(self) -> dict[str, tuple[int, int]]:
        bounds = [(r.model.id, *r.bounds) for r in self.ranked]
        lows = sorted(round(lo, 9) for _m, lo, _h in bounds)
        highs = sorted(round(hi, 9) for _m, _l, hi in bounds)
        n = len(bounds)
        ranges = {}
        for model_id, lo, hi in bounds:
            ahead = n - bisect.bisect_right(lows, round(hi, 9))    # others certainly above: their worst beats my best
            behind = bisect.bisect_left(highs, round(lo, 9))        # others certainly below
            ranges[model_id] = (1 + ahead, n - behind)
        return ranges

    def is_unscored(self, model_id: str) -> bool:
        return model_id in self._unscored

    @cached_property
    def _unscored(self) -> frozenset[str]:
        return frozenset(r.model.id for r in self.unscored)

    @property
    def used_benchmarks(self) -> tuple[FactorUse, ...]:
        """The score factors (vendor benchmarks and independent figures) that rank this use case."""
        return tuple(u for u in self.factors if u.used and u.favour.factor in SCORE_FACTORS)

    def exclusion_of(self, model_id: str) -> tuple[str, ...]:
        return self._exclusions.get(model_id, ())

    @cached_property
    def _places(self) -> dict[str, int]:
        # Model pages ask for every model's place: look it up, don't scan.
        return {r.model.id: i for i, r in enumerate(self.ranked, 1)}

    @cached_property
    def _exclusions(self) -> dict[str, tuple[str, ...]]:
        return {e.model.id: e.reasons for e in self.excluded}


SCORE_FACTORS = ("benchmark", "independent")


def exclusion_reasons(app: Application, model: Model, as_of: Optional[date] = None) -> list[str]:
    """Why a model cannot serve this use case; empty if it can."""
    needs, reasons = app.needs, []
    if as_of is not None:
        shutdown = model.retirement.shutdown if model.retirement else None
        if not model.served_on(as_of):
            reasons.append("retired" + (f" (shut down {text.long_date(shutdown)})" if shutdown else ""))
        elif shutdown is not None and model.retiring_within(as_of, RETIRING_HORIZON_DAYS):
            reasons.append(f"retiring {text.long_date(shutdown)}, within {RETIRING_HORIZON_DAYS} days of {text.long_date(as_of)}")
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
    if "status" in needs and model.status not in needs["status"] and not (as_of and not model.served_on(as_of)):
        reasons.append(f"status is {model.status}")
    if "reasoning" in needs and (model.reasoning or "none") not in needs["reasoning"]:
        reasons.append("always reasons before answering, which adds delay")
    if needs.get("tool_calling") and model.capabilities.tool_calling is not True:
        reasons.append("no tool calling" if model.capabilities.tool_calling is False else "tool calling not stated in the data")
    if needs.get("api_price") and not model.current_price:
        reasons.append("no published per-token API price")
    return reasons


def factor_value(favour: Favour, model: Model) -> Optional[float]:
    """The model's value on one factor, oriented so that larger is better; None if unknown."""
    if favour.factor == "low_cost":
        # Price the tier a typical request of this use case falls in.
        return -blended_price(model.current_price.for_prompt(favour.prompt), favour.mix) if model.current_price else None
    if favour.factor == "benchmark":
        score = model.scores.get(favour.benchmark or "")
        if score is None:
            return None
        return score.value if score.benchmark.higher_is_better else -score.value
    if favour.factor == "independent":
        figure = model.figure(*favour.key)
        return figure.oriented() if figure else None
    if favour.factor == "long_context":
        return float(model.context_window)
    if favour.factor == "long_output":
        return float(model.max_output_tokens) if model.max_output_tokens else None
    if favour.factor == "recent":
        return float(model.released.toordinal())
    raise ValueError(f"unknown factor {favour.factor}")


def rank(app: Application, models: list[Model], as_of: Optional[date] = None) -> ApplicationFit:
    """Rank the models that fit `app` (and, given `as_of`, are served and not retiring soon)."""
    eligible, excluded = [], []
    for model in models:
        why = exclusion_reasons(app, model, as_of)
        (excluded.append(Excluded(model, tuple(why))) if why else eligible.append(model))
    # (weight, standing, standing if interval ties break against, ... for) per factor
    weighted: dict[str, list[tuple[float, float, float, float]]] = {m.id: [] for m in eligible}
    reasons: dict[str, list[str]] = {m.id: [] for m in eligible}
    uses = []
    independent = any(f.factor == "independent" for f in app.favours)
    for favour in app.favours:
        values = {m.id: factor_value(favour, m) for m in eligible}
        known = [v for v in values.values() if v is not None]
        used = favour.factor not in SCORE_FACTORS or (len(known) >= MIN_SCORED and len(known) >= MIN_SCORED_SHARE * len(eligible))
        uses.append(FactorUse(favour, len(known), len(eligible), used))
        n = len(known)

        def standing(place: float, n: int = n) -> float:
            return 1.0 if n == 1 else (n - place) / (n - 1)
        # Places by binary search in the sorted values: O(n log n) per factor, not O(n²).
        ascending = sorted(known)
        figures = {m.id: m.figure(*favour.key) for m in eligible} if favour.factor == "independent" else {}
        present = [f for f in figures.values() if f is not None]
        for model in eligible:
            value = values[model.id]
            if value is None:
                reasons[model.id].append(_missing_reason(favour, model))
                continue
            best = 1 + len(ascending) - bisect.bisect_right(ascending, value)
            worst = len(ascending) - bisect.bisect_left(ascending, value)
            figure = figures.get(model.id)
            if figure is not None and figure.has_interval:
                # The evaluator cannot order models whose 95% intervals overlap: their places form a range.
                best = 1 + sum(1 for g in present if g.has_interval and _certainly_better(g, figure))
                worst = n - sum(1 for g in present if g.has_interval and _certainly_better(figure, g))
            if figure is not None:
                reason = _figure_reason(favour, figure, best, worst, n)
            else:
                reason = _reason(favour, model, best, n, worst > best, vendor=independent)
            if not used:
                reasons[model.id].append(f"{reason}; not used: too few scores")
                continue
            if figure is not None and figure.has_interval:
                weighted[model.id].append((favour.weight, (standing(best) + standing(worst)) / 2, standing(worst), standing(best)))
            else:  # equal values share the best place, as before
                weighted[model.id].append((favour.weight, standing(best), standing(best), standing(best)))
            reasons[model.id].append(reason)
    scored = []
    for m in eligible:
        score, low, high = _means(weighted[m.id])
        scored.append(Ranked(m, score, tuple(reasons[m.id]), low, high))
    scored.sort(key=lambda r: (-round(r.score, 9), _blended_or_inf(r.model), r.model.id))
    # A use case ranked by a benchmark ranks the models that have a score on it; the
    # rest would otherwise win on price alone, or lose for a gap in the data.
    benchmarks = [u.favour.benchmark for u in uses if u.used and u.favour.factor == "benchmark"]
    boards = [u.favour.key for u in uses if u.used and u.favour.factor == "independent"]
    if not benchmarks and not boards:
        return ApplicationFit(app, tuple(scored), tuple(excluded), tuple(uses))
    def has_score(r: Ranked) -> bool:
        return any(b in r.model.scores for b in benchmarks) or any(r.model.figure(*k) for k in boards)
    return ApplicationFit(app, tuple(r for r in scored if has_score(r)), tuple(excluded), tuple(uses),
                          tuple(r for r in scored if not has_score(r)))


def _mean(standings: list[tuple[float, float]]) -> float:
    """Weighted mean over the factors a model has; 0 if it has none."""
    total = sum(weight for weight, _ in standings)
    return sum(weight * standing for weight, standing in standings) / total if total else 0.0


def _means(standings: list[tuple[float, float, float, float]]) -> tuple[float, float, float]:
    """Weighted mean standing, and its low and high bounds where interval ties could break either way."""
    return tuple(_mean([(s[0], s[i]) for s in standings]) for i in (1, 2, 3))  # type: ignore[return-value]


def _certainly_better(a, b) -> bool:
    """a is ahead of b beyond the evaluator's 95% intervals."""
    return a.lower > b.upper if a.board.higher_is_better else a.upper < b.lower


def _figure_reason(favour: Favour, figure, best: int, worst: int, count: int) -> str:
    place = f"{best} of {count}" if best == worst else f"{best}–{worst} of {count}, tied within the 95% intervals"
    votes = f", {figure.votes:,} votes" if figure.votes else ""
    return (f"{figure.where} {figure.interval_text} ({place}; {figure.setting}; {text.long_date(figure.date)}{votes})")


def _blended_or_inf(model: Model) -> float:
    return blended_price(model.current_price) if model.current_price else float("inf")


def _place(place: int, count: int, tied: bool, best: str, worst: str) -> str:
    tie = ", tied" if tied else ""
    if place == 1:
        return f"{best} of {count}{tie}"
    if place == count:
        return f"{worst} of {count}{tie}"
    return f"{_ordinal(place)} of {count}{tie}"


def _reason(favour: Favour, model: Model, place: int, count: int, tied: bool, vendor: bool = False) -> str:
    if favour.factor == "low_cost":
        p = model.current_price
        assert p is not None  # factor_value gave this model a price place
        mix = f"{favour.mix[0]} in : {favour.mix[1]} out"
        where = _place(place, count, tied, "cheapest", "most expensive")
        return (f"{text.usd(p.input)} in / {text.usd(p.output)} out per 1M; {text.money(blended_price(p, favour.mix))} "
                f"blended at {mix} ({where})")
    if favour.factor == "benchmark":
        score = model.scores[favour.benchmark or ""]
        where = _place(place, count, False, "best", "lowest")
        label = f"{score.benchmark.name} (vendor-reported, {score.source.publisher or score.source.title})" if vendor else score.benchmark.name
        return f"{label} {score.text} ({where} with a score{', tied' if tied else ''})"
    if favour.factor == "long_context":
        return f"{text.tokens_long(model.context_window)}-token context ({_place(place, count, tied, 'largest', 'smallest')})"
    if favour.factor == "long_output":
        return f"{text.tokens_long(model.max_output_tokens or 0)}-token maximum output ({_place(place, count, tied, 'largest', 'smallest')})"
    return f"released {text.long_date(model.released)} ({_place(place, count, tied, 'newest', 'oldest')})"


def _missing_reason(favour: Favour, model: Model) -> str:
    later = next((f for f in model.posted_figures if f.key == favour.key), None)
    if later is not None:
        # Published after the snapshot the others are ranked on: shown on the model's page, never ordered against them.
        return (f"no {favour.label} in the snapshot the others are ranked on; {later.where} {later.interval_text} "
                f"({later.edition_text}) was published later and is not compared with it (ranked on its other factors)")
    return f"no {favour.label} in this dataset (ranked on its other factors)"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
