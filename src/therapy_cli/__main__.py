"""`python -m therapy_cli` and the `therapy` console script."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the CLI; Ctrl-C even during start-up ends quietly with exit 130."""
    try:
        from .cli import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
