"""`python -m therapy_cli` and the `therapy` console script."""

from __future__ import annotations

import contextlib
import gc
import os
import sys

from .errors import ExitCode


def main() -> None:
    """Run the CLI; Ctrl-C even during start-up ends quietly with exit 130."""
    # A run lasts a fraction of a second and builds many small objects (imports, the decoded
    # knowledge base) that all live to the end: cycle collection would only slow it down.
    gc.disable()
    try:
        from .cli import app

        app()
        code: object = ExitCode.OK
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        code = ExitCode.INTERRUPTED
    except Exception as error:
        sys.stderr.write(
            f"therapy: internal error ({type(error).__name__}: {error}); please report it\n"
        )
        code = ExitCode.INTERNAL
    _leave(code)


def _leave(code: object) -> None:
    """Flush and exit at once, skipping the teardown that frees every object one by one.

    With a large knowledge base in memory that teardown costs more than the command itself.
    """
    if isinstance(code, str):
        sys.stderr.write(f"{code}\n")
        code = ExitCode.NOT_FOUND
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
