"""Render document blocks with Rich, for a terminal: colour, borders, hanging indents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import singledispatch

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

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
    Span,
    Title,
)
from ..sanitize import clean

STYLES = {
    "strong": "bold",
    "muted": "dim",
    "em": "italic",
    "cite": "dim",
    "contact": "bold green",
    "link": "underline",
    "mark": "reverse",
    "good": "green",
    "fair": "cyan",
    "weak": "yellow",
    "": "",
}
_URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;:)\]]")
HEADING = "bold cyan"


def text(inline: Inline, links: bool = False) -> Text:
    """Content as literal text: markup is not interpreted and control characters are gone.

    With `links`, every URL becomes a terminal hyperlink (OSC 8) that the reader can click.
    """
    result = Text(overflow="fold")
    for span in inline:
        result.append(clean(span.text), style=STYLES[span.style])
    if links:
        for match in _URL.finditer(result.plain):
            result.stylize(f"link {match.group()}", match.start(), match.end())
    return result


def render(blocks: Iterable[Block], links: bool = False) -> Iterator[RenderableType]:
    for block in blocks:
        yield _render(block, links)


@singledispatch
def _render(block: object, links: bool) -> RenderableType:
    raise TypeError(f"no Rich rendering for {type(block).__name__}")


@_render.register
def _(block: Title, links: bool) -> RenderableType:
    return Text(clean(block.text), style="bold underline")


@_render.register
def _(block: Note, links: bool) -> RenderableType:
    return Text(clean(block.text), style="dim", overflow="fold")


@_render.register
def _(block: Heading, links: bool) -> RenderableType:
    return Text(f"\n{clean(block.text)}", style=HEADING)


@_render.register
def _(block: Paragraph, links: bool) -> RenderableType:
    return text(block.inline, links)


@_render.register
def _(block: Bullets, links: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in block.items:
        grid.add_row("•", text(item, links))
    return grid


@_render.register
def _(block: Rows, links: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in block.rows:
        grid.add_row(label, text(value, links))
    return grid


@_render.register
def _(block: Grid, links: bool) -> RenderableType:
    table = Table(title=block.title or None, title_style=HEADING, show_lines=block.row_labels)
    for index, header in enumerate(block.headers):
        no_wrap = block.row_labels and index == 0
        table.add_column(Text(clean(header), style="bold"), no_wrap=no_wrap)
    for row in block.rows:
        table.add_row(*(text(cell, links) for cell in row))
    return table


@_render.register
def _(block: References, links: bool) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style="dim")
    table.add_column()
    for number, entry, notes in block.entries:
        body = text(((Span(entry),)), links)
        for note in notes:
            body.append(f"\nNote: {clean(note)}", style="dim")
        table.add_row(f"[{number}]", body)
    title = Text(
        f"\n{block.heading}" if not block.indented else block.heading,
        style="dim" if block.indented else HEADING,
    )
    return Padding(_stack(title, table), (0, 0, 0, 4)) if block.indented else _stack(title, table)


@_render.register
def _(block: Figure, links: bool) -> RenderableType:
    lines = [text(line) for line in block.lines]
    for line in lines:
        line.no_wrap, line.overflow = True, "crop"
    return _stack(*lines)


def _stack(*parts: RenderableType) -> RenderableType:
    from rich.console import Group

    return Group(*parts)


def disclaimer(value: str) -> RenderableType:
    return _stack(Text(""), Text("───", style="dim"), Text(clean(value), style="italic"))
