"""Users' own knowledge bases: where they are read from, in what order, and `validate`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from conftest import Run

OVERLAY = """schema_version: 1
therapies:
  - id: psychodynamic
    name: {name}
    summary: {{text: Replaced summary., sources: [source-article]}}
"""


def overlay(kb_file: Callable[[str, str], Path], name: str) -> Path:
    return kb_file(OVERLAY.format(name=name), f"{name}.yaml")


def shown_name(run: Run, *args: str, env: dict[str, str | None] | None = None) -> str:
    return run(*args, "show", "psychodynamic", env=env).stdout.splitlines()[0]


def test_the_user_folder_adds_to_the_builtin_knowledge_base(
    run: Run, isolated_user_config: Path
) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "clinic.yaml").write_text(OVERLAY.format(name="From folder"))
    assert shown_name(run) == "From folder"


def test_therapy_data_lists_files_that_override_the_user_folder(
    run: Run, isolated_user_config: Path, kb_file: Callable[[str, str], Path]
) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "clinic.yaml").write_text(OVERLAY.format(name="From folder"))
    first, second = overlay(kb_file, "First"), overlay(kb_file, "Second")
    env: dict[str, str | None] = {"THERAPY_DATA": os.pathsep.join([str(first), str(second)])}
    assert shown_name(run, env=env) == "Second"


def test_data_option_overrides_therapy_data(run: Run, kb_file: Callable[[str, str], Path]) -> None:
    env: dict[str, str | None] = {"THERAPY_DATA": str(overlay(kb_file, "FromEnv"))}
    assert shown_name(run, "--data", str(overlay(kb_file, "FromOption")), env=env) == "FromOption"


def test_paths_prints_the_files_in_the_order_read(
    run: Run, isolated_user_config: Path, kb_file: Callable[[str, str], Path]
) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "b.yaml").write_text(OVERLAY.format(name="B"))
    (isolated_user_config / "a.yaml").write_text(OVERLAY.format(name="A"))
    env = {"THERAPY_DATA": str(overlay(kb_file, "Env"))}
    lines = run("--data", str(overlay(kb_file, "Opt")), "paths", env=env).stdout.splitlines()
    origins = [line.split("\t")[1] for line in lines[:5]]
    assert origins == ["built-in", "user folder", "user folder", "THERAPY_DATA", "--data"]
    assert lines[1].endswith("a.yaml") and lines[2].endswith("b.yaml")


def test_validate_reports_a_valid_set_in_one_line(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("Valid: 1 file, ")


def test_validate_checks_named_files_on_top_of_the_builtin_one(
    run: Run, kb_file: Callable[[str, str], Path]
) -> None:
    result = run("validate", str(overlay(kb_file, "Mine")))
    assert result.exit_code == 0
    assert result.stdout.startswith("Valid: 2 files, ")


def test_validate_reports_every_problem_in_every_file_and_exits_3(
    run: Run, kb_file: Callable[[str, str], Path]
) -> None:
    bad_one = kb_file("schema_version: 1\nconditions:\n  - id: x\n", "one.yaml")
    bad_two = kb_file("schema_version: 1\nthrapies: []\n", "two.yaml")
    result = run("validate", str(bad_one), str(bad_two))
    assert result.exit_code == 3
    assert "one.yaml:3: conditions[x].name: missing required field 'name'" in result.stderr
    assert "two.yaml:2: thrapies: unknown field 'thrapies'; did you mean 'therapies'?" in (
        result.stderr
    )


def test_validate_named_files_ignores_a_broken_user_folder(
    run: Run, isolated_user_config: Path, kb_file: Callable[[str, str], Path]
) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "broken.yaml").write_text("schema_version: [")
    assert run("list").exit_code == 3
    assert run("validate", str(overlay(kb_file, "Mine"))).exit_code == 0
