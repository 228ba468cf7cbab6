"""The JSON Schema of data/models.yaml, built from the fact registry (facts.py) and the sections around the models.

`build_schema()` is the one definition; hooks/schema_build.py writes it to
data/models.schema.json, which editors and the data check read. Messages the
check prints come from `x-expected` (what a value should look like), so each
wording below is part of what a contributor sees.
"""

from __future__ import annotations

from typing import Any

from .facts import (COMPONENT_ITEMS, ENTRY_FACTS, MODALITIES, MODEL_FACTS, PRICE_FACTS, REASONING, SERVICE_TIER_NAMES, STACKS_WITH,
                    STATUSES, SUPPORTABLE, UNITS, Fact, Json, ref)

SCHEMA_ID = "https://llm-compare.example/schema/models.schema.json"
# Characters that show nothing: a text of only these (or spaces) would be an invisible name or link.
VISIBLE = ("[^\\s\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f"
           "\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0]")


def obj(properties: Json, required: tuple[str, ...] = (), **extra: Any) -> Json:
    """A mapping with exactly these fields."""
    return {"type": "object", "additionalProperties": False, **({"required": list(required)} if required else {}),
            "properties": properties, **extra}


def by_id(value: Json, **extra: Any) -> Json:
    """A mapping from ids to values of one shape."""
    return {"type": "object", **extra, "propertyNames": ref("id"), "additionalProperties": value}


def array(items: Json, **extra: Any) -> Json:
    return {"type": "array", **extra, "items": items}


def described(schema: Json, description: str) -> Json:
    return {**schema, "description": description}


SCALARS: dict[str, Json] = {
    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]*$", "not": {"pattern": "\\.\\."}, "maxLength": 80,
           "x-expected": "a lowercase id of letters, digits, '.', '_' or '-' that starts with a letter or digit and has no '..' "
                         "(like 'gpt-4o')"},
    "text": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": VISIBLE,
             "x-expected": "text with a visible character (not only spaces or invisible characters)"},
    "short_text": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": VISIBLE,
                   "x-expected": "text of at most 200 characters with a visible character (not only spaces or invisible characters)"},
    "url": {"type": "string", "maxLength": 500, "pattern": "^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s<>\"'`\\\\]*)?$",
            "x-expected": "an http:// or https:// address with no spaces, quotes or angle brackets"},
    "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
             "x-expected": "a real calendar date written YYYY-MM-DD"},
    "month_or_date": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])(-[0-9]{2})?$",
                      "x-expected": "a month YYYY-MM or a date YYYY-MM-DD"},
    "tokens": {"type": "integer", "minimum": 1, "maximum": 100000000,
               "x-expected": "a whole number of tokens between 1 and 100,000,000 (write 128000, not \"128k\")"},
    "price": {"type": "number", "minimum": 0, "maximum": 1000, "x-expected": "a price in USD per 1M tokens, from 0 to 1000"},
    "modality": {"enum": list(MODALITIES)},
    "modality_list": {"type": "array", "items": ref("modality"), "uniqueItems": True},
    "status": {"enum": list(STATUSES)},
}


def _facts_object(facts: tuple[Fact, ...], depth: int = 1, prefix: tuple[str, ...] = ()) -> Json:
    """The mapping of the facts whose path is `prefix` + one name; a group's parts become its properties."""
    properties: Json = {}
    required: list[str] = []
    for fact in facts:
        if len(fact.path) != depth or fact.path[:-1] != prefix:
            continue
        name = fact.path[-1]
        schema = dict(fact.schema)
        if any(f.path[:depth] == fact.path and len(f.path) > depth for f in facts):
            inner = _facts_object(facts, depth + 1, fact.path)
            schema = {**schema, **{k: v for k, v in inner.items() if k in ("required", "properties")}}
        properties[name] = schema
        if fact.required:
            required.append(name)
    return obj(properties, tuple(required))


def price_entry() -> Json:
    prices = {f.name: dict(f.schema) for f in PRICE_FACTS}
    return obj({"since": ref("date"), **prices, "source": ref("id"), "note": ref("text"),
                "tiers": array(ref("price_tier"), minItems=1, description=(
                    "Long-context prices: each applies to a whole request whose prompt has more than `above` input tokens; "
                    "sorted by `above`.")),
                **{f.name: dict(f.schema) for f in ENTRY_FACTS}},
               ("since", "input", "output", "source"))


