"""hooks/crosscheck.py: peers' datasets read as published, mapped to our ids, compared beyond rounding."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import DATA, ROOT
from sample import sample, write

from catalog.crosscheck.ids import Index, exact_forms, loose
from catalog.crosscheck.models_dev import read_tree
from catalog.crosscheck.price_lists import read_genai_prices
from catalog.crosscheck.records import GENAI_PRICES, LITELLM, MODELS_DEV, PeerRecord
from catalog.crosscheck.vendors import vendor_of
from catalog.model import Catalog, Vendor
from factories import model

FIXTURES = ROOT / "tests" / "fixtures" / "crosscheck"
REFERENCE = ROOT.parent / "shared" / "reference"
COMMAND = ROOT / "hooks" / "crosscheck.py"
PEER_FLAGS = {
    "models.dev api": ("--models-dev-api", FIXTURES / "models-dev-api.json"),
    "models.dev tree": ("--models-dev-tree", FIXTURES / "models-dev"),
    "genai-prices": ("--genai-prices", FIXTURES / "genai-prices"),
    "llm-prices": ("--llm-prices", FIXTURES / "llm-prices"),
    "litellm": ("--litellm", FIXTURES / "litellm.json"),
    "openrouter": ("--openrouter", FIXTURES / "openrouter.json"),
}
ALL_PEERS = [str(a) for flag, path in PEER_FLAGS.values() for a in (flag, path)]


def ours(crosscheck: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A valid data file: OpenAI's gpt-test and gpt-old, Anthropic's claude-test-4-5 (see the fixtures' README)."""
    data = sample()
    data["models"]["small-model"]["sources"]["launch"]["supports"].remove("license")
    big, small = data["models"].pop("big-model"), data["models"].pop("small-model")
    big["sources"]["launch"]["supports"].append("snapshot")
    gpt_old = {**small, "name": "GPT Old", "vendor": "openai", "released": "2023-03-14", "context_window": 8192,
               "max_output_tokens": 8192, "open_weights": False,
               "pricing": [{"since": "2023-03-14", "input": 30.0, "output": 60.0, "source": "launch"}]}
    gpt_old.pop("license")
    claude = {**small, "name": "Claude Test 4.5", "vendor": "anthropic", "released": "2025-09-29", "context_window": 200000,
              "max_output_tokens": 64000, "open_weights": False, "modalities": {"input": ["text", "image", "pdf"], "output": ["text"]},
              "pricing": [{"since": "2025-09-29", "input": 3.0, "cached_input": 0.3, "output": 15.0, "cache_write": 3.75,
                           "source": "launch"}]}
    claude.pop("license")
    data["vendors"] = {"openai": data["vendors"]["openai"],
                       "anthropic": {"name": "Anthropic", "url": "https://www.anthropic.com/"}}
    data["models"] = {"gpt-test": {**big, "name": "GPT Test", "snapshot": "gpt-test-2026-01-15"}, "gpt-old": gpt_old,
                      "claude-test-4-5": claude}
    data["comparisons"] = []
    data = json.loads(json.dumps(data))  # no shared sub-trees: they would be written as YAML anchors
    data["as_of"] = "2026-12-03"
    if crosscheck is not None:
        data["crosscheck"] = crosscheck
    return data


