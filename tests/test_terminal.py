"""Terminals, pipes and signals: colour rules, plain output, any width, Ctrl-C, closed pipes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from command_list import COMMANDS, builtin
from conftest import Run
from therapy_cli import answers
from therapy_cli.render import ColorMode
from therapy_cli.render.emit import Display, display_for
from therapy_cli.render.wrap import cells

ANSI = "\x1b["
ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def test_color_always_colours_even_in_a_pipe(run: Run) -> None:
    assert ANSI in run("--color", "always", "list", env={"NO_COLOR": None}).stdout


def test_force_color_decorates_a_pipe(run: Run) -> None:
    out = run("list", env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert ANSI in out and "┏" in out


def test_no_color_wins_over_force_color(run: Run) -> None:
    out = run("list", env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert ANSI not in out
    assert "┏" in out  # still decorated: only the colour goes


@pytest.mark.parametrize("flag", [["--no-color"], ["--color", "never"]])
def test_no_color_flags_turn_colour_off(run: Run, flag: list[str]) -> None:
    out = run(*flag, "list", env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm"}).stdout
    assert ANSI not in out


def test_a_pipe_gets_one_record_per_line_without_decoration(run: Run) -> None:
    lines = run("list", env={"NO_COLOR": None}).stdout.splitlines()
    assert lines[0].startswith("psychodynamic\tPsychodynamic psychotherapy\t6–16\t")
    assert not any(ch in "".join(lines) for ch in "┏│━")


def test_term_dumb_is_plain(run: Run) -> None:
    assert "┏" not in run("list", env={"TERM": "dumb", "NO_COLOR": None}).stdout


@pytest.mark.parametrize("width", ["30", "400"])
@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_renders_at_any_width(run: Run, name: str, width: str) -> None:
    result = run("--color", "always", *builtin(name), env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    assert "general information" in result.stdout


@pytest.mark.parametrize("name", ["list", "compare-two", "paths"])
def test_a_table_too_wide_for_the_terminal_is_stacked_to_fit(run: Run, name: str) -> None:
    out = ESCAPES.sub("", run("--color", "always", *builtin(name), env={"COLUMNS": "30"}).stdout)
    assert "┏" not in out
    # Only a single word longer than the width (a URL, a path) may stick out.
    assert all(cells(line) <= 30 for line in out.splitlines() if " " in line.strip())


def test_never_takes_the_colour_but_a_terminal_keeps_its_borders() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    display = display_for(ColorMode.NEVER, Terminal(), {"TERM": "xterm"})
    assert display == Display(color=False, plain=False)


def test_the_color_option_help_says_borders_follow_the_terminal(run: Run) -> None:
    words = re.sub(r"[│╭╮╰╯─]", " ", run("--help").stdout).split()
    assert "Table borders follow the terminal" in " ".join(words)


def test_ctrl_c_during_a_command_exits_130(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(answers, "list_therapies", interrupted)
    result = run("list")
    assert result.exit_code == 130


def test_ctrl_c_during_start_up_exits_130_without_a_traceback(tmp_path: Path) -> None:
    program = (
        "import builtins\n"
        "real = builtins.__import__\n"
        "def interrupt(name, *args, **kwargs):\n"
        "    if name == 'typer':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupt\n"
        "from therapy_cli.__main__ import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 130
    assert "Traceback" not in result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    command = f"'{sys.executable}' -m therapy_cli refs | head -1"
    result = subprocess.run(
        ["sh", "-c", command], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


@given(st.text(alphabet=st.sampled_from("ab c\n"), max_size=200), st.integers(1, 40))
def test_wrapping_keeps_every_word_and_respects_the_width(value: str, width: int) -> None:
    from therapy_cli.render.wrap import line_breaks

    lines = [value[start:end] for start, end in line_breaks(value, width)]
    assert " ".join(lines).split() == value.split()
    assert all(len(line) <= width or " " not in line for line in lines)


def test_the_evidence_matrix_is_split_into_panels_that_fit_80_columns(
    run: Run, tmp_path: Path
) -> None:
    overlay = tmp_path / "many.yaml"
    subprocess.run(
        [sys.executable, str(Path(__file__).parents[1] / "benchmarks" / "generate.py"),
         "80", str(overlay)],
        check=True, capture_output=True,
    )  # fmt: skip
    out = run("--data", str(overlay), "conditions", env={"COLUMNS": "80"}).stdout
    matrix = out.split("\nKey\n")[0]
    assert "Therapies 97–102" in matrix
    assert max(cells(line) for line in matrix.splitlines()) <= 80
    header = matrix.split("Therapies 97–102\n")[1].splitlines()[:3]
    assert [line.split()[0] for line in header] == ["1", "9", "7"]  # 97, then 98... downwards


def test_paths_fits_80_columns_on_a_terminal(run: Run) -> None:
    out = ESCAPES.sub("", run("--color", "always", "paths", env={"COLUMNS": "80"}).stdout)
    assert all(cells(line) <= 80 for line in out.splitlines() if " " in line.strip())
