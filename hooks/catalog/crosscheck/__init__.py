"""Cross-check the data against peers' datasets: leads to check at the primary source, never sources.

One reader per peer format turns a download into `PeerRecord`s (prices in USD
per 1M tokens, limits in tokens, our vendor ids); `ids` maps each record to a
model of ours; `compare` lists what differs beyond rounding, what a peer lists
that we lack and what a peer calls deprecated that we call active, minus the
known-wrong peer values recorded under `crosscheck:` in the data; `report`
writes it as Markdown or JSON.
"""

from __future__ import annotations

from .records import InputError, PeerRecord

__all__ = ["InputError", "PeerRecord"]
