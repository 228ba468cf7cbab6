"""A small valid data file for tests, as a Python structure that tests mutate."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "vendors": {
        "openai": {"name": "OpenAI", "url": "https://openai.com/"},
        "acme": {"name": "Acme", "url": "https://acme.example/"},
    },
    "benchmarks": {
        "mmlu": {"name": "MMLU", "description": "Knowledge test", "unit": "percent",
                 "higher_is_better": True, "url": "https://arxiv.org/abs/2009.03300"},
        "wer": {"name": "WER", "description": "Word error rate", "unit": "percent",
                "higher_is_better": False, "url": "https://example.org/wer"},
    },
    "models": {
        "big-model": {
            "name": "Big Model", "vendor": "openai", "released": "2024-05-13", "status": "active", "verified": "2026-11-25",
            "summary": "A large model.", "context_window": 128000, "max_output_tokens": 16384,
            "knowledge_cutoff": "2023-10", "open_weights": False,
            "modalities": {"input": ["text", "image"], "output": ["text"]},
            "pricing": [
                {"since": "2024-05-13", "input": 5.0, "output": 15.0, "source": "launch"},
                {"since": "2024-10-02", "input": 2.5, "cached_input": 1.25, "output": 10.0, "source": "pricing"},
            ],
            "scores": {"mmlu": {"value": 88.7, "source": "launch"}, "wer": {"value": 9.0, "source": "launch"}},
            "sources": {
                "launch": {"title": "Launch", "url": "https://openai.com/launch", "read": "page",
                           "supports": ["released", "context_window", "max_output_tokens", "knowledge_cutoff", "modalities"]},
                "pricing": {"title": "Pricing", "url": "https://openai.com/pricing", "read": "page"},
            },
        },
        "small-model": {
            "name": "Small Model", "vendor": "acme", "released": "2024-07-18", "status": "active", "verified": "2026-11-25",
            "summary": "A small model.", "context_window": 128000, "max_output_tokens": 16384,
            "open_weights": True, "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
            "modalities": {"input": ["text"], "output": ["text"]},
            "pricing": [{"since": "2024-07-18", "input": 0.15, "output": 0.6, "source": "launch"}],
            "scores": {"mmlu": {"value": 82.0, "source": "launch"}, "wer": {"value": 12.0, "source": "launch"}},
            "sources": {"launch": {"title": "Launch", "url": "https://acme.example/launch", "read": "page",
                                   "supports": ["released", "context_window", "max_output_tokens", "modalities", "license"]}},
        },
    },
    "comparisons": [{"models": ["big-model", "small-model"]}],
    "applications": {},
}


def sample() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)


def write(path: Path, data: dict[str, Any] | str) -> Path:
    path.write_text(data if isinstance(data, str) else dump(data), encoding="utf-8")
    return path
