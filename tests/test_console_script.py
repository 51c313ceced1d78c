"""The installed `therapy` script, run as a user runs it: a separate process, another folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "therapy"
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")


def therapy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPATH")}
    env.update(NO_COLOR="1", COLUMNS="100", HOME=str(cwd))
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_installed_script_shows_a_therapy_from_any_folder(tmp_path: Path) -> None:
    result = therapy("show", "psychodynamic", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Psychodynamic psychotherapy")
    assert "not a substitute" in " ".join(result.stdout.split()[-60:])


def test_installed_script_reports_unknown_names_without_a_traceback(tmp_path: Path) -> None:
    result = therapy("show", "nonsense", cwd=tmp_path)
    assert result.returncode == 1
    assert "no therapy called 'nonsense'" in result.stderr
    assert "Traceback" not in result.stderr


def test_installed_script_exits_3_for_a_broken_knowledge_base(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: [\n", encoding="utf-8")
    result = therapy("--data", str(broken), "list", cwd=tmp_path)
    assert result.returncode == 3
    assert "broken.yaml:2" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "therapy_cli", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("therapy ")


def test_an_ascii_only_terminal_gets_ascii_stand_ins_not_a_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    env.update(PYTHONIOENCODING="ascii", NO_COLOR="1", COLUMNS="100")
    result = subprocess.run(
        [str(SCRIPT), "list"], cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert b"6-16" in result.stdout
    assert b"Traceback" not in result.stderr


def test_an_ascii_only_terminal_gets_tables_drawn_in_ascii(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii", COLUMNS="100", FORCE_COLOR="1", NO_COLOR="1")
    result = subprocess.run(
        [str(SCRIPT), "compare", "cbt", "act"],
        cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert b"+---" in result.stdout and b"| Basis" in result.stdout
    assert b"?" not in result.stdout.split(b"References")[0].replace(b"?)", b"")
