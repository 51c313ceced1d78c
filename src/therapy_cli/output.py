"""The one place that prints: a view in the chosen format, then the disclaimer; errors to stderr."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from .errors import TherapyError
from .sanitize import clean

if TYPE_CHECKING:
    from rich.console import Console

    from .model import KnowledgeBase
    from .views import View


# Rich pads table cells to the full width; the padding is noise in pipes and copied text.
_TRAILING_SPACE = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)
DEFAULT_PAGER = "less -FRX"


class Options(NamedTuple):
    """What the user asked for: the format, colour (auto/always/never) and paging."""

    format: str = "text"
    color: str = "auto"
    pager: bool = True


class Display(NamedTuple):
    """How to print: with colour or not, and decorated (a terminal) or plain (a pipe)."""

    color: bool
    plain: bool


def display_for(
    color_option: str, stream: TextIO, environ: dict[str, str] | None = None
) -> Display:
    """Decide colour and decoration: the option, then NO_COLOR, FORCE_COLOR, TERM=dumb, a tty."""
    env = os.environ if environ is None else environ
    forced = color_option == "always" or (color_option == "auto" and bool(env.get("FORCE_COLOR")))
    terminal = forced or (stream.isatty() and env.get("TERM") != "dumb")
    wants_color = color_option == "always" or (color_option == "auto" and not env.get("NO_COLOR"))
    return Display(color=terminal and wants_color and color_option != "never", plain=not terminal)


def make_console(display: Display) -> Console:
    """A console built at print time, so that it sees the terminal's current width."""
    from rich.console import Console

    return Console(
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=not display.plain,
        no_color=not display.color,
        color_system="standard" if display.color else None,  # our styles are the 16 basic ones
    )


def emit(view: View, kb: KnowledgeBase, options: Options | None = None) -> None:
    """Print `view` in the chosen format, ending with the knowledge base's disclaimer."""
    options = options or Options()
    if options.format == "json":
        from .formats import jsondata

        write(sys.stdout, jsondata.render(view, kb))
    elif options.format == "markdown":
        from .document import build
        from .formats import markdown

        write(sys.stdout, markdown.render(build(view)) + markdown.disclaimer(kb.disclaimer))
    elif options.format in ("bibtex", "ris", "csl-json"):
        _export(view, options.format, kb.disclaimer)
    else:
        _text(view, kb, options)


def _text(view: View, kb: KnowledgeBase, options: Options) -> None:
    from .document import build

    display = display_for(options.color, sys.stdout)
    if display.plain:
        from .formats import plain, records

        lines = records.render(view)
        body = (
            "".join(f"{clean(line)}\n" for line in lines)
            if lines is not None
            else plain.render(build(view))
        )
        write(sys.stdout, body + plain.disclaimer(kb.disclaimer))
        return
    from .formats import text

    console = make_console(display)
    with console.capture() as capture:
        for renderable in text.render(build(view), links=display.color):
            console.print(renderable)
        console.print(text.disclaimer(kb.disclaimer))
    page(_TRAILING_SPACE.sub(r"\1", capture.get()), options.pager, console.size.height)


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


def report(error: TherapyError) -> None:
    """Print an error and its hints to stderr, as plain text."""
    lines = [f"therapy: {clean(error.message)}", *(f"  {clean(h)}" for h in error.hints)]
    write(sys.stderr, "\n".join(lines) + "\n")


def _export(view: View, export: str, disclaimer: str) -> None:
    """References in a bibliography format; the disclaimer goes where its readers ignore it."""
    from .formats import bibtex, csljson, ris
    from .views import RefsView

    assert isinstance(view, RefsView), "only 'therapy refs' offers bibliography formats"
    if export == "bibtex":
        write(sys.stdout, bibtex.dump(view.references) + bibtex.comment(disclaimer))
        return
    dump = ris.dump if export == "ris" else csljson.dump
    write(sys.stdout, dump(view.references))
    write(sys.stderr, " ".join(disclaimer.split()) + "\n")


# Plain-ASCII stand-ins for the typography in the content, for terminals that cannot show it.
_ASCII = str.maketrans(
    {
        "–": "-", "—": "-", "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "•": "*",
        "›": ">", "…": "...", "─": "-", "é": "e", "●": "*", "◐": "+", "○": "o", "█": "#",
        "▒": "=", "░": ".", "▶": ">", "·": ".", "│": "|", "┊": ":",
    }
)  # fmt: skip


def write(stream: TextIO, value: str) -> None:
    """Write `value`, falling back to ASCII stand-ins where the stream's encoding lacks a glyph."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        value.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        value = value.translate(_ASCII).encode(encoding, "replace").decode(encoding)
    stream.write(value)
    stream.flush()
