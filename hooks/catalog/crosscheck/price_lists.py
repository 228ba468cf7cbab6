"""genai-prices (providers/*.yml, dated price changes, `match` ids) and llm-prices (data/*.json, price_history)."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Any, Optional

import yaml

from .records import GENAI_PRICES, LLM_PRICES, InputError, PeerRecord, chat_id, day, number, prices, read_json, shaped, tokens
from .vendors import PROVIDERS, vendor_of

# llm-prices files a long-context price as its own id (`gpt-5.4-272k`): a tier of the base model, not a model.
LONG_CONTEXT_TIER = re.compile(r"-\d+k$")

def read_genai_prices(folder: Path, on: date) -> list[PeerRecord]:
    providers = folder / "providers" if (folder / "providers").is_dir() else folder
    files = sorted(providers.glob("*.yml")) if providers.is_dir() else []
    if not files:
        raise InputError(f"{folder}: cannot read the folder: no providers/*.yml in it")
    found = []
    for file in files:
        provider = file.stem
        if provider not in PROVIDERS[GENAI_PRICES]:
            continue
        expected = "a provider with a models: list"
        data = shaped(_yaml(file), dict, file, expected)
        for raw in shaped(data.get("models") or [], list, file, expected):
            model_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
            owned = vendor_of(GENAI_PRICES, provider, model_id)
            if not model_id or owned is None:
                continue
            chosen = _price_on(raw.get("prices"), on)
            found.append(PeerRecord(
                GENAI_PRICES, provider, owned[0], model_id, rank=owned[1], aliases=equals(raw.get("match")),
                prices=prices(input=number(chosen.get("input_mtok")), cached_input=number(chosen.get("cache_read_mtok")),
                              output=number(chosen.get("output_mtok")), cache_write=number(chosen.get("cache_write_mtok"))),
                context_window=tokens(raw.get("context_window")),
                deprecated=bool(raw.get("deprecated") or raw.get("removed")),
                chat=chat_id(model_id) and "output_mtok" in chosen))
    return found


def equals(clause: Any) -> tuple[str, ...]:
    """The ids a genai-prices `match` clause names outright (`equals:`, also inside `or:`).

    Its `starts_with`/`contains` rules are left out on purpose: they also
    catch models newer than the peer's entry (`claude-fable-5` would price
    `claude-fable-5-2`), which is the peer's guess, not its statement.
    """
    if not isinstance(clause, dict):
        return ()
    named = [str(clause["equals"])] if "equals" in clause else []
    parts = clause.get("or")
    for part in parts if isinstance(parts, list) else []:
        named += equals(part)
    return tuple(dict.fromkeys(named))


def _price_on(raw: Any, on: date) -> dict[str, Any]:
    """The prices in force on `on`: the latest start_date not after it; of time-of-day windows, the longest."""
    if isinstance(raw, dict):
        return raw
    variants = [v for v in raw if isinstance(v, dict) and isinstance(v.get("prices"), dict)] if isinstance(raw, list) else []
    dated = [(day((v.get("constraint") or {}).get("start_date")) or date.min, v) for v in variants]
    started = [(d, v) for d, v in dated if d <= on] or dated
    if not started:
        return {}
    latest = max(d for d, _ in started)
    return max((v for d, v in started if d == latest), key=_hours)["prices"]


def _hours(variant: dict[str, Any]) -> float:
    """Hours of the day a variant's time window covers; no window counts as half a day."""
    window = variant.get("constraint") or {}
    start, end = _clock(window.get("start_time")), _clock(window.get("end_time"))
    if start is None or end is None:
        return 12.0
    return ((end - start) % 24) or 24.0


def _clock(value: Any) -> Optional[float]:
    if isinstance(value, int):          # YAML 1.1 reads 16:30:00 as a sexagesimal number of seconds
        return value / 3600
    try:
        parsed = time.fromisoformat(str(value).rstrip("Z"))
    except ValueError:
        return None
    return parsed.hour + parsed.minute / 60


def read_llm_prices(folder: Path, on: date) -> list[PeerRecord]:
    data_dir = folder / "data" if (folder / "data").is_dir() else folder
    files = sorted(data_dir.glob("*.json")) if data_dir.is_dir() else []
    if not files:
        raise InputError(f"{folder}: cannot read the folder: no data/*.json in it")
    found = []
    for file in files:
        expected = '{"vendor": …, "models": [...]}'
        data = shaped(read_json(file), dict, file, expected)
        provider = str(data.get("vendor") or file.stem)
        for raw in shaped(data.get("models"), list, file, expected):
            model_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
            owned = vendor_of(LLM_PRICES, provider, model_id) if model_id else None
            if owned is None or LONG_CONTEXT_TIER.search(model_id):
                continue
            current = _current(raw.get("price_history"), on)
            found.append(PeerRecord(
                LLM_PRICES, provider, owned[0], model_id, rank=owned[1], chat=chat_id(model_id),
                prices=prices(input=number(current.get("input")), cached_input=number(current.get("input_cached")),
                              output=number(current.get("output")))))
    return found


def _current(history: Any, on: date) -> dict[str, Any]:
    """The price_history entry in force on `on` (from_date null = since the start, to_date null = still)."""
    for entry in history if isinstance(history, list) else []:
        if not isinstance(entry, dict):
            continue
        start, end = day(entry.get("from_date")) or date.min, day(entry.get("to_date")) or date.max
        if start <= on < end:
            return entry
    return {}


def _yaml(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{file}: cannot read the file: {error.strerror}") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"{file}: not valid YAML: {' '.join(str(error).split())}") from None
