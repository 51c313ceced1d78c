"""Shared fixtures: the CLI run in-process with a scrubbed, predictable environment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from therapy_cli.cli import app

CLEAN_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", "FORCE_COLOR": None}
DATA = Path(__file__).parent / "data"

Run = Callable[..., Result]


def flat(text: str) -> str:
    """Output with line wrapping undone, for phrase checks."""
    return " ".join(text.split())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files and README examples from what the code prints now",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites expected output instead of checking it."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One parse cache for the whole run: entries are keyed by file stamps, so sharing is safe."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_user_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_cache: Path
) -> Path:
    """Keep the tester's own files, settings and cache out of every test, and untouched."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("THERAPY_CACHE_DIR", str(shared_cache))
    monkeypatch.delenv("THERAPY_DATA", raising=False)
    return config / "therapy" / "therapies.d"


@pytest.fixture
def run() -> Run:
    """Run `therapy ARGS...` in-process and return the result."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return runner.invoke(app, list(args), env={**CLEAN_ENV, **(env or {})})

    return invoke


@pytest.fixture
def kb_file(tmp_path: Path) -> Callable[[str], Path]:
    """Write an overlay knowledge-base file and return its path."""

    def write(text: str, name: str = "extra.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
