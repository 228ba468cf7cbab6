"""How values read on the page: numbers, prices, dates, and escaping of data text."""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date
from typing import Any, Optional

from markupsafe import Markup

# Characters that mean something to HTML or to Markdown and its extensions
# (links, emphasis, code, tables, attr_list, emoji, keys, mark, arithmatex).
# Data text has each of them written as a numeric character reference, so a
# model summary of `[x](javascript:...)` or `{{ config }}` shows as typed, in
# a Markdown heading, a table cell or an HTML attribute alike.
_ACTIVE = re.compile(r"[&<>\"'\\`*_\[\](){}#|~!^=+:$@%]")


def inert(value: Any) -> Markup:
    """Data text made safe for HTML and Markdown; Markup passes through untouched."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    text = " ".join(str(value).split())  # newlines would end a table row or heading
    return Markup(_ACTIVE.sub(lambda m: f"&#{ord(m.group())};", text))


def safe_url(url: str) -> Markup:
    """An http(s) address for an href; anything else becomes a harmless '#'."""
    if not re.match(r"^https?://", url):
        return Markup("#")
    return Markup(html.escape(url, quote=True))


def tokens_short(count: int) -> str:
    """128000 -> '128K', 1048576 -> '1.05M': for tables, with the exact count beside it."""
    if count >= 1_000_000:
        return _trim(count / 1_000_000, 2) + "M"
    if count >= 1_000:
        return _trim(count / 1_000, 1) + "K"
    return str(count)


def tokens_long(count: int) -> str:
    return f"{count:,}"


def usd(amount: Optional[float]) -> str:
    """USD with cents, and up to four decimals for sub-cent prices: $2.50, $0.075."""
    if amount is None:
        return "—"
    if round(amount, 2) == amount:
        return f"${amount:,.2f}"
    return "$" + f"{amount:,.4f}".rstrip("0")


def long_date(value: date) -> str:
    return f"{value:%b} {value.day}, {value.year}"


def month_or_date(text: str) -> str:
    """'2023-10' -> 'Oct 2023'; '2024-06-01' -> 'Jun 1, 2024'."""
    if len(text) == 7:
        return f"{date.fromisoformat(text + '-01'):%b %Y}"
    return long_date(date.fromisoformat(text))


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs ('' is the home page)."""
    start = from_url.rstrip("/") if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target = posixpath.relpath(to_url.rstrip("/") or ".", start or ".")
    if to_url == "" or to_url.endswith("/"):
        return "./" if target == "." else target + "/"
    return target


def _trim(value: float, places: int) -> str:
    return f"{value:.{places}f}".rstrip("0").rstrip(".")
