"""The calculator's bill in a real browser, against figures worked out by hand (issue 16).

The fixture catalog (tests/bill_fixtures.py) has the audio, cache-write, service-tier,
scheduled and promotional prices the real data may not record yet; its calculator
page is rendered by the site's own template and served with the real calculator.js.
The last test prices a cache-write-heavy workload on the real site.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from browser_support import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from bill_fixtures import AS_OF, FIXTURE_MODELS  # noqa: E402
from factories import ACME  # noqa: E402

from catalog.model import Catalog  # noqa: E402
from catalog.render import environment, render  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory):
    """The fixture catalog's calculator page at <url>calculator/, with the real calculator.js."""
    catalog = Catalog({"acme": ACME}, {}, {m.id: m for m in FIXTURE_MODELS}, checked=AS_OF)
    page = render(environment(), "calculator.md", "calculator/", catalog=catalog)
    body = page.split("---", 2)[2]  # the template's front matter off; its HTML is what the script reads
    site = tmp_path_factory.mktemp("bill-site")
    (site / "calculator").mkdir()
    (site / "assets").mkdir()
    (site / "calculator" / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Calculator</title></head><body>{body}</body></html>',
        encoding="utf-8")
    shutil.copy(ROOT / "docs" / "assets" / "calculator.js", site / "assets" / "calculator.js")
    (site / "favicon.ico").write_bytes(b"")  # the browser asks for one: no 404 in the console
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def open_bill(page, url: str, **fields: object) -> dict:
    """The calculator with these fields in its URL: the bill's lines {label: (amount text, note)}, total and notes."""
    query = "&".join(f"{k}={v}" for k, v in fields.items())
    page.goto(url + "calculator/?" + query)
    page.wait_for_selector("table[data-table=bill] tfoot .bill-total:not(:empty)")
    lines = page.eval_on_selector_all("table[data-table=bill] tbody tr",
                                      "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))")
    return {"lines": {row[0]: (row[3], row[4]) for row in lines},
            "total": page.text_content("table[data-table=bill] .bill-total"),
            "notes": page.text_content(".bill-notes"),
            "caption": page.text_content("table[data-table=bill] caption")}


def test_an_audio_workload(page, fixture_url):
    b = open_bill(page, fixture_url, requests=20000, input=300, output=400, audio_tokens=6000, audio_minutes=2.5,
                  images=0.5, searches=1, model="audio-x")
    # audio-x: $2.50 in / $10 out per 1M; audio $40 per 1M tokens, $0.006 a minute; $0.04 an image;
    # $10 per 1,000 searches; $0.001 a request. 20,000 requests of:
    #   input 300 tokens    -> 6,000,000 tokens x $2.50/1M =    $15.00
    #   output 400 tokens   -> 8,000,000 x $10/1M          =    $80.00
    #   audio 6,000 tokens  -> 120,000,000 x $40/1M        = $4,800.00
    #   audio 2.5 minutes   -> 50,000 min x $0.006         =   $300.00
    #   0.5 images          -> 10,000 x $0.04              =   $400.00
    #   1 search            -> 20,000 x $10/1,000          =   $200.00
    #   request fee         -> 20,000 x $0.001             =    $20.00
    #   total 15 + 80 + 4,800 + 300 + 400 + 200 + 20       = $5,815.00
    assert {k: v[0] for k, v in b["lines"].items()} == {
        "Input": "$15.00", "Output": "$80.00", "Audio input": "$4,800.00", "Audio input (minutes)": "$300.00",
        "Images generated": "$400.00", "Web searches": "$200.00", "Request fee": "$20.00"}
    assert b["total"] == "$5,815.00"
    # The same with an EU data-residency uplift of 10 %: $5,815.00 x 1.1 = $6,396.50.
    eu = open_bill(page, fixture_url, requests=20000, input=300, output=400, audio_tokens=6000, audio_minutes=2.5,
                   images=0.5, searches=1, model="audio-x", region="eu")
    assert eu["lines"]["Region uplift: eu"][0] == "$581.50" and eu["total"] == "$6,396.50"


