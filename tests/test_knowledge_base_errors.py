"""A bad knowledge-base file gives its name, line and fault, and exit 3; never a traceback."""

from __future__ import annotations

import ast
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, Run
from therapy_cli.kb.load import TOP_LEVEL_KEYS
from therapy_cli.kb.model import DERIVED_SECTION_IDS, SECTION_IDS, Reference, Sessions

INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def expected_message(path: Path) -> str:
    first_line = path.read_bytes().split(b"\n", 1)[0].decode("ascii")
    return first_line.removeprefix("# expect: ")


def load_error(run: Run, path: Path) -> str:
    """What loading `path` as an overlay printed; it must fail with exit 3."""
    result = run("--data", str(path), "list")
    assert result.exit_code == 3, result.output
    return result.stderr


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_exits_3_with_its_message(run: Run, path: Path) -> None:
    started = time.monotonic()
    result = run("--data", str(path), "list")
    assert result.exit_code == 3, result.output
    assert expected_message(path) in result.stderr.replace(str(path.parent) + "/", "")
    assert "Traceback" not in result.output
    assert time.monotonic() - started < 5, "a hostile file must not make loading hang"


def test_missing_file_is_named(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nope.yaml"), "list")
    assert result.exit_code == 3
    assert "nope.yaml: no such file" in result.stderr


def test_folder_is_refused(run: Run, tmp_path: Path) -> None:
    result = run("--data", str(tmp_path), "list")
    assert result.exit_code == 3
    assert "is a folder" in result.stderr


def test_every_problem_is_reported_at_once(run: Run, kb_file: Callable[[str], Path]) -> None:
    path = kb_file(
        "schema_version: 1\n"
        "therapies:\n"
        "  - id: a\n"
        "    name: A\n"
        "    summary: {text: x}\n"
        "    colour: red\n"
    )
    stderr = run("--data", str(path), "list").stderr
    assert "2 problems" in stderr
    assert "unsourced statement" in stderr
    assert "unknown field 'colour'" in stderr


OUR_CONDITION = "schema_version: 1\nconditions:\n  - id: our-condition\n    name: Our condition\n"


def test_an_unknown_see_also_is_named_with_its_line_and_the_nearest_id(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(OUR_CONDITION + "    see_also:\n      - ptsdd\n")
    assert (
        f"{path}:6: conditions[our-condition].see_also[0]: no condition has the id 'ptsdd'; "
        "did you mean 'ptsd'?"
    ) in load_error(run, path)


def test_a_condition_cannot_be_its_own_see_also(run: Run, kb_file: Callable[[str], Path]) -> None:
    path = kb_file(OUR_CONDITION + "    see_also: [our-condition]\n")
    message = f"{path}:5: conditions[our-condition].see_also: a condition cannot be its own"
    assert message in load_error(run, path)


def test_a_valid_overlay_adds_a_therapy(run: Run, kb_file: Callable[[str], Path]) -> None:
    path = kb_file(
        "schema_version: 1\n"
        "therapies:\n"
        "  - id: local-group\n"
        "    name: Local support group\n"
        "    summary: {text: A weekly group run by a local charity., sources: [source-article]}\n"
    )
    result = run("--data", str(path), "list")
    assert result.exit_code == 0
    assert "Local support group" in result.stdout


def test_an_overlay_entry_replaces_the_builtin_one_with_its_id(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(
        "schema_version: 1\n"
        "therapies:\n"
        "  - id: psychodynamic\n"
        "    name: Psychodynamic psychotherapy (local edition)\n"
        "    summary: {text: Our own summary., sources: [source-article]}\n"
    )
    out = run("--data", str(path), "show", "psychodynamic").stdout
    assert out.startswith("Psychodynamic psychotherapy (local edition)\n")
    assert "Our own summary." in out
    assert "Sigmund Freud" not in out


def test_the_documented_example_file_loads(run: Run, kb_file: Callable[[str], Path]) -> None:
    doc = (Path(__file__).parents[1] / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    example = doc.split("## A complete small file", 1)[1].split("```yaml\n", 1)[1].split("```")[0]
    result = run("--data", str(kb_file(example)), "show", "ECSG")
    assert result.exit_code == 0, result.stderr
    assert "Example Clinic support group" in result.stdout


def test_markup_and_control_characters_in_content_print_as_plain_text(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(
        "schema_version: 1\n"
        "therapies:\n"
        "  - id: tricky\n"
        "    name: Tricky therapy\n"
        '    summary: {text: "[bold]Not bold[/bold] \\e[31mred\\a \\u202Eevil", '
        "sources: [source-article]}\n"
    )
    out = run("--data", str(path), "show", "tricky").stdout
    assert "[bold]Not bold[/bold] [31mred evil" in out
    assert "\x1b" not in out and "\a" not in out and "\u202e" not in out


def accepted_fields() -> set[str]:
    """Every field name the loader accepts anywhere in a file."""
    source = (Path(__file__).parents[1] / "src/therapy_cli/kb/load.py").read_text(encoding="utf-8")
    named = {
        arg.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "allow"
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }
    sections = {s for s in SECTION_IDS if s not in DERIVED_SECTION_IDS}
    return named | set(TOP_LEVEL_KEYS) | set(Sessions._fields) | set(Reference._fields) | sections


@pytest.mark.parametrize("field", sorted(accepted_fields()))
def test_docs_describe_every_field_the_loader_accepts(field: str) -> None:
    doc = (Path(__file__).parents[1] / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    assert f"`{field}`" in doc


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_file_that_is_not_a_regular_file_is_refused_without_waiting(
    run: Run, tmp_path: Path, special: str
) -> None:
    if special == "fifo":
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
    else:
        path = Path(special)
    started = time.monotonic()
    result = run("--data", str(path), "list")
    assert result.exit_code == 3
    assert "is not a regular file" in result.stderr
    assert time.monotonic() - started < 5


def test_a_broken_link_in_the_user_folder_is_reported(run: Run, isolated_user_config: Path) -> None:
    isolated_user_config.mkdir(parents=True)
    (isolated_user_config / "gone.yaml").symlink_to(isolated_user_config / "missing.yaml")
    result = run("list")
    assert result.exit_code == 3
    assert "gone.yaml: no such file (a link to a file that does not exist)" in result.stderr


def test_an_overlay_alias_clash_is_reported_at_the_overlay_line(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(
        "schema_version: 1\n"
        "therapies:\n"
        "  - id: psychodynamic\n"
        "    name: Psychodynamic psychotherapy\n"
        "    aliases: [CBT]\n"
        "    summary: {text: Ours., sources: [source-article]}\n"
    )
    message = f"{path}:3: therapies[psychodynamic].aliases: 'CBT' also names therapy 'cbt'"
    assert message in load_error(run, path)


def test_an_unreadable_data_file_is_exit_3(
    run: Run, kb_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = kb_file("schema_version: 1\n", "locked.yaml")
    real_open = os.open

    def refuse(target: object, *args: int) -> int:
        if Path(str(target)) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("therapy_cli.kb.yamlfile.os.open", refuse)
    result = run("--data", str(path), "list")
    assert result.exit_code == 3
    assert "locked.yaml: permission denied" in result.stderr
