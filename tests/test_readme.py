"""The README's example outputs are what the commands print; `pytest --update-golden` rewrites them.

Each example is marked `<!-- example: therapy ARGS -->` before its code block, optionally
`(stderr)` for a message on stderr, or `(head N)` for the first N lines followed by `...`.
The trailing disclaimer is left out of every example (the README says so once).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import Run
from therapy_cli.errors import ExitCode

README = Path(__file__).parents[1] / "README.md"
EXAMPLE = re.compile(
    r"<!-- example(?: \((?P<mode>[^)]*)\))?: therapy (?P<args>[^\n]+?) -->\n"
    r"(?P<before>.*?```text\n)(?P<body>.*?)```",
    re.S,
)
COLUMNS = "90"


def examples() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    return [(m.group("mode") or "", m.group("args")) for m in EXAMPLE.finditer(text)]


def printed(run: Run, mode: str, args: str) -> str:
    result = run(*shlex.split(args), env={"COLUMNS": COLUMNS})
    if mode == "stderr":
        return result.stderr
    out = result.stdout
    if "\n---\n" in out:
        out = out[: out.rfind("\n---\n")].rstrip("\n") + "\n"
    if mode.startswith("head "):
        out = "".join(out.splitlines(keepends=True)[: int(mode.split()[1])]) + "...\n"
    return out


def test_the_readme_has_examples() -> None:
    assert len(examples()) >= 6


@pytest.mark.parametrize(("mode", "args"), examples(), ids=lambda value: value or "stdout")
def test_readme_example_matches_what_the_command_prints(
    run: Run, update_golden: bool, mode: str, args: str
) -> None:
    expected = printed(run, mode, args)
    text = README.read_text(encoding="utf-8")
    match = next(
        m
        for m in EXAMPLE.finditer(text)
        if (m.group("mode") or "", m.group("args")) == (mode, args)
    )
    if update_golden:
        text = text[: match.start("body")] + expected + text[match.end("body") :]
        README.write_text(text, encoding="utf-8")
        return
    assert match.group("body") == expected


def test_the_readme_documents_every_exit_code_and_no_other() -> None:
    table = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert documented == {int(code) for code in ExitCode}
