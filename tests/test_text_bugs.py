"""Every built page, scanned for text bugs (issue #17): a model compared with itself, a badge word said twice,
a count in a caption that the table's own count line contradicts."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import lxml.html
from bs4 import BeautifulSoup
from helpers import DATA, SCHEMA

from catalog import load_catalog
from catalog.searchtext import with_word_breaks

CATALOG = load_catalog(DATA, SCHEMA, "data/models.yaml")
NAMES = sorted({m.name for m in CATALOG.models.values()}, key=len, reverse=True)
SELF = re.compile(r"(?:Compare (?P<a>.+?) with (?P<b>.+?)[.;:,)]|(?P<c>[^;:()\n]+?) vs (?P<d>[^;:()\n]+))")


def _longest_name_at_start(text: str) -> str | None:
    return next((n for n in NAMES if text.startswith(n) and (len(text) == len(n) or not text[len(n)].isalnum())), None)


def _longest_name_at_end(text: str) -> str | None:
    return next((n for n in NAMES if text.endswith(n) and (len(text) == len(n) or not text[-len(n) - 1].isalnum())), None)


def self_comparisons(text: str) -> list[str]:
    """'Compare X with X' and 'X vs X' where both sides are the same model (not 'GPT-4o vs GPT-4o mini')."""
    found = []
    for name in NAMES:
        for joiner in (" with ", " vs "):
            needle = name + joiner
            start = 0
            while (i := text.find(needle, start)) >= 0:
                start = i + 1
                if _longest_name_at_end(text[: i + len(name)]) != name:
                    continue  # the first side is a longer name ending in this one
                if _longest_name_at_start(text[i + len(needle):]) == name:
                    found.append(text[max(0, i - 20): i + len(needle) + len(name) + 20])
    return found


def pages(site):
    return sorted(site.rglob("index.html"))


STATUS = "contains(concat(' ', normalize-space(@class), ' '), ' status ')"


def page_text_bugs(html: bytes, where: str) -> list[str]:
    """One page's text bugs. lxml's own tree, not BeautifulSoup over it: the same reading of ~1,100 pages in a
    fifth of the time."""
    problems = []
    page = lxml.html.fromstring(html)
    article = next(iter(page.xpath("//article")), page)
    for s in self_comparisons(" ".join(article.itertext())):
        problems.append(f"{where}: compares a model with itself: …{s}…")
    for a in article.xpath(".//a[contains(@href, '?')]"):
        query = parse_qs(urlparse(a.get("href")).query)
        if query.get("a") and query.get("a") == query.get("b"):
            problems.append(f"{where}: link compares {query['a'][0]} with itself")
    for parent in {id(b.getparent()): b.getparent() for b in article.xpath(f".//*[{STATUS}]")}.values():
        words = [w for b in parent.xpath(f"./*[{STATUS}]") for w in " ".join(b.itertext()).split()]
        repeated = {w for w in words if words.count(w) > 1 and not re.match(r"^\d", w)}
        if repeated:
            problems.append(f"{where}: badge words repeated: {' '.join(words)}")
    return problems


def test_no_page_compares_a_model_with_itself_or_repeats_a_badge_word(built_site):
    problems = [p for path in pages(built_site) for p in page_text_bugs(path.read_bytes(), str(path.relative_to(built_site)))]
    assert not problems, "\n".join(problems[:300])


def test_the_scanner_finds_what_it_is_for():
    name = NAMES[-1]
    planted = (f'<article><p>Compare {name} with {name}.</p><a href="../compare/?a=o3&amp;b=o3">x</a>'
               '<h1>X <span class="status deprecated">deprecated</span> <span class="status">deprecated</span></h1></article>').encode()
    found = page_text_bugs(planted, "planted")
    assert len(found) == 3 and "itself" in found[0] and "o3 with itself" in found[1] and "badge words" in found[2], found
    assert page_text_bugs(b'<article><h1>X <span class="status">deprecated</span> <span class="status">retiring</span></h1></article>', "ok") == []
    assert self_comparisons(f"Compare {name} with {name}.")
    assert self_comparisons(f"{name} vs {name}")
    assert not self_comparisons("GPT-4o vs GPT-4o mini") or "GPT-4o mini" not in NAMES


def test_overview_caption_states_no_count_of_its_own(built_site):
    """The count line ('Showing 44 of 159 models') is the one count: the caption must not say another."""
    page = BeautifulSoup((built_site / "models" / "index.html").read_text(encoding="utf-8"), "lxml")
    caption = page.select_one("table[data-table=catalog-table] caption").get_text()
    assert not re.search(r"\d+ models?", caption), caption


def test_search_index_keeps_the_word_break_between_table_cells_and_after_a_line_break(built_site):
    """Material indexes text without tags: without a break, 'Status' and 'deprecated' become 'Statusdeprecated'."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    specs = next(d["text"] for d in docs if d["location"] == "models/gpt-4o/#specifications")
    assert "Status deprecated" in re.sub(r"\s+", " ", specs), specs[:400]
    sources = next(d["text"] for d in docs if d["location"] == "models/gpt-4o/#sources")
    assert "OpenAIBacks" not in sources and "OpenAI Backs:" in re.sub(r"\s+", " ", sources)
    # Chart ticks ("$0$5$10") are not indexed; the chart keeps its text alternative for readers.
    assert not [d["location"] for d in docs if "$0$5" in d["text"]]


def test_word_breaks_go_between_cells_and_after_br_but_never_into_preformatted_text():
    assert with_word_breaks("<tr><th>Status</th><td>deprecated</td></tr>") == "<tr><th>Status</th>\n<td>deprecated</td>\n</tr>"
    assert with_word_breaks("OpenAI<br><small>Backs") == "OpenAI<br>\n<small>Backs"
    pre = "<pre><code>a<br><b>x</b></code></pre>"
    assert with_word_breaks(pre + "<dt>a</dt><dd>b</dd>") == pre + "<dt>a</dt>\n<dd>b</dd>"
