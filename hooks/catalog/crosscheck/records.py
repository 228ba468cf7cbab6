"""What every reader produces: one peer's facts about one model, in our units and vendor ids."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, UTC
from pathlib import Path
from typing import Any, Optional, TypeVar

T = TypeVar("T")

# The peers, by the name the report and `crosscheck:` entries use.
MODELS_DEV = "models.dev"
LITELLM = "litellm"
OPENROUTER = "openrouter"
GENAI_PRICES = "genai-prices"
LLM_PRICES = "llm-prices"
PEERS = (MODELS_DEV, LITELLM, OPENROUTER, GENAI_PRICES, LLM_PRICES)

PRICE_FIELDS = ("input", "cached_input", "output", "cache_write")
MODALITIES = ("text", "image", "audio", "video", "pdf")
# Ids that name embedding, speech, image or moderation models: not chat/text models.
NOT_CHAT = re.compile(r"embed|rerank|moderation|tts|whisper|transcri|dall-e|imagen|image-|-image|veo-|sora|"
                      r"realtime|audio|speech|sonic|live-|lyria|search-preview|computer-use|canvas|reel|\.ft-")


class InputError(Exception):
    """A peer input that cannot be read: the message names the file, on one line."""


@dataclass(frozen=True)
class PeerRecord:
    peer: str
    provider: str                 # the peer's own provider id ("moonshotai", "x_ai", "openai")
    vendor: str                   # ours ("moonshot", "xai", "openai")
    id: str                       # the peer's model id, as the peer spells it
    prices: dict[str, float] = field(default_factory=dict)   # USD per 1M tokens, PRICE_FIELDS only
    context_window: Optional[int] = None
    max_output_tokens: Optional[int] = None
    input_modalities: Optional[tuple[str, ...]] = None
    output_modalities: Optional[tuple[str, ...]] = None
    released: Optional[date] = None
    shutdown: Optional[date] = None
    deprecated: bool = False
    chat: bool = True             # a chat/text model (the only kind a missing model is reported for)
    variant: bool = False         # a price variant (OpenRouter's `:free`): maps, but its prices are not the list price
    aliases: tuple[str, ...] = ()  # other ids the peer names for this entry (genai-prices' `match: equals:`)
    rank: int = 0                 # among one peer's providers for one vendor, lower wins (zai before zhipuai)
    input_limit: bool = False     # context_window is an input limit (LiteLLM), so context minus output also agrees


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read the file: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not valid JSON: {_one_line(error)}") from None


def shaped(value: Any, kind: type[T], path: Path, expected: str) -> T:
    """`value` if it is a `kind`, else the one-line error that the file is not in the expected format."""
    if not isinstance(value, kind):
        raise InputError(f"{path}: not the expected format: expected {expected}")
    return value


def table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    """A nested object of a record, or an empty one when it is absent or not an object."""
    found = raw.get(key)
    return found if isinstance(found, dict) else {}


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def number(value: Any, scale: float = 1.0) -> Optional[float]:
    """A price as a float (strings accepted, as OpenRouter sends them); None when absent, negative or not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dict):            # genai-prices' tiered price: {base: …, tiers: […]}
        return number(value.get("base"), scale)
    try:
        found = float(value) * scale
    except (TypeError, ValueError):
        return None
    return round(found, 10) if math.isfinite(found) and found >= 0 else None


def tokens(value: Any) -> Optional[int]:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        return None
    return int(value)


def day(value: Any) -> Optional[date]:
    """An ISO date (or the date part of a timestamp, or a YAML date); None when absent or unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC).date()
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def modalities(values: Any, aliases: Optional[dict[str, str]] = None) -> Optional[tuple[str, ...]]:
    """Our modality vocabulary, in our order; what we have no word for is dropped."""
    if not isinstance(values, list):
        return None
    named = {(aliases or {}).get(str(v).lower(), str(v).lower()) for v in values}
    return tuple(m for m in MODALITIES if m in named)


def prices(**values: Optional[float]) -> dict[str, float]:
    return {name: value for name, value in values.items() if value is not None}


def chat_id(model_id: str) -> bool:
    return not NOT_CHAT.search(model_id.lower()) and not model_id.lower().startswith("ft:")
