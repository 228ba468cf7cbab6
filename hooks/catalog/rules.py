"""Rules that span fields, which a JSON Schema cannot say: references, order, provenance.

Each rule reads the data defensively (the schema check runs beside it, not
before it), so a file with a type error still gets its broken references
reported in the same run.
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any, Callable, Optional, TypeGuard

from .facts import COMPONENT_UNITS, MUST_BE_SOURCED, PRICE_FIELDS, SERVED, SUPPORTABLE, UNIT_LABELS
from .lifecycle import lifecycle_problems
from .problems import Path, Problem
from .shapes import mapping as _mapping, sequence as _sequence
from .yamlsource import Located

# The provenance lists come from the fact registry (facts.py): which fields a
# source's `supports:` can back (prices, scores, announcements and retirements
# name their source on the entry itself), which must be backed, the price
# fields, and the statuses that count as served on as_of.
MAX_PRICE_DECIMALS = 6


# The page each id gets (see render.generated_pages), and the generated index
# page in the same folder that an id must not replace.
PAGE_FOLDERS = {"models": "models", "vendors": "vendors", "applications": "applications"}
RESERVED_IDS = {"index": "the folder's generated index page"}
# Pair pages live at compare/<a>-vs-<b>/: an id containing the separator makes
# two different pairs share one address (x-vs-y + z and x + y-vs-z).
PAIR_SEPARATOR = "-vs-"
# The newest date becomes SOURCE_DATE_EPOCH, which MkDocs writes into the
# sitemap's gzip header (a 32-bit time from 1970): a date outside this range
# would fail the build after site/ is cleaned. Real model data sits well inside.
FIRST_YEAR, LAST_YEAR = 1980, 2099
FULL_DATE = re.compile(r"\A([0-9]{4})-[0-9]{2}(-[0-9]{2})?\Z")


def rule_problems(located: Located, docs_dir: Optional[FsPath] = None) -> list[Problem]:
    data = located.data if isinstance(located.data, dict) else {}
    found: list[Problem] = []

    def report(path: Path, message: str, *, key: bool = False) -> None:
        found.append(Problem(*located.where(path, key=key), path, message))

    _address_rules(data, docs_dir, report)
    _date_range_rules(data, (), report)

    vendors = _mapping(data.get("vendors"))
    benchmarks = _mapping(data.get("benchmarks"))
    models = _mapping(data.get("models"))
    as_of = data.get("as_of") if isinstance(data.get("as_of"), str) and _real_date(data["as_of"]) else None
    for model_id, model in models.items():
        if isinstance(model, dict):
            _model_rules(("models", model_id), model, vendors, benchmarks, report)
            _market_rules(("models", model_id), model, models, as_of, report)
    lifecycle_problems(models, as_of, report)
    _vendor_rules(vendors, models, as_of, report)
    _comparison_rules(data.get("comparisons"), models, report)
    for app_id, app in _mapping(data.get("applications")).items():
        _application_rules(("applications", app_id), _mapping(app), benchmarks, report)
        _independent_favour_rules(("applications", app_id), _mapping(app), _mapping(data.get("evaluators")), report)
    _independent_rules(_mapping(data.get("evaluators")), data.get("independent"), models, report)
    return found


Report = Callable[..., None]


def _model_rules(path: Path, model: dict[str, Any], vendors: dict, benchmarks: dict, report: Report) -> None:
    vendor = model.get("vendor")
    if isinstance(vendor, str) and vendor not in vendors:
        report(path + ("vendor",), f"unknown vendor '{vendor}'; expected one of the ids under vendors: ({_list(vendors)})")

    sources = _mapping(model.get("sources"))

    def check_source(at: Path, name: Any) -> None:
        if isinstance(name, str) and name not in sources:
            report(at, f"names source '{name}', which this model's sources: do not define (defined: {_list(sources)})")

    context, output = model.get("context_window"), model.get("max_output_tokens")
    if _is_int(context) and _is_int(output) and output > context:
        report(path + ("max_output_tokens",), f"expected at most the context window ({context:,}), found {output:,}")

    released, verified = model.get("released"), model.get("verified")
    if isinstance(released, str) and isinstance(verified, str) and _real_date(released) and _real_date(verified) and verified < released:
        report(path + ("verified",), f"expected a date on or after the release date ({released}): a model's facts are "
                                     f"checked once it is out; found {verified}")

    cutoff = model.get("knowledge_cutoff")
    if isinstance(cutoff, str) and len(cutoff) == 10 and not _real_date(cutoff):
        report(path + ("knowledge_cutoff",), f"expected a real calendar date, found {cutoff!r}")

    for index, entry in enumerate(_sequence(model.get("pricing"))):
        _price_rules(path + ("pricing", index), entry, report)
        if isinstance(entry, dict):
            check_source(path + ("pricing", index, "source"), entry.get("source"))
            for part in ("components", "service_tiers", "regions"):
                for position, item in enumerate(_sequence(entry.get(part))):
                    check_source(path + ("pricing", index, part, position, "source"), _mapping(item).get("source"))
    _price_order_rule(path + ("pricing",), _sequence(model.get("pricing")), report)

    for bench_id, score in _mapping(model.get("scores")).items():
        at = path + ("scores", bench_id)
        if bench_id not in benchmarks:
            report(at, f"unknown benchmark '{bench_id}'; expected one of the ids under benchmarks: ({_list(benchmarks)})", key=True)
        elif isinstance(score, dict) and _mapping(benchmarks[bench_id]).get("unit") == "percent":
            value = score.get("value")
            if _is_number(value) and not 0 <= value <= 100:
                report(at + ("value",), f"expected a percentage from 0 to 100, found {value!r}")
        if isinstance(score, dict):
            check_source(at + ("source",), score.get("source"))

    for index, caveat in enumerate(_sequence(model.get("caveats"))):
        for position, name in enumerate(_sequence(_mapping(caveat).get("sources"))):
            check_source(path + ("caveats", index, "sources", position), name)

    announced = model.get("announced_modalities")
    if isinstance(announced, dict):
        check_source(path + ("announced_modalities", "source"), announced.get("source"))
        available = _mapping(model.get("modalities"))
        for direction in ("input", "output"):
            listed = {_name(m) for m in _sequence(announced.get(direction))} - {None}
            both = listed & {_name(m) for m in _sequence(available.get(direction))}
            if both:
                report(path + ("announced_modalities", direction), f"lists {', '.join(sorted(filter(None, both)))} as only announced, but modalities.{direction} says the API has it")

    retirement = model.get("retirement")
    if isinstance(retirement, dict):
        check_source(path + ("retirement", "source"), retirement.get("source"))
        start, end = retirement.get("announced"), retirement.get("shutdown")
        if isinstance(start, str) and isinstance(end, str) and _real_date(start) and _real_date(end) and end < start:
            report(path + ("retirement", "shutdown"), f"expected a date on or after the announcement ({start}), found {end}")

    _provenance_rules(path, model, sources, report)


def _price_rules(path: Path, entry: Any, report: Report) -> None:
    if not isinstance(entry, dict):
        return
    _bill_part_rules(path, entry, report)
    _discount_rules(path, entry, report)
    _precision_rules(path, entry, report)
    previous = None
    for index, tier in enumerate(_sequence(entry.get("tiers"))):
        if not isinstance(tier, dict):
            continue
        _discount_rules(path + ("tiers", index), tier, report)
        _precision_rules(path + ("tiers", index), tier, report)
        above = tier.get("above")
        if _is_int(above) and previous is not None and above <= previous:
            report(path + ("tiers", index, "above"), f"tiers must be sorted by 'above' with distinct thresholds; found {above:,} after {previous:,}")
        previous = above if _is_int(above) else previous


def _bill_part_rules(path: Path, entry: dict, report: Report) -> None:
    """Components priced in a unit that fits them, one price per item, one entry per tier and region name."""
    seen: dict[str, set[Any]] = {"components": set(), "service_tiers": set(), "regions": set()}
    for part, key in (("components", "item"), ("service_tiers", "name"), ("regions", "name")):
        for index, item in enumerate(_sequence(entry.get(part))):
            name = _mapping(item).get(key)
            # Tool calls are priced per tool: one entry per item and tool.
            tool = _mapping(item).get("tool") if part == "components" else None
            named = (name, tool if isinstance(tool, str) else None)
            if isinstance(name, str) and named in seen[part]:
                also = f" for tool '{tool}'" if isinstance(tool, str) else ""
                report(path + (part, index, key), f"'{name}'{also} is listed twice in {part}: give each {key} one entry")
            if isinstance(name, str):   # a list or mapping here is the schema's problem, reported there
                seen[part].add(named)
    for index, component in enumerate(_sequence(entry.get("components"))):
        item, unit = _mapping(component).get("item"), _mapping(component).get("unit")
        tool = _mapping(component).get("tool")
        if item == "tool_call" and not tool:
            report(path + ("components", index), "a tool_call price names its tool (tool: code execution, file search, ...)")
        elif tool and item != "tool_call":
            report(path + ("components", index, "tool"), f"tool: names the tool of a tool_call price; this is a {item} price")
        fits = COMPONENT_UNITS.get(item) if isinstance(item, str) else None
        if fits and isinstance(unit, str) and unit in UNIT_LABELS and unit not in fits:
            wanted = " or ".join(f"{u} ({UNIT_LABELS[u]})" for u in fits)
            report(path + ("components", index, "unit"), f"{item} is priced {wanted}; found {unit} ({UNIT_LABELS[unit]})")
    for index, tier in enumerate(_sequence(entry.get("service_tiers"))):
        tier = _mapping(tier)
        if ("multiplier" in tier) == ("prices" in tier):
            report(path + ("service_tiers", index), "a service tier needs exactly one of multiplier (a multiple of the standard "
                                                     "prices) or prices (its own input and output prices)")
    promotion = _mapping(entry.get("promotion"))
    until = promotion.get("until")
    since = entry.get("since")
    if isinstance(until, str) and isinstance(since, str) and _real_date(until) and _real_date(since) and until < since:
        report(path + ("promotion", "until"), f"expected the promotion to end on or after the price's since ({since}), found {until}")


def _precision_rules(path: Path, entry: dict, report: Report) -> None:
    # Prices are per 1M tokens: vendors publish at most six decimals ($0.003625).
    # More is a typo or a per-token price, and could not be shown as written.
    for field in PRICE_FIELDS:
        value = entry.get(field)
        if _is_number(value) and value != 0 and _decimals(value) > MAX_PRICE_DECIMALS:
            report(path + (field,), f"expected a price per 1M tokens with at most {MAX_PRICE_DECIMALS} decimals, found {value!r} "
                                    "(a price per token? multiply by 1,000,000)")


def _decimals(value: float) -> int:
    exponent = Decimal(repr(float(value))).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _discount_rules(path: Path, entry: dict, report: Report) -> None:
    # Cache reads and batch prices are discounts: above the standard price they are typos.
    base_in, base_out = entry.get("input"), entry.get("output")
    for field, ceiling, name in (("cached_input", base_in, "input"), ("batch_input", base_in, "input"), ("batch_output", base_out, "output")):
        value = entry.get(field)
        if _is_number(value) and _is_number(ceiling) and value > ceiling:
            report(path + (field,), f"expected at most the {name} price ({ceiling}), found {value}")


def _market_rules(path: Path, model: dict, models: dict, as_of: Any, report: Report) -> None:
    """Rules that keep the file true to the market on its as_of date."""
    retirement = _mapping(model.get("retirement"))
    replacement = retirement.get("replacement")
    if isinstance(replacement, str) and replacement not in models:
        report(path + ("retirement", "replacement"),
               f"expected the id of a model in this file, found '{replacement}' (add that model, or name one that is here)")
    if isinstance(replacement, str) and replacement == path[-1]:
        report(path + ("retirement", "replacement"), "a model cannot replace itself")
    open_weights, licence = model.get("open_weights"), model.get("license")
    if open_weights is True and licence is None:
        report(path + ("open_weights",), "open-weight models need a license: {name, url} naming the licence of the weights")
    if open_weights is False and licence is not None:
        report(path + ("license",), "only open-weight models have a licence; found one on a model with open_weights: false", key=True)
    if as_of is None:
        return
    shutdown = retirement.get("shutdown")
    if isinstance(shutdown, str) and _real_date(shutdown) and shutdown <= as_of and model.get("status") != "retired":
        report(path + ("status",), f"expected 'retired': the shutdown date {shutdown} is on or before as_of ({as_of}); found '{model.get('status')}'")
    for field in ("released", "verified"):
        value = model.get(field)
        if isinstance(value, str) and _real_date(value) and value > as_of:
            report(path + (field,), f"expected a date on or before as_of ({as_of}), found {value}")
    cutoff = model.get("knowledge_cutoff")
    if isinstance(cutoff, str) and FULL_DATE.match(cutoff) and cutoff > as_of[:len(cutoff)]:
        # A month is compared with as_of's month: 2025-06 is after an as_of of 2025-05-31.
        report(path + ("knowledge_cutoff",), f"expected a cutoff on or before as_of ({as_of}), found {cutoff}")
    announced = retirement.get("announced")
    if isinstance(announced, str) and _real_date(announced) and announced > as_of:
        report(path + ("retirement", "announced"), f"expected a date on or before as_of ({as_of}): an announcement "
                                                   f"the data has read cannot be later; found {announced}")
    entries = _sequence(model.get("pricing"))
    for index, entry in enumerate(entries):
        entry = _mapping(entry)
        since = entry.get("since")
        if isinstance(since, str) and _real_date(since) and since > as_of and entry.get("scheduled") is not True:
            report(path + ("pricing", index, "since"), f"expected a date on or before as_of ({as_of}): a price that starts later is not in force yet "
                                                       f"(if the vendor has announced it, add scheduled: true and its source); found {since}")
        until = _mapping(entry.get("promotion")).get("until")
        later = [e for e in entries[index + 1:] if isinstance(_mapping(e).get("since"), str) and _mapping(e)["since"] <= as_of]
        if (isinstance(until, str) and _real_date(until) and until < as_of and not later
                and not isinstance(_mapping(entry.get("promotion")).get("regular"), dict)):
            report(path + ("pricing", index, "promotion", "until"),
                   f"the promotion ended on {until}, before as_of ({as_of}), and the data has no price after it: add the price in "
                   "force since (a new pricing entry) or the regular price (promotion.regular)")


def _vendor_rules(vendors: dict, models: dict, as_of: Any, report: Report) -> None:
    served = {_name(_mapping(m).get("vendor")) for m in models.values() if _mapping(m).get("status") in SERVED}
    for vendor_id in vendors:
        if vendor_id not in served:
            report(("vendors", vendor_id), f"expected at least one model of this vendor served on as_of ({as_of or 'the as_of date'}), "
                   "with status active, legacy or deprecated; found none", key=True)


def _price_order_rule(path: Path, entries: list, report: Report) -> None:
    previous = None
    for index, entry in enumerate(entries):
        since = entry.get("since") if isinstance(entry, dict) else None
        if not (isinstance(since, str) and _real_date(since)):
            continue
        if previous is not None and since <= previous:
            report(path + (index, "since"), f"pricing entries must be oldest first with distinct dates; found {since} after {previous}")
        previous = since


# The lists on a price entry whose items may cite a source of their own.
ENTRY_PARTS = ("components", "service_tiers", "regions")


def _provenance_rules(path: Path, model: dict, sources: dict, report: Report) -> None:
    backed: set[str] = set()
    capabilities = _mapping(model.get("capabilities"))
    for name, source in sources.items():
        if not isinstance(source, dict):
            continue
        for field in _sequence(source.get("supports")):
            if not isinstance(field, str):
                continue  # the schema check names the wrong shape
            if field in SUPPORTABLE and field not in model and field not in capabilities:
                report(path + ("sources", name, "supports"), f"says it backs '{field}', but the model has no {field}")
            backed.add(field)
    for field in MUST_BE_SOURCED:
        if field in model and field not in backed:
            report(path + (field,), f"no source backs this; add '{field}' to the supports: list of the source it comes from")
    for field in capabilities:
        if field not in backed and "capabilities" not in backed:
            report(path + ("capabilities", field), f"no source backs this; add '{field}' (or 'capabilities' for all of them) to the supports: list of the source it comes from")
    # Names only: a list or mapping where a name belongs is the schema check's to report.
    used = {_name(entry.get("source")) for entry in _sequence(model.get("pricing")) if isinstance(entry, dict)}
    # A price entry's components, service tiers and regions may each name their own source.
    used |= {_name(_mapping(part).get("source")) for entry in _sequence(model.get("pricing"))
             for key in ENTRY_PARTS for part in _sequence(_mapping(entry).get(key))}
    used |= {_name(score.get("source")) for score in _mapping(model.get("scores")).values() if isinstance(score, dict)}
    used |= {_name(_mapping(model.get(key)).get("source")) for key in ("announced_modalities", "retirement")}
    used |= {_name(name) for caveat in _sequence(model.get("caveats")) for name in _sequence(_mapping(caveat).get("sources"))}
    for name, source in sources.items():
        if name not in used and not (isinstance(source, dict) and source.get("supports")):
            report(path + ("sources", name), "this source backs nothing; name it from a price, score or supports: list, or remove it", key=True)


def _comparison_rules(comparisons: Any, models: dict, report: Report) -> None:
    seen: dict[frozenset, int] = {}
    for index, comparison in enumerate(_sequence(comparisons)):
        pair = _sequence(_mapping(comparison).get("models"))
        if len(pair) != 2 or not all(isinstance(m, str) for m in pair):
            continue
        at = ("comparisons", index, "models")
        for position, model_id in enumerate(pair):
            if model_id not in models:
                report(at + (position,), f"unknown model '{model_id}'")
        if pair[0] == pair[1]:
            report(at, f"compares '{pair[0]}' with itself; a comparison needs two different models")
            continue
        key = frozenset(pair)
        if key in seen:
            report(at, f"the pair {pair[0]} / {pair[1]} is already listed at comparisons[{seen[key]}]")
        else:
            seen[key] = index
        _editorial_rules(("comparisons", index), _mapping(comparison), pair, report)


def _editorial_rules(at: Path, comparison: dict, pair: list, report: Report) -> None:
    sources = _mapping(comparison.get("sources"))
    used: set[Optional[str]] = set()
    for part in ("differences", "corrections"):
        for index, item in enumerate(_sequence(comparison.get(part))):
            for position, name in enumerate(_sequence(_mapping(item).get("sources"))):
                used.add(_name(name))
                if isinstance(name, str) and name not in sources:
                    report(at + (part, index, "sources", position),
                           f"names source '{name}', which this comparison's sources: do not define (defined: {_list(sources)})")
    for name in sources:
        if name not in used:
            report(at + ("sources", name), "this source backs nothing; name it from a difference or correction, or remove it", key=True)
    for model_id in _mapping(comparison.get("choose")):
        if model_id not in pair:
            report(at + ("choose", model_id), f"'{model_id}' is not one of the pair ({', '.join(map(str, pair))})", key=True)


def _application_rules(at: Path, app: dict, benchmarks: dict, report: Report) -> None:
    for index, favour in enumerate(_sequence(app.get("favours"))):
        favour = _mapping(favour)
        here = at + ("favours", index)
        factor, bench = favour.get("factor"), favour.get("benchmark")
        if factor == "benchmark" and bench is None:
            report(here, "factor 'benchmark' needs a benchmark: naming one of the ids under benchmarks:")
        if bench is not None and factor != "benchmark":
            report(here + ("benchmark",), f"only factor 'benchmark' takes a benchmark (this factor is '{factor}')")
        if isinstance(bench, str) and bench not in benchmarks:
            report(here + ("benchmark",), f"unknown benchmark '{bench}'; expected one of the ids under benchmarks: ({_list(benchmarks)})")
        mix = favour.get("mix")
        if mix is not None and factor != "low_cost":
            report(here + ("mix",), f"only factor 'low_cost' takes a token mix (this factor is '{factor}')")
        if isinstance(mix, list) and len(mix) == 2 and mix == [0, 0]:
            report(here + ("mix",), "expected at least one non-zero share, found [0, 0]")


def _independent_favour_rules(at: Path, app: dict, evaluators: dict, report: Report) -> None:
    for index, favour in enumerate(_sequence(app.get("favours"))):
        favour = _mapping(favour)
        here = at + ("favours", index)
        fields = [f for f in ("evaluator", "board", "category") if f in favour]
        if favour.get("factor") != "independent":
            if fields:
                report(here + (fields[0],), f"only factor 'independent' takes {fields[0]} (this factor is '{favour.get('factor')}')")
            continue
        name, board = favour.get("evaluator"), favour.get("board")
        if name is None or board is None:
            report(here, "factor 'independent' needs an evaluator: and a board: (and, for the Arena, a category:)")
        elif isinstance(name, str) and name not in evaluators:
            report(here + ("evaluator",), f"unknown evaluator '{name}'; expected one of the ids under evaluators: ({_list(evaluators)})")
        elif isinstance(board, str) and board not in _mapping(_mapping(evaluators.get(name)).get("boards")):
            report(here + ("board",), f"unknown board '{board}' for evaluator '{name}'")


def _independent_rules(evaluators: dict, independent: Any, models: dict, report: Report) -> None:
    """Independent figures name a model, evaluator and board that exist; an interval holds its value; one primary each."""
    for key, evaluator in evaluators.items():
        evaluator = _mapping(evaluator)
        if evaluator.get("read") == "copy" and not evaluator.get("via"):
            report(("evaluators", key, "read"), "read: copy needs via: naming where the copy was read")
    for model_id, figures in _mapping(independent).items():
        if model_id not in models:
            report(("independent", model_id), f"expected the id of a model in this file, found '{model_id}'", key=True)
        primaries: dict[tuple, int] = {}
        for index, figure in enumerate(_sequence(figures)):
            figure = _mapping(figure)
            here = ("independent", model_id, index)
            name, board = figure.get("evaluator"), figure.get("board")
            evaluator = _mapping(evaluators.get(name)) if isinstance(name, str) else {}
            if isinstance(name, str) and name not in evaluators:
                report(here + ("evaluator",), f"unknown evaluator '{name}'; expected one of the ids under evaluators: ({_list(evaluators)})")
            elif isinstance(board, str) and board not in _mapping(evaluator.get("boards")):
                report(here + ("board",), f"unknown board '{board}' for evaluator '{name}'; expected one of ({_list(_mapping(evaluator.get('boards')))})")
            value, lower, upper = figure.get("value"), figure.get("lower"), figure.get("upper")
            if (lower is None) != (upper is None):
                report(here + ("lower" if lower is not None else "upper",), "an interval needs both lower and upper")
            elif _is_number(value) and _is_number(lower) and _is_number(upper) and not lower <= value <= upper:
                report(here + ("value",), f"the interval {lower}–{upper} does not contain the value {value}")
            if figure.get("read") in ("copy", "quoted") and not figure.get("via"):
                report(here + ("read",), f"read: {figure.get('read')} needs via: naming where the figure was read")
            if figure.get("primary") is True:
                # One primary per board, category and edition (date and index version): figures of two
                # editions are never compared, so each edition has its own.
                group = (name, board, figure.get("category"), str(figure.get("date")), figure.get("index_version"))
                if group in primaries:
                    report(here + ("primary",), f"figure {primaries[group]} is already the primary one for "
                           f"{name} {board}{' ' + str(group[2]) if group[2] else ''} of {group[3]}; "
                           "mark one figure per board, category and date")
                else:
                    primaries[group] = index


def _address_rules(data: dict, docs_dir: Optional[FsPath], report: Report) -> None:
    """Ids that would give two pages one address, or replace a page, are errors at the id's own line."""
    for section, folder in PAGE_FOLDERS.items():
        for key in _mapping(data.get(section)):
            if not isinstance(key, str):
                continue
            if key in RESERVED_IDS:
                report((section, key), f"the id '{key}' is taken by {RESERVED_IDS[key]} ({folder}/{key}.md); choose another id", key=True)
            elif docs_dir is not None and (docs_dir / folder / f"{key}.md").is_file():
                report((section, key), f"this id's page {folder}/{key}.md would replace the hand-written docs/{folder}/{key}.md; "
                                       "rename the id or that file", key=True)
            if section == "models" and PAIR_SEPARATOR in key:
                report((section, key), f"a model id may not contain '{PAIR_SEPARATOR}': comparison pages are named "
                                       f"<model>{PAIR_SEPARATOR}<model>, so two pairs could share one address", key=True)
            elif section == "models" and (key.startswith(PAIR_SEPARATOR[1:]) or key.endswith(PAIR_SEPARATOR[:-1])):
                # x + vs-y and x-vs + y both give the page x-vs-vs-y.
                report((section, key), f"a model id may not start with '{PAIR_SEPARATOR[1:]}' or end with '{PAIR_SEPARATOR[:-1]}': "
                                       f"comparison pages are named <model>{PAIR_SEPARATOR}<model>, so two pairs could share "
                                       "one address", key=True)


def _date_range_rules(value: Any, path: Path, report: Report) -> None:
    """Every date (wherever it sits, so new date fields are covered too) within FIRST_YEAR..LAST_YEAR."""
    if isinstance(value, dict):
        for key, item in value.items():
            _date_range_rules(item, path + (key,), report)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _date_range_rules(item, path + (index,), report)
    elif isinstance(value, str) and (match := FULL_DATE.match(value)) and not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        report(path, f"expected a date from {FIRST_YEAR} to {LAST_YEAR} (the build stamps its files with the newest date), found {value}")


def _real_date(text: str) -> bool:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
    except ValueError:
        return False




def _name(value: Any) -> Optional[str]:
    """A name (an id) or None: lists and mappings where a name belongs are never hashed or compared."""
    return value if isinstance(value, str) else None


def _is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _list(mapping: dict) -> str:
    return ", ".join(sorted(mapping)) or "none"
