"""--format json and markdown on every command; the JSON envelope is a pinned contract."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from command_list import COMMANDS, ERRORS, builtin, filled
from conftest import Run
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

DISCLAIMER = " ".join(load([builtin_path()]).disclaimer.split())

# Each command, and the keys its JSON `data` must have: the contract scripts rely on.
GUIDE_KEYS = {
    "about", "urgent_help", "answers", "brief", "rows", "options", "order_basis", "see_also",
    "others", "conditions_with_options", "not_now", "routes", "questions_to_ask", "reviewed",
    "upkeep", "funding", "references",
}  # fmt: skip
DATA_KEYS: dict[str, set[str]] = {
    "list": {"therapies"},
    "show": {"therapy", "sections", "used_for", "terms", "effect_sizes", "references"},
    "show-section": {"therapy", "sections", "used_for", "terms", "effect_sizes", "references"},
    "show-sources": {"therapy", "sections", "used_for", "terms", "effect_sizes", "references"},
    "compare": {"therapies", "references"},
    "compare-two": {"therapies", "references"},
    "conditions": {"conditions"},
    "conditions-one": {"conditions", "references"},
    "sessions": {"therapies", "references"},
    "sessions-one": {"therapies", "references"},
    "refs": {"therapy", "references"},
    "refs-therapy": {"therapy", "references"},
    "search": {"query", "matches"},
    "crisis": {"regions", "references"},
    "crisis-region": {"regions", "references"},
    "find-therapist": {"regions", "references"},
    "find-therapist-region": {"regions", "references"},
    "paths": {"files", "user_folder"},
    "glossary": {"terms", "references"},
    "glossary-term": {"terms", "references"},
    "validate": {"valid", "files", "therapies", "conditions", "references", "warnings", "safety"},
    "guide": GUIDE_KEYS,
    "guide-condition": GUIDE_KEYS,
    "guide-in-danger": {"regions", "references"},
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
            "typical",
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
    "sessions": ("therapies", {"id", "name", "aliases", "sessions"}),
    "show": ("sections", {"id", "statements"}),
    "find-therapist": ("regions", {"id", "name", "services"}),
    "paths": ("files", {"path", "origin"}),
    "glossary": ("terms", {"id", "term", "aliases", "definition"}),
    "conditions-one": (
        "conditions",
        {"id", "name", "synonyms", "see_also", "description", "guidance", "therapies"},
    ),
    "conditions": ("conditions", {"id", "name", "synonyms", "see_also", "therapies"}),
}
STATEMENT_KEYS = {"text", "sources", "citations", "correction"}


def envelope(run: Run, args: list[str]) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_every_command_has_its_data_keys_pinned() -> None:
    assert set(DATA_KEYS) == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_json_envelope_is_the_same_for_every_command(run: Run, name: str) -> None:
    args = builtin(name)
    data = envelope(run, args)
    assert set(data) == {"schema_version", "command", "data", "disclaimer"}
    assert data["schema_version"] == 2
    assert data["command"] == args[0]
    assert data["disclaimer"] == DISCLAIMER


@pytest.mark.parametrize("name", COMMANDS)
def test_json_data_keys_are_pinned(run: Run, name: str) -> None:
    assert set(envelope(run, builtin(name))["data"]) == DATA_KEYS[name]


@pytest.mark.parametrize("name", ITEM_KEYS)
def test_json_item_keys_are_pinned(run: Run, name: str) -> None:
    field, keys = ITEM_KEYS[name]
    items = envelope(run, builtin(name))["data"][field]
    assert items and all(set(item) == keys for item in items)


def test_json_show_used_for_items_are_pinned(run: Run) -> None:
    uses = envelope(run, builtin("show"))["data"]["used_for"]
    assert uses and all(set(u) == {"condition", "note", "caveats", "evidence"} for u in uses)


def test_json_services_are_pinned(run: Run) -> None:
    regions = envelope(run, builtin("crisis"))["data"]["regions"]
    services = [service for region in regions for service in region["services"]]
    keys = {"name", "contact", "url", "regions", "details"}
    assert services and all(set(s) == keys for s in services)


def test_json_statements_carry_text_sources_and_citation_numbers(run: Run) -> None:
    sections = envelope(run, ["show", "psychodynamic"])["data"]["sections"]
    statement = sections[0]["statements"][0]
    assert set(statement) == STATEMENT_KEYS
    assert statement["sources"] == ["source-article"] and statement["citations"] == [1]


def test_json_has_no_colour_codes_even_when_colour_is_forced(run: Run) -> None:
    out = run("--color", "always", "show", "psychodynamic", "--format", "json").stdout
    assert "\x1b" not in out
    json.loads(out)


@pytest.mark.parametrize("name", ERRORS)
def test_json_errors_are_envelopes_with_their_exit_codes(run: Run, name: str) -> None:
    args, code = ERRORS[name]
    result = run(*filled(args), "--format", "json")
    assert result.exit_code == code
    data = json.loads(result.stdout)
    assert set(data) == {"schema_version", "command", "error", "disclaimer"}
    assert data["command"] == args[0]
    assert set(data["error"]) == {"code", "message", "hints"}
    assert data["error"]["code"] == code


def test_json_error_for_a_bad_knowledge_base_is_an_envelope_with_exit_3(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    result = run("--data", str(kb_file("schema_version: 1\ntherapies: 7\n")), "list", "-f", "json")
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["code"] == 3 and "extra.yaml" in error["message"]


def test_json_escapes_non_ascii_so_any_encoding_can_carry_it(run: Run) -> None:
    out = run("show", "psychodynamic", "--format", "json").stdout
    assert out.isascii() and "\\u2013" in out  # an en dash, escaped
    assert "–" in json.dumps(json.loads(out), ensure_ascii=False)


@pytest.mark.parametrize("name", COMMANDS)
def test_markdown_ends_with_the_disclaimer(run: Run, name: str) -> None:
    out = run(*builtin(name), "--format", "markdown").stdout
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


@pytest.mark.parametrize("name", COMMANDS)
def test_every_markdown_answer_starts_with_a_heading(run: Run, name: str) -> None:
    out = run(*builtin(name), "--format", "markdown").stdout
    if name in ("guide", "guide-condition"):  # the guide's first line points to urgent help
        pointer, out = out.split("\n\n", 1)
        assert "therapy crisis" in pointer or "116 123" in pointer
    assert out.startswith("# ")
