"""Regenerate the README's screenshots: real `therapy` output, recorded by Rich as SVG.

    python scripts/screenshots.py          # rewrite them
    python scripts/screenshots.py --check  # exit 1, naming each, if any is stale (CI runs this)

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


def svg(args: list[str]) -> str:
    with Path(os.devnull).open("w") as sink:
        console = Console(record=True, width=WIDTH, force_terminal=True, file=sink)
        console.print(Text.from_ansi(capture(args)), soft_wrap=True)
        return console.export_svg(title=f"therapy {' '.join(args)}")


def main(check: bool) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, args in SHOTS.items():
        path, drawn = OUT / f"{name}.svg", svg(args)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != drawn:
                stale.append(path.name)
            continue
        path.write_text(drawn, encoding="utf-8")
        print(f"wrote {path}")
    if stale:
        print(f"stale screenshots: {', '.join(stale)}; run python scripts/screenshots.py")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv[1:]))
