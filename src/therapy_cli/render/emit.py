"""The one place that prints: an answer in the chosen format, then the disclaimer; errors too."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from . import BIBLIOGRAPHIES, ColorMode, Format
from .sanitize import clean

if TYPE_CHECKING:
    from ..answers import Answer
    from ..errors import TherapyError


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


def emit(answer: Answer, output: Format, options: Options, disclaimer: str) -> None:
    """Print `answer` as `output`, ending with the disclaimer."""
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


def _text(answer: Answer, options: Options, disclaimer: str) -> None:
    from . import text
    from .page import build

    display = display_for(options.color, sys.stdout)
    if display.plain:
        from . import tsv

        records = tsv.render(answer)
        body = (
            "".join(f"{clean(line)}\n" for line in records)
            if records is not None
            else text.render(build(answer))
        )
        write(sys.stdout, body + text.disclaimer(disclaimer))
        return
    canvas = text.Canvas(
        text.terminal_width(),
        text.coloured if display.color else text.bare,
        links=display.color,
        boxes=text.UNICODE_BOXES if _can_show(BOX_DRAWING, sys.stdout) else text.ASCII_BOXES,
    )
    body = text.render(build(answer), canvas) + text.disclaimer(disclaimer, canvas)
    page(body, options.pager, shutil.get_terminal_size().lines)


def page(value: str, allowed: bool, height: int) -> None:
    """Show `value` through $PAGER (default `less -FRX`) when it is taller than the terminal."""
    command = os.environ.get("PAGER", DEFAULT_PAGER)
    if not allowed or not sys.stdout.isatty() or value.count("\n") < height or not command:
        write(sys.stdout, value)
        return
    import shlex
    import subprocess

    try:
        subprocess.run(shlex.split(command), input=value, text=True, check=False)
    except (OSError, ValueError):  # no such pager, or an unparsable $PAGER: print it all
        write(sys.stdout, value)


def report(error: TherapyError, output: Format, command: str, disclaimer: str) -> None:
    """An error: as a JSON envelope on stdout for --format json, else as text on stderr."""
    hints = (*error.hints, URGENT_HELP)
    if output is Format.JSON:
        from . import jsondoc

        write(sys.stdout, jsondoc.error(error.message, hints, error.exit_code, command, disclaimer))
        return
    lines = [f"therapy: {clean(error.message)}", *(f"  {clean(h)}" for h in hints)]
    write(sys.stderr, "\n".join(lines) + "\n")


def _bibliography(answer: Answer, output: Format, disclaimer: str) -> None:
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
    write(sys.stderr, " ".join(disclaimer.split()) + "\n")


# Plain-ASCII stand-ins for the typography in the content, for terminals that cannot show it.
_ASCII = str.maketrans(
    {
        "–": "-", "—": "-", "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "•": "*",
        "›": ">", "…": "...", "─": "-", "é": "e", "●": "*", "◐": "+", "○": "o", "█": "#",
        "▒": "=", "░": ".", "▶": ">", "·": ".", "│": "|", "┊": ":", "£": "GBP ", "½": " 1/2",
    }
)  # fmt: skip


def _can_show(value: str, stream: TextIO) -> bool:
    try:
        value.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def write(stream: TextIO, value: str) -> None:
    """Write `value`, falling back to ASCII stand-ins where the stream's encoding lacks a glyph."""
    if not _can_show(value, stream):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            value = value.translate(_ASCII).encode(encoding, "replace").decode(encoding)
        except LookupError:
            value = value.translate(_ASCII).encode("ascii", "replace").decode("ascii")
    stream.write(value)
    stream.flush()
