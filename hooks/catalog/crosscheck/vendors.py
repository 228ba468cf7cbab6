"""Peers' provider names to our vendor ids: one table per peer, read in order (an earlier provider wins a tie)."""

from __future__ import annotations

from typing import Optional

from .records import GENAI_PRICES, LITELLM, LLM_PRICES, MODELS_DEV, OPENROUTER

# Only the vendor's own API counts: resellers (azure, bedrock, vertex, groq, …)
# are absent on purpose, except Amazon, whose own API for Nova is Bedrock.
PROVIDERS: dict[str, dict[str, str]] = {
    MODELS_DEV: {
        "openai": "openai", "anthropic": "anthropic", "google": "google", "llama": "meta", "mistral": "mistral",
        "deepseek": "deepseek", "xai": "xai", "alibaba": "qwen", "moonshotai": "moonshot", "minimax": "minimax",
        "zai": "zhipu", "zhipuai": "zhipu", "amazon-bedrock": "amazon", "cohere": "cohere",
    },
    GENAI_PRICES: {
        "openai": "openai", "anthropic": "anthropic", "google": "google", "meta": "meta", "mistral": "mistral",
        "deepseek": "deepseek", "x_ai": "xai", "alibaba": "qwen", "moonshotai": "moonshot", "minimax": "minimax",
        "zai": "zhipu", "zhipuai": "zhipu", "aws": "amazon", "cohere": "cohere",
    },
    LLM_PRICES: {
        "openai": "openai", "anthropic": "anthropic", "google": "google", "meta-ai": "meta", "mistral": "mistral",
        "deepseek": "deepseek", "xai": "xai", "qwen": "qwen", "moonshot-ai": "moonshot", "minimax": "minimax",
        "zhipu": "zhipu", "amazon": "amazon", "cohere": "cohere",
    },
    # LiteLLM's `litellm_provider`: which API the price is for.
    LITELLM: {
        "openai": "openai", "text-completion-openai": "openai", "anthropic": "anthropic", "gemini": "google",
        "meta_llama": "meta", "mistral": "mistral", "codestral": "mistral", "deepseek": "deepseek", "xai": "xai",
        "dashscope": "qwen", "moonshot": "moonshot", "minimax": "minimax", "zai": "zhipu",
        "bedrock": "amazon", "bedrock_converse": "amazon", "cohere_chat": "cohere", "cohere": "cohere",
    },
    # OpenRouter's id prefix names the model's author, not who serves it.
    OPENROUTER: {
        "openai": "openai", "anthropic": "anthropic", "google": "google", "meta-llama": "meta", "mistralai": "mistral",
        "deepseek": "deepseek", "x-ai": "xai", "qwen": "qwen", "moonshotai": "moonshot", "minimax": "minimax",
        "z-ai": "zhipu", "amazon": "amazon", "cohere": "cohere",
    },
}

AMAZON_HOSTS = {"amazon-bedrock", "aws", "bedrock", "bedrock_converse"}
# Model families by their maker: a vendor's list that also resells another's
# model (genai-prices' google.yml prices Claude on Vertex; DashScope serves
# DeepSeek) is not that maker's own offering, nor a model this vendor lacks.
FAMILIES = {"claude": "anthropic", "gpt-": "openai", "llama": "meta", "mistral": "mistral", "grok": "xai",
            "deepseek": "deepseek", "qwen": "qwen", "glm": "zhipu", "kimi": "moonshot", "minimax": "minimax",
            "command": "cohere", "gemini": "google", "gemma": "google"}
RESOLD = ("cerebras-", "groq-", "together-", "fireworks-")


def vendor_of(peer: str, provider: str, model_id: str) -> Optional[tuple[str, int]]:
    """Our vendor id and the provider's rank, or None when the record is not the vendor's own offering."""
    table = PROVIDERS[peer]
    vendor = table.get(provider.lower())
    if vendor is None:
        return None
    if provider.lower() in AMAZON_HOSTS and not _amazon_own(model_id):
        return None          # Bedrock also resells other vendors' models: only Amazon's own count
    tail = model_id.lower().rsplit("/", 1)[-1]
    maker = next((owner for prefix, owner in FAMILIES.items() if tail.startswith(prefix)), vendor)
    if maker != vendor or tail.startswith(RESOLD):
        return None
    return vendor, list(table).index(provider.lower())


def _amazon_own(model_id: str) -> bool:
    lowered = model_id.lower()
    return lowered.startswith(("amazon.", "bedrock/amazon.", "amazon-nova"))
