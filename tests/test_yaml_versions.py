"""A plain value that YAML 1.1 (PyYAML) and YAML 1.2 (most editors) read differently is refused at its line, never published as one of them."""

from __future__ import annotations

import pytest
from sample import dump, sample
from test_validation import problems


@pytest.mark.parametrize("written,field,expected", [
    ("context_window: 010000", "context_window", "'010000' reads as 4,096 here (YAML 1.1) but differently in YAML 1.2"),
    ("context_window: 128_000", "context_window", "'128_000' reads as 128,000 here (YAML 1.1)"),
    ("context_window: 2:08", "context_window", "'2:08' reads as 128 here (YAML 1.1)"),
    ("open_weights: yes", "open_weights", "'yes' reads as true here but as the text 'yes' in YAML 1.2 editors"),
    ("open_weights: off", "open_weights", "'off' reads as false here"),
])
def test_a_value_read_differently_by_yaml_versions_is_refused(tmp_path, written, field, expected):
    key = written.split(":")[0]
    text = dump(sample())
    start = text.index("  small-model:")
    line_start = text.index(f"    {key}:", start)
    line_end = text.index("\n", line_start)
    text = text[:line_start] + f"    {written}" + text[line_end:]
    found = [f for f in problems(tmp_path, text) if f": models.small-model.{field}: " in f]
    assert len(found) == 1 and expected in found[0], problems(tmp_path, text)


@pytest.mark.parametrize("written", ["context_window: 128000", "open_weights: true", "open_weights: False", "context_window: '128000'"])
def test_values_both_versions_agree_on_pass_this_rule(tmp_path, written):
    key = written.split(":")[0]
    text = dump(sample())
    start = text.index("  small-model:")
    line_start = text.index(f"    {key}:", start)
    text = text[:line_start] + f"    {written}" + text[text.index(chr(10), line_start):]
    assert not any("YAML 1.2" in f for f in problems(tmp_path, text))


def test_parsing_keeps_no_node_of_the_file_it_read():
    """A `mkdocs serve` session parses the file on every edit: the shared scalar loader must not keep each parse's
    nodes (it did: 35,654 nodes and 71,308 marks more per rebuild at 159 models, ~15 MiB)."""
    from catalog import yamlsource
    for _ in range(2):
        yamlsource.parse(b"a: 1\nb: [x, 2.5, true]\nc: {d: e}\n", "t.yaml")
    assert yamlsource._scalar_loader.constructed_objects == {}
