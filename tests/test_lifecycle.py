"""Issue #13's lifecycle and provenance rules: each violation is refused at its own line and field, with what to change."""

from __future__ import annotations

import copy
from typing import Any, Callable

import pytest
from test_validation import mutated, one, problems

AS_OF = "2026-12-03"


def retiring(d: dict[str, Any], model: str, **retirement: Any) -> None:
    d["as_of"] = AS_OF
    d["models"][model].update(status="deprecated", retirement={"source": "launch", **retirement})


def add_model(d: dict[str, Any], key: str, **fields: Any) -> None:
    entry = {**copy.deepcopy(d["models"]["small-model"]), "name": key.title()}
    entry.update(fields)
    d["models"][key] = entry


def test_a_replacement_chain_that_ends_at_a_retired_model_is_refused_at_the_first_link(tmp_path):
    def change(d):
        add_model(d, "mid-model", status="retired", retirement={"shutdown": "2026-06-01", "source": "launch"})
        retiring(d, "big-model", shutdown="2027-06-01", replacement="mid-model")
    found = problems(tmp_path, mutated(change))
    line = one(found, "models.big-model.retirement.replacement")
    assert "big-model → mid-model ends at mid-model, which is retired (shut down 2026-06-01)" in line


def test_a_chain_through_a_retired_model_to_a_served_one_is_accepted(tmp_path):
    def change(d):
        add_model(d, "mid-model", status="retired", retirement={"shutdown": "2026-06-01", "replacement": "small-model", "source": "launch"})
        retiring(d, "big-model", shutdown="2027-06-01", replacement="mid-model")
    assert problems(tmp_path, mutated(change)) == []


def test_a_chain_that_ends_at_a_model_retiring_within_90_days_is_refused(tmp_path):
    def change(d):
        retiring(d, "small-model", shutdown="2027-01-15", replacement="big-model")
        retiring(d, "big-model", shutdown="2027-02-01")
        d["models"]["big-model"]["caveats"] = [{"about": "replacement", "text": "None named.", "sources": ["launch"]}]
        add_model(d, "other-model", vendor="acme")  # acme keeps a served model
    found = problems(tmp_path, mutated(change))
    assert "ends at big-model, which shuts down on 2027-02-01" in one(found, "models.small-model.retirement.replacement")


def test_a_replacement_loop_is_refused_with_the_loop_spelled_out(tmp_path):
    def change(d):
        retiring(d, "big-model", shutdown="2027-06-01", replacement="small-model")
        retiring(d, "small-model", shutdown="2027-06-01", replacement="big-model")
        add_model(d, "third-model", vendor="acme")
        add_model(d, "fourth-model", vendor="openai", open_weights=False, license=None)
        del d["models"]["fourth-model"]["license"]
        d["models"]["fourth-model"]["sources"] = {"launch": {"title": "L", "url": "https://openai.com/l",
                                                            "supports": ["released", "context_window", "max_output_tokens", "modalities"]}}
    found = problems(tmp_path, mutated(change))
    assert "the replacement chain loops (big-model → small-model → big-model)" in one(found, "models.big-model.retirement.replacement")


@pytest.mark.parametrize("status,retirement", [
    ("deprecated", {"source": "launch"}),
    ("active", {"shutdown": "2027-03-01", "source": "launch"}),
    ("retired", {"shutdown": "2026-01-01", "source": "launch"}),
])
def test_a_deprecated_retiring_or_retired_model_names_a_replacement_or_says_none_was_named(tmp_path, status, retirement):
    def change(d):
        d["as_of"] = AS_OF
        d["models"]["big-model"].update(status=status, retirement=retirement)
        add_model(d, "spare-model", vendor="openai", open_weights=False)
        del d["models"]["spare-model"]["license"]
        d["models"]["spare-model"]["sources"]["launch"]["supports"].remove("license")
    found = problems(tmp_path, mutated(change))
    assert "names its replacement (retirement.replacement: a model id), or carries a caveat with about: replacement" in \
        one(found, "models.big-model.retirement")

    def with_caveat(d):
        change(d)
        d["models"]["big-model"]["caveats"] = [{"about": "replacement", "text": "The deprecations page names none.", "sources": ["launch"]}]
    assert problems(tmp_path, mutated(with_caveat)) == []


