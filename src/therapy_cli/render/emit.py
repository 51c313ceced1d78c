"""The one place that prints: an answer in the chosen format, then the disclaimer; errors too."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from ..errors import OutputFailed
from . import BIBLIOGRAPHIES, ColorMode, Format
from .sanitize import STAND_IN_ERRORS, clean

if TYPE_CHECKING:
    from ..answers import Answer
    from ..errors import TherapyError
    from ..guide import GuideAnswer


DEFAULT_PAGER = "less -FRX"
URGENT_HELP = "if you need urgent help now, run: therapy crisis"  # ends every error
BOX_DRAWING = "┏━┃│└─•–"  # if the output encoding cannot show these, tables are drawn in ASCII


class Options(NamedTuple):
    """How the user asked for output to look: colour mode and paging."""

    color: ColorMode = ColorMode.AUTO
    pager: bool = True


class Display(NamedTuple):
    """How to print: with colour or not, and decorated (a terminal) or plain (a pipe)."""

    color: bool
    plain: bool


def display_for(
    color_option: ColorMode, stream: TextIO, environ: dict[str, str] | None = None
) -> Display:
    """Decide colour and decoration: the option, then NO_COLOR, FORCE_COLOR, TERM=dumb, a tty.

    Decoration (table borders) follows the terminal; `never` and NO_COLOR only take the colour.
    """
    env = os.environ if environ is None else environ
    always, never = color_option is ColorMode.ALWAYS, color_option is ColorMode.NEVER
    forced = always or (color_option is ColorMode.AUTO and bool(env.get("FORCE_COLOR")))
    terminal = forced or (stream.isatty() and env.get("TERM") != "dumb")
    wants_color = always or (not never and not env.get("NO_COLOR"))
    return Display(color=terminal and wants_color, plain=not terminal)


def emit(answer: Answer | GuideAnswer, output: Format, options: Options, disclaimer: str) -> None:
    """Print `answer` as `output`, ending with the disclaimer."""
    if sys.stdout is None:
        raise OutputFailed("cannot write the output: standard output is closed")
    if output is Format.JSON:
        from . import jsondoc

        write(sys.stdout, jsondoc.render(answer, disclaimer))
    elif output is Format.MARKDOWN:
        from . import markdown
        from .page import build

        write(sys.stdout, markdown.render(build(answer)) + markdown.disclaimer(disclaimer))
    elif output in BIBLIOGRAPHIES:
        _bibliography(answer, output, disclaimer)
    else:
        _text(answer, options, disclaimer)


def _text(answer: Answer | GuideAnswer, options: Options, disclaimer: str) -> None:
    from . import text
    from .page import build

    display = display_for(options.color, sys.stdout)
    # Measured on what the encoding can show, so that ASCII stand-ins cannot overrun a line.
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if display.plain:
        plain_canvas = text.Canvas(text.terminal_width(), encoding=encoding)
        from . import tsv

        records = tsv.render(answer)
        body = (
            "".join(f"{clean(line)}\n" for line in records)
            if records is not None
            else text.render(build(answer), plain_canvas)
        )
        write(sys.stdout, body + text.disclaimer(disclaimer, plain_canvas))
        return
    canvas = text.Canvas(
        text.terminal_width(),
        text.coloured if display.color else text.bare,
        links=display.color,
        boxes=text.UNICODE_BOXES if _can_show(BOX_DRAWING, sys.stdout) else text.ASCII_BOXES,
        encoding=encoding,
    )
    body = text.render(build(answer), canvas) + text.disclaimer(disclaimer, canvas)
    page(body, options.pager, shutil.get_terminal_size().lines)


def page(value: str, allowed: bool, height: int) -> None:
    """Show `value` through $PAGER (default `less -FRX`) when it is taller than the terminal.

    As git does: the command runs through the shell, LESS defaults to FRX (so colours show),
    and Ctrl-C goes to the pager alone, which leaves the terminal as it was. If the pager
    cannot be run, the output is printed instead of lost.
    """
    command = os.environ.get("PAGER", DEFAULT_PAGER)
    if not allowed or not sys.stdout.isatty() or value.count("\n") < height or not command.strip():
        write(sys.stdout, value)
        return
    import signal
    import subprocess

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    environment = {**os.environ, "LESS": os.environ.get("LESS") or "FRX"}
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        shown = subprocess.run(
            command,
            shell=True,
            input=value.encode(encoding, STAND_IN_ERRORS),
            env=environment,
            check=False,
        )
        failed = shown.returncode in (126, 127)  # the shell could not run it
    except OSError:
        failed = True
    finally:
        signal.signal(signal.SIGINT, previous)
    if failed:
        write(sys.stdout, value)


def report(error: TherapyError, output: Format, command: str, disclaimer: str) -> None:
    """An error: as a JSON envelope on stdout for --format json, else as text on stderr."""
    hints = (*error.hints, URGENT_HELP)
    if output is Format.JSON and not isinstance(error, OutputFailed):
        from . import jsondoc

        write(sys.stdout, jsondoc.error(error.message, hints, error.exit_code, command, disclaimer))
        return
    lines = [f"therapy: {clean(error.message)}", *(f"  {clean(h)}" for h in hints)]
    say("\n".join(lines) + "\n")


def _bibliography(answer: Answer | GuideAnswer, output: Format, disclaimer: str) -> None:
    """References for a reference manager; the disclaimer goes where its readers ignore it."""
    from ..answers import RefsAnswer
    from .refs import bibtex, csljson, ris

    if not isinstance(answer, RefsAnswer):
        raise TypeError(f"{output.value} is only for 'therapy refs'")
    if output is Format.BIBTEX:
        write(sys.stdout, bibtex.dump(answer.references) + bibtex.comment(disclaimer))
        return
    dump = ris.dump if output is Format.RIS else csljson.dump
    write(sys.stdout, dump(answer.references))
    say(" ".join(disclaimer.split()) + "\n")


def _can_show(value: str, stream: TextIO) -> bool:
    try:
        value.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def say(value: str) -> None:
    """Write to stderr if it can take it: with it closed or full, there is nowhere left to say."""
    with contextlib.suppress(OSError, OutputFailed):
        if sys.stderr is not None:
            write(sys.stderr, value)


def write(stream: TextIO | None, value: str) -> None:
    """Write `value` to stdout (or, through `say`, stderr); glyphs the encoding lacks become
    ASCII stand-ins. A closed or failing stream (a full disk) is an OutputFailed error; a
    reader that has gone (`| head`) ends the run quietly."""
    if stream is None:  # the descriptor was closed before the program started
        raise OutputFailed("cannot write the output: standard output is closed")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if not _can_show(value, stream):
        try:
            value = value.encode(encoding, STAND_IN_ERRORS).decode(encoding)
        except LookupError:
            value = value.encode("ascii", STAND_IN_ERRORS).decode("ascii")
    try:
        stream.write(value)
        stream.flush()
    except BrokenPipeError:
        _quiet_stdout()  # the reader has gone (`| head`): stop quietly, as `cat` would
        raise SystemExit(0) from None
    except OSError as error:
        raise OutputFailed(f"cannot write the output: {error.strerror or error}") from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the final flush cannot fail on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
