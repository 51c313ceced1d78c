"""Urgent help that nothing can break, and overlays that change it are always shown as such."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

BROKEN = "schema_version: 1\ntherapies: [oops\n"
LOCAL_LINE = """schema_version: 1
references:
  - {id: our-page, kind: web, title: Our line, url: https://example.org, accessed: 2026-01-01}
crisis:
  - id: uk
    name: United Kingdom
    services:
      - name: Example Clinic crisis line
        contact: Call 0000 000 000
        details: [{text: Our own line., sources: [our-page]}]
"""


@pytest.fixture
def broken(kb_file: Callable[..., Path]) -> Path:
    return kb_file(BROKEN, "broken.yaml")


def test_crisis_shows_the_builtin_numbers_when_a_data_file_is_broken(
    run: Run, broken: Path
) -> None:
    result = run("--data", str(broken), "crisis")
    assert result.exit_code == 0
    assert "116 123" in result.stdout
    assert "broken.yaml" in result.stdout.split("Warnings", 1)[1]


def test_crisis_shows_the_builtin_numbers_when_therapy_data_is_broken(
    run: Run, broken: Path
) -> None:
    result = run("crisis", env={"THERAPY_DATA": str(broken)})
    assert result.exit_code == 0 and "116 123" in result.stdout


def test_crisis_shows_the_builtin_numbers_when_the_user_folder_has_a_broken_file(
    run: Run, isolated_user_config: Path
) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("crisis")
    assert result.exit_code == 0
    assert "116 123" in result.stdout and "bad.yaml" in result.stdout


def test_crisis_shows_the_builtin_numbers_when_a_data_file_is_missing(
    run: Run, tmp_path: Path
) -> None:
    result = run("--data", str(tmp_path / "gone.yaml"), "crisis", "--region", "uk")
    assert result.exit_code == 0
    assert "116 123" in result.stdout and "gone.yaml: no such file" in result.stdout


def test_crisis_in_json_with_a_broken_file_has_the_numbers_and_a_warning(
    run: Run, broken: Path
) -> None:
    result = run("--data", str(broken), "crisis", "--format", "json")
    envelope = json.loads(result.stdout)
    assert result.exit_code == 0
    assert "116 123" in json.dumps(envelope["data"])
    assert any("broken.yaml" in warning for warning in envelope["warnings"])


def test_other_commands_still_refuse_a_broken_file(run: Run, broken: Path) -> None:
    assert run("--data", str(broken), "list").exit_code == 3


def test_an_error_that_stops_a_command_points_to_urgent_help(run: Run, broken: Path) -> None:
    result = run("--data", str(broken), "list")
    assert result.stderr.rstrip().endswith("therapy crisis")


def test_a_typo_also_points_to_urgent_help(run: Run) -> None:
    assert "therapy crisis" in run("show", "psychodynamc").stderr


def test_a_local_crisis_line_is_shown_with_a_warning_naming_its_file(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    result = run("--data", str(kb_file(LOCAL_LINE, "clinic.yaml")), "crisis", "--region", "uk")
    assert result.exit_code == 0
    assert "0000 000 000" in result.stdout
    assert "clinic.yaml" in result.stdout.split("Warnings", 1)[1]


def test_validate_reports_an_overlay_that_replaces_urgent_help(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    out = run("validate", str(kb_file(LOCAL_LINE, "clinic.yaml"))).stdout
    assert "United Kingdom are from" in " ".join(out.split())


def test_a_replaced_disclaimer_says_which_file_it_is_from(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    path = kb_file("schema_version: 1\ndisclaimer: Our own words. Run `therapy crisis`.\n")
    out = " ".join(run("--data", str(path), "list").stdout.split())
    assert out.endswith(f"[This disclaimer is from {path}, not the built-in one.]")


@pytest.mark.parametrize("invisible", ["\\e\\u200b", "\\u200b\\u2060", "\\u2063"])
def test_a_disclaimer_without_visible_text_is_refused(
    run: Run, kb_file: Callable[..., Path], invisible: str
) -> None:
    result = run("--data", str(kb_file(f'schema_version: 1\ndisclaimer: "{invisible}"\n')), "list")
    assert result.exit_code == 3
    assert "the disclaimer has no visible text" in result.stderr


def test_crisis_for_a_region_only_the_broken_file_had_shows_every_builtin_region(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    broken_region = (
        "schema_version: 1\ncrisis:\n  - id: ie\n    name: Ireland\n    services:\n"
        "      - name: Example\n        details: [{text: T., sources: [no-such-reference]}]\n"
    )
    result = run("--data", str(kb_file(broken_region, "ie.yaml")), "crisis", "--region", "ie")
    assert result.exit_code == 0
    assert "116 123" in result.stdout
    assert "There is no built-in region 'ie'" in " ".join(result.stdout.split())


def test_crisis_lists_every_uk_nation_s_own_line(run: Run) -> None:
    out = run("crisis", "--region", "uk").stdout
    for line in ("(England)", "NHS 24 on 111 (Scotland)", "press 2 (Wales)", "Lifeline (Northern"):
        assert line in out
