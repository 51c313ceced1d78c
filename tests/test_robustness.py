"""Property-based: no command line and no knowledge-base file ends in a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import CLEAN_ENV
from therapy_cli.cli import app

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3}
WORDS = [
    "list",
    "show",
    "compare",
    "conditions",
    "sessions",
    "refs",
    "search",
    "crisis",
    "find-therapist",
    "paths",
    "validate",
    "--section",
    "--sources",
    "--region",
    "--therapy",
    "--format",
    "--color",
    "--no-color",
    "--help",
    "--version",
    "uk",
    "psychodynamic",
    "STPP",
    "OCD",
    "bibtex",
    "json",
    "effectiveness",
    "-",
    "--",
    "",
]
runner = CliRunner()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=5))
def test_random_command_lines_end_in_a_documented_exit_code(args: list[str]) -> None:
    result = runner.invoke(app, args, env=CLEAN_ENV)
    assert result.exit_code in DOCUMENTED_EXIT_CODES, (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), args


VALID_OVERLAY: dict[str, Any] = {
    "schema_version": 1,
    "references": [
        {
            "id": "my-page",
            "kind": "web",
            "title": "My page",
            "url": "https://example.org",
            "accessed": "2026-11-25",
        }
    ],
    "conditions": [{"id": "worry", "name": "Worry", "synonyms": ["fretting"]}],
    "therapies": [
        {
            "id": "walk-and-talk",
            "name": "Walk and talk",
            "aliases": ["WAT"],
            "summary": {"text": "A session held while walking.", "sources": ["my-page"]},
            "sessions": {
                "typical": {"min": 1, "max": 6, "text": "One to six.", "sources": ["my-page"]}
            },
            "used_for": [
                {
                    "condition": "worry",
                    "note": {"text": "Offered for worry.", "sources": ["my-page"]},
                }
            ],
            "sections": {"overview": [{"text": "Outdoors.", "sources": ["my-page"]}]},
        }
    ],
}
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=2),
    st.just({}),
)


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_in(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_in(child, (*prefix, index))
    return found


def mutate(data: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    copy = yaml.safe_load(yaml.safe_dump(data))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return copy


@settings(
    max_examples=25,  # each example parses the whole built-in file; fuzz_loader.py goes deeper
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.sampled_from(paths_in(VALID_OVERLAY)), SCALARS, st.booleans())
def test_mutated_knowledge_bases_load_or_fail_with_a_message(
    tmp_path: Path, path: tuple[Any, ...], new: Any, delete: bool
) -> None:
    mutated = mutate(VALID_OVERLAY, path, new, delete and bool(path))
    file = tmp_path / "mutated.yaml"
    file.write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["--data", str(file), "show", "WAT"], env=CLEAN_ENV)
    assert result.exit_code in {0, 1, 3}, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 3:
        assert result.stderr.startswith("therapy: ")


def test_the_fuzz_target_accepts_hostile_documents() -> None:
    from fuzz_loader import check

    for document in (b"", b"\xff\xfe", b"a: &a [*a, *a]\n", b"schema_version: 1\n" * 3):
        check(document)
