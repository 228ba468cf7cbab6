"""Peer ids to our model ids: exact (key, api_id), then our `snapshot:` alias, then a loose form,
then the other ids a peer names for the same entry (genai-prices' `equals:`).

The loose form drops what names one model several ways: a vendor prefix
(`anthropic/…`, `models/…`), a variant (`:free`), `-latest`, a date suffix
(`-20250929`, `-2025-09-29`, `@20250929`), a Bedrock version (`-v1:0`,
`amazon.`), dots against dashes and Anthropic's old word order
(`claude-3-7-sonnet` = `claude-sonnet-3-7`). A dated peer id never matches a
model of ours that is pinned to another date (`gpt-4o-2024-11-20` is not our
`gpt-4o`, whose snapshot is 2024-08-06): the trap of a moving alias.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from ..model import Catalog, Model
from .records import PeerRecord

EXACT, SNAPSHOT, LOOSE, ALIAS = 0, 1, 2, 3
VARIANT = re.compile(r":(free|beta|thinking|extended|nitro|floor|online|exacto)$")
DATE = re.compile(r"(?:[-@](\d{4})-?(\d{2})-?(\d{2}))$")
CLAUDE_OLD_ORDER = re.compile(r"^claude-(\d+(?:-\d+)?)-(opus|sonnet|haiku|fable)")


@dataclass(frozen=True)
class Mapped:
    record: PeerRecord
    model: Optional[Model]        # None: the peer lists a model we lack
    how: int = EXACT
    ambiguous: bool = False       # the loose form fits several of ours: neither compared nor called missing


def exact_forms(model_id: str) -> list[str]:
    lowered = VARIANT.sub("", model_id.strip().lower())
    return list(dict.fromkeys([lowered, lowered.rsplit("/", 1)[-1]]))


def loose(model_id: str) -> tuple[str, Optional[str]]:
    """The loose form of an id and the date it carried (YYYY-MM-DD), if any."""
    text = exact_forms(model_id)[-1]
    text = re.sub(r"^(amazon|bedrock)[.-]", "", text)
    text = re.sub(r"-v\d+(:\d+)?$", "", text)
    text = re.sub(r"[-@]latest$", "", text)
    stamp = None
    found = DATE.search(text)
    if found and 1 <= int(found[2]) <= 12:
        stamp = f"{found[1]}-{found[2]}-{found[3]}"
        text = text[: found.start()]
    text = CLAUDE_OLD_ORDER.sub(lambda m: f"claude-{m[2]}-{m[1]}", text.replace(".", "-"))
    return text, stamp


class Index:
    """Our models by every name a peer may use for them, per vendor."""

    def __init__(self, catalog: Catalog) -> None:
        self.by_exact: dict[tuple[str, str], Model] = {}
        self.by_snapshot: dict[tuple[str, str], list[Model]] = defaultdict(list)
        self.by_loose: dict[tuple[str, str], list[Model]] = defaultdict(list)
        self.dates: dict[str, set[str]] = defaultdict(set)
        for model in catalog.models.values():
            names = [model.id] + ([model.api_id] if model.api_id else [])
            for name in names:
                for form in exact_forms(name):
                    self.by_exact.setdefault((model.vendor.id, form), model)
            if model.snapshot:
                self.by_snapshot[(model.vendor.id, model.snapshot.lower())].append(model)
            for name in names + ([model.snapshot] if model.snapshot else []):
                form, stamp = loose(name)
                if model not in self.by_loose[(model.vendor.id, form)]:
                    self.by_loose[(model.vendor.id, form)].append(model)
                if stamp:
                    self.dates[model.id].add(stamp)

    def find(self, record: PeerRecord) -> list[Mapped]:
        """The models of ours a record describes (by its id, and by the ids it names as aliases), or one Mapped with none."""
        by_id = self._one(record.vendor, record.id)
        found = [Mapped(record, by_id[0], by_id[1])] if by_id else []
        for alias in record.aliases:
            hit = self.by_exact.get((record.vendor, alias.lower()))
            if hit and all(m.model is not hit for m in found):
                found.append(Mapped(record, hit, ALIAS))
        if found:
            return found
        form, stamp = loose(record.id)
        ambiguous = len(self._loose_fits(record.vendor, form, stamp)) > 1 or self._moving(record.vendor, record.id, form)
        return [Mapped(record, None, LOOSE, ambiguous=ambiguous)]

    def _moving(self, vendor: str, peer_id: str, form: str) -> bool:
        """A `-latest` alias (`mistral-large-latest`) of a family we have dated ids of: ours, but which one moves."""
        return exact_forms(peer_id)[-1].endswith("latest") and any(
            v == vendor and f.startswith(f"{form}-") and f[len(form) + 1:].isdigit() for v, f in self.by_loose)

    def _one(self, vendor: str, peer_id: str) -> Optional[tuple[Model, int]]:
        for form in exact_forms(peer_id):
            if (vendor, form) in self.by_exact:
                return self.by_exact[(vendor, form)], EXACT
        for form in exact_forms(peer_id):
            pinned = self.by_snapshot.get((vendor, form), [])
            if len(pinned) == 1:
                return pinned[0], SNAPSHOT
        fits = self._loose_fits(vendor, *loose(peer_id))
        return (fits[0], LOOSE) if len(fits) == 1 else None

    def _loose_fits(self, vendor: str, form: str, stamp: Optional[str]) -> list[Model]:
        return [m for m in self.by_loose.get((vendor, form), []) if not stamp or not self.dates[m.id] or stamp in self.dates[m.id]]


def map_records(records: list[PeerRecord], catalog: Catalog) -> list[Mapped]:
    """Each record with the model(s) of ours it describes, or alone (model None) when it describes none."""
    index = Index(catalog)
    return [m for r in records for m in index.find(r)]
