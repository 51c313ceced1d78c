"""The installed `therapy` script, run as a user runs it: a separate process, another folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("force_color", ["", "1"])
def test_ascii_stand_ins_are_measured_so_no_line_overruns_the_width(
    tmp_path: Path, width: int, force_color: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    env.update(PYTHONIOENCODING="ascii", NO_COLOR="1", COLUMNS=str(width), FORCE_COLOR=force_color)
    args = ["--no-pager", "guide", "--no-input", "-c", "depression", "-r", "england"]
    result = subprocess.run(
        [str(SCRIPT), *args], cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False
    )
    assert b"GBP" in result.stdout  # the pound sign, which ASCII lacks, is in the content
    lines = result.stdout.decode("ascii").splitlines()
    assert [line for line in lines if len(line) > width and "http" not in line] == []


def test_an_ascii_only_terminal_gets_tables_drawn_in_ascii(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="ascii", COLUMNS="100", FORCE_COLOR="1", NO_COLOR="1")
    result = subprocess.run(
        [str(SCRIPT), "compare", "cbt", "act"],
        cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert b"+---" in result.stdout and b"| Basis" in result.stdout
    assert b"?" not in result.stdout.split(b"References")[0].replace(b"?)", b"")


def run_script(args: list[str], cwd: Path, **streams: Any) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPATH")}
    env.update(NO_COLOR="1", COLUMNS="100", HOME=str(cwd))
    env.update(streams.pop("env", {}))
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, timeout=60, check=False, **streams
    )


def test_a_closed_stdout_is_exit_74_with_a_message(tmp_path: Path) -> None:
    result = run_script(["list"], tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                        pass_fds=(), preexec_fn=lambda: os.close(1))  # fmt: skip
    assert result.returncode == 74
    assert b"standard output is closed" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["show", "--help"], ["show", "psychodynamic"]])
def test_a_reader_that_leaves_after_one_line_is_no_error(tmp_path: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPATH")}
    env.update(NO_COLOR="1", COLUMNS="100", HOME=str(tmp_path))
    script = subprocess.Popen([str(SCRIPT), *args], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert script.stdout is not None and script.stderr is not None
    script.stdout.readline()
    script.stdout.close()  # as `| head -1` does
    assert script.wait(timeout=60) == 0
    assert b"Traceback" not in script.stderr.read()


def test_a_closed_stderr_does_not_fail_a_command_that_worked(tmp_path: Path) -> None:
    result = run_script(["list"], tmp_path, stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
    assert result.returncode == 0 and result.stdout.startswith(b"psychodynamic\t")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("output", [[], ["--format", "json"]])
def test_a_full_disk_is_reported_as_such(tmp_path: Path, output: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = run_script(["show", "cbt", *output], tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 74
    assert b"No space left on device" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("args", [["--help"], ["show", "-h"], []])
def test_help_prints_in_any_encoding(tmp_path: Path, encoding: str, args: list[str]) -> None:
    result = run_script(args, tmp_path, capture_output=True, env={"PYTHONIOENCODING": encoding})
    assert result.returncode in (0, 2)  # bare `therapy` shows help as a usage error, like git
    assert b"Usage: therapy" in result.stdout + result.stderr
    assert b"internal error" not in result.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_is_valid_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    result = run_script(
        ["show", "cbt", "-f", "json"], tmp_path, capture_output=True,
        env={"PYTHONIOENCODING": encoding},
    )  # fmt: skip
    assert result.returncode == 0
    assert "£40" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_a_json_error_to_a_closed_stdout_is_exit_74(tmp_path: Path) -> None:
    result = run_script(["show", "nope", "-f", "json"], tmp_path, stderr=subprocess.PIPE,
                        preexec_fn=lambda: os.close(1))  # fmt: skip
    assert result.returncode == 74 and b"internal error" not in result.stderr


def test_closed_stdout_and_stderr_together_are_exit_74(tmp_path: Path) -> None:
    def close_both() -> None:
        os.close(1)
        os.close(2)

    assert run_script(["list"], tmp_path, preexec_fn=close_both).returncode == 74


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["show", "--help"]])
def test_help_to_a_full_disk_is_exit_74(tmp_path: Path, args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = run_script(args, tmp_path, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 74
    assert b"No space left on device" in result.stderr and b"internal error" not in result.stderr
