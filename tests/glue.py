"""Find text that reads glued together in rendered HTML: "GPT-5 nano2. Mistral", "Opus 4.5,Claude".

A browser joins the text of adjacent inline elements with nothing between
them, so `<a>A</a><a>B</a>` reads "AB". This module rebuilds each block's
text the way a reader sees it (text nodes joined in order; block elements,
<br> and table cells start a new run) and reports:

- a seam between two pieces of text from different elements where a letter
  or digit touches a letter or digit ("nano" + "2.", "4" + "3");
- a comma or semicolon followed by a non-space ("active,3", "×3;long"),
  except a thousands separator (1,000);
- a digit run straight into a capitalised word ("Small 4Gemini");
- a sentence end glued to the next sentence ("cost.Then") or a closing
  bracket glued to a word ("(OpenAI)and").

Superscripts and subscripts (source marks, footnote numbers) sit visibly
apart and are allowed at a seam. Code and preformatted text are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Elements whose text runs inline with their neighbours (HTML's phrasing content).
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
          "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "label", "del", "ins"}
SKIP = {"script", "style", "template", "head", "noscript", "textarea"}
APART = {"sup", "sub"}          # visibly set apart: allowed to touch at a seam
VERBATIM = {"code", "pre", "kbd", "samp"}  # punctuation rules do not apply inside

_WORD = re.compile(r"\w")
_RULES = (
    ("comma or semicolon without a following space", re.compile(r"(?<!\d),(?=\S)|(?<=\d),(?=[^\s\d])|;(?=\S)")),
    ("digit glued to a capitalised word", re.compile(r"\d[A-Z][a-z]{2,}")),
    ("sentence glued to the next", re.compile(r"(?:[a-z]{2}|\])[.!?][A-Z][a-z]")),
    ("closing bracket glued to a word", re.compile(r"\)[A-Za-z]{2}")),
)


@dataclass(frozen=True)
class Glue:
    rule: str
    context: str

    def __str__(self) -> str:
        return f"{self.rule}: …{self.context}…"


@dataclass
class _Piece:
    text: str
    element: Tag | None      # innermost element holding this text
    verbatim: bool


def _runs(root: Tag) -> Iterator[list[_Piece]]:
    """Each block's inline text, as the list of text-node pieces a reader sees joined."""
    run: list[_Piece] = []

    def walk(node: Tag, verbatim: bool) -> Iterator[list[_Piece]]:
        nonlocal run
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is not NavigableString:  # CDATA, doctype, processing instructions
                    continue
                run.append(_Piece(str(child), node, verbatim))
                continue
            if not isinstance(child, Tag) or child.name in SKIP or child.has_attr("hidden"):
                continue
            inner_verbatim = verbatim or child.name in VERBATIM
            if child.name == "br" or child.name not in INLINE:
                if run:
                    yield run
                run = []
                yield from walk(child, inner_verbatim)
                if run:
                    yield run
                run = []
            else:
                yield from walk(child, inner_verbatim)

    yield from walk(root, False)
    if run:
        yield run


def _apart(element: Tag | None) -> bool:
    while element is not None:
        if element.name in APART:
            return True
        if element.name not in INLINE:
            return False
        element = element.parent
    return False


def find_glue(html: str) -> list[Glue]:
    """Every glued seam or missing space in the visible text of an HTML document or fragment."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.body or soup
    found: list[Glue] = []
    for run in _runs(root):
        pieces = [p for p in run if p.text]
        # Seams: where one element's text ends and another's begins with no space.
        for left, right in zip(pieces, pieces[1:]):
            if left.element is right.element:
                continue
            if not left.text or not right.text or left.text[-1].isspace() or right.text[0].isspace():
                continue
            if _WORD.match(left.text[-1]) and _WORD.match(right.text[0]) and not (_apart(left.element) or _apart(right.element)):
                tail, head = " ".join(left.text.split())[-30:], " ".join(right.text.split())[:30]
                found.append(Glue("two texts touching with no space", f"{tail}|{head}"))
        # Punctuation rules: on the joined text, leaving code alone.
        prose = " ".join("".join(" " if p.verbatim else p.text for p in pieces).split())
        for rule, pattern in _RULES:
            for match in pattern.finditer(prose):
                found.append(Glue(rule, prose[max(0, match.start() - 30): match.end() + 30]))
    return found
