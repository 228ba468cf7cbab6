"""How values read on the page: numbers, prices, dates, and escaping of data text."""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Optional

from markupsafe import Markup

# Characters that mean something to HTML or to Markdown and its extensions
# (links, emphasis, code, tables, attr_list, emoji, keys, mark, arithmatex).
# Data text has each of them written as a numeric character reference, so a
# model summary of `[x](javascript:...)` or `{{ config }}` shows as typed, in
# a Markdown heading, a table cell or an HTML attribute alike.
_SPACE = re.compile(r"\s+")
_ACTIVE = re.compile(r"[&<>\"'\\`*_\[\](){}#|~!^=+:$@%]")


def inert(value: Any) -> Markup:
    """Data text made safe for HTML and Markdown; Markup passes through untouched."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    # A newline would end a table row or heading: every run of whitespace
    # becomes one space. Leading and trailing spaces stay (as one), so a
    # separator such as `{{ ", " if not loop.last }}` keeps its space.
    text = _SPACE.sub(" ", str(value))
    return Markup(_ACTIVE.sub(lambda m: f"&#{ord(m.group())};", text))


def safe_url(url: str) -> Markup:
    """An http(s) address for an href; anything else becomes a harmless '#'."""
    if not re.match(r"^https?://", url):
        return Markup("#")
    return Markup(html.escape(url, quote=True))


def tokens_short(count: int) -> str:
    """In the vendors' convention: 128000 -> '128K', 131072 -> '128K', 4096 -> '4K', 1048576 -> '1M'.

    Binary sizes (multiples of 1,024) count in K = 1,024 and M = 1,048,576, as
    vendors write them; decimal sizes in thousands and millions. The exact
    count goes beside it (tooltip, model page).
    """
    if count >= 1024 and count % 1024 == 0 and count % 1000 != 0:  # 128,000 is both: decimal wins
        if count % 1_048_576 == 0:
            return f"{count // 1_048_576}M"
        if count >= 1_048_576:
            return _trim(count / 1_048_576, 2) + "M"
        return _trim(count / 1024, 1) + "K"
    if count >= 1_000_000:
        return _trim(count / 1_000_000, 2) + "M"
    if count >= 1_000:
        thousands = _trim(count / 1_000, 1)
        # 999,999 rounds to "1000": that is 1M, never "1000K".
        return thousands + "K" if thousands != "1000" else "1M"
    return str(count)


def fixed(value: float, places: int) -> str:
    """`value` with `places` decimals, a half rounded away from zero: 5.25 -> '5.3', 92.5 -> '93'.

    Python's own formatting rounds an exact half to even (5.25 -> '5.2'); the
    compare script rounds it up. Both round the decimal a reader sees, the
    shortest one that reads back as the same float, half away from zero, so
    the page and the script say the same.
    """
    q = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{abs(q) if q == 0 else q:f}"


def tokens_long(count: int) -> str:
    return f"{count:,}"


def usd(amount: Optional[float]) -> str:
    """A list price exactly as the file writes it: $2.50, $0.075, $0.003625, $2.99999 (never rounded).

    Cents always show ($2.50); beyond them, every digit the file has (the
    shortest decimal that reads back as the same float), so the page says what
    the vendor published. The data check allows at most six decimals.
    """
    if amount is None:
        return "—"
    amount = float(amount) + 0.0  # -0.0 reads as 0
    if round(amount, 2) == amount:
        return f"${amount:,.2f}"
    return f"${Decimal(repr(amount)):,f}"


def money(amount: Optional[float]) -> str:
    """A computed amount (blended price, a cost): to the cent, or three significant figures under $0.10."""
    if amount is None:
        return "—"
    if amount == 0:
        return "$0.00"
    if abs(amount) < 0.10:
        return "$" + f"{amount:.3g}" if abs(amount) >= 1e-4 else "$" + f"{amount:.2e}"
    return f"${Decimal(fixed(amount, 2)):,}"


def percent(value: float, places: int = 0, sign: bool = False) -> str:
    """'94%', '+15%': no space, as English writes it."""
    shown = fixed(value, places)
    return f"{'+' if sign and not shown.startswith('-') else ''}{shown}%"


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
    return fixed(value, places).rstrip("0").rstrip(".") if places else fixed(value, 0)
