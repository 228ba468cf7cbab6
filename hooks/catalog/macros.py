"""The functions hand-written pages call: {{ model_table(vendor="openai") }} and friends.

Each returns Markup whose data text is already escaped; an unknown model or
field raises MacroError, which the hook turns into a build error with the
page and line.
"""

from __future__ import annotations

import re
import traceback
from typing import Any, Callable, Optional

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from . import text
from .facts import FACTS, PRICE_KINDS, RETIRING_HORIZON_DAYS, SPEC_FIELDS
from .model import Catalog, Model
from .render import linker


class MacroError(Exception):
    """A macro was called with a model, vendor or field that does not exist."""


# How spec() shows a value of each display format of the fact registry (facts.py);
# the fields spec() and price() accept are the registry's too.
SHOWN: dict[str, Callable[[Any], str]] = {
    "date": text.long_date,
    "tokens": lambda v: f"{text.tokens_long(v)} tokens",
    "month_or_date": text.month_or_date,
    "text": str,
    "list": ", ".join,
    "yes_no": lambda v: "yes" if v else "no",
}


def spec_value(model: Model, name: str) -> tuple[str, str]:
    """A fact of a model as spec() shows it, and the name a source's supports: backs it with."""
    fact = FACTS[name]
    value = getattr(model, name)
    return (SHOWN[fact.format](value) if value is not None else "not published"), fact.key


def macro_functions(catalog: Catalog, env: jinja2.Environment, page_url: str) -> dict[str, Any]:  # functions and values
    def model(model_id: str) -> Model:
        if model_id not in catalog.models:
            raise MacroError(f"unknown model {model_id!r}; expected one of the ids in data/models.yaml")
        return catalog.models[model_id]

    compiled: dict[str, jinja2.Template] = {}

    def partial(call: str, **values: Any) -> Markup:
        if call not in compiled:  # a page may call the same macro many times
            compiled[call] = env.from_string('{% import "partials.html" as ui with context %}' + call)
        return Markup(compiled[call].render(link=linker(page_url), catalog=catalog, **values))

    def model_table(vendor: Optional[str] = None, models: Optional[list[str]] = None, interactive: bool = False) -> Markup:
        """The overview table of every model, one vendor's, or the listed ids; sortable and filterable if interactive."""
        if vendor is not None and vendor not in catalog.vendors:
            raise MacroError(f"unknown vendor {vendor!r}; expected one of: {', '.join(catalog.vendors)}")
        chosen = [model(i) for i in models] if models else [
            m for m in catalog.models.values() if vendor is None or m.vendor.id == vendor]
        return partial("{{ ui.model_table(models, interactive) }}", models=chosen, interactive=interactive)

    def price(model_id: str, kind: str = "input", when: str = "current") -> Markup:
        """A price in USD per 1M tokens, linked to its source: current (default) or at launch."""
        found = model(model_id)
        if kind not in PRICE_KINDS:
            raise MacroError(f"unknown price kind {kind!r}; expected one of: {', '.join(PRICE_KINDS)}")
        if when not in ("current", "launch"):
            raise MacroError(f"unknown when={when!r}; expected 'current' or 'launch'")
        entry = found.current_price if when == "current" else found.launch_price
        amount = getattr(entry, kind) if entry else None
        if amount is None or entry is None:
            return Markup("not published")
        return partial("{{ ui.sourced(amount|usd, source) }}", amount=amount, source=entry.source)

    def spec(model_id: str, field: str) -> Markup:
        """One specification of a model, formatted and linked to the source that backs it."""
        found = model(model_id)
        if field not in SPEC_FIELDS:
            raise MacroError(f"unknown field {field!r}; expected one of: {', '.join(SPEC_FIELDS)}")
        value, backing = spec_value(found, field)
        return partial("{{ ui.field_source(m, backing, value) }}", m=found, backing=backing, value=value)

    def model_link(model_id: str) -> Markup:
        """The model's name, linking to its page."""
        found = model(model_id)
        return partial("<a href=\"{{ link('models/' ~ m.id ~ '/') }}\">{{ m.name }}</a>", m=found)

    return {"model_table": model_table, "price": price, "spec": spec, "model_link": model_link,
            "model_count": len(catalog.models), "vendor_count": len(catalog.vendors),
            "as_of": text.long_date(catalog.as_of), "horizon_days": RETIRING_HORIZON_DAYS,
            "retiring_horizon_days": RETIRING_HORIZON_DAYS}


# Fenced blocks (``` or ~~~, any indent) and inline code spans.
CODE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$|(?P<tick>`+)[^`\n].*?(?P=tick)",
                  re.MULTILINE | re.DOTALL)


class PageMacroError(Exception):
    """A hand-written page's macros failed; the message starts with docs/page.md:line."""

    def __init__(self, where: str, line: int, message: str):
        self.where, self.line, self.message = where, line, message
        super().__init__(f"{where}:{line}: {message}")


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of front matter MkDocs removed from `source` to give `markdown`."""
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


def uses_macros(markdown: str) -> bool:
    return "{{" in markdown or "{%" in markdown


def expand(markdown: str, where: str, line_offset: int, catalog: Catalog, env: jinja2.Environment, page_url: str) -> str:
    """The page with its macros expanded; code blocks stay literal. Raises PageMacroError.

    `line_offset` is the number of front-matter lines MkDocs removed, so an
    error names the line the contributor sees in the file.
    """
    hidden: list[str] = []

    def hide(match: re.Match[str]) -> str:
        hidden.append(match.group(0))
        # Keep the line count so Jinja's line numbers match the file.
        return f"\x00{len(hidden) - 1}\x00" + "\n" * match.group(0).count("\n")

    source = CODE.sub(hide, markdown)

    def only_this_page(name: str) -> Optional[tuple[str, str, Callable[[], bool]]]:
        # A page is its own only template: {% include %} or {% extends %} of
        # anything (itself included, which would recurse) is "not found".
        return (source, name, lambda: True) if name == where else None

    # Sandboxed: a page may call the macros and use plain expressions, not reach Python internals.
    page_env = SandboxedEnvironment(loader=jinja2.FunctionLoader(only_this_page), undefined=jinja2.StrictUndefined,
                                    autoescape=False, keep_trailing_newline=True)
    page_env.globals.update(macro_functions(catalog, env, page_url))
    try:
        rendered = page_env.get_template(where).render()
    except jinja2.TemplateSyntaxError as error:
        raise PageMacroError(where, (error.lineno or 1) + line_offset, f"template syntax error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise PageMacroError(where, _template_line(error, where) + line_offset,
                             f"a page cannot include, import or extend another template ({error.name!r}); "
                             "use the macros (model_table, price, spec, model_link)") from None
    except (MacroError, jinja2.UndefinedError) as error:
        raise PageMacroError(where, _template_line(error, where) + line_offset, str(error)) from None
    except Exception as error:  # noqa: BLE001 - any failure of a page's own expression ({{ 1/0 }}) is the page's problem
        raise PageMacroError(where, _template_line(error, where) + line_offset,
                             f"this expression failed ({type(error).__name__}: {error})") from None
    for index, original in enumerate(hidden):
        rendered = rendered.replace(f"\x00{index}\x00" + "\n" * original.count("\n"), original, 1)
    return rendered


def _template_line(error: BaseException, filename: str) -> int:
    # Jinja rewrites tracebacks so template frames carry the template's own
    # file name and line: the innermost such frame is the macro call.
    lines = [frame.lineno or 1 for frame in traceback.extract_tb(error.__traceback__) if frame.filename == filename]
    return lines[-1] if lines else 1
