"""The parse cache: only ever a copy, reused while files are unchanged, never in the way."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

OVERLAY = """schema_version: 1
therapies:
  - id: psychodynamic
    name: {name}
    summary: {{text: Replaced., sources: [source-article]}}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("THERAPY_CACHE_DIR", str(folder))
    return folder


def first_line(run: Run, *args: str) -> str:
    return run(*args, "show", "psychodynamic").stdout.splitlines()[0]


def test_a_run_writes_one_cache_file(run: Run, cache_dir: Path) -> None:
    assert run("list").exit_code == 0
    assert len(list(cache_dir.glob("kb-*.pickle"))) == 1
    assert not list(cache_dir.glob(".kb-*"))  # no temporary file left behind


def test_a_changed_file_is_read_again(
    run: Run, cache_dir: Path, kb_file: Callable[[str, str], Path]
) -> None:
    path = kb_file(OVERLAY.format(name="Before"), "mine.yaml")
    assert first_line(run, "--data", str(path)) == "Before"
    path.write_text(OVERLAY.format(name="After and longer"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert first_line(run, "--data", str(path)) == "After and longer"


def test_a_corrupt_cache_file_is_ignored(run: Run, cache_dir: Path) -> None:
    run("list")
    for file in cache_dir.glob("kb-*.pickle"):
        file.write_bytes(b"not a pickle at all")
    assert first_line(run) == "Psychodynamic psychotherapy"


def test_an_unwritable_cache_folder_only_costs_speed(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("THERAPY_CACHE_DIR", str(blocker / "cache"))
    assert first_line(run) == "Psychodynamic psychotherapy"


def test_an_empty_cache_setting_turns_the_cache_off(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THERAPY_CACHE_DIR", "")
    assert first_line(run) == "Psychodynamic psychotherapy"


def test_an_invalid_file_is_never_cached(
    run: Run, cache_dir: Path, kb_file: Callable[[str, str], Path]
) -> None:
    path = kb_file("schema_version: [\n", "broken.yaml")
    assert run("--data", str(path), "list").exit_code == 3
    assert run("--data", str(path), "list").exit_code == 3


@pytest.mark.parametrize(
    "args",
    [
        ["show", "psychodynamic"],
        ["compare"],
        ["conditions"],
        ["conditions", "depression"],
        ["search", "depression"],
        ["sessions"],
        ["refs", "--therapy", "cbt"],
        ["list"],
    ],
    ids=" ".join,
)
def test_a_cached_run_prints_what_the_first_run_printed(
    run: Run, cache_dir: Path, args: list[str]
) -> None:
    first = run(*args).stdout
    assert list(cache_dir.glob("kb-*.pickle"))
    assert run(*args).stdout == first
