"""How values read: token counts, prices, dates, relative links and escaping."""

from __future__ import annotations

from datetime import date

import pytest

from catalog.text import inert, long_date, month_or_date, relative_url, safe_url, tokens_long, tokens_short, usd


@pytest.mark.parametrize("count,short", [(128000, "128K"), (16384, "16K"), (131072, "128K"), (1048576, "1M"), (2000000, "2M"),
                                         (4096, "4K"), (512, "512"), (1050000, "1.05M"), (200000, "200K"), (16385, "16.4K"),
                                         (999_999, "1M"), (999_949, "999.9K")])
def test_token_counts_abbreviate(count, short):
    assert tokens_short(count) == short


def test_exact_token_counts_have_separators():
    assert tokens_long(1048576) == "1,048,576"


@pytest.mark.parametrize("amount,text", [(2.5, "$2.50"), (0.075, "$0.075"), (0.0375, "$0.0375"), (15, "$15.00"), (0, "$0.00"), (None, "—"),
                                         (1250.5, "$1,250.50"), (0.003625, "$0.003625"), (2.99999, "$2.99999"), (-0.0, "$0.00"),
                                         (1234.56789, "$1,234.56789"), (0.000001, "$0.000001")])
def test_prices_show_every_digit_the_file_has_never_rounded(amount, text):
    assert usd(amount) == text


def test_dates():
    assert long_date(date(2024, 5, 13)) == "May 13, 2024"
    assert month_or_date("2023-10") == "Oct 2023"
    assert month_or_date("2024-06-01") == "Jun 1, 2024"


@pytest.mark.parametrize("start,target,link", [
    ("", "models/gpt-4o/", "models/gpt-4o/"),
    ("models/gpt-4o/", "vendors/openai/", "../../vendors/openai/"),
    ("models/", "models/gpt-4o/", "gpt-4o/"),
    ("compare/a-vs-b/", "", "../../"),
    ("models/gpt-4o/", "models/gpt-4o/", "./"),
])
def test_relative_links_between_directory_urls(start, target, link):
    assert relative_url(start, target) == link


def test_inert_text_has_no_active_html_or_markdown():
    out = str(inert('<b>[x](javascript:y)</b> {{ c }} | *e* `k`\nnext'))
    for char in '<>[]()|*`{}':
        assert char not in out
    assert "\n" not in out


def test_inert_leaves_markup_alone():
    from markupsafe import Markup
    assert inert(Markup("<b>ok</b>")) == "<b>ok</b>"


def test_only_http_links_survive():
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url('https://x.example/?a=1&b="2"') == "https://x.example/?a=1&amp;b=&quot;2&quot;"


@pytest.mark.parametrize("amount,shown", [(0.2625, "$0.26"), (8.33333, "$8.33"), (3250.0, "$3,250.00"), (0.0375, "$0.0375"),
                                          (0.033333, "$0.0333"), (0.0, "$0.00"), (None, "—")])
def test_computed_money_is_to_the_cent_or_three_significant_figures_under_ten_cents(amount, shown):
    from catalog.text import money
    assert money(amount) == shown


def test_list_prices_show_as_published():
    assert usd(0.125) == "$0.125" and usd(2.5) == "$2.50" and usd(0.0375) == "$0.0375"


def test_percent_has_no_space():
    from catalog.text import percent
    assert percent(94.0) == "94%" and percent(-50, sign=True) == "-50%" and percent(15, sign=True) == "+15%"


def test_fixed_rounds_a_half_away_from_zero_like_the_compare_script():
    from catalog.text import fixed
    # Python's format rounds these exact halves to even (5.2, 92, 1.2); readers and JS's toFixed round up.
    assert [fixed(5.25, 1), fixed(92.5, 0), fixed(1.25, 1), fixed(31.25, 1)] == ["5.3", "93", "1.3", "31.3"]
    assert [fixed(0.2625, 2), fixed(1.005, 2), fixed(-0.3, 0), fixed(-2.5, 0)] == ["0.26", "1.01", "0", "-3"]
