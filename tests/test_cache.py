"""The parse cache: only ever a copy, reused while files are unchanged, never in the way."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run
from therapy_cli.kb import cache
from therapy_cli.kb.files import builtin_path

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
    assert len(list(cache_dir.glob("kb-*.json"))) == 1
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
    for file in cache_dir.glob("kb-*.json"):
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
    assert list(cache_dir.glob("kb-*.json"))
    assert run(*args).stdout == first


def forge_crisis_number(cache_file: Path) -> None:
    """Rewrite a cache entry so that it would show a fake Samaritans number if trusted."""
    text = cache_file.read_text(encoding="utf-8")
    cache_file.write_text(text.replace("116 123", "999 999"), encoding="utf-8")


def test_a_cache_folder_others_can_write_to_is_never_read(run: Run, cache_dir: Path) -> None:
    run("crisis")
    (entry,) = cache_dir.glob("kb-*.json")
    forge_crisis_number(entry)
    cache_dir.chmod(0o777)
    out = run("crisis").stdout
    assert "116 123" in out and "999 999" not in out


def test_a_cache_file_others_can_write_to_is_never_read(run: Run, cache_dir: Path) -> None:
    run("crisis")
    (entry,) = cache_dir.glob("kb-*.json")
    forge_crisis_number(entry)
    entry.chmod(0o666)
    assert "999 999" not in run("crisis").stdout


def test_a_planted_pickle_is_never_loaded(run: Run, cache_dir: Path, tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (open, (str(marker), "w"))

    run("list")
    (entry,) = cache_dir.glob("kb-*.json")
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(Payload()))
    entry.write_bytes(pickle.dumps(Payload()))
    assert run("list").exit_code == 0
    assert not marker.exists()


def test_an_edit_that_keeps_size_and_time_is_seen(
    run: Run, cache_dir: Path, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(OVERLAY.format(name="Version AAA"))
    assert first_line(run, "--data", str(path)) == "Version AAA"
    stamp = path.stat()
    path.write_text(OVERLAY.format(name="Version BBB"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert first_line(run, "--data", str(path)) == "Version BBB"


def test_an_edit_past_the_first_read_chunk_is_seen(
    run: Run, cache_dir: Path, kb_file: Callable[[str], Path]
) -> None:
    padding = "# " + "x" * cache.CHUNK_BYTES + "\n"  # the name lies beyond the first chunk
    path = kb_file(padding + OVERLAY.format(name="Version AAA"))
    assert first_line(run, "--data", str(path)) == "Version AAA"
    stamp = path.stat()
    path.write_text(padding + OVERLAY.format(name="Version BBB"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert first_line(run, "--data", str(path)) == "Version BBB"


def test_validate_sees_a_file_made_invalid_without_changing_its_size_or_time(
    run: Run, cache_dir: Path, kb_file: Callable[[str], Path]
) -> None:
    path = kb_file(OVERLAY.format(name="Valid"))
    assert run("validate", str(path)).exit_code == 0
    stamp = path.stat()
    path.write_text(OVERLAY.format(name="Valid").replace("sources", "sourcez"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert run("validate", str(path)).exit_code == 3


@pytest.mark.parametrize("setting", [" ", "0", "off", "cache", "./cache"])
def test_a_cache_setting_that_is_not_an_absolute_path_turns_it_off(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("THERAPY_CACHE_DIR", setting)
    assert run("list").exit_code == 0
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(self: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.load([builtin_path()])
    assert list(cache_dir.iterdir()) == []


def test_abandoned_temporary_files_and_old_formats_are_removed(run: Run, cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    abandoned, old = cache_dir / ".kb-1234.tmp", cache_dir / "kb-00000000.pickle"
    for path in (abandoned, old):
        path.write_bytes(b"x")
        os.utime(path, (1, 1))
    run("list")
    assert not abandoned.exists() and not old.exists()


def test_only_the_newest_entries_are_kept(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    for number in range(cache.KEEP + 5):
        entry = cache_dir / f"kb-{number:08x}.json"
        entry.write_text("{}", encoding="utf-8")
        os.utime(entry, (number + 1000, number + 1000))
    cache.load([builtin_path()])
    kept = {p.name for p in cache_dir.glob("kb-*.json")}
    assert len(kept) == cache.KEEP
    assert "kb-00000000.json" not in kept


@pytest.mark.parametrize("damage", [b"\xff{{{{", b"[1, 2]", b""])
def test_damaged_details_in_a_cache_entry_fall_back_to_the_files(
    run: Run, cache_dir: Path, damage: bytes
) -> None:
    expected = run("show", "psychodynamic").stdout
    (entry,) = cache_dir.glob("kb-*.json")
    header, _, rest = entry.read_bytes().partition(b"\n")
    entry.write_bytes(header + b"\n" + damage + rest[len(damage) :] if damage else header + b"\n")
    result = run("show", "psychodynamic")
    assert result.exit_code == 0, result.output
    assert result.stdout == expected
    assert not entry.exists() or entry.read_bytes().partition(b"\n")[2] == rest  # rewritten


def test_a_fifo_in_the_cache_folder_never_makes_a_run_wait(run: Run, cache_dir: Path) -> None:
    run("list")
    (entry,) = cache_dir.glob("kb-*.json")
    entry.unlink()
    os.mkfifo(entry)
    started = time.monotonic()
    assert "116 123" in run("crisis").stdout
    assert time.monotonic() - started < 5
