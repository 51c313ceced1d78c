"""Render document blocks as plain wrapped text, for pipes and dumb terminals (no Rich needed)."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable
from functools import singledispatch

from ..document import (
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
    Title,
)
from ..sanitize import clean

MIN_WIDTH = 20


def width() -> int:
    """The output width: $COLUMNS, the terminal's, or 80."""
    return max(shutil.get_terminal_size((80, 24)).columns, MIN_WIDTH)


def flat(inline: Inline) -> str:
    return clean("".join(span.text for span in inline))


def wrap(value: str, first: str = "", rest: str = "", columns: int | None = None) -> list[str]:
    """`value` wrapped line by line (its own newlines kept), with indents for first and rest."""
    columns = columns or width()
    lines: list[str] = []
    for number, paragraph in enumerate(value.split("\n")):
        lead = first if number == 0 else rest
        lines += textwrap.wrap(
            paragraph, columns, initial_indent=lead, subsequent_indent=rest, break_on_hyphens=False
        ) or [lead.rstrip()]
    return lines


def render(blocks: Iterable[Block]) -> str:
    return "".join(line + "\n" for block in blocks for line in _render(block))


@singledispatch
def _render(block: object) -> list[str]:
    raise TypeError(f"no plain rendering for {type(block).__name__}")


@_render.register
def _(block: Title) -> list[str]:
    return wrap(clean(block.text))


@_render.register
def _(block: Note) -> list[str]:
    return wrap(clean(block.text))


@_render.register
def _(block: Heading) -> list[str]:
    return ["", *wrap(clean(block.text))]


@_render.register
def _(block: Paragraph) -> list[str]:
    return wrap(flat(block.inline))


@_render.register
def _(block: Bullets) -> list[str]:
    return [line for item in block.items for line in wrap(flat(item), "• ", "  ")]


@_render.register
def _(block: Rows) -> list[str]:
    label_width = max((len(label) for label, _ in block.rows), default=0) + 2
    if label_width + MIN_WIDTH > width():
        return [
            line
            for label, value in block.rows
            for line in [label, *wrap(flat(value), "  ", "  ")]
            if line
        ]
    return [
        line
        for label, value in block.rows
        for line in wrap(flat(value), label.ljust(label_width), " " * label_width)
    ]


@_render.register
def _(block: Grid) -> list[str]:
    lines = wrap(clean(block.title)) if block.title else []
    if block.row_labels:  # a comparison: one paragraph per aspect, one line per column
        for row in block.rows:
            lines += ["", flat(row[0])]
            for header, cell in zip(block.headers[1:], row[1:], strict=True):
                lines += wrap(f"{clean(header)}: {flat(cell)}", "  ", "    ")
        return lines
    for row in block.rows:
        lines += wrap(flat(row[0]).replace("\n", " "), "• ", "  ")
        for header, cell in zip(block.headers[1:], row[1:], strict=True):
            lines += wrap(f"{clean(header)}: {flat(cell)}", "  ", "    ")
    return lines


@_render.register
def _(block: References) -> list[str]:
    indent = "    " if block.indented else ""
    lines = [f"{indent}{block.heading}"] if block.indented else ["", block.heading]
    for number, entry, notes in block.entries:
        label = f"{indent}[{number}] "
        lines += wrap(clean(entry), label, " " * len(label))
        for note in notes:
            lines += wrap(f"Note: {clean(note)}", " " * len(label), " " * len(label))
    return lines


@_render.register
def _(block: Figure) -> list[str]:
    return [clean("".join(span.text for span in line)).rstrip() for line in block.lines]


def disclaimer(value: str) -> str:
    return "\n---\n" + "\n".join(wrap(" ".join(value.split()))) + "\n"