def price_tier() -> Json:
    # A tier has the entry's prices (descriptions stay on the entry) and its threshold.
    prices = {f.name: {k: v for k, v in f.schema.items() if k != "description"} for f in PRICE_FACTS}
    return obj({"above": ref("tokens", description="The tier applies when the prompt has more than this many input tokens."),
                **prices}, ("above", "input", "output"))


def price_component() -> Json:
    return obj({"item": {"enum": list(COMPONENT_ITEMS)}, "unit": {"enum": list(UNITS)},
                "price": {"type": "number", "minimum": 0, "maximum": 10000,
                          "x-expected": "a price in USD for one unit (per 1M tokens, per image, per 1,000 calls, ...), from 0 to 10000"},
                "tool": ref("short_text", description="Which tool a tool_call price is for (code execution, file search, ...): "
                                                      "a vendor prices each tool apart"),
                "note": ref("text"), "source": ref("id")}, ("item", "unit", "price"))


def service_tier() -> Json:
    flag = {"enum": [True, False, None], "x-expected": "true, false or null (null: the vendor does not say)"}
    multiplier = {"type": "number", "exclusiveMinimum": 0, "maximum": 100, "x-expected": "a multiplier of the standard prices, e.g. 0.5"}
    return obj({
        "name": {"anyOf": [{"enum": list(SERVICE_TIER_NAMES)}, ref("short_text")],
                 "description": "flex, priority, fast, or the vendor's own name for the tier"},
        "multiplier": described(multiplier, "The tier's prices as a multiple of the standard ones (0.5 = half price)."),
        "prices": obj({"input": ref("price"), "cached_input": ref("price"), "output": ref("price")}, ("input", "output"),
                      description="The tier's own prices per 1M tokens, where the vendor lists them instead of a multiplier."),
        "tiers": array(obj({"above": ref("tokens"), "input": ref("price"), "cached_input": ref("price"), "output": ref("price")},
                           ("above", "input", "output")), minItems=1, description=(
            "With prices: the tier's own long-context prices, each for a request whose prompt has more than `above` input "
            "tokens (without them a long prompt raises the tier's prices as the standard long-context tier raises the standard ones).")),
        "stacks_with": obj({k: flag for k in STACKS_WITH}, STACKS_WITH, description=(
            "Whether the tier combines with the cached-input price, with batch prices and with long-context tiers; null where "
            "the vendor does not say (the bill then takes the reading that costs more, and says so).")),
        "note": ref("text"), "source": ref("id"),
    }, ("name", "stacks_with"), oneOf=[{"required": ["multiplier"]}, {"required": ["prices"]}],
        **{"x-expected": "exactly one of multiplier or prices"})


def region() -> Json:
    return obj({"name": ref("short_text"),
                "multiplier": {"type": "number", "minimum": 1, "maximum": 10, "x-expected": "a multiplier of 1 or more, e.g. 1.1 for +10 %"},
                "applies_to": ref("text", description="What the uplift applies to, in the vendor's words (default: the whole bill)"),
                "note": ref("text"), "source": ref("id")}, ("name", "multiplier"))


def promotion() -> Json:
    return obj({"until": {"anyOf": [ref("date"), {"type": "null"}],
                          "description": "The last day of the promotional price; null: until further notice."},
                "regular": obj({"input": ref("price"), "cached_input": ref("price"), "output": ref("price")}, ("input", "output"),
                               description="The regular price the promotion cuts (it applies after the promotion ends).")},
               ("until",), description="A promotional price: shown labelled as promotional.")


def _source() -> Json:
    return obj({
        "title": ref("short_text"), "url": ref("url"), "publisher": ref("short_text"),
        "read": described({"enum": ["page", "copy", "quoted"]},
                          "How the fact was read: page = the publisher's page itself; copy = a verbatim copy of that page "
                          "(name it in via: an archive, a mirror, the vendor's docs repository); quoted = a third party quoting "
                          "it (name it in via), the cited page itself was not read."),
        "via": ref("url", description="Where a copy was read, or the third party that quotes the page (required when read is "
                                      "copy or quoted)."),
        "supports": {"type": "array", "uniqueItems": True, "items": {"enum": list(SUPPORTABLE)}},
    }, ("title", "url"))


