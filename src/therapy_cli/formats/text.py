"""Render document blocks with Rich, for a terminal: colour, borders, hanging indents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import singledispatch

from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..document import (
    Block,
    Bullets,
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

STYLES = {
    "strong": "bold",
    "muted": "dim",
    "em": "italic",
    "cite": "dim",
    "contact": "bold green",
    "link": "underline",
    "mark": "reverse",
    "": "",
}
HEADING = "bold cyan"


def text(inline: Inline) -> Text:
    """Content as literal text: markup is not interpreted and control characters are gone."""
    result = Text(overflow="fold")
    for span in inline:
        result.append(clean(span.text), style=STYLES[span.style])
    return result


def render(blocks: Iterable[Block], decorated: bool = True) -> Iterator[RenderableType]:
    for block in blocks:
        yield _render(block, decorated)


@singledispatch
def _render(block: object, decorated: bool) -> RenderableType:
    raise TypeError(f"no Rich rendering for {type(block).__name__}")


@_render.register
def _(block: Title, decorated: bool) -> RenderableType:
    return Text(clean(block.text), style="bold underline")


@_render.register
def _(block: Note, decorated: bool) -> RenderableType:
    return Text(clean(block.text), style="dim", overflow="fold")


@_render.register
def _(block: Heading, decorated: bool) -> RenderableType:
    return Text(f"\n{clean(block.text)}", style=HEADING)


@_render.register
def _(block: Paragraph, decorated: bool) -> RenderableType:
    return text(block.inline)


@_render.register
def _(block: Bullets, decorated: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in block.items:
        grid.add_row("•", text(item))
    return grid


@_render.register
def _(block: Rows, decorated: bool) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in block.rows:
        grid.add_row(label, text(value))
    return grid


@_render.register
def _(block: Grid, decorated: bool) -> RenderableType:
    table = Table(title=block.title or None, title_style=HEADING, show_lines=block.row_labels)
    if not decorated:
        table.box, table.show_edge, table.show_lines = None, False, False
    for index, header in enumerate(block.headers):
        no_wrap = block.row_labels and index == 0
        table.add_column(Text(clean(header), style="bold"), no_wrap=no_wrap)
    for row in block.rows:
        table.add_row(*(text(cell) for cell in row))
    return table


@_render.register
def _(block: References, decorated: bool) -> RenderableType:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style="dim")
    table.add_column()
    for number, entry, notes in block.entries:
        body = Text(clean(entry), overflow="fold")
        for note in notes:
            body.append(f"\nNote: {clean(note)}", style="dim")
        table.add_row(f"[{number}]", body)
    title = Text(
        f"\n{block.heading}" if not block.indented else block.heading,
        style="dim" if block.indented else HEADING,
    )
    return Padding(_stack(title, table), (0, 0, 0, 4)) if block.indented else _stack(title, table)


def _stack(*parts: RenderableType) -> RenderableType:
    from rich.console import Group

    return Group(*parts)


def disclaimer(value: str) -> RenderableType:
    return _stack(Text(""), Text("───", style="dim"), Text(clean(value), style="italic"))
