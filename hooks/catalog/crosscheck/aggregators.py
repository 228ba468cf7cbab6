"""LiteLLM's model_prices_and_context_window.json and OpenRouter's /api/v1/models: prices per token."""

from __future__ import annotations

from pathlib import Path

from .records import LITELLM, OPENROUTER, PeerRecord, chat_id, day, modalities, number, prices, read_json, shaped, table, tokens
from .vendors import vendor_of

PER_MILLION = 1e6
LITELLM_CHAT_MODES = {"chat", "responses", "completion"}
# OpenRouter's variants after a colon: the same model, served or billed differently.
OPENROUTER_VARIANTS = ("free", "beta", "thinking", "extended", "nitro", "floor", "online", "exacto")


def read_litellm(path: Path) -> list[PeerRecord]:
    data = shaped(read_json(path), dict, path, "an object of model names")
    found = []
    for name, raw in data.items():
        if name == "sample_spec" or not isinstance(raw, dict):
            continue
        owned = vendor_of(LITELLM, str(raw.get("litellm_provider") or ""), name)
        if owned is None:
            continue
        found.append(PeerRecord(
            LITELLM, str(raw["litellm_provider"]), owned[0], name, rank=owned[1],
            prices=prices(input=number(raw.get("input_cost_per_token"), PER_MILLION),
                          cached_input=number(raw.get("cache_read_input_token_cost"), PER_MILLION),
                          output=number(raw.get("output_cost_per_token"), PER_MILLION),
                          cache_write=number(raw.get("cache_creation_input_token_cost"), PER_MILLION)),
            context_window=tokens(raw.get("max_input_tokens")), input_limit=True,
            max_output_tokens=tokens(raw.get("max_output_tokens")),
            shutdown=day(raw.get("deprecation_date")), deprecated=raw.get("deprecation_date") is not None,
            chat=raw.get("mode", "chat") in LITELLM_CHAT_MODES and chat_id(name)))
    return found


def read_openrouter(path: Path) -> list[PeerRecord]:
    expected = '{"data": [models]}'
    models = shaped(shaped(read_json(path), dict, path, expected).get("data"), list, path, expected)
    found = []
    for raw in models:
        model_id = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(model_id, str) or "/" not in model_id:
            continue
        author, _, rest = model_id.partition("/")
        owned = vendor_of(OPENROUTER, author, rest)
        if owned is None:
            continue
        variant = rest.partition(":")[2] in OPENROUTER_VARIANTS
        pricing, arch, top = table(raw, "pricing"), table(raw, "architecture"), table(raw, "top_provider")
        inputs = modalities(arch.get("input_modalities"), {"file": "pdf"})
        outputs = modalities(arch.get("output_modalities"))
        expires = day(raw.get("expiration_date"))
        found.append(PeerRecord(
            OPENROUTER, author, owned[0], model_id, rank=owned[1], variant=variant,
            prices=prices(input=number(pricing.get("prompt"), PER_MILLION),
                          cached_input=number(pricing.get("input_cache_read"), PER_MILLION),
                          output=number(pricing.get("completion"), PER_MILLION),
                          cache_write=number(pricing.get("input_cache_write"), PER_MILLION)),
            context_window=tokens(raw.get("context_length")), max_output_tokens=tokens(top.get("max_completion_tokens")),
            input_modalities=inputs, output_modalities=outputs, shutdown=expires, deprecated=expires is not None,
            chat=chat_id(rest) and "text" in (inputs or ("text",)) and "text" in (outputs or ("text",))))
    return found