def run(*args: str | Path, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--data", str(data)] if data else []
    return subprocess.run([sys.executable, str(COMMAND), *extra, *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def report(tmp_path: Path, *args: str | Path, known: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    done = run(*args, "--json", data=write(tmp_path / "models.yaml", ours(known)))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def findings(document: dict[str, Any], kind: str) -> set[tuple[Any, ...]]:
    return {(f["peer"], f["model"], f["field"], _hashable(f["ours"]), _hashable(f["theirs"]))
            for v in document["vendors"] for f in v[kind]}


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


# --- each format, read as published --------------------------------------------------------------------------------

@pytest.mark.parametrize(("peer", "expected"), [
    ("models.dev api", ("models.dev", "gpt-test", "output", 10.0, 12.0)),
    ("models.dev tree", ("models.dev", "gpt-test", "max_output_tokens", 16384, 32768)),
    ("genai-prices", ("genai-prices", "gpt-test", "cached_input", 1.25, 1.0)),
    ("llm-prices", ("llm-prices", "gpt-test", "input", 2.5, 3.0)),
    ("litellm", ("litellm", "gpt-old", "shutdown", None, "2026-12-31")),
    ("openrouter", ("openrouter", "claude-test-4-5", "output", 15.0, 16.0)),
], ids=lambda v: v if isinstance(v, str) else "")
def test_each_format_is_read_and_its_price_or_limit_difference_found(tmp_path: Path, peer: str, expected: tuple):
    assert expected in findings(report(tmp_path, *PEER_FLAGS[peer]), "differs")


@pytest.mark.parametrize("peer", ["models.dev api", "models.dev tree", "llm-prices", "openrouter"])
def test_a_chat_model_the_peer_lists_and_we_lack_is_reported_missing(tmp_path: Path, peer: str):
    missing = {f["peer_id"] for v in report(tmp_path, *PEER_FLAGS[peer])["vendors"] for f in v["missing"]}
    assert missing == {"openai/gpt-new" if peer == "openrouter" else "gpt-new"}


@pytest.mark.parametrize("peer", ["models.dev api", "genai-prices", "litellm"])
def test_a_model_the_peer_marks_deprecated_that_we_call_active_is_reported(tmp_path: Path, peer: str):
    name = PEER_FLAGS[peer][0].removeprefix("--").replace("models-dev-api", "models.dev")
    assert findings(report(tmp_path, *PEER_FLAGS[peer]), "deprecated") == {(name, "gpt-old", "status", "active", "deprecated")}


def test_rounding_level_differences_are_not_reported(tmp_path: Path):
    """LiteLLM's input 2.51e-6 is 0.4 % off our $2.50; models.dev's context 128,001 is one token off 128,000."""
    document = report(tmp_path, *PEER_FLAGS["litellm"], *PEER_FLAGS["models.dev api"])
    fields = {(f[0], f[1], f[2]) for f in findings(document, "differs")}
    assert ("litellm", "gpt-test", "input") not in fields
    assert ("models.dev", "gpt-test", "context_window") not in fields


def test_resellers_embeddings_tiers_and_free_variants_are_neither_compared_nor_missing(tmp_path: Path):
    """azure's $99 gpt-test, embedding models, llm-prices' gpt-test-272k tier and OpenRouter's $0 `:free` variant."""
    document = report(tmp_path, *ALL_PEERS)
    everything = [f for v in document["vendors"] for kind in ("differs", "missing", "deprecated") for f in v[kind]]
    assert not [f for f in everything if f["theirs"] in (99.0, 0.0) or "embedding" in f["peer_id"]
                or f["peer_id"].endswith((":free", "-272k"))]


def test_a_cache_write_price_we_do_not_record_is_not_a_difference(tmp_path: Path):
    assert not [f for f in findings(report(tmp_path, *PEER_FLAGS["litellm"]), "differs") if f[2] == "cache_write"]


def test_a_price_that_starts_after_our_as_of_is_not_compared(tmp_path: Path):
    """genai-prices' gpt-test doubles from 2027-01-01; on our as_of it is $2.50 / $10, as ours."""
    fields = {f[2] for f in findings(report(tmp_path, *PEER_FLAGS["genai-prices"]), "differs") if f[1] == "gpt-test"}
    assert fields == {"cached_input"}


def test_genai_prices_equals_names_and_models_dev_base_model_map_and_inherit(tmp_path: Path):
    """genai-prices' claude-test-latest names claude-test-4-5 by `equals:`; models.dev's dated file inherits its limits."""
    document = report(tmp_path, *PEER_FLAGS["genai-prices"], *PEER_FLAGS["models.dev tree"])
    assert document["peers"]["genai-prices"]["models"] == 3 and document["peers"]["models.dev"]["models"] == 2
    assert not [f for v in document["vendors"] for f in v["differs"] if f["model"] == "claude-test-4-5"]
    assert not [f for v in document["vendors"] for f in v["missing"] if "claude" in f["peer_id"]]


def test_litellm_input_limit_plus_our_max_output_is_our_context_not_a_difference(tmp_path: Path):
    """LiteLLM's max_input_tokens is an input limit: 111,616 + our 16,384 output = our 128,000 context."""
    peer = json.loads((FIXTURES / "litellm.json").read_text(encoding="utf-8"))
    peer["gpt-test"]["max_input_tokens"] = 111616
    peer["gpt-old"]["max_input_tokens"] = 4000
    document = report(tmp_path, "--litellm", write(tmp_path / "litellm.json", json.dumps(peer)))
    assert {(f[1], f[3], f[4]) for f in findings(document, "differs") if f[2] == "context_window"} == {("gpt-old", 8192, 4000)}


def test_models_dev_symlinks_checked_out_as_files_are_followed_and_dangling_ones_skipped(tmp_path: Path):
    """The zhipuai folder links to zai's files; a checkout without symlinks holds each target's path as text."""
    (tmp_path / "providers" / "zai" / "models").mkdir(parents=True)
    (tmp_path / "providers" / "zhipuai" / "models").mkdir(parents=True)
    (tmp_path / "providers" / "zai" / "models" / "glm-x.toml").write_text("[cost]\ninput = 0.6\noutput = 2.2\n", encoding="utf-8")
    (tmp_path / "providers" / "zhipuai" / "models" / "glm-x.toml").write_text("../../zai/models/glm-x.toml", encoding="utf-8")
    (tmp_path / "providers" / "zhipuai" / "models" / "glm-gone.toml").write_text("../../zai/models/glm-gone.toml\n", encoding="utf-8")
    found = {(r.provider, r.id, r.vendor, r.prices["output"]) for r in read_tree(tmp_path)}
    assert found == {("zai", "glm-x", "zhipu", 2.2), ("zhipuai", "glm-x", "zhipu", 2.2)}


def test_genai_prices_takes_the_dated_price_in_force_and_the_longest_time_of_day_window(tmp_path: Path):
    """DeepSeek's standard price held 16 of 24 hours (an unconstrained off-peak price is the rest of the day)."""
    (tmp_path / "providers").mkdir()
    (tmp_path / "providers" / "deepseek.yml").write_text("""models:
  - id: deepseek-chat
    match: {equals: deepseek-chat}
    prices:
      - prices: {input_mtok: 0.135, output_mtok: 0.55}
      - constraint: {start_time: 00:30:00Z, end_time: 16:30:00Z}
        prices: {input_mtok: 0.27, output_mtok: 1.1}
  - id: deepseek-v9
    match: {equals: deepseek-v9}
    prices:
      - prices: {input_mtok: 1, output_mtok: 2}
      - constraint: {start_date: 2026-06-01}
        prices: {input_mtok: 3, output_mtok: 4}
      - constraint: {start_date: 2027-06-01}
        prices: {input_mtok: 5, output_mtok: 6}
""", encoding="utf-8")
    found = {r.id: r.prices for r in read_genai_prices(tmp_path, date(2026, 12, 3))}
    assert found == {"deepseek-chat": {"input": 0.27, "output": 1.1}, "deepseek-v9": {"input": 3.0, "output": 4.0}}


# --- ids -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("peer_id", "form"), [
    ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"), ("claude-sonnet-4-5", "claude-sonnet-4-5"),
    ("claude-3-5-haiku-latest", "claude-haiku-3-5"), ("claude-3.5-haiku", "claude-haiku-3-5"),
    ("anthropic/claude-sonnet-4-5", "claude-sonnet-4-5"), ("gemini/gemini-2.5-pro", "gemini-2-5-pro"),
    ("openai/gpt-4o:free", "gpt-4o"), ("GPT-4o-2024-08-06", "gpt-4o"), ("amazon.nova-pro-v1:0", "nova-pro"),
    ("MiniMax-M2.7", "minimax-m2-7"),
])
def test_peer_ids_reduce_to_one_loose_form(peer_id: str, form: str):
    assert loose(peer_id)[0] == form


def test_exact_forms_drop_case_vendor_prefixes_and_free_suffixes():
    assert exact_forms("OpenAI/GPT-Test:free") == ["openai/gpt-test", "gpt-test"]


def test_a_dated_peer_id_maps_to_our_undated_key_but_never_to_another_snapshot(tmp_path: Path):
    api = json.loads((FIXTURES / "models-dev-api.json").read_text(encoding="utf-8"))
    models = api["openai"]["models"]
    models["gpt-test-2026-01-15"] = {**models["gpt-test"], "cost": {"input": 2.5, "output": 11.0}}   # our snapshot
    models["gpt-test-2026-05-01"] = {**models["gpt-test"], "cost": {"input": 9.0, "output": 9.0}}    # another one
    del models["gpt-test"]
    peer = write(tmp_path / "api.json", json.dumps(api))
    document = report(tmp_path, "--models-dev-api", peer)
    assert ("models.dev", "gpt-test", "output", 10.0, 11.0) in findings(document, "differs")
    assert "gpt-test-2026-05-01" in {f["peer_id"] for v in document["vendors"] for f in v["missing"]}


@pytest.mark.parametrize(("peer", "provider", "peer_id", "vendor"), [
    (LITELLM, "bedrock", "amazon.nova-pro-v1:0", "amazon"),
    (LITELLM, "bedrock", "anthropic.claude-sonnet-4-5-20250929-v1:0", None),     # Bedrock resells Claude
    (LITELLM, "azure", "azure/gpt-4o", None), (LITELLM, "vertex_ai-language-models", "gemini-2.5-pro", None),
    (GENAI_PRICES, "google", "claude-opus-4-6", None),                          # Claude on Vertex, in google.yml
    (GENAI_PRICES, "x_ai", "grok-4", "xai"), (GENAI_PRICES, "zhipuai", "glm-4.6", "zhipu"),
    (MODELS_DEV, "moonshotai", "kimi-k2.5", "moonshot"), (MODELS_DEV, "alibaba", "qwen3-max", "qwen"),
    (MODELS_DEV, "llama", "cerebras-llama-4-scout-17b-16e-instruct", None),      # a reseller's copy in Meta's list
])
def test_only_the_vendors_own_offering_maps_to_our_vendor(peer: str, provider: str, peer_id: str, vendor: str | None):
    found = vendor_of(peer, provider, peer_id)
    assert (found[0] if found else None) == vendor


def test_a_latest_alias_of_a_family_we_list_by_date_is_neither_mapped_nor_missing():
    mistral = Vendor("mistral", "Mistral AI", "https://mistral.ai/")
    catalog = Catalog({"mistral": mistral}, {}, {"mistral-large-2512": model("mistral-large-2512", vendor=mistral)})
    found = Index(catalog).find(PeerRecord(MODELS_DEV, "mistral", "mistral", "mistral-large-latest"))
    assert [(m.model, m.ambiguous) for m in found] == [(None, True)]


# --- suppressions ----------------------------------------------------------------------------------------------------

KNOWN = {"peer": "models.dev", "model": "gpt-test", "field": "output", "value": 12.0,
         "reason": "OpenAI's pricing page lists $10 per 1M output tokens.", "source": "https://openai.com/api/pricing/"}


def test_a_crosscheck_entry_removes_exactly_its_difference_and_is_counted(tmp_path: Path):
    before = report(tmp_path, *ALL_PEERS)
    after = report(tmp_path, *ALL_PEERS, known=[KNOWN])
    assert findings(before, "differs") - findings(after, "differs") == {("models.dev", "gpt-test", "output", 10.0, 12.0)}
    assert findings(after, "differs") < findings(before, "differs")
    assert findings(after, "missing") == findings(before, "missing")
    assert after["summary"]["suppressed"] == 1 and after["suppressed"][0]["theirs"] == 12.0


def test_a_crosscheck_entry_stops_suppressing_when_the_peer_changes_its_value(tmp_path: Path):
    after = report(tmp_path, *PEER_FLAGS["models.dev api"], known=[{**KNOWN, "value": 13.0}])
    assert ("models.dev", "gpt-test", "output", 10.0, 12.0) in findings(after, "differs")
    assert after["summary"]["suppressed"] == 0
    assert after["unused"] == [{"peer": "models.dev", "model": "gpt-test", "field": "output", "value": 13.0}]


def test_a_missing_model_we_leave_out_on_purpose_can_be_suppressed(tmp_path: Path):
    entry = {**KNOWN, "model": "gpt-new", "field": "listed", "value": True, "reason": "Not released in the API yet."}
    after = report(tmp_path, *PEER_FLAGS["models.dev api"], known=[entry])
    assert not findings(after, "missing") and after["summary"]["suppressed"] == 1


def test_the_schema_rejects_a_crosscheck_entry_without_a_source(tmp_path: Path):
    entry = {k: v for k, v in KNOWN.items() if k != "source"}
    done = run(*PEER_FLAGS["litellm"], data=write(tmp_path / "models.yaml", ours([entry])))
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1 and "crosscheck" in done.stderr


def test_the_real_data_validates_with_the_crosscheck_section_allowed():
    done = subprocess.run([sys.executable, str(ROOT / "hooks" / "check_data.py")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --- the command -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("flag", "content"), [
    ("--litellm", None), ("--openrouter", "{not json"), ("--models-dev-api", '["a list"]'),
    ("--genai-prices", "dir:providers/openai.yml:models: [unclosed"), ("--models-dev-tree", "dir:providers/openai/models/x.toml:= bad"),
])
def test_an_unreadable_input_exits_2_with_one_line_naming_the_file(tmp_path: Path, flag: str, content: str | None):
    target = tmp_path / "peer"
    if content and content.startswith("dir:"):
        _, inner, text = content.split(":", 2)
        (target / inner).parent.mkdir(parents=True)
        (target / inner).write_text(text, encoding="utf-8")
        named = str(target / inner)
    else:
        if content is not None:
            target.write_text(content, encoding="utf-8")
        named = str(target)
    done = run(flag, target, data=write(tmp_path / "models.yaml", ours()))
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and named in done.stderr and "Traceback" not in done.stderr


def test_a_reference_folder_that_is_not_there_exits_2_with_one_line(tmp_path: Path):
    done = run("--reference", tmp_path / "nowhere", data=write(tmp_path / "models.yaml", ours()))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "nowhere" in done.stderr


def test_json_has_the_documented_shape(tmp_path: Path):
    document = report(tmp_path, *ALL_PEERS)
    assert document["version"] == 1 and document["as_of"] == "2026-12-03" and "lead" in document["note"]
    assert set(document) == {"version", "as_of", "note", "tolerance", "peers", "summary", "vendors", "suppressed", "unused"}
    assert document["tolerance"] == {"price_relative": 0.005, "tokens": 1}
    assert set(document["summary"]) == {"differs", "missing", "deprecated", "suppressed", "missing_deprecated"}
    assert [v["id"] for v in document["vendors"]] == ["openai", "anthropic"]
    for vendor in document["vendors"]:
        assert set(vendor) == {"id", "name", "differs", "missing", "deprecated"}
        for kind in ("differs", "missing", "deprecated"):
            assert all(set(f) == {"model", "peer", "peer_id", "field", "ours", "theirs"} for f in vendor[kind])
    assert document["summary"]["differs"] == sum(len(v["differs"]) for v in document["vendors"])


def test_markdown_says_first_that_a_difference_is_a_lead_not_a_source(tmp_path: Path):
    done = run(*ALL_PEERS, data=write(tmp_path / "models.yaml", ours()))
    assert done.returncode == 0
    head = done.stdout.split("\n## ")[0]
    assert "lead to check at the vendor's primary source, never a source" in head.splitlines()[2]
    assert "| gpt-test | output price | 10 | models.dev | 12 | gpt-test |" in done.stdout


def test_no_inputs_is_an_empty_report_not_an_error(tmp_path: Path):
    document = report(tmp_path)
    assert document["vendors"] == [] and document["summary"]["differs"] == 0


# --- the shared reference snapshots, on the real data ----------------------------------------------------------------

@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside this checkout")
def test_the_reference_snapshots_are_read_and_cross_checked_with_the_real_data():
    done = run("--reference", REFERENCE, "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert set(document["peers"]) == {"models.dev", "genai-prices", "llm-prices"}
    assert all(p["models"] >= 50 for p in document["peers"].values())
    vendors = {v["id"] for v in document["vendors"]}
    assert {"openai", "anthropic", "google", "zhipu", "amazon", "moonshot", "qwen", "xai"} <= vendors
    # genai-prices rounds GPT-4.1's 1,047,576-token window to 1,000,000: reported, or recorded as known-wrong.
    gpt41 = ("genai-prices", "gpt-4.1", "context_window", 1047576, 1000000)
    assert gpt41 in findings(document, "differs") | {(f["peer"], f["model"], f["field"], f["ours"], f["theirs"])
                                                       for f in document["suppressed"]}
    markdown = run("--reference", REFERENCE)
    assert markdown.returncode == 0 and markdown.stdout.startswith("# Cross-check against peer datasets\n")


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside this checkout")
def test_the_data_file_defaults_to_the_repository_data_wherever_the_command_runs(tmp_path: Path):
    done = subprocess.run([sys.executable, str(COMMAND), "--llm-prices", str(REFERENCE / "llm-prices"), "--json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["as_of"] == DATA.read_text(encoding="utf-8").split("as_of: ")[1][:10]


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside this checkout")
def test_the_readme_crosscheck_example_is_valid_data_and_suppresses_its_difference(tmp_path: Path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = next(block for block in re.findall(r"```yaml\n(.*?)```", readme, re.S) if block.startswith("crosscheck:"))
    data = write(tmp_path / "models.yaml", DATA.read_text(encoding="utf-8") + example)
    before, after = (json.loads(run("--genai-prices", REFERENCE / "genai-prices", "--json", data=d).stdout) for d in (DATA, data))
    assert after["summary"]["suppressed"] == 1 and after["summary"]["differs"] == before["summary"]["differs"] - 1
    assert [(f["model"], f["field"], f["theirs"]) for f in after["suppressed"]] == [("gpt-4.1", "context_window", 1000000)]
