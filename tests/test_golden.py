"""Golden output: every command in every format, from a small made-up knowledge base.

`pytest --update-golden` rewrites tests/golden/ from what the code prints now; review the diff.
Plain and terminal output are pinned at 80 and 40 columns; Markdown and JSON do not wrap.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from command_list import COMMANDS, ERRORS, GOLDEN, filled
from conftest import DATA, Run

GOLDEN_DIR = Path(__file__).parent / "golden"
FIXTURE = DATA / "golden-kb" / "therapies.yaml"

# variant -> (options before the command, options after it, COLUMNS)
VARIANTS: dict[str, tuple[list[str], list[str], str]] = {
    "plain-80": ([], [], "80"),
    "plain-40": ([], [], "40"),
    "terminal-80": (["--color", "always"], [], "80"),
    "terminal-40": (["--color", "always"], [], "40"),
    "markdown": ([], ["--format", "markdown"], "80"),
    "json": ([], ["--format", "json"], "80"),
}
BIBLIOGRAPHIES = ("bibtex", "ris", "csl-json")
ERROR_VARIANTS = ("plain-80", "json")


def cases() -> list[tuple[str, list[str], str]]:
    """(golden file name, arguments, variant) for every command and format."""
    found = [
        (f"{command}.{variant}", args, variant)
        for command, args in COMMANDS.items()
        for variant in VARIANTS
        # The paths table's widths depend on where the checkout and the temporary folder are.
        if not (command == "paths" and variant.startswith("terminal"))
    ]
    found += [
        (f"{name}.{variant}", args, variant)
        for name, (args, _) in ERRORS.items()
        for variant in ERROR_VARIANTS
    ]
    found += [(f"refs.{form}", ["refs", "--format", form], "plain-80") for form in BIBLIOGRAPHIES]
    return found


CASES = cases()


@pytest.fixture
def golden_kb(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the fixture the only knowledge base, in place of the built-in one."""
    monkeypatch.setattr("therapy_cli.kb.files.builtin_path", lambda: FIXTURE)
    monkeypatch.setattr("therapy_cli.cli.builtin_path", lambda: FIXTURE)
    return FIXTURE


def printed(run: Run, args: list[str], variant: str, config: Path) -> str:
    before, after, columns = VARIANTS[variant]
    result = run(*before, *filled(args, GOLDEN), *after, env={"COLUMNS": columns, "NO_COLOR": None})
    out = result.stdout
    if result.stderr:
        out += "--- stderr ---\n" + result.stderr
    out += f"--- exit {result.exit_code} ---\n"
    for path, placeholder in ((FIXTURE.parent, "<golden-kb>"), (config, "<config>")):
        # Markdown escapes the underscores in a temporary folder's name.
        for form in (str(path), re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", str(path))):
            out = out.replace(form, placeholder)
    return out


@pytest.mark.parametrize(("name", "args", "variant"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.usefixtures("golden_kb")
def test_output_matches_its_golden_file(
    run: Run,
    update_golden: bool,
    isolated_user_config: Path,
    name: str,
    args: list[str],
    variant: str,
) -> None:
    got = printed(run, args, variant, isolated_user_config.parent.parent)
    path = GOLDEN_DIR / f"{name}.txt"
    if update_golden:
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
    assert got == path.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {f"{c[0]}.txt" for c in CASES}
    assert {p.name for p in GOLDEN_DIR.glob("*.txt")} <= expected
