"""The text format: document blocks as wrapped text, bare for pipes or styled for a terminal.

It draws what Rich would (styles, hyperlinks, boxed tables) without Rich's layout engine, which
spent 40 to 100 ms measuring every cell of a page; this takes a few milliseconds.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable
from functools import singledispatch
from typing import NamedTuple

from .page import (
    Block,
    Bullets,
    Figure,
    Grid,
    Heading,
    Inline,
    Note,
    Paragraph,
    References,
    Rows,
    Span,
    Title,
)
from .sanitize import STAND_IN_ERRORS, clean
from .wrap import cells, line_breaks, pad

MIN_WIDTH = 20
# SGR codes for each span style; the 16 basic colours, which every colour terminal has.
ANSI = {
    "title": "1;4",
    "heading": "1;36",
    "strong": "1",
    "muted": "2",
    "cite": "2",
    "em": "3",
    "contact": "1;32",
    "link": "4",
    "mark": "7",
    "good": "32",
    "fair": "36",
    "weak": "33",
}
_URL = re.compile(r"https?://[^\s<>\x1b]+[^\s<>.,;:)\]\x1b]")

Paint = Callable[[str, str], str]


def bare(value: str, style: str) -> str:
    return value


def coloured(value: str, style: str) -> str:
    code = ANSI.get(style)
    return f"\x1b[{code}m{value}\x1b[0m" if code and value else value


def hyperlinks(value: str) -> str:
    """Each URL in `value` as a terminal hyperlink (OSC 8) to itself."""
    return _URL.sub(lambda m: f"\x1b]8;;{m.group()}\x1b\\{m.group()}\x1b]8;;\x1b\\", value)


class Boxes(NamedTuple):
    """The characters a table is drawn with: each rule as left, line, cross, right."""

    top: str
    header_bar: str
    below_header: str
    between_rows: str
    bottom: str
    bar: str


UNICODE_BOXES = Boxes("┏━┳┓", "┃", "┡━╇┩", "├─┼┤", "└─┴┘", "│")
ASCII_BOXES = Boxes("+-++", "|", "+=++", "+-++", "+-++", "|")


class Canvas(NamedTuple):
    """Where the text goes: its width, how styles are painted, URLs as links, and the box set
    tables are drawn with (None: no borders, as in a pipe)."""

    width: int
    paint: Paint = bare
    links: bool = False
    boxes: Boxes | None = None
    encoding: str = "utf-8"

    def show(self, text: str) -> str:
        """`text` as it will be printed: without control characters and, where the output
        encoding lacks a character, with its ASCII stand-in, so that widths are measured on
        what is printed ("£" becomes "GBP ")."""
        value = clean(text)
        try:
            value.encode(self.encoding)
        except UnicodeEncodeError:
            return value.encode(self.encoding, STAND_IN_ERRORS).decode(self.encoding)
        except LookupError:
            return value.encode("ascii", STAND_IN_ERRORS).decode("ascii")
        return value


def terminal_width() -> int:
    """The output width: $COLUMNS, the terminal's, or 80."""
    return max(shutil.get_terminal_size((80, 24)).columns, MIN_WIDTH)


def lines_of(
    inline: Inline, canvas: Canvas, first: str = "", rest: str = "", label_style: str = ""
) -> list[str]:
    """`inline` wrapped to the canvas, each line after its prefix, each span painted.

    `first` starts the first line (a bullet or a label, painted in `label_style`) and `rest`,
    as wide, indents the others.
    """
    return [line for line, _ in measured_lines(inline, canvas, first, rest, label_style)]


def measured_lines(
    inline: Inline, canvas: Canvas, first: str = "", rest: str = "", label_style: str = ""
) -> list[tuple[str, int]]:
    """As lines_of, with each line's visible width (without the terminal codes)."""
    spans = [Span(canvas.show(s.text), s.style) for s in inline]
    flat = "".join(s.text for s in spans)
    bounds, position = [], 0
    for span in spans:
        bounds.append((position, position + len(span.text), span.style))
        position += len(span.text)
    lines = []
    room = canvas.width - max(cells(first), cells(rest))
    for number, (start, end) in enumerate(line_breaks(flat, room)):
        pieces = []
        for low, high, style in bounds:
            if low < end and high > start:
                piece = flat[max(low, start) : min(high, end)]
                pieces.append(canvas.paint(hyperlinks(piece) if canvas.links else piece, style))
        prefix = canvas.paint(first, label_style) if number == 0 else rest
        shown = cells(first if number == 0 else rest) + cells(flat[start:end])
        lines.append(((prefix + "".join(pieces)).rstrip(), shown))
    return lines


def render(blocks: Iterable[Block], canvas: Canvas | None = None) -> str:
    canvas = canvas or Canvas(terminal_width())
    return "".join(line + "\n" for block in blocks for line in _render(block, canvas))


@singledispatch
def _render(block: object, canvas: Canvas) -> list[str]:
    raise TypeError(f"no plain rendering for {type(block).__name__}")


@_render.register
def _(block: Title, canvas: Canvas) -> list[str]:
    return lines_of((Span(block.text, "title"),), canvas)


@_render.register
def _(block: Note, canvas: Canvas) -> list[str]:
    return lines_of((Span(block.text, "muted"),), canvas)


@_render.register
def _(block: Heading, canvas: Canvas) -> list[str]:
    return ["", *lines_of((Span(block.text, "heading"),), canvas)]


@_render.register
def _(block: Paragraph, canvas: Canvas) -> list[str]:
    return lines_of(block.inline, canvas)


