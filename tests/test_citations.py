"""Every reference an answer lists is cited in what it prints, in every format; nothing cited is
missing from the list. (`therapy refs` is itself a bibliography, so it cites nothing.)"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from command_list import COMMANDS, builtin
from conftest import Run

CITING = [name for name in COMMANDS if not name.startswith("refs")]
CITATION = re.compile(r"\[(\d+(?:,\d+)*)\]")
LISTED = re.compile(r"^(?:- )?\[(\d+)\] ", re.M)


def cited_and_listed(text: str, heading: str) -> tuple[set[int], set[int]]:
    body, _, listing = text.rpartition(heading) if heading in text else (text, "", "")
    cited = {int(n) for group in CITATION.findall(body) for n in group.split(",")}
    return cited, {int(n) for n in LISTED.findall(listing)}


def numbers_in(value: Any) -> set[int]:
    """Every citation number in a JSON document."""
    if isinstance(value, dict):
        own = set(value.get("citations", ()))
        inner = (numbers_in(item) for key, item in value.items() if key != "citations")
        return own.union(*inner)
    if isinstance(value, list):
        return {n for item in value for n in numbers_in(item)}
    return set()


@pytest.mark.parametrize("name", CITING)
def test_text_lists_exactly_the_references_it_cites(run: Run, name: str) -> None:
    out = run(*builtin(name)).stdout.split("\n---\n")[0]
    heading = "\nSources\n" if name.startswith(("crisis", "find", "guide")) else "\nReferences\n"
    cited, listed = cited_and_listed(out, heading)
    assert cited == listed
    assert listed == set(range(1, len(listed) + 1))


@pytest.mark.parametrize("name", CITING)
def test_markdown_lists_exactly_the_references_it_cites(run: Run, name: str) -> None:
    out = run(*builtin(name), "--format", "markdown").stdout.replace("\\", "")
    heading = (
        "\n## Sources\n" if name.startswith(("crisis", "find", "guide")) else "\n## References\n"
    )
    assert cited_and_listed(out, heading)[0] == cited_and_listed(out, heading)[1]


@pytest.mark.parametrize("name", CITING)
def test_json_lists_exactly_the_references_it_cites(run: Run, name: str) -> None:
    data = json.loads(run(*builtin(name), "--format", "json").stdout)["data"]
    references = data.get("references")  # `validate` has a count here, not a list
    listed = {ref["number"] for ref in references} if isinstance(references, list) else set()
    assert numbers_in({k: v for k, v in data.items() if k != "references"}) == listed


def test_compare_lists_no_reference_it_does_not_cite(run: Run) -> None:
    out = run("compare").stdout.split("\n---\n")[0]
    cited, listed = cited_and_listed(out, "\nReferences\n")
    assert listed and listed <= cited