def test_a_price_before_the_release_date_is_refused_unless_a_caveat_says_so(tmp_path):
    def change(d):
        d["models"]["big-model"]["pricing"][0]["since"] = "2024-05-12"
    found = problems(tmp_path, mutated(change))
    assert "expected a date on or after the release date (2024-05-13), found 2024-05-12" in one(found, "models.big-model.pricing[0].since")

    def explained(d):
        change(d)
        d["models"]["big-model"]["caveats"] = [{"about": "price_before_release", "text": "Priced a day early.", "sources": ["pricing"]}]
    assert problems(tmp_path, mutated(explained)) == []


@pytest.mark.parametrize("source,path,expected", [
    ({"read": "copy"}, "models.big-model.sources.pricing.read", "read: copy needs via: the address where the copy was read"),
    ({"read": "quoted"}, "models.big-model.sources.pricing.read", "read: quoted needs via: the address where the quoting third party was read"),
    ({"read": "page", "via": "https://mirror.example/p"}, "models.big-model.sources.pricing.via", "this source says read: page"),
    ({"read": "quoted", "via": "https://news.example/p"}, "models.big-model.verified", "pricing was read only as quoted by a third party"),
    ({"read": "glanced"}, "models.big-model.sources.pricing.read", "expected one of page, copy, quoted"),
    ({"read": None}, "models.big-model.verified", "say how pricing was read (read: page, copy or quoted)"),
])
def test_how_a_source_was_read_is_checked(tmp_path, source, path, expected):
    def change(d):
        d["models"]["big-model"]["sources"]["pricing"].update(source)
        if source.get("read", "") is None:
            del d["models"]["big-model"]["sources"]["pricing"]["read"]
    assert expected in one(problems(tmp_path, mutated(change)), path)


def test_a_quoted_source_without_verified_is_accepted(tmp_path):
    def change(d):
        d["models"]["big-model"]["sources"]["pricing"].update(read="quoted", via="https://news.example/p")
        del d["models"]["big-model"]["verified"]
    assert problems(tmp_path, mutated(change)) == []


@pytest.mark.parametrize("edit", [
    lambda d: d["models"]["big-model"]["pricing"][0].update(source=["launch", "pricing"]),
    lambda d: d["models"]["big-model"].update(vendor=["openai"]),
    lambda d: d["models"]["big-model"]["sources"]["launch"].update(supports=[["released"], "context_window"]),
    lambda d: d["models"]["big-model"]["modalities"].update(input=[["text"], "image"]),
    lambda d: d["models"]["big-model"].update(caveats=[{"about": "x", "text": "y", "sources": [["launch"]]}]),
    lambda d: d["models"]["big-model"].update(announced_modalities={"input": [["audio"]], "output": [], "source": "launch"}),
], ids=["two-source price", "vendor list", "nested supports", "nested modality", "nested caveat source", "nested announced"])
def test_a_list_where_a_name_belongs_is_a_clear_problem_not_a_traceback(tmp_path, edit: Callable[[dict], None]):
    found = problems(tmp_path, mutated(edit))
    assert found and all(f.startswith("models.yaml:") for f in found), found


@pytest.mark.parametrize("value,refused", [(0.003625, False), (1.99999, False), (0.000001, False), (1e-300, True), (0.0000015, True)])
def test_a_price_has_at_most_six_decimals_so_it_shows_as_written(tmp_path, value, refused):
    def change(d):
        d["models"]["big-model"]["pricing"][1]["cached_input"] = value
    found = [f for f in problems(tmp_path, mutated(change)) if "pricing[1].cached_input" in f]
    assert bool(found) == refused, found
    if refused:
        assert "at most 6 decimals" in found[0] and found[0].startswith("models.yaml:")
