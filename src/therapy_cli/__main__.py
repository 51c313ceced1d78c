"""`python -m therapy_cli` and the `therapy` console script."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Run the CLI; Ctrl-C even during start-up ends quietly with exit 130."""
    # A run lasts a fraction of a second and builds many small objects (imports, the unpickled
    # knowledge base) that all live to the end: cycle collection would only slow it down.
    gc.disable()
    try:
        from .cli import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    except Exception as error:
        sys.stderr.write(
            f"therapy: internal error ({type(error).__name__}: {error}); please report it\n"
        )
        sys.exit(70)


if __name__ == "__main__":
    main()
