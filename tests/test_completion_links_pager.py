"""Shell completion (through Typer's completion protocol), terminal hyperlinks and the pager."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLEAN_ENV, Run
from therapy_cli.cli import app
from therapy_cli.render import emit as output


def complete(words: str) -> str:
    env = {**CLEAN_ENV, "_THERAPY_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words}
    return CliRunner().invoke(app, [], env=env, prog_name="therapy").stdout


def test_completes_commands() -> None:
    assert '"find-therapist"' in complete("therapy fi")


def test_completes_therapy_names_and_aliases() -> None:
    out = complete("therapy show ST")
    assert '"STPP":"Psychodynamic psychotherapy"' in out


def test_completes_conditions_and_synonyms() -> None:
    out = complete("therapy conditions post")
    assert '"post-traumatic stress":"Post-traumatic stress disorder"' in out
    assert '"Post-traumatic stress disorder"' in complete("therapy conditions Post")


def test_completes_section_ids() -> None:
    assert '"effectiveness"' in complete("therapy show psychodynamic --section eff")


def test_completes_regions() -> None:
    out = complete("therapy crisis --region ")
    assert '"uk":"United Kingdom"' in out and '"international"' in out


def test_urls_are_hyperlinks_when_colour_is_on(run: Run) -> None:
    out = run("--color", "always", "crisis", "--region", "uk").stdout
    assert "\x1b]8;" in out and "https://www.samaritans.org" in out


def test_urls_are_plain_when_colour_is_off(run: Run) -> None:
    out = run("--color", "never", "crisis", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b]8;" not in out and "https://www.samaritans.org" in out


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)


def pager_into(path: Path) -> str:
    return f"{sys.executable} -c \"import sys; open({str(path)!r}, 'w').write(sys.stdin.read())\""


def test_long_output_goes_through_the_pager(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAGER", pager_into(tmp_path / "paged"))
    output.page("line\n" * 50, allowed=True, height=24)
    assert (tmp_path / "paged").read_text() == "line\n" * 50


def test_short_output_is_not_paged(
    terminal: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PAGER", pager_into(tmp_path / "paged"))
    output.page("short\n", allowed=True, height=24)
    assert not (tmp_path / "paged").exists()


def test_no_pager_prints_directly(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PAGER", pager_into(tmp_path / "paged"))
    output.page("line\n" * 50, allowed=False, height=24)
    assert not (tmp_path / "paged").exists()


def test_a_missing_pager_falls_back_to_printing(
    terminal: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PAGER", "no-such-pager-anywhere")
    output.page("line\n" * 50, allowed=True, height=24)
    assert capsys.readouterr().out == "line\n" * 50


def test_piped_output_is_never_paged(run: Run, tmp_path: Path) -> None:
    result = run("show", "psychodynamic", env={"PAGER": pager_into(tmp_path / "paged")})
    assert result.exit_code == 0 and not (tmp_path / "paged").exists()


def test_the_pager_runs_through_the_shell_with_less_set_to_frx(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setenv("PAGER", f'echo "$LESS" > {tmp_path / "less"}; cat > /dev/null')
    output.page("line\n" * 50, allowed=True, height=24)
    assert (tmp_path / "less").read_text().strip() == "FRX"


def test_ctrl_c_while_the_pager_runs_is_left_to_the_pager(tmp_path: Path) -> None:
    program = (
        "import os, sys\n"
        "from therapy_cli.render import emit\n"
        "sys.stdout.isatty = lambda: True\n"
        f"os.environ['PAGER'] = 'kill -INT $PPID; cat > {tmp_path / 'paged'}'\n"
        "emit.page('line\\n' * 50, allowed=True, height=24)\n"
        "print('still running')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "still running" in result.stdout
    assert (tmp_path / "paged").read_text() == "line\n" * 50
