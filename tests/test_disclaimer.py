"""The disclaimer ends the output of every command that succeeds."""

from __future__ import annotations

import pytest

from conftest import Run
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

COMMANDS = [
    ["list"],
    ["show", "psychodynamic"],
    ["show", "psychoanalytic", "--section", "overview"],
    ["show", "STPP", "--sources"],
    ["compare"],
    ["compare", "psychodynamic"],
    ["conditions"],
    ["conditions", "depression"],
    ["sessions"],
    ["sessions", "psychodynamic"],
    ["refs"],
    ["refs", "--therapy", "psychodynamic"],
    ["search", "Freud"],
    ["crisis"],
    ["crisis", "--region", "international"],
    ["find-therapist"],
    ["find-therapist", "--region", "us"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_output_ends_with_the_disclaimer(run: Run, args: list[str]) -> None:
    disclaimer = " ".join(load([builtin_path()]).disclaimer.split())
    result = run(*args)
    assert result.exit_code == 0
    assert " ".join(result.stdout.split()).endswith(disclaimer)


def test_the_disclaimer_points_to_the_crisis_command(run: Run) -> None:
    assert "therapy crisis" in load([builtin_path()]).disclaimer