@_render.register
def _(block: Bullets, canvas: Canvas) -> list[str]:
    return [line for item in block.items for line in lines_of(item, canvas, "• ", "  ")]


@_render.register
def _(block: Rows, canvas: Canvas) -> list[str]:
    label_width = max((cells(label) for label, _ in block.rows), default=0) + 2
    if label_width + MIN_WIDTH > canvas.width:  # too narrow for a column of labels
        return [
            line
            for label, value in block.rows
            for line in [canvas.paint(clean(label), "strong"), *lines_of(value, canvas, "  ", "  ")]
            if line
        ]
    return [
        line
        for label, value in block.rows
        for line in lines_of(
            value, canvas, pad(clean(label), label_width), " " * label_width, "strong"
        )
    ]


@_render.register
def _(block: Grid, canvas: Canvas) -> list[str]:
    if canvas.boxes:  # widths are measured only where borders are drawn, never for a pipe
        widths = column_widths(block, canvas.width - 3 * len(block.headers) - 1, canvas)
        if widths is not None:
            return boxed(block, canvas, canvas.boxes, widths)
    lines = lines_of((Span(block.title, "heading"),), canvas) if block.title else []
    headers = [clean(h) for h in block.headers[1:]]
    for row in block.rows:
        if block.row_labels:  # a comparison: one paragraph per aspect, one line per column
            lines += ["", *lines_of(row[0], canvas)]
        else:
            lines += lines_of(
                tuple(Span(s.text.replace("\n", " "), s.style) for s in row[0]), canvas, "• ", "  "
            )
        for header, cell in zip(headers, row[1:], strict=True):
            lines += lines_of((Span(f"{header}: ", "strong"), *cell), canvas, "  ", "    ")
    return lines


def column_widths(block: Grid, room: int, canvas: Canvas) -> list[int] | None:
    """Widths that fit `room`: each column's natural width if all fit, else shared out; None
    when even the narrowest readable columns do not fit."""
    table = [
        [canvas.show(header) for header in block.headers],
        *(["".join(canvas.show(s.text) for s in cell) for cell in row] for row in block.rows),
    ]
    natural = [
        max(cells(line) for row in table for line in row[c].split("\n"))
        for c in range(len(block.headers))
    ]
    if sum(natural) <= room:
        return natural
    longest_word = [
        max((cells(w) for row in table for w in row[c].split()), default=1)
        for c in range(len(block.headers))
    ]
    floor = [min(n, max(w, 6)) for n, w in zip(natural, longest_word, strict=True)]
    if block.row_labels:
        floor[0] = natural[0]  # aspect labels are short and read best unbroken
    if sum(floor) > room:
        return None
    spare = room - sum(floor)
    wants = [n - f for n, f in zip(natural, floor, strict=True)]
    total = sum(wants) or 1
    return [f + spare * want // total for f, want in zip(floor, wants, strict=True)]


def boxed(block: Grid, canvas: Canvas, boxes: Boxes, widths: list[int]) -> list[str]:
    """A table drawn with box characters, as Rich draws it, header row first."""

    def row_lines(cells: Iterable[Inline], bar: str) -> list[str]:
        columns = [
            measured_lines(cell, canvas._replace(width=w)) or [("", 0)]
            for cell, w in zip(cells, widths, strict=True)
        ]
        height = max(len(column) for column in columns)
        out = []
        for index in range(height):
            parts = []
            for column, w in zip(columns, widths, strict=True):
                text, shown = column[index] if index < len(column) else ("", 0)
                parts.append(" " + text + " " * max(w - shown, 0) + " ")
            out.append(bar + bar.join(parts) + bar)
        return out

    def rule(chars: str) -> str:
        left, line, cross, right = chars[0], chars[1], chars[2], chars[3]
        return canvas.paint(left + cross.join(line * (w + 2) for w in widths) + right, "muted")

    lines = ["", *lines_of((Span(block.title, "heading"),), canvas)] if block.title else []
    lines.append(rule(boxes.top))
    header_bar = canvas.paint(boxes.header_bar, "muted")
    lines += row_lines(((Span(h, "strong"),) for h in block.headers), header_bar)
    lines.append(rule(boxes.below_header))
    for number, row in enumerate(block.rows):
        if number and block.row_labels:
            lines.append(rule(boxes.between_rows))
        lines += row_lines(row, canvas.paint(boxes.bar, "muted"))
    lines.append(rule(boxes.bottom))
    return lines


@_render.register
def _(block: References, canvas: Canvas) -> list[str]:
    indent = "    " if block.indented else ""
    heading = Span(block.heading, "muted" if block.indented else "heading")
    lines = lines_of((heading,), canvas, indent, indent) if block.heading else []
    if block.heading and not block.indented:
        lines.insert(0, "")
    for number, entry, notes in block.entries:
        label = f"{indent}[{number}] "
        hanging = " " * len(label)
        body = (Span(entry), *(Span(f"\nNote: {note}", "muted") for note in notes))
        lines += lines_of(body, canvas, label, hanging, "cite")
    return lines


@_render.register
def _(block: Figure, canvas: Canvas) -> list[str]:
    return [
        "".join(canvas.paint(clean(span.text), span.style) for span in line).rstrip()
        for line in block.lines
    ]


def disclaimer(value: str, canvas: Canvas | None = None) -> str:
    canvas = canvas or Canvas(terminal_width())
    lines = lines_of((Span(" ".join(value.split()), "em"),), canvas)
    return "\n" + canvas.paint("---", "muted") + "\n" + "\n".join(lines) + "\n"