def _comparison() -> Json:
    return obj({
        "models": array(ref("id"), minItems=2, maxItems=2, **{"x-expected": "a list of exactly two model ids"}),
        "intro": ref("text"),
        "differences": array(obj({"title": ref("short_text"), "text": ref("text"), "sources": ref("source_refs")},
                                 ("title", "text"))),
        "corrections": array(obj({"claim": ref("text"), "correction": ref("text"), "sources": ref("source_refs", minItems=1)},
                                 ("claim", "correction", "sources")),
                             description="Claims often made about this pair, checked against primary sources."),
        "choose": by_id(ref("text"), description="Verdict: for each of the two model ids, when to choose it."),
        "conclusion": ref("text"),
        "sources": by_id(ref("editorial_source")),
    }, ("models",))


def _favour() -> Json:
    return obj({
        "factor": {"enum": ["low_cost", "benchmark", "independent", "long_context", "long_output", "recent"]},
        "benchmark": ref("id"),
        "weight": {"type": "number", "minimum": 0.1, "maximum": 10, "x-expected": "a weight from 0.1 to 10"},
        "mix": array({"type": "integer", "minimum": 0, "maximum": 100}, minItems=2, maxItems=2,
                     **{"x-expected": "[input share, output share], e.g. [3, 1]"}),
        "prompt": ref("tokens", description="low_cost only: the prompt size of a typical request, in input tokens; it picks the "
                                            "long-context price tier that applies."),
        "evaluator": ref("id", description="independent only: the evaluator under evaluators:"),
        "board": ref("id", description="independent only: one of the evaluator's boards"),
        "category": ref("id", description="independent only: the board's category (the Arena's overall, coding, ...)"),
    }, ("factor",))


def _application() -> Json:
    needs = obj({
        "input": ref("modality_list"), "output": ref("modality_list"),
        "min_context": ref("tokens"), "min_output": ref("tokens"),
        "status": array(ref("status"), minItems=1, uniqueItems=True),
        "reasoning": array({"enum": list(REASONING)}, minItems=1, uniqueItems=True),
        "api_price": {"type": "boolean", "description": "true: the model must have a published per-token API price"},
        "tool_calling": {"type": "boolean", "description": "true: the data must say the model supports tool (function) calling"},
    })
    return obj({"name": ref("short_text"), "summary": ref("text"), "guidance": ref("text"), "needs": needs,
                "favours": array(_favour(), minItems=1)},
               ("name", "summary", "needs", "favours", "guidance"))


def _crosscheck_entry() -> Json:
    fields = ["input", "cached_input", "output", "cache_write", "context_window", "max_output_tokens", "input_modalities",
              "output_modalities", "released", "shutdown", "status", "listed"]
    return obj({
        "peer": described({"enum": ["models.dev", "litellm", "openrouter", "genai-prices", "llm-prices"]},
                          "The peer dataset whose value is wrong."),
        "model": ref("short_text", description="Our model id; for a model the peer lists that we leave out on purpose "
                                               "(field: listed), the peer's id."),
        "field": described({"enum": fields},
                           "What the peer has wrong: a price (USD per 1M tokens), a limit (tokens), the modalities, a date, "
                           "status (it calls the model deprecated) or listed (a model we leave out on purpose)."),
        "value": {"description": "The peer's wrong value as the report shows it: a number, a YYYY-MM-DD date, a list of "
                                 "modalities, 'deprecated' for status, true for listed.",
                  "anyOf": [{"type": "number"}, {"type": "boolean"}, ref("short_text"), array(ref("modality"))]},
        "reason": ref("text", description="Why the peer's value is wrong, in a sentence."),
        "source": ref("url", description="The vendor's page that shows the right value."),
    }, ("peer", "model", "field", "value", "reason", "source"))


def _evaluator() -> Json:
    board = obj({"name": ref("short_text"),
                 "unit": {"enum": ["rating", "index", "fraction", "percent", "tokens_per_second", "seconds"]},
                 "higher_is_better": {"type": "boolean"}}, ("name", "unit", "higher_is_better"))
    return obj({
        "name": ref("short_text"),
        "url": ref("url", description="The evaluator's leaderboard page, which a figure cites"),
        "description": ref("text"),
        "read": described({"enum": ["page", "copy"]},
                          "page = read on the leaderboard itself; copy = read from a copy of its data (name it in via)"),
        "via": ref("url", description="Where the copy was read (required when read is copy)"),
        "boards": by_id(board, minProperties=1),
    }, ("name", "url", "boards"))


