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
    output_before = (sys.stdout, _file_behind(1))
    try:
        _fit_streams()
        from .cli import app

        app()
        code: object = ExitCode.OK
    except SystemExit as done:
        code = done.code
        # When help's reader goes away (`therapy --help | head -1`), Rich points stdout at
        # /dev/null or Typer swaps in a quiet sys.stdout, and either exits 1. A reader that
        # leaves early is no error, as for every command.
        if code == 1 and (sys.stdout, _file_behind(1)) != output_before:
            code = ExitCode.OK
    except KeyboardInterrupt:
        _say("\n")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader of help or version output went away: fine
        code = ExitCode.OK
    except OSError as error:  # Typer's own output (help, version) could not be written
        _say(f"therapy: cannot write the output: {error.strerror or error}\n")
        code = ExitCode.OUTPUT_FAILED
    except Exception as error:
        _say(f"therapy: internal error ({type(error).__name__}: {error}); please report it\n")
        code = ExitCode.INTERNAL
    _leave(code)


def _fit_streams() -> None:
    """Let an output encoding that lacks a glyph (ASCII, Latin-1) get a stand-in, not a crash.

    This covers what Typer and Rich print (help pages); therapy's own output does the same.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            from .render.sanitize import STAND_IN_ERRORS

            stream.reconfigure(errors=STAND_IN_ERRORS)


def _file_behind(descriptor: int) -> tuple[int, int] | None:
    """The device and inode that `descriptor` writes to, if it is open."""
    try:
        info = os.fstat(descriptor)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _say(message: str) -> None:
    """Write to stderr if there is one: with it closed, there is nowhere left to say it."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(message)


def _leave(code: object) -> None:
    """Flush and exit at once, skipping the teardown that frees every object one by one.

    With a large knowledge base in memory that teardown costs more than the command itself.
    """
    if isinstance(code, str):
        _say(f"{code}\n")
        code = ExitCode.NOT_FOUND
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed: nothing to say
            stream.flush()
    os._exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
