"""The exit codes and the one exception family that the CLI turns into them."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (see README)."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    BAD_KNOWLEDGE_BASE = 3
    INTERNAL = 70  # a bug: please report it (EX_SOFTWARE in sysexits.h)
    OUTPUT_FAILED = 74  # stdout closed or its disk full (EX_IOERR)
    INTERRUPTED = 130


class TherapyError(Exception):
    """An error the user can act on; the CLI prints it and exits with its code."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, hints: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hints = hints


class NotFound(TherapyError):
    """A therapy, condition or search text that matches nothing."""

    exit_code = ExitCode.NOT_FOUND


class UsageProblem(TherapyError):
    """A value the user gave that the command cannot take."""

    exit_code = ExitCode.USAGE


class KnowledgeBaseError(TherapyError):
    """One or more knowledge-base files are missing or invalid."""

    exit_code = ExitCode.BAD_KNOWLEDGE_BASE


class OutputFailed(TherapyError):
    """The output could not be written: stdout is closed, or its disk is full."""

    exit_code = ExitCode.OUTPUT_FAILED