def _independent_figure() -> Json:
    return obj({
        "evaluator": ref("id"), "board": ref("id"),
        "category": ref("id", description="The evaluator's category within the board (the Arena's overall, coding, ...)"),
        "value": {"type": "number"},
        "lower": {"type": "number", "description": "Lower end of the evaluator's 95% interval"},
        "upper": {"type": "number", "description": "Upper end of the evaluator's 95% interval"},
        "votes": {"type": "integer", "minimum": 0},
        "date": ref("date", description="The leaderboard's own date"),
        "setting": ref("short_text", description="The reasoning effort, thinking mode or style control the row is for, as the row says"),
        "row": ref("short_text", description="The evaluator's own row name"),
        "primary": {"type": "boolean", "description": "true on the one figure per evaluator, board and category that rankings and "
                                                      "comparisons use"},
        "note": ref("text", description="Why this row, when several fit the model"),
        # A figure the evaluator published after the snapshot names its own page and how it was read (issue #15).
        "url": ref("url", description="The evaluator's own page that published this figure, when it is not from the snapshot the evaluator's url: names (a figure published after it); pages that show the figure link this address"),
        "title": ref("short_text", description="The title of the page at url"),
        "read": {"enum": ["page", "copy", "quoted"], "description": "How the page at url was read: page = the evaluator's page itself; copy = a verbatim copy of it (name it in via); quoted = a third party quoting it (name it in via), the page itself not read"},
        "via": ref("url", description="Where a copy was read, or the third party that quotes the figure (required when read is copy or quoted)"),
        "index_version": ref("short_text", description="The evaluator's version of the index or method the figure is on (Artificial Analysis' Intelligence Index v4.2, ...), where the source names it"),
    }, ("evaluator", "board", "value", "date", "setting", "row"))


def definitions() -> Json:
    return {
        **SCALARS,
        "vendor": obj({"name": ref("short_text"), "url": ref("url"), "description": ref("text")}, ("name", "url")),
        "benchmark": obj({"name": ref("short_text"), "description": ref("text"),
                          "unit": {"enum": ["percent", "score", "elo", "rate"]}, "higher_is_better": {"type": "boolean"},
                          "url": ref("url")}, ("name", "description", "unit", "higher_is_better", "url")),
        "source": _source(),
        "price_entry": price_entry(),
        "price_tier": price_tier(),
        "price_component": price_component(),
        "service_tier": service_tier(),
        "region": region(),
        "promotion": promotion(),
        "score": obj({"value": {"type": "number", "minimum": -100000, "maximum": 100000}, "source": ref("id"),
                      "note": ref("short_text")}, ("value", "source")),
        "model": _facts_object(MODEL_FACTS),
        "comparison": _comparison(),
        "caveat": obj({"about": ref("short_text"), "text": ref("text"),
                       "sources": array(ref("id"), minItems=1, uniqueItems=True)}, ("about", "text", "sources")),
        "editorial_source": obj({"title": ref("short_text"), "url": ref("url"), "publisher": ref("short_text")}, ("title", "url")),
        "source_refs": {"type": "array", "uniqueItems": True, "items": ref("id")},
        "application": _application(),
        "crosscheck_entry": _crosscheck_entry(),
        "evaluator": _evaluator(),
        "independent_figure": _independent_figure(),
    }


def build_schema() -> Json:
    """The whole schema of data/models.yaml."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "AI model comparison data (data/models.yaml)",
        "description": "Vendors, benchmarks and models with sourced facts. Prices are USD per 1M tokens; token counts are whole "
                       "tokens; dates are ISO 8601.",
        "type": "object",
        "additionalProperties": False,
        "required": ["vendors", "benchmarks", "models"],
        "properties": {
            "vendors": by_id(ref("vendor"), minProperties=1),
            "benchmarks": by_id(ref("benchmark")),
            "models": by_id(ref("model"), minProperties=1),
            "comparisons": array(ref("comparison")),
            "applications": by_id(ref("application")),
            "as_of": ref("date", description="The day the data was last checked against its sources; the site shows it as "
                                             "'data as of'. Without it, the newest date in the data is used."),
            "crosscheck": array(ref("crosscheck_entry"), description=(
                "Peer values confirmed wrong at the vendor's own page, recorded once so that `python hooks/crosscheck.py` "
                "stops reporting them (it lists how many it left out). An entry suppresses exactly one difference: that peer, "
                "model, field and value; when the peer changes the value, the difference is reported again.")),
            "evaluators": by_id(ref("evaluator"), description="Independent evaluators whose leaderboards give the figures under "
                                                             "independent:"),
            "independent": by_id(array(ref("independent_figure"), minItems=1), description=(
                "Figures from independent evaluators, keyed by the id of a model in this file (generated by "
                "hooks/leaderboards_import.py)")),
        },
        "$defs": definitions(),
    }
