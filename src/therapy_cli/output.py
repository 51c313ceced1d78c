"""The one place that prints: a view in the chosen format, then the disclaimer; errors to stderr."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from .errors import TherapyError
from .sanitize import clean

if TYPE_CHECKING:
    from .model import KnowledgeBase
    from .views import View


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
    from .formats import text

    display = display_for(options.color, sys.stdout)
    if display.plain:
        from .formats import records

        lines = records.render(view)
        body = (
            "".join(f"{clean(line)}\n" for line in lines)
            if lines is not None
            else text.render(build(view))
        )
        write(sys.stdout, body + text.disclaimer(kb.disclaimer))
        return
    paint = text.coloured if display.color else text.bare
    canvas = text.Canvas(text.terminal_width(), paint, links=display.color, boxes=True)
    body = text.render(build(view), canvas) + text.disclaimer(kb.disclaimer, canvas)
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
