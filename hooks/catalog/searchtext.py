"""Word breaks the search index needs and the page does not show.

Material's search plugin keeps the text of a page and drops its tags, so
`<th>Status</th><td>deprecated</td>` is indexed as "Statusdeprecated" and
`OpenAI<br><small>Backs:` as "OpenAIBacks:": snippets read as run-on words and
neither word is found on its own. A newline after a table cell, a definition
term or description and a line break restores the break. Whitespace there is
never rendered (between table cells, between `dt` and `dd`, at the start of a
line after `<br>`), so the page looks the same. Preformatted text is left as
it is: there a newline shows.
"""

from __future__ import annotations

import re

_BREAK_AFTER = re.compile(r"(</(?:td|th|dt|dd|caption)>|<br\s*/?>)(?=<)")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def with_word_breaks(html: str) -> str:
    parts = _PRE.split(html)
    # split() with one group alternates: outside, <pre>…</pre>, outside, ...
    return "".join(part if i % 2 else _BREAK_AFTER.sub("\\1\n", part) for i, part in enumerate(parts))