def test_a_cache_write_heavy_workload(page, fixture_url):
    # cache-x: $3 in, $0.30 cached, $3.75 5-minute write, $6 1-hour write, $15 out per 1M.
    # 10,000 requests of 60,000 input tokens, half from cache, 20,000 tokens written for 1 hour, 800 out:
    #   input 30,000        -> 300,000,000 x $3/1M    =   $900.00
    #   cached 30,000       -> 300,000,000 x $0.30/1M =    $90.00
    #   1h write 20,000     -> 200,000,000 x $6/1M    = $1,200.00
    #   output 800          -> 8,000,000 x $15/1M     =   $120.00
    #   total                                          = $2,310.00
    b = open_bill(page, fixture_url, requests=10000, input=60000, cache=50, cache_write=20000, ttl="1h", output=800, model="cache-x")
    assert {k: v[0] for k, v in b["lines"].items()} == {"Input": "$900.00", "Cached input": "$90.00",
                                                        "Cache write (1h)": "$1,200.00", "Output": "$120.00"}
    assert b["total"] == "$2,310.00"
    # 5-minute writes: 200,000,000 x $3.75/1M = $750.00; total 900 + 90 + 750 + 120 = $1,860.00.
    assert open_bill(page, fixture_url, requests=10000, input=60000, cache=50, cache_write=20000, ttl="5m", output=800,
                     model="cache-x")["total"] == "$1,860.00"
    # Above 200K input tokens (300,000 + 20,000 written) the whole request is at the long-context tier:
    # $6 in, $0.60 cached, $12 1-hour write, $22.50 out. 100 requests:
    #   150,000 in -> 15,000,000 x $6 = $90; 150,000 cached -> 15,000,000 x $0.60 = $9;
    #   20,000 written -> 2,000,000 x $12 = $24; 800 out -> 80,000 x $22.50 = $1.80; total $124.80.
    long = open_bill(page, fixture_url, requests=100, input=300000, cache=50, cache_write=20000, ttl="1h", output=800, model="cache-x")
    assert long["total"] == "$124.80" and "long-context price above 200,000 input tokens" in long["notes"]


def test_flex_and_priority_workloads(page, fixture_url):
    # tiers-x: $1.25 in, $0.125 cached, $10 out. 100,000 requests of 5,000 input (20 % cached) and 1,000 out.
    # Flex is 0.5 x standard and stacks with cached input: $0.625 in, $0.0625 cached, $5 out.
    #   4,000 in  -> 400,000,000 x $0.625/1M  = $250.00
    #   1,000 cached -> 100,000,000 x $0.0625 =   $6.25
    #   1,000 out -> 100,000,000 x $5/1M      = $500.00    total $756.25
    flex = open_bill(page, fixture_url, requests=100000, input=5000, cache=20, output=1000, tier="flex", model="tiers-x")
    assert flex["lines"]["Cached input"][0] == "$6.25" and flex["total"] == "$756.25"
    # Flex with batch on: the data says flex does not combine with batch, so the same bill, and the note says so.
    batch = open_bill(page, fixture_url, requests=100000, input=5000, cache=20, output=1000, tier="flex", batch=1, model="tiers-x")
    assert batch["total"] == "$756.25" and "batch does not combine with flex (vendor)" in batch["notes"]
    # Priority has its own prices, $2.50 in / $0.25 cached / $20 out, and the vendor does not say whether caching
    # discounts it (null): the dearer reading bills cached tokens at the priority input price, $2.50.
    #   400,000,000 x $2.50 = $1,000; 100,000,000 x $2.50 = $250; 100,000,000 x $20 = $2,000; total $3,250.00
    priority = open_bill(page, fixture_url, requests=100000, input=5000, cache=20, output=1000, tier="priority", model="tiers-x")
    assert priority["lines"]["Cached input"][0] == "$250.00" and priority["total"] == "$3,250.00"
    assert "the vendor does not say whether caching discounts priority" in priority["notes"]


def test_a_scheduled_date_and_a_promotion(page, fixture_url):
    # sched-x: $1 in, $0.10 cached, $4 out until 2027-01-01, then $2 / $0.20 / $8 (scheduled).
    # 1,000,000 requests of 500 input (20 % cached) and 200 out:
    #   on as_of:    400M x $1 + 100M x $0.10 + 200M x $4 = $400 + $10 + $800   = $1,210.00
    #   2027-01-15:  400M x $2 + 100M x $0.20 + 200M x $8 = $800 + $20 + $1,600 = $2,420.00
    now = open_bill(page, fixture_url, requests=1000000, input=500, cache=20, output=200, model="sched-x")
    assert now["total"] == "$1,210.00" and "price since 2026-01-01" in now["caption"]
    later = open_bill(page, fixture_url, requests=1000000, input=500, cache=20, output=200, model="sched-x", date="2027-01-15")
    assert later["total"] == "$2,420.00" and "scheduled price from 2027-01-01" in later["notes"]
    # promo-x: $0.50 in / $2 out (no cached price: cached tokens pay $0.50) until 2026-12-31, regular $1 / $0.10 / $4 after.
    #   on as_of:   400M x $0.50 + 100M x $0.50 + 200M x $2 = $200 + $50 + $400 = $650.00, labelled promotional
    #   2027-01-15: the regular price, as sched-x on as_of                      = $1,210.00
    promo = open_bill(page, fixture_url, requests=1000000, input=500, cache=20, output=200, model="promo-x")
    assert promo["total"] == "$650.00" and "promotional price until 2026-12-31" in promo["notes"]
    after = open_bill(page, fixture_url, requests=1000000, input=500, cache=20, output=200, model="promo-x", date="2027-01-15")
    assert after["total"] == "$1,210.00" and "promotional" not in after["notes"] and "price since 2027-01-01" in after["caption"]


