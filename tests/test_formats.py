"""--format json and markdown on every command; the JSON envelope is a pinned contract."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import Run
from therapy_cli.kbfiles import builtin_path
from therapy_cli.loader import load

DISCLAIMER = " ".join(load([builtin_path()]).disclaimer.split())

# Each command, and the keys its JSON `data` must have: the contract scripts rely on.
CONTRACT: dict[str, tuple[list[str], set[str]]] = {
    "list": (["list"], {"therapies"}),
    "show": (["show", "psychodynamic"], {"therapy", "sections", "used_for", "references"}),
    "compare": (["compare"], {"therapies", "references"}),
    "conditions": (["conditions"], {"conditions"}),
    "conditions-one": (["conditions", "depression"], {"conditions", "references"}),
    "sessions": (["sessions"], {"therapies", "references"}),
    "refs": (["refs"], {"therapy", "references"}),
    "search": (["search", "Freud"], {"query", "matches"}),
    "crisis": (["crisis"], {"regions", "references"}),
    "find-therapist": (["find-therapist"], {"regions", "references"}),
    "paths": (["paths"], {"files", "user_folder"}),
    "validate": (
        ["validate"],
        {"valid", "files", "therapies", "conditions", "references", "warnings"},
    ),
}
ITEM_KEYS = {
    "list": ("therapies", {"id", "name", "aliases", "summary", "sessions"}),
    "compare": (
        "therapies",
        {
            "id",
            "name",
            "aliases",
            "basis",
            "focus",
            "sessions",
            "nhs",
            "private",
            "frequency",
            "used_for",
            "key_evidence",
        },
    ),
    "refs": (
        "references",
        {
            "number",
            "id",
            "kind",
            "title",
            "authors",
            "year",
            "container",
            "volume",
            "issue",
            "pages",
            "doi",
            "url",
            "publisher",
            "accessed",
            "read_in",
            "unconfirmed",
            "notes",
        },
    ),
    "search": ("matches", {"place", "text", "sources"}),
    "crisis": ("regions", {"id", "name", "services"}),
}
STATEMENT_KEYS = {"text", "sources", "citations", "correction"}


def envelope(run: Run, args: list[str]) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@pytest.mark.parametrize("name", CONTRACT)
def test_json_envelope_is_the_same_for_every_command(run: Run, name: str) -> None:
    args, _ = CONTRACT[name]
    data = envelope(run, args)
    assert set(data) == {"schema_version", "command", "data", "disclaimer"}
    assert data["schema_version"] == 1
    assert data["command"] == args[0]
    assert data["disclaimer"] == DISCLAIMER


@pytest.mark.parametrize("name", CONTRACT)
def test_json_data_keys_are_pinned(run: Run, name: str) -> None:
    args, keys = CONTRACT[name]
    assert set(envelope(run, args)["data"]) == keys


@pytest.mark.parametrize("name", ITEM_KEYS)
def test_json_item_keys_are_pinned(run: Run, name: str) -> None:
    field, keys = ITEM_KEYS[name]
    items = envelope(run, CONTRACT[name][0])["data"][field]
    assert items and all(set(item) == keys for item in items)


def test_json_statements_carry_text_sources_and_citation_numbers(run: Run) -> None:
    sections = envelope(run, ["show", "psychodynamic"])["data"]["sections"]
    statement = sections[0]["statements"][0]
    assert set(statement) == STATEMENT_KEYS
    assert statement["sources"] == ["source-article"] and statement["citations"] == [1]


def test_json_has_no_colour_codes_even_when_colour_is_forced(run: Run) -> None:
    out = run("--color", "always", "show", "psychodynamic", "--format", "json").stdout
    assert "\x1b" not in out
    json.loads(out)


def test_json_errors_keep_their_exit_codes(run: Run) -> None:
    result = run("show", "nonsense", "--format", "json")
    assert result.exit_code == 1 and result.stdout == ""


@pytest.mark.parametrize("name", CONTRACT)
def test_markdown_ends_with_the_disclaimer(run: Run, name: str) -> None:
    out = run(*CONTRACT[name][0], "--format", "markdown").stdout
    assert out.rstrip().endswith("urgent help.")
    assert "\n---\n\n> For general information only." in out


def test_markdown_handout_has_headings_lists_and_references(run: Run) -> None:
    out = run("show", "psychodynamic", "--format", "markdown").stdout
    assert out.startswith("# Psychodynamic psychotherapy\n")
    assert "\n## Effectiveness\n" in out
    assert "\n- The article's own view, given without a reference, is that in general" in out
    assert "\n- \\[1\\] Mental Health General (n.d.). Psychodynamic Psychotherapy" in out


def test_markdown_tables_for_comparisons(run: Run) -> None:
    out = run("compare", "psychodynamic", "cbt", "--format", "markdown").stdout
    assert "|   | Psychodynamic psychotherapy | Cognitive behavioural therapy |" in out
    assert "| --- | --- | --- |" in out


def test_markdown_makes_urls_links(run: Run) -> None:
    out = run("crisis", "--format", "markdown").stdout
    assert "<https://www.samaritans.org/how-we-can-help/contact-samaritan/>" in out


def test_markdown_charts_are_code_blocks(run: Run) -> None:
    out = run("sessions", "--format", "markdown").stdout
    assert "```text\nPsychodynamic psychotherapy" in out
