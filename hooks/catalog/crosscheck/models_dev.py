"""models.dev: `api.json` ({provider: {models: {id: {...}}}}) or its TOML tree (providers/<p>/models/*.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .records import MODELS_DEV, InputError, PeerRecord, chat_id, day, modalities, number, prices, read_json, shaped, table, tokens
from .vendors import PROVIDERS, vendor_of


def read_api(path: Path) -> list[PeerRecord]:
    data = shaped(read_json(path), dict, path, "an object of providers")
    found: list[PeerRecord] = []
    for provider, entry in data.items():
        if provider not in PROVIDERS[MODELS_DEV] or not isinstance(entry, dict):
            continue
        models = shaped(entry.get("models"), dict, path, f"{provider}.models to be an object")
        found += [r for model_id, raw in models.items() if (r := record(provider, str(model_id), raw))]
    return found


def read_tree(folder: Path) -> list[PeerRecord]:
    """`folder` holds providers/ (and models/, which provider files may name as `base_model`), or is providers/ itself."""
    providers = folder / "providers" if (folder / "providers").is_dir() else folder
    if not providers.is_dir():
        raise InputError(f"{folder}: cannot read the folder: no providers/ in it")
    found = []
    for provider_dir in sorted(p for p in providers.iterdir() if p.is_dir() and p.name in PROVIDERS[MODELS_DEV]):
        for file in sorted((provider_dir / "models").rglob("*.toml")):
            model_id = file.relative_to(provider_dir / "models").with_suffix("").as_posix()
            raw = _with_base(_toml(file), providers.parent / "models")
            if raw and (r := record(provider_dir.name, model_id, raw)):
                found.append(r)
    return found


def record(provider: str, model_id: str, raw: Any) -> PeerRecord | None:
    owned = vendor_of(MODELS_DEV, provider, model_id)
    if owned is None or not isinstance(raw, dict):
        return None
    cost, limit, mods = table(raw, "cost"), table(raw, "limit"), table(raw, "modalities")
    inputs, outputs = modalities(mods.get("input")), modalities(mods.get("output"))
    return PeerRecord(
        MODELS_DEV, provider, owned[0], model_id, rank=owned[1],
        prices=prices(input=number(cost.get("input")), cached_input=number(cost.get("cache_read")),
                      output=number(cost.get("output")), cache_write=number(cost.get("cache_write"))),
        context_window=tokens(limit.get("context")), max_output_tokens=tokens(limit.get("output")),
        input_modalities=inputs, output_modalities=outputs, released=day(raw.get("release_date")),
        deprecated=raw.get("status") == "deprecated",
        chat=chat_id(model_id) and "text" in (inputs or ("text",)) and "text" in (outputs or ("text",)),
    )


def _toml(file: Path, hops: int = 0) -> dict[str, Any]:
    try:
        text = file.read_text(encoding="utf-8")
        target = text.strip()
        if hops < 3 and target.endswith(".toml") and "\n" not in target and "=" not in target:
            # A symlink (zhipuai -> zai) checked out as a plain file holding its target's path;
            # one whose target is gone describes nothing.
            linked = file.parent / target
            return _toml(linked, hops + 1) if linked.is_file() else {}
        return tomllib.loads(text)
    except OSError as error:
        raise InputError(f"{file}: cannot read the file: {error.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"{file}: not valid TOML: {' '.join(str(error).split())}") from None


def _with_base(raw: dict[str, Any], models: Path) -> dict[str, Any]:
    """A provider file with `base_model = "vendor/model"` inherits models/vendor/model.toml, minus `base_model_omit`."""
    base_name = raw.get("base_model")
    base_file = models / f"{base_name}.toml" if isinstance(base_name, str) else None
    if base_file is None or not base_file.is_file():
        return raw
    merged = _toml(base_file)
    for dotted in raw.get("base_model_omit") or []:
        *parents, leaf = str(dotted).split(".")
        inner = merged
        for key in parents:
            inner = table(inner, key)
        inner.pop(leaf, None)
    return _merge(merged, raw)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out

