"""Render document blocks with Rich, for a terminal: colour, borders, hanging indents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import singledispatch

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
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


_WORD = re.compile(r"\S+")


def wrap(body: Text, width: int) -> list[Text]:
    """`body` broken into lines of at most `width` cells, at spaces; a long word gets its own line.

    Rich's own Text.wrap measures every character's cell width; the content here is text of
    single-width characters, so counting characters gives the same lines at a fraction of the cost.
    """
    plain, offsets, start = body.plain, [], 0
    for paragraph in plain.split("\n"):
        line_start = line_end = None
        for word in _WORD.finditer(paragraph):
            begin, end = start + word.start(), start + word.end()
            if line_start is None:
                line_start = begin
            elif end - line_start > width:
                offsets.append((line_start, line_end))
                line_start = begin
            line_end = end
        offsets.append((line_start or start, line_end or start))
        start += len(paragraph) + 1
    return [body[a:b] for a, b in offsets]


class Hanging:
    """Labelled paragraphs with a hanging indent: a bullet list, a definition list, references.

    Wrapping each body once with Text.wrap is several times cheaper than a Rich grid, which
    measures every cell before laying out the table.
    """

    def __init__(self, items: list[tuple[str, Text]], label_style: str = "", right: bool = False):
        self.items = items
        self.label_style = label_style
        self.right = right
        self.indent = max((len(label) for label, _ in items), default=0) + 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.indent, 10)
        for label, body in self.items:
            for number, line in enumerate(wrap(body, width)):
                first = label.rjust(self.indent - 1) if self.right else label.ljust(self.indent - 1)
                prefix = Text(
                    (first if number == 0 else "").ljust(self.indent), style=self.label_style
                )
                yield Text.assemble(prefix, line, no_wrap=True, end="\n")


@_render.register
def _(block: Bullets, links: bool) -> RenderableType:
    return Hanging([("•", text(item, links)) for item in block.items])


@_render.register
def _(block: Rows, links: bool) -> RenderableType:
    return Hanging([(f"{label} ", text(value, links)) for label, value in block.rows], "bold")


@_render.register
def _(block: Grid, links: bool) -> RenderableType:
    from rich.table import Table  # only tables need it: a page of prose starts faster without

    table = Table(title=block.title or None, title_style=HEADING, show_lines=block.row_labels)
    for index, header in enumerate(block.headers):
        no_wrap = block.row_labels and index == 0
        table.add_column(Text(clean(header), style="bold"), no_wrap=no_wrap)
    for row in block.rows:
        table.add_row(*(text(cell, links) for cell in row))
    return table


@_render.register
def _(block: References, links: bool) -> RenderableType:
    entries = []
    for number, entry, notes in block.entries:
        body = text(((Span(entry),)), links)
        for note in notes:
            body.append(f"\nNote: {clean(note)}", style="dim")
        entries.append((f"[{number}]", body))
    table = Hanging(entries, "dim", right=True)
    title = Text(
        f"\n{block.heading}" if not block.indented else block.heading,
        style="dim" if block.indented else HEADING,
    )
    if not block.indented:
        return _stack(title, table)
    from rich.padding import Padding

    return Padding(_stack(title, table), (0, 0, 0, 4))


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
