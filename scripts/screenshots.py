"""Regenerate the README's screenshots: real `therapy` output, recorded by Rich as SVG.

    python scripts/screenshots.py

Each command runs through the real CLI with colour forced at 100 columns; its ANSI output is
replayed into a recording Rich console and exported to docs/screenshots/NAME.svg.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
WIDTH = 100
SHOTS = {
    "show": ["show", "psychodynamic", "--section", "effectiveness"],
    "conditions-matrix": ["conditions"],
    "sessions-chart": ["sessions"],
    "compare": ["compare", "psychodynamic", "psychoanalytic"],
    "crisis": ["crisis", "--region", "uk"],
    "search": ["search", "defense"],
}


def capture(args: list[str]) -> str:
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": str(WIDTH), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    result = subprocess.run(
        [sys.executable, "-m", "therapy_cli", "--no-pager", *args],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return result.stdout


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, args in SHOTS.items():
        console = Console(record=True, width=WIDTH, force_terminal=True, file=open(os.devnull, "w"))  # noqa: SIM115, PTH123
        console.print(Text.from_ansi(capture(args)), soft_wrap=True)
        path = OUT / f"{name}.svg"
        path.write_text(console.export_svg(title=f"therapy {' '.join(args)}"), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