def test_the_address_bar_keeps_every_field(page, fixture_url):
    page.goto(fixture_url + "calculator/")
    page.wait_for_selector("table[data-table=bill] tfoot .bill-total:not(:empty)")
    page.click("details.calculator-more > summary")  # the less common bill lines are folded
    page.fill("#calculator-form input[name=cache_write]", "20000")
    page.select_option("#calculator-form select[name=ttl]", "1h")
    page.select_option("#calculator-form select[name=tier]", "flex")
    page.select_option("#calculator-form select[name=region]", "eu")
    page.fill("#calculator-form input[name=date]", "2027-01-15")
    page.select_option("#calculator-form select[name=model]", "tiers-x")
    query = parse_qs(urlparse(page.url).query)
    assert {k: v[0] for k, v in query.items() if k in ("cache_write", "ttl", "tier", "region", "date", "model")} == {
        "cache_write": "20000", "ttl": "1h", "tier": "flex", "region": "eu", "date": "2027-01-15", "model": "tiers-x"}
    total = page.text_content("table[data-table=bill] .bill-total")
    page.goto(page.url)
    page.wait_for_selector("table[data-table=bill] tfoot .bill-total:not(:empty)")
    assert page.text_content("table[data-table=bill] .bill-total") == total
    assert page.input_value("#calculator-form select[name=tier]") == "flex"


def test_a_cache_write_heavy_workload_on_the_real_site(page, base_url):
    # The real data's Claude Sonnet 4.6: $3 in, $0.30 cache read, $6 1-hour cache write, $15 out per 1M
    # (data/models.yaml, Anthropic's pricing page). The same workload as on cache-x above:
    #   300M x $3 = $900; 300M x $0.30 = $90; 200M x $6 = $1,200; 8M x $15 = $120; total $2,310.00
    b = open_bill(page, base_url, requests=10000, input=60000, cache=50, cache_write=20000, ttl="1h", output=800,
                  model="claude-sonnet-4-6")
    assert "Claude Sonnet 4.6" in b["caption"], b["caption"]
    assert {k: v[0] for k, v in b["lines"].items()} == {"Input": "$900.00", "Cached input": "$90.00",
                                                        "Cache write (1h)": "$1,200.00", "Output": "$120.00"}
    assert b["total"] == "$2,310.00"


# --- the real data, once it records issue 16's facts (research in /work/research/prices16/) ---------------
# These skip, saying why, until data/models.yaml has the fact; then they check the real site with hand figures.

def _real(model_id: str):
    from helpers import real_catalog
    return real_catalog().models.get(model_id)


def test_gemini_38_flash_scheduled_change_on_the_real_site(page, base_url):
    m = _real("gemini-3.8-flash")
    ahead = [p for p in (m.scheduled_prices if m else ()) if p.since.isoformat() == "2027-01-01"]
    if not ahead or (ahead[0].input, ahead[0].cached_input, ahead[0].output) != (1.5, 0.15, 7.5):
        pytest.skip("data/models.yaml does not record Gemini 3.8 Flash's scheduled $1.50 / $0.15 / $7.50 from 2027-01-01 yet")
    # $0.75 in / $0.075 cached / $3.75 out until 2026-12-31, then $1.50 / $0.15 / $7.50.
    # 1,000,000 requests of 500 input (20 % cached) and 200 out:
    #   as_of:       400M x $0.75 + 100M x $0.075 + 200M x $3.75 = $300 + $7.50 + $750 = $1,057.50
    #   2027-01-15:  400M x $1.50 + 100M x $0.15  + 200M x $7.50 = $600 + $15 + $1,500 = $2,115.00
    fields = dict(requests=1000000, input=500, cache=20, output=200, model="gemini-3.8-flash")
    assert open_bill(page, base_url, **fields)["total"] == "$1,057.50"
    later = open_bill(page, base_url, date="2027-01-15", **fields)
    assert later["total"] == "$2,115.00" and "scheduled price from 2027-01-01" in later["notes"]


def test_gpt_61_sol_flex_on_the_real_site(page, base_url):
    m = _real("gpt-6.1-sol")
    flex = m.current_price.service_tier("flex") if m and m.current_price else None
    if not flex or flex.multiplier != 0.5 or not flex.stacks_with.cached_input or (m.current_price.input, m.current_price.cached_input,
                                                                                     m.current_price.output) != (2.0, 0.1, 10.0):
        pytest.skip("data/models.yaml does not record GPT-6.1 Sol's flex tier (0.5 x $2 / $0.10 / $10, with cached input) yet")
    # Flex = half of $2 in / $0.10 cached / $10 out = $1 / $0.05 / $5. 100,000 requests of 5,000 input (20 % cached), 1,000 out:
    #   400M x $1 = $400; 100M x $0.05 = $5; 100M x $5 = $500; total $905.00
    b = open_bill(page, base_url, requests=100000, input=5000, cache=20, output=1000, tier="flex", model="gpt-6.1-sol")
    assert b["total"] == "$905.00"
